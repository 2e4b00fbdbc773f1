"""What a report holds: totals, figures per local day, per employee and per object, the
best and worst by hours, an employee's next shifts. Plain data that charts, the
spreadsheet, the summary and the AI insights format; money fields are None when hidden."""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal

from services.reports.periods import ReportPeriod
from services.reports.scope import ReportScope
from services.scheduling.sales import LaborDay
from services.time_off.queries import PersonTimeOff


@dataclass(frozen=True)
class DayFigures:
    day: date
    shifts: int
    minutes: int
    cost: Decimal | None


@dataclass
class EmployeeFigures:
    user_id: int
    name: str
    shifts: int = 0
    minutes: int = 0
    cost: Decimal | None = None
    late_arrivals: int = 0
    late_minutes: int = 0
    planned: int = 0
    no_shows: int = 0
    cancellations: int = 0
    tasks_total: int = 0
    tasks_done: int = 0
    fines: Decimal | None = None
    bonuses: Decimal | None = None


@dataclass(frozen=True)
class ObjectFigures:
    object_id: int
    name: str
    shifts: int
    minutes: int
    cost: Decimal | None
    late_arrivals: int


@dataclass(frozen=True)
class Totals:
    shifts: int
    minutes: int
    cost: Decimal | None
    late_arrivals: int
    late_minutes: int
    planned: int
    no_shows: int
    cancellations: int
    tasks_total: int
    tasks_done: int
    fines: Decimal | None
    bonuses: Decimal | None

    @property
    def task_completion_percent(self) -> int | None:
        if not self.tasks_total:
            return None
        return round(100 * self.tasks_done / self.tasks_total)


@dataclass(frozen=True)
class UpcomingShift:
    starts_at: datetime
    ends_at: datetime
    timezone: str
    object_name: str


@dataclass
class Report:
    organization_id: int
    organization_name: str
    currency: str
    period: ReportPeriod
    scope: ReportScope
    scope_title: str
    show_money: bool
    totals: Totals
    days: list[DayFigures]
    employees: list[EmployeeFigures]
    objects: list[ObjectFigures]
    top: list[EmployeeFigures] = field(default_factory=list)
    bottom: list[EmployeeFigures] = field(default_factory=list)
    upcoming: list[UpcomingShift] = field(default_factory=list)
    # Approved days off by person and kind (owners' reports only).
    time_off: list[PersonTimeOff] = field(default_factory=list)
    # Labor cost of worked shifts against sales per object and day, and the owner's
    # target labor % (reports of the organization or an object that show money).
    labor: list[LaborDay] = field(default_factory=list)
    labor_target: Decimal | None = None

    @property
    def is_empty(self) -> bool:
        return not self.employees

    def fingerprint(self) -> str:
        """A hash of every figure (not of names): equal figures, equal hash."""
        figures = {
            "period": self.period.key,
            "scope": self.scope.key,
            "money": self.show_money,
            "totals": asdict(self.totals),
            "days": [asdict(day) for day in self.days],
            "employees": [
                {k: v for k, v in asdict(e).items() if k != "name"} for e in self.employees
            ],
            "objects": [{k: v for k, v in asdict(o).items() if k != "name"} for o in self.objects],
            "labor": [
                {k: v for k, v in asdict(d).items() if k != "object_name"} for d in self.labor
            ],
        }
        encoded = json.dumps(figures, sort_keys=True, default=str).encode()
        return hashlib.sha256(encoded).hexdigest()
