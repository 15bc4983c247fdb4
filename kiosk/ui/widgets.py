"""Small painted pieces the screens share: step bar, pictograms, the card illustration, a busy ring,
the long-press corner that hides the staff entry, and the button factory."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.core.states import Step
from kiosk.ui import theme
from kiosk.ui.ruby import RubyButton, RubyLabel

translate = QCoreApplication.translate


def button(text: str, name: str, kind: str = "", on_click=None) -> QPushButton:
    """A touch button: at least 90 px tall through the stylesheet, no keyboard focus ring."""
    b = RubyButton(text)  # a plain QPushButton unless the words carry furigana (やさしい日本語)
    b.setObjectName(name)
    if kind:
        b.setProperty("kind", kind)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if on_click is not None:
        b.clicked.connect(lambda _checked=False: on_click())  # callbacks never receive clicked's bool
    return b


def label(text: str, role: str = "", name: str = "") -> QLabel:
    """A wrapping label. It is a RubyLabel whatever its first text: one filled in later (a countdown, a
    toast) may get furigana from the やさしい日本語 catalog, and it shows any other text as a QLabel does."""
    lab = RubyLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)  # names come from outside: never interpret them as markup
    if role:
        lab.setProperty("role", role)
    if name:
        lab.setObjectName(name)
    return lab


class StepBar(QWidget):
    """カードを置く → 本人確認 → 同意 → 完了, the current step filled."""

    def __init__(self, current: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        texts = {
            Step.CARD: translate("StepBar", "カードを置く"),
            Step.IDENTITY: translate("StepBar", "本人確認"),
            Step.CONSENT: translate("StepBar", "同意"),
            Step.DONE: translate("StepBar", "完了"),
        }
        for step in Step:
            state = "current" if step == current else ("done" if step < current else "todo")
            lab = RubyLabel(texts[step])
            lab.setProperty("step", state)
            lab.setObjectName(f"step_{step.name.lower()}")
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row.addWidget(lab)
            if step is not Step.DONE:
                arrow = QLabel("›")
                arrow.setProperty("role", "muted")
                row.addWidget(arrow)


class Pictogram(QWidget):
    """A large symbol beside a title: info, warning, stop, done, staff, camera, card."""

    def __init__(self, kind: str, size: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setFixedSize(size, size)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = min(self.width(), self.height())
        r = QRectF(4, 4, s - 8, s - 8)
        colours = {"ok": "#1d6b2b", "warn": "#7a5200", "stop": theme.ALERT.bg, "staff": theme.STAFF.bg}
        colour = QColor(colours.get(self.kind, theme.PRIMARY.bg))
        pen = QPen(QColor("#ffffff"), s * 0.09, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        if self.kind == "warn":
            path = QPainterPath()
            path.moveTo(r.center().x(), r.top())
            path.lineTo(r.right(), r.bottom())
            path.lineTo(r.left(), r.bottom())
            path.closeSubpath()
            p.fillPath(path, QColor(theme.CAUTION.bg))
            p.setPen(QPen(QColor(theme.PAGE.fg), s * 0.03))
            p.drawPath(path)
            pen.setColor(QColor(theme.PAGE.fg))
            p.setPen(pen)
            p.drawLine(QPointF(r.center().x(), r.top() + s * 0.35), QPointF(r.center().x(), r.bottom() - s * 0.3))
            p.drawPoint(QPointF(r.center().x(), r.bottom() - s * 0.14))
            return
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(r)
        p.setPen(pen)
        c = r.center()
        if self.kind == "ok":
            p.drawPolyline([QPointF(c.x() - s * 0.22, c.y()), QPointF(c.x() - s * 0.06, c.y() + s * 0.16),
                            QPointF(c.x() + s * 0.24, c.y() - s * 0.16)])
        elif self.kind == "stop":
            d = s * 0.18
            p.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
            p.drawLine(QPointF(c.x() + d, c.y() - d), QPointF(c.x() - d, c.y() + d))
        elif self.kind == "staff":
            p.setBrush(QColor("#ffffff"))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(c.x(), c.y() - s * 0.12), s * 0.12, s * 0.12)
            p.drawChord(QRectF(c.x() - s * 0.25, c.y() + s * 0.04, s * 0.5, s * 0.4), 0, 180 * 16)
        else:  # info
            p.drawLine(QPointF(c.x(), c.y() - s * 0.02), QPointF(c.x(), c.y() + s * 0.22))
            p.drawPoint(QPointF(c.x(), c.y() - s * 0.2))


class BusyRing(QWidget):
    """A turning arc: the patient sees the kiosk is working, not frozen."""

    def __init__(self, size: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(size, size)
        self._angle = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._turn)
        self._timer.start(80)

    def _turn(self) -> None:
        self._angle = (self._angle + 30) % 360
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width() * 0.1
        r = QRectF(w, w, self.width() - 2 * w, self.height() - 2 * w)
        p.setPen(QPen(QColor(theme.STEP_TODO.bg), w))
        p.drawEllipse(r)
        p.setPen(QPen(theme.ACCENT, w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawArc(r, -self._angle * 16, 100 * 16)


class CardIllustration(QWidget):
    """The card going face-up into the reader, and the sleeve it must come out of."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(360, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        u = min(w / 560, h / 320)  # drawn on a 560×320 grid, centred
        p.translate((w - 560 * u) / 2, (h - 320 * u) / 2)
        p.scale(u, u)
        ink = QColor(theme.PAGE.fg)
        # the reader: a flat tray seen from the front
        p.setPen(QPen(ink, 4))
        p.setBrush(QColor("#5b6573"))
        p.drawRoundedRect(QRectF(60, 230, 320, 60), 14, 14)
        p.setBrush(QColor("#2f3640"))
        p.drawRoundedRect(QRectF(90, 222, 260, 22), 8, 8)
        # the card, face up, photo visible, coming down onto the tray
        card = QRectF(120, 40, 200, 126)
        p.setBrush(QColor("#ffffff"))
        p.setPen(QPen(ink, 4))
        p.drawRoundedRect(card, 12, 12)
        p.setBrush(QColor("#f2c9a0"))
        p.setPen(QPen(ink, 3))
        p.drawRect(QRectF(card.right() - 70, card.top() + 22, 52, 66))
        p.drawEllipse(QRectF(card.right() - 58, card.top() + 32, 28, 30))
        p.setPen(QPen(QColor("#8a8a8a"), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for i in range(3):
            y = card.top() + 34 + i * 22
            p.drawLine(QPointF(card.left() + 18, y), QPointF(card.left() + 100, y))
        # the arrow down onto the reader
        p.setPen(QPen(theme.ACCENT, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.drawLine(QPointF(220, 174), QPointF(220, 212))
        p.drawPolyline([QPointF(204, 196), QPointF(220, 214), QPointF(236, 196)])
        # the sleeve, crossed out: take the card out of it first
        sleeve = QRectF(410, 70, 120, 84)
        p.setPen(QPen(ink, 3, Qt.PenStyle.DashLine))
        p.setBrush(QColor(220, 235, 255, 160))
        p.drawRoundedRect(sleeve, 8, 8)
        p.setPen(QPen(ink, 2))
        p.setBrush(QColor(255, 255, 255, 200))
        p.drawRoundedRect(sleeve.adjusted(14, 14, -14, -14), 6, 6)
        p.setPen(QPen(QColor(theme.ALERT.bg), 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(sleeve.topLeft() + QPointF(-6, -6), sleeve.bottomRight() + QPointF(6, 6))
        p.drawLine(sleeve.topRight() + QPointF(6, -6), sleeve.bottomLeft() + QPointF(-6, 6))


class LongPressCorner(QWidget):
    """The clinic mark in the top-left corner; held for ``hold_ms`` it opens the staff entry."""

    held = Signal()

    def __init__(self, hold_ms: int = 3000, size: int = 88, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffCorner")
        self.setFixedSize(size, size)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.held)

    def mousePressEvent(self, event) -> None:
        self._timer.start()
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        self._timer.stop()
        event.accept()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = min(self.width(), self.height())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#1d6b2b"))
        p.drawRoundedRect(QRectF(6, 6, s - 12, s - 12), 18, 18)
        p.setBrush(QColor("#ffffff"))  # a plain cross: the clinic
        a, b = s * 0.2, s * 0.4
        p.drawRect(QRectF(s / 2 - a / 2, s / 2 - b / 2 - a / 2, a, b + a))
        p.drawRect(QRectF(s / 2 - b / 2 - a / 2, s / 2 - a / 2, b + a, a))


class FaceFrame(QLabel):
    """The camera preview with the oval the face should fill; ``set_preview`` feeds it frames.

    In child mode the oval sits lower and is larger: a child held by a parent, or sitting on a lap, is
    lower than an adult and rarely still, and the parent's face may share the frame above or beside.
    """

    # The oval as (left, top, width, height) fractions of the widget. The adult oval's centre is near
    # the frame's, where guidance finds a face well placed. The child oval stops short of the bottom
    # edge: a face whose chin leaves the frame matches worse and then is not found at all (docs/face.md).
    ADULT_OVAL = (0.22, 0.10, 0.56, 0.72)
    CHILD_OVAL = (0.15, 0.18, 0.70, 0.76)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facePreview")
        self.setMinimumSize(380, 380)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image: QImage | None = None
        self._child_mode = False

    def set_preview(self, image: QImage) -> None:
        self._image = image
        self.update()

    def set_child_mode(self, on: bool) -> None:
        if on != self._child_mode:
            self._child_mode = on
            self.update()

    def oval(self) -> QRectF:
        """Where the oval is painted at the widget's present size."""
        left, top, width, height = self.CHILD_OVAL if self._child_mode else self.ADULT_OVAL
        w, h = self.width(), self.height()
        return QRectF(w * left, h * top, w * width, h * height)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        oval = self.oval()
        p.fillRect(rect, QColor("#20252b"))
        if self._image is not None and not self._image.isNull():
            img = self._image.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                     Qt.TransformationMode.SmoothTransformation)
            p.drawImage(QPointF((self.width() - img.width()) / 2, (self.height() - img.height()) / 2), img)
        else:  # no camera frame yet: a quiet silhouette in the oval shows the patient where the face goes
            c = oval.center()
            p.setBrush(QColor("#3b434d"))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(c, oval.width() / 4, oval.height() / 4)
            p.drawChord(QRectF(c.x() - oval.width() * 0.54, c.y() + oval.height() * 0.25,
                               oval.width() * 1.08, oval.height() * 0.84), 0, 180 * 16)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor("#ffffff"), max(4.0, rect.width() / 90), Qt.PenStyle.DashLine))
        p.drawEllipse(oval)

