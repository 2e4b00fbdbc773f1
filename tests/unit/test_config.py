"""Every setting is documented in `.env.example`, and the embedded default is chosen
when no service URL is configured."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from services.platform.config import DEFAULT_SQLITE_URL, Settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _documented() -> set[str]:
    lines = (PROJECT_ROOT / ".env.example").read_text().splitlines()
    return {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}


def _setting_names() -> set[str]:
    names = set()
    for name, field in Settings.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, Settings.__mro__[1]):
            prefix = annotation.model_config.get("env_prefix", "")
            names |= {f"{prefix}{sub}".upper() for sub in annotation.model_fields}
        else:
            names.add(name.upper())
    return names


def test_every_setting_is_documented_in_env_example() -> None:
    assert sorted(_setting_names() - _documented()) == []


def test_no_service_urls_select_the_embedded_default() -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.is_embedded
    assert settings.effective_database_url == DEFAULT_SQLITE_URL


def test_superadmin_ids_are_read_from_a_comma_list(monkeypatch) -> None:
    monkeypatch.setenv("SUPERADMIN_IDS", "11, 22")
    assert Settings(_env_file=None).superadmin_ids == [11, 22]  # type: ignore[call-arg]


def test_media_is_handed_to_nginx_only_when_its_location_is_configured(monkeypatch) -> None:
    assert Settings(_env_file=None).media_accel_redirect == ""  # type: ignore[call-arg]
    monkeypatch.setenv("MEDIA_ACCEL_REDIRECT", "/_staffprobot_media/")
    assert Settings(_env_file=None).media_accel_redirect == "/_staffprobot_media/"  # type: ignore[call-arg]
    for mistaken in ("_staffprobot_media/", "/_staffprobot_media", "http://minio:9000/"):
        monkeypatch.setenv("MEDIA_ACCEL_REDIRECT", mistaken)
        with pytest.raises(ValidationError):
            Settings(_env_file=None)  # type: ignore[call-arg]
