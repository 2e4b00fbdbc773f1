"""The parse of the Fluent catalogues kept between starts: used only while it is the
parse of exactly the files there, else parsed again (an edited text shows at once)."""

import stat
from pathlib import Path

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser

from services.platform.i18n import LOCALES_DIR
from services.platform.parsed_catalogues import parsed_catalogue


def _text(locales: Path, key: str) -> str:
    bundle = FluentBundle(["en"], use_isolating=False)
    for resource in parsed_catalogue(locales, "en"):
        bundle.add_resource(resource)
    text, errors = bundle.format_pattern(bundle.get_message(key).value, {})
    assert not errors
    return text


def _catalogue(tmp_path: Path, text: str) -> Path:
    (tmp_path / "en").mkdir(exist_ok=True)
    (tmp_path / "en" / "menu.ftl").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_kept_parse_is_readable_by_others_and_an_edited_text_is_parsed_again(
    tmp_path: Path,
) -> None:
    locales = _catalogue(tmp_path, "greeting = Hello\n")
    assert _text(locales, "greeting") == "Hello"
    [kept] = (locales / ".parsed").glob("en-*.pickle")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o644  # the image's user reads it
    assert _text(locales, "greeting") == "Hello"  # from the kept parse

    _catalogue(tmp_path, "greeting = Good morning\n")

    assert _text(locales, "greeting") == "Good morning"
    assert [p.name for p in (locales / ".parsed").iterdir()] != [kept.name]
    assert len(list((locales / ".parsed").glob("en-*.pickle"))) == 1  # the old one removed


def test_a_damaged_kept_parse_is_parsed_again(tmp_path: Path) -> None:
    locales = _catalogue(tmp_path, "greeting = Hello\n")
    _text(locales, "greeting")
    [kept] = (locales / ".parsed").glob("en-*.pickle")
    kept.write_bytes(b"not a pickle")

    assert _text(locales, "greeting") == "Hello"
    assert kept.read_bytes() != b"not a pickle"


def test_where_nothing_can_be_kept_the_catalogue_is_parsed(tmp_path: Path) -> None:
    locales = _catalogue(tmp_path, "greeting = Hello\n")
    (locales / ".parsed").write_text("a file where the directory would be")

    assert _text(locales, "greeting") == "Hello"
    assert _text(locales, "greeting") == "Hello"


def test_the_kept_parse_of_the_real_catalogues_is_their_parse() -> None:
    parser = FluentParser(with_spans=False)
    for language in ("ru", "en"):
        parsed_catalogue(LOCALES_DIR, language)  # kept, if it was not
        kept = parsed_catalogue(LOCALES_DIR, language)
        paths = sorted((LOCALES_DIR / language).glob("*.ftl"))
        fresh = [parser.parse(path.read_text(encoding="utf-8")) for path in paths]
        assert len(kept) == len(fresh) > 30
        assert all(a.equals(b) for a, b in zip(kept, fresh, strict=True))
