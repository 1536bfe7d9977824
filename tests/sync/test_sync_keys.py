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


def test_a_trusted_device_keeps_its_encryption_key_and_a_rename_is_said(tmp_path):
    """Another age key typed for a known signing key would make bundles "for" it readable by someone else."""
    from click.testing import CliRunner

    from ningbo_sw_desktop.cli import main

    me = make_device(tmp_path / "me", "HS-NM", "南门")
    sup = make_device(tmp_path / "sup", "DD-NB", "督导")
    stranger = make_device(tmp_path / "x", "XX-YY", "某人")
    info = identity(sup)
    trust_peer(me, "督导", info["age_recipient"], info["signing_key"])
    with pytest.raises(ValidationError) as refused:
        trust_peer(me, "督导", identity(stranger)["age_recipient"], info["signing_key"])
    assert [e.field for e in refused.value.errors] == ["recipient"] and "督导" in str(refused.value)
    assert find_peer(me, "督导").age_recipient == info["age_recipient"]
    spaced = trust_peer(me, "督导　一组", info["age_recipient"], info["signing_key"])  # a full-width space is typed text
    assert spaced.name == "督导　一组"
    trust_peer(me, "督导", info["age_recipient"], info["signing_key"])
    for bad in ("督" * 41, "督\t导", "督\n导"):
        with pytest.raises(ValidationError) as too_odd:
            trust_peer(me, bad, info["age_recipient"], info["signing_key"])
        assert "设备名称" in str(too_odd.value)
    path = str(tmp_path / "me" / "HS-NM.db")
    me.close()
    args = ["--db", path, "keys", "trust", "--recipient", info["age_recipient"], "--signing-key", info["signing_key"]]
    renamed = CliRunner().invoke(main, [*args, "--name", "督导2"])
    assert renamed.exit_code == 0 and "“督导”改为“督导2”" in renamed.output, renamed.output
    same = CliRunner().invoke(main, [*args, "--name", "督导2"])
    assert same.exit_code == 0 and "早已信任" in same.output
    for db in (sup, stranger):
        db.close()


def test_sync_never_imports_the_gui_toolkit():
    code = ("import sys, pkgutil, importlib, ningbo_sw_desktop.sync as s\n"
            "for m in pkgutil.iter_modules(s.__path__): importlib.import_module('ningbo_sw_desktop.sync.' + m.name)\n"
            "import ningbo_sw_desktop.cli.sync\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
