"""Bench (prints figures, asserts nothing): rendering a contract PDF with Typst.

The built-in Russian GPC contract (one A4 page), filled with every field: the first
render in a fresh process (Typst loads its embedded fonts), then the median and the
worst of the next renders, the signature page appended with pypdf, and the sizes.

    .venv/bin/python -m tests.bench.bench_contract_pdf [--runs 50]
"""

import argparse
import io
import statistics
import time

from pypdf import PdfReader

from services.contracts.builtin import STARTING_TEXTS
from services.contracts.pdf import SignatureFacts, render_document, with_signature_page
from services.contracts.rules import KNOWN_FIELDS, blocks_of, fill


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    blocks = blocks_of(
        fill(STARTING_TEXTS["gpc_ru"], {name: "Значение поля" for name in KNOWN_FIELDS})
    )

    start = time.perf_counter()
    pdf = render_document("Договор", "ru", blocks)
    first = _ms(start)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        pdf = render_document("Договор", "ru", blocks)
        timings.append(_ms(start))
    facts = SignatureFacts("Сведения о подписании", "Простая ЭП", [("SHA-256", "ab" * 32)] * 7)
    start = time.perf_counter()
    signed = with_signature_page(pdf, "ru", facts)
    signing = _ms(start)
    print(f"pages: {len(PdfReader(io.BytesIO(pdf)).pages)}, size: {len(pdf)} bytes")
    print(f"first render (fonts loaded): {first:.1f} ms")
    median, worst = statistics.median(timings), max(timings)
    print(f"next {runs} renders: median {median:.1f} ms, max {worst:.1f} ms")
    print(f"signature page appended: {signing:.1f} ms, signed size: {len(signed)} bytes")


if __name__ == "__main__":
    main()
