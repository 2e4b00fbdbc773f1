## Payroll (C7): periods, payslips, explain view, adjustments, payouts, Excel

payroll-periods-title =
    💰 <b>Зарплата</b>
    Выберите период. Открытый период ещё набирает начисления, закрытый заморожен.
payroll-period-button = { $start } – { $end } · { $status ->
    [closed] 🔒 закрыт
   *[open] 🟢 открыт
}
payroll-period-title =
    💰 <b>Период { $start } – { $end }</b> ({ $status ->
        [closed] 🔒 закрыт
       *[open] 🟢 открыт, день выплаты { $pay_day }
    })
payroll-period-totals =
    Сотрудников: { $count }
    Начислено: { $net } · Выплачено: { $paid } · Остаток: { $balance }
payroll-period-empty = В этом периоде пока нет начислений.
payroll-period-person = { $name }: { $net } (остаток { $balance })
payroll-export = 📊 Выгрузить в Excel
payroll-export-caption = 📊 Зарплата за { $start } – { $end }
payroll-close-period = 🔒 Закрыть период
payroll-close-confirm =
    Закрыть период { $start } – { $end }?
    Начисления заморозятся, сотрудники получат расчётные листки. Смены этого периода, закрытые позже, попадут в следующий период.
payroll-close-yes = ✅ Да, закрыть
payroll-closed-notice = 🔒 Период закрыт, расчётные листки отправлены.

payroll-payslip =
    🧾 <b>{ $name }</b>, период { $start } – { $end }{ $frozen ->
        [yes] {" "}(🔒 закрыт)
       *[no] {""}
    }
    Часы: { $hours }
    Начислено за смены: { $gross }
    Штрафы и удержания: { $fines }
    Премии и бонусы: { $bonuses }
    <b>Итого начислено: { $net }</b>
    Выплачено: { $paid }
    <b>Остаток к выплате: { $balance }</b>
payroll-why = ❓ Почему такая сумма?
payroll-open-payslip = 💰 Листок в приложении
payroll-add-bonus = ➕ Премия
payroll-add-deduction = ➖ Удержание
payroll-payout = 💸 Выплатить
payroll-explain-title = ❓ <b>Из чего сложилась сумма</b> — { $name }, { $start } – { $end }
payroll-explain-empty = Начислений пока нет.
payroll-explain-sums =
    Смены { $gross }, штрафы и удержания { $fines }, премии { $bonuses }: итого <b>{ $net }</b>
    Выплачено { $paid }, остаток <b>{ $balance }</b>.

payroll-line-shift_pay = 🕘 { $date } · { $object }: { $minutes } мин × { $rate }/ч = { $amount }
payroll-line-late_fine = ⏰ { $date } · { $object }: опоздание { $minutes } мин → { $amount }
payroll-line-task_bonus = ⭐ { $date } · задача «{ $reason }» выполнена → { $amount }
payroll-line-task_fine = ⚠️ { $date } · обязательная задача «{ $reason }» не выполнена → { $amount }
payroll-line-cancellation_fine = ✖️ { $date } · поздняя отмена смены ({ $reason }) → { $amount }
payroll-line-manual_bonus = 🎁 { $date } · премия: { $reason } → { $amount }
payroll-line-manual_deduction = ➖ { $date } · удержание: { $reason } → { $amount }
payroll-line-payout = 💸 { $date } · выплата ({ $method }) → { $amount }
payroll-line-reversal = ↩️ исправление: { $line }
payroll-line-late = { $line } (за закрытый период)
payroll-line-needs-review = { $line } ⚠️ закрыта автоматически, нужна проверка

payroll-type-shift_pay = Оплата смены
payroll-type-late_fine = Штраф за опоздание
payroll-type-task_bonus = Бонус за задачу
payroll-type-task_fine = Штраф за задачу
payroll-type-cancellation_fine = Штраф за отмену смены
payroll-type-manual_bonus = Премия
payroll-type-manual_deduction = Удержание
payroll-type-payout = Выплата

payroll-method-cash = 💵 Наличные
payroll-method-card = 💳 На карту
payroll-method-bank_transfer = 🏦 Банковский перевод

payroll-adjust-amount-bonus = ➕ Премия для { $name }. Напишите сумму в { $money_sign }, например <code>500</code>.
payroll-adjust-amount-deduction = ➖ Удержание у { $name }. Напишите сумму в { $money_sign }, например <code>300</code>.
payroll-adjust-reason = Напишите причину — её увидит сотрудник.
payroll-adjust-done = ✅ Записано: { $amount }.
payroll-payout-ask = 💸 Выплата для { $name }, остаток { $balance }. Выберите способ:
payroll-payout-amount =
    💸 Выплата для { $name } ({ $method }), остаток { $balance }.
    Нажмите «Весь остаток» или напишите сумму частичной выплаты, например <code>5000</code>.
payroll-payout-whole = Весь остаток: { $balance }
payroll-payout-done = ✅ Выплата { $amount } записана.

payroll-my-empty = Вы пока не работаете ни в одной организации.
payroll-other-periods = 📅 Другие периоды
payroll-my-periods-title = 📅 Выберите период:

payroll-xlsx-summary-sheet = Сводка
payroll-xlsx-detail-sheet = Все начисления
payroll-xlsx-employee = Сотрудник
payroll-xlsx-hours = Часы
payroll-xlsx-gross = Начислено за смены
payroll-xlsx-fines = Штрафы и удержания
payroll-xlsx-bonuses = Премии и бонусы
payroll-xlsx-net = Итого
payroll-xlsx-paid = Выплачено
payroll-xlsx-balance = Остаток
payroll-xlsx-date = Дата
payroll-xlsx-type = Тип
payroll-xlsx-object = Объект
payroll-xlsx-minutes = Минуты
payroll-xlsx-rate = Ставка в час
payroll-xlsx-amount = Сумма
payroll-xlsx-reason = Причина
payroll-xlsx-late = За закрытый период
payroll-xlsx-yes = да
payroll-xlsx-total = Всего

notify-payroll_payslip_ready = 🧾 Расчётный листок за { $start } – { $end } готов: к выплате { $net }.
notify-button-open-payslip = 🧾 Открыть листок
notify-payroll_adjustment = { $kind ->
    [manual_bonus] 🎁 Вам начислена премия { $amount }
   *[other] ➖ У вас удержано { $amount }
}. Причина: { $reason }
notify-payroll_payout = 💸 Вам выплачено { $amount } ({ $method ->
    [cash] наличными
    [card] на карту
   *[other] банковским переводом
}) за период { $start } – { $end }.
notify-payroll_shift_corrected = ✏️ Время вашей смены { $date } ({ $object }) исправлено: { $worked_minutes } мин, { $pay }.

error-payroll-period-closed = Этот период уже закрыт: записать в него нельзя.
error-payroll-nothing-to-pay = Выплачивать нечего: остаток равен нулю.
error-payroll-over-balance = Больше остатка выплатить нельзя: остаток { NUMBER($balance, minimumFractionDigits: 2) } { $money_sign }. Напишите сумму поменьше.
error-payroll-shift-not-closed = Смена ещё идёт: исправить можно только закрытую смену.
error-invalid-input-end-before-start = Конец смены должен быть позже начала.
error-invalid-input-in-future = Время не может быть в будущем.
payroll-explain-lines = { $lines }
payroll-explain-more = … и ещё { $count } строк — полный список в выгрузке Excel у руководителя.

payroll-correct = ✏️ Исправить время смены
payroll-correct-pick = ✏️ Какую смену { $name } исправить? Показаны закрытые смены этого периода.
payroll-correct-none = ✏️ У сотрудника нет закрытых смен в этом периоде.
payroll-correct-shift-button = { $date } · { $object } · { $start }–{ $end }{ $needs_review ->
        [yes] {" "}⚠️
       *[no] {""}
    }
payroll-correct-ask =
    ✏️ Смена { $shift }: { $minutes } мин, { $pay }.
    Напишите верное время начала и конца по местному времени объекта, например <code>07:00-11:30</code>. Если смена закончилась после полуночи, напишите конец как есть: <code>22:00-06:00</code>. Через пробел можно добавить причину — сотрудник увидит её в расчётном листке: <code>07:00-11:30 забыла закрыть смену</code>.
payroll-correct-confirm =
    ✏️ Исправить смену { $shift } на { $new_start }–{ $new_end }?
    Оплата и штраф за опоздание пересчитаются: старые начисления будут сторнированы, новые добавлены. Сотрудник получит уведомление.
payroll-correct-yes = ✅ Да, исправить
payroll-correct-done = ✅ Время смены исправлено: { $minutes } мин, { $pay }.

payroll-settings = ⚙️ Периоды и день выплаты
payroll-kind-weekly = Неделя
payroll-kind-biweekly = Две недели
payroll-kind-semi_monthly = Полмесяца (1–15, 16–конец)
payroll-kind-monthly = Месяц
payroll-settings-title =
    ⚙️ <b>Расчётные периоды</b>
    Сейчас: { $kind }, выплата через { $offset } дн. после конца периода.
    Текущий период { $start } – { $end } (выплата { $pay_day }) не изменится. Новые настройки начнут действовать с { $effective_from }.
    Выберите длину периода:
payroll-settings-pay-day =
    Период: { $chosen_kind }.
    Через сколько дней после конца периода выплата? Напишите число от 0 до { $max_offset } (сейчас { $offset }).
payroll-settings-saved = ✅ Сохранено: { $kind }, выплата через { $offset } дн. после конца периода — с { $effective_from }. Текущий период не изменился.

## Payslip lines that explain themselves (the facts kept with the ledger entry)
payroll-line-shift_pay-times = 🕘 { $date } · { $object }, { $start }–{ $end }: { $minutes } мин × { $rate }/ч = { $amount }
payroll-line-late_fine-rule = ⏰ { $date } · { $object }: опоздание { $minutes } мин − { $grace } мин льготы = { $fined } мин × { $per_minute }/мин = { $amount }
payroll-mark-auto-closed = закрыта автоматически
payroll-mark-early-unpaid = ранний приход { $minutes } мин не оплачивается
payroll-mark-corrected = исправил(а) { $name }: { $reason }
payroll-mark-corrected-no-reason = исправил(а) { $name }
payroll-payslip-footnote = ⓘ Время считается целыми минутами: секунды неполной последней минуты смены не оплачиваются.
