"""One search for persons and cases: names, pinyin, initials, ID numbers, phones, case numbers, notes.

Each word of the query takes the cheap paths that fit its form (see ``_word_matches``):
ASCII letters are initials or pinyin (``zsf`` finds 张三丰, ``zhang san`` is ``zhangsan``);
digits are ID numbers (whole or tail), phones and case numbers; names go through the name
index (exact, prefix); a word of two characters inside a name or a note goes through the
trigrams that start with it (the trigram index cannot match fewer than three characters, and
``LIKE`` on it silently misses them on SQLite 3.40), a longer one through the trigram index.
All words must match (AND).

Scores put identification first: exact name, case number or full ID number, then name
prefix, initials, pinyin, ID tail, phone, and notes last (bm25 among them). Every path is
capped in SQL, so a one-letter query over a city's 200,000 clients stays fast.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from .enums import label
from .search_index import PINYIN_EXPR, SOURCES, fts_table, terms_table
from .validation import normalize_id_number, normalize_phone

EXACT, NAME_PREFIX = 100.0, 90.0  # exact name, exact case number, full ID number; then name prefix
INITIALS_EXACT, INITIALS_PREFIX, PINYIN_EXACT, PINYIN_PREFIX, PINYIN_CONTAINS = 86.0, 82.0, 80.0, 77.0, 72.0
NAME_CONTAINS, CASE_NO_PREFIX, ID_TAIL, CASE_NO_TAIL, ID_CONTAINS = 70.0, 64.0, 60.0, 58.0, 54.0
PHONE_EXACT, PHONE_TAIL, PHONE_CONTAINS, CASE_NO_CONTAINS = 52.0, 50.0, 48.0, 46.0
NOTES = 10.0  # notes score NOTES..NOTES+20 by bm25
CLIENT_GAP = 0.5  # a case found through its client ranks just below the client
MAX_CHAR = "\U0010ffff"  # upper bound of a prefix range
MAX_TERMS = 2000  # trigrams a two-character word may expand to
NOTE_CAP_EACH = 2000  # newest note hits per word when several words are given
VERIFY_MAX = 1000  # cases whose texts are read to finish an AND of capped note matches
BM25_ROWS = 300  # newest note hits ranked by bm25; older ones keep the base notes score
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_ID_LIKE = re.compile(r"\d+[xX]?")

Scores = dict[int, tuple[float, str]]  # rowid -> (score, matched field)


@dataclass(frozen=True)
class SearchHit:
    """One result row of the search box: a client or a case."""

    kind: str  # "person" | "case"
    id: str
    title: str  # name, or case number and client's name
    subtitle: str  # community, birth or intake date, masked ID tail or status
    matched: str  # name, pinyin, initials, id_number, phone, case_no, notes
    score: float


def search(db, query: str, *, limit: int = 50) -> list[SearchHit]:
    """Persons and cases matching every word of ``query``, best first."""
    words = query_words(query)
    if not words or limit <= 0:
        return []
    persons, cases = _match(db, words, cap=max(200, limit * 4))
    persons = _live(db, "persons", persons)
    cases = _live(db, "cases", cases)
    ranked = sorted([(s, 0, -r, "person", r, m) for r, (s, m) in persons.items()]
                    + [(s, 1, -r, "case", r, m) for r, (s, m) in cases.items()],
                    key=lambda h: (-h[0], h[1], h[2]))[:limit]
    rows = {"person": _person_rows(db, [h[4] for h in ranked if h[3] == "person"]),
            "case": _case_rows(db, [h[4] for h in ranked if h[3] == "case"])}
    hits = []
    for score, _, _, kind, rowid, matched in ranked:
        row = rows[kind].get(rowid)
        if row is not None:
            hits.append(SearchHit(kind, row[0], row[1], row[2], matched, round(score, 3)))
    return hits


def matching_case_ids(db, query: str, *, limit: int = 5000) -> list[str]:
    """Ids of live cases whose number, text, client or visit notes match ``query``, best first."""
    words = query_words(query)
    if not words or limit <= 0:
        return []
    _, cases = _match(db, words, cap=limit, want_persons=False)
    ranked = sorted(cases, key=lambda r: (-cases[r][0], -r))
    found: list[str] = []
    while ranked and len(found) < limit:  # tombstones are few: usually one round
        chunk, ranked = ranked[:limit - len(found)], ranked[limit - len(found):]
        ids = dict(db.execute("SELECT rowid, id FROM cases WHERE deleted = 0 AND rowid IN"
                              " (SELECT value FROM json_each(?))", [_json(chunk)]).fetchall())
        found += [ids[r] for r in chunk if r in ids]
    return found


def query_words(query: str | None) -> list[str]:
    """The words of a query: NFKC (full-width to half-width), split on spaces; ASCII-letter runs joined.

    ``zhang san`` is one pinyin word, so spaces inside pinyin do not matter; a word
    without any letter, digit or Chinese character is dropped.
    """
    words: list[str] = []
    for word in unicodedata.normalize("NFKC", query or "").split():
        if not any(ch.isalnum() for ch in word):
            continue
        if words and _letters(word) and _letters(words[-1]):
            words[-1] += word
        else:
            words.append(word)
    return words


def _letters(word: str) -> bool:
    """ASCII letters only: initials or pinyin."""
    return word.isascii() and word.isalpha()


def _keep(scores: Scores, rowid: int, score: float, matched: str) -> None:
    """Record a match, keeping the best score of a row."""
    old = scores.get(rowid)
    if old is None or score > old[0]:
        scores[rowid] = (score, matched)


def _json(rowids) -> str:
    """Rowids as a JSON list for ``json_each``: one parameter however many rows."""
    return json.dumps(list(rowids))


def _match(db, words: list[str], *, cap: int, want_persons: bool = True) -> tuple[Scores, Scores]:
    """(persons, cases) matching all words; cases include those found through their client.

    With several words, texts holding all of them are found first; when those alone fill
    ``cap`` the per-word note searches are skipped, else each takes its newest
    ``NOTE_CAP_EACH`` hits. Index paths get a wider cap, since an AND of capped sets loses
    rows; a word whose notes were capped is checked in the texts of the (few) cases the
    other words found. Broad note words can still miss older cases: refine to narrow.
    """
    memo: dict = {}
    if len(words) == 1:
        persons, cases, _ = _word_matches(db, words[0], cap, cap, memo)
        _merge(cases, _client_cases(db, persons))
        return persons, cases
    shared_persons, shared_cases, plenty = _all_words_in_notes(db, words, cap, memo)
    per_word = []
    note_cap = 0 if plenty else min(cap, NOTE_CAP_EACH)
    for word in words:
        persons, cases, truncated = _word_matches(db, word, max(cap, 20_000), note_cap, memo)
        _merge(persons, shared_persons)
        _merge(cases, shared_cases)
        _merge(cases, _client_cases(db, persons))
        per_word.append((word, persons, cases, truncated))
    for i, (word, _, cases, truncated) in enumerate(per_word):
        if truncated:
            others = set.intersection(*(set(c) for j, (_, _, c, _) in enumerate(per_word) if j != i))
            unseen = [r for r in others if r not in cases]
            if len(unseen) <= VERIFY_MAX:
                for rowid in _cases_with_text(db, word, unseen):
                    _keep(cases, rowid, NOTES, "notes")
    persons = _and([p for _, p, _, _ in per_word]) if want_persons else {}
    return persons, _and([c for _, _, c, _ in per_word])


def _merge(into: Scores, scores: Scores) -> None:
    """Add matches found another way, keeping each row's best."""
    for rowid, (score, matched) in scores.items():
        _keep(into, rowid, score, matched)


def _and(per_word: list[Scores]) -> Scores:
    """Rows every word matched; scores add up, the best word names the matched field."""
    if len(per_word) == 1:
        return per_word[0]
    keys = set(per_word[0]).intersection(*per_word[1:])
    return {k: (sum(s[k][0] for s in per_word), max(s[k] for s in per_word)[1]) for k in keys}


def _word_matches(db, word: str, cap: int, note_cap: int, memo: dict) -> tuple[Scores, Scores, bool]:
    """(persons, cases, notes truncated) for one word, by the paths its form allows."""
    persons: Scores = {}
    cases: Scores = {}
    truncated = False
    if _letters(word):
        _initials_and_pinyin(db, word.lower(), persons, cap)
        if len(word) >= 3:
            truncated = _notes(db, word, persons, cases, note_cap, memo)
        return persons, cases, truncated
    if _ID_LIKE.fullmatch(word):
        if len(word) >= 4:
            _numbers(db, normalize_id_number(word), persons, cap)
        _case_numbers(db, word.upper(), cases, cap)
        return persons, cases, truncated
    _names(db, word, persons, cap, memo)
    if not _CJK.search(word):  # case numbers, landlines, IDs typed with spaces removed
        _case_numbers(db, word.upper(), cases, cap)
        if sum(ch.isdigit() for ch in word) >= 4:
            _numbers(db, normalize_id_number(word), persons, cap)
    if len(word) >= 2:
        truncated = _notes(db, word, persons, cases, note_cap, memo)
    return persons, cases, truncated


def _names(db, word: str, persons: Scores, cap: int, memo: dict) -> None:
    """Exact name, name prefix (range on the name index), then the name anywhere inside."""
    for (rowid,) in db.execute("SELECT rowid FROM persons WHERE name = ?", [word]):
        _keep(persons, rowid, EXACT, "name")
    for rowid, size in db.execute(
            "SELECT rowid, length(name) FROM persons WHERE name > ? AND name < ? ORDER BY length(name), rowid DESC"
            " LIMIT ?", [word, word + MAX_CHAR, cap]):
        _keep(persons, rowid, NAME_PREFIX - 0.1 * min(size - len(word), 9), "name")
    if len(word) >= 2:  # two characters: through the trigrams that start with them
        expr = _fts_expr(db, "persons", word, memo)
        rows = _fts_rowids(db, "persons", f"{{name}} : ({expr})", cap) if expr else []
    else:  # one character begins no trigram when it ends a name: scan the name index (short keys)
        rows = [r[0] for r in db.execute("SELECT rowid FROM persons WHERE instr(name, ?) > 1 LIMIT ?", [word, cap])]
    for rowid in rows:
        _keep(persons, rowid, NAME_CONTAINS, "name")


def _initials_and_pinyin(db, word: str, persons: Scores, cap: int) -> None:
    """Initials prefix (``zs``, ``zsf``), pinyin prefix (``zhangs``) and, from 3 letters, pinyin inside."""
    for rowid, initials in db.execute(
            "SELECT rowid, name_initials FROM persons WHERE name_initials >= ? AND name_initials < ?"
            " ORDER BY length(name_initials), rowid DESC LIMIT ?", [word, word + MAX_CHAR, cap]):
        extra = len(initials) - len(word)
        _keep(persons, rowid, INITIALS_EXACT if extra == 0 else INITIALS_PREFIX - 0.1 * min(extra, 9), "initials")
    if len(word) == 1:  # one letter: the pinyin prefix is the initials prefix
        return
    for rowid, pinyin in db.execute(  # in index order: a sort of 25,000 "zh..." rows costs more than it gives
            f"SELECT rowid, {PINYIN_EXPR} FROM persons WHERE {PINYIN_EXPR} >= ? AND {PINYIN_EXPR} < ? LIMIT ?",
            [word, word + MAX_CHAR, cap]):
        extra = len(pinyin) - len(word)
        _keep(persons, rowid, PINYIN_EXACT if extra == 0 else PINYIN_PREFIX - 0.01 * min(extra, 90), "pinyin")
    if len(word) >= 3:
        for rowid in _fts_rowids(db, "persons", "{pinyin} : " + _phrase(word), cap):
            _keep(persons, rowid, PINYIN_CONTAINS, "pinyin")


def _numbers(db, digits: str, persons: Scores, cap: int) -> None:
    """Full ID number, ID tail or inside, phone (whole, tail, inside), through the trigram index."""
    exact = [r[0] for r in db.execute("SELECT rowid FROM persons WHERE id_number = ?", [digits])]
    for rowid in exact:
        _keep(persons, rowid, EXACT, "id_number")
    phone = normalize_phone(digits)
    for (rowid,) in db.execute("SELECT rowid FROM persons WHERE phone = ?", [phone]):
        _keep(persons, rowid, PHONE_EXACT, "phone")
    if exact and len(digits) == 18:  # a whole ID number found: its digits inside other numbers do not matter
        return
    found = _fts_rowids(db, "persons", "{id_number phone} : " + _phrase(digits), cap)
    tiers = (("id_number", EXACT, ID_TAIL, ID_CONTAINS), ("phone", PHONE_EXACT, PHONE_TAIL, PHONE_CONTAINS))
    for rowid, *values in db.execute("SELECT rowid, upper(id_number), phone FROM persons WHERE rowid IN"
                                     " (SELECT value FROM json_each(?))", [_json(found)]):
        for value, (field, whole, tail, inside) in zip(values, tiers, strict=True):
            value = value or ""
            score = whole if value in (digits, phone) else tail if value.endswith(digits) else inside
            if digits in value or score == whole:
                _keep(persons, rowid, score, field)


def _case_numbers(db, word: str, cases: Scores, cap: int) -> None:
    """Exact case number, its prefix (``HS-NM-2026``), its tail (``0042``, or ``42`` as a sequence)."""
    for (rowid,) in db.execute("SELECT rowid FROM cases WHERE case_no = ?", [word]):
        _keep(cases, rowid, EXACT, "case_no")
    if not word.isdigit() and len(word) >= 3:
        for (rowid,) in db.execute("SELECT rowid FROM cases WHERE case_no > ? AND case_no < ? LIMIT ?",
                                   [word, word + MAX_CHAR, cap]):
            _keep(cases, rowid, CASE_NO_PREFIX, "case_no")
    tail = "-" + word.zfill(4) if word.isdigit() and len(word) <= 4 else word
    if len(tail) < 3:
        return
    found = _fts_rowids(db, "cases", "{case_no} : " + _phrase(tail), cap)
    for rowid, case_no in db.execute(
            "SELECT rowid, case_no FROM cases WHERE rowid IN (SELECT value FROM json_each(?))", [_json(found)]):
        _keep(cases, rowid, CASE_NO_TAIL if (case_no or "").upper().endswith(tail) else CASE_NO_CONTAINS, "case_no")


def _notes(db, word: str, persons: Scores, cases: Scores, cap: int, memo: dict) -> bool:
    """A word in case text or visit notes (a visit counts for its case, or its client); True if capped."""
    truncated = False
    for table in ("cases", "visits") if cap else ():
        expr = _fts_expr(db, table, word, memo)
        if expr:
            truncated = _note_hits(db, table, expr, persons, cases, cap) or truncated
    return truncated


def _cases_with_text(db, word: str, rowids: list[int]) -> list[int]:
    """Which of these cases hold ``word`` in their own text or a live visit's (read from the rows)."""
    case_text, visit_text = SOURCES["cases"][1][1][1].format(r="c"), SOURCES["visits"][1][0][1].format(r="v")
    return [r[0] for r in db.execute(
        f"SELECT c.rowid FROM cases c WHERE c.rowid IN (SELECT value FROM json_each(?1)) AND c.deleted = 0"
        f" AND (instr(lower({case_text}), ?2) > 0 OR EXISTS (SELECT 1 FROM visits v WHERE v.case_id = c.id"
        f" AND v.deleted = 0 AND instr(lower({visit_text}), ?2) > 0))", [_json(rowids), word.lower()])]


def _all_words_in_notes(db, words: list[str], cap: int, memo: dict) -> tuple[Scores, Scores, bool]:
    """Cases (and clients) with one text holding every word, and whether they reached ``cap``."""
    persons: Scores = {}
    cases: Scores = {}
    plenty = False
    for table in ("cases", "visits"):
        exprs = [_fts_expr(db, table, w, memo) for w in words]
        if all(exprs):
            expr = " AND ".join(f"({e})" for e in exprs)  # bm25 would count every word's texts: fixed score
            plenty = _note_hits(db, table, expr, persons, cases, cap, base=NOTES + 10, rank=False) or plenty
    return persons, cases, plenty


def _note_hits(db, table: str, expr: str, persons: Scores, cases: Scores, cap: int, *, base: float = NOTES,
               rank: bool = True) -> bool:
    """Credit the newest ``cap`` texts matching ``expr`` to their cases (or clients); True if capped.

    bm25 ranks the newest ``BM25_ROWS`` (it reads every match of each phrase to weigh it,
    whatever the LIMIT, so it is not asked for more); older hits keep ``base``.
    """
    fts = fts_table(table)
    match = ("{body} : " if table == "cases" else "") + f"({expr})"
    found = _fts_rowids(db, table, match, cap)
    if not found:
        return False
    scores = dict.fromkeys(found, base)
    if rank:
        scores.update((rowid, NOTES + 20 * max(-bm25, 0) / (max(-bm25, 0) + 2)) for rowid, bm25 in db.execute(
            f"SELECT rowid, bm25({fts}) FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT ?",
            [match, min(cap, BM25_ROWS)]))
    if table == "cases":
        for rowid, score in scores.items():
            _keep(cases, rowid, score, "notes")
        return len(found) >= cap
    loose = []
    for visit, case in db.execute("SELECT visit, case_row FROM search_visit_cases WHERE visit IN"
                                  " (SELECT value FROM json_each(?))", [_json(found)]):
        if case is None:
            loose.append(visit)
        else:
            _keep(cases, case, scores[visit], "notes")
    if loose:  # visits of a client rather than of a case
        for visit, person in db.execute(
                "SELECT v.rowid, p.rowid FROM visits v JOIN persons p ON p.id = v.person_id AND p.deleted = 0"
                " WHERE v.case_id IS NULL AND v.rowid IN (SELECT value FROM json_each(?))", [_json(loose)]):
            _keep(persons, person, scores[visit], "notes")
    return len(found) >= cap


def _fts_expr(db, table: str, word: str, memo: dict) -> str | None:
    """An FTS5 expression finding ``word`` anywhere, or None when nothing can match.

    Three or more characters are one quoted phrase. Two characters are the OR of the
    indexed trigrams that start with them (every indexed field ends with a newline, so a
    word at the end of a field is such a start too). One character is not searched in text.
    """
    if len(word) >= 3:
        return _phrase(word)
    if len(word) < 2:
        return None
    low = word.lower()  # the trigram tokenizer folds case
    if (table, low) not in memo:
        terms = db.execute(f"SELECT term FROM {terms_table(table)} WHERE term >= ? AND term < ? LIMIT ?",
                           [low, low + MAX_CHAR, MAX_TERMS]).fetchall()
        memo[table, low] = " OR ".join(_phrase(t[0]) for t in terms) or None
    return memo[table, low]


def _phrase(text: str) -> str:
    """A string as one FTS5 phrase (double quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def _fts_rowids(db, table: str, expr: str, cap: int) -> list[int]:
    """Rowids matching an FTS5 expression, newest first, at most ``cap``."""
    fts = fts_table(table)
    return [r[0] for r in db.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT ?",
                                     [expr, cap])]


def _client_cases(db, persons: Scores) -> Scores:
    """Live cases of the matched persons, scored just below their client."""
    found: Scores = {}
    if not persons:
        return found
    for case, person in db.execute(
            "SELECT c.rowid, p.rowid FROM persons p JOIN cases c ON c.person_id = p.id"
            " WHERE p.rowid IN (SELECT value FROM json_each(?)) AND p.deleted = 0 AND c.deleted = 0",
            [_json(persons)]):
        score, matched = persons[person]
        _keep(found, case, score - CLIENT_GAP, matched)
    return found


def _live(db, table: str, scores: Scores) -> Scores:
    """Only rows that are not tombstones."""
    if not scores:
        return scores
    live = {r[0] for r in db.execute(f"SELECT rowid FROM {table} WHERE deleted = 0 AND rowid IN"
                                     f" (SELECT value FROM json_each(?))", [_json(scores)])}
    return {r: v for r, v in scores.items() if r in live}


def _person_rows(db, rowids: list[int]) -> dict[int, tuple[str, str, str]]:
    """rowid -> (id, title, subtitle) of persons: community, birth date, masked ID tail."""
    rows = db.execute(
        "SELECT p.rowid, p.id, p.name, a.name, p.birth_date, p.id_number FROM persons p LEFT JOIN areas a"
        " ON a.id = p.community_id WHERE p.rowid IN (SELECT value FROM json_each(?))", [_json(rowids)])
    return {rowid: (pid, name or "", _join(community, birth, "****" + id_number[-4:] if id_number else None))
            for rowid, pid, name, community, birth, id_number in rows}


def _case_rows(db, rowids: list[int]) -> dict[int, tuple[str, str, str]]:
    """rowid -> (id, title, subtitle) of cases: case number and client; community, intake date, status."""
    rows = db.execute(
        "SELECT c.rowid, c.id, c.case_no, p.name, a.name, c.intake_date, c.status FROM cases c"
        " LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN areas a ON a.id = p.community_id"
        " WHERE c.rowid IN (SELECT value FROM json_each(?))", [_json(rowids)])
    return {rowid: (cid, _join(case_no, name, sep=" "), _join(community, intake, label("status", status)))
            for rowid, cid, case_no, name, community, intake, status in rows}


def _join(*parts: str | None, sep: str = " · ") -> str:
    """The given parts of a title or subtitle, blanks left out."""
    return sep.join(p for p in parts if p)
