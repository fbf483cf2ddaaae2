"""``python -m kg.cli``: the same entry point as the ``kg`` script."""

from kg.cli import main

main()
