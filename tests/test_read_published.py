"""Publication date only from a date line at the top; title from the first headline-like line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from judikg.ingest.model import Document
from judikg.ingest.published import published_date, title_of
from judikg.ingest.read import read_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BODY = "Сот жыйыны өттү жана катышуучулар кызматташуунун жаңы багыттарын талкуулашты, деп билдирди басма сөз кызматы."


@pytest.mark.parametrize(
    ("top", "lang", "expected"),
    [
        ("Қазақстан • 04 Сәуір, 2024", "kk", "2024-04-04"),
        ("Астана, 10 июня 2014 г.", "ru", "2014-06-10"),
        ("28.05.2024", "ky", "2024-05-28"),
        ("14:18 12.09.2025", "ru", "2025-09-12"),
        ("Saıasat • 09 Shilde, 2023", "kk-Latn", "2023-07-09"),
        ("Apr 25. Kazpravda", "en", None),
        ("Бишкек, 18.02.22. /Кабар/. Бүгүн сот жыйыны болду.", "ky", "2022-02-18"),
        ("Ташкент. 3 сентября. УзТАГ – Делегация приняла участие.", "ru", None),
        ("2023-жылдын 1-декабрында сот жыйыны башталды жана эки күн уланды.", "ky", None),
        ("On 11-14 September 2024, a seminar opened in Astana.", "en", None),
        ("17 июня 2025 года на конференции встретились председатели судов.", "ru", None),
    ],
)
def test_published_date_from_the_top_line(top: str, lang: str, expected: str | None) -> None:
    assert published_date(f"{top}\n\n{BODY}", lang) == expected


def test_date_inside_the_body_is_not_the_publication_date() -> None:
    text = f"Сот жаңылыгы\n\n{BODY} 2024-жылдын 27-майында кол коюлду."
    assert published_date(text, "ky") is None


def test_title_after_navigation_and_date_lines() -> None:
    assert title_of("Сайттын аты\n\nАртка\n\n22 ноябрь 2018\n\nЖыйынга катышышты\n\none\n\n" + BODY) == "Жыйынга катышышты"
    assert title_of("Меню навигации+\n\nСоттор кызматташат\n\n28.05.2024\n\n" + BODY) == "Соттор кызматташат"
    assert title_of("|Судьи изучают опыт\n14:18 12.09.2025\n" + BODY) == "Судьи изучают опыт"


def test_no_title_when_the_text_opens_with_its_lead_paragraph() -> None:
    assert title_of(BODY + "\n" + BODY) is None
    assert title_of("") is None


def test_shared_articles_published_and_lang() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "dev").glob("*.txt"))
    docs = [d for d in read_paths(paths) if isinstance(d, Document)]
    assert len(docs) == len(paths) >= 24
    published_ok = lang_ok = title_ok = 0
    for doc in docs:
        gold = json.loads(Path(doc.source).with_suffix(".gold.json").read_text(encoding="utf-8"))
        published_ok += doc.published == gold["published"]
        lang_ok += doc.lang == gold["lang"]
        title_ok += (doc.title or None) == (gold["title"] and " ".join(gold["title"].split()))
        assert len(doc.text) == len(doc.original.replace("\r\n", "\n")) or doc.lang == "kk-Latn"
    assert lang_ok == len(docs)
    assert published_ok / len(docs) >= 0.95
    # Titles are not a stated target; a regression below this level means title_of() broke.
    assert title_ok / len(docs) >= 0.9
