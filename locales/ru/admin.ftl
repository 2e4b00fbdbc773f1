admin-refused = Эта команда только для администраторов платформы.
admin-counts =
    🛠 <b>Администрирование</b>
    Организаций: { $organizations }
    Активных пользователей: { $active_users }
    Смен запланировано на сегодня: { $shifts_today }
    Выручка за месяц: { $revenue }
admin-lookup = 🔎 Найти организацию
admin-tariffs = 💰 Тарифы
admin-broadcast = 📣 Рассылка владельцам
admin-lookup-ask = Напишите название организации (или его часть) либо её номер.
admin-lookup-none = Ничего не нашлось. Попробуйте другое название или номер.
admin-lookup-results = Нашлось несколько организаций — выберите:
admin-card =
    🏢 <b>{ $name }</b> · #{ $organization_id }
    Тариф: { $tariff }, оплачен до { $expires_on }
    Создана: { $created_on }
    Владельцы: { $owners }
    Объекты: { $objects }, сотрудники: { $employees }
    Оплачено всего: { $paid_total }
admin-tariffs-title = Выберите тариф, чтобы изменить цены и лимиты:
admin-tariff-button = { $tariff } — { $price } в месяц
admin-tariff-title = <b>{ $tariff }</b>: выберите, что изменить.
admin-tariff-field-monthly_price = Цена в месяц
admin-tariff-field-yearly_price = Цена в год
admin-tariff-field-max_objects = Лимит объектов
admin-tariff-field-max_employees = Лимит сотрудников
admin-tariff-field-ai_insights_per_day = ИИ-аналитика в день
admin-tariff-edit-ask = Новое значение для «{ $field_name }»:
admin-tariff-edit-unlimited-hint = Напишите «-», чтобы снять ограничение.
admin-broadcast-ask = Напишите текст рассылки. Его получат все владельцы организаций.
admin-broadcast-preview =
    Так увидят сообщение владельцы:

    { $text }
admin-broadcast-send = 📣 Отправить
admin-broadcast-sent = Рассылка поставлена в очередь: { $sent } владельцам.

notify-admin_broadcast = { $text }

error-invalid-input-free-price = Бесплатный тариф остаётся бесплатным.
