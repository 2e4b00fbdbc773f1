"""A language's Fluent catalogues parsed once, not at every start.

Parsing the ~170 KB of one language's `.ftl` files takes fluent.syntax's pure-Python
parser 0.3–0.45 s, at the start of every process (the bot announces its commands in
each language). Loading the same syntax trees kept in a pickle takes about 0.07 s. As
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
from typing import BinaryIO

import structlog
from fluent.syntax import FluentParser
from fluent.syntax.ast import BaseNode, Resource

log = structlog.get_logger(__name__)

_PARSED = ".parsed"


def parsed_catalogue(locales_dir: Path, language: str) -> list[Resource]:
    """The syntax trees of `locales_dir/<language>/*.ftl`, in file name order, without
    source positions."""
    paths = sorted((locales_dir / language).glob("*.ftl"))
    # Hashed file by file and the kept parse read as a stream: no copy of it all at once.
    digest = hashlib.sha256(version("fluent.syntax").encode())
    for path in paths:
        digest.update(b"\0" + path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    kept = locales_dir / _PARSED / f"{language}-{digest.hexdigest()[:16]}.pickle"
    try:
        with kept.open("rb") as file:
            return pickle.load(file)  # written by this module only
    except FileNotFoundError:
        pass
    except Exception as error:  # damaged or of another fluent.syntax: parsed again
        log.warning("i18n.parsed_catalogue_unreadable", path=str(kept), error=repr(error))
    parser = FluentParser(with_spans=False)
    resources = [parser.parse(path.read_text(encoding="utf-8")) for path in paths]
    _keep(kept, resources)
    return resources


def _node(kind: type[BaseNode], attributes: dict[str, object]) -> BaseNode:
    return kind(**attributes)


class _NodePickler(pickle.Pickler):
    """Kept so that loading takes no more memory than parsing (measured with
    tracemalloc: 4.3 MiB live and at the peak for both languages, as parsed; a plain
    pickle's 6.0 live and 12.1 at the peak stayed in the process as 7 MiB more RSS):
    nodes are rebuilt by their constructors, as `fluent.syntax.ast.from_json` does,
    so their attributes share their class's key table again, and without a memo (the
    trees share no node), whose table was the peak."""

    def __init__(self, file: BinaryIO, protocol: int) -> None:
        super().__init__(file, protocol)
        self.fast = True

    def reducer_override(self, obj: object) -> object:
        if isinstance(obj, BaseNode):
            return _node, (type(obj), vars(obj))
        return NotImplemented


def _keep(path: Path, resources: list[Resource]) -> None:
    """Writes the parse atomically (processes starting together may race) and removes
    the language's outdated ones; a read-only directory is left alone."""
    try:
        path.parent.mkdir(exist_ok=True)
        descriptor, written = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:
                _NodePickler(file, protocol=pickle.HIGHEST_PROTOCOL).dump(resources)
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
