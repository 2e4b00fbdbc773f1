"""Starting the bot or the webapp loads none of the libraries of features that few updates
use: each costs the process memory for its whole life (OR-Tools with numpy and pandas
~65 MiB, openpyxl 12, pypdf 15, …) and start-up time, so each is loaded by the feature's
first use. Checked in a fresh interpreter that imports what `python -m bot` and
`python -m webapp` import."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOADED_ON_FIRST_USE = {
    "ortools": "auto-scheduling (services.scheduling.solver)",
    "numpy": "OR-Tools, openpyxl and matplotlib bring it",
    "pandas": "OR-Tools brings it",
    "openpyxl": "sales from an Excel file (services.scheduling.sales)",
    "typst": "contract PDFs (services.contracts.pdf)",
    "pypdf": "contract PDFs (services.contracts.pdf)",
    "docx": "contract templates sent as .docx (services.contracts.uploads)",
    "icalendar": "the calendar feed (services.calendar.feed)",
    "segno": "QR codes (services.platform.qr)",
    "httpx": "outgoing HTTP calls (Yandex, YooKassa, Telegram files)",
    "matplotlib": "report charts (services.reports.charts)",
    "openai": "the assistant (services.integrations.openai)",
    "minio": "S3 media storage (services.media_storage.s3_client)",
    "aio_pika": "the RabbitMQ queue",
}
PROGRAM = """
import json, sys
import bot.__main__, webapp.__main__
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_bot_and_webapp_start_without_the_libraries_of_rare_features() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,  # a cold import on a loaded machine
        check=True,
    )
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert {library: why for library, why in LOADED_ON_FIRST_USE.items() if library in loaded} == {}


def test_the_collector_stopped_for_the_start_runs_again_once_started() -> None:
    """The entry points stop the garbage collector before their imports; a process that
    kept it stopped would grow for the rest of its life."""
    program = (
        "import gc; gc.disable()\n"
        "from services.platform.startup import spare_startup_objects_from_gc\n"
        "spare_startup_objects_from_gc()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert result.stdout.split() == ["True", "True"]
