"""Device identity: an Ed25519 key that signs bundles, an age X25519 key that opens them, trusted peers.

Private keys live in the user's data folder under ``keys/<device id>/`` (mode 0600), one
pair per database, so two databases on one PC are two devices, and a database copied onto
a USB stick (or into a backup) does not carry its keys with it. ``age.key`` is a standard
age identity file: ``age -d -i age.key bundle.nbsync`` opens a bundle meant for this device.
A peer is known by its fingerprint, the SHA-256 of its signing public key.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..core.db import write_transaction
from ..core.errors import FieldError, NotFound, ValidationError
from ..core.i18n import Text
from ..core.office import device_id, device_role, get_meta, set_meta  # noqa: F401 (device_role: sync API)
from ..core.paths import data_dir
from ..core.records import audit, now_text
from ..core.validation import LINE_CONTROL

ROLES = ("office", "supervisor")


@dataclass(frozen=True)
class DeviceKeys:
    """This installation's private keys and what others need to know of them."""

    device_id: str
    signing_key: Ed25519PrivateKey
    age_identity: pyrage.x25519.Identity
    folder: Path

    @property
    def signing_public(self) -> str:
        """The signing public key as 64 hex characters (what peers type into ``keys trust``)."""
        return self.signing_key.public_key().public_bytes_raw().hex()

    @property
    def age_recipient(self) -> str:
        """The age public key (``age1...``) bundles for this device are encrypted to."""
        return str(self.age_identity.to_public())

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the signing public key, hex: the name peers know this device by."""
        return fingerprint_of(self.signing_public)

    @property
    def age_identity_path(self) -> Path:
        """The age identity file (for the standard ``age`` tool)."""
        return self.folder / "age.key"

    def sign(self, data: bytes) -> bytes:
        """An Ed25519 signature over ``data``."""
        return self.signing_key.sign(data)


def fingerprint_of(signing_public_hex: str) -> str:
    """The fingerprint of a signing public key given as hex."""
    return hashlib.sha256(bytes.fromhex(signing_public_hex)).hexdigest()


def grouped(fingerprint: str) -> str:
    """A fingerprint as people compare it aloud: 16 groups of 4, upper case."""
    text = fingerprint.upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def key_folder(device: str) -> Path:
    """Where one device's private keys are kept."""
    return data_dir() / "keys" / device


def _write_private(path: Path, text: str) -> None:
    """Create a key file readable by its owner only; never overwrite an existing key."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)


def _load_or_create(folder: Path) -> tuple[Ed25519PrivateKey, pyrage.x25519.Identity]:
    """Read both keys, making any that is missing (first use of this database)."""
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    signing_path, age_path = folder / "signing.key", folder / "age.key"
    for path, make in ((signing_path, _new_signing_text), (age_path, _new_age_text)):
        if not path.exists():
            try:
                _write_private(path, make())
            except FileExistsError:  # another process made it a moment ago: use theirs
                pass
    seed = bytes.fromhex(_key_line(signing_path, ""))
    identity = pyrage.x25519.Identity.from_str(_key_line(age_path, "AGE-SECRET-KEY-"))
    return Ed25519PrivateKey.from_private_bytes(seed), identity


def _key_line(path: Path, prefix: str) -> str:
    """The key in a key file (comment lines start with #)."""
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip() and not line.startswith("#") and line.startswith(prefix):
            return line.strip()
    raise ValueError(f"no key in {path}")


def _new_signing_text() -> str:
    """A fresh Ed25519 private key, as the file stores it."""
    seed = Ed25519PrivateKey.generate().private_bytes_raw().hex()
    return f"# ningbo-sw device signing key (Ed25519 seed, hex); keep private\n{seed}\n"


def _new_age_text() -> str:
    """A fresh age identity in the age tool's own file format."""
    identity = pyrage.x25519.Identity.generate()
    return f"# created: {now_text()}\n# public key: {identity.to_public()}\n{identity}\n"


def device_keys(db) -> DeviceKeys:
    """This database's keys, made on first use."""
    device = device_id(db)
    folder = key_folder(device)
    signing, identity = _load_or_create(folder)
    return DeviceKeys(device, signing, identity, folder)


def verify_signature(signing_public_hex: str, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` is the key's Ed25519 signature over ``data``."""
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(signing_public_hex)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


# --- this device's role and identity ----------------------------------------------------------------


def set_device_role(db, role: str) -> None:
    """Declare this installation an office's or a supervisor's."""
    if role not in ROLES:
        raise ValidationError([FieldError("role", Text(f"应为 {' / '.join(ROLES)}", f"must be one of {', '.join(ROLES)}"))])
    with write_transaction(db):
        set_meta(db, "sync_role", role)
        audit(db, "sync_role", None, None, {"role": role})


def identity(db) -> dict:
    """What ``keys show`` prints: who this device is and the public keys peers need."""
    keys = device_keys(db)
    return {"device_id": keys.device_id, "office_code": get_meta(db, "office_code"),
            "office_name": get_meta(db, "office_name"), "role": device_role(db),
            "fingerprint": keys.fingerprint, "fingerprint_grouped": grouped(keys.fingerprint),
            "age_recipient": keys.age_recipient, "signing_key": keys.signing_public,
            "age_identity_file": str(keys.age_identity_path)}


# --- peers ---------------------------------------------------------------------------------------------


@dataclass
class Peer:
    """A device whose bundles this database accepts and to which it can export."""

    fingerprint: str
    name: str
    age_recipient: str
    signing_key: str
    trusted_at: str
    trusted_how: str
    device_id: str | None = None
    office_code: str | None = None
    office_name: str | None = None
    role: str | None = None
    acked_lstamp: str | None = None
    acked_sequence: int | None = None

    def as_dict(self) -> dict:
        return {**asdict(self), "fingerprint_grouped": grouped(self.fingerprint)}


PEER_COLUMNS = ("fingerprint", "name", "age_recipient", "signing_key", "trusted_at", "trusted_how", "device_id",
                "office_code", "office_name", "role", "acked_lstamp", "acked_sequence")


def _peers(db, where: str = "1", params=()) -> list[Peer]:
    rows = db.execute(f"SELECT {', '.join(PEER_COLUMNS)} FROM sync_peers WHERE {where} ORDER BY name", list(params))
    return [Peer(*row) for row in rows.fetchall()]


def list_peers(db) -> list[Peer]:
    """Every trusted device, by name."""
    return _peers(db)


def peer_by_fingerprint(db, fingerprint: str) -> Peer | None:
    """The trusted device with this fingerprint, if any."""
    found = _peers(db, "fingerprint = ?", [fingerprint])
    return found[0] if found else None


def find_peer(db, ref: str) -> Peer:
    """A trusted device by name, office code or fingerprint (spaces allowed)."""
    text = (ref or "").strip()
    compact = text.replace(" ", "").lower()
    found = _peers(db, "name = ? OR fingerprint = ? OR office_code = ?", [text, compact, text.upper()])
    if len(found) == 1:
        return found[0]
    known = "、".join(p.name for p in list_peers(db)) or "—"
    raise NotFound(Text(f"没有名为“{text}”的受信任设备（已信任：{known}）。请先用 ningbo-sw keys trust 添加。",
                        f"No trusted device “{text}” (trusted: {known}). Add it first with `ningbo-sw keys trust`."))


def check_public_keys(recipient: str, signing_key: str) -> tuple[str, str]:
    """Normalised public keys, or a ValidationError saying which one is mistyped."""
    errors = []
    recipient, signing_key = (recipient or "").strip(), (signing_key or "").strip().lower()
    try:
        pyrage.x25519.Recipient.from_str(recipient)
    except Exception:
        errors.append(FieldError("recipient", Text("不是有效的 age 公钥（应以 age1 开头）", "is not an age public key (starts with age1)")))
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(signing_key))
    except ValueError:
        errors.append(FieldError("signing_key", Text("不是有效的签名公钥（应为 64 位十六进制）",
                                                     "is not a signing public key (64 hex characters)")))
    if errors:
        raise ValidationError(errors)
    return recipient, signing_key


PEER_NAME_MAX = 40  # a label typed in --to and shown in lists


def trust_peer(db, name: str, recipient: str, signing_key: str, *, role: str | None = None, how: str = "manual",
               device: str | None = None, office_code: str | None = None, office_name: str | None = None) -> Peer:
    """Trust a device (or rename one already trusted under the same keys); returns it.

    A device already trusted keeps its encryption key: one typed differently is refused.
    """
    recipient, signing_key = check_public_keys(recipient, signing_key)
    name = (name or "").strip()
    fingerprint = fingerprint_of(signing_key)
    if not name:
        raise ValidationError([FieldError("device_name", Text("必填，请给该设备起个名字，如 督导 或 HS-NM",
                                                              "is required, e.g. supervisor or HS-NM"))])
    if len(name) > PEER_NAME_MAX or LINE_CONTROL.search(name):
        raise ValidationError([FieldError("device_name", Text(f"最多 {PEER_NAME_MAX} 个字，不能含换行或制表符",
                                                              f"at most {PEER_NAME_MAX} characters, no line breaks or tabs"))])
    if fingerprint == device_keys(db).fingerprint:
        raise ValidationError([FieldError("signing_key", Text("这是本设备自己的公钥", "this is this device's own key"))])
    taken = _peers(db, "name = ? AND fingerprint != ?", [name, fingerprint])
    if taken:
        raise ValidationError([FieldError("device_name", Text(
            f"名称“{name}”已用于另一台设备（指纹 {grouped(taken[0].fingerprint)[:19]}…）",
            f"the name “{name}” is used by another device ({grouped(taken[0].fingerprint)[:19]}…)"))])
    known = peer_by_fingerprint(db, fingerprint)
    if known is not None and known.age_recipient != recipient:
        # A device's two keys are made together and never change apart: bundles "for" it would be
        # readable by whoever holds this other key. Its signed bundles carry its real one.
        raise ValidationError([FieldError("recipient", Text(
            f"这台设备已信任为“{known.name}”，但加密公钥与此不同。设备的密钥不会单独改变：请核对复制的内容，未作任何改动。",
            f"this device is already trusted as “{known.name}” with another encryption key. A device's keys never "
            "change separately: check what was copied. Nothing was changed."))])
    with write_transaction(db):
        store_peer(db, Peer(fingerprint, name, recipient, signing_key, now_text(), how, device, office_code,
                            office_name, role))
        audit(db, "trust_device", None, None, {"name": name, "fingerprint": fingerprint, "how": how})
    return peer_by_fingerprint(db, fingerprint)


def store_peer(db, peer: Peer) -> None:
    """Insert or refresh a peer (caller holds the transaction); acknowledgements are kept."""
    db.execute(
        "INSERT INTO sync_peers (fingerprint, name, age_recipient, signing_key, trusted_at, trusted_how, device_id,"
        " office_code, office_name, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(fingerprint) DO UPDATE SET name = excluded.name, age_recipient = excluded.age_recipient,"
        " device_id = coalesce(excluded.device_id, device_id), office_code = coalesce(excluded.office_code, office_code),"
        " office_name = coalesce(excluded.office_name, office_name), role = coalesce(excluded.role, role)",
        [peer.fingerprint, peer.name, peer.age_recipient, peer.signing_key, peer.trusted_at, peer.trusted_how,
         peer.device_id, peer.office_code, peer.office_name, peer.role])


def free_peer_name(db, wanted: str, fingerprint: str) -> str:
    """``wanted`` if no other device uses it, else ``wanted-2``, ``wanted-3`` ..."""
    name, n = wanted, 1
    while _peers(db, "name = ? AND fingerprint != ?", [name, fingerprint]):
        n += 1
        name = f"{wanted}-{n}"
    return name
