## Hiring: those who hire

menu-hiring = 🧲 Найм
hiring-title = <b>🧲 Найм</b>
    Отклики по объектам. Выберите объект, чтобы открыть вакансию и отклики.
hiring-no-objects = У вас нет объектов, где вы нанимаете сотрудников.
hiring-pipeline-line = <b>{ $object }</b>: новых { $new } · собеседований { $interview } · принято { $hired } · отказов { $rejected }{ $waiting ->
        [-1] {""}
       *[other] {" "}· ждёт ответа { $waiting } ч
    }
hiring-object-title = <b>{ $object }</b>
hiring-no-vacancy = Вакансии пока нет. Опишите её — бот даст ссылку и QR-код для кандидатов.
hiring-vacancy-card =
    Должность: { $position }
    Оплата: { $pay }
    График: { $schedule }
    Адрес: { $address }
    Ссылка для кандидатов: { $link }
hiring-vacancy-closed = ⏸ Вакансия закрыта: новые отклики не принимаются.
hiring-applications = 📨 Отклики
hiring-write-vacancy = ✏️ Описать вакансию
hiring-qr = 🔳 QR-код
hiring-post = 📣 Опубликовать в канале
hiring-close = ⏸ Закрыть вакансию
hiring-reopen = ▶️ Открыть вакансию
hiring-ask-position = Какая должность? Например: бариста.
hiring-ask-pay = Какая оплата? Например: от 250 { $money_sign } в час.
hiring-ask-schedule = Какой график? Например: 2/2 по 12 часов.
hiring-ask-address = Напишите адрес или оставьте адрес объекта.
hiring-object-address = 📍 Адрес объекта
hiring-ask-photo = Пришлите фото для вакансии или продолжите без него.
hiring-no-photo = Без фото
hiring-ask-post-target = Добавьте бота администратором в канал или группу, затем перешлите сюда любой пост оттуда (или напишите числовой id чата).
hiring-vacancy-saved = ✅ Вакансия сохранена. Ссылка ниже — отправьте её кандидатам.
hiring-posted = ✅ Вакансия опубликована.
hiring-qr-caption = QR-код вакансии «{ $object }»: распечатайте и повесьте на видном месте.
    { $link }
hiring-vacancy-post =
    <b>{ $organization } ищет: { $position }</b>
    💰 { $pay }
    🕒 { $schedule }
    📍 { $address }
hiring-vacancy-apply-button = Откликнуться
hiring-applications-title = Отклики — сначала те, что ждут решения:
hiring-applications-none = Откликов пока нет.
hiring-status-icon-new = 🆕
hiring-status-icon-interview = 🗓
hiring-status-icon-hired = ✅
hiring-status-icon-rejected = ✖️
hiring-status-icon-withdrawn = ↩️
hiring-status-new = новый отклик
hiring-status-interview = назначено собеседование
hiring-status-hired = принят на работу
hiring-status-rejected = отказ
hiring-status-withdrawn = отозван кандидатом
hiring-answer-pending = ждём ответа кандидата
hiring-answer-confirmed = кандидат подтвердил
hiring-answer-another_time = кандидат просит другое время
hiring-application-card =
    <b>{ $name }</b> — { $object }
    Статус: { $status }
    Телефон: { $phone }
    Опыт: { $experience }
    Удобные дни и время: { $availability }
    Отклик от { $applied }
hiring-application-interview = Собеседование: { $interview }, { $interview_place }. { $interview_note }
    Ответ: { $answer }
hiring-application-rejected = Причина отказа: { $reject_reason }
hiring-application-ratings = ⭐ Оценки в других организациях: { $rating_average } (оценок: { $rating_count })
hiring-invite-interview = 🗓 Пригласить на собеседование
hiring-hire = ✅ Принять на работу
hiring-reject = ✖️ Отказать
hiring-block = 🚫 Заблокировать кандидата
hiring-to-applications = 📨 Все отклики
hiring-pick-interview-day = Выберите день собеседования:
hiring-pick-interview-hour = Выберите час:
hiring-pick-interview-minute = Выберите минуты ({ $hour } ч):
hiring-pick-interview-place = Где пройдёт собеседование?
hiring-at-object = 🏪 На объекте
hiring-online = 💻 Онлайн
hiring-ask-interview-note = Добавьте заметку для кандидата (что взять с собой, к кому подойти) или продолжите без неё.
hiring-no-note = Без заметки
hiring-interview-set = ✅ Приглашение отправлено кандидату.
hiring-pick-reject-reason = Выберите причину отказа — кандидат получит вежливое сообщение:
hiring-reject-template-polite-button = 🙏 Вежливый отказ
hiring-reject-template-filled-button = 👤 Место уже занято
hiring-reject-template-schedule-button = 🕒 Не подходит график
hiring-reject-template-polite = Спасибо за интерес к работе у нас! К сожалению, сейчас мы не готовы предложить вам место. Желаем удачи в поиске.
hiring-reject-template-filled = Спасибо за отклик! Это место уже занято. Будем рады видеть вас в следующий раз.
hiring-reject-template-schedule = Спасибо за отклик! К сожалению, ваш график не совпадает с тем, что нам нужно.
hiring-own-reason = ✏️ Своими словами
hiring-ask-own-reason = Напишите причину — кандидат получит её как есть.
hiring-rejected = Кандидату отправлен отказ.
hiring-blocked = 🚫 Кандидат заблокирован: новые отклики от него в вашу организацию не принимаются.
hiring-ask-hire-rate = Напишите почасовую ставку сотрудника или оставьте ставку объекта.
hiring-hire-no-rate = Ставка объекта
hiring-hired = 🎉 Кандидат принят: он уже сотрудник объекта, приглашение не нужно. Дальше — договор на подпись (📑 Договор).
hiring-application-unavailable = Этот отклик недоступен.

## Hiring: candidates

apply-vacancy-card =
    <b>{ $organization } — { $position }</b>
    🏪 { $object }
    💰 { $pay }
    🕒 { $schedule }
    📍 { $address }
apply-vacancy-closed = Эта вакансия сейчас закрыта.
apply-already = Вы уже откликнулись на эту вакансию.
apply-start = 📨 Откликнуться
apply-my-application = 📄 Мой отклик
apply-ask-name = Как вас зовут?
apply-keep-name = Оставить имя из Telegram
apply-ask-phone = Поделитесь телефоном кнопкой ниже или напишите его.
apply-share-phone = 📱 Поделиться телефоном
apply-ask-experience = Пару слов об опыте: где и кем работали?
apply-ask-availability = В какие дни и часы вам удобно работать?
apply-ask-photo = Можно прислать фото — или продолжить без него.
apply-no-photo = Без фото
apply-consent = Показать нанимающему ваши оценки из других организаций? По умолчанию — нет.
apply-consent-on = ✅ Показывать мои оценки
apply-consent-off = ▫️ Показывать мои оценки
apply-send = 📨 Отправить отклик
apply-status =
    <b>Ваш отклик — { $object }</b>
    Статус: { $status }
apply-status-interview = Собеседование: { $interview }, { $place }. { $note }
apply-status-answer = Ваш ответ: { $answer }
apply-status-rejected = { $reason }
apply-confirm = ✅ Приду
apply-other-time = 🕒 Другое время
apply-withdraw = ↩️ Отозвать отклик

## Hiring: notifications

notify-hiring-application-new = 📨 Новый отклик на вакансию «{ $object }»: { $candidate }.
notify-hiring-application-withdrawn = ↩️ { $candidate } отозвал(а) отклик на вакансию «{ $object }».
notify-hiring-interview-answer = { $answer ->
        [confirmed] ✅ { $candidate } подтвердил(а) собеседование («{ $object }»).
       *[other] 🕒 { $candidate } просит перенести собеседование («{ $object }»).
    }
notify-hiring-untouched = ⏳ Отклик { $candidate } на вакансию «{ $object }» ждёт ответа уже { $hours } ч.
notify-hiring-interview-reminder = ⏰ Собеседование через 2 часа: { $candidate }, «{ $object }», { $when }{ $online ->
        [yes] , онлайн.
       *[other] , { $place }.
    }
notify-hiring-interview-invited = 🗓 Вас приглашают на собеседование («{ $object }»): { $when }{ $online ->
        [yes] , онлайн.
       *[other] , { $place }.
    } { $note }
    Подтвердите или попросите другое время.
notify-hiring-rejected = По вашему отклику («{ $object }»): { $template ->
        [polite] { hiring-reject-template-polite }
        [filled] { hiring-reject-template-filled }
        [schedule] { hiring-reject-template-schedule }
       *[other] { $reason }
    }
notify-hiring-hired = 🎉 Вас приняли на работу: «{ $organization }», объект «{ $object }». Откройте меню, чтобы увидеть свои смены.
notify-kind-hiring-application-new = Новые отклики на вакансии
notify-kind-hiring-application-withdrawn = Отозванные отклики
notify-kind-hiring-untouched = Отклики без ответа 48 часов
notify-button-open-application = 📄 Открыть отклик
notify-button-my-application = 📄 Мой отклик

## Hiring: errors

error-vacancy-unknown = Такой вакансии нет. Проверьте ссылку.
error-vacancy-closed = Эта вакансия закрыта.
error-vacancy-too-many-opens = Слишком много открытых вакансий подряд. Попробуйте через { $minutes } мин.
error-application-exists = Вы уже откликнулись на эту вакансию.
error-application-blocked = Эта организация не принимает ваши отклики.
error-application-closed = По этому отклику уже принято решение.
error-vacancy-not-chat-admin = Бот не администратор этого канала или группы. Сделайте его администратором и попробуйте снова.
error-invalid-input-phone-format = Не понял номер. Напишите его так: +7 900 123-45-67.
error-invalid-input-phone-not-own = Поделитесь своим номером кнопкой «📱 Поделиться телефоном».
error-invalid-input-photo-expected = Пришлите фото или нажмите «Без фото».
error-invalid-input-chat-expected = Перешлите пост из канала или группы либо напишите числовой id чата.
error-invalid-input-interview-in-past = Это время уже прошло. Выберите время впереди.
hiring-make-contract = 📑 Договор на подпись
