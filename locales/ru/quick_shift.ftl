menu-quick-shift = ➕ Смена
quick-pick-object = ➕ <b>Новая смена</b>: выберите объект.
quick-no-objects = Нет объектов, где вы можете планировать.
quick-pick-day = ➕ <b>{ $object }</b>: выберите день смены.
quick-pick-times = ➕ <b>{ $object }</b>, { $date }: выберите время.
quick-or-type-times = Или напишите своё, например <code>10:00-19:00</code>.
quick-type-times = Напишите время смены, например <code>10:00-19:00</code> (ночная: <code>22-6</code>).
quick-pick-employee = ➕ <b>{ $object }</b>, { $date } { $hours }: кто выходит?
quick-no-employees = На этом объекте нет сотрудников. Пригласите их в «Приглашениях».
quick-done = ✅ { $employee }: { $object }, { $date } { $hours }. Сотрудник получит уведомление.
quick-another = ➕ Ещё смена
quick-slot-rate = 💰 Своя ставка слота
quick-to-menu = 🏠 В меню
quick-ask-rate = Ставка этого слота в час (важнее ставки объекта, уступает ставке из договора). 0 — убрать ставку слота.
quick-rate-set = 💰 Ставка слота: { $rate } в час.
quick-rate-cleared = 💰 У слота больше нет своей ставки.
quick-copy-week = 📋 Копировать прошлую неделю
quick-copy-title = 📋 <b>{ $object }</b>: неделя { $source } → { $target }
quick-copy-nothing = На этой неделе нет смен — копировать нечего.
quick-copy-summary = Слотов: { $slots }, сотрудников будет назначено: { $people }.
quick-copy-conflicts =
    ⚠️ Не получится назначить:
    { $conflicts }
quick-copy-conflict = • { $employee }, { $date } { $hours }: { $why }
quick-copy-confirm = ✅ Копировать
quick-copy-done = 📋 Скопировано: слотов { $slots }, назначено { $people }, конфликтов { $conflicts }.
planning-slot-rate-line = 💰 Ставка слота: { $rate } в час
