"""Every folder, file and element name and every code value of the terminal interface, in one place.

The official 外部インターフェイス仕様書 was not available (see docs/oqs-interface.md): when a name turns
out different on site, it changes here and nowhere else. Field tables pair an element name with the
attribute of the core model that holds it and the value kind the codec converts.

Each name says where it was seen (public clinic software, read 2026-12):

- [MC] hangilc/myclinic-ts ``packages/onshi-result/*.ts`` (MessageHeader, MessageBody, codes,
  ResultOfQualificationConfirmation, QualificationConfirmSearchInfo) and the face-file sample in
  ``packages/frontend/src/lib/onshi-face.test.ts``
- [OD] YUKI-ENT/OQSDrug2 ``OQSDrug/BulkQualificationService.cs``, ``QualificationFaceExporter.cs``,
  ``QualificationImportModels.cs``
- [EC] hongchinh/emr-cloud-online ``Services/XmlFileService.cs``
- [MR] YUKI-ENT/MynaReception ``src/ReceptionAgent.Core/Face/FaceXmlParser.cs``,
  ``Reception/FaceCaptureMonitor.cs``, ``Oqs/OqsFileClient.cs``, ``docs/ReceptionAgent_FaceCapture.md``
- [SK] Sotatek-ChinhVu/smart-test ``UseCase/XmlDTD/*`` (a レセコン's XML classes: QCBIXmlMsgRequest,
  QCBIXmlMsgResponse, QCBIDXmlMsgRequest, QCBIDXmlMsgResponse, OnlineConfirmHistoryData/*)
- [CT] code tables annotated from 別紙5-1「業務コード仕様」 in public onshi watcher code that the code index
  holds without naming its repository (OQSCD006 value 6, OQSCD016 values 2 and 3, 未就学区分 2): the
  least certain source; docs/qualification.md lists what rests on it alone.
- [ours] our own names, no public source.
"""
from __future__ import annotations

# --- folders and file names ---------------------------------------------------------------------

REQ_DIR = "req"  # [OD][EC][MR]
RES_DIR = "res"  # [OD][EC][MR]
FACE_DIR = "face"  # [OD][MR]

INDIVIDUAL = "OQSsiquc01"  # check by insurance-card data [EC]
BATCH_UPLOAD = "OQSmuquc01"  # batch check: send the list, get a ReceptionNumber [EC][SK]
BATCH_DOWNLOAD = "OQSmuquc02"  # batch check: fetch the results by ReceptionNumber [EC][SK]
# [ours] A check by My Number card requested by the kiosk itself. The certified terminal has no such file
# interface; our simulator (or a site bridge) answers it in the result format.
CARD_CHECK = "KSKcardchk01"

FACE_PREFIX = INDIVIDUAL + "res_face_"  # + <institution code><digits>_<yyyyMMddHHmmss>.xml [OD][MR]
REJECTION_SUFFIX = ".err"
ZIP_SUFFIX = ".zip"  # batch answers may come zipped [OD BulkQualificationService.ImportResultAsync]


def request_name(message: str, file_id: str) -> str:
    return f"{message}req_{file_id}.xml"


def answer_stem_for(request_file: str) -> str:
    """``OQSsiquc01req_X.xml`` → ``OQSsiquc01res_X``: how the terminal names its answer [OD FindExpectedResultFile]."""
    stem = request_file.rsplit(".", 1)[0]
    return stem.replace("req_", "res_", 1)


def rejection_name(request_file: str) -> str:
    """``OQSsiquc01req_X.xml`` → ``OQSsiquc01req_X.err``. A rejected request reappears in ``res`` under its
    own name, with a same-stem ``.err`` beside it [EC SendXmlResponse/OnCreated]."""
    return request_file.rsplit(".", 1)[0] + REJECTION_SUFFIX


# --- encodings ----------------------------------------------------------------------------------

CHARSET_UTF8 = "0"  # [MC codes.ts CharacterCodeIdentifier]
CHARSET_SJIS = "1"
# Shift_JIS files from Windows terminals carry cp932 extensions (①, ～, NEC special characters); [OD] and [MR]
# read them as code page 932.
CODECS = {CHARSET_UTF8: "utf-8", CHARSET_SJIS: "cp932"}
ENCODINGS = {"utf-8": CHARSET_UTF8, "shift_jis": CHARSET_SJIS}  # as a site configures it
DECLARED_NAMES = {CHARSET_UTF8: "UTF-8", CHARSET_SJIS: "Shift_JIS"}  # [MC sample][OD]
CHARSET_OF_CODEC = {codec: code for code, codec in CODECS.items()} | {"utf-8-sig": CHARSET_UTF8}
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
# Every public writer declares standalone="no" [MC sample][OD CreateRequestAsync][MR XmlWriter defaults].
STANDALONE = "no"

# --- the message --------------------------------------------------------------------------------

ROOT = "XmlMsg"  # [MC][OD][MR][SK]
HEADER = "MessageHeader"
BODY = "MessageBody"

# Header [MC MessageHeader.ts][SK]
PROCESS_EXECUTION_TIME = "ProcessExecutionTime"
CONFIRMATION_DATE = "QualificationConfirmationDate"
INSTITUTION_CODE = "MedicalInstitutionCode"
FILE_ID = "ArbitraryFileIdentifier"
REFERENCE = "ReferenceClassification"
SEGMENT = "SegmentOfResult"
ERROR_CODE = "ErrorCode"
ERROR_MESSAGE = "ErrorMessage"
CHARACTER_CODE = "CharacterCodeIdentifier"
RECEPTION_NUMBER = "ReceptionNumber"  # batch answers: in the upload answer's body, the download answer's header [SK]
RECEPTION_TIME = "ReceptionDateTime"  # upload answer body [SK QCBIXmlMsgResponse]
# Batch download answer header counts [SK QCBIDXmlMsgResponse]
COUNT_PROCESSED = "NumberOfProcessingResult"
COUNT_NORMAL = "NumberOfNormalProcessing"
COUNT_ERROR = "NumberOfError"

SEGMENT_NORMAL = "1"
SEGMENT_PROCESSING = "2"
SEGMENT_ABNORMAL = "9"

# Body [MC MessageBody.ts][SK ConfirmResultMessageBody]
STATUS = "ProcessingResultStatus"
STATUS_NORMAL = "1"
STATUS_ERROR = "2"
RESULT_CODE = "ProcessingResultCode"  # also on success with extra information (e.g. the expiry notice) [MC]
RESULT_MESSAGE = "ProcessingResultMessage"
VALIDITY = "QualificationValidity"
PRESCRIPTION_ISSUE = "PrescriptionIssueSelect"  # the patient's choice of prescription form [MC]
RESULT_LIST = "ResultList"
RESULT = "ResultOfQualificationConfirmation"
BULK_UNIT = "BulkConfirmUnit"  # batch download answer: one per person [OD][SK]
REFERENCE_NUMBER = "ReferenceNumber"  # in a record [OD exporter][MR], beside it in a BulkConfirmUnit [OD][SK]

SEARCH_INFO = "QualificationConfirmSearchInfo"  # request body; echoed in results [MC][SK]
SEARCH_IDENTIFIER = "ArbitraryIdentifier"  # the requester's own id for one person [MC][SK]
SEARCH_FIELDS = (  # [MC QualificationConfirmSearchInfo.ts][SK]
    ("InsurerNumber", "insurer_number", "text"),  # 8 characters, left-padded with spaces [MR request builder]
    ("InsuredCardSymbol", "card_symbol", "text"),
    ("InsuredIdentificationNumber", "card_number", "text"),
    ("InsuredBranchNumber", "branch_number", "text"),
    ("Birthdate", "birth_date", "date"),
    ("LimitApplicationCertificateRelatedConsFlg", "limit_consent", "flag"),
)

# [ours] Our card-check request body (extension).
CARD_CHECK_INFO = "KioskCardCheckInfo"
CARD_CERTIFICATE = "UserAuthenticationCertificate"  # base64 DER: the terminal looks the holder up by it
CARD_IDENTITY_METHOD = "IdentityVerificationMethod"  # face / pin / visual
CARD_LIMIT_CONSENT = "LimitApplicationCertificateRelatedConsFlg"

# --- the record ---------------------------------------------------------------------------------
# (element, attribute, kind). Kinds: text, date (YYYYMMDD), datetime (YYYYMMDDHHMMSS), percent ("030"),
# int; and the nested groups below (elderly, limit, specific, tickets, consents). Order is the order written,
# the order of [OD QualificationFaceExporter]; terminals write any order [MC sample].
# All names: [MC ResultOfQualificationConfirmation.ts][OD][SK], unless marked.

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
    ("LimitApplicationCertificateChanged", "limit_certificate_changed", "text"),  # [SK] only
    ("LimitApplicationCertificateRelatedConsFlg", "limit_consent", "text"),
    ("LimitApplicationCertificateRelatedConsTime", "limit_consent_at", "datetime"),
    ("LimitApplicationCertificateRelatedInfo", "limit", "limit"),
    ("SpecificDiseasesCertificateRelatedConsFlg", "specific_disease_consent", "text"),
    ("SpecificDiseasesCertificateRelatedConsTime", "specific_disease_consent_at", "datetime"),
    ("SpecificDiseasesCertificateList", "specific_diseases", "specific"),
    ("PublicExpenseResultList", "medical_tickets", "tickets"),  # [OD]
    ("", "", "consents"),
    (REFERENCE_NUMBER, "reference_number", "text"),
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

TICKET_ITEM = "MedicalTicketInfo"  # 医療券・調剤券 [OD QualificationFaceExporter / QualificationImportModels]
TICKET_FIELDS = (
    ("TicketType", "ticket_type", "text"),
    ("MedicalTicketValidDate", "valid_from", "date"),
    ("MedicalTicketExpirationDate", "valid_until", "date"),
    ("IssueNumber", "issue_number", "text"),
    ("MedicalTreatmentMonth", "treatment_month", "text"),
    ("DesignatedMedicalInstitutionCode", "designated_institution_code", "text"),
    ("DesignatedMedicalInstitutionFlag", "designated_institution_flag", "text"),
    ("DesignatedMedicalInstitutionName", "designated_institution_name", "text"),
    ("PrescriptionIssuerMedicalInstitutionCode", "prescriber_institution_code", "text"),
    ("PrescriptionIssuerMedicalInstitutionName", "prescriber_institution_name", "text"),
    ("InjuryName1", "injury_name_1", "text"),
    ("InjuryName2", "injury_name_2", "text"),
    ("InjuryName3", "injury_name_3", "text"),
    ("MedicalTreatmentType", "treatment_type", "text"),
    ("SelfPayAmount", "self_pay_yen", "int"),
    ("DistrictContactName", "district_contact", "text"),
    ("HandlingContactName", "handling_contact", "text"),
    ("SingleOrCombinedUse", "single_or_combined", "text"),
    ("StatusOfSocialInsurance", "social_insurance_status", "text"),
    ("ConsistencyFlag", "consistency_flag", "text"),
    ("StatusOfInfecton", "infection_status", "text"),  # sic: the misspelling is the element's name [OD]
    ("StatusOfElderlyMedicalCare", "elderly_care_status", "text"),
    ("StatusOfPrefecturalExpenses", "prefectural_expense_status", "text"),
    ("Remarks1", "remarks_1", "text"),
    ("Remarks2", "remarks_2", "text"),
    ("Remarks3", "remarks_3", "text"),
)

# Consent groups: attribute → (flag element names, consent-time names, available-time names). The first
# name is the one written ([MC sample]); the others are read too, because clients disagree: [OD] writes
# Pharmaceutical…/…AcquisitionTime while it reads Pharmacists…/…AvailableTime.
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

# --- code values --------------------------------------------------------------------------------
# A value outside its table is kept as sent and named in the result's ``unknown`` (QualificationValidity
# alone is an error: the kiosk cannot act on a validity it does not know).

VALIDITY_CODES = {  # OQSCD006: 1–5 [MC codes.ts], 6 [CT]
    "1": "有効", "2": "無効", "3": "無効（新しい資格あり）", "4": "該当資格なし", "5": "複数該当",
    "6": "有効（未登録）",  # 医療扶助 only; 5 occurs for 医療保険 only [CT]
}
REFERENCE_CODES = {"1": "マイナンバーカード", "2": "被保険者証情報"}  # OQSCD002 [MC]
SEGMENT_CODES = {"1": "正常終了", "2": "処理中", "9": "異常終了"}  # OQSCD003 [MC]
STATUS_CODES = {"1": "正常終了", "2": "エラー"}  # OQSCD004 [MC]
PRESCRIPTION_ISSUE_CODES = {"1": "電子処方箋", "2": "紙の処方箋"}  # [MC codes.ts]
CARD_CLASSES = {  # InsuredCardClassification, OQSCD010: 01–07 [MC], A1 [OD QualificationImportModels]
    "01": "被保険者証（一般）", "02": "被保険者証（退職）", "03": "短期被保険者証（一般）",
    "04": "短期被保険者証（退職）", "05": "被保険者資格証明書", "06": "特例退職被保険者証", "07": "自衛官診療証",
    "A1": "医療扶助",
}
PERSONAL_FAMILY_CODES = {"1": "本人", "2": "家族"}  # OQSCD009 [MC]
SEX_CODES = {"1": "男", "2": "女", "3": "未設定"}  # OQSCD007 [MC]
PRESCHOOL_CODES = {"1": "未就学", "2": "就学中"}  # 1 [MC], 2 [CT]
REASON_OF_LOSS_CODES = {"01": "死亡", "02": "生活保護受給開始", "03": "医療保険等の資格取得", "99": "その他"}  # [MC]
LIMIT_CONSENT_CODES = {"0": "未同意", "1": "同意"}  # OQSCD001 [MC]
LIMIT_CLASSIFICATION_CODES = {  # OQSCD011 [MC]
    "01": "限度額適用認定証", "02": "限度額適用・標準負担額減額認定証", "03": "標準負担額減額認定証",
}
LIMIT_CLASS_CODES = {  # OQSCD012 [MC]
    "A01": "ア", "A02": "イ", "A03": "ウ", "A04": "エ", "A05": "オ", "A06": "オ（境）",
    "B01": "現役並みⅢ", "B02": "現役並みⅡ", "B03": "現役並みⅠ", "B04": "一般", "B05": "低所得Ⅱ",
    "B06": "低所得Ⅰ", "B07": "低所得Ⅰ（老福）", "B08": "低所得Ⅰ（境）", "B09": "一般Ⅱ", "B10": "一般Ⅰ",
}
SPECIFIC_DISEASE_CODES = {  # OQSCD013 [MC]
    "1": "人工透析を必要とする慢性腎不全", "2": "先天性血液凝固因子障害",
    "3": "血液凝固因子製剤の投与に起因するHIV感染症",
}
# OQSCD016, every consent flag: 0/1 [MC], 2 (訪問診療・オンライン診療 only) [MC for 特定疾病][CT],
# 3 (救急医療 only) [CT]
CONSENT_CODES = {"0": "同意なし", "1": "同意あり", "2": "同意有効期限切れ", "3": "同意取得困難"}

CODES_BY_ELEMENT = {
    REFERENCE: REFERENCE_CODES,
    SEGMENT: SEGMENT_CODES,
    CHARACTER_CODE: CODECS,
    STATUS: STATUS_CODES,
    PRESCRIPTION_ISSUE: PRESCRIPTION_ISSUE_CODES,
    "InsuredCardClassification": CARD_CLASSES,
    "PersonalFamilyClassification": PERSONAL_FAMILY_CODES,
    "Sex1": SEX_CODES,
    "Sex2": SEX_CODES,
    "PreschoolClassification": PRESCHOOL_CODES,
    "ReasonOfLoss": REASON_OF_LOSS_CODES,
    "LimitApplicationCertificateRelatedConsFlg": LIMIT_CONSENT_CODES,
    "LimitApplicationCertificateClassification": LIMIT_CLASSIFICATION_CODES,
    LIMIT_CLASS_FLAG: LIMIT_CLASS_CODES,
    "SpecificDiseasesDiseaseCategory": SPECIFIC_DISEASE_CODES,
    "SpecificDiseasesCertificateRelatedConsFlg": CONSENT_CODES,
} | {name: CONSENT_CODES for _attr, flags, _times, _available in CONSENTS for name in flags}

# --- the shapes of the files, for naming what lies outside them ---------------------------------
# element → None (a value) or the shape of its children. Elements that may repeat are in REPEATABLE.


def _values(*names: str) -> dict[str, dict | None]:
    return dict.fromkeys(names)


def _record_shape() -> dict[str, dict | None]:
    shape: dict[str, dict | None] = {}
    for tag, _attr, kind in RECORD_FIELDS:
        if kind == "elderly":
            shape[tag] = _values(*(name for name, _a, _k in ELDERLY_FIELDS))
        elif kind == "limit":
            shape[tag] = _values(LIMIT_CLASS_FLAG, *(name for name, _a, _k in LIMIT_FIELDS))
        elif kind == "specific":
            shape[tag] = {SPECIFIC_ITEM: _values(*(name for name, _a, _k in SPECIFIC_FIELDS))}
        elif kind == "tickets":
            shape[tag] = {TICKET_ITEM: _values(*(name for name, _a, _k in TICKET_FIELDS))}
        elif kind == "consents":
            for _name, *groups in CONSENTS:
                shape |= _values(*(name for group in groups for name in group))
        else:
            shape[tag] = None
    return shape


RESULT_HEADER = _values(PROCESS_EXECUTION_TIME, CONFIRMATION_DATE, INSTITUTION_CODE, FILE_ID, REFERENCE, SEGMENT,
                        ERROR_CODE, ERROR_MESSAGE, CHARACTER_CODE, RECEPTION_NUMBER)
_RECORD = _record_shape()
_SEARCH = _values(*(name for name, _a, _k in SEARCH_FIELDS), SEARCH_IDENTIFIER)
RESULT_SHAPE: dict[str, dict | None] = {
    HEADER: RESULT_HEADER,
    BODY: _values(STATUS, RESULT_CODE, RESULT_MESSAGE, VALIDITY, PRESCRIPTION_ISSUE)
    | {SEARCH_INFO: _SEARCH, RESULT_LIST: {RESULT: _RECORD}, RESULT: _RECORD},
}
BATCH_SHAPE: dict[str, dict | None] = {
    HEADER: RESULT_HEADER | _values(COUNT_PROCESSED, COUNT_NORMAL, COUNT_ERROR),
    BODY: _values(STATUS, RESULT_CODE, RESULT_MESSAGE) | {
        BULK_UNIT: _values(STATUS, RESULT_CODE, RESULT_MESSAGE, VALIDITY, REFERENCE_NUMBER)
        | {SEARCH_INFO: _SEARCH, RESULT: _RECORD, RESULT_LIST: {RESULT: _RECORD}},
    },
}
REPEATABLE = frozenset({RESULT, SPECIFIC_ITEM, TICKET_ITEM, BULK_UNIT})
