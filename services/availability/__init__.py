"""Availability and time off: what employees state about when they can work (weekly per
weekday, exceptions per date, with a PREFERRED mark), their time-off requests and the
planners' decisions on them (use cases in `services.time_off`) and the notes planners
leave when they plan someone outside their availability.

Stable API for planning, the board and the auto-scheduler:

- `services.availability.rules` (pure):
  `shift_verdict(person: PersonAvailability, starts_at, ends_at, tz: ZoneInfo) -> Verdict`.
  `PersonAvailability(weekly={weekday: DayRule}, exceptions={date: DayRule},
  time_off=(TimeOffSpan, ...))`; `DayRule(kind: AvailabilityKind, start, end)` with no
  window for the whole day and a window past midnight when `end <= start`.
  `Verdict.kind` is a `VerdictKind`: AVAILABLE, PREFERRED, UNAVAILABLE (with `day`, `rule`,
  `from_exception`: which local day's statement leaves the shift uncovered) or TIME_OFF
  (with `time_off`: the `TimeOffSpan`, its `kind` and `request_id`). `Verdict.is_free`
  is true for AVAILABLE and PREFERRED.
  Local dates and times are read in the timezone of the object the shift is at.
- `services.availability.queries`:
  `await availability_book(session, organization_id, user_ids, start_utc, end_utc)`
  returns an `AvailabilityBook` (three queries whatever the number of people);
  `book.verdict(user_id, starts_at, ends_at, tz) -> Verdict` for any shift inside the
  period, `book.person(user_id) -> PersonAvailability` for the raw statements. Only
  approved time off is loaded; a person with no statement is available.
- `services.availability.statements`: `set_weekday`, `clear_weekday`, `set_exception`,
  `remove_exception` (an employee's own statements).
"""
