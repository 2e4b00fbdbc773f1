objects-list-title = 🏪 <b>Объекты</b>
    Точки, где проходят смены: кафе, магазины, склады.
objects-list-empty = Объектов пока нет.
objects-add = ➕ Добавить объект
objects-map = 🗺 Карта объектов
objects-to-list = ⬅️ К списку
objects-upgrade = 💳 Улучшить тариф
objects-limit-reached =
    🔒 <b>Лимит тарифа</b>
    На тарифе «{ $tariff }» можно вести не больше { $limit } { $limit ->
        [one] объекта
       *[other] объектов
    } (в архиве не считаются).
    Чтобы добавить ещё, перейдите на тариф выше или отправьте ненужный объект в архив.

objects-ask-name = Как называется объект? Напишите название (например, «Кофейня на Мира, 5»).
objects-ask-place =
    📍 { $mode ->
        [create] Где находится «{ $name }»?
       *[move] Где теперь находится объект?
    }
    Отправьте точку на карте: 📎 → Геопозиция (можно выбрать место на карте).{ $address_search ->
        [yes] {" "}Или напишите адрес — я найду его на карте.
       *[no] {""}
    }
objects-pick-place = Нашлось несколько адресов. Выберите нужный или отправьте точку на карте:
objects-confirm-place =
    Нашёл адрес:
    📍 <b>{ $address }</b>
    Это он?
objects-place-yes = ✅ Да, это здесь
objects-other-address = ✏️ Другой адрес

objects-card =
    🏪 <b>{ $name }</b>
    📍 { $has_address ->
        [yes] { $address }
       *[no] адрес не указан
    }
    🧭 { $coordinates } · радиус { $radius } м
    🕐 { $timezone }
    🗓 Часы работы:
    { $hours }
    💰 Ставка: { $rate } в час
    ⏱ Опоздание: { $late_grace } мин без штрафа, затем { $late_fine } за минуту
    🔒 Автозакрытие: через { $auto_close } мин после конца смены
    ⌛ Смена без графика длится не больше { $max_shift_hours } ч: затем закрывается сама
    🚨 Если сотрудник не отметился: сообщить через { $not_clocked_in_alert } мин после начала смены
    🌅 Ранний приход: до { $early_arrival } мин, { $pay_early_arrival ->
        [yes] оплачивается
       *[no] не оплачивается
    }
    📡 Живая геолокация: { $require_live_location ->
        [yes] обязательна
       *[no] не обязательна
    }
    🏁 Проверка места при закрытии смены: { $check_location_on_close ->
        [yes] да
       *[no] нет
    }
    ⚡ Смены без графика: { $allow_spontaneous_shifts ->
        [yes] разрешены
       *[no] запрещены
    }
    🙋 Самозапись на смены: { $allow_self_booking ->
        [yes] разрешена
       *[no] запрещена
    }
    🤝 Взять, отдать, обменять смену: { $exchange_needs_approval ->
        [yes] с одобрением руководителя
       *[no] без одобрения
    }
    📣 Чат отчётов: { $report_chat ->
        [yes] подключён
       *[no] не подключён
    }
    { breaks-object-card }
objects-edit = ✏️ Изменить
objects-report-chat = 📣 Чат отчётов
objects-archive = 🗄 В архив
objects-edit-what = <b>Что изменить?</b>
objects-edit-name = ✏️ Название
objects-edit-place = 📍 Адрес и точка
objects-edit-radius = ⭕ Радиус
objects-edit-timezone = 🕐 Часовой пояс
objects-edit-hours = 🗓 Часы работы
objects-edit-rate = 💰 Ставка в час
objects-edit-late-grace = ⏱ Льгота опоздания
objects-edit-late-fine = 💸 Штраф за минуту
objects-edit-auto-close = 🔒 Автозакрытие
objects-edit-early-arrival = 🌅 Ранний приход
objects-edit-not-clocked-in = 🚨 Не отметился
objects-edit-max-shift = ⌛ Макс. длина смены
objects-flag-pay_early_arrival = { $pay_early_arrival_icon } Оплачивать ранний приход
objects-flag-require_live_location = { $require_live_location_icon } Требовать живую геолокацию
objects-flag-check_location_on_close = { $check_location_on_close_icon } Проверять место при закрытии
objects-flag-allow_spontaneous_shifts = { $allow_spontaneous_shifts_icon } Разрешить смены без графика
objects-flag-allow_self_booking = { $allow_self_booking_icon } Разрешить самозапись
objects-flag-exchange_needs_approval = { $exchange_needs_approval_icon } Обмены и передача смен — с одобрением
objects-done = ✅ Готово

objects-ask-value =
    { $field ->
        [name] Напишите новое название объекта.
        [radius] Радиус геозоны в метрах: от 30 до 5000. Сотрудник отмечается, только когда он внутри.
        [base_rate] Ставка в час, { $money_sign } (например, 350 или 350,50).
        [late_grace] Сколько минут опоздания не штрафуются (0–240)?
        [late_fine] Штраф за каждую минуту опоздания сверх льготы, { $money_sign } (0 — без штрафа).
        [auto_close_grace] Через сколько минут после конца смены закрывать её автоматически (0–720)?
        [early_arrival] За сколько минут до начала смены можно отметить приход (0–240)?
        [not_clocked_in_alert] Через сколько минут после начала смены сообщать вам, что сотрудник не отметился (1–240)?
        [max_shift_hours] Сколько часов самое большее длится смена без графика, если её забыли закрыть (1–24)? Через столько часов она закроется сама и будет отмечена «нужна проверка».
        [required_break_after_hours] { breaks-ask-required-after }
        [required_break_minutes] { breaks-ask-required }
       *[other] Напишите новое значение.
    }
    Сейчас: <code>{ $current }</code>
objects-ask-timezone =
    🕐 Часовой пояс объекта (сейчас <code>{ $current }</code>).
    Выберите из списка или напишите название пояса IANA, например <code>Europe/Kaliningrad</code>.
objects-hours-title =
    🗓 <b>Часы работы: { $name }</b>
    Выберите день, чтобы изменить его часы.
objects-hours-closed = выходной
objects-hours-not-set = не указаны
objects-ask-hours =
    🗓 <b>{ $weekday }</b>: сейчас { $hours }.
    Напишите часы работы, например <code>09:00-21:00</code> или <code>10-22</code>. Если объект работает после полуночи, пишите <code>20:00-02:00</code>.
objects-day-closed = 🚫 Выходной
objects-day-copy-all = 📋 Такие же часы во все дни

objects-report-chat-text =
    📣 <b>Чат отчётов: { $name }</b>
    { $bound_text ->
        [yes] ✅ Группа подключена: туда приходят лента смен и фотоотчёты.
       *[no] Группа пока не подключена.
    }
    Чтобы подключить группу:
    1. Добавьте @{ $bot_username } в группу.
    2. Отправьте в группе: <code>/bind { $code }</code>
    Код одноразовый и действует 24 часа.
objects-report-new-code = 🔄 Новый код
objects-report-unbind = ❌ Отключить группу

objects-archive-confirm =
    🗄 Отправить «{ $name }» в архив?
    Объект пропадёт из списков, история смен и выплат сохранится.
objects-archive-yes = 🗄 Да, в архив
objects-archive-no = ⬅️ Нет

objects-group-welcome =
    👋 Здравствуйте! Я StaffProBot.
    Чтобы сюда приходили отчёты объекта, владелец отправляет в этой группе <code>/bind КОД</code>. Код есть в карточке объекта: 🏪 Объекты → объект → 📣 Чат отчётов.
objects-group-bound = ✅ Готово: эта группа теперь получает отчёты объекта «{ $object_name }».

error-geocoding-failed = Не получилось найти адрес. Отправьте точку на карте.
error-geocoding-failed-not-found = Адрес не найден. Проверьте его или отправьте точку на карте (📎 → Геопозиция).
error-geocoding-failed-unavailable = Сервис карт сейчас не отвечает, адрес не найден. Отправьте точку на карте (📎 → Геопозиция).
error-geocoding-failed-not-configured = Поиск по адресу не настроен. Отправьте точку на карте (📎 → Геопозиция).
error-report-chat-code-invalid = Код не подходит: он неверный, уже использован или истёк. Получите новый в карточке объекта: 📣 Чат отчётов.
error-tariff-limit =
    🔒 Лимит тарифа «{ $tariff }»: { $resource ->
        [objects] не больше { $limit } { $limit ->
            [one] объекта
           *[other] объектов
        }.
       *[employees] не больше { $limit } { $limit ->
            [one] сотрудника
           *[other] сотрудников
        }.
    } Перейдите на тариф выше: 💳 Подписка.
