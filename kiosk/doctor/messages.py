"""Every word of the doctor's report, in Japanese (the clerk at the front desk: the default) and English
(IT staff and the vendor's technician).

The ``kiosk`` commands print English for IT staff, and the kiosk's own catalogs (kiosk/ui/i18n, Qt's .ts)
need Qt; this report is read by a clerk from a command line (or, later, on the staff console), so its
words are one small table here, each key with its ``ja`` and ``en``. Plain Japanese: what was found,
then what to do, in words a clinic clerk understands; parts by their everyday names (カードリーダー, not
PC/SC). A test checks that every key a check uses is here in both languages with the same fields.
"""
from __future__ import annotations

from kiosk.doctor.findings import Duration, Param, Text

LANGS = ("ja", "en")

# A store that is gone and one that cannot be read are both restored from a backup. Both keys stay: they
# travel to the staff console (kiosk/staff/doctor_request.py), which may be older or newer than the kiosk.
_RESTORE = {"ja": "キオスクを使わずに、業者に連絡してください（バックアップから戻します）。",
            "en": "kiosk store restore"}

MESSAGES: dict[str, dict[str, str]] = {
    # --- the report's frame ---
    "report.title": {"ja": "キオスクの点検（{when}）", "en": "Kiosk check ({when})"},
    "report.all_ok": {"ja": "すべて正常です。", "en": "All fine."},
    "report.summary": {"ja": "問題 {problems} 件、注意 {warnings} 件。",
                       "en": "{problems} problem(s), {warnings} warning(s)."},
    "report.config": {"ja": "設定", "en": "configuration"},
    "config.bad": {"ja": "設定ファイルが読めません。", "en": "the configuration cannot be read"},
    "config.todo.bad": {"ja": "業者に連絡して、設定ファイル（kiosk.toml）を直してもらってください。",
                        "en": "fix the configuration file (kiosk.toml): see the detail"},
    # --- the check names ---
    "title.reader": {"ja": "カードリーダー", "en": "card reader"},
    "title.camera": {"ja": "カメラ", "en": "camera"},
    "title.terminal_folders": {"ja": "資格確認端末とのつながり", "en": "terminal folders"},
    "title.terminal_answers": {"ja": "資格確認端末の応答", "en": "terminal answers"},
    "title.store": {"ja": "受付の記録", "en": "store"},
    "title.backup": {"ja": "記録のバックアップ", "en": "backup"},
    "title.backup_disk": {"ja": "バックアップの置き場所", "en": "backup placement"},
    "title.keys": {"ja": "記録の鍵", "en": "store key"},
    "title.fonts": {"ja": "日本語の文字", "en": "Japanese fonts"},
    "title.voice_ja": {"ja": "音声案内（日本語）", "en": "voice (Japanese, Open JTalk)"},
    "title.voice_other": {"ja": "音声案内（外国語）", "en": "voice (other languages, espeak-ng)"},
    "title.clock": {"ja": "時計", "en": "clock"},
    "title.disk": {"ja": "ディスクの空き", "en": "disk space"},
    # --- shared ---
    "hung": {"ja": "{seconds}秒待っても返事がありません。", "en": "no answer within {seconds} s"},
    "check_failed": {"ja": "調べている途中でエラーになりました。", "en": "the check itself failed (a bug)"},
    "todo.vendor": {"ja": "業者に連絡してください。", "en": "see the detail; report it to the vendor"},
    "todo.reinstall": {"ja": "業者に連絡して、キオスクのソフトを入れ直してもらってください。",
                       "en": "reinstall the kiosk software"},
    # --- the card reader ---
    "reader.ok": {"ja": "つながっています（{reader}）。", "en": "present and answering ({reader})"},
    "reader.in_use": {"ja": "つながっていて、今カードを読んでいます（{reader}）。",
                      "en": "present, reading a card now ({reader})"},
    "reader.no_library": {"ja": "カードリーダーを使う部品がありません。",
                          "en": "pyscard cannot be loaded"},
    "reader.no_service": {"ja": "カードリーダーを動かす仕組みが止まっています。",
                          "en": "the PC/SC service does not answer"},
    "reader.todo.service": {"ja": "パソコンを再起動してください。直らなければ業者に連絡してください。",
                            "en": "start the PC/SC service (pcscd / Smart Card service) or restart the PC"},
    "reader.none": {"ja": "カードリーダーが見つかりません。", "en": "no reader is connected"},
    "reader.todo.plug": {"ja": "カードリーダーのケーブルを抜いて、もう一度しっかり差してください。"
                               "直らなければ業者に連絡してください。",
                         "en": "re-plug the reader's USB cable; check it in the PC/SC reader list"},
    "reader.not_found": {"ja": "設定されたカードリーダー（{wanted}）が見つかりません。ほかのリーダー: {present}",
                         "en": "the configured reader {wanted!r} is not there; present: {present}"},
    "reader.todo.name": {"ja": "業者に連絡して、設定のカードリーダー名を直してもらってください。",
                         "en": "set reader_name to one of the readers present (or empty for the first)"},
    "reader.not_answering": {"ja": "カードリーダーが返事をしません（{reader}）。",
                             "en": "the reader does not answer ({reader})"},
    "reader.unavailable": {"ja": "カードリーダーが使えない状態です（{reader}）。",
                           "en": "the reader reports itself unavailable ({reader})"},
    "reader.card_mute": {"ja": "カードが入っていますが、読めません。", "en": "a card is in but does not answer"},
    "reader.todo.card_mute": {"ja": "カードを取り出して、向きと裏表を確かめてから入れ直してください。",
                              "en": "take the card out and check it is the right way round"},
    "reader.card_left": {"ja": "カードが入ったままです（置き忘れかもしれません）。",
                         "en": "a card is in the reader and nobody is reading it (left behind?)"},
    "reader.todo.card_left": {"ja": "カードを取り出して、持ち主に返してください。",
                              "en": "take the card out and give it back to its holder"},
    # --- the camera ---
    "camera.ok": {"ja": "映っています（{width}×{height}）。", "en": "frames arrive ({width}x{height})"},
    "camera.unavailable": {"ja": "カメラが見つかりません。", "en": "the camera cannot be opened"},
    "camera.no_frame": {"ja": "カメラから映像が来ません（{seconds}秒待ちました）。",
                        "en": "no frame within {seconds} s"},
    "camera.todo.plug": {"ja": "カメラのケーブルを抜いて、もう一度しっかり差してください。"
                               "直らなければ業者に連絡してください。",
                         "en": "re-plug the camera; check camera_index and that no other program holds it"},
    "camera.dark": {"ja": "カメラの映像が真っ暗です。", "en": "the picture is black"},
    "camera.todo.dark": {"ja": "レンズの覆いやシールを外し、明かりがついているか確かめてください。",
                         "en": "uncover the lens and check the lighting"},
    # the staff console's 「点検」 of a running kiosk: its camera is the reception's while one is under way
    "camera.in_reception": {"ja": "受付中のため、カメラは調べませんでした。",
                            "en": "not checked: a reception is under way and may be using the camera"},
    "camera.todo.in_reception": {"ja": "受付が終わってから、もう一度調べてください。",
                                 "en": "check again once the reception is over"},
    # --- the terminal's folders ---
    "terminal.ok": {"ja": "つながっていて、書き込めます。", "en": "req, res and face are there and writable ({root})"},
    "terminal.missing": {"ja": "資格確認端末の共有フォルダーが見えません（{folders}）。",
                         "en": "missing: {folders} under {root}"},
    "terminal.todo.missing": {"ja": "資格確認端末の電源が入っているか、LANケーブルがつながっているか確かめてください。"
                                    "直らなければ業者に連絡してください。",
                              "en": "check the terminal is on, the share is mounted and terminal_root is right"},
    "terminal.read_only": {"ja": "資格確認端末の共有フォルダーに書き込めません（{folders}）。",
                           "en": "not writable: {folders} under {root}"},
    "terminal.todo.read_only": {"ja": "業者に連絡して、共有フォルダーの書き込みの許可を確かめてもらってください。",
                                "en": "give the kiosk's account write access to the share's folders"},
    # --- the terminal's answers ---
    "answers.recent": {"ja": "最後の応答は{age}前です。", "en": "last answer {age} ago"},
    "answers.old": {"ja": "{age}のあいだ応答の記録がありません。", "en": "no answer recorded for {age}"},
    "answers.todo.old": {"ja": "受付のない日が続いたのでなければ、資格確認端末が動いているか確かめてください。",
                         "en": "unless the clinic was closed, check the terminal answers (kiosk oqs check)"},
    "answers.never": {"ja": "応答の記録はまだありません（わかりません）。",
                      "en": "unknown: no answer recorded yet (the kiosk keeps the last answer's time in memory)"},
    "answers.todo.never": {"ja": "最初の受付が終わってから、もう一度点検してください。",
                           "en": "run again after the first reception, or test with kiosk oqs check"},
    # --- the store ---
    "store.ok": {"ja": "開けます。壊れていません。", "en": "opens and passes SQLite's quick check ({path})"},
    "store.not_found": {"ja": "受付の記録が見つかりません。", "en": "no store at {path}"},
    "store.todo.not_found": {"ja": "初めて使うキオスクなら、一度起動すると作られます。"
                                   "そうでなければ業者に連絡してください。",
                             "en": "check data_dir; a new kiosk creates its store on its first start"},
    "store.missing": {"ja": "受付の記録がなくなっています。", "en": "the store was there and is gone or empty"},
    "store.todo.missing": _RESTORE,
    "store.corrupt": {"ja": "受付の記録が壊れていて読めません。", "en": "the store cannot be read (corrupt)"},
    "store.todo.corrupt": _RESTORE,
    "store.damaged": {"ja": "受付の記録が壊れかけています（読むだけの状態です）。",
                      "en": "fails SQLite's quick check: open read-only"},
    "store.todo.damaged": {"ja": "キオスクを使わずに、業者に連絡してください（記録を取り出してから戻します）。",
                           "en": "kiosk store export, then kiosk store restore"},
    "store.key_missing": {"ja": "受付の記録を開く鍵がありません。", "en": "the store's key is missing"},
    "store.todo.key_missing": {"ja": "業者に連絡して、保管してある鍵を戻してもらってください。",
                               "en": "put the key's copy back where key_provider looks"},
    "store.wrong_key": {"ja": "受付の記録を開く鍵が合いません。", "en": "the key does not open the store"},
    "store.todo.wrong_key": {"ja": "業者に連絡して、正しい鍵を戻してもらってください。",
                             "en": "put back the key this store was made with"},
    "store.error": {"ja": "受付の記録が開けません（{code}）。", "en": "the store does not open ({code})"},
    # --- backups ---
    "backup.ok": {"ja": "最新のバックアップは{age}前です。", "en": "newest backup {age} old ({count} kept)"},
    "backup.none": {"ja": "バックアップがありません。", "en": "no backup in {folder}"},
    "backup.todo.none": {"ja": "業者に連絡してください（キオスクを起動しておくと自動で作られます）。",
                         "en": "kiosk store backup; the kiosk makes them while it runs"},
    "backup.unreadable": {"ja": "最新のバックアップが読めません。", "en": "the newest backup {file} is not one"},
    "backup.unreadable_folder": {"ja": "バックアップの置き場所が開けません。", "en": "cannot list {folder}"},
    "backup.todo.folder": {"ja": "業者に連絡して、バックアップの置き場所を確かめてもらってください。",
                           "en": "check backup_dir exists and the kiosk may write in it"},
    "backup.old": {"ja": "最新のバックアップが{age}前のものです（ふだんは{interval}ごと）。",
                   "en": "newest backup {age} old (one is due every {interval})"},
    "backup.todo.old": {"ja": "キオスクを起動したままにしてください。直らなければ業者に連絡してください。",
                        "en": "keep the kiosk running, or kiosk store backup; check the log for backup_failed"},
    "backup_disk.ok": {"ja": "記録とは別のディスクにあります。",
                       "en": "on another file system than the store ({folder})"},
    "backup_disk.same": {"ja": "バックアップが記録と同じディスクにあります。ディスクが壊れると両方なくなります。",
                         "en": "{folder} is on the store's own file system: one disk failure takes both"},
    "backup_disk.todo.same": {"ja": "業者に連絡して、バックアップの置き場所を別のディスク（USBメモリなど）に"
                                    "してもらってください。",
                              "en": "point backup_dir (or a mirror) at another disk"},
    "backup_disk.unknown": {"ja": "わかりません。", "en": "unknown: the data folder cannot be looked at"},
    # --- the key ---
    "keys.ok": {"ja": "読み込めます。", "en": "loads ({where})"},
    "keys.missing": {"ja": "受付の記録を開く鍵がありません。", "en": "no key in {where}, and the store exists"},
    "keys.todo.missing": {"ja": "業者に連絡して、保管してある鍵を戻してもらってください。",
                          "en": "put the key's copy back; the store cannot open without it"},
    "keys.none_yet": {"ja": "鍵はまだ作られていません。", "en": "no key yet ({where}): made with the store"},
    "keys.todo.none_yet": {"ja": "初めて使うキオスクなら、一度起動すると作られます。",
                           "en": "start the kiosk once (it makes the key and the store), then keep a copy"},
    "keys.unsafe": {"ja": "鍵がほかの人にも読める状態です。", "en": "the key file is readable by others or not a key"},
    "keys.todo.unsafe": {"ja": "業者に連絡してください。", "en": "chmod 600 the key file, or restore it"},
    "keys.other_account": {"ja": "鍵がこのパソコンのキオスク用アカウントのものではありません。",
                           "en": "the DPAPI key was sealed by another Windows account or PC"},
    "keys.todo.other_account": {
        "ja": "キオスク用アカウントでサインインし直してください。直らなければ業者に連絡してください。",
        "en": "run as the kiosk account that made the key, or restore the key file and its backup",
    },
    "keys.error": {"ja": "鍵が読めません。", "en": "the key provider fails"},
    "keys.todo.error": {"ja": "業者に連絡してください。", "en": "check key_provider and key_dir"},
    # --- fonts ---
    "fonts.ok": {"ja": "表示できます（{family}）。", "en": "installed ({family})"},
    "fonts.other": {"ja": "表示できますが、予定の書体ではありません（{family}）。",
                    "en": "only other Japanese fonts ({family}); the kiosk's own are missing"},
    "fonts.none": {"ja": "日本語の文字を表示できません（□ になります）。", "en": "no Japanese font installed"},
    "fonts.todo.install": {"ja": "業者に連絡して、日本語の書体を入れてもらってください。",
                           "en": "install fonts-noto-cjk (Windows: the Japanese language features)"},
    "fonts.unknown": {"ja": "わかりません。", "en": "unknown: no font list could be had"},
    "fonts.todo.unknown": {"ja": "画面の文字が正しく出ているか、目で確かめてください。",
                           "en": "look at the screens (kiosk screenshots)"},
    # --- voices ---
    "voice.ja_ok": {"ja": "使えます。", "en": "Open JTalk loads its dictionary and voice"},
    "voice.ja_missing": {"ja": "日本語の音声案内が使えません。", "en": "Open JTalk does not load"},
    "voice.todo.reinstall": {"ja": "業者に連絡して、キオスクのソフトを入れ直してもらってください。",
                             "en": "reinstall pyopenjtalk-plus (its wheel carries the dictionary)"},
    "voice.espeak_ok": {"ja": "使えます（{count}か国語）。", "en": "espeak-ng has {count} of the kiosk's voices"},
    "voice.espeak_missing": {"ja": "外国語の音声案内が使えません（日本語は使えます）。",
                             "en": "espeak-ng is missing or has none of the kiosk's voices"},
    "voice.todo.espeak": {"ja": "業者に連絡してください。", "en": "install espeak-ng"},
    "voice.not_used": {"ja": "設定で使わないことになっています。", "en": "not used (voice_engine = {engine})"},
    # --- the clock ---
    "clock.ok": {"ja": "資格確認端末側の時計とずれていません（差 {skew}）。",
                 "en": "within {skew} of the file server's clock"},
    "clock.off": {"ja": "資格確認端末側の時計と{skew}ずれています。",
                  "en": "{skew} off the file server's clock"},
    "clock.todo.off": {"ja": "業者に連絡して、パソコンの時計を合わせてもらってください。",
                       "en": "set the clock (time sync) on this PC and on the terminal's side"},
    "clock.unknown": {"ja": "ずれているかどうかは、ここからはわかりません。",
                      "en": "unknown: the terminal folders are on this PC, so file times are this PC's own clock"},
    "clock.unknown_share": {"ja": "ずれているかどうかは、ここからはわかりません。",
                            "en": "unknown: no file could be made on the share to compare its time"},
    "clock.todo.unknown": {"ja": "画面の時刻が、時報（117）や電波時計と合っているか見てください。",
                           "en": "compare the clock with a reference (time sync status)"},
    # --- disks ---
    "disk.ok": {"ja": "十分あります（{free_gb} GB）。", "en": "{free_gb} GB free"},
    "disk.low": {"ja": "空きが少なくなっています（{free_mb} MB）。", "en": "{free_mb} MB free on {folder}"},
    "disk.todo.low": {"ja": "近いうちに業者に連絡して、空きを作ってもらってください。",
                      "en": "free space, or move backup_dir to a larger disk"},
    "disk.full": {"ja": "空きがほとんどありません（{free_mb} MB）。受付の記録が保存できなくなります。",
                  "en": "{free_mb} MB free on {folder}: saving will fail"},
    "disk.todo.full": {"ja": "すぐに業者に連絡してください。", "en": "free space now; do not restore over the store"},
    "disk.unknown": {"ja": "空きが調べられません。", "en": "cannot look at {folder}"},
    "disk.todo.unknown": {"ja": "業者に連絡してください。", "en": "check the disk and the share"},
}


def duration(seconds: float, lang: str) -> str:
    """A length of time the way a person says it: the largest whole unit, a seconds figure only under a
    minute."""
    s = max(0, round(seconds))  # whole seconds first: 899.99 s is 15 minutes, not 14
    units = (("日", "day", 86400), ("時間", "hour", 3600), ("分", "minute", 60))
    for ja, en, size in units:
        if s >= size:
            n = int(s // size)
            return f"{n}{ja}" if lang == "ja" else f"{n} {en}{'s' if n != 1 else ''}"
    return f"{s}秒" if lang == "ja" else f"{s} s"


def render(message: Text, lang: str) -> str:
    """``message`` in ``lang`` (``ja`` or ``en``); a Duration parameter written out in that language."""
    template = MESSAGES[message.key][lang]
    values: dict[str, Param] = {
        name: duration(value.seconds, lang) if isinstance(value, Duration) else value
        for name, value in message.params.items()
    }
    return template.format(**values)
