"""The RDF → networkx projection over a hand-made graph shaped as docs/design.md states."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judikg.errors import QueryError
from judikg.graph.labels import name_key, normalize_lang, pick_label
from judikg.graph.projection import article_refs, project, resolve_entity
from viz_sample_graph import (A1, A2, AACC, CONF, EVIL, EXPECTED_NODES, JKG, KG_CC, KZ_CC, KZ_SC, MEMO, PERSON,
                              SEOUL, XSS_LABEL, sample_store)


@pytest.fixture(scope="module")
def G():
    return project(sample_store())


def test_nodes_are_entities_only(G):
    assert set(G) == EXPECTED_NODES  # no articles, mentions, statements or memberships


def test_node_attributes(G):
    kz = G.nodes[KZ_CC]
    assert kz["cls"] == "ConstitutionalCourt" and kz["category"] == "institution"
    assert kz["country_code"] == "KZ" and kz["labels"]["ru"] == "Конституционный суд Казахстана"
    assert G.nodes[MEMO]["date"] == "2024-05-27" and G.nodes[MEMO]["category"] == "agreement"
    assert G.nodes[CONF]["category"] == "event" and G.nodes[SEOUL]["category"] == "city"
    assert G.nodes[PERSON]["posts"] == [{"role": "chair", "organization": KG_CC}]
    assert G.nodes[KG_CC]["members"] == [{"role": "chair", "person": PERSON}]
    assert G.nodes[AACC]["labels"]["en"] == "Association of Asian Constitutional Courts"  # from jkg:reference


def test_edges_carry_relation_date_and_evidence(G):
    party = G.edges[MEMO, KG_CC, "party"]
    assert party["weight"] == 2 and party["date"] == "2024-05-27"
    assert set(party["articles"]) == {JKG + "article/" + A1, JKG + "article/" + A2}
    assert party["evidence"] == ((JKG + "article/" + A1, "The courts signed a memorandum."),)
    post = G.edges[PERSON, KG_CC, "post:chair"]
    assert post["relation"] == "post" and post["role"] == "chair" and post["evidence"]
    assert G.edges[KZ_SC, AACC, "memberOf"]["first_seen"] == "2023-10-02"


def test_article_metadata_is_shared(G):
    refs = article_refs(G, G.edges[MEMO, KG_CC, "party"]["articles"])
    assert [r.date for r in refs] == ["2024-05-28", "2023-10-02"]  # newest first
    assert refs[0].url == "https://example.org/news/1?a=1&b=2" and refs[1].url is None


def test_same_quads_same_graph():
    a, b = project(sample_store()), project(sample_store())
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_reads_plain_quad_iterables_and_rdflib_terms():
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(data="\n".join(str(q) + " ." for q in sample_store()), format="nquads")
    G = project(ds.quads((None, None, None, None)))
    assert set(G) == EXPECTED_NODES


@pytest.mark.parametrize("query", [KZ_CC, "jkid:org/kz/constitutional-court", "org/kz/constitutional-court",
                                   "Конституционный суд Казахстана", "конституционный СУД казахстана",
                                   "Конституционный суд Қазақстан"])
def test_resolve_entity_by_iri_or_name(G, query):
    assert resolve_entity(G, query) == KZ_CC


def test_resolve_by_inflected_surface_and_alias(G):
    assert resolve_entity(G, "Конституциялык сотунун") == KG_CC
    assert resolve_entity(G, "AACC") == AACC
    assert resolve_entity(G, XSS_LABEL) == EVIL


def test_resolve_reports_ambiguity_and_absence(G):
    with pytest.raises(QueryError, match="matches 2 entities"):
        resolve_entity(G, "Верховный суд")
    with pytest.raises(QueryError, match="no entity named"):
        resolve_entity(G, "Court of Atlantis")


def test_label_fallbacks():
    labels = {"ru": "Верховный суд", "kk-Latn": "Joǵarǵy Sot", "en": "Supreme Court"}
    assert pick_label(labels, "kk") == "Joǵarǵy Sot"
    assert pick_label(labels, "ky") == "Верховный суд"
    assert pick_label({}, "en", "fallback") == "fallback"
    assert normalize_lang("kk-latn") == "kk-Latn"


@given(st.text(max_size=40))
def test_name_key_is_idempotent(text):
    assert name_key(name_key(text)) == name_key(text)
