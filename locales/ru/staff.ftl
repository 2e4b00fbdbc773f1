staff-list-employees = 👥 <b>Сотрудники</b> ({ $count })
staff-list-managers = 🧑‍💼 <b>Управляющие</b> ({ $count })
staff-list-search = Поиск: «{ $search }»
staff-list-nobody = Никого не нашлось.
staff-list-hint = Чтобы найти человека, напишите часть имени.
staff-reset-search = ✖️ Сбросить поиск
staff-show-managers = 🧑‍💼 Управляющие
staff-show-employees = 👥 Сотрудники
staff-status-active = работает
staff-status-ended = уволен
staff-card =
    👤 <b>{ $name }</b>
    Роль: { $role }
    Статус: { $status }
    С: { $since }
    Объекты: { $objects }
staff-card-ended = Уволен с: { $ended_on }
staff-card-rate = Ставка сейчас: { $rate } в час
staff-card-no-rate = Своей ставки нет: действует ставка смены или объекта.
staff-card-next-rate = С { $next_rate_from }: { $next_rate } в час
staff-object-permissions = { $object } ({ $permissions })
staff-object-permission-count = { $object } · прав: { $count }
staff-change-rate = 💰 Изменить ставку
staff-change-objects = 📍 Изменить объекты
staff-manager-permissions = 🔐 Права на объектах
staff-dismiss = 🚪 Уволить
staff-to-list = ⬅️ К списку
staff-ask-rate =
    Напишите новую почасовую ставку в { $money_sign } (например, 350 или 350,50).
    Или нажмите «Без своей ставки» — тогда будет действовать ставка смены или объекта.
staff-without-rate = Без своей ставки
staff-ask-rate-date =
    С какого дня действует новая ставка? Нажмите «С сегодняшнего дня» или напишите дату, например 15.03.2026.
    Смены до этой даты сохранят прежнюю ставку.
staff-from-today = 📅 С сегодняшнего дня
staff-choose-objects = На каких объектах работает сотрудник? Отметьте и нажмите «Сохранить».
staff-save = 💾 Сохранить
staff-ask-dismiss-date =
    Последний день работы: нажмите «Сегодня» или напишите дату, например 15.03.2026.
    История смен и выплат сохранится.
staff-dismiss-today = 🚪 Сегодня
staff-ask-dismiss-release =
    У сотрудника { $name } впереди смен в графике: { $upcoming_shifts }.
    Что с ними сделать после увольнения? Напоминаний и уведомлений он больше не получит.
staff-release-open-places = 📢 Оставить как свободные смены
staff-release-cancel = ✖️ Отменить их
staff-released-open_places = 📢 Смены уволенного сотрудника ({ $count }) теперь свободны: коллеги могут их взять.
staff-released-cancel = ✖️ Смены уволенного сотрудника ({ $count }) отменены и убраны из графика.
staff-choose-manager-object = Выберите объект, чтобы изменить права управляющего на нём.
staff-choose-permissions = Права на объекте «{ $object_name }». Снимите все отметки, чтобы убрать объект у управляющего.

staff-permission-view = 👁 Просмотр
staff-permission-edit_objects = 🏢 Изменение объектов
staff-permission-plan = 📅 Планирование
staff-permission-manage_staff = 👥 Сотрудники
staff-permission-view_money = 💵 Просмотр денег
staff-permission-edit_money = 💰 Изменение денег

error-invalid-input-rate-not-a-number = Напишите ставку числом в { $money_sign }, например 350 или 350,50.
error-invalid-input-rate-not-positive = Ставка должна быть больше нуля.
error-invalid-input-rate-too-large = Слишком большая ставка: не больше { $limit } { $money_sign } в час.
error-invalid-input-date-format = Не понял дату. Напишите её так: 15.03.2026.
error-invalid-input-date-before-start = Дата раньше начала работы по договору. Выберите дату позже.
error-invalid-input-date-in-future = Дата увольнения не может быть в будущем. Нажмите «Сегодня» или напишите прошедшую дату.
error-invalid-input-date-too-far = Слишком далёкая дата: не больше чем на год вперёд.
error-invalid-input-membership-ended = Этот человек уже уволен.
error-invalid-input-no-objects = Отметьте хотя бы один объект.
error-invalid-input-no-permissions = Отметьте хотя бы одно право.

## Свои лимиты договора для планирования и целевые часы в неделю
staff-change-limits = ⏱ Часы и лимиты
staff-limits =
    ⏱ <b>Часы и лимиты по договору</b>
    Их соблюдают автопланирование и планирование; где договор своих не задаёт, действуют лимиты организации. Цель — сколько часов в неделю автопланирование старается дать (без неё — поровну). Нажмите, чтобы изменить.
staff-limit-max_day_hours = Не больше в день: {$value} ч{ $own ->
    [yes] {""}
   *[other] {" "}(как в организации)
}
staff-limit-max_week_hours = Не больше в неделю: {$value} ч{ $own ->
    [yes] {""}
   *[other] {" "}(как в организации)
}
staff-limit-max_consecutive_days = Дней подряд: не больше {$value}{ $own ->
    [yes] {""}
   *[other] {" "}(как в организации)
}
staff-limit-target_week_hours = { $own ->
    [yes] Цель: {$value} ч в неделю
   *[other] Цель: поровну со всеми
}
staff-limit-name-max_day_hours = наибольшее число часов в день
staff-limit-name-max_week_hours = наибольшее число часов в неделю
staff-limit-name-max_consecutive_days = наибольшее число рабочих дней подряд
staff-limit-name-target_week_hours = целевое число часов в неделю
staff-ask-limit = Введите {$what} по этому договору — целое число от {$minimum} до {$maximum}:
staff-limit-organization = ↩️ Как в организации
staff-limit-saved = ⏱ Сохранено с сегодняшнего дня.
