"""Every kind of ledger line can be read: the payslip has a sentence for it and the Excel
export a name, in both languages (a new kind without them would show a bare key)."""

import pytest

from services.platform.db.models import LedgerEntryType
from services.platform.i18n import translator_for


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("entry_type", list(LedgerEntryType))
def test_every_ledger_line_has_a_sentence_and_a_name(
    language: str, entry_type: LedgerEntryType
) -> None:
    i18n = translator_for(language)
    for key in (f"payroll-line-{entry_type}", f"payroll-type-{entry_type}"):
        assert i18n.get(key, date="", object="", minutes=0, rate="", amount="", reason="") != key
