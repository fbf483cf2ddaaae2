"""Conflict KG: turn conflict reporting into a knowledge graph.

The package is the library core; it never imports Flask. The data flows one way:
``documents -> extract -> rdf -> store -> analysis -> views``.
"""

__version__ = "0.1.0"
