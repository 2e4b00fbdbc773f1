# Availability, calendar feed and birthday (employees and everyone in an organization)
menu-availability = 🗓 When I can work
availability-title =
    🗓 <b>When you can work</b>
    Your manager sees this when planning. Times are the object's local time. Tap a weekday to change it.
availability-no-organization = You are not in any organization yet.
availability-line = { $day }: { $rule }
availability-exceptions =
    <b>Special dates:</b>
    { $exceptions }
availability-rule-all-day = all day
availability-rule-unavailable = ⛔ can't
availability-rule-none = not set
availability-day-title =
    <b>{ $day }</b>: now { $rule }.
    What suits you?
availability-all-day = ✅ Can work all day
availability-preferred-all-day = ⭐ Want to work all day
availability-hours = 🕘 Can work from–to…
availability-preferred-hours = ⭐ Want to work from–to…
availability-unavailable = ⛔ Can't
availability-clear = ↩️ Remove the mark
availability-cleared = The mark for “{ $day }” is removed.
availability-hours-prompt =
    Type the hours for “{ $day }”, e.g. <code>09:00-18:00</code>.
    An end before the start (<code>22-6</code>) runs into the next morning.
availability-exception = 📅 Special date
availability-pick-date = Pick a date that differs from your usual week:
availability-saved = ✅ Saved: { $day } — { $rule }.
availability-reason-day = { $day }: { $rule }
availability-reason-time-off = { $kind }, { $first } – { $last }
availability-calendar = 📆 Shifts in my phone calendar
availability-calendar-text =
    📆 <b>Phone calendar</b>
    Add this link to Google Calendar, Apple Calendar or Outlook as a subscription: your shifts and time off appear there (managers also see their objects' shifts).
    <code>{ $url }</code>
    The link is private. If someone learned it, make a new one — the old one stops working.
availability-calendar-open = 🔗 Open the link
availability-calendar-rotate = 🔄 Make a new link
availability-calendar-rotated = ✅ Done: the old link no longer works, subscribe to the new one.
availability-birthday = 🎂 Birthday
availability-birthday-prompt =
    Type your date of birth, e.g. <code>15.03.1995</code>. On the day your manager sees a reminder in the daily summary. This is optional.
availability-birthday-saved = ✅ Birthday saved.
availability-birthday-removed = Date of birth removed.
availability-birthday-remove = 🗑 Remove the date of birth
calendar-feed-name = StaffProBot: shifts
calendar-own-shift = Shift: { $object_name }
calendar-staff-shift = { $name } — { $object_name }
planning-assign-reason =
    ⛔ <b>{ $name }</b> can't work at this time ({ $why }).
    Assign anyway? Type the reason — it is kept with the shift.
miniapp-availability-reason-needed = { $name } can't work at this time. Type the reason in the comment field and tap “Assign” again.
error-on-time-off = The employee has approved time off then — they can't be planned.
error-outside-availability = This is outside the employee's availability. Give a reason to assign them anyway.
error-invalid-input-birthday-range = The date of birth must be from 1900 up to today.
error-invalid-input-order = The last day can't be before the first one.
error-invalid-input-unavailable-has-no-window = “Can't” takes no hours.
error-invalid-input-range = Pick a weekday from the list.
miniapp-title-availability = When I can work
miniapp-availability-hint = Times are the object's local time. An end before the start runs into the next morning.
miniapp-availability-none = Not set
miniapp-availability-available = Can
miniapp-availability-preferred = ⭐ Want
miniapp-availability-unavailable = ⛔ Can't
miniapp-availability-from = From
miniapp-availability-to = To
miniapp-availability-save = Save
miniapp-availability-saved = { $name }: saved.
availability-mini-app = 📱 Open the week in the Mini App
