# Planning (owners and managers)
planning-title =
    📅 <b>Планирование</b>
    Выберите объект.
planning-no-objects = Нет объектов, которые вы можете планировать. Сначала добавьте объект.
planning-reasons = ❗ Причины отмены
planning-approvals = 📎 Согласования: { $pending_count }
planning-object-title =
    🏢 <b>{ $object_name }</b>
    Часовой пояс: { $timezone }. Все даты и время — местные.
planning-new-slot = ➕ Новый слот
planning-schedule = 📋 Расписание
planning-templates = 🗓 Шаблоны
planning-back-to-objects = ⬅️ К объектам
planning-pick-date = Выберите дату слота:
planning-pick-start = Начало смены { $date }: выберите час и минуты.
planning-pick-end =
    Конец смены (начало в { $start }): выберите час и минуты.
    Если конец раньше начала, смена закончится на следующий день.
planning-pick-places = Смена { $date } { $start }–{ $end }. Сколько сотрудников нужно?
planning-overnight = 🌙 До следующего дня.
planning-overnight-mark = 🌙
planning-slot-created = ✅ Слот создан: { $date } { $start }–{ $end }, мест: { $places }.
planning-another-slot = ➕ Ещё слот
planning-to-day = 📋 Расписание дня
planning-to-object = ⬅️ К объекту
planning-pick-day = Выберите день:
planning-day-title = 📋 <b>{ $object_name }</b>, { $date }
planning-day-empty = Слотов нет.
planning-slot-line = { $start }–{ $end } · { $booked }/{ $places } · { $people }
planning-slot-button = { $start }–{ $end } · { $booked }/{ $places }
planning-nobody = никого
planning-copy-day = 📄 Копировать день
planning-copy-pick = Куда скопировать слоты { $date }? Выберите день.
planning-copied = 📄 Скопировано слотов: { $created }, пропущено (уже есть или в прошлом): { $skipped }.
planning-slot-title =
    🕘 <b>{ $date } { $start }–{ $end }</b>
    Занято мест: { $booked }/{ $places }
planning-assign = 👤 Назначить
planning-unassign = ➖ Снять сотрудника
planning-slot-tasks = 📋 Задачи этого слота
planning-delete-slot = 🗑 Удалить слот
planning-assign-pick = Кого назначить на { $date } { $start }–{ $end }?
planning-assign-nobody = Нет свободных сотрудников этого объекта.
planning-assigned = ✅ { $name }: назначено.
planning-unassign-pick = Кого снять со смены?
planning-unassign-comment = Напишите комментарий для { $name }: почему смена снята.
planning-unassigned = ➖ { $name }: снято со смены.
planning-move = 🔁 Перенести сотрудника
planning-on-board = 🗓 Открыть на доске
planning-move-pick = Кого перенести на другую смену?
planning-move-day = На какой день перенести { $name }?
planning-move-target = { $name } → { $date }: на какую смену?
planning-move-none = В этот день на объекте нет других смен. Выберите другой день.
planning-move-other-day = 📅 Другой день
planning-moved = 🔁 { $name }: перенесено на другую смену.
planning-delete-confirm = Удалить слот { $date } { $start }–{ $end }? Запланировано сотрудников: { $booked }, им придёт уведомление.
planning-delete-yes = 🗑 Да, удалить
planning-slot-deleted = 🗑 Слот удалён.
planning-templates-title = 🗓 <b>Шаблоны недели</b> — { $object_name }
planning-templates-empty = Шаблонов пока нет.
planning-new-template = ➕ Новый шаблон
planning-template-ask-title = Как назвать шаблон? Например, «Будни».
planning-template-title = 🗓 <b>{ $title }</b>
planning-template-empty = В шаблоне пока нет смен.
planning-template-line = { $weekday } { $start }–{ $end } · мест: { $places }
planning-add-item = ➕ Добавить смену
planning-apply = ▶️ Применить к датам
planning-pick-weekday = Выберите день недели:
planning-apply-from = С какой даты применить шаблон «{ $title }»?
planning-apply-to = По какую дату включительно (начало { $date_from })?
planning-applied = ▶️ Создано слотов: { $created }, пропущено (уже есть или в прошлом): { $skipped }.
planning-item-added = ✅ Смена добавлена в шаблон.
planning-item-remove = 🗑 { $line }
planning-item-removed = 🗑 Смена убрана из шаблона.
planning-reasons-title =
    ❗ <b>Причины отмены</b>
    Штраф за отмену позже чем за { $hours } ч до начала: { $fine }.
    Лимит часов в неделю для взятых и обменянных смен: { $weekly_cap ->
        [0] нет
       *[other] { $weekly_cap } ч
    }.
planning-reasons-empty = Список пуст: добавьте причины, из которых сотрудники будут выбирать.
planning-reason-line = • { $title }
planning-reason-line-document = • { $title } — нужен документ
planning-reason-remove = 🗑 { $title }
planning-add-reason = ➕ Добавить причину
planning-set-fine = 💰 Изменить штраф
planning-reason-ask-title = Напишите причину отмены, например «Болезнь».
planning-reason-ask-document = Нужен ли документ (фото) для причины «{ $title }»?
planning-reason-document-yes = 📎 Да, нужен документ
planning-reason-document-no = Нет, без документа
planning-reason-added = ✅ Причина добавлена.
planning-reason-removed = 🗑 Причина убрана из списка.
planning-fine-ask = Напишите сумму штрафа в { $money_sign } (0 — без штрафа).
planning-fine-saved = ✅ Штраф сохранён: { $fine }.
planning-approvals-title = 📎 <b>Согласования</b>: отмены с документами, взятые, переданные смены и обмены.
planning-approvals-empty = Ничего не ждёт решения.
planning-approval-button = { $name } · { $date } { $start }
planning-approval-title =
    📎 <b>{ $name }</b> отменяет смену
    { $object_name }, { $date } { $start }–{ $end }
    Причина: { $reason }
    Фото документа: { $photos }
    Штраф, если отказать: { $fine }
planning-show-documents = 🖼 Показать документы
planning-documents-caption = 📎 Документ к отмене смены: { $name }
planning-approve = ✅ Одобрить
planning-refuse = ❌ Отказать
planning-approved = ✅ Отмена одобрена, штраф снят.
planning-refused = ❌ В отмене отказано, штраф остаётся.
planning-no-fine = нет
planning-lines = { $lines }

# Employee schedule
schedule-title = 📅 <b>Моё расписание</b> на 14 дней
schedule-empty = Смен пока нет.
schedule-line = { $date } { $start }–{ $end } · { $object_name }
schedule-book = ➕ Записаться на смену
schedule-cancel = ✖️ Отменить смену
schedule-booked = ✅ Вы записаны: { $date } { $start }–{ $end }, { $object_name }.
schedule-cancel-pick = Какую смену отменить?
schedule-cancel-reason = Почему вы отменяете смену { $date } { $start }–{ $end }?
schedule-no-reasons = Работодатель ещё не добавил причины отмены. Свяжитесь с руководителем.
schedule-reason-button-document = { $title } 📎
schedule-cancel-document =
    Причина «{ $reason }» требует документ. Пришлите фото (до 5 штук), затем нажмите «✅ Готово».
    Получено фото: { $count }
schedule-document-done = ✅ Готово
schedule-send-photo = Нужна фотография документа. Пришлите фото.
schedule-cancel-confirm = Отменить смену { $date } { $start }–{ $end } ({ $object_name })? Причина: { $reason }.
schedule-cancel-fine-warning = ⚠️ До начала меньше { $hours } ч: будет штраф { $fine }.
schedule-cancel-approval-note = Документ уйдёт руководителю на согласование; если его одобрят, штрафа не будет.
schedule-cancel-yes = ✖️ Да, отменить
schedule-cancelled = Смена отменена.
schedule-cancelled-fine = Смена отменена. Штраф за позднюю отмену: { $fine }.
schedule-cancelled-pending = Смена отменена, документ отправлен руководителю на согласование.

# Errors of planning
error-slot-full = Мест на эту смену больше нет ({ $booked }/{ $max }).
error-shift-overlap = В это время уже есть другая запланированная смена.
error-not-on-object = Сотрудник не работает на этом объекте.
error-slot-in-past = Эта смена уже началась или прошла.
error-self-booking-off = На этом объекте на смены записывает руководитель.
error-already-on-slot = Сотрудник уже записан на эту смену.
error-slot-exists = Такой слот уже есть.
error-shift-not-planned = Эта смена уже отменена.
error-document-required = Для этой причины нужно фото документа.
error-cancellation-not-pending = По этой отмене уже принято решение.
error-shift-already-opened = Сотрудник уже открыл эту смену — перенести её нельзя.
error-invalid-input-same-times = Начало и конец совпадают. Выберите другое время.
error-invalid-input-dst-gap = В этот день переводят часы, и такого интервала нет. Выберите другое время.
error-invalid-input-reversed = Конечная дата раньше начальной.
error-invalid-input-capacity = Укажите от 1 до { $limit } сотрудников.

# Notifications of planning
notify-shift-assigned = 📅 Вас назначили на смену: { $object_name }, { $date } { $start }–{ $end }.
notify-shift-unassigned = ➖ Вас сняли со смены { $object_name }, { $date } { $start }–{ $end }. Комментарий: { $comment }
notify-shift-moved = 🔁 Вашу смену перенесли: была { $from_object_name }, { $from_date } { $from_start }–{ $from_end }, теперь { $object_name }, { $date } { $start }–{ $end }.
notify-slot-deleted = 🗑 Смена { $object_name }, { $date } { $start }–{ $end } удалена из графика.
notify-shift-booked = 📅 { $employee_name } записался(ась) на смену: { $object_name }, { $date } { $start }–{ $end }.
notify-shift-cancelled = ✖️ { $employee_name } отменил(а) смену { $object_name }, { $date } { $start }–{ $end }. Причина: { $reason }.
notify-cancellation-needs-approval = 📎 { $employee_name } отменил(а) смену { $object_name }, { $date } { $start }–{ $end } (причина: { $reason }) и прислал(а) документ. Откройте «📅 Планирование» → «📎 Согласования».
notify-cancellation-approved = ✅ Документ об отмене смены { $object_name }, { $date } { $start }–{ $end } одобрен. Штрафа нет.
notify-cancellation-refused = ❌ Документ об отмене смены { $object_name }, { $date } { $start }–{ $end } не принят.

## Жёсткие правила рабочего времени (те же, что соблюдает автопланирование)
error-breaks-work-rule = Эта смена нарушила бы правило рабочего времени.
error-breaks-work-rule-overlap = Эта смена пересекается с другой: {$day} {$start}–{$end}.
error-breaks-work-rule-travel = Не успеть доехать после смены {$day} {$start}–{$end}.
error-breaks-work-rule-rest = Слишком мало отдыха рядом со сменой {$day} {$start}–{$end}.
error-breaks-work-rule-day_hours = Получится {$hours} ч работы в этот день (не больше {$limit}).
error-breaks-work-rule-week_hours = Получится {$hours} ч работы за неделю (не больше {$limit}).
error-breaks-work-rule-consecutive_days = Получится {$days} рабочих дней подряд (не больше {$limit}).
