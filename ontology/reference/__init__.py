"""Canonical reference entities (countries, cities, international bodies) loaded from the JSON files beside this module.

``countries.json`` is generated from CLDR by ``tools/build_countries.py`` (with the hand-kept
``country_aliases.json`` merged in); ``cities.json`` and ``organizations.json`` are kept by
hand. Every file is a list of records (see docs/design.md, "Reference data files")::

    {"key": "aacc", "iri": "https://w3id.org/judikg/id/org/aacc", "type": "Association",
     "labels": {"en": "…", "ru": "…"}, "aliases": {"en": ["AACC"]}, "adjectives": {},
     "ambiguous_aliases": {}, "country": null, "wikidata": null, "extra": {}}

``aliases`` are other names of the entity; ``adjectives`` are demonym/adjective lemmas
(``Kazakh``, ``казахстанский``) that name a country inside a longer name; ``ambiguous_aliases``
are abbreviations that also name other entities (``РК``), for callers that can resolve them
from context. Records are validated on load: a broken file raises
:class:`~judikg.errors.ReferenceDataError` naming the file and record.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from judikg import iris
from judikg.errors import ReferenceDataError

#: Language tags a label or alias may carry (BCP-47; ``kk-Latn`` is Kazakh in Latin script).
LABEL_LANGUAGES: tuple[str, ...] = ("en", "ru", "ky", "kk", "kk-Latn", "uz")
#: The files :func:`load` reads, and the ontology classes each may hold.
FILES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "countries.json": frozenset({"Country"}),
        "cities.json": frozenset({"City"}),
        "organizations.json": frozenset(
            {
                "Association",
                "InternationalOrganization",
                "GovernmentBody",
                "Court",
                "ConstitutionalCourt",
                "SupremeCourt",
                "JudicialCouncil",
                "CourtAdministration",
                "LegalAidBody",
                "Organization",
            }
        ),
    }
)
_FIELDS = frozenset(
    {"key", "iri", "type", "labels", "aliases", "adjectives", "ambiguous_aliases", "country", "wikidata", "extra"}
)
_KEY = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_ALPHA2 = re.compile(r"[A-Z]{2}")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")

Names = Mapping[str, tuple[str, ...]]
_EMPTY: Names = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class ReferenceEntity:
    """One canonical entity. Mappings are read-only; ``country`` is ISO alpha-2 upper case."""

    key: str
    iri: str
    type: str
    labels: Mapping[str, str]
    aliases: Names = field(default_factory=lambda: _EMPTY)
    adjectives: Names = field(default_factory=lambda: _EMPTY)
    ambiguous_aliases: Names = field(default_factory=lambda: _EMPTY)
    country: str | None = None
    wikidata: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    def __hash__(self) -> int:  # mappings are unhashable; the IRI identifies the entity
        return hash(self.iri)

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, else English, else any (labels are never empty)."""
        return self.labels.get(lang) or self.labels.get("en") or next(iter(self.labels.values()))

    def all_names(self) -> Iterator[tuple[str, str]]:
        """``(lang, name)`` for every label and alias, labels first, without duplicates.

        Not called ``names``: the extraction matcher reads an optional ``names`` mapping field.
        """
        seen: set[tuple[str, str]] = set()
        for lang, label in self.labels.items():
            seen.add((lang, label))
            yield lang, label
        for lang, names in self.aliases.items():
            for name in names:
                if (lang, name) not in seen:
                    seen.add((lang, name))
                    yield lang, name


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """All reference entities, with lookups by IRI, key and country code."""

    countries: tuple[ReferenceEntity, ...]
    cities: tuple[ReferenceEntity, ...]
    organizations: tuple[ReferenceEntity, ...]
    _by_iri: Mapping[str, ReferenceEntity] = field(repr=False, compare=False)
    _by_key: Mapping[str, ReferenceEntity] = field(repr=False, compare=False)

    @property
    def entities(self) -> tuple[ReferenceEntity, ...]:
        return self.countries + self.cities + self.organizations

    def by_iri(self, iri: str) -> ReferenceEntity | None:
        return self._by_iri.get(iri)

    def by_key(self, key: str) -> ReferenceEntity | None:
        return self._by_key.get(key)

    def country(self, alpha2: str) -> ReferenceEntity | None:
        """The country with ISO 3166-1 alpha-2 code ``alpha2`` (any case), or None."""
        entity = self._by_key.get(alpha2.lower())
        return entity if entity is not None and entity.type == "Country" else None


def reference_dir() -> Path:
    """The folder holding the shipped JSON files."""
    return Path(str(resources.files(__name__)))


@lru_cache(maxsize=1)
def load() -> ReferenceData:
    """The shipped reference data, read and validated once per process."""
    return read_reference(reference_dir())


def read_reference(directory: Path) -> ReferenceData:
    """Read and validate the reference files in ``directory`` (uncached; for tools and tests)."""
    groups: dict[str, tuple[ReferenceEntity, ...]] = {}
    by_iri: dict[str, ReferenceEntity] = {}
    by_key: dict[str, ReferenceEntity] = {}
    for name, types in FILES.items():
        path = directory / name
        records = _read_json_list(path)
        entities = []
        for index, record in enumerate(records):
            entity = _entity(record, types, _Where(path, index, record))
            where = _Where(path, index, record)
            if entity.key in by_key:
                raise where.error(f"key {entity.key!r} is already used by {by_key[entity.key].iri}: keys must be unique")
            if entity.iri in by_iri:
                raise where.error(f"IRI {entity.iri} is used twice: IRIs must be unique")
            by_key[entity.key] = by_iri[entity.iri] = entity
            entities.append(entity)
        groups[name] = tuple(entities)
    _apply_wikidata_links(directory / LINKS_FILE, groups, by_key, by_iri)
    countries = {e.country for e in groups["countries.json"]}
    for name in ("cities.json", "organizations.json"):
        for index, entity in enumerate(groups[name]):
            if entity.country is not None and entity.country not in countries:
                raise ReferenceDataError(
                    f"{directory / name}: record {index} ({entity.key}): country {entity.country!r} is not in "
                    "countries.json: use an ISO 3166-1 alpha-2 code"
                )
    return ReferenceData(
        countries=groups["countries.json"],
        cities=groups["cities.json"],
        organizations=groups["organizations.json"],
        _by_iri=MappingProxyType(by_iri),
        _by_key=MappingProxyType(by_key),
    )


#: Wikidata links accepted by `judikg link wikidata` (graph/wikidata_link.py writes it): each
#: record names an entity by key and IRI and gives its verified item.
LINKS_FILE = "wikidata_links.json"


def _apply_wikidata_links(
    path: Path,
    groups: dict[str, tuple[ReferenceEntity, ...]],
    by_key: dict[str, ReferenceEntity],
    by_iri: dict[str, ReferenceEntity],
) -> None:
    """Give entities the Wikidata items recorded for them in ``path`` (absent file: none)."""
    if not path.exists():
        return
    for index, record in enumerate(_read_json_list(path)):
        where = _Where(path, index, record)
        if not isinstance(record, dict):
            raise where.error("a link must be an object with key, iri and wikidata")
        entity = by_key.get(record.get("key"))  # type: ignore[arg-type]
        if entity is None:
            raise where.error("no reference entity has this key")
        if record.get("iri") != entity.iri:
            raise where.error(f"IRI {record.get('iri')!r} is not the entity's ({entity.iri})")
        qid = record.get("wikidata")
        if not (isinstance(qid, str) and _WIKIDATA.fullmatch(qid)):
            raise where.error(f"wikidata {qid!r} is not an item id such as Q813")
        if entity.wikidata == qid:
            continue
        if entity.wikidata is not None:
            raise where.error(f"the entity is already linked to {entity.wikidata}; resolve the conflict by hand")
        linked = replace(entity, wikidata=qid)
        by_key[entity.key] = by_iri[entity.iri] = linked
        for name, members in groups.items():
            if entity in members:
                groups[name] = tuple(linked if m is entity else m for m in members)


@dataclass(frozen=True, slots=True)
class _Where:
    path: Path
    index: int
    record: object

    def error(self, problem: str) -> ReferenceDataError:
        key = self.record.get("key") if isinstance(self.record, dict) else None
        fix = "rerun tools/build_countries.py" if self.path.name == "countries.json" else "fix the record"
        return ReferenceDataError(f"{self.path}: record {self.index} ({key or 'no key'}): {problem}; {fix}")


def _read_json_list(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReferenceDataError(f"{path}: reference file is missing; reinstall judikg or restore it from git") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReferenceDataError(f"{path}: not readable JSON ({exc}); fix the file") from None
    if not isinstance(data, list):
        raise ReferenceDataError(f"{path}: must hold a JSON list of records, found {type(data).__name__}")
    return data


def _entity(record: Any, types: frozenset[str], where: _Where) -> ReferenceEntity:
    if not isinstance(record, dict):
        raise where.error(f"a record must be a JSON object, found {type(record).__name__}")
    unknown = set(record) - _FIELDS
    if unknown:
        raise where.error(f"unknown field(s) {sorted(unknown)}: allowed are {sorted(_FIELDS)}")
    for required in ("key", "iri", "type", "labels"):
        if required not in record:
            raise where.error(f"field {required!r} is missing")
    key, kind, iri = record["key"], record["type"], record["iri"]
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise where.error(f"key {key!r} must be a lowercase slug [a-z0-9-]")
    if kind not in types:
        raise where.error(f"type {kind!r} does not belong in this file: use one of {sorted(types)}")
    if kind == "Country" and not re.fullmatch(r"[a-z]{2}", key):
        raise where.error(f"a country's key must be its ISO 3166-1 alpha-2 code in lower case, not {key!r}")
    expected = _expected_iri(kind, key)
    if iri != expected:
        raise where.error(f"IRI {iri!r} does not follow the key: expected {expected}")
    country = record.get("country")
    if country is not None and not (isinstance(country, str) and _ALPHA2.fullmatch(country)):
        raise where.error(f"country {country!r} must be an upper-case ISO 3166-1 alpha-2 code or null")
    if kind == "Country" and country != key.upper():
        raise where.error(f"a country's own code must be its country field: expected {key.upper()!r}")
    wikidata = record.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and _WIKIDATA.fullmatch(wikidata)):
        raise where.error(f"wikidata {wikidata!r} must be an item id such as 'Q232' or null")
    extra = record.get("extra") or {}
    if not isinstance(extra, dict):
        raise where.error("extra must be a JSON object")
    labels = _labels(record["labels"], where)
    return ReferenceEntity(
        key=key,
        iri=iri,
        type=kind,
        labels=labels,
        aliases=_names(record.get("aliases"), "aliases", where),
        adjectives=_names(record.get("adjectives"), "adjectives", where),
        ambiguous_aliases=_names(record.get("ambiguous_aliases"), "ambiguous_aliases", where),
        country=country,
        wikidata=wikidata,
        extra=MappingProxyType(dict(extra)),
    )


def _expected_iri(kind: str, key: str) -> str:
    if kind == "Country":
        return iris.country_iri(key)
    if kind == "City":
        return iris.city_iri(key)
    return iris.org_iri(key)


def _check_lang(lang: object, what: str, where: _Where) -> str:
    if lang not in LABEL_LANGUAGES:
        raise where.error(f"{what} language tag {lang!r} is not one of {list(LABEL_LANGUAGES)}")
    return str(lang)


def _labels(value: Any, where: _Where) -> Mapping[str, str]:
    if not isinstance(value, dict) or "en" not in value:
        raise where.error("labels must be an object with at least an 'en' label")
    out: dict[str, str] = {}
    for lang in sorted(value, key=_lang_order):
        text = value[lang]
        if not isinstance(text, str) or not text.strip() or text != text.strip():
            raise where.error(f"label {lang}={text!r} must be a non-empty string without outer spaces")
        out[_check_lang(lang, "label", where)] = text
    return MappingProxyType(out)


def _names(value: Any, what: str, where: _Where) -> Names:
    if value is None:
        return _EMPTY
    if not isinstance(value, dict):
        raise where.error(f"{what} must be an object of language → list of names")
    out: dict[str, tuple[str, ...]] = {}
    for lang in sorted(value, key=_lang_order):
        names = value[lang]
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() == n and n for n in names):
            raise where.error(f"{what} {lang!r} must be a list of non-empty strings without outer spaces")
        if len(set(names)) != len(names):
            raise where.error(f"{what} {lang!r} lists a name twice")
        out[_check_lang(lang, what, where)] = tuple(names)
    return MappingProxyType(out)


def _lang_order(lang: str) -> tuple[int, str]:
    return (LABEL_LANGUAGES.index(lang), lang) if lang in LABEL_LANGUAGES else (len(LABEL_LANGUAGES), str(lang))


__all__ = ["FILES", "LABEL_LANGUAGES", "ReferenceData", "ReferenceEntity", "load", "read_reference", "reference_dir"]
