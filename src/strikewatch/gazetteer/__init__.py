"""Named places (GeoNames extract, curated and user CSV rows) and their lookup."""

from strikewatch.gazetteer.lookup import Gazetteer, distance_km, name_key, word_key
from strikewatch.gazetteer.place import COLUMNS, Place, place_from_row, read_places_csv

__all__ = [
    "COLUMNS",
    "Gazetteer",
    "Place",
    "distance_km",
    "name_key",
    "place_from_row",
    "read_places_csv",
    "word_key",
]
