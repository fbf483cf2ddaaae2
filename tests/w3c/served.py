"""An HTTP client for the served endpoint, as the suite runner uses it (requests, write token)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox
import requests

from tests.w3c.compare import Row, triple_rows

POLICY = re.compile(r"SERVICE is not allowed|LOAD is not allowed|is not a graph of this store"
                    r"|cannot be analysed")
"""Messages of the endpoint's refusals by policy (kg.sparql.safety)."""
NON_EMPTY_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass
class ServedEndpoint:
    """``url`` is the server's base URL (``http://127.0.0.1:PORT``); ``token`` the write token."""

    url: str
    token: str
    session: requests.Session = field(default_factory=requests.Session)
    timeout: float = 30.0

    @property
    def auth(self) -> dict[str, str]:
        """The header that carries the write token."""
        return {"Authorization": f"Bearer {self.token}"}

    def request(self, method: str, path: str, **kwargs: object) -> requests.Response:
        """Send one request to ``url + path``."""
        return self.session.request(method, self.url + path, timeout=self.timeout,
                                    **kwargs)  # type: ignore[arg-type]

    def put_graph(self, name: str | None, body: bytes, media_type: str) -> requests.Response:
        """Graph Store PUT of a named graph, or of the default graph when ``name`` is None."""
        params = {"graph": name} if name is not None else {"default": ""}
        return self.request("PUT", "/sparql/graph", params=params, data=body,
                            headers={**self.auth, "Content-Type": media_type})

    def query(self, text: str, default: list[str], named: list[str],
              accept: str) -> requests.Response:
        """POST ``application/sparql-query`` with the protocol's dataset parameters."""
        params = [("default-graph-uri", g) for g in default] + \
            [("named-graph-uri", g) for g in named]
        return self.request("POST", "/sparql", params=params, data=text.encode("utf-8"),
                            headers={"Content-Type": "application/sparql-query; charset=utf-8",
                                     "Accept": accept})

    def update(self, text: str) -> requests.Response:
        """POST ``application/sparql-update`` with the write token."""
        return self.request("POST", "/sparql", data=text.encode("utf-8"),
                            headers={**self.auth, "Content-Type":
                                     "application/sparql-update; charset=utf-8"})

    def clear(self) -> None:
        """Empty the store (``DROP SILENT ALL``)."""
        response = self.update("DROP SILENT ALL")
        if response.status_code >= 300:
            raise RuntimeError(f"cannot empty the served store: {self.message(response)}")

    def graphs(self) -> dict[str, list[Row]] | str:
        """Every non-empty graph as rows ("" is the default graph), or why they cannot be read."""
        listed = self.query(NON_EMPTY_GRAPHS, [], [], "application/sparql-results+json")
        if listed.status_code != 200:
            return f"listing graphs: {listed.status_code} {self.message(listed)}"
        names = [row["g"]["value"] for row in listed.json()["results"]["bindings"]]
        graphs = {}
        for name in ["", *names]:
            params = {"graph": name} if name else {"default": ""}
            response = self.request("GET", "/sparql/graph", params=params,
                                    headers={"Accept": "application/n-triples"})
            if response.status_code == 404:
                continue
            if response.status_code != 200:
                return f"GET of graph <{name or 'default'}>: {response.status_code} " \
                       f"{self.message(response)}"
            graphs[name] = triple_rows(ox.parse(response.content,
                                                format=ox.RdfFormat.N_TRIPLES))
        return graphs

    @staticmethod
    def message(response: requests.Response) -> str:
        """The error message of a response (its JSON ``message``, else its first line)."""
        try:
            return str(response.json().get("message", ""))
        except ValueError:
            return response.text.strip().splitlines()[0][:200] if response.text.strip() else ""

    def refused(self, response: requests.Response) -> bool:
        """Whether a 4xx is one of the endpoint's refusals by policy."""
        return 400 <= response.status_code < 500 and bool(POLICY.search(self.message(response)))
