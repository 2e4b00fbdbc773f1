admin-refused = This command is for platform administrators only.
admin-counts =
    🛠 <b>Administration</b>
    Organizations: { $organizations }
    Active users: { $active_users }
    Shifts planned for today: { $shifts_today }
    Revenue this month: { $revenue }
admin-lookup = 🔎 Find an organization
admin-tariffs = 💰 Plans
admin-broadcast = 📣 Message all owners
admin-lookup-ask = Type the organization's name (or part of it) or its number.
admin-lookup-none = Nothing found. Try another name or number.
admin-lookup-results = Several organizations match — choose one:
admin-card =
    🏢 <b>{ $name }</b> · #{ $organization_id }
    Plan: { $tariff }, paid until { $expires_on }
    Created: { $created_on }
    Owners: { $owners }
    Locations: { $objects }, employees: { $employees }
    Paid in total: { $paid_total }
admin-tariffs-title = Choose a plan to change its prices and limits:
admin-tariff-button = { $tariff } — { $price } a month
admin-tariff-title = <b>{ $tariff }</b>: choose what to change.
admin-tariff-field-monthly_price = Monthly price
admin-tariff-field-yearly_price = Yearly price
admin-tariff-field-max_objects = Locations limit
admin-tariff-field-max_employees = Employees limit
admin-tariff-field-ai_insights_per_day = AI insights a day
admin-tariff-edit-ask = New value for "{ $field_name }":
admin-tariff-edit-unlimited-hint = Type "-" to remove the limit.
admin-broadcast-ask = Type the message. Every organization owner will receive it.
admin-broadcast-preview =
    Owners will see this message:

    { $text }
admin-broadcast-send = 📣 Send
admin-broadcast-sent = The message is queued for { $sent } owners.

notify-admin_broadcast = { $text }

error-invalid-input-free-price = The free plan stays free.
