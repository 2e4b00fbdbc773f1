menu-greeting-new =
    👋 Hello, { $user_name }!
    StaffProBot runs shift work: schedules, geolocation clock-in, tasks with photo proof and pay — right in Telegram.

    Do you run a business, or were you invited?
menu-greeting-owner =
    🏢 <b>{ $organization_name }</b>
    Owner's main menu.
menu-greeting-manager =
    🏢 <b>{ $organization_name }</b>
    Manager's main menu.
menu-greeting-employee =
    🏢 <b>{ $organization_name }</b>
    Hello, { $user_name }! Your shifts and earnings are here.
menu-run-business = 🏢 I run a business
menu-have-invite = ✉️ I have an invite
menu-invite-help =
    Open the invite link your employer sent you: it looks like t.me/…?start=…
    The bot will add you to the organization at once.
    Or send the invite link or code here.
menu-staff = 👥 Staff
menu-invites = ✉️ Invitations
menu-settings = ⚙️ Settings
menu-media-settings = 🗂 File storage
menu-shift-tasks = 📋 Shift tasks
menu-task-templates = 📝 Location tasks
menu-task-review = 🧾 Task proofs
menu-planning = 📅 Planning
menu-planning-board = 🗓 Planning board
menu-my-schedule = 📅 My schedule
menu-objects = 🏪 Locations
menu-organizations = 🏢 Organizations
menu-subscription = 💳 Subscription

onboarding-ask-name = What is your business called? Type its name (for example, "Coffee on Main St").
menu-clock-open = 🟢 Start shift
menu-clock-close = 🔴 End shift
menu-on-shift = 👷 On shift now
menu-payroll = 💰 Payroll
menu-my-pay = 💰 My pay
menu-reports = 📊 Reports
menu-my-stats = 📈 My stats

## The employee's home screen (the main menu)
menu-home-on-shift = 🟢 <b>On shift</b>: { $shift_object }, since { $shift_opened } — { $so_far_hours } h { $so_far_minutes } min so far
menu-home-next = 📅 Next shift: { $next_day }, { $next_start }–{ $next_end }, { $next_object } · <a href="{ $next_map }">map</a>
menu-home-next-no-map = 📅 Next shift: { $next_day }, { $next_start }–{ $next_end }, { $next_object }
menu-home-no-next = 📅 No shifts planned yet.
menu-home-earned = 💰 Earned { $period_start } – { $period_end }: <b>{ $earned }</b>

menu-mini-app-off = ℹ️ The Mini App pages (week board, reports, map, payslips) are off: Telegram opens them only from an https:// address, and the address now is { $webapp_base_url }. How to turn them on: README, section "Mini App: https".
