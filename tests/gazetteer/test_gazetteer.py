"""The gazetteer: shipped rows, folded lookup, user CSV rows and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikewatch.errors import InputProblem
from strikewatch.gazetteer import COLUMNS, Gazetteer, Place, name_key, read_places_csv
from strikewatch.model import GeoPrecision

HEADER = ",".join(COLUMNS)


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "places.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "spelling", ["Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor", "دير الزور", "دير الزّور"]
)
def test_lookup_folds_script_article_and_transliteration(spelling: str) -> None:
    found = Gazetteer.default().lookup(spelling)
    assert {p.name for p in found} == {"Deir ez-Zor"}
    assert {p.precision for p in found} == {GeoPrecision.PLACE, GeoPrecision.ADMIN1}


def test_name_key_is_shared_by_arabic_variants() -> None:
    assert name_key("الرقة") == name_key("رقه") == name_key("الرّقة")
    assert name_key("Qamishli") == name_key("Kamishly")


def test_default_is_cached_and_ships_every_syrian_governorate() -> None:
    gazetteer = Gazetteer.default()
    assert Gazetteer.default() is gazetteer
    governorates = [
        p for p in gazetteer.places() if p.precision is GeoPrecision.ADMIN1 and p.country == "SY"
    ]
    assert len(governorates) == 14
    assert all(p.name_ar for p in governorates)


def test_shipped_syrian_places_lie_in_syria() -> None:
    for place in Gazetteer.default().places():
        if place.country == "SY":
            assert 32.0 <= place.latitude <= 37.5, place.name
            assert 35.5 <= place.longitude <= 42.5, place.name


def test_extra_places_are_found_first() -> None:
    mine = Place(
        "Khirbet Example",
        "خربة المثال",
        "Idlib",
        None,
        35.9,
        36.6,
        GeoPrecision.PLACE,
        "SY",
        "user",
    )
    gazetteer = Gazetteer.default([mine])
    assert gazetteer.lookup("خربة المثال") == [mine]
    assert Gazetteer.default().lookup("خربة المثال") == []


def test_read_places_csv_reads_a_user_row(tmp_path: Path) -> None:
    path = _write(tmp_path, "Tall Example,تل المثال,Aleppo,Azaz,36.5,37.0,place,sy,Tel Mithal,120")
    (place,) = list(read_places_csv(path))
    assert isinstance(place, Place)
    assert place.country == "SY"
    assert place.alternate_names == ("Tel Mithal",)
    assert place.population == 120
    assert place.source == "user"


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("Somewhere,,,,north,37.0,place,SY,,", "latitude"),
        ("Somewhere,,,,95,37.0,place,SY,,", "latitude"),
        (",,,,36.0,37.0,place,SY,,", "name"),
        ("Somewhere,,,,36.0,37.0,street,SY,,", "precision"),
        ("Somewhere,,,,36.0,37.0,place,Syria,,", "country"),
        ("Somewhere,,,,36.0,37.0,place,SY,,many", "population"),
    ],
)
def test_read_places_csv_names_file_line_and_field(tmp_path: Path, row: str, field: str) -> None:
    path = _write(tmp_path, "Fine,,,,36.0,37.0,place,SY,,", row)
    items = list(read_places_csv(path))
    assert isinstance(items[0], Place)
    problem = items[1]
    assert isinstance(problem, InputProblem)
    assert problem.field == field
    assert problem.position == "line 3"
    assert str(path) in str(problem)


def test_read_places_csv_reports_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("name,latitude\nX,1\n", encoding="utf-8")
    (problem,) = list(read_places_csv(path))
    assert isinstance(problem, InputProblem)
    assert problem.field == "longitude"


def test_from_csv_adds_user_rows_and_returns_problems(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Mazraat Example,مزرعة المثال,Raqqa,,35.9,39.0,place,SY,,",
        "Bad,,,,x,1,place,SY,,",
    )
    gazetteer, problems = Gazetteer.from_csv(str(path))
    assert [p.name for p in gazetteer.lookup("مزرعة المثال")] == ["Mazraat Example"]
    assert [p.field for p in problems] == ["latitude"]


@pytest.mark.parametrize(
    ("spelling", "precision"),
    [
        ("جبل الزاوية", GeoPrecision.DISTRICT),
        ("Jabal al-Zawiya", GeoPrecision.DISTRICT),
        ("معبر باب الهوى", GeoPrecision.PLACE),
        ("سد تشرين", GeoPrecision.PLACE),
        ("مخيم الهول", GeoPrecision.PLACE),
    ],
)
def test_named_areas_and_sites_are_shipped(spelling: str, precision: GeoPrecision) -> None:
    (place,) = Gazetteer.default().lookup(spelling)
    assert place.precision is precision
    assert place.source == "curated"
    assert place.admin1 is not None
