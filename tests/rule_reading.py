"""Shared by the rule tests: extraction with the learned layer off (``model=None``), so that
the rules alone are tested, for a Saudi agency report of a fixed day unless told otherwise."""
from marsad import extract


def events(text, source="spa", published="2024-05-05", **kw):
    return extract(text, source=source, published=published, model=None, **kw).events
