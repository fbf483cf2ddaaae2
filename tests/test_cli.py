"""The ``kg`` entry point: commands load lazily and every contract command is there."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from kg.cli import COMMANDS, main
from kg.cli.env import Environment


def test_every_registered_command_imports_and_has_help():
    runner = CliRunner()
    for name in COMMANDS:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output


def test_contract_commands_are_registered():
    assert {"ingest", "export", "import", "remove", "query", "view", "serve", "validate",
            "analyze", "evaluate"} <= set(COMMANDS)


def test_help_does_not_import_spacy():
    code = "import sys; from kg.cli import main; main(['--help'], standalone_mode=False); " \
           "print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")


def test_query_through_the_real_entry_point(seed_store):
    env = Environment(store_uri="memory:", _store=seed_store)
    result = CliRunner().invoke(
        main, ["query", "--format", "csv",
               "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> "
               "ASK { ?a a ckg:Article }"], obj=env)
    assert result.exit_code == 0, result.output
    assert result.output.strip().lower() == "true" or "true" in result.output.lower()


def test_bad_query_is_one_line_and_exit_1(memory_store):
    env = Environment(store_uri="memory:", _store=memory_store)
    result = CliRunner().invoke(main, ["query", "SELEC nothing"], obj=env)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("kg: error: malformed SPARQL")
