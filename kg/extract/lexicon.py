"""The event lexicon: trigger lemmas and the event type each one signals.

Entries follow the CAMEO verb categories (01 make statement ... 20 mass
violence) as the event-type scheme maps them (``ontology/event-types.ttl``):
each lemma goes to the type whose CAMEO codes cover the category's defining
verbs. :mod:`kg.extract.events` reads these tables.

Examples
--------
>>> VERB_TRIGGERS["shell"], NOUN_TRIGGERS["truce"]
('Shelling', 'Ceasefire')
>>> OBJECT_TRIGGERS["halt"][1], "aid" in OBJECT_TRIGGERS["halt"][0]
('Sanction', True)
"""

from __future__ import annotations

VERB_TRIGGERS: dict[str, str] = {
    "fight": "ArmedClash", "clash": "ArmedClash", "battle": "ArmedClash", "attack": "ArmedClash",
    "assault": "ArmedClash", "storm": "ArmedClash", "ambush": "ArmedClash",
    "shell": "Shelling", "bombard": "Shelling", "bomb": "AirStrike", "airstrike": "AirStrike",
    "kidnap": "Kidnap", "abduct": "Kidnap", "overrun": "SeizeTerritory",
    "capture": "SeizeTerritory", "seize": "SeizeTerritory", "arrest": "Arrest",
    "detain": "Arrest", "threaten": "Threaten", "accuse": "Accuse", "blame": "Accuse",
    "condemn": "Condemn", "denounce": "Condemn", "sanction": "Sanction", "expel": "Sanction",
    "reject": "Reject", "deploy": "Mobilize", "mobilize": "Mobilize", "negotiate": "Negotiate",
    "mediate": "Mediate", "release": "Release", "free": "Release", "agree": "Agreement",
    "support": "Support", "back": "Support", "praise": "Praise", "congratulate": "Praise",
    "thank": "Praise", "hail": "Praise", "withdraw": "Withdraw", "evacuate": "Withdraw",
    "retreat": "Withdraw", "demand": "Demand", "urge": "Demand", "protest": "Protest",
    "classify": "DesignateTerrorist", "designate": "DesignateTerrorist", "coordinate": "Support",
    # diplomacy and coercion, as event coders (CAMEO/PLOVER) read them
    "appeal": "Demand", "request": "Demand", "ask": "Demand", "press": "Demand",
    "criticize": "Accuse", "criticise": "Accuse", "charge": "Accuse", "investigate": "Accuse",
    "deplore": "Condemn", "refuse": "Reject", "veto": "Reject", "rebuff": "Reject",
    "oppose": "Reject", "warn": "Threaten", "vow": "Threaten", "demonstrate": "Protest",
    "rally": "Protest", "march": "Protest", "riot": "Protest", "boycott": "Protest",
    "sever": "Sanction", "suspend": "Sanction", "embargo": "Sanction", "confiscate": "Arrest",
    "raid": "Arrest", "ban": "Arrest", "deport": "Sanction", "kill": "ArmedClash",
    "shoot": "ArmedClash", "invade": "SeizeTerritory", "occupy": "SeizeTerritory",
    "meet": "Negotiate", "visit": "Negotiate", "host": "Negotiate", "discuss": "Negotiate",
    "consult": "Negotiate", "confer": "Negotiate", "pledge": "Agreement", "promise": "Agreement",
    "sign": "Agreement", "offer": "Agreement", "welcome": "Praise", "endorse": "Praise",
    "applaud": "Praise", "commend": "Praise", "cooperate": "Support", "pull": "Withdraw",
    # further CAMEO verb categories (02 appeal ... 19 fight), by their defining verbs
    "complain": "Accuse", "sue": "Accuse", "indict": "Accuse", "allege": "Accuse",
    "probe": "Accuse", "convict": "Accuse", "insist": "Demand", "pressure": "Demand",
    "plead": "Demand", "petition": "Demand", "implore": "Demand", "order": "Demand",
    "decline": "Reject", "dismiss": "Reject", "renege": "Reject", "defy": "Reject",
    "spurn": "Reject", "snub": "Reject", "violate": "Reject", "block": "Protest",
    "picket": "Protest", "jail": "Arrest", "imprison": "Arrest", "outlaw": "Arrest",
    "torture": "AttackOnCivilians", "abuse": "AttackOnCivilians", "beat": "AttackOnCivilians",
    "assassinate": "AttackOnCivilians", "massacre": "AttackOnCivilians",
    "execute": "AttackOnCivilians", "behead": "AttackOnCivilians", "wound": "ArmedClash",
    "injure": "ArmedClash", "pound": "Shelling", "retake": "SeizeTerritory",
    "recapture": "SeizeTerritory", "surrender": "Withdraw", "demobilize": "Withdraw",
    "demobilise": "Withdraw", "reinforce": "Mobilize", "defend": "Support",
    "apologize": "Support", "apologise": "Support", "forgive": "Support", "recognize": "Support",
    "recognise": "Support", "telephone": "Negotiate", "phone": "Negotiate",
}
OBJECT_TRIGGERS: dict[str, tuple[frozenset[str], str]] = {
    **dict.fromkeys(("provide", "send", "supply", "deliver", "give", "contribute", "ship"), (
        frozenset({"arms", "weapon", "troop", "ammunition", "equipment", "missile", "tank",
                   "intelligence", "aircraft", "helicopter", "peacekeeper", "soldier"}),
        "MilitaryAid")),
    **dict.fromkeys(("halt", "stop", "withhold", "cut", "freeze", "suspend", "cancel",
                     "reduce", "prohibit", "end"), (
        frozenset({"aid", "assistance", "supply", "visit", "talk", "link", "relation",
                   "trade", "loan", "mediation", "contact", "cooperation"}), "Sanction")),
    **dict.fromkeys(("return", "hand"), (
        frozenset({"weapon", "arms", "prisoner", "hostage", "body", "territory", "land",
                   "property", "helicopter", "equipment", "suspect"}), "Release")),
    **dict.fromkeys(("strengthen", "boost", "increase", "mass"), (
        frozenset({"force", "troop", "presence", "deployment", "patrol", "security"}),
        "Mobilize")),
    **dict.fromkeys(("accept", "reach"), (
        frozenset({"formula", "plan", "proposal", "offer", "consensus", "compromise",
                   "settlement", "deal", "term", "condition"}), "Agreement")),
    "extend": (frozenset({"curfew"}), "Threaten"),
    "share": (frozenset({"intelligence", "information", "evidence", "expertise", "data",
                         "technology", "know-how"}), "Support"),  # CAMEO 064 share intelligence
    "fire": (frozenset({"shell", "rocket", "missile", "mortar", "artillery", "grenade", "bomb"}),
             "Shelling"),
    "receive": (frozenset({"delegation", "mission", "envoy", "minister", "visitor", "ambassador",
                           "president", "leader", "delegate", "secretary"}), "Negotiate"),
}
"""Verbs that trigger an event only with one of these objects (lemmas): "halted economic aid"."""
NOUN_TRIGGERS: dict[str, str] = {
    "ceasefire": "Ceasefire", "cease-fire": "Ceasefire", "truce": "Ceasefire",
    "fighting": "ArmedClash", "offensive": "ArmedClash", "assault": "ArmedClash",
    "attack": "ArmedClash", "clash": "ArmedClash", "battle": "ArmedClash",
    "airstrike": "AirStrike", "shelling": "Shelling", "bombing": "Bombing",
    "talk": "Negotiate", "negotiation": "Negotiate", "gain": "SeizeTerritory",
    "ally": "Support", "aid": "MilitaryAid", "kidnapping": "Kidnap", "withdrawal": "Withdraw",
    "coordination": "Support", "cooperation": "Support", "communication": "Negotiate",
    "protest": "Protest", "demonstration": "Protest", "sanction": "Sanction",
    "embargo": "Sanction", "criticism": "Accuse", "accusation": "Accuse", "threat": "Threaten",
    "demand": "Demand", "appeal": "Demand", "meeting": "Negotiate", "visit": "Negotiate",
    "agreement": "Agreement", "accord": "Agreement", "deal": "Agreement", "treaty": "Agreement",
    "arrest": "Arrest",
    "mediation": "Mediate", "consensus": "Agreement", "ultimatum": "Threaten",
    "riot": "Protest", "rioting": "Protest", "rally": "Protest", "march": "Protest",
    "sit-in": "Protest", "boycott": "Protest", "suspension": "Sanction", "invasion": "ArmedClash",
    "torture": "AttackOnCivilians", "assassination": "AttackOnCivilians",
    "massacre": "AttackOnCivilians", "raid": "ArmedClash", "crackdown": "Arrest",
    "deployment": "Mobilize", "reinforcement": "Mobilize", "alert": "Mobilize",
    "patrol": "Mobilize", "investigation": "Accuse", "allegation": "Accuse",
    "complaint": "Accuse", "condemnation": "Condemn", "rejection": "Reject",
    "refusal": "Reject", "release": "Release", "surrender": "Withdraw", "retreat": "Withdraw",
    "pullout": "Withdraw", "support": "Support", "backing": "Support", "praise": "Praise",
    "request": "Demand", "call": "Demand", "plea": "Demand",
}
STRIKE_KINDS = {"hunger": "Protest", "general": "Protest", "labour": "Protest", "labor": "Protest",
                "air": "AirStrike", "drone": "AirStrike", "missile": "AirStrike"}
"""A noun "strike" is a protest or an air strike by its modifier; alone it stays ambiguous."""
FIRE_KINDS = {"artillery": "Shelling", "mortar": "Shelling", "rocket": "Shelling",
              "tank": "Shelling", "shell": "Shelling", "cannon": "Shelling", "gun": "ArmedClash",
              "machine-gun": "ArmedClash", "machinegun": "ArmedClash", "sniper": "ArmedClash"}
"""A noun "fire" is shelling or shooting by its weapon ("artillery, mortar and rocket fire");
alone ("set fire to", "a fire broke out") it triggers nothing."""
