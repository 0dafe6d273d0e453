"""Reference data: the shipped files load and validate, broken files are refused, countries.json is current."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from judikg import iris
from judikg.errors import ReferenceDataError
from judikg.ingest.translit import fold, to_latin
from judikg.ontology.reference import FILES, LABEL_LANGUAGES, load, read_reference, reference_dir
from judikg.vocab import CLASS_NAMES

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VERIFIED_WIKIDATA = {
    "kg": "Q813", "kz": "Q232", "kr": "Q884", "mn": "Q711", "ge": "Q230", "ar": "Q414",
    "seoul": "Q8684", "tbilisi": "Q994", "buenos-aires": "Q1486", "astana": "Q1520", "bishkek": "Q9361",
}


def test_shipped_data_loads_with_lookups() -> None:
    data = load()
    assert load() is data  # cached
    assert 240 <= len(data.countries) <= 250
    assert len(data.cities) >= 80 and len(data.organizations) >= 30
    kz = data.country("KZ")
    assert kz is not None and kz.iri == iris.country_iri("kz") and kz.country == "KZ"
    assert kz.labels["kk"] == "Қазақстан" and kz.labels["kk-Latn"] == "Qazaqstan"
    assert data.country("kz") is kz and data.by_iri(kz.iri) is kz and data.by_key("kz") is kz
    assert data.country("XX") is None and data.by_key("nowhere") is None
    assert data.by_key("astana") is not None and data.by_key("astana").country == "KZ"  # type: ignore[union-attr]
    assert {e.key for e in data.organizations} >= {"aacc", "iaca", "venice-commission", "sco", "cis", "osce", "un"}


def test_only_verified_wikidata_ids() -> None:
    linked = {e.key: e.wikidata for e in load().entities if e.wikidata}
    assert linked == VERIFIED_WIKIDATA


def test_types_are_ontology_classes() -> None:
    for types in FILES.values():
        assert types <= CLASS_NAMES
    assert {e.type for e in load().entities} <= CLASS_NAMES


def test_macro_regions_and_pseudo_codes_are_not_countries() -> None:
    keys = {e.key for e in load().countries}
    assert not keys & {"eu", "ez", "un", "qo", "xa", "xb", "zz", "xk", "ea", "ic"}
    assert all(len(k) == 2 for k in keys)


def test_names_news_uses() -> None:
    data = load()

    def names(key: str) -> set[str]:
        entity = data.by_key(key)
        assert entity is not None
        return {name for _, name in entity.all_names()}

    assert {"Kyrgyz Republic", "Кыргыз Республикасы", "Кыргызская Республика"} <= names("kg")
    assert {"Республика Казахстан", "Қазақстан Республикасы", "Qazaqstan Respýblıkasy"} <= names("kz")
    assert {"Корея Республикасы", "Республика Корея", "Republic of Korea"} <= names("kr")
    assert {"Türkiye", "Турция", "Түркия", "Túrkııa"} <= names("tr")
    assert {"Российская Федерация", "Ресей", "Орусия"} <= names("ru")
    assert {"Өзбекстан", "Ózbekstan"} <= names("uz")
    assert {"Nur-Sultan", "Нур-Султан", "Ақмола"} <= names("astana")
    assert {"АКСТИ", "ААКС", "AACC"} <= names("aacc")
    assert {"СНГ", "КМШ", "ТМД"} <= names("cis")
    kz = data.by_key("kz")
    assert kz is not None and "РК" in kz.ambiguous_aliases["ru"] and "РК" not in names("kz")
    assert "казахстанский" in kz.adjectives["ru"] and "Kazakhstani" in kz.adjectives["en"]


def test_kazakh_latin_labels_follow_the_cyrillic_ones() -> None:
    for entity in load().entities:
        if "kk" in entity.labels:
            assert entity.labels.get("kk-Latn") == to_latin(entity.labels["kk"]), entity.key


def test_every_record_has_english_and_russian_labels_and_valid_tags() -> None:
    for entity in load().entities:
        assert "en" in entity.labels and "ru" in entity.labels, entity.key
        for mapping in (entity.labels, entity.aliases, entity.adjectives, entity.ambiguous_aliases):
            assert set(mapping) <= set(LABEL_LANGUAGES)


def test_international_courts_have_no_country() -> None:
    data = load()
    for key in ("echr", "icj", "icc"):
        entity = data.by_key(key)
        assert entity is not None and entity.type == "Court" and entity.country is None


def test_seed_place_names_are_reference_names() -> None:
    """Country and city names of the Latin-script seed meet reference names on the fold key."""
    seeds = sorted((SHARED / "seeds").glob("004_*.txt")) if SHARED.is_dir() else []
    if not seeds:
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    text = fold(seeds[0].read_text(encoding="utf-8"))
    keys = {fold(name) for e in load().entities for _, name in e.all_names()}
    for word in ("Qazaqstan", "Qyrǵyzstan", "Túrkııa", "Argentına", "Astana", "Almaty", "AQSh", "Japonııa"):
        assert fold(word) in text and fold(word) in keys, word


# --- broken files ------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(reference_dir() / name, tmp_path / name)
    return tmp_path


def _edit(directory: Path, name: str, index: int, change: dict[str, Any]) -> None:
    path = directory / name
    records = json.loads(path.read_text(encoding="utf-8"))
    records[index].update(change)
    records[index] = {k: v for k, v in records[index].items() if v != "<drop>"}
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("cities.json", {"type": "Country"}, "does not belong"),
        ("cities.json", {"type": "Town"}, "does not belong"),
        ("cities.json", {"key": "Not A Slug"}, "lowercase slug"),
        ("cities.json", {"iri": "https://example.org/bishkek"}, "does not follow the key"),
        ("cities.json", {"labels": {"ru": "Бишкек"}}, "'en' label"),
        ("cities.json", {"labels": {"en": "Bishkek", "kyr": "Бишкек"}}, "language tag"),
        ("cities.json", {"aliases": {"en": "Frunze"}}, "list of non-empty strings"),
        ("cities.json", {"country": "kg"}, "upper-case"),
        ("cities.json", {"country": "QQ"}, "not in countries.json"),
        ("cities.json", {"wikidata": "9361"}, "item id"),
        ("cities.json", {"colour": "red"}, "unknown field"),
        ("cities.json", {"labels": "<drop>"}, "'labels' is missing"),
        ("organizations.json", {"key": "bishkek", "iri": iris.org_iri("bishkek")}, "already used"),
        ("countries.json", {"country": "KG"}, "own code"),
    ],
)
def test_broken_records_are_refused_naming_file_and_record(
    tmp_path: Path, name: str, change: dict[str, Any], message: str
) -> None:
    directory = _copy(tmp_path)
    _edit(directory, name, 0, change)
    with pytest.raises(ReferenceDataError, match=message) as info:
        read_reference(directory)
    assert name in str(info.value) and "record 0" in str(info.value)


def test_missing_and_malformed_files(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    (directory / "cities.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="cities.json: not readable JSON"):
        read_reference(directory)
    (directory / "cities.json").write_text('{"key": "x"}', encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="JSON list"):
        read_reference(directory)
    (directory / "cities.json").unlink()
    with pytest.raises(ReferenceDataError, match="cities.json: reference file is missing"):
        read_reference(directory)


def test_countries_json_is_current() -> None:
    recorded = json.loads((reference_dir() / "countries.source.json").read_text(encoding="utf-8"))["babel"]
    import babel

    if recorded != babel.__version__:
        pytest.skip(f"countries.json was generated with babel {recorded}, {babel.__version__} is installed")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_countries.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_parenthesised_labels_give_their_names_but_not_other_states() -> None:
    data = load()

    def names(key: str) -> set[str]:
        entity = data.by_key(key)
        assert entity is not None
        return {name for _, name in entity.all_names()}

    assert {"Myanmar", "Burma", "Мьянма", "Бирма"} <= names("mm")
    # "Виргинские о-ва (США)": the head names two territories, the bracket another state
    assert "США" not in names("vi") and "Виргинские о-ва" not in names("vi") | names("vg")
    assert {"Palestine", "Палестина"} <= names("ps")


def test_label_parts_are_kept_only_when_plain_and_unshared() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    try:
        from build_countries import label_part_aliases
    finally:
        sys.path.pop(0)
    labels = {"AA": {"en": "Alpha (Beta)"}, "BB": {"en": "Isles (Gamma)"}, "CC": {"en": "Isles (XYZ)"}, "GG": {"en": "Gamma"}}
    names = {code: set(ls.values()) for code, ls in labels.items()}
    assert label_part_aliases(labels, names) == {"AA": {"en": ["Alpha", "Beta"]}}


def test_usaid_is_a_us_government_body() -> None:
    usaid = load().by_key("usaid")
    assert usaid is not None and usaid.type == "GovernmentBody" and usaid.country == "US"


def test_cities_news_name_with_their_inflections() -> None:
    data = load()
    for key, cc in (("urumqi", "CN"), ("burabay", "KZ"), ("san-diego", "US")):
        city = data.by_key(key)
        assert city is not None and city.type == "City" and city.country == cc


def test_accepted_wikidata_links_reach_the_reference_data(tmp_path: Path) -> None:
    """What `judikg link wikidata --accept` records is what the loader (and so the graph) uses."""
    import shutil

    from judikg.ontology.reference import read_reference, reference_dir

    folder = tmp_path / "reference"
    shutil.copytree(reference_dir(), folder)
    unlinked = next(e for e in read_reference(folder).cities if e.wikidata is None)
    (folder / "wikidata_links.json").write_text(
        json.dumps([{"key": unlinked.key, "iri": unlinked.iri, "wikidata": "Q999999001", "label": "x"}]), encoding="utf-8"
    )
    assert read_reference(folder).by_key(unlinked.key).wikidata == "Q999999001"
    (folder / "wikidata_links.json").write_text(
        json.dumps([{"key": unlinked.key, "iri": unlinked.iri + "-other", "wikidata": "Q999999001"}]), encoding="utf-8"
    )
    with pytest.raises(ReferenceDataError, match="wikidata_links.json"):
        read_reference(folder)
