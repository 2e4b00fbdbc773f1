"""QR pictures of links (an invite, a vacancy) for a paper at the counter (segno, pure
Python)."""

import io

# Big enough to scan from a printed A4 sheet across a counter.
QR_SCALE = 12


def qr_png(link: str) -> bytes:
    """A PNG of the QR code of `link`, with the quiet zone scanners need."""
    import segno  # loaded by the first QR code: most processes never draw one

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=QR_SCALE, border=4)
    return buffer.getvalue()
