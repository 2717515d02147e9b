"""A class on a real JupyterHub, on this machine: N students run the kit, then pull a teacher's update.

    make classroom                 # 30 students
    make classroom STUDENTS=5

What it starts, on 127.0.0.1 only: git daemon serving the student edition of the kit (served_repo.py), a
JupyterHub with its proxy (jupyterhub_config.py), and through the hub one server per student. Each student
(student.py) logs in, starts a server, follows the teacher's nbgitpuller link, runs every notebook in a
kernel, answers an exercise and saves. The teacher then commits an update; every student follows the link
again, and each file is checked against nbgitpuller's merge rules. Memory and CPU come from /proc (procs.py).
Everything started is stopped at the end by its process id or group, pass or fail.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import json
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
sys.path.insert(0, str(HERE))
import procs  # noqa: E402
import served_repo  # noqa: E402
from student import Student, StudentError, link_path, login_session  # noqa: E402

ROOT = HERE.parents[1]
BUILD = ROOT / "build" / "classroom"
NOTEBOOKS = "notebooks"
START_HERE = f"{NOTEBOOKS}/00-start-here.ipynb"
ANSWERED = f"{NOTEBOOKS}/01-recognition.ipynb"  # every student answers its first exercise
DELETED = f"{NOTEBOOKS}/02-network.ipynb"  # one student deletes it to start it over
NEW_FILE = f"{NOTEBOOKS}/homework.md"  # the teacher's new file; one student already has a file of that name
TEACHER_NOTE = "*Week 6: read this notebook again before Thursday's class.*"
MIB, GIB = 1024 ** 2, 1024 ** 3


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
        self.urlpath = f"lab/tree/{served_repo.NAME}/{START_HERE}"
        self.link = link_path(self.repo_url, "main", self.urlpath)

    def start_hub(self) -> None:
        self.hub_port = free_port()
        env = {
            "PATH": f"{BUILD / 'hub' / 'bin'}:/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": str(self.run_dir),
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
        listing = await student.contents(f"{repo}/{NOTEBOOKS}")
        paths = sorted(item["path"] for item in listing["content"] if item["name"].endswith(".ipynb"))
        for path in paths:
            edit = None
            if path == f"{repo}/{ANSWERED}":
                edit = self.answer_exercises(student, wrote, roles.get("answers_two", False))
            run, notebook = await student.run_notebook(path, edit)
            student.result.notebooks.append(run)
            wrote["saved", path] = notebook
        if roles.get("notes"):  # a file of the student's own, with the name the teacher will use later
            text = f"# My notes\n\n{student.name}: Rapallo first, then the recognitions of 1924.\n"
            await student.save_text(f"{repo}/{NEW_FILE}", text)
            wrote["files"][NEW_FILE] = text
        if roles.get("deletes"):  # to start the notebook over at the next click
            await student.delete(f"{repo}/{DELETED}")
            wrote["deleted"] = DELETED
        return wrote

    def answer_exercises(self, student: Student, wrote: dict, answers_two: bool):
        """The student types the answer into the first exercise (one student also into the second)."""
        teacher_nb = nbformat.reads(served_repo.git("show", f"{self.revision}:{ANSWERED}", cwd=ROOT), as_version=4)
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
        for path in (ANSWERED, START_HERE, DELETED):
            notebook = nbformat.read(work / path, as_version=4)
            index = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown" and i > 0)
            notebook.cells[index].source = notebook.cells[index].source.rstrip() + "\n\n" + TEACHER_NOTE
            changed[path] = {"cell": notebook.cells[index].id, "source": notebook.cells[index].source}
            if path == ANSWERED:  # the second exercise's prompt: the cell one student answered
                exercise = [c for c in notebook.cells if "exercise" in c.metadata.get("tags", [])][1]
                exercise.source = exercise.source.rstrip() + "  (ids as in data/actors.csv)"
                changed["exercise-2"] = {"cell": exercise.id, "source": exercise.source}
            nbformat.write(notebook, work / path)
        (work / NEW_FILE).write_text("# Homework, week 6\n\nFinish the exercises of notebook 1.\n")
        changed[NEW_FILE] = (work / NEW_FILE).read_text()
        served_repo.commit_update(work, "Week 6: a note in three notebooks, a clearer exercise, homework")
        for path in (ANSWERED, START_HERE, DELETED):
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
                # why a notebook without exercises counts as changed, when it does
                start_here = {name: self.changed_lines(name, START_HERE) for name, changes in before.items()
                              if changes.get(START_HERE) == "M"}
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
                "second_pull_seconds": pull_seconds, "before": before, "start_here_changed": start_here}

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

        # the notebooks the teacher changed
        for path in (START_HERE, ANSWERED, DELETED):
            after, problem = await notebook_after(path)
            teacher = update[path]
            saved = plain(wrote[("saved", f"{repo}/{path}")])
            if after is None or problem:
                row(path, "notebook readable after the pull", False, problem)
                continue
            try:
                nbformat.validate(nbformat.from_dict(after))
                valid = True
            except nbformat.ValidationError as error:
                valid = False
                row(path, "notebook valid after the merge", False, str(error)[:200])
            status = before.get(path, "")
            cells = {c["id"]: c for c in after["cells"]}
            if status == "D":
                same = after["cells"] == teacher["notebook"]["cells"]
                row(path, "4: a file the student deleted comes back, fresh (the teacher's new version)", same and valid,
                    "" if same else "differs from the teacher's version")
                continue
            if status == "":
                same = after["cells"] == teacher["notebook"]["cells"]
                row(path, "1: a file the student has not changed is updated", same and valid,
                    "" if same else "differs from the teacher's version")
                continue
            # the student changed this file (answers, or outputs saved after a run)
            arrived = cells.get(teacher["cell"], {}).get("source") in (teacher["source"], teacher["source"].splitlines(True))
            row(path, "2: the teacher's change to a cell the student did not edit arrives", arrived and valid,
                "" if arrived else "the teacher's note is missing")
            kept = all(self.same_cell(cells.get(c["id"]), c, teacher, update) for c in saved["cells"])
            row(path, "2: everything the student saved is kept (sources and outputs)", kept,
                "" if kept else self.first_difference(cells, saved, teacher, update))
            if path == ANSWERED:
                exercise = update["exercise-2"]
                mine = wrote["cells"].get(exercise["cell"])
                now = cell_text(cells.get(exercise["cell"], {"source": ""}))
                if mine is not None:
                    row(path, "3: same lines changed by both: the student's version wins", now == mine,
                        "" if now == mine else f"cell reads {now[:80]!r}")
                else:
                    row(path, "2: a cell only the teacher changed is updated", now == exercise["source"],
                        "" if now == exercise["source"] else f"cell reads {now[:80]!r}")
        # lost work: every cell the student wrote, wherever it is now
        lost = 0
        answered, _ = await notebook_after(ANSWERED)
        by_id = {c["id"]: cell_text(c) for c in answered["cells"]} if answered else {}
        for cell_id, source in wrote["cells"].items():
            if by_id.get(cell_id) != source:
                lost += 1
        # the teacher's new file, and the student's own file of the same name
        new = await student.contents(f"{repo}/{NEW_FILE}")
        arrived = new.get("content") == update[NEW_FILE]
        listing = await student.contents(f"{repo}/{NOTEBOOKS}")
        names = [item["name"] for item in listing["content"]]
        if NEW_FILE in wrote["files"]:
            stem, suffix = Path(NEW_FILE).stem, Path(NEW_FILE).suffix
            renamed = [n for n in names if n.startswith(f"{stem}__") and n.endswith(suffix)]
            mine = [n for n in renamed
                    if (await student.contents(f"{repo}/{NOTEBOOKS}/{n}")).get("content") == wrote["files"][NEW_FILE]]
            row(NEW_FILE, "5: the student's file of the same name is renamed (timestamp added), the kit's pulled",
                arrived and len(mine) == 1, f"renamed to {mine[0]}" if mine else f"not found among {names}")
            lost += 0 if mine else 1
        else:
            row(NEW_FILE, "1: new files arrive", arrived, "" if arrived else "missing or different")
        student.lost_work = lost
        return rows

    @staticmethod
    def same_cell(now, saved, teacher, update) -> bool:
        """The student's saved cell is still there: its source (or the teacher's new source, on a cell the
        student did not edit) and its outputs."""
        if now is None:
            return False
        teacher_sources = {teacher["cell"]: teacher["source"], update["exercise-2"]["cell"]: update["exercise-2"]["source"]}
        allowed = {cell_text(saved)}
        if saved["id"] in teacher_sources:
            allowed.add(teacher_sources[saved["id"]])
        return cell_text(now) in allowed and now.get("outputs") == saved.get("outputs")

    def first_difference(self, cells, saved, teacher, update) -> str:
        for cell in saved["cells"]:
            if not self.same_cell(cells.get(cell["id"]), cell, teacher, update):
                return f"cell {cell['id']} differs: {cell_text(cell)[:60]!r}"
        return ""


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
        "hub_and_proxy_peak_mib": round(sampler.hub.peak_rss / MIB),
        "cpu_s_per_student_median": round(statistics.median(cpu.values()), 1) if cpu else None,
        "cpu_s_per_student_max": round(max(cpu.values()), 1) if cpu else None,
        "hub_and_proxy_cpu_s": round(sampler.hub.cpu_seconds, 1),
        "lesson_wall_s": round(outcome["lesson_seconds"], 1),
        "second_pull_wall_s": round(outcome["second_pull_seconds"], 1),
        "lost_work": lost,
        "start_here_changed_by_running": outcome["start_here_changed"],
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
                                                      "figures": f"{n.figures}/{n.figures_expected}"}
                          for n in s.result.notebooks},
            "peak_mib": round(memory.get(s.name, 0) / MIB), "cpu_s": round(cpu.get(s.name, 0), 1),
            "steps": s.result.steps,
            "errors": s.result.errors + [e for n in s.result.notebooks for e in n.errors],
        } for s in students],
    }
    lines = []
    for p in figures["per_student"]:
        notebooks = " ".join(f"{k[:2]}:{v['s']}s/{v['figures']}" for k, v in p["notebooks"].items())
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
    for name, changed in outcome["start_here_changed"].items():
        lines.append(f"  {name} changed {START_HERE} by running it: {changed}")
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
        f"CPU seconds per student: median {figures['cpu_s_per_student_median']}, max {figures['cpu_s_per_student_max']};"
        f" hub and proxy {figures['hub_and_proxy_cpu_s']}",
        f"listening sockets checked: {figures['listening_sockets_checked']}, beyond 127.0.0.1: {figures['not_loopback']}",
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
              and not figures["update_failures"] and not figures["not_loopback"] and not figures["pids_alive_after"])
    figures["passed"] = passed
    if not passed and hub_log:
        print("JupyterHub's log, last lines:\n" + hub_log[-3000:], file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1, default=str))
    print(f"classroom: {figures['succeeded']}/{figures['students']} students ran every notebook; "
          f"first figure p95 {figures['first_figure_p95_s']} s; peak {figures['peak_mib_per_student_max']} MiB per "
          f"student, {figures['peak_gib_total']} GiB total; lost work {figures['lost_work']}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
