"""Regular expressions compiled on first use, not at import.

The claim checks hold some 300 patterns. Compiled as their modules imported, they took two thirds of the CPU that
importing the claim checks cost a kernel, though a claim refused early meets only a few of them. A module writes

    YEAR = lazy(r"\\b1[89]\\d\\d\\b", re.IGNORECASE)

and uses `YEAR.search(text)` as it would a compiled pattern: the first method asked for compiles it, once.
`YEAR.pattern` is there without compiling, to build other patterns from. Where a library wants a real
`re.Pattern` (pandas' `str.contains`, `re.split`, `match.re is ...`), use `YEAR.compiled`.
"""

from __future__ import annotations

import re

# What a compiled pattern offers; each is kept on the lazy pattern once compiled, so a later call costs no more.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class Lazy:
    """A regular expression that compiles itself the first time it is used, and then answers as `re.Pattern`."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Asked only for what this object does not hold yet: the first use compiles, and keeps the compiled
        # pattern and its methods on the object, so that later calls go straight to them.
        if name != "compiled" and (name.startswith("_") or not hasattr(re.Pattern, name)):
            raise AttributeError(name)  # not a pattern's (`getattr(x, "exercise", None)`, a copy): nothing to compile
        compiled = re.compile(self.pattern, self._flags)
        self.compiled = compiled
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return compiled if name == "compiled" else getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags!r})"


def lazy(pattern: str, flags: int = 0) -> Lazy:
    """`re.compile(pattern, flags)`, put off until the pattern is first used."""
    return Lazy(pattern, flags)
