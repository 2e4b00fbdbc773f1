"""One line of labor cost against sales (an object's day), as the week's draft and the
reports show it: 🔴 when over the owner's target labor %."""

from services.platform.i18n import Translator
from services.scheduling.sales import LaborDay


def labor_line(i18n: Translator, day: LaborDay) -> str:
    return i18n(
        "labor-line",
        day=i18n.short_day(day.day),
        object=day.object_name,
        cost=i18n.money(day.cost),
        sales=i18n.money(day.sales) if day.sales is not None else "—",
        percent=day.percent if day.percent is not None else "—",
        expected="yes" if day.expected else "no",
        over="yes" if day.over_target else "no",
    )
