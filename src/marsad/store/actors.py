"""Person mentions → actors: one row per real person, with aliases and titles over time.

A person is written many ways: with or without honorifics (already stripped by the
extractor), with a shorter or longer name chain (``محمد بن نايف`` /
``محمد بن نايف بن عبدالعزيز آل سعود``), with spelling variants (hamza, taa marbuta,
``عبد العزيز`` / ``عبدالعزيز``). All fold to one key or to keys where one chain is a
prefix of the other. Two people who share a short name are kept apart when their
countries differ or when the new title shares no word with any title the actor held.
"""
from __future__ import annotations

import sqlite3

from marsad.text.normalize import fold

# Words that say nothing about which office a title names.
TITLE_STOP = frozenset(fold(w) for w in ["في", "من", "على", "عن", "الى", "إلى", "لدى", "و", "ال", "آل", "بن"])
COMPOUND_HEADS = ("عبد", "ابو", "بو", "ال")  # written apart or joined: عبد العزيز / عبدالعزيز


def name_key(name: str) -> str:
    """The folded, spacing-normalised form of a personal name.

    >>> name_key("عبد العزيز بن سلمان") == name_key("عبدالعزيز  بن سلمان")
    True
    """
    words = fold(name).split()
    out: list[str] = []
    for w in words:
        if out and out[-1] in COMPOUND_HEADS and out[-1] != "ال":
            out[-1] += w  # عبد العزيز → عبدالعزيز, ابو بكر → ابوبكر
        else:
            out.append(w)
    return " ".join(out)




def _title_words(title: str | None) -> set[str]:
    """Content words of a title, article and proclitic ل/و/ب removed (وزير / الوزير / لوزير)."""
    out = set()
    for w in fold(title or "").split():
        if w in TITLE_STOP:
            continue
        for p in ("وال", "بال", "لل", "ال", "و", "ل", "ب"):
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p):]
                break
        if len(w) > 2:
            out.add(w)
    return out


def _same_chain(a: list[str], b: list[str]) -> bool:
    """One name chain is a shortening of the other: a prefix (محمد بن نايف ⊂ محمد بن نايف
    بن عبدالعزيز), or the same first and last names with links left out (صباح خالد
    الصباح ⊂ صباح خالد الحمد الصباح)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == len(long) or short[0] != long[0]:
        return False
    if long[: len(short)] == short:
        return True
    if short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(w in it for w in short)  # ordered subsequence


def _titles_conflict(conn: sqlite3.Connection, actor_id: int, title: str | None) -> bool:
    words = _title_words(title)
    if not words:
        return False
    held = [_title_words(r[0]) for r in conn.execute("SELECT title FROM actor_titles WHERE actor_id = ?", (actor_id,))]
    held = [h for h in held if h]
    return bool(held) and not any(words & h for h in held)


def resolve(conn: sqlite3.Connection, name: str, title: str | None, country: str | None, seen: str | None) -> int:
    """The actor id for a named mention, creating or extending an actor as needed."""
    key = name_key(name)
    actor_id = _find(conn, key, title, country)
    if actor_id is None:
        cur = conn.execute(
            "INSERT INTO actors(name, key, country, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
            (name, key, country, seen, seen),
        )
        actor_id = cur.lastrowid
        assert actor_id is not None  # an INSERT always sets the row id
    else:
        _touch(conn, actor_id, name, key, country, seen)
    words = key.split()
    conn.execute(
        "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, key, head, tail) VALUES (?, ?, ?, ?, ?)",
        (actor_id, name, key, words[0], words[-1]),
    )
    if title:
        conn.execute(
            "INSERT INTO actor_titles(actor_id, title, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(actor_id, title) DO UPDATE SET "
            "first_seen = min(coalesce(first_seen, excluded.first_seen), coalesce(excluded.first_seen, first_seen)), "
            "last_seen = max(coalesce(last_seen, excluded.last_seen), coalesce(excluded.last_seen, last_seen))",
            (actor_id, title, seen, seen),
        )
    return actor_id


def _country_ok(actor_country: str | None, country: str | None) -> bool:
    return actor_country is None or country is None or actor_country == country


def _find(conn: sqlite3.Connection, key: str, title: str | None, country: str | None) -> int | None:
    # 1. The same folded name (any spelling variant) with a compatible country.
    exact = conn.execute(
        "SELECT a.id, a.country FROM actor_aliases al JOIN actors a ON a.id = al.actor_id WHERE al.key = ?",
        (key,),
    ).fetchall()
    same = [r["id"] for r in exact if r["country"] == country]
    if same:
        return same[0]
    loose = [r["id"] for r in exact if _country_ok(r["country"], country)]
    if loose and not _titles_conflict(conn, loose[0], title):
        return loose[0]
    # 2. A shorter or longer chain of the same name (see _same_chain).
    words = key.split()
    if len(words) < 2:
        return None  # one word is too little to tie to a longer name
    rows = conn.execute(
        "SELECT a.id, a.country, al.key FROM actor_aliases al JOIN actors a ON a.id = al.actor_id "
        "WHERE al.head = ? AND (al.tail = ? OR al.key LIKE ? OR ? LIKE al.key || ' %')",
        (words[0], words[-1], key + " %", key),
    ).fetchall()
    for r in rows:
        other = r["key"].split()
        if not _same_chain(words, other):
            continue
        if r["country"] != country and not (r["country"] is None or country is None):
            continue
        if _titles_conflict(conn, r["id"], title):
            continue
        return r["id"]
    return None


def _touch(conn: sqlite3.Connection, actor_id: int, name: str, key: str, country: str | None, seen: str | None) -> None:
    """Keep the fullest spelling as the actor's name, fill its country, widen its dates."""
    conn.execute(
        "UPDATE actors SET "
        "name = CASE WHEN length(?) > length(key) THEN ? ELSE name END, "
        "key = CASE WHEN length(?) > length(key) THEN ? ELSE key END, "
        "country = coalesce(country, ?), "
        "first_seen = min(coalesce(first_seen, ?), coalesce(?, first_seen)), "
        "last_seen = max(coalesce(last_seen, ?), coalesce(?, last_seen)) "
        "WHERE id = ?",
        (key, name, key, key, country, seen, seen, seen, seen, actor_id),
    )
