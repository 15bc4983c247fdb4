"""A reception kiosk for Japanese clinics: マイナ保険証 check-in."""

__version__ = "0.1.0"
