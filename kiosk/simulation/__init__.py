"""Simulated patients and devices: the fakes of every port, the step-by-step harness of the flow tests,
scripted patients (``scenarios/*.json``) and the player that runs them on held fakes, on the real task
manager with fakes, or on the embedded demo devices. Qt-free; the screenshot renderers use it."""
