"""Edit → Preferences…: each choice takes effect in the running app, is saved, and is restored
at the next start; fields that cannot be used say why in place; the dialog works by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox
from support.gui import tab_walk, wait_listed

from r2desk.gui.preferences.dialog import PreferencesDialog
from r2desk.gui.preferences.hook import preferences_shortcuts
from r2desk.gui.preferences.values import Prefs
from r2desk.gui.settings import Settings
from r2desk.transfers import bandwidth
from r2desk.transfers.pool import part_limit, set_part_limit

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

B = QDialogButtonBox.StandardButton


@pytest.fixture(autouse=True)
def _process_limits_reset() -> Iterator[None]:
    """The limits are the process's: no test leaves one behind for the next."""
    yield
    bandwidth.set_limits(upload=0, download=0)
    set_part_limit(0)


def open_dialog(qtbot: Any, window: Any) -> PreferencesDialog:
    window.preferences.action.trigger()
    dialog = window.preferences.dialog
    assert isinstance(dialog, PreferencesDialog)
    qtbot.waitExposed(dialog)
    return dialog


def press(dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> None:
    button = dialog.buttons.button(which)
    assert button.isEnabled()
    button.click()


def select(window: Any, key: str) -> None:
    from PySide6.QtCore import QItemSelectionModel

    row = window.model.row_for_key(key)
    assert row >= 0, key
    index = window.model.index(row, 0)
    window.view.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    window.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def test_the_action_is_in_the_edit_menu_with_a_shortcut(window: Any) -> None:
    edit = window.menuBar().findChild(QMenu, "edit_menu")
    assert window.preferences.action in edit.actions()
    keys = window.preferences.action.shortcuts()
    assert keys and keys == preferences_shortcuts()
    native = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert keys == (native or [QKeySequence("Ctrl+,")])


def test_transfer_choices_reach_the_queue_and_the_engine(qtbot: Any, window: Any) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.concurrency.setValue(5)
    dialog.part_concurrency.setValue(2)
    dialog.upload_limit.setText("1M")
    dialog.download_limit.setText("500k")
    press(dialog, B.Apply)
    assert window.queue.concurrency == 5 and window.transfers.concurrency.value() == 5
    assert part_limit() == 2
    assert bandwidth.LIMITERS[bandwidth.UP].rate == 1024**2
    assert bandwidth.LIMITERS[bandwidth.DOWN].rate == 500 * 1024
    label = window.transfers.limit_label.full_text()
    assert "1.0 MiB/s" in label and "500.0 KiB/s" in label
    saved = Settings()
    assert (saved.concurrency(0), saved.part_concurrency()) == (5, 2)
    assert (saved.upload_limit(), saved.download_limit()) == (1024**2, 500 * 1024)
    # Cancel after Apply keeps what was applied.
    press(dialog, B.Cancel)
    assert window.queue.concurrency == 5
    assert window.preferences.dialog is None or not window.preferences.dialog.isVisible()


def test_a_limit_changes_a_running_transfer_and_is_restored_at_start(
    qtbot: Any, make_window: Any, gui_app: Any, tmp_path: Path
) -> None:
    Settings().set_upload_limit(64 * 1024)
    window = make_window(gui_app)
    limiter = bandwidth.LIMITERS[bandwidth.UP]
    assert limiter.rate == 64 * 1024  # restored at start
    assert "64.0 KiB/s" in window.transfers.limit_label.full_text()
    big = tmp_path / "big.bin"
    big.write_bytes(b"r" * (3 * 1024**2))  # 45 s at 64 KiB/s
    window.upload_paths([big], "")
    qtbot.waitUntil(lambda: bool(window.queue.running) and limiter.moved > 0, timeout=10_000)
    job = window.queue.running[0]
    dialog = open_dialog(qtbot, window)
    assert dialog.upload_limit.text() == "64k"
    dialog.upload_limit.setText("")
    assert not job.state.finished  # still held back by the old limit
    press(dialog, B.Ok)
    assert limiter.rate == 0 and Settings().upload_limit() == 0
    assert window.transfers.limit_label.full_text() == ""
    # The waiting read re-times itself at once: the upload finishes now, not in 45 s.
    qtbot.waitUntil(lambda: job.state.finished, timeout=15_000)
    assert job.error is None or job.error == ""


def test_the_cache_keeps_edited_and_unsaved_files(qtbot: Any, window: Any, tmp_path: Path) -> None:
    element = window.element
    for key in ("a.txt", "b.txt", "c.txt", "d.txt"):
        element.uploadByFile(key, key.encode() * 1000)
    folder = tmp_path / "my cache"
    dialog = open_dialog(qtbot, window)
    dialog.cache_folder.setText(str(folder))
    dialog.cache_size.setValue(0)
    press(dialog, B.Ok)
    edits = window.files.edits
    assert edits.workspace.root == folder and edits.workspace.limit == 0
    launched: list[str] = []
    edits.launch = lambda path: launched.append(path) or True

    def opened(key: str, *, edit: bool = False) -> str:
        count = len(launched)
        edits.open(element, key, edit=edit)
        qtbot.waitUntil(lambda: len(launched) > count, timeout=10_000)
        return launched[-1]

    a = opened("a.txt", edit=True)  # being edited
    d = opened("d.txt", edit=True)
    Path(d).write_bytes(b"my unsaved change")  # saved by the editor, not yet uploaded
    edits.stop_watching(d)
    b = opened("b.txt")
    c = opened("c.txt")  # the trim after it: only b may go
    qtbot.waitUntil(lambda: not Path(b).exists(), timeout=10_000)
    assert Path(a).read_bytes() == b"a.txt" * 1000
    assert Path(d).read_bytes() == b"my unsaved change"
    assert Path(c).exists()
    assert all(Path(p).is_relative_to(folder) for p in (a, b, c, d))


def test_the_default_expiry_is_what_ctrl_shift_c_signs(qtbot: Any, window: Any, s3: Any) -> None:
    s3.put_object(Bucket=s3.bucket, Key="link.txt", Body=b"l")
    window.refresh()
    wait_listed(qtbot, window)
    assert window.acts.act_signed_default.text() == "Copy si&gned URL (1 hour)"
    dialog = open_dialog(qtbot, window)
    dialog.expiry_amount.setValue(8)
    dialog.expiry_unit.setCurrentIndex(2)  # days: more than R2 signs
    assert not dialog.expiry_problem.isHidden()
    assert not dialog.buttons.button(B.Ok).isEnabled()
    dialog.expiry_amount.setValue(2)
    dialog.expiry_unit.setCurrentIndex(1)  # hours
    press(dialog, B.Ok)
    assert window.acts.act_signed_default.text() == "Copy si&gned URL (2 hours)"
    assert Settings().url_expiry() == 7200
    select(window, "link.txt")
    window.view.setFocus()
    QGuiApplication.clipboard().clear()
    try:
        qtbot.keyClick(window.view, "C", modifier=_ctrl_shift())
        qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"))
        query = parse_qs(urlsplit(QGuiApplication.clipboard().text()).query)
        assert query["X-Amz-Expires"] == ["7200"]
    finally:
        QGuiApplication.clipboard().clear()


def _ctrl_shift() -> Any:
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_delete_without_confirmation_when_turned_off(qtbot: Any, window: Any, s3: Any) -> None:
    s3.put_object(Bucket=s3.bucket, Key="gone.txt", Body=b"g")
    s3.put_object(Bucket=s3.bucket, Key="dir/inside.txt", Body=b"i")
    window.refresh()
    wait_listed(qtbot, window)
    dialog = open_dialog(qtbot, window)
    assert dialog.confirm_delete.isChecked()
    dialog.confirm_delete.setChecked(False)
    press(dialog, B.Ok)
    assert Settings().confirm_delete() is False

    def keys() -> set[str]:
        return {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket).get("Contents", [])}

    for key in ("gone.txt", "dir/"):
        select(window, key)
        window.acts.act_delete.trigger()
    qtbot.waitUntil(lambda: keys() == set(), timeout=10_000)
    assert window.prompts.asked == []  # never asked


def _upload(qtbot: Any, window: Any, path: Path) -> None:
    window.errors.last_message = ""
    window.upload_paths([path], "")


def test_upload_conflicts_ask_and_skip_keeps_the_object(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="report.txt", Body=b"old")
    local = tmp_path / "report.txt"
    local.write_bytes(b"new")
    dialog = open_dialog(qtbot, window)
    dialog.conflicts.setCurrentIndex(dialog.conflicts.findData("ask"))
    press(dialog, B.Ok)
    assert Settings().upload_conflicts() == "ask"

    window.prompts.replace_answers.append(("skip", False))
    _upload(qtbot, window, local)
    qtbot.waitUntil(lambda: "Skipped 1 file" in window.errors.last_message, timeout=10_000)
    assert ("Replace object?", "report.txt (+0)") in window.prompts.asked
    assert window.queue.jobs == []
    assert s3.get_object(Bucket=s3.bucket, Key="report.txt")["Body"].read() == b"old"

    # Keep both: uploaded beside it under a free name.
    s3.put_object(Bucket=s3.bucket, Key="report (2).txt", Body=b"taken")
    window.prompts.replace_answers.append(("keep", False))
    _upload(qtbot, window, local)
    qtbot.waitUntil(lambda: bool(window.queue.jobs) and window.queue.idle, timeout=10_000)
    assert [j.key for j in window.queue.jobs] == ["report (3).txt"]
    assert s3.get_object(Bucket=s3.bucket, Key="report (3).txt")["Body"].read() == b"new"
    assert s3.get_object(Bucket=s3.bucket, Key="report.txt")["Body"].read() == b"old"


def test_upload_conflicts_skip_existing_asks_nothing(
    qtbot: Any, window: Any, s3: Any, tmp_path: Path
) -> None:
    s3.put_object(Bucket=s3.bucket, Key="there/a.txt", Body=b"old")
    folder = tmp_path / "there"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"new a")
    (folder / "b.txt").write_bytes(b"new b")
    Settings().set_upload_conflicts("skip")
    window.preferences.apply(Prefs.load(window.settings))
    _upload(qtbot, window, folder)
    qtbot.waitUntil(lambda: bool(window.queue.jobs) and window.queue.idle, timeout=10_000)
    assert [j.key for j in window.queue.jobs] == ["there/b.txt"]
    assert window.prompts.asked == []
    assert s3.get_object(Bucket=s3.bucket, Key="there/a.txt")["Body"].read() == b"old"


def test_rates_are_checked_in_place_and_defaults_restored(qtbot: Any, window: Any) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.upload_limit.setText("fast")
    assert not dialog.upload_problem.isHidden()
    assert "500k" in dialog.upload_problem.text()
    assert not dialog.buttons.button(B.Ok).isEnabled()
    assert not dialog.buttons.button(B.Apply).isEnabled()
    assert not dialog.tabs.tabIcon(0).isNull() and dialog.tabs.tabIcon(2).isNull()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    dialog.upload_limit.setText("1.5MiB/s")
    assert dialog.upload_problem.isHidden()
    dialog.cache_folder.setText("relative/folder")
    assert not dialog.folder_problem.isHidden()
    dialog.cache_folder.setText("")
    dialog.concurrency.setValue(9)
    dialog.buttons.button(B.RestoreDefaults).click()
    assert dialog.upload_limit.text() == "" and dialog.concurrency.value() == 3
    assert dialog.confirm_delete.isChecked() and dialog.language.currentData() == ""
    assert Settings().upload_limit() == 0  # nothing saved before OK or Apply
    press(dialog, B.Cancel)


def test_the_thumbnail_limit_and_language_are_saved(qtbot: Any, window: Any) -> None:
    assert Settings().thumbnail_max_bytes() == 10 * 1024**2
    dialog = open_dialog(qtbot, window)
    dialog.thumbnail_size.setValue(3)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    press(dialog, B.Ok)
    assert Settings().thumbnail_max_bytes() == 3 * 1024**2
    assert window.browser.thumbnails.limit() == 3 * 1024**2  # what the grid asks for
    assert Settings().language() == "de"


def test_the_language_is_picked_at_start(qapp: Any, tmp_path: Path) -> None:
    import importlib.util
    import subprocess

    from r2desk.gui.app import install_language
    from r2desk.gui.i18n import I18N, remove_translations

    script = Path(__file__).resolve().parents[3] / "packaging" / "build_translations.py"
    spec = importlib.util.spec_from_file_location("build_translations", script)
    assert spec is not None and spec.loader is not None
    tools = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tools)
    lrelease = tools.qt_tool("lrelease")
    for lang in ("de", "zh_CN"):
        ts = tmp_path / f"r2desk_{lang}.ts"
        ts.write_bytes((I18N / f"r2desk_{lang}.ts").read_bytes())
        subprocess.run([lrelease, "-silent", str(ts)], check=True)
    settings = Settings.in_memory()
    try:
        settings.set_language("zh_CN")
        assert any(f.endswith("r2desk_zh_CN.qm") for f in install_language(settings, tmp_path))
        assert QApplication.translate("PreferencesDialog", "Preferences") != "Preferences"
        settings.set_language("de")
        assert any(f.endswith("r2desk_de.qm") for f in install_language(settings, tmp_path))
        assert QApplication.translate("PreferencesDialog", "Preferences") == "Einstellungen"
        settings.set_language("en")
        assert not any("r2desk_" in f for f in install_language(settings, tmp_path))
    finally:
        remove_translations()


def test_the_demo_settings_stay_in_memory(qtbot: Any) -> None:
    settings = Settings.in_memory()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.upload_limit.setText("2M")
    dialog.confirm_delete.setChecked(False)
    assert dialog.apply()
    assert settings.upload_limit() == 2 * 1024**2 and not settings.confirm_delete()
    assert not [k for k in QSettings().allKeys() if k.startswith(("transfers/", "objects/"))]


def test_every_page_can_be_walked_by_keyboard(qtbot: Any) -> None:
    dialog = PreferencesDialog(Settings.in_memory())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    firsts = (dialog.concurrency, dialog.cache_size, dialog.expiry_amount)
    for page, first in enumerate(firsts):
        dialog.tabs.setCurrentIndex(page)
        first.setFocus()
        reached = tab_walk(qtbot, dialog)
        assert first in reached and dialog.tabs.tabBar() in reached
        assert dialog.buttons.button(B.Ok) in reached


def test_the_lookup_of_many_targets_finds_exactly_those_that_exist(window: Any, s3: Any) -> None:
    from r2desk.gui.window.upload_conflicts import existing_targets

    for n in range(0, 40, 7):
        s3.put_object(Bucket=s3.bucket, Key=f"many/k{n}", Body=b"x")
    keys = [f"many/k{n}" for n in range(40)]
    assert existing_targets(window.element, keys) == {f"many/k{n}" for n in range(0, 40, 7)}
