"""Every notification kind the product sends is declared, has its text in both
languages, and the optional ones have a label in the settings dialog, offered to the
people they are meant for."""

import ast
from pathlib import Path

import pytest

from services.notify.outbox import NOTIFICATION_KINDS
from services.notify.settings import offered_kinds
from services.platform.db.models import MembershipRole
from services.platform.i18n import SUPPORTED_LANGUAGES, catalogue_keys

SERVICES = Path(__file__).resolve().parents[2] / "services"


NOTIFYING = {"notify", "notify_many"}


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def kinds_passed_as_text() -> list[str]:
    """`kind="…"` literals given to notify/notify_many anywhere in services (other
    libraries' `kind` arguments, such as an image format, are not notification kinds)."""
    found = []
    for path in SERVICES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or _called_name(node) not in NOTIFYING:
                continue
            for keyword in node.keywords:
                if (
                    keyword.arg == "kind"
                    and isinstance(keyword.value, ast.Constant)
                    and isinstance(keyword.value.value, str)
                ):
                    found.append(f"{path.name}: {keyword.value.value}")
    return found


def test_services_name_kinds_through_their_declarations() -> None:
    assert kinds_passed_as_text() == []


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_kind_has_a_text_and_every_optional_one_a_label(language: str) -> None:
    keys = catalogue_keys(language)
    missing = [f"notify-{name}" for name in NOTIFICATION_KINDS if f"notify-{name}" not in keys]
    missing += [
        f"notify-kind-{kind.name}"
        for kind in NOTIFICATION_KINDS.values()
        if kind.optional and f"notify-kind-{kind.name}" not in keys
    ]
    assert missing == []


def test_kinds_for_managers_are_offered_only_to_owners_and_managers() -> None:
    employee = {kind.name for kind in offered_kinds(set())}
    manager = {kind.name for kind in offered_kinds({MembershipRole.MANAGER})}

    assert {"shift_reminder", "payroll_payslip_ready", "tasks_unfinished"} <= employee
    assert not {"daily_summary", "not_clocked_in", "shift_opened"} & employee
    assert {"daily_summary", "not_clocked_in", "shift_reminder"} <= manager
    assert not {"clock_in_approval", "billing_refund"} & manager
