## Ratings and reviews: notifications and errors

notify-rating-received = ⭐ New rating ({ $object }): { $score } of 5. { $comment }
notify-rating-held = 🛡 A rating waits for moderation ({ $object }): { $score } of 5. “{ $comment }”
notify-rating-moderated = { $status ->
        [published] ✅ The rating ({ $object }) passed moderation and is published.
       *[other] ✖️ The rating ({ $object }) was rejected by the moderator.
    }
notify-rating-appealed = ⚖️ The rating ({ $object }, { $score } of 5) is appealed. The owner decides.
notify-rating-appeal-decided = { $appeal ->
        [upheld] ⚖️ Appeal upheld: the rating ({ $object }) is removed.
       *[other] ⚖️ Appeal dismissed: the rating ({ $object }) stays.
    }
notify-kind-rating-received = New ratings
notify-button-open-review = ⭐ Open the rating
error-rating-appeal-refused = A rating can be appealed once, within 72 hours of being published.
error-invalid-input-shift-not-finished = The shift is still going: rate it once it is closed.
error-invalid-input-review-decided = This rating has been decided already.
notify-button-rate-1 = 1 ⭐
notify-button-rate-2 = 2 ⭐
notify-button-rate-3 = 3 ⭐
notify-button-rate-4 = 4 ⭐
notify-button-rate-5 = 5 ⭐

## Ratings and reviews: the dialog

menu-ratings = ⭐ Ratings and reviews
ratings-title = <b>⭐ Ratings and reviews</b>
ratings-object-line = { $object }: { $average } ({ $count ->
        [one] 1 review
       *[other] { $count } reviews
    })
ratings-review-line = { $score } ⭐ { $comment }
ratings-review-workplace = ✍️ Review my workplace
ratings-mine = ⭐ My ratings
ratings-queue = 🛡 Awaiting moderation
ratings-pick-object = Which object is the review about?
ratings-no-objects = You do not work at any object yet.
ratings-pick-score = Rate from 1 to 5:
ratings-ask-comment = A few words about the workplace, or no comment.
ratings-no-comment = No comment
ratings-confirm-review = Review: { $score } ⭐. Managers see anonymous reviews only once the object has at least three.
ratings-anonymous-on = ✅ Anonymous
ratings-anonymous-off = ▫️ Anonymous
ratings-send = 📨 Send
ratings-published = ✅ Saved.
ratings-held = 🛡 The text went to moderation: it has a phone number, a link or rude words.
ratings-mine-title = <b>My rating: { $average }</b> ({ $count ->
        [one] 1 rating
       *[other] { $count } ratings
    }). Recent ratings weigh more.
ratings-mine-none = No ratings yet.
ratings-anonymous = anonymous
ratings-status-published = published
ratings-status-held = awaiting moderation
ratings-status-rejected = rejected by the moderator
ratings-status-overturned = removed on appeal
ratings-appeal-pending = appeal pending
ratings-appeal-upheld = appeal upheld
ratings-appeal-dismissed = appeal dismissed
ratings-card =
    <b>{ $object }: { $score } ⭐</b>
    { $comment }
    Author: { $author }
    Status: { $status }
ratings-card-subject = About: { $subject }
ratings-card-appeal = Appeal: { $appeal }. { $appeal_comment }
ratings-approve = ✅ Publish
ratings-reject = ✖️ Reject
ratings-appeal = ⚖️ Appeal
ratings-ask-appeal = Write why the rating is unfair. You can appeal once.
ratings-appealed = ⚖️ The appeal went to the owner.
ratings-uphold = ✅ Remove the rating
ratings-dismiss = ✖️ Keep the rating
ratings-decided = ✅ Decided; both sides are notified.
ratings-object-title = <b>{ $object }: { $average }</b> ({ $count ->
        [one] 1 review
       *[other] { $count } reviews
    })
ratings-withheld = Anonymous reviews hidden: { $withheld }. They appear once there are at least three.
ratings-queue-title = Waiting for a decision:
ratings-queue-none = All checked.
ratings-rated = { $employee }'s shift ({ $object }, { $day }): <b>{ $score } ⭐</b>. You may change the rating or add a comment.
ratings-done = Done
ratings-unavailable = This rating is not available.
ratings-team = 👥 Employees' ratings
ratings-team-title = <b>Employees' ratings</b> (recent ratings weigh more):
ratings-team-none = No shift has been rated yet.
ratings-team-line = { $name }: { $average } ({ $count ->
        [one] 1 rating
       *[other] { $count } ratings
    })
