"""Payroll windows: owners and managers see periods, everyone's payslips, the explain
view, add bonuses and deductions, record payouts (whole or partial), correct a closed
shift's times and export Excel; the owner sets how periods are cut; employees see their
own payslip ("💰 Мой заработок") and why it is that amount."""

from aiogram import F
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo, WebApp
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column, choice_grid
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.payroll import getters, handlers
from dialogs.payroll.states import MyPaySG, PayrollSG
from dialogs.planning.widgets import Notice

# Incidents and requests linked from a payslip's explanation, buttons to a row.
CASES_PER_ROW = 3


def payroll_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("payroll-periods-title"),
            choice_column("periods", "periods", handlers.period_chosen),
            SwitchTo(
                I18n("payroll-settings"),
                id="settings",
                state=PayrollSG.settings_kind,
                when="can_configure",
            ),
            Cancel(I18n("common-back")),
            state=PayrollSG.periods,
            getter=getters.get_periods,
        ),
        Window(
            Notice(),
            I18n("payroll-period-title"),
            I18n("payroll-period-totals", when="has_people"),
            I18n("payroll-period-empty", when="is_empty"),
            choice_column("people", "people", handlers.employee_chosen),
            Button(I18n("payroll-export"), id="export", on_click=handlers.export_clicked),
            SwitchTo(
                I18n("payroll-close-period"),
                id="close",
                state=PayrollSG.close_confirm,
                when="can_close",
            ),
            back_to(PayrollSG.periods),
            state=PayrollSG.period,
            getter=getters.get_period,
        ),
        Window(
            I18n("payroll-close-confirm"),
            Button(I18n("payroll-close-yes"), id="close_yes", on_click=handlers.close_confirmed),
            back_to(PayrollSG.period),
            state=PayrollSG.close_confirm,
            getter=getters.get_period,
        ),
        Window(
            Notice(),
            I18n("payroll-payslip"),
            SwitchTo(I18n("payroll-why"), id="why", state=PayrollSG.explain),
            Button(
                I18n("payroll-add-bonus"),
                id="bonus",
                on_click=handlers.start_bonus,
                when="can_adjust",
            ),
            Button(
                I18n("payroll-add-deduction"),
                id="deduction",
                on_click=handlers.start_deduction,
                when="can_adjust",
            ),
            Button(
                I18n("payroll-payout"), id="payout", on_click=handlers.start_payout, when="can_pay"
            ),
            SwitchTo(
                I18n("payroll-correct"),
                id="correct",
                state=PayrollSG.correct_pick,
                when="can_correct",
            ),
            back_to(PayrollSG.period),
            state=PayrollSG.payslip,
            getter=getters.get_payslip,
        ),
        Window(
            I18n("payroll-explain-title"),
            I18n("payroll-explain-lines", when="has_lines"),
            I18n("payroll-explain-empty", when=~F["has_lines"]),
            I18n("payroll-explain-sums"),
            I18n("payroll-payslip-footnote"),
            choice_grid("case", "cases", handlers.case_opened, CASES_PER_ROW, str),
            back_to(PayrollSG.payslip),
            state=PayrollSG.explain,
            getter=getters.get_explain,
        ),
        Window(
            I18n("payroll-adjust-amount-bonus", when="is_bonus"),
            I18n("payroll-adjust-amount-deduction", when="is_deduction"),
            MessageInput(handlers.amount_entered),
            back_to(PayrollSG.payslip),
            state=PayrollSG.adjust_amount,
            getter=getters.get_adjust,
        ),
        text_input_window(
            "payroll-adjust-reason",
            handlers.reason_entered,
            back_to(PayrollSG.payslip),
            state=PayrollSG.adjust_reason,
        ),
        Window(
            I18n("payroll-payout-ask"),
            choice_column("methods", "methods", handlers.payout_method_chosen, type_factory=str),
            back_to(PayrollSG.payslip),
            state=PayrollSG.payout,
            getter=getters.get_payout,
        ),
        text_input_window(
            "payroll-payout-amount",
            handlers.payout_amount_entered,
            Button(
                I18n("payroll-payout-whole"), id="whole", on_click=handlers.payout_whole_balance
            ),
            back_to(PayrollSG.payout),
            state=PayrollSG.payout_amount,
            getter=getters.get_payout,
        ),
        Window(
            I18n("payroll-correct-pick", when="has_shifts"),
            I18n("payroll-correct-none", when="no_shifts"),
            choice_column("shifts", "shifts", handlers.shift_to_correct_chosen),
            back_to(PayrollSG.payslip),
            state=PayrollSG.correct_pick,
            getter=getters.get_correct_pick,
        ),
        text_input_window(
            "payroll-correct-ask",
            handlers.new_times_entered,
            back_to(PayrollSG.correct_pick),
            state=PayrollSG.correct_times,
            getter=getters.get_correct_shift,
        ),
        Window(
            I18n("payroll-correct-confirm"),
            Button(
                I18n("payroll-correct-yes"),
                id="correct_yes",
                on_click=handlers.correction_confirmed,
            ),
            back_to(PayrollSG.correct_times),
            state=PayrollSG.correct_confirm,
            getter=getters.get_correct_shift,
        ),
        Window(
            I18n("payroll-settings-title"),
            choice_column("kinds", "kinds", handlers.period_kind_chosen, type_factory=str),
            back_to(PayrollSG.periods),
            state=PayrollSG.settings_kind,
            getter=getters.get_settings,
        ),
        text_input_window(
            "payroll-settings-pay-day",
            handlers.pay_day_entered,
            back_to(PayrollSG.settings_kind),
            state=PayrollSG.settings_pay_day,
            getter=getters.get_settings,
        ),
        on_start=handlers.remember_correction_target,
    )


def my_pay_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("payroll-payslip", when="found"),
            I18n("payroll-my-empty", when="missing"),
            SwitchTo(I18n("payroll-why"), id="why", state=MyPaySG.explain, when="found"),
            WebApp(
                I18n("payroll-open-payslip"),
                Format("{payslip_url}"),
                id="payslip_page",
                when="payslip_url",
            ),
            SwitchTo(
                I18n("payroll-other-periods"), id="periods", state=MyPaySG.periods, when="found"
            ),
            Cancel(I18n("common-back")),
            state=MyPaySG.payslip,
            getter=getters.get_my_payslip,
        ),
        Window(
            I18n("payroll-explain-title", when="found"),
            I18n("payroll-explain-lines", when="has_lines"),
            I18n("payroll-explain-empty", when=F["found"] & ~F["has_lines"]),
            I18n("payroll-explain-sums", when="found"),
            I18n("payroll-payslip-footnote", when="found"),
            choice_grid("case", "cases", handlers.case_opened, CASES_PER_ROW, str),
            back_to(MyPaySG.payslip),
            state=MyPaySG.explain,
            getter=getters.get_my_explain,
        ),
        Window(
            I18n("payroll-my-periods-title"),
            choice_column("my_periods", "periods", handlers.my_period_chosen),
            back_to(MyPaySG.payslip),
            state=MyPaySG.periods,
            getter=getters.get_my_periods,
        ),
        on_start=handlers.remember_start_period,
    )
