"""Human-readable labels for extracted entities, composed from structured facts in en, ru, ky,
kk and kk-Latn.

The recogniser and the event/agreement passes name what they find by the words of the article
(«конференциясына», "Supreme Court (KZ)"). :func:`label_entities` replaces those names, after
extraction, by labels composed from what the extraction states:

* a composed national institution (``jkid:org/{cc}/{type}[/{unit}]``) by its type and country:
  "Supreme Court of Kazakhstan", «Верховный суд Казахстана», «Қазақстанның Жоғарғы соты»,
  «Казакстандын Жогорку соту», sub-units "Apparatus of the Constitutional Court of Kyrgyzstan";
* an event by "{ordinal} {kind} of {organiser}, {place}, {date}" in each language's own word
  order and cases (Russian genitive through pymorphy3, Kazakh/Kyrgyz genitive + possessive
  through :mod:`.turkic_suffixes`);
* an agreement by "{kind} between {A} and {B}, {date}" (or "{kind} of {A}");
* a person's name in the nominative (:mod:`.name_forms`), and its English label by the English
  spelling of the Cyrillic name (:mod:`.romanize`);
  an English article's own spelling stays, and a Kazakh-Latin article's form is not passed off
  as English.

Kinds come from the ontology's class labels (``ingest/lexicon/display_names.json`` for slugs
finer than a class), institution type names from ``ingest/lexicon/institution_types.json``
(first head per language, display_names.json overriding), places and bodies from the
reference data. A language without the words for a label gets none (the query layer falls back
to another language) rather than a mixed-language one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from judikg import iris
from judikg.errors import ReferenceDataError
from judikg.ingest.extract.name_forms import nominative_name
from judikg.ingest.extract.romanize import english_name
from judikg.ingest.extract.russian_cases import gender, inflect_phrase
from judikg.ingest.extract.turkic_suffixes import (
    genitive_phrase,
    is_abbreviation,
    kazakh_with,
    possessed_phrase,
)
from judikg.ingest.model import Document, Entity, Extraction

__all__ = ["COMPOSED_LANGUAGES", "institution_labels", "label_entities", "format_date"]

#: Languages labels are composed in; kk-Latn is then written from kk.
COMPOSED_LANGUAGES: tuple[str, ...] = ("en", "ru", "ky", "kk")
#: A reference name longer than this many words is shortened to its abbreviation inside a
#: composed label ("Conference of the AACC", not the body's 9-word name).
_SHORT_NAME_WORDS = 4
_ORG_PREFIX = iris.ID_NS + "org/"
_EVENT_PREFIX = iris.ID_NS + "event/"
_AGREEMENT_PREFIX = iris.ID_NS + "agreement/"
_EN_THE_WORDS = ("Republic", "Kingdom", "Federation", "States", "Emirates", "Islands", "Union", "Territories")


# --- data ---------------------------------------------------------------------------------


def _lexicon_json(name: str) -> Any:
    try:
        return json.loads(resources.files("judikg.ingest").joinpath(f"lexicon/{name}").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ReferenceDataError(f"ingest/lexicon/{name} cannot be read ({exc}): reinstall judikg or restore the file") from exc


@lru_cache(maxsize=1)
def _display() -> Mapping[str, Any]:
    return _lexicon_json("display_names.json")  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class _TypeNames:
    types: Mapping[str, Mapping[str, str]]  # slug → lang → display name
    units: Mapping[str, Mapping[str, str]]


@lru_cache(maxsize=1)
def _type_names() -> _TypeNames:
    raw = _lexicon_json("institution_types.json")
    out: dict[str, dict[str, dict[str, str]]] = {"types": {}, "units": {}}
    for group in ("types", "units"):
        for entry in raw.get(group, ()):
            if entry.get("generic") or entry.get("abbr"):
                continue
            names = out[group].setdefault(entry["slug"], {})
            for lang, heads in entry.get("heads", {}).items():
                if heads and lang in COMPOSED_LANGUAGES:
                    names.setdefault(lang, heads[0])
        for slug, overrides in _display().get(f"institution_{group}" if group == "types" else group, {}).items():
            out[group].setdefault(slug, {}).update(overrides)
    return _TypeNames(out["types"], out["units"])


@lru_cache(maxsize=1)
def _class_labels() -> Mapping[str, Mapping[str, str]]:
    """Ontology class local name → lang → rdfs:label."""
    from rdflib import RDFS, Literal

    from judikg.ontology import ontology_graph

    out: dict[str, dict[str, str]] = {}
    for s, o in ontology_graph().subject_objects(RDFS.label):
        name = str(s)
        if name.startswith(iris.ONTOLOGY_NS) and isinstance(o, Literal) and o.language:
            out.setdefault(name[len(iris.ONTOLOGY_NS) :], {})[o.language] = str(o)
    return out


def _reference() -> Any:
    from judikg.ontology import reference

    return reference.load()


# --- dates --------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def format_date(date: str | None, lang: str) -> str | None:
    """``2024-05-27`` → "27 May 2024", «27 мая 2024», «2024-ж. 27-май», «2024 ж. 27 мамыр»;
    a month or a year alone likewise. None for no date or an unknown language."""
    if not date or lang not in COMPOSED_LANGUAGES:
        return None
    parts = date.split("-")
    year = parts[0]
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    months = _display()["months"]
    if lang == "en":
        return " ".join(p for p in (str(day) if day else "", months["en"][month - 1] if month else "", year) if p)
    if lang == "ru":
        if month is None:
            return f"{year} г."
        return f"{day} {months['ru_genitive'][month - 1]} {year}" if day else f"{months['ru'][month - 1]} {year}"
    if lang == "ky":
        if month is None:
            return f"{year}-ж."
        return f"{year}-ж. {day}-{months['ky'][month - 1]}" if day else f"{year}-ж. {months['ky'][month - 1]}"
    if month is None:
        return f"{year} ж."
    return f"{year} ж. {day} {months['kk'][month - 1]}" if day else f"{year} ж. {months['kk'][month - 1]}"


# --- names of the things a label mentions -------------------------------------------------


@dataclass(slots=True, unsafe_hash=True)  # built per mention: see judikg.ingest.model
class _Name:
    text: str
    country: bool = False  # a country: no article in English ("of Kazakhstan")


def _country_the(name: str) -> bool:
    return any(w in name.split(" ") for w in _EN_THE_WORDS) or name in _display().get("en_countries_with_the", ())


def _reference_name(ref: Any, lang: str) -> str | None:
    """A reference entity's name in ``lang`` (its abbreviation when the name is long)."""
    from judikg.ingest.translit import to_cyrillic

    labels: Mapping[str, str] = ref.labels
    label = labels.get(lang)
    if lang == "kk" and not label and labels.get("kk-Latn"):
        label = to_cyrillic(labels["kk-Latn"])
    abbr = next((a for a in ref.aliases.get(lang, ()) if is_abbreviation(a)), None)
    if label and (abbr is None or len(label.split()) <= _SHORT_NAME_WORDS):
        return label
    if abbr:
        return abbr
    # Kazakh and Kyrgyz are close enough to name a body in the other's words; Russian is the
    # common language of the region. English inside a Turkic or Russian phrase is not.
    fallbacks = {"ky": ("kk", "ru"), "kk": ("ky", "ru"), "ru": (), "en": ()}[lang]
    for other in fallbacks:
        if labels.get(other):
            return labels[other]
    return None


@lru_cache(maxsize=4096)
def _parse_national(iri: str) -> tuple[str, str, str | None] | None:
    if not iri.startswith(_ORG_PREFIX):
        return None
    parts = iri[len(_ORG_PREFIX) :].split("/")
    if len(parts) not in (2, 3) or len(parts[0]) != 2:
        return None
    return parts[0], parts[1], parts[2] if len(parts) == 3 else None


def _unit_base(unit: str) -> tuple[str, str]:
    """``department-halyqaralyq-bailanystar`` → (``department``, ``halyqaralyq bailanystar``)."""
    units = _type_names().units
    best = max((s for s in units if unit == s or unit.startswith(s + "-")), key=len, default=unit)
    return best, unit[len(best) + 1 :].replace("-", " ")


@lru_cache(maxsize=4096)
def institution_labels(iri: str) -> Mapping[str, str]:
    """Labels of a composed national institution ``jkid:org/{cc}/{type}[/{unit}]`` per language
    ("Supreme Court of Kazakhstan", «Верховный суд Казахстана», «Қазақстанның Жоғарғы соты»,
    «Казакстандын Жогорку соту», kk-Latn from kk); empty for any other IRI."""
    parsed = _parse_national(iri)
    if parsed is None:
        return {}
    cc, type_slug, unit = parsed
    country = _reference().country(cc.upper())
    type_names = _type_names().types.get(type_slug, {})
    unit_names: Mapping[str, str] = {}
    description = ""
    if unit is not None:
        base, description = _unit_base(unit)
        unit_names = _type_names().units.get(base, {"en": base.replace("-", " ").title()})
    out: dict[str, str] = {}
    for lang in COMPOSED_LANGUAGES:
        kind = type_names.get(lang) or (type_slug.replace("-", " ").title() if lang == "en" else None)
        if kind and lang in ("en", "ru"):
            kind = _capital(kind)  # «городской суд» is a head to match; a name starts with a capital
        place = _reference_name(country, lang) if country is not None else None
        if kind is None or place is None or (unit is not None and not unit_names.get(lang)):
            continue
        if lang == "en":
            label = f"{kind} of {'the ' if _country_the(place) else ''}{place}"
            if unit is not None:
                label = f"{unit_names['en']} of the {label}" + (f" ({description})" if description else "")
        elif lang == "ru":
            label = f"{kind} {inflect_phrase(place, 'gent')}"
            if unit is not None:
                label = f"{_capital(unit_names['ru'])} {inflect_phrase(kind, 'gent')} {inflect_phrase(place, 'gent')}"
        else:
            owner = genitive_phrase(place, lang)  # type: ignore[arg-type]
            if unit is None:
                label = f"{owner} {possessed_phrase(kind, lang)}"  # type: ignore[arg-type]
            else:
                body = genitive_phrase(possessed_phrase(kind, lang), lang)  # type: ignore[arg-type]
                label = f"{owner} {body} {possessed_phrase(unit_names[lang], lang)}"  # type: ignore[arg-type]
        out[lang] = label
    _add_latin(out)
    return out


def _add_latin(labels: dict[str, str]) -> None:
    if "kk" in labels:
        labels["kk-Latn"] = _latin(labels["kk"])


@lru_cache(maxsize=16384)  # labels are names, which repeat across entities and articles
def _latin(label: str) -> str:
    from judikg.ingest.translit import to_latin

    return to_latin(label)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """The first letter in lower case unless the word is an abbreviation (a kind mid-phrase)."""
    first = text.split(" ")[0]
    return text if is_abbreviation(first) else text[:1].lower() + text[1:]


# --- composition --------------------------------------------------------------------------


class _Context:
    """What the labels of one extraction read: entities by IRI and relation objects by evidence order."""

    def __init__(self, doc: Document, extraction: Extraction) -> None:
        self.doc = doc
        self.entities = {e.iri: e for e in extraction.entities}
        first = {e.iri: (e.mentions[0].start if e.mentions else len(doc.text)) for e in extraction.entities}
        objects: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
        for r in extraction.relations:
            objects.setdefault((r.subject, r.predicate), []).append((r.evidence.start, first.get(r.object, 0), r.object))
        self.objects = {k: [o for _, _, o in sorted(set(v))] for k, v in objects.items()}

    def related(self, subject: str, predicate: str) -> list[str]:
        return list(dict.fromkeys(self.objects.get((subject, predicate), ())))

    def name(self, iri: str, lang: str) -> _Name | None:
        known, named = _reference_named(iri, lang)
        if known:
            return named
        composed = institution_labels(iri)
        if composed:
            return _Name(composed[lang]) if lang in composed else None
        entity = self.entities.get(iri)
        if entity is not None and lang in entity.labels:
            return _Name(entity.labels[lang])
        return None


@lru_cache(maxsize=16384)
def _reference_named(iri: str, lang: str) -> tuple[bool, _Name | None]:
    """(whether ``iri`` is a reference entity, its name in ``lang``), read once per entity."""
    ref = _reference().by_iri(iri)
    if ref is None:
        return False, None
    text = _reference_name(ref, lang)
    return True, (_Name(text, ref.type == "Country") if text else None)


def _kind(entity: Entity, slug: str | None, lang: str) -> str | None:
    if slug:
        special = _display().get("events", {}).get(slug, {}).get(lang)
        if special:
            return special  # type: ignore[no-any-return]
    labels = _class_labels().get(entity.type, {})
    return labels.get(lang) or (entity.type if lang == "en" else None)


def _event_slug(iri: str) -> str | None:
    """``…/event/2024-05-27-round-table-0f856e2556`` → ``round-table``."""
    local = iri[len(_EVENT_PREFIX) :] if iri.startswith(_EVENT_PREFIX) else ""
    head = local.rsplit("-", 1)[0]
    parts = head.split("-")
    i = 0
    if parts and parts[0] == iris.UNDATED:
        i = 1
    else:
        while i < len(parts) and i < 3 and parts[i].isdigit():
            i += 1
    return "-".join(parts[i:]) or None


def _en_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _en_of(name: _Name) -> str:
    if name.country:
        return f"of {'the ' if _country_the(name.text) else ''}{name.text}"
    return f"of {name.text}" if name.text.startswith("The ") else f"of the {name.text}"


def _event_label(entity: Entity, ctx: _Context, lang: str) -> str | None:
    kind = _kind(entity, _event_slug(entity.iri), lang)
    if kind is None:
        return None
    organizer = next((n for n in (ctx.name(o, lang) for o in ctx.related(entity.iri, "organizer")) if n), None)
    places = ctx.related(entity.iri, "location")
    # A city says more than its country.
    places.sort(key=lambda iri: 0 if "/city/" in iri else 1)
    place = next((n for n in (ctx.name(p, lang) for p in places) if n), None)
    n = entity.ordinal
    if lang == "en":
        head = f"{_en_ordinal(n)} {kind}" if n else kind
        if organizer:
            head += " " + _en_of(organizer)
    elif lang == "ru":
        ending = {"femn": "я", "neut": "е"}.get(gender(kind), "й")
        head = f"{n}-{ending} {_lower_first(kind)}" if n else kind
        if organizer:
            head += " " + inflect_phrase(organizer.text, "gent")
    else:
        word = _lower_first(kind)
        if organizer:
            head = f"{genitive_phrase(organizer.text, lang)} {f'{n}-' if n else ''}{possessed_phrase(word, lang)}"  # type: ignore[arg-type]
        else:
            head = f"{n}-{word}" if n else kind
    parts = [_capital(head), place.text if place else None, format_date(entity.date, lang)]
    return ", ".join(p for p in parts if p)


def _join(names: Sequence[str], lang: str) -> str:
    """A, B and C in ``lang`` (Russian names already in the instrumental)."""
    if len(names) == 1:
        return names[0]
    if lang == "kk":
        if len(names) == 2:
            return f"{names[0]} {kazakh_with(names[0])} {names[1]}"
        return f"{', '.join(names[:-1])} және {names[-1]}"
    conj = {"en": "and", "ru": "и", "ky": "жана"}[lang]
    if lang == "ky" and len(names) == 2:
        conj = "менен"
    return f"{', '.join(names[:-1])} {conj} {names[-1]}"


def _agreement_label(entity: Entity, ctx: _Context, lang: str) -> str | None:
    kind = _kind(entity, None, lang)
    if kind is None:
        return None
    party_iris = ctx.related(entity.iri, "party")
    parties = [n for n in (ctx.name(p, lang) for p in party_iris) if n]
    if len(parties) < len(party_iris):
        parties = []  # a party without a name in this language: say less rather than half
    if lang == "en":
        names = [p.text if p.country else ("" if p.text.startswith("The ") else "the ") + p.text for p in parties]
        head = kind
        if len(names) == 1:
            head += " " + _en_of(parties[0])
        elif names:
            head += f" between {_join(names, 'en')}"
    elif lang == "ru":
        head = kind
        if len(parties) == 1:
            head += " " + inflect_phrase(parties[0].text, "gent")
        elif parties:
            head += " между " + _join([inflect_phrase(p.text, "ablt") for p in parties], "ru")
    else:
        word = _lower_first(kind)
        if len(parties) == 1:
            head = f"{genitive_phrase(parties[0].text, lang)} {possessed_phrase(word, lang)}"  # type: ignore[arg-type]
        elif parties:
            between = "ортосундагы" if lang == "ky" else "арасындағы"
            head = f"{_join([p.text for p in parties], lang)} {between} {word}"
        else:
            head = kind
    parts = [_capital(head), format_date(entity.date, lang)]
    return ", ".join(p for p in parts if p)


def _person_labels(entity: Entity, doc: Document) -> dict[str, str]:
    labels = dict(entity.labels)
    own = labels.get(doc.lang)
    if doc.lang == "en" or own is None:
        return labels
    nominative = nominative_name(own, doc.lang)
    if nominative != own:
        if labels.get("en") == own:
            labels["en"] = nominative  # a Latin-script article's form doubled as English
        labels[doc.lang] = own = nominative
    if doc.script == "Cyrl":
        labels["en"] = english_name(own)
    elif labels.get("en") == own:
        # A Kazakh-Latin (or other Latin non-English) spelling is that language's form, not English.
        del labels["en"]
    return labels


def _composed(compose: Any, entity: Entity, ctx: _Context) -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in COMPOSED_LANGUAGES:
        label = compose(entity, ctx, lang)
        if label:
            out[lang] = label
    _add_latin(out)
    return out


def label_entities(doc: Document, extraction: Extraction) -> Extraction:
    """The extraction with composed labels (see the module docstring). Labels the composer
    cannot write in some language stay as extraction gave them."""
    ctx = _Context(doc, extraction)
    out: list[Entity] = []
    for e in extraction.entities:
        if e.iri.startswith(_EVENT_PREFIX):
            composed = _composed(_event_label, e, ctx)
        elif e.iri.startswith(_AGREEMENT_PREFIX):
            composed = _composed(_agreement_label, e, ctx)
        elif e.type == "Person":
            composed = _person_labels(e, doc)
            out.append(replace(e, labels=composed) if composed != e.labels else e)
            continue
        else:
            composed = dict(institution_labels(e.iri))
            parsed = _parse_national(e.iri)
            if composed and parsed and parsed[2] and _unit_base(parsed[2])[1] and doc.lang in e.labels:
                # a unit keyed by its description (a department of …): the article names it best
                composed.pop(doc.lang, None)
                if doc.lang == "kk":
                    composed.pop("kk-Latn", None)
        if not composed:
            out.append(e)
            continue
        labels = {**e.labels, **composed}
        if doc.lang not in composed and doc.lang in e.labels and doc.lang in ("en", "ru", "ky", "kk", "kk-Latn"):
            # no words for this language: the article's surface is still better than nothing
            labels[doc.lang] = e.labels[doc.lang]
        out.append(replace(e, labels=labels))
    return replace(extraction, entities=tuple(out))
