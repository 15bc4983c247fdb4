"""A virtual My Number card for tests, benchmarks, the demo and staff training.

``start_virtual_card(profile)`` (in-process) or ``VirtualCardProcess(profile)`` (``kiosk virtual-card``)
puts a card of a named profile (:mod:`.profiles`) into pcscd's ``Virtual PCD 00 00`` reader; ``insert()``
and ``remove()`` move it in and out. ``PcscDaemon`` (:mod:`.pcscd`) runs pcscd itself.
"""
