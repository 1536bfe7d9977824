"""manifest.json: what a bundle claims about itself, signed by its origin device.

The format version says how the container is laid out; the sync schema version says which
synced tables and fields the lines may carry. Either newer than this app is refused (never
half-understood); older ones are read, missing fields arriving as blanks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from ..core.schema import TABLES
from .errors import refuse

FORMAT = "ningbo-sw-bundle"
FORMAT_VERSION = 1
# Bump when a synced table or field is added (tests/sync/test_manifest.py pins the shape).
SYNC_SCHEMA_VERSION = 1


def tables_shape() -> str:
    """A digest of the synced tables and their fields, to notice a schema change not versioned."""
    return hashlib.sha256(json.dumps(TABLES, sort_keys=True).encode()).hexdigest()


@dataclass
class Manifest:
    """The signed description of one bundle."""

    bundle_id: str
    sequence: int
    created_at: str
    origin: dict
    recipient: dict
    clock: dict
    columns: dict
    members: dict
    counts: dict
    acknowledgements: list = field(default_factory=list)
    devices: dict = field(default_factory=dict)
    full: bool = False
    scope: str = "all"
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    schema_version: int = SYNC_SCHEMA_VERSION
    db_schema: int = 0
    app_version: str = ""

    def to_bytes(self) -> bytes:
        """The exact bytes that are signed and stored."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, indent=1).encode()

    @property
    def origin_fingerprint(self) -> str:
        return self.origin["fingerprint"]

    @property
    def recipient_fingerprint(self) -> str:
        return self.recipient["fingerprint"]

    def as_dict(self) -> dict:
        return asdict(self)


_REQUIRED = {"bundle_id": str, "sequence": int, "created_at": str, "origin": dict, "recipient": dict, "clock": dict,
             "columns": dict, "members": dict, "counts": dict, "acknowledgements": list, "devices": dict}
_ORIGIN = ("fingerprint", "device_id", "signing_key", "age_recipient")


def parse_manifest(data: bytes) -> Manifest:
    """Read manifest.json; refuse a newer format or schema, or anything malformed."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _malformed("manifest.json is not JSON") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise _malformed("not a ningbo-sw manifest")
    version = raw.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise refuse("newer_format", f"同步包格式版本为 {version}，本软件只支持到 {FORMAT_VERSION}。请升级软件后再导入。",
                     f"The bundle's format version is {version}; this app reads up to {FORMAT_VERSION}. "
                     "Update the app and import again.")
    schema = raw.get("schema_version")
    if not isinstance(schema, int) or schema > SYNC_SCHEMA_VERSION:
        raise refuse("newer_schema", f"同步包的数据结构版本为 {schema}，比本软件（{SYNC_SCHEMA_VERSION}）新。请升级软件后再导入。",
                     f"The bundle's data schema is version {schema}, newer than this app's ({SYNC_SCHEMA_VERSION}). "
                     "Update the app and import again.")
    for key, kind in _REQUIRED.items():
        if not isinstance(raw.get(key), kind) or isinstance(raw.get(key), bool) and kind is int:
            raise _malformed(f"manifest field {key}")
    if any(not isinstance(raw["origin"].get(k), str) for k in _ORIGIN) or not isinstance(raw["recipient"].get("fingerprint"), str):
        raise _malformed("manifest origin/recipient")
    known = {k for k in Manifest.__dataclass_fields__}
    try:
        return Manifest(**{k: v for k, v in raw.items() if k in known})
    except TypeError as exc:
        raise _malformed(str(exc)) from None


def check_columns(manifest: Manifest) -> dict[str, list[str]]:
    """The tables and fields the lines carry: all known to this app (a subset is fine)."""
    columns = manifest.columns
    for table, fields in columns.items():
        if table not in TABLES or not isinstance(fields, list) or not set(fields) <= set(TABLES[table]) \
                or len(set(fields)) != len(fields):
            raise refuse("newer_schema", f"同步包含有本软件不认识的表或字段（{table}），请升级软件后再导入。",
                         f"The bundle holds a table or fields this app does not know ({table}); update the app.")
    return columns


def _malformed(detail: str):
    return refuse("malformed", f"同步包的清单格式不对（{detail}），不是本软件生成的同步包。",
                  f"The bundle's manifest is malformed ({detail}); it was not made by this app.")
