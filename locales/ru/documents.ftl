# Employee documents: required kinds, uploads, review, expiry.

menu-my-documents = 🗂 Мои документы
menu-documents-to-check = 🗂 Документы на проверку
menu-document-kinds = 🗂 Обязательные документы

documents-default-passport = Паспорт
documents-default-medical-book = Медицинская книжка
documents-default-inn = ИНН

documents-all-objects = все объекты
documents-kind-line = • { $title }{ $expiry ->
        [1] {" "}(со сроком действия)
       *[0] {""}
    } — { $objects }
documents-kinds-title =
    🗂 <b>Обязательные документы</b>

    Сотрудники загружают их фото или PDF в боте, а вы или управляющие проверяете.
    { $lines }

    Документы уволенных хранятся { $retention_days } дн. после последнего рабочего дня, потом удаляются.
documents-kinds-none = Пока ничего не требуется. Добавьте документ из списка или свой.
documents-add-preset = ➕ { $title }
documents-add-other = ➕ Другой документ
documents-retention-button = 🕓 Срок хранения: { $retention_days } дн.
documents-ask-title = Как называется документ? Например: «Справка об отсутствии судимости».
documents-ask-expiry-kind = У этого документа есть срок действия? Тогда сотрудник укажет дату, а бот напомнит о ней за 30 и за 7 дней.
documents-with-expiry = 📅 Да, со сроком действия
documents-without-expiry = Без срока
documents-kind-card =
    🗂 <b>{ $title }</b>{ $expiry ->
        [1] {" "}(со сроком действия)
       *[0] {""}
    }

    { $everywhere ->
        [1] Нужен на всех объектах. Отметьте объекты, если он нужен только на некоторых.
       *[0] Нужен на отмеченных объектах. Нажмите на объект, чтобы убрать или добавить его.
    }
documents-everywhere = 🌐 На всех объектах
documents-delete-kind = 🗑 Больше не требовать
documents-ask-retention = Сколько дней хранить документы уволенного сотрудника? Сейчас: { $retention_days }. Напишите число от 1 до 3650.
documents-kind-added = ✅ Добавлен документ «{ $title }».
documents-kind-deleted = 🗑 Документ больше не требуется.
documents-retention-set = ✅ Документы уволенных будут храниться { $days } дн.

documents-my-title = 🗂 <b>Мои документы</b>

    Выберите документ, чтобы загрузить его фото или PDF.
documents-my-none = Работодатель пока не требует документов.
documents-my-rejections = { $lines }
documents-my-row = { $icon } { $title } — { $expired ->
        [1] срок истёк { $expires_on }
       *[0] { $status ->
            [pending] на проверке
            [approved] { $dated ->
                [0] принят
               *[other] принят, действует до { $expires_on }
            }
            [rejected] отклонён
           *[missing] не загружен
        }
    }
documents-rejected-line = ❌ «{ $title }» отклонён: { $reason }
documents-upload =
    📎 Пришлите фото документа (все страницы) или PDF-файл — до { $max_items } файлов.
    Загружено: { $count }.
documents-upload-expired = ⌛ Загрузка устарела (прошло больше часа). Отмените и начните заново.
documents-upload-done = ✅ Готово
documents-upload-cancel = ✖️ Отмена
documents-ask-expiry-date = 📅 До какой даты действует документ? Напишите дату, например 31.12.2027.
documents-sent = 📨 «{ $title }» отправлен на проверку. Ответ придёт сюда.

documents-check-title = 🗂 <b>Документы на проверку</b>
staff-documents = 🗂 Документы
documents-member-title =
    🗂 <b>Документы сотрудника</b>

    Выберите документ, чтобы посмотреть файлы.
documents-check-none = Новых документов нет.
documents-check-card =
    🗂 <b>{ $title }</b> — { $employee }
    { $dated ->
        [0] Без срока действия.
       *[other] Действует до { $expires_on }.
    }
    Файлов: { $files } (отправлены выше).
    { $status ->
        [pending] Ждёт решения.
        [approved] Принят.
        [rejected] Отклонён.
       *[other] Заменён новым.
    }
documents-approve = ✅ Принять
documents-reject = ❌ Отклонить
documents-ask-reason = Почему документ отклонён? Сотрудник увидит это сообщение — напишите, что исправить.
documents-approved = ✅ Документ принят, сотрудник получил уведомление.
documents-rejected = ❌ Документ отклонён, сотрудник получил причину.

error-document-expired = ⛔ Срок действия документа «{ $title }» истекает { $expires_on } — на смены на этом объекте после этой даты записаться нельзя. Загрузите новый документ в «🗂 Мои документы».
error-document-not-pending = Этот документ уже проверен.
error-document-expiry-required = Укажите, до какой даты действует документ.
error-document-file-type = Пришлите фото или PDF-файл — другие файлы не подходят.
error-invalid-input-document-kind-exists = Такой документ уже есть в списке.
error-invalid-input-document-date-past = Эта дата уже прошла — документ просрочен. Загрузите действующий документ.

notify-kind-document_to_check = Документы сотрудников на проверку
notify-document_to_check = 🗂 { $employee } прислал(а) документ на проверку: «{ $title }». Откройте «🗂 Документы на проверку» в меню.
notify-document_reviewed = { $status ->
        [approved] ✅ Документ «{ $title }» принят.
       *[rejected] ❌ Документ «{ $title }» отклонён: { $reason }. Загрузите его заново в «🗂 Мои документы».
    }
notify-document_expiring = ⏳ { $own ->
        [1] Срок действия вашего документа «{ $title }» истекает { $expires_on } (через { $days } дн.). Загрузите новый в «🗂 Мои документы» — с просроченным нельзя записываться на смены.
       *[0] У сотрудника { $employee } истекает документ «{ $title }»: { $expires_on } (через { $days } дн.).
    }
