"""kg.rdfinput: the pre-scans count real nesting only, and parse errors name where."""

from __future__ import annotations

import time

import pytest

from kg.errors import InputError, PayloadTooLarge
from kg.formats import rdf_format
from kg.rdfinput import check_untrusted, parse_untrusted

RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/"'


@pytest.mark.parametrize("name, text", [
    ("turtle", '<urn:a> <urn:b> "[[[[ ((( {{{" , """ [[[[\n[[[[ """ , \'[[[[\' . # [[[[[[\n'),
    ("turtle", "<urn:a> <urn:b> <urn:c[[[[[[> ."),
    ("jsonld", '{"@id": "urn:a", "urn:b": "[[[[{{{{ \\" [[[[[["}'),
    ("rdfxml", f'<rdf:RDF {RDF}><rdf:Description rdf:about="urn:a"><e:p/><e:p/><e:p/><e:p/>'
               '<e:p/><e:p/><!-- <a><a><a><a><a><a> --><e:q><![CDATA[<a><a><a><a><a><a>]]>'
               "</e:q></rdf:Description></rdf:RDF>"),
])
def test_brackets_in_strings_iris_comments_and_empty_elements_do_not_count(name, text):
    check_untrusted(text.encode(), rdf_format(name), "x", max_depth=5)


@pytest.mark.parametrize("name, text", [
    ("turtle", "<urn:a> <urn:b> " + "( " * 6 + "1" + " )" * 6 + " ."),
    ("trig", "<urn:g> { <urn:a> <urn:b> " + "[ <urn:b> " * 5 + "1" + " ]" * 5 + " }"),
    ("jsonld", '{"@id": "urn:a", "urn:b": ' + "[" * 6 + "1" + "]" * 6 + "}"),
    ("rdfxml", f'<rdf:RDF {RDF}><rdf:Description rdf:about="urn:a">'
               + "<e:p><rdf:Description>" * 3 + "</rdf:Description></e:p>" * 3
               + "</rdf:Description></rdf:RDF>"),
])
def test_nesting_over_the_bound_is_refused(name, text):
    with pytest.raises(InputError, match="nesting deeper than 5 levels"):
        check_untrusted(text.encode(), rdf_format(name), "x", max_depth=5)


@pytest.mark.parametrize("name, closers, opener", [
    ("turtle", "]", "["), ("jsonld", "}", "{"), ("rdfxml", "</e:p>", "<e:p>")])
def test_stray_closers_do_not_raise_the_bound(name, closers, opener):
    with pytest.raises(InputError, match="nesting deeper than 5 levels"):
        check_untrusted((closers * 10 + opener * 6).encode(), rdf_format(name), "x", max_depth=5)


@pytest.mark.parametrize("name, text", [
    ("turtle", "<" * 200_000), ("turtle", "<a " * 200_000), ("turtle", '"' + "a" * 200_000),
    ("jsonld", '"\\' * 200_000), ("rdfxml", "<a " * 200_000), ("rdfxml", "<!--" * 200_000),
    ("rdfxml", '<a "' * 200_000), ("rdfxml", "<![CDATA[" * 200_000)])
def test_unterminated_tokens_are_scanned_in_linear_time(name, text):
    started = time.monotonic()
    try:
        check_untrusted(text.encode(), rdf_format(name), "x", max_bytes=0)
    except InputError as error:
        assert "nesting deeper" in error.message
    assert time.monotonic() - started < 2  # quadratic scans take minutes at this size


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rdf:RDF [<!ENTITY e "http://e/">]>',
    '<!DOCTYPE rdf:RDF SYSTEM "http://127.0.0.1:9/external.dtd">',
])
def test_any_doctype_is_refused_in_rdfxml(doctype):
    text = f'<?xml version="1.0"?>\n{doctype}\n<rdf:RDF {RDF}/>'
    with pytest.raises(InputError, match="line 2: DTD entity declarations are not accepted"):
        check_untrusted(text.encode(), rdf_format("rdfxml"), "x.rdf")


def test_size_over_the_limit_is_a_413():
    with pytest.raises(PayloadTooLarge) as error:
        check_untrusted(b"<urn:a> <urn:b> <urn:c> .", rdf_format("nt"), "body", max_bytes=10)
    assert error.value.status == 413 and error.value.where == "body"


def test_a_syntax_error_names_where_line_and_column():
    with pytest.raises(InputError) as error:
        list(parse_untrusted(b"<urn:a> <urn:b> .", "turtle", "request body"))
    assert error.value.where == "request body" and "line 1, column" in error.value.message


def test_a_context_list_with_an_iri_is_not_loaded():
    body = b'{"@context": [{"e": "http://e/"}, "http://127.0.0.1:9/c"], "@id": "http://e/a"}'
    with pytest.raises(InputError, match="remote JSON-LD contexts are not loaded"):
        list(parse_untrusted(body, "jsonld", "body"))


def test_an_inline_context_is_used():
    body = b'{"@context": {"e": "http://e/"}, "@id": "http://e/a", "e:p": "x"}'
    [quad] = parse_untrusted(body, "jsonld", "body")
    assert quad.predicate.value == "http://e/p" and quad.object.value == "x"
