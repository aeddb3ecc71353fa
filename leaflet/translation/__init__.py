"""Translation stage: what each language lacks or got wrong compared with English, and PO files."""

from leaflet.translation.status import LanguageStatus, mark_reviewed, translation_status

__all__ = ["LanguageStatus", "mark_reviewed", "translation_status"]
