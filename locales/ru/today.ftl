menu-today = 📋 Сегодня
today-title = 📋 <b>Сегодня</b>
today-no-objects = У вас нет объектов, где можно смотреть смены.
today-object-empty = Смен на сегодня нет.
today-refresh = 🔄 Обновить
today-open-board = 📋 Сегодня
today-state-not_started = { $icon } { $employee } · { $hours } · ещё не начал(а)
today-state-not_in_yet = { $icon } { $employee } · { $hours } · ещё не пришёл(ла)
today-state-on_shift = { $icon } { $employee } · { $hours } · на смене с { $opened }{ $late_minutes ->
    [0] {""}
   *[other] {" "}(опоздание { $late_minutes } мин)
}
today-state-finished = { $icon } { $employee } · { $hours } · закончил(а), { $worked } ч
today-state-no_show = { $icon } { $employee } · { $hours } · не вышел(ла)
today-state-absent = { $icon } { $employee } · { $hours } · отсутствует: { $reason }
today-row =
    <b>{ $object }</b>
    { $line }
today-row-gone = Этой смены больше нет на сегодня.
today-message = ✉️ Написать
today-mark-absent = 🚫 Отметить отсутствие
today-open-for = 🟢 Открыть смену за сотрудника
today-close-for = 🛑 Закрыть смену за сотрудника
today-offer-place = 📢 Предложить место коллегам
today-ask-reason = Напишите причину (сотрудник { $employee }):
today-ask-fine = Штрафовать { $employee } за невыход?
today-with-fine = Со штрафом { $fine }
today-without-fine = Без штрафа
today-done-absent = 🚫 { $employee }: отмечено отсутствие.
today-done-open = 🟢 Смена сотрудника { $employee } открыта.
today-done-close = 🛑 Смена сотрудника { $employee } закрыта.
today-done-offer = 📢 Место { $employee } свободно: коллеги увидят его в «Свободных сменах».
error-already-marked-absent = Отсутствие уже отмечено.
payroll-line-absence_fine = ✖️ { $date } · невыход на смену ({ $reason }) → { $amount }
payroll-type-absence_fine = Штраф за невыход
miniapp-page-today = 📋 Сегодня
miniapp-title-today = Сегодня
miniapp-today-message = ✉️ Написать
miniapp-today-nothing = Смен на сегодня нет.
miniapp-today-hint = Отметить отсутствие, открыть или закрыть смену за сотрудника, предложить место — в боте: «📋 Сегодня».
today-in-app = 📱 Открыть в приложении
