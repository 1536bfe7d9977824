"""Shrink Qt's ICU data library (31 MB of the Linux bundle) to the locales the app speaks: Chinese and English.

Qt 6 on Linux links ``libicudata.so.NN``: one symbol, ``icudtNN_dat``, holding an ICU
"common data" package of about 3,900 items, most of them translations of language, region,
currency, unit and time-zone names into 800 locales. Keeping ``root``, ``en*`` and ``zh*``
(and everything that is not per-locale: converters, normalisation, break rules and
dictionaries, collation base data) is what ICU's own data filter does for a two-language
app; other locales fall back to ``root``, which is ICU's documented behaviour.

The package is rewritten here in Python and wrapped in a new ``libicudata.so.NN`` with the
same soname and symbol by the GNU assembler and linker (binutils, which PyInstaller needs on
Linux anyway). When anything is unexpected, ``slim_icu_data`` returns None and the spec keeps
the original library.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

KEEP_LANGUAGES = ("root", "en", "zh", "yue")  # zh_Hant_HK borrows some of its data from yue
# Locale bundles are named like zh.res, zh_Hans_CN.res, en_US_POSIX.res, de_.res (variants), root.res.
LOCALE_RES = re.compile(r"^([a-z]{2,3}|root)(_[A-Za-z0-9]*)*\.res$")
# Transliteration rules: Qt never calls ICU's transliterator.
DROP_TREES = ("translit/",)
# Multi-byte converters for Japanese, Korean, Taiwan's EUC, mainframe (EBCDIC) double-byte code pages and
# X11 compound text; GB18030, GBK, GB2312, Big5 and HKSCS, and every single-byte code page, stay.
DROP_CONVERTERS = re.compile(r"^(euc-jp|euc-tw|jisx-212|cns-11643|icu-internal-compound|icu-internal-25546|windows-949|"
                             r"ibm-(33722|943|942|954|930|939|1390|1399|949|970|971|933|1364|1363|1371|937|964|935"
                             r"|1388)_).*\.cnv$")
ALIGN = 16
PAD = b"\xaa"  # what ICU's own packager pads with, so an unfiltered package is rebuilt byte for byte


def _elf_symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size, read with objdump (symbol value = offset in this library)."""
    table = subprocess.run(["objdump", "-T", str(library)], capture_output=True, text=True, check=True).stdout
    for line in table.splitlines():
        parts = line.split()
        if parts and re.fullmatch(r"icudt\d+_dat", parts[-1]) and ".rodata" in parts:
            return parts[-1], int(parts[0], 16), int(parts[-2], 16)
    raise ValueError(f"no icudtNN_dat symbol in {library}")


def _rodata_offset(library: Path) -> int:
    """How far the .rodata section's file offset is from its address (zero in Qt's libicudata)."""
    headers = subprocess.run(["objdump", "-h", str(library)], capture_output=True, text=True, check=True).stdout
    for line in headers.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[1] == ".rodata":
            return int(parts[5], 16) - int(parts[3], 16)
    raise ValueError(f"no .rodata in {library}")


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split an ICU common-data package into its header and (name, item bytes) pairs, in table order."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    count = struct.unpack_from("<I", data, header_size)[0]
    offsets = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(offsets):
        start = header_size + name_at
        name = data[start:data.index(b"\0", start)].decode("ascii")
        end = offsets[i + 1][1] if i + 1 < count else len(data) - header_size
        items.append((name, data[header_size + data_at:header_size + end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common-data package of these items (names stay sorted: ICU looks them up by binary search)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    first = -(-(toc_size + len(names)) // ALIGN) * ALIGN
    table, blobs, name_at, data_at = bytearray(struct.pack("<I", len(items))), bytearray(), toc_size, first
    for name, blob in items:
        table += struct.pack("<II", name_at, data_at)
        name_at += len(name) + 1
        padded = blob + PAD * (-len(blob) % ALIGN)
        blobs += padded
        data_at += len(padded)
    body = bytes(table) + names + PAD * (first - toc_size - len(names)) + bytes(blobs)
    return header + body


def wanted(name: str) -> bool:
    """Whether an item stays: the root, English and Chinese locales, and what is not per-locale (see above)."""
    path = name.split("/", 1)[1] if "/" in name else name
    if path.startswith(DROP_TREES):
        return False
    base = path.rsplit("/", 1)[-1]
    if DROP_CONVERTERS.match(base):
        return False
    match = LOCALE_RES.match(base)
    return base == "res_index.res" or match is None or match.group(1) in KEEP_LANGUAGES


def slim_icu_data(library: Path, workdir: Path) -> Path | None:
    """A slimmed copy of ``libicudataNN.so`` in ``workdir``, or None when it cannot be made here."""
    if not all(shutil.which(tool) for tool in ("objdump", "as", "ld")):
        return None
    try:
        symbol, address, size = _elf_symbol(library)
        offset = address + _rodata_offset(library)
        header, items = read_package(library.read_bytes()[offset:offset + size])
    except (ValueError, subprocess.CalledProcessError, struct.error, UnicodeDecodeError):
        return None
    kept = [item for item in items if wanted(item[0])]
    if not any(name.endswith("/root.res") for name, _ in kept) or len(kept) == len(items):
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    package = workdir / f"{symbol[:-4]}l.dat"
    package.write_bytes(write_package(header, kept))
    source = workdir / "icudata.s"
    source.write_text(
        f'    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n    .balign 16\n{symbol}:\n'
        f'    .incbin "{package.name}"\n    .size {symbol}, . - {symbol}\n'
        '    .section .note.GNU-stack,"",@progbits\n', encoding="ascii")
    target = workdir / library.name
    subprocess.run(["as", "-o", "icudata.o", source.name], cwd=workdir, check=True)
    subprocess.run(["ld", "-shared", "-soname", library.name, "-o", target.name, "icudata.o"], cwd=workdir, check=True)
    return target


if __name__ == "__main__":
    import sys

    made = slim_icu_data(Path(sys.argv[1]), Path(sys.argv[2]))
    print(made or "not slimmed")
