"""Keeping pathological text from costing quadratic time, without moving a character.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free chunk one
at a time, searching the rest of the chunk again after each: a run of one
punctuation mark is quadratic. Measured here (en_core_web_sm, 3,000 characters
of one mark): ``{`` 3.4 s, ``?`` 2.6 s, ``+`` 2.6 s, ``–`` 2.7 s, ``%`` 2.3 s;
10,000 ``&`` took 10 s and the issue measured 20,000 at 65 s. Letters,
digits, dots and mixed punctuation stay linear.

:func:`guard_text` keeps the first 64 characters of any whitespace-free run
longer than that and puts spaces in place of the rest, for the tokenizer only.
The text keeps its length, so every character offset the extractor records
still points into the original article (which is what is stored). A run of
20,000 marks thus costs 64 tokens, not 20,000: no run costs more than an
ordinary word or two, and what is cut is never a sentence of conflict
reporting (a URL over 64 characters at most).

Examples
--------
>>> guard_text("Calm in Idlib.") == "Calm in Idlib."
True
>>> guarded = guard_text("x " + "&" * 10, chunk=4)
>>> guarded, len(guarded)
('x &&&&      ', 12)
"""

from __future__ import annotations

import re

MAX_CHUNK = 64
"""Longest whitespace-free run the tokenizer sees (64 characters cost well under 1 ms)."""


def guard_text(text: str, chunk: int = MAX_CHUNK) -> str:
    """``text`` with each whitespace-free run cut to its first ``chunk`` characters (the rest
    become spaces): same length, same characters everywhere else."""
    long_run = re.compile(r"(\S{%d})(\S+)" % chunk)
    if long_run.search(text) is None:
        return text
    return long_run.sub(lambda match: match.group(1) + " " * len(match.group(2)), text)


__all__ = ["MAX_CHUNK", "guard_text"]
