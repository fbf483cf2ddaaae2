"""Plausible names for invented actors, composed from curated parts.

No name is copied from a real person or group: a person is a given name, a
father's name and a family name drawn independently; a group is either an
epithet, an emblem and a unit ("Free Hawks Brigade") or a martyr's name and a
unit ("Martyr Khalil Saqr Battalion"), as armed groups in the region name
themselves. The parts are common words and common names, so spaCy reads the
results as PERSON and ORG entities and the extractor's fallback keys them by
their slug.

Examples
--------
>>> import random
>>> names = NameMaker(random.Random(1))
>>> person = names.person()
>>> len(person.split()) == 3 and person == person.title()
True
>>> names.group().split()[-1] in UNITS
True
>>> names.person() != person
True
"""

from __future__ import annotations

import random

GIVEN = ("Adnan", "Ahmad", "Ali", "Amjad", "Anwar", "Ayman", "Bilal", "Dawud", "Fadi", "Faris",
         "Farouk", "Ghassan", "Hadi", "Hamza", "Hatem", "Hisham", "Ibrahim", "Imad", "Issa",
         "Jamal", "Jihad", "Kamal", "Karim", "Khaled", "Khalil", "Luay", "Mahmoud", "Majid",
         "Marwan", "Mazen", "Munir", "Murad", "Nabil", "Nadim", "Nasser", "Nizar", "Omar",
         "Osama", "Qasim", "Radwan", "Raed", "Rami", "Riad", "Saeed", "Salim", "Samir", "Sami",
         "Tamer", "Tariq", "Wael", "Walid", "Yahya", "Yasser", "Yusuf", "Zaid", "Ziad", "Amira",
         "Dalia", "Hala", "Huda", "Leila", "Mona", "Nadia", "Rania", "Salma", "Zeina")
FAMILY = ("Abboud", "Akl", "Awad", "Azar", "Bakri", "Barakat", "Darwish", "Dib", "Fakhoury",
          "Farhat", "Ghanem", "Habib", "Haddad", "Halabi", "Hamdan", "Harb", "Hijazi", "Issa",
          "Jaber", "Jaafar", "Kanaan", "Karam", "Khatib", "Khoury", "Mansour", "Masri", "Moussa",
          "Nassar", "Obeid", "Qassem", "Rahal", "Rizk", "Saab", "Sabbagh", "Saleh", "Saqr",
          "Sarkis", "Shami", "Sharif", "Tamimi", "Tawil", "Yassin", "Zein", "Zoubi", "Othman",
          "Qadri", "Rifai", "Shaker", "Suleiman", "Taha", "Wehbe", "Younes", "Zaher", "Nouri",
          "Mahfouz", "Kurdi", "Barzani", "Hawrami", "Sindi", "Dosky", "Muthanna", "Jubouri",
          "Dulaimi", "Shammari", "Anizi", "Hakimi", "Ahmar", "Hashidi", "Awlaki", "Maliki")
EPITHETS = ("Free", "Northern", "Southern", "Eastern", "Western", "Revolutionary", "Popular",
            "United", "Victorious", "Righteous", "Steadfast", "Loyal", "Valiant", "Faithful",
            "Independent", "Patriotic", "Coastal", "Mountain", "Desert", "Border", "Rural",
            "Central", "Young", "Tribal", "Civic", "National", "Sovereign", "Proud", "Silent",
            "Iron", "Golden", "Green", "Black", "White", "Red", "Crimson", "Dawn", "Morning")
EMBLEMS = ("Hawks", "Lions", "Falcons", "Eagles", "Wolves", "Tigers", "Shields", "Swords",
           "Arrows", "Lances", "Stars", "Sons", "Guardians", "Knights", "Riders", "Defenders",
           "Partisans", "Volunteers", "Horsemen", "Sentinels", "Rangers", "Cedars", "Olives",
           "Palms", "Rivers", "Mountains", "Valleys", "Storms", "Thunderbolts", "Flames",
           "Torches", "Banners", "Oaths", "Pledges", "Heralds", "Vanguards", "Pioneers",
           "Monarchs", "Leopards", "Panthers")
UNITS = ("Brigade", "Brigades", "Front", "Movement", "Militia", "Battalion", "Regiment",
         "Legion")


class NameMaker:
    """Draws names that are new for this maker: never the same name twice.

    The space holds about 300,000 person names and 70,000 group names.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, compose) -> str:  # type: ignore[no-untyped-def]
        for _ in range(1000):
            name = compose()
            if name not in self.used:
                self.used.add(name)
                return name
        raise ValueError("the name space is exhausted")

    def person(self) -> str:
        """A person's full name: given, father's and family name."""
        pick = self.rng.choice
        return self._fresh(lambda: f"{pick(GIVEN)} {pick(GIVEN[:56])} {pick(FAMILY)}")

    def group(self) -> str:
        """An armed group's name, ending in its unit word."""
        pick = self.rng.choice

        def compose() -> str:
            if self.rng.random() < 0.5:
                return f"{pick(EPITHETS)} {pick(EMBLEMS)} {pick(UNITS)}"
            return f"Martyr {pick(GIVEN[:56])} {pick(FAMILY)} {pick(UNITS)}"
        return self._fresh(compose)


__all__ = ["NameMaker", "UNITS"]
