"""AI insights against a fake OpenAI-compatible server over HTTP: no personal data in the
request, names restored in the answer, the cache, the daily limit by tariff, and clear
failures (missing key, timeout, HTTP 500)."""

import json
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from services.integrations.openai import AIUnavailable, ChatCompletionClient
from services.platform.clock import ManualClock
from services.platform.config import OpenAISettings
from services.platform.db.models import Organization
from services.reports import analytics
from services.reports.analytics import AIDailyLimitReached, AINotInTariff, RedisInsightStore
from services.reports.periods import PeriodKind, ReportPeriod
from services.reports.scope import ReportScope, ScopeKind
from services.staff.permissions import actor_in
from tests.fakes.openai_server import FakeOpenAIServer, Mode
from tests.support.reports import AFTER_THE_WEEK, MON, SUN, build_report_week

WEEK = ReportPeriod(PeriodKind.LAST_WEEK, MON, SUN)
NAMES = ("Anna", "Boris", "Vera", "Gleb", "Olga", "Мира", "Порт", "Кофейни")


@pytest.fixture
async def openai_server() -> AsyncIterator[FakeOpenAIServer]:
    server = FakeOpenAIServer(slow_seconds=3.0)
    await server.start()
    yield server
    await server.stop()


def _client(server: FakeOpenAIServer, key: str = "sk-test") -> ChatCompletionClient:
    return ChatCompletionClient(
        OpenAISettings(
            _env_file=None,  # type: ignore[call-arg]
            api_key=SecretStr(key),
            base_url=server.base_url,
            model="gpt-test",
            timeout_seconds=0.5,
        )
    )


async def _world(session_factory, tariff: str = "pro"):  # type: ignore[no-untyped-def]
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
        organization = await session.get(Organization, week.organization_id)
        assert organization is not None
        organization.tariff_code = tariff
    return week


async def _ask(session_factory, week, store, client, *, language="ru", scope=None):  # type: ignore[no-untyped-def]
    async with session_factory() as session:
        actor = await actor_in(session, week.owner.id, week.organization_id)
        return await analytics.report_insights(
            session,
            ManualClock(AFTER_THE_WEEK),
            store,
            client,
            actor,
            WEEK,
            scope or ReportScope(),
            language,
        )


async def test_request_is_pseudonymized_and_answer_names_restored(
    session_factory, redis, namespace, openai_server
) -> None:
    week = await _world(session_factory)
    store = RedisInsightStore(redis, namespace)

    insight = await _ask(session_factory, week, store, _client(openai_server))

    assert len(openai_server.requests) == 1
    raw = openai_server.raw_bodies[0]
    for name in NAMES:
        assert name not in raw
    people = (week.anna, week.boris, week.vera, week.gleb)
    for user, _ in (*people, (week.owner, None)):
        assert str(user.telegram_id) not in raw
    body = openai_server.requests[0]
    assert body["model"] == "gpt-test"
    assert "Russian" in body["messages"][0]["content"]
    sent = json.loads(body["messages"][1]["content"])
    assert [e["code"] for e in sent["employees"]] == ["E1", "E2", "E3", "E4"]
    assert [o["code"] for o in sent["objects"]] == ["O1", "O2"]
    assert sent["totals"]["labour_cost"] == "17365.00"
    assert sent["employees"][0]["late_minutes"] == 17
    # No internal id either: no key holds one.
    assert not any("id" in key for e in sent["employees"] for key in e)

    # E1 = Anna, E2 = Boris (by name), O1 = Мира.
    assert insight.summary == "Anna отработал больше всех; на Мира есть опоздания."
    assert insight.recommendations == [
        "Поговорите с Boris об опозданиях на Мира.",
        "Поставьте Anna наставником для новичков.",
        "Проверьте неявку Boris и уточните причину.",
    ]
    assert not insight.from_cache


async def test_second_call_is_cached_and_makes_no_request(
    session_factory, redis, namespace, openai_server
) -> None:
    week = await _world(session_factory, tariff="pro")
    store = RedisInsightStore(redis, namespace)
    client = _client(openai_server)
    await _ask(session_factory, week, store, client)
    again = await _ask(session_factory, week, store, client)
    assert again.from_cache and again.recommendations[0].startswith("Поговорите с Boris")
    assert len(openai_server.requests) == 1
    # Another language is another answer.
    await _ask(session_factory, week, store, client, language="en")
    assert len(openai_server.requests) == 2
    assert "English" in openai_server.requests[1]["messages"][0]["content"]


async def test_daily_limit_by_tariff(session_factory, redis, namespace, openai_server) -> None:
    week = await _world(session_factory, tariff="pro")  # 5 a day
    store = RedisInsightStore(redis, namespace)
    client = _client(openai_server)
    scopes = [
        ReportScope(ScopeKind.EMPLOYEE, employee_user_id=p[0].id)
        for p in (week.anna, week.boris, week.vera, week.gleb)
    ] + [ReportScope(ScopeKind.OBJECT, object_id=week.mira.id)]
    for scope in scopes:
        await _ask(session_factory, week, store, client, scope=scope)
    with pytest.raises(AIDailyLimitReached) as refused:
        await _ask(session_factory, week, store, client)
    assert refused.value.params == {"limit": 5}
    assert len(openai_server.requests) == 5
    # A cached answer is still served past the limit.
    assert (await _ask(session_factory, week, store, client, scope=scopes[0])).from_cache


async def test_free_tariff_explains_the_upgrade(session_factory, redis, namespace, openai_server):
    week = await _world(session_factory, tariff="free")
    with pytest.raises(AINotInTariff) as refused:
        await _ask(
            session_factory, week, RedisInsightStore(redis, namespace), _client(openai_server)
        )
    assert refused.value.params == {"tariff": "Free"}
    assert openai_server.requests == []


async def test_missing_key_says_what_is_missing(session_factory, redis, namespace, openai_server):
    week = await _world(session_factory)
    with pytest.raises(AIUnavailable) as refused:
        await _ask(
            session_factory, week, RedisInsightStore(redis, namespace), _client(openai_server, "")
        )
    assert refused.value.params == {"reason": "missing-key"}
    assert openai_server.requests == []


@pytest.mark.parametrize(
    ("mode", "params"),
    [(Mode.SLOW, {"reason": "timeout"}), (Mode.ERROR, {"reason": "failed", "status": 500})],
)
async def test_timeout_and_server_error_are_clear_and_free(
    session_factory, redis, namespace, openai_server, mode, params
) -> None:
    week = await _world(session_factory, tariff="pro")
    store = RedisInsightStore(redis, namespace)
    client = _client(openai_server)
    openai_server.mode = mode
    for _ in range(6):  # more than the daily 5: failures do not use the limit
        with pytest.raises(AIUnavailable) as failed:
            await _ask(session_factory, week, store, client)
        assert failed.value.params == params
    openai_server.mode = Mode.NORMAL
    insight = await _ask(session_factory, week, store, client)
    assert not insight.from_cache


def test_restore_replaces_whole_codes_only() -> None:
    pseudonyms = analytics.Pseudonyms({"E1": "Anna", "E12": "Zoe", "O1": "Мира"})
    assert pseudonyms.restore("E1, E12 and E123 at O1; SE1") == "Anna, Zoe and E123 at Мира; SE1"
