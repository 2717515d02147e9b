"""rfc3987_syntax imported on its first use, not when jsonschema is imported (postBuild installs this module with
a .pth file, so it runs as each Python of the students' environment starts).

Every Jupyter server imports jsonschema's format checkers (through jupyter_events), and those import
rfc3987_syntax for the "iri" formats, which builds some 35 Lark parsers as it is imported: 1.1 CPU seconds and
15 MiB for each student's server, for formats that no schema of Jupyter's uses. Here jsonschema gets a stand-in
whose functions import the real module the first time one is called, and from then on it is the real one.
"""

import importlib
import sys
import types
from importlib.machinery import PathFinder  # not importlib.util, which would import contextlib and more

NAME = "rfc3987_syntax"


def _real() -> types.ModuleType:
    if isinstance(sys.modules.get(NAME), _OnFirstUse):
        del sys.modules[NAME]
    return importlib.import_module(NAME)


def is_valid_syntax(*args, **kwargs):  # what jsonschema imports from it
    return _real().is_valid_syntax(*args, **kwargs)


class _OnFirstUse(types.ModuleType):
    is_valid_syntax = staticmethod(is_valid_syntax)

    def __getattr__(self, attribute: str):  # anything else: the real module's (the import system's own
        if attribute.startswith("__"):     # look-ups, such as __file__, leave it unloaded)
            raise AttributeError(attribute)
        return getattr(_real(), attribute)


def install() -> None:
    """Stand in for rfc3987_syntax if it is installed and not imported yet (without it, jsonschema skips the
    "iri" formats, and so must this)."""
    spec = PathFinder.find_spec(NAME) if NAME not in sys.modules else None
    if spec is not None:
        stand_in = sys.modules[NAME] = _OnFirstUse(NAME, __doc__)
        stand_in.__path__ = spec.submodule_search_locations  # its submodules import as before


install()
