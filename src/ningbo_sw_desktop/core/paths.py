"""Where things live: the user's data folder, the default database, the shipped resources.

Resources are read through ``importlib.resources`` so the same code finds them in a
checkout, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "ningbo-sw-desktop"


def data_dir() -> Path:
    """The user's data folder (``NINGBO_SW_DATA`` overrides it, e.g. for tests)."""
    override = os.environ.get("NINGBO_SW_DATA")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The database used when no ``--db`` is given."""
    return data_dir() / "ningbo-sw.db"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``: inside the package when installed, the checkout otherwise."""
    packaged = resources.files("ningbo_sw_desktop").joinpath("resources", *parts)
    if packaged.is_file() or packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3].joinpath("resources", *parts)
