# Time off: requests and decisions
menu-time-off = 🌴 Time off
time-off-kind-vacation = Vacation
time-off-kind-sick = Sick leave
time-off-kind-unpaid = Unpaid leave
time-off-kind-other = Day off
time-off-title = 🌴 <b>Time off</b>
time-off-none = No requests.
time-off-lines = { $lines }
time-off-line =
    { $status ->
        [approved] ✅
       *[requested] ⏳
    } { $kind }: { $dates }
time-off-new = ➕ Ask for time off
time-off-pick-kind = What do you need?
time-off-pick-first = Pick the first day:
time-off-pick-last = First day: { $first }. Pick the last day (may be the same) or only part of the day:
time-off-part-of-day = 🕘 Only part of this day
time-off-hours-prompt = Type the hours, e.g. <code>09:00-13:00</code>.
time-off-comment-prompt = A comment for your manager — or tap “No comment”.
time-off-no-comment = ➡️ No comment
time-off-requested = ✅ Request sent. The answer comes here.
time-off-withdraw = ↩️ Withdraw a request
time-off-withdraw-pick = Which request do you withdraw?
time-off-withdrawn = Request withdrawn.
time-off-approvals = 📥 Staff requests: { $pending_count }
time-off-approvals-title = 📥 <b>Time-off requests</b>
time-off-approvals-none = No new requests.
time-off-request-card =
    <b>{ $name }</b>: { $kind }
    { $dates }
    Comment: { $comment }
time-off-held-shifts = ⚠️ The employee has { $held } planned shift(s) in these days. Release them (the places open to others) or keep them?
time-off-request-gone = This request was already decided or withdrawn.
time-off-approve = ✅ Approve
time-off-approve-release = ✅ Approve and release the shifts
time-off-approve-keep = ✅ Approve, keep the shifts
time-off-decline = ❌ Decline
time-off-decision-comment = A comment on your decision — or tap “No comment”.
time-off-approved =
    ✅ Approved.{ $released ->
        [0] {""}
       *[other] {" "}Shifts released: { $released }.
    }
time-off-declined = Request declined.
notify-time_off_requested =
    🌴 <b>{ $name }</b> asks for { $kind ->
        [vacation] vacation
        [sick] sick leave
        [unpaid] unpaid leave
       *[other] a day off
    }, { $first } – { $last }.
    Comment: { $comment }
    To answer: menu → “🌴 Time off”.
notify-time_off_decided =
    { $status ->
        [approved] ✅ Approved
       *[declined] ❌ Declined
    }: { $kind ->
        [vacation] vacation
        [sick] sick leave
        [unpaid] unpaid leave
       *[other] day off
    }, { $first } – { $last }. Decided by { $name }. { $decision_comment }
error-time-off-not-pending = This request was already decided or withdrawn.
error-time-off-has-shifts = Meanwhile the employee got shifts in these days ({ $count }). Open the request again and choose what to do with them.
error-time-off-in-past = These days are over. Pick today or later.
error-time-off-too-long = Too long: at most { $limit } days.
reports-summary-time-off =
    🌴 Time off (days):
    { $time_off }
reports-person-time-off = { $name }: { $days }
reports-xlsx-time-off = Time off
reports-xlsx-time-off-total = Total days
