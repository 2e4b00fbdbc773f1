"""Read models of ratings: an employee's weighted rating (here or in other
organizations), an object's reviews as managers may see them."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import Permission, Review, ReviewKind, ReviewStatus
from services.ratings.rules import MIN_ANONYMOUS_SHOWN, weighted_average
from services.staff.permissions import Actor, require_object_permission


@dataclass(frozen=True)
class RatingSummary:
    average: float | None
    count: int


async def ratings_elsewhere(
    session: AsyncSession, user_id: int, organization_id: int, now: datetime
) -> RatingSummary:
    """The person's published shift ratings in every organization but this one (shown
    to a hiring side only with the candidate's consent: the caller checks it)."""
    rows = await session.execute(
        select(Review.score, Review.rated_at).where(
            Review.kind == ReviewKind.SHIFT,
            Review.subject_user_id == user_id,
            Review.organization_id != organization_id,
            Review.status == ReviewStatus.PUBLISHED,
        )
    )
    weighted = weighted_average(rows.tuples(), now)
    return RatingSummary(weighted.average, weighted.count)


async def employee_rating(
    session: AsyncSession, organization_id: int, user_id: int, now: datetime
) -> RatingSummary:
    """The person's published shift ratings in this organization, weighted by age."""
    rows = await session.execute(
        select(Review.score, Review.rated_at).where(
            Review.kind == ReviewKind.SHIFT,
            Review.subject_user_id == user_id,
            Review.organization_id == organization_id,
            Review.status == ReviewStatus.PUBLISHED,
        )
    )
    weighted = weighted_average(rows.tuples(), now)
    return RatingSummary(weighted.average, weighted.count)


@dataclass(frozen=True)
class ShownReview:
    score: int
    comment: str
    # None for an anonymous review.
    author_user_id: int | None


@dataclass(frozen=True)
class ObjectReviews:
    summary: RatingSummary
    reviews: list[ShownReview]
    # Anonymous reviews kept back because there are fewer than three of them.
    anonymous_withheld: int


async def object_reviews(
    session: AsyncSession, actor: Actor, object_id: int, now: datetime
) -> ObjectReviews:
    """An object's published reviews for its owners and managers (`view`). Anonymous
    ones count and show only when the object has at least three of them, so that no
    author is found by elimination."""
    await require_object_permission(session, actor, object_id, Permission.VIEW)
    published = list(
        await session.scalars(
            select(Review)
            .where(
                Review.kind == ReviewKind.OBJECT,
                Review.object_id == object_id,
                Review.status == ReviewStatus.PUBLISHED,
            )
            .order_by(Review.rated_at.desc())
        )
    )
    anonymous = [review for review in published if review.anonymous]
    shown = [
        review
        for review in published
        if not review.anonymous or len(anonymous) >= MIN_ANONYMOUS_SHOWN
    ]
    weighted = weighted_average(((r.score, r.rated_at) for r in shown), now)
    return ObjectReviews(
        summary=RatingSummary(weighted.average, weighted.count),
        reviews=[
            ShownReview(r.score, r.comment, None if r.anonymous else r.author_user_id)
            for r in shown
        ],
        anonymous_withheld=len(published) - len(shown),
    )
