"""Hand-made bundles for the refusal tests: open a real bundle, change it, sign and seal it again."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pyrage

from ningbo_sw_desktop.sync import container
from ningbo_sw_desktop.sync.keys import device_keys


def open_real(recipient_db, path) -> dict[str, bytes]:
    """The members of a bundle meant for ``recipient_db``."""
    plain = pyrage.decrypt(Path(path).read_bytes(), [device_keys(recipient_db).age_identity])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def reseal(origin_db, recipient_db, path, out, mutate=None, *, sign: bool = True, members_list=None) -> Path:
    """Change a real bundle with ``mutate(members, manifest)``, re-sign it as the origin, seal it for the recipient.

    ``members_list(members)`` may return the (name, bytes) list to zip instead (duplicates, odd names).
    """
    members = open_real(recipient_db, path)
    manifest = json.loads(members[container.MANIFEST])
    if mutate:
        mutate(members, manifest)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    members[container.MANIFEST] = manifest_bytes
    if sign:
        members[container.SIGNATURE] = device_keys(origin_db).sign(manifest_bytes)
    listed = members_list(members) if members_list else list(members.items())
    sealed = container.seal(listed, device_keys(recipient_db).age_recipient)
    Path(out).write_bytes(sealed)
    return Path(out)


def rewrite_changes(members: dict[str, bytes], manifest: dict, edit) -> None:
    """For a ``reseal`` mutation: replace the change lines by ``edit(lines)`` and describe the new member in the manifest."""
    lines = gzip.decompress(members[container.CHANGES]).decode().split("\n")
    raw = "\n".join(edit(lines)).encode()
    packed = gzip.compress(raw, mtime=0)
    members[container.CHANGES] = packed
    manifest["members"][container.CHANGES] = {"sha256": hashlib.sha256(packed).hexdigest(), "size": len(packed),
                                              "uncompressed_size": len(raw),
                                              "uncompressed_sha256": hashlib.sha256(raw).hexdigest()}


def seal_zip(recipient_db, zipped: bytes, out) -> Path:
    """Encrypt arbitrary zip bytes for the recipient (for archives zipfile would not write)."""
    Path(out).write_bytes(pyrage.encrypt(zipped, [pyrage.x25519.Recipient.from_str(device_keys(recipient_db).age_recipient)]))
    return Path(out)
