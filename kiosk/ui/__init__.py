"""PySide6 kiosk screens: the patient-facing touch UI, its theme, translations and the Qt driver."""
