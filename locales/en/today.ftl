menu-today = 📋 Today
today-title = 📋 <b>Today</b>
today-no-objects = You have no locations whose shifts you can see.
today-object-empty = No shifts today.
today-refresh = 🔄 Refresh
today-open-board = 📋 Today
today-state-not_started = { $icon } { $employee } · { $hours } · not started yet
today-state-not_in_yet = { $icon } { $employee } · { $hours } · not in yet
today-state-on_shift = { $icon } { $employee } · { $hours } · on shift since { $opened }{ $late_minutes ->
    [0] {""}
   *[other] {" "}(late { $late_minutes } min)
}
today-state-finished = { $icon } { $employee } · { $hours } · finished, { $worked } h
today-state-no_show = { $icon } { $employee } · { $hours } · no-show
today-state-absent = { $icon } { $employee } · { $hours } · absent: { $reason }
today-row =
    <b>{ $object }</b>
    { $line }
today-row-gone = This shift is no longer on today's board.
today-message = ✉️ Message
today-mark-absent = 🚫 Mark absent
today-open-for = 🟢 Start the shift for them
today-close-for = 🛑 End the shift for them
today-offer-place = 📢 Offer the place to colleagues
today-ask-reason = Type the reason (employee { $employee }):
today-ask-fine = Fine { $employee } for not coming?
today-with-fine = With a fine of { $fine }
today-without-fine = No fine
today-done-absent = 🚫 { $employee } marked absent.
today-done-open = 🟢 { $employee }'s shift started.
today-done-close = 🛑 { $employee }'s shift ended.
today-done-offer = 📢 { $employee }'s place is free: colleagues will see it under “Open shifts”.
error-already-marked-absent = The absence is already marked.
payroll-line-absence_fine = ✖️ { $date } · no-show ({ $reason }) → { $amount }
payroll-type-absence_fine = No-show fine
miniapp-page-today = 📋 Today
miniapp-title-today = Today
miniapp-today-message = ✉️ Message
miniapp-today-nothing = No shifts today.
miniapp-today-hint = Mark absent, start or end a shift for someone, offer a place — in the bot: "📋 Today".
today-in-app = 📱 Open in the app
