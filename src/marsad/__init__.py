"""marsad — Arabic news to a structured, evidence-linked record of diplomatic engagement.

The public API is :func:`extract` (one article's text → :class:`Extraction`) and
:func:`extract_article` (an :class:`Article` → :class:`Extraction`)::

    import marsad
    ex = marsad.extract(text, title=title, published="2015-08-03")
    for event in ex.events:
        print(event.to_dict())

Names are imported lazily so that ``import marsad.text.normalize`` stays light.
"""
from __future__ import annotations

from typing import Any

__all__ = ["Actor", "Article", "Event", "Extraction", "Span", "extract", "extract_article"]
__version__ = "0.1.0"

_LAZY = {
    "Actor": "marsad.model",
    "Article": "marsad.model",
    "Event": "marsad.model",
    "Extraction": "marsad.model",
    "Span": "marsad.model",
    "extract": "marsad.pipeline",
    "extract_article": "marsad.pipeline",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'marsad' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
