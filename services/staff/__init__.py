"""People: users (registration, language), memberships with roles and contract terms,
and permissions (who may do what on which object)."""
