"""The owner's storage mode for each kind of media (task proofs, cancellation documents)."""
