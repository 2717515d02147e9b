"""One simulated student: what a browser does, through the hub's proxy, with the same HTTP and WebSocket APIs.

Log in (the hub's login form), start a server (the spawn page, then the progress event stream), follow the
teacher's nbgitpuller link (its page, then its event stream), open JupyterLab, and for each notebook: read it
through the contents API, start a kernel with a session, run every code cell over the kernel's WebSocket,
keep the outputs as JupyterLab does, and save the notebook back through the contents API.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

import aiohttp

FIGURE_TYPES = ("image/svg+xml",)
CLICKS = 3  # a student whose pull reports an error clicks the teacher's link again, twice at most


def is_figure(output: dict) -> bool:
    """A figure: an SVG, or an HTML <img> (how the kit shows a figure with its alt text in Lab)."""
    if output.get("output_type") not in ("display_data", "execute_result"):
        return False
    data = output.get("data", {})
    return any(kind in data for kind in FIGURE_TYPES) or "<img" in str(data.get("text/html", ""))


def count_figures(notebook: dict) -> int:
    return sum(is_figure(o) for cell in notebook["cells"] if cell["cell_type"] == "code" for o in cell["outputs"])


class StudentError(Exception):
    pass


@dataclass
class NotebookRun:
    path: str
    seconds: float = 0.0
    cells: int = 0
    figures: int = 0  # in the cells' outputs, as the notebook keeps them: compared with figures_expected
    figures_expected: int = 0  # in the outputs the notebook was served with
    live_figures: int = 0  # drawn in a live widget (notebook 2's slider): the saved notebook holds its prompt instead
    errors: list[str] = field(default_factory=list)


@dataclass
class Result:
    name: str
    ok: bool = False
    login_to_first_figure: float | None = None
    spawn_seconds: float | None = None
    pull_seconds: float | None = None
    notebooks: list[NotebookRun] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    pull_retries: list[str] = field(default_factory=list)  # each failed click of the link, before one worked


class Student:
    def __init__(self, name: str, hub_url: str, password: str, link: str, deadline: float):
        self.name = name
        self.hub = hub_url.rstrip("/")
        self.password = password
        self.link = link  # /hub/user-redirect/git-pull?...
        self.deadline = deadline  # time.monotonic() after which every wait gives up
        self.user = f"{self.hub}/user/{quote(name)}"
        self.result = Result(name)
        self.t_login: float | None = None
        self.session: aiohttp.ClientSession | None = None

    # --- HTTP, as a browser ----------------------------------------------------------------------

    def left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise StudentError("out of time")
        return left

    def xsrf_for(self, prefix: str) -> str:
        """The _xsrf cookie whose path is the longest that `prefix` starts with (the hub's or the server's)."""
        chosen, length = "", -1
        for cookie in self.session.cookie_jar:
            path = cookie["path"] or "/"
            if cookie.key == "_xsrf" and prefix.startswith(path.rstrip("/")) and len(path) > length:
                chosen, length = cookie.value, len(path)
        return chosen

    async def request(self, method: str, url: str, *, expect=(200,), **kwargs) -> tuple[int, bytes, str]:
        path = url[len(self.hub):] if url.startswith(self.hub) else url
        headers = {"X-XSRFToken": self.xsrf_for(path.split("?")[0]), **kwargs.pop("headers", {})}
        timeout = aiohttp.ClientTimeout(total=min(self.left(), 300))
        async with self.session.request(method, url, headers=headers, timeout=timeout, **kwargs) as response:
            body = await response.read()
            if response.status not in expect:
                raise StudentError(f"{method} {path.split('?')[0]}: HTTP {response.status} "
                                   f"{body[:200].decode('utf-8', 'replace')}")
            return response.status, body, str(response.url)

    async def api(self, method: str, path: str, body=None, expect=(200, 201, 204)):
        kwargs = {"json": body} if body is not None else {}
        _, data, _ = await self.request(method, f"{self.user}{path}", expect=expect, **kwargs)
        return json.loads(data) if data else None

    async def events(self, url: str, done, max_events: int = 10_000) -> list[dict]:
        """Read a text/event-stream until `done(event)`; bounded in events and in time."""
        path = url[len(self.hub):]
        headers = {"X-XSRFToken": self.xsrf_for(path.split("?")[0]), "Accept": "text/event-stream"}
        timeout = aiohttp.ClientTimeout(total=min(self.left(), 900), sock_read=min(self.left(), 600))
        seen = []
        async with self.session.get(url, headers=headers, timeout=timeout) as response:
            if response.status != 200:
                raise StudentError(f"GET {path.split('?')[0]}: HTTP {response.status}")
            async for raw in response.content:
                line = raw.decode("utf-8", "replace").strip()
                if not line.startswith("data:"):
                    continue
                event = json.loads(line[5:].strip())
                seen.append(event)
                if done(event) or len(seen) >= max_events:
                    break
        return seen

    # --- what the student does -------------------------------------------------------------------

    async def log_in(self) -> None:
        self.t_login = time.monotonic()
        await self.request("GET", f"{self.hub}/hub/login")
        form = {"username": self.name, "password": self.password, "_xsrf": self.xsrf_for("/hub/login")}
        _, _, landed = await self.request("POST", f"{self.hub}/hub/login", data=form, allow_redirects=True)
        if "/hub/login" in landed:
            raise StudentError("the hub did not accept the login")
        self.result.steps.append("logged in")

    async def start_server(self) -> None:
        started = time.monotonic()
        # The spawn page starts the server (no options form) and sends the browser to spawn-pending,
        # whose script follows the progress stream until the server is ready.
        await self.request("GET", f"{self.hub}/hub/spawn/{quote(self.name)}", allow_redirects=False,
                           expect=(200, 302, 303))
        progress = f"{self.hub}/hub/api/users/{quote(self.name)}/server/progress"
        events = await self.events(progress, lambda e: e.get("ready") or e.get("failed"))
        if not events or not events[-1].get("ready"):
            raise StudentError(f"the server did not start: {events[-1] if events else 'no progress'}")
        self.result.spawn_seconds = time.monotonic() - started
        self.result.steps.append("server started")

    async def follow_link(self, clicks: int = CLICKS) -> list[dict]:
        """The teacher's link: the hub sends the student to nbgitpuller's page, whose script reads the pull.

        When nbgitpuller's page reports an error, the student clicks the link again, as a student told to do so
        would, up to `clicks` times in all; each failed click is kept in the student's steps and retries."""
        started = time.monotonic()
        for click in range(1, clicks + 1):
            _, page, landed = await self.request("GET", f"{self.hub}{self.link}")
            if "/git-pull" not in landed or b"git-pull" not in page:
                raise StudentError(f"the link did not reach nbgitpuller's page but {landed}")
            query = self.link.split("?", 1)[1]
            events = await self.events(f"{self.user}/git-pull/api?{query}",
                                       lambda e: e.get("phase") in ("finished", "error"))
            if events and events[-1].get("phase") == "finished":
                break
            last = events[-1] if events else {}
            failure = f"nbgitpuller: {last.get('message', 'no events')} {last.get('output', '')[-400:]}"
            if click == clicks:
                raise StudentError(f"{failure} (after {clicks} clicks)")
            self.result.pull_retries.append(failure[:300])
            self.result.steps.append(f"pull failed, clicked the link again ({click + 1})")
            await asyncio.sleep(min(2.0 * click, self.left()))
        self.result.pull_seconds = time.monotonic() - started
        self.result.steps.append("pulled")
        return events

    async def open_lab(self, urlpath: str) -> dict:
        """Open JupyterLab where the link points; returns the page's configuration."""
        _, page, _ = await self.request("GET", f"{self.user}/{urlpath}")
        text = page.decode("utf-8", "replace")
        start = text.find('id="jupyter-config-data"')
        if start < 0:
            raise StudentError("JupyterLab's page has no configuration")
        body = text[text.index(">", start) + 1:text.index("</script>", start)]
        return json.loads(body)

    async def run_notebook(self, path: str, edit=None) -> tuple[NotebookRun, dict]:
        """Open `path`, run every code cell in a new kernel, apply `edit(notebook, run_cell)`, save, shut down."""
        run = NotebookRun(path)
        started = time.monotonic()
        model = await self.api("GET", f"/api/contents/{quote(path)}?type=notebook&content=1")
        notebook = model["content"]
        run.figures_expected = count_figures(notebook)
        session = await self.api("POST", "/api/sessions", {
            "path": path, "name": path.rsplit("/", 1)[-1], "type": "notebook", "kernel": {"name": "python3"}})
        try:
            kernel = Kernel(self, session["kernel"]["id"])
            await kernel.connect()
            try:
                count = 0
                for cell in notebook["cells"]:
                    if cell["cell_type"] != "code":
                        continue
                    count += 1
                    outputs = await kernel.execute("".join(cell["source"]) if isinstance(cell["source"], list)
                                                   else cell["source"])
                    cell["outputs"], cell["execution_count"] = outputs, count
                    run.cells += 1
                    for output in outputs + kernel.widget_outputs:
                        if output["output_type"] == "error":
                            run.errors.append(f"{path} cell {count}: {output['ename']}: {output['evalue']}")
                        if is_figure(output):
                            if any(output is o for o in outputs):
                                run.figures += 1
                            else:
                                run.live_figures += 1
                            if self.result.login_to_first_figure is None:
                                self.result.login_to_first_figure = time.monotonic() - self.t_login
                if edit is not None:
                    count = await edit(notebook, kernel, count)
            finally:
                await kernel.close()
            await self.api("PUT", f"/api/contents/{quote(path)}",
                           {"type": "notebook", "format": "json", "content": notebook})
        finally:
            await self.api("DELETE", f"/api/sessions/{session['id']}")  # Close and Shut Down Notebook
        run.seconds = time.monotonic() - started
        if run.figures < run.figures_expected:
            run.errors.append(f"{path}: {run.figures} of {run.figures_expected} figures arrived")
        return run, notebook

    async def contents(self, path: str, content: bool = True) -> dict:
        return await self.api("GET", f"/api/contents/{quote(path)}?content={int(content)}")

    async def save_text(self, path: str, text: str) -> None:
        await self.api("PUT", f"/api/contents/{quote(path)}", {"type": "file", "format": "text", "content": text})

    async def delete(self, path: str) -> None:
        await self.api("DELETE", f"/api/contents/{quote(path)}")


V1_PROTOCOL = "v1.kernel.websocket.jupyter.org"


def to_v1(message: dict) -> bytes:
    """A message as JupyterLab 4 sends it on the kernel protocol it asks for: its parts as JSON, each where a table
    of offsets at the frame's start says (jupyter_server's serialize_msg_to_ws_v1, which the server relays as it is)."""
    channel = message["channel"].encode("utf-8")
    parts = [json.dumps(message[key]).encode("utf-8") for key in ("header", "parent_header", "metadata", "content")]
    parts += [bytes(buffer) for buffer in message.get("buffers", [])]
    offsets = [8 * (len(parts) + 3)]
    for part in (channel, *parts):
        offsets.append(offsets[-1] + len(part))
    return b"".join([len(offsets).to_bytes(8, "little"), *(o.to_bytes(8, "little") for o in offsets), channel, *parts])


def from_v1(frame: bytes) -> dict:
    """A message the server sent on that protocol: the kernel's own parts, which the server passed on unread."""
    count = int.from_bytes(frame[:8], "little")
    offsets = [int.from_bytes(frame[8 * (i + 1):8 * (i + 2)], "little") for i in range(count)]
    channel = frame[offsets[0]:offsets[1]].decode("utf-8")
    parts = [frame[offsets[i]:offsets[i + 1]] for i in range(1, count - 1)]
    header, parent_header, metadata, content = (json.loads(part) for part in parts[:4])
    return {"channel": channel, "header": header, "parent_header": parent_header, "metadata": metadata,
            "content": content, "buffers": parts[4:]}


class Kernel:
    """A kernel's channels over its WebSocket, as JupyterLab 4 uses them: it asks for the kernel protocol
    v1.kernel.websocket.jupyter.org, on which the server passes the kernel's messages on as they come (binary
    frames), and falls back to JSON messages, one per text frame, where the server does not take it."""

    def __init__(self, student: Student, kernel_id: str):
        self.student = student
        self.kernel_id = kernel_id
        self.session_id = uuid.uuid4().hex
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.output_widgets: set[str] = set()
        self.capturing: str | None = None
        self.widget_outputs: list[dict] = []

    async def connect(self) -> None:
        url = f"{self.student.user}/api/kernels/{self.kernel_id}/channels?session_id={self.session_id}"
        self.ws = await self.student.session.ws_connect(
            url.replace("http://", "ws://"), headers={"X-XSRFToken": self.student.xsrf_for(url)},
            timeout=aiohttp.ClientWSTimeout(ws_close=10), max_msg_size=0, heartbeat=30, protocols=(V1_PROTOCOL,))
        await self.request("kernel_info_request", {}, channel="shell")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    def message(self, msg_type: str, content: dict, channel: str) -> dict:
        return {
            "header": {"msg_id": uuid.uuid4().hex, "username": self.student.name, "session": self.session_id,
                       "msg_type": msg_type, "version": "5.3",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": [],
        }

    async def request(self, msg_type: str, content: dict, channel: str) -> dict:
        message = self.message(msg_type, content, channel)
        await self.send(message)
        for _ in range(10_000):  # bounded: the reply comes after a few status messages
            reply = await self.receive()
            if reply["parent_header"].get("msg_id") == message["header"]["msg_id"] and reply["channel"] == channel:
                return reply
        raise StudentError(f"no reply to {msg_type}")

    async def send(self, message: dict) -> None:
        if self.ws.protocol == V1_PROTOCOL:
            await self.ws.send_bytes(to_v1(message))
        else:
            await self.ws.send_str(json.dumps(message))

    async def receive(self) -> dict:
        frame = await asyncio.wait_for(self.ws.receive(), timeout=min(self.student.left(), 600))
        if frame.type == aiohttp.WSMsgType.BINARY and self.ws.protocol == V1_PROTOCOL:
            return from_v1(frame.data)
        if frame.type != aiohttp.WSMsgType.TEXT:
            raise StudentError(f"kernel WebSocket: {frame.type.name} {frame.data!r}"[:300])
        return json.loads(frame.data)

    async def execute(self, code: str) -> list[dict]:
        """Run `code`; the outputs as JupyterLab keeps them (streams joined, clear_output honoured)."""
        message = self.message("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}, "shell")
        msg_id = message["header"]["msg_id"]
        await self.send(message)
        outputs: list[dict] = []
        widget: list[dict] = []  # what an Output widget (ipywidgets' interact) shows instead of the cell
        clear_pending = replied = idle = False
        for _ in range(100_000):  # bounded: a cell sends far fewer messages
            if replied and idle:
                break
            reply = await self.receive()
            kind, content = reply["header"]["msg_type"], reply["content"]
            if kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                # the server's word that the kernel process died (JupyterLab shows "Kernel Restarting"): the
                # notebook's state is gone, so this counts as a failure, never as a cell that ran
                raise StudentError(f"the kernel died while running a cell (kernel {content['execution_state']})")
            if reply["parent_header"].get("msg_id") != msg_id:
                continue
            target = widget if self.capturing == msg_id else outputs
            if reply["channel"] == "shell" and kind == "execute_reply":
                replied = True
            elif kind == "status":
                idle = content["execution_state"] == "idle"
            elif kind in ("comm_open", "comm_msg"):
                self.follow_widget(kind, content)
            elif kind == "clear_output":
                if content.get("wait"):
                    clear_pending = True
                else:
                    target.clear()
            elif kind in ("stream", "display_data", "execute_result", "error"):
                if clear_pending:
                    target.clear()
                    clear_pending = False
                add_output(target, kind, content)
        else:
            raise StudentError("a cell sent too many messages")
        self.widget_outputs = widget
        return outputs

    def follow_widget(self, kind: str, content: dict) -> None:
        """JupyterLab's widget manager: while an Output widget holds a request's msg_id, that request's
        outputs go into the widget, not into the cell (nor into the saved notebook)."""
        state = content.get("data", {}).get("state", {})
        if kind == "comm_open" and state.get("_model_name") == "OutputModel":
            self.output_widgets.add(content["comm_id"])
        if content.get("comm_id") in self.output_widgets and "msg_id" in state:
            self.capturing = state["msg_id"] or None


def add_output(outputs: list[dict], kind: str, content: dict) -> None:
    if kind == "stream":
        if outputs and outputs[-1]["output_type"] == "stream" and outputs[-1]["name"] == content["name"]:
            outputs[-1]["text"] += content["text"]
        else:
            outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
    elif kind == "display_data":
        outputs.append({"output_type": "display_data", "data": content["data"],
                        "metadata": content.get("metadata", {})})
    elif kind == "execute_result":
        outputs.append({"output_type": "execute_result", "data": content["data"],
                        "metadata": content.get("metadata", {}), "execution_count": content["execution_count"]})
    else:
        outputs.append({"output_type": "error", "ename": content["ename"], "evalue": content["evalue"],
                        "traceback": content["traceback"]})


def login_session() -> aiohttp.ClientSession:
    # unsafe=True: keep cookies for an IP address (the hub is at 127.0.0.1), as a browser does
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True),
                                 connector=aiohttp.TCPConnector(limit=8))


def link_path(repo: str, branch: str, urlpath: str) -> str:
    """The teacher's link, as nbgitpuller's link generator writes it (for a hub)."""
    return "/hub/user-redirect/git-pull?" + urlencode({"repo": repo, "branch": branch, "urlpath": urlpath})
