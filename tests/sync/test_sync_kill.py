"""A kill in the middle of a large import leaves the database as it was; importing again then works."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys

from sync_helpers import db_path, file_hash, make_device, trust

from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo_city import generate_city
from ningbo_sw_desktop.sync import content_digest, export_bundle, import_bundle

CHILD = """
import sys, time
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.sync import import_bundle

def progress(done, total):
    print(f"applying {done} {total}", flush=True)
    time.sleep(0.3)  # a slow disk: the parent has time to pull the plug mid-transaction

import_bundle(connect(sys.argv[1]), sys.argv[2], progress=progress)
print("committed", flush=True)
"""


def test_a_kill_during_a_large_import_leaves_the_database_as_it_was(tmp_path):
    office = make_device(tmp_path / "office", "HS-NM", "南门街道社工站")
    sup = make_device(tmp_path / "sup", "DD-NB", "宁波市社工督导", role="supervisor")
    trust(office, sup, "督导")
    trust(sup, office, "HS-NM")
    generate_city(office, scale=0.006)
    bundle = export_bundle(office, "督导", tmp_path / "big.nbsync")
    assert bundle.total > 10_000
    digest = content_digest(sup)
    before = file_hash(sup)
    path = db_path(sup)
    sup.close()

    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), bundle.path], stdout=subprocess.PIPE,
                             text=True, env=os.environ.copy())
    seen = []
    for line in child.stdout:
        seen.append(line.strip())
        done, total = map(int, line.split()[1:3])
        if done >= 3 * 2000:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL and "committed" not in seen
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    sup = connect(path)
    assert content_digest(sup) == digest
    assert sup.execute("SELECT COUNT(*) FROM sync_ledger").fetchone()[0] == 0
    report = import_bundle(sup, bundle.path)
    assert report.totals["new"] == bundle.total
    sup.close()
    office.close()
