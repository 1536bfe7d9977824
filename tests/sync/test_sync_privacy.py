"""What leaves the office on a stick: nothing readable without the recipient's key, and the standard age tool opens it."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess
import zipfile

import pytest
from sync_helpers import make_device, trust

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.core.demo import make_id_number, seed_reference_data
from ningbo_sw_desktop.sync import device_keys, export_bundle


@pytest.fixture
def bundle(tmp_path):
    office = make_device(tmp_path / "office", "HS-NM", "南门街道社工站")
    sup = make_device(tmp_path / "sup", "DD-NB", "宁波市社工督导", role="supervisor")
    trust(office, sup, "督导")
    seed_reference_data(office)
    import datetime

    client = {"name": "张秀英", "gender": "female", "birth_date": "1944-05-12", "phone": "13905741234",
              "id_number": make_id_number("330203", datetime.date(1944, 5, 12), 7, "female"), "community_id": "柳庄社区"}
    open_case(office, {"domain": "social_welfare", "risk": "high", "problem": "独居老人", "intake_date": "2025-01-02"},
              person_values=client)
    exported = export_bundle(office, "督导", tmp_path / "HS-NM-0001.nbsync")
    yield exported, client, sup
    office.close()
    sup.close()


def test_no_name_id_number_or_phone_appears_in_a_bundles_bytes(bundle):
    exported, client, _ = bundle
    data = open(exported.path, "rb").read()
    for value in (client["name"], client["id_number"], client["phone"], client["id_number"][-6:]):
        for encoded in (value.encode("utf-8"), value.encode("utf-16-le"), value.encode("gb18030")):
            assert encoded not in data


def test_the_manifest_names_no_client(bundle, tmp_path):
    exported, client, sup = bundle
    from sync_craft import open_real

    manifest = open_real(sup, exported.path)["manifest.json"].decode()
    assert client["name"] not in manifest and client["id_number"] not in manifest and client["phone"] not in manifest


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_the_standard_age_tool_decrypts_a_bundle_with_the_recipients_identity(bundle):
    exported, client, sup = bundle
    identity = device_keys(sup).age_identity_path
    plain = subprocess.run(["age", "-d", "-i", str(identity), exported.path], capture_output=True, check=True).stdout
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        assert archive.namelist() == ["manifest.json", "manifest.sig", "changes.ndjson.gz"]
        manifest = json.loads(archive.read("manifest.json"))
        changes = gzip.decompress(archive.read("changes.ndjson.gz")).decode()
    assert manifest["counts"]["persons"] == 1 and client["name"] in changes
