"""One synthetic article: a storyline in a theatre, rendered with its ground truth.

Each article has its own random generator seeded by ``(seed, number)``, so
article *i* is the same whatever the corpus size (1k articles are the first
1k of 10k) and articles can be made in any order.

Examples
--------
>>> article = make_article(7, 3)
>>> article == make_article(7, 3), article.id
(True, 'synth-7-000003')
>>> all(article.text[m["start"]:m["end"]] == m["text"] for m in article.truth["actors"])
True
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from kg.synth.render import CLAIMS, EVENTS, FILLERS, NUMBERS, QUOTES, Template, Writer
from kg.synth.world import Theatre, World, build_world

FIRST_DAY = dt.date(2014, 1, 1)
DAYS = 3650
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
STORYLINES = ("fighting", "fighting", "ceasefire", "negotiation", "kidnapping", "accusation")


@dataclass(frozen=True)
class SynthArticle:
    """A generated article, its metadata and its ground truth (JSON-ready)."""

    id: str
    title: str
    published: str
    source: str
    text: str
    truth: dict[str, Any] = field(compare=True, hash=False)

    def record(self) -> dict[str, str]:
        """The JSON-lines record ``kg ingest`` reads."""
        return {"id": self.id, "title": self.title, "published": self.published,
                "source": self.source, "text": self.text}


class _Story:
    """State while one article is written: who is in it and what has been said."""

    def __init__(self, world: World, rng: random.Random, published: dt.date) -> None:
        self.world, self.rng, self.published = world, rng, published
        self.writer = Writer()
        self.truth: dict[str, list[dict[str, Any]]] = {"actors": [], "places": [], "events": [],
                                                        "claims": []}
        self.named: set[str] = set()

    def name(self, key: str) -> str:
        """How to write actor ``key`` here (a person's short form once named in full)."""
        if key in self.named and key in self.world.short and self.rng.random() < 0.7:
            return self.world.short[key]
        self.named.add(key)
        name = self.rng.choice(self.world.names[key])
        return f"{name.article} {name.text}".strip()

    def date_phrase(self) -> tuple[str, str | None]:
        """A time expression and its ISO value (or nothing)."""
        choice = self.rng.random()
        if choice < 0.35:
            return "", None
        if choice < 0.7:
            back = self.rng.randrange(7)
            day = self.published - dt.timedelta(days=back)
            return f" on {WEEKDAYS[day.weekday()]}", day.isoformat()
        if choice < 0.9:
            day = self.published - dt.timedelta(days=self.rng.randrange(8, 60))
            return f" on {day.day} {MONTHS[day.month - 1]} {day.year}", day.isoformat()
        day = self.published - dt.timedelta(days=self.rng.randrange(60, 400))
        return f" in {MONTHS[day.month - 1]} {day.year}", day.isoformat()[:7]

    def write(self, pattern: str, slots: dict[str, tuple[str, str | None, str]]
              ) -> dict[str, tuple[int, int]]:
        """Write a sentence; record actor and place mentions. ``slots``: (text, key, kind)."""
        spans = self.writer.sentence(pattern, {k: (t, key) for k, (t, key, _) in slots.items()})
        for slot, (start, end) in spans.items():
            if slot in slots and slots[slot][2] in ("actor", "place"):
                _, key, kind = slots[slot]
                self.truth[kind + "s"].append({"key": key, "start": start, "end": end})
        return spans

    def event(self, template: Template, slots: dict[str, tuple[str, str | None, str]],
              date: str | None, quantity: int | None) -> None:
        spans = self.write(template.pattern, slots)
        key = {slot: value[1] for slot, value in slots.items()}
        place = key.get("P")
        if template.event:
            self._record_event(template.event, spans["trigger"], [key[s] for s in template.agents],
                               [key[s] for s in template.targets], place, date, quantity)
        for word, event_type, agents, targets in template.extra:
            start = self.writer.length - len(self.writer.parts[-1])
            offset = self.writer.parts[-1].index(word)
            self._record_event(event_type, (start + offset, start + offset + len(word)),
                               [key[s] for s in agents], [key[s] for s in targets], place, date,
                               None)

    def _record_event(self, event_type: str, trigger: tuple[int, int], agents: list,
                      targets: list, place: str | None, date: str | None,
                      quantity: int | None) -> None:
        self.truth["events"].append({
            "type": event_type, "trigger": list(trigger), "agents": agents, "targets": targets,
            "place": place, "date": date, "quantity": quantity, "modality": "asserted"})


def _actor(story: _Story, key: str) -> tuple[str, str, str]:
    return story.name(key), key, "actor"


def _place(story: _Story, key: str) -> tuple[str, str, str]:
    return story.world.places[key].label, key, "place"


def _event_sentence(story: _Story, storyline: str, sides: list[str], places: tuple[str, ...],
                    room: int = 2) -> None:
    """Write one event sentence; ``room`` < 2 leaves out sentences that report two events."""
    rng, world = story.rng, story.world
    templates = EVENTS[storyline]
    template = rng.choice(templates if room > 1 else [t for t in templates if not t.extra])
    date, iso = story.date_phrase()
    a, b = sides[:2] if rng.random() < 0.5 else sides[1::-1]
    slots = {"A": _actor(story, a), "B": _actor(story, b), "P": _place(story, rng.choice(places)),
             "D": (date, None, "date"), "M": _actor(story, rng.choice(world.mediators))}
    quantity = None
    if "{S}" in template.pattern:
        victims = next((s for s in (b, a) if world.actors[s].sector == "military"), None)
        if victims is None:
            return _event_sentence(story, "fighting", sides, places, room)
        quantity = rng.randrange(len(NUMBERS)) + 2
        slots["N"] = (NUMBERS[quantity - 2], None, "number")
        slots["S"] = (f"{world.adjectives[world.actors[victims].parent]} soldiers", victims, "actor")
        slots["A"] = _actor(story, a if victims == b else b)
    used = {s for s in slots if "{" + s + "}" in template.pattern}
    iso = iso if "D" in used else None
    story.event(template, {s: v for s, v in slots.items() if s in used}, iso, quantity)


def _claim_sentence(story: _Story, sides: list[str], places: tuple[str, ...]) -> None:
    rng, world = story.rng, story.world
    side = rng.choice(sides)
    leaders = world.leaders_of(side)
    speaker = rng.choice(leaders) if leaders and rng.random() < 0.7 else side
    pattern = rng.choice(CLAIMS)
    date, _ = story.date_phrase()
    slots = {"Q": (rng.choice(QUOTES), None, "quote"), "L": _actor(story, speaker),
             "B": _actor(story, side), "V": _actor(story, rng.choice(world.media)),
             "P": _place(story, rng.choice(places)), "D": (date, None, "date")}
    used = {s: v for s, v in slots.items() if "{" + s + "}" in pattern}
    spans = story.write(pattern, used)
    who = "B" if "{B}" in pattern else "L"
    story.truth["claims"].append({"speaker": used[who][1], "verb": pattern.split("<")[1]
                                  .split(">")[0], "trigger": list(spans["trigger"])})


def _grown_body(story: _Story, theatre: Theatre, storyline: str) -> list[str]:
    """A grown world's article: a cast drawn by activity and 2 to 10 events; return the cast."""
    rng, world, events = story.rng, story.world, story.truth["events"]
    cast: list[str] = []
    size = rng.randint(2, 4)
    for _ in range(size * 8):
        actor = world.pick(theatre.key, rng)
        if actor not in cast:
            cast.append(actor)
        if len(cast) == size:
            break
    if len(cast) < 2:
        cast.append(next(a for a in theatre.belligerents if a not in cast))
    wanted = rng.randint(2, 10)
    while len(events) < wanted:
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if len(events) < wanted and (roll < 0.55 or not events):
                _event_sentence(story, storyline if roll < 0.35 else rng.choice(sorted(EVENTS)),
                                rng.sample(cast, 2), theatre.places, wanted - len(events))
            elif roll < 0.85:
                _claim_sentence(story, cast, theatre.places)
            else:
                story.write(rng.choice(FILLERS), {"P": _place(story, rng.choice(theatre.places))})
        story.writer.paragraph()
    return cast


def make_article(seed: int, number: int, world: World | None = None) -> SynthArticle:
    """Article ``number`` of the corpus seeded with ``seed``.

    In a grown world (``build_world(actors)``) the article has 2 to 10 events
    among actors drawn by their Zipf activity.
    """
    world = world or build_world()
    rng = random.Random(f"kg-synth:{seed}:{number}")
    published = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    story = _Story(world, rng, published)
    theatre = world.theatres[rng.choice(sorted(world.theatres))]
    if world.activity:
        storyline = rng.choice(STORYLINES)
        sides = _grown_body(story, theatre, storyline)
    else:
        sides = rng.sample(theatre.belligerents, 2)
        storyline = rng.choice(STORYLINES)
        _gazetteer_body(story, theatre, storyline, sides)
    return _finished(story, world, theatre, storyline, sides, seed, number)


def _gazetteer_body(story: _Story, theatre: Theatre, storyline: str, sides: list[str]) -> None:
    rng = story.rng
    for paragraph in range(rng.randint(3, 5)):
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if paragraph == 0 and not story.truth["events"] or roll < 0.45:
                _event_sentence(story, storyline if roll < 0.3 else rng.choice(
                    sorted(EVENTS)), sides, theatre.places)
            elif roll < 0.75:
                _claim_sentence(story, sides, theatre.places)
            else:
                story.write(rng.choice(FILLERS), {"P": _place(story, rng.choice(theatre.places))})
        story.writer.paragraph()


def _finished(story: _Story, world: World, theatre: Theatre, storyline: str, sides: list[str],
              seed: int, number: int) -> SynthArticle:
    rng = story.rng
    text = story.writer.text()
    for item in story.truth["actors"] + story.truth["places"]:
        item["text"] = text[item["start"]:item["end"]]
    for item in story.truth["events"] + story.truth["claims"]:
        item["trigger"].append(text[item["trigger"][0]:item["trigger"][1]])
    names = [world.actors[s].label for s in sides]
    title = f"{names[0]} and {names[1]}: {storyline} in {world.places[theatre.places[0]].label}"
    source = world.actors[rng.choice(world.media)].label
    truth = {"id": f"synth-{seed}-{number:06d}", "theatre": theatre.key, **story.truth}
    return SynthArticle(truth["id"], title, story.published.isoformat(), source, text, truth)


__all__ = ["SynthArticle", "make_article"]
