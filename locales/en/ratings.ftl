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
