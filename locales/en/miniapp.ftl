# Telegram Mini App (C11)
miniapp-title-home = StaffProBot
miniapp-title-board = Planning board
miniapp-title-schedule = My schedule
miniapp-title-map = Location map
miniapp-title-payslip = Payslip
miniapp-loading = Loading…
miniapp-outside-title = Open it from Telegram
miniapp-outside-text = This page only works inside Telegram. Open it with a button in the StaffProBot bot.
miniapp-error-generic = Could not load the data. Please try again.
miniapp-error-network = No connection to the server. Check the internet and try again.
miniapp-retry = Try again
miniapp-error-auth = The session has expired. Close the app and open it again from the bot.
miniapp-error-forbidden = This page is for owners and managers only.
miniapp-no-organization = You are not in any organization yet. Start in the bot.
miniapp-role-owner = owner
miniapp-role-manager = manager
miniapp-role-employee = employee
miniapp-page-board = 🗓 Planning board
miniapp-page-schedule = 📅 My schedule
miniapp-page-map = 🗺 Location map
miniapp-page-payslip = 💰 Payslip
miniapp-week-prev = ‹ Week
miniapp-week-next = Week ›
miniapp-month-prev = ‹
miniapp-month-next = ›
miniapp-board-empty = There are no locations you can plan.
miniapp-board-object = Location
miniapp-board-cost = Labour cost
miniapp-board-week-cost = This week: { $amount }
miniapp-slot-people = Planned
miniapp-slot-nobody = Nobody yet.
miniapp-slot-assign = Assign
miniapp-slot-unassign = Remove
miniapp-slot-candidates = Who to assign
miniapp-slot-no-candidates = Nobody to assign: every employee of the location is already on this shift.
miniapp-slot-full = Every place is taken.
miniapp-slot-started = The shift has started and can no longer be changed.
miniapp-slot-comment = A comment for the employee when removing (optional)
miniapp-assigned = Assigned: { $name }
miniapp-unassigned = Removed from the shift: { $name }
miniapp-slot-move = Move
miniapp-move-title = Moving { $name }
miniapp-move-hint = Tap the shift to move them to, in this or another week.
miniapp-move-cancel = Cancel
miniapp-move-same = The employee is already on this shift; pick another one.
miniapp-moved = Moved: { $name }
miniapp-close = Close
miniapp-schedule-empty = You have no planned shifts this month.
miniapp-schedule-list = Shifts this month
miniapp-map-fallback = The map is not available right now — here are the locations with their coordinates and geofence radii.
miniapp-map-no-coordinates = No coordinates set
miniapp-map-radius = radius { $radius } m
miniapp-map-empty = No locations.
miniapp-payslip-period = Period
miniapp-payslip-hours = Hours worked: { $hours }
miniapp-payslip-frozen = 🔒 The period is closed; the amounts are final.
miniapp-payslip-open = The period is open: the amounts may still change.
miniapp-payslip-lines = How the amount was made up
miniapp-payslip-empty = Nothing has been recorded yet.
miniapp-total-gross = Earned
miniapp-total-fines = Fines and deductions
miniapp-total-bonuses = Bonuses
miniapp-total-net = Net pay
miniapp-total-paid = Paid
miniapp-total-balance = Balance
miniapp-title-reports = Report
miniapp-page-reports = 📊 Report
miniapp-report-period = Period
miniapp-report-scope = Scope
miniapp-report-from = From
miniapp-report-to = To
miniapp-report-show = Show
miniapp-report-empty = No shifts in this period.
miniapp-chart-hours = Hours per day
miniapp-chart-cost = Labour cost per day
miniapp-report-employees = Employees
miniapp-figure-shifts = Shifts
miniapp-figure-hours = Hours
miniapp-figure-cost = Labour cost
miniapp-figure-late = Late arrivals · minutes
miniapp-figure-no-shows = No-shows
miniapp-figure-cancellations = Cancellations
miniapp-figure-tasks = Tasks done
miniapp-figure-fines = Fines
miniapp-figure-bonuses = Bonuses
miniapp-column-name = Employee
miniapp-column-late = Late
miniapp-column-no-shows = No-shows

# Open shifts page (employees)
miniapp-title-open-shifts = Open shifts
miniapp-page-open-shifts = 🆓 Open shifts
miniapp-open-shifts-hint = Free places and shifts colleagues give away, for the next 14 days — only those you can take.
miniapp-open-shifts-empty = There are no open shifts right now. The bot will tell you when some appear.
miniapp-open-take = Take
miniapp-open-ask = Ask
miniapp-open-from = Given away by { $name }
miniapp-open-approval = 🔒 a manager approves

# Planning board: give-aways, swaps and requests on a slot
miniapp-slot-pending = Give-aways and requests
miniapp-slot-pending-hint = Approve or refuse in the bot: “📅 Planning” → “📎 Approvals”.
# Formatted by the API (not sent to the page scripts).
board-pending-offer = { $status ->
        [pending_approval] 🤝 { $name } gives the shift away, { $other } takes it — awaiting approval
       *[open] 🤝 { $name } gives the shift away
    }
board-pending-swap = { $status ->
        [pending_approval] 🔄 Swap { $name } ⇄ { $other } — awaiting approval
       *[proposed] 🔄 { $name } ⇄ { $other }: swap proposed
    }
board-pending-request = 🙋 { $name } asks for a place — awaiting approval
