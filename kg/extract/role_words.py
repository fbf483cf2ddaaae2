"""Word classes the role parser reads: prepositions that name a target, verbs whose subject
is the agent of their event noun, nouns of relations and petitions.

Each is a closed class of English, chosen by what the words say about who does what to whom,
not by any one text: "carried out an airstrike against X" (a light verb and a target
preposition), "accepted X's request" (an answer verb: its subject did not make the request).

Examples
--------
>>> "launch" in LIGHT_VERBS, "against" in LIGHT_TARGET_PREPS, "at" in LIGHT_TARGET_PREPS
(True, True, False)
>>> "mediate" in BETWEEN_IS_TARGET
True
"""

from __future__ import annotations

TARGET_PREPS = {"against", "on", "over", "with", "at", "to", "towards", "toward", "into"}
RELATIONAL_NOUNS = {"ally", "partner", "supporter", "backer", "enemy", "foe", "rival", "patron",
                    "proxy", "opponent", "adversary"}
"""Nouns naming a relation to the actor of their "of" phrase: "an ally of Assad's government"."""
COPULAS = {"be", "remain", "become", "stay"}
LIGHT_VERBS = {"announce", "begin", "undertake", "organize", "organise", "lead", "launch", "make", "declare", "agree", "hold", "conduct",
               "carry", "start", "continue", "resume", "mount", "stage", "observe", "accept",
               "reach", "sign", "call", "break", "violate", "win", "suffer", "end", "renew", "open",
               "impose", "issue", "express", "lodge", "deliver", "stage", "hold", "give", "make",
               "speed", "accelerate", "complete", "intensify", "escalate", "step", "go", "remain",
               "stay", "set", "lay", "join", "attend", "send", "dispatch"}
"""Verbs whose subject is the agent of their event noun: "began a strike", "speeded up the
withdrawal", "stepped up attacks", "went on strike", "remained on alert", "joined the
nationwide protest", "attended the rally", "sent reinforcements"."""
LIGHT_TARGET_PREPS = frozenset({"against", "on", "towards", "toward"})
"""Prepositions of a light verb that name its event noun's target: "carried out an airstrike
against X", "held a protest against X", "opened fire towards X"; "at" there is mostly where
("held a protest at X"), "to" where to ("organised a march to the ministry")."""
THROWING_VERBS = frozenset({"throw", "hurl", "lob", "toss", "pelt", "drop", "launch", "fire"})
"""Verbs of sending a weapon: their subject wields the weapon noun they take ("hurled petrol
bombs"), their aimed phrase names its target ("... at a police station")."""
TAKING_VERBS = frozenset({"loot", "seize", "steal", "rustle", "extort", "confiscate", "snatch",
                          "grab", "plunder", "pillage", "take", "rob", "capture", "recapture",
                          "regain", "retake", "wrest", "reclaim", "liberate"})
"""Verbs of taking: their "from" phrase names whom they deprive ("looted cattle from herders",
"recaptured the village from X", "regained control of the district from X")."""
AIMED_PREPS = frozenset({"at", "on", "against", "towards", "toward", "into"})
"""Prepositions of where a thrown or fired weapon is aimed."""
SUFFERING_VERBS = frozenset({"die", "perish", "succumb", "kill", "wound", "injure", "hurt",
                             "maim"})
"""Verbs whose subject suffers an act named in their cause phrase: "a civilian died in an
explosion", "two soldiers were wounded in an ambush" (where the verb tells no event of its
own)."""
CAUSE_PREPS = frozenset({"in", "during", "from"})
"""Prepositions of the act that caused a harm: "died in an explosion", "injured during the raid"."""
DIRECTION_NOUNS = frozenset({"direction"})
"""Nouns of the way an act points: "fired in the direction of X" aims at X."""
OWNER_PREPS = {"of", "by", "from"}
"""Prepositions naming whose thing a verb's object is: "demanded the withdrawal of Serbian forces"."""
COMPLEMENT_TARGET_VERBS = {"demand", "insist", "urge", "press", "pressure", "ask", "order",
                           "threaten", "vow", "warn", "offer", "promise", "pledge", "agree",
                           "refuse", "decline", "accuse", "charge", "blame"}
"""Verbs whose target may sit in their complement clause when they have none of their own."""

PETITION_NOUNS = {"request", "demand", "appeal", "call", "plea", "offer", "proposal", "ultimatum"}
ANSWER_VERBS = {"accept", "reject", "refuse", "receive", "heed", "answer", "dismiss", "decline",
                "ignore", "meet", "grant"}
"""Verbs whose subject answers a petition noun rather than makes it: "accept any request"."""
WITH_IS_TARGET = {"restore", "establish", "resume", "renew", "normalize", "normalise", "strengthen",
                  "improve", "upgrade", "sever", "cut", "break", "downgrade", "freeze", "meet",
                  "meeting", "sign", "cooperate", "tie", "relation", "dispute", "war",
                  "clash", "fight", "fighting", "battle", "talk", "negotiate", "negotiation",
                  "communication", "coordinate", "coordination", "cooperation", "cooperate",
                  "mediate", "agree", "agreement", "ceasefire", "truce", "share", "exchange",
                  "engage", "skirmish", "confront", "confrontation", "encounter", "shoot-out",
                  "shootout", "firefight", "gunfight", "gunbattle", "standoff"}
"""Triggers where "with X" names the other side; elsewhere "with" means alongside."""


ENCOUNTER_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "engage"})
"""Verbs of meeting an enemy: their participle on an act names whom the act met ("launched an
offensive near X, clashing with Y's forces")."""

CLAIM_VERBS = frozenset({"claim", "take", "accept", "assume", "admit", "bear"})
"""Verbs whose subject owns an act it takes responsibility for: "claimed responsibility for"."""
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})
"""Nouns of owning an act, whose "for" phrase names the act."""
BETWEEN_IS_TARGET = {"mediate", "arbitrate", "broker"}
"""Verbs whose "between A and B" names the parties: "Egypt mediated between Hamas and Fatah"."""

WEAPON_USE_VERBS = {"plant", "fire", "launch", "lay", "drop", "throw", "hurl", "lob", "detonate",
                    "place", "shoot", "set", "fly", "use", "deploy", "bury", "leave"}
"""Verbs of emplacing or discharging a weapon: the "by" phrase of their participle names who
used the thing ("a mine planted by X", "shells fired by X", "a landmine left by X"); not
"activists led by X". A weapon "left over from X" is X's too."""

LAID_MUNITIONS = frozenset({"mine", "landmine", "ied", "bomb", "explosive", "device"})
"""Munitions laid in wait, which a victim runs into: "a bus struck a landmine"."""
RUN_INTO_VERBS = frozenset({"hit", "strike", "step", "run", "drive", "ride", "explode", "roll"})
"""Verbs by which someone runs into a laid munition ("a tractor hit a mine", "stepped on an
IED", "a car drove over a landmine", "a truck exploded on a mine"): their subject is hit, not
the one who struck."""
RUN_INTO_PREPS = frozenset({"on", "onto", "over", "into"})
IMPACT_VERBS = frozenset({"hit", "strike", "target", "damage", "destroy"})
"""Verbs by which an act named as their subject reaches what it hit: "an airstrike hit X",
"a car bomb targeted X", "shelling damaged X's positions"."""

SUBJECT_CONTROLLED = frozenset({"after", "before", "while", "upon", "by", "without", "through"})
"""Prepositions whose gerund's understood subject is the subject of the verb they modify: "X
arrested a journalist after raiding her home" (not "for", "of": "arrested X for killing")."""


__all__ = ["AIMED_PREPS", "LAID_MUNITIONS", "RUN_INTO_VERBS", "RUN_INTO_PREPS", "CAUSE_PREPS", "SUFFERING_VERBS", "DIRECTION_NOUNS", "ENCOUNTER_VERBS",
           "THROWING_VERBS", "TARGET_PREPS", "RELATIONAL_NOUNS", "COPULAS", "LIGHT_VERBS",
           "LIGHT_TARGET_PREPS", "OWNER_PREPS", "COMPLEMENT_TARGET_VERBS", "PETITION_NOUNS",
           "ANSWER_VERBS", "WITH_IS_TARGET", "BETWEEN_IS_TARGET", "CLAIM_VERBS",
           "RESPONSIBILITY_NOUNS", "SUBJECT_CONTROLLED", "WEAPON_USE_VERBS", "IMPACT_VERBS",
           "TAKING_VERBS"]
