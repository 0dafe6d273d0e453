"""The shortcuts extraction takes for speed give exactly what the plain computation gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from judikg.ingest.morphology import _MIN_STEM, _russian_strips, russian_endings, russian_stem
from judikg.ingest.translit import _MATCH_RULES, _NAME_RULES, _rewrite_until_stable

# the letters the rewrite rules read, a few others, and a Cyrillic one
_KEY_LETTERS = st.text(alphabet="shczktqyeijdxwpao\u0436", max_size=24)


def _rewrite_every_rule(key: str, rules: tuple[tuple[str | None, re.Pattern[str], str], ...], rounds: int) -> str:
    """The rewrite with no substring test: every rule's regex runs on every round."""
    for _ in range(rounds):
        previous = key
        for _needle, pattern, repl in rules:
            key = pattern.sub(repl, key)
        if key == previous:
            break
    return key


@given(_KEY_LETTERS)
def test_match_key_rules_skipped_by_their_substring_change_nothing(key: str) -> None:
    assert _rewrite_until_stable(key, _MATCH_RULES, 4) == _rewrite_every_rule(key, _MATCH_RULES, 4)


@given(_KEY_LETTERS)
def test_name_key_rules_skipped_by_their_substring_change_nothing(key: str) -> None:
    assert _rewrite_until_stable(key, _NAME_RULES, 8) == _rewrite_every_rule(key, _NAME_RULES, 8)


@given(_KEY_LETTERS)
def test_a_rule_matches_only_words_holding_its_substring(key: str) -> None:
    for needle, pattern, _repl in _MATCH_RULES + _NAME_RULES:
        assert needle is None or pattern.search(key) is None or needle in key, (needle, pattern.pattern)


@given(st.text(alphabet="aeiouyhmgjk\u0436", max_size=12))
def test_russian_endings_grouped_by_last_letter_strip_as_the_full_list(key: str) -> None:
    every = [key[: -len(e)] for e in russian_endings() if key.endswith(e) and len(key) - len(e) >= _MIN_STEM]
    assert list(_russian_strips(key)) == every
    assert russian_stem(key) == (every[0] if every else key)


def _boundaries_by_finditer(text: str) -> list[tuple[int, int]]:
    from judikg.ingest.extract.sentences import _BOUNDARY_RE

    return [m.span() for m in _BOUNDARY_RE.finditer(text)]


def _boundaries_by_candidates(text: str) -> list[tuple[int, int]]:
    from judikg.ingest.extract.sentences import _BOUNDARY_RE, _candidates

    spans, last_end = [], 0
    for at in _candidates(text):
        if at < last_end:
            continue
        m = _BOUNDARY_RE.match(text, at)
        if m is not None:
            spans.append(m.span())
            last_end = m.end()
    return spans


# punctuation runs, closing quotes and brackets, blanks and a few letters: every way a boundary
# may start, go on, overlap the next one or fail
@given(st.text(alphabet=".!?\u2026\n \t\u00a0»\"”’)]aZ\u0436", max_size=40))
def test_sentence_boundaries_from_found_characters_are_finditers(text: str) -> None:
    assert _boundaries_by_candidates(text) == _boundaries_by_finditer(text)


def test_sentence_boundaries_found_on_a_plain_text() -> None:
    from judikg.ingest.extract.sentences import sentences

    text = "Суд қаулы шығарды. Next one!  \n\nА. Мерғалиев spoke… ok?» end"
    assert _boundaries_by_candidates(text) == _boundaries_by_finditer(text)
    assert [text[a:b] for a, b in sentences(text)] == [
        "Суд қаулы шығарды.", "Next one!", "А. Мерғалиев spoke…", "ok?»", "end",
    ]


def test_written_out_initialisers_match_the_dataclass_fields() -> None:
    """Hot dataclasses write ``__init__`` out (compiled, the generated one runs interpreted): it
    must take every field, in order, with the field's default, and store each argument in its
    field. Read from the sources, so that it holds compiled or not."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "ingest" / "extract"
    checked = 0
    for path in sorted(root.glob("*.py")):
        for cls in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(cls, ast.ClassDef):
                continue
            init = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
            decorated = any("dataclass" in ast.unparse(d) for d in cls.decorator_list)
            if init is None or not decorated:
                continue
            checked += 1
            fields = [f for f in cls.body if isinstance(f, ast.AnnAssign) and isinstance(f.target, ast.Name)]
            args = init.args.args[1:]
            where = f"{path.name}:{cls.name}"
            assert [a.arg for a in args] == [f.target.id for f in fields], where  # type: ignore[union-attr]
            for a, f in zip(args, fields):
                assert a.annotation is not None and ast.unparse(a.annotation) == ast.unparse(f.annotation), (where, a.arg)
            defaults = [None] * (len(args) - len(init.args.defaults)) + list(init.args.defaults)
            for f, default in zip(fields, defaults):
                value = f.value
                if isinstance(value, ast.Call) and ast.unparse(value.func) == "field":
                    factory = next(k.value for k in value.keywords if k.arg == "default_factory")
                    value = factory.body if isinstance(factory, ast.Lambda) else None
                assert (value is None) == (default is None), (where, f.target)
                if value is not None and default is not None:
                    assert ast.unparse(value) == ast.unparse(default), (where, ast.unparse(f.target))
            stored = {ast.unparse(t): ast.unparse(st.value) for st in init.body if isinstance(st, ast.Assign) for t in st.targets}
            assert stored == {f"self.{a.arg}": a.arg for a in args}, where
    assert checked >= 6
