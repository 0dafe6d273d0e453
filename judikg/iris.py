"""IRI minting: every IRI judikg writes comes from here (see docs/design.md, "Namespaces and IRIs").

IRIs are deterministic functions of canonical keys — never counters, UUIDs or clocks — so the
same article ingested twice, or the same court named in two languages, lands on one node.
Keys are folded across scripts with :func:`judikg.ingest.translit.fold`, so a Cyrillic and a
Latin spelling of one name give one slug. Short hashes are the first 10 hex digits of SHA-256.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from judikg.errors import JudikgError
from judikg.ingest.translit import fold, name_key

BASE = "https://w3id.org/judikg/"
ONTOLOGY_NS = BASE + "ontology#"
ROLE_NS = BASE + "role/"
ID_NS = BASE + "id/"
GRAPH_NS = BASE + "graph/"

REFERENCE_GRAPH = GRAPH_NS + "reference"
ONTOLOGY_GRAPH = GRAPH_NS + "ontology"

SHORT_HASH_LENGTH = 10
ARTICLE_HASH_LENGTH = 16


class IriError(JudikgError, ValueError):
    """A key cannot be turned into an IRI (malformed hash, country code or date)."""


_SHA256 = re.compile(r"[0-9a-f]{16,64}")
_ALPHA2 = re.compile(r"[A-Za-z]{2}")
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
UNDATED = "undated"


def short_hash(text: str) -> str:
    """First 10 hex digits of the SHA-256 of ``text`` (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:SHORT_HASH_LENGTH]


def slug(text: str) -> str:
    """ASCII ``[a-z0-9-]`` slug of ``text`` through :func:`fold`; idempotent.

    ``Buenos Aires`` → ``buenos-aires``, ``Қазақстан`` → ``qazaqstan``. Text with no Latin or Cyrillic letter or digit (Chinese,
    Greek) gets ``h-`` and a short hash of its folded form, so it still has a stable slug.
    """
    folded = fold(text)
    out = _NOT_SLUG.sub("-", folded).strip("-")
    if out:
        return out
    stripped = " ".join(folded.split())
    return "h-" + short_hash(stripped) if stripped else "h-empty"


def _key_hash(text: str) -> str:
    # Case, script and spacing of a distinguishing key must not split one entity in two.
    return short_hash(" ".join(fold(text).split()))


def _sha(sha256: str) -> str:
    value = sha256.strip().lower()
    if not _SHA256.fullmatch(value):
        raise IriError(f"article hash {sha256!r} is not hex SHA-256: pass Document.sha256")
    return value[:ARTICLE_HASH_LENGTH]


def _alpha2(code: str) -> str:
    if not _ALPHA2.fullmatch(code):
        raise IriError(f"country code {code!r} is not ISO 3166-1 alpha-2: pass two letters such as 'KZ'")
    return code.lower()


def _date(date: str | None) -> str:
    if date is None:
        return UNDATED
    if not _DATE.fullmatch(date):
        raise IriError(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD: pass None when unknown")
    return date


def _nonempty_slug(text: str, what: str) -> str:
    if not text or not text.strip():
        raise IriError(f"{what} is empty: pass a name or key such as 'supreme-court'")
    return slug(text)


def article_iri(sha256: str) -> str:
    """``jkid:article/{sha256[:16]}``."""
    return f"{ID_NS}article/{_sha(sha256)}"


def article_graph_iri(sha256: str) -> str:
    """The article's named graph ``jkg:article/{sha256[:16]}``."""
    return f"{GRAPH_NS}article/{_sha(sha256)}"


def mention_iri(sha256: str, start: int, end: int) -> str:
    """A mention of an entity in the article: ``jkid:article/{h}#m{start}-{end}``."""
    if not 0 <= start <= end:
        raise IriError(f"mention span {start}-{end} is not 0 <= start <= end")
    return f"{article_iri(sha256)}#m{start}-{end}"


def statement_iri(sha256: str, n: int) -> str:
    """The n-th reified relation of the article: ``jkid:article/{h}#s{n}``."""
    return f"{article_iri(sha256)}#s{_index(n)}"


def membership_iri(sha256: str, n: int) -> str:
    """The n-th post (org:Membership) the article states: ``jkid:article/{h}#p{n}``."""
    return f"{article_iri(sha256)}#p{_index(n)}"


def _index(n: int) -> int:
    if n < 0:
        raise IriError(f"index {n} is negative: number statements from 0")
    return n


def country_iri(alpha2: str) -> str:
    """``jkid:country/{alpha-2 lower}``, e.g. ``country_iri("KZ")`` → ``…/id/country/kz``."""
    return f"{ID_NS}country/{_alpha2(alpha2)}"


def city_iri(key: str) -> str:
    """``jkid:city/{slug}``, e.g. ``city_iri("Buenos Aires")`` → ``…/id/city/buenos-aires``."""
    return f"{ID_NS}city/{_nonempty_slug(key, 'city key')}"


def org_iri(key: str) -> str:
    """An international body or association: ``jkid:org/{slug}`` (``aacc``, ``venice-commission``)."""
    return f"{ID_NS}org/{_nonempty_slug(key, 'organisation key')}"


def national_org_iri(country: str, type_slug: str, unit_slug: str | None = None) -> str:
    """A national institution: ``jkid:org/{cc}/{type}[/{unit}]``.

    ``national_org_iri("KG", "constitutional-court", "apparatus")`` →
    ``…/id/org/kg/constitutional-court/apparatus``.
    """
    iri = f"{ID_NS}org/{_alpha2(country)}/{_nonempty_slug(type_slug, 'institution type')}"
    if unit_slug is not None:
        iri += "/" + _nonempty_slug(unit_slug, "sub-unit")
    return iri


def person_key(surname: str, given: str | None = None) -> str:
    """The local part of a person IRI: ``{surname key}[-{initial}]``.

    Surnames are keyed with :func:`~judikg.ingest.translit.name_key`, so ``Мергалиев``,
    ``Мерғалиев`` and ``Mergaliyev`` meet. ``given`` may be an initial or, better, the whole
    given name: ``Zhanna`` and ``Жанна`` both give ``j``, while a bare ``Z`` cannot.
    """
    key = slug(name_key(surname))
    if not surname.strip() or key.startswith("h-"):
        raise IriError(f"surname {surname!r} has no Latin or Cyrillic letters: pass the surname as written")
    initial = name_key(given)[:1] if given else ""
    return f"{key}-{initial}" if initial else key


def person_iri(surname_key: str, initial: str | None) -> str:
    """``jkid:person/{surname key}-{initial}`` (initial omitted when unknown), see :func:`person_key`."""
    return f"{ID_NS}person/{person_key(surname_key, initial)}"


def event_iri(date: str | None, type_slug: str, distinguishing: str) -> str:
    """``jkid:event/{date}-{type}-{short hash of the distinguishing key}``.

    ``distinguishing`` is whatever tells two events of one type and date apart (the name, the
    organiser's IRI, the city IRI); it is folded before hashing. Without a date, ``undated``.
    """
    return f"{ID_NS}event/{_date(date)}-{_nonempty_slug(type_slug, 'event type')}-{_key_hash(distinguishing)}"


def agreement_iri(date: str | None, type_slug: str, parties: Iterable[str]) -> str:
    """``jkid:agreement/{date}-{short hash of sorted party IRIs + type}``; order-independent."""
    party_list = sorted(set(parties))
    type_key = _nonempty_slug(type_slug, "agreement type")
    return f"{ID_NS}agreement/{_date(date)}-{short_hash(chr(10).join([type_key, *party_list]))}"


def with_base(iri: str, new_base: str) -> str:
    """``iri`` re-rooted from :data:`BASE` onto ``new_base`` (for a release under another domain)."""
    if not iri.startswith(BASE):
        raise IriError(f"IRI {iri!r} is not under {BASE}: only judikg IRIs can be re-based")
    if not re.fullmatch(r"[a-z][a-z0-9+.-]*://\S+", new_base):
        raise IriError(f"new base {new_base!r} is not an absolute IRI such as 'https://example.org/judikg/'")
    if not new_base.endswith(("/", "#")):
        new_base += "/"
    return new_base + iri[len(BASE) :]
