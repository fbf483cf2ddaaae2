"""The countries a text is about, as the place resolver weighs them.

A country the text places something in, or whose people, police or government it names, is
firm context: a namesake there outweighs a much larger one abroad. A country named only by the
nationality of an army, or by its own name outside an admin chain, is weak context: armies fight
abroad ("Russian forces shelled Novopil, Donetsk" is about Ukraine's Donetsk, a city twenty times
the size of Russia's) and a country's name often only says what is at stake ("gathered in Bari to
condemn the war in Ukraine"), so it breaks a tie between namesakes of like size and keeps hamlets
abroad out, but outweighs no larger place.

Examples
--------
>>> context = CountryContext({"UKR"}, weak={"RUS", "UKR"})
>>> sorted(context), context.bonus("UKR"), context.bonus("RUS"), context.bonus("POL")
(['RUS', 'UKR'], 4.0, 1.0, 0.0)
>>> context.add("RUS"); context.bonus("RUS")
4.0
"""

from __future__ import annotations

from collections.abc import Iterable

FIRM_BONUS = 4.0
"""What a firm context country adds to a reading's score (a population ten thousand times as
large is needed to outweigh it: :func:`kg.extract.world_places._score` counts log10)."""
WEAK_BONUS = 1.0
"""What a weak one adds: a tie-break between namesakes within a factor of ten in size."""


class CountryContext(set[str]):
    """ISO 3166-1 alpha-3 codes of the countries a text is about; ``weak`` ones are named only
    by the nationality of its armies or as countries. Adding one (a place read there) makes it
    firm."""

    def __init__(self, firm: Iterable[str] = (), weak: Iterable[str] = ()) -> None:
        firm = set(firm)
        super().__init__(firm | set(weak))
        self.weak = set(weak) - firm

    def add(self, country: str) -> None:
        super().add(country)
        self.weak.discard(country)

    def __ior__(self, countries: Iterable[str]) -> CountryContext:  # type: ignore[override]
        for country in countries:
            self.add(country)
        return self

    def copy(self) -> CountryContext:
        return CountryContext(self - self.weak, self.weak)

    def bonus(self, country: str) -> float:
        """What ``country`` adds to the score of a reading there."""
        if country not in self:
            return 0.0
        return WEAK_BONUS if country in self.weak else FIRM_BONUS


def context_bonus(countries: Iterable[str], country: str) -> float:
    """The bonus of a reading in ``country``, whether ``countries`` is a plain set (every
    country firm) or a :class:`CountryContext`.

    >>> context_bonus({"SYR"}, "SYR"), context_bonus(set(), "SYR")
    (4.0, 0.0)
    """
    if isinstance(countries, CountryContext):
        return countries.bonus(country)
    return FIRM_BONUS if country in countries else 0.0


__all__ = ["FIRM_BONUS", "WEAK_BONUS", "CountryContext", "context_bonus"]
