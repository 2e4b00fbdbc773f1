tasks-no-shift = Сейчас у вас нет открытой смены. Задачи появятся, когда вы откроете смену.
tasks-checklist =
    📋 <b>Задачи смены</b> — { $object_name }
    Выполнено { $done } из { $total }

    { $tasks_list }

    ❗ — обязательная, 📷 — нужно фото или видео. Нажмите на задачу, чтобы отметить её.
tasks-none = 📋 На этой смене задач нет.
tasks-mandatory-left = ⚠️ Осталось обязательных задач: { $mandatory_left }.
tasks-task-card =
    📋 <b>{ $title }</b>
    { $status ->
        [done] ✅ Выполнена
       *[open] ⬜ Ещё не выполнена
    }
tasks-task-mandatory = ❗ Обязательная
tasks-task-fine = 💸 Штраф, если не выполнить: { $fine }
tasks-task-needs-proof = 📷 Нужно фото или видео
tasks-task-bonus = 🎁 Бонус: { $bonus }
tasks-task-rejected = ↩️ Отчёт не принят: «{ $comment }». Пришлите новый.
tasks-task-gone = Эта задача больше не в вашей открытой смене.
tasks-task-mark-done = ✅ Отметить выполненной
tasks-task-send-proof = 📷 Отправить фото или видео
tasks-task-all = 📋 Все задачи смены
tasks-link-unavailable = Эта задача не найдена или недоступна вам. Вот главное меню.
tasks-proof =
    📷 <b>{ $task }</b>
    Пришлите до { $max_items } фото или видео (можно альбомом), подпись станет комментарием.
    Получено: { $count }.
tasks-proof-expired = Время на отправку истекло. Вернитесь к списку и начните заново.
tasks-proof-done = ✅ Готово
tasks-proof-cancel = ✖️ Отмена
notify-task_proof =
    📋 { $task }
    👤 { $employee } · 🏪 { $object_name } · 🕒 { $time }
    { $comment }
    🔎 <a href="{ $link }">Проверить в боте</a>
notify-task_proof_rejected =
    ↩️ Фотоотчёт по задаче «{ $task }» не принят: { $comment }
    Задача снова открыта — пришлите новый отчёт.
notify-button-redo-task = 📷 Переделать отчёт

task-review-title = 🧾 <b>Фотоотчёты за неделю</b>. Выберите, чтобы посмотреть или отклонить:
task-review-empty = 🧾 За последнюю неделю фотоотчётов нет.
task-review-proof =
    🧾 <b>{ $task }</b>
    👤 { $employee } · 🏪 { $object_name }
task-review-gone = Этот отчёт уже отклонён или недоступен.
task-review-show-files = 📎 Показать файлы
task-review-files-caption = 📎 Фотоотчёт
miniapp-title-proofs = Фотоотчёт
miniapp-proofs-empty = Файлов в этом отчёте нет.
miniapp-proofs-no-task = Не указано, какой отчёт открыть. Откройте его кнопкой в боте.
miniapp-proofs-rejected = Отчёт отклонён:
miniapp-proofs-photo = Фото отчёта
miniapp-proofs-file = Открыть файл
task-review-open-viewer = 🖼 Открыть в приложении
task-review-reject = ❌ Отклонить
task-review-ask-comment = Напишите, что не так: сотрудник получит ваш комментарий, и задача снова откроется.
task-review-rejected = Отчёт отклонён, сотрудник получит уведомление.

task-templates-choose-object = 📝 <b>Задачи объектов</b>. Выберите объект:
task-templates-no-objects = Нет объектов, где вы можете менять задачи.
task-templates-list =
    📝 <b>Задачи: { $object_name }</b>
    Они появляются в каждой смене на этом объекте. ❗ — обязательная, 📷 — с фотоотчётом.
task-templates-empty =
    📝 <b>Задачи: { $object_name }</b>
    Задач пока нет.
task-templates-slot-list =
    📝 <b>Задачи слота: { $object_name }, { $date } { $start }–{ $end }</b>
    Их получат только смены этого слота. ❗ — обязательная, 📷 — с фотоотчётом.
task-templates-slot-empty =
    📝 <b>Задачи слота: { $object_name }, { $date } { $start }–{ $end }</b>
    Своих задач у слота пока нет.
task-templates-slot-object-tasks = { $ignores ->
        [yes] 🚫 Задачи объекта ({ $object_task_count }) в сменах этого слота не появятся.
       *[no] ➕ Задачи объекта ({ $object_task_count }) тоже будут в сменах этого слота.
    }
task-templates-ignore-object-on = ✅ Без задач объекта
task-templates-ignore-object-off = ⬜ Без задач объекта
task-templates-add = ➕ Добавить задачу
task-templates-ask-title = Как называется задача? Например: «Протереть витрину».
task-templates-draft =
    📝 <b>{ $title }</b>
    Обязательная: { $is_mandatory ->
        [yes] да
       *[no] нет
    }
    Фото или видео: { $needs_proof ->
        [yes] нужно
       *[no] не нужно
    }
    Бонус за выполнение: { $bonus }
    { $is_mandatory ->
        [yes] Штраф, если не выполнена: { $fine }
       *[no] {""}
    }
task-templates-mandatory-on = ✅ Обязательная
task-templates-mandatory-off = ⬜ Обязательная
task-templates-proof-on = ✅ Нужно фото/видео
task-templates-proof-off = ⬜ Нужно фото/видео
task-templates-set-bonus = 🎁 Бонус
task-templates-set-fine = 💸 Штраф
task-templates-save = 💾 Сохранить
task-templates-ask-bonus = Бонус за выполнение, { $money_sign } (0 — без бонуса):
task-templates-ask-fine = Штраф, если обязательная задача не выполнена, { $money_sign } (0 — без штрафа):
task-templates-card =
    📝 <b>{ $title }</b>
    Обязательная: { $is_mandatory ->
        [yes] да
       *[no] нет
    }
    Фото или видео: { $needs_proof ->
        [yes] нужно
       *[no] не нужно
    }
    Бонус: { $bonus } · Штраф: { $fine }
task-templates-remove = 🗑 Убрать задачу

error-task-no-open-shift = Сначала откройте смену.
error-task-not-open = Эта задача уже выполнена.
error-task-proof-required = Для этой задачи нужен фотоотчёт.
error-task-proof-not-rejectable = Этот отчёт уже отклонён.
error-task-shift-closed = Эта смена уже закрыта: задачу больше нельзя отметить.
