"""Time off: employees' requests (dates or part of a day, kind, comment), the decisions of
owners and of managers who plan the employee's objects, what becomes of the planned
shifts an approval covers (released as open places or kept, chosen explicitly), and the
days taken by kind for reports.

Approved time off blocks placements (`services.planning.bookings.check_placement` reads it
through `services.availability`); an approval and a placement of the same person take the
same lock (the user row, `planning.bookings.lock_user`), so that of an approval racing a
booking in its span exactly one succeeds.
"""
