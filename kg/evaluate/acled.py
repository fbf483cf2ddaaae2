"""ACLED development notes: one coder's description per event, scored per region.

Each note is one article published ``event_date`` + 2 days (so absolute dates
in the text must be read). The primary event is the first asserted or reported
event whose type maps to an ACLED type (``ckg:acledType``). Measures, per
region and overall, follow ``acled_dev/README.md``: at least one event; event
type and sub-event accuracy and macro-F1; date exact; place name and
coordinates; actor1 as agent and actor2 as target by name; actor1's country (the country
its name carries, else, for a name whose parenthetical is a faction or a region, "(Shane
Splinter Faction)", "(West Africa)", the event's country).
The data are read from the evaluation folder and never copied into the repo.

Examples
--------
>>> split_acled("Explosions/Remote violence/Air/drone strike")
('Explosions/Remote violence', 'Air/drone strike')
>>> gold_actor("Military Forces of Nigeria (2015-)")
GoldActor(name='nigeria', sector='military', country='Nigeria', short=None)
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import math
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.evaluate import eval_dir, require
from kg.evaluate.scoring import Metric, accuracy, macro_f1
from kg.model import Actor, Event, Extraction, Place
from kg.taxonomy import split_acled

FILE = Path("acled_dev") / "acled_2022_dev.csv"
SECTORS = {"military forces of ": "military", "police forces of ": "police"}
COUNTED = ("asserted", "reported")
PLACE_KM = 25.0
MEASURES = ("events", "type acc", "type F1", "sub acc", "sub F1", "date", "place",
            "coords", "actor1", "actor2", "country")


@dataclass(frozen=True)
class Row:
    """The gold fields of one ACLED event that the scorer uses."""

    region: str
    notes: str
    event_date: dt.date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    places: tuple[str, ...]  # location, admin3, admin2, admin1 (non-empty)
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldActor:
    """An ACLED actor name reduced to what an extracted actor can match."""

    name: str  # lower-case, parentheticals stripped; for a sector, the country name
    sector: str | None  # "military", "police", "unidentified", "civilians" or None
    country: str | None  # from "(Nigeria)" or "of Nigeria"
    short: str | None = None  # the acronym of "JNIM: Group for Support of Islam and Muslims"


PEOPLE = {"protesters", "rioters", "civilians"}
"""ACLED's names for unarmed people by their part in the event (interaction codes 5, 6, 7):
not names but the civilian population of a country, matched by kind and country."""


def gold_actor(name: str) -> GoldActor:
    """Reduce an ACLED actor name: parentheticals stripped, sector of a country, unidentified,
    the unarmed population ("Protesters (Uganda)"), an acronym before a colon.

    >>> gold_actor("Unidentified Armed Group (Nigeria)")
    GoldActor(name='unidentified armed group', sector='unidentified', country='Nigeria', short=None)
    >>> gold_actor("Rioters (Uganda)").sector, gold_actor("Military Forces of Russia (2000-)  Air Force")
    ('civilians', GoldActor(name='russia', sector='military', country='Russia', short=None))
    >>> gold_actor("JNIM: Group for Support of Islam and Muslims").short
    'jnim'
    """
    countries = re.findall(r"\(([^)]*[A-Za-z][^)]*)\)", name)
    country = next((c for c in countries if not re.search(r"\d", c)), None)
    sectored = re.match(r"(Military|Police) Forces of (.+?)(?:\s{2,}|\s*\(|$)", name)
    if sectored:
        state = sectored.group(2).strip()
        return GoldActor(state.lower(), sectored.group(1).lower(),
                         state)
    bare = " ".join(re.sub(r"\([^)]*\)", " ", name).split())
    lowered = bare.lower()
    if lowered.startswith("unidentified"):
        return GoldActor(lowered, "unidentified", country)
    if lowered in PEOPLE:
        return GoldActor(lowered, "civilians", country)
    short, colon, rest = lowered.partition(":")
    if colon and short and " " not in short.strip():
        return GoldActor(rest.strip(), None, country, short.strip())
    return GoldActor(lowered, None, country)


def load_rows(directory: Path | None = None) -> list[Row]:
    """Every gold row of the development file (raises EvalDataMissing when absent)."""
    path = require((directory or eval_dir()) / FILE)
    with path.open(encoding="utf-8", newline="") as handle:
        return [_row(record) for record in csv.DictReader(handle)]


def _row(record: dict[str, str]) -> Row:
    def number(key: str) -> float | None:
        return float(record[key]) if record.get(key) else None

    places = tuple(record[k] for k in ("location", "admin3", "admin2", "admin1") if record.get(k))
    return Row(record["region"], record["notes"], dt.date.fromisoformat(record["event_date"]),
               record["event_type"], record["sub_event_type"], record["actor1"],
               record["actor2"], record["country"], places, number("latitude"), number("longitude"))


def sample(rows: Sequence[Row], limit: int | None, seed: int = 14) -> list[Row]:
    """``limit`` rows drawn at random with ``seed`` (order kept), or all rows.

    >>> rows = list(range(10))
    >>> sample(rows, 3) == sample(rows, 3), len(sample(rows, 3)), sample(rows, None) == rows
    (True, 3, True)
    """
    if limit is None or limit >= len(rows):
        return list(rows)
    chosen = sorted(random.Random(seed).sample(range(len(rows)), limit))
    return [rows[i] for i in chosen]


def primary_event(extraction: Extraction) -> Event | None:
    """The first counted event whose type maps to an ACLED type."""
    from kg.taxonomy import event_type

    return next((e for e in extraction.events
                 if e.modality in COUNTED and event_type(e.event_type).acled), None)


def _norm(text: str) -> str:
    """Lower case, accents and punctuation dropped: ACLED writes "Zabre" for GeoNames' "Zabré".

    >>> _norm("Patiāla"), _norm("Ras al-Ayn")
    ('patiala', 'ras al ayn')
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", folded.lower()).split())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def place_scores(row: Row, place: Place | None) -> tuple[bool, bool]:
    """(name matches location or an admin level, coordinates within 25 km of the gold)."""
    if place is None:
        return False, False
    names = {_norm(n) for n in (place.label, *place.alternate_labels)}
    named = any(_norm(gold) in names for gold in row.places)
    near = None not in (place.lat, place.lon, row.lat, row.lon) and \
        _km(place.lat, place.lon, row.lat, row.lon) <= PLACE_KM  # type: ignore[arg-type]
    return named, near


def actor_matches(gold: GoldActor, actor: Actor, actors: dict[str, Actor]) -> bool:
    """Whether an extracted actor is the gold actor: by name (or acronym); a sector of a
    country by sector and country; an unidentified group by being unidentified; the unarmed
    population ("Protesters (X)") by kind, and by country where both are known.

    >>> a = Actor(key="nga-military", label="Nigerian military", kind="military",
    ...           parent="nga", sector="military")
    >>> states = {"nga": Actor(key="nga", label="Nigeria", kind="state", country="NGA")}
    >>> actor_matches(gold_actor("Military Forces of Nigeria (2015-)"), a, states)
    True
    >>> people = Actor(key="nga-civilians", label="Nigerian civilians", kind="civilians",
    ...                country="NGA")
    >>> [actor_matches(gold_actor(g), people, states) for g in ("Protesters (Nigeria)",
    ...  "Civilians (Ghana)", "Rioters")]
    [True, False, True]
    """
    names = {_norm(n) for n in (actor.label, *actor.aliases)}
    if gold.sector == "unidentified":
        return "unidentified" in actor.key or any("unidentified" in n for n in names)
    country = actor.country or (actors[actor.parent].country if actor.parent in actors else None)
    if gold.sector == "civilians":
        wanted = _iso3(gold.country)
        return actor.kind == "civilians" and (wanted is None or country in (None, wanted))
    if gold.sector is not None:
        return actor.sector == gold.sector and country is not None and country == _iso3(gold.name)
    return bool(gold_names(gold) & names)


def gold_names(gold: GoldActor) -> set[str]:
    """The names a named gold actor goes by: each of its "and/or" alternatives, without a
    faction after " - ", and the parts of a compound acronym ("CNDD-FDD-Imbonerakure",
    "KNU/KNLA"), normalised.

    >>> sorted(gold_names(gold_actor("Islamic State - Lake Chad Faction and/or Boko Haram")))
    ['boko haram', 'islamic state', 'islamic state lake chad faction']
    >>> sorted(gold_names(gold_actor("KNU/KNLA: Karen National Union")))
    ['karen national union', 'knla', 'knu', 'knu knla']
    """
    names = set()
    for whole in filter(None, (gold.name, gold.short)):
        for part in whole.split(" and/or "):
            names.update({_norm(part), _norm(part.split(" - ")[0])})
    if gold.short:
        names.update(_norm(p) for p in re.split(r"[-/]", gold.short) if len(p) >= 3)
    return {n for n in names if n}


@functools.lru_cache(maxsize=512)
def _iso3(name: str | None) -> str | None:
    """ISO 3166-1 alpha-3 of a country name as ACLED writes it ("the Democratic Republic of
    Congo", "Kosovo"): by the country names of the extractor's world index, else pycountry.

    >>> _iso3("the Democratic Republic of Congo"), _iso3("Russia"), _iso3("Nowhere")
    ('COD', 'RUS', None)
    """
    if not name:
        return None
    import pycountry

    from kg.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    state = gazetteer.actors.get(gazetteer.nation(name.lower().removeprefix("the ")) or "")
    if state is not None and state.country:
        return state.country
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def score_note(row: Row, extraction: Extraction) -> dict[str, object]:
    """One note's predictions and hits: labels for the type measures, booleans for the others."""
    event = primary_event(extraction)
    actors = {a.key: a for a in extraction.actors}
    places = {p.key: p for p in extraction.places}
    predicted = split_acled(_acled_of(event)) if event else (None, None)
    named, near = place_scores(row, places.get(event.place or "") if event else None)
    agents = [actors[k] for k in (event.agents if event else ()) if k in actors]
    targets = [actors[k] for k in (_counterparts(event) if event else ()) if k in actors]
    first, second = gold_actor(row.actor1), gold_actor(row.actor2)
    country = _iso3(first.country) or _iso3(row.country)  # "(Shane Splinter Faction)": no country
    return {
        "events": any(e.modality in COUNTED for e in extraction.events),
        "type": predicted[0], "sub": predicted[1],
        "date": bool(event and event.time
                     and _day(event.time.value) == row.event_date.isoformat()),
        "place": named, "coords": near,
        "actor1": any(actor_matches(first, a, actors) for a in agents),
        "actor2": bool(row.actor2) and any(actor_matches(second, a, actors) for a in targets),
        "country": country is not None and any(a.country == country or (
            actors.get(a.parent or "") and actors[a.parent or ""].country == country)
            for a in agents),
    }


def _day(value: str) -> str:
    """The day of a time value: a time of day is dated its day ("2022-05-13T06:30").

    >>> _day("2022-05-13T06:30"), _day("2022-05-13"), _day("2022-05")
    ('2022-05-13', '2022-05-13', '2022-05')
    """
    return value.partition("T")[0]


def _counterparts(event: Event) -> tuple[str, ...]:
    """Who an event acts on: its targets; in a mutual event ("X and Y clashed") each agent is
    the others' target (:attr:`kg.model.Event.agents_act`)."""
    return (*event.targets, *(event.agents if event.agents_act == "mutually" else ()))


def _acled_of(event: Event) -> str:
    from kg.taxonomy import event_type

    return event_type(event.event_type).acled or ""


def summarise(rows: Sequence[Row], scored: Sequence[dict[str, object]]) -> dict[str, float]:
    """The :data:`MEASURES` over some notes (actor2 over notes that have a gold actor2)."""
    def share(key: str, subset: Sequence[int]) -> float:
        return sum(bool(scored[i][key]) for i in subset) / max(len(subset), 1)

    every = range(len(rows))
    with_target = [i for i in every if rows[i].actor2]
    gold_types = [r.event_type for r in rows]
    gold_subs = [r.sub_event_type for r in rows]
    types = [s["type"] for s in scored]
    subs = [s["sub"] for s in scored]
    return {
        "events": share("events", every), "type acc": accuracy(gold_types, types),
        "type F1": macro_f1(gold_types, types),  # type: ignore[arg-type]
        "sub acc": accuracy(gold_subs, subs), "sub F1": macro_f1(gold_subs, subs),  # type: ignore[arg-type]
        "date": share("date", every), "place": share("place", every),
        "coords": share("coords", every), "actor1": share("actor1", every),
        "actor2": share("actor2", with_target), "country": share("country", every),
    }


def by_region(rows: Sequence[Row], scored: Sequence[dict[str, object]]
              ) -> dict[str, tuple[int, dict[str, float]]]:
    """Region -> (notes, measures), regions sorted, then ``"all"``."""
    regions: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        regions.setdefault(row.region, []).append(i)
    table = {region: (len(idx), summarise([rows[i] for i in idx], [scored[i] for i in idx]))
             for region, idx in sorted(regions.items())}
    table["all"] = (len(rows), summarise(rows, scored))
    return table


def render_regions(table: dict[str, tuple[int, dict[str, float]]]) -> str:
    """A markdown table: one row per region, one column per measure.

    >>> render_regions({"all": (2, dict.fromkeys(MEASURES, 0.5))}).splitlines()[2][:20]
    '| all    | 2     | 0'
    """
    header = ["region", "notes", *MEASURES]
    rows = [[region, str(n), *(f"{m[k]:.2f}" for k in MEASURES)] for region, (n, m) in table.items()]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
             for r in [header, *rows]]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def evaluate_acled(directory: Path | None = None, limit: int | None = None,
                   seed: int = 14) -> tuple[str, list[Metric]]:
    """Extract every (sampled) note, published event_date + 2 days, and score per region.

    Returns the per-region table and the overall figures as metric rows
    (targets from issue 14 as floors).
    """
    from kg.documents import article_from_text
    from kg.extract import default_extractor

    rows = sample(load_rows(directory), limit, seed)
    extractor = default_extractor()
    articles = [article_from_text(_text(r), origin=f"acled:{i}", meta={
        "id": f"acled-{i}", "published": (r.event_date + dt.timedelta(days=2)).isoformat()})
        for i, r in enumerate(rows)]
    scored = [score_note(row, extractor.build(article, doc)) for row, article, doc in zip(
        rows, articles, extractor.nlp.pipe((a.text for a in articles), batch_size=64), strict=True)]
    table = by_region(rows, scored)
    overall = table["all"][1]
    floors = {"events": 0.95, "type acc": 0.75, "type F1": 0.65, "sub F1": 0.5, "date": 0.9,
              "place": 0.8, "coords": 0.5, "actor1": 0.7, "actor2": 0.6, "country": 0.7}
    metrics = [Metric("acled", name, overall[name], f"{len(rows)} notes", floor=floors.get(name))
               for name in MEASURES]
    return render_regions(table), metrics


def _text(row: Row) -> str:
    """The note without the coder's bracketed metadata ("[size=no report]")."""
    return " ".join(re.sub(r"\[[^\]]*\]", " ", row.notes).split()) or row.notes
