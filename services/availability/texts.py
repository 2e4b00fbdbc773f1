"""How an availability verdict reads in a list of people and in a warning (bot and Mini App)."""

from services.availability.rules import DayRule, Verdict, VerdictKind
from services.platform.db.models import AvailabilityKind
from services.platform.i18n import Translator
from services.platform.local_time import hhmm

VERDICT_MARKS = {
    VerdictKind.AVAILABLE: "",
    VerdictKind.PREFERRED: "⭐ ",
    VerdictKind.UNAVAILABLE: "⛔ ",
    VerdictKind.TIME_OFF: "🌴 ",
}


def marked_name(name: str, verdict: Verdict) -> str:
    """A person's name with a mark of their availability (none when simply available)."""
    return f"{VERDICT_MARKS[verdict.kind]}{name}"


def day_rule_text(i18n: Translator, rule: DayRule) -> str:
    """ "09:00–18:00 ⭐", "all day", "not available"."""
    if rule.kind == AvailabilityKind.UNAVAILABLE:
        return i18n("availability-rule-unavailable")
    window = rule.window
    text = (
        i18n("availability-rule-all-day")
        if window is None
        else f"{hhmm(window[0])}–{hhmm(window[1])}"
    )
    return f"{text} ⭐" if rule.kind == AvailabilityKind.PREFERRED else text


def verdict_reason(i18n: Translator, verdict: Verdict) -> str:
    """Why a person cannot work a shift: the day and what they stated for it."""
    if verdict.time_off is not None:
        return i18n(
            "availability-reason-time-off",
            kind=i18n(f"time-off-kind-{verdict.time_off.kind}"),
            first=i18n.short_day(verdict.time_off.first_day),
            last=i18n.short_day(verdict.time_off.last_day),
        )
    if verdict.day is None or verdict.rule is None:
        return ""
    return i18n(
        "availability-reason-day",
        day=i18n.short_day(verdict.day),
        rule=day_rule_text(i18n, verdict.rule),
    )
