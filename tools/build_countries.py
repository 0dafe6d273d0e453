"""Generate ontology/reference/countries.json from CLDR (through babel) and country_aliases.json.

Usage::

    python tools/build_countries.py           # rewrite countries.json
    python tools/build_countries.py --check   # exit 1 when countries.json is stale

One record per ISO 3166-1 alpha-2 country CLDR names (macro regions, the EU/UN/Eurozone
pseudo-regions, private-use and "exceptionally reserved" codes are left out), with labels in
en, ru, ky, kk and uz from CLDR, kk-Latn written from the Kazakh label with
``translit.to_latin`` (2018 alphabet, as the press uses it), and the hand-kept aliases,
adjectives, ambiguous abbreviations and verified Wikidata ids of ``country_aliases.json``
merged in (their Kazakh forms also in kk-Latn). The output is sorted and byte-stable, so
``--check`` compares text. The babel (CLDR) version used is written to countries.source.json:
a different babel yields different names, and --check says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import babel
from babel import Locale

from judikg import iris
from judikg.errors import ReferenceDataError
from judikg.ingest.translit import to_latin

REFERENCE = Path(__file__).resolve().parents[1] / "ontology" / "reference"
OUTPUT = REFERENCE / "countries.json"
SOURCE = REFERENCE / "countries.source.json"
ALIASES = REFERENCE / "country_aliases.json"
CLDR_LANGUAGES = ("en", "ru", "ky", "kk", "uz")
NAME_FIELDS = ("aliases", "adjectives", "ambiguous_aliases")
# CLDR territory codes that are not ISO 3166-1 countries: EU, Eurozone, UN, Outlying Oceania,
# pseudo-locales, unknown region, Kosovo (user-assigned), and the exceptionally reserved codes
# for parts of other states (Ascension, Clipperton, Sark, Diego Garcia, Ceuta & Melilla,
# Canary Islands, Tristan da Cunha).
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "XK", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})


def _aliases() -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(ALIASES.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReferenceDataError(f"{ALIASES}: cannot read hand-kept country aliases ({exc}); fix the file") from None
    return {code: entry for code, entry in data.items() if not code.startswith("_")}


def _with_latin(names: dict[str, list[str]]) -> dict[str, list[str]]:
    """Add the kk-Latn spelling of every Kazakh name to kk-Latn (keeping hand-written ones)."""
    out = {lang: list(values) for lang, values in names.items()}
    if "kk" in out:
        latin = out.setdefault("kk-Latn", [])
        for name in out["kk"]:
            spelled = to_latin(name)
            if spelled not in latin:
                latin.append(spelled)
    return out


def _label_parts(label: str) -> list[str]:
    """The two names of a parenthesised CLDR label: "Myanmar (Burma)" → Myanmar, Burma."""
    head, sep, rest = label.partition(" (")
    if not sep or not rest.endswith(")"):
        return []
    return [head.strip(), rest[:-1].strip()]


def _is_plain_name(part: str) -> bool:
    """A part that can name a state alone: capitalised words, no abbreviation ("САР", "MMH"),
    no qualifier ("франциялык")."""
    words = part.split()
    return bool(words) and all(w[:1].isupper() and not (len(w) > 1 and w[1].isupper()) for w in words)


def label_part_aliases(labels_by_code: dict[str, dict[str, str]], names_by_code: dict[str, set[str]]) -> dict[str, dict[str, list[str]]]:
    """code → lang → names read out of parenthesised labels, since a phrase never spans a bracket
    in the text. A part is kept when it is a plain name that no other state is called by and no
    other label yields too ("Виргинские о-ва" heads two labels; "(США)" names another state)."""
    owners: dict[str, set[str]] = {}
    found: dict[str, dict[str, list[str]]] = {}
    for code, labels in labels_by_code.items():
        for lang, label in labels.items():
            for part in _label_parts(label):
                owners.setdefault(part, set()).add(code)
                found.setdefault(code, {}).setdefault(lang, [])
                if part not in found[code][lang]:
                    found[code][lang].append(part)
    out: dict[str, dict[str, list[str]]] = {}
    for code, by_lang in found.items():
        for lang, parts in by_lang.items():
            keep = [
                p
                for p in parts
                if _is_plain_name(p)
                and owners[p] == {code}
                and not any(p in names for other, names in names_by_code.items() if other != code)
            ]
            if keep:
                out.setdefault(code, {})[lang] = keep
    return out


def build() -> str:
    """The text countries.json should hold."""
    names = {lang: Locale.parse(lang).territories for lang in CLDR_LANGUAGES}
    extra = _aliases()
    codes = sorted(code for code in names["en"] if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES)
    unknown = sorted(set(extra) - set(codes))
    if unknown:
        raise ReferenceDataError(f"{ALIASES}: {unknown} are not ISO 3166-1 alpha-2 codes CLDR knows; fix the keys")
    labels_by_code: dict[str, dict[str, str]] = {}
    for code in codes:
        labels = {lang: names[lang][code] for lang in CLDR_LANGUAGES if code in names[lang]}
        if "kk" in labels:
            labels["kk-Latn"] = to_latin(labels["kk"])
        labels_by_code[code] = labels
    names_by_code = {
        code: set(labels.values()) | {n for vs in extra.get(code, {}).get("aliases", {}).values() for n in vs}
        for code, labels in labels_by_code.items()
    }
    parts = label_part_aliases(labels_by_code, names_by_code)
    records = []
    for code in codes:
        labels = labels_by_code[code]
        hand = extra.get(code, {})
        record: dict[str, Any] = {
            "key": code.lower(),
            "iri": iris.country_iri(code),
            "type": "Country",
            "labels": labels,
        }
        for name_field in NAME_FIELDS:
            values = _with_latin(hand.get(name_field, {}))
            if name_field == "aliases":
                for lang, more in parts.get(code, {}).items():
                    values.setdefault(lang, []).extend(p for p in more if p not in values.get(lang, []))
                # an alias equal to the label in its language adds nothing
                values = {lang: [v for v in vs if v != labels.get(lang)] for lang, vs in values.items()}
            values = {lang: vs for lang, vs in values.items() if vs}
            if values:
                record[name_field] = values
        record["country"] = code
        record["wikidata"] = hand.get("wikidata")
        records.append(record)
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"


def source_text() -> str:
    return json.dumps({"generator": "tools/build_countries.py", "babel": babel.__version__}, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when countries.json is stale; write nothing")
    args = parser.parse_args(argv)
    try:
        text = build()
    except ReferenceDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current == text:
            return 0
        recorded = json.loads(SOURCE.read_text(encoding="utf-8")).get("babel") if SOURCE.exists() else None
        why = f" (generated with babel {recorded}, installed {babel.__version__})" if recorded != babel.__version__ else ""
        print(f"{OUTPUT} is stale{why}: run python tools/build_countries.py", file=sys.stderr)
        return 1
    OUTPUT.write_text(text, encoding="utf-8")
    SOURCE.write_text(source_text(), encoding="utf-8")
    count = text.count('"type": "Country"')
    print(f"wrote {OUTPUT} ({count} countries)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
