from decimal import Decimal
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.actor import actor_of
from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from dialogs.common.media import send_album
from dialogs.incidents.getters import kind_title
from dialogs.incidents.states import IncidentsSG, RequestsSG
from services.incidents.incidents import (
    INCIDENT_PAYLOAD_PREFIX,
    NewIncident,
    accept_incident,
    decide_incident,
    dispute_incident,
    record_incident,
)
from services.incidents.kinds import add_kind, kind_in
from services.incidents.queries import (
    KindTitle,
    employees_on_object,
    incident_card,
    objects_for_incidents,
    request_card,
)
from services.incidents.requests import (
    REQUEST_PAYLOAD_PREFIX,
    RequestItem,
    add_product,
    archive_product,
    decide_request,
    file_request,
    parse_product_line,
    products_of,
)
from services.payroll.deduction_cap import set_deduction_cap
from services.platform.db.models import MediaType, RequestKind
from services.platform.errors import InvalidInput
from services.platform.validation import MAX_MONEY, Quantity, parse_money, parse_whole_number

MAX_QUANTITY = 1000


def _photo_of(message: Message) -> str | None:
    return message.photo[-1].file_id if message.photo else None


async def _say(manager: DialogManager, key: str, **params: Any) -> None:
    """A short confirmation above the next window."""
    context = update_context(manager)
    await context.bot.send_message(context.user.telegram_id, context.i18n.get(key, **params))
    manager.show_mode = ShowMode.SEND


# Deep links ---------------------------------------------------------------------------
async def start_case_by_deep_link(manager: DialogManager, payload: str) -> None:
    """`case_inc_<id>` opens an incident's card, `case_req_<id>` a request's."""
    if payload.startswith(INCIDENT_PAYLOAD_PREFIX):
        state, key, raw = (
            IncidentsSG.incident,
            "incident_id",
            payload[len(INCIDENT_PAYLOAD_PREFIX) :],
        )
    else:
        state, key, raw = RequestsSG.request, "request_id", payload[len(REQUEST_PAYLOAD_PREFIX) :]
    case_id = int(raw) if raw.isdigit() else 0
    await manager.start(
        state, data={key: case_id}, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND
    )


async def on_start(start_data: Any, manager: DialogManager) -> None:
    if isinstance(start_data, dict):
        manager.dialog_data.update(start_data)


# Incidents: card ----------------------------------------------------------------------
incident_chosen = remember_choice("incident_id", IncidentsSG.incident)


async def show_incident_photos(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    card = await incident_card(
        context.session, actor, manager.dialog_data["incident_id"], context.clock.now()
    )
    files = [*card.photo_file_ids, *card.dispute_photo_file_ids]
    caption = context.i18n.get("incident-photos-caption", id=card.id)
    await send_album(
        context.bot, context.user.telegram_id, [(MediaType.PHOTO, f) for f in files], caption
    )
    manager.show_mode = ShowMode.SEND


async def accept(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    await accept_incident(context.session, context.clock, actor, manager.dialog_data["incident_id"])
    await _say(manager, "incident-accepted")


async def dispute_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    manager.dialog_data["dispute_comment"] = message.text or ""
    manager.dialog_data["photos"] = []
    await manager.switch_to(IncidentsSG.dispute_photos)


async def photo_added(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A photo joins the draft's photos; anything else is answered with what to send."""
    photo = _photo_of(message)
    if photo is None:
        await message.answer(update_context(manager).i18n.get("incident-expect-photo"))
    else:
        manager.dialog_data.setdefault("photos", []).append(photo)
    manager.show_mode = ShowMode.SEND


async def send_dispute(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    data = manager.dialog_data
    await dispute_incident(
        context.session,
        context.clock,
        actor,
        data["incident_id"],
        data.get("dispute_comment", ""),
        tuple(data.get("photos", [])),
    )
    await _say(manager, "incident-disputed")
    await manager.switch_to(IncidentsSG.incident)


async def uphold_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["uphold"] = button.widget_id == "uphold"
    await manager.switch_to(IncidentsSG.decide_comment)


async def decision_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    uphold = bool(manager.dialog_data.get("uphold"))
    await decide_incident(
        context.session,
        context.clock,
        actor,
        manager.dialog_data["incident_id"],
        uphold=uphold,
        comment=message.text or "",
    )
    await _say(manager, "incident-upheld" if uphold else "incident-cancelled")
    await manager.switch_to(IncidentsSG.incident)


# Incidents: recording -----------------------------------------------------------------
async def start_record(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """With one object there is nothing to choose: straight to its employees."""
    context = update_context(manager)
    objects = await objects_for_incidents(context.session, await actor_of(manager))
    manager.dialog_data["photos"] = []
    if len(objects) == 1:
        manager.dialog_data.update(object_id=objects[0].id, object_name=objects[0].name)
        await manager.switch_to(IncidentsSG.record_employee)
    else:
        await manager.switch_to(IncidentsSG.record_object)


async def object_chosen(callback: Any, widget: Any, manager: DialogManager, object_id: int) -> None:
    context = update_context(manager)
    objects = await objects_for_incidents(context.session, await actor_of(manager))
    chosen = next(o for o in objects if o.id == object_id)
    manager.dialog_data.update(object_id=chosen.id, object_name=chosen.name)
    await manager.switch_to(IncidentsSG.record_employee)


async def employee_chosen(callback: Any, widget: Any, manager: DialogManager, user_id: int) -> None:
    context = update_context(manager)
    employees = dict(
        await employees_on_object(
            context.session, await actor_of(manager), manager.dialog_data["object_id"]
        )
    )
    manager.dialog_data.update(employee_user_id=user_id, employee_name=employees.get(user_id, ""))
    await manager.switch_to(IncidentsSG.record_kind)


async def kind_chosen(callback: Any, widget: Any, manager: DialogManager, kind_id: int) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    kind = await kind_in(context.session, actor.organization_id, kind_id)
    manager.dialog_data.update(
        kind_id=kind.id, kind_name=kind_title(context.i18n, KindTitle(kind.code, kind.title))
    )
    await manager.switch_to(IncidentsSG.record_description)


async def description_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    manager.dialog_data["description"] = message.text or ""
    await manager.switch_to(IncidentsSG.record_photos)


async def amount_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    manager.dialog_data["amount"] = str(parse_money(message.text, field="amount"))
    await manager.switch_to(IncidentsSG.record_confirm)


async def no_deduction(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["amount"] = "0.00"
    await manager.switch_to(IncidentsSG.record_confirm)


async def confirm_record(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    data = manager.dialog_data
    incident = await record_incident(
        context.session,
        context.clock,
        actor,
        NewIncident(
            employee_user_id=data["employee_user_id"],
            object_id=data["object_id"],
            kind_id=data["kind_id"],
            description=data["description"],
            amount=Decimal(data["amount"]),
            photo_file_ids=tuple(data.get("photos", [])),
        ),
    )
    data["incident_id"] = incident.id
    await _say(manager, "incident-recorded", id=incident.id)
    await manager.switch_to(IncidentsSG.incident)


# Incidents: the owner's settings ------------------------------------------------------
async def kind_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    await add_kind(context.session, await actor_of(manager), message.text or "")
    await manager.switch_to(IncidentsSG.settings)


async def product_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    title, price = parse_product_line(message.text)
    await add_product(context.session, await actor_of(manager), title, price)
    await manager.switch_to(IncidentsSG.settings)


async def product_removed(
    callback: Any, widget: Any, manager: DialogManager, product_id: int
) -> None:
    context = update_context(manager)
    await archive_product(context.session, await actor_of(manager), product_id)


async def cap_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    percent = parse_whole_number(
        message.text, field="cap", quantity=Quantity.PERCENT, minimum=1, maximum=100
    )
    await set_deduction_cap(context.session, await actor_of(manager), percent)
    await manager.switch_to(IncidentsSG.settings)


async def no_cap(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await set_deduction_cap(context.session, await actor_of(manager), None)
    await manager.switch_to(IncidentsSG.settings)


# Requests: card -----------------------------------------------------------------------
request_chosen = remember_choice("request_id", RequestsSG.request)


async def show_receipt(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    card = await request_card(
        context.session, await actor_of(manager), manager.dialog_data["request_id"]
    )
    if card.receipt_file_id:
        caption = context.i18n.get("request-receipt-caption", id=card.id)
        await send_album(
            context.bot,
            context.user.telegram_id,
            [(MediaType.PHOTO, card.receipt_file_id)],
            caption,
        )
    manager.show_mode = ShowMode.SEND


async def approve(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await decide_request(
        context.session,
        context.clock,
        await actor_of(manager),
        manager.dialog_data["request_id"],
        approve=True,
    )
    await _say(manager, "request-approved")


async def decline_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    await decide_request(
        context.session,
        context.clock,
        await actor_of(manager),
        manager.dialog_data["request_id"],
        approve=False,
        comment=message.text or "",
    )
    await _say(manager, "request-declined")
    await manager.switch_to(RequestsSG.request)


# Requests: filing ---------------------------------------------------------------------
async def new_expense(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    manager.dialog_data.update(kind=RequestKind.EXPENSE.value, items=[], priced=[], receipt=None)
    if not await products_of(context.session, actor.organization_id):
        await _say(manager, "error-request-no-products")
        return
    await manager.switch_to(RequestsSG.pick_product)


async def new_other(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data.update(kind=RequestKind.OTHER.value, receipt=None)
    await manager.switch_to(RequestsSG.other_comment)


async def product_chosen(
    callback: Any, widget: Any, manager: DialogManager, product_id: int
) -> None:
    context = update_context(manager)
    products = await products_of(context.session, (await actor_of(manager)).organization_id)
    chosen = next(p for p in products if p.id == product_id)
    manager.dialog_data.update(product_id=chosen.id, product_name=chosen.title)
    await manager.switch_to(RequestsSG.quantity)


async def quantity_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    quantity = parse_whole_number(
        message.text, field="quantity", quantity=Quantity.COUNT, minimum=1, maximum=MAX_QUANTITY
    )
    data = manager.dialog_data
    products = {
        p.id: p
        for p in await products_of(context.session, (await actor_of(manager)).organization_id)
    }
    product = products[data["product_id"]]
    data["items"].append({"product_id": product.id, "quantity": quantity})
    data["priced"].append(
        {"title": product.title, "quantity": str(quantity), "price": str(product.price)}
    )
    await manager.switch_to(RequestsSG.items)


async def receipt_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    photo = _photo_of(message)
    if photo is None:
        await message.answer(update_context(manager).i18n.get("request-expect-receipt"))
        manager.show_mode = ShowMode.SEND
        return
    manager.dialog_data["receipt"] = photo
    await manager.switch_to(RequestsSG.confirm)


async def other_comment_typed(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    manager.dialog_data["comment"] = message.text or ""
    await manager.switch_to(RequestsSG.other_amount)


async def other_amount_typed(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    amount = parse_money(message.text, field="amount")
    if amount <= 0:
        raise InvalidInput(field="amount", reason="money", maximum=MAX_MONEY)
    manager.dialog_data["amount"] = str(amount)
    await manager.switch_to(RequestsSG.confirm)


async def confirm_request(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    data = manager.dialog_data
    kind = RequestKind(data["kind"])
    request = await file_request(
        context.session,
        context.clock,
        await actor_of(manager),
        kind=kind,
        comment=data.get("comment", ""),
        items=[RequestItem(i["product_id"], i["quantity"]) for i in data.get("items", [])],
        amount=Decimal(data["amount"]) if kind == RequestKind.OTHER else None,
        receipt_file_id=data.get("receipt"),
    )
    data["request_id"] = request.id
    await _say(manager, "request-filed", id=request.id)
    await manager.switch_to(RequestsSG.request)
