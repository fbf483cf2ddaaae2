"""Issue 13, item 9 (the SPARQL parts): long inline queries, update errors, the Host header."""

from __future__ import annotations

import json
import subprocess

import pytest
import requests

from tests.security.conftest import WRITE_TOKEN, kg_command, project_env

TOKEN = WRITE_TOKEN
EVIL_HOST = "evil.example"


def test_kg_query_takes_a_long_inline_query_as_text(tmp_path):
    query = "SELECT ?s WHERE { ?s ?p ?o } " + "# padding " * 40  # over 255 characters
    assert len(query) > 255
    done = subprocess.run(kg_command("query", query, "--store", "memory:"), env=project_env(),
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-500:]
    assert json.loads(done.stdout)["head"]["vars"] == ["s"]


def update(client, text: str):  # type: ignore[no-untyped-def]
    return client.post("/sparql", data=text, content_type="application/sparql-update",
                       headers={"Authorization": f"Bearer {TOKEN}"})


@pytest.mark.parametrize("text, message", [
    ("CREATE GRAPH <urn:held>", "The graph <urn:held> already exists"),
    ("DROP GRAPH <urn:missing>", "The graph <urn:missing> does not exist"),
    ("MOVE <urn:missing> TO <urn:other>", "The graph <urn:missing> does not exist"),
    ("CLEAR GRAPH <urn:missing>", "The graph <urn:missing> does not exist"),
])
def test_update_errors_from_the_engine_are_400_with_its_message(token_client, text, message):
    assert update(token_client, "CREATE GRAPH <urn:held>").status_code == 204
    answer = update(token_client, text)
    assert answer.status_code == 400 and message in answer.get_json()["message"], answer.data


@pytest.mark.parametrize("text", ["CREATE SILENT GRAPH <urn:held>", "DROP SILENT GRAPH <urn:x>",
                                  "MOVE SILENT <urn:missing> TO <urn:other>"])
def test_silent_updates_succeed(token_client, text):
    assert update(token_client, "CREATE GRAPH <urn:held>").status_code == 204
    assert update(token_client, text).status_code == 204


def test_the_service_description_and_editor_never_echo_the_host_header(client):
    headers = {"Host": EVIL_HOST}
    description = client.get("/sparql", headers={**headers, "Accept": "text/turtle"})
    editor = client.get("/sparql/editor", headers=headers)
    for page in (description, editor):
        assert page.status_code == 200
        body = page.get_data(as_text=True)
        assert EVIL_HOST not in body and "http://localhost/sparql" in body


def test_the_configured_public_url_is_named(app, client):
    app.config["KG_PUBLIC_URL"] = "https://kg.example.org/"
    description = client.get("/sparql", headers={"Host": EVIL_HOST, "Accept": "text/turtle"})
    assert "<https://kg.example.org/sparql>" in description.get_data(as_text=True)


def test_kg_serve_names_its_bind_address_not_the_host_header(served_kg):
    answer = requests.get(f"{served_kg.url}/sparql", timeout=30,
                          headers={"Host": EVIL_HOST, "Accept": "text/turtle"})
    assert answer.status_code == 200 and EVIL_HOST not in answer.text
    assert f"<{served_kg.url}/sparql>" in answer.text


def test_openapi_document_never_echoes_the_host_header(client):
    """The OpenAPI document names the configured public URL, not the request's Host header"""
    document = client.get("/api/openapi.json", headers={"Host": "evil.example"}).get_json()
    assert "evil.example" not in str(document)
