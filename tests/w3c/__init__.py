"""A runner for the W3C SPARQL 1.1 test suites (``../shared/eval/w3c-sparql11/``).

:mod:`.manifests` reads the suites' manifests, :mod:`.compare` compares
answers (blank nodes up to renaming), :mod:`.evaluation` runs the query and
update evaluation tests (through the served endpoint and against raw
pyoxigraph), :mod:`.http_tests` replays the Protocol, Graph Store and service
description tests' HTTP exchanges, and :mod:`.outcomes` tabulates the results
against the checked-in expected outcomes (``expected-outcomes.txt``).
"""
