"""Money: the pay rules (rates, lateness fines, rounding), the ledger with one entry per
cause, pay periods, corrections, payouts, payslips and the period export."""
