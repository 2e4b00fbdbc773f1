tasks-no-shift = You are not on shift now. Tasks appear once you start a shift.
tasks-checklist =
    📋 <b>Shift tasks</b> — { $object_name }
    Done { $done } of { $total }

    { $tasks_list }

    ❗ — mandatory, 📷 — photo or video needed. Tap a task to mark it.
tasks-none = 📋 This shift has no tasks.
tasks-mandatory-left = ⚠️ Mandatory tasks left: { $mandatory_left }.
tasks-task-card =
    📋 <b>{ $title }</b>
    { $status ->
        [done] ✅ Done
       *[open] ⬜ Not done yet
    }
tasks-task-mandatory = ❗ Mandatory
tasks-task-fine = 💸 Fine if not done: { $fine }
tasks-task-needs-proof = 📷 Needs a photo or video
tasks-task-bonus = 🎁 Bonus: { $bonus }
tasks-task-rejected = ↩️ Proof not accepted: "{ $comment }". Please send a new one.
tasks-task-gone = This task is no longer on your current shift.
tasks-task-mark-done = ✅ Mark as done
tasks-task-send-proof = 📷 Send a photo or video
tasks-task-all = 📋 All tasks of the shift
tasks-link-unavailable = This task was not found or is not yours to see. Here is the main menu.
tasks-proof =
    📷 <b>{ $task }</b>
    Send up to { $max_items } photos or videos (an album is fine); the caption becomes the comment.
    Received: { $count }.
tasks-proof-expired = The time to send has run out. Go back to the list and start again.
tasks-proof-done = ✅ Done
tasks-proof-cancel = ✖️ Cancel
notify-task_proof =
    📋 { $task }
    👤 { $employee } · 🏪 { $object_name } · 🕒 { $time }
    { $comment }
    🔎 <a href="{ $link }">Review in the bot</a>
notify-task_proof_rejected =
    ↩️ The proof of "{ $task }" was not accepted: { $comment }
    The task is open again — please send a new proof.
notify-button-redo-task = 📷 Redo the proof

task-review-title = 🧾 <b>Proofs of the week</b>. Choose one to look at or reject:
task-review-empty = 🧾 No proofs in the last week.
task-review-proof =
    🧾 <b>{ $task }</b>
    👤 { $employee } · 🏪 { $object_name }
task-review-gone = This proof is already rejected or unavailable.
task-review-show-files = 📎 Show files
task-review-files-caption = 📎 Proof
miniapp-title-proofs = Photo proof
miniapp-proofs-empty = This proof has no files.
miniapp-proofs-no-task = It is not clear which proof to open. Open it with the button in the bot.
miniapp-proofs-rejected = Proof rejected:
miniapp-proofs-photo = Proof photo
miniapp-proofs-file = Open the file
task-review-open-viewer = 🖼 Open in the app
task-review-reject = ❌ Reject
task-review-ask-comment = Write what is wrong: the employee gets your comment and the task opens again.
task-review-rejected = Proof rejected, the employee will be told.

task-templates-choose-object = 📝 <b>Location tasks</b>. Choose a location:
task-templates-no-objects = There are no locations where you may change tasks.
task-templates-list =
    📝 <b>Tasks: { $object_name }</b>
    They appear on every shift at this location. ❗ — mandatory, 📷 — with a photo proof.
task-templates-empty =
    📝 <b>Tasks: { $object_name }</b>
    No tasks yet.
task-templates-slot-list =
    📝 <b>Slot tasks: { $object_name }, { $date } { $start }–{ $end }</b>
    Only the shifts of this slot get them. ❗ — mandatory, 📷 — with photo proof.
task-templates-slot-empty =
    📝 <b>Slot tasks: { $object_name }, { $date } { $start }–{ $end }</b>
    This slot has no tasks of its own yet.
task-templates-slot-object-tasks = { $ignores ->
        [yes] 🚫 The location's tasks ({ $object_task_count }) will not appear in this slot's shifts.
       *[no] ➕ The location's tasks ({ $object_task_count }) also appear in this slot's shifts.
    }
task-templates-ignore-object-on = ✅ Without the location's tasks
task-templates-ignore-object-off = ⬜ Without the location's tasks
task-templates-add = ➕ Add a task
task-templates-ask-title = What is the task called? For example: "Wipe the display case".
task-templates-draft =
    📝 <b>{ $title }</b>
    Mandatory: { $is_mandatory ->
        [yes] yes
       *[no] no
    }
    Photo or video: { $needs_proof ->
        [yes] needed
       *[no] not needed
    }
    Bonus when done: { $bonus }
    { $is_mandatory ->
        [yes] Fine when not done: { $fine }
       *[no] {""}
    }
task-templates-mandatory-on = ✅ Mandatory
task-templates-mandatory-off = ⬜ Mandatory
task-templates-proof-on = ✅ Photo/video needed
task-templates-proof-off = ⬜ Photo/video needed
task-templates-set-bonus = 🎁 Bonus
task-templates-set-fine = 💸 Fine
task-templates-save = 💾 Save
task-templates-ask-bonus = Bonus when done, { $money_sign } (0 — no bonus):
task-templates-ask-fine = Fine when a mandatory task is not done, { $money_sign } (0 — no fine):
task-templates-card =
    📝 <b>{ $title }</b>
    Mandatory: { $is_mandatory ->
        [yes] yes
       *[no] no
    }
    Photo or video: { $needs_proof ->
        [yes] needed
       *[no] not needed
    }
    Bonus: { $bonus } · Fine: { $fine }
task-templates-remove = 🗑 Remove the task

error-task-no-open-shift = Open a shift first.
error-task-not-open = This task is done already.
error-task-proof-required = This task needs a photo proof.
error-task-shift-closed = That shift is already closed: the task can no longer be marked.
error-task-proof-not-rejectable = This proof has already been rejected.
