"""The Mini App's JSON API through the real FastAPI app over httpx: initData auth, roles,
organization isolation, refusals in the caller's language, the planning board with labour
cost, assignments persisted through the planning use cases, the employee's calendar, the
map data and payslips."""

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from services.exchange.offers import offer_shift
from services.payroll.periods import open_current_period
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    ExchangeStatus,
    PayPeriod,
    PlannedShift,
    PlannedShiftStatus,
    SlotRequest,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from tests.support.miniapp import MiniAppCast, seed_miniapp_cast
from tests.support.reports import AFTER_THE_WEEK, ReportWorld, build_report_week
from tests.support.webapp import MiniAppApi, signed_header
from tests.webapp.conftest import running_app

SLOT_FULL = {
    "ru": "Мест на эту смену больше нет (1/1).",
    "en": "There are no places left on this shift (1/1).",
}


@pytest.fixture
async def cast(session_factory: SessionFactory, clock: ManualClock) -> MiniAppCast:
    return await seed_miniapp_cast(session_factory, clock)


def plain(text: str | None) -> str | None:
    """Money as Babel writes it, with ordinary spaces."""
    return None if text is None else text.replace("\u00a0", " ").replace("\u202f", " ")


def cafe_day(board: dict[str, Any], day: str) -> dict[str, Any]:
    cafe = next(o for o in board["objects"] if o["name"] == "Кофейня")
    return next(d for d in cafe["days"] if d["date"] == day)


async def planned_on(session_factory: SessionFactory, slot_id: int) -> list[int]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(PlannedShift.membership_id).where(
                    PlannedShift.slot_id == slot_id,
                    PlannedShift.status == PlannedShiftStatus.PLANNED,
                )
            )
        )


async def speaks(session_factory: SessionFactory, user: User, language: str) -> None:
    async with session_factory() as session:
        stored = await session.get(User, user.id)
        assert stored is not None
        stored.language = language
        await session.commit()


# ------------------------------------------------------------------ authentication


async def test_valid_init_data_opens_the_board_of_the_current_week(
    api: MiniAppApi, cast: MiniAppCast
) -> None:
    response = await api.get(cast.owner, "/board")

    assert response.status_code == 200
    board = response.json()
    assert board["week_start"] == "2026-03-02"
    assert [o["name"] for o in board["objects"]] == ["Кофейня", "Склад"]
    tuesday = cafe_day(board, "2026-03-03")
    [slot] = tuesday["slots"]
    assert slot["time"] == "09:00–18:00"
    assert slot["occupancy"] == "1/2"
    assert [p["name"] for p in slot["people"]] == ["Ivan"]
    # Ivan's own contract rate (400 ₽/h) wins over the object's 300 ₽/h: 9 h × 400.
    assert plain(slot["cost"]) == "3 600,00 ₽"
    assert plain(tuesday["cost"]) == "3 600,00 ₽"
    assert plain(board["week_cost"]) == "3 600,00 ₽"
    assert cafe_day(board, "2026-03-04")["slots"][0]["occupancy"] == "0/1"


def _tampered(header: dict[str, str]) -> dict[str, str]:
    value = header["Authorization"]
    return {"Authorization": value[:-1] + ("0" if value[-1] != "0" else "1")}


@pytest.mark.parametrize(
    "headers_of",
    [
        pytest.param(
            lambda user, clock, settings: _tampered(signed_header(user, clock)),
            id="tampered hash",
        ),
        pytest.param(
            lambda user, clock, settings: signed_header(user, clock, bot_token="654321:OTHER"),
            id="wrong bot token",
        ),
        pytest.param(
            lambda user, clock, settings: signed_header(
                user, clock, age=timedelta(seconds=settings.init_data_max_age_seconds + 60)
            ),
            id="stale auth_date",
        ),
        pytest.param(lambda user, clock, settings: {}, id="none"),
    ],
)
async def test_requests_without_genuine_fresh_init_data_are_401(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    settings: Settings,
    headers_of: Callable[[User, ManualClock, Settings], dict[str, str]],
) -> None:
    headers = headers_of(cast.owner, clock, settings)

    for path in ("/api/miniapp/me", "/api/miniapp/board", "/api/miniapp/schedule"):
        response = await http.get(path, headers=headers)
        assert response.status_code == 401, path


REOPEN_FROM_THE_BOT = {
    "ru": "Сессия устарела. Закройте приложение и откройте его снова из бота.",
    "en": "The session has expired. Close the app and open it again from the bot.",
}


def routes_taking_init_data(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every route the Mini App calls with its initData, path
    parameters filled in."""
    return [
        (method.upper(), re.sub(r"\{[^}]+\}", "1", path))
        for path, operations in app.openapi()["paths"].items()
        if path.startswith("/api/")
        for method in operations
    ]


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_two_hour_old_init_data_is_refused_everywhere_with_the_advice_to_reopen(
    app: FastAPI,
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
    language: str,
) -> None:
    await speaks(session_factory, cast.owner, language)
    two_hours_old = signed_header(cast.owner, clock, age=timedelta(hours=2))
    routes = routes_taking_init_data(app)
    assert len(routes) >= 16

    for method, path in routes:
        response = await http.request(method, path, headers=two_hours_old, json={})
        assert response.status_code == 401, (method, path)
        assert response.json() == {
            "detail": {"code": "init-data-expired", "message": REOPEN_FROM_THE_BOT[language]}
        }, (method, path)


async def test_the_maximum_age_of_init_data_is_an_hour_and_configurable(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock, settings: Settings
) -> None:
    fifty_minutes_old = signed_header(cast.owner, clock, age=timedelta(minutes=50))
    two_hours_old = signed_header(cast.owner, clock, age=timedelta(hours=2))
    async with running_app(settings.model_copy(update={"init_data_max_age_seconds": 3 * 3600})) as (
        lenient_app,
        lenient,
    ):
        lenient_app.state.clock = clock
        accepted_later = await lenient.get("/api/miniapp/me", headers=two_hours_old)

    assert (await http.get("/api/miniapp/me", headers=fifty_minutes_old)).status_code == 200
    assert (await http.get("/api/miniapp/me", headers=two_hours_old)).status_code == 401
    assert accepted_later.status_code == 200


async def test_a_user_of_another_telegram_account_with_a_forged_user_field_is_401(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock
) -> None:
    genuine = signed_header(cast.ivan, clock)["Authorization"]
    forged = genuine.replace(
        f"%22id%22%3A{cast.ivan.telegram_id}", f"%22id%22%3A{cast.owner.telegram_id}"
    )
    assert forged != genuine

    response = await http.get("/api/miniapp/board", headers={"Authorization": forged})

    assert response.status_code == 401


# ------------------------------------------------------------------ roles and organizations


async def test_me_tells_the_role_and_the_pages(api: MiniAppApi, cast: MiniAppCast) -> None:
    owner = (await api.get(cast.owner, "/me")).json()
    employee = (await api.get(cast.ivan, "/me")).json()

    assert owner["role"] == "owner"
    assert owner["organization"]["name"] == "Кофейни Ольги"
    assert owner["pages"] == ["today", "board", "reports", "map", "schedule", "payslip"]
    assert employee["role"] == "employee"
    assert employee["pages"] == ["schedule", "open-shifts", "payslip"]


# Planning requests that are refused: who asks, the request (`{c.…}` and the body's values
# name ids of the cast) and the answer.
PLANNING_REFUSALS = [
    ("ivan", "GET /board", {}, 403),
    ("ivan", "GET /objects", {}, 403),
    ("ivan", "GET /report", {}, 403),
    ("ivan", "GET /slots/{c.wednesday_slot_id}/candidates", {}, 403),
    (
        "ivan",
        "POST /slots/{c.wednesday_slot_id}/assign",
        {"membership_id": "ivan_membership_id"},
        403,
    ),
    (
        "ivan",
        "POST /planned-shifts/{c.ivan_tuesday_shift_id}/move",
        {"slot_id": "wednesday_slot_id"},
        403,
    ),
    ("owner", "GET /slots/{c.stranger_slot_id}/candidates", {}, 404),
    (
        "owner",
        "POST /slots/{c.stranger_slot_id}/assign",
        {"membership_id": "maria_membership_id"},
        404,
    ),
    (
        "owner",
        "POST /slots/{c.wednesday_slot_id}/assign",
        {"membership_id": "stranger_membership_id"},
        404,
    ),
    ("owner", "POST /planned-shifts/{c.stranger_planned_shift_id}/unassign", {}, 404),
    (
        "owner",
        "POST /planned-shifts/{c.stranger_planned_shift_id}/move",
        {"slot_id": "wednesday_slot_id"},
        404,
    ),
    (
        "owner",
        "POST /planned-shifts/{c.ivan_tuesday_shift_id}/move",
        {"slot_id": "stranger_slot_id"},
        404,
    ),
]


@pytest.mark.parametrize(("caller", "request_line", "body_ids", "status"), PLANNING_REFUSALS)
async def test_a_planning_request_of_an_employee_is_403_and_on_foreign_ids_404(
    api: MiniAppApi,
    cast: MiniAppCast,
    session_factory: SessionFactory,
    caller: str,
    request_line: str,
    body_ids: dict[str, str],
    status: int,
) -> None:
    method, path = request_line.format(c=cast).split(" ")
    body = {field: getattr(cast, name) for field, name in body_ids.items()}

    response = await api.call(method, getattr(cast, caller), path, body or None)

    assert response.status_code == status
    assert await planned_on(session_factory, cast.stranger_slot_id) == [cast.stranger_membership_id]
    assert await planned_on(session_factory, cast.wednesday_slot_id) == []
    assert await planned_on(session_factory, cast.tuesday_slot_id) == [cast.ivan_membership_id]


async def test_the_plus_of_a_day_plans_one_shift_and_refuses_employees_and_foreign_ids(
    api: MiniAppApi, cast: MiniAppCast, session_factory: SessionFactory
) -> None:
    body = {"day": "2026-03-05", "hours": "10:00-16:00", "membership_id": cast.maria_membership_id}
    cafe = f"/objects/{cast.cafe_id}"

    refused = await api.call("POST", cast.ivan, f"{cafe}/shifts", body)
    foreign = await api.call(
        "POST", cast.owner, f"{cafe}/shifts", body | {"membership_id": cast.stranger_membership_id}
    )
    bad_hours = await api.call("POST", cast.owner, f"{cafe}/shifts", body | {"hours": "25-26"})
    employees = (await api.get(cast.owner, f"{cafe}/employees")).json()["employees"]
    planned = await api.call("POST", cast.manager, f"{cafe}/shifts", body)

    assert (refused.status_code, foreign.status_code, bad_hours.status_code) == (403, 404, 409)
    assert [e["name"] for e in employees] == ["Ivan", "Maria"]
    assert planned.status_code == 200
    assert await planned_on(session_factory, planned.json()["slot_id"]) == [
        cast.maria_membership_id
    ]


async def test_today_lists_the_days_shifts_for_planners_only(
    api: MiniAppApi, cast: MiniAppCast
) -> None:
    assert (await api.get(cast.ivan, "/today")).status_code == 403
    today = (await api.get(cast.owner, "/today")).json()
    assert [o["name"] for o in today["objects"]] == ["Кофейня", "Склад"]
    assert all(o["rows"] == [] for o in today["objects"])  # Monday: nothing planned today


async def test_a_manager_without_view_money_sees_no_labour_cost(
    api: MiniAppApi, cast: MiniAppCast
) -> None:
    board = (await api.get(cast.manager, "/board")).json()

    assert [o["name"] for o in board["objects"]] == ["Кофейня"]
    assert board["shows_money"] is False
    assert board["week_cost"] is None
    assert cafe_day(board, "2026-03-03")["slots"][0]["cost"] is None
    assert cafe_day(board, "2026-03-03")["slots"][0]["occupancy"] == "1/2"


# ---------------------------------------------------------- refusals in the caller's language


REFUSALS = {
    "a full slot": (409, "slot-full", SLOT_FULL),
    "a planner's page": (
        403,
        "permission-denied",
        {"ru": "У вас нет прав на это действие.", "en": "You don't have permission to do that."},
    ),
    "another organization's slot": (
        404,
        "not-found",
        {
            "ru": "Не найдено: возможно, это уже удалили.",
            "en": "Not found: it may have been deleted.",
        },
    ),
}


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("refusal", list(REFUSALS))
async def test_a_refusal_comes_in_the_callers_language(
    api: MiniAppApi,
    cast: MiniAppCast,
    session_factory: SessionFactory,
    refusal: str,
    language: str,
) -> None:
    take_wednesday = f"/open-shifts/slots/{cast.wednesday_slot_id}/take"
    assert (await api.post(cast.maria, take_wednesday)).status_code == 200  # the one place
    await speaks(session_factory, cast.ivan, language)
    ask = {
        "a full slot": lambda: api.post(cast.ivan, take_wednesday),
        "a planner's page": lambda: api.get(cast.ivan, "/board"),
        "another organization's slot": lambda: api.post(
            cast.ivan, f"/open-shifts/slots/{cast.stranger_slot_id}/take"
        ),
    }

    response = await ask[refusal]()

    status, code, messages = REFUSALS[refusal]
    assert response.status_code == status
    assert response.json() == {"detail": {"code": code, "message": messages[language]}}


# ------------------------------------------------------------------ assigning


async def test_an_assignment_persists_and_a_full_slot_is_refused_clearly(
    api: MiniAppApi, cast: MiniAppCast, session_factory: SessionFactory
) -> None:
    candidates = await api.get(cast.owner, f"/slots/{cast.wednesday_slot_id}/candidates")
    assert {e["name"] for e in candidates.json()["employees"]} == {"Ivan", "Maria"}

    assign = f"/slots/{cast.wednesday_slot_id}/assign"
    assigned = await api.post(cast.owner, assign, membership_id=cast.maria_membership_id)
    refused = await api.post(cast.owner, assign, membership_id=cast.ivan_membership_id)

    assert assigned.status_code == 200
    assert refused.status_code == 409
    assert refused.json()["detail"] == {"code": "slot-full", "message": SLOT_FULL["ru"]}
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.maria_membership_id]
    board = (await api.get(cast.owner, "/board")).json()
    wednesday = cafe_day(board, "2026-03-04")["slots"][0]
    assert wednesday["occupancy"] == "1/1"
    assert wednesday["full"] is True
    assert plain(wednesday["cost"]) == "1 800,00 ₽"  # 6 h × the café's 300 ₽/h


async def test_unassigning_through_the_api_cancels_the_planned_shift(
    api: MiniAppApi, cast: MiniAppCast, session_factory: SessionFactory
) -> None:
    response = await api.post(
        cast.manager, f"/planned-shifts/{cast.ivan_tuesday_shift_id}/unassign", comment="Перенесли"
    )

    assert response.status_code == 200
    assert await planned_on(session_factory, cast.tuesday_slot_id) == []


async def test_a_move_persists_and_a_move_into_a_full_slot_leaves_the_employee_in_place(
    api: MiniAppApi, cast: MiniAppCast, session_factory: SessionFactory
) -> None:
    moved = await api.post(
        cast.manager,
        f"/planned-shifts/{cast.ivan_tuesday_shift_id}/move",
        slot_id=cast.wednesday_slot_id,
    )
    maria = await api.post(
        cast.manager,
        f"/slots/{cast.tuesday_slot_id}/assign",
        membership_id=cast.maria_membership_id,
    )
    refused = await api.post(
        cast.manager,
        f"/planned-shifts/{maria.json()['planned_shift_id']}/move",
        slot_id=cast.wednesday_slot_id,
    )

    assert moved.status_code == 200
    assert moved.json()["slot_id"] == cast.wednesday_slot_id
    assert refused.status_code == 409
    assert refused.json()["detail"] == {"code": "slot-full", "message": SLOT_FULL["ru"]}
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.ivan_membership_id]
    assert await planned_on(session_factory, cast.tuesday_slot_id) == [cast.maria_membership_id]


async def test_a_started_slot_is_refused_with_the_reason(
    api: MiniAppApi, cast: MiniAppCast, clock: ManualClock
) -> None:
    clock.advance(timedelta(days=2))  # Wednesday 12:00 in Moscow: the 10:00 slot runs

    response = await api.post(
        cast.owner,
        f"/slots/{cast.wednesday_slot_id}/assign",
        membership_id=cast.maria_membership_id,
    )

    assert response.status_code == 409
    assert response.json()["detail"]["code"] == "slot-in-past"


# ------------------------------------------------------------------ open shifts


async def give_away(
    session_factory: SessionFactory, clock: ManualClock, planned_shift_id: int
) -> int:
    """The holder of the planned shift offers it to colleagues; the offer's id."""
    async with session_factory() as session:
        holder = await session.scalar(
            select(PlannedShift.user_id).where(PlannedShift.id == planned_shift_id)
        )
        assert holder is not None
        offer = await offer_shift(session, clock, user_id=holder, planned_shift_id=planned_shift_id)
        await session.commit()
        return offer.id


async def open_shifts_of(
    api: MiniAppApi, user: User
) -> list[tuple[str, int, str, str, str | None, str | None]]:
    response = await api.get(user, "/open-shifts")
    assert response.status_code == 200
    return [
        (i["kind"], i["id"], i["date"], i["time"], i["occupancy"], i["offered_by"])
        for i in response.json()["items"]
    ]


async def test_an_employee_sees_only_the_open_shifts_they_may_take(
    api: MiniAppApi, cast: MiniAppCast, clock: ManualClock, session_factory: SessionFactory
) -> None:
    tuesday = ("slot", cast.tuesday_slot_id, "2026-03-03", "09:00–18:00", "1/2", None)
    wednesday = ("slot", cast.wednesday_slot_id, "2026-03-04", "10:00–16:00", "0/1", None)
    # Ivan is on Tuesday already; the other organization's bakery is nobody's business here.
    assert await open_shifts_of(api, cast.maria) == [tuesday, wednesday]
    assert await open_shifts_of(api, cast.ivan) == [wednesday]

    offer_id = await give_away(session_factory, clock, cast.ivan_tuesday_shift_id)

    ivans = ("offer", offer_id, "2026-03-03", "09:00–18:00", None, "Ivan")
    assert await open_shifts_of(api, cast.maria) == [tuesday, ivans, wednesday]
    assert await open_shifts_of(api, cast.ivan) == [wednesday]  # not his own
    offered = (await api.get(cast.maria, "/open-shifts")).json()["items"][1]
    assert (offered["object"], offered["date_label"], offered["needs_approval"]) == (
        "Кофейня",
        "вт, 3 мар.",
        False,
    )


async def test_taking_a_place_books_it_and_the_next_taker_hears_why_not_in_their_language(
    api: MiniAppApi, cast: MiniAppCast, session_factory: SessionFactory
) -> None:
    await speaks(session_factory, cast.ivan, "en")
    path = f"/open-shifts/slots/{cast.wednesday_slot_id}/take"

    taken = await api.post(cast.maria, path)
    refused = await api.post(cast.ivan, path)

    assert taken.status_code == 200
    assert taken.json() == {
        "outcome": "done",
        "message": "✅ Вы записаны: ср, 4 мар. 10:00–16:00, Кофейня.",
    }
    assert refused.status_code == 409
    assert refused.json()["detail"] == {"code": "slot-full", "message": SLOT_FULL["en"]}
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.maria_membership_id]
    assert await open_shifts_of(api, cast.maria) == [
        ("slot", cast.tuesday_slot_id, "2026-03-03", "09:00–18:00", "1/2", None)
    ]


async def test_taking_a_give_away_moves_the_shift_once(
    api: MiniAppApi, cast: MiniAppCast, clock: ManualClock, session_factory: SessionFactory
) -> None:
    offer_id = await give_away(session_factory, clock, cast.ivan_tuesday_shift_id)
    path = f"/open-shifts/offers/{offer_id}/take"

    taken = await api.post(cast.maria, path)
    again = await api.post(cast.maria, path)

    assert taken.status_code == 200
    assert taken.json()["outcome"] == "done"
    assert again.status_code == 409
    assert again.json()["detail"] == {
        "code": "offer-gone",
        "message": "Эту смену уже взяли или предложение истекло.",
    }
    assert await planned_on(session_factory, cast.tuesday_slot_id) == [cast.maria_membership_id]


async def test_where_the_object_wants_approval_a_take_asks_and_the_board_shows_what_waits(
    api: MiniAppApi, cast: MiniAppCast, clock: ManualClock, session_factory: SessionFactory
) -> None:
    async with session_factory() as session:
        cafe = await session.get(WorkObject, cast.cafe_id)
        assert cafe is not None
        cafe.exchange_needs_approval = True
        await session.commit()
    offer_id = await give_away(session_factory, clock, cast.ivan_tuesday_shift_id)

    asked = await api.post(cast.maria, f"/open-shifts/slots/{cast.wednesday_slot_id}/take")

    assert asked.status_code == 200
    assert asked.json() == {
        "outcome": "awaits_approval",
        "message": "📨 Запрос отправлен руководителю: ср, 4 мар. 10:00–16:00, Кофейня. "
        "Сообщим о решении.",
    }
    assert await planned_on(session_factory, cast.wednesday_slot_id) == []
    async with session_factory() as session:
        request = await session.scalar(select(SlotRequest))
    assert request is not None
    assert (request.user_id, request.status) == (cast.maria.id, ExchangeStatus.PENDING_APPROVAL)
    # Asked once: the place leaves her list; Ivan's give-away (same time as hers) stays.
    assert [item[:2] for item in await open_shifts_of(api, cast.maria)] == [
        ("slot", cast.tuesday_slot_id),
        ("offer", offer_id),
    ]

    for planner in (cast.owner, cast.manager):
        board = (await api.get(planner, "/board")).json()
        [tuesday] = cafe_day(board, "2026-03-03")["slots"]
        [wednesday] = cafe_day(board, "2026-03-04")["slots"]
        assert tuesday["pending"] == [
            {
                "kind": "offer",
                "id": offer_id,
                "awaits_approval": False,
                "text": "🤝 Ivan отдаёт смену",
            }
        ]
        assert wednesday["pending"] == [
            {
                "kind": "request",
                "id": request.id,
                "awaits_approval": True,
                "text": "🙋 Maria просит место — ждёт одобрения",
            }
        ]


@pytest.mark.parametrize(
    "path",
    [
        "/open-shifts/slots/{c.stranger_slot_id}/take",
        "/open-shifts/offers/{foreign_offer}/take",
        "/open-shifts/offers/987654/take",
    ],
)
async def test_taking_another_organizations_place_or_give_away_is_404(
    api: MiniAppApi,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
    path: str,
) -> None:
    foreign_offer = await give_away(session_factory, clock, cast.stranger_planned_shift_id)

    response = await api.post(cast.maria, path.format(c=cast, foreign_offer=foreign_offer))

    assert response.status_code == 404
    assert await planned_on(session_factory, cast.stranger_slot_id) == [cast.stranger_membership_id]
    assert await open_shifts_of(api, cast.maria) == [
        ("slot", cast.tuesday_slot_id, "2026-03-03", "09:00–18:00", "1/2", None),
        ("slot", cast.wednesday_slot_id, "2026-03-04", "10:00–16:00", "0/1", None),
    ]


# ------------------------------------------------------------------ other pages


async def test_the_employee_schedule_shows_my_month(api: MiniAppApi, cast: MiniAppCast) -> None:
    response = await api.get(cast.ivan, "/schedule")

    assert response.status_code == 200
    data = response.json()
    assert data["month"] == "2026-03"
    assert data["title"] == "Март 2026"
    assert data["prev_month"] == "2026-02"
    assert data["next_month"] == "2026-04"
    assert [(s["date"], s["object"], s["time"]) for s in data["shifts"]] == [
        ("2026-03-03", "Кофейня", "09:00–18:00")
    ]
    other = await api.get(cast.ivan, "/schedule", month="2026-04")
    assert other.json()["shifts"] == []


async def test_the_map_data_has_the_geofences_and_no_key_by_default(
    api: MiniAppApi, cast: MiniAppCast
) -> None:
    data = (await api.get(cast.owner, "/objects")).json()

    assert data["maps_js_key"] == ""
    cafe = next(o for o in data["objects"] if o["name"] == "Кофейня")
    assert (cafe["latitude"], cafe["longitude"], cafe["radius_m"]) == (55.781, 37.633, 200)


async def test_the_payslip_of_an_employee_and_a_strangers_period(
    api: MiniAppApi,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    mine = await api.get(cast.ivan, "/payslip")
    assert mine.status_code == 200
    payslip = mine.json()["payslip"]
    assert payslip["employee"] == "Ivan"
    assert payslip["lines"] == []
    assert [total["key"] for total in payslip["totals"]][:4] == ["gross", "fines", "bonuses", "net"]
    # Worked time is floored to whole minutes, and the page says so.
    assert "целыми минутами" in payslip["footnote"]

    async with session_factory() as session, session.begin():
        stranger_organization_id = cast.stranger_owner.active_organization_id
        assert stranger_organization_id is not None
        foreign = await open_current_period(session, clock, stranger_organization_id)
        foreign_period = foreign.id
    response = await api.get(cast.ivan, "/payslip", period_id=foreign_period)
    assert response.status_code == 404


async def test_reading_a_payslip_stores_no_period(
    api: MiniAppApi, cast: MiniAppCast, session_factory: SessionFactory
) -> None:
    """A GET only reads: the current month shows before anything is written to it, with
    no id until it is stored."""
    response = await api.get(cast.ivan, "/payslip")

    assert response.status_code == 200
    data = response.json()
    assert data["period_id"] is None
    assert data["periods"] == [{"id": None, "label": "01.03.2026 – 31.03.2026"}]
    async with session_factory() as session:
        stored = await session.scalars(
            select(PayPeriod).where(PayPeriod.organization_id == cast.organization_id)
        )
        assert list(stored) == []


async def test_pages_are_served_in_the_asked_language(http: httpx.AsyncClient) -> None:
    russian = await http.get("/app/board")
    english = await http.get("/app/board?lang=en")
    unknown = await http.get("/app/nothing")

    assert russian.status_code == 200
    assert "Доска планирования" in russian.text
    assert "Откройте из Telegram" in russian.text
    assert "Planning board" in english.text
    assert unknown.status_code == 404
    open_shifts = await http.get("/app/open-shifts")
    assert open_shifts.status_code == 200
    assert "Свободные смены" in open_shifts.text


# ------------------------------------------------------------------ reports dashboard

REPORT_OWNER_TELEGRAM_ID = 7100


@pytest.fixture
async def report_world(session_factory: SessionFactory, clock: ManualClock) -> ReportWorld:
    async with session_factory() as session:
        world = await build_report_week(session, owner_telegram_id=REPORT_OWNER_TELEGRAM_ID)
        await session.commit()
    clock.set(AFTER_THE_WEEK)
    return world


async def test_the_report_of_last_week_has_the_figures_and_the_days(
    api: MiniAppApi, report_world: ReportWorld
) -> None:
    response = await api.get(report_world.owner, "/report", period="last_week")

    assert response.status_code == 200
    report = response.json()["report"]
    figures = {f["key"]: plain(f["value"]) for f in report["totals"]}
    assert figures["shifts"] == "8"
    assert figures["cost"] == "17 365,00 ₽"
    assert figures["tasks"] == "3/5 · 60%"
    assert [day["hours"] for day in report["days"]] == [19.8, 7.72, 0.0, 8.0, 2.5, 7.95, 4.0]
    assert plain(report["days"][0]["cost_text"]) == "7 120,00 ₽"
    assert {row["name"] for row in report["employees"]} == {"Anna", "Boris", "Vera", "Gleb"}
    scopes = [scope["value"] for scope in response.json()["scopes"]]
    assert scopes[0] == "organization"
    assert f"object:{report_world.mira.id}" in scopes


async def test_a_report_on_another_organizations_object_is_404(
    api: MiniAppApi, cast: MiniAppCast, report_world: ReportWorld
) -> None:
    # `cast` is seeded first: its slots must lie ahead of the clock the report world moves.
    foreign = await api.get(
        cast.owner, "/report", period="last_week", scope=f"object:{report_world.mira.id}"
    )

    assert foreign.status_code == 404
