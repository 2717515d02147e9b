"""The repository the students pull: the student edition of the kit (for make classroom, served by git daemon).

    PYTHONPATH=notebooks python tools/classroom/served_repo.py FOLDER     # make or update the student edition in git repository FOLDER

The students get the kit's committed tree (HEAD) as the student edition: what student-edition.toml lists, with
the notebooks as the student build makes them (the same setting `make student` reads). The notebooks stay at
their place in the kit, so the package finds data/ and the teacher's link opens notebooks/00-start-here.ipynb
as in the kit. A teacher publishes it as its own repository (or branch) and updates it by new commits on top,
never by rewriting it: nbgitpuller merges each update into the students' copies.

An update refuses, before touching anything, a folder with uncommitted changes or no git identity to commit
with. It builds the new tree aside and records it as one commit; the work tree then follows with git's own
two-tree checkout. Each commit holds the edition and nothing else, so a file the edition leaves out never
comes back, whatever the folder held before.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
import student_edition  # the one setting of what students get, and the build that reads it

NAME = "breaking-isolation"  # the folder nbgitpuller makes in each home: the last part of the address
TEACHER = ["-c", "user.name=Teacher", "-c", "user.email=teacher@school.invalid"]


class Refused(Exception):
    """The folder cannot take an update without losing work or committing under no one's name."""


def git(*args: str, cwd: Path | None = None, env: dict | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", **(env or {})}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def write_student_edition(kit: Path, target: Path, revision: str = "HEAD") -> str:
    """Write the student edition of the kit's tree at `revision` into the new or empty folder `target`."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=kit, check=True,
                             capture_output=True).stdout
    with tempfile.TemporaryDirectory(prefix="kit-") as committed:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(committed, filter="data")
        listed = Path(committed) / "student-edition.toml"  # an older revision has none: today's list holds
        setting = student_edition.load_setting(listed if listed.is_file() else student_edition.SETTING)
        student_edition.write_edition(Path(committed), target, setting)
    return git("rev-parse", "--short", revision, cwd=kit).strip()


def publish(kit: Path, serve_dir: Path, work: Path, revision: str = "HEAD") -> Path:
    """A bare repository `serve_dir/NAME.git` holding one commit: the student edition of the kit at `revision`.

    `work` becomes the teacher's clone of it, where updates are committed and pushed from.
    """
    bare = serve_dir / f"{NAME}.git"
    git("init", "--quiet", "--bare", "--initial-branch=main", str(bare))
    git("init", "--quiet", "--initial-branch=main", str(work))
    revision = write_student_edition(kit, work, revision)
    git("add", "--all", cwd=work)
    git(*TEACHER, "commit", "--quiet", "-m", f"Student edition of the kit at {revision}", cwd=work)
    git("remote", "add", "origin", str(bare), cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)
    return bare


def commit_update(work: Path, message: str) -> str:
    git("add", "--all", cwd=work)
    git(*TEACHER, "commit", "--quiet", "-m", message, cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)
    return git("rev-parse", "HEAD", cwd=work).strip()


def daemon_command(serve_dir: Path, port: int) -> list[str]:
    """git daemon on loopback, read-only (no push over git://), serving only what is in `serve_dir`.

    No limit on connections: git daemon's default of 32 is below a class that clicks the link at once (each
    pull is two ls-remote and a fetch), and at the limit it does not queue the newcomer but kills an older
    connection from the same address, which on one loopback address is another student's pull half done.
    """
    return ["git", "daemon", "--listen=127.0.0.1", f"--port={port}", f"--base-path={serve_dir}",
            "--export-all", "--reuseaddr", "--informative-errors", "--max-connections=0"]


def check_folder(folder: Path) -> None:
    """Refuse, before anything is touched, a folder an update could harm or could not commit in."""
    is_repo = (folder / ".git").exists()
    if folder.exists() and not folder.is_dir():
        raise Refused(f"{folder} is a file, not a folder")
    if folder.exists() and not is_repo and any(folder.iterdir()):
        raise Refused(f"{folder} holds files but is no git repository; give the edition's repository or a new folder")
    for key in ("user.name", "user.email"):
        try:  # a new folder's repository will see only the teacher's global setting
            named = git("config", "--get", key, cwd=folder).strip() if is_repo else \
                git("config", "--global", "--get", key).strip()
        except RuntimeError:
            named = ""
        variable = "GIT_COMMITTER_NAME" if key == "user.name" else "GIT_COMMITTER_EMAIL"
        if not named and not os.environ.get(variable):
            raise Refused(f"git has no {key} to sign the commit with; set it first: "
                          f"git -C {folder} config {key} \"...\" (nothing was changed)")
    if is_repo:
        changed = git("status", "--porcelain", "--untracked-files=all", cwd=folder)
        if changed.strip():
            first = changed.splitlines()[0][3:]
            raise Refused(f"{folder} has changes not committed (such as {first}); commit or remove them first, "
                          "nothing was changed")


def update_edition(folder: Path, kit: Path = ROOT) -> str:
    """Make `folder` (a git repository, made if missing) hold the student edition of the kit's HEAD, as one new
    commit on top of what it holds: the history the students' copies merge from is never rewritten."""
    check_folder(folder)
    with tempfile.TemporaryDirectory(prefix="student-edition-") as aside:
        tree_dir, index = Path(aside) / "edition", Path(aside) / "index"
        tree_dir.mkdir()
        revision = write_student_edition(kit, tree_dir)
        if not (folder / ".git").is_dir():
            git("init", "--quiet", "--initial-branch=main", str(folder))
        # The new tree is written from the folder built aside, through an index of its own: the folder's own
        # index and files are untouched until the commit exists.
        aside_env = {"GIT_INDEX_FILE": str(index), "GIT_WORK_TREE": str(tree_dir)}
        git("--git-dir", str(folder / ".git"), "add", "--all", ".", cwd=tree_dir, env=aside_env)
        tree = git("--git-dir", str(folder / ".git"), "write-tree", env={"GIT_INDEX_FILE": str(index)}).strip()
    try:
        old = git("rev-parse", "--verify", "--quiet", "HEAD", cwd=folder).strip()
    except RuntimeError:
        old = ""
    if old and git("rev-parse", f"{old}^{{tree}}", cwd=folder).strip() == tree:
        return f"{folder} already holds the student edition of the kit at {revision}"
    parents = ["-p", old] if old else []
    commit = git("commit-tree", tree, *parents, "-m", f"Student edition of the kit at {revision}", cwd=folder).strip()
    git("update-ref", "HEAD", commit, *([old] if old else []), cwd=folder)  # the one step that records it
    if old:
        git("read-tree", "-m", "-u", old, commit, cwd=folder)  # the files follow, as a fast-forward moves them
    else:
        git("read-tree", "-u", "--reset", commit, cwd=folder)
    return f"{folder}: new commit, the student edition of the kit at {revision}; push it to the students' repository"


def main() -> int:
    parser = argparse.ArgumentParser(description="Make or update the student edition of the kit in a git repository.")
    parser.add_argument("folder", type=Path, help="the student edition's git repository (made if missing)")
    try:
        print(update_edition(parser.parse_args().folder.resolve()))
    except Refused as refused:
        print(f"refused: {refused}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
