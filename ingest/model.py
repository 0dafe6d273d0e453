"""Plain data shapes where the stages meet: a read article, and what extraction states about it.

``read`` produces :class:`Document`; ``extract`` is a pure function ``Document -> Extraction``;
``graph`` turns both into the article's named graph. Nothing here knows about RDF stores.

Treat every shape as immutable. Those built per mention (Span, Entity, Relation, Extraction,
and the extraction stages' own hits and findings) are nevertheless not ``frozen``: a frozen
dataclass's ``__init__`` sets each field through ``object.__setattr__``, which made building
them ~5× slower and cost ~7 % of extraction time. ``unsafe_hash=True`` keeps them hashable
and comparable by value exactly as the frozen classes were; nothing assigns to their fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: BCP-47 tags judikg produces for article text and labels.
LANGUAGES: tuple[str, ...] = ("ky", "kk", "kk-Latn", "ru", "en", "uz")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read, before extraction.

    ``text`` is what extraction reads: plain text, Unicode-normalised, with site boilerplate
    (navigation, view counters, "print version" links) blanked out by spaces so that it keeps
    the length of the normalised text and every offset stays meaningful. ``original`` is the
    input exactly as decoded (HTML source included), kept for provenance.
    """

    source: str  # file path, "file.jsonl:3" for a JSONL line, or "<stdin>"
    original: str
    text: str
    sha256: str  # of the normalised plain text: the same article in cp1251 or UTF-8 is one article
    lang: str  # one of LANGUAGES
    script: str  # ISO 15924: "Cyrl" or "Latn"
    title: str | None = None
    published: str | None = None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    url: str | None = None
    media_type: str = "text/plain"  # of the original: text/plain, text/html, application/json


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A stretch of ``Document.text``: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str


@dataclass(slots=True, unsafe_hash=True)
class Entity:
    """An entity the article mentions, already linked to its canonical IRI.

    ``type`` is the local name of the most specific ontology class (``SupremeCourt``,
    ``Conference``, ``Memorandum``, ``Person`` ...). ``labels`` maps a BCP-47 tag to a name in
    that language (for reference entities the canonical labels live in the reference graph and
    this may be empty). ``country`` is an ISO 3166-1 alpha-2 code, stated only where the text
    names the entity with its country. ``date`` is ISO with reduced precision allowed.
    """

    iri: str
    type: str
    labels: dict[str, str] = field(default_factory=dict)
    mentions: tuple[Span, ...] = ()
    country: str | None = None
    date: str | None = None
    end_date: str | None = None
    name: str | None = None  # a proper name or title of an event or agreement, if stated
    ordinal: int | None = None  # "4th conference", "IX annual conference"


@dataclass(slots=True, unsafe_hash=True)
class Relation:
    """``subject predicate object`` with the sentence it was read from.

    ``predicate`` is an ontology local name: party, signatory, signedAt, participant,
    organizer, location, date, memberOf, partOf, country, or ``post`` (then ``role`` holds a
    role concept local name: chair, deputy-chair, head, deputy-head, secretary-general,
    minister, deputy-minister, judge, president, vice-president, member, other).
    """

    subject: str
    predicate: str
    object: str
    evidence: Span
    role: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class Extraction:
    """Everything extraction states about one document."""

    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
