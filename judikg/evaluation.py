"""Score extraction output in the gold JSON format against hand-made gold annotations.

Matching rule
-------------
*Spans.* Gold and predicted files both list mentions as surface strings. Each mention string is
located in the article text by finding **every** occurrence of it (text and mention are first put
through the same normaliser, ``judikg.ingest.normalize.normalize_text`` when available, NFC
otherwise, so that look-alike code points and spacing differences do not hide a match). An
entity's footprint is the set of character spans of all its mentions.

*Entities.* A predicted entity matches a gold entity when their **type family** is the same
(event subclasses such as ``Conference`` or ``RoundTable`` → ``Event``; ``Memorandum`` and other
agreement subclasses → ``Agreement``; every other type stands for itself) and some span of the
one overlaps some span of the other. Matching is one-to-one and greedy: candidate pairs are
taken in order of decreasing overlap (characters shared), ties broken by keys so the result is
deterministic. A mention string found nowhere in the text contributes no span (it cannot match).

*Relations.* A predicted relation matches a gold relation when the relation type is the same,
the role is the same for ``post``, and its subject and object are the predicted entities matched
to the gold relation's subject and object. Duplicate relations count once.

*Published date.* Correct when the predicted ``published`` equals the gold one (both null is
correct: the article states no date).

Precision, recall and F1 are reported per entity type family, per relation type, and
micro-averaged over all entities and all relations; the report keeps the misses (gold items not
found) and false positives (predicted items not in gold) for reading.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from judikg.errors import InputError

#: Ontology classes scored as one gold type; anything not listed is its own family.
TYPE_FAMILY: Mapping[str, str] = {
    "Conference": "Event",
    "Congress": "Event",
    "Forum": "Event",
    "RoundTable": "Event",
    "Meeting": "Event",
    "OnlineMeeting": "Event",
    "Visit": "Event",
    "Session": "Event",
    "Seminar": "Event",
    "Training": "Event",
    "Memorandum": "Agreement",
    "CooperationAgreement": "Agreement",
    "Protocol": "Agreement",
    "Declaration": "Agreement",
    "Resolution": "Agreement",
}


def type_family(type_name: str) -> str:
    return TYPE_FAMILY.get(type_name, type_name)


@cache
def _normaliser() -> Callable[[str], str]:
    # The shared normaliser is another engineer's module; until it exists NFC is the common ground.
    try:
        from judikg.ingest.normalize import normalize_text
    except ImportError:
        return lambda s: unicodedata.normalize("NFC", s)
    return normalize_text


def normalise(text: str) -> str:
    return _normaliser()(text)


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold item not found (``kind`` miss) or a predicted item not in gold (``false-positive``)."""

    article: str
    kind: str  # "miss" | "false-positive"
    what: str  # "entity" | "relation"
    type: str
    description: str


@dataclass(slots=True)
class ArticleScore:
    article: str
    lang: str
    entities: dict[str, Counts] = field(default_factory=dict)
    relations: dict[str, Counts] = field(default_factory=dict)
    published_ok: bool = True
    published_gold: str | None = None
    published_pred: str | None = None
    problems: list[Miss] = field(default_factory=list)

    @property
    def entity_total(self) -> Counts:
        return _total(self.entities.values())

    @property
    def relation_total(self) -> Counts:
        return _total(self.relations.values())


def _total(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total.add(c)
    return total


def _spans(text: str, mentions: Iterable[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for mention in mentions:
        m = normalise(mention).strip()
        if not m:
            continue
        at = text.find(m)
        while at >= 0:
            found.append((at, at + len(m)))
            at = text.find(m, at + 1)
    return sorted(set(found))


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Characters shared by the best-overlapping pair of spans (0 when none overlap)."""
    best = 0
    for s1, e1 in a:
        for s2, e2 in b:
            shared = min(e1, e2) - max(s1, s2)
            if shared > best:
                best = shared
    return best


def _describe_entity(e: Mapping[str, Any]) -> str:
    mentions = e.get("mentions") or []
    name = e.get("name_en") or (mentions[0] if mentions else "")
    return f"{e.get('key')}: {name}"


def _relation_key(r: Mapping[str, Any]) -> tuple[str, str, str, str]:
    role = r.get("role") or "" if r.get("type") == "post" else ""
    return (str(r.get("type")), str(r.get("subject")), str(r.get("object")), str(role))


def match_entities(
    predicted: list[Mapping[str, Any]], gold: list[Mapping[str, Any]], text: str
) -> dict[str, str]:
    """Map predicted entity keys to gold entity keys under the one-to-one overlap rule."""
    pred_spans = {str(e["key"]): _spans(text, e.get("mentions") or []) for e in predicted}
    gold_spans = {str(e["key"]): _spans(text, e.get("mentions") or []) for e in gold}
    candidates: list[tuple[int, str, str]] = []
    for g in gold:
        gk, gfam = str(g["key"]), type_family(str(g["type"]))
        for p in predicted:
            if type_family(str(p["type"])) != gfam:
                continue
            pk = str(p["key"])
            shared = _overlap(pred_spans[pk], gold_spans[gk])
            if shared > 0:
                candidates.append((shared, gk, pk))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    mapping: dict[str, str] = {}
    used_gold: set[str] = set()
    for _, gk, pk in candidates:
        if pk in mapping or gk in used_gold:
            continue
        mapping[pk] = gk
        used_gold.add(gk)
    return mapping


def score(predicted: Mapping[str, Any], gold: Mapping[str, Any], text: str) -> ArticleScore:
    """Score one article's predicted gold-format dict against its gold dict (see module doc)."""
    article = str(gold.get("id") or predicted.get("id") or "")
    result = ArticleScore(article=article, lang=str(gold.get("lang") or predicted.get("lang") or ""))
    norm_text = normalise(text)
    pred_entities = list(predicted.get("entities") or [])
    gold_entities = list(gold.get("entities") or [])
    mapping = match_entities(pred_entities, gold_entities, norm_text)
    matched_gold = set(mapping.values())

    for g in gold_entities:
        fam = type_family(str(g["type"]))
        counts = result.entities.setdefault(fam, Counts())
        if str(g["key"]) in matched_gold:
            counts.tp += 1
        else:
            counts.fn += 1
            result.problems.append(Miss(article, "miss", "entity", fam, _describe_entity(g)))
    for p in pred_entities:
        if str(p["key"]) not in mapping:
            fam = type_family(str(p["type"]))
            result.entities.setdefault(fam, Counts()).fp += 1
            result.problems.append(Miss(article, "false-positive", "entity", fam, _describe_entity(p)))

    gold_rel = {_relation_key(r) for r in gold.get("relations") or []}
    pred_rel: set[tuple[str, str, str, str]] = set()
    unmapped: dict[tuple[str, str, str, str], tuple[str, str, str, str]] = {}
    for r in predicted.get("relations") or []:
        t, s, o, role = _relation_key(r)
        # An endpoint with no gold counterpart keeps a marker that can never equal a gold key.
        key = (t, mapping.get(s, f"\0{s}"), mapping.get(o, f"\0{o}"), role)
        pred_rel.add(key)
        unmapped[key] = (t, s, o, role)
    for key in sorted(gold_rel):
        counts = result.relations.setdefault(key[0], Counts())
        if key in pred_rel:
            counts.tp += 1
        else:
            counts.fn += 1
            result.problems.append(Miss(article, "miss", "relation", key[0], _describe_relation(key)))
    for key in sorted(pred_rel - gold_rel):
        result.relations.setdefault(key[0], Counts()).fp += 1
        result.problems.append(
            Miss(article, "false-positive", "relation", key[0], _describe_relation(unmapped[key]))
        )

    result.published_gold = gold.get("published")
    result.published_pred = predicted.get("published")
    result.published_ok = result.published_gold == result.published_pred
    return result


def _describe_relation(key: tuple[str, str, str, str]) -> str:
    t, s, o, role = key
    return f"{s.lstrip(chr(0))} {t}{'/' + role if role else ''} {o.lstrip(chr(0))}"


@dataclass(slots=True)
class EvaluationReport:
    articles: list[ArticleScore] = field(default_factory=list)

    def _sum(self, attr: str, lang: str | None = None) -> dict[str, Counts]:
        out: dict[str, Counts] = {}
        for a in self.articles:
            if lang is not None and a.lang != lang:
                continue
            for t, c in getattr(a, attr).items():
                out.setdefault(t, Counts()).add(c)
        return dict(sorted(out.items()))

    def entities(self, lang: str | None = None) -> dict[str, Counts]:
        return self._sum("entities", lang)

    def relations(self, lang: str | None = None) -> dict[str, Counts]:
        return self._sum("relations", lang)

    def entity_micro(self, lang: str | None = None) -> Counts:
        return _total(self.entities(lang).values())

    def relation_micro(self, lang: str | None = None) -> Counts:
        return _total(self.relations(lang).values())

    def published_accuracy(self, lang: str | None = None) -> float:
        chosen = [a for a in self.articles if lang is None or a.lang == lang]
        return sum(a.published_ok for a in chosen) / len(chosen) if chosen else 1.0

    @property
    def languages(self) -> list[str]:
        return sorted({a.lang for a in self.articles})

    def problems(self, kind: str | None = None) -> list[Miss]:
        return [m for a in self.articles for m in a.problems if kind is None or m.kind == kind]

    def summary(self) -> str:
        e, r = self.entity_micro(), self.relation_micro()
        return (
            f"{len(self.articles)} articles: entity F1 {e.f1:.3f} (P {e.precision:.3f} R {e.recall:.3f}), "
            f"relation F1 {r.f1:.3f} (P {r.precision:.3f} R {r.recall:.3f}), "
            f"published-date accuracy {self.published_accuracy():.3f}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": len(self.articles),
            "entity_micro": self.entity_micro().as_dict(),
            "relation_micro": self.relation_micro().as_dict(),
            "published_accuracy": round(self.published_accuracy(), 4),
            "entities": {t: c.as_dict() for t, c in self.entities().items()},
            "relations": {t: c.as_dict() for t, c in self.relations().items()},
            "by_language": {
                lang: {
                    "articles": sum(a.lang == lang for a in self.articles),
                    "entity_micro": self.entity_micro(lang).as_dict(),
                    "relation_micro": self.relation_micro(lang).as_dict(),
                    "published_accuracy": round(self.published_accuracy(lang), 4),
                }
                for lang in self.languages
            },
            "per_article": [
                {
                    "article": a.article,
                    "lang": a.lang,
                    "entity_micro": a.entity_total.as_dict(),
                    "relation_micro": a.relation_total.as_dict(),
                    "published": {"gold": a.published_gold, "predicted": a.published_pred, "ok": a.published_ok},
                }
                for a in self.articles
            ],
            "problems": [asdict(m) for m in self.problems()],
        }


GOLD_SUFFIX = ".gold.json"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(path), f"cannot read gold-format JSON ({error}); check the file") from error
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a JSON object in the gold format (see GOLD_FORMAT.md)")
    return data


def gold_files(gold_dirs: Iterable[Path | str]) -> list[Path]:
    """Every ``*.gold.json`` in the given folders, sorted by path."""
    files: list[Path] = []
    for d in gold_dirs:
        folder = Path(d)
        if not folder.is_dir():
            raise InputError(str(folder), "not a folder; pass folders holding NAME.txt + NAME.gold.json pairs")
        files.extend(folder.glob(f"*{GOLD_SUFFIX}"))
    return sorted(files)


def stem_of(gold_path: Path) -> str:
    return gold_path.name[: -len(GOLD_SUFFIX)]


#: Where the article of ``NAME.gold.json`` is looked for, in this order.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json")
#: ``NAME.L3.gold.json`` annotates line 3 of ``NAME.jsonl``.
_JSONL_LINE = re.compile(r"^(?P<base>.+)\.L(?P<line>[1-9][0-9]*)$")


def article_of(gold_path: Path) -> tuple[Path, int | None]:
    """The article file a gold file annotates, and its JSONL line when it is one line of a file."""
    stem = stem_of(gold_path)
    line = _JSONL_LINE.match(stem)
    if line:
        return gold_path.with_name(line["base"] + ".jsonl"), int(line["line"])
    for suffix in ARTICLE_SUFFIXES:
        candidate = gold_path.with_name(stem + suffix)
        if candidate.exists():
            return candidate, None
    return gold_path.with_name(stem + ".txt"), None


def prediction_stem(gold_path: Path) -> str:
    """The name ``judikg extract`` gives the prediction for this gold file's article."""
    article, line = article_of(gold_path)
    return f"{article.stem}-{line}" if line is not None else stem_of(gold_path)


def article_text(gold_path: Path) -> str:
    """The text the gold mentions are substrings of: the file itself for plain text, else the text
    judikg reads out of the HTML page or the JSON record."""
    article, line = article_of(gold_path)
    if article.suffix == ".txt":
        try:
            return article.read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(str(article), f"the article text beside the gold file is missing ({error})") from error
    if not article.exists():
        raise InputError(str(gold_path), f"no article beside the gold file: expected {article.name}")
    from judikg.ingest.read import read_paths

    wanted = f"{article}:{line}" if line is not None else None
    for doc in read_paths([article]):
        if isinstance(doc, InputError):
            raise doc
        if wanted is None or doc.source == wanted:
            return doc.text
    raise InputError(str(gold_path), f"{article.name} has no line {line}")


def evaluate_dirs(pred_dir: Path | str, gold_dirs: Iterable[Path | str]) -> EvaluationReport:
    """Score ``pred_dir/NAME.json`` against every ``NAME.gold.json`` (+ ``NAME.txt``) in ``gold_dirs``.

    A missing prediction scores as an empty one (everything missed), so forgotten articles show.
    """
    report = EvaluationReport()
    for gold_path in gold_files(gold_dirs):
        stem = stem_of(gold_path)
        text = article_text(gold_path)
        gold = _read_json(gold_path)
        gold.setdefault("id", stem)
        pred_path = Path(pred_dir) / f"{prediction_stem(gold_path)}.json"
        predicted = _read_json(pred_path) if pred_path.exists() else {"id": stem}
        report.articles.append(score(predicted, gold, text))
    return report


def problem_counts(report: EvaluationReport, kind: str) -> Counter[str]:
    """How often each (what, type) shows among misses or false positives, for the top-N tables."""
    return Counter(f"{m.what}:{m.type}" for m in report.problems(kind))
