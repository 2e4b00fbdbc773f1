"""Contracts: templates with versions (text with fields), contracts made from them for
one member and rendered to PDF, their history and end date (which planning honours), and
signing in chat with a simple electronic signature (agreement, one-time code, the signed
copy with a page of signature facts)."""
