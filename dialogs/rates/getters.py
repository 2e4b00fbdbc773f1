"""Getters of the rates settings: the rule in force for the chosen scope (the
organization or one object), the objects and the holidays ahead."""

from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.places.objects import visible_objects
from services.platform.i18n import Translator
from services.rates.queries import RuleView, rates_overview
from services.staff.memberships import organization_today

OBJECT_ID = "object_id"


def _hours(i18n: Translator, minutes: int | None) -> str:
    if minutes is None:
        return i18n.get("rates-off")
    return i18n.get("rates-hours", hours=minutes // 60)


async def get_rates(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    i18n = context.i18n
    actor = await actor_of(dialog_manager)
    today = await organization_today(context.session, context.clock, actor.organization_id)
    overview = await rates_overview(context.session, actor.organization_id, holidays_from=today)
    _, objects = await visible_objects(context.session, context.user)
    object_id = dialog_manager.dialog_data.get(OBJECT_ID)
    override = next((r for r in overview.overrides if r.object_id == object_id), None)
    # An object without its own rule follows the organization's.
    rule: RuleView | None = override or overview.organization_rule
    scope = next((o.name for o in objects if o.id == object_id), None)
    return {
        "scope": scope or i18n.get("rates-scope-organization"),
        "is_organization": object_id is None,
        "has_override": override is not None,
        "follows_organization": object_id is not None and override is None,
        "daily": _hours(i18n, rule.daily_threshold_minutes if rule else None),
        "weekly": _hours(i18n, rule.weekly_threshold_minutes if rule else None),
        "multiplier": i18n.number(rule.multiplier) if rule else "—",
        "overrides": ", ".join(r.object_name for r in overview.overrides) or "—",
        "objects": [(o.id, o.name) for o in objects],
        "holidays": [
            (
                h.id,
                i18n.get(
                    "rates-holiday-item",
                    date=i18n.day(h.day, "short"),
                    multiplier=i18n.number(h.multiplier),
                    name=h.name,
                ),
            )
            for h in overview.holidays
        ],
        "has_holidays": bool(overview.holidays),
        "no_holidays": not overview.holidays,
    }
