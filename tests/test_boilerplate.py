"""blank_boilerplate keeps length and newlines, blanks chrome lines, never article sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.boilerplate import LineKind, blank_boilerplate, classify_line


def _blanked(text: str) -> list[str]:
    return [line for line, out in zip(text.split("\n"), blank_boilerplate(text).split("\n")) if line and not out.strip()]


def test_navigation_lines() -> None:
    for line in ("Меню навигации+", "Артка", "Главная", "Back", "Басты бет", "News and Events"):
        assert classify_line(line) is LineKind.NAV, line


def test_counters_split_over_two_lines_in_every_script() -> None:
    page = "Сот туралы жаңалық\n17 рет\nкөрсетілді\n3 мин\nоқу үшін\n99 ret\nkórsetildi\n7 mın\noqý úshin\nМәтін осында басталады."
    assert _blanked(page) == ["17 рет", "көрсетілді", "3 мин", "оқу үшін", "99 ret", "kórsetildi", "7 mın", "oqý úshin"]


def test_views_print_share_copyright_credit_links() -> None:
    for line in (
        "Просмотров: 1 234",
        "Версия для печати",
        "Поделиться",
        "Share",
        "Print",
        "Facebook Twitter Telegram",
        "© 2024 Жогорку сот. Бардык укуктар корголгон",
        "Фото: example.kz",
        "Photo: press service",
        "Телеграм - https://t.me/example",
        "None",
    ):
        assert classify_line(line) is LineKind.CHROME, line


def test_sentences_mentioning_chrome_words_are_kept() -> None:
    for line in (
        "Судья поделиться опытом не смог, сообщает пресс-служба суда.",
        "The delegation will share its experience with the Supreme Court in May.",
        "Фото көрмесі 52 рет өткізілді деп хабарлады сот.",
        "Back in 2016 the court signed a memorandum with its partners.",
    ):
        assert classify_line(line) is None, line


def test_same_length_and_offsets() -> None:
    text = "Артка\r\nБашкы\nСот жаңылыктары\n\n12 рет\n"
    out = blank_boilerplate(text)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")
    assert "Сот жаңылыктары" in out


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_keeps_its_length(text: str) -> None:
    out = blank_boilerplate(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
