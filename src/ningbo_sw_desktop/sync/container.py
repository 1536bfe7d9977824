"""The ``.nbsync`` file: an age-encrypted zip of manifest.json, manifest.sig and changes.ndjson.gz.

Sealing and opening only; what the members mean lives in ``manifest`` and ``lines``.
Everything is read in memory under size caps (the caps are module constants so tests can
lower them) and nothing is ever extracted to disk: a bundle is data, not an archive to
unpack. Members are stored, not deflated, so their sizes in the zip are their real sizes;
the one compressed member is decompressed here with a hard cap (zip-bomb guard).
"""

from __future__ import annotations

import hashlib
import io
import queue
import re
import threading
import zipfile
import zlib

import pyrage

from .errors import damaged, refuse

MANIFEST, SIGNATURE, CHANGES = "manifest.json", "manifest.sig", "changes.ndjson.gz"
MEMBERS = (MANIFEST, SIGNATURE, CHANGES)
SUFFIX = ".nbsync"

MAX_BUNDLE_BYTES = 1 << 30          # the encrypted file
MAX_MANIFEST_BYTES = 1 << 20
SIGNATURE_BYTES = 64                # Ed25519
MAX_CHANGES_BYTES = 1 << 30         # changes.ndjson.gz as stored
MAX_UNCOMPRESSED_BYTES = 2 << 30    # changes.ndjson after decompression
GZIP_LEVEL = 1                      # fast; the ndjson is repetitive enough that 1 is within 15% of 9
ZIP_DATE = (1980, 1, 1, 0, 0, 0)    # fixed, so the same members give the same zip
AGE_HEADER = b"age-encryption.org/v1\n"  # how every bundle file begins


def zip_members(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of the members, stored uncompressed, in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), data)
    return buffer.getvalue()


def seal(members: list[tuple[str, bytes]], recipient: str, *, passphrase: str | None = None) -> bytes:
    """The encrypted bundle bytes: to the recipient's age key, or (break-glass) to a passphrase."""
    plain = zip_members(members)
    if passphrase:
        return pyrage.passphrase.encrypt(plain, passphrase)
    return pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(recipient)])


def decrypt(data: bytes, identity: pyrage.x25519.Identity, *, passphrase: str | None = None) -> bytes:
    """The zip inside a bundle; a clear refusal when it is not ours or not intact."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise refuse("too_large", f"文件过大（{len(data)} 字节），不是有效的同步包。",
                     f"The file is too large ({len(data)} bytes) to be a sync bundle.")
    if not data.startswith(AGE_HEADER):
        if re.match(rb"age-encryption\.org/v([2-9]|[1-9]\d+)\n", data):
            raise refuse("newer_format", "同步包的加密格式比本软件新，请升级软件后再导入。",
                         "The bundle's encryption format is newer than this app; update the app and import again.")
        raise damaged("not an age file")
    by_passphrase = b"\n-> scrypt " in data[:400]
    if by_passphrase and not passphrase:
        raise refuse("passphrase_needed", "这个同步包是用口令加密的（应急方式），请在导入时输入口令（--passphrase）。",
                     "This bundle is protected by a passphrase (break-glass); import it with the passphrase (--passphrase).")
    try:
        if by_passphrase:
            return pyrage.passphrase.decrypt(data, passphrase)
        return pyrage.decrypt(data, [identity])  # a passphrase given for a bundle sealed to a key is not needed
    except pyrage.DecryptError as exc:
        if by_passphrase:
            raise refuse("wrong_passphrase", "口令不对（或文件已损坏），无法打开这个同步包。请向发出方核对口令后重试。",
                         "The passphrase is wrong (or the file is damaged): the bundle cannot be opened. Check the "
                         "passphrase with the sender and try again.") from None
        raise _decrypt_refusal(str(exc)) from None


def _decrypt_refusal(message: str):
    """Say whether the bundle was made for another device or is damaged."""
    if "No matching keys" in message:
        return refuse("not_for_us", "无法用本设备的密钥打开：这个同步包是发给另一台设备的（或文件头已损坏）。"
                                    "请让对方选择本设备作为接收方重新导出。",
                      "This device's key cannot open the bundle: it was made for another device (or its header is "
                      "damaged). Ask the sender to export again with this device as the recipient.")
    return damaged(message)


def unzip_members(plain: bytes) -> dict[str, bytes]:
    """Exactly the expected members, each within its cap, read in memory."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(plain))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise damaged(f"zip: {exc}") from None
    _check_names([info.filename for info in infos])
    caps = {MANIFEST: MAX_MANIFEST_BYTES, SIGNATURE: SIGNATURE_BYTES, CHANGES: MAX_CHANGES_BYTES}
    out: dict[str, bytes] = {}
    for info in infos:
        cap = caps[info.filename]
        if info.compress_type != zipfile.ZIP_STORED:
            raise refuse("bad_members", f"同步包成员 {info.filename} 的存储方式不对，不是本软件生成的同步包。",
                         f"Member {info.filename} is stored in a way this app never writes; this is not our bundle.")
        if info.file_size > cap or info.compress_size > cap:
            raise _too_big(info.filename, info.file_size, cap)
        try:
            with archive.open(info) as member:
                data = member.read(cap + 1)
        except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
            raise damaged(f"{info.filename}: {exc}") from None
        if len(data) > cap:
            raise _too_big(info.filename, len(data), cap)
        out[info.filename] = data
    return out


def _check_names(names: list[str]) -> None:
    """No path tricks, no duplicates, nothing missing, nothing extra."""
    for name in names:
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") or ":" in name:
            raise refuse("bad_members", f"同步包中含有不安全的文件名“{name}”，已拒绝。",
                         f"The bundle holds an unsafe member name “{name}”; refused.")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise refuse("bad_members", f"同步包中有重复的成员：{'、'.join(duplicates)}，已拒绝。",
                     f"The bundle holds duplicate members: {', '.join(duplicates)}; refused.")
    if sorted(names) != sorted(MEMBERS):
        extra = sorted(set(names) - set(MEMBERS))
        missing = sorted(set(MEMBERS) - set(names))
        raise refuse("bad_members", f"同步包的成员不对（多出：{extra or '无'}；缺少：{missing or '无'}）。",
                     f"The bundle's members are wrong (extra: {extra or 'none'}; missing: {missing or 'none'}).")


def _too_big(name: str, size: int, cap: int):
    return refuse("too_large", f"同步包成员 {name} 过大（{size} 字节，上限 {cap}），已拒绝。",
                  f"Member {name} is too large ({size} bytes, limit {cap}); refused.")


class Packer:
    """changes.ndjson gzip-compressed (no name, no time in the header) and hashed on a second thread while more is read.

    zlib and sha256 let go of Python's GIL, so an export compresses one table's lines while
    SQLite reads the next: for 100,000 changed records of the city-scale database the
    compression (~0.7 s) no longer follows the reading but runs beside it.
    """

    def __init__(self) -> None:
        self.size = 0
        self._zip = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip, time 0, no name
        self._digest = hashlib.sha256()
        self._parts: list[bytes] = []
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="export-compress", daemon=True)
        self._thread.start()

    def add(self, data: bytes) -> None:
        """Queue more of the text (in order)."""
        self.size += len(data)
        self._queue.put(data)

    def finish(self) -> tuple[bytes, str]:
        """The compressed bytes and the sha256 of everything added."""
        self.close()
        if self._error is not None:
            raise self._error
        return b"".join(self._parts), self._digest.hexdigest()

    def close(self) -> None:
        """Stop the thread once what was queued is done (also when the export failed)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _work(self) -> None:
        try:
            while (data := self._queue.get()) is not None:
                self._digest.update(data)
                self._parts.append(self._zip.compress(data))
            self._parts.append(self._zip.flush())
        except BaseException as exc:  # raised on the export's thread by finish()
            self._error = exc
            while self._queue.get() is not None:  # drain, so close() never waits on a full pipe
                pass


def decompress(data: bytes, declared: int) -> bytes:
    """Decompress at most ``declared`` bytes (itself capped); more means a bomb or a lie."""
    limit = min(declared, MAX_UNCOMPRESSED_BYTES)
    if declared > MAX_UNCOMPRESSED_BYTES:
        raise _too_big(CHANGES + " (uncompressed)", declared, MAX_UNCOMPRESSED_BYTES)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise damaged(f"gzip: {exc}") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise refuse("too_large", f"{CHANGES} 解压后超过声明的大小（{declared} 字节），疑似压缩炸弹，已拒绝。",
                     f"{CHANGES} expands beyond its declared size ({declared} bytes): a decompression bomb; refused.")
    if not inflater.eof or inflater.unused_data or len(out) != declared:
        raise damaged(f"{CHANGES}: {len(out)} bytes, manifest says {declared}")
    return out
