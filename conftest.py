"""What every test run of the kit shares, the notebooks' strict nbval included (tests/conftest.py holds the
fixtures of the tests in tests/)."""

import pprint


class _Formatted:
    """An object pretty-printed only if it is written out."""

    def __init__(self, value):
        self.value = value

    def __str__(self) -> str:
        return pprint.pformat(self.value)


def pytest_configure(config):
    """nbval formats every message of every kernel for its debug log, before the logger can say that it is off:
    a figure's message is long, and all of it was formatted for nothing. Formatted when written, it is as before."""
    try:
        from nbval import kernel  # noqa: PLC0415 (only where nbval is installed)
    except ImportError:
        return
    if getattr(kernel, "pformat", None) is pprint.pformat:
        kernel.pformat = _Formatted
