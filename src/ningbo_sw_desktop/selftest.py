"""``ningbo-sw self-test``: prove on this PC, in a scratch folder, that an installation can do a day's work.

Each step is a plain function over a ``Workspace`` (so tests and the installers' smoke test
call the same code): create a database, open a case and log a visit, print its case summary,
carry it to a second device in a signed, encrypted bundle, find the bundled resources, sort
Chinese by pinyin, and open the main window (offscreen unless ``QT_QPA_PLATFORM`` names a
platform). Nothing touches the user's own database, keys or settings: the data folder and
Qt's settings point into the scratch folder while the test runs.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .core.i18n import Text

OFFICE = ("HS-NM", "南门街道社工站（自检）")
SUPERVISOR = ("DD-NB", "宁波市社工督导（自检）")


class StepFailed(Exception):
    """A step ran but found something wrong; the message says what."""


@dataclass
class Workspace:
    """The scratch folder and what the steps made in it, handed from one step to the next."""

    folder: Path
    office_db: object = None
    supervisor_db: object = None
    case_no: str | None = None
    pdf: Path | None = None
    bundle: Path | None = None

    @property
    def office_path(self) -> Path:
        return self.folder / "office.db"

    @property
    def supervisor_path(self) -> Path:
        return self.folder / "supervisor.db"

    def close(self) -> None:
        """Close both databases (Windows cannot delete an open file)."""
        for db in (self.office_db, self.supervisor_db):
            if db is not None:
                db.close()
        self.office_db = self.supervisor_db = None


@dataclass(frozen=True)
class Step:
    """One check: its name in both languages, the function, and the steps it builds on."""

    key: str
    label: Text
    run: Callable[[Workspace], str]
    needs: tuple[str, ...] = ()


@dataclass
class StepResult:
    """How one step went: ``ok`` is None when it was skipped because a step it needs failed."""

    key: str
    label: Text
    ok: bool | None
    seconds: float = 0.0
    detail: str = ""
    error: str = ""

    def as_dict(self) -> dict:
        return {"step": self.key, "label": str(self.label), "ok": self.ok, "seconds": round(self.seconds, 3),
                "detail": self.detail, "error": self.error}


# --- the steps -------------------------------------------------------------------------------------


def create_database(ws: Workspace) -> str:
    """A new office database, migrated, with its code and the reference areas and workers."""
    from .core.db import connect
    from .core.demo import seed_reference_data
    from .core.maintenance import check_database
    from .core.office import init_office

    ws.office_db = connect(ws.office_path)
    init_office(ws.office_db, *OFFICE)
    areas = seed_reference_data(ws.office_db)
    result = check_database(ws.office_db)
    if not result["ok"]:
        raise StepFailed("; ".join(map(str, result["problems"])))
    return f"schema {result['schema_version']}, {len(areas)} areas"


def add_case_and_visit(ws: Workspace) -> str:
    """Intake of an elderly client living alone, then a home visit with a follow-up date."""
    from .core.cases import get_case, open_case
    from .core.demo import make_id_number
    from .core.visits import log_visit

    db = ws.office_db
    community = db.execute("SELECT id FROM areas WHERE level = 'community' AND deleted = 0 ORDER BY name LIMIT 1").fetchone()
    if community is None:
        raise StepFailed("no community area to register the client in")
    today = datetime.date.today()
    born = datetime.date(1946, 3, 5)
    person = {"name": "王秀英", "gender": "female", "birth_date": born.isoformat(),
              "id_number": make_id_number("330203", born, 7, "female"), "phone": "13905740007",
              "community_id": community[0]}
    ws.case_no = open_case(db, {"domain": "social_welfare", "risk": "medium", "problem": "独居老人，行动不便，需要定期探访",
                                "intake_date": today.isoformat(), "goals": "建立邻里支持网络"},
                           person_values=person).value
    log_visit(db, {"case_id": ws.case_no, "kind": "home", "at": _earlier_today(60), "duration_min": 45,
                   "notes": "入户了解近况，老人精神尚可", "next_follow_up": (today + datetime.timedelta(days=14)).isoformat()})
    visits = get_case(db, ws.case_no, with_visits=True).get("visits") or []
    if len(visits) != 1:
        raise StepFailed(f"expected 1 visit on {ws.case_no}, found {len(visits)}")
    return f"{ws.case_no}, 1 visit"


def _earlier_today(minutes: int, now: datetime.datetime | None = None) -> str:
    """A visit time that is never in the future, whenever the self-test runs (8 a.m. or just past midnight)."""
    now = (now or datetime.datetime.now()).replace(second=0, microsecond=0)
    return max(now - datetime.timedelta(minutes=minutes), now.replace(hour=0, minute=0)).isoformat(timespec="minutes")


def render_case_summary(ws: Workspace) -> str:
    """The case summary PDF, set in an embedded Chinese font."""
    from .reports import build_case_summary, choose_font

    ws.pdf = ws.folder / "case-summary.pdf"
    data = build_case_summary(ws.office_db, ws.case_no, out=ws.pdf)
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise StepFailed("the case summary is not a complete PDF")
    font = choose_font()
    if not font.embedded:
        raise StepFailed(f"no embeddable Chinese font found (fell back to {font.name})")
    if getattr(sys, "frozen", False) and font.source != "bundled":
        raise StepFailed(f"the bundled font was not used ({font.source}: {font.path})")
    accel = ", C speed-ups" if sys.modules.get("_rl_accel") else ""  # rl_accel, when installed and bundled
    return f"{len(data) // 1024} KB, font {font.source}{accel}"


def backup_and_restore(ws: Workspace) -> str:
    """Back the office database up, change it, restore the backup: the change is gone and kept aside."""
    from .core.backup import list_backups, make_backup, restore_backup
    from .core.visits import log_visit

    db = ws.office_db
    made = make_backup(db, ws.office_path)
    before = db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    log_visit(db, {"case_id": ws.case_no, "kind": "phone", "at": _earlier_today(1), "notes": "电话回访（自检）"})
    saved = restore_backup(db, ws.office_path, made.path).value
    after = db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    if after != before:
        raise StepFailed(f"after the restore {after} visits, the backup has {before}")
    if [b.reason for b in list_backups(ws.office_path)] != ["before-restore", "manual"]:
        raise StepFailed("the data as it was before the restore was not kept as a backup")
    return f"{made.size // 1024} KB, restored, the data before kept as {saved.path.name}"


def exchange_bundle(ws: Workspace) -> str:
    """Office → supervisor: export a signed, encrypted bundle and import it on a second device that trusts the first."""
    from .core.db import connect
    from .core.office import init_office
    from .sync import content_digest, export_bundle, identity, import_bundle, set_device_role, trust_peer

    ws.supervisor_db = sup = connect(ws.supervisor_path)
    init_office(sup, *SUPERVISOR)
    set_device_role(sup, "supervisor")
    office, boss = identity(ws.office_db), identity(sup)
    if office["fingerprint"] == boss["fingerprint"]:
        raise StepFailed("the two databases share one device identity")
    trust_peer(ws.office_db, "督导", boss["age_recipient"], boss["signing_key"], role="supervisor",
               device=boss["device_id"], office_code=boss["office_code"], office_name=boss["office_name"])
    trust_peer(sup, OFFICE[0], office["age_recipient"], office["signing_key"], role="office",
               device=office["device_id"], office_code=office["office_code"], office_name=office["office_name"])
    stick = ws.folder / "stick"
    stick.mkdir(exist_ok=True)
    exported = export_bundle(ws.office_db, "督导", stick)
    ws.bundle = Path(exported.path)
    if ws.case_no.encode() in ws.bundle.read_bytes():
        raise StepFailed("the bundle's bytes are not encrypted")
    imported = import_bundle(sup, ws.bundle)
    arrived = sup.execute("SELECT COUNT(*) FROM cases WHERE case_no = ? AND deleted = 0", [ws.case_no]).fetchone()[0]
    if not arrived:
        raise StepFailed(f"{ws.case_no} did not arrive at the supervisor")
    if content_digest(sup) != content_digest(ws.office_db):
        raise StepFailed("the supervisor's copy differs from the office's")
    again = import_bundle(sup, ws.bundle)
    if not again.already_imported:
        raise StepFailed("importing the same bundle twice was not recognised")
    return f"{ws.bundle.name}, {exported.total} records, {imported.summary()}"


def find_resources(ws: Workspace) -> str:
    """The font, our translations, Qt's Chinese translation and the icon are where the app looks for them."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from .core.paths import resource_path

    wanted = [("fonts", "wqy-microhei.ttc"), ("fonts", "LICENSE-wqy-microhei.txt"),
              ("translations", "ningbo_sw_zh_CN.qm"), ("translations", "ningbo_sw_en.qm"), ("icons", "ningbo-sw-256.png")]
    missing = [os.path.join(*parts) for parts in wanted if not resource_path(*parts).is_file()]
    if missing:
        raise StepFailed(f"missing resources: {', '.join(missing)} (looked in {resource_path()})")
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_zh_CN", qt_translations):
        raise StepFailed(f"Qt's Chinese translation qtbase_zh_CN.qm not found in {qt_translations}")
    for name in ("ningbo_sw_zh_CN.qm", "ningbo_sw_en.qm"):  # English: its plural forms ("1 case", "2 cases")
        qm = resource_path("translations", name)
        if not QTranslator().load(qm.stem, str(qm.parent)):
            raise StepFailed(f"{qm} cannot be loaded")
    return str(resource_path())


def chinese_text(ws: Workspace) -> str:
    """Qt sorts Chinese names by pinyin and knows the GB encodings (the Linux build trims ICU's data to zh and en)."""
    import functools

    from PySide6.QtCore import QCollator, QLocale, QStringDecoder

    names = ["张伟", "王芳", "陈静", "李娜"]
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ordered = sorted(names, key=functools.cmp_to_key(collator.compare))
    if ordered != ["陈静", "李娜", "王芳", "张伟"]:
        raise StepFailed(f"names are not in pinyin order: {' < '.join(ordered)}")
    missing = [name for name in ("GB18030", "GBK") if not QStringDecoder(name).isValid()]
    if missing and sys.platform.startswith("linux"):
        raise StepFailed(f"Qt lacks the {', '.join(missing)} encoding")
    return " < ".join(ordered)


def open_window(ws: Workspace) -> str:
    """The main window opens on the new database, as the app opens it, and every page can be shown."""
    from PySide6.QtCore import QEvent, QLocale, QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from .core import i18n
    from .ui import registry
    from .ui.app import application, build_context
    from .ui.main_window import MainWindow
    from .ui.prefs import Prefs

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(ws.folder / "settings"))
    language, locale = i18n.get_language(), QLocale()
    previous_handler = qInstallMessageHandler(_quiet_offscreen)
    app = application()
    prefs = Prefs()
    prefs.language = language
    ctx = build_context(ws.office_path, app, prefs=prefs)
    window = None
    try:
        registry.load_extensions()
        package = registry.__package__
        broken = [name for name in registry.EXTENSION_MODULES
                  if _present(f"{package}.{name}") and f"{package}.{name}" not in sys.modules]
        if broken:
            raise StepFailed(f"feature modules failed to load: {', '.join(broken)} (see the log in the data folder)")
        window = MainWindow(ctx)
        window.show()
        for name in window.classes:
            window.show_page(name)
            _settle(app, ctx)
        broken = [module for name, (module, class_name) in registry.LAZY_PAGES.items()
                  if _present(f"{package}.{module}") and type(window.pages.get(name)).__name__ != class_name]
        if broken:
            raise StepFailed(f"pages failed to load: {', '.join(broken)} (see the log in the data folder)")
        return f"{len(window.pages)} pages, platform {QApplication.platformName()}"
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, not at some later event loop
            _settle(app, ctx)
        if ctx.translations is not None:  # take our translators out again (English installs none)
            ctx.translations.apply("en")
        ctx.ops.shutdown()
        ctx.db.close()
        QLocale.setDefault(locale)
        i18n.set_language(language)
        qInstallMessageHandler(previous_handler)


def _quiet_offscreen(kind, context, message: str) -> None:
    """Pass Qt's messages on, except the offscreen plugin's note that it has no window manager."""
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _present(module: str) -> bool:
    """Whether a feature module is part of this installation (it may not be written yet)."""
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def _settle(app, ctx, timeout: float = 10.0) -> None:
    """Let queued events and background reads finish, as a person waiting a moment would."""
    deadline = time.monotonic() + timeout
    app.processEvents()
    while ctx.ops.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


STEPS: tuple[Step, ...] = (
    Step("database", Text("创建数据库", "Create a database"), create_database),
    Step("case", Text("登记个案并记录走访", "Open a case and log a visit"), add_case_and_visit, ("database",)),
    Step("pdf", Text("生成个案摘要 PDF", "Render the case summary PDF"), render_case_summary, ("case",)),
    Step("backup", Text("备份并恢复数据库", "Back up and restore the database"), backup_and_restore, ("case",)),
    Step("bundle", Text("导出同步包并在第二台设备导入", "Export a bundle and import it on a second device"),
         exchange_bundle, ("case",)),
    Step("resources", Text("查找字体、翻译和图标", "Find fonts, translations and icons"), find_resources),
    Step("chinese", Text("中文按拼音排序", "Sort Chinese names by pinyin"), chinese_text),
    Step("window", Text("打开主窗口", "Open the main window"), open_window, ("database",)),
)


# --- running them ------------------------------------------------------------------------------------


@contextlib.contextmanager
def scratch_environment(folder: Path) -> Iterator[None]:
    """Point the data folder (device keys, drafts, logs) into the scratch folder; offscreen Qt without a display."""
    saved = {name: os.environ.get(name) for name in ("NINGBO_SW_DATA", "QT_QPA_PLATFORM")}
    os.environ["NINGBO_SW_DATA"] = str(folder / "data")
    if not saved["QT_QPA_PLATFORM"]:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_steps(folder: Path, *, steps: tuple[Step, ...] = STEPS,
              on_result: Callable[[StepResult], None] | None = None) -> list[StepResult]:
    """Run the steps in ``folder``; a failure skips the steps that build on it, never the others."""
    folder.mkdir(parents=True, exist_ok=True)
    ws = Workspace(folder)
    results: list[StepResult] = []
    failed: set[str] = set()
    with scratch_environment(folder):
        try:
            for step in steps:
                result = _run_one(step, ws, failed)
                if not result.ok:
                    failed.add(step.key)
                results.append(result)
                if on_result:
                    on_result(result)
        finally:
            ws.close()
    return results


def _run_one(step: Step, ws: Workspace, failed: set[str]) -> StepResult:
    """One step, timed; its exception becomes the result's error text."""
    blocked = [key for key in step.needs if key in failed]
    if blocked:
        return StepResult(step.key, step.label, None, error=f"skipped: needs {', '.join(blocked)}")
    started = time.perf_counter()
    try:
        detail = step.run(ws) or ""
    except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the other steps
        text = getattr(exc, "text", None)
        return StepResult(step.key, step.label, False, time.perf_counter() - started,
                          error=f"{type(exc).__name__}: {text if text is not None else exc}")
    return StepResult(step.key, step.label, True, time.perf_counter() - started, detail=detail)


def all_passed(results: list[StepResult]) -> bool:
    """True only when every step ran and passed."""
    return bool(results) and all(r.ok for r in results)
