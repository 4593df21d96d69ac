"""The gazetteer: every shipped and user-added place, looked up by folded name."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from strikewatch.errors import InputProblem
from strikewatch.gazetteer.place import Place, read_places_csv
from strikewatch.model import GeoPrecision
from strikewatch.normalise import fold_name

# Transliterations of one Arabic name differ in vowels, doubled letters and digraphs
# (Deir ez-Zor / Dayr az Zawr, Qamishli / Kamishly); these rewrites give them one key.
_LATIN_REWRITES = (
    ("ou", "u"),
    ("oo", "u"),
    ("aw", "o"),
    ("o", "u"),
    ("ee", "i"),
    ("ei", "ai"),
    ("ay", "ai"),
    ("ey", "ai"),
    ("y", "i"),
    ("e", "a"),
    ("q", "k"),
    ("kh", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("'", ""),
    ("`", ""),
)
_DOUBLED = re.compile(r"(.)\1+")
# Articles in every transliteration (ez-, es-, ed-…), dropped inside multi-word names.
LATIN_ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ez", "es", "ed"}
    | {"et", "er", "en", "ech", "esh", "ul", "il", "ak", "ag"}
)


_LOCAL = frozenset({GeoPrecision.PLACE, GeoPrecision.DISTRICT, GeoPrecision.EXACT})


def distance_km(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    rad = math.pi / 180
    h = (
        math.sin((lat_b - lat_a) * rad / 2) ** 2
        + math.cos(lat_a * rad) * math.cos(lat_b * rad) * math.sin((lon_b - lon_a) * rad / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def word_key(word: str) -> str:
    """The lookup key of one folded word: Arabic without ال, Latin as a spelling skeleton."""
    if not word:
        return word
    if word[0] >= "\u0600":
        return word[2:] if word.startswith("ال") and len(word) > 3 else word
    for old, new in _LATIN_REWRITES:
        word = word.replace(old, new)
    return _DOUBLED.sub(r"\1", word)


def name_key(name: str) -> str:
    """The lookup key of a whole place name, as the text scanner builds it from words."""
    words = fold_name(name).split()
    kept = [w for i, w in enumerate(words) if not (w in LATIN_ARTICLES and i + 1 < len(words))]
    return " ".join(word_key(w) for w in kept)


class Gazetteer:
    """Places indexed by the key of every spelling they are known by."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: list[Place] = []
        self._index: dict[str, list[Place]] = {}
        self.max_words = 1
        # First words of multi-word keys, so a scanner tries longer n-grams only after one.
        self.first_words: set[str] = set()
        # Every key and every first word of one: the words a name can start with.
        self.name_starts: set[str] = set()
        self._by_admin1: dict[str, list[Place]] | None = None
        for place in places:
            self.add(place)

    def add(self, place: Place) -> None:
        """Adds one place under all its spellings."""
        self._places.append(place)
        self._by_admin1 = None
        for spelling in place.names():
            key = name_key(spelling)
            if len(key) < 2:
                continue
            bucket = self._index.setdefault(key, [])
            if place not in bucket:
                bucket.append(place)
            self.name_starts.add(key)
            if " " in key:
                self.max_words = max(self.max_words, key.count(" ") + 1)
                self.first_words.add(key.split(" ", 1)[0])
                self.name_starts.add(key.split(" ", 1)[0])

    @classmethod
    def default(cls, extra: Iterable[Place] = ()) -> Gazetteer:
        """The shipped gazetteer (GeoNames extract + curated rows) plus extra places; cached."""
        return _default(tuple(extra))

    @classmethod
    def from_csv(
        cls, *paths: str, extra: Iterable[Place] = ()
    ) -> tuple[Gazetteer, list[InputProblem]]:
        """The shipped gazetteer plus the places in user CSV files, and the rows refused."""
        places: list[Place] = list(extra)
        problems: list[InputProblem] = []
        for path in paths:
            for item in read_places_csv(path, source="user"):
                if isinstance(item, InputProblem):
                    problems.append(item)
                else:
                    places.append(item)
        return cls.default(places), problems

    def lookup(self, name: str) -> list[Place]:
        """Every place known by this name (any script, article, diacritics or spelling)."""
        return list(self._index.get(name_key(name), ()))

    def lookup_key(self, key: str) -> list[Place] | None:
        """The places under an already-built key (see name_key), or None: no copy, for scanning."""
        return self._index.get(key)

    def within(self, place: Place, admin1: str, km: float) -> bool:
        """Tells whether any place of the governorate admin1 lies within km of place."""
        if self._by_admin1 is None:
            self._by_admin1 = {}
            for entry in self._places:
                if entry.precision in _LOCAL and entry.admin1:
                    self._by_admin1.setdefault(entry.admin1, []).append(entry)
        return any(
            distance_km(place.latitude, place.longitude, p.latitude, p.longitude) <= km
            for p in self._by_admin1.get(admin1, ())
        )

    def places(self) -> Iterator[Place]:
        """Every place, in the order added."""
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


def _shipped() -> list[Place]:
    places: list[Place] = []
    data = resources.files("strikewatch.gazetteer") / "data"
    for file, source in (("curated.csv", "curated"), ("geonames.csv", "geonames")):
        with resources.as_file(data / file) as path:
            for item in read_places_csv(path, source=source):
                if isinstance(item, Place):
                    places.append(item)
                else:  # a broken shipped row is a bug, not user input
                    raise ValueError(str(item))
    return places


@lru_cache(maxsize=8)
def _default(extra: tuple[Place, ...]) -> Gazetteer:
    # User rows come first so that their spelling and coordinates win ties.
    return Gazetteer([*extra, *_shipped()])
