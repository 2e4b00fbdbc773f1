"""The media viewer's JSON (`/api/miniapp/tasks/{id}/proofs`): a task's proof files as
links to the media proxy, for the owner or a manager who may view the object. The page
first opens a media session (`POST /api/media/session`) so its `<img>`/`<video>` tags can
load those links."""

from typing import Any
from zoneinfo import ZoneInfo

from services.platform.db.models import ShiftTaskStatus
from services.tasks.review import proof_details
from webapp.auth import MEDIA_SESSION_PATH, CurrentUser
from webapp.dependencies import SessionDep
from webapp.miniapp.context import MemberDep, api_router, translator_of

router = api_router()


@router.get("/tasks/{task_id}/proofs")
async def task_proofs(
    task_id: int, user: CurrentUser, actor: MemberDep, session: SessionDep
) -> dict[str, Any]:
    details = await proof_details(session, actor, task_id)
    t = translator_of(user)
    task = details.task
    done_at = task.done_at.astimezone(ZoneInfo(details.timezone)) if task.done_at else None
    return {
        "task": task.title,
        "employee": details.employee,
        "object": details.object_name,
        "done_at": t.moment(done_at) if done_at else None,
        "comment": task.proof_comment or "",
        "rejected": task.status == ShiftTaskStatus.OPEN and task.rejected_at is not None,
        "rejection_comment": task.rejection_comment or "",
        "files": [
            {
                "url": f"{MEDIA_SESSION_PATH}/{media.key}",
                "type": str(media.media_type),
                "content_type": media.content_type,
            }
            for media in details.files
        ],
    }
