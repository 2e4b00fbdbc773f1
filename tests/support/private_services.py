"""Private PostgreSQL, Redis and RabbitMQ servers for chaos tests.

The shared services of the machine serve other test runs, so a chaos test never stops
them: it starts its own server on a free loopback port with its data in a temporary
directory, and stops, kills or restarts that one. Each server runs in its own process
group, which is what `stop` signals (by id, never by name).
"""

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.services import free_port

START_TIMEOUT_SECONDS = 60.0


def _wait_for_port(port: int, timeout: float, what: str, log: Path) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.2)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise RuntimeError(f"{what} did not listen on {port} in {timeout:.0f} s:\n{tail}")


def _signal_group(process: subprocess.Popen[bytes], signum: int, timeout: float) -> None:
    """Signal the server's own process group and wait for the server to exit."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signum)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@dataclass
class PrivateRedis:
    """`redis-server` without persistence: a restart loses every key, as a crashed
    cache-only Redis does."""

    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        log = self.workdir / "redis.log"
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.workdir)),
            ],
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait_for_port(self.port, START_TIMEOUT_SECONDS, "redis-server", log)

    def stop(self) -> None:
        if self.process is not None:
            _signal_group(self.process, signal.SIGTERM, 20)

    def kill(self) -> None:
        if self.process is not None:
            _signal_group(self.process, signal.SIGKILL, 20)


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"PostgreSQL's {name} is not installed")
    return path


@dataclass
class PrivatePostgres:
    """A PostgreSQL cluster of its own (trust auth, fsync off). initdb refuses root, so
    under root the cluster belongs to the `postgres` system user and runs as it."""

    workdir: Path
    port: int = field(default_factory=free_port)

    def __post_init__(self) -> None:
        self.datadir = self.workdir / "pgdata"
        self.log = self.workdir / "postgres.log"
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            self._as_user = ["runuser", "-u", "postgres", "--"]
            owner = pwd.getpwnam("postgres")
            os.chown(self.workdir, owner.pw_uid, owner.pw_gid)

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as_user, *args], check=True, capture_output=True, cwd=self.workdir)

    def init(self) -> None:
        self._run(
            _postgres_bin("initdb"),
            "-D",
            str(self.datadir),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            _postgres_bin("pg_ctl"), "-D", str(self.datadir), "-l", str(self.log),
            "-o", options, "-w", "-t", str(int(START_TIMEOUT_SECONDS)), "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """`fast` closes every session cleanly; `immediate` is what a crash looks like."""
        self._run(_postgres_bin("pg_ctl"), "-D", str(self.datadir), "-m", mode, "-w", "stop")

    def stop_if_running(self) -> None:
        if (self.datadir / "postmaster.pid").exists():
            self.stop("immediate")


@dataclass
class PrivateRabbitMQ:
    """A RabbitMQ node of its own: unique node name, its own AMQP and distribution
    ports, its own Erlang cookie (in a private HOME), config, data and logs in
    `workdir`. It registers with the machine's epmd (started if absent)."""

    workdir: Path
    port: int = field(default_factory=free_port)
    dist_port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.node = f"chaos{self.port}@localhost"
        home = self.workdir / "home"
        home.mkdir(exist_ok=True)
        cookie = home / ".erlang.cookie"
        cookie.write_text(f"CHAOS{self.port}COOKIE")
        cookie.chmod(0o400)
        (self.workdir / "rabbitmq.conf").write_text(
            f"listeners.tcp.local = 127.0.0.1:{self.port}\nloopback_users = none\n"
        )
        (self.workdir / "enabled_plugins").write_text("[].\n")
        (self.workdir / "rabbitmq-env.conf").write_text("")
        self.env = {
            "HOME": str(home),
            "RABBITMQ_CONF_ENV_FILE": str(self.workdir / "rabbitmq-env.conf"),
            "RABBITMQ_CONFIG_FILE": str(self.workdir / "rabbitmq.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.workdir / "enabled_plugins"),
            "RABBITMQ_NODENAME": self.node,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(self.dist_port),
            "RABBITMQ_MNESIA_BASE": str(self.workdir / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self.workdir / "log"),
            "RABBITMQ_PID_FILE": str(self.workdir / "rabbitmq.pid"),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
        }

    @property
    def url(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/"

    def start(self) -> None:
        log = self.workdir / "rabbitmq.out"
        self.process = subprocess.Popen(
            [_rabbitmq_server()],
            env={**os.environ, **self.env},
            cwd=self.workdir,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait_for_port(self.port, START_TIMEOUT_SECONDS, "rabbitmq-server", log)

    def stop(self) -> None:
        """SIGTERM: the node closes its connections and stops (durable data kept)."""
        if self.process is not None:
            _signal_group(self.process, signal.SIGTERM, 30)


def _rabbitmq_server() -> str:
    # The Debian wrapper in /usr/sbin switches to the system user and its config; the
    # script behind it honours the RABBITMQ_* variables as they are.
    for candidate in ("/usr/lib/rabbitmq/bin/rabbitmq-server", shutil.which("rabbitmq-server")):
        if candidate and Path(candidate).exists():
            return candidate
    raise RuntimeError("rabbitmq-server is not installed")


def private_workdir(prefix: str) -> Path:
    """A directory outside pytest's tmp tree, which the `postgres` user cannot enter."""
    return Path(tempfile.mkdtemp(prefix=f"spb-{prefix}-"))
