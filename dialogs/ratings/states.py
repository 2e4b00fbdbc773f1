from aiogram.fsm.state import State, StatesGroup


class RatingsSG(StatesGroup):
    """Ratings and reviews: the overview, a workplace review, my ratings, one rating's
    card (moderation, appeal), the one-tap rating of a shift."""

    main = State()
    review_object = State()
    review_score = State()
    review_comment = State()
    review_send = State()
    mine = State()
    card = State()
    appeal = State()
    object_reviews = State()
    queue = State()
    team = State()
    rated = State()
