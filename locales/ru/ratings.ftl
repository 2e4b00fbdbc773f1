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
notify-button-rate-1 = 1 ⭐
notify-button-rate-2 = 2 ⭐
notify-button-rate-3 = 3 ⭐
notify-button-rate-4 = 4 ⭐
notify-button-rate-5 = 5 ⭐

## Ratings and reviews: the dialog

menu-ratings = ⭐ Оценки и отзывы
ratings-title = <b>⭐ Оценки и отзывы</b>
ratings-object-line = { $object }: { $average } (отзывов: { $count })
ratings-review-line = { $score } ⭐ { $comment }
ratings-review-workplace = ✍️ Отзыв о месте работы
ratings-mine = ⭐ Мои оценки
ratings-queue = 🛡 На модерации
ratings-pick-object = О каком объекте отзыв?
ratings-no-objects = Вы пока не работаете ни на одном объекте.
ratings-pick-score = Оцените от 1 до 5:
ratings-ask-comment = Пара слов о месте работы — или без комментария.
ratings-no-comment = Без комментария
ratings-confirm-review = Отзыв: { $score } ⭐. Анонимный отзыв руководство увидит, только когда у объекта их будет не меньше трёх.
ratings-anonymous-on = ✅ Анонимно
ratings-anonymous-off = ▫️ Анонимно
ratings-send = 📨 Отправить
ratings-published = ✅ Сохранено.
ratings-held = 🛡 Текст отправлен на модерацию: в нём есть телефон, ссылка или грубость.
ratings-mine-title = <b>Мой рейтинг: { $average }</b> (оценок: { $count }). Недавние оценки весят больше.
ratings-mine-none = Оценок пока нет.
ratings-anonymous = аноним
ratings-status-published = опубликована
ratings-status-held = на модерации
ratings-status-rejected = отклонена модератором
ratings-status-overturned = снята по жалобе
ratings-appeal-pending = жалоба на рассмотрении
ratings-appeal-upheld = жалоба удовлетворена
ratings-appeal-dismissed = жалоба отклонена
ratings-card =
    <b>{ $object }: { $score } ⭐</b>
    { $comment }
    Автор: { $author }
    Статус: { $status }
ratings-card-subject = О сотруднике: { $subject }
ratings-card-appeal = Жалоба: { $appeal }. { $appeal_comment }
ratings-approve = ✅ Опубликовать
ratings-reject = ✖️ Отклонить
ratings-appeal = ⚖️ Обжаловать
ratings-ask-appeal = Напишите, почему оценка несправедлива. Обжаловать можно один раз.
ratings-appealed = ⚖️ Жалоба отправлена владельцу.
ratings-uphold = ✅ Снять оценку
ratings-dismiss = ✖️ Оставить оценку
ratings-decided = ✅ Решение принято, обе стороны уведомлены.
ratings-object-title = <b>{ $object }: { $average }</b> (отзывов: { $count })
ratings-withheld = Анонимных отзывов скрыто: { $withheld } — они появятся, когда их будет не меньше трёх.
ratings-queue-title = Ждут решения:
ratings-queue-none = Всё проверено.
ratings-rated = Смена { $employee } ({ $object }, { $day }): <b>{ $score } ⭐</b>. Можно изменить оценку или написать комментарий.
ratings-done = Готово
ratings-unavailable = Эта оценка недоступна.
ratings-team = 👥 Рейтинг сотрудников
ratings-team-title = <b>Рейтинг сотрудников</b> (недавние оценки весят больше):
ratings-team-none = Смены ещё не оценивали.
ratings-team-line = { $name }: { $average } (оценок: { $count })
