"""Debian's nginx with our production configuration (deploy/nginx/), for `nginx -t` and
for tests that put it in front of webapp processes: the template rendered as the nginx
image renders it, with a self-signed certificate, on loopback ports, and the webapp
replicas in an upstream group where Docker's DNS would list them."""

import asyncio
import os
import re
import shutil
import signal
import subprocess
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.support.services import PROJECT_ROOT, free_port

NGINX_TEMPLATE = PROJECT_ROOT / "deploy/nginx/staffprobot.conf.template"
DOMAIN = "staffprobot.test"
DOCKER_WEBAPP = "http://staffprobot-webapp:8080"
DOCKER_MEDIA_STORAGE = "http://minio:9000"
MEDIA_LOCATION = "/_staffprobot_media/"
_UPSTREAM = "staffprobot_replicas"


def nginx_locations(config: str) -> dict[str, str]:
    """`location <path> { … }` blocks (no nesting in our config) by their path."""
    return {
        path: body for path, body in re.findall(r"location\s+(?:=\s+)?(\S+)\s*\{([^}]*)\}", config)
    }


def public_locations(config: str) -> dict[str, str]:
    """The locations a client's request can reach: neither `internal` nor named."""
    return {
        path: body
        for path, body in nginx_locations(config).items()
        if not path.startswith("@") and not re.search(r"^\s*internal;", body, re.MULTILINE)
    }


def nginx_binary() -> str:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "Debian's nginx is required (apt-get install nginx-light)"
    return nginx


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, DOMAIN)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(DOMAIN), x509.IPAddress(IPv4Address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    chain, private = directory / "fullchain.pem", directory / "privkey.pem"
    chain.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    private.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return chain, private


def rendered_server_blocks(directory: Path) -> str:
    """The template as the nginx image renders it, with test certificates."""
    chain, private = self_signed_certificate(directory)
    text = NGINX_TEMPLATE.read_text().replace("${STAFFPROBOT_DOMAIN}", DOMAIN)
    text = text.replace(f"/etc/letsencrypt/live/{DOMAIN}/fullchain.pem", str(chain))
    return text.replace(f"/etc/letsencrypt/live/{DOMAIN}/privkey.pem", str(private))


def main_config(directory: Path, server_blocks: str, http_extra: str = "") -> Path:
    """nginx.conf around `server_blocks`, with every path inside `directory`."""
    (directory / "staffprobot.conf").write_text(server_blocks)
    temp_paths = "\n".join(
        f"    {kind}_temp_path {directory / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, the workers would run as `nobody` and could not read the test's files.
    user = "user root;\n" if os.geteuid() == 0 else ""
    config = directory / "nginx.conf"
    config.write_text(
        f"{user}daemon off;\n"
        f"pid {directory / 'nginx.pid'};\n"
        f"error_log {directory / 'error.log'};\n"
        "events {}\n"
        "http {\n"
        f"    access_log {directory / 'access.log'};\n{temp_paths}\n{http_extra}"
        f"    include {directory / 'staffprobot.conf'};\n"
        "}\n"
    )
    return config


def nginx_command(directory: Path, config: Path, *options: str) -> list[str]:
    return [nginx_binary(), *options, "-p", str(directory), "-c", str(config)]


@dataclass
class RunningNginx:
    https_url: str
    http_url: str
    directory: Path
    # The HTTPS server's routes without TLS, for benches that measure Nginx's own work.
    cleartext_url: str | None = None

    def error_log(self) -> str:
        return (self.directory / "error.log").read_text(errors="replace")


@asynccontextmanager
async def nginx_in_front_of(
    directory: Path,
    replica_ports: Sequence[int],
    media_storage: str | None = None,
    *,
    cleartext: bool = False,
) -> AsyncIterator[RunningNginx]:
    """Our Nginx on two free loopback ports (HTTPS and plain HTTP) passing to the webapp
    replicas on `replica_ports`, as it passes to the replicas Docker's DNS names, and
    fetching handed-over media files from `media_storage` (host:port) instead of MinIO.
    `cleartext`: the HTTPS server also listens without TLS on a third port."""
    https_port, http_port, cleartext_port = free_port(), free_port(), free_port()
    blocks = rendered_server_blocks(directory)
    listen = f"listen 127.0.0.1:{https_port} ssl http2;"
    if cleartext:
        listen += f"\n    listen 127.0.0.1:{cleartext_port};"
    blocks = blocks.replace("listen 443 ssl http2;", listen)
    blocks = blocks.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    blocks = "\n".join(line for line in blocks.splitlines() if "listen [::]" not in line)
    assert DOCKER_WEBAPP in blocks
    blocks = blocks.replace(DOCKER_WEBAPP, f"http://{_UPSTREAM}")
    if media_storage is not None:
        assert DOCKER_MEDIA_STORAGE in blocks
        blocks = blocks.replace(DOCKER_MEDIA_STORAGE, f"http://{media_storage}")
    # As with production's replicas looked up in DNS per request, each request tries
    # every replica in turn: none is set aside for 10 s after one refused connection
    # (an upstream block's default), which in a rolling restart set both aside at once.
    servers = "".join(f"        server 127.0.0.1:{port} max_fails=0;\n" for port in replica_ports)
    config = main_config(directory, blocks, f"    upstream {_UPSTREAM} {{\n{servers}    }}\n")
    process = _start(directory, config)
    try:
        await _wait_for_port(https_port, process, directory)
        yield RunningNginx(
            f"https://127.0.0.1:{https_port}",
            f"http://127.0.0.1:{http_port}",
            directory,
            f"http://127.0.0.1:{cleartext_port}" if cleartext else None,
        )
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: finishes the requests it serves
        try:
            await asyncio.to_thread(process.wait, 20)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait)


def _start(directory: Path, config: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        nginx_command(directory, config, "-e", str(directory / "error.log")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def _wait_for_port(port: int, process: subprocess.Popen[bytes], directory: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            log = (directory / "error.log").read_text(errors="replace")
            raise AssertionError(f"nginx exited:\n{log}")
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise AssertionError("nginx did not start listening in 10 s")
