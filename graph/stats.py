"""What a store holds, in numbers: articles, quads, entities by class, articles by language."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from judikg.graph.store import Store
from judikg.graph.terms import jk, std


@dataclass(frozen=True, slots=True)
class ArticleStats:
    graph: str
    article: str
    title: str | None
    lang: str | None
    published: str | None
    entities: int
    relations: int  # asserted relations (reified statements) plus posts (memberships)


@dataclass(slots=True)
class Stats:
    articles: int = 0
    quads: int = 0
    graphs: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    by_language: dict[str, int] = field(default_factory=dict)
    per_article: list[ArticleStats] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "quads": self.quads,
            "graphs": self.graphs,
            "by_class": dict(self.by_class),
            "by_language": dict(self.by_language),
            "per_article": [asdict(a) for a in self.per_article],
        }


def _rows(store: Store, sparql: str) -> list[ox.QuerySolution]:
    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def _value(term: object) -> str | None:
    return getattr(term, "value", None) if term is not None else None


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[-1]
    return iri


def stats(store: Store) -> Stats:
    """Counts over article graphs; entities count once per class however many articles name them."""
    article_cls, mentions = jk("Article"), jk("mentions")
    rdf_type, derived = std("rdf", "type"), std("prov", "wasDerivedFrom")
    title, language, issued = std("dcterms", "title"), std("dcterms", "language"), std("dcterms", "issued")
    result = Stats()
    result.quads = int(_rows(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"].value)
    result.graphs = len(store.named_graphs())
    by_class = _rows(
        store,
        f"SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?a {rdf_type} {article_cls} ; "
        f"{mentions} ?e . ?e {rdf_type} ?c }} }} GROUP BY ?c",
    )
    result.by_class = dict(sorted((_local(r["c"].value), int(r["n"].value)) for r in by_class))
    articles = _rows(
        store,
        f"SELECT ?g ?a (SAMPLE(?t) AS ?title) (SAMPLE(?l) AS ?lang) (SAMPLE(?d) AS ?date) WHERE {{ GRAPH ?g {{ "
        f"?a {rdf_type} {article_cls} . OPTIONAL {{ ?a {title} ?t }} OPTIONAL {{ ?a {language} ?l }} "
        f"OPTIONAL {{ ?a {issued} ?d }} }} }} GROUP BY ?g ?a",
    )
    entities = {
        r["a"].value: int(r["n"].value)
        for r in _rows(
            store,
            f"SELECT ?a (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?a {rdf_type} {article_cls} ; "
            f"{mentions} ?e }} }} GROUP BY ?a",
        )
    }
    relations = {
        r["a"].value: int(r["n"].value)
        for r in _rows(
            store,
            f"SELECT ?a (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?a {rdf_type} {article_cls} . "
            f"?s {derived} ?a }} }} GROUP BY ?a",
        )
    }
    per_article = [
        ArticleStats(
            graph=r["g"].value,
            article=r["a"].value,
            title=_value(r["title"]),
            lang=_value(r["lang"]),
            published=_value(r["date"]),
            entities=entities.get(r["a"].value, 0),
            relations=relations.get(r["a"].value, 0),
        )
        for r in articles
    ]
    result.per_article = sorted(per_article, key=lambda a: a.graph)
    result.articles = len({a.article for a in per_article})
    languages: dict[str, int] = {}
    for article in per_article:
        languages[article.lang or "unknown"] = languages.get(article.lang or "unknown", 0) + 1
    result.by_language = dict(sorted(languages.items()))
    return result
