"""Private calendar feeds: a person's unguessable token (created, rotated) and the
iCalendar file (`/calendar/<token>.ics`) with their planned shifts, their time off and,
for owners and managers, the planned shifts of the objects they run; every time in its
object's timezone, with a VTIMEZONE for each."""
