"""The kiosk's :class:`kiosk.core.ports.ResultPublisher`: every billed reception reaches the レセコン.

A card check with a fresh result goes out as the terminal's ``face`` file (:class:`FaceFilePublisher`,
unchanged). A reception billed on a fallback goes to the outbox: the JSON record of what to bill on, and
the 申立書 as a PDF when the patient filled one in. The PDF is written first, so that a record never
names a PDF that is not there yet; a second publish of the same session finds the record and writes
nothing.
"""
from __future__ import annotations

from pathlib import Path

from kiosk.core.fallback import Billing, Declaration
from kiosk.core.values import ReceptionRecord
from kiosk.outbox import record as outbox_record
from kiosk.outbox.writer import Outbox
from kiosk.qualification.publisher import FaceFilePublisher, session_digits

PREFIX = "kiosk_fallback_"


def file_prefix(institution_code: str, session_id: str) -> str:
    """What every outbox file of one reception starts with; the 10 digits stand for the session."""
    return f"{PREFIX}{institution_code}_{session_digits(session_id)}_"


class OutboxPublisher:
    def __init__(self, face: FaceFilePublisher, outbox: Path, kiosk_name: str = "") -> None:
        self.face = face
        self.outbox = Outbox(outbox)
        self.kiosk_name = kiosk_name

    def publish(self, record: ReceptionRecord) -> str:
        return self.face.publish(record)

    def publish_fallback(self, record: ReceptionRecord, billing: Billing, declaration: Declaration | None) -> str:
        institution = self.face.institution_code
        prefix = file_prefix(institution, record.session_id)
        written = self.outbox.existing(prefix, ".json")
        if written is not None:
            return written
        earlier_pdf = self.outbox.existing(prefix, ".pdf")  # an attempt that failed before its record
        stem = earlier_pdf.removesuffix(".pdf") if earlier_pdf else f"{prefix}{record.ended_at:%Y%m%d%H%M%S}"
        pdf_name: str | None = None
        if declaration is not None:
            # reportlab and its fonts (about 20 MB resident) only for a reception with a 申立書, which is rare
            from kiosk.outbox.declaration_pdf import declaration_pdf

            pdf_name = f"{stem}.pdf"
            self.outbox.write(pdf_name, declaration_pdf(
                declaration,
                session_id=outbox_record.grouped_session_id(record.session_id),
                received_at=record.ended_at,
                kiosk_name=self.kiosk_name,
                basis_label=outbox_record.BASIS_LABELS[outbox_record.basis_code(billing)],
                window_burden_percent=billing.window_burden_percent,
            ))
        document = outbox_record.fallback_document(
            record, billing, declaration, institution_code=institution, declaration_pdf=pdf_name
        )
        name = f"{stem}.json"
        self.outbox.write(name, outbox_record.encode(document))
        return name
