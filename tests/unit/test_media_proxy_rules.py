"""The media proxy's pure rules: which keys are well formed, which byte range is served."""

import pytest

from services.media_storage.base import ByteRange
from webapp.routes.media import RangeNotSatisfiable, is_well_formed_key, requested_range


@pytest.mark.parametrize(
    "key",
    ["1/task_proof/42/abc-1.jpg", "AgACAgIAAxkBAAIB-_x", "a.b/c_d-e.mp4"],
)
def test_object_names_and_file_ids_are_well_formed(key: str) -> None:
    assert is_well_formed_key(key, f"/api/media/{key}".encode())


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("../etc/passwd", "/api/media/../etc/passwd"),
        ("a/../b", "/api/media/a/../b"),
        ("a/./b", "/api/media/a/./b"),
        ("/etc/passwd", "/api/media//etc/passwd"),
        ("a//b", "/api/media/a//b"),
        ("a\\b", "/api/media/a%5Cb"),
        ("a/b", "/api/media/a%2Fb"),
        (".hidden", "/api/media/.hidden"),
        ("", "/api/media/"),
        ("x" * 513, "/api/media/" + "x" * 513),
        ("a b", "/api/media/a b"),
    ],
)
def test_traversal_and_encoded_keys_are_refused(key: str, raw: str) -> None:
    assert not is_well_formed_key(key, raw.encode())


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-99", ByteRange(0, 99)),
        ("bytes=900-", ByteRange(900, 999)),
        ("bytes=900-5000", ByteRange(900, 999)),
        ("bytes=-10", ByteRange(990, 999)),
        ("bytes=-5000", ByteRange(0, 999)),
        ("bytes=0-9,20-29", None),
        ("items=0-9", None),
        ("bytes=50-10", None),
        ("bytes=-", None),
    ],
)
def test_requested_range(header: str | None, expected: ByteRange | None) -> None:
    assert requested_range(header, 1000) == expected


@pytest.mark.parametrize(
    ("header", "size"), [("bytes=1000-", 1000), ("bytes=-0", 1000), ("bytes=-5", 0)]
)
def test_unsatisfiable_ranges(header: str, size: int) -> None:
    with pytest.raises(RangeNotSatisfiable):
        requested_range(header, size)
