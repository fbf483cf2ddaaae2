"""The ``kg`` command line: one click group, commands loaded on first use.

Each command lives in its own module; :data:`COMMANDS` maps its name to
``module:function``. Loading lazily keeps ``kg --help`` fast and keeps spaCy
out of commands that do not extract.
"""

from __future__ import annotations

import importlib

import click

COMMANDS: dict[str, str] = {
    "ingest": "kg.cli.ingest:ingest",
    "export": "kg.cli.export:export",
    "import": "kg.cli.importing:import_",
    "remove": "kg.cli.remove:remove",
    "query": "kg.cli.query:query",
    "view": "kg.cli.view:view",
    "serve": "kg.cli.serve:serve",
    "validate": "kg.cli.validate:validate",
    "analyze": "kg.cli.analyze:analyze",
    "evaluate": "kg.cli.evaluate:evaluate",
    "synth": "kg.cli.synth:synth",
    "upgrade": "kg.cli.upgrade:upgrade",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when invoked or listed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attr = target.partition(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(cls=LazyGroup)
@click.version_option(package_name="conflict-kg")
def main() -> None:
    """Conflict KG: build and explore a knowledge graph of conflict reporting."""
