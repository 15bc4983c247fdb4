"""The Qt-free core: domain, reception flow, fallback rules. Imports no adapter."""
