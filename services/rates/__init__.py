"""Overtime and holiday rates (C21): the organization's overtime rule and its per-object
overrides, the holidays the owner marks, the pure rules that split a week's worked
minutes into regular, overtime and holiday minutes, and the planning forecast of
overtime. Payroll turns the result into ledger lines; this package knows no ledger."""
