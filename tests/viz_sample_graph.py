"""A small hand-made judikg graph shaped as docs/design.md states, for projection and map tests.

Two articles, the reference graph, posts, evidence statements, and hostile strings in a title
and a label: what a map must draw and escape.
"""

from __future__ import annotations

import pyoxigraph as ox

JK = "https://w3id.org/judikg/ontology#"
JKID = "https://w3id.org/judikg/id/"
JKG = "https://w3id.org/judikg/graph/"
JKROLE = "https://w3id.org/judikg/role/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCT = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

XSS_TITLE = "Court news </script><img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>"
XSS_LABEL = "<img src=x onerror=window.__xss=3>Court"

KG_CC = JKID + "org/kg/constitutional-court"
KZ_CC = JKID + "org/kz/constitutional-court"
KZ_SC = JKID + "org/kz/supreme-court"
KG_SC = JKID + "org/kg/supreme-court"
AACC = JKID + "org/aacc"
EVIL = JKID + "org/kr/evil-court"
PERSON = JKID + "person/dzhusupov-k"
MEMO = JKID + "agreement/2024-05-27-abc123"
CONF = JKID + "event/2024-05-conference-def456"
MEET = JKID + "event/2023-10-01-meeting-0f0f0f"
SEOUL = JKID + "city/seoul"
A1 = "0123456789abcdef"
A2 = "fedcba9876543210"

#: entities the projection must yield (nodes) and the relations between them (edges)
EXPECTED_NODES = {KG_CC, KZ_CC, KZ_SC, KG_SC, AACC, EVIL, PERSON, MEMO, CONF, MEET, SEOUL,
                  JKID + "country/kg", JKID + "country/kz", JKID + "country/kr"}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _q(s: str, p: str, o: ox.NamedNode | ox.Literal | str, g: str) -> ox.Quad:
    obj = _n(o) if isinstance(o, str) else o
    return ox.Quad(_n(s), _n(p), obj, _n(g))


def _lit(value: str, lang: str | None = None, dt: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    if dt:
        return ox.Literal(value, datatype=_n(dt))
    return ox.Literal(value)


def reference_quads() -> list[ox.Quad]:
    g = JKG + "reference"
    quads = []
    names = {
        "kg": {"en": "Kyrgyzstan", "ru": "Киргизия", "ky": "Кыргызстан", "kk": "Қырғызстан", "kk-Latn": "Qyrǵyzstan"},
        "kz": {"en": "Kazakhstan", "ru": "Казахстан", "ky": "Казакстан", "kk": "Қазақстан", "kk-Latn": "Qazaqstan"},
        "kr": {"en": "South Korea", "ru": "Южная Корея", "ky": "Түштүк Корея", "kk": "Оңтүстік Корея"},
    }
    for code, labels in names.items():
        iri = JKID + "country/" + code
        quads.append(_q(iri, RDF + "type", JK + "Country", g))
        quads += [_q(iri, RDFS + "label", _lit(v, lang), g) for lang, v in labels.items()]
    quads.append(_q(SEOUL, RDF + "type", JK + "City", g))
    quads.append(_q(SEOUL, RDFS + "label", _lit("Seoul", "en"), g))
    quads.append(_q(SEOUL, RDFS + "label", _lit("Сеул", "ru"), g))
    quads.append(_q(AACC, RDF + "type", JK + "Association", g))
    quads.append(_q(AACC, RDFS + "label", _lit("Association of Asian Constitutional Courts", "en"), g))
    quads.append(_q(AACC, RDFS + "label", _lit("Ассоциация азиатских конституционных судов", "ru"), g))
    quads.append(_q(AACC, "http://www.w3.org/2004/02/skos/core#altLabel", _lit("AACC", "en"), g))
    return quads


def _article(h: str, lang: str, title: str, issued: str, url: str | None) -> tuple[str, str, list[ox.Quad]]:
    g, a = JKG + "article/" + h, JKID + "article/" + h
    quads = [
        _q(a, RDF + "type", JK + "Article", g),
        _q(a, DCT + "title", _lit(title, lang), g),
        _q(a, DCT + "issued", _lit(issued, dt=XSD + "date"), g),
        _q(a, DCT + "language", _lit(lang), g),
    ]
    if url:
        quads.append(_q(a, "https://schema.org/url", url, g))
    return g, a, quads


def _statement(g: str, a: str, n: int, s: str, p: str, o: str, text: str) -> list[ox.Quad]:
    st = f"{a}#s{n}"
    return [
        _q(st, RDF + "type", RDF + "Statement", g), _q(st, RDF + "subject", s, g),
        _q(st, RDF + "predicate", p, g), _q(st, RDF + "object", o, g),
        _q(st, PROV + "wasDerivedFrom", a, g), _q(st, JK + "evidenceText", _lit(text), g),
    ]


def article_quads() -> list[ox.Quad]:
    g1, a1, quads = _article(A1, "ky", XSS_TITLE, "2024-05-28", "https://example.org/news/1?a=1&b=2")
    for iri, cls, label, cc in (
        (KG_CC, "ConstitutionalCourt", "Кыргыз Республикасынын Конституциялык соту", "kg"),
        (KZ_CC, "ConstitutionalCourt", "Казакстан Республикасынын Конституциялык соту", "kz"),
    ):
        quads += [_q(iri, RDF + "type", JK + cls, g1), _q(iri, RDFS + "label", _lit(label, "ky"), g1),
                  _q(iri, JK + "country", JKID + "country/" + cc, g1), _q(a1, JK + "mentions", iri, g1)]
    quads += [_q(KZ_CC, RDFS + "label", _lit("Конституционный суд Казахстана", "ru"), g1)]
    quads += [
        _q(MEMO, RDF + "type", JK + "Memorandum", g1), _q(MEMO, JK + "date", _lit("2024-05-27", dt=XSD + "date"), g1),
        _q(MEMO, JK + "party", KG_CC, g1), _q(MEMO, JK + "party", KZ_CC, g1), _q(MEMO, JK + "signatory", PERSON, g1),
        _q(CONF, RDF + "type", JK + "Conference", g1), _q(CONF, JK + "date", _lit("2024-05", dt=XSD + "gYearMonth"), g1),
        _q(CONF, RDFS + "label", _lit("AACC Congress", "en"), g1),
        _q(CONF, JK + "location", SEOUL, g1), _q(CONF, JK + "organizer", AACC, g1),
        _q(CONF, JK + "participant", KG_CC, g1), _q(CONF, JK + "participant", KZ_CC, g1),
        _q(MEMO, JK + "signedAt", CONF, g1),
        _q(PERSON, RDF + "type", JK + "Person", g1), _q(PERSON, RDFS + "label", _lit("К. Джусупов", "ky"), g1),
        _q(PERSON, RDFS + "label", _lit("K. Dzhusupov", "en"), g1),
        _q(f"{a1}#m10-32", RDF + "type", JK + "Mention", g1), _q(f"{a1}#m10-32", JK + "mentionOf", KG_CC, g1),
        _q(f"{a1}#m10-32", JK + "spans", _lit("10-32"), g1),
        _q(f"{a1}#m10-32", JK + "surface", _lit("Конституциялык сотунун"), g1),
        _q(f"{a1}#p1", RDF + "type", ORG + "Membership", g1), _q(f"{a1}#p1", ORG + "member", PERSON, g1),
        _q(f"{a1}#p1", ORG + "organization", KG_CC, g1), _q(f"{a1}#p1", ORG + "role", JKROLE + "chair", g1),
        _q(PERSON, JK + "holdsPost", f"{a1}#p1", g1),
    ]
    quads += _statement(g1, a1, 1, MEMO, JK + "party", KG_CC, "The courts signed a memorandum.")
    quads += _statement(g1, a1, 2, f"{a1}#p1", ORG + "organization", KG_CC, "Chair K. Dzhusupov said <b>hello</b>.")

    g2, a2, more = _article(A2, "ru", "Встреча верховных судов", "2023-10-02", None)
    quads += more
    quads += [
        _q(KZ_SC, RDF + "type", JK + "SupremeCourt", g2), _q(KZ_SC, RDFS + "label", _lit("Верховный суд Казахстана", "ru"), g2),
        _q(KZ_SC, JK + "country", JKID + "country/kz", g2),
        _q(KG_SC, RDF + "type", JK + "SupremeCourt", g2), _q(KG_SC, RDFS + "label", _lit("Верховный суд Кыргызстана", "ru"), g2),
        _q(KG_SC, JK + "country", JKID + "country/kg", g2),
        _q(MEET, RDF + "type", JK + "Meeting", g2), _q(MEET, JK + "date", _lit("2023-10-01", dt=XSD + "date"), g2),
        _q(MEET, JK + "participant", KZ_SC, g2), _q(MEET, JK + "participant", KG_SC, g2),
        _q(EVIL, RDF + "type", JK + "Court", g2), _q(EVIL, RDFS + "label", _lit(XSS_LABEL, "ru"), g2),
        _q(EVIL, JK + "country", JKID + "country/kr", g2), _q(MEET, JK + "participant", EVIL, g2),
        _q(KZ_SC, JK + "memberOf", AACC, g2),
        # the same memorandum reported again by a second article: weight 2 on its party edge
        _q(MEMO, RDF + "type", JK + "Memorandum", g2), _q(MEMO, JK + "party", KG_CC, g2),
    ]
    return quads


def sample_store() -> ox.Store:
    store = ox.Store()
    store.extend(reference_quads() + article_quads())
    return store
