"""A heading's event and the event of the clause it labels are one happening.

"Property destruction: On 3 May, rebels burned two houses" names one act twice: the
heading says what kind of act it was, the clause who did it to whom. Where the clause's
verb is a trigger of its own, the heading's event takes that event's roles (which the
later passes, victims, owners, perpetrators, filled in for the verb and not for the
heading) and the clause's event is dropped, so the graph holds the happening once.

Examples
--------
>>> with_told_roles([], None)
[]
"""

from __future__ import annotations

import dataclasses

from kg.extract.clauses import HEADING_WORDS, labelled_clause
from kg.model import Event


def _token_at(doc, start: int):  # type: ignore[no-untyped-def]
    """The token that starts at character ``start``, or ``None``."""
    piece = doc.char_span(start, start + 1, alignment_mode="expand")
    return piece[0] if piece is not None and len(piece) else None


def _heading_colon(token) -> int | None:  # type: ignore[no-untyped-def]
    """The character offset of the colon after ``token`` where ``token`` ends a heading of at
    most :data:`~kg.extract.clauses.HEADING_WORDS` words at the start of a sentence."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ":" \
            or token.i - token.sent.start >= HEADING_WORDS:
        return None
    return int(doc[token.i + 1].idx)


def _told(event: Event, events: list[Event], doc) -> Event | None:  # type: ignore[no-untyped-def]
    """The event of the clause a heading's ``event`` labels: the one its labelled verb (or a
    conjunct of it) triggers, else the first after the colon, in the heading's sentence or the
    next, of the heading's type; ``None`` for an event that is no heading's."""
    token = _token_at(doc, event.trigger.start)
    colon = _heading_colon(token) if token is not None else None
    if colon is None:
        return None
    verb = labelled_clause(token)
    verbs = {v.idx for v in (verb, *verb.conjuncts)} if verb is not None else set()
    after = [e for e in events if e is not event and e.trigger.start > colon
             and e.sentence in (event.sentence, event.sentence + 1)]
    return next((e for e in after if e.trigger.start in verbs), None) or next(
        (e for e in after if e.event_type == event.event_type), None)


def with_told_roles(events: list[Event], doc) -> list[Event]:  # type: ignore[no-untyped-def]
    """``events`` with each heading's event merged with the event of the clause it labels
    (:func:`_told`): the heading's type, the clause event's agents and targets, then the
    heading's own; the clause's event dropped and the rest renumbered in order.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from kg.model import Span
    >>> words = "Looting : rebels seized radios".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 0, 3, 3, 3],
    ...           deps=["dep", "punct", "nsubj", "ROOT", "dobj"],
    ...           pos=["NOUN", "PUNCT", "NOUN", "VERB", "NOUN"])
    >>> heading = Event(0, "Looting", Span(0, 7, "Looting"), 0, agents=("gangs",))
    >>> told = Event(1, "Looting", Span(17, 23, "seized"), 0, agents=("rebels",),
    ...              targets=("civilians",))
    >>> [(e.index, e.trigger.text, e.agents, e.targets) for e in with_told_roles([heading, told], doc)]
    [(0, 'Looting', ('rebels', 'gangs'), ('civilians',))]
    """
    merged: dict[int, Event] = {}
    dropped: set[int] = set()
    for event in events:
        told = _told(event, events, doc) if event.index not in dropped else None
        if told is None or told.index in merged:
            continue
        merged[event.index] = dataclasses.replace(
            event, agents=tuple(dict.fromkeys((*told.agents, *event.agents))),
            targets=tuple(dict.fromkeys((*told.targets, *event.targets))),
            mediators=told.mediators or event.mediators,
            agents_act=told.agents_act if told.agents else event.agents_act)
        dropped.add(told.index)
    kept = [merged.get(e.index, e) for e in events if e.index not in dropped]
    return [dataclasses.replace(e, index=n) if e.index != n else e for n, e in enumerate(kept)]
