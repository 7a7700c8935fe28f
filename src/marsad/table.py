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

from marsad.model import Extraction

COLUMNS = ("article", "type", "status", "source", "target", "date", "location", "topics")


def _visual(text: str) -> str:
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def _wants_visual(out: TextIO) -> bool:
    setting = os.environ.get("MARSAD_BIDI")
    if setting is not None:
        return setting == "1"
    return hasattr(out, "isatty") and out.isatty()


def _actor_cell(actor) -> str:
    parts = [p for p in (actor.name, actor.title) if p]
    return f"{' — '.join(parts) or '·'} [{actor.country or '?'}]"


def render_table(extractions: list[Extraction], out: TextIO) -> None:
    """Print one row per event: article, type, status, source, targets, date, place, topics."""
    visual = _visual if _wants_visual(out) else (lambda s: s)
    table = _table(COLUMNS)
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
    _print(table, out)


def render_store_table(records, out: TextIO) -> None:
    """Print one row per real-world event of the store (:class:`marsad.store.query.EventRecord`)."""
    visual = _visual if _wants_visual(out) else (lambda s: s)
    table = _table(("id", "date", "type", "status", "source", "target", "topics", "reports"))
    for r in records:
        cells: dict[str, list[str]] = {"source": [], "target": []}
        for a in r.actors:
            cells[a.role].append(visual(_actor_cell(a)))
        table.add_row(
            str(r.id), r.date or "", r.type + (f"/{r.subtype}" if r.subtype else ""), r.status,
            "\n".join(cells["source"]), "\n".join(cells["target"]), ", ".join(r.topics),
            f"{r.n_articles} articles / {r.n_sources} sources",
        )
    _print(table, out)


def _table(columns) -> Table:
    table = Table(show_lines=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _print(table: Table, out: TextIO) -> None:
    console = Console(file=out, width=max(120, Console().width))
    console.print(table)
