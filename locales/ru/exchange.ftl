# Open places, give-aways and swaps (C4).
menu-open-places = 🆓 Свободные смены
schedule-give-away = 🤝 Отдать смену
schedule-propose-swap = 🔄 Предложить обмен

exchange-places-title = 🆓 <b>Свободные смены</b> на 14 дней. Нажмите, чтобы взять. 🔒 — нужно одобрение руководителя, 🤝 — смену отдаёт коллега.
exchange-places-empty = Свободных смен сейчас нет.
exchange-place-button = { $date } { $start }–{ $end } · { $object_name } · { $booked }/{ $places }{ $approval ->
        [yes] {" "}🔒
       *[no] {""}
    }
exchange-offer-button = 🤝 { $date } { $start }–{ $end } · { $object_name } · от { $name }{ $approval ->
        [yes] {" "}🔒
       *[no] {""}
    }
exchange-take-requested = 📨 Запрос отправлен руководителю: { $date } { $start }–{ $end }, { $object_name }. Сообщим о решении.
exchange-incoming = 📨 Предложения обмена: { $incoming_count }
exchange-open-in-app = 📱 Открыть в приложении

exchange-swaps-title = 📨 <b>Предложения обмена</b>
exchange-swaps-empty = Предложений нет.
exchange-swap-button = { $name }: { $give_date } { $give_start } ⇄ { $get_date } { $get_start }
exchange-swap-details =
    🔄 <b>{ $name } предлагает обмен</b>
    Вы отдаёте: { $give_date } { $give_start }–{ $give_end } · { $give_object_name }
    Вы получаете: { $get_date } { $get_start }–{ $get_end } · { $get_object_name }
exchange-swap-gone = Это предложение уже неактуально.
exchange-swap-accept = ✅ Принять
exchange-swap-decline = ❌ Отклонить
exchange-swap-done = ✅ Обмен состоялся, расписание обновлено.
exchange-swap-awaits-approval = ✅ Вы согласились. Обмен ждёт одобрения руководителя.
exchange-swap-declined = Вы отклонили предложение.

exchange-give-pick = 🤝 <b>Какую смену отдать?</b> Коллеги увидят её в «Свободных сменах». Нажмите на уже отданную (↩️), чтобы забрать её обратно.
exchange-nothing-to-exchange = Нет смен, которые можно отдать или обменять: это можно сделать не позже чем за { $hours } ч до начала.
exchange-give-withdraw-button = ↩️ { $date } { $start }–{ $end } · { $object_name } — отдаётся
exchange-give-confirm =
    Отдать смену { $date } { $start }–{ $end } ({ $object_name })?
    Пока её не возьмут, смена остаётся за вами. Если никто не возьмёт её за { $hours } ч до начала, предложение истечёт и мы вам сообщим.
exchange-give-yes = 🤝 Отдать
exchange-given = 🤝 Смена предложена коллегам. Сообщим, когда её возьмут.
exchange-offer-withdrawn = ↩️ Вы забрали смену обратно.

exchange-swap-pick-mine = 🔄 <b>Какую свою смену обменять?</b>
exchange-swap-pick-theirs = На какую смену коллеги обменять { $date } { $start }–{ $end } ({ $object_name })?
exchange-no-candidates = Нет смен коллег, на которые можно обменяться: никто не сможет взять вашу смену без пересечений.
exchange-candidate-button = { $name } · { $date } { $start }–{ $end } · { $object_name }
exchange-swap-confirm =
    Предложить обмен { $name }?
    Вы отдаёте: { $give_date } { $give_start }–{ $give_end } · { $give_object_name }
    Вы получаете: { $get_date } { $get_start }–{ $get_end } · { $get_object_name }
exchange-swap-propose = 🔄 Предложить
exchange-swap-proposed = 📨 Предложение отправлено: { $name }.

planning-set-weekly-cap = ⏱ Лимит часов в неделю
planning-weekly-cap-ask = Сколько часов в неделю сотрудник может набрать, беря свободные смены и меняясь? Напишите число (0 — без лимита).
planning-weekly-cap-saved = ✅ Лимит сохранён: { $weekly_cap ->
        [0] без лимита
       *[other] { $weekly_cap } ч в неделю
    }.
planning-exchange-button = { $what ->
        [request] 🙋
        [offer] 🤝
       *[swap] 🔄
    } { $name } · { $date } { $start }
planning-exchange-title = { $what ->
        [request] 🙋 <b>{ $name }</b> хочет взять свободную смену:
        [offer] 🤝 <b>{ $name }</b> берёт смену, которую отдаёт { $other }:
       *[swap] 🔄 <b>{ $name }</b> и <b>{ $other }</b> меняются сменами:
    }
    { $date } { $start }–{ $end } · { $object_name }
planning-exchange-swap-line = ⇄ { $other_date } { $other_start }–{ $other_end } · { $other_object_name }
planning-exchange-gone = Этот запрос уже решён или неактуален.
planning-exchange-refusal-comment = Напишите, почему вы отказываете (сотрудник увидит комментарий), или откажите без комментария.
planning-exchange-refuse-silently = ❌ Отказать без комментария
planning-exchange-approved = ✅ Одобрено, сотрудники получили уведомление.
planning-exchange-refused = ❌ Отказано, сотрудники получили уведомление.

error-exchange-too-late = Отдать или обменять смену можно не позже чем за { $hours } ч до начала.
error-already-offered = Эта смена уже отдаётся.
error-offer-gone = Эту смену уже взяли или предложение истекло.
error-own-shift = Это ваша собственная смена.
error-swap-exists = Вы уже предложили этот обмен.
error-swap-gone = Это предложение обмена уже неактуально.
error-shift-changed = Смена уже изменилась (её взяли, обменяли или отменили), обмен невозможен.
error-request-exists = Вы уже отправили запрос на эту смену.
error-exchange-not-pending = Этот запрос уже решён.
error-weekly-cap-reached = Так получится больше { $cap } ч в неделю — это лимит вашей организации.

notify-kind-open_places = Свободные смены
notify-open_places =
    🆓 Появились свободные смены ({ $count }):
    { $lines }{ $more ->
        [0] {""}
       *[other] {" "}…и ещё { $more }
    }
notify-button-open-places = Свободные смены
notify-offer_taken = { $pending ->
        [yes] 🤝 { $taker_name } хочет взять вашу смену { $object_name }, { $date } { $start }–{ $end }. Ждём одобрения руководителя; до тех пор смена ваша.
       *[no] 🤝 { $taker_name } взял(а) вашу смену { $object_name }, { $date } { $start }–{ $end }. Она больше не в вашем расписании.
    }
notify-swap_proposed =
    🔄 { $proposer_name } предлагает обмен сменами.
    Вы отдаёте: { $get_date } { $get_start }–{ $get_end } · { $get_object_name }
    Вы получаете: { $give_date } { $give_start }–{ $give_end } · { $give_object_name }
notify-button-swap = Открыть предложение
notify-swap_answered = { $answer ->
        [done] ✅ { $partner_name } принял(а) обмен: теперь ваша смена { $get_date } { $get_start }–{ $get_end } · { $get_object_name } вместо { $give_date } { $give_start }–{ $give_end }.
        [awaits_approval] ✅ { $partner_name } согласен(на) на обмен { $give_date } { $give_start } ⇄ { $get_date } { $get_start }. Ждём одобрения руководителя.
       *[declined] ❌ { $partner_name } отклонил(а) обмен { $give_date } { $give_start } ⇄ { $get_date } { $get_start }.
    }
notify-exchange_approval_needed = { $what ->
        [request] 🙋 { $employee_name } хочет взять смену { $object_name }, { $date } { $start }–{ $end }.
        [offer] 🤝 { $employee_name } берёт смену { $other_name }: { $object_name }, { $date } { $start }–{ $end }.
       *[swap] 🔄 { $proposer_name } и { $partner_name } меняются сменами: { $give_date } { $give_start } ({ $give_object_name }) ⇄ { $get_date } { $get_start } ({ $get_object_name }).
    } Нужно ваше решение.
notify-button-approvals = Согласования
notify-exchange_decided = { $approved ->
        [yes] ✅ Одобрено:
       *[no] ❌ Отказано:
    } { $what ->
        [request] смена { $object_name }, { $date } { $start }–{ $end }.
        [offer] передача смены { $object_name }, { $date } { $start }–{ $end }.
       *[swap] обмен { $give_date } { $give_start } ⇄ { $get_date } { $get_start }.
    }{ $has_comment ->
        [no] {""}
       *[yes] {" "}Комментарий: { $comment }
    }
notify-exchange_lapsed = ⌛ { $what ->
        [offer] Никто не взял смену { $object_name }, { $date } { $start }–{ $end }: предложение истекло, смена остаётся за вами.
        [request] Запрос на смену { $object_name }, { $date } { $start }–{ $end } не успели рассмотреть, он истёк.
       *[swap] Обмен { $give_date } { $give_start } ⇄ { $get_date } { $get_start } не состоялся: срок истёк.
    }
