"""The import wizard: an Excel rectification ledger's file and sheet, its column mapping,
the checked preview, the import. Each page is a module; the models of the preview are in
gui/models/import_preview.py."""
from .wizard import ImportWizard

__all__ = ["ImportWizard"]
