# Notification texts: notify-<kind>, rendered with the notification's payload.
notify-shift_reminder = ⏰ Reminder: your shift at “{ $object_name }” starts on { $start_date } at { $start_time }.
notify-button-open-shift = Start shift
notify-not_clocked_in = 🚨 { $employee } has not clocked in at “{ $object }”: the shift started at { $start_time }, { $minutes } min ago.
notify-tasks_unfinished =
    📋 Your shift at “{ $object }” ends at { $end_time } and some tasks are not done yet ({ $count }):
    { $tasks }
notify-daily_summary =
    📊 <b>Summary for { $date }</b> · { $organization }
    Shifts: { $shifts }, hours: { $hours }
    { $with_cost ->
        [no] Late arrivals: { $late_arrivals }, no-shows: { $no_shows }
       *[yes]
            Labour cost: { $cost }
            Late arrivals: { $late_arrivals }, no-shows: { $no_shows }
    }
    { $birthday_count ->
        [0] {""}
       *[other] 🎂 Birthday today: { $birthdays }
    }

# Kinds the user can switch on and off (settings → notifications).
notify-kind-shift_reminder = Shift reminders
notify-kind-not_clocked_in = Employee has not clocked in
notify-kind-daily_summary = Daily summary
notify-kind-shift-assigned = A shift assigned to me
notify-kind-shift-moved = My shift was moved
notify-kind-cancellation-approved = Shift cancellation approved
notify-kind-cancellation-refused = Shift cancellation refused
notify-kind-shift_closed_by_manager = My shift closed by a manager
notify-kind-tasks_unfinished = Unfinished tasks near the end of a shift
notify-kind-task_proof_rejected = Task proof rejected
notify-kind-payroll_shift_corrected = Shift time corrected
notify-kind-payroll_payslip_ready = Payslip ready
notify-kind-payroll_adjustment = Bonuses and deductions
notify-kind-payroll_payout = Payouts
notify-kind-shift_opened = Feed: shift started
notify-kind-shift_closed = Feed: shift ended
notify-kind-shift_auto_closed = Feed: shift closed automatically
notify-kind-clock_in_refused = Feed: clock-in refused
notify-kind-shift-booked = An employee booked a shift
notify-kind-shift-cancelled = An employee cancelled a shift
notify-kind-cancellation-needs-approval = A cancellation awaits a document check
notify-kind-employee-limit-reached = Tariff employee limit reached

notification-settings = 🔔 Notifications
notification-settings-title = 🔔 <b>Notifications</b>
    Shift reminder: { $lead_minutes } min before.
    Quiet hours: { $quiet_hours }
notification-settings-summary-line = Daily summary: at { $summary_hour }
notification-settings-choose-kinds = Choose which notifications you receive:
notification-settings-quiet-off = off
notification-settings-quiet-window = { $start }–{ $end }
notification-settings-kind-on = ✅ { $label }
notification-settings-kind-off = ⬜ { $label }
notification-settings-lead = ⏰ Reminder time
notification-settings-lead-choose = How many minutes before a shift should we remind you?
notification-settings-lead-option = { $minutes } min
notification-settings-quiet = 🌙 Quiet hours
notification-settings-quiet-choose = During quiet hours non-urgent notifications wait until morning. Choose the hours:
notification-settings-quiet-none = No quiet hours
notification-settings-summary-hour = 📊 Summary time
notification-settings-summary-hour-choose = When should we send you yesterday's summary? The time is in your organization's timezone.

error-invalid-input-notification-kind = This notification cannot be switched off.
error-invalid-input-reminder-lead = Choose a reminder time from the list.
error-invalid-input-quiet-hours = Quiet hours must start and end at different times.
error-invalid-input-daily-summary-hour = Choose a summary time from the list.
