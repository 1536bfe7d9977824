"""Device identity: one key pair per database, private to its owner, trusted peers by fingerprint."""

from __future__ import annotations

import stat
import subprocess
import sys

import pytest
from sync_helpers import make_device

from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.errors import NotFound, ValidationError
from ningbo_sw_desktop.sync import device_keys, find_peer, grouped, identity, list_peers, trust_peer


def test_two_databases_are_two_devices_with_private_key_files(tmp_path):
    one = make_device(tmp_path / "one", "HS-NM", "南门")
    two = make_device(tmp_path / "two", "JB-CC", "慈城")
    a, b = device_keys(one), device_keys(two)
    assert a.fingerprint != b.fingerprint and a.age_recipient != b.age_recipient and a.folder != b.folder
    for keys in (a, b):
        assert stat.S_IMODE(keys.folder.stat().st_mode) == 0o700
        for name in ("signing.key", "age.key"):
            assert stat.S_IMODE((keys.folder / name).stat().st_mode) == 0o600
    assert f"# public key: {a.age_recipient}" in a.age_identity_path.read_text()
    path = tmp_path / "one" / "HS-NM.db"
    one.close()
    assert device_keys(connect(path)).fingerprint == a.fingerprint  # reopened: the same device
    two.close()


def test_identity_shows_what_a_peer_needs(db):
    info = identity(db)
    assert info["office_code"] == "HS-NM" and info["age_recipient"].startswith("age1")
    assert len(info["signing_key"]) == 64 and len(info["fingerprint_grouped"].split()) == 16
    assert grouped(info["fingerprint"]).replace(" ", "").lower() == info["fingerprint"]


def test_trusting_checks_the_keys_and_the_name(tmp_path):
    me = make_device(tmp_path / "me", "HS-NM", "南门")
    other = make_device(tmp_path / "other", "DD-NB", "督导")
    third = make_device(tmp_path / "third", "JB-CC", "慈城")
    info, info3 = identity(other), identity(third)
    with pytest.raises(ValidationError) as bad:
        trust_peer(me, "督导", "age1notakey", "zz")
    assert {e.field for e in bad.value.errors} == {"recipient", "signing_key"}
    with pytest.raises(ValidationError):
        trust_peer(me, "self", identity(me)["age_recipient"], identity(me)["signing_key"])
    peer = trust_peer(me, "督导", info["age_recipient"], info["signing_key"].upper(), role="supervisor")
    assert peer.fingerprint == info["fingerprint"] and peer.trusted_how == "manual"
    with pytest.raises(ValidationError):
        trust_peer(me, "督导", info3["age_recipient"], info3["signing_key"])  # the name is taken
    assert find_peer(me, info["fingerprint_grouped"]).name == "督导"
    with pytest.raises(NotFound):
        find_peer(me, "nobody")
    assert [p.name for p in list_peers(me)] == ["督导"]
    for db in (me, other, third):
        db.close()


def test_sync_never_imports_the_gui_toolkit():
    code = ("import sys, pkgutil, importlib, ningbo_sw_desktop.sync as s\n"
            "for m in pkgutil.iter_modules(s.__path__): importlib.import_module('ningbo_sw_desktop.sync.' + m.name)\n"
            "import ningbo_sw_desktop.cli.sync\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
