# Telegram Mini App (C11)
miniapp-title-home = StaffProBot
miniapp-title-board = Доска планирования
miniapp-title-schedule = Мой график
miniapp-title-map = Карта объектов
miniapp-title-payslip = Расчётный листок
miniapp-loading = Загрузка…
miniapp-outside-title = Откройте из Telegram
miniapp-outside-text = Эта страница работает только внутри Telegram. Откройте её кнопкой в боте StaffProBot.
miniapp-error-generic = Не получилось загрузить данные. Попробуйте ещё раз.
miniapp-error-network = Нет связи с сервером. Проверьте интернет и попробуйте ещё раз.
miniapp-retry = Повторить
miniapp-error-auth = Сессия устарела. Закройте приложение и откройте его снова из бота.
miniapp-error-forbidden = Эта страница доступна только владельцу и менеджерам.
miniapp-no-organization = Вы пока не состоите ни в одной организации. Начните в боте.
miniapp-role-owner = владелец
miniapp-role-manager = менеджер
miniapp-role-employee = сотрудник
miniapp-page-board = 🗓 Доска планирования
miniapp-page-schedule = 📅 Мой график
miniapp-page-map = 🗺 Карта объектов
miniapp-page-payslip = 💰 Расчётный листок
miniapp-week-prev = ‹ Неделя
miniapp-week-next = Неделя ›
miniapp-month-prev = ‹
miniapp-month-next = ›
miniapp-board-empty = Нет объектов, которые вы можете планировать.
miniapp-board-object = Объект
miniapp-board-cost = Фонд оплаты
miniapp-board-week-cost = За неделю: { $amount }
miniapp-slot-people = Запланированы
miniapp-slot-nobody = Пока никого.
miniapp-slot-assign = Назначить
miniapp-slot-unassign = Снять
miniapp-slot-candidates = Кого назначить
miniapp-slot-no-candidates = Некого назначить: все сотрудники объекта уже на этой смене.
miniapp-slot-full = Все места заняты.
miniapp-slot-started = Смена уже началась — её нельзя изменить.
miniapp-slot-comment = Комментарий сотруднику при снятии (необязательно)
miniapp-assigned = Назначено: { $name }
miniapp-unassigned = Снят(а) со смены: { $name }
miniapp-slot-move = Перенести
miniapp-move-title = Переносим: { $name }
miniapp-move-hint = Нажмите смену, куда перенести, — на этой или другой неделе.
miniapp-move-cancel = Отмена
miniapp-move-same = Сотрудник уже на этой смене — выберите другую.
miniapp-moved = Перенесено: { $name }
miniapp-close = Закрыть
miniapp-schedule-empty = В этом месяце у вас нет запланированных смен.
miniapp-schedule-list = Смены месяца
miniapp-map-fallback = Карта сейчас недоступна — вот список объектов с координатами и радиусами геозон.
miniapp-map-no-coordinates = Координаты не заданы
miniapp-map-radius = радиус { $radius } м
miniapp-map-empty = Нет объектов.
miniapp-payslip-period = Период
miniapp-payslip-hours = Отработано часов: { $hours }
miniapp-payslip-frozen = 🔒 Период закрыт, суммы зафиксированы.
miniapp-payslip-open = Период открыт: суммы ещё могут измениться.
miniapp-payslip-lines = Из чего сложилась сумма
miniapp-payslip-empty = Начислений пока нет.
miniapp-total-gross = Начислено
miniapp-total-fines = Штрафы и удержания
miniapp-total-bonuses = Премии и бонусы
miniapp-total-net = К выплате
miniapp-total-paid = Выплачено
miniapp-total-balance = Остаток
miniapp-title-reports = Отчёт
miniapp-page-reports = 📊 Отчёт
miniapp-report-period = Период
miniapp-report-scope = По кому
miniapp-report-from = С
miniapp-report-to = По
miniapp-report-show = Показать
miniapp-report-empty = За этот период смен нет.
miniapp-chart-hours = Часы по дням
miniapp-chart-cost = Фонд оплаты по дням
miniapp-report-employees = Сотрудники
miniapp-figure-shifts = Смены
miniapp-figure-hours = Часы
miniapp-figure-cost = Фонд оплаты
miniapp-figure-late = Опоздания · минут
miniapp-figure-no-shows = Неявки
miniapp-figure-cancellations = Отмены
miniapp-figure-tasks = Задачи выполнены
miniapp-figure-fines = Штрафы
miniapp-figure-bonuses = Бонусы
miniapp-column-name = Сотрудник
miniapp-column-late = Опозд.
miniapp-column-no-shows = Неявки

# Open shifts page (employees)
miniapp-title-open-shifts = Свободные смены
miniapp-page-open-shifts = 🆓 Свободные смены
miniapp-open-shifts-hint = Свободные места и смены, которые отдают коллеги, на 14 дней вперёд — только те, что вы можете взять.
miniapp-open-shifts-empty = Свободных смен сейчас нет. Бот напишет, когда они появятся.
miniapp-open-take = Взять
miniapp-open-ask = Попросить
miniapp-open-from = Отдаёт { $name }
miniapp-open-approval = 🔒 нужно одобрение руководителя

# Planning board: give-aways, swaps and requests on a slot
miniapp-slot-pending = Обмены и запросы
miniapp-slot-pending-hint = Одобрить или отказать можно в боте: «📅 Планирование» → «📎 Согласования».
# Formatted by the API (not sent to the page scripts).
board-pending-offer = { $status ->
        [pending_approval] 🤝 { $name } отдаёт смену, { $other } берёт — ждёт одобрения
       *[open] 🤝 { $name } отдаёт смену
    }
board-pending-swap = { $status ->
        [pending_approval] 🔄 Обмен { $name } ⇄ { $other } — ждёт одобрения
       *[proposed] 🔄 { $name } ⇄ { $other }: предложен обмен
    }
board-pending-request = 🙋 { $name } просит место — ждёт одобрения
