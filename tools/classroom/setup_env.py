"""Install what the classroom run needs into build/classroom/ (git ignores it), from the kit's own files.

    PYTHONPATH=notebooks python tools/classroom/setup_env.py        # or: make classroom, which runs it first

- hub/: JupyterHub and the simulated students' HTTP client (requirements-hub.txt, locked with hashes);
- user/: the students' environment, as a hub administrator builds it from the README: the kit's lock
  (requirements.txt, nbgitpuller included, no test tools), then the hub's single-user server
  (requirements-singleuser.txt), then the kit's postBuild, which installs the kit's JupyterLab and server settings there;
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
UV = ROOT / ".venv-uv" / "bin" / "uv"  # the kit's pinned uv (the Makefile installs it)


def uv() -> str:
    found = UV if UV.is_file() else shutil.which("uv")
    if found is None:
        sys.exit("the classroom needs the kit's uv: run make setup first")
    return str(found)


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


def uv_install(python: Path, requirements: Path, *options: str) -> None:
    subprocess.run([uv(), "pip", "install", "--quiet", "--python", str(python), "--compile-bytecode", *options,
                    "-r", str(requirements)], check=True)


def install_hub() -> None:
    folder, lock = BUILD / "hub", HERE / "requirements-hub.txt"
    stamp = fingerprint(lock)
    if up_to_date(folder, stamp):
        return
    print("classroom: installing JupyterHub for the hub", flush=True)
    uv_install(make_venv(folder), lock, "--require-hashes")
    (folder / ".installed").write_text(stamp)


def install_user() -> None:
    folder = BUILD / "user"
    runtime, extras = ROOT / "requirements.txt", HERE / "requirements-singleuser.txt"
    settings = sorted(path for path in (ROOT / "jupyter").rglob("*") if path.is_file() and path.suffix in (".json", ".py"))
    stamp = fingerprint(runtime, extras, ROOT / "postBuild", *settings)
    if up_to_date(folder, stamp):
        return
    print("classroom: installing the students' environment", flush=True)
    python = make_venv(folder)
    uv_install(python, runtime, "--require-hashes")  # apart: a lock with hashes cannot be mixed with pins
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
