## Hiring: those who hire

menu-hiring = 🧲 Hiring
hiring-title = <b>🧲 Hiring</b>
    Applications by object. Choose an object to open its vacancy and applications.
hiring-no-objects = You have no objects where you hire staff.
hiring-pipeline-line = <b>{ $object }</b>: new { $new } · interviews { $interview } · hired { $hired } · rejected { $rejected }{ $waiting ->
        [-1] {""}
       *[other] {" "}· waiting { $waiting } h
    }
hiring-object-title = <b>{ $object }</b>
hiring-no-vacancy = No vacancy yet. Describe it and the bot gives you a link and a QR code for candidates.
hiring-vacancy-card =
    Position: { $position }
    Pay: { $pay }
    Schedule: { $schedule }
    Address: { $address }
    Link for candidates: { $link }
hiring-vacancy-closed = ⏸ The vacancy is closed: no new applications.
hiring-applications = 📨 Applications
hiring-write-vacancy = ✏️ Describe the vacancy
hiring-qr = 🔳 QR code
hiring-post = 📣 Post to a channel
hiring-close = ⏸ Close the vacancy
hiring-reopen = ▶️ Reopen the vacancy
hiring-ask-position = What is the position? For example: barista.
hiring-ask-pay = What is the pay? For example: from 250 { $money_sign } an hour.
hiring-ask-schedule = What is the schedule? For example: 2 on, 2 off, 12 hours.
hiring-ask-address = Type the address or keep the object's address.
hiring-object-address = 📍 Object's address
hiring-ask-photo = Send a photo for the vacancy or go on without one.
hiring-no-photo = No photo
hiring-ask-post-target = Make the bot an administrator of the channel or group, then forward any post from there to me (or type the chat's numeric id).
hiring-vacancy-saved = ✅ Vacancy saved. The link is below: send it to candidates.
hiring-posted = ✅ The vacancy is posted.
hiring-qr-caption = QR code of the vacancy at “{ $object }”: print it and put it up where people see it.
    { $link }
hiring-vacancy-post =
    <b>{ $organization } is hiring: { $position }</b>
    💰 { $pay }
    🕒 { $schedule }
    📍 { $address }
hiring-vacancy-apply-button = Apply
hiring-applications-title = Applications, those waiting for a decision first:
hiring-applications-none = No applications yet.
hiring-status-icon-new = 🆕
hiring-status-icon-interview = 🗓
hiring-status-icon-hired = ✅
hiring-status-icon-rejected = ✖️
hiring-status-icon-withdrawn = ↩️
hiring-status-new = new application
hiring-status-interview = interview set
hiring-status-hired = hired
hiring-status-rejected = rejected
hiring-status-withdrawn = withdrawn by the candidate
hiring-answer-pending = waiting for the candidate
hiring-answer-confirmed = the candidate confirmed
hiring-answer-another_time = the candidate asks for another time
hiring-application-card =
    <b>{ $name }</b> — { $object }
    Status: { $status }
    Phone: { $phone }
    Experience: { $experience }
    Preferred days and times: { $availability }
    Applied on { $applied }
hiring-application-interview = Interview: { $interview }, { $interview_place }. { $interview_note }
    Answer: { $answer }
hiring-application-rejected = Reason: { $reject_reason }
hiring-application-ratings = ⭐ Ratings in other organizations: { $rating_average } ({ $rating_count ->
        [one] 1 rating
       *[other] { $rating_count } ratings
    })
hiring-invite-interview = 🗓 Invite to an interview
hiring-hire = ✅ Hire
hiring-reject = ✖️ Reject
hiring-block = 🚫 Block the candidate
hiring-to-applications = 📨 All applications
hiring-pick-interview-day = Choose the day of the interview:
hiring-pick-interview-hour = Choose the hour:
hiring-pick-interview-minute = Choose the minutes ({ $hour } h):
hiring-pick-interview-place = Where is the interview?
hiring-at-object = 🏪 At the object
hiring-online = 💻 Online
hiring-ask-interview-note = Add a note for the candidate (what to bring, whom to ask for) or go on without one.
hiring-no-note = No note
hiring-interview-set = ✅ The invitation is sent to the candidate.
hiring-pick-reject-reason = Choose the reason; the candidate gets a polite message:
hiring-reject-template-polite-button = 🙏 Polite refusal
hiring-reject-template-filled-button = 👤 The place is taken
hiring-reject-template-schedule-button = 🕒 The schedule does not fit
hiring-reject-template-polite = Thank you for your interest in working with us! Unfortunately we cannot offer you a place now. Good luck with your search.
hiring-reject-template-filled = Thank you for applying! This place has been taken. We will be glad to hear from you next time.
hiring-reject-template-schedule = Thank you for applying! Unfortunately your schedule does not match what we need.
hiring-own-reason = ✏️ In my own words
hiring-ask-own-reason = Type the reason; the candidate gets it as written.
hiring-rejected = The candidate has been told.
hiring-blocked = 🚫 Candidate blocked: their applications to your organization are refused from now on.
hiring-ask-hire-rate = Type the employee's hourly rate or keep the object's rate.
hiring-hire-no-rate = Object's rate
hiring-hired = 🎉 Hired: they are an employee of the location now, no invite needed. Next: their contract to sign (📑 Contract).
hiring-application-unavailable = This application is not available.

## Hiring: candidates

apply-vacancy-card =
    <b>{ $organization } — { $position }</b>
    🏪 { $object }
    💰 { $pay }
    🕒 { $schedule }
    📍 { $address }
apply-vacancy-closed = This vacancy is closed now.
apply-already = You have applied to this vacancy.
apply-start = 📨 Apply
apply-my-application = 📄 My application
apply-ask-name = What is your name?
apply-keep-name = Keep my Telegram name
apply-ask-phone = Share your phone with the button below or type it.
apply-share-phone = 📱 Share my phone
apply-ask-experience = A few words about your experience: where and as what have you worked?
apply-ask-availability = Which days and hours suit you?
apply-ask-photo = You may send a photo, or go on without one.
apply-no-photo = No photo
apply-consent = Show the hiring side your ratings from other organizations? Off unless you turn it on.
apply-consent-on = ✅ Show my ratings
apply-consent-off = ▫️ Show my ratings
apply-send = 📨 Send the application
apply-status =
    <b>Your application — { $object }</b>
    Status: { $status }
apply-status-interview = Interview: { $interview }, { $place }. { $note }
apply-status-answer = Your answer: { $answer }
apply-status-rejected = { $reason }
apply-confirm = ✅ I will come
apply-other-time = 🕒 Another time
apply-withdraw = ↩️ Withdraw the application

## Hiring: notifications

notify-hiring-application-new = 📨 New application to the vacancy at “{ $object }”: { $candidate }.
notify-hiring-application-withdrawn = ↩️ { $candidate } withdrew their application at “{ $object }”.
notify-hiring-interview-answer = { $answer ->
        [confirmed] ✅ { $candidate } confirmed the interview (“{ $object }”).
       *[other] 🕒 { $candidate } asks to move the interview (“{ $object }”).
    }
notify-hiring-untouched = ⏳ { $candidate }'s application at “{ $object }” has waited { $hours } h for an answer.
notify-hiring-interview-reminder = ⏰ Interview in 2 hours: { $candidate }, “{ $object }”, { $when }{ $online ->
        [yes] , online.
       *[other] , { $place }.
    }
notify-hiring-interview-invited = 🗓 You are invited to an interview (“{ $object }”): { $when }{ $online ->
        [yes] , online.
       *[other] , { $place }.
    } { $note }
    Confirm it or ask for another time.
notify-hiring-rejected = About your application (“{ $object }”): { $template ->
        [polite] { hiring-reject-template-polite }
        [filled] { hiring-reject-template-filled }
        [schedule] { hiring-reject-template-schedule }
       *[other] { $reason }
    }
notify-hiring-hired = 🎉 You are hired: “{ $organization }”, object “{ $object }”. Open the menu to see your shifts.
notify-kind-hiring-application-new = New applications to vacancies
notify-kind-hiring-application-withdrawn = Withdrawn applications
notify-kind-hiring-untouched = Applications unanswered for 48 hours
notify-button-open-application = 📄 Open the application
notify-button-my-application = 📄 My application

## Hiring: errors

error-vacancy-unknown = There is no such vacancy. Check the link.
error-vacancy-closed = This vacancy is closed.
error-vacancy-too-many-opens = Too many vacancies opened in a row. Try again in { $minutes } min.
error-application-exists = You have applied to this vacancy already.
error-application-blocked = This organization does not accept your applications.
error-application-closed = This application has been decided already.
error-vacancy-not-chat-admin = The bot is not an administrator of that channel or group. Make it one and try again.
error-invalid-input-phone-format = I could not read the number. Type it like this: +7 900 123-45-67.
error-invalid-input-phone-not-own = Share your own number with the “📱 Share my phone” button.
error-invalid-input-photo-expected = Send a photo or press “No photo”.
error-invalid-input-chat-expected = Forward a post from the channel or group, or type the chat's numeric id.
error-invalid-input-interview-in-past = That time has passed. Choose a time ahead.
hiring-make-contract = 📑 Contract to sign
