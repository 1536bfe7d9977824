"""Devices on the sync page: this one's keys to send to a supervisor, the trusted ones, adding another.

Trust is what lets a bundle in: a device is trusted by pasting its name, age public key
and signing key (what "Copy" on its own Sync page gives), and recognised later by its
fingerprint, which people compare aloud in groups of four.
"""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QStorageInfo, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ValidationError
from ..sync import set_device_role, trust_peer
from .sync_dialogs import fingerprint_lines, role_word, who
from .widgets import Column, EmptyHint, ErrorLabel, RecordTableModel, fit_columns, make_table, short_time

ROLES = ("office", "supervisor")


def paste_keys(text: str) -> dict:
    """The name, age recipient and signing key found in pasted text (e.g. what "Copy" on another PC gave)."""
    recipient = re.findall(r"age1[0-9a-z]{20,}", text)
    signing = re.findall(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])", text)
    office = re.search(r"(?:办公点|Office)\s*[:：]\s*(\S+)", text)
    return {"name": office.group(1) if office else "", "recipient": recipient[0] if recipient else "",
            "signing_key": signing[0] if signing else ""}


def usb_sticks() -> list[tuple[str, str]]:
    """(label, folder) of the removable drives mounted now, as far as the system lets us tell."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        removable = (root.startswith(("/media/", "/run/media/", "/Volumes/")) if sys.platform != "win32"
                     else not root.upper().startswith("C:"))
        if removable:
            found.append((f"{volume.displayName() or root} ({root})", root))
    return found


def _last(pair) -> str:
    """"no. 3 · 2026-05-02 10:15" from a (sequence, time) pair, blank for none."""
    return f"#{pair[0]} · {short_time(pair[1])}" if pair else ""


class DevicesPanel(QWidget):
    """This device's identity with a Copy button; the trusted devices; a form to trust one more."""

    trusted = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.me: dict = {}
        self.me_box, self.peers_box, self.add_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.device, self.office, self.fingerprint = QLabel(), QLabel(), QLabel()
        self.recipient_key, self.signing_key = QLabel(), QLabel()
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        for label in (self.device, self.fingerprint, self.recipient_key, self.signing_key):
            label.setFont(mono)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.role = QComboBox()
        for code in ROLES:
            self.role.addItem("", code)
        self.role.activated.connect(self._role_chosen)
        self.copy_button, self.copied = QPushButton(), QLabel()
        self.copy_button.setObjectName("copyKeys")
        self.copy_button.clicked.connect(self.copy_keys)
        self.peers_model = RecordTableModel([
            Column("name", QT_TRANSLATE_NOOP("Columns", "Device name")),
            Column("office", QT_TRANSLATE_NOOP("Columns", "Office"), lambda p: who(p["office_code"], p["office_name"], "")),
            Column("role", QT_TRANSLATE_NOOP("Columns", "Role"), lambda p: role_word(p["role"])),
            Column("last_imported", QT_TRANSLATE_NOOP("Columns", "Last bundle received"),
                   lambda p: _last(p["last_imported"])),
            Column("last_sent", QT_TRANSLATE_NOOP("Columns", "Last bundle sent"), lambda p: _last(p["last_sent"])),
            Column("missing_sequences", QT_TRANSLATE_NOOP("Columns", "Bundles not received"),
                   lambda p: ", ".join(map(str, p["missing_sequences"]))),
            Column("fingerprint_grouped", QT_TRANSLATE_NOOP("Columns", "Fingerprint"))], self)
        self.peers_table = make_table(self.peers_model)
        self.peers_table.setObjectName("trustedDevices")
        self.peers_hint = EmptyHint(self.peers_table)
        self.new_name, self.new_recipient, self.new_signing = QLineEdit(), QLineEdit(), QLineEdit()
        self.new_name.setObjectName("trustName")
        self.new_role = QComboBox()
        for code in ("", *ROLES):
            self.new_role.addItem("", code or None)
        self.paste_button, self.trust_button = QPushButton(), QPushButton()
        self.trust_button.setObjectName("trustButton")
        self.paste_button.clicked.connect(self.paste)
        self.trust_button.clicked.connect(self.trust)
        self.error = ErrorLabel()
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        me = QFormLayout(self.me_box)
        self.me_labels = [QLabel() for _ in range(6)]
        for label, field in zip(self.me_labels, (self.office, self.role, self.device, self.fingerprint,
                                                 self.recipient_key, self.signing_key)):
            me.addRow(label, field)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied, 1)
        me.addRow(copy_row)
        peers = QVBoxLayout(self.peers_box)
        peers.addWidget(self.peers_table)
        add = QFormLayout(self.add_box)
        self.add_labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.add_labels, (self.new_name, self.new_recipient, self.new_signing, self.new_role)):
            add.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        add.addRow(buttons)
        add.addRow(self.error)
        top = QHBoxLayout()
        top.addWidget(self.me_box, 1)
        top.addWidget(self.add_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.peers_box, 1)

    def retranslate(self) -> None:
        self.copied.clear()  # "Copied." was said in the language before the switch
        self.me_box.setTitle(self.tr("This device"))
        for label, text in zip(self.me_labels, (self.tr("Office"), self.tr("Role"), self.tr("Device id"),
                                                self.tr("Fingerprint"), self.tr("age public key"),
                                                self.tr("Signing key"))):
            label.setText(text)
        for i in range(self.role.count()):
            self.role.setItemText(i, role_word(self.role.itemData(i)))
        self.copy_button.setText(self.tr("Copy my keys"))
        self.copy_button.setToolTip(self.tr("Copy office, fingerprint and public keys, to send to the supervisor "
                                            "(they are public: no password or private key is copied)."))
        self.peers_box.setTitle(self.tr("Trusted devices"))
        self.add_box.setTitle(self.tr("Trust another device"))
        for label, text in zip(self.add_labels, (self.tr("Device name"), self.tr("age public key"), self.tr("Signing key"),
                                                 self.tr("Role"))):
            label.setText(text)
        self.new_name.setPlaceholderText(self.tr("e.g. 督导 or HS-NM"))
        self.new_recipient.setPlaceholderText("age1…")
        self.new_signing.setPlaceholderText(self.tr("64 letters and digits"))
        self.new_role.setItemText(0, self.tr("(not known)"))
        for i in range(1, self.new_role.count()):
            self.new_role.setItemText(i, role_word(self.new_role.itemData(i)))
        self.paste_button.setText(self.tr("Paste keys"))
        self.paste_button.setToolTip(self.tr("Fill the fields from text copied with \"Copy my keys\" on the other "
                                             "device."))
        self.trust_button.setText(self.tr("Trust this device"))
        self.peers_model.retranslate()
        self.peers_hint.set_hint(self.tr("No trusted device yet. Paste the other device's keys above (from “Copy my keys” "
                                         "there), then press “Trust this device”."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_devices(self, me: dict, peers: list[dict]) -> None:
        self.me = me
        self.office.setText(who(me["office_code"], me["office_name"], ""))
        self.role.setCurrentIndex(max(0, self.role.findData(me["role"])))
        self.device.setText(me["device_id"])
        self.fingerprint.setText(fingerprint_lines(me["fingerprint_grouped"]))
        self.recipient_key.setText(me["age_recipient"])
        self.signing_key.setText(me["signing_key"])
        self.peers_model.set_rows(peers)
        fit_columns(self.peers_table)

    def key_text(self) -> str:
        """What "Copy my keys" puts on the clipboard: public facts only, labelled in the user's language."""
        me = self.me
        return "\n".join([
            self.tr("Ningbo Social Work Desktop: device keys"),
            f"{self.tr('Office')}: {who(me.get('office_code'), me.get('office_name'), '')}",
            f"{self.tr('Role')}: {role_word(me.get('role'))}",
            f"{self.tr('Device id')}: {me.get('device_id', '')}",
            f"{self.tr('Fingerprint')}: {me.get('fingerprint_grouped', '')}",
            f"{self.tr('age public key')}: {me.get('age_recipient', '')}",
            f"{self.tr('Signing key')}: {me.get('signing_key', '')}"])

    def copy_keys(self) -> None:
        QGuiApplication.clipboard().setText(self.key_text())
        self.copied.setText(self.tr("Copied. Paste it into a message or a file for the supervisor."))

    def paste(self) -> None:
        found = paste_keys(QGuiApplication.clipboard().text())
        for edit, key in ((self.new_name, "name"), (self.new_recipient, "recipient"), (self.new_signing, "signing_key")):
            if found[key]:
                edit.setText(found[key])

    def trust(self) -> None:
        """Trust the device typed in (on the writer thread); its bundles import without asking from now on."""
        name, recipient, signing = self.new_name.text(), self.new_recipient.text(), self.new_signing.text()
        role = self.new_role.currentData()
        self.error.show_problem(None)
        self.ctx.ops.write(lambda db: trust_peer(db, name, recipient, signing, role=role),
                           success=self._trusted, failure=self._refused, parent=self)

    def _trusted(self, _peer) -> None:
        for edit in (self.new_name, self.new_recipient, self.new_signing):
            edit.clear()
        self.trusted.emit()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, ValidationError):
            self.error.show_problem("\n".join(str(e) for e in exc.errors))
            return True
        return False

    def _role_chosen(self, _index: int) -> None:
        role = self.role.currentData()
        if role != self.me.get("role"):
            self.ctx.ops.write(lambda db: set_device_role(db, role), success=lambda _r: self.trusted.emit(), parent=self)
