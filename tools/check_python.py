"""Stop early, with a clear message, when the Python that sets up the kit is too old or lacks venv."""

import sys

if sys.version_info < (3, 11):
    sys.exit(f"The kit needs Python 3.11 or newer; this is {sys.version.split()[0]}. "
             "Install python3.11, or run make with PYTHON=python3.11.")
try:
    import ensurepip  # noqa: F401  (Debian ships venv without it in the python3-venv package)
    import venv  # noqa: F401
except ImportError:
    sys.exit("This Python cannot make virtual environments. On Debian or Ubuntu: sudo apt install python3-venv")
