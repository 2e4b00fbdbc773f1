## Auto-scheduling: filling the week, why a place stays empty, drafts, labor cost

autoschedule-empty-place = {$day} {$start}–{$end} {$object}: { $count ->
    [0] nobody may work here
    [one] 1 person may work here
   *[other] {$count} people may work here
}
autoschedule-why-free = {$name} could take it (the solver ran out of time)
autoschedule-why-time_off = {$name} is on { $detail ->
    [vacation] vacation
    [sick] sick leave
    [unpaid] unpaid leave
   *[other] time off
}
autoschedule-why-unavailable = { $detail ->
    [none] {$name} is unavailable that day
   *[other] {$name} is available only {$detail}
}
autoschedule-why-overlap = {$name} already works at {$object} {$day} {$start}–{$end}
autoschedule-why-travel = {$name} cannot get here in time from {$object} ({$day} {$start}–{$end})
autoschedule-why-rest = {$name} would not rest long enough around {$object} {$day} {$start}–{$end}
autoschedule-why-day_hours = {$name} would work {$hours} h that day (at most {$limit})
autoschedule-why-week_hours = {$name} would work {$hours} h this week (at most {$limit})
autoschedule-why-consecutive_days = {$name} would work {$days} days in a row (at most {$limit})

menu-autoschedule = ✨ Fill the week
autoschedule-pick-scope = ✨ <b>Fill the week</b>
    The solver puts people on the free places of your slots within every rule, at the lowest cost. Which object?
autoschedule-no-objects = You plan no objects yet.
autoschedule-whole-organization = 🏢 All my objects
autoschedule-pick-week = Which week?
autoschedule-summary = 📝 <b>Draft {$first_day} – {$last_day}</b>
    Filled {$filled} of {$places} places · cost {$cost} · overtime {$overtime} h
    Solved in {$solve_s} s (limit {$limit_s} s).
autoschedule-summary-proven = ✅ No schedule can fill more places.
autoschedule-summary-not-proven = ⏱ The time limit ran out before the solver could prove no schedule fills more.
autoschedule-summary-hours = 
    <b>Hours in the week</b> (with shifts already planned):
    {$person_hours}
autoschedule-summary-empty = 
    <b>Still empty</b>:
    {$empty_lines}
autoschedule-summary-goals = 
    Goals in order: {$goals}. The draft is not a plan yet: nobody sees it until you publish.
autoschedule-goal-fill = most places filled
autoschedule-goal-overtime = least overtime
autoschedule-goal-cost = lowest cost
autoschedule-goal-fairness = hours closest to each person's target
autoschedule-goal-preferences = preferred times
autoschedule-person-hours = {$name}: {$hours} h
autoschedule-publish = ✅ Publish
autoschedule-review = 📝 Review assignments
autoschedule-fill-again = 🔁 Fill again
autoschedule-review-title = Tap an assignment to give the place to someone else or take it off the draft:
autoschedule-review-empty = The draft has no assignments.
autoschedule-draft-line = ❌ {$day} {$start}–{$end} {$object} — {$name}
autoschedule-published = ✅ Published {$published} shifts; {$people} people were told about their week.
autoschedule-published-skipped = {$skipped} assignments could no longer be made (the slot was filled or the person is busy); those places are still free.
notify-schedule-published = 📅 Your shifts for the week ({$count}):
    {$shifts}
miniapp-drafted = A draft of "Fill the week", not published yet
autoschedule-labor = 💰 Sales and labor %
autoschedule-labor-title = 💰 <b>Labor cost against sales</b> (the draft included)
    Target: {$target}% · days over it: {$over_days}
    {$labor_lines}

    Send sales as lines “Object; 03.03.2026; 45000” (days ahead count as expected sales) or a CSV or Excel file with these three columns. Send “25%” to set the target labor %.
autoschedule-labor-none = No planned work or sales this week yet.
labor-line = { $over ->
    [yes] 🔴
   *[no] ▫️
} {$day} {$object}: labor {$cost}, sales {$sales}{ $expected ->
    [yes] {" "}(expected)
   *[no] {""}
}, {$percent}%
error-invalid-input-sales-line = Line {$line} could not be read. Write it like this: “Object; 03.03.2026; 45000”.
error-invalid-input-sales-object = There is no object “{$name}” in this organization.
error-invalid-input-sales-file = The file could not be read. Send a CSV (UTF-8) or an Excel .xlsx file.
autoschedule-rules = ⚙️ Rules
autoschedule-rules-title = ⚙️ <b>Rules the solver keeps</b>
    They apply to everyone whose contract sets no limits of its own (staff card → ⏱ Hours and limits). Tap one to change it.
autoschedule-limit-min_rest_hours = Rest between shifts: {$value} h
autoschedule-limit-max_day_hours = At most a day: {$value} h
autoschedule-limit-max_week_hours = At most a week: {$value} h
autoschedule-limit-max_consecutive_days = Days in a row: at most {$value}
autoschedule-limit-overtime_week_hours = Overtime after: {$value} h a week
autoschedule-limit-travel = 🚗 Travel to {$object}: {$value} min
autoschedule-rule-value = Type the new value as a whole number.
error-autoschedule-not-allowed = This person can no longer take this place (their availability, time off or other shifts do not allow it).
autoschedule-draft-title = {$day} {$start}–{$end} {$object} — {$name}
autoschedule-draft-instead = Who could take this place instead:
autoschedule-draft-drop = ❌ Take off the draft
autoschedule-more = …and {$count} more
