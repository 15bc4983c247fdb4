"""``kiosk run``: the kiosk at the clinic, on its real reader, camera, terminal folders and store."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def run_kiosk(windowed: bool = False, lang: str = "ja") -> int:
    from kiosk.config import load
    from kiosk.core.errors import KioskError
    from kiosk.core.tasks import StoreLane
    from kiosk.store.staff_accounts import StaffAccounts
    from kiosk.store.store import open_store
    from kiosk.ui.language import Languages
    from kiosk.ui.runtime import KioskRuntime, assistance_of, quit_on_signals
    from kiosk.ui.staff_sign_in import AccountsSignIn
    from kiosk.ui.window import KioskWindow
    from kiosk.voice.build import build_voice
    from kiosk.wiring import clinic_devices, with_hub

    app = QApplication.instance() or QApplication(sys.argv[:1])
    quit_on_signals(app)
    try:
        config = load()
        opened = open_store(config)
    except KioskError as error:
        print(f"kiosk run: {error.code}: {error}")
        return 1
    if opened.damage:  # every save would fail: no patient may check in onto a store that cannot keep it
        opened.close()
        print(f"kiosk run: store_damaged: {config.database_path} is damaged ({'; '.join(opened.damage)}). "
              "Get the intact receptions out with `kiosk store export`, then `kiosk store restore`.")
        return 1
    store = StoreLane(with_hub(config, opened))  # the clinic hub, when one is configured
    try:
        accounts = StaffAccounts(store)
        if not accounts.accounts():
            print("kiosk run: no staff accounts yet; add one with `kiosk store add-staff NAME --role admin`")
        voice = build_voice(config)  # its engines load off the UI thread while the window is built
        window = KioskWindow(AccountsSignIn(accounts), Languages(), voice=voice, assistance=assistance_of(config))
        window.set_language(lang)
        runtime = KioskRuntime(
            window, config, lambda runner, clock, on_frame: clinic_devices(config, store, runner, clock, on_frame))
        if windowed:
            window.resize(1280, 800)
            window.show()
        else:
            window.showFullScreen()
        try:
            return app.exec()
        finally:  # also on Ctrl+C: the staff channel, the re-check and the workers stop before the devices
            runtime.close()
            voice.close()
    finally:
        store.close()
