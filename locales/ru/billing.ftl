subscription-overview =
    💳 <b>Подписка</b>
    Тариф: <b>{ $tariff }</b>

    Объекты: { $objects_used } из { $objects_limit }
    Сотрудники: { $employees_used } из { $employees_limit }
    ИИ-аналитика: { $ai_per_day } в день
subscription-expires = Оплачено до { $expires_on }
subscription-owners-only = Подпиской управляет владелец организации.
subscription-tariff-button = { $tariff } — { $price } в месяц
subscription-choose-period =
    <b>{ $tariff }</b>
    Объекты: до { $objects_limit }, сотрудники: до { $employees_limit }, ИИ-аналитика: { $ai_per_day } в день.

    Выберите срок оплаты:
subscription-pay-monthly = Месяц — { $monthly_price }
subscription-pay-yearly = Год — { $yearly_price }
subscription-payment-ready =
    Счёт готов: <b>{ $tariff }</b>, { $amount }.
    Нажмите кнопку, чтобы оплатить в ЮKassa. Когда оплата пройдёт, бот пришлёт подтверждение.
subscription-pay-button = 💳 Оплатить

billing-payment-description-monthly = StaffProBot { $tariff } на месяц — { $organization }
billing-payment-description-yearly = StaffProBot { $tariff } на год — { $organization }

notify-billing_payment_succeeded = ✅ Оплата { $amount } получена. Тариф <b>{ $tariff }</b> действует до { $expires_on }.
notify-billing_payment_canceled = ❌ Оплата тарифа { $tariff } не прошла или была отменена. Попробуйте ещё раз в разделе «💳 Подписка».
notify-billing_refund = ↩️ Возврат { $amount } оформлен.
notify-billing_renewal_reminder =
    ⏳ Тариф <b>{ $tariff }</b> закончится { $expires_on } ({ $days ->
        [one] через { $days } день
        [few] через { $days } дня
       *[other] через { $days } дней
    }). Продлите его в разделе «💳 Подписка», чтобы не упереться в лимиты бесплатного тарифа.
notify-billing_subscription_expired =
    Тариф { $previous_tariff } закончился, организация перешла на { $tariff }. Данные сохранены полностью.
    Лимиты { $tariff }: объекты { $objects_used } из { $objects_limit }, сотрудники { $employees_used } из { $employees_limit }. Сверх лимита новые объекты и сотрудников добавить нельзя — продлите подписку в разделе «💳 Подписка».

error-tariff-not-purchasable = Этот тариф нельзя купить.
error-tariff-downgrade =
    Нельзя перейти на { $tariff }: { $resource ->
        [objects] объектов
       *[employees] сотрудников
    } сейчас { $usage }, а тариф позволяет { $limit }. Сначала уменьшите их число (ничего не удаляется автоматически).
error-payment-provider-unavailable = ЮKassa сейчас не отвечает. Попробуйте через минуту — деньги не списаны.
error-payments-not-configured = Оплата в этом боте пока не настроена. Напишите администратору сервиса — деньги не списаны.
