"""The Preferences dialog: three tabs of choices, checked as they are typed.

A rate or a folder that cannot be used says why in a line under its field (never a popup) and
keeps OK and Apply disabled, so nothing half-valid is saved. OK and Apply write the settings and
emit ``applied``; the window applies it at once (see ``preferences.hook``). Restore defaults only
fills the fields: nothing changes until OK or Apply.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from r2desk.dirs import cache_dir
from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.preferences.values import Prefs
from r2desk.gui.settings import CONFLICT_ASK, CONFLICT_OVERWRITE, CONFLICT_SKIP, Settings
from r2desk.gui.widgets import error_style, plain_label
from r2desk.storages.config import MAX_PRESIGN_SECONDS
from r2desk.transfers.bandwidth import parse_rate
from r2desk.transfers.queue import MAX_CONCURRENCY

MIB = 1024**2
#: The same units as the custom expiry dialog (and its translations).
_UNITS = (
    (QT_TRANSLATE_NOOP("ExpiryDialog", "minutes"), 60),
    (QT_TRANSLATE_NOOP("ExpiryDialog", "hours"), 3600),
    (QT_TRANSLATE_NOOP("ExpiryDialog", "days"), 86400),
)
#: Language codes and their names, each in its own language (so anyone finds theirs).
LANGUAGE_NAMES = (("en", "English"), ("de", "Deutsch"), ("zh_CN", "简体中文"))


def rate_text(rate: int) -> str:
    """A rate as the field shows it, in the shortest unit ``parse_rate`` reads back exactly."""
    if not rate:
        return ""
    for unit, size in (("G", 1024**3), ("M", 1024**2), ("k", 1024)):
        if rate % size == 0:
            return f"{rate // size}{unit}"
    return str(rate)


class PreferencesDialog(QDialog):
    """Edits a :class:`Prefs`; ``applied`` carries it after OK or Apply (already saved)."""

    applied = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        layout = QVBoxLayout(self)
        self._pages: list[QWidget] = []
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Preference pages"))
        self.tabs.addTab(self._scrolled(self._transfers_page()), self.tr("&Transfers"))
        self.tabs.addTab(self._scrolled(self._files_page()), self.tr("&Files"))
        self.tabs.addTab(self._scrolled(self._general_page()), self.tr("&General"))
        layout.addWidget(self.tabs)
        B = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(
            B.Ok | B.Apply | B.Cancel | B.RestoreDefaults, Qt.Orientation.Horizontal, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._clicked)
        layout.addWidget(self.buttons)
        self.set_values(Prefs.load(settings))
        for edit in (self.upload_limit, self.download_limit, self.cache_folder):
            edit.textChanged.connect(self._check)
        self.expiry_amount.valueChanged.connect(self._check)
        self.expiry_unit.currentIndexChanged.connect(self._check)
        self._check()
        self._fit()

    # ---------------------------------------------------------------- building
    def _scrolled(self, page: QWidget) -> QScrollArea:
        """A page that scrolls up and down when the screen is lower than the form (large scale
        factors); never sideways: it is never narrower than its fields need."""
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(page)
        bar = area.verticalScrollBar().sizeHint().width()
        area.setMinimumWidth(page.minimumSizeHint().width() + bar)
        self._pages.append(page)
        return area

    def _fit(self) -> None:
        """Open big enough for the tallest page, but never bigger than the screen."""
        page = max((p.sizeHint() for p in self._pages), key=lambda size: size.height())
        want = self.sizeHint().expandedTo(
            QSize(page.width() + 80, page.height() + self.buttons.sizeHint().height() + 120)
        )
        want = want.expandedTo(QSize(560, 0))
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            want = want.boundedTo(QSize(screen.width() * 95 // 100, screen.height() * 9 // 10))
        self.resize(want)

    def _form(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return page, form

    def _problem(self, name: str) -> QLabel:
        """The line under a field that says why its text cannot be used (empty when it can)."""
        label = plain_label(self)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.setStyleSheet(error_style(self.palette()))
        label.hide()
        return label

    def _spin(self, low: int, high: int, name: str, tip: str, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setAccessibleName(name)
        spin.setToolTip(tip)
        if suffix:
            spin.setSuffix(suffix)
        return spin

    def _transfers_page(self) -> QWidget:
        page, form = self._form()
        self.concurrency = self._spin(
            1,
            MAX_CONCURRENCY,
            self.tr("Transfers at once"),
            self.tr("How many files are uploaded or downloaded at the same time"),
        )
        form.addRow(self.tr("Transfers at o&nce:"), self.concurrency)
        self.part_concurrency = self._spin(
            0,
            32,
            self.tr("Parts of one big file at once"),
            self.tr(
                "How many parts of one big file move at the same time "
                "(Automatic: 4, what suits most links; more can help a fast, distant one)"
            ),
        )
        self.part_concurrency.setSpecialValueText(self.tr("Automatic"))
        form.addRow(self.tr("&Parts of one big file at once:"), self.part_concurrency)
        self.upload_limit, self.upload_problem = self._rate_row(
            form, self.tr("&Upload limit:"), self.tr("Upload limit")
        )
        self.download_limit, self.download_problem = self._rate_row(
            form, self.tr("&Download limit:"), self.tr("Download limit")
        )
        self.conflicts = QComboBox(self)
        self.conflicts.setAccessibleName(self.tr("When an uploaded file is there already"))
        self.conflicts.setToolTip(
            self.tr("What an upload does when an object with the same key exists")
        )
        for text, code in (
            (self.tr("Overwrite it"), CONFLICT_OVERWRITE),
            (self.tr("Ask: replace, keep both or skip"), CONFLICT_ASK),
            (self.tr("Skip the file"), CONFLICT_SKIP),
        ):
            self.conflicts.addItem(text, code)
        form.addRow(self.tr("When the &object exists:"), self.conflicts)
        return page

    def _rate_row(self, form: QFormLayout, label: str, name: str) -> tuple[QLineEdit, QLabel]:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(self.tr("No limit (e.g. 500k, 10M)"))
        edit.setToolTip(
            self.tr(
                "Bytes per second for all transfers together: 500k, 10M, 1.5MiB/s; "
                "empty or 0 for no limit. Applies at once, to running transfers too."
            )
        )
        problem = self._problem(self.tr("Why the limit cannot be used"))
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit)
        box.addWidget(problem)
        form.addRow(label, box)
        # The row's label points at the field (its mnemonic focuses it).
        buddy = form.labelForField(box)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(edit)
        return edit, problem

    def _files_page(self) -> QWidget:
        page, form = self._form()
        self.cache_size = self._spin(
            0,
            1024 * 1024,
            self.tr("Cache size limit"),
            self.tr(
                "Copies opened with Open or Edit are removed, oldest first, beyond this size; "
                "files being edited and edits not yet uploaded are always kept"
            ),
            self.tr(" MiB"),
        )
        form.addRow(self.tr("Open/Edit &cache size:"), self.cache_size)
        self.cache_folder = QLineEdit(self)
        self.cache_folder.setAccessibleName(self.tr("Cache folder"))
        self.cache_folder.setPlaceholderText(str(cache_dir() / "open"))
        self.cache_folder.setToolTip(
            self.tr("Where opened and edited files are kept (empty: the default folder)")
        )
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.setToolTip(self.tr("Choose the cache folder"))
        self.browse.clicked.connect(self._browse)
        self.folder_problem = self._problem(self.tr("Why the folder cannot be used"))
        row = QHBoxLayout()
        row.addWidget(self.cache_folder, 1)
        row.addWidget(self.browse)
        box = QVBoxLayout()
        box.addLayout(row)
        box.addWidget(self.folder_problem)
        form.addRow(self.tr("Cache f&older:"), box)
        buddy = form.labelForField(box)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(self.cache_folder)
        self.thumbnail_size = self._spin(
            1,
            1024,
            self.tr("Thumbnail size limit"),
            self.tr(
                "Objects larger than this get no thumbnail (they are never downloaded for one)"
            ),
            self.tr(" MiB"),
        )
        form.addRow(self.tr("Thu&mbnails up to:"), self.thumbnail_size)
        return page

    def _general_page(self) -> QWidget:
        page, form = self._form()
        self.expiry_amount = self._spin(
            1,
            10080,
            self.tr("Signed URL expiry amount"),
            self.tr("How long a link copied with Copy signed URL (Ctrl+Shift+C) works"),
        )
        self.expiry_unit = QComboBox(self)
        self.expiry_unit.addItems(
            [QCoreApplication.translate("ExpiryDialog", u) for u, _ in _UNITS]
        )
        self.expiry_unit.setAccessibleName(self.tr("Signed URL expiry unit"))
        self.expiry_unit.setToolTip(self.tr("Unit of the expiry"))
        self.expiry_problem = self._problem(self.tr("Why the expiry cannot be used"))
        row = QHBoxLayout()
        row.addWidget(self.expiry_amount, 1)
        row.addWidget(self.expiry_unit, 1)
        box = QVBoxLayout()
        box.addLayout(row)
        box.addWidget(self.expiry_problem)
        form.addRow(self.tr("Signed URLs &valid for:"), box)
        buddy = form.labelForField(box)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(self.expiry_amount)
        self.confirm_delete = QCheckBox(self.tr("As&k before deleting"), self)
        self.confirm_delete.setToolTip(
            self.tr("Off: Delete removes the selected objects without asking")
        )
        form.addRow("", self.confirm_delete)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setToolTip(self.tr("The language of r2desk's windows"))
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        form.addRow(self.tr("&Language:"), self.language)
        note = plain_label(self, self.tr("A new language is used the next time r2desk starts."))
        note.setWordWrap(True)
        form.addRow("", note)
        return page

    # ---------------------------------------------------------------- values
    def set_values(self, p: Prefs) -> None:
        self.concurrency.setValue(p.concurrency)
        self.part_concurrency.setValue(p.part_concurrency)
        self.upload_limit.setText(rate_text(p.upload_limit))
        self.download_limit.setText(rate_text(p.download_limit))
        self.conflicts.setCurrentIndex(max(0, self.conflicts.findData(p.upload_conflicts)))
        self.cache_size.setValue(p.cache_max_bytes // MIB)
        self.cache_folder.setText(p.cache_folder)
        self.thumbnail_size.setValue(max(1, p.thumbnail_max_bytes // MIB))
        unit = next(i for i in (2, 1, 0) if p.url_expiry % _UNITS[i][1] == 0 or i == 0)
        self.expiry_unit.setCurrentIndex(unit)
        self.expiry_amount.setValue(max(1, p.url_expiry // _UNITS[unit][1]))
        self.confirm_delete.setChecked(p.confirm_delete)
        self.language.setCurrentIndex(max(0, self.language.findData(p.language)))

    def values(self) -> Prefs | None:
        """The Prefs the fields hold, or None while one of them cannot be used."""
        if self._problems():
            return None
        return Prefs(
            concurrency=self.concurrency.value(),
            part_concurrency=self.part_concurrency.value(),
            upload_limit=self._rate(self.upload_limit.text()),
            download_limit=self._rate(self.download_limit.text()),
            upload_conflicts=str(self.conflicts.currentData()),
            cache_max_bytes=self.cache_size.value() * MIB,
            cache_folder=self._folder(),
            url_expiry=self._expiry(),
            confirm_delete=self.confirm_delete.isChecked(),
            thumbnail_max_bytes=self.thumbnail_size.value() * MIB,
            language=str(self.language.currentData()),
        )

    @staticmethod
    def _rate(text: str) -> int:
        return parse_rate(text) if text.strip() else 0

    def _folder(self) -> str:
        text = self.cache_folder.text().strip()
        return str(Path(text).expanduser()) if text else ""

    def _expiry(self) -> int:
        return self.expiry_amount.value() * _UNITS[self.expiry_unit.currentIndex()][1]

    def _problems(self) -> dict[QLabel, str]:
        found: dict[QLabel, str] = {}
        for edit, label in (
            (self.upload_limit, self.upload_problem),
            (self.download_limit, self.download_problem),
        ):
            try:
                self._rate(edit.text())
            except ValueError:
                found[label] = self.tr(
                    "Not a rate: write bytes per second such as 500k, 10M or 1.5MiB/s, "
                    "or leave it empty for no limit."
                )
        folder = self._folder()
        if folder and not Path(folder).is_absolute():
            found[self.folder_problem] = self.tr(
                "Write the folder's full path (or leave it empty for the default folder)."
            )
        if self._expiry() > MAX_PRESIGN_SECONDS:
            found[self.expiry_problem] = self.tr("R2 signs links for at most 7 days.")
        return found

    def _check(self) -> None:
        problems = self._problems()
        for label in (
            self.upload_problem,
            self.download_problem,
            self.folder_problem,
            self.expiry_problem,
        ):
            label.setText(problems.get(label, ""))
            label.setVisible(label in problems)
        # A page holding a problem is marked, so a disabled OK is explained from any page.
        pages = {self.upload_problem: 0, self.download_problem: 0, self.folder_problem: 1}
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for page in range(self.tabs.count()):
            bad = any(pages.get(label, 2) == page for label in problems)
            self.tabs.setTabIcon(page, warning if bad else QIcon())
        B = QDialogButtonBox.StandardButton
        for which in (B.Ok, B.Apply):
            self.buttons.button(which).setEnabled(not problems)

    # ---------------------------------------------------------------- buttons
    def _clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()
        elif role == QDialogButtonBox.ButtonRole.ResetRole:
            self.set_values(Prefs())

    def apply(self) -> bool:
        prefs = self.values()
        if prefs is None:
            return False
        prefs.save(self.settings)
        self.applied.emit(prefs)
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def _browse(self) -> None:
        start = self._folder() or str(Path.home())
        path = QFileDialog.getExistingDirectory(self, self.tr("Cache folder"), start)
        if path:
            self.cache_folder.setText(path)
