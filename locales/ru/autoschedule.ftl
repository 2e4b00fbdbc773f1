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

menu-autoschedule = ✨ Заполнить неделю
autoschedule-pick-scope = ✨ <b>Заполнить неделю</b>
    Решатель расставит людей на свободные места ваших смен по всем правилам и с наименьшими затратами. Какой объект?
autoschedule-no-objects = Вы пока не планируете ни один объект.
autoschedule-whole-organization = 🏢 Все мои объекты
autoschedule-pick-week = Какая неделя?
autoschedule-summary = 📝 <b>Черновик {$first_day} – {$last_day}</b>
    Заполнено {$filled} из {$places} мест · затраты {$cost} · переработка {$overtime} ч
    Расчёт занял {$solve_s} с (лимит {$limit_s} с).
autoschedule-summary-proven = ✅ Больше мест не заполнит никакое расписание.
autoschedule-summary-not-proven = ⏱ Лимит времени кончился раньше, чем решатель доказал, что больше мест не заполнить.
autoschedule-summary-hours = 
    <b>Часы за неделю</b> (вместе с уже запланированными сменами):
    {$person_hours}
autoschedule-summary-empty = 
    <b>Остались пустыми</b>:
    {$empty_lines}
autoschedule-summary-goals = 
    Цели по порядку: {$goals}. Черновик — ещё не план: никто его не видит, пока вы не опубликуете.
autoschedule-goal-fill = больше всего заполненных мест
autoschedule-goal-overtime = меньше переработок
autoschedule-goal-cost = меньше затрат
autoschedule-goal-fairness = часы ближе к норме каждого
autoschedule-goal-preferences = удобное людям время
autoschedule-person-hours = {$name}: {$hours} ч
autoschedule-publish = ✅ Опубликовать
autoschedule-review = 📝 Проверить назначения
autoschedule-fill-again = 🔁 Заполнить заново
autoschedule-review-title = Нажмите на назначение, чтобы отдать место другому или убрать его из черновика:
autoschedule-review-empty = В черновике нет назначений.
autoschedule-draft-line = ❌ {$day} {$start}–{$end} {$object} — {$name}
autoschedule-published = ✅ Опубликовано смен: {$published}; людей, получивших своё расписание: {$people}.
autoschedule-published-skipped = Не удалось назначить: {$skipped} (смена уже заполнена или человек занят); эти места остались свободными.
notify-schedule-published = 📅 Ваши смены на неделю ({$count}):
    {$shifts}
miniapp-drafted = Черновик «Заполнить неделю», ещё не опубликован
autoschedule-labor = 💰 Выручка и доля ФОТ
autoschedule-labor-title = 💰 <b>Затраты на персонал и выручка</b> (вместе с черновиком)
    Цель: {$target}% · дней выше цели: {$over_days}
    {$labor_lines}

    Пришлите выручку строками «Объект; 03.03.2026; 45000» (будущие дни считаются ожидаемой выручкой) или файл CSV или Excel с этими тремя столбцами. Пришлите «25%», чтобы задать целевую долю ФОТ.
autoschedule-labor-none = На этой неделе пока нет ни смен, ни выручки.
labor-line = { $over ->
    [yes] 🔴
   *[no] ▫️
} {$day} {$object}: ФОТ {$cost}, выручка {$sales}{ $expected ->
    [yes] {" "}(ожидается)
   *[no] {""}
}, {$percent}%
error-invalid-input-sales-line = Не получилось прочитать строку {$line}. Напишите так: «Объект; 03.03.2026; 45000».
error-invalid-input-sales-object = В организации нет объекта «{$name}».
error-invalid-input-sales-file = Не получилось прочитать файл. Пришлите CSV (UTF-8) или файл Excel .xlsx.
autoschedule-rules = ⚙️ Правила
autoschedule-rules-title = ⚙️ <b>Правила, которые соблюдает решатель</b>
    Действуют для всех, у кого в договоре нет своих лимитов (карточка сотрудника → ⏱ Часы и лимиты). Нажмите, чтобы изменить.
autoschedule-limit-min_rest_hours = Отдых между сменами: {$value} ч
autoschedule-limit-max_day_hours = Не больше в день: {$value} ч
autoschedule-limit-max_week_hours = Не больше в неделю: {$value} ч
autoschedule-limit-max_consecutive_days = Дней подряд: не больше {$value}
autoschedule-limit-overtime_week_hours = Переработка после: {$value} ч в неделю
autoschedule-limit-travel = 🚗 Дорога до {$object}: {$value} мин
autoschedule-rule-value = Введите новое значение целым числом.
error-autoschedule-not-allowed = Этот человек уже не может занять это место (не позволяют доступность, отгул или другие смены).
autoschedule-draft-title = {$day} {$start}–{$end} {$object} — {$name}
autoschedule-draft-instead = Кто может занять это место вместо:
autoschedule-draft-drop = ❌ Убрать из черновика
autoschedule-more = …и ещё {$count}
