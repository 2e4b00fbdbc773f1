## Объявления (C22)
menu-announcements = 📢 Объявления
announcements-title = 📢 <b>Объявления</b>
    Последние объявления и сколько человек их прочитали. Нажмите, чтобы увидеть, кто ещё не прочитал.
announcements-none = Объявлений пока нет.
announcements-posted-item = { $preview } · { $needs_ack ->
        [yes] ✅ { $read } из { $total }
       *[no] отправлено { $total }
    }
announcements-new = ➕ Новое объявление
announcements-receipts =
    📢 { $text }

    { $needs_ack ->
        [yes] Прочитали { $read } из { $total }.
       *[other] Отправлено { $total } сотрудникам (без подтверждения).
    }
announcements-pending = Ещё не прочитали: { $pending }
announcements-audience = Кому отправить объявление?
announcements-everyone = 👥 Всем сотрудникам
announcements-some-objects = 🏪 Сотрудникам объектов…
announcements-pick-objects = Отметьте объекты, чьим сотрудникам отправить объявление:
announcements-next = ➡️ Дальше
announcements-compose = Напишите текст объявления. Можно отправить фото или файл с подписью.
announcements-preview =
    📢 <b>Так увидят сотрудники:</b>
    { $text }
announcements-ack-on = ✅ Просить «Понятно»: да
announcements-ack-off = ⬜ Просить «Понятно»: нет
announcements-send = 📨 Отправить
announcements-edit = ✏️ Изменить текст
announcements-sent = ✅ Объявление отправлено. Сообщения уходят постепенно, по лимитам Telegram.
announcements-read =
    📢 <b>Объявление</b> · { $author }, { $date }
    { $text }
announcements-already-acked = ✅ Вы подтвердили, что прочитали.
announcements-got-it = ✅ Понятно
announcements-acknowledged = ✅ Отмечено. Есть ещё непрочитанное объявление:
announcements-home-unread = 📢 <b>Непрочитанных объявлений: { $unread_announcements }</b> — «{ $latest_unread }»
announcements-home-open = 📢 Прочитать объявления ({ $unread_announcements })
announcements-open-button = 📢 Открыть в боте
notify-announcement =
    📢 <b>Объявление</b> от { $author }
    { $text }
error-invalid-input-announcement-empty = Напишите текст объявления (у фото или файла — подпись).
error-invalid-input-announcement-media = Можно приложить фото или файл.
announcements-all-read = Все объявления прочитаны.
