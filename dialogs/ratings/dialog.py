"""Ratings and reviews: for owners and managers the objects' weighted ratings (with the
count behind them) and their reviews, for owners the moderation queue; for employees a
review of their workplace (anonymous or not) and their own ratings with the appeal;
the card of one rating; the one-tap rating of a finished shift from the feed."""

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Checkbox, Row, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column, choice_grid
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.planning.widgets import Notice
from dialogs.ratings import getters, handlers
from dialogs.ratings.states import RatingsSG


def _review_windows() -> list[Window]:
    cancel = back_to(RatingsSG.main, "common-cancel")
    return [
        Window(
            I18n("ratings-pick-object"),
            I18n("ratings-no-objects", when="none"),
            choice_column("objects", "objects", handlers.review_object_chosen),
            cancel,
            state=RatingsSG.review_object,
            getter=getters.get_reviewable,
        ),
        Window(
            I18n("ratings-pick-score"),
            choice_grid("score", "scores", handlers.review_score_chosen, width=5),
            cancel,
            state=RatingsSG.review_score,
            getter=getters.get_scores,
        ),
        text_input_window(
            "ratings-ask-comment",
            handlers.review_comment_entered,
            Button(
                I18n("ratings-no-comment"),
                id="no_comment",
                on_click=handlers.review_without_comment,
            ),
            cancel,
            state=RatingsSG.review_comment,
            text_only=True,
        ),
        Window(
            I18n("ratings-confirm-review"),
            Checkbox(
                I18n("ratings-anonymous-on"),
                I18n("ratings-anonymous-off"),
                id=getters.ANONYMOUS_WIDGET,
                default=True,
            ),
            Button(I18n("ratings-send"), id="send", on_click=handlers.review_sent),
            cancel,
            state=RatingsSG.review_send,
            getter=getters.get_scores,
        ),
    ]


def _card_windows() -> list[Window]:
    return [
        Window(
            I18n("ratings-mine-title"),
            I18n("ratings-mine-none", when="none"),
            choice_column("mine", "ratings", handlers.rating_chosen),
            back_to(RatingsSG.main),
            state=RatingsSG.mine,
            getter=getters.get_mine,
        ),
        Window(
            Notice(),
            I18n("ratings-card"),
            I18n("ratings-card-subject", when="has_subject"),
            I18n("ratings-card-appeal", when="appeal"),
            Row(
                Button(
                    I18n("ratings-approve"),
                    id="approve",
                    on_click=handlers.moderated,
                    when="can_moderate",
                ),
                Button(
                    I18n("ratings-reject"),
                    id="reject",
                    on_click=handlers.moderated,
                    when="can_moderate",
                ),
            ),
            SwitchTo(
                I18n("ratings-appeal"), id="appeal", state=RatingsSG.appeal, when="can_appeal"
            ),
            Row(
                Button(
                    I18n("ratings-uphold"),
                    id="uphold",
                    on_click=handlers.appeal_decided,
                    when="can_decide",
                ),
                Button(
                    I18n("ratings-dismiss"),
                    id="dismiss",
                    on_click=handlers.appeal_decided,
                    when="can_decide",
                ),
            ),
            back_to(RatingsSG.main),
            state=RatingsSG.card,
            getter=getters.get_card,
        ),
        text_input_window(
            "ratings-ask-appeal",
            handlers.appeal_entered,
            back_to(RatingsSG.card, "common-cancel"),
            state=RatingsSG.appeal,
            text_only=True,
        ),
        Window(
            I18n("ratings-object-title"),
            Format("{lines}", when="lines"),
            I18n("ratings-withheld", when="withheld"),
            back_to(RatingsSG.main),
            state=RatingsSG.object_reviews,
            getter=getters.get_object_reviews,
        ),
        Window(
            I18n("ratings-team-title"),
            I18n("ratings-team-none", when="none"),
            Format("{lines}", when="lines"),
            back_to(RatingsSG.main),
            state=RatingsSG.team,
            getter=getters.get_team,
        ),
        Window(
            I18n("ratings-queue-title"),
            I18n("ratings-queue-none", when="none"),
            choice_column("queue", "items", handlers.rating_chosen),
            back_to(RatingsSG.main),
            state=RatingsSG.queue,
            getter=getters.get_queue,
        ),
    ]


def ratings_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("ratings-title"),
            Format("{lines}", when="lines"),
            choice_column("objects", "objects", handlers.object_chosen),
            SwitchTo(
                I18n("ratings-review-workplace"),
                id="review",
                state=RatingsSG.review_object,
                when="is_employee",
            ),
            SwitchTo(I18n("ratings-mine"), id="mine", state=RatingsSG.mine, when="is_employee"),
            SwitchTo(I18n("ratings-team"), id="team", state=RatingsSG.team, when="is_manager"),
            SwitchTo(I18n("ratings-queue"), id="queue", state=RatingsSG.queue, when="has_queue"),
            Cancel(I18n("common-back")),
            state=RatingsSG.main,
            getter=getters.get_main,
        ),
        *_review_windows(),
        *_card_windows(),
        Window(
            Notice(),
            I18n("ratings-rated"),
            choice_grid("rescore", "scores", handlers.rated_score_changed, width=5),
            MessageInput(handlers.rated_comment_entered, content_types=ContentType.TEXT),
            Cancel(I18n("ratings-done")),
            state=RatingsSG.rated,
            getter=getters.get_rated,
        ),
        on_start=handlers.on_start,
    )
