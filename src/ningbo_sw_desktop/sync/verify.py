"""Verification: every check a bundle must pass before the database is touched.

In order: size, decryption with this device's key (age's MAC catches any cut or altered
byte), the zip's members (exactly three, no duplicates, no path tricks, within caps),
the manifest's format and schema versions, the signature by the key the manifest names,
that the bundle was made for this device, the member hashes, and the decompressed size
(zip-bomb guard). Trust is checked separately (``check_trust``) so ``inspect`` can show an
unknown sender's fingerprint for the user to compare.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import container
from .errors import damaged, refuse
from .keys import DeviceKeys, Peer, device_keys, fingerprint_of, grouped, peer_by_fingerprint, verify_signature
from .lines import Incoming, split_changes
from .manifest import Manifest, check_columns, parse_manifest


@dataclass
class OpenedBundle:
    """A bundle decrypted and authenticated, its changes not yet read."""

    path: Path
    sha256: str
    size: int
    manifest: Manifest
    members: dict[str, bytes]


def open_bundle(db, path, *, passphrase: str | None = None, keys: DeviceKeys | None = None) -> OpenedBundle:
    """Decrypt and authenticate a bundle meant for this device; refuse anything else."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > container.MAX_BUNDLE_BYTES:
            raise refuse("too_large", f"文件过大（{size} 字节），不是有效的同步包。", f"The file is too large ({size} bytes).")
        data = path.read_bytes()
    except OSError as exc:
        raise refuse("unreadable", f"无法读取文件 {path}：{exc.strerror}", f"Cannot read {path}: {exc.strerror}") from None
    keys = keys or device_keys(db)
    members = container.unzip_members(container.decrypt(data, keys.age_identity, passphrase=passphrase))
    manifest = parse_manifest(members[container.MANIFEST])
    _check_signature(manifest, members)
    _check_recipient(manifest, keys)
    check_columns(manifest)
    _check_member(manifest, members)
    return OpenedBundle(path, hashlib.sha256(data).hexdigest(), len(data), manifest, members)


def _check_signature(manifest: Manifest, members: dict[str, bytes]) -> None:
    """The manifest is signed by the key it names, and that key is the fingerprint it claims."""
    origin = manifest.origin
    try:
        claimed = fingerprint_of(origin["signing_key"])
    except ValueError:
        claimed = None
    if claimed != origin["fingerprint"] or not verify_signature(origin["signing_key"], members[container.SIGNATURE],
                                                                 members[container.MANIFEST]):
        raise refuse("bad_signature", "同步包的签名无效：内容在签名后被改动过，或不是由其声称的设备生成。已拒绝。",
                     "The bundle's signature is not valid: it was changed after signing or was not made by the "
                     "device it names. Refused.")


def _check_recipient(manifest: Manifest, keys: DeviceKeys) -> None:
    """A bundle made for another device is refused even if this device could open it."""
    if manifest.recipient_fingerprint != keys.fingerprint:
        name = manifest.recipient.get("name") or grouped(manifest.recipient_fingerprint)[:19]
        raise refuse("not_for_us", f"这个同步包是发给另一台设备（{name}）的，不是本设备。请让对方选择本设备重新导出。",
                     f"This bundle was made for another device ({name}), not this one. Ask the sender to export "
                     "again for this device.")


def _check_member(manifest: Manifest, members: dict[str, bytes]) -> None:
    """changes.ndjson.gz is exactly what the signed manifest describes."""
    described = manifest.members.get(container.CHANGES)
    data = members[container.CHANGES]
    if not isinstance(described, dict) or described.get("size") != len(data) \
            or described.get("sha256") != hashlib.sha256(data).hexdigest():
        raise damaged(f"{container.CHANGES} does not match the manifest")
    if not isinstance(described.get("uncompressed_size"), int) or described["uncompressed_size"] < 0:
        raise damaged("uncompressed size missing")


def load_changes(opened: OpenedBundle) -> Incoming:
    """Decompress (capped) and sort the changes by table, checking their number against the manifest.

    The lines themselves are read table by table (``Incoming.read_table``) by whoever uses them.
    """
    described = opened.manifest.members[container.CHANGES]
    raw = container.decompress(opened.members[container.CHANGES], described["uncompressed_size"])
    if described.get("uncompressed_sha256") not in (None, hashlib.sha256(raw).hexdigest()):
        raise damaged("uncompressed changes do not match the manifest")
    incoming = split_changes(raw, opened.manifest.columns)
    if incoming.counts() != {k: v for k, v in opened.manifest.counts.items() if v}:
        raise damaged("the number of records differs from the manifest")
    return incoming


def check_trust(db, manifest: Manifest, trust_new: bool) -> Peer | None:
    """The trusted peer that signed, or None to be trusted now (``trust_new``); else a refusal."""
    peer = peer_by_fingerprint(db, manifest.origin_fingerprint)
    if peer is not None or trust_new:
        return peer
    raise untrusted_refusal(manifest)


def untrusted_refusal(manifest: Manifest):
    """The refusal for an unknown signer: who it claims to be, its fingerprint, how to trust it."""
    origin = manifest.origin
    who = " ".join(x for x in (origin.get("office_code"), origin.get("office_name")) if x) or origin["device_id"]
    name = origin.get("office_code") or origin["device_id"]
    trust = (f"ningbo-sw keys trust --name {name} --recipient {origin['age_recipient']}"
             f" --signing-key {origin['signing_key']}")
    fp = grouped(origin["fingerprint"])
    return refuse("untrusted",
                  f"同步包由尚未信任的设备签名：{who}\n指纹：{fp}\n请通过电话或当面与对方核对指纹，无误后重新导入并加上 --trust-new，"
                  f"或先运行：\n  {trust}",
                  f"The bundle is signed by a device not yet trusted: {who}\nFingerprint: {fp}\nCompare the "
                  f"fingerprint with the sender (phone or in person); if it matches, import again with --trust-new, "
                  f"or first run:\n  {trust}")
