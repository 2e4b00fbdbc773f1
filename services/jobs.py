"""Every domain's scheduled jobs, in the order one scheduler tick runs them.

The one place that knows all domains' jobs: the worker hands this list to the scheduler,
which itself knows no domain."""

from services.attendance import jobs as attendance
from services.billing import jobs as billing
from services.contracts import jobs as contracts
from services.documents import jobs as documents
from services.exchange import jobs as exchange
from services.hiring import jobs as hiring
from services.incidents import jobs as incidents
from services.notify import jobs as notify
from services.payroll import jobs as payroll
from services.platform.scheduler import ScheduledJob
from services.reports import jobs as reports
from services.tasks import jobs as tasks

SCHEDULED_JOBS: list[ScheduledJob] = [
    *notify.JOBS,
    *attendance.JOBS,
    *tasks.JOBS,
    *reports.JOBS,
    *billing.JOBS,
    *payroll.JOBS,
    *exchange.JOBS,
    *incidents.JOBS,
    *contracts.JOBS,
    *hiring.JOBS,
    *documents.JOBS,
]
