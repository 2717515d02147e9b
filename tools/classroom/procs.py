"""Processes of the classroom run: memory and CPU from /proc, loopback check, and stopping by id.

Each student's server is a process started by the hub; its kernels are its descendants. A sampler reads
/proc at a fixed interval and adds up, for each student, the resident memory (RSS) of that process tree and
the CPU seconds of every process ever seen in it (a kernel that has stopped keeps its last reading). Beside RSS
it adds up the tree's proportional memory (PSS): RSS counts in full the library pages that every student's
processes share, PSS gives each process its share of them, so the class's PSS adds up to what the machine holds.
"""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")
MIB = 1024 * 1024


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    start: int  # start time in clock ticks since boot: a pid with another start is another process
    cpu: float  # user + system seconds
    rss: int  # bytes


def ephemeral_range() -> tuple[int, int]:
    try:
        low, high = (int(n) for n in Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split())
    except (OSError, ValueError):
        low, high = 32768, 60999
    return low, high


def free_port(taken: set[int], tries: int = 200) -> int:
    """A free port on 127.0.0.1 below the system's ephemeral range, not in `taken` (which it joins).

    Asking the system for port 0 and letting it go (as JupyterHub's local spawner does) hands out ports
    from the ephemeral range, where every kernel and client takes its ports too: between the check and
    the server's bind, the port can go to someone else, or to a second server.
    """
    low, _ = ephemeral_range()
    for _ in range(tries):
        port = random.randrange(max(1024, low - 12000), low)
        if port in taken:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise RuntimeError("no free port found below the ephemeral range")


def read_proc(pid: int) -> Proc | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        resident = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    fields = stat[stat.rindex(")") + 2:].split()  # after "pid (name) "
    return Proc(pid=pid, ppid=int(fields[1]), start=int(fields[19]),
                cpu=(int(fields[11]) + int(fields[12])) / TICKS, rss=resident * PAGE)


def pss(pid: int) -> int | None:
    """The process's proportional set size in bytes (/proc/PID/smaps_rollup, Linux 4.14 on), or None."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def all_procs() -> dict[int, Proc]:
    procs = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            proc = read_proc(int(entry.name))
            if proc is not None:
                procs[proc.pid] = proc
    return procs


def tree(root: int, procs: dict[int, Proc]) -> list[Proc]:
    children: dict[int, list[int]] = {}
    for proc in procs.values():
        children.setdefault(proc.ppid, []).append(proc.pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid in procs:
            found.append(procs[pid])
            todo.extend(children.get(pid, []))
    return found


def listening_sockets(pids: set[int]) -> list[tuple[int, str]]:
    """(pid, local address) of every TCP socket in LISTEN state that one of `pids` holds."""
    listening = {}  # socket inode -> address
    for table, family in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 6)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "0A":  # LISTEN
                listening[parts[9]] = decode_address(parts[1], family)
    found = []
    for pid in pids:
        try:
            fds = os.scandir(f"/proc/{pid}/fd")
        except OSError:
            continue
        with fds:
            for fd in fds:
                try:
                    target = os.readlink(fd.path)
                except OSError:
                    continue
                if target.startswith("socket:[") and target[8:-1] in listening:
                    found.append((pid, listening[target[8:-1]]))
    return found


def decode_address(text: str, family: int) -> str:
    host, port = text.split(":")
    raw = bytes.fromhex(host)
    if family == 4:
        return f"{'.'.join(str(b) for b in raw[::-1])}:{int(port, 16)}"
    words = [raw[i:i + 4][::-1] for i in range(0, 16, 4)]  # four little-endian 32-bit words
    address = b"".join(words)
    if address == bytes(15) + b"\x01":
        return f"[::1]:{int(port, 16)}"
    if address[:12] == bytes(10) + b"\xff\xff":
        return f"{'.'.join(str(b) for b in address[12:])}:{int(port, 16)}"
    return f"[{address.hex()}]:{int(port, 16)}"


def is_loopback(address: str) -> bool:
    return address.startswith("127.") or address.startswith("[::1]:")


@dataclass
class Usage:
    peak_rss: int = 0
    peak_server_rss: int = 0  # the server process alone, without its kernels
    peak_pss: int | None = None  # as peak_rss and peak_server_rss, in PSS (None where /proc does not give it)
    peak_server_pss: int | None = None
    cpu: dict[tuple[int, int], float] = field(default_factory=dict)  # (pid, start) -> last CPU seconds
    seen: set[tuple[int, int]] = field(default_factory=set)
    server_cpu: float = 0.0  # the student's server process alone, without its kernels and git

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


class Sampler:
    """Samples the process trees of the hub and of each student's server, in a thread, until stopped."""

    def __init__(self, hub_pid: int, interval: float = 0.5, loopback_every: int = 10):
        self.hub_pid = hub_pid
        self.interval = interval
        self.loopback_every = loopback_every
        self.roots: dict[str, int] = {}  # student -> server pid
        self.others: set[int] = set()  # more process trees to check for listening sockets (git daemon)
        self.usage: dict[str, Usage] = {}
        self.hub = Usage()  # the hub and the proxy, without the students' servers
        self.peak_total = 0
        self.samples = 0
        self.not_loopback: list[tuple[int, str]] = []
        self.sockets_checked = 0
        self.known: dict[int, int] = {}  # every pid seen in a tree -> its start time, to stop strays
        self._servers: dict[tuple[int, int], bool] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="sampler", daemon=True)

    def watch(self, student: str, pid: int) -> None:
        with self._lock:
            self.roots[student] = pid
            self.usage.setdefault(student, Usage())

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        procs = all_procs()
        with self._lock:
            roots = dict(self.roots)
        for student, root in roots.items():
            members = tree(root, procs)
            usage = self.usage[student]
            rss = sum(p.rss for p in members)
            usage.peak_rss = max(usage.peak_rss, rss)
            usage.peak_server_rss = max(usage.peak_server_rss, sum(p.rss for p in members if p.pid == root))
            usage.server_cpu = max([usage.server_cpu] + [p.cpu for p in members if p.pid == root])
            sizes = {p.pid: pss(p.pid) for p in members}
            if members and None not in sizes.values():
                usage.peak_pss = max(usage.peak_pss or 0, sum(sizes.values()))
                usage.peak_server_pss = max(usage.peak_server_pss or 0, sizes.get(root) or 0)
            for p in members:
                usage.cpu[(p.pid, p.start)] = p.cpu
                self.known[p.pid] = p.start
        everything = tree(self.hub_pid, procs)  # the hub, its proxy, every server and kernel
        servers = {p.pid for p in everything if p.ppid == self.hub_pid and self.is_server(p)}
        in_servers = {p.pid for root in servers for p in tree(root, procs)}
        hub_members = [p for p in everything if p.pid not in in_servers]
        self.hub.peak_rss = max(self.hub.peak_rss, sum(p.rss for p in hub_members))
        for p in everything:
            self.known[p.pid] = p.start
            if p.pid not in in_servers:
                self.hub.cpu[(p.pid, p.start)] = p.cpu
        self.peak_total = max(self.peak_total, sum(p.rss for p in everything))
        self.samples += 1
        if self.samples % self.loopback_every == 1:
            others = {p.pid for root in self.others for p in tree(root, procs)}
            self.check_loopback({p.pid for p in everything} | others)

    def is_server(self, proc: Proc) -> bool:
        """A student's server: a child of the hub running jupyterhub-singleuser (the proxy is the other)."""
        key = (proc.pid, proc.start)
        if key not in self._servers:
            try:
                self._servers[key] = b"jupyterhub-singleuser" in Path(f"/proc/{proc.pid}/cmdline").read_bytes()
            except OSError:
                return False
        return self._servers[key]

    def check_loopback(self, pids: set[int]) -> None:
        for pid, address in listening_sockets(pids):
            self.sockets_checked += 1
            if not is_loopback(address) and (pid, address) not in self.not_loopback:
                self.not_loopback.append((pid, address))


def alive(pid: int, start: int | None = None) -> bool:
    proc = read_proc(pid)
    if proc is None:
        return False
    try:  # a zombie has exited; only its parent's wait is missing
        if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    except (OSError, IndexError):
        return False
    return start is None or proc.start == start


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes whose process group is `pgid`."""
    members = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(f"/proc/{entry.name}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if fields[0] != "Z" and int(fields[2]) == pgid:
                members.append(int(entry.name))
    return members


def stop_group(process: subprocess.Popen, timeout: float = 15) -> None:
    """SIGTERM the process group that `process` leads, wait for it, then SIGKILL whatever is left of it."""
    pgid = process.pid
    try:
        os.killpg(pgid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + timeout
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    while group_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if group_members(pgid):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if process.poll() is None:
        process.wait(timeout=5)


def stop_strays(known: dict[int, int], timeout: float = 10) -> list[int]:
    """Stop, by pid, every process still alive among `known` (pid -> start time); returns those found."""
    strays = [pid for pid, start in known.items() if alive(pid, start)]
    for pid in strays:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(alive(pid, known[pid]) for pid in strays):
        time.sleep(0.2)
    for pid in strays:
        if alive(pid, known[pid]):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return strays


# What a failed run prints from the servers' log: a kernel's death, restart or removal, and every error and
# traceback line, not the requests that fill the rest.
LOG_WORTH_READING = re.compile(r"KernelRestarter|Kernel \S+ died|culled or died|Traceback|Error|error:|Address already in use"
                               r"|ZMQError|Killed|MemoryError")


def log_excerpt(text: str, limit: int = 80) -> list[str]:
    """The last `limit` lines of a servers' log worth reading after a failed run (LOG_WORTH_READING)."""
    return [line for line in text.splitlines() if LOG_WORTH_READING.search(line)][-limit:]
