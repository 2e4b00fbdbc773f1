# Open places, give-aways and swaps (C4).
menu-open-places = 🆓 Open shifts
schedule-give-away = 🤝 Give a shift away
schedule-propose-swap = 🔄 Propose a swap

exchange-places-title = 🆓 <b>Open shifts</b> for the next 14 days. Tap one to take it. 🔒 — a manager approves, 🤝 — a colleague gives it away.
exchange-places-empty = There are no open shifts right now.
exchange-place-button = { $date } { $start }–{ $end } · { $object_name } · { $booked }/{ $places }{ $approval ->
        [yes] {" "}🔒
       *[no] {""}
    }
exchange-offer-button = 🤝 { $date } { $start }–{ $end } · { $object_name } · from { $name }{ $approval ->
        [yes] {" "}🔒
       *[no] {""}
    }
exchange-take-requested = 📨 Request sent to your manager: { $date } { $start }–{ $end }, { $object_name }. We will tell you the decision.
exchange-incoming = 📨 Swap proposals: { $incoming_count }
exchange-open-in-app = 📱 Open in the app

exchange-swaps-title = 📨 <b>Swap proposals</b>
exchange-swaps-empty = No proposals.
exchange-swap-button = { $name }: { $give_date } { $give_start } ⇄ { $get_date } { $get_start }
exchange-swap-details =
    🔄 <b>{ $name } proposes a swap</b>
    You give: { $give_date } { $give_start }–{ $give_end } · { $give_object_name }
    You get: { $get_date } { $get_start }–{ $get_end } · { $get_object_name }
exchange-swap-gone = This proposal is no longer valid.
exchange-swap-accept = ✅ Accept
exchange-swap-decline = ❌ Decline
exchange-swap-done = ✅ Swapped, your schedule is updated.
exchange-swap-awaits-approval = ✅ You agreed. The swap waits for a manager's approval.
exchange-swap-declined = You declined the proposal.

exchange-give-pick = 🤝 <b>Which shift do you want to give away?</b> Colleagues will see it in “Open shifts”. Tap one already offered (↩️) to take it back.
exchange-nothing-to-exchange = No shifts can be given away or swapped: this is possible until { $hours } h before the start.
exchange-give-withdraw-button = ↩️ { $date } { $start }–{ $end } · { $object_name } — offered
exchange-give-confirm =
    Give away the shift { $date } { $start }–{ $end } ({ $object_name })?
    It stays yours until someone takes it. If nobody does by { $hours } h before the start, the offer lapses and we tell you.
exchange-give-yes = 🤝 Give away
exchange-given = 🤝 The shift is offered to your colleagues. We will tell you when someone takes it.
exchange-offer-withdrawn = ↩️ You took the shift back.

exchange-swap-pick-mine = 🔄 <b>Which of your shifts do you want to swap?</b>
exchange-swap-pick-theirs = Which colleague's shift do you want for { $date } { $start }–{ $end } ({ $object_name })?
exchange-no-candidates = There are no colleagues' shifts to swap for: nobody could take yours without overlaps.
exchange-candidate-button = { $name } · { $date } { $start }–{ $end } · { $object_name }
exchange-swap-confirm =
    Propose a swap to { $name }?
    You give: { $give_date } { $give_start }–{ $give_end } · { $give_object_name }
    You get: { $get_date } { $get_start }–{ $get_end } · { $get_object_name }
exchange-swap-propose = 🔄 Propose
exchange-swap-proposed = 📨 Proposal sent to { $name }.

planning-set-weekly-cap = ⏱ Weekly hours cap
planning-weekly-cap-ask = How many hours a week may an employee reach by taking open shifts and swapping? Write a number (0 means no cap).
planning-weekly-cap-saved = ✅ Cap saved: { $weekly_cap ->
        [0] no cap
       *[other] { $weekly_cap } h a week
    }.
planning-exchange-button = { $what ->
        [request] 🙋
        [offer] 🤝
       *[swap] 🔄
    } { $name } · { $date } { $start }
planning-exchange-title = { $what ->
        [request] 🙋 <b>{ $name }</b> wants to take an open shift:
        [offer] 🤝 <b>{ $name }</b> takes the shift { $other } gives away:
       *[swap] 🔄 <b>{ $name }</b> and <b>{ $other }</b> swap shifts:
    }
    { $date } { $start }–{ $end } · { $object_name }
planning-exchange-swap-line = ⇄ { $other_date } { $other_start }–{ $other_end } · { $other_object_name }
planning-exchange-gone = This request is already decided or no longer valid.
planning-exchange-refusal-comment = Write why you refuse (the employee will see it), or refuse without a comment.
planning-exchange-refuse-silently = ❌ Refuse without a comment
planning-exchange-approved = ✅ Approved, the employees are notified.
planning-exchange-refused = ❌ Refused, the employees are notified.

error-exchange-too-late = A shift can be given away or swapped until { $hours } h before its start.
error-already-offered = This shift is already being given away.
error-offer-gone = Someone has already taken this shift, or the offer has lapsed.
error-own-shift = This is your own shift.
error-swap-exists = You have already proposed this swap.
error-swap-gone = This swap proposal is no longer valid.
error-shift-changed = The shift has changed meanwhile (taken, swapped or cancelled); the swap cannot happen.
error-request-exists = You have already asked for this shift.
error-exchange-not-pending = This request is already decided.
error-weekly-cap-reached = That would be more than { $cap } h in a week, your organization's cap.

notify-kind-open_places = Open shifts
notify-open_places =
    🆓 New open shifts ({ $count }):
    { $lines }{ $more ->
        [0] {""}
       *[other] {" "}…and { $more } more
    }
notify-button-open-places = Open shifts
notify-offer_taken = { $pending ->
        [yes] 🤝 { $taker_name } wants to take your shift { $object_name }, { $date } { $start }–{ $end }. It waits for a manager's approval; until then the shift is yours.
       *[no] 🤝 { $taker_name } took your shift { $object_name }, { $date } { $start }–{ $end }. It is no longer in your schedule.
    }
notify-swap_proposed =
    🔄 { $proposer_name } proposes a swap.
    You give: { $get_date } { $get_start }–{ $get_end } · { $get_object_name }
    You get: { $give_date } { $give_start }–{ $give_end } · { $give_object_name }
notify-button-swap = Open the proposal
notify-swap_answered = { $answer ->
        [done] ✅ { $partner_name } accepted the swap: your shift is now { $get_date } { $get_start }–{ $get_end } · { $get_object_name } instead of { $give_date } { $give_start }–{ $give_end }.
        [awaits_approval] ✅ { $partner_name } agreed to swap { $give_date } { $give_start } ⇄ { $get_date } { $get_start }. It waits for a manager's approval.
       *[declined] ❌ { $partner_name } declined the swap { $give_date } { $give_start } ⇄ { $get_date } { $get_start }.
    }
notify-exchange_approval_needed = { $what ->
        [request] 🙋 { $employee_name } wants to take the shift { $object_name }, { $date } { $start }–{ $end }.
        [offer] 🤝 { $employee_name } takes { $other_name }'s shift: { $object_name }, { $date } { $start }–{ $end }.
       *[swap] 🔄 { $proposer_name } and { $partner_name } swap shifts: { $give_date } { $give_start } ({ $give_object_name }) ⇄ { $get_date } { $get_start } ({ $get_object_name }).
    } Your decision is needed.
notify-button-approvals = Approvals
notify-exchange_decided = { $approved ->
        [yes] ✅ Approved:
       *[no] ❌ Refused:
    } { $what ->
        [request] the shift { $object_name }, { $date } { $start }–{ $end }.
        [offer] handing over the shift { $object_name }, { $date } { $start }–{ $end }.
       *[swap] the swap { $give_date } { $give_start } ⇄ { $get_date } { $get_start }.
    }{ $has_comment ->
        [no] {""}
       *[yes] {" "}Comment: { $comment }
    }
notify-exchange_lapsed = ⌛ { $what ->
        [offer] Nobody took the shift { $object_name }, { $date } { $start }–{ $end }: the offer has lapsed and the shift stays yours.
        [request] Your request for the shift { $object_name }, { $date } { $start }–{ $end } was not decided in time and has lapsed.
       *[swap] The swap { $give_date } { $give_start } ⇄ { $get_date } { $get_start } did not happen: time ran out.
    }
