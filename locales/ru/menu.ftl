menu-greeting-new =
    👋 Здравствуйте, { $user_name }!
    StaffProBot ведёт смены: график, отметку прихода по геолокации, задачи с фотоотчётом и зарплату — прямо в Telegram.

    Вы руководите бизнесом или пришли по приглашению?
menu-greeting-owner =
    🏢 <b>{ $organization_name }</b>
    Главное меню владельца.
menu-greeting-manager =
    🏢 <b>{ $organization_name }</b>
    Главное меню управляющего.
menu-greeting-employee =
    🏢 <b>{ $organization_name }</b>
    Здравствуйте, { $user_name }! Ваши смены и заработок — здесь.
menu-run-business = 🏢 Я руковожу бизнесом
menu-have-invite = ✉️ У меня есть приглашение
menu-invite-help =
    Откройте ссылку-приглашение, которую прислал работодатель: она выглядит как t.me/…?start=…
    Бот сразу добавит вас в организацию.
    Или пришлите сюда ссылку или код приглашения.
menu-staff = 👥 Сотрудники
menu-invites = ✉️ Приглашения
menu-settings = ⚙️ Настройки
menu-media-settings = 🗂 Хранение файлов
menu-shift-tasks = 📋 Задачи смены
menu-task-templates = 📝 Задачи объектов
menu-task-review = 🧾 Фотоотчёты
menu-objects = 🏪 Объекты
menu-planning = 📅 Планирование
menu-planning-board = 🗓 Доска планирования
menu-my-schedule = 📅 Моё расписание
menu-organizations = 🏢 Организации
menu-subscription = 💳 Подписка

onboarding-ask-name = Как называется ваш бизнес? Напишите название (например, «Кофейня на Мира»).
menu-clock-open = 🟢 Открыть смену
menu-clock-close = 🔴 Закрыть смену
menu-on-shift = 👷 На смене
menu-payroll = 💰 Зарплата
menu-my-pay = 💰 Мой заработок
menu-reports = 📊 Отчёты
menu-my-stats = 📈 Моя статистика

## The employee's home screen (the main menu)
menu-home-on-shift = 🟢 <b>На смене</b>: { $shift_object }, с { $shift_opened } — уже { $so_far_hours } ч { $so_far_minutes } мин
menu-home-next = 📅 Следующая смена: { $next_day }, { $next_start }–{ $next_end }, { $next_object } · <a href="{ $next_map }">карта</a>
menu-home-next-no-map = 📅 Следующая смена: { $next_day }, { $next_start }–{ $next_end }, { $next_object }
menu-home-no-next = 📅 Запланированных смен пока нет.
menu-home-earned = 💰 Заработано за { $period_start } – { $period_end }: <b>{ $earned }</b>

menu-mini-app-off = ℹ️ Страницы мини-приложения (доска недели, отчёты, карта, листки) выключены: Telegram открывает их только по адресу https://, а сейчас адрес { $webapp_base_url }. Как включить — в README, раздел «Mini App: https».
