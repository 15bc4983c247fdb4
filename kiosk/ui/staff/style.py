"""The console's look: the kiosk theme's colours and fonts at desk-PC sizes (staff sit close to a
mouse and a 1280×800 or larger screen), and big targets only where speed matters (目視)."""
from __future__ import annotations

from kiosk.ui import theme

BODY_PX = 17
TITLE_PX = 24
BIG_BUTTON_HEIGHT = 96
CODE_PX = 13  # the T-code beside an alert's words: for the report, secondary on purpose


def stylesheet() -> str:
    families = ", ".join(f'"{f}"' if f != "sans-serif" else f for f in theme.FONT_FAMILIES)
    return f"""
    QWidget {{ font-family: {families}; font-size: {BODY_PX}px; color: {theme.PAGE.fg}; }}
    QMainWindow, QDialog, #page {{ background: {theme.PAGE.bg}; }}
    QLabel[role="title"] {{ font-size: {TITLE_PX}px; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {theme.MUTED.fg}; }}
    QLabel[role="note"] {{ color: {theme.NOTE.fg}; background: {theme.NOTE.bg}; border-radius: 8px;
        padding: 8px 12px; }}
    QLabel[role="caution"] {{ color: {theme.CAUTION.fg}; background: {theme.CAUTION.bg}; border-radius: 8px;
        padding: 6px 10px; font-weight: bold; }}
    QLabel[role="alert"] {{ color: {theme.ALERT.fg}; background: {theme.ALERT.bg}; border-radius: 8px;
        padding: 6px 10px; font-weight: bold; }}
    QFrame#alertLine[role="alert"] {{ background: {theme.ALERT.bg}; border-radius: 8px; }}
    QFrame#alertLine[role="caution"] {{ background: {theme.CAUTION.bg}; border-radius: 8px; }}
    QFrame#alertLine[role="alert"] QLabel {{ color: {theme.ALERT.fg}; }}
    QFrame#alertLine[role="caution"] QLabel {{ color: {theme.CAUTION.fg}; }}
    QLabel[role="alertWords"] {{ font-weight: bold; }}
    QLabel[role="code"] {{ font-size: {CODE_PX}px; border: 1px solid; border-radius: 4px; padding: 0 4px; }}
    QLabel[role="differs"] {{ font-weight: bold; }}
    QLabel[role="photo"] {{ background: {theme.SECONDARY.bg}; border: 2px solid {theme.BORDER}; border-radius: 8px; }}
    QPushButton {{ min-height: 40px; font-weight: bold; border-radius: 8px; padding: 4px 16px;
        color: {theme.SECONDARY.fg}; background: {theme.SECONDARY.bg}; border: 2px solid {theme.BORDER}; }}
    QPushButton:pressed {{ background: {theme.SECONDARY_DOWN.bg}; }}
    QPushButton[kind="primary"] {{ color: {theme.PRIMARY.fg}; background: {theme.PRIMARY.bg};
        border-color: {theme.PRIMARY.bg}; }}
    QPushButton[kind="primary"]:pressed {{ background: {theme.PRIMARY_DOWN.bg}; }}
    QPushButton[kind="stop"] {{ color: {theme.STAFF.fg}; background: {theme.STAFF.bg};
        border-color: {theme.STAFF.bg}; }}
    QPushButton[size="big"] {{ min-height: {BIG_BUTTON_HEIGHT}px; font-size: {TITLE_PX + 4}px; }}
    QPushButton:disabled {{ color: {theme.DISABLED.fg}; background: {theme.DISABLED.bg};
        border-color: {theme.DISABLED.bg}; }}
    #kioskTile {{ border: 2px solid {theme.BORDER}; border-radius: 10px; background: {theme.PAGE.bg}; }}
    #kioskTile[urgent="true"] {{ border: 4px solid {theme.ALERT.bg}; }}
    #kioskTile[selected="true"] {{ background: {theme.STEP_DONE.bg}; }}
    QLineEdit, QComboBox, QDateEdit {{ min-height: 34px; padding: 2px 6px; border: 2px solid {theme.BORDER};
        border-radius: 6px; }}
    QTableWidget {{ gridline-color: #c0c0c0; }}
    QHeaderView::section {{ background: {theme.SECONDARY.bg}; font-weight: bold; padding: 4px; border: 0; }}
    QTabBar::tab {{ padding: 8px 18px; font-weight: bold; }}
    QTabBar::tab:selected {{ color: {theme.STEP_CURRENT.fg}; background: {theme.STEP_CURRENT.bg}; }}
    """
