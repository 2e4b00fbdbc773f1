## Pay types: by the hour, a monthly salary, by the hour plus bonuses (staff card and
## payslip lines).

staff-card-salary = Monthly salary: { $salary } (prorated by the days of each month the contract covers; shifts are not paid by the hour)
staff-card-bonus = By the hour plus bonuses: { $shift_bonus } per shift with every mandatory task done, { $period_bonus } per pay period without an undone mandatory task
staff-change-pay-type = 💼 Pay type
staff-pay-type-ask =
    💼 <b>How is this person paid?</b>
    The change applies from today; earlier shifts keep their pay.
staff-pay-hourly = 🕘 By the hour
staff-pay-salary = 🗓 Monthly salary
staff-pay-bonus = ⭐ By the hour plus bonuses
staff-ask-salary = 🗓 Type the monthly salary, e.g. 60000. A period that covers part of a month gets that month's share by days (12 days of a 31-day month: 12/31).
staff-ask-shift-bonus = ⭐ Bonus for each shift with every mandatory task done? Type the amount, e.g. 300.
staff-no-shift-bonus = No bonus per shift
staff-ask-period-bonus = 🏅 Bonus per pay period, paid when the person worked in it and left no mandatory task undone? Type the amount, e.g. 2000.
staff-no-period-bonus = No bonus per period
staff-pay-type-changed = 💼 Pay type saved. Salary and bonuses are counted when the pay period closes.
error-invalid-input-rate-salaried = This person is on a monthly salary: change the pay type to “By the hour” first.

payroll-line-salary-share = 🗓 { $first } – { $last } · salary { $salary } × { $days }/{ $month_days } days of the month → { $amount }
payroll-line-salary = 🗓 { $date } · salary → { $amount }
payroll-line-shift_bonus = ⭐ { $date } · { $object }: bonus for the shift, every mandatory task done → { $amount }
payroll-line-period_bonus = 🏅 { $date } · bonus for the period → { $amount }
payroll-type-salary = Salary
payroll-type-shift_bonus = Shift bonus
payroll-type-period_bonus = Period bonus
