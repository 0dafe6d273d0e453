"""Small hand-built articles and extractions for the store, rdfize, export, validate and stats tests."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from judikg.ingest.model import Document, Entity, Extraction, Relation, Span
from judikg.iris import agreement_iri, city_iri, event_iri, national_org_iri, org_iri, person_iri

INGESTED_AT = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)

# (lang, script, title, published, sentence, court surface, person surface)
SAMPLES: tuple[tuple[str, str, str, str, str], ...] = (
    ("kk", "Cyrl", "Жоғарғы Сот", "2024-05-28", "Жоғарғы Сотының төрағасы Мерғалиев Сеулде меморандумға қол қойды."),
    ("kk-Latn", "Latn", "Joǵarǵy Sot", "2024-05", "Joǵarǵy Sotynyń tóraǵasy Mergaliev Seýlde memorandýmǵa qol qoıdy."),
    ("ky", "Cyrl", "Жогорку сот", "2023", "Жогорку Сотунун төрагасы Мергалиев Сеулда меморандумга кол койду."),
    ("ru", "Cyrl", "Верховный суд", "2024-05-28", "Председатель Верховного суда Мергалиев подписал меморандум в Сеуле."),
    ("en", "Latn", "Supreme Court", "2024-05", 'Chief Justice Mergaliev signed a "memorandum" in Seoul\\today.'),
)


def _span(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), word)


def sample(i: int = 0, *, text_suffix: str = "", source: str | None = None) -> tuple[Document, Extraction]:
    lang, script, title, published, text = SAMPLES[i % len(SAMPLES)]
    text = text + text_suffix
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = Document(
        source=source or f"/data/articles/{i:03d}.txt",
        original=text,
        text=text,
        sha256=sha,
        lang=lang,
        script=script,
        title=title,
        published=published,
        url=None,
    )
    words = text.split()
    court = national_org_iri("KZ", "supreme-court")
    person = person_iri("mergaliev", "a")
    city = city_iri("seoul")
    agreement = agreement_iri(published, "memorandum", [court, org_iri("aacc")])
    event = event_iri(published, "visit", "seoul")
    sentence = Span(0, len(text), text)
    extraction = Extraction(
        entities=(
            Entity(court, "SupremeCourt", {lang: title}, (_span(text, words[0]),), country="KZ"),
            Entity(person, "Person", {lang: "Mergaliev"}, (_span(text, words[2]),)),
            Entity(city, "City", {}, ()),
            Entity(agreement, "Memorandum", {}, (_span(text, words[-2]),), date=published, name=words[-2]),
            Entity(event, "Visit", {}, (), date=published, end_date=published, ordinal=4),
        ),
        relations=(
            Relation(agreement, "party", court, sentence),
            Relation(agreement, "signatory", person, sentence),
            Relation(agreement, "date", published, sentence),
            Relation(event, "location", city, sentence),
            Relation(person, "post", court, sentence, role="chair"),
            Relation(person, "post", court, sentence, role="deputy-chair"),
            Relation(agreement, "party", court, sentence),  # a duplicate: stored once
        ),
    )
    return doc, extraction
