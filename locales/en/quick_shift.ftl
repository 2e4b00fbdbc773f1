menu-quick-shift = ➕ Shift
quick-pick-object = ➕ <b>New shift</b>: pick the location.
quick-no-objects = There are no locations you can plan.
quick-pick-day = ➕ <b>{ $object }</b>: pick the day of the shift.
quick-pick-times = ➕ <b>{ $object }</b>, { $date }: pick the times.
quick-or-type-times = Or type your own, e.g. <code>10:00-19:00</code>.
quick-type-times = Type the shift's times, e.g. <code>10:00-19:00</code> (overnight: <code>22-6</code>).
quick-pick-employee = ➕ <b>{ $object }</b>, { $date } { $hours }: who works it?
quick-no-employees = This location has no employees. Invite them under "Invitations".
quick-done = ✅ { $employee }: { $object }, { $date } { $hours }. They will be notified.
quick-another = ➕ Another shift
quick-slot-rate = 💰 Slot's own rate
quick-to-menu = 🏠 Menu
quick-ask-rate = This slot's hourly rate (wins over the location's rate, loses to a contract rate). 0 removes the slot's rate.
quick-rate-set = 💰 Slot rate: { $rate } an hour.
quick-rate-cleared = 💰 The slot no longer has its own rate.
quick-copy-week = 📋 Copy last week
quick-copy-title = 📋 <b>{ $object }</b>: week { $source } → { $target }
quick-copy-nothing = This week has no shifts — nothing to copy.
quick-copy-summary = Slots: { $slots }, employees to be placed: { $people }.
quick-copy-conflicts =
    ⚠️ Cannot be placed:
    { $conflicts }
quick-copy-conflict = • { $employee }, { $date } { $hours }: { $why }
quick-copy-confirm = ✅ Copy
quick-copy-done = 📋 Copied: { $slots } slots, { $people } placed, { $conflicts } conflicts.
planning-slot-rate-line = 💰 Slot rate: { $rate } an hour
