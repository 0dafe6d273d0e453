"""Proposing Wikidata items for reference entities, and recording the links a curator accepts.

A link is proposed only when exactly one Wikidata item has the entity's English or Russian
label *and* an expected type (P31) *and*, for entities in a country, that country's verified
item as P17. Anything else is reported with the reason (not found, wrong type, wrong country,
ambiguous), never guessed. Accepted links go to ``ontology/reference/wikidata_links.json``::

    [{"key": "osh", "iri": "https://w3id.org/judikg/id/city/osh", "wikidata": "Q…",
      "label": "Osh", "types": ["Q515"], "country": "Q813", "source": "https://query.wikidata.org/sparql"}]

The endpoint is queried through :class:`judikg.queries.run.EndpointTarget` (SPARQLWrapper, with
judikg's User-Agent, polite retries on 429/503), a few dozen entities per request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from judikg.errors import ReferenceDataError
from judikg.ontology.reference import ReferenceData, ReferenceEntity, reference_dir
from judikg.queries.run import SparqlTarget

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"
LINKS_FILE = "wikidata_links.json"
#: Label languages compared with Wikidata labels (the reference data has both for every entity).
MATCH_LANGUAGES: tuple[str, ...] = ("en", "ru")
#: Accepted P31 values per reference type. Country: country, sovereign state. City: city,
#: capital, big city. Organisations: international organisation, court, organisation,
#: voluntary association.
EXPECTED_TYPES: Mapping[str, frozenset[str]] = {
    "Country": frozenset({"Q6256", "Q3624078"}),
    "City": frozenset({"Q515", "Q5119", "Q1549591"}),
    "Organization": frozenset({"Q484652", "Q41487", "Q43229", "Q48204"}),
}
BATCH = 40
_QID = re.compile(r"Q[1-9][0-9]*")

STATUSES = ("verified", "confirmed", "conflict", "ambiguous", "rejected", "not-found", "country-unlinked")


@dataclass(frozen=True, slots=True)
class ItemMatch:
    """A Wikidata item whose label matched, with what the checks found."""

    qid: str
    label: str
    types: tuple[str, ...]
    countries: tuple[str, ...]
    problem: str | None  # None when type and country agree


@dataclass(frozen=True, slots=True)
class Proposal:
    key: str
    iri: str
    type: str
    label: str
    status: str  # one of STATUSES
    qid: str | None  # the one item that passed every check
    reason: str
    matches: tuple[ItemMatch, ...] = ()
    country: str | None = None  # the country's Wikidata item, when checked

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class LinkRecord:
    key: str
    iri: str
    wikidata: str
    label: str
    types: tuple[str, ...] = ()
    country: str | None = None
    source: str = WIKIDATA_SPARQL

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["types"] = list(self.types)
        return data


@dataclass(slots=True)
class LinkReport:
    proposals: list[Proposal] = field(default_factory=list)

    def by_status(self, status: str) -> list[Proposal]:
        return [p for p in self.proposals if p.status == status]

    def to_dict(self) -> dict[str, object]:
        counts = {s: len(self.by_status(s)) for s in STATUSES if self.by_status(s)}
        return {"counts": counts, "proposals": [p.to_dict() for p in self.proposals]}


def links_path() -> Path:
    """The links file shipped with the reference data."""
    return reference_dir() / LINKS_FILE


def _kind(entity: ReferenceEntity) -> str:
    return entity.type if entity.type in ("Country", "City") else "Organization"


def read_links(path: Path | None = None) -> dict[str, LinkRecord]:
    """Accepted links by entity key; an absent file means none."""
    path = path or links_path()
    if not path.exists():
        return {}
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReferenceDataError(f"{path}: not readable JSON ({exc}); fix it or restore it from git") from exc
    if not isinstance(records, list):
        raise ReferenceDataError(f"{path}: expected a JSON list of link records")
    links: dict[str, LinkRecord] = {}
    for index, record in enumerate(records):
        try:
            link = LinkRecord(
                key=record["key"], iri=record["iri"], wikidata=record["wikidata"], label=record["label"],
                types=tuple(record.get("types") or ()), country=record.get("country"), source=record.get("source", WIKIDATA_SPARQL),
            )
        except (KeyError, TypeError) as exc:
            raise ReferenceDataError(f"{path}: record {index} lacks {exc}; each needs key, iri, wikidata and label") from exc
        if not _QID.fullmatch(str(link.wikidata)):
            raise ReferenceDataError(f"{path}: record {index} ({link.key}): wikidata {link.wikidata!r} is not an item id like Q813")
        if link.key in links:
            raise ReferenceDataError(f"{path}: record {index}: key {link.key!r} is linked twice; keep one record")
        links[link.key] = link
    return links


def _country_items(reference: ReferenceData, links: Mapping[str, LinkRecord]) -> dict[str, str]:
    """ISO alpha-2 → the country's verified Wikidata item."""
    items: dict[str, str] = {}
    for country in reference.countries:
        qid = country.wikidata or (links[country.key].wikidata if country.key in links else None)
        if qid and country.country:
            items[country.country] = qid
    return items


def _query(batch: Sequence[ReferenceEntity]) -> str:
    rows = []
    for entity in batch:
        for lang in MATCH_LANGUAGES:
            if lang in entity.labels:
                # serialised RDF terms, never spliced raw text
                rows.append(f"({ox.Literal(entity.key)} {ox.Literal(entity.labels[lang], language=lang)})")
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
        "SELECT ?key ?item ?name ?type ?country WHERE {\n"
        f"  VALUES (?key ?name) {{ {' '.join(rows)} }}\n"
        "  ?item rdfs:label ?name .\n"
        "  OPTIONAL { ?item wdt:P31 ?type }\n"
        "  OPTIONAL { ?item wdt:P17 ?country }\n"
        "}"
    )


def _qid(term: object) -> str | None:
    value = getattr(term, "value", None)
    if isinstance(value, str) and value.startswith(WD) and _QID.fullmatch(value[len(WD) :]):
        return value[len(WD) :]
    return None


def propose(
    target: SparqlTarget,
    reference: ReferenceData,
    *,
    links: Mapping[str, LinkRecord] | None = None,
    keys: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
    recheck: bool = False,
) -> LinkReport:
    """Candidates for reference entities without a Wikidata item (``recheck``: also re-verify linked ones).

    ``keys`` limits the entities by key, ``kinds`` by Country / City / Organization.
    """
    links = dict(links or {})
    wanted_keys = set(keys) if keys is not None else None
    wanted_kinds = set(kinds) if kinds is not None else None
    entities = []
    for entity in reference.entities:
        linked = entity.wikidata or (links[entity.key].wikidata if entity.key in links else None)
        if (linked and not recheck) or (wanted_keys is not None and entity.key not in wanted_keys):
            continue
        if wanted_kinds is not None and _kind(entity) not in wanted_kinds:
            continue
        entities.append(entity)
    if wanted_keys is not None:
        missing = wanted_keys - {e.key for e in reference.entities}
        if missing:
            raise ReferenceDataError(f"no reference entity has key {', '.join(sorted(missing))}: see ontology/reference/*.json")
    countries = _country_items(reference, links)
    report = LinkReport()
    for start in range(0, len(entities), BATCH):
        batch = entities[start : start + BATCH]
        table = target.select(_query(batch))
        found: dict[str, dict[str, dict[str, set[str]]]] = {}
        index = {c: i for i, c in enumerate(table.columns)}
        for row in table.rows:
            key, item = row[index["key"]], _qid(row[index["item"]])
            if key is None or item is None:
                continue
            slot = found.setdefault(key.value, {}).setdefault(item, {"types": set(), "countries": set(), "names": set()})
            for column, bucket in (("type", "types"), ("country", "countries")):
                qid = _qid(row[index[column]])
                if qid:
                    slot[bucket].add(qid)
            if row[index["name"]] is not None:
                slot["names"].add(row[index["name"]].value)
        for entity in batch:
            linked = entity.wikidata or (links[entity.key].wikidata if entity.key in links else None)
            report.proposals.append(_judge(entity, found.get(entity.key, {}), countries, linked))
    report.proposals.sort(key=lambda p: (STATUSES.index(p.status), p.key))
    return report


def _judge(entity: ReferenceEntity, items: Mapping[str, Mapping[str, set[str]]], countries: Mapping[str, str], linked: str | None) -> Proposal:
    kind = _kind(entity)
    expected = EXPECTED_TYPES[kind]
    country_item = countries.get(entity.country) if entity.country and kind != "Country" else None
    base = {"key": entity.key, "iri": entity.iri, "type": entity.type, "label": entity.label("en"), "country": country_item}
    if entity.country and kind != "Country" and country_item is None:
        return Proposal(**base, status="country-unlinked", qid=None,
                        reason=f"country {entity.country} has no verified Wikidata item to check P17 against; link it first")
    matches = []
    for qid in sorted(items, key=lambda q: int(q[1:])):
        facts = items[qid]
        problem = None
        if not facts["types"] & expected:
            problem = f"P31 {sorted(facts['types']) or 'missing'} is not one of {sorted(expected)}"
        elif kind == "Country" and entity.country and facts["countries"] and qid not in facts["countries"]:
            problem = f"P17 {sorted(facts['countries'])} is not the item itself"
        elif country_item is not None and country_item not in facts["countries"]:
            problem = f"P17 {sorted(facts['countries']) or 'missing'} is not {country_item} ({entity.country})"
        matches.append(ItemMatch(qid, sorted(facts["names"])[0] if facts["names"] else "", tuple(sorted(facts["types"])),
                                 tuple(sorted(facts["countries"])), problem))
    passing = [m for m in matches if m.problem is None]
    if not matches:
        return Proposal(**base, status="not-found", qid=None, reason="no item has this English or Russian label")
    if len(passing) > 1:
        return Proposal(**base, status="ambiguous", qid=None, matches=tuple(matches),
                        reason=f"{len(passing)} items pass every check: {', '.join(m.qid for m in passing)}; choose by hand")
    if not passing:
        return Proposal(**base, status="rejected", qid=None, matches=tuple(matches),
                        reason="; ".join(f"{m.qid}: {m.problem}" for m in matches))
    chosen = passing[0].qid
    if linked is not None:
        status = "confirmed" if linked == chosen else "conflict"
        reason = "the recorded item passes every check" if linked == chosen else f"recorded {linked}, but {chosen} passes the checks"
        return Proposal(**base, status=status, qid=chosen, matches=tuple(matches), reason=reason)
    return Proposal(**base, status="verified", qid=chosen, matches=tuple(matches), reason="label, type and country agree")


def record_links(proposals: Iterable[Proposal], path: Path | None = None, *, source: str = WIKIDATA_SPARQL) -> list[LinkRecord]:
    """Add the ``verified`` proposals to the links file (sorted by key); returns the records added.

    A key already linked to another item is an error: curators resolve conflicts by hand.
    """
    path = path or links_path()
    links = read_links(path)
    added: list[LinkRecord] = []
    for proposal in proposals:
        if proposal.status != "verified" or proposal.qid is None:
            continue
        types = next((m.types for m in proposal.matches if m.qid == proposal.qid), ())
        record = LinkRecord(proposal.key, proposal.iri, proposal.qid, proposal.label, types, proposal.country, source)
        existing = links.get(proposal.key)
        if existing is not None and existing.wikidata != record.wikidata:
            raise ReferenceDataError(
                f"{path}: {proposal.key} is already linked to {existing.wikidata}, not {record.wikidata}; edit the file by hand"
            )
        if existing is None:
            links[proposal.key] = record
            added.append(record)
    records = [links[k].to_json() for k in sorted(links)]
    try:
        path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ReferenceDataError(f"{path}: cannot write the links ({exc}); check the path and permissions") from exc
    return added


__all__ = [
    "EXPECTED_TYPES",
    "ItemMatch",
    "LinkRecord",
    "LinkReport",
    "Proposal",
    "WIKIDATA_SPARQL",
    "links_path",
    "propose",
    "read_links",
    "record_links",
]
