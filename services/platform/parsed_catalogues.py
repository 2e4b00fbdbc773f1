"""A language's Fluent catalogues parsed once, not at every start.

Parsing the ~170 KB of one language's `.ftl` files takes fluent.syntax's pure-Python
parser 0.3–0.45 s, at the start of every process (the bot announces its commands in
each language). Loading the same syntax trees from a pickle takes about 0.05 s. As
Python does with `__pycache__`, the parse is kept beside the sources
(`locales/.parsed/<language>-<digest>.pickle`) when that directory is writable (the
Docker image writes it at build time), and used only when its digest, over the
parser's version and the files' names and text, matches: an edited catalogue is parsed
again. The pickle is as trusted as the code beside it, it is never read from elsewhere.
"""

import hashlib
import os
import pickle
import tempfile
from importlib.metadata import version
from pathlib import Path

import structlog
from fluent.syntax import FluentParser
from fluent.syntax.ast import Resource

log = structlog.get_logger(__name__)

_PARSED = ".parsed"


def parsed_catalogue(locales_dir: Path, language: str) -> list[Resource]:
    """The syntax trees of `locales_dir/<language>/*.ftl`, in file name order, without
    source positions."""
    paths = sorted((locales_dir / language).glob("*.ftl"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    digest = hashlib.sha256(
        repr((version("fluent.syntax"), [path.name for path in paths], texts)).encode()
    ).hexdigest()[:16]
    kept = locales_dir / _PARSED / f"{language}-{digest}.pickle"
    try:
        return pickle.loads(kept.read_bytes())  # written by this module only
    except FileNotFoundError:
        pass
    except Exception as error:  # damaged or of another fluent.syntax: parsed again
        log.warning("i18n.parsed_catalogue_unreadable", path=str(kept), error=repr(error))
    parser = FluentParser(with_spans=False)
    resources = [parser.parse(text) for text in texts]
    _keep(kept, resources)
    return resources


def _keep(path: Path, resources: list[Resource]) -> None:
    """Writes the parse atomically (processes starting together may race) and removes
    the language's outdated ones; a read-only directory is left alone."""
    try:
        path.parent.mkdir(exist_ok=True)
        descriptor, written = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:
                pickle.dump(resources, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(written, 0o644)  # mkstemp's 0600: the image's user reads root's parse
            os.replace(written, path)
        finally:
            Path(written).unlink(missing_ok=True)
        language = path.name.rsplit("-", 1)[0]
        for outdated in path.parent.glob(f"{language}-*.pickle"):
            if outdated != path:
                outdated.unlink(missing_ok=True)
    except OSError:
        pass
