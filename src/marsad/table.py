"""A terminal table of events for a person reading results.

Many terminals do not apply the Unicode bidirectional algorithm or Arabic letter
joining, so Arabic would show reversed and unjoined. When ``MARSAD_BIDI`` is ``1``
(or unset and stdout is a terminal), cells are reshaped (arabic-reshaper) and put
in visual order (python-bidi) before printing; set ``MARSAD_BIDI=0`` on terminals
that already render Arabic themselves (GNOME Terminal, Konsole, mlterm).
"""
from __future__ import annotations

import os
from typing import TextIO

from rich.console import Console
from rich.table import Table

from marsad.model import Actor, Extraction


def _visual(text: str) -> str:
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def _wants_visual(out: TextIO) -> bool:
    setting = os.environ.get("MARSAD_BIDI")
    if setting is not None:
        return setting == "1"
    return hasattr(out, "isatty") and out.isatty()


def _actor_cell(actor: Actor) -> str:
    parts = [p for p in (actor.name, actor.title) if p]
    return f"{' — '.join(parts) or '·'} [{actor.country or '?'}]"


def render_table(extractions: list[Extraction], out: TextIO) -> None:
    """Print one row per event: article, type, status, source, targets, date, place, topics."""
    visual = _visual if _wants_visual(out) else (lambda s: s)
    table = Table(show_lines=True)
    for column in ("article", "type", "status", "source", "target", "date", "location", "topics"):
        table.add_column(column, overflow="fold")
    for ex in extractions:
        for e in ex.events:
            sources = [_actor_cell(a) for a in e.actors if a.role == "source"]
            targets = [_actor_cell(a) for a in e.actors if a.role == "target"]
            table.add_row(
                ex.article.id,
                e.type + (f"/{e.subtype}" if e.subtype else ""),
                e.status,
                "\n".join(visual(s) for s in sources),
                "\n".join(visual(t) for t in targets),
                e.date or "",
                visual(e.location or ""),
                ", ".join(e.topics),
            )
    console = Console(file=out, width=max(120, Console().width))
    console.print(table)
