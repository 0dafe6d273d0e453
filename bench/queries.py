"""Latency of every named query on a synthetic 100 000-article graph (about 2.5 M quads).

The graph has judikg's shape (design.md): one named graph per article with its title, date,
language and mentions; an event or agreement with date, place, participants or parties; two
institutions with type, label and country; a post (org:Membership) and its holder; and, for
half of the articles, a reified statement with its evidence. Popularity is long-tailed, as in
news: 120 countries (the region's 20 first) follow a Zipf law (a country's share ∝ 1/rank), and
within a country the supreme court is mentioned most, the judges' association least. So a few
hub countries and institutions sit in a large share of the articles (reported as "hub" rows)
while the typical (median) one sits in a few hundred. The reference and ontology graphs are the
real ones. Everything is bulk-loaded into an on-disk store in a temporary directory, optimised,
then each named query runs through the same binding path as `judikg query` (without labels).

    python bench/queries.py [--articles 100000] [--repeats 9]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from judikg.graph.reference_graph import reference_quads
from judikg.graph.store import OxigraphStore
from judikg.ontology.reference import load as load_reference
from judikg.iris import BASE
from judikg.queries.library import NamedQuery, library
from judikg.queries.run import bind
from judikg.server.app import PoolTarget
from judikg.server.responses import HttpError
from judikg.server.workers import WorkerPool

JK = BASE + "ontology#"
ID = BASE + "id/"
G = BASE + "graph/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ORG = "http://www.w3.org/ns/org#"
DCT = "http://purl.org/dc/terms/"
COUNTRIES = ("kz", "kg", "uz", "tj", "ru", "kr", "mn", "tr", "ge", "am", "az", "by", "cn", "in", "de", "fr", "us", "ar", "za", "jp")
ORG_TYPES = (("supreme-court", "SupremeCourt"), ("constitutional-court", "ConstitutionalCourt"),
             ("judicial-administration", "CourtAdministration"), ("council-of-judges", "JudicialCouncil"),
             ("ministry-of-justice", "GovernmentBody"), ("legal-aid", "LegalAidBody"), ("judges-association", "Association"))
EVENTS = ("Conference", "Meeting", "RoundTable", "Forum", "Visit")
AGREEMENTS = ("Memorandum", "Protocol", "Declaration")
LANGS = ("ky", "kk", "kk-Latn", "ru", "en")
ROLES = ("chair", "deputy-chair", "head", "judge")
#: Parameter kinds that bind an entity: a query with one is entity-centred and must stay
#: interactive (p50 ≤ 100 ms for a typical entity); the others aggregate the whole graph.
ENTITY_KINDS = frozenset({"entity", "country", "iri"})


def entity_centred(query: NamedQuery) -> bool:
    return any(p.kind in ENTITY_KINDS for p in query.params)


def bench_countries(count: int = 120) -> list[str]:
    """``COUNTRIES`` first (the most reported), then other ISO codes of the reference data, in order."""
    others = sorted(c.key for c in load_reference().countries if c.key not in COUNTRIES)
    return [*COUNTRIES, *others][:count]


def n(iri: str) -> str:
    return f"<{iri}>"


def lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{lang}" if lang else "") + (f"^^<{dtype}>" if dtype else "")


def synthetic_nquads(articles: int, seed: int = 11) -> Iterator[str]:
    """N-Quads lines of the synthetic corpus (deterministic for a seed)."""
    rng = random.Random(seed)
    countries = bench_countries()
    orgs = [(f"{ID}org/{c}/{slug}", cls, c) for c in countries for slug, cls in ORG_TYPES]
    weights = [1.0 / (c_rank + 1) / (t_rank + 1) ** 0.5
               for c_rank in range(len(countries)) for t_rank in range(len(ORG_TYPES))]
    cities = [(f"{ID}city/bench-{i}", COUNTRIES[i % len(COUNTRIES)]) for i in range(100)]
    bench_graph = n(G + "bench-reference")
    for city, country in cities:
        yield f"{n(city)} {RDF_TYPE} {n(JK + 'City')} {bench_graph} .\n"
        yield f"{n(city)} {n(JK + 'country')} {n(ID + 'country/' + country)} {bench_graph} .\n"
    for i in range(articles):
        h = f"{i:016x}"
        graph = n(f"{G}article/{h}")
        art = n(f"{ID}article/{h}")
        lang = LANGS[i % len(LANGS)]
        year = 2010 + i % 15
        date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        (o1, c1, k1), (o2, c2, k2) = rng.choices(orgs, weights, k=2)
        if o1 == o2:
            o2, c2, k2 = orgs[(orgs.index((o1, c1, k1)) + 1) % len(orgs)]
        person = f"{ID}person/bench-{rng.randrange(20_000)}"
        city = cities[rng.randrange(len(cities))][0]
        lines = [
            (art, RDF_TYPE, n(JK + "Article")), (art, n(DCT + "title"), lit(f"Article {i}", lang)),
            (art, n(DCT + "issued"), lit(date, dtype="http://www.w3.org/2001/XMLSchema#date")),
            (art, n(DCT + "language"), lit(lang)), (art, n(JK + "mentions"), n(o1)), (art, n(JK + "mentions"), n(o2)),
            (art, n(JK + "mentions"), n(person)),
        ]
        for org, cls, country in ((o1, c1, k1), (o2, c2, k2)):
            lines += [(n(org), RDF_TYPE, n(JK + cls)), (n(org), LABEL, lit(org.rsplit("/", 2)[-1] + " " + country.upper(), "en")),
                      (n(org), n(JK + "country"), n(ID + "country/" + country))]
        if i % 2:
            item = n(f"{ID}event/{date}-bench-{h}")
            lines += [(item, RDF_TYPE, n(JK + EVENTS[i % len(EVENTS)])), (item, n(JK + "participant"), n(o1)),
                      (item, n(JK + "participant"), n(o2)), (item, n(JK + "organizer"), n(o1))]
            relation = "participant"
        else:
            item = n(f"{ID}agreement/{date}-bench-{h}")
            lines += [(item, RDF_TYPE, n(JK + AGREEMENTS[i % len(AGREEMENTS)])), (item, n(JK + "party"), n(o1)),
                      (item, n(JK + "party"), n(o2)), (item, n(JK + "signatory"), n(person))]
            relation = "party"
            st = n(f"{ID}article/{h}#s0")
            lines += [(st, RDF_TYPE, n("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement")),
                      (st, n("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"), item),
                      (st, n("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"), n(JK + relation)),
                      (st, n("http://www.w3.org/1999/02/22-rdf-syntax-ns#object"), n(o1)),
                      (st, n(JK + "evidenceText"), lit(f"Sentence {i}.", lang))]
        lines += [(item, n(JK + "date"), lit(date, dtype="http://www.w3.org/2001/XMLSchema#date")), (item, n(JK + "location"), n(city))]
        membership = n(f"{ID}article/{h}#p0")
        lines += [(membership, RDF_TYPE, n(ORG + "Membership")), (membership, n(ORG + "member"), n(person)),
                  (membership, n(ORG + "organization"), n(o1)), (membership, n(ORG + "role"), n(BASE + "role/" + ROLES[i % len(ROLES)])),
                  (n(person), LABEL, lit(f"Person {person.rsplit('-', 1)[-1]}", "en"))]
        yield "".join(f"{s} {p} {o} {graph} .\n" for s, p, o in lines)


def build(directory: Path, articles: int) -> tuple[ox.Store, int, float]:
    started = time.perf_counter()
    store = ox.Store(str(directory))
    store.bulk_extend(reference_quads())
    chunk: list[str] = []
    for block in synthetic_nquads(articles):
        chunk.append(block)
        if len(chunk) >= 5000:
            store.bulk_load("".join(chunk).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            chunk = []
    if chunk:
        store.bulk_load("".join(chunk).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    store.optimize()  # measured: hub queries are several times slower on an unoptimised bulk load
    return store, len(store), time.perf_counter() - started


@dataclass(frozen=True, slots=True)
class Subjects:
    """Entities the parameterised queries are asked about: typical (median) ones and hubs."""

    institution: str
    hub_institution: str
    country: str
    hub_country: str
    runner_up_country: str  # the second most reported: the hub-to-hub pair
    person: str


def pick_subjects(store: OxigraphStore) -> Subjects:
    """Institutions ranked by articles mentioning them, countries by their institutions' mentions."""
    degree = store.query(
        f"SELECT ?o (COUNT(*) AS ?n) WHERE {{ ?a {n(JK + 'mentions')} ?o . FILTER(CONTAINS(STR(?o), '/org/')) }} GROUP BY ?o ORDER BY DESC(?n) ?o"
    )
    ranked = [row[0].value for row in degree]  # type: ignore[union-attr]
    mentions: dict[str, int] = {}
    for row in store.query(f"SELECT ?c (COUNT(*) AS ?n) WHERE {{ ?o {n(JK + 'country')} ?c . FILTER(CONTAINS(STR(?o), '/org/')) }} GROUP BY ?c"):  # type: ignore[union-attr]
        mentions[row[0].value.rsplit("/", 1)[-1].upper()] = int(row[1].value)
    countries = sorted((c for c in bench_countries() if c.upper() in mentions), key=lambda c: (-mentions[c.upper()], c))
    person = next(iter(store.query(f"SELECT ?p WHERE {{ ?m {n(ORG + 'member')} ?p }} LIMIT 1")))[0].value  # type: ignore[index, arg-type]
    middle = len(countries) // 2
    return Subjects(ranked[len(ranked) // 2], ranked[0], countries[middle].upper(), countries[0].upper(),
                    countries[1].upper(), person)


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=9, help="runs per entity-centred query (global ones run 3 times)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a query is killed and reported as a timeout")
    parser.add_argument("--target", type=float, default=100.0, help="p50 ms an entity-centred query must stay under (exit 1 otherwise)")
    parser.add_argument("--store", type=Path, help="keep the store here and reuse it on the next run (built if absent)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="judikg-bench-") as tmp:
        path = args.store or Path(tmp) / "store"
        if (path / "CURRENT").exists():
            raw = ox.Store(str(path))
            print(f"reusing {path}: {len(raw)} quads", file=sys.stderr)
        else:
            raw, quads, seconds = build(path, args.articles)
            print(f"{args.articles} articles, {quads} quads bulk-loaded and optimised in {seconds:.0f} s", file=sys.stderr)
        store = OxigraphStore(raw)
        who = pick_subjects(store)
        params: dict[str, dict[str, str]] = {
            "partners": {"institution": who.institution}, "post-holders": {"institution": who.institution},
            "person-profile": {"person": who.person}, "institutions-of-country": {"country": who.country},
            "country-timeline": {"country": who.country},
            # A typical country's agreements with the most reported one: the usual question.
            "agreements-between-countries": {"country_a": who.country, "country_b": who.hub_country},
            "statement-sources": {"subject": f"{ID}agreement/2010-01-01-bench-{0:016x}", "relation": "party", "object": ""},
            "search": {"text": "Person 1234"},
        }
        first = next(iter(store.query(f"SELECT ?o WHERE {{ <{ID}agreement/2010-01-01-bench-{0:016x}> {n(JK + 'party')} ?o }} ORDER BY ?o LIMIT 1")))
        params["statement-sources"]["object"] = first[0].value  # type: ignore[index]
        store.close()
        del raw, store  # the worker opens the store read-only, as `judikg serve` does
        # Queries run in a killable worker process (the server's own pool), so one runaway
        # query costs --timeout, not the whole benchmark.
        pool = WorkerPool(path, size=1, timeout=args.timeout, queue_wait=args.timeout * 2).start()
        target = PoolTarget(pool, max_rows=10_000_000)
        # Hubs: the most mentioned institution and country. Their queries are O(their degree)
        # (MN's institutions are in ~20 % of the articles), so they are reported, not held to 100 ms.
        hubs = {
            f"partners (hub {who.hub_institution.rsplit('/', 2)[-2].upper()})": ("partners", {"institution": who.hub_institution}),
            "post-holders (hub)": ("post-holders", {"institution": who.hub_institution}),
            f"institutions-of-country (hub {who.hub_country})": ("institutions-of-country", {"country": who.hub_country}),
            f"country-timeline (hub {who.hub_country})": ("country-timeline", {"country": who.hub_country}),
            # How a hub's timeline is read: a year at a time.
            f"country-timeline (hub {who.hub_country}, one year)": (
                "country-timeline", {"country": who.hub_country, "from": "2020", "to": "2020"}),
            f"agreements-between-countries (hub {who.hub_country})": (
                "agreements-between-countries", {"country_a": who.hub_country, "country_b": who.runner_up_country}),
        }
        queries = library()
        jobs = [(name, name, params.get(name, {}), entity_centred(queries[name])) for name in sorted(queries)]
        jobs.sort(key=lambda job: not job[3])  # entity-centred first, then global
        jobs += [(label, name, p, False) for label, (name, p) in hubs.items()]
        print(f"{args.articles} articles; typical institution {who.institution.rsplit('/', 2)[-2:]}, "
              f"typical country {who.country}; hubs {who.hub_country}, {who.runner_up_country}", file=sys.stderr)
        print("| query | kind | rows | p50 ms | p95 ms |\n|---|---|---:|---:|---:|")
        failed = False
        for label, name, raw_params, centred in jobs:
            query = queries[name]
            kind = "entity" if centred else ("hub" if "(hub" in label else "global")
            bindings = bind(query, raw_params, target)
            samples: list[float] = []
            rows = 0
            try:
                for _ in range((args.repeats if centred else min(3, args.repeats)) + 1):
                    started = time.perf_counter()
                    rows = len(target.select(query.text, bindings))
                    samples.append((time.perf_counter() - started) * 1000)
            except HttpError as error:
                failed |= centred
                print(f"| {label} | {kind} | – | > {args.timeout * 1000:.0f} ({error.status}) | – |", flush=True)
                continue
            samples = samples[1:]  # the first run warms caches
            p50 = statistics.median(samples)
            failed |= centred and p50 > args.target
            print(f"| {label} | {kind} | {rows} | {p50:.1f} | {percentile(samples, 0.95):.1f} |", flush=True)
        pool.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
