"""On a hub, kernels talk with their server over Unix sockets in the server's own folder (jupyter/kit_server.py,
KernelSockets), so two students' servers on one machine cannot give their kernels the same address.

With TCP ports, a class's servers each picked free ports and let them go for the kernel to bind; two servers could
pick the same port in between, and that kernel died on "Address already in use", five restarts in a row on the
same ports. Here two servers run at once with one home (the classroom run gives each student a deep home; a
socket path beside the connection file there would pass the 107 bytes a Unix socket's path may have): each starts
a real kernel, runs a cell, restarts it as the server does after a death, and runs a cell again.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SERVER = """
import asyncio, json, os, stat, sys
sys.path[:0] = [{jupyter!r}, {classroom!r}]
import kit_server, procs
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets.config import Config


async def run(client, code):
    out = []
    reply = await client.execute_interactive(code, timeout=60,
                                             output_hook=lambda m: out.append(m["content"].get("text", "")))
    return reply["content"]["status"], "".join(out)


async def main():
    config = Config()
    config.MappingKernelManager.kernel_manager_class = kit_server.kernels_on_unix_sockets()
    kernels = AsyncMappingKernelManager(config=config, connection_dir={runtime!r})
    kernel_id = await kernels.start_kernel(kernel_name="python3")
    km = kernels.get_kernel(kernel_id)
    client = km.client()
    client.start_channels()
    await client.wait_for_ready(timeout=60)
    found = dict(transport=km.transport, ip=km.ip, ports=km.ports, first=await run(client, "print(6 * 7)"),
                 listening=[address for _, address in procs.listening_sockets({{km.provisioner.pid}})],
                 folder=str(kit_server.socket_folder()),
                 mode=stat.S_IMODE(os.stat(kit_server.socket_folder()).st_mode),
                 files=sorted(os.listdir(kit_server.socket_folder())))
    await kernels.restart_kernel(kernel_id, now=True)  # what the server does when a kernel dies
    await client.wait_for_ready(timeout=60)
    found["after_restart"] = await run(client, "print(6 * 8)")
    client.stop_channels()
    await kernels.shutdown_kernel(kernel_id)
    print(json.dumps(found))


asyncio.run(main())
"""


def test_two_servers_kernels_use_unix_sockets_of_their_own_and_survive_a_restart(tmp_path):
    home = tmp_path / "classroom-abcdefgh" / "hub" / "homes" / "student-01"
    runtime = home / ".local" / "share" / "jupyter" / "runtime"
    runtime.mkdir(parents=True)
    script = SERVER.format(jupyter=str(ROOT / "jupyter"), classroom=str(ROOT / "tools" / "classroom"),
                           runtime=str(runtime))
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT / "notebooks")}
    servers = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=env, cwd=home) for _ in range(2)]
    found = []
    for server in servers:
        out, err = server.communicate(timeout=180)
        assert server.returncode == 0, err[-3000:]
        found.append(json.loads(out.strip().splitlines()[-1]))
    default_path = len(str(runtime / "kernel-00000000-0000-0000-0000-000000000000-ipc-1"))
    assert default_path > 107  # where jupyter_client would put the sockets: too long for a Unix socket here
    addresses = []
    for kernel in found:
        assert kernel["transport"] == "ipc"
        assert kernel["first"] == ["ok", "42\n"] and kernel["after_restart"] == ["ok", "48\n"], kernel
        sockets = [f"{kernel['ip']}-{port}" for port in kernel["ports"]]
        assert all(len(path.encode()) <= 107 for path in sockets), sockets
        assert sorted(Path(path).name for path in sockets) == kernel["files"]  # each bound, in its folder
        assert all(Path(path).parent == Path(kernel["folder"]) for path in sockets)
        assert kernel["mode"] == 0o700  # the server's own: no other user lists or takes its sockets
        assert not Path(kernel["folder"]).exists()  # removed when its server stopped
        # No channel of the kernel is on a TCP port. The one TCP socket ipykernel may hold is its pipe for the
        # output of forked subprocesses, which it binds to port 0, so the system gives it a free port at once.
        assert len(kernel["listening"]) <= 1, kernel["listening"]
        addresses += sockets
    assert len(set(addresses)) == 10  # two servers, one home: no address in common
    assert found[0]["folder"] != found[1]["folder"]


WITHOUT_DEBUGGER = """
import json, sys
sys.path[:0] = [{jupyter!r}]
import kit_server
from jupyter_client.manager import KernelManager

specs = kit_server.KernelsWithoutDebugger()
km = KernelManager(kernel_name="python3", kernel_spec_manager=specs)
km.start_kernel()
client = km.client()
client.start_channels()
client.wait_for_ready(timeout=60)
info = client.kernel_info(reply=True, timeout=60)["content"]
out = []
loaded = "import sys; print(sorted(m for m, module in sys.modules.items() if module and ('debugpy' in m or 'pydevd' in m)))"
reply = client.execute_interactive(loaded, timeout=60, output_hook=lambda m: out.append(m["content"].get("text", "")))
client.stop_channels()
km.shutdown_kernel(now=True)
print(json.dumps(dict(status=reply["content"]["status"], out="".join(out), features=info.get("supported_features", []),
                      debugger=specs.get_all_specs()["python3"]["spec"]["metadata"].get("debugger"))))
"""


def test_a_hub_s_kernels_start_without_the_debugger_and_lab_offers_none():
    """kit_server.KernelsWithoutDebugger: ipykernel imports debugpy as it starts (0.1 CPU seconds, 8 MiB a kernel)."""
    script = WITHOUT_DEBUGGER.format(jupyter=str(ROOT / "jupyter"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["status"] == "ok" and found["out"] == "[]\n", found  # no module of the debugger in the kernel
    assert "debugger" not in found["features"] and found["debugger"] is False, found


LEFT_OPEN = """
import sys
sys.path[:0] = [{jupyter!r}]
import kit_server
from jupyter_client.manager import KernelManager

# a loaded 2-core machine can take longer than jupyter_client's default 5 s to let the kernel finish its exit
km = KernelManager(kernel_name="python3", kernel_spec_manager=kit_server.KernelsWithoutDebugger(), shutdown_wait_time=30)
km.start_kernel()
client = km.client()
client.start_channels()
client.wait_for_ready(timeout=60)
code = '''
notes = open({plain!r}, "w"); notes.write("my notes")
class Table:  # saves itself when it goes: in a cycle, only a sweep for cycles lets it go
    def __init__(self): self.me = self
    def __del__(self): open({cycle!r}, "w").write("my table")
table = Table()
'''
reply = client.execute_interactive(code, timeout=60, output_hook=lambda message: None)
client.stop_channels()
km.shutdown_kernel()  # as the server shuts a kernel down: the kernel exits by itself
print(reply["content"]["status"])
"""


def test_a_hub_s_kernel_writes_out_at_its_exit_the_files_a_notebook_left_open(tmp_path):
    """kit_server.WITHOUT_DEBUGGER: the kernel's exit leaves its modules alone (0.3 CPU seconds a kernel), but what
    a notebook left open is still closed and written out, and an object in a reference cycle still does what it does
    as it goes (here: saves a table)."""
    plain, cycle = tmp_path / "notes.txt", tmp_path / "table.csv"
    script = LEFT_OPEN.format(jupyter=str(ROOT / "jupyter"), plain=str(plain), cycle=str(cycle))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=180,
                          cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.split()[-1] == "ok", done.stderr[-3000:]
    assert plain.read_text() == "my notes" and cycle.read_text() == "my table"


SERVER_SIDE = """
import asyncio, json, sys
sys.path[:0] = [{jupyter!r}]
import kit_server
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager


async def main():
    kernels = AsyncMappingKernelManager(kernel_spec_manager=kit_server.KernelsWithoutDebugger())
    kernel_id = await kernels.start_kernel(kernel_name="python3")  # reads the python3 spec, as the server does
    specs = kernels.kernel_spec_manager.get_all_specs()  # what Lab lists
    await kernels.shutdown_kernel(kernel_id, now=True)
    print(json.dumps(dict(specs=sorted(specs), argv=specs["python3"]["spec"]["argv"][:2],
                          loaded=sorted(m for m in sys.modules if m.split(".")[0] in ("IPython", "ipykernel")))))


asyncio.run(main())
"""


def test_a_hub_s_server_starts_and_lists_kernels_without_loading_ipython_itself():
    """kit_server.KernelsWithoutDebugger: jupyter_client imported IPython and ipykernel into the server each time it
    read the python3 kernel spec (to find IPython's old kernels folder, and to see whether the spec was ipykernel's
    built-in one), loading a kernel's worth of modules into every student's server. The spec on disk is read as it
    is, and the kernel still starts from it, without the debugger."""
    script = SERVER_SIDE.format(jupyter=str(ROOT / "jupyter"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "notebooks")})
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["specs"] == ["python3"] and found["argv"][1] == "-c", found
    assert found["loaded"] == [], found["loaded"][:10]


class _Stream:
    def on_recv(self, callback):
        self.callback = callback


class _Kernel:
    """What a kernel manager's activity watch uses of a kernel: its session and its output stream."""

    def __init__(self, session):
        self.session, self.execution_state = session, "starting"

    def connect_iopub(self):
        return _Stream()


def _kernel_output(session):
    """A kernel's output as a notebook runs: its start, a kernel_info request, then a cell that draws a figure."""
    def parent(msg_type):
        return session.msg_header(msg_type)

    figure = {"data": {"image/svg+xml": "<svg>" + "M 1 2 L 3 4 " * 20_000 + "</svg>", "text/plain": "<Figure>"},
              "metadata": {}}
    run, info, comm = parent("execute_request"), parent("kernel_info_request"), parent("comm_info_request")
    messages = [("status", {"execution_state": "starting"}, None),
                ("status", {"execution_state": "busy"}, info), ("status", {"execution_state": "idle"}, info),
                ("status", {"execution_state": "busy"}, run), ("execute_input", {"code": "draw()"}, run),
                ("stream", {"name": "stdout", "text": "drawn\n"}, run), ("display_data", figure, run),
                ("status", {"execution_state": "idle"}, run),
                ("status", {"execution_state": "busy"}, comm), ("status", {"execution_state": "idle"}, comm)]
    return [session.serialize(session.msg(kind, content, parent=parent)) for kind, content, parent in messages]


def _watched(manager_class, session, messages):
    """The execution state after each message, and whether the message counted as activity."""
    manager = manager_class()
    kernel = manager._kernels["k"] = _Kernel(session)
    manager.start_watching_activity("k")
    seen = []
    for frames in messages:
        before = kernel.last_activity
        kernel._activity_stream.callback([b"kernel.k.status", *frames])  # as it arrives: topic, then the frames
        seen.append((kernel.execution_state, kernel.last_activity is not before))
    return seen


def test_a_hub_s_server_records_kernel_activity_as_jupyter_server_does_without_decoding_each_message(monkeypatch):
    """kit_server.KernelsWatchedLightly: jupyter_server checked the signature of every message a kernel sent (over
    its figures) and decoded it, only to note the kernel's activity. The kit's watch reads the headers alone (and a
    status message's state), and records the same activity and the same states."""
    sys.path.insert(0, str(ROOT / "jupyter"))
    import kit_server
    from jupyter_client.session import Session
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    session = Session(key=b"the kernel's key")
    messages = _kernel_output(session)
    upstream = _watched(AsyncMappingKernelManager, session, messages)
    assert [state for state, _ in upstream] == ["starting", "idle", "idle", "busy", "busy", "busy", "busy", "idle",
                                                "idle", "idle"]  # what jupyter_server records, for reference
    decoded = []
    monkeypatch.setattr(Session, "deserialize", lambda self, *args, **kwargs: decoded.append(args))
    assert _watched(kit_server.KernelsWatchedLightly, session, messages) == upstream
    assert decoded == []


NO_HISTORY = """
import sys
sys.path[:0] = [{jupyter!r}]
import kit_server
from jupyter_client.manager import KernelManager

km = KernelManager(kernel_name="python3", kernel_spec_manager=kit_server.KernelsWithoutDebugger())
km.start_kernel()
client = km.client()
client.start_channels()
client.wait_for_ready(timeout=60)
out = []
for code in ("x = 6 * 7", "print(get_ipython().history_manager.enabled, In[1], x)"):
    client.execute_interactive(code, timeout=60, output_hook=lambda m: out.append(m["content"].get("text", "")))
client.stop_channels()
km.shutdown_kernel()
print("".join(out).strip())
"""


def test_a_hub_s_kernel_keeps_no_history_database_but_a_notebook_still_reads_its_cells_in_in(tmp_path):
    """kit_server.WITHOUT_HISTORY: IPython committed each cell a kernel ran to a SQLite database in the home (0.03 CPU
    seconds of a notebook's kernel), a history no notebook reads."""
    script = NO_HISTORY.format(jupyter=str(ROOT / "jupyter"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks"), "IPYTHONDIR": str(tmp_path / "ipython")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=180,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "False x = 6 * 7 42"
    assert not list((tmp_path / "ipython").rglob("history.sqlite"))
