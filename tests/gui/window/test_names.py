"""Names typed into Rename and New folder: refused with the reason, the dialog kept open."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from support.gui import wait_listed

from r2desk.gui.objects.dialogs import NameDialog
from r2desk.keys import typed_name_problem

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_dialog_refuses_with_the_reason_and_keeps_the_text(qtbot: Any) -> None:
    dialog = NameDialog(
        "Rename / Move",
        "New name:",
        "report.txt",
        lambda t: typed_name_problem(t, "docs/"),
        select_stem=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    # Rename preselects the name without its extension.
    assert dialog.edit.selectedText() == "report"
    assert ok.isEnabled() and dialog.problem.text() == ""
    qtbot.wait(10)
    field = dialog.edit.geometry()
    buttons = dialog.buttons.geometry()
    for bad, words in (
        ("../escape.txt", "'..'"),
        ("/root.txt", "start with '/'"),
        ("a//b.txt", "empty part"),
        ("bell\x07.txt", "control character"),
        ("x" * 1100, "1105 bytes"),
    ):
        dialog.edit.setText(bad)
        assert not ok.isEnabled()
        assert words in dialog.problem.text()
        dialog.accept()  # Enter: the dialog stays open with what was typed
        assert dialog.isVisible() and dialog.edit.text() == bad
        # The reason has its own place: the field and the buttons do not move.
        qtbot.wait(10)
        assert dialog.edit.geometry() == field and dialog.buttons.geometry() == buttons
    dialog.edit.setText("final.txt")
    assert ok.isEnabled()
    dialog.accept()
    assert not dialog.isVisible() and dialog.value() == "final.txt"


def test_rename_and_new_folder_refuse_dot_dot(qtbot: Any, window: Any, s3: Any) -> None:
    s3.put_object(Bucket=s3.bucket, Key="docs/a.txt", Body=b"a")
    window.navigate("docs/")
    wait_listed(qtbot, window)
    row = window.model.row_for_key("docs/a.txt")
    window.view.selectRow(row)
    qtbot.waitUntil(lambda: len(window.state.selection) == 1)
    # The user types ../escape.txt, is told why, then types a good name.
    window.prompts.texts += ["../escape.txt", "kept.txt"]
    window.acts.act_rename.trigger()
    qtbot.waitUntil(lambda: window.model.row_for_key("docs/kept.txt") >= 0, timeout=10_000)
    assert window.prompts.refused[0][0] == "../escape.txt"
    assert "'..'" in window.prompts.refused[0][1]
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket)["Contents"]}
    assert keys == {"docs/kept.txt"}

    window.prompts.texts += ["..", "a/../b", None]
    window.acts.act_new_folder.trigger()
    assert [r[0] for r in window.prompts.refused[1:]] == ["..", "a/../b"]
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket)["Contents"]}
    assert keys == {"docs/kept.txt"}
