"""Full-text index of persons, cases and visits, kept in step by SQL triggers.

Three contentless FTS5 tables with the trigram tokenizer, each keyed on its base table's
rowid (VACUUM keeps rowids of these tables; ``rebuild_search_index`` repairs anything):

- ``search_persons(name, pinyin, id_number, phone)``: pinyin without spaces
  (``zhangsanfeng``) so ``zhangsan`` matches whatever the syllable boundaries; initials
  are not indexed here (they are short: the ``name_initials`` index serves prefixes);
- ``search_cases(case_no, body)``: body is problem, goals, plan and closing reason;
- ``search_visits(body)``: notes and outcome; ``search_visit_cases`` links each live
  visit to its case's rowid, so a note hit finds its case without reading the visit row.

Contentless keeps the index to the tokens only (no second copy of a million notes). Only
live rows are indexed, so a tombstone drops out at once. Every text field ends with a
newline so that each 2-character word is the start of some trigram: ``search`` finds
2-character words through the ``*_terms`` vocabulary tables without scanning the notes.
An expression index on the spaceless pinyin serves pinyin prefixes (``zhangs``).

Triggers, not Python, keep the index right, so every write path (the single write path,
the sync importer, a bulk loader that rebuilds afterwards) is covered. Writers must not
use ``INSERT OR REPLACE`` on these tables: SQLite deletes the old row without firing the
delete trigger (unless ``recursive_triggers`` is on). Deleted text stays in FTS segments
until they are merged (``rebuild_search_index`` or FTS5 automerge); SQLite 3.40 has no
``secure-delete`` option for FTS5.
"""

from __future__ import annotations


def _nl(expr: str) -> str:
    """A field as indexed text: the value and a closing newline, or nothing when NULL/empty."""
    return f"coalesce(nullif({expr}, '') || char(10), '')"


# table -> (fts table, [(fts column, SQL expression over the row, with {r} for the row alias)])
SOURCES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "persons": ("search_persons", [
        ("name", _nl("{r}.name")),
        ("pinyin", _nl("replace({r}.name_pinyin, ' ', '')")),
        ("id_number", _nl("{r}.id_number")),
        ("phone", _nl("{r}.phone")),
    ]),
    "cases": ("search_cases", [
        ("case_no", _nl("{r}.case_no")),
        ("body", " || ".join(_nl(f"{{r}}.{f}") for f in ("problem", "goals", "plan", "close_reason"))),
    ]),
    "visits": ("search_visits", [
        ("body", " || ".join(_nl(f"{{r}}.{f}") for f in ("notes", "outcome"))),
    ]),
}

# Base-table fields whose change must re-index the row.
WATCHED: dict[str, tuple[str, ...]] = {
    "persons": ("name", "name_pinyin", "id_number", "phone", "deleted"),
    "cases": ("case_no", "problem", "goals", "plan", "close_reason", "deleted"),
    "visits": ("notes", "outcome", "deleted"),
}

# Compact pinyin as an expression index, so ``zh``/``zhangs`` are prefix range scans.
PINYIN_EXPR = "replace(name_pinyin, ' ', '')"
PINYIN_INDEX = f"CREATE INDEX IF NOT EXISTS idx_persons_pinyin_compact ON persons({PINYIN_EXPR})"

# Live visit (rowid) -> its case (rowid): a compact lookup, so a note hit finds its case
# without reading the wide visit row. NULL case_row: a visit of a client, not of a case.
VISIT_CASES = "CREATE TABLE IF NOT EXISTS search_visit_cases (visit INTEGER PRIMARY KEY, case_row INTEGER)"


def fts_table(table: str) -> str:
    """The FTS table that indexes ``table``."""
    return SOURCES[table][0]


def terms_table(table: str) -> str:
    """The fts5vocab table listing the trigrams of ``table``'s index."""
    return SOURCES[table][0] + "_terms"


def _values(table: str, alias: str) -> str:
    """The indexed column values of a row, as a SQL list over ``alias``."""
    return ", ".join(expr.format(r=alias) for _, expr in SOURCES[table][1])


def _columns(table: str) -> str:
    return ", ".join(col for col, _ in SOURCES[table][1])


def create_search_index(db) -> None:
    """Create the index tables and triggers and index the rows already there (migration 0002)."""
    create_search_triggers(db)
    rebuild_search_index(db, optimize=False)


def _create_tables(db) -> None:
    """FTS tables, vocabulary tables, visit links and the pinyin index, where missing."""
    for table, (fts, _) in SOURCES.items():
        size = ", columnsize=0" if table == "persons" else ""  # persons need no bm25 lengths
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({_columns(table)},"
                   f" content='', tokenize='trigram'{size})")
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {terms_table(table)} USING fts5vocab({fts}, 'row')")
    db.execute(VISIT_CASES)
    db.execute(PINYIN_INDEX)


def drop_search_triggers(db) -> None:
    """Drop the index triggers (before a bulk load; call ``create_search_triggers`` and rebuild after)."""
    for table in SOURCES:
        for event in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")


def _trigger_bodies(table: str) -> dict[str, tuple[str, list[str]]]:
    """event -> (WHEN condition, statements) of the triggers on ``table``."""
    fts, cols = fts_table(table), _columns(table)
    changed = " OR ".join(f"old.{f} IS NOT new.{f}" for f in WATCHED[table])
    add = f"INSERT INTO {fts}(rowid, {cols}) SELECT new.rowid, {_values(table, 'new')} WHERE new.deleted = 0"
    drop = (f"INSERT INTO {fts}({fts}, rowid, {cols}) SELECT 'delete', old.rowid, {_values(table, 'old')}"
            f" WHERE old.deleted = 0")
    bodies = {"insert": ("new.deleted = 0", [add]), "update": (f"old.rowid IS NOT new.rowid OR {changed}", [drop, add]),
              "delete": ("old.deleted = 0", [drop])}
    if table == "visits":
        link = ("INSERT INTO search_visit_cases(visit, case_row) SELECT new.rowid, (SELECT rowid FROM cases"
                " WHERE id = new.case_id) WHERE new.deleted = 0")
        unlink = "DELETE FROM search_visit_cases WHERE visit = old.rowid"
        bodies["insert"][1].append(link)
        bodies["update"] = (bodies["update"][0] + " OR old.case_id IS NOT new.case_id", [drop, add, unlink, link])
        bodies["delete"][1].append(unlink)
    if table == "cases":  # a visit synced before its case gets linked when the case arrives
        bodies["insert"] = ("1", [add, "UPDATE search_visit_cases SET case_row = new.rowid WHERE visit IN"
                                       " (SELECT rowid FROM visits WHERE case_id = new.id)"])
    return bodies


def create_search_triggers(db) -> None:
    """Triggers that index live rows, drop tombstoned or deleted ones and link visits to cases."""
    _create_tables(db)
    for table in SOURCES:
        for event, (when, statements) in _trigger_bodies(table).items():
            db.execute(f"CREATE TRIGGER IF NOT EXISTS search_{table}_{event} AFTER {event.upper()} ON {table}"
                       f" WHEN {when} BEGIN {'; '.join(statements)}; END")


def rebuild_search_index(db, *, optimize: bool = True) -> None:
    """Repopulate every FTS table and the visit links from the base tables (after a bulk load or a repair).

    ``optimize`` merges the index into one segment per table: smaller and faster to query.
    Runs in the caller's transaction when there is one; creates missing index tables.
    """
    from .db import write_transaction

    with write_transaction(db):
        _create_tables(db)
        for table, (fts, _) in SOURCES.items():
            db.execute(f"INSERT INTO {fts}({fts}) VALUES ('delete-all')")
            db.execute(f"INSERT INTO {fts}(rowid, {_columns(table)})"
                       f" SELECT rowid, {_values(table, 't')} FROM {table} t WHERE t.deleted = 0")
            if optimize:
                db.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
        db.execute("DELETE FROM search_visit_cases")
        db.execute("INSERT INTO search_visit_cases(visit, case_row) SELECT v.rowid, c.rowid FROM visits v"
                   " LEFT JOIN cases c ON c.id = v.case_id WHERE v.deleted = 0")


def search_index_size(db) -> int:
    """Bytes the search structures take (needs the dbstat virtual table; 0 without it)."""
    names = [f"{fts}_{part}" for fts, _ in SOURCES.values() for part in ("data", "idx", "docsize", "config")]
    names += ["search_visit_cases", "idx_persons_pinyin_compact"]
    try:
        row = db.execute(
            f"SELECT SUM(pgsize) FROM dbstat WHERE name IN ({', '.join('?' * len(names))})", names).fetchone()
    except Exception:  # dbstat is compiled in most builds, not all
        return 0
    return int(row[0] or 0)


# --- bulk maintenance (the sync importer's large imports) ----------------------------------------------
#
# A large import suspends the triggers, writes its rows with executemany and then indexes
# exactly the rows it wrote, all inside its one transaction (DDL is transactional in
# SQLite, so a kill or a rollback leaves the triggers and the index as they were). The
# order matters: ``unindex_rows`` before a row is changed (a contentless FTS5 'delete'
# needs the indexed values), ``index_rows`` after every row of the import is written.


def search_triggers(db) -> list[str]:
    """The SQL of the index triggers present in the database (empty when indexing is off)."""
    names = [f"search_{table}_{event}" for table in SOURCES for event in ("insert", "update", "delete")]
    rows = db.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
                      f" ({', '.join('?' * len(names))})", names).fetchall()
    found = dict(rows)
    return [found[n] for n in names if n in found]


def suspend_search_triggers(db) -> list[str]:
    """Drop the index triggers; returns their SQL for ``restore_search_triggers`` (same transaction)."""
    saved = search_triggers(db)
    drop_search_triggers(db)
    return saved


def restore_search_triggers(db, saved: list[str]) -> None:
    """Recreate the triggers ``suspend_search_triggers`` dropped, exactly as they were."""
    for sql in saved:
        db.execute(sql)


def _ids_sql(alias: str) -> str:
    return f"{alias}.id IN (SELECT value FROM json_each(?))"


def unindex_rows(db, table: str, ids) -> None:
    """Remove the index entries of rows ``ids`` of ``table`` as they are now (before they change)."""
    if table not in SOURCES or not ids:
        return
    import json

    fts, cols = fts_table(table), _columns(table)
    param = [json.dumps(list(ids))]
    db.execute(f"INSERT INTO {fts}({fts}, rowid, {cols}) SELECT 'delete', t.rowid, {_values(table, 't')}"
               f" FROM {table} t WHERE {_ids_sql('t')} AND t.deleted = 0", param)
    if table == "visits":
        db.execute(f"DELETE FROM search_visit_cases WHERE visit IN (SELECT t.rowid FROM visits t WHERE {_ids_sql('t')})",
                   param)


def index_rows(db, table: str, ids, *, new_ids=None, rowids: tuple[int, int] | None = None,
               links: bool = True) -> None:
    """Index rows ``ids`` of ``table`` as they are now (new rows, or rows ``unindex_rows`` took out).

    ``rowids`` (first, last): index the live rows in that rowid range instead (rows just
    written to a table that was empty: no list of ids to look up). ``new_ids`` (cases): the
    cases inserted, whose visits written earlier get linked to them, as the insert trigger does.
    ``links=False`` (visits): leave the visit-to-case links to ``link_visits``, once every
    case has been written.
    """
    if table not in SOURCES:
        return
    import json

    fts, cols = fts_table(table), _columns(table)
    if ids or rowids:
        where, param = ("t.rowid BETWEEN ? AND ?", list(rowids)) if rowids else (_ids_sql("t"), [json.dumps(list(ids))])
        db.execute(f"INSERT INTO {fts}(rowid, {cols}) SELECT t.rowid, {_values(table, 't')} FROM {table} t"
                   f" WHERE {where} AND t.deleted = 0", param)
        if table == "visits" and links:
            db.execute("INSERT INTO search_visit_cases(visit, case_row) SELECT t.rowid, (SELECT rowid FROM cases"
                       f" WHERE id = t.case_id) FROM visits t WHERE {where} AND t.deleted = 0", param)
    if table == "cases" and new_ids:
        db.execute("UPDATE search_visit_cases SET case_row = (SELECT c.rowid FROM visits v JOIN cases c"
                   " ON c.id = v.case_id WHERE v.rowid = search_visit_cases.visit) WHERE visit IN"
                   " (SELECT v.rowid FROM visits v WHERE v.case_id IN (SELECT value FROM json_each(?)))",
                   [json.dumps(list(new_ids))])


def link_visits(db, rowids: tuple[int, int]) -> None:
    """Link the live visits in a rowid range to their cases (``index_rows(..., links=False)`` left them out)."""
    db.execute("INSERT INTO search_visit_cases(visit, case_row) SELECT t.rowid, c.rowid FROM visits t"
               " LEFT JOIN cases c ON c.id = t.case_id WHERE t.rowid BETWEEN ? AND ? AND t.deleted = 0", list(rowids))
