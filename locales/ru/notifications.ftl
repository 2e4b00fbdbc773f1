# Notification texts: notify-<kind>, rendered with the notification's payload.
notify-shift_reminder = ⏰ Напоминание: смена на объекте «{ $object_name }» начинается { $start_date } в { $start_time }.
notify-button-open-shift = Открыть смену
notify-not_clocked_in = 🚨 { $employee } не отметил(а) начало смены на объекте «{ $object }»: смена началась в { $start_time }, прошло { $minutes } мин.
notify-tasks_unfinished =
    📋 Смена на объекте «{ $object }» заканчивается в { $end_time }, а задачи ещё не выполнены ({ $count }):
    { $tasks }
notify-daily_summary =
    📊 <b>Сводка за { $date }</b> · { $organization }
    Смен: { $shifts }, часов: { $hours }
    { $with_cost ->
        [no] Опозданий: { $late_arrivals }, неявок: { $no_shows }
       *[yes]
            Фонд оплаты: { $cost }
            Опозданий: { $late_arrivals }, неявок: { $no_shows }
    }
    { $birthday_count ->
        [0] {""}
       *[other] 🎂 Сегодня день рождения: { $birthdays }
    }

# Kinds the user can switch on and off (settings → notifications).
notify-kind-shift_reminder = Напоминания о сменах
notify-kind-not_clocked_in = Сотрудник не отметился на смене
notify-kind-daily_summary = Ежедневная сводка
notify-kind-shift-assigned = Назначение на смену
notify-kind-shift-moved = Перенос смены
notify-kind-cancellation-approved = Отмена смены одобрена
notify-kind-cancellation-refused = Отмена смены отклонена
notify-kind-shift_closed_by_manager = Смену закрыл руководитель
notify-kind-tasks_unfinished = Невыполненные задачи в конце смены
notify-kind-task_proof_rejected = Фотоотчёт по задаче отклонён
notify-kind-payroll_shift_corrected = Время смены исправлено
notify-kind-payroll_payslip_ready = Расчётный листок готов
notify-kind-payroll_adjustment = Премии и удержания
notify-kind-payroll_payout = Выплаты
notify-kind-shift_opened = Лента: сотрудник начал смену
notify-kind-shift_closed = Лента: сотрудник закончил смену
notify-kind-shift_auto_closed = Лента: смена закрыта автоматически
notify-kind-clock_in_refused = Лента: отметка не принята
notify-kind-shift-booked = Сотрудник записался на смену
notify-kind-shift-cancelled = Сотрудник отменил смену
notify-kind-cancellation-needs-approval = Отмена смены ждёт проверки документа
notify-kind-employee-limit-reached = Достигнут лимит сотрудников тарифа

notification-settings = 🔔 Уведомления
notification-settings-title = 🔔 <b>Уведомления</b>
    Напоминание о смене: за { $lead_minutes } мин.
    Тихие часы: { $quiet_hours }
notification-settings-summary-line = Ежедневная сводка: в { $summary_hour }
notification-settings-choose-kinds = Отметьте, какие уведомления получать:
notification-settings-quiet-off = выключены
notification-settings-quiet-window = { $start }–{ $end }
notification-settings-kind-on = ✅ { $label }
notification-settings-kind-off = ⬜ { $label }
notification-settings-lead = ⏰ Время напоминания
notification-settings-lead-choose = За сколько минут до начала смены напоминать?
notification-settings-lead-option = { $minutes } мин.
notification-settings-quiet = 🌙 Тихие часы
notification-settings-quiet-choose = В тихие часы несрочные уведомления ждут до утра. Выберите время:
notification-settings-quiet-none = Без тихих часов
notification-settings-summary-hour = 📊 Время сводки
notification-settings-summary-hour-choose = Во сколько присылать сводку за вчерашний день? Время — по часовому поясу организации.

error-invalid-input-notification-kind = Это уведомление нельзя отключить.
error-invalid-input-reminder-lead = Выберите время напоминания из списка.
error-invalid-input-quiet-hours = Начало и конец тихих часов должны различаться.
error-invalid-input-daily-summary-hour = Выберите время сводки из списка.
