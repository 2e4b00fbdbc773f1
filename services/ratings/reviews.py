"""Writing, moderating and appealing ratings. A rating whose text holds a phone number,
a link or an insult waits for its moderator: the organization's owners for reviews of
an object, the platform's superadmins for ratings of employees (they follow a person
across organizations). The person rated may appeal a published rating once, within
72 hours, with a comment; the organization's owners decide. Every step tells both
sides."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import (
    RATING_APPEAL_DECIDED,
    RATING_APPEALED,
    RATING_HELD,
    RATING_MODERATED,
    RATING_RECEIVED,
    notify,
)
from services.platform.clock import Clock
from services.platform.db.models import (
    AppealStatus,
    MembershipObject,
    Permission,
    Review,
    ReviewKind,
    ReviewStatus,
    Shift,
    ShiftStatus,
    User,
    WorkObject,
)
from services.platform.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from services.ratings.rules import (
    MAX_COMMENT,
    MAX_SCORE,
    MIN_SCORE,
    REVIEW_PAYLOAD_PREFIX,
    can_appeal,
    needs_moderation,
)
from services.staff.permissions import Actor, owner_user_ids, require_object_permission


class AppealNotAllowed(DomainError):
    """Already appealed, not published, or past the 72 hours."""

    code = "rating-appeal-refused"


def _clean(score: int, comment: str) -> str:
    if not MIN_SCORE <= score <= MAX_SCORE:
        raise InvalidInput(field="score")
    text = " ".join(comment.split())
    if len(text) > MAX_COMMENT:
        raise InvalidInput(field="comment", reason="too-long", limit=MAX_COMMENT)
    return text


async def _moderator_ids(
    session: AsyncSession, review: Review, superadmin_telegram_ids: Sequence[int]
) -> list[int]:
    if review.kind == ReviewKind.OBJECT:
        return await owner_user_ids(session, review.organization_id)
    return list(
        await session.scalars(select(User.id).where(User.telegram_id.in_(superadmin_telegram_ids)))
    )


def _button(review: Review) -> dict[str, object]:
    return {
        "buttons": [
            {
                "text_key": "notify-button-open-review",
                "start_payload": f"{REVIEW_PAYLOAD_PREFIX}{review.id}",
            }
        ]
    }


async def _tell(
    session: AsyncSession,
    review: Review,
    kind: str,
    recipients: Sequence[int | None],
    now: datetime,
    cause: str,
) -> None:
    work_object = await session.get(WorkObject, review.object_id)
    assert work_object is not None
    payload = {
        "object": work_object.name,
        "score": review.score,
        "comment": review.comment,
        "status": str(review.status),
        "appeal": str(review.appeal_status or ""),
    } | _button(review)
    for recipient in dict.fromkeys(r for r in recipients if r is not None):
        await notify(
            session,
            kind=kind,
            dedup_key=f"{kind}:{review.id}:{cause}:u{recipient}",
            not_before=now,
            payload=payload,
            recipient_user_id=recipient,
        )


async def _publish_or_hold(
    session: AsyncSession, review: Review, now: datetime, superadmins: Sequence[int]
) -> None:
    """Publish the rating (the person rated is told) or hold it for its moderator."""
    cause = review.rated_at.isoformat()
    if needs_moderation(review.comment):
        review.status = ReviewStatus.HELD
        await session.flush()
        await _tell(
            session,
            review,
            RATING_HELD.name,
            await _moderator_ids(session, review, superadmins),
            now,
            cause,
        )
        return
    review.status = ReviewStatus.PUBLISHED
    await session.flush()
    await _tell(
        session, review, RATING_RECEIVED.name, await _subject_ids(session, review), now, cause
    )


async def _subject_ids(session: AsyncSession, review: Review) -> list[int]:
    """Who a rating is about: the employee, or for an object the organization's owners."""
    if review.kind == ReviewKind.SHIFT:
        return [review.subject_user_id] if review.subject_user_id else []
    return await owner_user_ids(session, review.organization_id)


async def rate_shift(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    shift_id: int,
    score: int,
    comment: str,
    superadmins: Sequence[int],
) -> Review:
    """The manager's rating of a finished shift (one per shift: rating again replaces
    it and it is published or held anew)."""
    text = _clean(score, comment)
    shift = await session.get(Shift, shift_id)
    if shift is None or shift.organization_id != actor.organization_id:
        raise NotFound()
    await require_object_permission(session, actor, shift.object_id, Permission.VIEW)
    if shift.status == ShiftStatus.OPEN:
        raise InvalidInput(field="shift", reason="shift-not-finished")
    review = await session.scalar(
        select(Review).where(Review.shift_id == shift.id).with_for_update()
    )
    now = clock.now()
    if review is None:
        review = Review(
            organization_id=shift.organization_id,
            kind=ReviewKind.SHIFT,
            object_id=shift.object_id,
            shift_id=shift.id,
            subject_user_id=shift.user_id,
            status=ReviewStatus.PUBLISHED,
        )
        session.add(review)
    review.author_user_id = actor.user_id
    review.score = score
    review.comment = text
    review.rated_at = now
    review.appeal_status = None
    await _publish_or_hold(session, review, now, superadmins)
    return review


async def review_object(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    object_id: int,
    score: int,
    comment: str,
    *,
    anonymous: bool,
) -> Review:
    """An employee's review of an object they work at (one per employee and object: a
    new one replaces it)."""
    text = _clean(score, comment)
    work_object = await session.get(WorkObject, object_id)
    works_there = await session.scalar(
        select(MembershipObject.id).where(
            MembershipObject.membership_id == actor.membership_id,
            MembershipObject.object_id == object_id,
        )
    )
    if work_object is None or work_object.organization_id != actor.organization_id:
        raise NotFound()
    if works_there is None:
        raise PermissionDenied()
    review = await session.scalar(
        select(Review)
        .where(
            Review.kind == ReviewKind.OBJECT,
            Review.object_id == object_id,
            Review.author_user_id == actor.user_id,
        )
        .with_for_update()
    )
    now = clock.now()
    if review is None:
        review = Review(
            organization_id=actor.organization_id,
            kind=ReviewKind.OBJECT,
            object_id=object_id,
            author_user_id=actor.user_id,
            status=ReviewStatus.PUBLISHED,
        )
        session.add(review)
    review.score = score
    review.comment = text
    review.anonymous = anonymous
    review.rated_at = now
    review.appeal_status = None
    await _publish_or_hold(session, review, now, ())
    return review


async def _locked(session: AsyncSession, review_id: int) -> Review:
    review = await session.scalar(select(Review).where(Review.id == review_id).with_for_update())
    if review is None:
        raise NotFound()
    return review


async def may_moderate(
    session: AsyncSession, user: User, review: Review, superadmins: Sequence[int]
) -> bool:
    return user.id in await _moderator_ids(session, review, superadmins)


async def moderate(
    session: AsyncSession,
    user: User,
    clock: Clock,
    review_id: int,
    *,
    approve: bool,
    superadmins: Sequence[int],
) -> Review:
    """The moderator approves a held rating (published) or rejects it; the author and
    the person rated are told."""
    review = await _locked(session, review_id)
    if not await may_moderate(session, user, review, superadmins):
        raise NotFound()
    if review.status != ReviewStatus.HELD:
        raise InvalidInput(field="review", reason="review-decided")
    now = clock.now()
    review.status = ReviewStatus.PUBLISHED if approve else ReviewStatus.REJECTED
    review.moderated_by_user_id = user.id
    review.moderated_at = now
    if approve:
        review.rated_at = now  # the appeal window opens when it is shown
    await session.flush()
    await _tell(
        session,
        review,
        RATING_MODERATED.name,
        [review.author_user_id, *await _subject_ids(session, review)],
        now,
        str(review.status),
    )
    return review


async def appeal(
    session: AsyncSession, user: User, clock: Clock, review_id: int, comment: str
) -> Review:
    """The employee rated appeals a published rating of a shift, once, within 72 hours
    of it being shown; the organization's owners decide."""
    review = await _locked(session, review_id)
    if review.kind != ReviewKind.SHIFT or review.subject_user_id != user.id:
        raise NotFound()
    now = clock.now()
    if (
        review.status != ReviewStatus.PUBLISHED
        or review.appeal_status is not None
        or not can_appeal(review.rated_at, now)
    ):
        raise AppealNotAllowed()
    text = " ".join(comment.split())
    if not text:
        raise InvalidInput(field="comment", reason="empty")
    review.appeal_status = AppealStatus.PENDING
    review.appeal_comment = text[:MAX_COMMENT]
    review.appealed_at = now
    await session.flush()
    await _tell(
        session,
        review,
        RATING_APPEALED.name,
        [user.id, review.author_user_id, *await owner_user_ids(session, review.organization_id)],
        now,
        "appealed",
    )
    return review


async def decide_appeal(
    session: AsyncSession, actor: Actor, clock: Clock, review_id: int, *, uphold: bool
) -> Review:
    """An owner decides a pending appeal: upheld removes the rating from every average,
    dismissed keeps it. Both sides are told."""
    review = await _locked(session, review_id)
    if review.organization_id != actor.organization_id:
        raise NotFound()
    if not actor.is_owner:
        raise PermissionDenied()
    if review.appeal_status != AppealStatus.PENDING:
        raise InvalidInput(field="review", reason="review-decided")
    now = clock.now()
    review.appeal_status = AppealStatus.UPHELD if uphold else AppealStatus.DISMISSED
    if uphold:
        review.status = ReviewStatus.OVERTURNED
    review.appeal_decided_by_user_id = actor.user_id
    review.appeal_decided_at = now
    await session.flush()
    await _tell(
        session,
        review,
        RATING_APPEAL_DECIDED.name,
        [review.subject_user_id, review.author_user_id],
        now,
        str(review.appeal_status),
    )
    return review
