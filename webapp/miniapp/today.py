"""`/api/miniapp/today`: the "Today" board of owners and managers (the bot's read model,
`services.attendance.today`), each row with its state and a link to write to the employee."""

from typing import Any

from services.attendance.today import today_board
from services.attendance.today_text import message_url, row_line
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep
from webapp.miniapp.context import PlannerDep, api_router, translator_of

router = api_router()


@router.get("/today")
async def today(
    user: CurrentUser, actor: PlannerDep, session: SessionDep, clock: ClockDep
) -> dict[str, Any]:
    t = translator_of(user)
    board = await today_board(session, clock, user)
    return {
        "objects": [
            {
                "id": item.object_id,
                "name": item.name,
                "rows": [
                    {
                        "key": row.key,
                        "state": row.state.value,
                        "text": row_line(t, row),
                        "message_url": message_url(row),
                    }
                    for row in item.rows
                ],
            }
            for item in board
        ]
    }
