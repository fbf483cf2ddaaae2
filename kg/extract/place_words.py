"""The words around place names: the nouns that make a name a place ("Sinjar district") or a
feature's ("the Po river"), the prepositions that locate, the capitalised words that name no
place, and the particles inside names. :mod:`kg.extract.world_names` finds candidates by them.
"""

from __future__ import annotations

import calendar

PLACE_NOUNS = {"district", "districts", "province", "governorate", "region", "state", "county",
               "sub-county", "subcounty", "city", "town", "village", "area", "municipality",
               "oblast", "raion", "rayon", "department", "commune", "township", "prefecture",
               "division", "neighbourhood", "neighborhood", "camp", "zone", "locality", "sector",
               "territory", "chiefdom", "ward", "lga", "tehsil", "upazila", "barangay", "hromada",
               "parish", "suburb", "quarter", "mountains", "valley", "border", "road", "market",
               "subdivision", "groupement", "woreda", "kebele", "regency", "subdistrict",
               "corregimiento", "vereda", "cercle", "canton", "taluk", "mandal", "hamlet",
               "settlement", "community", "colony"}
"""Nouns after a name that make it a place: "Sinjar district", "Taluqan city"."""
GROUP_NOUNS = {"militants", "fighters", "forces", "members", "rebels", "soldiers", "troops",
               "supporters", "militia", "militias", "militiamen", "insurgents", "elements",
               "cadres", "activists", "operatives", "commanders", "leaders", "combatants"}
"""Nouns of people a name qualifies as their group, not their place: "Al Shabaab militants"."""
PARTS_OF_TOWN = {"central", "downtown", "northern", "southern", "eastern", "western", "rural",
                 "urban", "greater", "inner", "outer", "north", "south", "east", "west",
                 "northeastern", "northwestern", "southeastern", "southwestern", "suburban"}
"""Lower-case words between a preposition and a name that locate within it: "in central X"."""
LEADING_WORDS = {"in", "on", "at", "near", "from", "to", "by", "of", "for", "with", "during",
                 "after", "before", "the", "a", "an", "around", "outside", "inside", "across"}
"""Function words that start a sentence, capitalised, before a name: "In Oromia, ..."."""
FEATURE_NOUNS = {"river", "lake", "sea", "mount", "mountain", "mountains", "hill", "hills", "island",
                 "islands", "bay", "gulf", "strait", "desert", "forest", "canal", "dam", "airport",
                 "stadium", "square", "street", "avenue", "university", "hospital", "school",
                 "church", "mosque", "prison", "palace", "embassy", "consulate", "hotel", "jail",
                 "courthouse", "college", "factory", "cathedral", "temple", "monastery", "refinery",
                 "jabal", "jebel", "jbel", "wadi"}
"""Nouns after a name that make it the name of a feature or building, not of a town; before one,
a feature's name ("Lake" of "Lake Chad", "Jabal" of "Jabal al Zawiya": Arabic "mountain"), no
town's of itself."""
WHERE_NOUNS = {"streets", "street", "outskirts", "centre", "center", "suburbs", "heart", "part",
               "parts", "north", "south", "east", "west", "edge", "entrance", "office", "offices",
               "residents", "people", "inhabitants", "port", "hospitals", "prisons", "vicinity",
               "environs", "surroundings", "coast", "shore", "countryside", "periphery"}
"""Nouns that "of" joins to a place: "the outskirts of X", "the vicinity of X", "off the coast
of X", "residents of X"."""
IN_PLACE = {"in", "near", "at", "outside", "around", "inside", "into", "towards", "toward"}
"""Prepositions that place an event, unlike "of" or "from": "gathered in Como"."""
LOCATIVE = {"in", "near", "at", "outside", "around", "across", "into", "towards", "toward",
            "from", "to", "between", "within", "inside", "along", "through", "throughout", "of",
            "and", "nearby", "off", "past", "via"}
"""Prepositions whose object may be a place: "clashed in Khamyab"."""
NOT_PLACES = {name.lower() for name in (*calendar.month_name, *calendar.day_name) if name} | {
    "god", "allah", "christmas", "easter", "ramadan", "eid", "internet", "parliament", "army",
    "police", "government", "president", "minister", "general", "governor", "union", "national",
    "republic", "people", "state", "city", "district", "province", "county", "village", "town"}
"""Capitalised words that name no place even where a town bears them."""
COMPASS = {"north", "south", "east", "west", "middle", "central", "northern", "southern",
           "eastern", "western", "far", "near", "upper", "lower", "africa", "asia", "europe",
           "america", "americas", "oceania", "antarctica", "arctic", "pacific", "atlantic"}
"""Words of macro-regions ("Middle East", "West Africa"): a place only inside an admin chain,
where they name a subdivision ("(Oyam, Northern)")."""
SPACY_PLACES = {"GPE", "LOC", "FAC"}
STATE_NOUNS = {"republic", "kingdom", "emirate", "emirates", "federation", "state", "states",
               "union", "commonwealth", "sultanate", "principality"}

NAMED_NON_PLACES = {"PERSON", "ORG", "NORP"}
"""spaCy's people, organisations and nationalities: a place only where a place noun or an
admin chain says so ("Kongo Trading Center, Minakulu sub-county")."""

PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le",
             "los", "las", "y", "e", "van", "von", "der", "den", "al", "el", "ad", "as", "ash",
             "imeni", "upon", "am", "sur"}
"""Lower-case words inside a place name between capitalised ones: "Duque de Caxias",
"Campos dos Goytacazes", "Boca del Rio", "Ras al Ayn", "Newcastle upon Tyne", "Frankfurt am
Main", "Boulogne sur Mer"; a run the index does not know whole is cut at them. Not "in" nor "on"
("Neustadt in Holstein"): a name before one ("embassy in London") is mostly no part of it."""


__all__ = ["COMPASS", "FEATURE_NOUNS", "GROUP_NOUNS", "IN_PLACE", "LEADING_WORDS", "LOCATIVE",
           "NAMED_NON_PLACES", "NOT_PLACES", "PARTICLES", "PARTS_OF_TOWN", "PLACE_NOUNS",
           "SPACY_PLACES", "STATE_NOUNS", "WHERE_NOUNS"]
