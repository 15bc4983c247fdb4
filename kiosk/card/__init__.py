"""The My Number card over PC/SC. pyscard is imported only here (in :mod:`kiosk.card.pcsc`).

Layers, outermost first: :mod:`reader` (the core's ``CardReader`` port), :mod:`monitor` (insert/remove
and reader events), :mod:`session` (the card's protocol: APs, files, PINs, signing), :mod:`pcsc` (the one
pyscard adapter behind the :class:`~kiosk.card.connection.SmartCardConnection` interface).
"""
