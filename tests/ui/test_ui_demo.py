"""The demo's side panel: the packaged scenarios to choose from, and a switch that changes the demo patient."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.embedded import DemoPatient
from kiosk.simulation.script import named
from kiosk.ui.demo import DemoPanel


class _Embedded:
    """What the panel uses of kiosk.embedded.EmbeddedDevices, remembered instead of done."""

    owns_reader = False

    def __init__(self) -> None:
        self.card_present = True
        self.calls: list[object] = []

    def insert(self) -> None:
        self.calls.append("insert")

    def remove(self) -> None:
        self.calls.append("remove")
        self.card_present = False

    def switch(self, who: DemoPatient) -> None:
        self.calls.append(who)


@pytest.fixture
def panel_of(qtbot):
    """A DemoPanel, destroyed for certain when the test ends: its own style sheet (min-height 56 px) was
    seen on a later test's button when Qt reused a freed widget's address before the style sheet cache
    forgot it."""
    made = []

    def make(embedded, scripts, current):
        made.append(DemoPanel(embedded, scripts, current))
        return made[-1]

    yield make
    for panel in made:
        panel.close()
        shiboken6.delete(panel)
    QApplication.processEvents()


def test_the_chooser_lists_the_packaged_scenarios_and_switches_the_patient(panel_of):
    scripts = named()
    embedded = _Embedded()
    panel = panel_of(embedded, scripts, "valid-pin")
    chooser = panel.chooser
    assert [chooser.itemText(i) for i in range(chooser.count())] == [s.title for s in scripts.values()]
    assert [chooser.itemData(i, Qt.ToolTipRole) for i in range(chooser.count())] == [
        s.summary for s in scripts.values()]
    assert chooser.currentData() == "valid-pin"
    several = scripts["several"]
    chooser.setCurrentIndex(list(scripts).index("several"))
    assert embedded.calls == ["remove", DemoPatient(several.patient, several.terminal, several.camera)]
    assert panel.summary.text() == several.summary
    chooser.setCurrentIndex(list(scripts).index("face-fail"))  # no card in the reader now: nothing to take out
    assert embedded.calls[-1] == DemoPatient("valid", "valid", "other_person")
    assert embedded.calls.count("remove") == 1
