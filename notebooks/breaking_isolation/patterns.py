"""Regular expressions compiled on first use, not at import.

The claim checks hold some 300 patterns. Compiled as their modules imported, they took two thirds of the CPU that
importing the claim checks cost a kernel, though a claim refused early meets only a few of them. A module writes

    YEAR = lazy(r"\\b1[89]\\d\\d\\b", re.IGNORECASE)

and uses `YEAR.search(text)` as it would a compiled pattern: the first method asked for compiles it, once.
`YEAR.pattern` is there without compiling, to build other patterns from. Where a library wants a real
`re.Pattern` (pandas' `str.contains`, `re.split`, `match.re is ...`), use `YEAR.compiled`.

Most patterns never match a given claim: a claim check passes every rule, and each rule's patterns look for words
the claim does not hold. So a pattern is not compiled while the texts it is asked about cannot hold a match: it
reads, once, the words any match of it must contain (one of "first", "earliest"; "recogni"), and a text without
any of them gets the answer a compiled pattern would give (no match, nothing found, the text unchanged) without
compiling it. Reading those words takes a quarter of what compiling does. Only plain ASCII text is answered so (in
other text a letter may match another ignoring case: "K", the Kelvin sign); any other is given to the compiled
pattern.
"""

from __future__ import annotations

import re
from re import _compiler, _constants as sre, _parser

import _sre

# What a compiled pattern offers; each is kept on the lazy pattern once compiled, so a later call costs no more.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class Lazy:
    """A regular expression that compiles itself the first time it is used, and then answers as `re.Pattern`."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Asked only for what this object does not hold yet: the first use compiles, and keeps the compiled
        # pattern and its methods on the object, so that later calls go straight to them. Until then a method
        # that searches text first asks whether the text holds one of the words a match needs (module text).
        if name != "compiled" and (name.startswith("_") or not hasattr(re.Pattern, name)):
            raise AttributeError(name)  # not a pattern's (`getattr(x, "exercise", None)`, a copy): nothing to compile
        if name in _UNMATCHED:
            if "_needs" not in self.__dict__:
                self._needs = _needed(self.pattern, self._flags)
            if self._needs:
                unless = _Unless(self, name)
                setattr(self, name, unless)  # until compiled (which puts the pattern's own method in its place)
                return unless
        compiled = _compiled(self.pattern, self._flags)
        self.compiled = compiled
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return compiled if name == "compiled" else getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags!r})"


# What a method gives for a text in which the pattern cannot match, from the arguments it was given.
_UNMATCHED = {
    "search": lambda string, *_: None,
    "match": lambda string, *_: None,
    "fullmatch": lambda string, *_: None,
    "findall": lambda string, *_: [],
    "finditer": lambda string, *_: iter(()),
    "sub": lambda repl, string, *_: string,
    "subn": lambda repl, string, *_: (string, 0),
    "split": lambda string, *_: [string],
}


class _Unless:
    """A pattern's method that answers without compiling when the text holds none of the words a match needs."""

    def __init__(self, lazy: Lazy, name: str):
        self.lazy, self.name = lazy, name

    def __call__(self, *args, **kwargs):
        string = args[1 if self.name in ("sub", "subn") else 0] if len(args) > (self.name in ("sub", "subn")) \
            else None
        if not kwargs and type(string) is str and string.isascii():
            low = string.lower()
            if not any(word in low for word in self.lazy._needs):
                return _UNMATCHED[self.name](*args)
        return getattr(self.lazy.compiled, self.name)(*args, **kwargs)


# What each pattern needs, as worked out so far: the words a match must hold, and the compiled program (re's own
# compiler's output, which _sre turns into a pattern equal to re.compile's). Read in a kernel before this one
# (data_cache.py: any change to the kit's code or to Python is a new file), so that a kernel parses only the
# patterns no kernel before it met: parsing and compiling the hundred-odd patterns a claim meets was a tenth of a
# CPU second of each kernel that checks a claim.
_NEEDED: dict[tuple[str, int], frozenset[str] | None] = {}
_PROGRAMS: dict[tuple[str, int], tuple] = {}
_KEPT, _KEPT_AS = b"patterns", "patterns-"
_state = {"read": False, "new": False}


def _read_kept() -> None:
    if _state["read"]:
        return
    _state["read"] = True
    from . import data_cache

    kept = data_cache.read(_KEPT, prefix=_KEPT_AS)
    if isinstance(kept, dict) and isinstance(kept.get("needed"), dict) and isinstance(kept.get("programs"), dict):
        _NEEDED.update({key: words for key, words in kept["needed"].items() if key not in _NEEDED})
        _PROGRAMS.update({key: program for key, program in kept["programs"].items() if key not in _PROGRAMS})


def _needed(pattern: str, flags: int) -> frozenset[str] | None:
    _read_kept()
    key = (pattern, flags)
    if key not in _NEEDED:
        _NEEDED[key] = needed_words(pattern, flags)
        _state["new"] = True
    return _NEEDED[key]


def _compiled(pattern: str, flags: int) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the program a kernel before this one compiled, if there is one."""
    _read_kept()
    key = (pattern, flags)
    program = _PROGRAMS.get(key)
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except Exception:  # not this Python's program after all: compile it
            del _PROGRAMS[key]
    try:  # what re._compiler.compile does, keeping the program it hands to _sre
        flags = int(flags)  # a RegexFlag, as re.compile takes it
        parsed = _parser.parse(pattern, flags)
        names = parsed.state.groupdict
        by_number = [None] * parsed.state.groups
        for name, number in names.items():
            by_number[number] = name
        program = (int(flags | parsed.state.flags), [int(op) for op in _compiler._code(parsed, flags)], parsed.state.groups - 1,
                   dict(names), tuple(by_number))
        compiled = _sre.compile(pattern, *program)
    except Exception:  # a pattern that does not compile says why as re.compile says it; another Python's compiler
        return re.compile(pattern, flags)
    _PROGRAMS[key] = program
    _state["new"] = True
    return compiled


def keep() -> None:
    """Keep what was worked out in this kernel for the user's next kernel, with what was kept before (a check
    calls this when it has read an answer)."""
    if not _state["new"]:
        return
    from . import data_cache

    _state["read"] = False
    _read_kept()  # another kernel may have kept more meanwhile
    _state["new"] = False
    try:  # plain ints, text, tuples and dicts; a cache that cannot be kept never stops a check
        data_cache.write(_KEPT, {"needed": dict(_NEEDED), "programs": dict(_PROGRAMS)}, prefix=_KEPT_AS)
    except Exception:
        pass


def needed_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Words (lower case, ASCII) of which every match of the pattern holds at least one, ignoring case; None when
    the pattern needs no such word (or cannot be read: compiling it will say why)."""
    try:
        return _sequence(_parser.parse(pattern, flags))
    except Exception:
        return None


def _sequence(items) -> frozenset[str] | None:
    # every item of a sequence is in each match: the item that needs the longest words is the one to ask about
    found, run = [], []
    for op, value in items:
        if op is sre.LITERAL and value < 128:
            run.append(chr(value).lower())
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        found.append(_item(op, value))
    if run:
        found.append(frozenset(["".join(run)]))
    found = [words for words in found if words]
    return max(found, key=lambda words: (min(map(len, words)), -len(words))) if found else None


def _item(op, value) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(value[-1])
    if op is sre.ATOMIC_GROUP:
        return _sequence(value)
    if op is sre.ASSERT:  # a lookahead or lookbehind that must hold looks at the same text
        return _sequence(value[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _sequence(value[2]) if value[0] >= 1 else None
    if op is sre.BRANCH:  # one of the branches, whichever: any of their words
        branches = [_sequence(branch) for branch in value[1]]
        return None if any(words is None for words in branches) else frozenset().union(*branches)
    return None  # a class of characters, any character, a position, a lookaround that must not hold, a group again


def lazy(pattern: str, flags: int = 0) -> Lazy:
    """`re.compile(pattern, flags)`, put off until the pattern is first used."""
    return Lazy(pattern, flags)
