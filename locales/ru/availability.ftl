# Availability, calendar feed and birthday (employees and everyone in an organization)
menu-availability = 🗓 Когда я могу работать
availability-title =
    🗓 <b>Когда вы можете работать</b>
    Руководитель видит это при планировании. Время — местное время объекта. Нажмите день недели, чтобы изменить.
availability-no-organization = Вы пока не состоите ни в одной организации.
availability-line = { $day }: { $rule }
availability-exceptions =
    <b>Особые даты:</b>
    { $exceptions }
availability-rule-all-day = весь день
availability-rule-unavailable = ⛔ не могу
availability-rule-none = не указано
availability-day-title =
    <b>{ $day }</b>: сейчас { $rule }.
    Как вам удобно?
availability-all-day = ✅ Могу весь день
availability-preferred-all-day = ⭐ Хочу работать весь день
availability-hours = 🕘 Могу в часы…
availability-preferred-hours = ⭐ Хочу работать в часы…
availability-unavailable = ⛔ Не могу
availability-clear = ↩️ Убрать отметку
availability-cleared = Отметка для «{ $day }» убрана.
availability-hours-prompt =
    Напишите часы для «{ $day }», например <code>09:00-18:00</code>.
    Если конец раньше начала (<code>22-6</code>), это время до утра следующего дня.
availability-exception = 📅 Особая дата
availability-pick-date = Выберите дату, которая отличается от обычной недели:
availability-saved = ✅ Сохранено: { $day } — { $rule }.
availability-reason-day = { $day }: { $rule }
availability-reason-time-off = { $kind }, { $first } – { $last }
availability-calendar = 📆 Смены в календаре телефона
availability-calendar-text =
    📆 <b>Календарь на телефоне</b>
    Добавьте эту ссылку в Google Календарь, Apple Календарь или Outlook как подписку — там появятся ваши смены и отпуска (руководителям — ещё и смены их объектов).
    <code>{ $url }</code>
    Ссылка личная. Если её кто-то узнал, создайте новую — старая перестанет работать.
availability-calendar-open = 🔗 Открыть ссылку
availability-calendar-rotate = 🔄 Создать новую ссылку
availability-calendar-rotated = ✅ Готово: старая ссылка больше не работает, подпишитесь на новую.
availability-birthday = 🎂 День рождения
availability-birthday-prompt =
    Напишите дату рождения, например <code>15.03.1995</code>. В этот день руководитель увидит напоминание в ежедневной сводке. Это необязательно.
availability-birthday-saved = ✅ День рождения сохранён.
availability-birthday-removed = Дата рождения убрана.
availability-birthday-remove = 🗑 Убрать дату рождения
calendar-feed-name = StaffProBot: смены
calendar-own-shift = Смена: { $object_name }
calendar-staff-shift = { $name } — { $object_name }
planning-assign-reason =
    ⛔ <b>{ $name }</b> не может работать в это время ({ $why }).
    Всё равно назначить? Напишите причину — она сохранится вместе со сменой.
miniapp-availability-reason-needed = { $name } не может в это время. Напишите причину в поле комментария и нажмите «Назначить» ещё раз.
error-on-time-off = У сотрудника одобрен отпуск или отгул на это время — назначить нельзя.
error-outside-availability = Это время вне доступности сотрудника. Чтобы всё равно назначить, укажите причину.
error-invalid-input-birthday-range = Дата рождения должна быть не раньше 1900 года и не позже сегодняшнего дня.
error-invalid-input-order = Последний день не может быть раньше первого.
error-invalid-input-unavailable-has-no-window = Для «не могу» часы не указываются.
error-invalid-input-range = Выберите день недели из списка.
miniapp-title-availability = Когда я могу работать
miniapp-availability-hint = Время — местное время объекта. Если конец раньше начала, это время до утра.
miniapp-availability-none = Не указано
miniapp-availability-available = Могу
miniapp-availability-preferred = ⭐ Хочу
miniapp-availability-unavailable = ⛔ Не могу
miniapp-availability-from = С
miniapp-availability-to = До
miniapp-availability-save = Сохранить
miniapp-availability-saved = { $name }: сохранено.
availability-mini-app = 📱 Открыть неделю в Mini App
