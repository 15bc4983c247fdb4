"""The qualification-check result, as the terminal reports it (see oqs-interface.md).

Pure data. The XML codec lives in :mod:`kiosk.qualification`. Codes the terminal sends are kept as the
strings it sends ("01", "A03", "1"), so nothing is lost when a result is written again for the レセコン.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class Validity(int, enum.Enum):
    VALID = 1
    INVALID = 2  # 資格（無効）: the last qualification is shown
    INVALID_NEWER = 3  # 無効（新しい資格あり）
    NO_RECORD = 4  # 該当資格なし
    SEVERAL = 5  # 複数該当 (医療保険 only)
    # 有効（未登録） (医療扶助 only). As we read it (no public source spells it out): the welfare qualification
    # is valid but no 医療券 for this clinic is registered yet. Valid for the check; staff confirm the ticket.
    VALID_UNREGISTERED = 6

    @property
    def is_valid(self) -> bool:
        """A qualification the clinic may bill on: 有効 or 有効（未登録）."""
        return self in (Validity.VALID, Validity.VALID_UNREGISTERED)


class Reference(str, enum.Enum):
    """ReferenceClassification: what the patient presented."""

    CARD = "1"  # My Number card
    INSURANCE_CARD = "2"  # 保険証 / 資格確認書 data


@dataclass(frozen=True)
class ElderlyCertificate:
    """高齢受給者証."""

    issued_on: date | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    burden_percent: int | None = None


@dataclass(frozen=True)
class LimitCertificate:
    """限度額適用認定証 details; the class flag itself (A01…B10) is ``QualificationRecord.limit_class``."""

    classification: str = ""  # 01–03: the kind of certificate
    issued_on: date | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    long_term_from: date | None = None  # 長期入院該当年月日


@dataclass(frozen=True)
class SpecificDiseaseCertificate:
    """特定疾病療養受療証."""

    category: str = ""
    issued_on: date | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    self_pay_yen: int | None = None  # monthly limit


@dataclass(frozen=True)
class InfoConsent:
    """The patient's consent to show one kind of past information (drugs, check-ups, diagnoses, operations)."""

    flag: str = ""  # "1" consented, "0" not, "2" consent expired, "3" could not be asked (emergency)
    consented_at: datetime | None = None
    available_until: datetime | None = None


@dataclass(frozen=True)
class MedicalTicket:
    """A welfare medical ticket (医療券・調剤券) from PublicExpenseResultList (医療扶助)."""

    ticket_type: str = ""  # 医療券・調剤券別
    valid_from: date | None = None
    valid_until: date | None = None
    issue_number: str = ""  # 交付番号
    treatment_month: str = ""  # YYYYMM
    self_pay_yen: int | None = None  # 本人支払額
    designated_institution_code: str = ""  # 指定医療機関コード
    designated_institution_flag: str = ""  # 指定医療機関確認フラグ
    designated_institution_name: str = ""
    prescriber_institution_code: str = ""  # 処方箋発行元医療機関 (調剤券)
    prescriber_institution_name: str = ""
    injury_name_1: str = ""  # 傷病名
    injury_name_2: str = ""
    injury_name_3: str = ""
    treatment_type: str = ""  # 診療別
    district_contact: str = ""  # 地区担当員名
    handling_contact: str = ""  # 取扱担当者名
    single_or_combined: str = ""  # 単独・併用別
    social_insurance_status: str = ""  # 社会保険状況
    consistency_flag: str = ""  # 社会保険状況の整合性フラグ
    infection_status: str = ""  # 感染症法第37条の2の該当状況
    elderly_care_status: str = ""  # 後期高齢者医療の該当状況
    prefectural_expense_status: str = ""  # 都道府県費の該当状況
    remarks_1: str = ""
    remarks_2: str = ""
    remarks_3: str = ""


@dataclass(frozen=True)
class QualificationRecord:
    insurer_number: str
    insurer_name: str = ""
    card_symbol: str = ""
    card_number: str = ""
    branch_number: str = ""
    name: str = ""
    name_kana: str = ""
    sex: str = ""  # Sex1: "1" male, "2" female, "3" unset
    birth_date: date | None = None
    address: str = ""
    burden_percent: int | None = None  # 30 = 3割
    limit_class: str = ""  # 限度額適用区分, e.g. A03
    # Quick flags for the flow, set together with ``elderly`` / ``specific_diseases`` by the codec.
    elderly_certificate: bool = False
    specific_disease: bool = False
    # --- the rest of ResultOfQualificationConfirmation ---
    card_classification: str = ""  # 01 一般 … 07 自衛官診療証, A1 医療扶助
    personal_family: str = ""  # 1 本人, 2 家族
    insured_name: str = ""  # the insured person (head of household) for a family member
    name_other: str = ""  # 通称
    name_other_kana: str = ""
    sex2: str = ""
    post_number: str = ""
    qualified_on: date | None = None
    disqualified_on: date | None = None
    card_issued_on: date | None = None
    card_valid_from: date | None = None
    card_valid_until: date | None = None
    reason_of_loss: str = ""  # 01 death, 02 welfare, 03 other insurance, 99 other
    preschool: str = ""
    elderly: ElderlyCertificate | None = None
    limit_consent: str = ""  # "1": the patient agreed to provide 限度額 information
    limit_consent_at: datetime | None = None
    limit: LimitCertificate | None = None
    limit_certificate_changed: str = ""  # LimitApplicationCertificateChanged, kept as sent (meaning not public)
    specific_disease_consent: str = ""  # 0 none, 1 yes, 2 expired, 3 could not be asked (emergency)
    specific_disease_consent_at: datetime | None = None
    specific_diseases: tuple[SpecificDiseaseCertificate, ...] = ()
    drugs_consent: InfoConsent | None = None
    checkups_consent: InfoConsent | None = None
    diagnosis_consent: InfoConsent | None = None
    operation_consent: InfoConsent | None = None
    reference_number: str = ""
    medical_tickets: tuple[MedicalTicket, ...] = ()


@dataclass(frozen=True)
class QualificationResult:
    validity: Validity
    records: tuple[QualificationRecord, ...] = field(default_factory=tuple)
    message: str = ""  # ProcessingResultMessage: also set on success, e.g. "certificate expires soon"
    # --- header and processing status ---
    result_code: str = ""  # ProcessingResultCode
    reference: Reference | None = None
    processed_at: datetime | None = None
    confirmation_date: date | None = None
    institution_code: str = ""
    file_id: str = ""  # ArbitraryFileIdentifier
    character_code: str = "0"  # 0 UTF-8, 1 Shift_JIS
    reception_number: str = ""  # batch checks
    prescription_issue: str = ""  # PrescriptionIssueSelect: the patient's choice, 1 electronic, 2 paper
    search_identifier: str = ""  # ArbitraryIdentifier the requester put in QualificationConfirmSearchInfo
    # What the file held outside the known dialect, by element path: unknown elements ("MessageBody/X"),
    # unknown code values ("…/Sex1=9"), repeated single elements ("…/Name[2]"). Never element contents.
    unknown: tuple[str, ...] = ()

    @property
    def record(self) -> QualificationRecord | None:
        return self.records[0] if len(self.records) == 1 else None

    @property
    def old_qualification(self) -> QualificationRecord | None:
        """For 資格（無効）/ 無効（新しい資格あり）: the last known qualification, for staff (旧資格情報)."""
        if self.validity in (Validity.INVALID, Validity.INVALID_NEWER):
            return self.records[0] if self.records else None
        return None
