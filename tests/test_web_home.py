"""The home page and its JSON twin."""

from __future__ import annotations


def test_home_lists_the_seed_article(client, seed_article):
    page = client.get("/")
    assert page.status_code == 200
    assert seed_article.title.replace("'", "&#39;") in page.get_data(as_text=True)


def test_json_twin_has_the_same_counts(client):
    data = client.get("/index.json").get_json()
    assert data["counts"]["articles"] == 1
    assert data["articles"][0]["key"] == "000-be81285fb7b3f189"


def test_unknown_path_is_a_json_404_for_json_clients(client):
    response = client.get("/no/such/page", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["status"] == 404


def test_home_links_every_view_and_each_article_page(client, seed_article):
    from kg import ids

    page = client.get("/").get_data(as_text=True)
    for href in ("/network", "/timeline", "/claims", "/map", "/sparql/editor",
                 "/api/openapi.json", "/export.ttl"):
        assert f'href="{href}"' in page, href
        assert client.get(href).status_code == 200, href
    article_path = "/id/" + str(ids.article_uri(seed_article.key))[len(ids.BASE):]
    assert f'href="{article_path}"' in page
