"""Extraction quality on the bundled sample articles, which every clone has (no ../shared needed).

The samples were written for judikg, with gold annotations following the shared GOLD_FORMAT, in
every language and script and in all three input formats (txt, html, jsonl). The floors are the
measured figures rounded down: a drop is a regression to explain, a rise a reason to ratchet.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from judikg.evaluation import article_of, prediction_stem

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def test_gold_files_find_their_article_in_every_format() -> None:
    assert article_of(EXAMPLES / "en_2022_bali_wccj.gold.json") == (EXAMPLES / "en_2022_bali_wccj.html", None)
    assert article_of(EXAMPLES / "en_2024_2025_news.L2.gold.json") == (EXAMPLES / "en_2024_2025_news.jsonl", 2)
    assert prediction_stem(EXAMPLES / "en_2024_2025_news.L2.gold.json") == "en_2024_2025_news-2"
    assert article_of(EXAMPLES / "ru_2022_bali_wccj.gold.json")[0].suffix == ".txt"


def test_sample_articles_score_at_least_the_measured_floors() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "judikg", "evaluate", str(EXAMPLES), "--json"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 14
    assert report["entity_micro"]["f1"] >= 0.93
    assert report["relation_micro"]["f1"] >= 0.74
    assert report["published_accuracy"] == 1.0


def test_one_event_reported_in_two_languages_is_one_node() -> None:
    """The Kyrgyz report names the conference's organiser and the Russian one does not; a day and
    a city are what both say, and they make one event IRI."""
    from judikg.ingest.extract import extract
    from judikg.ingest.read import read_paths

    def conference_iris(name: str) -> set[str]:
        (doc,) = list(read_paths([EXAMPLES / name]))
        return {e.iri for e in extract(doc).entities if e.type == "Conference" and e.date == "2023-10-20"}

    ky = conference_iris("ky_2023_bishkek_criminal_justice.txt")
    ru = conference_iris("ru_2023_bishkek_criminal_justice.txt")
    assert ky and ky == ru
