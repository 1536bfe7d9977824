"""Club rosters (花名册) to and from Excel/WPS sheets and CSV: export, preview, then apply.

Offices keep rosters in spreadsheets typed by many hands, so import never trusts a sheet:
it finds the header row by its column names (Chinese or English) under any title rows,
reads dates however they were typed, and plans every row first — added, updated,
unchanged, rejected with the sheet's own row number and the reason. Nothing is written
until ``apply_import``, which plans again inside its transaction (the database may have
changed since the preview) and refuses a sheet with bad rows unless told to skip them.

Matching a row to a client: the hidden system id of our own export (if its name or ID
number still agrees — rows get sorted and pasted), else the ID number, else a single
client with the same name and birth date or phone; otherwise a new client is registered
through the same checks as intake. A blank cell never erases what the database holds, and
client facts that disagree with the record (name, gender, birth date, ID number) are
rejected rather than overwritten; phone numbers and membership fields are updated.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import enums
from .changes import Changes
from .clubs import current_membership, find_club, roster, validate_member
from .errors import FieldError, UserError, ValidationError
from .files import write_document
from .i18n import Text, get_language
from .persons import checked_person, find_duplicates
from .records import insert_record, update_record
from .validation import parse_date
from .writing import writing

# key, Chinese header, English header, column width (characters)
COLUMNS = [
    ("name", "姓名", "Name", 10), ("gender", "性别", "Gender", 7), ("birth_date", "出生日期", "Birth date", 12),
    ("id_number", "居民身份证号码", "Resident ID number", 21), ("phone", "联系电话", "Phone", 15),
    ("role", "角色", "Role", 9), ("joined_on", "入会日期", "Joined on", 12), ("left_on", "退出日期", "Left on", 12),
    ("tags", "标签", "Tags", 20), ("member_id", "系统编号（请勿修改）", "System id (do not edit)", 38),
]
ALIASES = {
    "name": "姓名|名字|成员姓名|老人姓名|name|full name",
    "gender": "性别|gender|sex",
    "birth_date": "出生日期|出生年月日|出生年月|生日|birth date|date of birth|birthday|dob",
    "id_number": "居民身份证号码|身份证号码|身份证号|身份证|证件号码|id number|resident id number|id no|id card",
    "phone": "联系电话|电话|电话号码|手机|手机号|手机号码|联系方式|phone|telephone|mobile|tel",
    "role": "角色|身份|职务|role",
    "joined_on": "入会日期|加入日期|入会时间|joined on|joined|join date",
    "left_on": "退出日期|退会日期|离开日期|left on|left|leave date",
    "tags": "标签|类别|人员类别|tags",
    "member_id": "系统编号|system id|member id",
}
_HEADER_NAMES = {word.replace(" ", ""): key for key, words in ALIASES.items() for word in words.split("|")}
DATE_FIELDS = ("birth_date", "joined_on", "left_on")
HEADER_SCAN_ROWS = 20
DV_ROWS = 1000  # drop-downs reach past the last member so new rows typed in get them too


def _words(zh: str, en: str) -> str:
    return zh if get_language() == "zh" else en


# --- export -------------------------------------------------------------------------------------------


def export_roster(db, club: str, path, *, include_left: bool = False) -> int:
    """Write a club's roster as .xlsx the way offices print and share it; returns the member count."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    club_row = find_club(db, club)
    members = roster(db, club_row["id"], include_left=include_left)
    wb = Workbook()
    ws = wb.active
    ws.title = _words("花名册", "Roster")
    last_col = get_column_letter(len(COLUMNS) - 1)
    ws.append([_words(f"{club_row['name']}花名册（{club_row['community'] or ''}，{len(members)} 人，{dt.date.today()} 导出）",
                      f"{club_row['name']} roster ({club_row['community'] or ''}, {len(members)} members, exported {dt.date.today()})")])
    ws.merge_cells(f"A1:{last_col}1")
    ws["A1"].font, ws["A1"].alignment = Font(size=14, bold=True), Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    ws.append([_words(zh, en) for _, zh, en, _ in COLUMNS])
    thin = Side(style="thin", color="999999")
    for cell in ws[2]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
        cell.alignment, cell.border = Alignment(horizontal="center"), Border(top=thin, bottom=thin, left=thin, right=thin)
    for m in members:
        ws.append([m["name"], enums.label("gender", m["gender"]), _day(m["birth_date"]), m["id_number"], m["phone"],
                   enums.label("role", m["role"]), _day(m["joined_on"]), _day(m["left_on"]),
                   "、".join(enums.label("tag", t) for t in m["tags"]), m["member_id"]])
    for i, (key, _, _, width) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = width
        fmt = "yyyy-mm-dd" if key in DATE_FIELDS else "@" if key in ("id_number", "phone", "member_id") else None
        if fmt:
            for (cell,) in ws.iter_rows(min_row=3, min_col=i, max_col=i):
                cell.number_format = fmt
    ws.column_dimensions[get_column_letter(len(COLUMNS))].hidden = True
    for key, kind in (("gender", "gender"), ("role", "role")):
        letter = get_column_letter([c[0] for c in COLUMNS].index(key) + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(enums.label(kind, c) for c in enums.codes(kind)) + '"',
                            allow_blank=True, showErrorMessage=True, errorTitle=_words("输入有误", "Not allowed"),
                            error=_words("请从下拉列表中选择", "Choose a value from the list"))
        dv.add(f"{letter}3:{letter}{DV_ROWS}")
        ws.add_data_validation(dv)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{last_col}{max(len(members) + 2, 3)}"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = "landscape", 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    sheet = io.BytesIO()
    wb.save(sheet)
    write_document(path, sheet.getvalue(), signature=b"PK\x03\x04", kind="Excel")  # .xlsx is a zip
    return len(members)


def _day(text: str | None):
    return dt.date.fromisoformat(text) if text else None


# --- reading a sheet ----------------------------------------------------------------------------------


@dataclass
class SheetRow:
    """One data row of a sheet: its row number there and its cells by field."""

    row: int
    cells: dict


def read_sheet(path) -> tuple[int, list[SheetRow], list[str]]:
    """(header row number, data rows, ignored column names) of an .xlsx or .csv file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        data = path.read_bytes()
        if not data.startswith(ZIP_MAGIC):  # not a workbook at all: say what it seems to be instead
            raise _unreadable(path, *_what_it_is(data, suffix))
        try:
            ws = load_workbook(io.BytesIO(data), data_only=True).worksheets[0]
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook gets the same advice
            raise UserError(Text(f"无法读取 {path.name}：文件已损坏或不是 Excel 工作簿",
                                 f"cannot read {path.name}: it is damaged or not an Excel workbook")) from exc
        grid = [(cells[0].row, [c.value for c in cells]) for cells in ws.iter_rows()]
    elif suffix in (".csv", ".txt"):
        grid = list(enumerate(_csv_rows(path), start=1))
    else:
        raise UserError(Text(f"不支持 {suffix or '无扩展名'} 文件：请在 Excel 或 WPS 中另存为 .xlsx 或 .csv",
                             f"{suffix or 'files without an extension'} are not supported: save as .xlsx or .csv in Excel or WPS"))
    for number, values in grid[:HEADER_SCAN_ROWS]:
        keys = [_HEADER_NAMES.get(_header_text(v)) for v in values]
        keys = [k if k not in keys[:i] else None for i, k in enumerate(keys)]  # a second "电话" column is ignored
        if "name" in keys and len({k for k in keys if k}) >= 2:
            ignored = [str(v).strip() for v, k in zip(values, keys, strict=True) if k is None and _clean(v) not in (None, "")]
            rows = [SheetRow(n, {k: _clean(v) for k, v in zip(keys, cells, strict=False) if k})
                    for n, cells in grid if n > number]
            return number, [r for r in rows if any(v not in (None, "") for v in r.cells.values())], ignored
    raise UserError(Text("找不到表头行：表格前 20 行中应有一行写着“姓名”以及“性别”“居民身份证号码”等列名",
                         "no header row found: one of the first 20 rows must name the columns, e.g. Name, Gender, ID number"))


ZIP_MAGIC = b"PK\x03\x04"  # .xlsx (a zip)
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"  # the old .xls format
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f]")  # control characters no typed sheet holds


def _csv_rows(path: Path) -> list[list[str]]:
    """Rows of a CSV saved by Excel, WPS or a script: UTF-8 with or without BOM, else GB18030.

    A file that is not such text (a workbook renamed .csv, UTF-16, a photo) is refused whole:
    read anyway it would register clients with garbled names.
    """
    data = path.read_bytes()
    text = None
    if not data.startswith((ZIP_MAGIC, OLE2_MAGIC)):
        for encoding in ("utf-8-sig", "gb18030"):
            with contextlib.suppress(UnicodeDecodeError):
                text = data.decode(encoding)
                break
    if text is None or _NOT_TEXT.search(text):
        raise _unreadable(path, *_what_it_is(data, path.suffix.lower()))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:  # newline="": line ends of every kind (Windows, Unix, old Mac), and line breaks inside quoted cells
        return list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise _unreadable(path, f"CSV 格式有误（{exc}），请在 Excel 或 WPS 中重新另存为 CSV",
                          f"its CSV is malformed ({exc}); save it again as CSV in Excel or WPS") from exc


def _what_it_is(data: bytes, suffix: str) -> tuple[str, str]:
    """Why a file named as a sheet cannot be read, and what to do, judged from its first bytes."""
    if data.startswith(ZIP_MAGIC):
        return ("它其实是 Excel 工作簿（.xlsx），请把文件扩展名改为 .xlsx 后再导入",
                "it is really an Excel workbook (.xlsx): rename it to end in .xlsx and import it again")
    if data.startswith(OLE2_MAGIC):
        return ("它是旧版 Excel 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 或 .csv",
                "it is an old Excel workbook (.xls): save it as .xlsx or .csv in Excel or WPS")
    if suffix in (".xlsx", ".xlsm") and not _NOT_TEXT.search(data[:4096].decode("latin-1")):
        return ("它不是 Excel 工作簿，而是文字（可能是改了扩展名的 CSV 文件）；若是 CSV，请把扩展名改为 .csv",
                "it is not an Excel workbook but text (perhaps a CSV file renamed); if it is CSV, rename it to end in .csv")
    if suffix in (".xlsx", ".xlsm"):
        return "文件已损坏或不是 Excel 工作簿", "it is damaged or not an Excel workbook"
    return ("它不是 UTF-8 或 GB18030 编码的文字表格；请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8”",
            "it is not a sheet in UTF-8 or GB18030 text; save it as .xlsx or “CSV UTF-8” in Excel or WPS")


def _unreadable(path: Path, zh: str, en: str) -> UserError:
    """The refusal of a file that is not a CSV or Excel sheet this app can read; nothing is imported."""
    return UserError(Text(f"无法读取“{path.name}”：这不是本软件能读取的 CSV 或 Excel 表格——{zh}。未导入任何内容。",
                          f"cannot read “{path.name}”: this is not a CSV or Excel sheet this app can read — {en}."
                          " Nothing was imported."))


def _header_text(value) -> str:
    """A header cell as compared with the aliases: NFKC, lower case, no brackets' content or spaces."""
    text = unicodedata.normalize("NFKC", str(value or "")).lower()
    return re.sub(r"[(\[（【].*?[)\]）】]|[*：:_.\s]", "", text)


def _clean(value):
    """A cell as typed, minus full-width forms and stray spaces (numbers and dates kept as such)."""
    if isinstance(value, str):
        text = " ".join(unicodedata.normalize("NFKC", value).split())
        return text or None
    return value


# --- planning an import --------------------------------------------------------------------------------


@dataclass
class PlannedRow:
    """What importing one good row would do."""

    row: int
    name: str
    action: str  # "add", "update" or "unchanged"
    person_id: str | None = None
    member_id: str | None = None
    new_person: dict | None = None
    person_changes: dict = field(default_factory=dict)
    member_values: dict = field(default_factory=dict)

    @property
    def fields(self) -> list[str]:
        """The fields an update changes."""
        return sorted([*self.person_changes, *(self.member_values if self.action == "update" else {})])


@dataclass
class RejectedRow:
    """A row that cannot be imported, and every reason why."""

    row: int
    name: str
    errors: list[FieldError]


@dataclass
class ImportPreview:
    """What an import would do, row by row; nothing has been written."""

    club: dict = field(repr=False)
    header_row: int
    rows: list[SheetRow] = field(repr=False)
    planned: list[PlannedRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    applied: bool = False

    def of(self, action: str) -> list[PlannedRow]:
        return [p for p in self.planned if p.action == action]

    def as_dict(self) -> dict:
        """The report the CLI prints as JSON."""
        return {"club": self.club["name"], "header_row": self.header_row, "applied": self.applied,
                "added": [{"row": p.row, "name": p.name, "existing_client": p.person_id is not None} for p in self.of("add")],
                "updated": [{"row": p.row, "name": p.name, "fields": p.fields} for p in self.of("update")],
                "unchanged": len(self.of("unchanged")),
                "rejected": [{"row": r.row, "name": r.name, "reasons": [str(e) for e in r.errors],
                              "errors": [e.as_dict() for e in r.errors]} for r in self.rejected],
                "ignored_columns": self.ignored_columns}


def preview_import(db, club: str, path) -> ImportPreview:
    """Read a roster sheet and plan its import; writes nothing."""
    header_row, rows, ignored = read_sheet(path)
    preview = plan_import(db, club, rows, header_row=header_row)
    preview.ignored_columns = ignored
    return preview


def plan_import(db, club: str, rows: list[SheetRow], *, header_row: int = 1) -> ImportPreview:
    """Plan every row against the database as it is now."""
    preview = ImportPreview(find_club(db, club), header_row, rows)
    seen: dict[str, int] = {}
    for sheet_row in rows:
        try:
            planned = _plan_row(db, preview.club, sheet_row.cells)
        except ValidationError as exc:
            preview.rejected.append(RejectedRow(sheet_row.row, _name(sheet_row.cells), exc.errors))
            continue
        planned.row = sheet_row.row
        key = planned.person_id or (planned.new_person or {}).get("id_number") or json.dumps(
            [planned.name, (planned.new_person or {}).get("birth_date")], ensure_ascii=False)
        if key in seen:
            preview.rejected.append(RejectedRow(sheet_row.row, planned.name, [FieldError("name", Text(
                f"与第 {seen[key]} 行是同一个人，请删除重复的一行", f"the same person as row {seen[key]}; delete one of the rows"))]))
            continue
        seen[key] = sheet_row.row
        preview.planned.append(planned)
    return preview


def _name(cells: dict) -> str:
    return str(cells.get("name") or "")


def _plan_row(db, club: dict, cells: dict) -> PlannedRow:
    """One row's plan, or a ValidationError listing all of its problems."""
    values = _typed(cells)
    person_values = {k: values[k] for k in ("name", "gender", "birth_date", "id_number", "phone") if k in values}
    member_given = {k: values[k] for k in ("role", "joined_on", "left_on", "tags") if k in values}
    errors = list(values.pop("_errors"))
    if not values.get("name"):
        errors.append(FieldError("name", Text("必填，请填写", "is required; please fill it in")))
    membership, person = _match(db, club, person_values, values.get("member_id"), errors)
    planned = PlannedRow(0, values.get("name") or "", "add")
    try:
        if person is None:
            planned.new_person = checked_person(db, {**person_values, "community_id": club["community_id"]})
        else:
            planned.person_id = person["id"]
            planned.person_changes = _person_changes(db, person, person_values, errors)
    except ValidationError as exc:
        errors += exc.errors
    membership = membership or (current_membership(db, club["id"], person["id"]) if person else None)
    try:
        if membership is None:
            planned.member_values = validate_member(member_given, founded_on=club.get("founded_on"))
        else:
            planned.member_id = membership["id"]
            clean = validate_member(member_given, partial=True, joined_on=membership["joined_on"],
                                    founded_on=club.get("founded_on"))
            stored = {**membership, "tags": sorted(json.loads(membership["tags"] or "[]"))}
            planned.member_values = {k: v for k, v in clean.items() if v is not None and v != stored.get(k)}
            planned.action = "update" if planned.member_values or planned.person_changes else "unchanged"
    except ValidationError as exc:
        errors += exc.errors
    if errors:
        raise ValidationError(errors)
    return planned


def _typed(cells: dict) -> dict:
    """Cells turned into what the checks expect; cells no check could read are reported."""
    values: dict = {"_errors": []}
    for key, raw in cells.items():
        if raw in (None, ""):
            continue
        if key in DATE_FIELDS:
            values[key] = _sheet_date(raw)
        elif key == "id_number" and isinstance(raw, int | float) and not isinstance(raw, bool):
            values["_errors"].append(FieldError("id_number", Text(
                "表格把号码存成了数字（末尾几位可能已丢失），请把该列设为“文本”后重新填写",
                "the sheet stored the number as a number (its last digits may be lost); format the column as text and retype it")))
        elif isinstance(raw, float) and raw.is_integer():
            values[key] = str(int(raw))
        elif key == "name":
            values[key] = re.sub(r"\s+", "", str(raw)) if all(_cjk(ch) or ch.isspace() for ch in str(raw)) else str(raw)
        else:
            values[key] = str(raw)
    return values


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch in "·•"


def _sheet_date(raw):
    """A day from a date cell, an Excel serial number or typed text; unreadable text is returned as is."""
    from openpyxl.utils.datetime import from_excel

    if isinstance(raw, dt.datetime | dt.date):
        return parse_date(raw).isoformat()
    if isinstance(raw, int | float):  # a serial day number; a bare year (1948) or 19480510 is read as text
        raw = int(raw) if float(raw).is_integer() else raw
        if not 2100 < raw < 100_000:
            return _sheet_date(str(raw))
    text = str(raw).strip()
    if isinstance(raw, int | float) or re.fullmatch(r"\d{5}(\.0+)?", text):
        return from_excel(float(text)).date().isoformat()
    try:
        return parse_date(re.split(r"[ T]\d{1,2}:\d{2}", text)[0]).isoformat()
    except ValueError:
        return text


def _match(db, club: dict, person_values: dict, member_id: str | None, errors: list) -> tuple[dict | None, dict | None]:
    """(membership, client) a row stands for; (None, None) means a new client."""
    if member_id:
        membership = next(db.query("SELECT * FROM club_members WHERE id = ? AND club_id = ? AND deleted = 0",
                                   [member_id, club["id"]]), None)
        person = membership and next(db.query("SELECT * FROM persons WHERE id = ? AND deleted = 0", [membership["person_id"]]), None)
        if person and _same_person(person, person_values):
            return membership, person
    candidates = find_duplicates(db, person_values)
    by_number = [c for c in candidates if c["reason"] == "id_number"]
    if not by_number and person_values.get("id_number"):
        candidates = [c for c in candidates if not c["id_number"]]
    chosen = by_number or candidates
    if len(chosen) > 1:
        errors.append(FieldError("name", Text(
            f"有 {len(chosen)} 位同名服务对象（{'、'.join(c['community'] or '' for c in chosen)}），请填写居民身份证号码以区分",
            f"{len(chosen)} clients share this name ({', '.join(c['community'] or '' for c in chosen)}); add the ID number")))
        return None, None
    if not chosen and not person_values.get("id_number") and person_values.get("name"):
        chosen = [m for m in roster(db, club["id"]) if m["name"] == person_values["name"]]
        chosen = [{"id": chosen[0]["person_id"]}] if len(chosen) == 1 else []
    if chosen:
        return None, next(db.query("SELECT * FROM persons WHERE id = ?", [chosen[0]["id"]]))
    return None, None


def _same_person(person: dict, values: dict) -> bool:
    """Whether a row still describes the client its system id points at (rows get sorted and pasted)."""
    from .validation import normalize_id_number

    number = normalize_id_number(values.get("id_number"))
    return (number and number == person["id_number"]) or (not number and values.get("name") == person["name"])


def _person_changes(db, person: dict, values: dict, errors: list) -> dict:
    """Fields of an existing client the row fills in or updates; disagreeing facts are errors."""
    clean = checked_person(db, values, partial=True, exclude_id=person["id"])
    changes = {}
    for key in ("name", "gender", "birth_date", "id_number", "phone"):
        new, old = clean.get(key), person.get(key)
        if key not in values or new is None or new == old:
            continue
        if old and key != "phone":
            shown = enums.label("gender", old, "zh") if key == "gender" else old
            shown_en = enums.label("gender", old, "en") if key == "gender" else old
            errors.append(FieldError(key, Text(f"与服务对象档案不符（档案中为 {shown}），请核对表格或先修改档案",
                                               f"disagrees with the client's record ({shown_en}); check the sheet or edit the record first")))
        else:
            changes[key] = new
    return changes


# --- applying ---------------------------------------------------------------------------------------------


def apply_import(db, preview: ImportPreview, *, skip_bad_rows: bool = False, actor: str | None = None) -> Changes:
    """Write a previewed import in one transaction; ``Changes.value`` is the import as done.

    The plan is made again inside the transaction, so the import matches the database it
    writes to. A sheet with bad rows imports nothing unless ``skip_bad_rows``.
    """
    with writing(db) as (clock, changes):
        done = plan_import(db, preview.club["id"], preview.rows, header_row=preview.header_row)
        done.ignored_columns = preview.ignored_columns
        if done.rejected and not skip_bad_rows:
            raise UserError(Text(
                f"表格中有 {len(done.rejected)} 行有问题，未导入任何内容；请改正后重新导入，或选择只导入无误的行",
                f"{len(done.rejected)} rows of the sheet have problems, so nothing was imported; fix them and import again,"
                f" or choose to import the good rows only"))
        for p in done.planned:
            person_id = p.person_id or insert_record(db, clock, changes, "persons", p.new_person, actor=actor)
            if p.person_changes:
                update_record(db, clock, changes, "persons", person_id, p.person_changes, actor=actor)
            if p.action == "add":
                insert_record(db, clock, changes, "club_members",
                              {**p.member_values, "club_id": done.club["id"], "person_id": person_id}, actor=actor)
            elif p.member_values:
                update_record(db, clock, changes, "club_members", p.member_id, p.member_values, actor=actor)
        done.applied = True
        changes.value = done
    return changes
