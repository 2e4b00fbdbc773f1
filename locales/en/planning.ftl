# Planning (owners and managers)
planning-title =
    📅 <b>Planning</b>
    Choose a location.
planning-no-objects = There are no locations you can plan. Add a location first.
planning-reasons = ❗ Cancellation reasons
planning-approvals = 📎 Approvals: { $pending_count }
planning-object-title =
    🏢 <b>{ $object_name }</b>
    Time zone: { $timezone }. All dates and times are local.
planning-new-slot = ➕ New slot
planning-schedule = 📋 Schedule
planning-templates = 🗓 Templates
planning-back-to-objects = ⬅️ To locations
planning-pick-date = Choose the slot's date:
planning-pick-start = Shift start on { $date }: choose the hour and minutes.
planning-pick-end =
    Shift end (starts at { $start }): choose the hour and minutes.
    If the end is before the start, the shift ends the next day.
planning-pick-places = Shift { $date } { $start }–{ $end }. How many employees are needed?
planning-overnight = 🌙 Ends the next day.
planning-overnight-mark = 🌙
planning-slot-created = ✅ Slot created: { $date } { $start }–{ $end }, places: { $places }.
planning-another-slot = ➕ Another slot
planning-to-day = 📋 Day schedule
planning-to-object = ⬅️ To the location
planning-pick-day = Choose a day:
planning-day-title = 📋 <b>{ $object_name }</b>, { $date }
planning-day-empty = No slots.
planning-slot-line = { $start }–{ $end } · { $booked }/{ $places } · { $people }
planning-slot-button = { $start }–{ $end } · { $booked }/{ $places }
planning-nobody = nobody
planning-copy-day = 📄 Copy the day
planning-copy-pick = Where should the slots of { $date } go? Choose a day.
planning-copied = 📄 Slots copied: { $created }, skipped (already there or in the past): { $skipped }.
planning-slot-title =
    🕘 <b>{ $date } { $start }–{ $end }</b>
    Places taken: { $booked }/{ $places }
planning-assign = 👤 Assign
planning-unassign = ➖ Unassign someone
planning-slot-tasks = 📋 Tasks of this slot
planning-delete-slot = 🗑 Delete the slot
planning-assign-pick = Who should work { $date } { $start }–{ $end }?
planning-assign-nobody = No free employees of this location.
planning-assigned = ✅ { $name }: assigned.
planning-unassign-pick = Whom should be taken off the shift?
planning-unassign-comment = Write a comment for { $name }: why the shift is taken away.
planning-unassigned = ➖ { $name }: taken off the shift.
planning-move = 🔁 Move someone
planning-on-board = 🗓 Open on the board
planning-move-pick = Whom should be moved to another shift?
planning-move-day = Which day should { $name } move to?
planning-move-target = { $name } → { $date }: to which shift?
planning-move-none = The location has no other shifts that day. Choose another day.
planning-move-other-day = 📅 Another day
planning-moved = 🔁 { $name }: moved to another shift.
planning-delete-confirm = Delete the slot { $date } { $start }–{ $end }? Employees planned: { $booked }; they will be notified.
planning-delete-yes = 🗑 Yes, delete
planning-slot-deleted = 🗑 Slot deleted.
planning-templates-title = 🗓 <b>Weekly templates</b> — { $object_name }
planning-templates-empty = No templates yet.
planning-new-template = ➕ New template
planning-template-ask-title = What should the template be called? For example, "Weekdays".
planning-template-title = 🗓 <b>{ $title }</b>
planning-template-empty = The template has no shifts yet.
planning-template-line = { $weekday } { $start }–{ $end } · places: { $places }
planning-add-item = ➕ Add a shift
planning-apply = ▶️ Apply to dates
planning-pick-weekday = Choose the weekday:
planning-apply-from = From which date should "{ $title }" be applied?
planning-apply-to = Up to which date, inclusive (from { $date_from })?
planning-applied = ▶️ Slots created: { $created }, skipped (already there or in the past): { $skipped }.
planning-item-added = ✅ Shift added to the template.
planning-item-remove = 🗑 { $line }
planning-item-removed = 🗑 Shift removed from the template.
planning-reasons-title =
    ❗ <b>Cancellation reasons</b>
    Fine for cancelling less than { $hours } h before the start: { $fine }.
    Weekly hours cap for taken and swapped shifts: { $weekly_cap ->
        [0] none
       *[other] { $weekly_cap } h
    }.
planning-reasons-empty = The list is empty: add the reasons employees will choose from.
planning-reason-line = • { $title }
planning-reason-line-document = • { $title } — needs a document
planning-reason-remove = 🗑 { $title }
planning-add-reason = ➕ Add a reason
planning-set-fine = 💰 Change the fine
planning-reason-ask-title = Write the cancellation reason, for example "Illness".
planning-reason-ask-document = Does "{ $title }" need a document (photo)?
planning-reason-document-yes = 📎 Yes, a document
planning-reason-document-no = No document
planning-reason-added = ✅ Reason added.
planning-reason-removed = 🗑 Reason removed from the list.
planning-fine-ask = Write the fine in { $money_sign } (0 means no fine).
planning-fine-saved = ✅ Fine saved: { $fine }.
planning-approvals-title = 📎 <b>Approvals</b>: cancellations with documents, taken, given-away and swapped shifts.
planning-approvals-empty = Nothing is waiting for a decision.
planning-approval-button = { $name } · { $date } { $start }
planning-approval-title =
    📎 <b>{ $name }</b> cancels a shift
    { $object_name }, { $date } { $start }–{ $end }
    Reason: { $reason }
    Document photos: { $photos }
    Fine if refused: { $fine }
planning-show-documents = 🖼 Show documents
planning-documents-caption = 📎 Shift cancellation document: { $name }
planning-approve = ✅ Approve
planning-refuse = ❌ Refuse
planning-approved = ✅ Cancellation approved, the fine is waived.
planning-refused = ❌ Cancellation refused, the fine stands.
planning-no-fine = none
planning-lines = { $lines }

# Employee schedule
schedule-title = 📅 <b>My schedule</b> for 14 days
schedule-empty = No shifts yet.
schedule-line = { $date } { $start }–{ $end } · { $object_name }
schedule-book = ➕ Book a shift
schedule-cancel = ✖️ Cancel a shift
schedule-booked = ✅ Booked: { $date } { $start }–{ $end }, { $object_name }.
schedule-cancel-pick = Which shift do you cancel?
schedule-cancel-reason = Why do you cancel the shift { $date } { $start }–{ $end }?
schedule-no-reasons = Your employer has not added cancellation reasons yet. Please contact your manager.
schedule-reason-button-document = { $title } 📎
schedule-cancel-document =
    "{ $reason }" needs a document. Send photos (up to 5), then press "✅ Done".
    Photos received: { $count }
schedule-document-done = ✅ Done
schedule-send-photo = A photo of the document is needed. Please send a photo.
schedule-cancel-confirm = Cancel the shift { $date } { $start }–{ $end } ({ $object_name })? Reason: { $reason }.
schedule-cancel-fine-warning = ⚠️ Less than { $hours } h before the start: a fine of { $fine } applies.
schedule-cancel-approval-note = The document goes to your manager for approval; if approved, there is no fine.
schedule-cancel-yes = ✖️ Yes, cancel
schedule-cancelled = Shift cancelled.
schedule-cancelled-fine = Shift cancelled. Late cancellation fine: { $fine }.
schedule-cancelled-pending = Shift cancelled, the document went to your manager for approval.

# Errors of planning
error-slot-full = There are no places left on this shift ({ $booked }/{ $max }).
error-shift-overlap = There is already another planned shift at this time.
error-not-on-object = The employee does not work at this location.
error-slot-in-past = This shift has already started or passed.
error-self-booking-off = At this location shifts are assigned by a manager.
error-already-on-slot = The employee is already on this shift.
error-slot-exists = This slot already exists.
error-shift-not-planned = This shift is already cancelled.
error-document-required = This reason needs a photo of a document.
error-cancellation-not-pending = This cancellation has already been decided.
error-shift-already-opened = The employee has already opened this shift, so it cannot be moved.
error-invalid-input-same-times = The start and the end are the same. Choose another time.
error-invalid-input-dst-gap = Clocks change that day and this interval does not exist. Choose another time.
error-invalid-input-reversed = The end date is before the start date.
error-invalid-input-capacity = From 1 to { $limit } employees.

# Notifications of planning
notify-shift-assigned = 📅 You are assigned a shift: { $object_name }, { $date } { $start }–{ $end }.
notify-shift-unassigned = ➖ You were taken off the shift { $object_name }, { $date } { $start }–{ $end }. Comment: { $comment }
notify-shift-moved = 🔁 Your shift was moved: from { $from_object_name }, { $from_date } { $from_start }–{ $from_end } to { $object_name }, { $date } { $start }–{ $end }.
notify-slot-deleted = 🗑 The shift { $object_name }, { $date } { $start }–{ $end } was removed from the schedule.
notify-shift-booked = 📅 { $employee_name } booked a shift: { $object_name }, { $date } { $start }–{ $end }.
notify-shift-cancelled = ✖️ { $employee_name } cancelled the shift { $object_name }, { $date } { $start }–{ $end }. Reason: { $reason }.
notify-cancellation-needs-approval = 📎 { $employee_name } cancelled the shift { $object_name }, { $date } { $start }–{ $end } (reason: { $reason }) and sent a document. Open "📅 Planning" → "📎 Approvals".
notify-cancellation-approved = ✅ The document for cancelling { $object_name }, { $date } { $start }–{ $end } was approved. No fine.
notify-cancellation-refused = ❌ The document for cancelling { $object_name }, { $date } { $start }–{ $end } was not accepted.

## The hard rules of work (the same the auto-scheduler keeps)
error-breaks-work-rule = This shift would break a rule of work hours.
error-breaks-work-rule-overlap = This shift overlaps another one on {$day} {$start}–{$end}.
error-breaks-work-rule-travel = There is not enough time to travel from the shift on {$day} {$start}–{$end}.
error-breaks-work-rule-rest = Too little rest around the shift on {$day} {$start}–{$end}.
error-breaks-work-rule-day_hours = That would be {$hours} h of work that day (at most {$limit}).
error-breaks-work-rule-week_hours = That would be {$hours} h of work that week (at most {$limit}).
error-breaks-work-rule-consecutive_days = That would be {$days} working days in a row (at most {$limit}).
