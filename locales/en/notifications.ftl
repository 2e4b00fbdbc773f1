# Notification texts: notify-<kind>, rendered with the notification's payload.
notify-shift_reminder = ⏰ Reminder: your shift at “{ $object_name }” starts on { $start_date } at { $start_time }.
notify-button-open-shift = Open shift

# Kinds the user can switch on and off (settings → notifications).
notify-kind-shift_reminder = Shift reminders
notify-kind-not_clocked_in = Employee has not clocked in
notify-kind-daily_summary = Daily summary

notification-settings = 🔔 Notifications
notification-settings-title = 🔔 <b>Notifications</b>
    Shift reminder: { $lead_minutes } min before.
    Quiet hours: { $quiet_hours }
    Choose which notifications you receive:
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

error-invalid-input-notification-kind = This notification cannot be switched off.
error-invalid-input-reminder-lead = Choose a reminder time from the list.
error-invalid-input-quiet-hours = Quiet hours must start and end at different times.
