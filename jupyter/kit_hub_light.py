"""A student's server on a hub starts without code it never uses (postBuild installs this module with a .pth file,
so it runs as each Python of the students' environment starts, and acts only in `jupyterhub-singleuser`).

JupyterHub's single-user server imports modules written for the hub itself: its request log (jupyterhub.log)
imports the hub's page handlers, and its scopes and metrics import the hub's database tables (jupyterhub.orm), so
every student's server loaded SQLAlchemy and Alembic: 0.4 CPU seconds and 39 MiB a server. JupyterLab's server
imports requests (with urllib3 and charset_normalizer) for one thing, fetching lists of allowed extensions from
the web, which the kit's settings never ask for: 4 MiB a server. And JupyterLab imports its manager that installs
extensions from PyPI (with httpx and packaging's version specifiers) as it starts, though the kit's extension manager
is the read-only one: 0.04 CPU seconds a server. Here those modules are stand-ins, put in place before the server
imports anything:

- `sqlalchemy`, `jupyterhub.orm`, `jupyterhub.roles` and `requests` are imported for real on their first use
  (the modules that import them use them only inside functions a student's server never calls);
- `sqlalchemy.exc` and `jupyterhub.handlers.pages` give a stand-in of the one class a server's modules take from
  them (SQLAlchemyError, which the hub's database handlers catch; HealthCheckHandler, the hub's health page,
  which the request log tests handlers against and a student's server never serves);
- `jupyterlab.extensions.pypi` gives a stand-in of PyPIExtensionManager, which JupyterLab makes only where its
  extension manager is set to PyPI: made, it is the real one.

If anything in the server uses any other part of them, every stand-in is dropped and the real modules are
imported, and each module that took a stand-in gets the real module or class: the server then runs exactly as
without this module, only without the saving.
"""

import os
import sys
import types

SERVER = "jupyterhub-singleuser"  # the command a hub starts for each student (JupyterHub's Spawner.cmd)


class SQLAlchemyError(Exception):
    """Stands in for sqlalchemy.exc.SQLAlchemyError, which no code of a student's server raises."""


class HealthCheckHandler:
    """Stands in for the hub's health page handler, which a student's server never serves."""


class PyPIExtensionManager:
    """Stands in for JupyterLab's extension manager for PyPI; made (where a server's settings ask for it), it is the
    real one."""

    def __new__(cls, *args, **kwargs):
        real_modules()
        return _real("jupyterlab.extensions.pypi").PyPIExtensionManager(*args, **kwargs)


# Each stand-in, parents first, and the class it gives (None: it gives nothing, anything asked loads the real ones).
STAND_INS = {"sqlalchemy": None, "sqlalchemy.exc": SQLAlchemyError, "jupyterhub.orm": None, "jupyterhub.roles": None,
             "jupyterhub.handlers": None, "jupyterhub.handlers.pages": HealthCheckHandler, "requests": None,
             "jupyterlab.extensions.pypi": PyPIExtensionManager}
_in_place: dict[str, types.ModuleType] = {}


class _StandIn(types.ModuleType):
    def __getattr__(self, attribute: str):
        cls = STAND_INS.get(self.__name__)
        if cls is not None and attribute == cls.__name__:
            return cls
        if cls is not None and attribute == "__path__":
            raise AttributeError(attribute)  # no package: `from sqlalchemy.exc import SQLAlchemyError` asks
        real_modules()  # any other use (or the import of a submodule, which asks for __path__): the real modules
        return getattr(_real(self.__name__), attribute)


def _real(name: str) -> types.ModuleType:
    import importlib

    return importlib.import_module(name)


def real_modules() -> None:
    """Drop every stand-in, import the real modules, and give the real module or class to each module that holds
    a stand-in."""
    if not _in_place:
        return
    real = {}  # the id of a stand-in: (the module it stands for, the name of its class or None)
    for name, stand_in in list(_in_place.items()):
        del _in_place[name]
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        real[id(stand_in)] = (name, None)
        if STAND_INS[name] is not None:
            real[id(STAND_INS[name])] = (name, STAND_INS[name].__name__)
    for module in [m for m in list(sys.modules.values()) if m is not sys.modules.get(__name__)]:
        for attribute, value in list(getattr(module, "__dict__", {}).items()):
            if id(value) in real:
                name, cls = real[id(value)]
                setattr(module, attribute, getattr(_real(name), cls) if cls else _real(name))


def install() -> None:
    """Put the stand-ins in place, where nothing has imported the real modules yet; each is also its parent's
    attribute, as an imported submodule is."""
    if any(name in sys.modules for name in STAND_INS):
        return  # too late (something imported them already): leave everything as it is
    import jupyterhub  # its package only: the version

    for name in STAND_INS:
        stand_in = _StandIn(name, f"{__name__}: stands in for {name} until its first use")
        parent, _, child = name.rpartition(".")
        if parent in sys.modules:  # (jupyterlab.extensions, not imported yet, takes the stand-in as it imports it)
            setattr(sys.modules[parent], child, stand_in)
        sys.modules[name] = _in_place[name] = stand_in


if sys.argv and os.path.basename(sys.argv[0]) == SERVER:
    install()
