"""A class on a real JupyterHub, on this machine: N students run the kit, then pull a teacher's update.

    make classroom                 # 30 students
    make classroom STUDENTS=5

What it starts, on 127.0.0.1 only: git daemon serving the student edition of the kit (served_repo.py), a
JupyterHub with its proxy (jupyterhub_config.py), and through the hub one server per student. Each student
(student.py) logs in, starts a server, follows the teacher's nbgitpuller link, runs every notebook in a
kernel, answers an exercise and saves, in the working copies the kit's server makes in my-work/ (as a real
student does: the link opens my-work/00-start-here.ipynb, the originals in notebooks/ are read-only). The
teacher then commits an update; every student follows the link again, and each file is checked: the kit's
files updated by nbgitpuller, the student's working copies kept as saved. Memory and CPU come from /proc (procs.py).
Everything started is stopped at the end by its process id or group, pass or fail.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import json
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import nbformat

HERE = Path(__file__).resolve().parent
import procs
import served_repo
from student import Student, StudentError, link_path, login_session

ROOT = HERE.parents[1]
BUILD = ROOT / "build" / "classroom"
NOTEBOOKS = "notebooks"  # the kit's originals: read-only in Lab, updated by the teacher's commits
WORK = "my-work"  # each student's working copies (jupyter/kit_server.py): what a student opens, runs and saves
START_HERE = "00-start-here.ipynb"
ANSWERED = "01-recognition.ipynb"  # every student answers its first exercise
DELETED = "02-network.ipynb"  # one student deletes the working copy to start it over
NEW_FILE = "homework.md"  # the teacher's new file, at the top; one student already made a file of that name
TEACHER_NOTE = "*Week 6: read this notebook again before Thursday's class.*"
MIB, GIB = 1024 ** 2, 1024 ** 3
KERNEL_EVENTS = {
    "started": r"Kernel started: ",
    "restarted after dying": r"KernelRestarter: restarting kernel",
    "died and removed": r"Kernel \S+ died, removing from map",
    "culled (idle)": r"Culling '[^']*' kernel '",
    "session of a vanished kernel removed": r"appears to have been culled or died unexpectedly",
}


TAKEN_PORTS: set[int] = set()


def free_port() -> int:
    return procs.free_port(TAKEN_PORTS)


def wait_for(check, what: str, seconds: float, interval: float = 0.25):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    raise RuntimeError(f"{what} did not come up within {seconds:.0f} s")


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def plain(notebook: dict) -> dict:
    """A notebook as nbformat reads it (sources and texts joined into strings), for comparing."""
    return json.loads(json.dumps(nbformat.reads(json.dumps(notebook), as_version=4)))


def cell_text(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


class Classroom:
    def __init__(self, students: int, keep: bool = False, revision: str = "HEAD"):
        self.revision = revision
        self.names = [f"student-{i:02d}" for i in range(1, students + 1)]
        self.keep = keep
        self.tmp = Path(tempfile.mkdtemp(prefix="classroom-"))
        self.run_dir = self.tmp / "hub"
        self.run_dir.mkdir()
        self.password = secrets.token_hex(8)
        self.service_token = secrets.token_hex(32)
        self.groups: list[tuple[str, subprocess.Popen]] = []  # each leads its own process group
        self.sampler: procs.Sampler | None = None
        self.stopped = False
        self.strays: list[int] = []
        self.started: list[str] = []

    # --- starting ----------------------------------------------------------------------------

    def spawn(self, what: str, command: list[str], log: Path, **kwargs) -> subprocess.Popen:
        with open(log, "wb") as out:
            process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       start_new_session=True, **kwargs)
        self.groups.append((what, process))
        return process

    def serve_kit(self) -> None:
        serve_dir = self.tmp / "srv"
        serve_dir.mkdir()
        self.teacher = self.tmp / "teacher"
        served_repo.publish(ROOT, serve_dir, self.teacher, self.revision)
        port = free_port()
        self.git_daemon = self.spawn("git daemon", served_repo.daemon_command(serve_dir, port),
                                     self.tmp / "git-daemon.log")
        wait_for(lambda: port_open(port), "git daemon", 30)
        self.repo_url = f"git://127.0.0.1:{port}/{served_repo.NAME}"
        served_repo.git("ls-remote", self.repo_url)  # the students' address answers
        self.urlpath = f"lab/tree/{served_repo.NAME}/{WORK}/{START_HERE}"  # as the README's link
        self.link = link_path(self.repo_url, "main", self.urlpath)

    def start_hub(self) -> None:
        self.hub_port = free_port()
        env = {
            "PATH": f"{BUILD / 'hub' / 'bin'}:/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": str(self.run_dir),
            "PYTHONPATH": str(HERE),  # jupyterhub_config.py imports procs beside it
            "CLASSROOM_RUN_DIR": str(self.run_dir),
            "CLASSROOM_USER_ENV": str(BUILD / "user"),
            "CLASSROOM_HUB_PORT": str(self.hub_port),
            "CLASSROOM_HUB_API_PORT": str(free_port()),
            "CLASSROOM_PROXY_API_PORT": str(free_port()),
            "CLASSROOM_PROXY_COMMAND": str(BUILD / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy"),
            "CLASSROOM_PROXY_TOKEN": secrets.token_hex(32),
            "CLASSROOM_PASSWORD": self.password,
            "CLASSROOM_STUDENTS": ",".join(self.names),  # the only names the hub lets in
            "CLASSROOM_SERVICE_TOKEN": self.service_token,
            "CLASSROOM_TAKEN_PORTS": ",".join(map(str, sorted(TAKEN_PORTS))),
        }
        self.hub_log = self.run_dir / "jupyterhub.log"
        self.hub = self.spawn("JupyterHub", [str(BUILD / "hub" / "bin" / "jupyterhub"), "-f",
                                             str(HERE / "jupyterhub_config.py")], self.hub_log,
                              cwd=self.run_dir, env=env)
        self.hub_url = f"http://127.0.0.1:{self.hub_port}"
        self.sampler = procs.Sampler(self.hub.pid)
        self.sampler.others.add(self.git_daemon.pid)
        self.sampler.start()

        def answers() -> bool:
            if self.hub.poll() is not None:
                raise RuntimeError(f"JupyterHub exited: {self.hub_log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.hub_port), timeout=1) as sock:
                    sock.sendall(b"GET /hub/api/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                    return b" 200 " in sock.recv(64)
            except OSError:
                return False
        wait_for(answers, "JupyterHub", 120)

    async def admin(self, method: str, path: str, http: aiohttp.ClientSession, expect=(200, 201, 202, 204)):
        """The teacher service's REST call to the hub, with its admin token."""
        async with http.request(method, f"{self.hub_url}/hub/api{path}",
                                headers={"Authorization": f"token {self.service_token}"},
                                timeout=aiohttp.ClientTimeout(total=120)) as response:
            body = await response.read()
            if response.status not in expect:
                raise RuntimeError(f"hub API {method} {path}: HTTP {response.status} {body[:200]!r}")
            return json.loads(body) if body else None

    # --- stopping ----------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop every student's server through the hub, then each process group started, then strays."""
        if self.stopped:
            return
        self.stopped = True
        if self.started and self.hub.poll() is None:
            try:
                asyncio.run(self.stop_servers())
            except Exception as problem:  # noqa: BLE001  (stopping goes on by process id below)
                print(f"classroom: stopping servers through the hub: {problem}", file=sys.stderr)
        for what, process in reversed(self.groups):
            procs.stop_group(process)
        if self.sampler is not None:
            self.sampler.stop()
            self.strays = procs.stop_strays(self.sampler.known)
        if not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)

    async def stop_servers(self) -> None:
        async with aiohttp.ClientSession() as http:
            await asyncio.gather(*(self.admin("DELETE", f"/users/{name}/server", http, expect=(202, 204, 400, 404))
                                   for name in self.started), return_exceptions=True)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                users = await self.admin("GET", "/users", http)
                if not any(user.get("servers") for user in users):
                    return
                await asyncio.sleep(0.5)

    # --- the lesson ------------------------------------------------------------------------------

    async def server_pid(self, name: str, http: aiohttp.ClientSession) -> int:
        user = await self.admin("GET", f"/users/{name}", http)
        return int(user["servers"][""]["state"]["pid"])

    async def first_lesson(self, student: Student, http: aiohttp.ClientSession, roles: dict) -> dict:
        """Log in, start, pull, run every notebook, answer, save. Returns what the student wrote."""
        wrote: dict = {"cells": {}, "files": {}}
        await student.log_in()
        await student.start_server()
        self.started.append(student.name)
        self.sampler.watch(student.name, await self.server_pid(student.name, http))
        await student.follow_link()
        page = await student.open_lab(self.urlpath)
        disabled = page.get("disabledExtensions", [])
        if "@jupyterlab/apputils-extension:announcements" not in json.dumps(disabled):
            student.result.errors.append(f"the kit's Lab settings are not applied: disabledExtensions={disabled}")
        repo = served_repo.NAME
        original = await student.contents(f"{repo}/{NOTEBOOKS}/{START_HERE}", content=False)
        if original.get("writable") is not False:
            student.result.errors.append("the kit's server settings are not applied: the originals are writable")
        listing = await student.contents(f"{repo}/{WORK}")
        paths = sorted(item["path"] for item in listing["content"] if item["name"].endswith(".ipynb"))
        for path in paths:
            edit = None
            if path == f"{repo}/{WORK}/{ANSWERED}":
                edit = self.answer_exercises(student, wrote, roles.get("answers_two", False))
            run, notebook = await student.run_notebook(path, edit)
            student.result.notebooks.append(run)
            wrote["saved", path] = notebook
        if roles.get("notes"):  # a file of the student's own, with the name the teacher will use later
            text = f"# My notes\n\n{student.name}: Rapallo first, then the recognitions of 1924.\n"
            await student.save_text(f"{repo}/{NEW_FILE}", text)
            wrote["files"][NEW_FILE] = text
        if roles.get("deletes"):  # to start the notebook over at the next click
            await student.delete(f"{repo}/{WORK}/{DELETED}")
            wrote["deleted"] = DELETED
        return wrote

    def answer_exercises(self, student: Student, wrote: dict, answers_two: bool):
        """The student types the answer into the first exercise (one student also into the second)."""
        teacher_nb = nbformat.reads(served_repo.git("show", f"{self.revision}:{NOTEBOOKS}/{ANSWERED}", cwd=ROOT), as_version=4)
        solutions = [cell_text(c) for c in teacher_nb.cells if "solution" in c.metadata.get("tags", [])]

        async def edit(notebook: dict, kernel, count: int) -> int:
            exercises = [i for i, c in enumerate(notebook["cells"]) if "exercise" in c["metadata"].get("tags", [])]
            for number, index in enumerate(exercises[:2 if answers_two else 1]):
                source = f"# {student.name}'s answer\n{solutions[number]}"
                notebook["cells"][index]["source"] = source
                wrote["cells"][notebook["cells"][index]["id"]] = source
                for cell in notebook["cells"][index:index + 2]:  # the answer and its check
                    count += 1
                    cell["outputs"], cell["execution_count"] = await kernel.execute(cell_text(cell)), count
                verdict = "".join(o.get("text", "") for o in notebook["cells"][index + 1]["outputs"])
                student.result.steps.append(f"exercise {number + 1}: {verdict.strip()[:40]}")
            return count
        return edit

    def teacher_update(self) -> dict:
        """The teacher's mid-term commit to the served repository. Returns what changed, for the checks."""
        work = self.teacher
        changed = {}
        # A prose cell no student edits, in the notebook every student answered in, and in two more.
        for name in (ANSWERED, START_HERE, DELETED):
            path = f"{NOTEBOOKS}/{name}"
            notebook = nbformat.read(work / path, as_version=4)
            index = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown" and i > 0)
            notebook.cells[index].source = notebook.cells[index].source.rstrip() + "\n\n" + TEACHER_NOTE
            changed[path] = {"cell": notebook.cells[index].id, "source": notebook.cells[index].source}
            if name == ANSWERED:  # the second exercise's prompt: the cell one student answered
                exercise = [c for c in notebook.cells if "exercise" in c.metadata.get("tags", [])][1]
                exercise.source = exercise.source.rstrip() + "  (ids as in data/actors.csv)"
                changed["exercise-2"] = {"cell": exercise.id, "source": exercise.source}
            nbformat.write(notebook, work / path)
        (work / NEW_FILE).write_text("# Homework, week 6\n\nFinish the exercises of notebook 1.\n")
        changed[NEW_FILE] = (work / NEW_FILE).read_text()
        served_repo.commit_update(work, "Week 6: a note in three notebooks, a clearer exercise, homework")
        for name in (ANSWERED, START_HERE, DELETED):
            path = f"{NOTEBOOKS}/{name}"
            changed[path]["notebook"] = plain(json.loads((work / path).read_text()))
        return changed

    def local_changes(self, name: str) -> dict[str, str]:
        """git's view of the student's copy: path -> status (M modified, D deleted, ?? untracked)."""
        out = served_repo.git("status", "--porcelain", "--untracked-files=all",
                              cwd=self.run_dir / "homes" / name / served_repo.NAME)
        return {line[3:]: line[:2].strip() for line in out.splitlines()}

    def changed_lines(self, name: str, path: str, limit: int = 6) -> list[str]:
        """The first lines the student's save changed in `path`, as git shows them."""
        out = served_repo.git("diff", "--unified=0", "--", path, cwd=self.run_dir / "homes" / name / served_repo.NAME)
        return [line[:160] for line in out.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")][:limit]

    async def class_session(self) -> dict:
        deadline = time.monotonic() + max(900, 90 * len(self.names))
        roles = {self.names[0]: {"answers_two": True}}
        if len(self.names) > 1:
            roles[self.names[1]] = {"notes": True}
        if len(self.names) > 2:
            roles[self.names[2]] = {"deletes": True}
        students, http_sessions = [], []
        async with aiohttp.ClientSession() as http:
            for name in self.names:
                session = login_session()
                http_sessions.append(session)
                student = Student(name, self.hub_url, self.password, self.link, deadline)
                student.session = session
                students.append(student)
            try:
                started = time.monotonic()
                wrote = await asyncio.gather(*(self.guarded(s, self.first_lesson(s, http, roles.get(s.name, {})))
                                               for s in students))
                lesson_seconds = time.monotonic() - started
                before = {s.name: self.local_changes(s.name) for s, w in zip(students, wrote) if w is not None}
                # files of the edition itself that a student changed (none: the work is in my-work/, which git
                # ignores), with the lines that changed
                edition_changed = {name: {path: self.changed_lines(name, path) for path, status in changes.items()
                                          if status != "??"} for name, changes in before.items()}
                edition_changed = {name: paths for name, paths in edition_changed.items() if paths}
                update = self.teacher_update()
                second_deadline = time.monotonic() + max(600, 30 * len(self.names))
                for student in students:
                    student.deadline = second_deadline
                started = time.monotonic()
                await asyncio.gather(*(self.guarded(s, s.follow_link()) for s in students if s.name in before))
                pull_seconds = time.monotonic() - started
                checks = await asyncio.gather(*(self.guarded(s, self.check_update(s, w, before[s.name], update))
                                                for s, w in zip(students, wrote) if s.name in before))
                checks = [rows for rows in checks if rows is not None]
            finally:
                for session in http_sessions:
                    await session.close()
        return {"students": students, "checks": checks, "lesson_seconds": lesson_seconds,
                "second_pull_seconds": pull_seconds, "before": before, "edition_changed": edition_changed}

    async def guarded(self, student: Student, step):
        try:
            return await step
        except (StudentError, aiohttp.ClientError, asyncio.TimeoutError, KeyError, ValueError) as problem:
            student.result.errors.append(f"{type(problem).__name__}: {problem}"[:500])
            student.result.steps.append("failed")
            return None

    # --- checking the update against nbgitpuller's rules ------------------------------------------

    async def check_update(self, student: Student, wrote: dict, before: dict, update: dict) -> list[dict]:
        """One row per (file, rule) for this student: held or not, and why."""
        repo = served_repo.NAME
        rows = []

        def row(path, rule, held, detail=""):
            rows.append({"student": student.name, "file": path, "rule": rule, "held": bool(held), "detail": detail})

        async def notebook_after(path):
            try:
                model = await student.contents(f"{repo}/{path}")
            except StudentError as problem:
                return None, str(problem)
            raw = json.dumps(model["content"])
            return plain(model["content"]), ("conflict markers" if "<<<<<<<" in raw else "")

        def valid(notebook) -> bool:
            try:
                nbformat.validate(nbformat.from_dict(notebook))
                return True
            except nbformat.ValidationError:
                return False

        # the kit's notebooks the teacher changed: the students never change them (read-only in Lab)
        for name in (START_HERE, ANSWERED, DELETED):
            path = f"{NOTEBOOKS}/{name}"
            after, problem = await notebook_after(path)
            teacher = update[path]
            if after is None or problem:
                row(path, "1: a file the student has not changed is updated", False, problem)
                continue
            same = after["cells"] == teacher["notebook"]["cells"] and valid(after)
            row(path, "1: a file the student has not changed is updated", same,
                "" if same else "differs from the teacher's version" + (f" (git status {before[path]})"
                                                                         if path in before else ""))
        # the student's working copies: kept exactly as saved, outputs and answers included
        lost = 0
        for key, saved in wrote.items():
            if not (isinstance(key, tuple) and key[0] == "saved"):
                continue
            path = key[1][len(repo) + 1:]
            if wrote.get("deleted") and path == f"{WORK}/{DELETED}":
                continue
            after, problem = await notebook_after(path)
            kept = after is not None and not problem and after["cells"] == plain(saved)["cells"]
            row(path, "2: the student's working copy is kept as saved (the teacher's change is in the original)",
                kept, "" if kept else problem or self.first_difference(after, plain(saved)))
        # every answer the student wrote, where the student wrote it
        answered, _ = await notebook_after(f"{WORK}/{ANSWERED}")
        by_id = {c["id"]: cell_text(c) for c in answered["cells"]} if answered else {}
        lost += sum(by_id.get(cell_id) != source for cell_id, source in wrote["cells"].items())
        # a working copy the student deleted to start over: back in the file browser's view of my-work/ (the kit's
        # server makes it again from the new original), then opened
        if wrote.get("deleted"):
            path = f"{WORK}/{DELETED}"
            shown = {item["name"] for item in (await student.contents(f"{repo}/{WORK}"))["content"]}
            after, problem = await notebook_after(path) if DELETED in shown else (None, f"not among {sorted(shown)}")
            teacher = update[f"{NOTEBOOKS}/{DELETED}"]
            cells = {c["id"]: c for c in after["cells"]} if after else {}
            fresh = bool(cells) and cell_text(cells.get(teacher["cell"], {"source": ""})).endswith(TEACHER_NOTE)
            row(path, "4: a working copy the student deleted comes back, fresh (from the teacher's new version)",
                fresh and valid(after), "" if fresh else problem or "the teacher's note is missing")
        # the teacher's new file, and the student's own file of the same name
        new = await student.contents(f"{repo}/{NEW_FILE}")
        arrived = new.get("content") == update[NEW_FILE]
        listing = await student.contents(repo)
        names = [item["name"] for item in listing["content"]]
        if NEW_FILE in wrote["files"]:
            stem, suffix = Path(NEW_FILE).stem, Path(NEW_FILE).suffix
            renamed = [n for n in names if n.startswith(f"{stem}__") and n.endswith(suffix)]
            mine = [n for n in renamed
                    if (await student.contents(f"{repo}/{n}")).get("content") == wrote["files"][NEW_FILE]]
            row(NEW_FILE, "5: the student's file of the same name is renamed (timestamp added), the kit's pulled",
                arrived and len(mine) == 1, f"renamed to {mine[0]}" if mine else f"not found among {names}")
            lost += 0 if mine else 1
        else:
            row(NEW_FILE, "1: new files arrive", arrived, "" if arrived else "missing or different")
        student.lost_work = lost
        return rows

    @staticmethod
    def first_difference(after, saved) -> str:
        if after is None:
            return "missing"
        cells = {c["id"]: c for c in after["cells"]}
        for cell in saved["cells"]:
            now = cells.get(cell["id"])
            if now is None or cell_text(now) != cell_text(cell) or now.get("outputs") != cell.get("outputs"):
                return f"cell {cell['id']} differs: {cell_text(cell)[:60]!r}"
        return "the cells differ in number or order"


def _mib(reduce, sizes: list[int | None]) -> int | None:
    """`reduce` of the sizes in MiB, or None if any is unknown."""
    return round(reduce(sizes) / MIB) if sizes and None not in sizes else None


def summarize(classroom: Classroom, outcome: dict) -> tuple[dict, list[str]]:
    students: list[Student] = outcome["students"]
    sampler = classroom.sampler
    ok = []
    for s in students:
        r = s.result
        r.ok = (not r.errors and len(r.notebooks) >= 3 and all(not n.errors for n in r.notebooks)
                and r.login_to_first_figure is not None)
        ok.append(r.ok)
    first = [s.result.login_to_first_figure for s in students if s.result.login_to_first_figure is not None]
    per_notebook = [n.seconds for s in students for n in s.result.notebooks]
    memory = {name: usage.peak_rss for name, usage in sampler.usage.items()}
    cpu = {name: usage.cpu_seconds for name, usage in sampler.usage.items()}
    rows = [row for rows in outcome["checks"] for row in rows]
    lost = sum(getattr(s, "lost_work", 0) for s in students)
    figures = {
        "students": len(students),
        "succeeded": sum(ok),
        "first_figure_p50_s": round(percentile(first, 50), 1) if first else None,
        "first_figure_p95_s": round(percentile(first, 95), 1) if first else None,
        "notebook_p95_s": round(percentile(per_notebook, 95), 1) if per_notebook else None,
        "notebook_p95_by_notebook_s": {
            path.rsplit("/", 1)[-1]: round(percentile([n.seconds for s in students for n in s.result.notebooks
                                                       if n.path == path], 95), 1)
            for path in sorted({n.path for s in students for n in s.result.notebooks})},
        "spawn_p95_s": round(percentile([s.result.spawn_seconds for s in students if s.result.spawn_seconds], 95), 1)
        if any(s.result.spawn_seconds for s in students) else None,
        "peak_mib_per_student_max": round(max(memory.values()) / MIB) if memory else None,
        "peak_mib_per_student_median": round(statistics.median(memory.values()) / MIB) if memory else None,
        "peak_gib_total": round(sampler.peak_total / GIB, 2),
        "server_alone_peak_mib_max": round(max(u.peak_server_rss for u in sampler.usage.values()) / MIB)
        if sampler.usage else None,
        # PSS beside RSS: each process's share of the pages it shares with other students' processes
        "peak_pss_mib_per_student_max": _mib(max, [u.peak_pss for u in sampler.usage.values()]),
        "peak_pss_mib_per_student_median": _mib(statistics.median, [u.peak_pss for u in sampler.usage.values()]),
        "server_alone_peak_pss_mib_max": _mib(max, [u.peak_server_pss for u in sampler.usage.values()]),
        "hub_and_proxy_peak_mib": round(sampler.hub.peak_rss / MIB),
        "cpu_s_per_student_median": round(statistics.median(cpu.values()), 1) if cpu else None,
        "cpu_s_per_student_max": round(max(cpu.values()), 1) if cpu else None,
        "server_alone_cpu_s_median": round(statistics.median(u.server_cpu for u in sampler.usage.values()), 1)
        if sampler.usage else None,
        "hub_and_proxy_cpu_s": round(sampler.hub.cpu_seconds, 1),
        "lesson_wall_s": round(outcome["lesson_seconds"], 1),
        "second_pull_wall_s": round(outcome["second_pull_seconds"], 1),
        "lost_work": lost,
        "pull_retries": sum(len(s.result.pull_retries) for s in students),
        "edition_files_changed_by_students": outcome["edition_changed"],
        "update_rows": rows,
        "update_failures": [r for r in rows if not r["held"]],
        "not_loopback": sampler.not_loopback,
        "listening_sockets_checked": sampler.sockets_checked,
        "samples": sampler.samples,
        "per_student": [{
            "name": s.result.name, "ok": s.result.ok,
            "login_to_first_figure_s": round(s.result.login_to_first_figure, 1) if s.result.login_to_first_figure else None,
            "spawn_s": round(s.result.spawn_seconds or 0, 1), "first_pull_s": round(s.result.pull_seconds or 0, 1),
            "notebooks": {n.path.rsplit("/", 1)[-1]: {"s": round(n.seconds, 1), "cells": n.cells,
                                                      "figures": f"{n.figures}/{n.figures_expected}",
                                                      "live_figures": n.live_figures}
                          for n in s.result.notebooks},
            "peak_mib": round(memory.get(s.name, 0) / MIB), "cpu_s": round(cpu.get(s.name, 0), 1),
            "steps": s.result.steps, "pull_retries": s.result.pull_retries,
            "errors": s.result.errors + [e for n in s.result.notebooks for e in n.errors],
        } for s in students],
    }
    lines = []
    for p in figures["per_student"]:
        # figures in the cells against those the notebook was served with, and any drawn in a live widget
        notebooks = " ".join(f"{k[:2]}:{v['s']}s/{v['figures']}" + (f"+{v['live_figures']} live" if v["live_figures"] else "")
                             for k, v in p["notebooks"].items())
        lines.append(f"  {p['name']} {'ok ' if p['ok'] else 'FAIL'} first figure {p['login_to_first_figure_s']} s, "
                     f"spawn {p['spawn_s']} s, {notebooks}, peak {p['peak_mib']} MiB, cpu {p['cpu_s']} s"
                     + (f"; errors: {p['errors']}" if p["errors"] else ""))
    lines.append("teacher's update, file by file (rows that held / rows checked):")
    by_rule: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        by_rule.setdefault((r["file"], r["rule"]), []).append(r)
    for (path, rule), group in by_rule.items():
        held = sum(r["held"] for r in group)
        names = [r["student"] for r in group]
        others = [s.name for s in students if s.name not in names]
        who = ("" if not others else f" ({', '.join(names)})" if len(names) <= 3
               else f" (all but {', '.join(others)})")
        lines.append(f"  {path}: {rule}: {held}/{len(group)}{who}")
        for r in group:
            if not r["held"] or (r["detail"] and r["rule"].startswith("5")):
                lines.append(f"      {r['student']}: {'held' if r['held'] else 'NOT HELD'} {r['detail']}")
    for name, changed in outcome["edition_changed"].items():
        lines.append(f"  {name} changed files of the edition itself (not in {WORK}/): {changed}")
    lines += [
        f"students succeeded: {figures['succeeded']}/{figures['students']}",
        f"time from login to first figure: p50 {figures['first_figure_p50_s']} s, p95 {figures['first_figure_p95_s']} s",
        f"time per notebook: p95 {figures['notebook_p95_s']} s ({figures['notebook_p95_by_notebook_s']})",
        f"server start p95 {figures['spawn_p95_s']} s; whole lesson {figures['lesson_wall_s']} s; "
        f"second pull of the class {figures['second_pull_wall_s']} s",
        f"peak memory per student (server + kernel): max {figures['peak_mib_per_student_max']} MiB, "
        f"median {figures['peak_mib_per_student_median']} MiB (the server alone: max "
        f"{figures['server_alone_peak_mib_max']} MiB); hub and proxy {figures['hub_and_proxy_peak_mib']} MiB; "
        f"whole class {figures['peak_gib_total']} GiB",
        f"the same in PSS (shared pages counted once across the class): max {figures['peak_pss_mib_per_student_max']} MiB, "
        f"median {figures['peak_pss_mib_per_student_median']} MiB (the server alone: max "
        f"{figures['server_alone_peak_pss_mib_max']} MiB)",
        f"CPU seconds per student: median {figures['cpu_s_per_student_median']}, max {figures['cpu_s_per_student_max']}"
        f" (the server alone: median {figures['server_alone_cpu_s_median']}); hub and proxy {figures['hub_and_proxy_cpu_s']}",
        f"listening sockets checked: {figures['listening_sockets_checked']}, beyond 127.0.0.1: {figures['not_loopback']}",
        f"pulls that failed and were clicked again: {figures['pull_retries']}",
        f"lost work: {lost}",
    ]
    return figures, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (homes, logs)")
    parser.add_argument("--revision", default="HEAD", help="serve the kit as committed at this revision (HEAD)")
    args = parser.parse_args(argv)
    if shutil.which("git") is None:
        sys.exit("make classroom needs git (on Debian or Ubuntu: sudo apt-get install git)")
    for needed in (BUILD / "hub" / "bin" / "jupyterhub", BUILD / "user" / "bin" / "jupyterhub-singleuser"):
        if not needed.exists():
            sys.exit(f"{needed.relative_to(ROOT)} is missing: run python tools/classroom/setup_env.py first")

    classroom = Classroom(args.students, keep=args.keep, revision=args.revision)
    atexit.register(classroom.stop)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    outcome = None
    phases = {}
    try:
        started = time.monotonic()
        classroom.serve_kit()
        phases["serve the kit"] = time.monotonic() - started
        classroom.start_hub()
        phases["start the hub"] = time.monotonic() - started - sum(phases.values())
        print(f"classroom: hub at {classroom.hub_url}, the kit at {args.revision} "
              f"({served_repo.git('rev-parse', '--short', args.revision, cwd=ROOT).strip()}) at {classroom.repo_url}; "
              f"{args.students} students", flush=True)
        outcome = asyncio.run(classroom.class_session())
        phases["the lesson, the update, the checks"] = time.monotonic() - started - sum(phases.values())
    finally:
        hub_log = classroom.hub_log.read_text(errors="replace") if hasattr(classroom, "hub_log") and \
            classroom.hub_log.exists() else ""
        stopping = time.monotonic()
        classroom.stop()
        phases["stop everything"] = time.monotonic() - stopping
    figures, lines = summarize(classroom, outcome)
    # What the students' servers logged about their kernels (their output goes to the hub's log): a kernel
    # whose process died is restarted, or after five tries removed; a culled kernel was idle past the limit.
    figures["kernel_events"] = {what: len(re.findall(pattern, hub_log)) for what, pattern in KERNEL_EVENTS.items()}
    lines.insert(-1, "kernels: " + ", ".join(f"{what} {count}" for what, count in figures["kernel_events"].items()))
    figures["phases_s"] = {k: round(v, 1) for k, v in phases.items()}
    lines.insert(-1, "phases: " + ", ".join(f"{k} {v} s" for k, v in figures["phases_s"].items()))
    figures["strays_stopped"] = classroom.strays
    figures["pids_seen"] = sorted(classroom.sampler.known)
    figures["processes_seen"] = {str(pid): start for pid, start in classroom.sampler.known.items()}
    figures["pids_alive_after"] = [pid for pid, start in classroom.sampler.known.items() if procs.alive(pid, start)]
    print("\n".join(lines))
    if figures["pids_alive_after"]:
        print(f"processes still alive after the run: {figures['pids_alive_after']}")
    passed = (figures["succeeded"] == figures["students"] and figures["lost_work"] == 0
              and not figures["update_failures"] and not figures["not_loopback"] and not figures["pids_alive_after"]
              and not figures["kernel_events"]["restarted after dying"] and not figures["kernel_events"]["died and removed"])
    figures["passed"] = passed
    if not passed and hub_log:
        kept = BUILD / "jupyterhub-failed-run.log"  # the run's folder is removed: the log stays for the cause
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(hub_log)
        print(f"JupyterHub's log is kept in {kept.relative_to(ROOT)}; its lines about kernels and errors:\n"
              + "\n".join(procs.log_excerpt(hub_log)), file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1, default=str))
    print(f"classroom: {figures['succeeded']}/{figures['students']} students ran every notebook; "
          f"first figure p95 {figures['first_figure_p95_s']} s; peak {figures['peak_mib_per_student_max']} MiB per "
          f"student, {figures['peak_gib_total']} GiB total; lost work {figures['lost_work']}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
