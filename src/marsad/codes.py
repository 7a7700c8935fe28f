"""Standard event-data codes for marsad events: CAMEO / GDELT and PLOVER.

Each marsad event maps to a CAMEO 1.1b3 event code (what GDELT and ICEWS records carry as
``EventCode``, ``EventBaseCode`` and ``EventRootCode``), its GDELT ``QuadClass`` and
Goldstein value, and a PLOVER event type and mode, so that marsad output can be merged with
or compared against those datasets.

The crosswalk is data, not code: ``lexicon/data/codes.tsv``, one row per (type, subtype,
status) combination that matters, with ``*`` wildcards for subtype and status and a comment
justifying every row. It can be replaced like any lexicon (``MARSAD_LEXICON_DIR``).

>>> codes_for("VISIT", None, "occurred")["cameo"]
'042'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.lexicon import read_rows
from marsad.model import vocabulary

WILDCARD = "*"
_FILE = "codes.tsv"
_COLUMNS = 9


def quad_class_of(root: str) -> int:
    """GDELT QuadClass of a two-digit CAMEO root code.

    1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict
    (09-13), 4 material conflict (14-20), as GDELT derives it from the root.

    >>> quad_class_of("04"), quad_class_of("07"), quad_class_of("14")
    (1, 2, 4)
    """
    n = int(root)
    if not 1 <= n <= 20:
        raise ValueError(f"not a CAMEO root code: {root!r}")
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    return 3 if n <= 13 else 4


@dataclass(frozen=True, slots=True)
class CodeRow:
    """One crosswalk row; ``subtype``/``status`` may be :data:`WILDCARD`."""

    type: str
    subtype: str
    status: str
    cameo: str
    cameo_label: str
    plover_type: str
    plover_mode: str | None
    quad_class: int
    goldstein: float

    def specificity(self) -> int:
        """Rank among rows that match: a specific status (2) outranks a specific subtype (1).

        Status wins because a planned event has not happened, so the intent code applies
        whatever kind of event is announced.
        """
        return 2 * (self.status != WILDCARD) + (self.subtype != WILDCARD)

    def matches(self, subtype: str | None, status: str) -> bool:
        return self.subtype in (WILDCARD, subtype) and self.status in (WILDCARD, status)

    def as_codes(self) -> dict[str, Any]:
        return {
            "cameo": self.cameo,
            "cameo_root": self.cameo[:2],
            "cameo_base": self.cameo[:3],
            "cameo_label": self.cameo_label,
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
        }


def _parse_row(cells: list[str]) -> CodeRow:
    """Check and convert one TSV row; a bad row fails loudly, naming itself."""
    if len(cells) != _COLUMNS:
        raise ValueError(f"{_FILE}: expected {_COLUMNS} columns, got {len(cells)}: {cells}")
    etype, subtype, status, cameo, label, ptype, pmode, quad, goldstein = cells
    vocab = vocabulary()
    if etype not in vocab.type_names:
        raise ValueError(f"{_FILE}: unknown event type {etype!r}")
    if subtype != WILDCARD and subtype not in vocab.type(etype).subtypes:
        raise ValueError(f"{_FILE}: unknown subtype {subtype!r} of {etype}")
    if status not in (*vocab.status_names, WILDCARD):
        raise ValueError(f"{_FILE}: unknown status {status!r}")
    if not (cameo.isdigit() and len(cameo) in (3, 4)):
        raise ValueError(f"{_FILE}: CAMEO code must be 3 or 4 digits: {cameo!r}")
    row = CodeRow(
        type=etype,
        subtype=subtype,
        status=status,
        cameo=cameo,
        cameo_label=label,
        plover_type=ptype,
        plover_mode=None if pmode == "-" else pmode,
        quad_class=int(quad),
        goldstein=float(goldstein),
    )
    if row.quad_class != quad_class_of(cameo[:2]):
        raise ValueError(f"{_FILE}: quad class {quad} does not match CAMEO root of {cameo}")
    if not -10.0 <= row.goldstein <= 10.0:
        raise ValueError(f"{_FILE}: Goldstein value out of [-10, 10]: {goldstein}")
    return row


@cache
def load_rows() -> tuple[CodeRow, ...]:
    """All crosswalk rows, read once per process (packaged file or the override)."""
    rows = tuple(_parse_row(cells) for cells in read_rows(_FILE))
    keys = [(r.type, r.subtype, r.status) for r in rows]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise ValueError(f"{_FILE}: duplicate rows for {sorted(duplicates)}")
    return rows


def codes_for(event_type: str, subtype: str | None, status: str) -> dict[str, Any]:
    """The standard codes of one event, from the most specific matching crosswalk row.

    Returns a fresh dict with ``cameo`` (GDELT EventCode), ``cameo_base`` (EventBaseCode,
    three digits), ``cameo_root`` (EventRootCode, two digits), ``cameo_label``,
    ``plover_type``, ``plover_mode`` (``None`` when PLOVER has none), ``quad_class`` and
    ``goldstein``. Raises :class:`ValueError` for an unknown type or status, or when no
    row covers the combination.

    >>> codes_for("MESSAGE", "condolence", "occurred")["cameo_label"]
    'Make empathetic comment'
    """
    vocab = vocabulary()
    if event_type not in vocab.type_names:
        raise ValueError(f"unknown event type {event_type!r}; expected one of {vocab.type_names}")
    if status not in vocab.status_names:
        raise ValueError(f"unknown status {status!r}; expected one of {vocab.status_names}")
    candidates = [r for r in load_rows() if r.type == event_type and r.matches(subtype, status)]
    if not candidates:
        raise ValueError(f"{_FILE} has no row for {event_type}/{subtype}/{status}")
    return max(candidates, key=CodeRow.specificity).as_codes()
