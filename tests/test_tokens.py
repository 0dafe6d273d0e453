"""The fast column scanner agrees with the plain definition of tokens and joins."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.extract.tokens import _TOKEN_RE, Memo, fold, scan, tokenize

_JOINERS = " \u00a0-\u2010\u2011\u2012\u2013"


def _reference(text: str) -> tuple[list[tuple[int, int, str, str]], list[bool]]:
    """Tokens by one finditer of the fine pattern; a token joins the next when only 1–3 joiners lie between."""
    found = [(m.start(), m.end(), m.group(), fold[m.group()]) for m in _TOKEN_RE.finditer(text)]
    joins = [0 < b[0] - a[1] <= 3 and all(c in _JOINERS for c in text[a[1] : b[0]]) for a, b in zip(found, found[1:])]
    return found, joins + [False] if found else []


def _columns(text: str) -> tuple[list[tuple[int, int, str, str]], list[bool]]:
    sc = scan(text)
    return [sc.token(i)[:4] for i in range(len(sc))], list(sc.joins)


def test_words_offsets_keys_and_joins() -> None:
    text = "Жоғарғы Соттың 5th  Буэнос-Айрес, a_b O\u0301leg x\u0301 _ 12_ab 2024ж.\nРК—КР"
    assert _columns(text) == _reference(text)
    sc = scan(text)
    words = list(sc.words)
    assert words[:4] == ["Жоғарғы", "Соттың", "5", "th"]
    assert sc.joins[0] and not sc.joins[2]  # "5th" is two tokens no phrase spans
    assert sc.joins[words.index("Буэнос")]  # a hyphen joins
    assert not sc.joins[words.index("x\u0301")]  # " _ " does not
    assert sc.ups[words.index("РК")] and sc.caps[0] and not sc.caps[2]


def test_empty_and_wordless_texts() -> None:
    for text in ("", "   ", "_", "__ ...", "—"):
        assert len(scan(text)) == 0
        assert tokenize(text) == []


_ALPHABET = st.sampled_from(
    list("aZ5_ -.,\n\t\u00a0\u2011\u0301ЖжӘәі«»()'\u2028\x1f") + ["Ó", "ı", "ğ", "  ", "—", "İ", "²"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_scan_matches_the_plain_definition(text: str) -> None:
    assert _columns(text) == _reference(text)


def test_memo_stays_bounded_and_answers_alike() -> None:
    calls: list[int] = []

    def square(x: int) -> int:
        calls.append(x)
        return x * x

    memo: Memo[int, int] = Memo(square, limit=8)
    assert [memo[i % 20] for i in range(100)] == [(i % 20) ** 2 for i in range(100)]
    assert len(memo) <= 8
    calls.clear()
    assert memo[3] == 9 and memo[3] == 9
    assert calls.count(3) <= 1  # a hit answers from the table, without calling the function


def test_long_pieces_are_tokenised_without_the_memo() -> None:
    from judikg.ingest.extract import tokens

    long_piece = "Жоғарғы-" * 20 + "Сот"
    before = long_piece in tokens._pieces
    assert _columns(long_piece + " x") == _reference(long_piece + " x")
    assert not before and long_piece not in tokens._pieces
