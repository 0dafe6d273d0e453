"""graph.stats: counts by class, by language and per article."""

from __future__ import annotations

import json

from store_samples import INGESTED_AT, SAMPLES, sample

from judikg.graph.rdfize import article_quads, article_source_key
from judikg.graph.stats import stats
from judikg.graph.store import ArticleGraph, OxigraphStore
from judikg.iris import article_graph_iri


def test_counts_over_five_languages() -> None:
    store = OxigraphStore.memory()
    batch = []
    for i in range(len(SAMPLES)):
        doc, extraction = sample(i)
        batch.append(ArticleGraph(article_graph_iri(doc.sha256), article_source_key(doc), doc.sha256,
                                  article_quads(doc, extraction, ingested_at=INGESTED_AT, extractor_version="0.1.0")))
    store.write_articles(batch)
    result = stats(store)
    data = result.to_dict()
    assert data["articles"] == 5
    assert data["quads"] == sum(len(a.quads) for a in batch) + 3 * 5  # plus three catalog rows each
    assert data["by_language"] == {"en": 1, "kk": 1, "kk-Latn": 1, "ky": 1, "ru": 1}
    # one court, one person, one city whatever the article; events and agreements by date
    assert data["by_class"]["SupremeCourt"] == 1 and data["by_class"]["Person"] == 1
    assert data["by_class"]["City"] == 1 and data["by_class"]["Memorandum"] == 3
    rows = {a["title"]: a for a in data["per_article"]}
    assert rows["Joǵarǵy Sot"]["lang"] == "kk-Latn" and rows["Joǵarǵy Sot"]["published"] == "2024-05"
    # 5 entities; relations: 4 statements (duplicate party once) + 2 posts
    assert {(a["entities"], a["relations"]) for a in data["per_article"]} == {(5, 6)}
    assert json.loads(json.dumps(data)) == data
    assert [a["graph"] for a in data["per_article"]] == sorted(a["graph"] for a in data["per_article"])


def test_empty_store() -> None:
    data = stats(OxigraphStore.memory()).to_dict()
    assert data["articles"] == 0 and data["quads"] == 0 and data["by_class"] == {} and data["per_article"] == []
