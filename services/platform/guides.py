"""The user guides (`doc/*-guide.md`) as the webapp serves them and `/help` links to them:
one guide per role, managers reading the owner's (it covers their permissions)."""

from pathlib import Path

GUIDES_DIR = Path(__file__).resolve().parents[2] / "doc"
GUIDES = ("owner", "employee")
_GUIDE_OF_ROLE = {"owner": "owner", "manager": "owner", "employee": "employee"}


def guide_for(role: str) -> str:
    """The guide of a role ("new" for someone with no organization yet: the owner's)."""
    return _GUIDE_OF_ROLE.get(role, "owner")


def guide_text(name: str) -> str | None:
    """The guide's Markdown, or None for an unknown name."""
    if name not in GUIDES:
        return None
    return (GUIDES_DIR / f"{name}-guide.md").read_text(encoding="utf-8")
