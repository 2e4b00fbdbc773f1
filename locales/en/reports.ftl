## Reports (C10): the owner's and managers' reports, charts, Excel, AI insights; my stats

reports-period-title =
    📊 <b>Reports</b>
    Which period?
reports-period-today = Today
reports-period-yesterday = Yesterday
reports-period-this_week = This week
reports-period-last_week = Last week
reports-period-this_month = This month
reports-period-last_month = Last month
reports-period-custom = 🗓 Custom range
reports-custom-start = 🗓 Pick the <b>first</b> day of the period.
reports-custom-end = 🗓 First day: { $start }. Pick the <b>last</b> day.
reports-scope-title =
    📊 Period: { $start } – { $end }
    Report on whom?
reports-scope-organization = 🏢 Whole organization
reports-scope-object = 🏪 A location
reports-scope-employee = 👤 An employee
reports-pick-object = 🏪 Pick a location.
reports-pick-employee = 👤 Pick an employee.
reports-pick-empty = Nobody here yet.

reports-summary =
    📊 <b>{ $title }</b>, { $start } – { $end }
    Shifts: { $shifts } · hours: { $hours }
    Late arrivals: { $late_arrivals } ({ $late_minutes } min in total)
    No-shows: { $no_shows } · cancellations: { $cancellations } of { $planned } planned
    Tasks: { $tasks_done } of { $tasks_total } done{ $tasks_percent }
reports-summary-money =
    💰 Labour cost: <b>{ $cost }</b>
    Fines: { $fines } · bonuses: { $bonuses }
reports-summary-money-hidden = 💰 Amounts hidden: you need the "view money" permission on every location of the report.
reports-summary-empty = No shifts or plans in this period.
reports-summary-top =
    🏆 Most hours:
    { $top }
reports-summary-bottom =
    🔻 Fewest hours:
    { $bottom }
reports-summary-lateness =
    ⏰ Lateness by employee:
    { $lateness }
reports-person-hours = • { $name }: { $hours } h
reports-person-late = • { $name }: { $count ->
    [one] once
   *[other] { $count } times
}, { $minutes } min
reports-excel = 📥 Excel
reports-ai = 🤖 AI insights
reports-other-period = 📅 Another period
reports-other-scope = 🔁 Another view
reports-dashboard = 📊 Charts in the app
reports-excel-caption = 📊 Report "{ $title }", { $start } – { $end }
reports-chart-caption = 📈 { $title }, { $start } – { $end }

reports-ai-title = 🤖 <b>AI insights</b> — { $title }, { $start } – { $end }
reports-ai-summary = { $summary }
reports-ai-recommendations =
    <b>What to do:</b>
    { $recommendations }
reports-ai-cached = ♻️ Cached answer: the data did not change, no use of the limit.
reports-ai-privacy = 🔒 Only figures were sent to the model, no names or contacts.

reports-chart-hours = Hours
reports-chart-cost = Labour cost, { $currency }
reports-chart-hours-title = { $title }: hours and labour cost, { $start } – { $end }
reports-chart-lateness-title = Lateness by employee, { $start } – { $end }
reports-chart-late-minutes = Minutes late
reports-chart-late-label = { $minutes } min ({ $count }×)

reports-xlsx-summary = Summary
reports-xlsx-employees = Employees
reports-xlsx-days = Days
reports-xlsx-objects = Locations
reports-xlsx-scope = Report
reports-xlsx-period-start = Period start
reports-xlsx-period-end = Period end
reports-xlsx-employee = Employee
reports-xlsx-object = Location
reports-xlsx-date = Date
reports-xlsx-shifts = Shifts
reports-xlsx-hours = Hours
reports-xlsx-cost = Labour cost
reports-xlsx-late-arrivals = Late arrivals
reports-xlsx-late-minutes = Minutes late
reports-xlsx-planned = Planned
reports-xlsx-no-shows = No-shows
reports-xlsx-cancellations = Cancellations
reports-xlsx-tasks-done = Tasks done
reports-xlsx-tasks-total = Tasks total
reports-xlsx-fines = Fines
reports-xlsx-bonuses = Bonuses
reports-xlsx-total = Total

mystats-title = 📈 <b>My stats</b>, { $start } – { $end }
mystats-figures =
    Shifts: { $shifts } · hours: { $hours }
    Earned for shifts: <b>{ $earned }</b>
    Bonuses: { $bonuses } · fines: { $fines }
    Late arrivals: { $late_arrivals } ({ $late_minutes } min in total) · no-shows: { $no_shows }
    Tasks: { $tasks_done } of { $tasks_total } done
mystats-upcoming =
    📅 <b>Upcoming shifts:</b>
    { $upcoming }
mystats-no-upcoming = 📅 No upcoming shifts yet.
mystats-upcoming-line = • { $when } · { $object }

error-ai-unavailable = 🤖 AI insights are unavailable right now. Please try later.
error-ai-unavailable-missing-key = 🤖 AI insights are not set up: the server has no OpenAI key (environment variable <code>OPENAI_API_KEY</code>). Ask the bot's administrator to add one; for another compatible service also <code>OPENAI_BASE_URL</code>.
error-ai-unavailable-timeout = 🤖 The AI service did not answer in time. Your report is still here — try again in a minute.
error-ai-unavailable-unreachable = 🤖 Could not reach the AI service. Please try later.
error-ai-unavailable-failed = 🤖 The AI service returned an error ({ $status }). Please try later; this attempt did not count against your limit.
error-ai-unavailable-empty = 🤖 The AI service sent an empty answer. Please try again.
error-ai-not-in-tariff = 🤖 AI insights are not part of the "{ $tariff }" plan. Upgrade to Pro or Business in "💳 Subscription".
error-ai-daily-limit = 🤖 Today's AI insights limit is used up ({ $limit } a day on your plan). Try again tomorrow, or get more with Business ("💳 Subscription").
error-invalid-input-period-incomplete = Pick both the first and the last day of the period.
error-invalid-input-period-reversed = The last day cannot be before the first one.
error-invalid-input-period-too-long = The period is too long: a year at most.

## Labor cost against sales (the owner's sales figures and target labor %)
reports-summary-labor =
    💰 <b>Labor cost against sales</b> · target {$labor_target}% · days over it: {$labor_over_days}
    {$labor_lines}{ $labor_more ->
        [0] {""}
       *[other] {"\u000A"}… and {$labor_more} more in the Excel file
    }
reports-xlsx-labor = Labor vs sales
reports-xlsx-sales = Sales
reports-xlsx-sales-expected = Expected sales
reports-xlsx-labor-percent = Labor %
reports-xlsx-over-target = Over the target
reports-xlsx-over-target-of = Over the target ({$target}%)
reports-xlsx-yes = yes
