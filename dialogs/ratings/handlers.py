from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, ManagedCheckbox, Select

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.common.errors import show_domain_error
from dialogs.menu.states import MainMenuSG
from dialogs.planning.widgets import NOTICE_KEY, set_notice
from dialogs.ratings.getters import ANONYMOUS_WIDGET
from dialogs.ratings.states import RatingsSG
from services.platform.db.models import ReviewStatus
from services.platform.errors import DomainError, InvalidInput, NotFound
from services.ratings.queries import review_card
from services.ratings.reviews import appeal, decide_appeal, moderate, rate_shift, review_object
from services.ratings.rules import RATE_PAYLOAD_PREFIX, REVIEW_PAYLOAD_PREFIX


async def on_start(start_data: Any, manager: DialogManager) -> None:
    if isinstance(start_data, dict):
        manager.dialog_data.update(start_data)


# A workplace review --------------------------------------------------------------------


async def review_object_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    manager.dialog_data["object_id"] = object_id
    await manager.switch_to(RatingsSG.review_score)


async def review_score_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, score: int
) -> None:
    manager.dialog_data["score"] = score
    await manager.switch_to(RatingsSG.review_comment)


async def review_comment_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    manager.dialog_data["comment"] = message.text or ""
    await manager.switch_to(RatingsSG.review_send)


async def review_without_comment(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    manager.dialog_data["comment"] = ""
    await manager.switch_to(RatingsSG.review_send)


def _notice_key(status: ReviewStatus) -> str:
    return "ratings-held" if status == ReviewStatus.HELD else "ratings-published"


def _outcome_notice(manager: DialogManager, status: ReviewStatus) -> None:
    set_notice(manager, _notice_key(status))


async def review_sent(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    data = manager.dialog_data
    anonymous = manager.find(ANONYMOUS_WIDGET)
    assert isinstance(anonymous, ManagedCheckbox)
    review = await review_object(
        context.session,
        await actor_of(manager),
        context.clock,
        data["object_id"],
        data["score"],
        data["comment"],
        anonymous=anonymous.is_checked(),
    )
    _outcome_notice(manager, ReviewStatus(review.status))
    await manager.switch_to(RatingsSG.main)


# One rating's card ---------------------------------------------------------------------


async def rating_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, review_id: int
) -> None:
    manager.dialog_data["review_id"] = review_id
    await manager.switch_to(RatingsSG.card)


async def object_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    manager.dialog_data["object_id"] = object_id
    await manager.switch_to(RatingsSG.object_reviews)


async def moderated(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await moderate(
        context.session,
        context.user,
        context.clock,
        manager.dialog_data["review_id"],
        approve=button.widget_id == "approve",
        superadmins=context.settings.superadmin_ids,
    )
    set_notice(manager, "ratings-decided")


async def appeal_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    await appeal(
        context.session,
        context.user,
        context.clock,
        manager.dialog_data["review_id"],
        message.text or "",
    )
    set_notice(manager, "ratings-appealed")
    await manager.switch_to(RatingsSG.card)


async def appeal_decided(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await decide_appeal(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["review_id"],
        uphold=button.widget_id == "uphold",
    )
    set_notice(manager, "ratings-decided")


# The one-tap rating of a shift ----------------------------------------------------------


async def _rate(manager: DialogManager, score: int, comment: str) -> None:
    context = update_context(manager)
    review = await rate_shift(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["shift_id"],
        score,
        comment,
        context.settings.superadmin_ids,
    )
    manager.dialog_data["score"] = score
    manager.dialog_data["comment"] = review.comment
    _outcome_notice(manager, ReviewStatus(review.status))


async def rated_score_changed(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, score: int
) -> None:
    await _rate(manager, score, manager.dialog_data.get("comment", ""))


async def rated_comment_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    await _rate(manager, manager.dialog_data["score"], message.text or "")


async def start_rating_by_deep_link(message: Message, manager: DialogManager, payload: str) -> None:
    """`/start rate_<shift>_<score>` from a feed notification: the shift is rated with
    that one tap, then a comment may follow; a refusal is explained and the menu shown."""
    context = update_context(manager)
    try:
        shift_text, _, score_text = payload.removeprefix(RATE_PAYLOAD_PREFIX).partition("_")
        if not (shift_text.isdigit() and score_text.isdigit()):
            raise InvalidInput(field="score")
        review = await rate_shift(
            context.session,
            await actor_of(manager),
            context.clock,
            int(shift_text),
            int(score_text),
            "",
            context.settings.superadmin_ids,
        )
    except DomainError as error:
        await show_domain_error(message, manager, error)
        await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    await manager.start(
        RatingsSG.rated,
        data={
            "shift_id": review.shift_id,
            "score": review.score,
            "comment": "",
            NOTICE_KEY: {"key": _notice_key(ReviewStatus(review.status)), "args": {}},
        },
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )


async def start_review_by_deep_link(message: Message, manager: DialogManager, payload: str) -> None:
    """`/start review_<id>` from a notification: the rating's card, with what the
    viewer may do (moderate, appeal, decide the appeal); anyone else is told it is not
    available and gets the menu."""
    context = update_context(manager)
    try:
        review_id = int(payload.removeprefix(REVIEW_PAYLOAD_PREFIX))
        await review_card(
            context.session,
            context.user,
            review_id,
            context.settings.superadmin_ids,
            context.clock.now(),
        )
    except (ValueError, NotFound):
        await message.answer(context.i18n.get("ratings-unavailable"))
        await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    await manager.start(
        RatingsSG.card,
        data={"review_id": review_id},
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )
