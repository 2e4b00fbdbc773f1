## Автопланирование: заполнение недели, почему место пустое, черновики, доля ФОТ

autoschedule-empty-place = {$day} {$start}–{$end} {$object}: { $count ->
    [0] здесь никто не может работать
    [one] здесь может работать {$count} человек
    [few] здесь могут работать {$count} человека
   *[many] здесь могут работать {$count} человек
}
autoschedule-why-free = {$name} мог(ла) бы выйти (решателю не хватило времени)
autoschedule-why-time_off = {$name} { $detail ->
    [vacation] в отпуске
    [sick] на больничном
    [unpaid] в отпуске за свой счёт
   *[other] в отгуле
}
autoschedule-why-unavailable = { $detail ->
    [none] {$name} в этот день не может
   *[other] {$name} может только {$detail}
}
autoschedule-why-overlap = {$name} уже работает: {$object} {$day} {$start}–{$end}
autoschedule-why-travel = {$name} не успеет доехать после смены: {$object} {$day} {$start}–{$end}
autoschedule-why-rest = у {$name} не будет нужного отдыха рядом со сменой: {$object} {$day} {$start}–{$end}
autoschedule-why-day_hours = у {$name} было бы {$hours} ч за день (можно не больше {$limit})
autoschedule-why-week_hours = у {$name} было бы {$hours} ч за неделю (можно не больше {$limit})
autoschedule-why-consecutive_days = у {$name} было бы {$days} дн. подряд (можно не больше {$limit})
