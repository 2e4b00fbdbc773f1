common-back = ⬅️ Назад
common-cancel = ✖️ Отмена
common-something-went-wrong = Что-то пошло не так. Мы уже знаем об этом — попробуйте ещё раз через минуту.
common-outdated-screen = Этот экран устарел (бот обновился или данные изменились). Вот главное меню.
common-unknown-command = Я не понял сообщение. Пользуйтесь кнопками ниже.
common-slow-down = Вы отправляете сообщения слишком быстро — следующие я пропущу. Подождите несколько секунд.

error-domain = Не получилось выполнить действие.
error-not-found = Не найдено: возможно, это уже удалили.
error-permission-denied = У вас нет прав на это действие.
error-invalid-input = Проверьте введённые данные.
error-invalid-input-empty = Поле не может быть пустым. Напишите текст.
error-invalid-input-too-long = Слишком длинно: не больше { $limit } символов.
error-invalid-input-unknown = Неизвестный часовой пояс. Выберите из списка.

command-start = Начать и открыть меню
command-menu = Главное меню
command-settings = Настройки и язык
