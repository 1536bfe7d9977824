"""Shared fixtures: a fresh office database per test, offscreen Qt, isolated data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # A 1280×800 screen, the size the screenshots show the window at, rather than offscreen Qt's 800×800:
    # dialogs open no larger than their screen (ui.widgets.fit_to_screen), as on the offices' laptops.
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).parent / 'offscreen_screen.json'}"

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user data folder."""
    monkeypatch.setenv("NINGBO_SW_DATA", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(autouse=True)
def _chinese_messages():
    """Core messages start in Chinese in every test, whatever a previous test chose."""
    from ningbo_sw_desktop.core import i18n

    i18n.set_language("zh")
    yield
    i18n.set_language("zh")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "office.db"


@pytest.fixture
def db(db_path):
    """An empty, migrated database of an initialized office (HS-NM)."""
    from ningbo_sw_desktop.core.db import connect
    from ningbo_sw_desktop.core.office import init_office

    database = connect(db_path)
    init_office(database, "HS-NM", "南门街道社工站")
    yield database
    database.close()


@pytest.fixture
def office_db(db):
    """An office database with the Nanmen Street areas and two workers (small demo)."""
    from ningbo_sw_desktop.core.demo import seed_reference_data

    seed_reference_data(db)
    return db


@pytest.fixture
def artifacts() -> Path:
    """Folder for screenshots and rendered pages a person should look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
