"""The repository the students pull: the student edition of the kit (for make classroom, served by git daemon).

    python tools/classroom/served_repo.py FOLDER     # make or update the student edition in git repository FOLDER

The students get the kit's committed tree (HEAD) with each notebook replaced by its student version (the
student build: solutions removed, exercise and check outputs cleared). The notebooks stay at their place in
the kit, so the package finds data/, the links to ../lessons and ../data work, and the teacher's link opens
notebooks/00-start-here.ipynb as in the kit. A teacher publishes it as its own repository (or branch) and
updates it by new commits on top, never by rewriting it: nbgitpuller merges each update into the students'
copies.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import build_student  # noqa: E402  (the kit's student build, the only source of student notebooks)

NAME = "breaking-isolation"  # the folder nbgitpuller makes in each home: the last part of the address
TEACHER = ["-c", "user.name=Teacher", "-c", "user.email=teacher@school.invalid"]


def git(*args: str, cwd: Path | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def write_student_edition(kit: Path, target: Path, revision: str = "HEAD") -> str:
    """Write the kit's tree at `revision` into `target`, notebooks as the student build makes them."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=kit, check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    for path in sorted((target / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        nbformat.write(build_student.student_version(notebook), path)
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
    """git daemon on loopback, read-only (no push over git://), serving only what is in `serve_dir`."""
    return ["git", "daemon", "--listen=127.0.0.1", f"--port={port}", f"--base-path={serve_dir}",
            "--export-all", "--reuseaddr", "--informative-errors"]


def update_edition(folder: Path, kit: Path = ROOT) -> str:
    """Make `folder` (a git repository, made if missing) hold the student edition of the kit's HEAD, as one new
    commit on top of what it holds: the history the students' copies merge from is never rewritten."""
    if not (folder / ".git").is_dir():
        git("init", "--quiet", "--initial-branch=main", str(folder))
    for tracked in git("ls-files", "-z", cwd=folder).split("\0"):
        if tracked:
            (folder / tracked).unlink(missing_ok=True)
    revision = write_student_edition(kit, folder)
    git("add", "--all", cwd=folder)
    if not git("status", "--porcelain", cwd=folder).strip():
        return f"{folder} already holds the student edition of the kit at {revision}"
    git("commit", "--quiet", "-m", f"Student edition of the kit at {revision}", cwd=folder)
    return f"{folder}: new commit, the student edition of the kit at {revision}; push it to the students' repository"


def main() -> int:
    parser = argparse.ArgumentParser(description="Make or update the student edition of the kit in a git repository.")
    parser.add_argument("folder", type=Path, help="the student edition's git repository (made if missing)")
    print(update_edition(parser.parse_args().folder.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
