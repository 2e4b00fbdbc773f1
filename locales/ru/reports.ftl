## Reports (C10): the owner's and managers' reports, charts, Excel, AI insights; my stats

reports-period-title =
    📊 <b>Отчёты</b>
    За какой период?
reports-period-today = Сегодня
reports-period-yesterday = Вчера
reports-period-this_week = Эта неделя
reports-period-last_week = Прошлая неделя
reports-period-this_month = Этот месяц
reports-period-last_month = Прошлый месяц
reports-period-custom = 🗓 Свой период
reports-custom-start = 🗓 Выберите <b>первый</b> день периода.
reports-custom-end = 🗓 Первый день: { $start }. Выберите <b>последний</b> день.
reports-scope-title =
    📊 Период: { $start } – { $end }
    По кому отчёт?
reports-scope-organization = 🏢 Вся организация
reports-scope-object = 🏪 Объект
reports-scope-employee = 👤 Сотрудник
reports-pick-object = 🏪 Выберите объект.
reports-pick-employee = 👤 Выберите сотрудника.
reports-pick-empty = Здесь пока никого нет.

reports-summary =
    📊 <b>{ $title }</b>, { $start } – { $end }
    Смен: { $shifts } · часов: { $hours }
    Опоздания: { $late_arrivals } (всего { $late_minutes } мин)
    Неявки: { $no_shows } · отмены: { $cancellations } из { $planned } запланированных
    Задачи: выполнено { $tasks_done } из { $tasks_total }{ $tasks_percent }
reports-summary-money =
    💰 Фонд оплаты: <b>{ $cost }</b>
    Штрафы: { $fines } · премии: { $bonuses }
reports-summary-money-hidden = 💰 Суммы скрыты: нужно право «видеть деньги» на всех объектах отчёта.
reports-summary-empty = За этот период смен и планов нет.
reports-summary-top =
    🏆 Больше всех часов:
    { $top }
reports-summary-bottom =
    🔻 Меньше всех часов:
    { $bottom }
reports-summary-lateness =
    ⏰ Опоздания по сотрудникам:
    { $lateness }
reports-person-hours = • { $name }: { $hours } ч
reports-person-late = • { $name }: { $count } { $count ->
    [one] раз
    [few] раза
   *[other] раз
}, { $minutes } мин
reports-excel = 📥 Excel
reports-ai = 🤖 AI-советы
reports-other-period = 📅 Другой период
reports-other-scope = 🔁 Другой срез
reports-dashboard = 📊 Графики в приложении
reports-excel-caption = 📊 Отчёт «{ $title }», { $start } – { $end }
reports-chart-caption = 📈 { $title }, { $start } – { $end }

reports-ai-title = 🤖 <b>AI-советы</b> — { $title }, { $start } – { $end }
reports-ai-summary = { $summary }
reports-ai-recommendations =
    <b>Что сделать:</b>
    { $recommendations }
reports-ai-cached = ♻️ Ответ из кэша: данные не менялись, лимит не израсходован.
reports-ai-privacy = 🔒 Модели отправлены только цифры, без имён и контактов.

reports-chart-hours = Часы
reports-chart-cost = Фонд оплаты, { $currency }
reports-chart-hours-title = { $title }: часы и фонд оплаты, { $start } – { $end }
reports-chart-lateness-title = Опоздания по сотрудникам, { $start } – { $end }
reports-chart-late-minutes = Минуты опозданий
reports-chart-late-label = { $minutes } мин ({ $count } { $count ->
    [one] раз
    [few] раза
   *[other] раз
})

reports-xlsx-summary = Итоги
reports-xlsx-employees = Сотрудники
reports-xlsx-days = По дням
reports-xlsx-objects = Объекты
reports-xlsx-scope = Отчёт
reports-xlsx-period-start = Начало периода
reports-xlsx-period-end = Конец периода
reports-xlsx-employee = Сотрудник
reports-xlsx-object = Объект
reports-xlsx-date = Дата
reports-xlsx-shifts = Смены
reports-xlsx-hours = Часы
reports-xlsx-cost = Фонд оплаты
reports-xlsx-late-arrivals = Опоздания
reports-xlsx-late-minutes = Минуты опозданий
reports-xlsx-planned = Запланировано
reports-xlsx-no-shows = Неявки
reports-xlsx-cancellations = Отмены
reports-xlsx-tasks-done = Задач выполнено
reports-xlsx-tasks-total = Задач всего
reports-xlsx-fines = Штрафы
reports-xlsx-bonuses = Премии
reports-xlsx-total = Итого

mystats-title = 📈 <b>Моя статистика</b>, { $start } – { $end }
mystats-figures =
    Смен: { $shifts } · часов: { $hours }
    Заработано за смены: <b>{ $earned }</b>
    Премии: { $bonuses } · штрафы: { $fines }
    Опоздания: { $late_arrivals } (всего { $late_minutes } мин) · неявки: { $no_shows }
    Задачи: выполнено { $tasks_done } из { $tasks_total }
mystats-upcoming =
    📅 <b>Ближайшие смены:</b>
    { $upcoming }
mystats-no-upcoming = 📅 Ближайших смен пока нет.
mystats-upcoming-line = • { $when } · { $object }

error-ai-unavailable = 🤖 AI-советы сейчас недоступны. Попробуйте позже.
error-ai-unavailable-missing-key = 🤖 AI-советы не настроены: на сервере не задан ключ OpenAI (переменная окружения <code>OPENAI_API_KEY</code>). Попросите администратора бота добавить ключ; для другого совместимого сервиса — ещё и <code>OPENAI_BASE_URL</code>.
error-ai-unavailable-timeout = 🤖 Сервис AI не ответил вовремя. Отчёт на месте — попробуйте ещё раз через минуту.
error-ai-unavailable-unreachable = 🤖 Не удалось связаться с сервисом AI. Попробуйте позже.
error-ai-unavailable-failed = 🤖 Сервис AI вернул ошибку ({ $status }). Попробуйте позже; лимит за эту попытку не списан.
error-ai-unavailable-empty = 🤖 Сервис AI прислал пустой ответ. Попробуйте ещё раз.
error-ai-not-in-tariff = 🤖 AI-советы не входят в тариф «{ $tariff }». Перейдите на Pro или Business в разделе «💳 Подписка».
error-ai-daily-limit = 🤖 На сегодня лимит AI-советов исчерпан ({ $limit } в день по тарифу). Завтра можно снова, а больше даёт тариф Business («💳 Подписка»).
error-invalid-input-period-incomplete = Выберите и первый, и последний день периода.
error-invalid-input-period-reversed = Последний день не может быть раньше первого.
error-invalid-input-period-too-long = Слишком длинный период: не больше года.

## Затраты на персонал против продаж (продажи и целевой % от владельца)
reports-summary-labor =
    💰 <b>Затраты на персонал против продаж</b> · цель {$labor_target}% · дней выше цели: {$labor_over_days}
    {$labor_lines}{ $labor_more ->
        [0] {""}
       *[other] {"\u000A"}… и ещё {$labor_more} в Excel-файле
    }
reports-xlsx-labor = Труд и продажи
reports-xlsx-sales = Продажи
reports-xlsx-sales-expected = Ожидаемые продажи
reports-xlsx-labor-percent = % на персонал
reports-xlsx-over-target = Выше цели
reports-xlsx-over-target-of = Выше цели ({$target}%)
reports-xlsx-yes = да
