# Time off: requests and decisions
menu-time-off = 🌴 Отпуск и отгулы
time-off-kind-vacation = Отпуск
time-off-kind-sick = Больничный
time-off-kind-unpaid = За свой счёт
time-off-kind-other = Отгул
time-off-title = 🌴 <b>Отпуск и отгулы</b>
time-off-none = Заявок нет.
time-off-lines = { $lines }
time-off-line =
    { $status ->
        [approved] ✅
       *[requested] ⏳
    } { $kind }: { $dates }
time-off-new = ➕ Попросить отпуск или отгул
time-off-pick-kind = Что вам нужно?
time-off-pick-first = Выберите первый день:
time-off-pick-last = Первый день — { $first }. Выберите последний день (можно тот же) или только часть дня:
time-off-part-of-day = 🕘 Только часть этого дня
time-off-hours-prompt = Напишите часы, например <code>09:00-13:00</code>.
time-off-comment-prompt = Комментарий для руководителя — или нажмите «Без комментария».
time-off-no-comment = ➡️ Без комментария
time-off-requested = ✅ Заявка отправлена. Ответ придёт сюда.
time-off-withdraw = ↩️ Отозвать заявку
time-off-withdraw-pick = Какую заявку отозвать?
time-off-withdrawn = Заявка отозвана.
time-off-approvals = 📥 Заявки сотрудников: { $pending_count }
time-off-approvals-title = 📥 <b>Заявки на отпуск и отгулы</b>
time-off-approvals-none = Новых заявок нет.
time-off-request-card =
    <b>{ $name }</b>: { $kind }
    { $dates }
    Комментарий: { $comment }
time-off-held-shifts = ⚠️ В эти дни у сотрудника запланировано смен: { $held }. Освободить их (места откроются для других) или оставить?
time-off-request-gone = Эту заявку уже рассмотрели или отозвали.
time-off-approve = ✅ Одобрить
time-off-approve-release = ✅ Одобрить и освободить смены
time-off-approve-keep = ✅ Одобрить, смены оставить
time-off-decline = ❌ Отклонить
time-off-decision-comment = Комментарий к решению — или нажмите «Без комментария».
time-off-approved =
    ✅ Одобрено.{ $released ->
        [0] {""}
       *[other] {" "}Освобождено смен: { $released }.
    }
time-off-declined = Заявка отклонена.
notify-time_off_requested =
    🌴 <b>{ $name }</b> просит: { $kind ->
        [vacation] отпуск
        [sick] больничный
        [unpaid] отпуск за свой счёт
       *[other] отгул
    }, { $first } – { $last }.
    Комментарий: { $comment }
    Ответить: меню → «🌴 Отпуск и отгулы».
notify-time_off_decided =
    { $status ->
        [approved] ✅ Одобрено
       *[declined] ❌ Отклонено
    }: { $kind ->
        [vacation] отпуск
        [sick] больничный
        [unpaid] отпуск за свой счёт
       *[other] отгул
    }, { $first } – { $last }. Решение: { $name }. { $decision_comment }
error-time-off-not-pending = Эту заявку уже рассмотрели или отозвали.
error-time-off-has-shifts = Пока вы смотрели, у сотрудника появились смены в эти дни ({ $count }). Откройте заявку снова и выберите, что с ними сделать.
error-time-off-in-past = Эти дни уже прошли. Выберите сегодняшний день или позже.
error-time-off-too-long = Слишком длинный период: не больше { $limit } дней.
reports-summary-time-off =
    🌴 Отпуска и отгулы (дней):
    { $time_off }
reports-person-time-off = { $name }: { $days }
reports-xlsx-time-off = Отпуска
reports-xlsx-time-off-total = Всего дней
