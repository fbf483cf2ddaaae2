"""The RDF format registry."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.formats import RDF_FORMATS, rdf_format, rdf_format_for_media_type


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.name)
def test_each_format_is_found_by_name_extension_and_media_type(fmt):
    assert rdf_format(fmt.name) is fmt
    assert rdf_format("." + fmt.extension) is fmt
    assert rdf_format_for_media_type(fmt.media_type) is fmt


def test_unknown_format_is_a_clear_error():
    with pytest.raises(InputError, match="unknown RDF format 'gexf'"):
        rdf_format("gexf")
