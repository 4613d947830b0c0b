"""The EcoLedger desktop app (PySide6) over the Qt-free `core` package."""
