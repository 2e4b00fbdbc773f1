## Breaks (C21)
clock-break-start = ☕ Break
clock-break-end = ↩️ I'm back
clock-card-on-break = ☕ <b>On a break</b> since { $break_since }. Tap "↩️ I'm back" when you resume work.
clock-card-breaks = ☕ Breaks this shift: { $breaks_so_far } min
clock-summary-breaks = ☕ Breaks: { $break_minutes } min, unpaid: { $unpaid_break } min
error-break-already-started = You are already on a break. Tap "↩️ I'm back" when you resume work.
error-break-not-started = No break has been started.
payroll-line-without-breaks = { $line } (less { $breaks } min of unpaid breaks)
objects-flag-breaks_paid = { $breaks_paid_icon } Pay for breaks
breaks-edit-required-after = ☕ Required break: after
breaks-edit-required = ☕ Required break: length
breaks-ask-required-after = After how many hours of a shift without a recorded break is a required unpaid break deducted (0–24)? 0 means never.
breaks-ask-required = How many minutes is the required break (5–120)?
breaks-object-card = ☕ Breaks: { $breaks_paid ->
        [yes] paid
       *[no] unpaid
    }; required break: { $required_break_after ->
        [0] none
       *[other] { $required_break } min when none is recorded in { $required_break_after } h
    }
