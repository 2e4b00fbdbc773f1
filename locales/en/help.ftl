command-help = What the bot does and the guide

## /help: a short help per role
help-owner =
    ℹ️ <b>Help for owners</b>
    🏪 <b>Locations</b> — places, geofence, rate, late fines.
    📅 <b>Planning</b> and 🗓 the week board — shifts and who works them.
    ✉️ <b>Invitations</b> — a link for an employee or a manager.
    👷 <b>On shift now</b> — who is working; 💰 <b>Payroll</b> — periods, payslips, payouts; 📊 <b>Reports</b>.
    ⚙️ <b>Settings</b> — language and the organization's currency.
    Commands: /start or /menu — main menu, /settings — settings, /help — this help.
    📖 Guide: { $guide }
help-manager =
    ℹ️ <b>Help for managers</b>
    You see the locations you were given rights on: planning, staff and pay, as your permissions allow.
    👷 <b>On shift now</b> — who is working, end a shift with a reason.
    📅 <b>Planning</b> — shifts and who works them; 📊 <b>Reports</b>.
    Commands: /start or /menu — main menu, /settings — settings, /help — this help.
    📖 Guide: { $guide }
help-employee =
    ℹ️ <b>Help for employees</b>
    🟢 <b>Start shift</b> — with one shift due now, the bot asks for your location at once.
    🔴 <b>End shift</b> — two taps, and your location if the workplace checks it.
    📋 <b>Shift tasks</b> — tick them off with a photo; 📅 <b>My schedule</b> and open shifts.
    💰 <b>My pay</b> — your payslip, every line with its sum worked out.
    Commands: /start or /menu — main menu, /settings — language, /help — this help.
    📖 Guide: { $guide }
help-new =
    ℹ️ <b>StaffProBot</b> runs shift work: schedules, location clock-in, tasks with photo proof and pay.
    Run a business — press "🏢 I run a business" after /start. Invited — open your invite link.
    📖 Guide: { $guide }
