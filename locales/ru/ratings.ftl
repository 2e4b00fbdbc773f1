## Ratings and reviews: notifications and errors

notify-rating-received = ⭐ Новая оценка ({ $object }): { $score } из 5. { $comment }
notify-rating-held = 🛡 Оценка ждёт модерации ({ $object }): { $score } из 5. «{ $comment }»
notify-rating-moderated = { $status ->
        [published] ✅ Оценка ({ $object }) прошла модерацию и опубликована.
       *[other] ✖️ Оценка ({ $object }) отклонена модератором.
    }
notify-rating-appealed = ⚖️ Оценку ({ $object }, { $score } из 5) обжалуют. Решение за владельцем.
notify-rating-appeal-decided = { $appeal ->
        [upheld] ⚖️ Жалоба удовлетворена: оценка ({ $object }) снята.
       *[other] ⚖️ Жалоба отклонена: оценка ({ $object }) остаётся.
    }
notify-kind-rating-received = Новые оценки
notify-button-open-review = ⭐ Открыть оценку
error-rating-appeal-refused = Обжаловать можно один раз и только в течение 72 часов после публикации.
error-invalid-input-shift-not-finished = Смена ещё идёт — оценить можно после её закрытия.
error-invalid-input-review-decided = По этой оценке уже принято решение.
