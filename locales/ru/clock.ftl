## Clock-in and clock-out (C5)

clock-choose-title = 🟢 <b>Открыть смену</b>
clock-choose-planned = Ваши смены на сегодня — выберите, какую открываете:
clock-choose-no-planned = На сегодня у вас нет запланированных смен.
clock-choose-spontaneous = Можно открыть внеплановую смену на объекте:
clock-choose-nothing = Открыть нечего: ни смен по графику, ни объектов с внеплановыми сменами. Если это ошибка — напишите руководителю.
clock-spontaneous-item = ⚡ { $object } — без плана
clock-planned-item = { $object } · { $start }–{ $end }
clock-already-open = ⚠️ У вас уже открыта смена — вот она.

clock-ask-location =
    📍 <b>{ $object }</b>
    { $period }

    Нажмите кнопку «📍 Отправить геопозицию» внизу экрана. Подойдёт и трансляция геопозиции.
clock-ask-location-live =
    📍 <b>{ $object }</b>
    { $period }

    На этом объекте нужна <b>трансляция</b> геопозиции: 📎 → Геопозиция → «Транслировать геопозицию». Если вы уже транслируете её боту, подойдёт её следующее обновление.
clock-period-planned = Смена по графику: { $start }–{ $end }
clock-period-spontaneous = Внеплановая смена
clock-send-location = 📍 Отправить геопозицию
clock-location-reminder = Нужна геопозиция — как её отправить, написано ниже. Текст, фото и файлы здесь не подходят.

clock-refused-title = ⛔ <b>Смена не открыта</b>
clock-close-refused-title = ⛔ <b>Смена не закрыта</b>
clock-refused-too-far = Вы в { $distance } м от объекта, а допускается не дальше { $allowed } м (радиус объекта { $radius } м).
clock-refused-forwarded = Пересланная геопозиция не принимается: отправьте свою.
clock-refused-stale = Геопозиция устарела: она отправлена больше 2 минут назад. Отправьте новую.
clock-refused-venue = Место, выбранное из списка, не принимается: отправьте свою текущую геопозицию.
clock-refused-not-live = На этом объекте нужна трансляция геопозиции, а не точка на карте: 📎 → Геопозиция → «Транслировать геопозицию».
clock-refused-no-fence = У объекта не указаны координаты, поэтому геопозицию не с чем сравнить. Попросите руководителя одобрить открытие.
clock-ask-approval = 🙋 Попросить руководителя одобрить
clock-approval-requested = ✉️ Запрос отправлен руководителю. Если его одобрят, смена откроется со временем этой попытки.
clock-try-again = 🔁 Отправить геопозицию ещё раз

clock-card-title = 🟢 <b>Смена открыта</b>
clock-card =
    🏢 { $object }
    🕘 Начало: { $opened }
    💰 Ставка: { $rate } в час
clock-card-planned = 📅 По графику: { $planned_start }–{ $planned_end }
clock-card-paid-from = 💵 Оплата считается с { $paid_from }
clock-card-late = ⏰ Опоздание: { $late_minutes } мин, штраф { $late_fine }
clock-no-open-shift = У вас нет открытой смены. Откройте её кнопкой «🟢 Открыть смену» в меню.
clock-close = 🔴 Закрыть смену
clock-close-ask-location = 📍 Чтобы закрыть смену на объекте «{ $object }», нажмите кнопку «📍 Отправить геопозицию» внизу экрана. Подойдёт и трансляция геопозиции.
clock-close-ask-location-live = 📍 Чтобы закрыть смену на объекте «{ $object }», нужна <b>трансляция</b> геопозиции: 📎 → Геопозиция → «Транслировать геопозицию». Если трансляция ещё идёт, подойдёт её следующее обновление.
clock-close-warning =
    ⚠️ <b>Не выполнены обязательные задачи: { $count }</b>
    { $tasks_list }
clock-close-warning-line = ❗ { $title }
clock-close-warning-line-fine = ❗ { $title } — штраф { $fine }
clock-close-warning-fine = Если закрыть смену сейчас, будет штраф: { $fine }.
clock-close-warning-cleared = ✅ Все обязательные задачи выполнены, смену можно закрывать.
clock-close-anyway = 🔴 Всё равно закрыть
clock-back-to-checklist = 📋 К задачам

clock-summary =
    🔴 <b>Смена закрыта</b>
    🏢 { $object }
    🕘 { $opened } — { $closed }
    ⏱ Отработано: { $worked } мин
    💰 Ставка: { $rate } в час
    💵 Начислено: { $pay }
clock-summary-late = ⏰ Опоздание: { $late_minutes } мин, штраф { $late_fine }
clock-to-menu = ⬅️ В меню

onshift-choose-object = 👷 <b>Кто на смене</b>
    Выберите объект:
onshift-no-objects = У вас нет объектов, где можно смотреть смены.
onshift-title = 👷 <b>{ $object }</b>: на смене сейчас — { $count }
onshift-empty = Сейчас на смене никого нет.
onshift-item = { $employee } · с { $opened }
onshift-item-late = { $employee } · с { $opened } · ⏰ { $late_minutes } мин
onshift-card =
    👤 <b>{ $employee }</b>
    🏢 { $object }
    🕘 На смене с { $opened }
onshift-card-late = ⏰ Опоздание: { $late_minutes } мин, штраф { $late_fine }
onshift-card-gone = Эта смена уже закрыта.
onshift-close = 🛑 Закрыть смену
onshift-ask-reason = Напишите, почему вы закрываете смену сотрудника { $employee }:
onshift-closed = Смена сотрудника { $employee } закрыта. Причина: { $reason }

approve-title = 🙋 <b>Одобрить открытие смены?</b>
approve-details =
    👤 { $employee }
    🏢 { $object }
    🕘 Попытка в { $time }
approve-confirm = ✅ Одобрить
approve-unavailable = Эту попытку одобрить нельзя: она уже одобрена, не была отклонена или вам недоступна.
approve-done = ✅ Одобрено: смена сотрудника { $employee } открыта с { $time }.

error-shift-already-open = У вас уже открыта смена.
error-no-open-shift = У вас нет открытой смены.
error-shift-not-openable = Эту смену открыть нельзя.
error-shift-not-openable-ended = Эта смена уже закончилась.
error-shift-not-openable-worked = Эта смена уже отработана.
error-shift-not-openable-cancelled = Эта смена отменена.
error-shift-too-early = Рано: смену можно открыть не раньше чем за { $minutes } мин до начала — с { $opens_at }.
error-spontaneous-not-allowed = На этом объекте нельзя открыть внеплановую смену.
error-location-required = Чтобы закрыть смену, нужна геопозиция.
error-attempt-not-approvable = Эту попытку нельзя одобрить.
error-attempt-not-approvable-approved = Эта попытка уже одобрена.
error-attempt-not-approvable-accepted = Эта попытка не была отклонена — одобрять нечего.
error-shift-not-open = Эта смена уже закрыта.

notify-shift_opened = 🟢 { $employee } открыл(а) смену: { $object }, { $opened }{ $late_minutes ->
        [0] {""}
       *[other] , опоздание { $late_minutes } мин
    }
notify-shift_closed = 🔴 { $employee } закрыл(а) смену: { $object }, { $opened }–{ $closed }, отработано { $worked_minutes } мин.
notify-shift_auto_closed =
    ⏹ Смена { $employee } на объекте «{ $object }» закрыта автоматически в { $closed }: её забыли закрыть. Отработано { $worked_minutes } мин.
    ⚠️ Закрыта автоматически, нужна проверка: время окончания — предположение, пока часы не исправят.
notify-clock_in_refused = ⛔ { $employee }: смена не открыта ({ $object }, { $time }) — { $reason ->
        [too-far] { $distance_m } м от объекта, радиус { $radius_m } м
        [forwarded] пересланная геопозиция
        [stale] устаревшая геопозиция
        [venue] место из списка вместо геопозиции
        [not-live] точка на карте вместо трансляции
       *[other] у объекта нет координат
    }.
notify-clock_in_approval = 🙋 { $employee } просит одобрить открытие смены: { $object }, попытка в { $time }.
notify-clock_in_approved = ✅ { $approver } одобрил(а) открытие вашей смены: { $object }, с { $time }.
notify-shift_closed_by_manager = 🛑 { $closer } закрыл(а) вашу смену ({ $object }) в { $closed }. Причина: { $reason }
notify-button-approve-clock-in = ✅ Рассмотреть запрос
notify-button-correct-shift = ✏️ Исправить часы
