"""AI insights on a report (C10): the aggregated report, pseudonymized, goes to a chat
completion model; the owner gets a short summary and 3–5 concrete recommendations in
their language, with the names put back locally.

Rules, each in one place:
- Nothing personal leaves: employees become E1, E2…, objects O1, O2… (in the report's
  order); no names, phones, Telegram or internal ids, only figures and dates. The model
  answers with the codes and `Pseudonyms.restore` puts the names back here.
- Answers are cached per (organization, report, hash of the data sent) for a day: the
  same figures asked again cost no request and no use of the daily limit.
- Each organization may ask `Tariff.ai_insights_per_day` times per local day (its
  timezone); a tariff with 0 (Free) explains that a subscription upgrade is needed. A
  use is counted atomically before the request and given back when the request fails.
"""

import hashlib
import json
import re
import time as monotonic_time
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any, Protocol

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from services.integrations.openai import AIUnavailable, ChatCompletionClient, ChatMessage
from services.orgs.tariffs import tariff_of
from services.payroll.rules import hours_of
from services.platform.clock import Clock
from services.platform.db.models import Organization
from services.platform.errors import DomainError, NotFound
from services.platform.local_time import local_today
from services.reports.figures import build_report
from services.reports.periods import ReportPeriod
from services.reports.report import Report
from services.reports.scope import ReportScope, ScopeKind
from services.staff.permissions import Actor

ANSWER_TTL = timedelta(hours=24)
# A day's counter outlives the day in every timezone, then expires by itself.
USAGE_TTL = timedelta(hours=50)
MAX_RECOMMENDATIONS = 5
LANGUAGE_NAMES = {"ru": "Russian", "en": "English"}
_CODE = re.compile(r"\b([EO])(\d+)\b")
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


class AINotInTariff(DomainError):
    """Params: tariff (title)."""

    code = "ai-not-in-tariff"


class AIDailyLimitReached(DomainError):
    """Params: limit."""

    code = "ai-daily-limit"


# ------------------------------------------------------------------ where answers and uses live


class InsightStore(Protocol):
    async def cached(self, key: str) -> str | None: ...

    async def remember(self, key: str, answer: str) -> None: ...

    async def take_use(self, key: str, limit: int) -> bool:
        """Count one use unless `limit` uses are already counted."""
        ...

    async def give_back_use(self, key: str) -> None: ...


class RedisInsightStore:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self.redis = redis
        self.namespace = namespace

    async def cached(self, key: str) -> str | None:
        value = await self.redis.get(f"{self.namespace}:{key}")
        return value.decode() if isinstance(value, bytes) else value

    async def remember(self, key: str, answer: str) -> None:
        await self.redis.set(f"{self.namespace}:{key}", answer, ex=int(ANSWER_TTL.total_seconds()))

    async def take_use(self, key: str, limit: int) -> bool:
        name = f"{self.namespace}:{key}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, int(USAGE_TTL.total_seconds()))
            used, _ = await pipe.execute()
        if int(used) > limit:
            await self.redis.decr(name)
            return False
        return True

    async def give_back_use(self, key: str) -> None:
        await self.redis.decr(f"{self.namespace}:{key}")


@dataclass
class MemoryInsightStore:
    """The embedded default (no Redis): one process, entries expire by the monotonic
    clock (keys carry the local day, so the day's limit needs no clock of its own)."""

    answers: dict[str, tuple[float, str]] = field(default_factory=dict)
    uses: dict[str, int] = field(default_factory=dict)

    async def cached(self, key: str) -> str | None:
        found = self.answers.get(key)
        if found is None or found[0] < monotonic_time.monotonic():
            return None
        return found[1]

    async def remember(self, key: str, answer: str) -> None:
        expires = monotonic_time.monotonic() + ANSWER_TTL.total_seconds()
        self.answers[key] = (expires, answer)

    async def take_use(self, key: str, limit: int) -> bool:
        if self.uses.get(key, 0) >= limit:
            return False
        self.uses[key] = self.uses.get(key, 0) + 1
        return True

    async def give_back_use(self, key: str) -> None:
        self.uses[key] = max(0, self.uses.get(key, 0) - 1)


_MEMORY_STORE = MemoryInsightStore()


def insight_store(redis: Redis | None, namespace: str) -> InsightStore:
    return _MEMORY_STORE if redis is None else RedisInsightStore(redis, namespace)


# ------------------------------------------------------------------ pseudonyms


@dataclass(frozen=True)
class Pseudonyms:
    """Code → real name, kept here and never sent."""

    names: dict[str, str]

    def restore(self, text: str) -> str:
        return _CODE.sub(lambda match: self.names.get(match.group(0), match.group(0)), text)


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def pseudonymized(report: Report) -> tuple[dict[str, Any], Pseudonyms]:
    """The report as sent to the model: figures, dates and codes only."""
    employee_codes = {e.user_id: f"E{n}" for n, e in enumerate(report.employees, start=1)}
    object_codes = {o.object_id: f"O{n}" for n, o in enumerate(report.objects, start=1)}
    names = {employee_codes[e.user_id]: e.name for e in report.employees}
    names |= {object_codes[o.object_id]: o.name for o in report.objects}
    totals = report.totals
    subject = None
    if report.scope.kind == ScopeKind.OBJECT:
        subject = object_codes.get(report.scope.object_id or 0)
    elif report.scope.kind == ScopeKind.EMPLOYEE:
        subject = employee_codes.get(report.scope.employee_user_id or 0)
    payload = {
        "period": {
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
        },
        "scope": report.scope.kind.value,
        "subject": subject,
        "currency": report.currency,
        "money_visible": report.show_money,
        "totals": {
            "shifts": totals.shifts,
            "hours": str(hours_of(totals.minutes)),
            "labour_cost": _amount(totals.cost),
            "late_arrivals": totals.late_arrivals,
            "late_minutes": totals.late_minutes,
            "planned_shifts": totals.planned,
            "no_shows": totals.no_shows,
            "cancellations": totals.cancellations,
            "tasks_done": totals.tasks_done,
            "tasks_total": totals.tasks_total,
            "fines": _amount(totals.fines),
            "bonuses": _amount(totals.bonuses),
        },
        "days": [
            {
                "date": d.day.isoformat(),
                "shifts": d.shifts,
                "hours": str(hours_of(d.minutes)),
                "labour_cost": _amount(d.cost),
            }
            for d in report.days
        ],
        "employees": [
            {
                "code": employee_codes[e.user_id],
                "shifts": e.shifts,
                "hours": str(hours_of(e.minutes)),
                "labour_cost": _amount(e.cost),
                "late_arrivals": e.late_arrivals,
                "late_minutes": e.late_minutes,
                "planned_shifts": e.planned,
                "no_shows": e.no_shows,
                "cancellations": e.cancellations,
                "tasks_done": e.tasks_done,
                "tasks_total": e.tasks_total,
                "fines": _amount(e.fines),
                "bonuses": _amount(e.bonuses),
            }
            for e in report.employees
        ],
        "objects": [
            {
                "code": object_codes[o.object_id],
                "shifts": o.shifts,
                "hours": str(hours_of(o.minutes)),
                "labour_cost": _amount(o.cost),
                "late_arrivals": o.late_arrivals,
            }
            for o in report.objects
        ],
    }
    return payload, Pseudonyms(names)


# ------------------------------------------------------------------ the use case


@dataclass(frozen=True)
class Insight:
    title: str  # the report's title (object or employee name, or the organization's)
    summary: str
    recommendations: list[str]
    from_cache: bool


def _instructions(language: str) -> str:
    return (
        "You are an operations analyst for a small business with shift workers. You receive "
        "an aggregated report as JSON. Employees are coded E1, E2, …; objects (locations) "
        "O1, O2, …; money is in the given currency (null when hidden). Lateness is in "
        "minutes; a no-show is a planned shift nobody opened. "
        f"Answer in {LANGUAGE_NAMES.get(language, 'Russian')}. Return only a JSON object: "
        '{"summary": "two or three sentences", "recommendations": ["3 to 5 concrete, '
        'actionable recommendations that name employees and objects by their codes"]}.'
    )


def _parse(answer: str) -> tuple[str, list[str]]:
    """The model's JSON answer; any other text is taken whole as the summary."""
    text = _FENCE.sub("", answer.strip())
    try:
        data = json.loads(text)
    except ValueError:
        return answer.strip(), []
    if not isinstance(data, dict):
        return answer.strip(), []
    summary = str(data.get("summary") or "").strip()
    items = data.get("recommendations") or []
    recommendations = [str(item).strip() for item in items if str(item).strip()]
    return summary, recommendations[:MAX_RECOMMENDATIONS]


def _insight(report: Report, answer: str, pseudonyms: Pseudonyms, *, from_cache: bool) -> Insight:
    summary, recommendations = _parse(answer)
    return Insight(
        report.scope_title,
        pseudonyms.restore(summary),
        [pseudonyms.restore(item) for item in recommendations],
        from_cache,
    )


async def report_insights(
    session: AsyncSession,
    clock: Clock,
    store: InsightStore,
    client: ChatCompletionClient,
    actor: Actor,
    period: ReportPeriod,
    scope: ReportScope,
    language: str,
) -> Insight:
    """AI insights on the report the actor may see (`services.reports.figures.build_report`
    rules), under the module's rules: pseudonyms only, cache, daily limit by tariff."""
    if not client.is_configured:
        raise AIUnavailable(reason="missing-key")
    organization = await session.get(Organization, actor.organization_id)
    if organization is None:
        raise NotFound(what="organization")
    tariff = await tariff_of(session, organization)
    if tariff.ai_insights_per_day <= 0:
        raise AINotInTariff(tariff=tariff.title)
    report = await build_report(session, clock, actor, period, scope)
    payload, pseudonyms = pseudonymized(report)
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    data_hash = hashlib.sha256(f"{language}\n{data}".encode()).hexdigest()
    cache_key = f"ai:answer:{organization.id}:{period.key}:{scope.key}:{data_hash}"
    cached = await store.cached(cache_key)
    if cached is not None:
        return _insight(report, cached, pseudonyms, from_cache=True)

    today = local_today(clock.now(), organization.timezone)
    usage_key = f"ai:uses:{organization.id}:{today.isoformat()}"
    if not await store.take_use(usage_key, tariff.ai_insights_per_day):
        raise AIDailyLimitReached(limit=tariff.ai_insights_per_day)
    try:
        answer = await client.complete(
            [ChatMessage("system", _instructions(language)), ChatMessage("user", data)]
        )
    except AIUnavailable:
        await store.give_back_use(usage_key)
        raise
    await store.remember(cache_key, answer)
    return _insight(report, answer, pseudonyms, from_cache=False)
