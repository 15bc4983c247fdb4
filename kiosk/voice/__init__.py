"""The kiosk's voice: engines that turn a phrase into speech and the player that says it.

Nothing here logs what is said, only an utterance's kind and language (see kiosk.core.voice).
:func:`kiosk.voice.build.build_voice` picks the engines from the site's configuration.
"""
