# ruff: noqa: E501 - a paragraph of a document is one line: the PDF wraps it, not the source
"""The texts an organization starts from: a civil-law (GPC) contract in Russian, a
generic services contract in English, and the simple-e-signature agreement in both."""

GPC_RU = """# Договор возмездного оказания услуг № {contract.number}

{contract.date}

{organization.name}, далее «Заказчик», и {employee.full_name}, далее «Исполнитель», заключили настоящий договор гражданско-правового характера о нижеследующем.

## 1. Предмет договора
1.1. Исполнитель по заданию Заказчика оказывает услуги: {contract.service}.
1.2. Место оказания услуг: {objects}.
1.3. Срок оказания услуг: с {contract.start} по {contract.end}.

## 2. Стоимость услуг и порядок расчётов
2.1. Стоимость услуг: {contract.rate} за час оказания услуг.
2.2. Объём оказанных услуг подтверждается отметками о начале и окончании смен в сервисе StaffProBot.
2.3. Оплата производится по итогам расчётного периода.

## 3. Права и обязанности сторон
3.1. Исполнитель оказывает услуги лично, качественно и в согласованное время.
3.2. Заказчик принимает и оплачивает оказанные услуги.

## 4. Прочие условия
4.1. Стороны признают документы, подписанные простой электронной подписью в сервисе StaffProBot, равнозначными документам на бумаге, подписанным собственноручно.
4.2. Настоящий договор не является трудовым договором.
"""

GENERIC_EN = """# Services Agreement No. {contract.number}

{contract.date}

{organization.name} (the "Client") and {employee.full_name} (the "Contractor") agree as follows.

## 1. Services
1.1. The Contractor provides the following services: {contract.service}.
1.2. Place of work: {objects}.
1.3. Term: from {contract.start} to {contract.end}.

## 2. Fees
2.1. The fee is {contract.rate} per hour of services.
2.2. Hours are recorded by the shift check-ins and check-outs in StaffProBot.

## 3. Other terms
3.1. The parties accept documents signed with a simple electronic signature in StaffProBot as equal to signed paper documents.
"""

ESIGN_AGREEMENT_RU = """# Соглашение об использовании простой электронной подписи

{organization.name} и {employee.full_name} договорились о следующем.

1. Документы (договоры гражданско-правового характера, ознакомления с правилами) подписываются в чате с ботом StaffProBot простой электронной подписью.
2. Подписью считается ввод одноразового кода, который бот присылает отдельным сообщением в Telegram-аккаунт подписанта. Подписант обязан хранить доступ к своему аккаунту в тайне.
3. Документ, подписанный так, равнозначен документу на бумаге, подписанному собственноручно.
4. Для каждой подписи сохраняются: хеш SHA-256 документа, версия шаблона, идентификатор пользователя Telegram, время подписи и номер сообщения с кодом.
5. Трудовой договор по Трудовому кодексу РФ так не подписывается: для него нужна усиленная электронная подпись или бумага.
"""

ESIGN_AGREEMENT_EN = """# Agreement on the use of a simple electronic signature

{organization.name} and {employee.full_name} agree as follows.

1. Documents (civil-law contracts, acknowledgments of rules) are signed in the chat with the StaffProBot bot with a simple electronic signature.
2. A signature is the entry of a one-time code that the bot sends in a separate message to the signer's Telegram account. The signer keeps access to that account to themselves.
3. A document signed this way is equal to a signed paper document.
4. For every signature the SHA-256 hash of the document, the template version, the Telegram user id, the time and the id of the code message are kept.
5. An employment contract under the Russian Labour Code cannot be signed this way: it needs an enhanced electronic signature or paper.
"""

# The templates an owner may start a new one from, by key.
STARTING_TEXTS = {"gpc_ru": GPC_RU, "generic_en": GENERIC_EN}
ESIGN_AGREEMENTS = {"ru": ESIGN_AGREEMENT_RU, "en": ESIGN_AGREEMENT_EN}
