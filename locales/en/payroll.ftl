## Payroll (C7): periods, payslips, explain view, adjustments, payouts, Excel

payroll-periods-title =
    💰 <b>Payroll</b>
    Pick a period. An open period still collects entries, a closed one is frozen.
payroll-period-button = { $start } – { $end } · { $status ->
    [closed] 🔒 closed
   *[open] 🟢 open
}
payroll-period-title =
    💰 <b>Period { $start } – { $end }</b> ({ $status ->
        [closed] 🔒 closed
       *[open] 🟢 open, pay day { $pay_day }
    })
payroll-period-totals =
    Employees: { $count }
    Earned: { $net } · Paid: { $paid } · Balance: { $balance }
payroll-period-empty = No entries in this period yet.
payroll-period-person = { $name }: { $net } (balance { $balance })
payroll-export = 📊 Export to Excel
payroll-export-caption = 📊 Payroll for { $start } – { $end }
payroll-close-period = 🔒 Close the period
payroll-close-confirm =
    Close the period { $start } – { $end }?
    Its entries will be frozen and employees will get their payslips. Shifts of this period closed later go to the next period.
payroll-close-yes = ✅ Yes, close it
payroll-closed-notice = 🔒 The period is closed, payslips are sent.

payroll-payslip =
    🧾 <b>{ $name }</b>, period { $start } – { $end }{ $frozen ->
        [yes] {" "}(🔒 closed)
       *[no] {""}
    }
    Hours: { $hours }
    Shift pay: { $gross }
    Fines and deductions: { $fines }
    Bonuses: { $bonuses }
    <b>Net: { $net }</b>
    Paid: { $paid }
    <b>Balance due: { $balance }</b>
payroll-why = ❓ Why this amount?
payroll-open-payslip = 💰 Payslip in the app
payroll-add-bonus = ➕ Bonus
payroll-add-deduction = ➖ Deduction
payroll-payout = 💸 Pay out
payroll-explain-title = ❓ <b>How the amount adds up</b> — { $name }, { $start } – { $end }
payroll-explain-empty = No entries yet.
payroll-explain-sums =
    Shifts { $gross }, fines and deductions { $fines }, bonuses { $bonuses }: net <b>{ $net }</b>
    Paid { $paid }, balance <b>{ $balance }</b>.

payroll-line-shift_pay = 🕘 { $date } · { $object }: { $minutes } min × { $rate }/h = { $amount }
payroll-line-late_fine = ⏰ { $date } · { $object }: { $minutes } min late → { $amount }
payroll-line-task_bonus = ⭐ { $date } · task “{ $reason }” done → { $amount }
payroll-line-task_fine = ⚠️ { $date } · mandatory task “{ $reason }” not done → { $amount }
payroll-line-cancellation_fine = ✖️ { $date } · short-notice cancellation ({ $reason }) → { $amount }
payroll-line-manual_bonus = 🎁 { $date } · bonus: { $reason } → { $amount }
payroll-line-manual_deduction = ➖ { $date } · deduction: { $reason } → { $amount }
payroll-line-payout = 💸 { $date } · payout ({ $method }) → { $amount }
payroll-line-reversal = ↩️ correction: { $line }
payroll-line-late = { $line } (for a closed period)
payroll-line-needs-review = { $line } ⚠️ auto-closed, needs review

payroll-type-shift_pay = Shift pay
payroll-type-late_fine = Late fine
payroll-type-task_bonus = Task bonus
payroll-type-task_fine = Task fine
payroll-type-cancellation_fine = Cancellation fine
payroll-type-manual_bonus = Bonus
payroll-type-manual_deduction = Deduction
payroll-type-payout = Payout

payroll-method-cash = 💵 Cash
payroll-method-card = 💳 Card
payroll-method-bank_transfer = 🏦 Bank transfer

payroll-adjust-amount-bonus = ➕ Bonus for { $name }. Type the amount in { $money_sign }, e.g. <code>500</code>.
payroll-adjust-amount-deduction = ➖ Deduction for { $name }. Type the amount in { $money_sign }, e.g. <code>300</code>.
payroll-adjust-reason = Type the reason — the employee will see it.
payroll-adjust-done = ✅ Recorded: { $amount }.
payroll-payout-ask = 💸 Payout to { $name }, balance { $balance }. Choose how:
payroll-payout-amount =
    💸 Payout to { $name } ({ $method }), balance { $balance }.
    Press "Whole balance" or type the amount of a partial payout, e.g. <code>5000</code>.
payroll-payout-whole = Whole balance: { $balance }
payroll-payout-done = ✅ Payout of { $amount } recorded.

payroll-my-empty = You do not work in any organization yet.
payroll-other-periods = 📅 Other periods
payroll-my-periods-title = 📅 Pick a period:

payroll-xlsx-summary-sheet = Summary
payroll-xlsx-detail-sheet = All entries
payroll-xlsx-employee = Employee
payroll-xlsx-hours = Hours
payroll-xlsx-gross = Shift pay
payroll-xlsx-fines = Fines and deductions
payroll-xlsx-bonuses = Bonuses
payroll-xlsx-net = Net
payroll-xlsx-paid = Paid
payroll-xlsx-balance = Balance
payroll-xlsx-date = Date
payroll-xlsx-type = Type
payroll-xlsx-object = Location
payroll-xlsx-minutes = Minutes
payroll-xlsx-rate = Hourly rate
payroll-xlsx-amount = Amount
payroll-xlsx-reason = Reason
payroll-xlsx-late = For a closed period
payroll-xlsx-yes = yes
payroll-xlsx-total = Total

notify-payroll_payslip_ready = 🧾 Your payslip for { $start } – { $end } is ready: { $net } due.
notify-button-open-payslip = 🧾 Open the payslip
notify-payroll_adjustment = { $kind ->
    [manual_bonus] 🎁 You got a bonus of { $amount }
   *[other] ➖ A deduction of { $amount } was made
}. Reason: { $reason }
notify-payroll_payout = 💸 You were paid { $amount } ({ $method ->
    [cash] cash
    [card] to your card
   *[other] bank transfer
}) for { $start } – { $end }.
notify-payroll_shift_corrected = ✏️ The times of your shift on { $date } ({ $object }) were corrected: { $worked_minutes } min, { $pay }.

error-payroll-period-closed = This period is closed: nothing can be added to it.
error-payroll-nothing-to-pay = Nothing to pay: the balance is zero.
error-payroll-over-balance = You cannot pay more than the balance of { NUMBER($balance, minimumFractionDigits: 2) } { $money_sign }. Type a smaller amount.
error-payroll-shift-not-closed = The shift is still running: only a closed shift can be corrected.
error-invalid-input-end-before-start = The end of the shift must be after its start.
error-invalid-input-in-future = The time cannot be in the future.
payroll-explain-lines = { $lines }
payroll-explain-more = … and { $count } more lines — the full list is in your manager's Excel export.

payroll-correct = ✏️ Correct shift times
payroll-correct-pick = ✏️ Which shift of { $name } to correct? Closed shifts of this period are shown.
payroll-correct-none = ✏️ The employee has no closed shifts in this period.
payroll-correct-shift-button = { $date } · { $object } · { $start }–{ $end }{ $needs_review ->
        [yes] {" "}⚠️
       *[no] {""}
    }
payroll-correct-ask =
    ✏️ Shift { $shift }: { $minutes } min, { $pay }.
    Type the right start and end in the location's local time, e.g. <code>07:00-11:30</code>. If the shift ended after midnight, type the end as it was: <code>22:00-06:00</code>. Add a reason after a space and the employee sees it on the payslip: <code>07:00-11:30 forgot to clock out</code>.
payroll-correct-confirm =
    ✏️ Correct shift { $shift } to { $new_start }–{ $new_end }?
    Pay and the late fine are worked out again: the old entries are reversed and new ones added. The employee is notified.
payroll-correct-yes = ✅ Yes, correct it
payroll-correct-done = ✅ Shift times corrected: { $minutes } min, { $pay }.

payroll-settings = ⚙️ Periods and pay day
payroll-kind-weekly = Week
payroll-kind-biweekly = Two weeks
payroll-kind-semi_monthly = Half a month (1st–15th, 16th–end)
payroll-kind-monthly = Month
payroll-settings-title =
    ⚙️ <b>Pay periods</b>
    Now: { $kind }, paid { $offset } days after the period ends.
    The current period { $start } – { $end } (pay day { $pay_day }) stays as it is. New settings take effect from { $effective_from }.
    Choose the period length:
payroll-settings-pay-day =
    Period: { $chosen_kind }.
    How many days after the period ends is pay day? Type a number from 0 to { $max_offset } (now { $offset }).
payroll-settings-saved = ✅ Saved: { $kind }, paid { $offset } days after the period ends — from { $effective_from }. The current period is unchanged.

## Payslip lines that explain themselves (the facts kept with the ledger entry)
payroll-line-shift_pay-times = 🕘 { $date } · { $object }, { $start }–{ $end }: { $minutes } min × { $rate }/h = { $amount }
payroll-line-late_fine-rule = ⏰ { $date } · { $object }: { $minutes } min late − { $grace } min grace = { $fined } min × { $per_minute }/min = { $amount }
payroll-mark-auto-closed = ended automatically
payroll-mark-early-unpaid = early arrival of { $minutes } min not paid
payroll-mark-corrected = corrected by { $name }: { $reason }
payroll-mark-corrected-no-reason = corrected by { $name }
payroll-payslip-footnote = ⓘ Time is counted in whole minutes: the seconds of a shift's last unfinished minute are not paid.
