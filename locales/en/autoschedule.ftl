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
