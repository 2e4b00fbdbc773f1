"""The Mini App's JSON API through the real FastAPI app over httpx: initData auth, roles,
organization isolation, the planning board with labour cost, assignments persisted
through the planning use cases, the employee's calendar, the map data and payslips."""

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from services.exchange import exchange as shift_exchange
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
from tests.conftest import TEST_BOT_TOKEN
from tests.support.miniapp import MiniAppCast, seed_miniapp_cast
from tests.support.reports import AFTER_THE_WEEK, ReportWorld, build_report_week
from tests.support.webapp import build_init_data, tma_header
from tests.webapp.conftest import running_app
from webapp.app import create_app


@pytest.fixture
async def cast(session_factory: SessionFactory, clock: ManualClock) -> MiniAppCast:
    return await seed_miniapp_cast(session_factory, clock)


@pytest.fixture
async def app(settings: Settings, clock: ManualClock) -> AsyncIterator[FastAPI]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        app.state.clock = clock
        yield app


@pytest.fixture
async def http(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://webapp") as client:
        yield client


def auth(
    user: User,
    clock: ManualClock,
    *,
    age: timedelta = timedelta(minutes=1),
    bot_token: str = TEST_BOT_TOKEN,
) -> dict[str, str]:
    init_data = build_init_data(
        bot_token, telegram_id=user.telegram_id, auth_date=clock.now() - age
    )
    return tma_header(init_data)


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


# ------------------------------------------------------------------ authentication


async def test_valid_init_data_opens_the_board_of_the_current_week(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock
) -> None:
    response = await http.get("/api/miniapp/board", headers=auth(cast.owner, clock))

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


@pytest.mark.parametrize("case", ["tampered hash", "wrong bot token", "stale auth_date", "none"])
async def test_requests_without_genuine_fresh_init_data_are_401(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock, settings: Settings, case: str
) -> None:
    if case == "tampered hash":
        header = auth(cast.owner, clock)["Authorization"]
        last = header[-1]
        headers = {"Authorization": header[:-1] + ("0" if last != "0" else "1")}
    elif case == "wrong bot token":
        headers = auth(cast.owner, clock, bot_token="654321:ANOTHER-BOT")
    elif case == "stale auth_date":
        headers = auth(
            cast.owner, clock, age=timedelta(seconds=settings.init_data_max_age_seconds + 60)
        )
    else:
        headers = {}

    for path in ("/api/miniapp/me", "/api/miniapp/board", "/api/miniapp/schedule"):
        response = await http.get(path, headers=headers)
        assert response.status_code == 401, path


async def test_the_maximum_age_of_init_data_is_configurable(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock, settings: Settings
) -> None:
    two_hours_old = auth(cast.owner, clock, age=timedelta(hours=2))
    async with running_app(settings.model_copy(update={"init_data_max_age_seconds": 3600})) as (
        strict_app,
        strict,
    ):
        strict_app.state.clock = clock
        refused = await strict.get("/api/miniapp/me", headers=two_hours_old)

    accepted = await http.get("/api/miniapp/me", headers=two_hours_old)  # the default: 24 h

    assert refused.status_code == 401
    assert accepted.status_code == 200


async def test_a_user_of_another_telegram_account_with_a_forged_user_field_is_401(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock
) -> None:
    genuine = auth(cast.ivan, clock)["Authorization"]
    forged = genuine.replace(
        f"%22id%22%3A{cast.ivan.telegram_id}", f"%22id%22%3A{cast.owner.telegram_id}"
    )
    assert forged != genuine

    response = await http.get("/api/miniapp/board", headers={"Authorization": forged})

    assert response.status_code == 401


# ------------------------------------------------------------------ roles and organizations


async def test_me_tells_the_role_and_the_pages(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock
) -> None:
    owner = (await http.get("/api/miniapp/me", headers=auth(cast.owner, clock))).json()
    employee = (await http.get("/api/miniapp/me", headers=auth(cast.ivan, clock))).json()

    assert owner["role"] == "owner"
    assert owner["organization"]["name"] == "Кофейни Ольги"
    assert owner["pages"] == ["board", "reports", "map", "schedule", "payslip"]
    assert employee["role"] == "employee"
    assert employee["pages"] == ["schedule", "open-shifts", "payslip"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/miniapp/board"),
        ("GET", "/api/miniapp/objects"),
        ("GET", "/api/miniapp/slots/{wednesday}/candidates"),
        ("POST", "/api/miniapp/slots/{wednesday}/assign"),
        ("POST", "/api/miniapp/planned-shifts/{ivan_tuesday}/move"),
    ],
)
async def test_an_employee_on_an_owner_endpoint_is_403(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock, method: str, path: str
) -> None:
    response = await http.request(
        method,
        path.format(wednesday=cast.wednesday_slot_id, ivan_tuesday=cast.ivan_tuesday_shift_id),
        headers=auth(cast.ivan, clock),
        json={"membership_id": cast.ivan_membership_id, "slot_id": cast.wednesday_slot_id}
        if method == "POST"
        else None,
    )

    assert response.status_code == 403


async def test_another_organizations_ids_are_404(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    headers = auth(cast.owner, clock)

    candidates = await http.get(
        f"/api/miniapp/slots/{cast.stranger_slot_id}/candidates", headers=headers
    )
    assign_there = await http.post(
        f"/api/miniapp/slots/{cast.stranger_slot_id}/assign",
        headers=headers,
        json={"membership_id": cast.maria_membership_id},
    )
    assign_stranger = await http.post(
        f"/api/miniapp/slots/{cast.wednesday_slot_id}/assign",
        headers=headers,
        json={"membership_id": cast.stranger_membership_id},
    )
    unassign_there = await http.post(
        f"/api/miniapp/planned-shifts/{cast.stranger_planned_shift_id}/unassign",
        headers=headers,
        json={"comment": ""},
    )
    move_theirs_here = await http.post(
        f"/api/miniapp/planned-shifts/{cast.stranger_planned_shift_id}/move",
        headers=headers,
        json={"slot_id": cast.wednesday_slot_id},
    )
    move_ours_there = await http.post(
        f"/api/miniapp/planned-shifts/{cast.ivan_tuesday_shift_id}/move",
        headers=headers,
        json={"slot_id": cast.stranger_slot_id},
    )

    responses = (
        candidates,
        assign_there,
        assign_stranger,
        unassign_there,
        move_theirs_here,
        move_ours_there,
    )
    assert [r.status_code for r in responses] == [404] * len(responses)
    assert await planned_on(session_factory, cast.stranger_slot_id) == [cast.stranger_membership_id]
    assert await planned_on(session_factory, cast.wednesday_slot_id) == []
    assert await planned_on(session_factory, cast.tuesday_slot_id) == [cast.ivan_membership_id]


async def test_a_manager_without_view_money_sees_no_labour_cost(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock
) -> None:
    board = (await http.get("/api/miniapp/board", headers=auth(cast.manager, clock))).json()

    assert [o["name"] for o in board["objects"]] == ["Кофейня"]
    assert board["shows_money"] is False
    assert board["week_cost"] is None
    assert cafe_day(board, "2026-03-03")["slots"][0]["cost"] is None
    assert cafe_day(board, "2026-03-03")["slots"][0]["occupancy"] == "1/2"


# ------------------------------------------------------------------ assigning


async def test_an_assignment_persists_and_a_full_slot_is_refused_clearly(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    headers = auth(cast.owner, clock)
    candidates = await http.get(
        f"/api/miniapp/slots/{cast.wednesday_slot_id}/candidates", headers=headers
    )
    assert {e["name"] for e in candidates.json()["employees"]} == {"Ivan", "Maria"}

    assigned = await http.post(
        f"/api/miniapp/slots/{cast.wednesday_slot_id}/assign",
        headers=headers,
        json={"membership_id": cast.maria_membership_id},
    )
    refused = await http.post(
        f"/api/miniapp/slots/{cast.wednesday_slot_id}/assign",
        headers=headers,
        json={"membership_id": cast.ivan_membership_id},
    )

    assert assigned.status_code == 200
    assert refused.status_code == 409
    assert refused.json()["detail"] == {
        "code": "slot-full",
        "message": "Мест на эту смену больше нет (1/1).",
    }
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.maria_membership_id]
    board = (await http.get("/api/miniapp/board", headers=headers)).json()
    wednesday = cafe_day(board, "2026-03-04")["slots"][0]
    assert wednesday["occupancy"] == "1/1"
    assert wednesday["full"] is True
    assert plain(wednesday["cost"]) == "1 800,00 ₽"  # 6 h × the café's 300 ₽/h


async def test_unassigning_through_the_api_cancels_the_planned_shift(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    response = await http.post(
        f"/api/miniapp/planned-shifts/{cast.ivan_tuesday_shift_id}/unassign",
        headers=auth(cast.manager, clock),
        json={"comment": "Перенесли"},
    )

    assert response.status_code == 200
    assert await planned_on(session_factory, cast.tuesday_slot_id) == []


async def test_a_move_persists_and_a_move_into_a_full_slot_leaves_the_employee_in_place(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    headers = auth(cast.manager, clock)
    moved = await http.post(
        f"/api/miniapp/planned-shifts/{cast.ivan_tuesday_shift_id}/move",
        headers=headers,
        json={"slot_id": cast.wednesday_slot_id},
    )
    maria = await http.post(
        f"/api/miniapp/slots/{cast.tuesday_slot_id}/assign",
        headers=headers,
        json={"membership_id": cast.maria_membership_id},
    )
    refused = await http.post(
        f"/api/miniapp/planned-shifts/{maria.json()['planned_shift_id']}/move",
        headers=headers,
        json={"slot_id": cast.wednesday_slot_id},
    )

    assert moved.status_code == 200
    assert moved.json()["slot_id"] == cast.wednesday_slot_id
    assert refused.status_code == 409
    assert refused.json()["detail"] == {
        "code": "slot-full",
        "message": "Мест на эту смену больше нет (1/1).",
    }
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.ivan_membership_id]
    assert await planned_on(session_factory, cast.tuesday_slot_id) == [cast.maria_membership_id]


async def test_a_started_slot_is_refused_with_the_reason(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock
) -> None:
    clock.advance(timedelta(days=2))  # Wednesday 12:00 in Moscow: the 10:00 slot runs

    response = await http.post(
        f"/api/miniapp/slots/{cast.wednesday_slot_id}/assign",
        headers=auth(cast.owner, clock),
        json={"membership_id": cast.maria_membership_id},
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
        offer = await shift_exchange.offer_shift(
            session, clock, user_id=holder, planned_shift_id=planned_shift_id
        )
        await session.commit()
        return offer.id


async def open_shifts_of(
    http: httpx.AsyncClient, user: User, clock: ManualClock
) -> list[tuple[str, int, str, str, str | None, str | None]]:
    response = await http.get("/api/miniapp/open-shifts", headers=auth(user, clock))
    assert response.status_code == 200
    return [
        (i["kind"], i["id"], i["date"], i["time"], i["occupancy"], i["offered_by"])
        for i in response.json()["items"]
    ]


async def test_an_employee_sees_only_the_open_shifts_they_may_take(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    tuesday = ("slot", cast.tuesday_slot_id, "2026-03-03", "09:00–18:00", "1/2", None)
    wednesday = ("slot", cast.wednesday_slot_id, "2026-03-04", "10:00–16:00", "0/1", None)
    # Ivan is on Tuesday already; the other organization's bakery is nobody's business here.
    assert await open_shifts_of(http, cast.maria, clock) == [tuesday, wednesday]
    assert await open_shifts_of(http, cast.ivan, clock) == [wednesday]

    offer_id = await give_away(session_factory, clock, cast.ivan_tuesday_shift_id)

    ivans = ("offer", offer_id, "2026-03-03", "09:00–18:00", None, "Ivan")
    assert await open_shifts_of(http, cast.maria, clock) == [tuesday, ivans, wednesday]
    assert await open_shifts_of(http, cast.ivan, clock) == [wednesday]  # not his own
    response = await http.get("/api/miniapp/open-shifts", headers=auth(cast.maria, clock))
    offered = response.json()["items"][1]
    assert (offered["object"], offered["date_label"], offered["needs_approval"]) == (
        "Кофейня",
        "вт, 3 мар.",
        False,
    )


async def test_taking_a_place_books_it_and_the_next_taker_hears_why_not_in_their_language(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    async with session_factory() as session:
        ivan = await session.get(User, cast.ivan.id)
        assert ivan is not None
        ivan.language = "en"
        await session.commit()
    path = f"/api/miniapp/open-shifts/slots/{cast.wednesday_slot_id}/take"

    taken = await http.post(path, headers=auth(cast.maria, clock))
    refused = await http.post(path, headers=auth(cast.ivan, clock))

    assert taken.status_code == 200
    assert taken.json() == {
        "outcome": "done",
        "message": "✅ Вы записаны: ср, 4 мар. 10:00–16:00, Кофейня.",
    }
    assert refused.status_code == 409
    assert refused.json()["detail"] == {
        "code": "slot-full",
        "message": "There are no places left on this shift (1/1).",
    }
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.maria_membership_id]
    assert await open_shifts_of(http, cast.maria, clock) == [
        ("slot", cast.tuesday_slot_id, "2026-03-03", "09:00–18:00", "1/2", None)
    ]


async def test_taking_a_give_away_moves_the_shift_once(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    offer_id = await give_away(session_factory, clock, cast.ivan_tuesday_shift_id)
    path = f"/api/miniapp/open-shifts/offers/{offer_id}/take"

    taken = await http.post(path, headers=auth(cast.maria, clock))
    again = await http.post(path, headers=auth(cast.maria, clock))

    assert taken.status_code == 200
    assert taken.json()["outcome"] == "done"
    assert again.status_code == 409
    assert again.json()["detail"] == {
        "code": "offer-gone",
        "message": "Эту смену уже взяли или предложение истекло.",
    }
    assert await planned_on(session_factory, cast.tuesday_slot_id) == [cast.maria_membership_id]


async def test_where_the_object_wants_approval_a_take_asks_and_the_board_shows_what_waits(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    async with session_factory() as session:
        cafe = await session.get(WorkObject, cast.cafe_id)
        assert cafe is not None
        cafe.exchange_needs_approval = True
        await session.commit()
    offer_id = await give_away(session_factory, clock, cast.ivan_tuesday_shift_id)

    asked = await http.post(
        f"/api/miniapp/open-shifts/slots/{cast.wednesday_slot_id}/take",
        headers=auth(cast.maria, clock),
    )

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
    assert [item[:2] for item in await open_shifts_of(http, cast.maria, clock)] == [
        ("slot", cast.tuesday_slot_id),
        ("offer", offer_id),
    ]

    for planner in (cast.owner, cast.manager):
        board = (await http.get("/api/miniapp/board", headers=auth(planner, clock))).json()
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


async def test_taking_another_organizations_place_or_give_away_is_404(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    foreign_offer = await give_away(session_factory, clock, cast.stranger_planned_shift_id)
    headers = auth(cast.maria, clock)

    place = await http.post(
        f"/api/miniapp/open-shifts/slots/{cast.stranger_slot_id}/take", headers=headers
    )
    offer = await http.post(
        f"/api/miniapp/open-shifts/offers/{foreign_offer}/take", headers=headers
    )
    missing = await http.post("/api/miniapp/open-shifts/offers/987654/take", headers=headers)

    assert [place.status_code, offer.status_code, missing.status_code] == [404, 404, 404]
    assert await planned_on(session_factory, cast.stranger_slot_id) == [cast.stranger_membership_id]
    assert await open_shifts_of(http, cast.maria, clock) == [
        ("slot", cast.tuesday_slot_id, "2026-03-03", "09:00–18:00", "1/2", None),
        ("slot", cast.wednesday_slot_id, "2026-03-04", "10:00–16:00", "0/1", None),
    ]


# ------------------------------------------------------------------ other pages


async def test_the_employee_schedule_shows_my_month(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock
) -> None:
    response = await http.get("/api/miniapp/schedule", headers=auth(cast.ivan, clock))

    assert response.status_code == 200
    data = response.json()
    assert data["month"] == "2026-03"
    assert data["title"] == "Март 2026"
    assert data["prev_month"] == "2026-02"
    assert data["next_month"] == "2026-04"
    assert [(s["date"], s["object"], s["time"]) for s in data["shifts"]] == [
        ("2026-03-03", "Кофейня", "09:00–18:00")
    ]
    other = await http.get("/api/miniapp/schedule?month=2026-04", headers=auth(cast.ivan, clock))
    assert other.json()["shifts"] == []


async def test_the_map_data_has_the_geofences_and_no_key_by_default(
    http: httpx.AsyncClient, cast: MiniAppCast, clock: ManualClock
) -> None:
    data = (await http.get("/api/miniapp/objects", headers=auth(cast.owner, clock))).json()

    assert data["maps_js_key"] == ""
    cafe = next(o for o in data["objects"] if o["name"] == "Кофейня")
    assert (cafe["latitude"], cafe["longitude"], cafe["radius_m"]) == (55.781, 37.633, 200)


async def test_the_payslip_of_an_employee_and_a_strangers_period(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    mine = await http.get("/api/miniapp/payslip", headers=auth(cast.ivan, clock))
    assert mine.status_code == 200
    payslip = mine.json()["payslip"]
    assert payslip["employee"] == "Ivan"
    assert payslip["lines"] == []
    assert [total["key"] for total in payslip["totals"]][:4] == ["gross", "fines", "bonuses", "net"]

    async with session_factory() as session, session.begin():
        stranger_organization_id = cast.stranger_owner.active_organization_id
        assert stranger_organization_id is not None
        foreign = await open_current_period(session, clock, stranger_organization_id)
        foreign_period = foreign.id
    response = await http.get(
        f"/api/miniapp/payslip?period_id={foreign_period}", headers=auth(cast.ivan, clock)
    )
    assert response.status_code == 404


async def test_reading_a_payslip_stores_no_period(
    http: httpx.AsyncClient,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    """A GET only reads: the current month shows before anything is written to it, with
    no id until it is stored."""
    response = await http.get("/api/miniapp/payslip", headers=auth(cast.ivan, clock))

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
    http: httpx.AsyncClient, report_world: ReportWorld, clock: ManualClock
) -> None:
    response = await http.get(
        "/api/miniapp/report?period=last_week", headers=auth(report_world.owner, clock)
    )

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


async def test_a_report_on_another_organizations_object_is_404_and_employees_get_403(
    http: httpx.AsyncClient, cast: MiniAppCast, report_world: ReportWorld, clock: ManualClock
) -> None:
    # `cast` is seeded first: its slots must lie ahead of the clock the report world moves.
    foreign = await http.get(
        f"/api/miniapp/report?period=last_week&scope=object:{report_world.mira.id}",
        headers=auth(cast.owner, clock),
    )
    employee = await http.get("/api/miniapp/report", headers=auth(cast.ivan, clock))

    assert foreign.status_code == 404
    assert employee.status_code == 403
