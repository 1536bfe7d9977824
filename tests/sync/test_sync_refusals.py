"""A bundle that is cut, altered, unsigned, not ours, too new or hostile is refused and changes nothing."""

from __future__ import annotations

import gzip
import hashlib
import io
import zipfile

import pytest
from sync_craft import open_real, reseal, rewrite_changes, seal_zip
from sync_helpers import file_hash, make_device, trust

from ningbo_sw_desktop.core.records import insert_record
from ningbo_sw_desktop.core.schema import TABLES
from ningbo_sw_desktop.core.writing import writing
from ningbo_sw_desktop.sync import BundleRefused, container, export_bundle, import_bundle, inspect_bundle


@pytest.fixture
def small(tmp_path):
    """An office with two records, its supervisor, and a bundle from one to the other."""
    office = make_device(tmp_path / "office", "HS-NM", "南门街道社工站")
    sup = make_device(tmp_path / "sup", "DD-NB", "宁波市社工督导", role="supervisor")
    trust(office, sup, "督导")
    trust(sup, office, "HS-NM")
    with writing(office) as (clock, changes):
        insert_record(office, clock, changes, "areas", {"name": "宁波市", "level": "city", "population": 9618000})
        insert_record(office, clock, changes, "programs", {"name": "亲情探访", "domain": "social_welfare"})
    bundle = export_bundle(office, "督导", tmp_path / "HS-NM-0001.nbsync")
    yield office, sup, tmp_path, bundle.path
    office.close()
    sup.close()


def refused(db, path, reason: str | set[str] | None = None, **kw) -> BundleRefused:
    """Import must refuse, say why in both languages, and leave the file byte for byte as it was."""
    before = file_hash(db)
    with pytest.raises(BundleRefused) as caught:
        import_bundle(db, path, **kw)
    assert file_hash(db) == before
    error = caught.value
    assert error.text.zh and error.text.en and error.text.zh != error.text.en
    if reason is not None:
        assert error.reason in ({reason} if isinstance(reason, str) else reason), (error.reason, str(error))
    return error


def test_a_bundle_cut_at_any_byte_is_refused(small):
    office, sup, folder, path = small
    data = open(path, "rb").read()
    assert len(data) < 4000
    before = file_hash(sup)
    cut = folder / "cut.nbsync"
    for n in range(len(data)):
        cut.write_bytes(data[:n])
        with pytest.raises(BundleRefused) as caught:
            import_bundle(sup, cut)
        assert caught.value.reason in ("damaged", "not_for_us"), (n, caught.value.reason)
    assert file_hash(sup) == before
    assert import_bundle(sup, path).new == {"areas": 1, "programs": 1}


def test_a_bundle_with_any_single_bit_flipped_is_refused(small):
    office, sup, folder, path = small
    data = open(path, "rb").read()
    before = file_hash(sup)
    flipped = folder / "flipped.nbsync"
    for position in range(len(data)):
        changed = bytearray(data)
        changed[position] ^= 1 << (position % 8)
        flipped.write_bytes(bytes(changed))
        with pytest.raises(BundleRefused):
            import_bundle(sup, flipped)
    assert file_hash(sup) == before


def test_an_unknown_signer_is_refused_with_its_fingerprint_and_the_command_to_trust_it(small):
    office, _, folder, path = small
    stranger = make_device(folder / "stranger", "JB-CC", "慈城镇社工站", role="supervisor")
    trust(office, stranger, "慈城")
    bundle = export_bundle(office, "慈城", folder / "for-stranger.nbsync")
    error = refused(stranger, bundle.path, "untrusted")
    from ningbo_sw_desktop.sync import grouped, identity

    info = identity(office)
    for text in (error.text.zh, error.text.en):
        assert grouped(info["fingerprint"]) in text and "--trust-new" in text
        assert f"ningbo-sw keys trust --name HS-NM --recipient {info['age_recipient']} --signing-key {info['signing_key']}" in text
    assert inspect_bundle(stranger, bundle.path).trusted is False
    report = import_bundle(stranger, bundle.path, trust_new=True)
    assert report.trusted_now and report.new == {"areas": 1, "programs": 1}
    stranger.close()


def test_a_bundle_for_another_device_is_refused(small):
    office, _, folder, path = small
    other = make_device(folder / "other", "YZ-ZG", "钟公庙街道社工站")
    trust(other, office, "HS-NM")
    refused(other, path, "not_for_us")
    other.close()


def test_a_bundle_naming_another_recipient_inside_is_refused(small):
    office, sup, folder, path = small
    crafted = reseal(office, sup, path, folder / "c.nbsync",
                     lambda m, man: man["recipient"].update(fingerprint="ab" * 32))
    refused(sup, crafted, "not_for_us")


@pytest.mark.parametrize("key, value, reason", [("format_version", 2, "newer_format"),
                                                ("schema_version", 99, "newer_schema"),
                                                ("format", "something-else", "malformed")])
def test_a_newer_or_foreign_format_is_refused(small, key, value, reason):
    office, sup, folder, path = small
    crafted = reseal(office, sup, path, folder / "c.nbsync", lambda m, man: man.update({key: value}))
    refused(sup, crafted, reason)


def test_a_table_this_version_does_not_know_is_refused(small):
    office, sup, folder, path = small
    crafted = reseal(office, sup, path, folder / "c.nbsync", lambda m, man: man["columns"].update(grants=["x"]))
    refused(sup, crafted, "newer_schema")


def test_a_newer_age_format_is_refused_as_newer(small):
    _, sup, folder, path = small
    data = open(path, "rb").read().replace(b"age-encryption.org/v1", b"age-encryption.org/v2", 1)
    (folder / "v2.nbsync").write_bytes(data)
    refused(sup, folder / "v2.nbsync", "newer_format")


def _bomb(size: int) -> bytes:
    return gzip.compress(b"\n" * size, compresslevel=9, mtime=0)


def test_a_zip_bomb_declared_small_is_stopped_at_the_declared_size(small):
    office, sup, folder, path = small

    def bomb(members, manifest):
        packed = _bomb(50_000_000)
        members["changes.ndjson.gz"] = packed
        manifest["members"]["changes.ndjson.gz"].update(sha256=hashlib.sha256(packed).hexdigest(), size=len(packed))

    error = refused(sup, reseal(office, sup, path, folder / "bomb.nbsync", bomb), "too_large")
    assert "bomb" in error.text.en


def test_a_zip_bomb_declaring_its_size_is_refused_before_decompressing(small, monkeypatch):
    office, sup, folder, path = small
    monkeypatch.setattr(container, "MAX_UNCOMPRESSED_BYTES", 10_000_000)

    def bomb(members, manifest):
        packed = _bomb(50_000_000)
        members["changes.ndjson.gz"] = packed
        manifest["members"]["changes.ndjson.gz"].update(sha256=hashlib.sha256(packed).hexdigest(), size=len(packed),
                                                        uncompressed_size=50_000_000)

    refused(sup, reseal(office, sup, path, folder / "bomb.nbsync", bomb), "too_large")


def test_an_oversized_member_is_refused(small, monkeypatch):
    office, sup, folder, path = small
    crafted = reseal(office, sup, path, folder / "big-sig.nbsync",
                     lambda m, man: m.update({"manifest.sig": m["manifest.sig"] + b"\0"}), sign=False)
    refused(sup, crafted, "too_large")
    monkeypatch.setattr(container, "MAX_CHANGES_BYTES", 100)
    refused(sup, path, "too_large")


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("names, reason", [
    (["manifest.json", "manifest.sig", "changes.ndjson.gz", "manifest.json"], "bad_members"),
    (["manifest.json", "manifest.sig", "../changes.ndjson.gz"], "bad_members"),
    (["manifest.json", "manifest.sig", "/tmp/changes.ndjson.gz"], "bad_members"),
    (["manifest.json", "manifest.sig", "changes.ndjson.gz", "readme.txt"], "bad_members"),
    (["manifest.json", "changes.ndjson.gz"], "bad_members"),
])
def test_wrong_member_names_are_refused(small, names, reason):
    office, sup, folder, path = small
    members = open_real(sup, path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(zipfile.ZipInfo(name), members.get(name.rsplit("/", 1)[-1], b"hello"))
    refused(sup, seal_zip(sup, buffer.getvalue(), folder / "names.nbsync"), reason)


def test_a_deflated_member_is_refused(small):
    office, sup, folder, path = small
    members = open_real(sup, path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    refused(sup, seal_zip(sup, buffer.getvalue(), folder / "deflated.nbsync"), "bad_members")


def test_a_manifest_changed_after_signing_is_refused(small):
    office, sup, folder, path = small
    crafted = reseal(office, sup, path, folder / "c.nbsync", lambda m, man: man.update(sequence=7), sign=False)
    refused(sup, crafted, "bad_signature")


def test_a_manifest_signed_by_another_key_than_it_names_is_refused(small):
    office, sup, folder, path = small
    other = make_device(folder / "other", "YZ-ZG", "钟公庙街道社工站")
    crafted = reseal(other, sup, path, folder / "c.nbsync")  # signed by "other", still naming the office's key
    refused(sup, crafted, "bad_signature")
    other.close()


def test_changes_altered_under_a_signed_manifest_are_refused(small):
    office, sup, folder, path = small

    def alter(members, manifest):
        raw = gzip.decompress(members["changes.ndjson.gz"]).replace("宁波市".encode(), "杭州市".encode())
        members["changes.ndjson.gz"] = gzip.compress(raw, mtime=0)

    refused(sup, reseal(office, sup, path, folder / "c.nbsync", alter), "damaged")


def test_a_signed_line_with_impossible_stamps_is_refused(small):
    office, sup, folder, path = small

    def alter(members, manifest):
        rewrite_changes(members, manifest, lambda lines: "\n".join(lines).replace(
            '"*":[', '"*":["0000000000000-0000-0000000000000000",""],"x":[', 1).split("\n"))

    refused(sup, reseal(office, sup, path, folder / "c.nbsync", alter), "malformed")


def test_a_bundle_id_seen_before_with_other_bytes_is_refused(small):
    office, sup, folder, path = small
    import_bundle(sup, path)
    same_content = reseal(office, sup, path, folder / "again.nbsync")  # same members, new encryption
    assert open(same_content, "rb").read() != open(path, "rb").read()
    refused(sup, same_content, "duplicate_id")
    assert import_bundle(sup, path).already_imported


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not a bundle", b"age-encryption.org/v1\n-> X25519 abc\n"])
def test_files_that_are_not_bundles_are_refused(small, content):
    _, sup, folder, _ = small
    (folder / "x.nbsync").write_bytes(content)
    refused(sup, folder / "x.nbsync", {"damaged", "not_for_us"})


def test_export_never_overwrites_a_file_that_is_not_a_bundle_but_replaces_an_older_bundle(small):
    from ningbo_sw_desktop.core.errors import UserError

    office, sup, folder, path = small
    summary = folder / "case-summary.pdf"
    summary.write_bytes(b"%PDF-1.4 a case summary the clerk printed")
    sent = office.execute("SELECT COUNT(*) FROM sync_sent").fetchone()[0]
    with pytest.raises(UserError) as caught:
        export_bundle(office, "督导", summary)
    assert "没有覆盖" in str(caught.value) and "not overwritten" in caught.value.text.en
    assert summary.read_bytes() == b"%PDF-1.4 a case summary the clerk printed"
    assert office.execute("SELECT COUNT(*) FROM sync_sent").fetchone()[0] == sent  # not recorded as sent
    again = export_bundle(office, "督导", path, full=True)  # the earlier bundle: made again from the database
    assert again.path == path and again.sequence == 2
    assert import_bundle(sup, path, trust_new=True).totals["new"] == 2


def test_an_incremental_export_reads_only_the_changed_rows_by_index(small):
    """A supervisor's city holds a million visits: a bundle of the few changed must not scan them all."""
    from ningbo_sw_desktop.sync.export import TABLE_ORDER, _where
    from ningbo_sw_desktop.sync.lines import row_line_sql

    office = small[0]
    params = {"since": "0", "peer": "p", "extra": "[]", "code": "HS-NM", "device": "d"}
    for table in TABLE_ORDER:
        sql = f"SELECT {row_line_sql(table, TABLES[table])} FROM {table} t WHERE {_where(table, False, False)}"
        plan = [row[3] for row in office.execute("EXPLAIN QUERY PLAN " + sql, params)]
        assert not [step for step in plan if step.startswith(f"SCAN {table}") or step == "SCAN t"], (table, plan)
