"""Install what the classroom run needs into build/classroom/ (git ignores it), from the kit's own files.

    python tools/classroom/setup_env.py        # or: make classroom, which runs it first

- hub/: JupyterHub and the simulated students' HTTP client (requirements-hub.txt, locked with hashes);
- user/: the students' environment, as a hub administrator builds it from the README: the kit's runtime
  lock (requirements.txt), then jupyterhub and nbgitpuller (requirements-singleuser.txt), then the kit's
  postBuild, which installs the kit's JupyterLab settings into that environment;
- proxy/: configurable-http-proxy from npm, pinned with its dependencies (proxy/package-lock.json).

Each part is installed again only when the files it comes from change.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BUILD = ROOT / "build" / "classroom"
UV = ROOT / ".venv" / "bin" / "uv"
# Test tools in requirements.txt, left out of the students' environment until the runtime and test locks
# are separate files (requirements.txt and requirements-test.txt).
TEST_ONLY = {"pytest", "pytest-xdist", "playwright", "nbval", "frictionless"}


def runtime_requirements() -> Path:
    """The kit's runtime lock: requirements.txt itself once the test tools have their own file."""
    lock = ROOT / "requirements.txt"
    if (ROOT / "requirements-test.txt").is_file():
        return lock
    kept = [line for line in lock.read_text().splitlines()
            if line.split("==")[0].strip().lower() not in TEST_ONLY]
    BUILD.mkdir(parents=True, exist_ok=True)
    runtime = BUILD / "requirements-runtime.txt"
    runtime.write_text("\n".join(kept) + "\n")
    return runtime


def fingerprint(*files: Path) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def up_to_date(folder: Path, stamp: str) -> bool:
    return (folder / ".installed").is_file() and (folder / ".installed").read_text() == stamp


def make_venv(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    venv.create(folder, with_pip=False)
    return folder / "bin" / "python"


def uv_install(python: Path, requirements: Path) -> None:
    subprocess.run([str(UV), "pip", "install", "--quiet", "--python", str(python), "--compile-bytecode",
                    "-r", str(requirements)], check=True)


def install_hub() -> None:
    folder, lock = BUILD / "hub", HERE / "requirements-hub.txt"
    stamp = fingerprint(lock)
    if up_to_date(folder, stamp):
        return
    print("classroom: installing JupyterHub for the hub", flush=True)
    uv_install(make_venv(folder), lock)
    (folder / ".installed").write_text(stamp)


def install_user() -> None:
    folder = BUILD / "user"
    runtime, extras = runtime_requirements(), HERE / "requirements-singleuser.txt"
    stamp = fingerprint(runtime, extras, ROOT / "postBuild", *sorted((ROOT / "jupyter").rglob("*.json")))
    if up_to_date(folder, stamp):
        return
    print("classroom: installing the students' environment", flush=True)
    python = make_venv(folder)
    uv_install(python, runtime)  # apart from the extras: a lock with hashes cannot be mixed with pins
    uv_install(python, extras)
    # The README's hub recipe: run postBuild with the students' environment first on PATH.
    env = {**os.environ, "PATH": f"{folder / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("NB_PYTHON_PREFIX", None)
    subprocess.run(["bash", str(ROOT / "postBuild")], check=True, env=env, stdout=subprocess.DEVNULL)
    (folder / ".installed").write_text(stamp)


def install_proxy() -> None:
    folder = BUILD / "proxy"
    sources = [HERE / "proxy" / "package.json", HERE / "proxy" / "package-lock.json"]
    stamp = fingerprint(*sources)
    if up_to_date(folder, stamp) and proxy_command().is_file():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("make classroom needs npm once, for configurable-http-proxy "
                 "(on Debian or Ubuntu: sudo apt-get install npm)")
    print("classroom: installing configurable-http-proxy from npm", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copy(source, folder / source.name)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=folder, check=True)
    (folder / ".installed").write_text(stamp)


def proxy_command() -> Path:
    return BUILD / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy"


def main() -> int:
    install_hub()
    install_user()
    install_proxy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
