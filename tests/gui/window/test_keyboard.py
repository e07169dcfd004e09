"""The keyboard alone: Tab walks every control and comes back, arrows and Home/End move rows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from support.gui import wait_listed

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _walk(qtbot: Any, start: QWidget, backwards: bool, limit: int = 80) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from ``start`` until the focus is back on it."""
    mods = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    seen: list[QWidget] = []
    for _ in range(limit):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, key, mods)
        now = QApplication.focusWidget()
        assert now is not None and now is not focus, f"focus stuck on {focus!r}"
        if now is start:
            return seen
        seen.append(now)
    raise AssertionError(f"Tab never came back to the start; visited {len(seen)} widgets")


def test_tab_walks_every_control_and_returns(qtbot: Any, window: Any, s3: Any) -> None:
    for key in ("docs/a.txt", "b.txt", "c.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"x")
    window.refresh()
    wait_listed(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.transfer_dock.show()  # hidden until the first transfer; its controls count too
    window.places.act_bookmark.trigger()  # the Bookmarks list shows once it holds one
    view = window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)

    forward = _walk(qtbot, view, backwards=False)
    expected = [
        window.sidebar.list,
        *window.sidebar.buttons,
        window.places.panel.list,
        window.path_bar.crumb_buttons[0],
        window.path_bar.edit_button,
        window.filter_edit,
        window.transfers.view,
        window.transfers.concurrency,
    ]
    missing = [
        w.accessibleName() or repr(w) for w in expected if w.isEnabled() and w not in forward
    ]
    assert not missing, f"Tab never reached {missing}"
    # In the table, Tab left it at once: no cell-by-cell walk.
    assert view not in forward

    backward = _walk(qtbot, view, backwards=True)
    assert backward == list(reversed(forward))


def test_arrows_home_end_move_rows_not_columns(qtbot: Any, window: Any, s3: Any) -> None:
    for i in range(30):
        s3.put_object(Bucket=s3.bucket, Key=f"f{i:02d}.txt", Body=b"x")
    window.refresh()
    wait_listed(qtbot, window)
    window.activateWindow()
    view = window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    # Focus alone gives a visible current row.
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == 29 and view.currentIndex().column() == 0
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == 0
    assert view.horizontalScrollBar().value() == 0
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
    assert [r.key for r in window.state.selection] == ["f01.txt"]
