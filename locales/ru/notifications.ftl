# Notification texts: notify-<kind>, rendered with the notification's payload.
notify-shift_reminder = ⏰ Напоминание: смена на объекте «{ $object_name }» начинается { $start_date } в { $start_time }.
notify-button-open-shift = Открыть смену

# Kinds the user can switch on and off (settings → notifications).
notify-kind-shift_reminder = Напоминания о сменах
notify-kind-not_clocked_in = Сотрудник не отметился на смене
notify-kind-daily_summary = Ежедневная сводка

notification-settings = 🔔 Уведомления
notification-settings-title = 🔔 <b>Уведомления</b>
    Напоминание о смене: за { $lead_minutes } мин.
    Тихие часы: { $quiet_hours }
    Отметьте, какие уведомления получать:
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

error-invalid-input-notification-kind = Это уведомление нельзя отключить.
error-invalid-input-reminder-lead = Выберите время напоминания из списка.
error-invalid-input-quiet-hours = Начало и конец тихих часов должны различаться.
