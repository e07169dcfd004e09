"""The object model keeps its rows column-wise: what the window reads through it (rows, order,
folders first, filter, counts, removal, insertion, selection across a re-sort) stays exact."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from r2desk.gui.objects.model import (
    COL_MODIFIED,
    COL_NAME,
    COL_SIZE,
    KEYS_MIME,
    ObjectTableModel,
    file_row,
    folder_row,
)
from r2desk.gui.objects.rows import FILE, FOLDER, Columns
from r2desk.gui.tasks import TaskPool

pytestmark = [pytest.mark.gui]

WHEN = dt.datetime(2026, 11, 25, 14, 3, tzinfo=dt.UTC)


def block(*keys: str) -> Columns:
    """A listed page as the worker makes it: folders end with "/"."""
    rows = Columns()
    for n, key in enumerate(keys):
        if key.endswith("/"):
            rows.add(FOLDER, key, 0, 0.0, "")
        else:
            rows.add(FILE, key, 100 * (n + 1), WHEN.timestamp() + n * 60, "STANDARD")
    return rows


@pytest.fixture
def model(qtbot: Any, pool: TaskPool) -> ObjectTableModel:
    m = ObjectTableModel(pool)
    m.prefix = "p/"
    return m


def names(model: ObjectTableModel) -> list[str]:
    return [r.name for r in model.rows()]


def test_rows_read_as_before_and_sort_naturally_with_folders_first(
    model: ObjectTableModel,
) -> None:
    model._add_rows(block("p/a10", "p/a2", "p/z/", "p/a", "p/a1", "p/B/"))
    # "a" before "a1": a name that ends where another goes on with digits sorts first.
    assert names(model) == ["B", "z", "a", "a1", "a2", "a10"]
    assert model.loaded_counts() == (2, 4)
    row = model.row_at(model.row_for_key("p/a2"))
    assert row == file_row("p/a2", 200, WHEN + dt.timedelta(minutes=1), "STANDARD")
    assert model.row_at(0) == folder_row("p/B/")
    index = model.index(model.row_for_key("p/a2"), COL_SIZE)
    assert model.data(index) == "200 B"
    assert model.data(index.siblingAtColumn(COL_MODIFIED)) == row.mtime_text
    assert model.data(index.siblingAtColumn(0), Qt.ItemDataRole.ToolTipRole) == "p/a2"
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDropEnabled
    assert not model.flags(index) & Qt.ItemFlag.ItemIsDropEnabled
    mime = model.mimeData([model.index(0, 0), index])
    assert bytes(mime.data(KEYS_MIME).data()).decode() == "p/B/\np/a2"

    model.sort(COL_SIZE, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["z", "B", "a1", "a", "a2", "a10"]
    model.sort(COL_NAME)
    model.set_byte_order(True)
    assert names(model) == ["B", "z", "a", "a1", "a10", "a2"]


def test_filter_removal_and_insertion_keep_the_right_rows(model: ObjectTableModel) -> None:
    model._add_rows(block("p/f/", "p/one.txt", "p/two.txt", "p/three.txt"))
    model._add_rows(block("p/g/", "p/zz.txt"))  # a page that lands between loaded rows
    assert names(model) == ["f", "g", "one.txt", "three.txt", "two.txt", "zz.txt"]
    model.set_filter("T")
    assert names(model) == ["one.txt", "three.txt", "two.txt", "zz.txt"]
    assert model.loaded_counts() == (2, 4)  # counts are of what is loaded, not shown
    model.remove_keys({"p/three.txt", "p/f/"})
    assert names(model) == ["one.txt", "two.txt", "zz.txt"]
    assert model.loaded_counts() == (1, 3)
    model.upsert(file_row("p/tea.txt", 5, WHEN, "STANDARD"))
    model.upsert(file_row("p/two.txt", 9, WHEN, "INFREQUENT_ACCESS"))  # changed in place
    model.upsert(file_row("p/elsewhere/x.txt", 5, WHEN, "STANDARD"))  # not this prefix
    assert names(model) == ["one.txt", "tea.txt", "two.txt", "zz.txt"]
    assert model.row_at(model.row_for_key("p/two.txt")).storage_class == "INFREQUENT_ACCESS"
    model.set_filter("")
    assert names(model) == ["g", "one.txt", "tea.txt", "two.txt", "zz.txt"]
    repaints: list[int] = []
    model.dataChanged.connect(lambda first, *_: repaints.append(first.row()))
    model.upsert(folder_row("p/g/"))  # each file uploaded into a folder shows it again
    assert repaints == []
    assert model.row_for_key("p/three.txt") == -1


def test_selection_follows_its_rows_through_a_resort(qtbot: Any, model: ObjectTableModel) -> None:
    from PySide6.QtCore import QItemSelection

    model._add_rows(block("p/b", "p/a", "p/c"))
    selection = QItemSelectionModel(model)
    at = model.row_for_key("p/c")
    selection.select(
        QItemSelection(model.index(at, 0), model.index(at, 3)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    model.sort(COL_SIZE)  # sizes follow the block's order: b, a, c
    assert names(model) == ["b", "a", "c"]
    assert [model.key_at(i.row()) for i in selection.selectedRows()] == ["p/c"]
