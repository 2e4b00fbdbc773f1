import segno

from services.platform.qr import QR_SCALE, qr_png

LINK = "https://t.me/staffprobot_test_bot?start=inv_abcdefghijklmnopqrstuvwxyz012345"


def test_the_qr_is_a_png_big_enough_to_print() -> None:
    png = qr_png(LINK)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(png[16:20], "big")
    modules = segno.make(LINK, error="m").symbol_size(scale=1, border=4)[0]
    assert width == modules * QR_SCALE
    assert width >= 400  # pixels: scannable from a printed sheet
