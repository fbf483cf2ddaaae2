"""Cheap articles for store tests: generated texts and a trivial extractor (no spaCy).

Every article gets two sentences, two actors, a place, mentions, a time, an
event and a claim, so its named graph has the shape of a real one. Events
repeat every :data:`DISTINCT_EVENTS` articles (same type, actors, day and
place), so a batch also exercises cross-article occurrences.

Run as a script it ingests a batch into an on-disk store, printing each
stored key as it goes (the SIGKILL test reads that)::

    python -m tests.store_batch oxigraph:/tmp/kg 1000
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Iterable, Iterator

from kg.model import (Actor, Article, Claim, Event, Extraction, Mention, Place, Sentence, Span,
                      TimeExpr)

DISTINCT_EVENTS = 50
ACTORS = (Actor("hezbollah", "Hezbollah", "armed_group", country="LBN", qid="Q131183"),
          Actor("isis", "Islamic State", "armed_group", aliases=("ISIS", "Daesh")),
          Actor("lebanon-military", "Lebanese Armed Forces", "military", country="LBN",
                parent="lebanon", sector="military"),
          Actor("al-manar", "al-Manar", "media", country="LBN"))
PLACES = (Place("arsal", "Arsal", "town", country="LBN", lat=34.18, lon=36.42),
          Place("ras-baalbek", "Ras Baalbek", "town", country="LBN", lat=34.26, lon=36.42))
TYPES = ("Shelling", "ArmedClash", "AirStrike")


def article(i: int) -> Article:
    """Article ``i`` of the batch."""
    n = i % DISTINCT_EVENTS
    agent, target = ACTORS[n % 3], ACTORS[(n + 1) % 3]
    place = PLACES[n % 2]
    day = dt.date(2017, 8, 1) + dt.timedelta(days=n % 28)
    text = (f"{agent.label} attacked {target.label} near {place.label} on {day.isoformat()}. "
            f"al-Manar said the fighting went on (report {i}).")
    return Article(key=f"batch-{i:04d}", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), title=f"Report {i}",
                   published=day + dt.timedelta(days=1), source="Wire")


def extraction(art: Article) -> Extraction:
    """What the trivial extractor finds in a batch article (from its text alone)."""
    text = art.text
    n = int(art.key.split("-")[1]) % DISTINCT_EVENTS
    agent, target, place = ACTORS[n % 3], ACTORS[(n + 1) % 3], PLACES[n % 2]
    first_end = text.index(". ") + 1
    sentences = (Sentence(0, 0, first_end, text[:first_end]),
                 Sentence(1, first_end + 1, len(text), text[first_end + 1:]))

    def span(word: str, start: int = 0) -> Span:
        at = text.index(word, start)
        return Span(at, at + len(word), word)

    date = text[text.index(" on ") + 4:first_end - 1]
    when = TimeExpr(span(date), 0, date, "day")
    verb = span("attacked")
    event = Event(0, TYPES[n % 3], verb, 0, agents=(agent.key,), targets=(target.key,),
                  place=place.key, time=when)
    claim = Claim(0, "al-manar", "al-Manar", "say", Span(first_end + 1, len(text), sentences[1].text),
                  1, asserts=0)
    mentions = (Mention(span(agent.label), 0, "actor", agent.key),
                Mention(span(target.label, verb.end), 0, "actor", target.key),
                Mention(span(place.label), 0, "place", place.key),
                Mention(span("al-Manar", first_end), 1, "actor", "al-manar"))
    return Extraction(article=art, sentences=sentences,
                      actors=(agent, target, ACTORS[3]), places=(place,), mentions=mentions,
                      times=(when,), events=(event,), claims=(claim,))


class TrivialExtractor:
    """An extractor with the ``pipe`` method :func:`kg.ingest.ingest` needs."""

    def pipe(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[Extraction]:
        for art in articles:
            yield extraction(art)

    def extract(self, art: Article) -> Extraction:
        return extraction(art)


def batch(count: int) -> list[Article]:
    """The first ``count`` articles."""
    return [article(i) for i in range(count)]


def main(argv: list[str]) -> int:
    """Ingest ``count`` articles into the store ``uri``; print each key once stored."""
    from kg.ingest import ingest
    from kg.store import open_store

    uri, count = argv[0], int(argv[1])
    with open_store(uri) as store:
        report = ingest(store, batch(count), TrivialExtractor(),
                        progress=lambda e: print(e.article.key, flush=True))
    print(report.summary(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
