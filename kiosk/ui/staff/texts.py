"""Every code the console shows, as translatable text (context ``StaffConsole``).

Source strings are Japanese; English comes from ``i18n/staff_en.qm``. States, alerts and call reasons
carry their own plain-Japanese staff text in :mod:`kiosk.core.states`; the console translates those
(``scripts/staff_i18n.py`` collects them). The dictionaries below are built on each call so a language
switch takes effect at once.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from kiosk.core.alerts import Alert
from kiosk.core.states import SPECS, STAFF_TEXT_CONTEXT, State
from kiosk.staff.messages import BRANCH_DIGITS, CARD_FIELD_MAX, INSURER_DIGITS


def tr(text: str) -> str:
    return QCoreApplication.translate(STAFF_TEXT_CONTEXT, text)


def state_text(state: State | str) -> str:
    """How staff read a state: never ``pin``, always 「暗証番号を入力中」."""
    try:
        return tr(SPECS[State(state)].staff_text)
    except ValueError:
        return str(state)  # recorded by a newer kiosk


def alert_words(alert: Alert) -> str:
    return tr(alert.text)


def alert_reason(alert: Alert) -> str:
    """Why staff are needed beyond the screen: that the patient called, or what stopped the kiosk."""
    return tr(alert.reason_text) if alert.reason_text else ""


def moment_text(moment: datetime) -> str:
    """When something happened, on the console's clock."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


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
    """A refusal as staff read it: the kiosk flow's reason codes, the store's and the channel's."""
    return {
        "session_changed": tr("受付機の患者が替わりました。画面を確認してください。"),
        "session_ended": tr("この患者さんの受付はもう終わっています。"),
        "state_changed": tr("受付機の画面が変わったため中止しました。画面を確認してください。"),
        "not_allowed_now": tr("今の受付機の状態ではできません。"),
        "card_busy": tr("カードを使用中です。少し待ってください。"),
        "card_not_present": tr("カードが置かれていません。"),
        "already_running": tr("同じ操作を受付機が実行中です。少し待ってください。"),
        "identity_already_proven": tr("本人確認はもう済んでいます。"),
        "certificate_expired": tr(
            "電子証明書の有効期限が切れているため、目視ではなく保険証・申立書で受け付けてください。"),
        "check_not_failed": tr("資格確認が失敗していないため、代替手段は使えません。"),
        "facts_unknown": tr("カードの記載事項がまだ読まれていません。"),
        "no_records_to_choose": tr("選べる資格がありません。"),
        "no_such_record": tr("その資格はもうありません。画面を確認してください。"),
        "name_not_correctable": tr("この氏名は修正できません（●がないか、まだ資格が決まっていません）。"),
        "bad_name": tr("●を含まない64文字以内の氏名を入力してください。"),
        "cannot_acknowledge": tr("確認済みにできない項目です。"),
        "no_call": tr("対応待ちの呼び出しはありません。"),
        "nothing_to_resume": tr("患者の画面に戻せません（戻る画面がありません）。"),
        "no_face_attempts_left": tr("顔認証はもう試せません。"),
        "code_b_unavailable": tr("カードの券面から照合番号Bを読めませんでした。カードを見て入力してください。"),
        "camera_unavailable": tr("カメラが使えないため、現在の映像はありません。患者さんを直接見てください。"),
        "camera_timeout": tr("カメラから映像が届きません。患者さんを直接見てください。"),
        "timeout": tr("時間内に応答がありませんでした。"),
        "internal": tr("受付機で予期しないエラーが起きました。"),
        "staff_bad_credentials": tr("職員名またはパスワードが違います。"),
        "staff_account_locked": tr("このアカウントはロックされています。管理者に解除を依頼してください。"),
        "staff_sign_in_slowed": tr("パスワードの誤りが続いたため、%1秒待ってからもう一度サインインしてください。"),
        "staff_not_permitted": tr("この操作の権限がありません。"),
        "staff_token_expired": tr("サインインの期限が切れました。もう一度サインインしてください。"),
        "staff_pairing_refused": tr("ペアリングの合言葉が違います。"),
        "staff_fingerprint_mismatch": tr("受付機の証明書がペアリング時と違います。IT担当者に連絡してください。"),
        "staff_channel_closed": tr("受付機との接続が切れました。"),
        "staff_channel_timeout": tr("受付機から応答がありません。"),
        "staff_protocol_error": tr("受付機から読めない応答がありました。"),
        "not_signed_in": tr("サインインしてください。"),
        "bad_request": tr("入力内容を確認してください。"),
        "declaration_required": tr("申立書が必要です。"),
        "incomplete_declaration": tr("不詳扱いにはカナ氏名と連絡先が必要です。"),
        "terminal_unavailable": tr("資格確認端末が応答しません。"),
        "qualification_error": tr("資格確認に失敗しました。"),
        "code_b_rejected": tr("照合番号Bが違います。"),
        "code_b_tries_low": tr(
            "照合番号Bの残り回数が少ないため、カメラの読み取りでは送りません。カードを見て入力してください。"),
        "code_b_blocked": tr(
            "照合番号Bがロックされています。写真は読めません。患者さんと保険証・資格確認書で確認してください。"),
        "card_record_not_found": tr("カードの記載事項を読めませんでした。保険証・資格確認書で受け付けてください。"),
        "card_timeout": tr("カードが応答しません。カードを一度取り出して、置き直してもらってください。"),
        "card_bad_length": tr("カードから読めないデータが返りました。保険証・資格確認書で受け付けてください。"),
        "card_response_loop": tr("カードから読めないデータが返りました。保険証・資格確認書で受け付けてください。"),
        "card_bad_certificate": tr("カードの電子証明書が読めません。保険証・資格確認書で受け付けてください。"),
        "store_not_found": tr("ほかの職員がすでに対応済みにしています。"),
        "store_damaged": tr(
            "受付機の記録ファイルが壊れています。IT担当者に連絡してください（kiosk store restore）。"),
        "store_disk_full": tr("受付機のディスクがいっぱいです。空き容量を作ってください。記録は壊れていません。"),
        "store_missing": tr(
            "受付機の記録ファイルが見つかりません。IT担当者に連絡してください（kiosk store restore）。"),
        "outbox_unwritable": tr(
            "レセコン用のフォルダーに書けません。IT担当者に連絡してください。受付は保存されています。"),
        "recheck_unknown": tr("この再確認は受付機の記録にありません。"),
        "recheck_has_numbers": tr("この受付の番号はすでに入力されています。再確認の結果を待ってください。"),
        "recheck_finished": tr("この受付の再確認はもう終わっています。"),
    }.get(code, tr("エラー: %1").replace("%1", code))


def numbers_problem_text(code: str) -> str:
    """What is wrong with typed 保険証 numbers (``CardNumbers.problems``), in plain words."""
    eight, six = INSURER_DIGITS
    return {
        "insurer_number_missing": tr("保険者番号を入力してください。"),
        "insurer_number_not_digits": tr("保険者番号は数字だけで入力してください。"),
        "insurer_number_length": tr("保険者番号は%1桁です（国民健康保険は%2桁）。")
        .replace("%1", str(eight)).replace("%2", str(six)),
        "card_symbol_too_long": tr("記号が長すぎます（%1文字まで）。").replace("%1", str(CARD_FIELD_MAX)),
        "card_number_missing": tr("番号を入力してください。"),
        "card_number_too_long": tr("番号が長すぎます（%1文字まで）。").replace("%1", str(CARD_FIELD_MAX)),
        "branch_number_format": tr("枝番は%1桁の数字です（例：01）。枝番がなければ空欄にしてください。")
        .replace("%1", str(BRANCH_DIGITS)),
    }.get(code, code)


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
