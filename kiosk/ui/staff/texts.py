"""Every code the console shows, as translatable text (context ``StaffConsole``).

Source strings are Japanese; English comes from ``i18n/staff_en.qm``. The dictionaries are built on
each call so a language switch takes effect at once.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("StaffConsole", text)


def alert_text(code: str) -> str:
    return {
        "staff_called": tr("職員呼び出し"),
        "pin_locked": tr("暗証番号ロック"),
        "pin_low": tr("暗証番号 残り1回"),
        "face_failed": tr("顔認証できず"),
        "face_retrying": tr("顔認証をやり直し中"),
        "person_mismatch": tr("別人の情報の可能性（医療情報は非表示）"),
        "qualification_invalid": tr("資格（無効）"),
        "qualification_none": tr("該当資格なし"),
        "several_records": tr("資格が複数：職員が選択"),
        "certificate_expired": tr("電子証明書の有効期限切れ"),
        "certificate_expiring": tr("電子証明書の期限が3か月以内"),
        "card_left": tr("カードの置き忘れ"),
        "reader_fault": tr("カードリーダーの故障"),
        "card_unreadable": tr("カードが読めない"),
        "terminal_down": tr("資格確認端末が応答しない"),
        "not_my_number": tr("マイナンバーカード以外のカード"),
        "black_circle": tr("氏名・住所に●（外字）"),
        "burden_changed": tr("負担割合が前回と違う"),
        "differs_from_record": tr("当院の記録と住所が違う"),
        "limit_changed": tr("限度額区分が前回と違う（出典と日付を確認）"),
        "kiosk_offline": tr("受付機がオフライン"),
    }.get(code, code)


def staff_reason_text(code: str) -> str:
    return {
        "patient_call": tr("患者が「職員を呼ぶ」を押しました"),
        "holder_proof_failed": tr("カードの本人確認に失敗"),
        "declaration_incomplete": tr("申立書にカナ氏名がありません（「申立書で受付」で補ってください）"),
    }.get(code, code)


def state_text(state: str) -> str:
    return {
        "idle": tr("待機中"),
        "reading": tr("カード読み取り中"),
        "not_my_number": tr("対象外のカード"),
        "unreadable": tr("カードが読めない"),
        "card_removed": tr("カードが抜かれた"),
        "reader_fault": tr("リーダー故障"),
        "cert_expired": tr("証明書期限切れ"),
        "cert_expiring": tr("証明書期限の案内"),
        "choose_method": tr("本人確認方法の選択"),
        "face": tr("顔認証中"),
        "face_failed": tr("顔認証できず"),
        "pin": tr("暗証番号入力中"),
        "pin_low": tr("暗証番号 残り1回"),
        "pin_locked": tr("暗証番号ロック"),
        "checking": tr("資格確認中"),
        "person_mismatch": tr("別人の情報"),
        "qual_invalid": tr("資格（無効）"),
        "qual_none": tr("該当資格なし"),
        "qual_several": tr("資格が複数"),
        "terminal_down": tr("端末応答なし"),
        "declaration": tr("申立書を記入中"),
        "consent": tr("同意の確認中"),
        "limit_consent": tr("限度額情報の同意"),
        "done": tr("確認完了"),
        "waiting_staff": tr("職員を待っています"),
        "ended": tr("終了（カード取り出し待ち）"),
        "card_left": tr("カード置き忘れ"),
    }.get(state, state)


def step_text(step: int) -> str:
    return {1: tr("1 カード"), 2: tr("2 本人確認"), 3: tr("3 同意"), 4: tr("4 完了")}.get(step, str(step))


def status_text(status: str) -> str:
    return {
        "connecting": tr("接続中…"),
        "online": tr("接続済み"),
        "offline": tr("オフライン"),
        "refused": tr("接続拒否（ペアリングを確認）"),
    }.get(status, status)


def outcome_text(outcome: str) -> str:
    return {
        "completed": tr("完了"),
        "completed_by_staff": tr("職員対応で完了"),
        "fallback": tr("代替手段で受付"),
        "cancelled": tr("中止"),
        "abandoned": tr("放置・時間切れ"),
        "card_removed": tr("カード抜き取り"),
        "not_my_number": tr("対象外のカード"),
        "unreadable": tr("読み取り不可"),
        "reader_fault": tr("リーダー故障"),
        "not_confirmed": tr("本人確認できず"),
    }.get(outcome, outcome)


def resolution_text(code: str) -> str:
    return {
        "kiosk": tr("受付機で完了"),
        "staff": tr("職員対応で完了"),
        "fallback": tr("代替手段"),
        "not_completed": tr("未完了"),
    }.get(code, code)


def method_text(method: str) -> str:
    return {"face": tr("顔認証"), "pin": tr("暗証番号"), "visual": tr("目視")}.get(method, method or "—")


def error_text(code: str) -> str:
    return {
        "session_changed": tr("受付機の患者が替わりました。画面を確認してください。"),
        "not_allowed_now": tr("今の受付機の状態ではできません。"),
        "card_busy": tr("カードを使用中です。少し待ってください。"),
        "code_b_unavailable": tr("カードの券面から照合番号Bを読めませんでした。カードを見て入力してください。"),
        "camera_unavailable": tr("カメラが使えないため、現在の映像はありません。患者さんを直接見てください。"),
        "camera_timeout": tr("カメラから映像が届きません。患者さんを直接見てください。"),
        "timeout": tr("時間内に応答がありませんでした。"),
        "staff_bad_credentials": tr("職員名またはパスワードが違います。"),
        "staff_account_locked": tr("このアカウントはロックされています。管理者に解除を依頼してください。"),
        "staff_not_permitted": tr("この操作の権限がありません。"),
        "staff_token_expired": tr("サインインの期限が切れました。もう一度サインインしてください。"),
        "staff_pairing_refused": tr("ペアリングの合言葉が違います。"),
        "staff_fingerprint_mismatch": tr("受付機の証明書がペアリング時と違います。IT担当者に連絡してください。"),
        "staff_channel_closed": tr("受付機との接続が切れました。"),
        "staff_channel_timeout": tr("受付機から応答がありません。"),
        "not_signed_in": tr("サインインしてください。"),
        "bad_request": tr("入力内容を確認してください。"),
        "declaration_required": tr("申立書が必要です。"),
        "incomplete_declaration": tr("不詳扱いにはカナ氏名と連絡先が必要です。"),
        "terminal_unavailable": tr("資格確認端末が応答しません。"),
        "qualification_error": tr("資格確認に失敗しました。"),
        "code_b_rejected": tr("照合番号Bが違います。"),
        "store_not_found": tr("ほかの職員がすでに対応済みにしています。"),
    }.get(code, tr("エラー: %1").replace("%1", code))


def validity_text(validity: int) -> str:
    return {1: tr("有効"), 2: tr("資格（無効）"), 3: tr("無効（新しい資格あり）"), 4: tr("該当資格なし"),
            5: tr("複数該当")}.get(validity, str(validity))


def trouble_text(code: str) -> str:
    return {
        "T1": tr("●（外字）"), "T2": tr("リーダー障害"), "T3": tr("資格（無効）"), "T4": tr("証明書期限切れ"),
        "T5": tr("記録との相違"), "T6": tr("該当資格なし"), "T7": tr("負担割合"), "T8": tr("限度額"),
        "T9": tr("他人の情報"), "T10": tr("公費・医療証"), "T11": tr("資格情報のお知らせ"), "T12": tr("端末・回線"),
        "T13": tr("暗証番号"), "T14": tr("顔認証"), "T15": tr("カード置き忘れ"), "T16": tr("対象外カード"),
        "T17": tr("職員対応"),
    }.get(code, code)


def sex_text(value: str) -> str:
    return {"1": tr("男"), "2": tr("女")}.get(value, "—")


def basis_text(basis: str) -> str:
    """How a fallback reception was billed."""
    return {"current": tr("現在の資格"), "old_qualification": tr("旧資格情報"),
            "unknown": tr("不詳（申立書）")}.get(basis, basis)


def _burden(value: str) -> str:
    return tr("%1割").replace("%1", str(int(value) // 10)) if value.isdigit() else value or "—"


def difference_text(code: str, billed: str, found: str) -> str:
    """One thing a re-check found against the bill: what was billed, what is true now."""
    if code == "burden_changed":
        billed, found = _burden(billed), _burden(found)
    elif code == "limit_changed":
        billed, found = billed or tr("なし"), found or tr("なし")
    text = {
        "qualification_lost": tr("資格（無効）：請求した保険者 %1 の資格は無効でした"),
        "no_record": tr("該当資格なし：保険者 %1 に該当する資格がありませんでした"),
        "several_records": tr("資格が複数（%2件）見つかりました：正しい資格を確かめてください"),
        "insurer_changed": tr("保険者番号：請求 %1 → 再確認 %2"),
        "number_changed": tr("記号・番号：請求 %1 → 再確認 %2"),
        "burden_changed": tr("負担割合：窓口 %1 → 再確認 %2（差額の精算が必要）"),
        "limit_changed": tr("限度額区分：請求 %1 → 再確認 %2"),
        "now_confirmed": tr("資格を確認できました：摘要欄の「旧資格情報」「不詳」は不要です"),
    }.get(code, tr("%3：請求 %1 → 再確認 %2"))
    return text.replace("%1", billed or "—").replace("%2", found or "—").replace("%3", code)
