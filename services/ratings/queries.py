"""Read models of ratings: an employee's weighted rating (here or in other
organizations), an object's reviews as managers may see them, the moderation queue and
one rating's card with what its viewer may do."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    AppealStatus,
    MembershipObject,
    Permission,
    Review,
    ReviewKind,
    ReviewStatus,
    User,
    WorkObject,
)
from services.platform.errors import NotFound
from services.ratings.reviews import may_moderate
from services.ratings.rules import MIN_ANONYMOUS_SHOWN, can_appeal, weighted_average
from services.staff.permissions import (
    Actor,
    objects_with_permission,
    owner_user_ids,
    require_object_permission,
)


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


async def reviewable_objects(session: AsyncSession, actor: Actor) -> list[tuple[int, str]]:
    """The objects the employee works at, which they may review."""
    rows = await session.execute(
        select(WorkObject.id, WorkObject.name)
        .join(MembershipObject, MembershipObject.object_id == WorkObject.id)
        .where(
            MembershipObject.membership_id == actor.membership_id,
            WorkObject.archived.is_(False),
        )
        .order_by(WorkObject.name)
    )
    return [(object_id, name) for object_id, name in rows]


@dataclass(frozen=True)
class ObjectSummary:
    object_id: int
    name: str
    summary: RatingSummary


async def objects_summary(
    session: AsyncSession, actor: Actor, now: datetime
) -> list[ObjectSummary]:
    """Every object the actor views, with its reviews' weighted average as managers may
    see it (anonymous reviews only from three up)."""
    return [
        ObjectSummary(o.id, o.name, (await object_reviews(session, actor, o.id, now)).summary)
        for o in await objects_with_permission(session, actor, Permission.VIEW)
    ]


@dataclass(frozen=True)
class MyRating:
    id: int
    score: int
    rated_at: datetime
    status: ReviewStatus


async def my_ratings(
    session: AsyncSession, user_id: int, organization_id: int, now: datetime, limit: int = 20
) -> tuple[RatingSummary, list[MyRating]]:
    """The employee's weighted rating here and their latest published ratings."""
    rows = await session.execute(
        select(Review.id, Review.score, Review.rated_at, Review.status)
        .where(
            Review.kind == ReviewKind.SHIFT,
            Review.subject_user_id == user_id,
            Review.organization_id == organization_id,
            Review.status == ReviewStatus.PUBLISHED,
        )
        .order_by(Review.rated_at.desc())
        .limit(limit)
    )
    return (
        await employee_rating(session, organization_id, user_id, now),
        [MyRating(i, score, at, ReviewStatus(status)) for i, score, at, status in rows],
    )


async def moderation_queue(session: AsyncSession, actor: Actor) -> list[tuple[int, int, str]]:
    """For owners: the organization's object reviews held for moderation and the
    appeals waiting for a decision, as (id, score, object name), oldest first."""
    if not actor.is_owner:
        return []
    rows = await session.execute(
        select(Review.id, Review.score, WorkObject.name)
        .join(WorkObject, WorkObject.id == Review.object_id)
        .where(
            Review.organization_id == actor.organization_id,
            or_(
                and_(Review.kind == ReviewKind.OBJECT, Review.status == ReviewStatus.HELD),
                Review.appeal_status == AppealStatus.PENDING,
            ),
        )
        .order_by(Review.id)
    )
    return [(review_id, score, name) for review_id, score, name in rows]


@dataclass(frozen=True)
class ReviewCard:
    id: int
    kind: ReviewKind
    object_name: str
    score: int
    comment: str
    # Who wrote it; None when anonymous (nobody is told who).
    author: str | None
    subject: str | None
    status: ReviewStatus
    appeal_status: AppealStatus | None
    appeal_comment: str
    can_moderate: bool
    can_appeal: bool
    can_decide_appeal: bool


async def review_card(
    session: AsyncSession,
    user: User,
    review_id: int,
    superadmin_telegram_ids: Sequence[int],
    now: datetime,
) -> ReviewCard:
    """A rating as its author, the person rated, its moderator or the organization's
    owners see it, with what each of them may do; anyone else: not found."""
    review = await session.get(Review, review_id)
    if review is None:
        raise NotFound()
    owners = await owner_user_ids(session, review.organization_id)
    moderator = await may_moderate(session, user, review, superadmin_telegram_ids)
    is_subject = review.subject_user_id == user.id
    is_author = review.author_user_id == user.id
    if not (moderator or is_subject or is_author or user.id in owners):
        raise NotFound()
    work_object = await session.get(WorkObject, review.object_id)
    assert work_object is not None
    author = (
        None
        if review.anonymous or review.author_user_id is None
        else await _name(session, review.author_user_id)
    )
    return ReviewCard(
        id=review.id,
        kind=ReviewKind(review.kind),
        object_name=work_object.name,
        score=review.score,
        comment=review.comment,
        author=author,
        subject=await _name(session, review.subject_user_id) if review.subject_user_id else None,
        status=ReviewStatus(review.status),
        appeal_status=AppealStatus(review.appeal_status) if review.appeal_status else None,
        appeal_comment=review.appeal_comment,
        can_moderate=moderator and review.status == ReviewStatus.HELD,
        can_appeal=is_subject
        and review.kind == ReviewKind.SHIFT
        and review.status == ReviewStatus.PUBLISHED
        and review.appeal_status is None
        and can_appeal(review.rated_at, now),
        can_decide_appeal=user.id in owners and review.appeal_status == AppealStatus.PENDING,
    )


async def _name(session: AsyncSession, user_id: int) -> str:
    person = await session.get(User, user_id)
    return person.display_name if person else "—"


@dataclass(frozen=True)
class EmployeeSummary:
    name: str
    summary: RatingSummary


async def team_ratings(session: AsyncSession, actor: Actor, now: datetime) -> list[EmployeeSummary]:
    """The weighted rating of each employee rated on the objects the actor views, best
    first (ratings given on other objects are not the actor's to see)."""
    viewable = [o.id for o in await objects_with_permission(session, actor, Permission.VIEW)]
    rows = await session.execute(
        select(Review.subject_user_id, Review.score, Review.rated_at).where(
            Review.organization_id == actor.organization_id,
            Review.kind == ReviewKind.SHIFT,
            Review.status == ReviewStatus.PUBLISHED,
            Review.object_id.in_(viewable),
        )
    )
    by_person: dict[int, list[tuple[int, datetime]]] = {}
    for user_id, score, rated_at in rows:
        if user_id is not None:  # a shift's rating always has its employee
            by_person.setdefault(user_id, []).append((score, rated_at))
    people = []
    for user_id, ratings in by_person.items():
        weighted = weighted_average(ratings, now)
        people.append(
            EmployeeSummary(
                await _name(session, user_id), RatingSummary(weighted.average, weighted.count)
            )
        )
    return sorted(people, key=lambda person: (-(person.summary.average or 0), person.name))
