"""The installers' parts: icons, desktop integration, the Windows script, the ICU trim and the .nbsync hand-off.

The package test (`make test` runs it; plain `pytest` skips it) builds the Linux package as CI does and runs the built app's self-test.
"""

from __future__ import annotations

import importlib.util
import json
import os
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
ICONS = ROOT / "resources" / "icons"
SIZE_LIMIT_MIB = 130


def load(path: Path):
    """Import one of the installers' helper scripts by path (they are not part of the package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- icons ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_icon_pngs_have_their_size(size):
    header = (ICONS / f"ningbo-sw-{size}.png").read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (size, size)


def test_windows_icon_holds_every_size():
    data = (ICONS / "ningbo-sw.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = sorted((struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256) for i in range(count))
    assert sizes == [16, 32, 48, 64, 128, 256]


# --- Linux desktop integration -----------------------------------------------------------------------------


def test_desktop_entry_opens_files_and_names_the_app_in_both_languages():
    entry = (INSTALLERS / "linux" / "ningbo-sw-desktop.desktop.in").read_text(encoding="utf-8")
    keys = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert keys["Name[zh_CN]"] == "宁波社工桌面" and keys["Name"] == "Ningbo Social Work Desktop"
    assert keys["Exec"] == "@EXEC@ %f" and keys["Icon"] == "ningbo-sw-desktop"
    assert "application/x-nbsync;" in keys["MimeType"] and keys["Type"] == "Application"


def test_mime_type_claims_nbsync_files():
    tree = ET.parse(INSTALLERS / "linux" / "ningbo-sw-desktop-mime.xml")
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = tree.getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-nbsync"
    assert mime.find("m:glob", ns).get("pattern") == "*.nbsync"


@pytest.mark.parametrize("script", ["linux/build.sh", "linux/install.sh", "linux/make_deb.sh"])
def test_shell_scripts_parse(script):
    assert subprocess.run(["sh", "-n", str(INSTALLERS / script)]).returncode == 0


# --- Windows -------------------------------------------------------------------------------------------


def test_inno_setup_script_associates_nbsync_and_keeps_user_data():
    raw = (INSTALLERS / "windows" / "ningbo_sw_desktop.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "ISCC reads Chinese text right only from UTF-8 with a BOM"
    text = raw.decode("utf-8-sig")
    assert "AppId={{28115062-A241-4B31-A745-EE7D1ED58B40}" in text
    assert 'Subkey: "Software\\Classes\\.nbsync"' in text and '""%1""' in text
    assert "PrivilegesRequired=lowest" in text and "ningbo-sw-desktop.exe" in text
    assert "[UninstallDelete]" not in text and "localappdata}\\ningbo-sw-desktop" in text  # only named, never deleted


def test_windows_build_script_stays_ascii_for_windows_powershell():
    (INSTALLERS / "windows" / "build.ps1").read_bytes().decode("ascii")


# --- the ICU trim ---------------------------------------------------------------------------------------


def test_icu_filter_keeps_chinese_english_and_shared_data():
    slim = load(INSTALLERS / "pyinstaller" / "slim_icu.py")
    keep = ["icudt73l/root.res", "icudt73l/zh_Hans_CN.res", "icudt73l/en_GB.res", "icudt73l/coll/zh.res",
            "icudt73l/coll/ucadata.icu", "icudt73l/res_index.res", "icudt73l/pool.res", "icudt73l/cnvalias.icu",
            "icudt73l/gb18030.cnv", "icudt73l/ibm-1386_P100-2001.cnv", "icudt73l/brkitr/cjdict.dict",
            "icudt73l/supplementalData.res", "icudt73l/zone/zh.res"]
    drop = ["icudt73l/de.res", "icudt73l/coll/ja.res", "icudt73l/coll/de_.res", "icudt73l/unit/fr_CA.res",
            "icudt73l/translit/root.res", "icudt73l/euc-jp-2007.cnv", "icudt73l/ibm-949_P11A-1999.cnv"]
    assert [name for name in keep if not slim.wanted(name)] == []
    assert [name for name in drop if slim.wanted(name)] == []


def test_icu_package_is_rewritten_byte_for_byte(tmp_path):
    slim = load(INSTALLERS / "pyinstaller" / "slim_icu.py")
    names = [f"icudt73l/{n}" for n in ("a.res", "b/c.res", "zh.res")]
    blobs = [b"x" * 5, b"y" * 33, b"z" * 16]
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) + b"CmnD" + bytes(16)
    package = slim.write_package(header, list(zip(names, blobs)))
    read_header, items = slim.read_package(package)
    assert read_header == header and [n for n, _ in items] == names
    assert slim.write_package(read_header, items) == package
    assert [blob.rstrip(slim.PAD) for _, blob in items] == blobs


# --- the frozen entry point ------------------------------------------------------------------------------


def test_a_double_clicked_bundle_becomes_the_window():
    entry = load(INSTALLERS / "pyinstaller" / "ningbo_sw_main.py")
    assert entry.bundle_file(["E:/HS-NM-0003.nbsync"]) == "E:/HS-NM-0003.nbsync"
    assert entry.bundle_file(["--db", "office.db", "HS-NM-0003.NBSYNC"]) == "HS-NM-0003.NBSYNC"
    assert entry.bundle_file(["bundle", "import", "x.nbsync"]) is None  # the CLI's own command stays as typed
    assert entry.bundle_file(["--db", "x.nbsync"]) is None
    assert entry.bundle_file([]) is None


# --- the real build (slow) -----------------------------------------------------------------------------


def folder_mib(folder: Path) -> float:
    """Bytes of the files in a folder (symlinks once), in MiB as ``du`` shows it."""
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / (1024 * 1024)


@pytest.mark.package
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux package")
def test_linux_package_builds_passes_its_self_test_and_fits_the_size_budget(tmp_path):
    if not (ROOT / ".venv" / "bin" / "pyinstaller").exists():
        pytest.skip("PyInstaller is not installed: .venv/bin/pip install -e '.[build]'")
    started = time.perf_counter()
    build = subprocess.run(["sh", str(INSTALLERS / "linux" / "build.sh")], capture_output=True, text=True,
                           timeout=1200)
    seconds = time.perf_counter() - started
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    from ningbo_sw_desktop import __version__

    name = f"ningbo-sw-desktop-{__version__}-linux-{os.uname().machine}"
    app = ROOT / "build" / "linux" / name
    archive = ROOT / "dist" / f"{name}.tar.gz"
    assert archive.is_file() and (app / "install.sh").is_file() and (app / "share" / "mime" / "packages").is_dir()
    assert (app / "_internal" / "ningbo_sw_desktop" / "resources" / "fonts" / "wqy-microhei.ttc").is_file()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NINGBO_SW_DATA": str(tmp_path / "data")}
    env.pop("DISPLAY", None)
    run_started = time.perf_counter()
    test = subprocess.run([str(app / "ningbo-sw"), "self-test", "--json"], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=300)
    run_seconds = time.perf_counter() - run_started
    assert test.returncode == 0, test.stdout + test.stderr
    report = json.loads(test.stdout)
    assert report["ok"] and all(step["ok"] for step in report["steps"])
    resources = next(s for s in report["steps"] if s["step"] == "resources")["detail"]
    assert resources.startswith(str(app / "_internal")), "resources must come from inside the bundle"

    size = folder_mib(app)
    print(f"\nbuild {seconds:.0f} s, app folder {size:.1f} MiB, archive {archive.stat().st_size / 2**20:.1f} MiB, "
          f"self-test {report['seconds']:.2f} s ({run_seconds:.2f} s with start-up)")
    assert size <= SIZE_LIMIT_MIB, f"the app folder grew to {size:.1f} MiB (budget {SIZE_LIMIT_MIB} MiB)"
    assert_plugins_resolve(app)
    assert_bundle_argument_opens_the_window(app, env, tmp_path)


SYSTEM_PROVIDED = ("libwayland-", "libcups", "libdbus-1", "libfontconfig", "libfreetype", "libX11", "libglib-2.0",
                   "libgthread-2.0", "libEGL", "libGL", "libOpenGL", "libxcb.so", "libexpat")


def assert_plugins_resolve(app: Path) -> None:
    """Every bundled library finds its dependencies in the bundle, or they are ones every desktop has."""
    internal = app / "_internal"
    path = f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"
    missing = {}
    for lib in [*internal.rglob("*.so"), *internal.rglob("*.so.*")]:
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env={"LD_LIBRARY_PATH": path}).stdout
        gone = [line.split()[0] for line in out.splitlines() if "not found" in line]
        gone = [name for name in gone if not name.startswith(SYSTEM_PROVIDED)]
        if gone:
            missing[str(lib.relative_to(internal))] = gone
    assert missing == {}


def assert_bundle_argument_opens_the_window(app: Path, env: dict, tmp_path: Path) -> None:
    """``ningbo-sw FILE.nbsync`` (a double-click) opens the window instead of failing as an unknown command."""
    bundle = tmp_path / "HS-NM-0001.nbsync"
    bundle.write_bytes(b"age-encryption.org/v1\n")
    settings = {**env, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    db = str(tmp_path / "open.db")
    subprocess.run([str(app / "ningbo-sw"), "--db", db, "init", "--office-code", "HS-NM", "--office-name", "南门街道社工站"],
                   check=True, capture_output=True, env=settings, timeout=60)
    proc = subprocess.Popen([str(app / "ningbo-sw"), "--db", db, str(bundle)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=settings)
    try:
        time.sleep(4)
        assert proc.poll() is None, proc.communicate()[1].decode(errors="replace")  # the window is up
    finally:
        proc.kill()
        _, err = proc.communicate()
    assert b"No such command" not in err
