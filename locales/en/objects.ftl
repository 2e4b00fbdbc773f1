objects-list-title = 🏪 <b>Locations</b>
    The places where shifts happen: cafés, shops, warehouses.
objects-list-empty = No locations yet.
objects-add = ➕ Add a location
objects-map = 🗺 Locations map
objects-to-list = ⬅️ To the list
objects-upgrade = 💳 Upgrade the plan
objects-limit-reached =
    🔒 <b>Plan limit</b>
    The "{ $tariff }" plan allows at most { $limit } { $limit ->
        [one] location
       *[other] locations
    } (archived ones don't count).
    To add more, move to a bigger plan or archive a location you no longer need.

objects-ask-name = What is the location called? Type its name (for example, "Coffee on Main St, 5").
objects-ask-place =
    📍 { $mode ->
        [create] Where is "{ $name }"?
       *[move] Where is the location now?
    }
    Send a point on the map: 📎 → Location (you can pick a place on the map).{ $address_search ->
        [yes] {" "}Or type the address and I'll find it on the map.
       *[no] {""}
    }
objects-pick-place = Several addresses match. Pick one or send a point on the map:
objects-confirm-place =
    Found this address:
    📍 <b>{ $address }</b>
    Is that it?
objects-place-yes = ✅ Yes, it's here
objects-other-address = ✏️ Another address

objects-card =
    🏪 <b>{ $name }</b>
    📍 { $has_address ->
        [yes] { $address }
       *[no] no address
    }
    🧭 { $coordinates } · radius { $radius } m
    🕐 { $timezone }
    🗓 Opening hours:
    { $hours }
    💰 Rate: { $rate } per hour
    ⏱ Lateness: { $late_grace } min without a fine, then { $late_fine } per minute
    🔒 Auto-close: { $auto_close } min after the shift's end
    ⌛ An unscheduled shift lasts at most { $max_shift_hours } h: then it closes by itself
    🚨 Not clocked in: you are told { $not_clocked_in_alert } min after the shift's start
    🌅 Early arrival: up to { $early_arrival } min, { $pay_early_arrival ->
        [yes] paid
       *[no] not paid
    }
    📡 Live location: { $require_live_location ->
        [yes] required
       *[no] not required
    }
    🏁 Location check at closing: { $check_location_on_close ->
        [yes] yes
       *[no] no
    }
    ⚡ Unscheduled shifts: { $allow_spontaneous_shifts ->
        [yes] allowed
       *[no] not allowed
    }
    🙋 Self-booking: { $allow_self_booking ->
        [yes] allowed
       *[no] not allowed
    }
    🤝 Taking, giving away, swapping shifts: { $exchange_needs_approval ->
        [yes] a manager approves
       *[no] no approval
    }
    📣 Report chat: { $report_chat ->
        [yes] connected
       *[no] not connected
    }
    { breaks-object-card }
objects-edit = ✏️ Edit
objects-report-chat = 📣 Report chat
objects-archive = 🗄 Archive
objects-edit-what = <b>What to change?</b>
objects-edit-name = ✏️ Name
objects-edit-place = 📍 Address and point
objects-edit-radius = ⭕ Radius
objects-edit-timezone = 🕐 Timezone
objects-edit-hours = 🗓 Opening hours
objects-edit-rate = 💰 Hourly rate
objects-edit-late-grace = ⏱ Lateness grace
objects-edit-late-fine = 💸 Fine per minute
objects-edit-auto-close = 🔒 Auto-close
objects-edit-early-arrival = 🌅 Early arrival
objects-edit-not-clocked-in = 🚨 Not clocked in
objects-edit-max-shift = ⌛ Max shift length
objects-flag-pay_early_arrival = { $pay_early_arrival_icon } Pay early arrival
objects-flag-require_live_location = { $require_live_location_icon } Require live location
objects-flag-check_location_on_close = { $check_location_on_close_icon } Check location at closing
objects-flag-allow_spontaneous_shifts = { $allow_spontaneous_shifts_icon } Allow unscheduled shifts
objects-flag-allow_self_booking = { $allow_self_booking_icon } Allow self-booking
objects-flag-exchange_needs_approval = { $exchange_needs_approval_icon } Manager approves takes, give-aways and swaps
objects-done = ✅ Done

objects-ask-value =
    { $field ->
        [name] Type the location's new name.
        [radius] Geofence radius in metres, 30 to 5000. Staff can clock in only inside it.
        [base_rate] Hourly rate, { $money_sign } (for example, 350 or 350.50).
        [late_grace] How many minutes of lateness go unfined (0–240)?
        [late_fine] Fine for each minute of lateness beyond the grace, { $money_sign } (0 for none).
        [auto_close_grace] Close a forgotten shift automatically how many minutes after its end (0–720)?
        [early_arrival] How many minutes before the start may staff clock in (0–240)?
        [not_clocked_in_alert] How many minutes after a shift's start should we tell you that the employee has not clocked in (1–240)?
        [max_shift_hours] How many hours at most does an unscheduled shift last if nobody closes it (1–24)? After that it closes by itself and is marked "needs review".
        [required_break_after_hours] { breaks-ask-required-after }
        [required_break_minutes] { breaks-ask-required }
       *[other] Type the new value.
    }
    Now: <code>{ $current }</code>
objects-ask-timezone =
    🕐 The location's timezone (now <code>{ $current }</code>).
    Pick one or type an IANA zone name, for example <code>Europe/Kaliningrad</code>.
objects-hours-title =
    🗓 <b>Opening hours: { $name }</b>
    Pick a day to change its hours.
objects-hours-closed = closed
objects-hours-not-set = not set
objects-ask-hours =
    🗓 <b>{ $weekday }</b>: now { $hours }.
    Type the opening hours, for example <code>09:00-21:00</code> or <code>10-22</code>. If it works past midnight, type <code>20:00-02:00</code>.
objects-day-closed = 🚫 Closed
objects-day-copy-all = 📋 Same hours every day

objects-report-chat-text =
    📣 <b>Report chat: { $name }</b>
    { $bound_text ->
        [yes] ✅ A group is connected: it gets the shift feed and photo proofs.
       *[no] No group is connected yet.
    }
    To connect a group:
    1. Add @{ $bot_username } to the group.
    2. Send in the group: <code>/bind { $code }</code>
    The code works once, for 24 hours.
objects-report-new-code = 🔄 New code
objects-report-unbind = ❌ Disconnect the group

objects-archive-confirm =
    🗄 Archive "{ $name }"?
    It leaves the lists; its shift and pay history stays.
objects-archive-yes = 🗄 Yes, archive
objects-archive-no = ⬅️ No

objects-group-welcome =
    👋 Hello! I'm StaffProBot.
    To get a location's reports here, the owner sends <code>/bind CODE</code> in this group. The code is in the location's card: 🏪 Locations → the location → 📣 Report chat.
objects-group-bound = ✅ Done: this group now gets the reports of "{ $object_name }".

error-geocoding-failed = Couldn't find the address. Send a point on the map instead.
error-geocoding-failed-not-found = Address not found. Check it or send a point on the map instead (📎 → Location).
error-geocoding-failed-unavailable = The map service isn't answering, so the address wasn't found. Send a point on the map instead (📎 → Location).
error-geocoding-failed-not-configured = Address search isn't set up. Send a point on the map instead (📎 → Location).
error-report-chat-code-invalid = This code doesn't work: it is wrong, used or expired. Get a new one in the location's card: 📣 Report chat.
error-tariff-limit =
    🔒 The "{ $tariff }" plan limit: { $resource ->
        [objects] at most { $limit } { $limit ->
            [one] location
           *[other] locations
        }.
       *[employees] at most { $limit } { $limit ->
            [one] employee
           *[other] employees
        }.
    } Move to a bigger plan: 💳 Subscription.
