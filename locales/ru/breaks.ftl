## Перерывы (C21)
clock-break-start = ☕ Перерыв
clock-break-end = ↩️ Я вернулся
clock-card-on-break = ☕ <b>Перерыв</b> с { $break_since }. Нажмите «↩️ Я вернулся», когда продолжите работу.
clock-card-breaks = ☕ Перерывы за смену: { $breaks_so_far } мин
clock-summary-breaks = ☕ Перерывы: { $break_minutes } мин, не оплачивается: { $unpaid_break } мин
error-break-already-started = Вы уже на перерыве. Нажмите «↩️ Я вернулся», когда продолжите работу.
error-break-not-started = Перерыв не начат.
payroll-line-without-breaks = { $line } (без неоплачиваемых перерывов { $breaks } мин)
objects-flag-breaks_paid = { $breaks_paid_icon } Оплачивать перерывы
breaks-edit-required-after = ☕ Обяз. перерыв: после
breaks-edit-required = ☕ Обяз. перерыв: длина
breaks-ask-required-after = После скольких часов смены без отмеченного перерыва вычитать обязательный неоплачиваемый перерыв (0–24)? 0 — не вычитать.
breaks-ask-required = Сколько минут длится обязательный перерыв (5–120)?
breaks-object-card = ☕ Перерывы: { $breaks_paid ->
        [yes] оплачиваются
       *[no] не оплачиваются
    }; обязательный перерыв: { $required_break_after ->
        [0] нет
       *[other] { $required_break } мин, если за { $required_break_after } ч перерыв не отмечен
    }
