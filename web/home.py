"""The home page: what is in the store, with a JSON twin."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from kg.overview import overview_for
from web import get_store

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str:
    return render_template("home.html", overview=overview_for(get_store(), request.args))


@bp.get("/index.json")
def index_json():  # type: ignore[no-untyped-def]
    return jsonify(overview_for(get_store(), request.args))
