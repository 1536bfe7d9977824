"""Writing a document the user named: whole or not at all, and never over a file of another kind.

A PDF or a spreadsheet is written beside its target and renamed, so a half-written file
never carries the name; a target that exists but is not a file of the same kind (a typo
such as ``--out office.db``) is refused rather than replaced; a place that cannot be
written is a message in the user's language, not a crash. Print and roster export use it;
sync export checks its target the same way.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .errors import UserError
from .i18n import Text


def write_document(path: str | os.PathLike, data: bytes, *, signature: bytes, kind: str) -> Path:
    """Write ``data`` to ``path``; an existing file there is replaced only if it starts with ``signature``."""
    path = Path(path)
    check_replaceable(path, signature=signature, kind=kind)
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # the folder may not even exist
            partial.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise UserError(Text(f"无法保存到“{path}”：{reason}。请检查文件夹是否存在、是否可写、空间是否足够。",
                             f"Cannot save to “{path}”: {reason}. Check that the folder exists, can be written "
                             "and has room.")) from None
    return path


def check_replaceable(path: Path, *, signature: bytes, kind: str) -> None:
    """Refuse a target that exists but is not a file of this kind (it would be lost, not updated)."""
    if path.exists() and not _starts_with(path, signature):
        raise UserError(Text(f"“{path}”已存在且不是 {kind} 文件，没有覆盖它。请换一个文件名。",
                             f"“{path}” exists and is not a {kind} file; it was not overwritten. Choose another file name."))


def _starts_with(path: Path, signature: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(signature)) == signature
    except OSError:  # a folder, or unreadable: nothing to replace
        return False
