## Incidents and requests (C25): incidents on employees, their answers and decisions,
## the owner's kinds, product list and deduction cap; employees' requests for money.

menu-incidents = ⚠️ Incidents
menu-requests = 🧾 Requests

incidents-title =
    ⚠️ <b>Incidents</b>
    Open ones (waiting for an answer or disputed) come first.
incidents-empty =
    ⚠️ <b>Incidents</b>
    No incidents yet.
incidents-record = ➕ Record an incident
incidents-settings = ⚙️ Kinds, products and the cap
incident-row = #{ $id } · { $employee } · { $amount } · { $status }
incident-status-awaiting = ⏳ waiting for an answer
incident-status-accepted = ✅ accepted
incident-status-disputed = ✋ disputed
incident-status-upheld = ⚖️ upheld
incident-status-cancelled = ↩️ cancelled
incident-status-lapsed = ⌛ accepted by silence
incident-kind-damage = Damage
incident-kind-shortage = Shortage
incident-kind-violation = Violation

incident-card =
    ⚠️ <b>Incident #{ $id }</b> · { $kind }
    Employee: { $employee }
    Location: { $object_name }
    What happened: { $description }
    To deduct: <b>{ $amount }</b>
    Status: { $status }
incident-card-dispute = ✋ Employee's objection: { $dispute }
incident-card-decision = ⚖️ Decision: { $decision }
incident-card-answer-by = You can accept or dispute it until { $answer_by }. Without an answer by then it counts as accepted.
case-history =
    <b>History</b>
    { $history }
case-history-step = { $at } · { $who }: { $action }
case-history-step-commented = { $at } · { $who }: { $action } — { $comment }
case-history-system = the system
case-action-recorded = recorded
case-action-accepted = accepted
case-action-disputed = disputed
case-action-upheld = upheld the deduction
case-action-cancelled = cancelled the deduction
case-action-lapsed = no answer in 72 hours: accepted
case-action-filed = filed
case-action-approved = approved
case-action-declined = declined

incident-show-photos = 🖼 Photos
incident-photos-caption = 🖼 Incident #{ $id }
incident-accept = ✅ I accept
incident-dispute = ✋ Dispute
incident-uphold = ⚖️ Uphold the deduction
incident-cancel = ↩️ Cancel the deduction
incident-to-list = ⬅️ To incidents
incident-accepted = ✅ Accepted. The deduction goes to your payslip.
incident-disputed = ✋ Your objection is sent. Nothing is deducted until a manager decides.
incident-upheld = ⚖️ The deduction is upheld; the employee is told.
incident-cancelled = ↩️ The deduction is cancelled; the employee is told.
incident-recorded = ⚠️ Incident #{ $id } is recorded; the employee is told and has 72 hours to answer.
incident-expect-photo = Send a photo, or press the button below to go on.
incident-dispute-prompt = ✋ Why do you disagree? Write it in one message: the manager reads it before deciding.
incident-dispute-photos =
    🖼 Add photos that support you, if you have them (photos added: { $photos }).
    Then press “Send”.
incident-dispute-send = 📨 Send the objection
incident-decide-prompt = ⚖️ Write a comment for the employee: it is shown with your decision.

incident-record-object = 📍 At which location did it happen?
incident-record-employee = 👤 Who is it about?
incident-record-no-employees = Nobody works at this location yet.
incident-record-kind = 🏷 What kind of incident is it?
incident-record-description = ✍️ Describe what happened in one message.
incident-record-photos =
    🖼 Send photos, if there are any (photos added: { $photos }).
    Then press “Next”.
incident-photos-done = ➡️ Next
incident-record-amount = 💰 How much to deduct? Type an amount, e.g. 1500 or 1500.50, or press “No deduction”.
incident-no-deduction = 🚫 No deduction
incident-record-confirm =
    ⚠️ <b>Record this incident?</b>
    Employee: { $employee }
    Location: { $object_name }
    Kind: { $kind }
    What happened: { $description }
    Photos: { $photos }
    To deduct: <b>{ $amount }</b>
    The employee will be told at once and can accept or dispute it within 72 hours.
incident-record-save = ✅ Record

incident-settings =
    ⚙️ <b>Incidents and requests: settings</b>
    Kinds of incidents: { $kinds_list }
    Products employees may claim back (tap one to remove it):
    { $products_list }
incident-settings-cap = Deduction cap: incident deductions take at most { $cap }% of a period's pay; the rest is carried over to the next period.
incident-settings-no-cap = Deduction cap: none (incident deductions are taken in full).
incident-settings-no-products = — none yet
incident-settings-add-kind = ➕ Kind of incident
incident-settings-add-product = ➕ Product
incident-settings-set-cap = 🛡 Deduction cap
incident-settings-kind-prompt = 🏷 Type the name of the new kind, e.g. “Uniform”.
incident-settings-product-prompt = 🧾 Type the product and its price in one line, e.g. “Coffee beans 1 kg — 1200”.
incident-settings-cap-prompt = 🛡 What share of a period's pay may incident deductions take? Type per cent from 1 to 100 (the Labour Code allows 20% for employees).
incident-settings-lift-cap = 🚫 No cap

requests-title =
    🧾 <b>Requests</b>
    Undecided ones come first.
requests-empty =
    🧾 <b>Requests</b>
    No requests yet. An employee can ask for expenses back (with a receipt) or for anything else.
requests-new = ➕ New request
request-row = #{ $id } · { $employee } · { $amount } · { $status }
request-status-requested = ⏳ waiting
request-status-approved = ✅ approved
request-status-declined = ❌ declined
request-card =
    🧾 <b>Request #{ $id }</b> · { $kind ->
        [expense] expenses
       *[other] other
    }
    Employee: { $employee }
    { $items }
    Comment: { $comment }
    Amount: <b>{ $amount }</b>
    Status: { $status }
request-card-decision = Decision: { $decision }
request-item = • { $title }: { $quantity } × { $price } = { $total }
request-show-receipt = 🧾 Receipt
request-receipt-caption = 🧾 Receipt of request #{ $id }
request-approve = ✅ Approve
request-decline = ❌ Decline
request-to-list = ⬅️ To requests
request-approved = ✅ Approved: the amount goes to the employee's payslip.
request-declined = ❌ Declined; the employee is told why.
request-filed = 🧾 Request #{ $id } is sent to your managers.
request-decline-prompt = ❌ Why is it declined? The employee reads your comment.
request-new-kind = 🧾 What do you ask for?
request-kind-expense = 🛒 Expenses back (with a receipt)
request-kind-other = ✍️ Something else
request-pick-product = 🛒 What did you buy?
request-quantity = 🔢 How many “{ $product }”? Type a number.
request-items =
    🛒 <b>Your expenses</b>
    { $items }
    Total: <b>{ $total }</b>
request-add-item = ➕ Another item
request-to-receipt = ➡️ Next: the receipt
request-receipt = 📷 Send a photo of the receipt.
request-expect-receipt = Send the receipt as a photo.
request-other-comment = ✍️ What is it for? Write it in one message.
request-other-amount = 💰 What amount? Type it, e.g. 500 or 500.50.
request-confirm-expense =
    🧾 <b>Send this request?</b>
    { $items }
    Amount: <b>{ $total }</b>
request-confirm-other =
    🧾 <b>Send this request?</b>
    { $comment }
    Amount: <b>{ $total }</b>
    You may attach a photo (a receipt, an invoice) before sending.
request-confirm-receipt = 📷 Receipt attached.
request-send = 📨 Send

error-case-already-decided = This was already answered or decided, perhaps a moment ago. Here is how it stands now.
error-incident-answer-window-closed = The 72 hours to answer are over: the incident counts as accepted. You can still ask a manager to review it.
error-request-no-products = The owner has not listed any products yet, so expenses cannot be claimed. Choose “Something else” or ask the owner to add products.
error-invalid-input-product-line = Type the product and its price in one line, e.g. “Coffee beans 1 kg — 1200”.

notify-kind-incident_recorded = Incidents recorded on me
notify-kind-incident_decided = Decisions on incidents
notify-kind-incident_lapsed = Incidents accepted by silence
notify-kind-request_decided = Decisions on my requests
notify-kind-incident_answered = Employees' answers to incidents
notify-kind-request_filed = Employees' requests
notify-button-open-incident = ⚠️ Open the incident
notify-button-open-request = 🧾 Open the request
notify-incident_recorded = ⚠️ Incident #{ $incident } was recorded on you: { $amount } to deduct. Open it to read it and accept or dispute it within 72 hours.
notify-incident_answered = { $accepted ->
    [1] ✅ The employee accepted incident #{ $incident } ({ $amount }).
   *[0] ✋ The employee disputed incident #{ $incident } ({ $amount }): please decide.
}
notify-incident_decided = ⚖️ Incident #{ $incident }: { $upheld ->
    [1] the deduction of { $amount } is upheld.
   *[0] the deduction is cancelled.
} { $comment }
notify-incident_lapsed = ⌛ Incident #{ $incident } was not answered within 72 hours and counts as accepted: { $amount } is deducted.
notify-request_filed = 🧾 New request #{ $request } for { $amount }: please decide.
notify-request_decided = 🧾 Request #{ $request }: { $approved ->
    [1] approved, { $amount } goes to your payslip.
   *[0] declined.
} { $comment }

payroll-line-incident_deduction = ⚠️ { $date } · incident { $reason } → { $amount }
payroll-line-deduction_held_back = 🛡 { $date } · deductions over the { $reason } cap held back for the next period → { $amount }
payroll-line-deduction_carried_over = ↪️ { $date } · deductions carried over from the previous period → { $amount }
payroll-line-expense_compensation = 🧾 { $date } · expenses refunded, request { $reason } → { $amount }

payroll-type-incident_deduction = Incident deduction
payroll-type-deduction_held_back = Held back over the cap
payroll-type-deduction_carried_over = Carried-over deduction
payroll-type-expense_compensation = Expenses refunded
payroll-case-incident = ⚠️ Incident #{ $id }
payroll-case-request = 🧾 Request #{ $id }
