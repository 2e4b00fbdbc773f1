from aiogram import F
from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Back, Button, Row, Start, SwitchTo, WebApp
from aiogram_dialog.widgets.text import Format

from dialogs.announcements.states import AnnouncementsSG, ReadAnnouncementSG
from dialogs.autoschedule.states import AutoScheduleSG
from dialogs.availability.states import AvailabilitySG
from dialogs.common.i18n import I18n
from dialogs.common.windows import text_input_window
from dialogs.contract_templates.states import ContractTemplatesSG
from dialogs.documents.states import DocumentKindsSG, DocumentReviewSG, MyDocumentsSG
from dialogs.exchange.states import ExchangeSG
from dialogs.hiring.states import HiringSG
from dialogs.incidents.states import IncidentsSG, RequestsSG
from dialogs.invites.join import invite_code_pasted
from dialogs.invites.states import InvitesSG
from dialogs.media_settings.states import MediaSettingsSG
from dialogs.menu import getters, handlers
from dialogs.menu.states import MainMenuSG
from dialogs.objects.states import ObjectsSG
from dialogs.onboarding.states import OnboardingSG
from dialogs.orgs.states import OrganizationsSG
from dialogs.payroll.states import PayrollSG
from dialogs.planning.states import PlanningSG
from dialogs.ratings.states import RatingsSG
from dialogs.schedule.states import ScheduleSG
from dialogs.settings.states import SettingsSG
from dialogs.signing.states import SigningSG
from dialogs.staff.states import StaffSG
from dialogs.subscription.states import SubscriptionSG
from dialogs.task_review.states import TaskReviewSG
from dialogs.task_templates.states import TaskTemplatesSG
from dialogs.tasks.states import TasksSG
from dialogs.time_off.states import TimeOffSG
from dialogs.today.states import TodaySG


def _main_window(state: State) -> Window:
    return Window(
        I18n("announcements-home-unread", when="has_unread_announcements"),
        I18n("menu-greeting-new", when="is_new"),
        I18n("menu-greeting-owner", when="is_owner"),
        I18n("menu-greeting-manager", when="is_manager"),
        I18n("menu-greeting-employee", when="is_employee"),
        I18n("menu-mini-app-off", when="mini_app_off"),
        I18n("menu-home-on-shift", when="on_shift"),
        I18n("menu-home-next", when=F["has_next"] & F["next_map"]),
        I18n("menu-home-next-no-map", when=F["has_next"] & ~F["next_map"]),
        I18n("menu-home-no-next", when=F["is_employee"] & F["no_next"]),
        I18n("menu-home-earned", when="is_employee"),
        Start(
            I18n("announcements-home-open"),
            id="unread_announcements",
            state=ReadAnnouncementSG.view,
            when="has_unread_announcements",
        ),
        Start(
            I18n("menu-run-business"),
            id="run_business",
            state=OnboardingSG.name,
            when="is_new",
        ),
        SwitchTo(
            I18n("menu-have-invite"), id="have_invite", state=MainMenuSG.invite_help, when="is_new"
        ),
        # An employee's day: the shift to start or to end first, then their own.
        Button(
            I18n("menu-clock-open"),
            id="clock_open",
            on_click=handlers.open_shift,
            when=F["is_employee"] & ~F["on_shift"],
        ),
        Button(
            I18n("menu-clock-close"),
            id="clock_close",
            on_click=handlers.close_shift,
            when="on_shift",
        ),
        Start(
            I18n("menu-shift-tasks"),
            id="shift_tasks",
            state=TasksSG.checklist,
            when="on_shift",
        ),
        Start(
            I18n("menu-my-schedule"),
            id="my_schedule",
            state=ScheduleSG.main,
            when="is_employee",
        ),
        Start(
            I18n("menu-open-places"),
            id="open_places",
            state=ExchangeSG.places,
            when="is_employee",
        ),
        Button(I18n("menu-my-pay"), id="my_pay", on_click=handlers.open_my_pay, when="is_employee"),
        Button(
            I18n("menu-my-stats"),
            id="my_stats",
            on_click=handlers.open_my_stats,
            when="is_employee",
        ),
        # An owner's or a manager's day first, then their people and money.
        Row(
            Start(
                I18n("menu-today"),
                id="today",
                state=TodaySG.board,
                when=F["is_owner"] | F["is_manager"],
            ),
            Button(
                I18n("menu-on-shift"),
                id="on_shift",
                on_click=handlers.open_on_shift,
                when=F["is_owner"] | F["is_manager"],
            ),
        ),
        Row(
            Button(
                I18n("menu-quick-shift"),
                id="quick_shift",
                on_click=handlers.open_quick_shift,
                when=F["is_owner"] | F["is_manager"],
            ),
            Start(
                I18n("menu-planning"),
                id="planning",
                state=PlanningSG.objects,
                when=F["is_owner"] | F["is_manager"],
            ),
        ),
        Start(
            I18n("menu-autoschedule"),
            id="autoschedule",
            state=AutoScheduleSG.scope,
            when=F["is_owner"] | F["is_manager"],
        ),
        WebApp(
            I18n("menu-planning-board"),
            Format("{planning_board_url}"),
            id="planning_board",
            when="planning_board_url",
        ),
        Row(
            Start(I18n("menu-staff"), id="staff", state=StaffSG.list, when="can_manage_staff"),
            Start(I18n("menu-hiring"), id="hiring", state=HiringSG.main, when="can_manage_staff"),
        ),
        Start(
            I18n("menu-invites"),
            id="invites",
            state=InvitesSG.list,
            when="can_manage_staff",
        ),
        Row(
            Start(
                I18n("menu-payroll"),
                id="payroll",
                state=PayrollSG.periods,
                when="can_view_money",
            ),
            Button(
                I18n("menu-reports"),
                id="reports",
                on_click=handlers.open_reports,
                when=F["is_owner"] | F["is_manager"],
            ),
        ),
        Start(
            I18n("menu-task-review"),
            id="task_review",
            state=TaskReviewSG.proofs,
            when=F["is_owner"] | F["is_manager"],
        ),
        Start(
            I18n("menu-documents-to-check"),
            id="documents_to_check",
            state=DocumentReviewSG.list,
            when=F["is_owner"] | F["is_manager"],
        ),
        Start(
            I18n("menu-announcements"),
            id="announcements",
            state=AnnouncementsSG.posted,
            when=F["is_owner"] | F["is_manager"],
        ),
        # Everyone's.
        Row(
            Start(
                I18n("menu-incidents"),
                id="incidents",
                state=IncidentsSG.incidents,
                when=F["can_view_money"] | F["is_employee"],
            ),
            Start(
                I18n("menu-requests"),
                id="requests",
                state=RequestsSG.requests,
                when=F["can_view_money"] | F["is_employee"],
            ),
        ),
        Start(I18n("menu-time-off"), id="time_off", state=TimeOffSG.main, when=~F["is_new"]),
        Start(
            I18n("menu-availability"),
            id="availability",
            state=AvailabilitySG.main,
            when=~F["is_new"],
        ),
        Start(I18n("menu-ratings"), id="ratings", state=RatingsSG.main, when=~F["is_new"]),
        Start(
            I18n("menu-my-contracts"), id="my_contracts", state=SigningSG.list, when="is_employee"
        ),
        Start(
            I18n("menu-my-documents"),
            id="my_documents",
            state=MyDocumentsSG.list,
            when="is_employee",
        ),
        # Setting the business up: rarely needed once it runs.
        Start(
            I18n("menu-objects"),
            id="objects",
            state=ObjectsSG.list,
            when=F["is_owner"] | F["is_manager"],
        ),
        Start(
            I18n("menu-task-templates"),
            id="task_templates",
            state=TaskTemplatesSG.objects,
            when=F["is_owner"] | F["is_manager"],
        ),
        Start(
            I18n("menu-document-kinds"),
            id="document_kinds",
            state=DocumentKindsSG.list,
            when="is_owner",
        ),
        Start(
            I18n("menu-contract-templates"),
            id="contract_templates",
            state=ContractTemplatesSG.list,
            when="is_owner",
        ),
        Start(
            I18n("menu-media-settings"),
            id="media_settings",
            state=MediaSettingsSG.main,
            when="is_owner",
        ),
        Row(
            Start(
                I18n("menu-subscription"),
                id="subscription",
                state=SubscriptionSG.main,
                when="is_owner",
            ),
            Start(
                I18n("menu-organizations"),
                id="organizations",
                state=OrganizationsSG.main,
                when="shows_organizations",
            ),
        ),
        Start(I18n("menu-settings"), id="settings", state=SettingsSG.main),
        state=state,
        getter=getters.get_main_menu,
    )


def menu_dialog() -> Dialog:
    return Dialog(
        _main_window(MainMenuSG.main),
        text_input_window(
            "menu-invite-help",
            invite_code_pasted,
            Back(I18n("common-back")),
            state=MainMenuSG.invite_help,
        ),
    )
