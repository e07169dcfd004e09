"""Names sort as a person expects by default (natural, any case), in byte order on request, and
the window says when only part of a listing is loaded (and so sorted)."""

from __future__ import annotations

from typing import Any

import pytest
from support.gui import wait_listed

from r2desk.formatting import natural_key

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

KEYS = ["file10.txt", "file2.txt", "File1.txt", "b.txt", "A.txt", "Z10/x", "z2/x", "ä.txt"]


def test_natural_key() -> None:
    names = ["file10", "file2", "File1", "file02", "a", "B", "img9.png", "img10.png"]
    assert sorted(names, key=natural_key) == [
        "a",
        "B",
        "File1",
        "file02",
        "file2",
        "file10",
        "img9.png",
        "img10.png",
    ]
    # A name that stops where another goes on with a number sorts first (these two keys once
    # compared text with a number and raised TypeError, which broke sorting the listing).
    assert sorted(["a10", "a1", "a", "a1b", "a01"], key=natural_key) == [
        "a",
        "a01",
        "a1",
        "a1b",
        "a10",
    ]


def test_names_sort_naturally_and_in_byte_order_on_request(
    qtbot: Any, window: Any, s3: Any
) -> None:
    for key in KEYS:
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"x")
    window.refresh()
    wait_listed(qtbot, window)
    names = [r.name for r in window.model.rows()]
    assert names == ["z2", "Z10", "A.txt", "ä.txt", "b.txt", "File1.txt", "file2.txt", "file10.txt"]

    # A new object lands in its natural place.
    window.browser.show_new_key("file3.txt", 1)
    names = [r.name for r in window.model.rows()]
    assert names.index("file3.txt") == names.index("file2.txt") + 1

    window.acts.act_byte_order.trigger()  # View > Sort names in byte order
    names = [r.name for r in window.model.rows()]
    assert names == [
        "Z10",
        "z2",
        "A.txt",
        "File1.txt",
        "b.txt",
        "file10.txt",
        "file2.txt",
        "file3.txt",
        "ä.txt",
    ]
    window.save_settings()
    assert window.settings.byte_order() is True


def test_a_partial_listing_is_sorted_as_loaded_and_says_so(
    qtbot: Any, window: Any, s3: Any
) -> None:
    keys = [f"n/item{i}.txt" for i in range(1, 31)]
    for key in keys:
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"x")
    window.model.page_size = 10
    model = window.model
    # The view may fetch the next pages at once: look at each partial state as it arrives.
    seen: list[tuple[bool, str, list[str]]] = []
    model.page_loaded.connect(
        lambda _n: seen.append(
            (model.complete, window.count_label.text(), [r.name for r in model.rows()])
        )
    )
    window.navigate("n/")
    wait_listed(qtbot, window)
    qtbot.waitUntil(lambda: bool(seen))
    complete, label, loaded = seen[0]
    assert not complete
    assert "sorted as loaded" in label
    # The first page in byte order is item1, item10..item17, item18: shown naturally.
    assert loaded == sorted(loaded, key=natural_key)

    def scrolled_to_end() -> bool:
        window.view.scrollToBottom()
        return model.complete and not model.loading

    qtbot.waitUntil(scrolled_to_end, timeout=20_000)
    assert [r.name for r in model.rows()] == [f"item{i}.txt" for i in range(1, 31)]
    assert "sorted as loaded" not in window.count_label.text()
