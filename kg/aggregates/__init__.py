"""Aggregates kept current at ingest and removal, and read by the pages and analyses.

- :mod:`kg.aggregates.tallies`  what one article adds (dyads, actors, places, dates)
- :mod:`kg.aggregates.write`    the tallies in the store: one update with the article; rebuild
- :mod:`kg.aggregates.read`     top actors, dyads, ego networks, histograms (cached by generation)
- :mod:`kg.aggregates.raw`      recounts around raw writes (kg import, SPARQL Update, Graph Store)
- :mod:`kg.aggregates.answers`  analyses' answers kept by tally version (``kg analyze``)

The tallies live in the named graph :func:`kg.ids.aggregates_graph`; the relation
families they are grouped into are those of :mod:`kg.analysis.families`.
"""
