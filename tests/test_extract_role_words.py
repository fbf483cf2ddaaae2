"""The words of roles (kg.extract.role_words), on made-up sentences: what a verb's
prepositional phrase says of who was hit."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


@pytest.mark.parametrize("text, kind", [
    ("On 3 May 2022, gunmen hurled a grenade into a police post in Mandera, Kenya.", "police"),
    ("On 3 May 2022, gunmen threw a grenade into a bar in Mandera, Kenya.", "civilians"),
    ("On 3 May 2022, soldiers fired into a crowd in Mandera, Kenya.", "civilians"),
])
def test_what_a_weapon_is_sent_into_is_hit(extractor, text, kind):
    extraction = extractor.extract(article_from_text(text, origin="roles"))
    assert [extraction.actor(k).kind for k in extraction.events[0].targets] == [kind]
