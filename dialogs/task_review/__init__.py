"""Owners and managers look through recent task proofs and reject a bad one."""
