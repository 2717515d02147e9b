"""What JupyterLab does for the kit on the server side: each learner's working copies, and originals kept safe.

A student works in `my-work/`, a folder beside `notebooks/`: one working copy of each notebook, made the first
time Lab starts (or when Lab asks for `my-work/`, as on a hub where the kit is pulled after the server starts;
a copy the student deleted comes back fresh that way), and never overwritten after that, so an update of the kit
leaves the student's work alone. Each copy records the version of its original it was made from; when the kit's
original has changed since, Lab writes the new version beside the student's copy, as `NAME (updated).ipynb`, and
says so (`update_copies`): the student keeps their answers and gets the new exercises. A working
copy is what a student should see: no speaker notes, and each solution a folded Markdown block
(`<details>`) that the student opens by choice, with the mouse or the keyboard (Tab to its summary, then Enter
or Space), and that Run All never opens. It is read-only, so that Enter on the selected cell does not open its
Markdown source (lab-settings/overrides.json switches off Lab's editor for read-only Markdown).
Links keep working from there: `my-work/` sits beside `notebooks/`, so `../data/...` and `../lessons/...` reach
the same files, and links to the glossary are pointed at `../notebooks/glossary.md`.

The kit's originals in `notebooks/` are read-only in Lab (`KitContentsManager`): autosave, Save, rename and
delete are refused with a message that names the working copy. Maintainers lift it with
`KIT_EDIT_ORIGINALS=1 make lab-teacher`.

`make lab` shows the student's view of a kit (a clone that has student-edition.toml): Lab's file browser, its
contents API and its /files/ links reach only what the student edition holds, the learner's `my-work/` and
`output/`; the teacher's notebooks (with their solutions), the lesson plans and keys answer "not found", and a
column the edition withholds (lesson 3's verdicts) is served empty. `make lab-teacher` shows everything. This
keeps answers out of a self-studying student's way; it is no lock (Python in a notebook still reads the disk):
for that, give students the student edition (`make student`).
"""

import atexit
import hashlib
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import nbformat
from jupyter_core.paths import jupyter_path
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.provisioning import KernelProvisionerFactory
from jupyter_server.files.handlers import FilesHandler
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager, ServerKernelManager
from tornado.web import HTTPError
from traitlets import Bool, default

WORK = "my-work"
ORIGINALS = "notebooks"
LEARNERS = (WORK, "output")  # what the learner makes: their working copies, and the files the notebooks export
EDITION = "student-edition.toml"  # the one setting of what students get (tools/student_edition.py reads it)
LIFT = "KIT_EDIT_ORIGINALS"
SOLUTION_SUMMARY = "Solution: open it once you have tried the exercise"  # a solution under no exercise heading
# Each fold is named by its exercise, as the heading above it calls it ("### Exercise 2 (...): ..."): Tab goes
# from one solution's summary straight to the next one's (an exercise's heading and answer cell are no Tab stops),
# so a summary that said only "the exercise" left a keyboard or screen-reader user one Tab from opening the
# next exercise's answer unawares.
EXERCISE_HEADING = re.compile(r"^#{1,6}\s+(Exercise\s+\w+)\b", re.M)
MADE_FROM = "breaking_isolation"  # a working copy's metadata: the original it was made from, and its version
# A Markdown link to a file in notebooks/ that is not a notebook (the glossary): from my-work/ it lives one up.
SIBLING_LINK = re.compile(r"(\]\()(?!\.\./|[a-z]+:|#)([^)\s#]+\.md)([#)])")


def is_kit(folder: Path) -> bool:
    return (folder / ORIGINALS).is_dir() and (folder / "data" / "datapackage.json").is_file()


def _is_notes(cell) -> bool:
    return cell.metadata.get("slideshow", {}).get("slide_type") == "notes"


def solution_summary(exercise: str | None, label: str = "") -> str:
    """The summary line of a folded solution: which exercise it answers ("Exercise 2", as its heading says), and
    any note its label ends with in brackets ("# Solution: ... the exercise (one defensible answer of several)")."""
    if exercise is None:
        return SOLUTION_SUMMARY
    note = re.search(r"\([^()]*\)\s*$", label)
    return (f"Solution to exercise {exercise.split()[-1]}: open it once you have tried it"
            + (f" {note.group(0).strip()}" if note else ""))


def folded_solution(cell, exercise: str | None = None) -> nbformat.NotebookNode:
    """A solution code cell as a Markdown cell: a <details> block the student opens by choice, its summary naming
    `exercise` (as "Exercise 2", from the heading above it)."""
    lines = cell.source.splitlines()
    label = ""
    if lines and lines[0].startswith("# Solution"):
        label, lines = lines[0], lines[1:]  # the label becomes the summary
    code = "\n".join(lines).strip("\n")
    said = solution_said(cell)
    source = (f"<details>\n<summary>{solution_summary(exercise, label)}</summary>\n\n```python\n{code}\n```\n\n"
              + (f"{SOLUTION_SAYS}\n\n{said}\n\n" if said else "") + "</details>")
    folded = nbformat.v4.new_markdown_cell(source, id=cell.get("id"))
    folded.metadata = {k: v for k, v in cell.metadata.items() if k != "jupyter"}
    # Read-only, so that Enter on the selected cell keeps it rendered (with the Lab setting
    # showEditorForReadOnlyMarkdown off) instead of opening its Markdown source; Tab then Enter opens it.
    folded.metadata["editable"] = False
    return folded


SOLUTION_SAYS = "**What it gives** when run on the kit's data:"


def solution_said(cell) -> str:
    """What a solution cell gave when the kit last ran it (`make refresh`), in words: the check's verdict, which
    states the answer, and any table it printed. So a student who cannot run the code still reads the answer,
    and it is the data's, computed, never typed. Figures and HTML are left out."""
    found = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "text/markdown" in data:
            found.append(str(data["text/markdown"]).strip())
        elif "text/plain" in data or output.get("output_type") == "stream":
            text = str(data.get("text/plain", output.get("text", ""))).strip("\n")
            if text.strip():
                found.append(f"```text\n{text}\n```")
    return "\n\n".join(found)


def working_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """What a student opens: no speaker notes or teacher cells, solutions folded as Markdown, links that work from my-work/."""
    copy = nbformat.from_dict(notebook)
    cells = []
    exercise = None  # the exercise whose heading was last read
    for cell in copy.cells:
        if _is_notes(cell) or "teacher" in cell.metadata.get("tags", []):
            continue  # speaker notes, and what only the teacher sees (a verdict lesson 3 asks students to reach)
        if cell.cell_type == "markdown" and (headings := EXERCISE_HEADING.findall(cell.source)):
            exercise = headings[-1]
        if "solution" in cell.metadata.get("tags", []):
            cell = folded_solution(cell, exercise)
        if cell.cell_type == "markdown":
            cell.source = SIBLING_LINK.sub(lambda m: f"{m.group(1)}../{ORIGINALS}/{m.group(2)}{m.group(3)}",
                                           cell.source)
        cells.append(cell)
    copy.cells = cells
    return copy


def version_of(notebook: nbformat.NotebookNode) -> str:
    """A fingerprint of what a student reads and runs in a notebook: each cell's kind and text, not its outputs
    (a re-run that redraws a figure is no new version)."""
    digest = hashlib.sha256()
    for cell in notebook.cells:
        digest.update(f"{cell.cell_type}\0{cell.source}\1".encode("utf-8"))
    return digest.hexdigest()[:16]


def _student_copy(kit: Path, original: Path, view: "StudentView | None") -> nbformat.NotebookNode:
    """The working copy of `original` as made today, with the version it was made from in its metadata.

    A link to what the student's view hides (a lesson plan, the README) keeps its words and loses its target,
    and a figure's takeaway becomes a question, as in the student edition."""
    notebook = working_version(nbformat.read(original, as_version=4))
    if view is not None:
        notebook = view.unlink_hidden(notebook, f"{WORK}/{original.name}")
        notebook = view.as_questions(notebook)
    notebook.metadata[MADE_FROM] = {"original": f"{ORIGINALS}/{original.name}", "version": version_of(notebook)}
    return notebook


def make_working_copies(kit: Path) -> list[Path]:
    """Write my-work/<name>.ipynb for every notebook that has no working copy yet; never overwrite one."""
    work = kit / WORK
    missing = [original for original in sorted((kit / ORIGINALS).glob("*.ipynb")) if not (work / original.name).exists()]
    if not missing:
        return []
    write_text = _atomic(kit).write_text
    work.mkdir(exist_ok=True)
    view = StudentView.of(kit)
    made = []
    for original in missing:
        target = work / original.name
        copy = _student_copy(kit, original, view)
        write_text(target, nbformat.writes(copy) + "\n")
        made.append(target)
        # update_copies, which runs right after, then neither makes this copy again nor reads it back for its version
        _fresh[(str(original), original.stat().st_mtime_ns)] = copy
        _versions[(str(target), target.stat().st_mtime_ns)] = copy.metadata[MADE_FROM]["version"]
    return made


class Unreadable(Exception):
    """A notebook that cannot be read as a whole right now: Jupyter writes a save in place, so a listing of the
    folder in the same moment reads half a file."""


def copy_version(path: Path) -> str | None:
    """The version of the original a working copy (or an updated one) was made from; None if it does not say
    (a copy made before copies recorded it, so from an older kit). Raises Unreadable for a file that is not
    whole JSON (half saved) or is gone; that is never remembered, so the next look reads it again."""
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _versions:
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise Unreadable(path) from error
        made = notebook.get("metadata", {}).get(MADE_FROM, {}) if isinstance(notebook, dict) else {}
        _versions[key] = made.get("version") if isinstance(made, dict) else None
    return _versions[key]


def _version_or_unreadable(path: Path) -> str | None | type[Unreadable]:
    try:
        return copy_version(path)
    except (Unreadable, OSError):
        return Unreadable


_versions: dict[tuple[str, int], str | None] = {}  # (file, its modification time): the version it records
_fresh: dict[tuple[str, int], nbformat.NotebookNode] = {}  # (original, its modification time): its copy today


def updated_name(original: Path, number: int) -> str:
    return f"{original.stem} (updated).ipynb" if number == 1 else f"{original.stem} (updated {number}).ipynb"


def update_copies(kit: Path) -> list[Path]:
    """For each working copy made from an older version of its original, write the new version beside it, as
    `NAME (updated).ipynb` (or `NAME (updated 2).ipynb`, if that name is taken by an earlier update): the
    student's copy, with their answers, is never touched, and no file is overwritten. Returns what it wrote."""
    work = kit / WORK
    if not work.is_dir():
        return []
    view, written = None, []
    for original in sorted((kit / ORIGINALS).glob("*.ipynb")):
        copy = work / original.name
        if not copy.is_file():
            continue
        key = (str(original), original.stat().st_mtime_ns)
        if key not in _fresh:
            view = view or StudentView.of(kit)
            _fresh[key] = _student_copy(kit, original, view)
        fresh = _fresh[key]
        version = fresh.metadata[MADE_FROM]["version"]
        mine = _version_or_unreadable(copy)
        if mine == version or mine is Unreadable:
            continue  # up to date, or being saved this moment: a copy is judged only when read whole
        names = [work / updated_name(original, number) for number in range(1, 100)]
        beside = [_version_or_unreadable(path) for path in names if path.is_file()]
        if version in beside or Unreadable in beside:
            continue  # this version is already beside the copy (or a file there is being saved: look next time)
        target = next(path for path in names if not path.exists())
        updated = nbformat.from_dict(fresh)
        updated.cells.insert(0, nbformat.v4.new_markdown_cell(UPDATE_NOTE.format(name=original.name),
                                                             id="kit-update-note"))
        _atomic(kit).write_text(target, nbformat.writes(updated) + "\n")
        written.append(target)
    return written


UPDATE_NOTE = (
    "**This is a new version of {name}.** The kit was updated after your own copy, `{name}`, was made. Your copy "
    "is kept as it was, with your answers: nothing was written over it. This file is the new version, written "
    "beside it. Work on here, and copy any answers you want to keep from your own copy (open the two side by side)."
)


def update_notice(written: list[Path]) -> str:
    """What the student reads where `make lab` runs, when the kit has new versions of their notebooks."""
    if not written:
        return ""
    lines = [f"  {path.parent.name}/{path.name}" for path in written]
    return ("The kit's notebooks have been updated since you made your copies. Your copies, with your answers, are "
            "kept as they were.\nThe new versions are written beside them, in the same folder:\n" + "\n".join(lines)
            + "\nOpen one to work on the new version; copy over any answers you want to keep.")


def _load(kit: Path, relative: str, name: str):
    """A module of the kit loaded from its file (the kit's tools/ is not importable from Lab's server)."""
    spec = importlib.util.spec_from_file_location(name, kit / relative)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


class StudentView:
    """What a student reaches in Lab from the kit: what the student edition holds, and what the learner makes."""

    def __init__(self, kit: Path, edition):
        self.kit, self.edition = kit, edition
        self.setting = edition.load_setting(kit / EDITION)

    @classmethod
    def of(cls, kit: Path) -> "StudentView | None":
        """The view of `kit`, or None where there is nothing to hide (the student edition has no setting)."""
        if not (kit / EDITION).is_file() or not (kit / "tools" / "student_edition.py").is_file():
            return None
        return cls(kit, _load(kit, "tools/student_edition.py", "_kit_student_edition"))

    def shows(self, relative: str) -> bool:
        """Whether the student sees `relative`, a POSIX path from the kit's root (a file or a folder)."""
        relative = relative.strip("/")
        parts = PurePosixPath(relative).parts
        if not parts or parts[0] in LEARNERS:
            return True
        if len(parts) == 2 and parts[0] == ORIGINALS and relative.endswith(".ipynb"):
            return False  # the teacher's notebook, solutions and notes in it; the student's is in my-work/
        if self.setting.holds(relative) or self.setting.holds(relative + "/"):
            return True
        return any(p.startswith(relative + "/") for p in self.setting.include)  # a folder on the way in

    def withheld(self, relative: str) -> tuple[str, ...]:
        """The columns of `relative` the edition withholds (none for most files)."""
        return self.setting.withhold_columns.get(relative.strip("/"), ())

    def withheld_text(self, relative: str, text: str) -> str:
        return self.edition.withheld_csv(text, self.withheld(relative), relative)

    def as_questions(self, notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
        """Takeaways as the question students answer first, as in the student edition."""
        return self.edition.takeaways_as_questions(notebook, self.setting)

    def unlink_hidden(self, notebook: nbformat.NotebookNode, here: str) -> nbformat.NotebookNode:
        shown = _Shown(self.shows)
        return self.edition.unlink_left_out(notebook, here, shown)


class _Shown:
    """The paths the student sees, as student_edition.unlink_left_out asks about them ("in", and no listing)."""

    def __init__(self, shows: Callable[[str], bool]):
        self._shows = shows

    def __contains__(self, relative) -> bool:
        return self._shows(relative)

    def __iter__(self):
        return iter(())


def _atomic(kit: Path):
    """The kit's atomic writer, loaded from its file: importing the whole package would load pandas."""
    spec = importlib.util.spec_from_file_location("_kit_atomic", kit / ORIGINALS / "breaking_isolation" / "atomic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def package_path(kit: Path) -> str:
    """PYTHONPATH with the kit's notebooks/ first, so that a kernel in my-work/ imports the kit's package."""
    folder = str(kit / ORIGINALS)
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != folder]
    return os.pathsep.join([folder, *rest])


def original_kit(os_path: str) -> Path | None:
    """The kit whose notebooks/ folder holds `os_path` (an original), or None."""
    path = Path(os_path)
    for folder in path.parents:
        if folder.name == ORIGINALS and is_kit(folder.parent):
            return folder.parent
    return None


class KitContentsManager(AsyncLargeFileManager):
    """Lab's files: the kit's originals read-only, working copies made when first asked for, and in a kit the
    student's view unless `teacher` is set (make lab-teacher)."""

    teacher = Bool(False, config=True, help="Show everything: the teacher's notebooks, lesson plans and keys. "
                                            "Off, Lab shows what the student edition holds and my-work/.")

    @default("files_handler_class")
    def _files_handler_class_default(self):
        # /files/ through this manager (Jupyter's default serves the folder straight from disk), so that what
        # the student's view hides is not found there either, and a withheld column is served empty.
        return FilesHandler  # (it takes the same `path` setting as the default, which it does not use)

    @property
    def _view(self) -> StudentView | None:
        if self.teacher:
            return None
        if not hasattr(self, "_student_view"):
            root = Path(self.root_dir)
            self._student_view = StudentView.of(root) if is_kit(root) else None
        return self._student_view

    def _hidden_from_student(self, path: str) -> bool:
        return self._view is not None and not self._view.shows(path)

    def _not_found(self, path: str):
        raise HTTPError(404, f"No such file or directory: {path}")

    def _protected(self, path: str) -> bool:
        return not os.environ.get(LIFT) and original_kit(self._get_os_path(path)) is not None

    def _refuse(self, path: str, action: str):
        name = Path(path).name
        raise HTTPError(403, f"{path} is the kit's original, kept as it is: {action} is switched off. "
                             f"Your own copy is {WORK}/{name}, beside the notebooks folder.")

    def _make_copies_if_asked(self, path: str) -> None:
        os_path = Path(self._get_os_path(path))
        folder = os_path if os_path.name == WORK else os_path.parent
        if folder.name == WORK and is_kit(folder.parent):
            # Each time Lab shows the folder or opens a notebook in it: a copy the student deleted to start over
            # comes back, fresh from the kit's original as the teacher's last update left it (only missing copies
            # are made, so this costs a look at a few file names).
            make_working_copies(folder.parent)
            update_copies(folder.parent)  # a kit pulled again (a hub's next lesson): new versions beside the copies
            # Also when the copies exist: a hub's server that starts again (the next lesson) must still give
            # the kernels of my-work/ the kit's package; Lab reads a notebook before it starts its kernel.
            os.environ["PYTHONPATH"] = package_path(folder.parent)

    async def is_hidden(self, path):
        """Hidden paths answer "not found" to Lab, its contents API and /files/ (Jupyter's own rule)."""
        return self._hidden_from_student(path) or await super().is_hidden(path)

    async def get(self, path, content=True, type=None, format=None, **kwargs):
        # A folder's listing asks for each entry without content: those the student does not see are left out
        # below; asked for directly (with content), they are not found.
        if content and self._hidden_from_student(path):
            self._not_found(path)
        self._make_copies_if_asked(path)
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if model.get("type") == "directory" and model.get("content") and self._view is not None:
            model["content"] = [entry for entry in model["content"] if self._view.shows(entry["path"])]
        elif model.get("type") != "directory":
            if self._protected(path):
                model["writable"] = False  # Lab then offers "Save as" and autosave leaves the file alone
            if self._view is not None and self._view.withheld(path):
                model["writable"] = False  # the real file keeps its columns
                if content and model.get("format") == "text":
                    model["content"] = self._view.withheld_text(path, model["content"])
        return model

    async def save(self, model, path=""):
        if self._hidden_from_student(path):
            self._not_found(path)
        if self._view is not None and self._view.withheld(path):
            raise HTTPError(403, f"{path} is shown with columns emptied; saving it would erase them in the kit")
        if self._protected(path):
            self._refuse(path, "saving")
        return await super().save(model, path)

    async def rename_file(self, old_path, new_path):
        if self._hidden_from_student(old_path) or self._hidden_from_student(new_path):
            self._not_found(old_path)
        if self._protected(old_path) or self._protected(new_path):
            self._refuse(old_path, "renaming")
        return await super().rename_file(old_path, new_path)

    async def delete_file(self, path):
        if self._hidden_from_student(path):
            self._not_found(path)
        if self._protected(path):
            self._refuse(path, "deleting")
        return await super().delete_file(path)


class KernelSockets(ServerKernelManager):
    """A kernel that talks with its server over Unix sockets in a folder of that server's own, not over TCP ports.

    jupyter_client gives a kernel five TCP ports that it finds free and lets go, for the kernel to bind. On a hub
    that runs a class's servers on one machine, every server draws from the same ports, so two of them can hand
    out one port in between; the kernel then dies on "Address already in use", and its restarts keep the same
    ports (jupyter_client keeps ports it handed out), so after five tries the kernel is removed and the student's
    notebook reports it "culled or died unexpectedly". Here a kernel's sockets are files named after its kernel
    id (unique), in a folder this server made for itself (`socket_folder`): no other server or program can take
    them, and a restart binds the same files again (ZeroMQ replaces a file a dead kernel left behind).
    """

    @default("transport")
    def _transport_default(self):
        return "ipc"

    @default("ip")
    def _sockets_default(self):
        """Where the kernel's sockets are: `<folder>/kernel-<id>-1` to `-5` (ipc's "ip" is that path's start)."""
        if self.transport != "ipc":
            return super()._ip_default()
        name = Path(self.connection_file).stem if self.connection_file else f"kernel-{uuid.uuid4()}"
        return str(socket_folder() / name)


class KernelsWatchedLightly(AsyncMappingKernelManager):
    """A server's kernels, each watched for activity as jupyter_server watches them, without decoding every message.

    The server listens to each kernel's output to know when it was last active (the hub's idle culling, and this
    server's own, go by it) and whether it is busy. jupyter_server checked each message's signature, over the
    whole message, figures and all, and read its parts, only to take its type; a status message it read twice.
    Here only the header and the parent's header are read, and a status message's content: the same record of
    activity, for a few microseconds a message instead of a quarter of a millisecond a figure. The signature
    adds nothing here: the server subscribes to the kernel's own output socket, which nothing else can write to,
    and passes the same messages on to Lab without checking them (JupyterLab 4's kernel protocol)."""

    def start_watching_activity(self, kernel_id):
        kernel = self._kernels[kernel_id]
        kernel.reason = ""
        kernel.last_activity = utcnow()
        kernel._activity_stream = kernel.connect_iopub()
        kernel._activity_stream.on_recv(lambda msg_list: self.record_activity(kernel, msg_list))

    def record_activity(self, kernel, msg_list):
        """What jupyter_server's record_activity records, from an IOPub message as it arrives (a list of frames)."""
        _idents, parts = kernel.session.feed_identities(msg_list)  # parts: signature, header, parent, metadata, content
        msg_type = kernel.session.unpack(parts[1])["msg_type"]
        parent_msg_type = (kernel.session.unpack(parts[2]) or {}).get("msg_type")
        if (self.track_message_type(msg_type) or self.track_message_type(parent_msg_type)
                or kernel.execution_state == "busy"):
            self.last_kernel_activity = kernel.last_activity = utcnow()
        if msg_type == "status":
            execution_state = kernel.session.unpack(parts[4])["execution_state"]
            if self.track_message_type(parent_msg_type):
                kernel.execution_state = execution_state
            elif kernel.execution_state == "starting" and execution_state != "starting":
                kernel.execution_state = "idle"  # as jupyter_server does: past its start, a kernel is idle


# ipykernel imports its debugger (debugpy) as every kernel starts, used or not: 0.1 CPU seconds and 8 MiB of each
# kernel. The kit's notebooks ask for no debugger, so on a hub, where a class's kernels share one machine, they
# start without it (as ipykernel_launcher starts them, with debugpy not to be found).
# At its exit a kernel's Python takes apart every module it loaded (pandas, matplotlib) and sweeps them for reference
# cycles, several times: 0.3 CPU seconds a kernel, for memory the exit gives back anyway. The last of the exit
# handlers (registered first, it runs after IPython's own, which clear the notebook's variables) sweeps once, so
# that what the notebook left goes as before (a file a student never closed is written out, an object in a cycle
# runs its finalizer), then freezes what is left, which the exit then leaves alone.
# The kernel's own start (importing ipykernel, IPython, zmq and setting them up) makes objects that live as long as
# the kernel: the collector pauses while they are made, then sets them aside for good (gc.freeze), as the kit's import
# does for pandas and matplotlib, so later sweeps look only at what the notebook makes (0.04 CPU seconds a kernel).
# The kernel then starts as ipykernel's launch_new_instance starts it: initialize, then start.
WITHOUT_DEBUGGER = """import atexit, gc, sys
atexit.register(lambda: (gc.collect(), gc.freeze()))
if sys.path and sys.path[0] == "":
    del sys.path[0]  # as ipykernel_launcher does: the kernel's own folder is put back by IPython
sys.modules["debugpy"] = None
gc.disable()
from ipykernel.kernelapp import IPKernelApp
app = IPKernelApp.instance()
app.initialize()
gc.freeze()
gc.enable()
app.start()
"""


# IPython writes each cell a kernel runs into a history database in the home (a thread commits every cell to SQLite):
# 0.03 CPU seconds of a notebook's kernel, for a history no notebook reads (a cell's In and Out still hold it).
WITHOUT_HISTORY = "--HistoryManager.enabled=False"


class KernelsWithoutDebugger(KernelSpecManager):
    """The environment's kernels, each Python kernel started without the debugger, and JupyterLab told that it
    has none (it offers the debugger from the kernel spec's metadata), and without IPython's history database.

    Each look at the python3 kernel spec (as each kernel starts, and as Lab lists the kernels) made jupyter_client
    import ipykernel in the server, with IPython and all a kernel loads, only to see whether the spec is ipykernel's
    built-in one: 0.1 CPU seconds and 20 MiB for each student's server. A spec installed as a folder with its
    kernel.json (as in any environment that installs ipykernel) is read from that file; only ipykernel's built-in
    spec, which has no file, is still asked of ipykernel."""

    @default("kernel_dirs")
    def _kernel_dirs_default(self):
        # jupyter_client's own default imports IPython, only to find IPython's folder (its old place for kernels)
        ipython = os.environ.get("IPYTHONDIR") or os.path.join(os.path.expanduser("~"), ".ipython")
        return [*jupyter_path("kernels"), os.path.join(ipython, "kernels")]

    def _get_kernel_spec_by_name(self, kernel_name, resource_dir):
        if not os.path.isfile(os.path.join(resource_dir, "kernel.json")):
            return super()._get_kernel_spec_by_name(kernel_name, resource_dir)
        spec = self.kernel_spec_class.from_resource_dir(resource_dir)
        if not KernelProvisionerFactory.instance(parent=self.parent).is_provisioner_available(spec):
            raise NoSuchKernel(kernel_name)
        return spec

    def get_kernel_spec(self, kernel_name):
        spec = super().get_kernel_spec(kernel_name)
        argv = list(spec.argv)
        for i in range(len(argv) - 1):
            if argv[i:i + 2] == ["-m", "ipykernel_launcher"]:
                spec.argv = argv[:i] + ["-c", WITHOUT_DEBUGGER] + argv[i + 2:] + [WITHOUT_HISTORY]
                spec.metadata = {**spec.metadata, "debugger": False}
                break
        return spec


UNIX_SOCKET_PATH = 107  # the longest path a Unix socket can have on Linux (108 bytes with its end; macOS: 104)
_socket_folder: list[Path] = []


def socket_folder() -> Path:
    """This server's folder for its kernels' sockets: made once, private (mkdtemp: readable by its user only, a
    name no one can guess), removed when the server exits. It is under the system's temporary folder, not beside
    the connection files in the home's runtime folder: a socket's path there is too long in a deep home (a
    hub's /home/jupyter-<long name>/.local/share/jupyter/runtime/kernel-<id>-ipc-1 can pass 107 bytes)."""
    if not _socket_folder or not _socket_folder[0].is_dir():
        base = tempfile.gettempdir()
        if len(base) > 40 and os.path.isdir("/tmp"):
            base = "/tmp"  # a long TMPDIR would leave no room for the kernel's name
        folder = Path(tempfile.mkdtemp(prefix="kit-kernels-", dir=base))
        atexit.register(shutil.rmtree, folder, True)
        _socket_folder[:] = [folder]
    return _socket_folder[0]


def kernels_on_unix_sockets() -> str | None:
    """The kernel manager class that keeps a hub's kernels off TCP ports, or None where ZeroMQ has no Unix
    sockets (Windows), and kernels keep jupyter_client's ports."""
    import zmq

    return f"{__name__}.KernelSockets" if zmq.has("ipc") else None


def no_yarn_lookup() -> None:
    """JupyterLab asks yarn for the npm registry as its labapp module is imported (jupyterlab/labapp.py runs
    get_app_version() at import, before any setting is read): where node is on PATH that runs `node yarn.js
    config`, 0.3 CPU seconds and 95 MiB for a moment for each server. The registry serves only to install
    extensions from npm, which the kit's extension manager (readonly) never does, so on a hub the server takes
    JupyterLab's own answer for a machine without node. Called before JupyterLab is imported (the server reads its
    settings first); a JupyterLab without this function is left as it is."""
    try:
        from jupyterlab import commands
    except ImportError:
        return
    if callable(getattr(commands, "_yarn_config", None)):
        commands._yarn_config = _no_yarn_config


def _no_yarn_config(logger):
    return {"yarn config": {}, "npm config": {}}  # what jupyterlab.commands._yarn_config gives without node


# matplotlib lists the machine's fonts the first time it is imported in a home, and keeps the list in the home's
# cache: 0.4 CPU seconds of the first kernel of every student on a hub, where each student starts with a home of
# their own. postBuild lists the fonts once, where the students' environment is installed, and each server gives
# that list to its student's cache when it has none (the fonts are those of the same machine image).
FONT_LIST = Path(sys.prefix) / "share" / "breaking-isolation" / "matplotlib"


def matplotlib_cache() -> Path:
    """Where matplotlib keeps its font list for this user (matplotlib.get_cachedir(), without importing it)."""
    if os.environ.get("MPLCONFIGDIR"):
        return Path(os.environ["MPLCONFIGDIR"])
    if sys.platform.startswith(("linux", "freebsd")):
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "matplotlib"
    return Path.home() / ".matplotlib"


def give_font_list(listed: Path = FONT_LIST) -> list[Path]:
    """Copy the font list postBuild made into the user's matplotlib cache, where there is none of that version;
    never over one matplotlib made. Returns what it wrote (nothing where postBuild made no list, as in `make lab`)."""
    written = []
    for source in sorted(listed.glob("fontlist-*.json")) if listed.is_dir() else []:
        target = matplotlib_cache() / source.name
        if target.exists():
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}")
            shutil.copyfile(source, partial)
            os.replace(partial, target)  # a kernel starting meanwhile reads the whole list or none
            written.append(target)
        except OSError:
            continue  # matplotlib lists the fonts itself, as before
    return written
