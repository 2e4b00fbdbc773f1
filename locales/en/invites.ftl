invites-list-title = ✉️ <b>Invitations</b>
    Create an invite link and send it to the person: opening it joins them to the organization at once.
invites-list-empty = No invitations yet.
invites-list-item = { $icon } { $role } · { $objects } · { $uses }/{ $max_uses }
invites-new-employee = ➕ Invite an employee
invites-new-manager = ➕ Invite a manager
invites-role-employee = Employee
invites-role-manager = Manager
invites-choose-objects = Which locations will they work at? Tick one or more and press "Next".
invites-no-objects = Create a location first: an invite is tied to locations.
invites-next = ➡️ Next
invites-ask-rate =
    Type the contract hourly rate in { $money_sign } (for example, 350 or 350.50).
    Without an own rate, the shift's or the location's rate applies.
invites-without-rate = No own rate
invites-choose-permissions = What may the manager do at these locations? Tick the permissions and press "Next".
invites-choose-uses = How many people may join with this link?
invites-uses-single = 1️⃣ Single-use
invites-uses-many = 👥 Multi-use, up to { $count }
invites-choose-validity = How long is the link valid?
invites-valid-days = { $days ->
    [one] ⏳ { $days } day
   *[other] ⏳ { $days } days
}
invites-card =
    { $icon } <b>Invitation: { $role }</b>
    Status: { $status }
    Locations: { $objects }
    Used: { $uses } of { $max_uses }
    Valid until: { $expires }
invites-card-rate = Rate: { $rate } per hour
invites-card-permissions = Permissions: { $permissions }
invites-card-link =
    Invite link (send it to the person):
    { $link }
invites-status-active = active
invites-status-used = used
invites-status-expired = expired
invites-status-revoked = revoked
invites-share = 📤 Share
invites-share-text = An invitation to StaffProBot: open the link to join.
invites-revoke = 🚫 Revoke
invites-reissue = 🔁 Re-issue
invites-to-list = ⬅️ To invitations

invites-joined-employee = 🎉 You have joined “{ $organization }” as an employee.
invites-joined-manager = 🎉 You have joined “{ $organization }” as a manager.
invites-already-member = You are already a member of “{ $organization }”.

error-invite-unknown = Invitation not found. Check the link or code — or ask your employer for a new one.
error-invite-expired = This invitation has expired. Ask your employer for a new link.
error-invite-revoked = This invitation has been revoked. Ask your employer for a new link.
error-invite-used = Someone has already joined with this link. Ask your employer for a new one.
error-invite-limit-reached = “{ $organization }” has no more employee places on its current tariff. We have told the owner — please try again later.
error-invite-too-many-attempts = Too many wrong codes. Please try again in { $minutes } min.

notify-employee-limit-reached =
    ⚠️ { $name } could not join “{ $organization }”: the tariff's employee limit is reached.
    Upgrade the tariff or dismiss inactive employees, then ask them to open the link again.
