"""✨ Fill the week: objects → week → the draft's summary and empty places → review
(drop single assignments) → publish."""

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo

from dialogs.autoschedule import getters, handlers
from dialogs.autoschedule.states import AutoScheduleSG
from dialogs.common.choices import choice_column, paged_choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window


def autoschedule_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("autoschedule-pick-scope", when="has_objects"),
            I18n("autoschedule-no-objects", when=lambda d, w, m: not d["has_objects"]),
            choice_column("objects", "objects", handlers.object_chosen),
            Button(
                I18n("autoschedule-whole-organization"),
                id="whole",
                on_click=handlers.whole_organization,
                when="has_objects",
            ),
            Cancel(I18n("common-back")),
            state=AutoScheduleSG.scope,
            getter=getters.get_scope,
        ),
        Window(
            I18n("autoschedule-pick-week"),
            choice_column("weeks", "weeks", handlers.week_chosen, type_factory=str),
            back_to(AutoScheduleSG.scope),
            state=AutoScheduleSG.week,
            getter=getters.get_weeks,
        ),
        Window(
            I18n("autoschedule-summary"),
            I18n("autoschedule-summary-proven", when="proven"),
            I18n("autoschedule-summary-not-proven", when="not_proven"),
            I18n("autoschedule-summary-hours", when="has_hours"),
            I18n("autoschedule-summary-empty", when="has_empty"),
            I18n("autoschedule-summary-goals"),
            Button(
                I18n("autoschedule-publish"),
                id="publish",
                on_click=handlers.publish,
                when="has_drafts",
            ),
            SwitchTo(
                I18n("autoschedule-review"),
                id="review",
                state=AutoScheduleSG.review,
                when="has_drafts",
            ),
            SwitchTo(I18n("autoschedule-labor"), id="labor", state=AutoScheduleSG.labor),
            SwitchTo(I18n("autoschedule-rules"), id="rules", state=AutoScheduleSG.rules),
            Button(I18n("autoschedule-fill-again"), id="again", on_click=handlers.fill_again),
            Cancel(I18n("common-back")),
            state=AutoScheduleSG.summary,
            getter=getters.get_summary,
        ),
        Window(
            I18n("autoschedule-review-title", when="has_drafts"),
            I18n("autoschedule-review-empty", when="no_drafts"),
            paged_choice_column(
                "drafts", "drafts", handlers.draft_chosen, page_id="drafts_page", page_size=10
            ),
            back_to(AutoScheduleSG.summary),
            state=AutoScheduleSG.review,
            getter=getters.get_review,
        ),
        Window(
            I18n("autoschedule-draft-title"),
            I18n("autoschedule-draft-instead", when="has_candidates"),
            paged_choice_column(
                "instead", "candidates", handlers.draft_changed, page_id="instead_page", page_size=8
            ),
            Button(I18n("autoschedule-draft-drop"), id="drop", on_click=handlers.draft_dropped),
            back_to(AutoScheduleSG.review),
            state=AutoScheduleSG.draft,
            getter=getters.get_draft,
        ),
        text_input_window(
            I18n("autoschedule-labor-title"),
            handlers.sales_sent,
            back_to(AutoScheduleSG.summary),
            state=AutoScheduleSG.labor,
            getter=getters.get_labor,
        ),
        Window(
            I18n("autoschedule-rules-title"),
            choice_column("rules", "rules", handlers.rule_chosen, type_factory=str),
            back_to(AutoScheduleSG.summary),
            state=AutoScheduleSG.rules,
            getter=getters.get_rules,
        ),
        text_input_window(
            "autoschedule-rule-value",
            handlers.rule_value_sent,
            back_to(AutoScheduleSG.rules),
            state=AutoScheduleSG.rule_value,
            text_only=True,
        ),
        Window(
            I18n("autoschedule-published"),
            I18n("autoschedule-published-skipped", when="has_skipped"),
            Cancel(I18n("common-back")),
            state=AutoScheduleSG.published,
            getter=getters.get_published,
        ),
        on_start=handlers.on_start,
    )
