## Сверхурочные и праздники (C21)
rates-open = ⚡ Сверхурочные и праздники
rates-scope-organization = вся организация
rates-off = выкл.
rates-hours = { $hours } ч
rates-overview =
    ⚡ <b>Сверхурочные: { $scope }</b>
    Больше часов в день: { $daily }
    Больше часов в неделю (пн–вс): { $weekly }
    Оплата сверхурочных: ×{ $multiplier } от ставки
    Свои правила у объектов: { $overrides }

    Смена засчитывается в день и неделю, когда она началась; сверхурочными становятся последние минуты смены после порога.
rates-follows-organization = У этого объекта нет своих правил: действуют правила организации. Измените любое значение, чтобы задать свои.
rates-set-daily = 📅 Порог в день
rates-set-weekly = 🗓 Порог в неделю
rates-set-multiplier = ✖️ Множитель
rates-per-object = 🏪 Правила объекта
rates-holidays = 🎉 Праздники
rates-drop-override = ↩️ Как у организации
rates-back-to-organization = ⬅️ К правилам организации
rates-daily-prompt = После скольких часов в день работа считается сверхурочной? Напишите число часов, например 8. 0 — не считать по дням.
rates-weekly-prompt = После скольких часов в неделю (с понедельника по воскресенье) работа считается сверхурочной? Например 40. 0 — не считать по неделям.
rates-multiplier-prompt = Во сколько раз больше ставки платить за сверхурочные минуты? Например 1,5 или 2.
rates-objects-title = Выберите объект, для которого нужны свои правила:
rates-holidays-title = 🎉 <b>Праздники</b>
    Работа в праздник оплачивается с множителем за минуты, пришедшиеся на этот день по времени объекта.
rates-holidays-empty = Праздников пока нет.
rates-holidays-remove-hint = Нажмите на праздник, чтобы убрать его.
rates-holiday-add = ➕ Добавить праздник
rates-holiday-prompt = Напишите дату, множитель и название, например: 01.01.2027 2 Новый год. Множитель можно не писать — будет ×2.
rates-holiday-item = 🗑 { $date } ×{ $multiplier } { $name }
rates-holiday-marked = ✅ Праздник { $date }: ×{ $multiplier }.
rates-holiday-removed = ✅ Праздник убран.
rates-saved = ✅ Сохранено. Новые правила применяются к неделям, которые пересчитываются после изменения.
rates-override-dropped = ✅ Объект снова работает по правилам организации.
error-invalid-input-multiplier = Напишите множитель от 1 до { $maximum }, например 1,5 или 2.
payroll-line-overtime_premium = ⏫ { $date } · { $object }: сверхурочно { $minutes } мин × { $rate }/ч × { $extra } (ставка ×{ $multiplier }) = { $amount }
payroll-line-holiday_premium = 🎉 { $date } · { $object }: праздник { $minutes } мин × { $rate }/ч × { $extra } (ставка ×{ $multiplier }) = { $amount }
payroll-type-overtime_premium = Сверхурочные
payroll-type-holiday_premium = Работа в праздник
rates-planned-overtime = ✅ { $name }: назначено. ⚠️ С этой сменой по плану недели у { $name } { $hours } ч сверхурочных.
