"""The chosen kiosk's follow-ups, above its staff tasks: receptions the kiosk lost (it stopped mid-way),
不詳 receptions waiting for their insurance numbers, and re-check results that change a fallback bill.
Each stays until a member of staff handles it: 「対応済みにする」, the numbers entered in
:class:`RecheckNumbersDialog`, or 「確認した」 go to the kiosk's store, which audits them with the staff name."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.staff.client import KioskLink
from kiosk.staff.follow_ups import AwaitingNumbers, FollowUps, Interrupted, RecheckNotice
from kiosk.staff.messages import CardNumbers, recheck_numbers_args
from kiosk.ui.staff.calls import call
from kiosk.ui.staff.dialogs import RecheckNumbersDialog
from kiosk.ui.staff.pages import button, label
from kiosk.ui.staff.texts import basis_text, difference_text, error_text, moment_text, state_text, tr, trouble_text


class FollowUpsView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("followUps")
        self.link: KioskLink | None = None
        self.shown = FollowUps()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = label("", "title", "followUpsHeading")
        layout.addWidget(self.heading)
        self.message = label("", "caution", "followUpsMessage")
        self.message.hide()
        layout.addWidget(self.message)
        self.note = label("", "note", "followUpsNote")
        self.note.hide()
        layout.addWidget(self.note)
        rows = QWidget()
        self.rows = QVBoxLayout(rows)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(rows)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll_area, 1)
        self.hide()

    def show_link(self, link: KioskLink | None) -> None:
        """Show what ``link`` last received; only rebuilt when it changed (a click is not lost)."""
        if link is not self.link:
            self.link = link
            self.message.hide()
            self.note.hide()
        follow_ups = link.follow_ups if link is not None and link.signed_in else FollowUps()
        self.setVisible(len(follow_ups) > 0)
        if follow_ups == self.shown and self.rows.count():
            return
        self.shown = follow_ups
        while self.rows.count():
            old = self.rows.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:
                widget.deleteLater()
        self.heading.setText(tr("要対応 %1件（この受付機の記録から）").replace("%1", str(len(follow_ups))))
        for n, item in enumerate(follow_ups.interrupted):
            self.rows.addWidget(self._interrupted_row(n, item))
        for awaiting in follow_ups.awaiting:
            self.rows.addWidget(self._awaiting_row(awaiting))
        for notice in follow_ups.rechecks:
            self.rows.addWidget(self._recheck_row(notice))
        self.rows.addStretch(1)

    def _row(self, text: str, role: str, action: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(text, role), 1)
        layout.addWidget(action)
        return row

    def _interrupted_row(self, n: int, item: Interrupted) -> QWidget:
        reached = (tr("止まったところ：%1").replace("%1", state_text(item.reached)) if item.reached
                   else tr("どこまで進んだかは記録されていません。"))
        troubles = "　".join(f"{t} {trouble_text(t)}" for t in item.troubles)
        text = "\n".join((
            tr("中断した受付（%1 開始）").replace("%1", moment_text(item.started_at)),
            f"{reached}　{troubles}".rstrip("　"),
            tr("受付機が途中で止まり、この受付は保存されていません。患者さんの受付が済んでいるか確かめてください。"),
        ))
        done = button(tr("対応済みにする"), f"dismissInterrupted{n}", "primary")
        done.clicked.connect(
            lambda _=False, sid=item.session_id: self._send("dismiss_interrupted", {"session_id": sid}))
        return self._row(text, "alert", done)

    def _awaiting_row(self, item: AwaitingNumbers) -> QWidget:
        text = "\n".join((
            tr("保険証の番号が未入力です：%1 様（%2 生）").replace("%1", item.name or "—")
            .replace("%2", item.birth_date.isoformat()),
            tr("%1 の受付、%2 で請求").replace("%1", moment_text(item.billed_at)).replace("%2", basis_text("unknown")),
            tr("患者さんに保険証・資格確認書の番号を確かめて入力すると、資格を確認し直します。"),
        ))
        enter = button(tr("番号を入力"), f"enterRecheckNumbers{item.id}", "primary")
        enter.clicked.connect(lambda _=False, i=item: self.enter_numbers(i))
        return self._row(text, "caution", enter)

    def enter_numbers(self, item: AwaitingNumbers) -> RecheckNumbersDialog | None:
        """The dialog for one 不詳 reception, sending to the kiosk the list came from."""
        link = self.link
        if link is None:
            return None
        dialog = RecheckNumbersDialog(item, self)
        dialog.submitted.connect(lambda numbers: self._send_numbers(link, dialog, numbers))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _send_numbers(self, link: KioskLink, dialog: RecheckNumbersDialog, numbers: CardNumbers) -> None:
        """On success the kiosk sends the list without the item; its re-check result follows once the
        terminal has answered."""
        args = recheck_numbers_args(dialog.item.id, numbers)

        def done(_result, error) -> None:
            if error is not None:
                dialog.fail(error)
                return
            dialog.accept()
            self.note.setText(tr("番号を受け付けました。資格確認端末が応答すれば、すぐに確認し直します。"
                                 "結果はこの一覧に出ます。"))
            self.note.show()

        call(lambda: link.request("recheck_numbers", args), done, dialog)

    def _recheck_row(self, notice: RecheckNotice) -> QWidget:
        lines = [tr("再確認の結果：%1 様（%2 生）").replace("%1", notice.name or "—")
                 .replace("%2", notice.birth_date.isoformat()),
                 tr("%1 の受付、%2 で請求").replace("%1", moment_text(notice.billed_at))
                 .replace("%2", basis_text(notice.basis))]
        for d in notice.differences:
            trouble = f"{d.trouble} " if d.trouble else ""
            lines.append(f"・{trouble}{difference_text(d.code, d.billed, d.found)}")
        checked = moment_text(notice.checked_at)
        lines.append(tr("（%1 に再確認）請求を直してから「確認した」を押してください。").replace("%1", checked))
        seen = button(tr("確認した"), f"acknowledgeRecheck{notice.id}", "primary")
        seen.clicked.connect(lambda _=False, i=notice.id: self._send("acknowledge_recheck", {"id": i}))
        return self._row("\n".join(lines), "caution", seen)

    def _send(self, request: str, args: dict) -> None:
        """On success the kiosk sends the shortened list itself, and the row goes."""
        link = self.link
        if link is None:
            return
        self.message.hide()
        self.note.hide()

        def done(_result, error) -> None:
            self.message.setText(error_text(error) if error else "")
            self.message.setVisible(error is not None)

        call(lambda: link.request(request, args), done, self)
