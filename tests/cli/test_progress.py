"""The terminal progress bar: one line that never wraps, keeps its width, needs no escape
codes (Windows consoles print them raw) and ends with the run's mean speed."""

from __future__ import annotations

import io

import pytest

from r2desk.cli.progress import ProgressBar

MiB = 1024 * 1024


class Console(io.StringIO):
    """A terminal-like stream with an encoding, as sys.stderr on a console has."""

    def __init__(self, encoding: str = "utf-8") -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return True


def _run(
    columns: int, label: str = "photos/2024/holiday → archive/", stream: Console | None = None
) -> list[str]:
    stream = stream or Console()
    bar = ProgressBar(label, stream=stream, columns=columns)
    bar._start -= 4.0  # the run began 4 s ago
    total = 400 * MiB
    for i in range(0, 9):
        bar._last_draw = 0.0  # draw every update
        bar(i * 50 * MiB, total)
    bar.close()
    text = stream.getvalue()
    assert text.endswith("\n") and text.count("\n") == 1
    return text[:-1].split("\r")[1:]


@pytest.mark.parametrize("columns", [8, 20, 40, 60, 80, 100, 132, 250])
def test_lines_fill_the_width_less_one_and_never_wrap(columns: int) -> None:
    lines = _run(columns)
    assert len(lines) >= 9
    assert {len(line) for line in lines} == {columns - 1}


def test_no_escape_codes() -> None:
    """Each line overwrites the last by its full width: no ESC [ K is needed."""
    assert not any("\x1b" in line for line in _run(80))


def test_fields_keep_their_place_as_numbers_grow() -> None:
    lines = _run(100)[:-1]  # the progress lines; the last one is the summary
    slashes = {line.index("/", line.index("%")) for line in lines}
    percents = {line.index("%") for line in lines}
    assert len(slashes) == 1 and len(percents) == 1


def test_the_final_line_gives_the_mean_speed_of_the_whole_run() -> None:
    final = _run(120)[-1]
    assert "100.0%" in final and "400.0 MiB/400.0 MiB" in final
    # 400 MiB in about 4 s: about 100 MiB/s (the clock moved a little while the test ran).
    speed = float(final.split(" MiB/s mean")[0].rsplit(" ", 1)[1])
    assert 90 < speed <= 100.0
    assert "in 0:04" in final


def test_a_console_that_cannot_show_the_label_gets_question_marks() -> None:
    lines = _run(80, label="fotos/añö → 写真/", stream=Console("ascii"))
    assert "a?? ? ??/ [" in lines[0]


def test_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()  # isatty() is False
    bar = ProgressBar("x", stream=stream)
    bar(1, 2)
    bar.close()
    assert stream.getvalue() == ""
