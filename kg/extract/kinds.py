"""The kind of an actor no gazetteer knows, guessed from its words.

A named entity's spaCy label says much (a PERSON is a person, a GPE a state); an
organisation's name says its kind by a telling word, the last first ("Revolutionary United
Front": a front is an armed group; "the Kifaya party"), and a group of people by its head
noun ("angry paper workers": civilians; "police forces": police).

Examples
--------
>>> guess_kind("ORG", "Revolutionary United Front")
'armed_group'
>>> guess_kind("", "prisoners"), guess_kind("", "police forces")
('civilians', 'police')
"""

from __future__ import annotations

GROUP_NOUNS: dict[str, str] = {
    **dict.fromkeys(("protester", "demonstrator", "prisoner", "inmate", "detainee", "farmer",
                     "student", "worker", "teacher", "doctor", "activist", "villager", "resident",
                     "refugee", "civilian", "youth", "settler", "crowd", "hostage", "immigrant",
                     "supporter", "elder", "inhabitant", "citizen", "voter", "striker", "miner",
                     "trader", "peasant", "journalist", "nurse", "employee", "pilgrim",
                     "worshipper", "lawyer", "hacker"), "civilians"),
    **dict.fromkeys(("soldier", "troop", "paratrooper", "commando", "peacekeeper", "marine",
                     "officer", "force"), "military"),
    **dict.fromkeys(("party",), "party"),
    **dict.fromkeys(("police", "policeman", "policemen", "guard"), "police"),
    **dict.fromkeys(("rebel", "guerrilla", "guerilla", "insurgent", "gunman", "gunmen", "bomber",
                     "fighter", "militiaman", "militiamen", "separatist", "fundamentalist",
                     "kidnapper", "hijacker", "hostage-taker"), "armed_group"),
    **dict.fromkeys(("official", "minister", "diplomat", "negotiator", "lawmaker", "legislator",
                     "senator", "deputy", "leader", "authority"), "government"),
}
"""Head nouns (lemmas) of groups that act in events, with the kind they suggest."""
ORG_WORDS: dict[str, str] = {
    **dict.fromkeys(("front", "army", "brigade", "brigades", "militia", "rebels", "liberation",
                     "tigers", "movement", "jihad", "forces"), "armed_group"),
    **dict.fromkeys(("party", "coalition", "union", "league"), "party"),
    **dict.fromkeys(("government", "ministry", "council", "court", "parliament", "assembly",
                     "congress", "administration", "commission", "committee", "senate",
                     "office"), "government"),
    **dict.fromkeys(("police",), "police"),
    **dict.fromkeys(("agency", "news", "radio", "tv", "television", "newspaper", "times"), "media"),
    **dict.fromkeys(("nations", "organization", "organisation", "community", "forum", "bank",
                     "fund", "nato", "alliance"), "igo"),
}
"""Words of an organisation's name that suggest its kind, checked last word first."""


def guess_kind(entity_label: str, text: str) -> str:
    """The actor kind of an entity (spaCy label and text) or of a group noun phrase."""
    words = text.lower().replace("'s", "").split()
    if entity_label == "PERSON":
        return "person"
    if entity_label == "GPE":
        return "state"
    if entity_label == "NORP" and len(words) == 1:
        return "civilians"
    if "police" in words and entity_label == "":  # "police forces", "riot police units"
        return "police"
    for word in reversed(words):
        if word in ORG_WORDS and entity_label != "":
            return ORG_WORDS[word]
        lemma = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") \
            and word[:-1] in GROUP_NOUNS else word  # "parties", "soldiers"
        if lemma in GROUP_NOUNS:
            return GROUP_NOUNS[lemma]
    return "other"


__all__ = ["GROUP_NOUNS", "ORG_WORDS", "guess_kind"]
