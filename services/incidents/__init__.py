"""Incidents and requests (C25): incidents recorded on employees (damage, shortage,
violation, or the owner's own kinds) that the employee accepts or disputes and that may
deduct money, and employees' requests for money back (expenses from the owner's product
list, or other), each with its history and its ledger lines settled exactly once."""
