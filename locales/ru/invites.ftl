invites-list-title = ✉️ <b>Приглашения</b>
    Создайте ссылку-приглашение и отправьте её человеку: открыв её, он сразу присоединится к организации.
invites-list-empty = Пока нет ни одного приглашения.
invites-list-item = { $icon } { $role } · { $objects } · { $uses }/{ $max_uses }
invites-new-employee = ➕ Пригласить сотрудника
invites-new-manager = ➕ Пригласить управляющего
invites-role-employee = Сотрудник
invites-role-manager = Управляющий
invites-choose-objects = На каких объектах он будет работать? Отметьте один или несколько и нажмите «Далее».
invites-no-objects = Сначала создайте объект: приглашение привязывается к объектам.
invites-next = ➡️ Далее
invites-ask-rate =
    Напишите почасовую ставку по договору в { $money_sign } (например, 350 или 350,50).
    Если своей ставки нет, будет действовать ставка смены или объекта.
invites-without-rate = Без своей ставки
invites-choose-permissions = Что управляющий может делать на этих объектах? Отметьте права и нажмите «Далее».
invites-choose-uses = Сколько человек могут присоединиться по этой ссылке?
invites-uses-single = 1️⃣ Одноразовое
invites-uses-many = 👥 Многоразовое, до { $count }
invites-choose-validity = Сколько действует ссылка?
invites-valid-days = { $days ->
    [one] ⏳ { $days } день
    [few] ⏳ { $days } дня
   *[other] ⏳ { $days } дней
}
invites-card =
    { $icon } <b>Приглашение: { $role }</b>
    Статус: { $status }
    Объекты: { $objects }
    Использовано: { $uses } из { $max_uses }
    Действует до: { $expires }
invites-card-rate = Ставка: { $rate } в час
invites-card-permissions = Права: { $permissions }
invites-card-link =
    Ссылка-приглашение (отправьте её человеку):
    { $link }
invites-status-active = действует
invites-status-used = использовано
invites-status-expired = истекло
invites-status-revoked = отозвано
invites-share = 📤 Поделиться
invites-share-text = Приглашение в StaffProBot: откройте ссылку, чтобы присоединиться.
invites-revoke = 🚫 Отозвать
invites-reissue = 🔁 Перевыпустить
invites-to-list = ⬅️ К приглашениям

invites-joined-employee = 🎉 Вы присоединились к «{ $organization }» как сотрудник.
invites-joined-manager = 🎉 Вы присоединились к «{ $organization }» как управляющий.
invites-already-member = Вы уже состоите в «{ $organization }».

error-invite-unknown = Приглашение не найдено. Проверьте ссылку или код — или попросите работодателя прислать новую.
error-invite-expired = Срок действия приглашения истёк. Попросите работодателя прислать новую ссылку.
error-invite-revoked = Это приглашение отозвано. Попросите работодателя прислать новую ссылку.
error-invite-used = По этой ссылке уже присоединились. Попросите работодателя прислать новую.
error-invite-limit-reached = В «{ $organization }» больше нет мест для сотрудников по текущему тарифу. Мы сообщили владельцу — попробуйте позже.
error-invite-too-many-attempts = Слишком много неверных кодов. Попробуйте снова через { $minutes } мин.

notify-employee-limit-reached =
    ⚠️ { $name } не смог присоединиться к «{ $organization }»: достигнут лимит сотрудников на тарифе.
    Повысьте тариф или увольте неактивных сотрудников, и пусть человек откроет ссылку снова.
