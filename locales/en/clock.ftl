## Clock-in and clock-out (C5)

clock-choose-title = 🟢 <b>Start shift</b>
clock-choose-planned = Your shifts today — choose the one you are starting:
clock-choose-no-planned = You have no planned shifts today.
clock-choose-spontaneous = You can start an unplanned shift at:
clock-choose-nothing = There is nothing to start: no planned shifts and no locations that allow unplanned shifts. If this is wrong, write to your manager.
clock-spontaneous-item = ⚡ { $object } — unplanned
clock-planned-item = { $object } · { $start }–{ $end }
clock-already-open = ⚠️ You are already on shift — here it is.

clock-ask-location =
    📍 <b>{ $object }</b>
    { $period }

    Press "📍 Send location" at the bottom of the screen. A live location works too.
clock-ask-location-live =
    📍 <b>{ $object }</b>
    { $period }

    This workplace needs a <b>live</b> location: 📎 → Location → "Share my live location". If you are already sharing it with the bot, its next update will do.
clock-period-planned = Planned shift: { $start }–{ $end }
clock-period-spontaneous = Unplanned shift
clock-send-location = 📍 Send location
clock-location-reminder = Your location is needed — see below how to send it. Text, photos and files do not work here.

clock-refused-title = ⛔ <b>Shift not started</b>
clock-close-refused-title = ⛔ <b>Shift not ended</b>
clock-refused-too-far = You are { $distance } m from the workplace; at most { $allowed } m is allowed (its radius is { $radius } m).
clock-refused-forwarded = A forwarded location is not accepted: send your own.
clock-refused-stale = The location is outdated: it was sent more than 2 minutes ago. Send a new one.
clock-refused-venue = A place picked from a list is not accepted: send your current location.
clock-refused-not-live = This workplace needs a live location, not a pin: 📎 → Location → "Share my live location".
clock-refused-no-fence = The workplace has no coordinates, so your location cannot be checked. Ask your manager to approve the start.
clock-ask-approval = 🙋 Ask my manager to approve
clock-approval-requested = ✉️ Request sent to your manager. If approved, the shift starts at the time of this attempt.
clock-try-again = 🔁 Send location again

clock-card-title = 🟢 <b>On shift</b>
clock-card =
    🏢 { $object }
    🕘 Started: { $opened }
    💰 Rate: { $rate } per hour
clock-card-planned = 📅 Planned: { $planned_start }–{ $planned_end }
clock-card-paid-from = 💵 Paid from { $paid_from }
clock-card-late = ⏰ Late: { $late_minutes } min, fine { $late_fine }
clock-no-open-shift = You are not on shift. Start one with "🟢 Start shift" in the menu.
clock-close = 🔴 End shift
clock-close-ask-location = 📍 To end your shift at "{ $object }", press "📍 Send location" at the bottom of the screen. A live location works too.
clock-close-ask-location-live = 📍 To end your shift at "{ $object }", a <b>live</b> location is needed: 📎 → Location → "Share my live location". If you are still sharing it, its next update will do.
clock-close-warning =
    ⚠️ <b>Mandatory tasks not done: { $count }</b>
    { $tasks_list }
clock-close-warning-line = ❗ { $title }
clock-close-warning-line-fine = ❗ { $title } — fine { $fine }
clock-close-warning-fine = If you end the shift now, the fine will be { $fine }.
clock-close-warning-cleared = ✅ All mandatory tasks are done, you can end the shift.
clock-close-anyway = 🔴 End anyway
clock-back-to-checklist = 📋 To the tasks

clock-summary =
    🔴 <b>Shift ended</b>
    🏢 { $object }
    🕘 { $opened } — { $closed }
    ⏱ Worked: { $worked } min
    💰 Rate: { $rate } per hour
    💵 Earned: { $pay }
clock-summary-late = ⏰ Late: { $late_minutes } min, fine { $late_fine }
clock-to-menu = ⬅️ To the menu

onshift-choose-object = 👷 <b>On shift now</b>
    Choose a location:
onshift-no-objects = You have no locations whose shifts you can see.
onshift-title = 👷 <b>{ $object }</b>: on shift now — { $count }
onshift-empty = Nobody is on shift right now.
onshift-item = { $employee } · since { $opened }
onshift-item-late = { $employee } · since { $opened } · ⏰ { $late_minutes } min
onshift-card =
    👤 <b>{ $employee }</b>
    🏢 { $object }
    🕘 On shift since { $opened }
onshift-card-late = ⏰ Late: { $late_minutes } min, fine { $late_fine }
onshift-card-gone = This shift has already ended.
onshift-close = 🛑 End the shift
onshift-ask-reason = Write why you are ending { $employee }'s shift:
onshift-closed = { $employee }'s shift is ended. Reason: { $reason }

approve-title = 🙋 <b>Approve starting the shift?</b>
approve-details =
    👤 { $employee }
    🏢 { $object }
    🕘 Attempt at { $time }
approve-confirm = ✅ Approve
approve-unavailable = This attempt cannot be approved: it was already approved, was not refused, or is not yours to approve.
approve-done = ✅ Approved: { $employee } is on shift since { $time }.

error-shift-already-open = You are already on shift.
error-no-open-shift = You are not on shift.
error-shift-not-openable = This shift cannot be started.
error-shift-not-openable-ended = This shift has already ended.
error-shift-not-openable-worked = This shift has already been worked.
error-shift-not-openable-cancelled = This shift was cancelled.
error-shift-too-early = Too early: a shift can be started at most { $minutes } min before its start — from { $opens_at }.
error-spontaneous-not-allowed = Unplanned shifts are not allowed at this location.
error-location-required = Your location is needed to end the shift.
error-attempt-not-approvable = This attempt cannot be approved.
error-attempt-not-approvable-approved = This attempt is already approved.
error-attempt-not-approvable-accepted = This attempt was not refused — there is nothing to approve.
error-shift-not-open = This shift has already ended.

notify-shift_opened = 🟢 { $employee } started a shift: { $object }, { $opened }{ $late_minutes ->
        [0] {""}
       *[other] , late { $late_minutes } min
    }
notify-shift_closed = 🔴 { $employee } ended a shift: { $object }, { $opened }–{ $closed }, worked { $worked_minutes } min.
notify-shift_auto_closed =
    ⏹ { $employee }'s shift at "{ $object }" was ended automatically at { $closed }: it was left running. Worked { $worked_minutes } min.
    ⚠️ Auto-ended, needs review: the end time is a guess until the hours are corrected.
notify-clock_in_refused = ⛔ { $employee }: clock-in refused ({ $object }, { $time }) — { $reason ->
        [too-far] { $distance_m } m away, radius { $radius_m } m
        [forwarded] forwarded location
        [stale] outdated location
        [venue] a place from a list instead of a location
        [not-live] a pin instead of a live location
       *[other] the workplace has no coordinates
    }.
notify-clock_in_approval = 🙋 { $employee } asks you to approve starting a shift: { $object }, attempt at { $time }.
notify-clock_in_approved = ✅ { $approver } approved starting your shift: { $object }, since { $time }.
notify-shift_closed_by_manager = 🛑 { $closer } ended your shift ({ $object }) at { $closed }. Reason: { $reason }
notify-button-approve-clock-in = ✅ Review the request
notify-button-correct-shift = ✏️ Correct the hours
