subscription-overview =
    💳 <b>Subscription</b>
    Plan: <b>{ $tariff }</b>

    Locations: { $objects_used } of { $objects_limit }
    Employees: { $employees_used } of { $employees_limit }
    AI insights: { $ai_per_day } a day
subscription-expires = Paid until { $expires_on }
subscription-owners-only = The organization's owner manages the subscription.
subscription-tariff-button = { $tariff } — { $price } a month
subscription-choose-period =
    <b>{ $tariff }</b>
    Locations: up to { $objects_limit }, employees: up to { $employees_limit }, AI insights: { $ai_per_day } a day.

    Choose how long to pay for:
subscription-pay-monthly = Month — { $monthly_price }
subscription-pay-yearly = Year — { $yearly_price }
subscription-payment-ready =
    Your invoice is ready: <b>{ $tariff }</b>, { $amount }.
    Press the button to pay with YooKassa. The bot confirms as soon as the payment goes through.
subscription-pay-button = 💳 Pay

billing-payment-description-monthly = StaffProBot { $tariff } for a month — { $organization }
billing-payment-description-yearly = StaffProBot { $tariff } for a year — { $organization }

notify-billing_payment_succeeded = ✅ Payment of { $amount } received. The <b>{ $tariff }</b> plan is active until { $expires_on }.
notify-billing_payment_canceled = ❌ The payment for { $tariff } did not go through or was canceled. Try again under "💳 Subscription".
notify-billing_refund = ↩️ A refund of { $amount } was made.
notify-billing_renewal_reminder =
    ⏳ Your <b>{ $tariff }</b> plan ends on { $expires_on } (in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }). Renew it under "💳 Subscription" to keep clear of the free plan's limits.
notify-billing_subscription_expired =
    Your { $previous_tariff } plan has ended and the organization is now on { $tariff }. All your data is kept.
    { $tariff } limits: locations { $objects_used } of { $objects_limit }, employees { $employees_used } of { $employees_limit }. Nothing new can be added beyond them — renew under "💳 Subscription".

error-tariff-not-purchasable = This plan cannot be bought.
error-tariff-downgrade =
    You cannot switch to { $tariff }: you have { $usage } { $resource ->
        [objects] locations
       *[employees] employees
    } and the plan allows { $limit }. Reduce them first (nothing is deleted automatically).
error-payment-provider-unavailable = YooKassa is not answering right now. Try again in a minute — nothing was charged.
error-payments-not-configured = Payments are not set up in this bot yet. Please contact the service administrator — nothing was charged.
