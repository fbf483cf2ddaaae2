"""From a parsed doc and the matchers' findings to the model's dataclasses.

Everything here works in character offsets of the article text; each helper
builds one kind of object.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from kg.extract.actors import MentionMatcher
from kg.extract.battle_outcomes import in_background, with_battle_outcomes
from kg.extract.claimed_acts import responsibility_claims, with_claimed_acts
from kg.extract.claims import FoundClaim, contradictions, find_claims, proposition
from kg.extract.clauses import clause_of, labelled_clause
from kg.extract.counterpart import (counter_sentences, countering, with_counter_crowds,
                                    with_counter_protests, with_counterparts)
from kg.extract.dates import doc_times
from kg.extract.events import FoundEvent, find_events
from kg.extract.interaction import (FORCE_KINDS, intervening_forces, with_interveners,
                                    with_riot_damage)
from kg.extract.owners import Owners, with_affiliated_victims, with_unnamed_layers
from kg.extract.raids import with_arrest_raids
from kg.extract.state_forces import holding_forces, struck_forces
from kg.extract.theatres import in_theatres
from kg.extract.victims import (deaths, offenders, perpetrator_of, presumed_aim,
                                unnamed_perpetrator, with_aims, with_crowd_victims, with_deaths,
                                with_perpetrators, with_victims)
from kg.extract.mentions import (gazetteer_mentions, resolve_pronouns, sentences_of, span_of,
                                 unknown_mentions)
from kg.extract.kind_types import by_kinds, with_victim_types
from kg.extract.event_places import actor_tokens
from kg.extract.place_chains import chains_of, unplaced_towns
from kg.extract.fallback import Candidate, find_candidates
from kg.extract.gazetteer import Gazetteer
from kg.extract.headings import with_told_roles
from kg.extract.context_countries import context_countries
from kg.extract.generic import MANY_SECTORS, UNIDENTIFIED, GenericAgents
from kg.extract.world_gazetteer import as_written
from kg.model import Actor, Article, Claim, Event, Extraction, Mention, Quantity, Span, TimeExpr

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


class _Context:
    """Per-article lookup tables shared by the builders below."""

    def __init__(self, article: Article, doc, gazetteer: Gazetteer, mentions: list[Mention],  # type: ignore[no-untyped-def]
                 token_actor: dict[int, str], times: list[TimeExpr]) -> None:
        self.article, self.doc, self.gazetteer = article, doc, gazetteer
        self.mentions, self.token_actor, self.times = mentions, token_actor, times
        self.sentence_of_token: dict[int, int] = {}
        self._root_of: dict[tuple[int, int], int | None] = {}
        self._places_by_sentence: dict[int, list[tuple[int | None, str]]] = {}
        self._times_by_sentence: dict[int, list[tuple[int | None, TimeExpr]]] = {}
        self._events_by_sentence: dict[int, list[Event]] = {}
        self.place_at: dict[int, str] = {}  # token index -> key of the place mentioned there
        self.chain_at: dict[int, list[str]] = {}  # token index -> keys of its admin chain
        self.main_country: str | None = None  # set by index()

    def root_token(self, span: Span) -> int | None:
        """The syntactic root token of a character span (computed once per span)."""
        key = (span.start, span.end)
        if key not in self._root_of:
            piece = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            self._root_of[key] = piece.root.i if piece is not None and len(piece) else None
        return self._root_of[key]

    def index(self) -> None:
        """Group place mentions and times by sentence, with their root tokens, once."""
        pieces = []
        for mention in self.mentions:
            if mention.kind == "place":
                self._places_by_sentence.setdefault(mention.sentence, []).append(
                    (self.root_token(mention.span), mention.key))
                piece = self.doc.char_span(mention.span.start, mention.span.end,
                                           alignment_mode="expand")
                self.place_at.update({t.i: mention.key for t in piece or ()})
                if piece is not None and len(piece):
                    pieces.append(piece)
        for chain in chains_of(self.doc, [(p.start, p.end) for p in pieces]):
            keys = list(dict.fromkeys(self.place_at[pieces[n].start] for n in chain))
            self.chain_at.update({t.i: keys for n in chain for t in pieces[n]})
        for time in self.times:
            self._times_by_sentence.setdefault(time.sentence, []).append(
                (self.root_token(time.span), time))
        self.main_country = self._leading_country()

    def events_in(self, sentence: int) -> list[Event]:
        """The events already built whose trigger is in ``sentence``."""
        return self._events_by_sentence.get(sentence, [])

    def add_event(self, event: Event) -> None:
        """Record a built event under its sentence."""
        self._events_by_sentence.setdefault(event.sentence, []).append(event)

    def with_chains(self, tokens: list[int]) -> list[str]:
        """Keys of the places at ``tokens``, each with the names of its admin chain in text order
        ("in Orvo (Kalvan)": Orvo, though the parser may make Kalvan the object of "in")."""
        return list(dict.fromkeys(key for i in tokens if i in self.place_at
                                  for key in self.chain_at.get(i, [self.place_at[i]])))

    def places_in(self, sentence: int, clause: frozenset[int] | None) -> list[str]:
        """Keys of the places mentioned inside ``clause`` of ``sentence`` (or anywhere in it),
        in order, each with the names of its admin chain."""
        return list(dict.fromkeys(
            chained for token, key in self._places_by_sentence.get(sentence, ())
            if clause is None or token in clause
            for chained in self.chain_at.get(token, [key])))  # type: ignore[arg-type]

    def settled(self, keys: list[str]) -> bool:
        """Whether a settlement or subdivision is among ``keys``, not only whole countries."""
        return any(self.gazetteer.places[k].kind != "country" for k in keys)

    def most_specific(self, keys: list[str]) -> str:
        """The first settlement of ``keys`` ("in Owerri (Imo), Nigeria"; "students in Nancy
        protested against being sent back to Ukraine"), else the first that is not a whole
        country ("in Hailakandi (Assam), India"), else the first; of names in several
        countries, those of the article's main country ("on the Airport Road in Quetta
        (Balochistan)": not an airport abroad)."""
        places = self.gazetteer.places
        home = self.main_country
        towns = [k for k in keys if places[k].kind not in ("country", "region")]
        keys = [k for k in towns if places[k].country == home] or towns or [
            k for k in keys if places[k].country == home] or keys
        return next((k for k in keys if places[k].kind != "country"), keys[0])

    def _leading_country(self) -> str | None:
        """The country most of the article's place mentions lie in, if one leads."""
        counts = Counter(self.gazetteer.places[key].country for places in
                         self._places_by_sentence.values() for _, key in places)
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    def first_place(self) -> str | None:
        """The most specific place of the first sentence that names one (its first settlement:
        "In Orvo (North), ..." is Orvo before the region)."""
        return next((self.most_specific([key for _, key in places]) for _, places in
                     sorted(self._places_by_sentence.items()) if places), None)

    def time_before(self, sentence: int) -> TimeExpr | None:
        """The last time expression of the nearest earlier sentence that has one."""
        earlier = [s for s in self._times_by_sentence if s < sentence]
        return self._times_by_sentence[max(earlier)][-1][1] if earlier else None

    def adjunct_times(self, sentence: int, trigger: int) -> list[TimeExpr]:
        """Times fronted before the sentence's root ("On 8 January 2022, ..."), which date every
        event of the sentence, not only the root's clause; none when the trigger precedes them."""
        root = self.doc[trigger].sent.root.i
        return [time for token, time in self._times_by_sentence.get(sentence, ())
                if token is not None and token < root and token < trigger]

    def governing_times(self, sentence: int, trigger: int, clause: frozenset[int] | None = None
                        ) -> list[TimeExpr]:
        """Times of a clause that governs the trigger's clause: inside ``clause`` any of them,
        else day dates only ("X attacked Y on 8 May, killing Z"). A date inside a subordinate
        or relative clause ("a man who was kidnapped in 2013") dates only that clause."""
        event = self.doc[trigger]
        return [time for token, time in self._times_by_sentence.get(sentence, ())
                if token is not None and (token in clause if clause is not None
                                          else time.granularity in DAY_GRAINS)
                and _governs(clause_of(self.doc[token]), event)]

    def span(self, start_token: int, end_token: int) -> Span:
        return span_of(self.doc, start_token, end_token)


DAY_GRAINS = ("day", "time")
"""Granularities of a date that, in a governing clause, dates the events below it."""


def _governs(head, token) -> bool:  # type: ignore[no-untyped-def]
    """Whether the clause headed by ``head`` holds ``token`` or a clause above it; conjoined
    clauses share their adjuncts ("attacked X and killed Y on 8 May")."""
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head == token or head.is_ancestor(token)


def _in_range(span: Span, start_char: int, end_char: int) -> bool:
    return start_char <= span.start and span.end <= end_char


def _quantities(ctx: _Context, clause: frozenset[int]) -> tuple[Quantity, ...]:
    found = []
    for token in (ctx.doc[i] for i in sorted(clause)):
        if token.dep_ == "nummod" and token.head.pos_ == "NOUN":
            value = NUMBER_WORDS.get(token.lower_) or (int(token.text) if token.text.isdigit() else None)
            if value is not None:
                span = ctx.span(token.i, token.head.i + 1) if token.i < token.head.i \
                    else ctx.span(token.i, token.i + 1)
                found.append(Quantity(span, value, token.head.lemma_))
    return tuple(found)


def _place(ctx: _Context, sentence: int, found: FoundEvent) -> tuple[str | None, str | None]:
    """The event's place and where it was found: its clause, else its sentence, else the
    article's first place."""
    own = ctx.with_chains(list(found.located))
    if not ctx.settled(own):  # "arrested workers from X during a raid in Y": Y
        actors = actor_tokens(ctx.doc[found.trigger])
        outside = found.clause - actors
        own = list(dict.fromkeys([*own, *ctx.places_in(sentence, outside)]))
        if not ctx.settled(own):  # "gunmen from X clashed with soldiers": X, if nothing else
            own = list(dict.fromkeys([*own, *ctx.places_in(sentence, found.clause)]))
    if own:
        return ctx.most_specific(own), "clause"
    here = ctx.places_in(sentence, None)
    if here:
        return ctx.most_specific(here), "sentence"
    first = ctx.first_place()
    return (first, "article") if first else (None, None)


def _time(ctx: _Context, sentence: int, found: FoundEvent) -> tuple[TimeExpr | None, str | None]:
    """The event's time and where it was found: its clause; a date adjunct of its sentence
    (fronted, or a day date of a clause governing the trigger's), for a heading the adjunct of
    the clause it labels (:func:`~kg.extract.clauses.labelled_clause`); else the latest time
    of the sentences before it."""
    own = ctx.governing_times(sentence, found.trigger, found.clause)
    if own:
        return own[0], "clause"
    told = labelled_clause(ctx.doc[found.trigger])  # a heading is dated as the clause it labels:
    at = found.trigger if told is None else told.i  # "Looting: On 3 May, rebels seized radios"
    at_sentence = ctx.sentence_of_token.get(at, sentence)
    adjunct = ctx.adjunct_times(at_sentence, at) or ctx.governing_times(at_sentence, at)
    if adjunct:
        return adjunct[0], "sentence"
    before = ctx.time_before(sentence)
    return (before, "context") if before else (None, None)


KindOf = Callable[[str], str | None]


def _actors(gazetteer: Gazetteer, candidates: dict[int, Candidate]) -> Callable[[str], Actor | None]:
    """Actor key -> actor, for gazetteer actors and the unknown-actor candidates."""
    unknown = {c.key: c for c in candidates.values()}
    return lambda key: gazetteer.actors.get(key) or (unknown[key].actor() if key in unknown
                                                     else None)


def _people_of(gazetteer: Gazetteer, actor: Actor | None) -> str | None:
    """The key of the civilians of an actor's state (``None`` for an actor of none)."""
    state = gazetteer.state_over(actor)
    return None if state is None else gazetteer.generic("civilians", state).key


def _named_forces(token_actor: dict[int, str], sentence_of: dict[int, int], kind_of: KindOf
                  ) -> dict[int, list[str]]:
    """The state forces (police, military) each sentence names, known or generic."""
    named: dict[int, list[str]] = {}
    for token, key in sorted(token_actor.items()):
        if kind_of(key) in FORCE_KINDS and token in sentence_of:
            named.setdefault(sentence_of[token], []).append(key)
    return named


def _event(ctx: _Context, index: int, found: FoundEvent, kind_of: KindOf,
           country_of: KindOf) -> Event:
    sentence = ctx.sentence_of_token[found.trigger]
    place, place_from = _place(ctx, sentence, found)
    time, date_from = _time(ctx, sentence, found)
    home = (ctx.gazetteer.places[place].country if place in ctx.gazetteer.places else None) \
        or ctx.main_country
    foreign = home is not None and any(country_of(k) not in (None, home) for k in found.agents)
    event_type = by_kinds(found.event_type, {k for k in map(kind_of, found.agents) if k},
                          {k for k in map(kind_of, found.targets) if k}, foreign,
                          ctx.doc[found.trigger])
    return Event(index=index, event_type=event_type,
                 trigger=ctx.span(found.trigger, found.trigger + 1),
                 sentence=sentence, agents=found.agents,
                 targets=found.targets, mediators=found.mediators,
                 place=place, time=time, date_from=date_from, place_from=place_from,  # type: ignore[arg-type]
                 quantities=_quantities(ctx, found.clause), modality=found.modality,  # type: ignore[arg-type]
                 agents_act=found.agents_act)  # type: ignore[arg-type]


def _claim(ctx: _Context, index: int, found: FoundClaim, events: list[Event]) -> Claim:
    quote = ctx.span(*found.quote_span)
    sentence = ctx.sentence_of_token[found.verb_token]
    asserted = next((e for e in ctx.events_in(sentence)
                     if _in_range(e.trigger, quote.start, quote.end)), None)
    sent_span = ctx.doc[found.verb_token].sent
    times = [t for _, t in ctx._times_by_sentence.get(sentence, ())
             if not _in_range(t.span, quote.start, quote.end)
             and _in_range(t.span, sent_span.start_char, sent_span.end_char)]
    return Claim(index=index, speaker=found.speaker, speaker_text=ctx.span(*found.speaker_span).text,
                 verb=found.verb, quote=quote, sentence=sentence, via=found.via,
                 time=times[0] if times else None,
                 negated=found.negated or (asserted is not None and asserted.modality == "negated"),
                 asserts=asserted.index if asserted else None)


def assemble(article: Article, doc, gazetteer: Gazetteer, matcher: MentionMatcher,  # type: ignore[no-untyped-def]
             notes: tuple[str, ...], fallback: bool = True) -> Extraction:
    """Build the whole :class:`Extraction` of ``article`` from its parsed ``doc``.

    With ``fallback``, named entities and group nouns the gazetteer does not
    know may fill an event's roles (:mod:`kg.extract.fallback`).
    """
    sentences, sentence_of, spans = sentences_of(doc)
    mentions, token_actor, taken = gazetteer_mentions(doc, gazetteer, matcher, sentence_of, fallback,
                                                       article.published)
    resolve_pronouns(doc, gazetteer, token_actor, sentence_of)
    countries = context_countries(mentions, gazetteer.places, gazetteer)
    mentions, token_actor = in_theatres(mentions, token_actor, gazetteer, countries)
    ctx = _Context(article, doc, gazetteer, mentions, token_actor, doc_times(article, doc, sentence_of))
    ctx.sentence_of_token = sentence_of
    ctx.index()
    towns = unplaced_towns(doc, ctx.place_at, gazetteer.places, gazetteer.world) if fallback \
        else set()
    if fallback:  # time expressions ("7 A.M.") are no actors, nor towns the index cannot place
        taken |= {t.i for time in ctx.times for t in doc.char_span(
            time.span.start, time.span.end, alignment_mode="expand") or ()} | towns
    agents = GenericAgents(gazetteer, countries)
    candidates = find_candidates(doc, taken, gazetteer.actors, lambda token: agents.actor(
        token, sentence_of.get(token.i, 0)), lambda i: agents.countries.of(  # type: ignore[attr-defined]
        sentence_of.get(i, 0)), lambda t: t.i in ctx.place_at or agents.names_place(
        t.text, sentence_of.get(t.i, 0))) if fallback else {}
    events: list[Event] = []
    actor_of_key = _actors(gazetteer, candidates)
    kind_of: KindOf = lambda key: getattr(actor_of_key(key), "kind", None)  # noqa: E731
    country_of: KindOf = lambda key: getattr(actor_of_key(key), "country", None)  # noqa: E731
    many = lambda key: getattr(actor_of_key(key), "sector", None) in MANY_SECTORS  # noqa: E731
    owners = Owners(gazetteer, agents)
    owner_at = lambda i: getattr(owners.owner(doc[i], sentence_of.get(i, 0)), "key", None)  # noqa: E731
    for sent in spans:
        for found in find_events(sent, token_actor.get, lambda i: candidates[i].key
                                 if i in candidates else None, ctx.place_at.__contains__,
                                 agents.implied(sentence_of, actor_of_key) if fallback else None,
                                 many, owner_at if fallback else None):
            events.append(_event(ctx, len(events), found, kind_of, country_of))
            ctx.add_event(events[-1])
    implied = lambda key: getattr(actor_of_key(key), "sector", None) == "unidentified"  # noqa: E731
    events = with_perpetrators(events, perpetrator_of(gazetteer, actor_of_key))
    forces_at = {**token_actor, **{i: c.key for i, c in candidates.items()}}
    events = with_claimed_acts(events, responsibility_claims(doc, forces_at.get, sentence_of),
                               implied)  # "... Later X claimed responsibility."
    suspects = offenders(doc, lambda i: candidates[i].key if i in candidates else None,
                         getattr(gazetteer.sectors.get(UNIDENTIFIED), "heads", frozenset()))
    events = with_crowd_victims(events, actor_of_key, lambda key: _people_of(
        gazetteer, actor_of_key(key)), suspects.__contains__)
    events = with_counter_protests(with_counterparts(events), countering(doc))
    events = with_counter_crowds(events, counter_sentences(doc, sentence_of),
                                 lambda key: kind_of(key) == "civilians")
    events = with_victims(with_aims(events, doc, ctx.place_at), implied, presumed_aim(doc),
                          unnamed_perpetrator(doc), struck_forces(gazetteer, actor_of_key))
    events = with_deaths(events, deaths(doc, forces_at.get, sentence_of))
    events = with_affiliated_victims(events, doc, kind_of, owner_at)
    events = with_interveners(events, kind_of, _named_forces(forces_at, sentence_of, kind_of),
                              intervening_forces(doc, forces_at, sentence_of, kind_of),
                              lambda key: _people_of(gazetteer, actor_of_key(key)))
    events = with_battle_outcomes(with_arrest_raids(with_told_roles(
        with_riot_damage(events, kind_of), doc)), lambda event: in_background(doc, event),
        holding_forces(gazetteer, doc) if fallback else lambda event: None)
    events = with_unnamed_layers(events, lambda sentence: gazetteer.generic(
        UNIDENTIFIED, agents.countries.of(sentence)).key) if fallback else events
    events = with_victim_types(events, doc, kind_of)
    unknown, extra = unknown_mentions(doc, sentence_of, candidates, {k for e in events for k in (
        *e.agents, *e.targets, *e.mediators)})
    mentions = sorted([*mentions, *unknown], key=lambda m: m.span.start)
    kind_of = lambda key: gazetteer.actors[key].kind  # noqa: E731
    claims = [_claim(ctx, i, found, events) for i, found in
              enumerate(f for sent in spans for f in find_claims(sent, token_actor.get, kind_of))]
    links = contradictions([proposition(doc, c, events) for c in claims])
    claims = [Claim(**{**c.__dict__, "contradicts": links.get(c.index, ())}) for c in claims]
    used = {m.key for m in mentions if m.kind == "actor"} | {k for e in events for k in
                                                             (*e.agents, *e.targets, *e.mediators)}
    used |= {key for c in claims for key in (c.speaker, c.via) if key}
    actor_of = lambda key: extra.get(key) or gazetteer.actors[key]  # noqa: E731
    used |= {actor_of(k).parent for k in used if actor_of(k).parent}  # type: ignore[misc]
    places: dict[str, list[str]] = {}
    for mention in mentions:
        if mention.kind == "place":
            places.setdefault(mention.key, []).append(mention.span.text)
    return Extraction(
        article=article, sentences=tuple(sentences),
        actors=tuple(actor_of(k) for k in sorted(used)),
        places=tuple(as_written(gazetteer.places[k], places[k], gazetteer.world)
                     for k in sorted(places)),
        mentions=tuple(mentions), times=tuple(ctx.times), events=tuple(events),
        claims=tuple(claims), notes=notes)
