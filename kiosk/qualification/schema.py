"""Every folder, file and element name of the terminal interface, in one place.

The official 外部インターフェイス仕様書 was not available (see docs/oqs-interface.md): when a name turns
out different on site, it changes here and nowhere else. Field tables pair an element name with the
attribute of the core model that holds it and the value kind the codec converts.
"""
from __future__ import annotations

# --- folders and file names ---------------------------------------------------------------------

REQ_DIR = "req"
RES_DIR = "res"
FACE_DIR = "face"

INDIVIDUAL = "OQSsiquc01"  # check by insurance-card data
BATCH_UPLOAD = "OQSmuquc01"  # batch check: send the list, get a ReceptionNumber
BATCH_DOWNLOAD = "OQSmuquc02"  # batch check: fetch the results by ReceptionNumber
# Our extension, not an OQS name: a check by My Number card requested by the kiosk itself. The certified
# terminal has no such file interface; our simulator (or a site bridge) answers it in the result format.
CARD_CHECK = "KSKcardchk01"

FACE_PREFIX = INDIVIDUAL + "res_face_"


def request_name(message: str, file_id: str) -> str:
    return f"{message}req_{file_id}.xml"


def answer_stem(message: str, file_id: str) -> str:
    return f"{message}res_{file_id}"


def answer_stem_for(request_file: str) -> str:
    """``OQSsiquc01req_X.xml`` → ``OQSsiquc01res_X``: how the terminal names its answer."""
    stem = request_file.rsplit(".", 1)[0]
    return stem.replace("req_", "res_", 1)


# --- encodings ----------------------------------------------------------------------------------

CHARSET_UTF8 = "0"
CHARSET_SJIS = "1"
# Shift_JIS files from Windows terminals carry cp932 extensions (①, ～, NEC special characters).
CODECS = {CHARSET_UTF8: "utf-8", CHARSET_SJIS: "cp932"}
ENCODINGS = {"utf-8": CHARSET_UTF8, "shift_jis": CHARSET_SJIS}  # as a site configures it
DECLARED_NAMES = {CHARSET_UTF8: "UTF-8", CHARSET_SJIS: "Shift_JIS"}
CODEC_BY_DECLARED = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "cp932": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "us-ascii": "utf-8",
}

# --- the message --------------------------------------------------------------------------------

ROOT = "XmlMsg"
HEADER = "MessageHeader"
BODY = "MessageBody"

PROCESS_EXECUTION_TIME = "ProcessExecutionTime"
CONFIRMATION_DATE = "QualificationConfirmationDate"
INSTITUTION_CODE = "MedicalInstitutionCode"
FILE_ID = "ArbitraryFileIdentifier"
REFERENCE = "ReferenceClassification"
SEGMENT = "SegmentOfResult"
ERROR_CODE = "ErrorCode"
ERROR_MESSAGE = "ErrorMessage"
CHARACTER_CODE = "CharacterCodeIdentifier"
RECEPTION_NUMBER = "ReceptionNumber"

SEGMENT_NORMAL = "1"
SEGMENT_PROCESSING = "2"
SEGMENT_ABNORMAL = "9"

STATUS = "ProcessingResultStatus"
STATUS_NORMAL = "1"
STATUS_ERROR = "2"
RESULT_CODE = "ProcessingResultCode"
RESULT_MESSAGE = "ProcessingResultMessage"
VALIDITY = "QualificationValidity"
RESULT_LIST = "ResultList"
RESULT = "ResultOfQualificationConfirmation"
BULK_UNIT = "BulkConfirmUnit"

SEARCH_INFO = "QualificationConfirmSearchInfo"
SEARCH_FIELDS = (
    ("InsurerNumber", "insurer_number", "text"),
    ("InsuredCardSymbol", "card_symbol", "text"),
    ("InsuredIdentificationNumber", "card_number", "text"),
    ("InsuredBranchNumber", "branch_number", "text"),
    ("Birthdate", "birth_date", "date"),
    ("LimitApplicationCertificateRelatedConsFlg", "limit_consent", "flag"),
)

# Our card-check request body (extension).
CARD_CHECK_INFO = "KioskCardCheckInfo"
CARD_CERTIFICATE = "UserAuthenticationCertificate"  # base64 DER: the terminal looks the holder up by it
CARD_IDENTITY_METHOD = "IdentityVerificationMethod"  # face / pin / visual
CARD_LIMIT_CONSENT = "LimitApplicationCertificateRelatedConsFlg"

# --- the record ---------------------------------------------------------------------------------
# (element, attribute, kind). Kinds: text, date (YYYYMMDD), datetime (YYYYMMDDHHMMSS), percent ("030"),
# int; and the nested groups below (elderly, limit, specific, tickets, consents). Order is the order written.

RECORD_FIELDS = (
    ("InsuredCardClassification", "card_classification", "text"),
    ("InsurerNumber", "insurer_number", "text"),
    ("InsuredCardSymbol", "card_symbol", "text"),
    ("InsuredIdentificationNumber", "card_number", "text"),
    ("InsuredBranchNumber", "branch_number", "text"),
    ("PersonalFamilyClassification", "personal_family", "text"),
    ("InsuredName", "insured_name", "text"),
    ("Name", "name", "text"),
    ("NameOfOther", "name_other", "text"),
    ("NameKana", "name_kana", "text"),
    ("NameOfOtherKana", "name_other_kana", "text"),
    ("Sex1", "sex", "text"),
    ("Sex2", "sex2", "text"),
    ("Birthdate", "birth_date", "date"),
    ("Address", "address", "text"),
    ("PostNumber", "post_number", "text"),
    ("QualificationDate", "qualified_on", "date"),
    ("DisqualificationDate", "disqualified_on", "date"),
    ("InsuredCertificateIssuanceDate", "card_issued_on", "date"),
    ("InsuredCardValidDate", "card_valid_from", "date"),
    ("InsuredCardExpirationDate", "card_valid_until", "date"),
    ("InsuredPartialContributionRatio", "burden_percent", "percent"),
    ("PreschoolClassification", "preschool", "text"),
    ("ReasonOfLoss", "reason_of_loss", "text"),
    ("InsurerName", "insurer_name", "text"),
    ("ElderlyRecipientCertificateInfo", "elderly", "elderly"),
    ("LimitApplicationCertificateRelatedConsFlg", "limit_consent", "text"),
    ("LimitApplicationCertificateRelatedConsTime", "limit_consent_at", "datetime"),
    ("LimitApplicationCertificateRelatedInfo", "limit", "limit"),
    ("SpecificDiseasesCertificateRelatedConsFlg", "specific_disease_consent", "text"),
    ("SpecificDiseasesCertificateRelatedConsTime", "specific_disease_consent_at", "datetime"),
    ("SpecificDiseasesCertificateList", "specific_diseases", "specific"),
    ("PublicExpenseResultList", "medical_tickets", "tickets"),
    ("", "", "consents"),
    ("ReferenceNumber", "reference_number", "text"),
)

ELDERLY_FIELDS = (
    ("ElderlyRecipientCertificateDate", "issued_on", "date"),
    ("ElderlyRecipientValidStartDate", "valid_from", "date"),
    ("ElderlyRecipientValidEndDate", "valid_until", "date"),
    ("ElderlyRecipientContributionRatio", "burden_percent", "percent"),
)

LIMIT_CLASS_FLAG = "LimitApplicationCertificateClassificationFlag"  # → QualificationRecord.limit_class
LIMIT_FIELDS = (
    ("LimitApplicationCertificateClassification", "classification", "text"),
    ("LimitApplicationCertificateDate", "issued_on", "date"),
    ("LimitApplicationCertificateValidStartDate", "valid_from", "date"),
    ("LimitApplicationCertificateValidEndDate", "valid_until", "date"),
    ("LimitApplicationCertificateLongTermDate", "long_term_from", "date"),
)

SPECIFIC_ITEM = "SpecificDiseasesCertificateInfo"
SPECIFIC_FIELDS = (
    ("SpecificDiseasesDiseaseCategory", "category", "text"),
    ("SpecificDiseasesCertificateDate", "issued_on", "date"),
    ("SpecificDiseasesValidStartDate", "valid_from", "date"),
    ("SpecificDiseasesValidEndDate", "valid_until", "date"),
    ("SpecificDiseasesSelfPay", "self_pay_yen", "int"),
)

TICKET_ITEM = "MedicalTicketInfo"
TICKET_FIELDS = (
    ("TicketType", "ticket_type", "text"),
    ("MedicalTicketValidDate", "valid_from", "date"),
    ("MedicalTicketExpirationDate", "valid_until", "date"),
    ("IssueNumber", "issue_number", "text"),
    ("MedicalTreatmentMonth", "treatment_month", "text"),
    ("SelfPayAmount", "self_pay_yen", "int"),
)

# Consent groups: attribute → (flag element names, consent-time names, available-time names). The first
# name is the one written; the others are read too, because clients disagree (oqs-interface.md).
CONSENTS = (
    (
        "drugs_consent",
        ("PharmacistsInfoConsFlg", "PharmaceuticalInfoConsFlg"),
        ("PharmacistsInfoConsTime", "PharmaceuticalInfoConsTime"),
        ("PharmacistsInfoAvailableTime", "PharmaceuticalInfoAvailableTime", "PharmaceuticalInfoAcquisitionTime"),
    ),
    (
        "checkups_consent",
        ("SpecificHealthCheckupsInfoConsFlg",),
        ("SpecificHealthCheckupsInfoConsTime",),
        ("SpecificHealthCheckupsInfoAvailableTime", "SpecificHealthCheckupsInfoAcquisitionTime"),
    ),
    (
        "diagnosis_consent",
        ("DiagnosisInfoConsFlg",),
        ("DiagnosisInfoConsTime",),
        ("DiagnosisInfoAvailableTime", "DiagnosisInfoAcquisitionTime"),
    ),
    (
        "operation_consent",
        ("OperationInfoConsFlg",),
        ("OperationInfoConsTime",),
        ("OperationInfoAvailableTime", "OperationInfoAcquisitionTime"),
    ),
)
