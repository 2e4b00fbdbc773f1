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
menu-settings = ⚙️ Настройки

onboarding-ask-name = Как называется ваш бизнес? Напишите название (например, «Кофейня на Мира»).
