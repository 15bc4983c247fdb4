"""The 被保険者資格申立書 as a PDF for the clinic's paper file, laid out after the MHLW form (保発0710第1号).

The items are the ones the notice lists, in its order: the card-face facts (氏名, 生年月日, 性別, 住所), the
contact, the insurer items (加入医療保険種別, 保険者等名称, 事業所名) and the burden ratio; what the patient
did not know stays blank or is ticked 「わからない」. Below them the declaration, the date, the patient's
name with a signature line, the kiosk's note that the form was filled in on its screen, and a box for
the clinic (the basis of the claim, the ratio charged, the date the patient was contacted, who checked).

The text is Japanese on purpose: this is the clinic's record for a Japanese claim, not a screen. It uses
reportlab's built-in CID fonts (HeiseiMin-W3, HeiseiKakuGo-W5), which every PDF reader has, so nothing
is embedded. As in the outbox record, runs of 12 digits are masked.
"""
from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kiosk.core.domain import Sex
from kiosk.core.fallback import Declaration, InsuranceType, japanese_date
from kiosk.logs import redact_individual_numbers

TITLE = "被保険者資格申立書"
MINCHO = "HeiseiMin-W3"
GOTHIC = "HeiseiKakuGo-W5"

_SEXES = ((Sex.MALE, "男"), (Sex.FEMALE, "女"))
_INSURANCE_TYPES = (
    (InsuranceType.EMPLOYEE, "被用者保険（会社の保険など）"),
    (InsuranceType.NATIONAL, "国民健康保険"),
    (InsuranceType.LATE_ELDERLY, "後期高齢者医療"),
    (InsuranceType.UNKNOWN, "わからない"),
)
_BURDENS = ((30, "3割"), (20, "2割"), (10, "1割"), (None, "わからない"))

_GAP = '<font name="Helvetica">' + "\u00a0" * 5 + "</font>"
_WIDTH = 170 * mm
_LINE = colors.black
_SHADE = colors.Color(0.92, 0.92, 0.92)


def _fonts() -> None:
    registered = pdfmetrics.getRegisteredFontNames()
    for name in (MINCHO, GOTHIC):
        if name not in registered:
            pdfmetrics.registerFont(UnicodeCIDFont(name))


def _style(name: str, font: str = MINCHO, size: float = 10.5, **more: object) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.45, wordWrap="CJK", **more)


_BODY = _style("body")
_LABEL = _style("label", GOTHIC, 9.5)
_SMALL = _style("small", size=9)


def _markup(value: str) -> str:
    """Plain text as Paragraph markup: markup characters escaped, line breaks kept, 12-digit runs masked."""
    return escape(redact_individual_numbers(value)).replace("\n", "<br/>")


def _text(value: str, style: ParagraphStyle = _BODY) -> Paragraph:
    return Paragraph(_markup(value), style)


def _spaced(parts: list[str], style: ParagraphStyle = _BODY) -> Paragraph:
    """Parts with a visible gap between them: Paragraph collapses ordinary and ideographic spaces, and
    the CID fonts have no no-break space, so the gap is Helvetica's."""
    return Paragraph(_GAP.join(_markup(p) for p in parts), style)


def _choices(options: tuple[tuple[object, str], ...], chosen: object, per_line: int = 4) -> Paragraph:
    """Tick boxes, ``per_line`` to a line so that a line never breaks inside an option."""
    marks = [("■" if value == chosen else "□") + label for value, label in options]
    lines = [_GAP.join(_markup(m) for m in marks[i:i + per_line]) for i in range(0, len(marks), per_line)]
    return Paragraph("<br/>".join(lines), _BODY)


def _when(at: datetime) -> str:
    return f"{japanese_date(at.date())} {at.hour}時{at.minute:02d}分"


def declaration_pdf(
    declaration: Declaration,
    *,
    session_id: str,
    received_at: datetime,
    kiosk_name: str,
    basis_label: str,
    window_burden_percent: int,
) -> bytes:
    """The filled-in form, one A4 page. ``session_id`` is shown as the outbox record writes it."""
    _fonts()
    facts = declaration.facts
    addresses = "\n".join(a.strip() for a in dict.fromkeys((facts.address, *declaration.other_addresses))
                          if a.strip())
    rows = [
        [_text("マイナンバーカード\nの券面情報", _LABEL), _text("フリガナ", _LABEL), _text(declaration.name_kana)],
        ["", _text("氏名", _LABEL), _text(facts.name, _style("name", size=13))],
        ["", _text("生年月日", _LABEL), _text(japanese_date(facts.birth_date))],
        ["", _text("性別", _LABEL), _choices(_SEXES, facts.sex)],
        ["", _text("住所", _LABEL), _text(addresses)],
        [_text("連絡先", _LABEL), "", _text(declaration.contact)],
        [_text("保険者等に\n関する事項", _LABEL), _text("加入医療保険種別", _LABEL),
         _choices(_INSURANCE_TYPES, declaration.insurance_type, per_line=2)],
        ["", _text("保険者等名称", _LABEL), _text(declaration.insurer_name)],
        ["", _text("事業所名", _LABEL), _text(declaration.employer)],
        [_text("一部負担金の割合", _LABEL), "", _choices(_BURDENS, declaration.burden_percent)],
    ]
    items = Table(rows, colWidths=[36 * mm, 32 * mm, _WIDTH - 68 * mm], minRowHeights=[11.5 * mm] * len(rows))
    items.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, _LINE),
        ("BOX", (0, 0), (-1, -1), 1.2, _LINE),
        ("BACKGROUND", (0, 0), (1, -1), _SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("SPAN", (0, 0), (0, 4)),
        ("SPAN", (0, 5), (1, 5)),
        ("SPAN", (0, 6), (0, 8)),
        ("SPAN", (0, 9), (1, 9)),
    ]))
    blank_date = _spaced(["令和", "年", "月", "日"])
    contacted = _text(japanese_date(declaration.contact_date)) if declaration.contact_date else blank_date
    clinic = Table(
        [
            [_text("医療機関記入欄", _LABEL), "", "", ""],
            [_text("請求の区分", _LABEL), _text(basis_label), _text("窓口負担", _LABEL),
             _text(f"{window_burden_percent // 10}割")],
            [_text("患者への連絡日", _LABEL), contacted, _text("確認者", _LABEL), ""],
        ],
        colWidths=[32 * mm, 58 * mm, 24 * mm, _WIDTH - 114 * mm],
        minRowHeights=[7 * mm, 10 * mm, 10 * mm],
    )
    clinic.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, _LINE),
        ("BOX", (0, 0), (-1, -1), 1.2, _LINE),
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
        ("BACKGROUND", (0, 1), (0, -1), _SHADE),
        ("BACKGROUND", (2, 1), (2, -1), _SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    signature = Table(
        [[_text("申立人", _LABEL), _text(facts.name), _text("署名", _LABEL), ""]],
        colWidths=[20 * mm, 60 * mm, 16 * mm, _WIDTH - 96 * mm],
        rowHeights=[12 * mm],
    )
    signature.setStyle(TableStyle([
        ("LINEBELOW", (1, 0), (1, 0), 0.6, _LINE),
        ("LINEBELOW", (3, 0), (3, 0), 0.6, _LINE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    where = f"受付機「{kiosk_name}」" if kiosk_name.strip() else "受付機"
    note = (f"この申立書は、{where}の画面で患者本人が申し立てた内容を印刷したものです。"
            "署名は、医療機関で必要な場合に患者本人に記入いただいてください。")
    story = [
        _text(TITLE, _style("title", GOTHIC, 20, alignment=TA_CENTER, spaceAfter=4 * mm)),
        _text("マイナンバーカードによるオンライン資格確認ができなかったため、医療保険の資格について、"
              "わかる範囲で次のとおり申し立てます。"),
        Spacer(1, 4 * mm),
        items,
        Spacer(1, 5 * mm),
        _text("上記のとおり申し立てます。"),
        _text(f"申立日　{japanese_date(declaration.declared_on)}", _style("date", alignment=TA_RIGHT)),
        signature,
        Spacer(1, 5 * mm),
        _text(note, _SMALL),
        _spaced([f"受付日時 {_when(received_at)}", f"受付番号 {session_id}"], _SMALL),
        Spacer(1, 6 * mm),
        clinic,
    ]
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
        title=TITLE, author="kiosk", invariant=True,
    )
    document.build(story)
    return out.getvalue()
