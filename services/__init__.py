"""StaffProBot's product: domain rules, use cases and adapters to the outside world."""
