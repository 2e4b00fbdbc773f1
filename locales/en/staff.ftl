staff-list-employees = 👥 <b>Employees</b> ({ $count })
staff-list-managers = 🧑‍💼 <b>Managers</b> ({ $count })
staff-list-search = Search: “{ $search }”
staff-list-nobody = Nobody found.
staff-list-hint = To find someone, type part of their name.
staff-reset-search = ✖️ Clear search
staff-show-managers = 🧑‍💼 Managers
staff-show-employees = 👥 Employees
staff-status-active = working
staff-status-ended = dismissed
staff-card =
    👤 <b>{ $name }</b>
    Role: { $role }
    Status: { $status }
    Since: { $since }
    Locations: { $objects }
staff-card-ended = Dismissed on: { $ended_on }
staff-card-rate = Current rate: { $rate } per hour
staff-card-no-rate = No own rate: the shift's or the location's rate applies.
staff-card-next-rate = From { $next_rate_from }: { $next_rate } per hour
staff-object-permissions = { $object } ({ $permissions })
staff-object-permission-count = { $object } · permissions: { $count }
staff-change-rate = 💰 Change rate
staff-change-objects = 📍 Change locations
staff-manager-permissions = 🔐 Permissions per location
staff-dismiss = 🚪 Dismiss
staff-to-list = ⬅️ To the list
staff-ask-rate =
    Type the new hourly rate in { $money_sign } (for example, 350 or 350.50).
    Or press "No own rate": the shift's or the location's rate will apply.
staff-without-rate = No own rate
staff-ask-rate-date =
    From which day does the new rate apply? Press "From today" or type a date such as 15.03.2026.
    Shifts before that date keep the old rate.
staff-from-today = 📅 From today
staff-choose-objects = Which locations does the employee work at? Tick them and press "Save".
staff-save = 💾 Save
staff-ask-dismiss-date =
    Last working day: press "Today" or type a date such as 15.03.2026.
    Shift and pay history are kept.
staff-dismiss-today = 🚪 Today
staff-ask-dismiss-release =
    { $name } has planned shifts ahead: { $upcoming_shifts }.
    What should happen to them after the dismissal? They will get no more reminders or notifications.
staff-release-open-places = 📢 Keep them as open shifts
staff-release-cancel = ✖️ Cancel them
staff-released-open_places = 📢 The dismissed employee's shifts ({ $count }) are open now: colleagues can take them.
staff-released-cancel = ✖️ The dismissed employee's shifts ({ $count }) are cancelled and removed from the schedule.
staff-choose-manager-object = Choose a location to change the manager's permissions there.
staff-choose-permissions = Permissions at “{ $object_name }”. Untick everything to take the location away from the manager.

staff-permission-view = 👁 View
staff-permission-edit_objects = 🏢 Edit locations
staff-permission-plan = 📅 Planning
staff-permission-manage_staff = 👥 Staff
staff-permission-view_money = 💵 View money
staff-permission-edit_money = 💰 Edit money

error-invalid-input-rate-not-a-number = Type the rate as a number in { $money_sign }, for example 350 or 350.50.
error-invalid-input-rate-not-positive = The rate must be greater than zero.
error-invalid-input-rate-too-large = That rate is too high: at most { $limit } { $money_sign } per hour.
error-invalid-input-date-format = I couldn't read the date. Type it like this: 15.03.2026.
error-invalid-input-date-before-start = That date is before the contract started. Choose a later date.
error-invalid-input-date-in-future = A dismissal date can't be in the future. Press "Today" or type a past date.
error-invalid-input-date-too-far = That date is too far ahead: at most a year from now.
error-invalid-input-membership-ended = This person has already been dismissed.
error-invalid-input-no-objects = Tick at least one location.
error-invalid-input-no-permissions = Tick at least one permission.

## A contract's own scheduling limits and weekly target
staff-change-limits = ⏱ Hours and limits
staff-limits =
    ⏱ <b>Hours and limits of the contract</b>
    The auto-scheduler and planning keep them; where the contract sets none, the organization's apply. The target is the weekly hours the auto-scheduler steers towards (without it, an even share). Tap one to change it.
staff-limit-max_day_hours = At most a day: {$value} h{ $own ->
    [yes] {""}
   *[other] {" "}(organization's)
}
staff-limit-max_week_hours = At most a week: {$value} h{ $own ->
    [yes] {""}
   *[other] {" "}(organization's)
}
staff-limit-max_consecutive_days = Days in a row: at most {$value}{ $own ->
    [yes] {""}
   *[other] {" "}(organization's)
}
staff-limit-target_week_hours = { $own ->
    [yes] Target: {$value} h a week
   *[other] Target: an even share of the week
}
staff-limit-name-max_day_hours = the most hours a day
staff-limit-name-max_week_hours = the most hours a week
staff-limit-name-max_consecutive_days = the most working days in a row
staff-limit-name-target_week_hours = the target hours a week
staff-ask-limit = Type {$what} for this contract, a whole number from {$minimum} to {$maximum}:
staff-limit-organization = ↩️ As the organization's
staff-limit-saved = ⏱ Saved from today.
