from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from services.platform.db.models import MembershipRole
from services.platform.i18n import CURRENCY_SIGNS, SUPPORTED_LANGUAGES
from services.staff.users import active_memberships, current_membership


async def get_settings(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    current = current_membership(
        await active_memberships(context.session, context.user.id),
        context.user.active_organization_id,
    )
    currency = context.i18n.currency
    return {
        "language_name": context.user.language,
        "languages": [(code, code == context.user.language) for code in SUPPORTED_LANGUAGES],
        "is_owner": current is not None and current.role == MembershipRole.OWNER,
        "currency": f"{CURRENCY_SIGNS[currency]} {currency}",
        "currencies": [
            (code, f"{'✅ ' if code == currency else ''}{sign} {code}")
            for code, sign in CURRENCY_SIGNS.items()
        ],
    }
