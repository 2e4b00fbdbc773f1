media-settings-title =
    🗂 <b>Хранение фото и документов</b>

    Фотоотчёты по задачам: { $task_proof_mode ->
        [storage] в нашем хранилище
        [both] в Telegram и в нашем хранилище
       *[telegram] только в Telegram
    }
    Документы к отменам смен: { $cancellation_document_mode ->
        [storage] в нашем хранилище
        [both] в Telegram и в нашем хранилище
       *[telegram] только в Telegram
    }
    Документы сотрудников: { $employee_document_mode ->
        [storage] в нашем хранилище
        [both] в Telegram и в нашем хранилище
       *[telegram] только в Telegram
    }

    Выберите, что настроить:
media-settings-storage-locked = ℹ️ На тарифе { $tariff } файлы хранятся только в Telegram. Хранилище доступно на тарифах Pro и Business.
media-settings-context-task-proof = 📸 Фотоотчёты по задачам
media-settings-context-cancellation-document = 📄 Документы к отменам
media-settings-context-employee-document = 🪪 Документы сотрудников
media-settings-choose-mode =
    { $context ->
        [cancellation_document] 📄 Документы к отменам
        [employee_document] 🪪 Документы сотрудников
       *[task_proof] 📸 Фотоотчёты по задачам
    }
    Сейчас: { $current_mode ->
        [storage] в нашем хранилище
        [both] в Telegram и в нашем хранилище
       *[telegram] только в Telegram
    }

    Где хранить файлы?
media-settings-mode-telegram = 💬 Только в Telegram
media-settings-mode-storage = 🗄 В нашем хранилище
media-settings-mode-both = 🔁 И там, и там

error-media-storage-unavailable = Хранилище файлов сейчас недоступно. Ваши фото сохранены — нажмите «Готово» ещё раз чуть позже.
error-media-object-not-found = Файл не найден.
error-media-storage-unsupported = Это хранилище так не умеет.
error-media-flow-expired = Время на отправку файлов истекло (1 час). Начните заново.
error-media-limit = Этот файл не подходит.
error-media-limit-items = Не больше { $max_items } файлов. Лишние не сохранены.
error-media-limit-size = Файл слишком большой: не больше { $max_size_mb } МБ.
error-media-limit-type = Здесь принимаются только фото и видео.
error-media-limit-comment = Комментарий слишком длинный: не больше { $max_length } символов.
error-media-flow-incomplete = Пришлите хотя бы { $min_items } фото или видео.
error-media-flow-busy = Файлы уже сохраняются, подождите немного.
error-media-storage-mode-not-allowed = Хранилище недоступно на тарифе { $tariff }. Перейдите на Pro или Business.
