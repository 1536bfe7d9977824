"""A half-typed form survives on disk until it is saved or the user discards it."""

from __future__ import annotations

import json

from ningbo_sw_desktop.core.drafts import default_folder, discard_draft, load_drafts, save_draft


def test_a_saved_draft_is_loaded_back_with_its_chinese_text(tmp_path):
    save_draft(tmp_path, "intake", {"name": "张三", "tags": ["elderly"]})
    [draft] = load_drafts(tmp_path)
    assert draft.form_name == "intake"
    assert draft.values == {"name": "张三", "tags": ["elderly"]}
    assert draft.saved_at


def test_saving_again_replaces_the_draft_and_leaves_no_temp_files(tmp_path):
    save_draft(tmp_path, "intake", {"name": "张"})
    save_draft(tmp_path, "intake", {"name": "张三"})
    assert [d.values["name"] for d in load_drafts(tmp_path)] == ["张三"]
    assert len(list(tmp_path.iterdir())) == 1


def test_discarding_removes_only_that_form(tmp_path):
    save_draft(tmp_path, "intake", {"name": "张三"})
    save_draft(tmp_path, "visit-abc", {"notes": "入户探访"})
    assert discard_draft(tmp_path, "intake") is True
    assert discard_draft(tmp_path, "intake") is False
    assert [d.form_name for d in load_drafts(tmp_path)] == ["visit-abc"]


def test_a_corrupt_or_missing_folder_is_not_fatal(tmp_path):
    assert load_drafts(tmp_path / "none") == []
    (tmp_path / "broken.draft.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.draft.json").write_text(json.dumps({"values": {}}), encoding="utf-8")
    assert load_drafts(tmp_path) == []


def test_form_names_cannot_escape_the_folder(tmp_path):
    path = save_draft(tmp_path / "drafts", "../../evil", {"x": 1})
    assert path.parent == tmp_path / "drafts"
    assert load_drafts(tmp_path / "drafts")[0].form_name == "../../evil"


def test_default_folder_is_inside_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("NINGBO_SW_DATA", str(tmp_path))
    assert default_folder() == tmp_path / "drafts"
