"""Reading changes.ndjson: the quick JSON reading accepts and refuses exactly what ``json.loads`` per line does."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ningbo_sw_desktop.sync import BundleRefused, lines
from ningbo_sw_desktop.sync.lines import parse_changes

COLUMNS = {"areas": ["name", "level", "parent_id", "population", "code"]}
STAMP = "1764403200000-0000-0123456789abcdef"
GOOD = json.dumps(["areas", "0190a0a0-0000-7000-8000-000000000001", "2025-01-01T00:00:00", "2025-01-01T00:00:00", STAMP,
                   "0123456789abcdef", 0, {"*": [STAMP, ""]}, ["宁波市", "city", None, 9618000, None]],
                  ensure_ascii=False, separators=(",", ":"))


class _NoScanner:
    """Makes ``parse_changes`` read every line with ``json.loads``, as it did before the quick reading."""

    @staticmethod
    def scan_once(line, index):
        raise StopIteration(index)


def outcome(data: bytes):
    try:
        incoming = parse_changes(data, COLUMNS)
    except BundleRefused as exc:
        return ("refused", str(exc))
    except RecursionError:
        return ("recursion",)
    return ("read", incoming.rows, incoming.conflicts, incoming.total)


def both(data: bytes, monkeypatch) -> tuple:
    quick = outcome(data)
    with monkeypatch.context() as m:
        m.setattr(lines, "_SCANNER", _NoScanner)
        slow = outcome(data)
    return quick, slow


@pytest.mark.parametrize("line", [
    GOOD, " " + GOOD, GOOD + " ", GOOD + "\r", "\ufeff" + GOOD, GOOD + ",", GOOD + GOOD, GOOD[:-1], GOOD + "]",
    "[" + GOOD + "]", "", " ", "1", "NaN", '"x"', "[1,2", GOOD.replace("9618000", "9618000.0"),
    GOOD.replace("9618000", "NaN"), GOOD.replace("9618000", "1e400"), GOOD.replace('"city"', '"c\\u0069ty"'),
    GOOD.replace("宁波市", "\\ud800"), GOOD.replace("宁波市", "宁\t波"),
])
def test_odd_lines_read_as_json_loads_reads_them(line, monkeypatch):
    quick, slow = both(line.encode("utf-8", "surrogatepass"), monkeypatch)
    assert quick == slow


def test_a_good_line_is_read():
    assert outcome(GOOD.encode())[0] == "read"
    assert outcome(("\n".join([GOOD, GOOD.replace("001", "002")])).encode())[3] == 2


@settings(max_examples=300, deadline=None)
@given(cut=st.integers(0, len(GOOD)), extra=st.text(alphabet=' \t\r,[]{}"\\:0123456789eE.-+nultrfa宁', max_size=6),
       twice=st.booleans())
def test_any_cut_or_addition_is_read_or_refused_as_before(cut, extra, twice):
    line = GOOD[:cut] + extra + GOOD[cut:]
    data = "\n".join([line, line.replace("001", "002")] if twice else [line]).encode()
    quick = outcome(data)
    saved = lines._SCANNER
    lines._SCANNER = _NoScanner
    try:
        slow = outcome(data)
    finally:
        lines._SCANNER = saved
    assert quick == slow
