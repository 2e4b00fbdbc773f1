## Инциденты и заявки (C25): инциденты на сотрудников, их ответы и решения, виды
## инцидентов, список товаров и предел удержаний владельца; заявки сотрудников на деньги.

menu-incidents = ⚠️ Инциденты
menu-requests = 🧾 Заявки

incidents-title =
    ⚠️ <b>Инциденты</b>
    Сначала открытые: ждут ответа сотрудника или оспорены.
incidents-empty =
    ⚠️ <b>Инциденты</b>
    Инцидентов пока нет.
incidents-record = ➕ Записать инцидент
incidents-settings = ⚙️ Виды, товары и предел удержаний
incident-row = №{ $id } · { $employee } · { $amount } · { $status }
incident-status-awaiting = ⏳ ждёт ответа
incident-status-accepted = ✅ признан
incident-status-disputed = ✋ оспорен
incident-status-upheld = ⚖️ удержание оставлено
incident-status-cancelled = ↩️ отменён
incident-status-lapsed = ⌛ признан без ответа
incident-kind-damage = Порча
incident-kind-shortage = Недостача
incident-kind-violation = Нарушение

incident-card =
    ⚠️ <b>Инцидент №{ $id }</b> · { $kind }
    Сотрудник: { $employee }
    Объект: { $object_name }
    Что случилось: { $description }
    К удержанию: <b>{ $amount }</b>
    Статус: { $status }
incident-card-dispute = ✋ Возражение сотрудника: { $dispute }
incident-card-decision = ⚖️ Решение: { $decision }
incident-card-answer-by = Признать или оспорить можно до { $answer_by }. Если не ответить, инцидент будет считаться признанным.
case-history =
    <b>История</b>
    { $history }
case-history-step = { $at } · { $who }: { $action }
case-history-step-commented = { $at } · { $who }: { $action } — { $comment }
case-history-system = система
case-action-recorded = записал(а)
case-action-accepted = признал(а)
case-action-disputed = оспорил(а)
case-action-upheld = оставил(а) удержание
case-action-cancelled = отменил(а) удержание
case-action-lapsed = нет ответа 72 часа: признан
case-action-filed = подал(а)
case-action-approved = одобрил(а)
case-action-declined = отклонил(а)

incident-show-photos = 🖼 Фото
incident-photos-caption = 🖼 Инцидент №{ $id }
incident-accept = ✅ Признаю
incident-dispute = ✋ Оспорить
incident-uphold = ⚖️ Оставить удержание
incident-cancel = ↩️ Отменить удержание
incident-to-list = ⬅️ К инцидентам
incident-accepted = ✅ Принято. Удержание попадёт в ваш расчётный листок.
incident-disputed = ✋ Возражение отправлено. Пока руководитель не решит, ничего не удерживается.
incident-upheld = ⚖️ Удержание оставлено, сотрудник получил уведомление.
incident-cancelled = ↩️ Удержание отменено, сотрудник получил уведомление.
incident-recorded = ⚠️ Инцидент №{ $id } записан. Сотрудник получил уведомление, у него 72 часа на ответ.
incident-expect-photo = Пришлите фото или нажмите кнопку ниже, чтобы продолжить.
incident-dispute-prompt = ✋ С чем вы не согласны? Напишите одним сообщением — руководитель прочитает перед решением.
incident-dispute-photos =
    🖼 Добавьте фото в свою пользу, если они есть (добавлено фото: { $photos }).
    Затем нажмите «Отправить».
incident-dispute-send = 📨 Отправить возражение
incident-decide-prompt = ⚖️ Напишите комментарий для сотрудника: он увидит его вместе с решением.

incident-record-object = 📍 На каком объекте это случилось?
incident-record-employee = 👤 О ком инцидент?
incident-record-no-employees = На этом объекте пока никто не работает.
incident-record-kind = 🏷 Какой это инцидент?
incident-record-description = ✍️ Опишите, что случилось, одним сообщением.
incident-record-photos =
    🖼 Пришлите фото, если есть (добавлено фото: { $photos }).
    Затем нажмите «Дальше».
incident-photos-done = ➡️ Дальше
incident-record-amount = 💰 Сколько удержать? Введите сумму, например 1500 или 1500,50, или нажмите «Без удержания».
incident-no-deduction = 🚫 Без удержания
incident-record-confirm =
    ⚠️ <b>Записать инцидент?</b>
    Сотрудник: { $employee }
    Объект: { $object_name }
    Вид: { $kind }
    Что случилось: { $description }
    Фото: { $photos }
    К удержанию: <b>{ $amount }</b>
    Сотрудник сразу получит уведомление и сможет признать или оспорить инцидент в течение 72 часов.
incident-record-save = ✅ Записать

incident-settings =
    ⚙️ <b>Инциденты и заявки: настройки</b>
    Виды инцидентов: { $kinds_list }
    Товары, которые сотрудники могут вернуть за свой счёт (нажмите, чтобы убрать):
    { $products_list }
incident-settings-cap = Предел удержаний: удержания по инцидентам забирают не больше { $cap }% заработка за период, остальное переносится на следующий период.
incident-settings-no-cap = Предел удержаний: нет (удержания по инцидентам берутся полностью).
incident-settings-no-products = — пока нет
incident-settings-add-kind = ➕ Вид инцидента
incident-settings-add-product = ➕ Товар
incident-settings-set-cap = 🛡 Предел удержаний
incident-settings-kind-prompt = 🏷 Введите название нового вида, например «Форма».
incident-settings-product-prompt = 🧾 Введите товар и цену одной строкой, например «Кофе в зёрнах 1 кг — 1200».
incident-settings-cap-prompt = 🛡 Какую долю заработка за период могут забирать удержания по инцидентам? Введите процент от 1 до 100 (Трудовой кодекс допускает 20% для работников).
incident-settings-lift-cap = 🚫 Без предела

requests-title =
    🧾 <b>Заявки</b>
    Сначала нерассмотренные.
requests-empty =
    🧾 <b>Заявки</b>
    Заявок пока нет. Сотрудник может попросить вернуть расходы (с чеком) или подать другую заявку.
requests-new = ➕ Новая заявка
request-row = №{ $id } · { $employee } · { $amount } · { $status }
request-status-requested = ⏳ ждёт решения
request-status-approved = ✅ одобрена
request-status-declined = ❌ отклонена
request-card =
    🧾 <b>Заявка №{ $id }</b> · { $kind ->
        [expense] расходы
       *[other] другое
    }
    Сотрудник: { $employee }
    { $items }
    Комментарий: { $comment }
    Сумма: <b>{ $amount }</b>
    Статус: { $status }
request-card-decision = Решение: { $decision }
request-item = • { $title }: { $quantity } × { $price } = { $total }
request-show-receipt = 🧾 Чек
request-receipt-caption = 🧾 Чек к заявке №{ $id }
request-approve = ✅ Одобрить
request-decline = ❌ Отклонить
request-to-list = ⬅️ К заявкам
request-approved = ✅ Одобрено: сумма попадёт в расчётный листок сотрудника.
request-declined = ❌ Отклонено, сотрудник узнает причину.
request-filed = 🧾 Заявка №{ $id } отправлена руководителям.
request-decline-prompt = ❌ Почему отклоняете? Сотрудник прочитает ваш комментарий.
request-new-kind = 🧾 О чём заявка?
request-kind-expense = 🛒 Вернуть расходы (с чеком)
request-kind-other = ✍️ Другое
request-pick-product = 🛒 Что вы купили?
request-quantity = 🔢 Сколько «{ $product }»? Введите число.
request-items =
    🛒 <b>Ваши расходы</b>
    { $items }
    Итого: <b>{ $total }</b>
request-add-item = ➕ Ещё товар
request-to-receipt = ➡️ Дальше: чек
request-receipt = 📷 Пришлите фото чека.
request-expect-receipt = Пришлите чек фотографией.
request-other-comment = ✍️ На что нужны деньги? Напишите одним сообщением.
request-other-amount = 💰 Какая сумма? Введите, например 500 или 500,50.
request-confirm-expense =
    🧾 <b>Отправить заявку?</b>
    { $items }
    Сумма: <b>{ $total }</b>
request-confirm-other =
    🧾 <b>Отправить заявку?</b>
    { $comment }
    Сумма: <b>{ $total }</b>
    Перед отправкой можно приложить фото (чек, счёт).
request-confirm-receipt = 📷 Чек приложен.
request-send = 📨 Отправить

error-case-already-decided = На это уже ответили или решили, возможно, только что. Вот как обстоят дела сейчас.
error-incident-answer-window-closed = 72 часа на ответ прошли: инцидент считается признанным. Можно попросить руководителя пересмотреть его.
error-request-no-products = Владелец ещё не добавил товары, поэтому вернуть расходы нельзя. Выберите «Другое» или попросите владельца добавить товары.
error-invalid-input-product-line = Введите товар и цену одной строкой, например «Кофе в зёрнах 1 кг — 1200».

notify-kind-incident_recorded = Инциденты на меня
notify-kind-incident_decided = Решения по инцидентам
notify-kind-incident_lapsed = Инциденты, признанные без ответа
notify-kind-request_decided = Решения по моим заявкам
notify-kind-incident_answered = Ответы сотрудников на инциденты
notify-kind-request_filed = Заявки сотрудников
notify-button-open-incident = ⚠️ Открыть инцидент
notify-button-open-request = 🧾 Открыть заявку
notify-incident_recorded = ⚠️ На вас записан инцидент №{ $incident }: к удержанию { $amount }. Откройте его, чтобы прочитать и признать или оспорить в течение 72 часов.
notify-incident_answered = { $accepted ->
    [1] ✅ Сотрудник признал инцидент №{ $incident } ({ $amount }).
   *[0] ✋ Сотрудник оспорил инцидент №{ $incident } ({ $amount }): нужно ваше решение.
}
notify-incident_decided = ⚖️ Инцидент №{ $incident }: { $upheld ->
    [1] удержание { $amount } оставлено.
   *[0] удержание отменено.
} { $comment }
notify-incident_lapsed = ⌛ На инцидент №{ $incident } не ответили за 72 часа, он считается признанным: удержано { $amount }.
notify-request_filed = 🧾 Новая заявка №{ $request } на { $amount }: нужно ваше решение.
notify-request_decided = 🧾 Заявка №{ $request }: { $approved ->
    [1] одобрена, { $amount } попадёт в ваш расчётный листок.
   *[0] отклонена.
} { $comment }

payroll-line-incident_deduction = ⚠️ { $date } · инцидент { $reason } → { $amount }
payroll-line-deduction_held_back = 🛡 { $date } · удержания сверх предела { $reason } перенесены на следующий период → { $amount }
payroll-line-deduction_carried_over = ↪️ { $date } · удержания, перенесённые с прошлого периода → { $amount }
payroll-line-expense_compensation = 🧾 { $date } · возврат расходов, заявка { $reason } → { $amount }

payroll-type-incident_deduction = Удержание по инциденту
payroll-type-deduction_held_back = Перенесено сверх предела
payroll-type-deduction_carried_over = Перенесённое удержание
payroll-type-expense_compensation = Возврат расходов
payroll-case-incident = ⚠️ Инцидент №{ $id }
payroll-case-request = 🧾 Заявка №{ $id }
