"""Posts: person – role – organisation, read from the title words written around a name.

A name is flanked by a *title zone*: the run of role words (``lexicon/roles.json``) and
institution names directly before it ("Председатель Верховного Суда РК К. Мами", "Қазақстан
Республикасы Жоғарғы Сотының Төрағасы Асламбек Мерғалиев") or after it behind a comma or dash
("Igor Rogov, Chairman of the RK Constitutional Council"). Zones may chain several titles
("judge of X, chair of Y NAME"). In a zone each role pairs with its institution: the one written
before it in Kyrgyz and Kazakh (genitive + possessive), after it in Russian and English, the
other side when that one is empty. The institution is the most specific unit named (a hit not
nested in a longer hit), so "head of the apparatus of the Constitutional Court" posts to the
apparatus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from judikg.ingest.extract.evidence import ORG_TYPES, Article, HitLike

#: Languages whose titles follow the institution ("Соттың төрағасы").
_HEAD_FINAL = frozenset({"ky", "kk", "kk-Latn", "uz"})

# What may stand between the parts of a title: spaces, punctuation, connectives, country
# abbreviations ("РК", "КР", "RK"), articles, and the case ending of an abbreviation.
_FILLER_RE = re.compile(
    # a case ending hyphened to an abbreviation first ("БҰҰДБ-ның", "OSCE-nin")
    r"(?:-[^\W\d_]{1,4}(?!\w))?"
    r"[\s,;:«»\"“”()\u2013\u2014-]*"
    r"(?:(?:of|the|for|and|и|по|жана|мен|және|men|jáne|[A-ZА-ЯЁ]{2,4})[\s,;:«»\"“”()\u2013\u2014-]*){0,3}",
)
_MINISTER_ROLES = frozenset({"minister", "deputy-minister"})
_RIGHT_OPEN_RE = re.compile(r"[ \t]*[,(\u2013\u2014-]")


@dataclass(slots=True, unsafe_hash=True, init=False)  # built per mention: see judikg.ingest.model
class Item:
    start: int
    end: int
    kind: str  # "role" | "org" | "titled-org" | "country" | "person"
    value: str  # role name or hit IRI
    hit: HitLike | None = None

    # __init__ written out (init=False): compiled, a dataclass keeps its generated, interpreted one
    def __init__(self, start: int, end: int, kind: str, value: str, hit: HitLike | None = None) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.hit = hit


@dataclass(slots=True, unsafe_hash=True)  # built per mention: see judikg.ingest.model
class PostFinding:
    person: str
    organization: str
    role: str
    sentence: int


def _items(art: Article, sentence: int) -> list[Item]:
    start, end = art.sentences[sentence]
    hits = art.hits_by_sentence[sentence]
    items: list[Item] = []
    for c in art.cues("roles", start, end):
        items.append(Item(c.start, c.end, "role", c.label))
    for h in hits:
        if art.is_nested(h):
            continue
        if h.type == "Person":
            items.append(Item(h.start, h.end, "person", h.iri, h))
        elif h.type == "Country":
            items.append(Item(h.start, h.end, "country", h.iri, h))
        elif h.type in ORG_TYPES:
            items.append(Item(h.start, h.end, "org", h.iri, h))
    # A role word inside an institution name ("Судьялар кеңеши", "Council of Judges") is not a
    # title. Ministers are the exception: "Minister of Justice" may be recognised as the ministry
    # itself, and then the name is the title and the ministry the post's institution.
    kept: list[Item] = []
    for it in items:
        host = next(
            (o for o in items if o.kind == "org" and o.start <= it.start and it.end <= o.end), None
        ) if it.kind == "role" else None
        if host is not None:
            if it.value in _MINISTER_ROLES and host.hit is not None and host.hit.type == "GovernmentBody":
                kept.append(Item(host.start, host.end, "titled-org", it.value, host.hit))
            continue
        kept.append(it)
    kept.sort(key=lambda it: (it.start, -it.end))
    return kept


# One lower-case word qualifying a title: "постоянный представитель", «тұрақты өкілі»,
# "honorary president", "former chairman". Allowed only between a title and what is not a title
# (a word between two titles, «во главе с Председателем», is a clause, not a modifier).
_MODIFIER_RE = re.compile(r"[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*[ \t]+")


def _joined(text: str, a_end: int, b_start: int, before_role: bool = False) -> bool:
    if b_start < a_end:
        return True
    gap = text[a_end:b_start]
    if "\n" in gap:
        return False
    m = _FILLER_RE.match(gap)
    if m is None:
        return False
    if m.end() == len(gap):
        return True
    return before_role and _MODIFIER_RE.fullmatch(gap, m.end()) is not None


def _zone_left(art: Article, items: list[Item], i: int) -> list[Item]:
    zone: list[Item] = []
    edge = items[i].start
    j = i - 1
    while j >= 0:
        it = items[j]
        if it.end > edge:  # overlapping items (a role inside an org name kept above)
            j -= 1
            continue
        if it.kind == "person":
            # "A, Chief Justice of X, B, Director of Y": a title set off by commas after another
            # person is that person's apposition, not the title of the name after it
            if zone and "," in art.text[zone[-1].end : items[i].start] and _joined(art.text, it.end, edge):
                return []
            break
        qualifies = bool(zone) and zone[0].kind == "role" and it.kind != "role"
        if not _joined(art.text, it.end, edge, before_role=qualifies):
            break
        zone.insert(0, it)
        edge = it.start
        j -= 1
    return zone


def _zone_right(art: Article, items: list[Item], i: int) -> list[Item]:
    text = art.text
    person = items[i]
    if not _RIGHT_OPEN_RE.match(text, person.end):
        return []
    zone: list[Item] = []
    edge = person.end
    for it in items[i + 1 :]:
        if it.start < edge:
            continue
        if it.kind == "person":
            # "X, президент Y Z": a title written right before the next name is that name's
            if zone and "," not in text[edge : it.start] and _joined(text, edge, it.start):
                return []
            break
        qualifies = it.kind == "role" and not (zone and zone[-1].kind == "role")
        if not _joined(text, edge, it.start, before_role=qualifies):
            break
        zone.append(it)
        edge = it.end
    return zone


def _pair(zone: list[Item], head_final: bool) -> list[tuple[str, Item | None, Item | None]]:
    """(role, institution item, country item) for each role word of a zone."""
    out: list[tuple[str, Item | None, Item | None]] = []
    for k, it in enumerate(zone):
        if it.kind == "titled-org":
            out.append((it.value, it, None))
            continue
        if it.kind != "role":
            continue
        # Only the run up to the neighbouring role belongs to this role.
        prev_role = max((n for n, z in enumerate(zone[:k]) if z.kind == "role"), default=-1)
        next_role = min((n for n, z in enumerate(zone) if n > k and z.kind == "role"), default=len(zone))
        before = [z for z in zone[prev_role + 1 : k] if z.kind != "role"]
        after = [z for z in zone[k + 1 : next_role] if z.kind != "role"]
        first, second = (before[::-1], after) if head_final else (after, before[::-1])
        org = next((z for z in first if z.kind == "org"), None) or next(
            (z for z in second if z.kind == "org"), None
        )
        country = next((z for z in first + second if z.kind == "country"), None)
        out.append((it.value, org, country))
    return out


#: What joins coordinated names ("A and B", «А мен Б», «А и Б», "A, B").
_COORDINATION_RE = re.compile(
    r"\s*(?:,|and|и|мен|пен|бен|менен|жана|және|men|pen|ben|jáne|jäne)\s*", re.IGNORECASE
)


def _coordinated_persons(art: Article, items: list[Item], i: int) -> list[Item]:
    """The person at ``items[i]`` and the persons coordinated right after it ("A and B")."""
    run = [items[i]]
    for it in items[i + 1 :]:
        if it.kind != "person" or it.start < run[-1].end:
            break
        if not _COORDINATION_RE.fullmatch(art.text, run[-1].end, it.start):
            break
        run.append(it)
    return run


def _in_text_order(art: Article, group: list[HitLike]) -> list[HitLike]:
    """Coordinated institutions sharing one span ("Supreme Courts of Kazakhstan and Mongolia") in
    the order their countries are written; empty when the order cannot be told."""
    inside = art.hits_between(group[0].start, group[0].end)
    at: dict[int, int] = {}
    for h in group:
        code = (h.country or "").upper()
        pos = next((c.start for c in inside if c.type == "Country" and (c.country or "").upper() == code), None)
        if pos is None:
            return []
        at[id(h)] = pos
    return sorted(group, key=lambda h: at[id(h)])


def _respective(art: Article, items: list[Item], i: int, org: Item) -> list[tuple[Item, HitLike]]:
    """"Chairs of the Supreme Courts of X and Y, A and B": each person holds the post in the
    institution written in the same place of its list. Empty unless the lists are as long."""
    group = [h for h in art.hits_by_sentence[art.sentence_of(org.start)]
             if h.start == org.start and h.end == org.end and h.type in ORG_TYPES]
    if len(group) < 2:
        return []
    persons = _coordinated_persons(art, items, i)
    ordered = _in_text_order(art, group)
    if len(persons) != len(ordered):
        return []
    return list(zip(persons, ordered))


# A possessive pronoun right before a title ("its President", «его председатель», «анын
# төрагасы», «оның төрағасы»): the title is held in an institution named earlier.
_POSSESSIVE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:its|his|her|their|его|её|ее|их|анын|алардын|оның|олардың|onyń|onyñ|olardyń|olardyñ)[ \t]*$",
    re.IGNORECASE,
)


def _antecedent_org(art: Article, items: list[Item], role: Item, s: int) -> HitLike | None:
    """The institution a possessive title refers to: the last one named before it in its sentence,
    else the last one of the sentence before."""
    if not _POSSESSIVE_BEFORE_RE.search(art.text, max(0, role.start - 12), role.start):
        return None
    before = [it for it in items if it.kind == "org" and it.end <= role.start and it.hit is not None]
    if before:
        return before[-1].hit
    if s == 0:
        return None
    previous = [h for h in art.hits_by_sentence[s - 1] if h.type in ORG_TYPES and not art.is_nested(h)]
    return previous[-1] if previous else None


def find_posts(art: Article) -> tuple[list[PostFinding], dict[str, str]]:
    """Posts of every named person, and each person's country where the post names it."""
    posts: list[PostFinding] = []
    countries: dict[str, str] = {}
    head_final = art.doc.lang in _HEAD_FINAL
    seen: set[tuple[str, str, str]] = set()

    def add(person: str, org: HitLike, role: str, s: int) -> None:
        key = (person, org.iri, role)
        if key not in seen:
            seen.add(key)
            posts.append(PostFinding(person, org.iri, role, s))
        if org.country and person not in countries:
            countries[person] = org.country.upper()

    for s, hits in enumerate(art.hits_by_sentence):
        if not any(h.type == "Person" for h in hits):
            continue
        items = _items(art, s)
        assigned: set[int] = set()  # persons given their post by a respective list
        for i, it in enumerate(items):
            if it.kind != "person" or i in assigned:
                continue
            for side, zone in (("left", _zone_left(art, items, i)), ("right", _zone_right(art, items, i))):
                if side == "left" and zone and zone[0].kind == "role" and all(z.kind == "role" for z in zone):
                    antecedent = _antecedent_org(art, items, zone[0], s)
                    if antecedent is not None:
                        add(it.value, antecedent, zone[-1].value, s)
                        continue
                for role, org, country in _pair(zone, head_final):
                    if org is not None and org.hit is not None:
                        pairs = _respective(art, items, i, org) if side == "left" else []
                        if pairs:
                            for person, hit in pairs:
                                add(person.value, hit, role, s)
                                assigned.add(items.index(person))
                            continue
                        add(it.value, org.hit, role, s)
                    elif country is not None and country.hit is not None and country.hit.country:
                        countries.setdefault(it.value, country.hit.country.upper())
    return posts, countries
