## Contract templates, contracts, signing in chat (simple electronic signature)

menu-contract-templates = 📑 Шаблоны договоров
menu-my-contracts = ✍️ Мои договоры
staff-contracts = 📑 Договоры

contract-esign-scope =
    ℹ️ Подпись в чате — это <b>простая электронная подпись</b>. Она подходит для договоров гражданско-правового характера (ГПХ) и ознакомлений с правилами.
    Трудовой договор по Трудовому кодексу так подписать нельзя: для него нужна усиленная электронная подпись (например, через «Госключ») или бумага.

## Templates (owner)
contract-templates-title = 📑 <b>Шаблоны договоров</b>
contract-templates-none = Шаблонов пока нет. Создайте первый — из готового договора ГПХ или английского шаблона.
contract-template-label = { $name } · версия { $version }
contract-template-new = ➕ Новый шаблон
contract-template-choose-base = С какого текста начать?
contract-template-base-gpc-ru = 🇷🇺 Договор ГПХ (на русском)
contract-template-base-generic-en = 🇬🇧 Services agreement (на английском)
contract-template-ask-name = Как назвать шаблон? Например: «ГПХ бариста».
contract-template-view =
    📄 <b>{ $name }</b> · версия { $version }
    Поля: { $fields }

    <pre>{ $preview }</pre>
contract-template-no-fields = нет
contract-template-edit = ✏️ Изменить текст
contract-template-ask-text =
    Пришлите новый текст сообщением или файлом .md, .txt или .docx. Сохранится как новая версия; уже выданные договоры останутся на своей версии.
    Строка «# …» — заголовок документа, «## …» — раздел.
    Поля: { $fields }
contract-template-saved = ✅ Сохранено: версия { $version }.
contract-template-expect-text = Пришлите текст сообщением или файлом .md, .txt или .docx.

## Contracts of an employee (owner or manager)
contract-list-title = 📑 <b>Договоры: { $name }</b>
contract-list-none = Договоров пока нет.
contract-row = { $status_icon } { $name } № { $number } · с { $starts_on }
contract-new = 📝 Новый договор
contract-choose-template = Выберите шаблон договора для { $name }:
contract-no-templates = Шаблонов нет. Создайте их в главном меню: «📑 Шаблоны договоров».
contract-ask-full_name = ФИО сотрудника полностью, как в паспорте:
contract-ask-start = Дата начала (например, 01.03.2026):
contract-ask-end = Дата окончания (например, 31.05.2026) или «Без срока»:
contract-ask-rate = Ставка в час в { $money_sign } (например, 350). Она же пойдёт в расчёт зарплаты с даты начала:
contract-ask-service = Какие услуги оказывает исполнитель? Например: «приготовление кофе и обслуживание гостей».
contract-keep-value = ✅ Оставить: { $value }
contract-no-end = ♾ Без срока
contract-rate-none = 🏢 Без своей ставки
contract-preview =
    👀 Проверьте договор № { $number } в PDF выше.
    Отправить его { $name } на подпись?
contract-send = 📨 Отправить на подпись
contract-sent = ✅ Договор № { $number } отправлен на подпись.
contract-card =
    📄 <b>{ $contract_name } № { $number }</b>
    Статус: { $status }
    С { $starts_on } по { $ends_on }
contract-card-history = История:
    { $history }
contract-history-created = { $when } — составлен
contract-history-sent = { $when } — отправлен на подпись
contract-history-signed = { $when } — подписан сотрудником
contract-history-changed = { $when } — новая дата окончания: { $ends_on }
contract-history-ended = { $when } — завершён, последний день: { $ends_on }
contract-change-end = 📅 Изменить дату окончания
contract-ask-new-end = Новая дата окончания (например, 31.05.2026). Смены после неё планироваться не будут.
contract-end-changed = ✅ Дата окончания изменена.
contract-show-pdf = 📄 Показать PDF
contract-status-draft = черновик
contract-status-sent = ждёт подписи
contract-status-signed = подписан
contract-open-ended = бессрочно
contract-rate-by-object = по ставке объекта

## Signing (employee)
contract-mine-title = ✍️ <b>Мои договоры</b>
contract-mine-none = Договоров на подпись нет.
contract-mine-card =
    📄 <b>{ $name } № { $number }</b>
    Статус: { $status }
contract-sign = ✍️ Подписать
contract-agreement =
    Перед первой подписью примите соглашение об использовании простой электронной подписи:

    { $text }
contract-agreement-accept = ✅ Принимаю соглашение
contract-code-message = 🔐 Код для подписи договора № { $number }: <code>{ $code }</code>. Он действует 10 минут. Никому его не сообщайте.
contract-ask-code = Введите код из сообщения выше — так вы подпишете договор № { $number }.
contract-new-code = 🔁 Прислать новый код
contract-signed = ✅ Договор № { $number } подписан. Подписанный PDF — выше.
contract-signed-for-counterpart = ✅ { $name } подписал(а) договор № { $number }. Подписанный PDF — выше.

## The signature page of a signed PDF
contract-signature-page-title = Сведения о подписании простой электронной подписью
contract-signature-page-note = Документ подписан в Telegram-боте StaffProBot вводом одноразового кода, отправленного подписанту отдельным сообщением. Хеш SHA-256 относится к страницам документа до этой страницы.
contract-signature-document = Документ
contract-signature-sha256 = SHA-256 документа
contract-signature-version = Версия шаблона
contract-signature-signer = Подписант
contract-signature-telegram-id = ID пользователя Telegram
contract-signature-time = Время подписи
contract-signature-code-message = ID сообщения с кодом

## Errors
error-unknown-fields = В тексте есть неизвестные поля: { $fields }. Исправьте их — можно использовать только поля из списка.
error-contract-not-pending = Этот договор уже отправлен или подписан — его нельзя изменить.
error-contract-already-signed = Договор уже подписан.
error-esign-agreement-required = Сначала примите соглашение о простой электронной подписи.
error-signing-code-wrong = Код не подходит. Проверьте код в сообщении от бота.
error-signing-code-expired = Код устарел. Нажмите «Прислать новый код».
error-contract-ended = Договор сотрудника заканчивается { $ends_on }: на смены после этой даты записать нельзя.
error-template-file-unreadable = Не удалось прочитать файл. Пришлите .md, .txt или .docx до 1 МБ.

## Notifications
notify-contract_to_sign = 📄 Вам прислали договор № { $number } на подпись. Откройте «✍️ Мои договоры» в меню.
notify-contract_ending = ⏳ Договор № { $number } заканчивается { $ends_on } (через { $days } дн.). Продлите его или запланируйте замену.
