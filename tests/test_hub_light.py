"""On a hub, each student's server starts without code it never uses (jupyter/kit_hub_light.py, which postBuild
installs with a .pth file in the students' environment): JupyterHub's database code, SQLAlchemy and Alembic (0.4
CPU seconds and 39 MiB of every server), and requests, which JupyterLab's server imports to fetch extension
lists from the web (4 MiB).

These run the students' environment that `make classroom` installs (build/classroom/user/, installed here if it
is missing or out of date: the kit's lock, JupyterHub's single-user server, then postBuild).
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "classroom"))
import setup_env  # noqa: E402

HUB_DATABASE = ("sqlalchemy", "alembic", "jupyterhub.orm", "jupyterhub.handlers")
NEVER_USED = (*HUB_DATABASE, "requests", "urllib3", "charset_normalizer")


@pytest.fixture(scope="module")
def students_env() -> Path:
    setup_env.install_user()
    return setup_env.BUILD / "user" / "bin"


def imported(bin_: Path, *command: str) -> set[str]:
    """The modules a Python of the students' environment imports running `command` (python -X importtime)."""
    done = subprocess.run([str(bin_ / "python"), "-X", "importtime", *command], capture_output=True, text=True,
                          timeout=120, check=True)
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


def never_used(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(f"{name}.") for name in NEVER_USED))


def test_a_student_s_server_starts_without_the_hub_s_database_code_or_requests(students_env):
    # The hub's own command for a student's server; --help imports all of JupyterHub's server modules, then stops.
    modules = imported(students_env, str(students_env / "jupyterhub-singleuser"), "--help")
    assert {"jupyterhub.singleuser.extension", "jupyterhub.services.auth", "jupyterhub.log"} <= modules
    assert never_used(modules) == []


def test_any_other_python_of_the_environment_imports_jupyterhub_as_before(students_env):
    """A kernel or a tool of the students' environment is not the server: nothing stands in there (and the check
    above sees the database code where it is imported)."""
    modules = imported(students_env, "-c", "import jupyterhub.singleuser, jupyterlab_server")
    assert {"sqlalchemy", "alembic", "jupyterhub.orm", "requests", "urllib3"} <= set(never_used(modules))


USES_THE_HUB_S_MODULES = """
import sys

def real(name):
    return name in sys.modules and type(sys.modules[name]).__name__ != "_StandIn"

import jupyterhub.singleuser.extension, jupyterlab_server  # what a server imports
assert not any(real(name) for name in {names!r}), [name for name in {names!r} if real(name)]
import jupyterhub.handlers.pages, jupyterhub.log, jupyterhub.orm, jupyterhub.scopes, jupyterhub.utils, sqlalchemy.exc
assert jupyterhub.orm.User.__tablename__ == "users"  # a first use: everything is the real module from here on
assert all(real(name) for name in {names!r})
assert jupyterhub.utils.SQLAlchemyError is sys.modules["sqlalchemy.exc"].SQLAlchemyError
assert jupyterhub.log.HealthCheckHandler is sys.modules["jupyterhub.handlers.pages"].HealthCheckHandler
assert jupyterhub.scopes.orm is sys.modules["jupyterhub.orm"] and jupyterhub.scopes.sa is sys.modules["sqlalchemy"]
assert jupyterhub.handlers.pages is sys.modules["jupyterhub.handlers.pages"]
assert sys.modules["sqlalchemy"].exc is sys.modules["sqlalchemy.exc"]
assert jupyterlab_server.listings_handler.requests is sys.modules["requests"] and real("urllib3")
"""


LAB = """
import sys
import jupyterlab.labapp  # as a server loads JupyterLab
pypi = sys.modules["jupyterlab.extensions.pypi"]
assert type(pypi).__name__ == "_StandIn" and "httpx" not in sys.modules, type(pypi)
import jupyterlab.extensions
manager = jupyterlab.extensions.get_pypi_manager()  # where a server's settings ask for the PyPI manager
assert type(manager).__module__ == "jupyterlab.extensions.pypi" and "httpx" in sys.modules
assert jupyterlab.extensions.PyPIExtensionManager is sys.modules["jupyterlab.extensions.pypi"].PyPIExtensionManager
assert jupyterlab.extensions.pypi is sys.modules["jupyterlab.extensions.pypi"]
"""


def test_a_student_s_server_loads_jupyterlab_without_its_pypi_extension_manager_until_it_is_made(students_env,
                                                                                                  tmp_path):
    """The kit's extension manager is the read-only one; JupyterLab imported its PyPI manager (with httpx) anyway."""
    script = tmp_path / "jupyterhub-singleuser"
    script.write_text(LAB)
    subprocess.run([str(students_env / "python"), str(script)], check=True, timeout=120)


def test_a_server_that_uses_the_hub_s_modules_gets_the_real_ones(students_env, tmp_path):
    script = tmp_path / "jupyterhub-singleuser"  # the name the stand-ins are put in place for
    script.write_text(USES_THE_HUB_S_MODULES.format(names=NEVER_USED))
    subprocess.run([str(students_env / "python"), str(script)], check=True, timeout=120)
