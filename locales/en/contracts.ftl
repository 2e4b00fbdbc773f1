## Contract templates, contracts, signing in chat (simple electronic signature)

menu-contract-templates = 📑 Contract templates
menu-my-contracts = ✍️ My contracts
staff-contracts = 📑 Contracts

contract-esign-scope =
    ℹ️ Signing in the chat is a <b>simple electronic signature</b>. It fits civil-law (GPC) contracts and acknowledgments of rules.
    An employment contract under the Labour Code cannot be signed this way: it needs an enhanced electronic signature (e.g. via Gosklyuch) or paper.

## Templates (owner)
contract-templates-title = 📑 <b>Contract templates</b>
contract-templates-none = No templates yet. Create the first one from the Russian GPC contract or the English template.
contract-template-label = { $name } · version { $version }
contract-template-new = ➕ New template
contract-template-choose-base = Which text do you start from?
contract-template-base-gpc-ru = 🇷🇺 GPC contract (in Russian)
contract-template-base-generic-en = 🇬🇧 Services agreement (in English)
contract-template-ask-name = What is the template called? For example: "Barista services".
contract-template-view =
    📄 <b>{ $name }</b> · version { $version }
    Fields: { $fields }

    <pre>{ $preview }</pre>
contract-template-no-fields = none
contract-template-edit = ✏️ Change the text
contract-template-ask-text =
    Send the new text as a message or as a .md, .txt or .docx file. It is saved as a new version; contracts already made keep their version.
    A line "# …" is the document's title, "## …" a section.
    Fields: { $fields }
contract-template-saved = ✅ Saved: version { $version }.
contract-template-expect-text = Send the text as a message or as a .md, .txt or .docx file.

## Contracts of an employee (owner or manager)
contract-list-title = 📑 <b>Contracts: { $name }</b>
contract-list-none = No contracts yet.
contract-row = { $status_icon } { $name } No. { $number } · from { $starts_on }
contract-new = 📝 New contract
contract-choose-template = Choose a contract template for { $name }:
contract-no-templates = No templates. Create them in the main menu: "📑 Contract templates".
contract-ask-full_name = The employee's full name, as in the passport:
contract-ask-start = Start date (e.g. 01.03.2026):
contract-ask-end = End date (e.g. 31.05.2026) or "No end date":
contract-ask-rate = Hourly rate (e.g. 350). Payroll uses it from the start date too:
contract-ask-service = What services does the contractor provide? For example: "making coffee and serving guests".
contract-keep-value = ✅ Keep: { $value }
contract-no-end = ♾ No end date
contract-rate-none = 🏢 No own rate
contract-preview =
    👀 Check contract No. { $number } in the PDF above.
    Send it to { $name } to sign?
contract-send = 📨 Send to sign
contract-sent = ✅ Contract No. { $number } was sent to sign.
contract-card =
    📄 <b>{ $contract_name } No. { $number }</b>
    Status: { $status }
    From { $starts_on } to { $ends_on }
contract-card-history = History:
    { $history }
contract-history-created = { $when } — made
contract-history-sent = { $when } — sent to sign
contract-history-signed = { $when } — signed by the employee
contract-history-changed = { $when } — new end date: { $ends_on }
contract-history-ended = { $when } — ended, last day: { $ends_on }
contract-change-end = 📅 Change the end date
contract-ask-new-end = New end date (e.g. 31.05.2026). No shifts are planned after it.
contract-end-changed = ✅ The end date was changed.
contract-show-pdf = 📄 Show the PDF
contract-status-draft = draft
contract-status-sent = waiting for signature
contract-status-signed = signed
contract-open-ended = open-ended
contract-rate-by-object = the object's rate

## Signing (employee)
contract-mine-title = ✍️ <b>My contracts</b>
contract-mine-none = No contracts to sign.
contract-mine-card =
    📄 <b>{ $name } No. { $number }</b>
    Status: { $status }
contract-sign = ✍️ Sign
contract-agreement =
    Before your first signature, accept the agreement on using a simple electronic signature:

    { $text }
contract-agreement-accept = ✅ I accept the agreement
contract-code-message = 🔐 The code to sign contract No. { $number }: <code>{ $code }</code>. It works for 10 minutes. Do not tell it to anyone.
contract-ask-code = Type the code from the message above to sign contract No. { $number }.
contract-new-code = 🔁 Send a new code
contract-signed = ✅ Contract No. { $number } is signed. The signed PDF is above.
contract-signed-for-counterpart = ✅ { $name } signed contract No. { $number }. The signed PDF is above.

## The signature page of a signed PDF
contract-signature-page-title = Simple electronic signature record
contract-signature-page-note = Signed in the StaffProBot Telegram bot by entering a one-time code sent to the signer in a separate message. The SHA-256 hash covers the document's pages before this page.
contract-signature-document = Document
contract-signature-sha256 = Document SHA-256
contract-signature-version = Template version
contract-signature-signer = Signer
contract-signature-telegram-id = Telegram user id
contract-signature-time = Signed at
contract-signature-code-message = Code message id

## Errors
error-unknown-fields = The text has unknown fields: { $fields }. Fix them: only the fields from the list can be used.
error-contract-not-pending = This contract was already sent or signed: it cannot be changed.
error-contract-already-signed = The contract is already signed.
error-esign-agreement-required = First accept the simple electronic signature agreement.
error-signing-code-wrong = Wrong code. Check the code in the bot's message.
error-signing-code-expired = The code has expired. Tap "Send a new code".
error-contract-ended = The employee's contract ends on { $ends_on }: no shifts after that date.
error-template-file-unreadable = Could not read the file. Send a .md, .txt or .docx of at most 1 MB.

## Notifications
notify-contract_to_sign = 📄 You were sent contract No. { $number } to sign. Open "✍️ My contracts" in the menu.
notify-contract_ending = ⏳ Contract No. { $number } ends on { $ends_on } (in { $days } days). Extend it or plan a replacement.
