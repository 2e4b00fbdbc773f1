## Overtime and holidays (C21)
rates-open = ⚡ Overtime and holidays
rates-scope-organization = the whole organization
rates-off = off
rates-hours = { $hours } h
rates-overview =
    ⚡ <b>Overtime: { $scope }</b>
    Over hours a day: { $daily }
    Over hours a week (Mon–Sun): { $weekly }
    Overtime pay: ×{ $multiplier } the rate
    Objects with their own rule: { $overrides }

    A shift counts on the day and week it starts; the last minutes of a shift past the threshold are overtime.
rates-follows-organization = This object has no rule of its own: the organization's applies. Change any value to give it its own.
rates-set-daily = 📅 Daily threshold
rates-set-weekly = 🗓 Weekly threshold
rates-set-multiplier = ✖️ Multiplier
rates-per-object = 🏪 An object's rule
rates-holidays = 🎉 Holidays
rates-drop-override = ↩️ Same as the organization
rates-back-to-organization = ⬅️ To the organization's rule
rates-daily-prompt = After how many hours a day is work overtime? Type a number of hours, e.g. 8. 0 turns daily overtime off.
rates-weekly-prompt = After how many hours a week (Monday to Sunday) is work overtime? E.g. 40. 0 turns weekly overtime off.
rates-multiplier-prompt = How many times the rate is an overtime minute paid? E.g. 1.5 or 2.
rates-objects-title = Pick the object that needs its own rule:
rates-holidays-title = 🎉 <b>Holidays</b>
    Work on a holiday is paid with its multiplier for the minutes that fall on that day in the object's time.
rates-holidays-empty = No holidays yet.
rates-holidays-remove-hint = Tap a holiday to remove it.
rates-holiday-add = ➕ Add a holiday
rates-holiday-prompt = Type the date, the multiplier and a name, e.g.: 01.01.2027 2 New Year. Without a multiplier it is ×2.
rates-holiday-item = 🗑 { $date } ×{ $multiplier } { $name }
rates-holiday-marked = ✅ Holiday { $date }: ×{ $multiplier }.
rates-holiday-removed = ✅ Holiday removed.
rates-saved = ✅ Saved. The new rule applies to the weeks settled after the change.
rates-override-dropped = ✅ The object follows the organization's rule again.
error-invalid-input-multiplier = Type a multiplier from 1 to { $maximum }, e.g. 1.5 or 2.
payroll-line-overtime_premium = ⏫ { $date } · { $object }: overtime { $minutes } min × { $rate }/h × { $extra } (rate ×{ $multiplier }) = { $amount }
payroll-line-holiday_premium = 🎉 { $date } · { $object }: holiday { $minutes } min × { $rate }/h × { $extra } (rate ×{ $multiplier }) = { $amount }
payroll-type-overtime_premium = Overtime
payroll-type-holiday_premium = Holiday work
rates-planned-overtime = ✅ { $name }: assigned. ⚠️ With this shift, { $name }'s plan for the week has { $hours } h of overtime.
