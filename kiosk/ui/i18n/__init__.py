"""The kiosk's translations: kiosk_<lang>.ts (edited) and kiosk_<lang>.qm (compiled, loaded at run time)."""
