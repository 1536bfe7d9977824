"""Checks on what users type or import, reporting every problem of a record at once.

Values arrive from forms, the CLI, Excel sheets and sync bundles in many spellings
(full-width digits, 2026年11月29日, +86, 男/male/m); each check keeps the one stored form
and turns anything wrong into a ``FieldError`` saying what to do, in both languages.
Plain Python: no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata

from . import enums
from .errors import FieldError, ValidationError, field_label
from .i18n import Text

EARLIEST_BIRTH = dt.date(1890, 1, 1)
EARLIEST_VISIT = dt.datetime(1990, 1, 1)  # no office kept visit logs before; an earlier year is a typo (1900, 2-digit years)
FUTURE_SLACK = dt.timedelta(minutes=10)  # office PC clocks drift; a visit logged "now" may read a little ahead
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
NAME_MAX = 40
TEXT_MAX = 20000
REQUIRED = Text("必填，请填写", "is required; please fill it in")

# Free text that may run over several lines (a form's multi-line box); every other text field
# (names, titles, places, addresses, phones, numbers, ids) is one line. The kind follows the
# field's name wherever the field is checked, so typed input and sync import agree.
MULTILINE_FIELDS = frozenset({"notes", "problem", "goals", "plan", "close_reason", "description"})
# Characters stored text never holds: the C0 and C1 controls (tab, line feed, carriage return,
# NUL, ...), DEL, and the Unicode line and paragraph separators; multi-line text keeps "\n".
LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
TEXT_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{4})(\d{2})(\d{2})")
_TIME_RE = re.compile(r"(.+?)\s*[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?")
_TAG_SPLIT = re.compile(r"[,，、;；]")


def _ascii(raw) -> str:
    """Full-width digits, letters and spaces as ASCII (NFKC), stripped; None becomes ''."""
    return unicodedata.normalize("NFKC", "" if raw is None else str(raw)).strip()


def _recheck(zh: str, en: str) -> Text:
    """An ID-number problem; the fix is always to compare with the card."""
    return Text(f"{zh}，请核对号码", f"{en}; please re-check the number")


# --- resident ID numbers (GB 11643) ------------------------------------------------------------


def normalize_id_number(raw: str | None) -> str:
    """The stored form of an ID number: no spaces, ASCII, upper-case X."""
    return re.sub(r"\s+", "", _ascii(raw)).upper()


def id_check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    if len(first17) != 17:
        raise ValueError("17 digits expected")
    return ID_CHECK_CHARS[sum(map(operator.mul, map(int, first17), ID_WEIGHTS)) % 11]


def id_number_problem(value: str, *, today: dt.date | None = None) -> Text | None:
    """Why an ID number cannot be right, or None; area codes are not checked (DESIGN.md)."""
    value = normalize_id_number(value)
    if len(value) == 15 and value.isdigit():
        return Text("这是 15 位的旧号码，请填写 18 位的居民身份证号码",
                    "this is an old 15-digit number; enter the 18-character resident ID number")
    if len(value) != 18:
        return _recheck(f"应为 18 位，现在是 {len(value)} 位", f"must be 18 characters, not {len(value)}")
    if not value[:17].isdigit():
        return _recheck("前 17 位只能是数字", "the first 17 characters must be digits")
    if value[17] not in "0123456789X":
        return _recheck("最后一位应为数字或 X", "the last character must be a digit or X")
    expected = id_check_digit(value[:17])
    if (problem := _id_birth_problem(value[6:14], today or dt.date.today())) or value[17] == expected:
        return problem  # a wrong check digit means a mistyped digit somewhere; name the right one
    return _recheck(f"校验位错误，应为 {expected}", f"check digit is wrong (should be {expected})")


def _id_birth_problem(digits: str, today: dt.date) -> Text | None:
    """The birth date inside the number must be a real day of a living person."""
    try:
        born = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return _recheck(f"号码中的出生日期 {digits} 不存在", f"the birth date in the number ({digits}) does not exist")
    if born > today:
        return _recheck(f"号码中的出生日期 {born} 晚于今天", f"the birth date in the number ({born}) is in the future")
    if born < EARLIEST_BIRTH:
        return _recheck(f"号码中的出生日期 {born} 早于 {EARLIEST_BIRTH}",
                        f"the birth date in the number ({born}) is before {EARLIEST_BIRTH}")
    return None


def id_number_facts(value: str) -> tuple[dt.date, str]:
    """(birth date, "male"/"female") of a valid number, to fill or cross-check a form."""
    value = normalize_id_number(value)
    problem = id_number_problem(value)
    if problem:
        raise ValueError(problem.en)
    return _encoded_facts(value)


def _encoded_facts(value: str) -> tuple[dt.date, str]:
    """What a number already checked (normalised, no problem) says: its birth date and gender."""
    born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    return born, "male" if int(value[16]) % 2 else "female"


# --- phone numbers ----------------------------------------------------------------------------------


def normalize_phone(raw: str | None) -> str:
    """The stored form, so one number is one string: 11 mobile digits, or AREA-NUMBER."""
    text = re.sub(r"\s+", "", _ascii(raw))
    text = re.sub(r"^\((0\d{2,3})\)-?", r"\1-", text)  # (0574)87654321
    abroad = re.match(r"(\+|00)86-?", text)
    text = text[abroad.end():] if abroad else text
    if not re.fullmatch(r"[\d-]+", text):
        return text
    digits = text.replace("-", "")
    if abroad and not digits.startswith("0") and not re.fullmatch(r"1[3-9]\d{9}", digits):
        digits = "0" + digits  # +86 574 8765 4321 is dialled 0574 8765 4321 at home
    if digits.startswith("0") and len(digits) > 4:
        area = 3 if digits[1] in "12" else 4  # 010 and 02X are the only short area codes
        return f"{digits[:area]}-{digits[area:]}"
    return digits


def phone_problem(value: str) -> Text | None:
    """Why a phone number cannot be dialled from Ningbo as stored, or None."""
    value = normalize_phone(value)
    digits = value.replace("-", "")
    if not value:
        return Text("请填写电话号码", "please enter a phone number")
    if not digits.isdigit():
        return Text("只能包含数字（座机可在区号后加“-”），请核对",
                    "may contain only digits (and a hyphen after a landline's area code); please re-check")
    if re.fullmatch(r"1[3-9]\d{9}|0\d{2,3}-\d{7,8}", value):
        return None
    if digits.startswith("1"):
        return Text("手机号码应为 11 位、以 13 至 19 开头，请核对", "a mobile number has 11 digits starting 13 to 19; please re-check")
    if digits.startswith("0"):
        return Text("座机号码应为区号加 7 至 8 位号码，如 0574-87654321，请核对",
                    "a landline needs the area code and a 7 or 8 digit number, e.g. 0574-87654321; please re-check")
    if len(digits) in (7, 8):
        return Text("缺少区号，请在号码前加上区号（宁波为 0574），如 0574-87654321",
                    "the area code is missing; put it in front (Ningbo is 0574), e.g. 0574-87654321")
    return Text("不是有效的电话号码，请填写 11 位手机号或带区号的座机号，如 0574-87654321",
                "not a phone number; enter an 11-digit mobile or a landline with area code, e.g. 0574-87654321")


# --- dates and times ----------------------------------------------------------------------------------


def parse_date(value) -> dt.date:
    """A day from any spelling users and spreadsheets write; ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE_RE.fullmatch(_ascii(value)) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"not a date: {value!r}")
    year, month, day = (int(g) for g in match.groups() if g is not None)
    return dt.date(year, month, day)


def parse_datetime(value) -> dt.datetime:
    """A naive local time from a datetime, a date (midnight) or text; ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    if not isinstance(value, str):
        return dt.datetime.combine(parse_date(value), dt.time())
    text = _ascii(value)
    match = _TIME_RE.fullmatch(text)
    if match:
        day, hour, minute, second = match.groups()
        return dt.datetime.combine(parse_date(day), dt.time(int(hour), int(minute), int(second or 0)))
    try:
        return dt.datetime.combine(parse_date(text), dt.time())
    except ValueError:
        return parse_datetime(dt.datetime.fromisoformat(text))  # offsets such as +08:00 from bundles


def _shown(value: dt.date) -> str:
    """A date or time as written in messages."""
    return value.isoformat(" ", "minutes") if isinstance(value, dt.datetime) else value.isoformat()


def _control_problem(char: str) -> Text:
    """What to do about a control character found in text (a line break only where one line is wanted)."""
    if char == "\t":
        return Text("不能包含制表符（Tab），请删除后重新填写", "cannot contain a tab; please remove it")
    if char in _LINE_BREAKS:
        return Text("只能填写一行，不能包含换行，请删除换行", "must be a single line; please remove the line break")
    return Text(f"包含不可见的控制字符（U+{ord(char):04X}），请删除后重新填写",
                f"contains an invisible control character (U+{ord(char):04X}); please remove it")


# --- one record's checks ----------------------------------------------------------------------------


def _given(value) -> bool:
    """Whether the user put something in a field (blank text and empty lists are nothing)."""
    if isinstance(value, str | list | tuple | set):
        return bool(value.strip() if isinstance(value, str) else value)
    return value is not None


class Checker:
    """Collects FieldErrors for one record, so all problems are reported at once."""

    def __init__(self, values: dict, *, today: dt.date | None = None, now: dt.datetime | None = None):
        self.values = dict(values)
        self.today = today or (now.date() if now else dt.date.today())
        self.now = now or dt.datetime.combine(self.today, dt.datetime.now().time())
        self.errors: list[FieldError] = []
        self.cleaned: dict = {}

    def add(self, field: str, text: Text) -> None:
        """Record one field's problem."""
        self.errors.append(FieldError(field, text))

    def failed(self, field: str) -> bool:
        """Whether a field already has a problem (later checks on it would only repeat it)."""
        return any(e.field == field for e in self.errors)

    def raise_if_any(self) -> None:
        """Refuse the whole record when anything is wrong."""
        if self.errors:
            raise ValidationError(self.errors)

    def _store(self, field: str, value):
        """Keep a cleaned value; a blank only for a field the caller gave, never over a derived one."""
        if value is not None or (field in self.values and self.cleaned.get(field) is None):
            self.cleaned[field] = value
        return value

    def _blank(self, field: str, required: bool, label_text: Text | None = None) -> None:
        """An empty field: an error when required, else a cleared value."""
        if required:
            self.add(field, REQUIRED if label_text is None else Text(
                f"必填，请填写{label_text.zh}", f"is required; please fill in the {label_text.en}"))
        return self._store(field, None)

    def required(self, field: str, *, label_text: Text | None = None) -> str | None:
        """Text the record cannot do without."""
        text = str(self.values.get(field) or "").strip()
        return self._store(field, self._text(field, text, TEXT_MAX)) if text else self._blank(field, True, label_text)

    def optional_text(self, field: str, max_len: int = TEXT_MAX) -> str | None:
        """Free text; blank means none."""
        text = str(self.values.get(field) or "").strip()
        return self._store(field, self._text(field, text, max_len) if text else None)

    def _text(self, field: str, text: str, max_len: int) -> str | None:
        """Text as stored: one line unless the field is multi-line (MULTILINE_FIELDS), no control
        characters, not over-long; anything else is refused rather than changed or cut, so
        nothing typed is lost silently. Only Windows line ends become plain "\\n"."""
        multiline = field in MULTILINE_FIELDS
        if multiline:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if bad := (TEXT_CONTROL if multiline else LINE_CONTROL).search(text):
            return self.add(field, _control_problem(bad.group()))
        if len(text) > max_len:
            return self.add(field, Text(f"内容过长（{len(text)} 字），最多 {max_len} 字，请删减",
                                        f"too long ({len(text)} characters, at most {max_len}); please shorten it"))
        return text

    def enum(self, field: str, kind: str, *, required: bool = True, default: str | None = None) -> str | None:
        """A code from a closed list, typed as code, Chinese or English word."""
        raw = self.values.get(field)
        if not _given(raw):
            return self._store(field, default) if default else self._blank(field, required)
        try:
            return self._store(field, enums.parse(kind, str(raw), field))
        except enums.EnumError as e:
            self.add(field, e.error.text)
            return None

    def tags(self, field: str = "tags") -> list[str]:
        """Tags as a sorted list of unique codes, from a list or a 、/,-separated string."""
        raw = self.values.get(field)
        if isinstance(raw, str):
            words = _TAG_SPLIT.split(raw)
        else:  # a lone number or other value (a bad cell, a malformed bundle) is one unknown word, not a crash
            words = list(raw) if isinstance(raw, list | tuple | set) else [] if raw is None else [raw]
        try:
            codes = sorted({enums.parse("tag", w, field) for w in (str(w).strip() for w in words) if w})
        except enums.EnumError as e:
            self.add(field, e.error.text)
            return []
        if field in self.values:
            self.cleaned[field] = codes
        return codes

    def date(self, field: str, *, required: bool = False, not_future: bool = False,
             not_before: dt.date | None = None, not_before_text: Text | None = None) -> dt.date | None:
        """A day, stored as YYYY-MM-DD."""
        floor = parse_date(not_before) if not_before is not None else None
        return self._when(field, required, parse_date, self.today if not_future else None, floor, not_before_text)

    def datetime(self, field: str, *, required: bool = False, not_future: bool = False,
                 not_before: dt.date | dt.datetime | None = None,
                 not_before_text: Text | None = None) -> dt.datetime | None:
        """A moment, stored as YYYY-MM-DDTHH:MM:SS; "future" allows for a PC clock a little fast."""
        floor = parse_datetime(not_before) if not_before is not None else None
        return self._when(field, required, parse_datetime, self.now if not_future else None, floor, not_before_text)

    def _when(self, field: str, required: bool, parse, latest, floor, floor_text: Text | None):
        """A date or time within its bounds (``latest`` is today or now), stored as ISO text."""
        raw = self.values.get(field)
        if not _given(raw):
            return self._blank(field, required)
        timed = parse is parse_datetime
        try:
            value = parse(raw).replace(microsecond=0) if timed else parse(raw)
        except ValueError:
            example = "2026-11-29 09:30" if timed else "2026-11-29"
            self.add(field, Text(f"“{raw}”无法识别，请按 {example} 的格式填写一个存在的{'时间' if timed else '日期'}",
                                 f"“{raw}” is not understood; write a real {'time' if timed else 'day'} like {example}"))
            return None
        zh, en = field_label(field, "zh"), field_label(field, "en")
        if latest is not None and value > (latest + FUTURE_SLACK if timed else latest):
            word_zh, word_en = ("现在", "now") if timed else ("今天", "today")
            self.add(field, Text(f"{zh}不能晚于{word_zh}（{_shown(latest)}），请核对",
                                 f"{en} cannot be later than {word_en} ({_shown(latest)}); please check it"))
        elif floor is not None and value < floor:
            self.add(field, floor_text or Text(f"{zh}不能早于 {_shown(floor)}，请核对",
                                               f"{en} cannot be before {_shown(floor)}; please check it"))
        else:
            self._store(field, value.isoformat(timespec="seconds") if timed else value.isoformat())
            return value
        return None

    def integer(self, field: str, *, required: bool = False, min_value: int | None = None,
                max_value: int | None = None) -> int | None:
        """A whole number within its range (typed as text, or read from a sheet as 3.0)."""
        raw = self.values.get(field)
        if not _given(raw):
            return self._blank(field, required)
        number = _to_int(raw)
        if number is None:
            self.add(field, Text(f"“{raw}”不是整数，请填写数字，如 3", f"“{raw}” is not a whole number; enter digits, e.g. 3"))
        elif (min_value is not None and number < min_value) or (max_value is not None and number > max_value):
            self.add(field, _range_text(min_value, max_value))
        else:
            return self._store(field, number)
        return None

    def phone(self, field: str = "phone", *, required: bool = False) -> str | None:
        """A phone number someone in Ningbo can dial."""
        value = normalize_phone(self.values.get(field))
        problem = phone_problem(value) if value else None
        if problem:
            self.add(field, problem)
            return None
        return self._store(field, value) if value else self._blank(field, required)

    def id_number(self, field: str = "id_number") -> str | None:
        """An ID number; also fills or cross-checks the birth date and gender it encodes."""
        value = normalize_id_number(self.values.get(field))
        problem = id_number_problem(value, today=self.today) if value else None
        if not value or problem:
            return self.add(field, problem) if problem else self._blank(field, False)
        born, gender = _encoded_facts(value)  # checked just above: not again
        self._agree("birth_date", born.isoformat(), lambda v: parse_date(v).isoformat(), Text(
            f"出生日期与身份证号码不符（号码中为 {born}），请核对",
            f"birth date does not match the ID number (which says {born}); please check both"))
        self._agree("gender", gender, lambda v: enums.parse("gender", str(v)), Text(
            f"性别与身份证号码不符（号码中为{enums.label('gender', gender, 'zh')}），请核对",
            f"gender does not match the ID number (which says {gender}); please check both"))
        return self._store(field, value)

    def _agree(self, field: str, derived: str, parse, mismatch: Text) -> None:
        """Fill a blank field from the ID number, or report that the typed value disagrees."""
        typed = self.cleaned.get(field) or self.values.get(field)
        if self.failed(field):
            return
        if not _given(typed):
            self.cleaned[field] = derived
            return
        try:
            if parse(typed) != derived:
                self.add(field, mismatch)
        except ValueError:
            pass  # the field's own check says what is wrong with it


def _to_int(raw) -> int | None:
    """An int from an int, an integral float (spreadsheets give 3.0), or digits in text."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = "" if isinstance(raw, bool | float) else _ascii(raw)
    return int(text) if re.fullmatch(r"[+-]?\d+", text) else None


def _range_text(low: int | None, high: int | None) -> Text:
    """What range a number must be in."""
    if low is not None and high is not None:
        return Text(f"应在 {low} 到 {high} 之间", f"must be between {low} and {high}")
    if low is not None:
        return Text(f"不能小于 {low}", f"cannot be less than {low}")
    return Text(f"不能大于 {high}", f"cannot be more than {high}")


# --- records ---------------------------------------------------------------------------------------


def _wanted(values: dict, partial: bool):
    """Which fields to check: all of them for a new record, only those given for an update."""
    return (lambda field: field in values) if partial else (lambda field: True)


def _run(want, checks) -> None:
    """Run each wanted field's check, in order (later checks read earlier cleaned values)."""
    for field, check in checks:
        if want(field):
            check(field)


def validate_person(values: dict, *, partial: bool = False, today: dt.date | None = None) -> dict:
    """A client's facts; birth date and gender may come from the ID number."""
    c, want = Checker(values, today=today), _wanted(values, partial)
    _run(want, [("name", lambda f: _check_name(c)), ("gender", lambda f: c.enum(f, "gender", required=False)),
                ("birth_date", lambda f: c.date(f, not_future=True, not_before=EARLIEST_BIRTH)), ("id_number", c.id_number)])
    for field in ("gender", "birth_date"):  # a wrong ID number is the one thing to fix: it would fill these
        if want(field) and c.cleaned.get(field) is None and not c.failed(field) and not c.failed("id_number"):
            c.add(field, Text("必填，请填写（或填写身份证号码自动带出）", "is required; fill it in (or enter the ID number, which contains it)"))
    _run(want, [("phone", c.phone), ("registered_address", c.optional_text), ("address", c.optional_text),
                ("community_id", c.required), ("relief_status", lambda f: c.enum(f, f, default="none")),
                ("disability_cert_no", c.optional_text), ("disability_grade", lambda f: c.integer(f, min_value=1, max_value=4)),
                ("tags", c.tags), ("notes", c.optional_text)])
    c.raise_if_any()
    return c.cleaned if partial else {"tags": [], **c.cleaned}


def _check_name(c: Checker) -> None:
    """A person's name: digits in it are almost always a slip into the wrong column."""
    name = c.required("name")
    if name and len(name) > NAME_MAX:
        c.add("name", Text(f"过长（{len(name)} 字），最多 {NAME_MAX} 字", f"too long ({len(name)} characters, at most {NAME_MAX})"))
    elif name and any(ch.isdigit() for ch in name):
        c.add("name", Text("姓名中不能有数字，请核对", "a name cannot contain digits; please check it"))


def validate_case(values: dict, *, partial: bool = False, today: dt.date | None = None,
                  birth_date: dt.date | None = None) -> dict:
    """A case's facts; its dates must follow the client's life and each other."""
    c, want = Checker(values, today=today), _wanted(values, partial)
    _run(want, [("person_id", c.required), ("domain", lambda f: c.enum(f, f)), ("risk", lambda f: c.enum(f, f)),
                ("problem", c.required), ("referral_source", lambda f: c.enum(f, f, required=False)),
                ("program_id", c.optional_text), ("worker_id", c.optional_text), ("goals", c.optional_text),
                ("plan", c.optional_text), ("close_reason", c.optional_text),
                ("status", lambda f: c.enum(f, f, default=None if partial else "open"))])
    for field in ("case_no", "office_code"):  # given at intake, never edited: checked (sync brings them), not kept
        if field in values:
            c.optional_text(field)
            c.cleaned.pop(field, None)
    intake = _check_intake(c, partial, birth_date) if want("intake_date") else None
    if want("closed_on"):
        c.date("closed_on", not_future=True, not_before=intake, not_before_text=Text(
            f"结案日期早于接案日期（{intake}），请核对", f"closing date is before the intake date ({intake}); please check it"))
    _check_closing(c)
    c.raise_if_any()
    return c.cleaned


def _check_intake(c: Checker, partial: bool, birth_date: dt.date | None) -> dt.date | None:
    """Intake defaults to today; a case cannot open before its client was born."""
    intake = c.date("intake_date", required=partial, not_future=True, not_before=birth_date, not_before_text=Text(
        f"接案日期早于服务对象的出生日期（{birth_date}），请核对接案日期或出生日期",
        f"intake date is before the client's birth date ({birth_date}); please check either date"))
    if intake is None and not partial and not c.failed("intake_date"):
        intake = c.today
        c.cleaned["intake_date"] = intake.isoformat()
    return intake


def _check_closing(c: Checker) -> None:
    """A closed case has a reason and a day (today unless given); an open one has no closing day."""
    status, closed_on = c.cleaned.get("status"), c.cleaned.get("closed_on")
    if status == "closed":
        if not c.cleaned.get("close_reason") and not c.failed("close_reason"):
            c.add("close_reason", Text("结案时必须填写结案原因", "is required when the case is closed; please fill it in"))
        if closed_on is None and not c.failed("closed_on"):
            c.cleaned["closed_on"] = c.today.isoformat()
    elif status == "open" and closed_on:
        c.add("closed_on", Text("个案仍在进行中，不能有结案日期；如已结案，请把个案状态改为已结案",
                                "an open case has no closing date; set the status to closed if it is closed"))


def validate_visit(values: dict, *, partial: bool = False, today: dt.date | None = None,
                   now: dt.datetime | None = None, case_intake: dt.date | None = None,
                   case_no: str | None = None) -> dict:
    """One contact with a client, logged after it happened (and not before 1990).

    ``case_intake`` (and ``case_no``, to name the case) is given by the local write functions,
    which know the case: a visit of a case is not before the day it was opened. Sync import
    never gives it (the case may arrive in a later bundle).
    """
    c, want = Checker(values, today=today, now=now), _wanted(values, partial)
    _run(want, [("case_id", c.optional_text), ("person_id", c.optional_text), ("worker_id", c.optional_text),
                ("kind", lambda f: c.enum(f, f)), ("duration_min", lambda f: c.integer(f, min_value=0, max_value=1440)),
                ("notes", c.required), ("outcome", c.optional_text)])
    if want("case_id") and want("person_id") and not (c.cleaned.get("case_id") or c.cleaned.get("person_id")):
        c.add("case_id", Text("请选择个案或服务对象（至少一项）", "choose the case or the client (at least one)"))
    at = c.datetime("at", required=True, not_future=True, not_before=EARLIEST_VISIT, not_before_text=Text(
        f"早于 {EARLIEST_VISIT.date()}，应是年份写错了，请核对",
        f"is before {EARLIEST_VISIT.date()}, which must be a typo in the year; please check it")) if want("at") else None
    if at and case_intake and at.date() < case_intake:
        case_zh, case_en = (f"个案 {case_no} ", f"case {case_no}") if case_no else ("个案", "the case")
        c.add("at", Text(f"走访日期 {at.date()} 早于{case_zh}的接案日期 {case_intake}，请核对走访时间",
                         f"the visit ({at.date()}) is before {case_en} was opened ({case_intake}); please check the visit time"))
    if want("next_follow_up"):
        day = at.date() if at else None
        c.date("next_follow_up", not_before=day, not_before_text=Text(
            f"下次跟进日期早于走访日期（{day}），请核对", f"next follow-up is before the visit ({day}); please check it"))
    c.raise_if_any()
    return c.cleaned


def validate_area(values: dict) -> dict:
    """An area; every level below the city hangs under a parent."""
    c = Checker(values)
    c.required("name")
    level = c.enum("level", "level")
    if not c.optional_text("parent_id") and level not in (None, "city"):
        c.add("parent_id", Text("请选择上级区域（只有市级区域没有上级）", "choose the parent area (only a city has none)"))
    c.integer("population", min_value=0)
    c.optional_text("code")
    c.raise_if_any()
    return c.cleaned


def validate_worker(values: dict) -> dict:
    """A social worker of this office."""
    c = Checker(values)
    c.required("name")
    c.enum("gender", "gender", required=False)
    c.enum("cert_level", "cert_level", required=False)
    c.optional_text("cert_no")
    c.optional_text("community_id")
    c.phone()
    c.optional_text("office_code")
    c.raise_if_any()
    return c.cleaned
