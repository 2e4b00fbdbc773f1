"""Keyboards that offer a getter's `(id, label)` pairs as buttons to choose from, and the
handlers of a choice that is only remembered for the next window."""

from collections.abc import Awaitable, Callable
from datetime import date
from operator import itemgetter
from typing import Any

from aiogram.fsm.state import State
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import (
    Column,
    Group,
    ManagedMultiselect,
    Multiselect,
    ScrollingGroup,
    Select,
)
from aiogram_dialog.widgets.text import Format, Text

_LABEL = Format("{item[1]}")

ChoiceHandler = Callable[[Any, Any, DialogManager, Any], Awaitable[None]]


def choice_buttons(
    widget_id: str,
    items: str,
    on_click: Any,
    type_factory: Any = int,
    label: Text = _LABEL,
) -> Select:
    """A button per `(id, label)` pair in `items`; a press hands the id, made by
    `type_factory`, to `on_click`."""
    return Select(
        label,
        id=widget_id,
        item_id_getter=itemgetter(0),
        items=items,
        type_factory=type_factory,
        on_click=on_click,
    )


def choice_column(
    widget_id: str,
    items: str,
    on_click: Any,
    type_factory: Any = int,
    label: Text = _LABEL,
) -> Column:
    """The choices one under another."""
    return Column(choice_buttons(widget_id, items, on_click, type_factory, label))


def choice_grid(
    widget_id: str, items: str, on_click: Any, width: int, type_factory: Any = int
) -> Group:
    """The choices in rows of `width` buttons (hours, weekdays, periods)."""
    return Group(choice_buttons(widget_id, items, on_click, type_factory), width=width)


def paged_choice_column(
    widget_id: str,
    items: str,
    on_click: Any,
    page_id: str,
    page_size: int,
    label: Text = _LABEL,
) -> ScrollingGroup:
    """The choices one under another, `page_size` to a page; the pager shows only when
    there is more than one page."""
    return ScrollingGroup(
        choice_buttons(widget_id, items, on_click, label=label),
        id=page_id,
        width=1,
        height=page_size,
        hide_on_single_page=True,
    )


def managed_multiselect(manager: DialogManager, widget_id: str) -> ManagedMultiselect[str]:
    """The window's `Multiselect` with this id, to read or set what is checked."""
    widget = manager.find(widget_id)
    assert isinstance(widget, ManagedMultiselect)
    return widget


def checklist_column(widget_id: str, items: str) -> Column:
    """The `(id, label)` pairs one under another, each ticked or not by a press; read what
    is ticked with `managed_multiselect`."""
    return Column(
        Multiselect(
            Format("✅ {item[1]}"),
            Format("▫️ {item[1]}"),
            id=widget_id,
            item_id_getter=itemgetter(0),
            items=items,
        )
    )


def remember_choice(key: str, then: State) -> ChoiceHandler:
    """The on_click of a choice the next window works on: the chosen id goes to
    `dialog_data[key]` and the dialog switches to `then`."""

    async def remember(callback: Any, widget: Any, manager: DialogManager, item_id: Any) -> None:
        manager.dialog_data[key] = item_id
        await manager.switch_to(then)

    return remember


def remember_day(key: str, then: State) -> ChoiceHandler:
    """The on_click of a calendar day the next window works on: the day goes to
    `dialog_data[key]` as ISO text and the dialog switches to `then`."""

    async def remember(callback: Any, widget: Any, manager: DialogManager, day: date) -> None:
        manager.dialog_data[key] = day.isoformat()
        await manager.switch_to(then)

    return remember
