"""The preview shows the object the user chose, by mouse or keyboard, and never a stale one."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from support.gui import wait_listed

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _listed(qtbot: Any, window: Any, s3: Any, objects: dict[str, bytes]) -> None:
    for key, body in objects.items():
        s3.put_object(Bucket=s3.bucket, Key=key, Body=body, ContentType="text/plain")
    window.refresh()
    wait_listed(qtbot, window)


def _click(qtbot: Any, window: Any, key: str) -> None:
    row = window.model.row_for_key(key)
    rect = window.view.visualRect(window.model.index(row, 0))
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(0, 0)
    )


def _previewing(qtbot: Any, window: Any, text: str) -> None:
    pane = window.preview
    qtbot.waitUntil(
        lambda: pane.stack.currentWidget() is pane.text and pane.text.toPlainText() == text,
        timeout=5000,
    )


def test_preview_follows_mouse_clicks(qtbot: Any, window: Any, s3: Any) -> None:
    _listed(qtbot, window, s3, {"a.txt": b"first", "b.txt": b"second", "c.txt": b"third"})
    for key, body in (("b.txt", "second"), ("a.txt", "first"), ("c.txt", "third")):
        _click(qtbot, window, key)
        _previewing(qtbot, window, body)
        assert window.preview.title.text().startswith(key)
        assert window.preview.shown_key == key


def test_no_stale_preview_after_rename_delete_and_save(qtbot: Any, window: Any, s3: Any) -> None:
    _listed(qtbot, window, s3, {"old.txt": b"old body", "other.txt": b"x"})
    _click(qtbot, window, "old.txt")
    _previewing(qtbot, window, "old body")

    # Properties saved: the preview shows the object as it is now.
    s3.put_object(Bucket=s3.bucket, Key="old.txt", Body=b"new body", ContentType="text/plain")
    window.acts.act_properties.trigger()
    qtbot.waitUntil(lambda: window.properties_dialog is not None)
    dialog = window.properties_dialog
    dialog.cache_control.setText("max-age=5")
    dialog.buttons.accepted.emit()
    _previewing(qtbot, window, "new body")

    # Renamed: the old name is no longer previewed.
    window.prompts.texts.append("renamed.txt")
    window.acts.act_rename.trigger()
    qtbot.waitUntil(lambda: window.model.row_for_key("old.txt") < 0, timeout=10_000)
    qtbot.waitUntil(lambda: not window.preview.title.text().startswith("old.txt"))
    assert window.preview.shown_key != "old.txt"

    # Deleted: nothing of it stays in the pane.
    _click(qtbot, window, "other.txt")
    _previewing(qtbot, window, "x")
    window.acts.act_delete.trigger()
    qtbot.waitUntil(lambda: window.model.row_for_key("other.txt") < 0, timeout=10_000)
    qtbot.waitUntil(lambda: not window.preview.title.text().startswith("other.txt"))
    assert window.preview.stack.currentWidget() is not window.preview.text


def _image_bytes(fmt: str, width: int = 24, height: int = 16) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt), fmt
    return bytes(data.data())


@pytest.mark.parametrize("fmt", ["webp", "tiff"])
def test_webp_and_tiff_are_previewed(qtbot: Any, window: Any, s3: Any, fmt: str) -> None:
    key = f"picture.{fmt}"
    _listed(qtbot, window, s3, {key: _image_bytes(fmt)})
    _click(qtbot, window, key)
    pane = window.preview
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.image, timeout=5000)
    assert pane.image.toolTip() == "24 × 16 pixels"


def test_a_small_image_is_shown_at_its_own_size(qtbot: Any, window: Any, s3: Any) -> None:
    """A picture smaller than the pane is not shrunk (it was fitted to the hidden label's old
    size, a third of the pane, before the label was shown)."""
    window.resize(1280, 800)
    window.acts.act_show_preview.setChecked(True)
    qtbot.waitUntil(window.preview.isVisible, timeout=5000)
    _listed(qtbot, window, s3, {"note.txt": b"words", "small.png": _image_bytes("png", 160, 100)})
    _click(qtbot, window, "note.txt")
    _previewing(qtbot, window, "words")
    _click(qtbot, window, "small.png")
    pane = window.preview
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.image, timeout=5000)
    qtbot.wait(50)
    shown = pane.image.pixmap().size()
    assert (shown.width(), shown.height()) == (160, 100)


def test_a_type_qt_cannot_decode_says_so(qtbot: Any, window: Any, s3: Any) -> None:
    from r2desk.gui.objects.preview import image_formats

    if "avif" in image_formats():
        pytest.skip("this Qt has an AVIF plugin")
    _listed(qtbot, window, s3, {"photo.avif": b"\0\0\0\x1cftypavif", "tool.bin": b"\x7fELF"})
    _click(qtbot, window, "photo.avif")
    pane = window.preview
    qtbot.waitUntil(lambda: "No preview for this type" in pane.message.text(), timeout=5000)
    assert ".avif" in pane.message.text()
    _click(qtbot, window, "tool.bin")
    qtbot.waitUntil(lambda: pane.message.text() == "No preview for this type of file.")


def test_file_icons_come_from_the_mime_database_once_per_extension(
    qtbot: Any, window: Any, s3: Any
) -> None:
    names = {f"logs/{i}.log": b"x" for i in range(30)}
    names |= {"logs/report.pdf": b"%PDF", "logs/bundle.ZIP": b"PK", "logs/noext": b""}
    _listed(qtbot, window, s3, names)
    window.navigate("logs/")
    wait_listed(qtbot, window)
    model = window.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
    icons = model.icons
    assert icons.mime_names["pdf"] == "application/pdf"
    assert icons.mime_names["zip"] == "application/zip"
    assert set(icons.mime_names) == {"log", "pdf", "zip"}  # 30 .log rows, one lookup
