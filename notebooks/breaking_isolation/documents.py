"""The kit's primary documents: short excerpts with headnotes, one Markdown file each in data/documents/.

    docs = documents.load_documents()             # every document, checked against events and sources
    documents.as_table(docs)                      # one row per document, for a notebook
    documents.bearing_on("1924-britain-recognition", docs)   # the documents on one event

Each file is `doc-<year>-<name>.md`: a header between two `---` lines, then the excerpt. The header holds one
`field: value` per line (the value runs to the end of the line, no quotes needed); the list fields hold one
`  - item` line per item. data/documents/README.md describes every field. `load_documents` checks every rule
and raises one `DataError` listing each problem with its file, line, field and value; it never changes a file.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import characters, data_cache, vocabulary
from .loader import DataError, KitData, Problem, load
from .paths import data_dir
from .patterns import lazy

TEXT_FIELDS = ("id", "title", "author", "date", "place", "audience", "purpose", "headnote", "url",
               "licence", "licence_reason", "checked_against")
LIST_FIELDS = ("source_ids", "event_ids", "questions")
# translation: whose English, when not written in English; stored_text: the full text read, for a
# public-domain document (a path under data/documents/sources/); compared_with: the printed edition and page
# a fair-use excerpt was compared with.
OPTIONAL_FIELDS = ("date_note", "translation", "stored_text", "compared_with")
LICENCES = ("public-domain", "fair-use-quotation")
MIN_WORDS, MAX_WORDS = 150, 400
MIN_QUESTIONS, MAX_QUESTIONS = 2, 3
DOCUMENT_ID = lazy(r"doc-[0-9]{4}(?:-[a-z0-9]+)+")
ISO_DATE = lazy(vocabulary.ISO_DATE)
FILE_SIZE = 1_000_000  # bytes: a document is a few kB; a bigger file is not one
FIELD_LINE = lazy(r"([a-z_]+):(?: (.*))?")
# The body shows a student what JupyterLab's Markdown view hides in the header (title, author, date, headnote,
# questions): tools/build_documents.py writes it between these markers, and the loader reads the excerpt only.
BEGIN_GENERATED = "<!-- generated from the header by tools/build_documents.py: edit the header, not this -->"
END_GENERATED = "<!-- end of generated text -->"
GENERATED = lazy(re.escape(BEGIN_GENERATED) + r".*?" + re.escape(END_GENERATED), re.DOTALL)
ITEM_LINE = lazy(r"  - (.+)")


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    author: str
    date: str
    place: str
    audience: str
    purpose: str
    headnote: str
    url: str
    licence: str
    licence_reason: str
    checked_against: str
    source_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    questions: tuple[str, ...]
    text: str
    path: Path
    lines: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)  # field: its line in the file
    date_note: str = ""
    translation: str = ""
    stored_text: str = ""
    compared_with: str = ""

    @property
    def words(self) -> int:
        """The excerpt's length in words, as a word processor counts them (runs of non-space)."""
        return len(self.text.split())


def folder() -> Path:
    return data_dir() / "documents"


def paths(where: Path | None = None) -> list[Path]:
    """The document files in `where` (data/documents/ by default), in name order; README.md is not one."""
    return sorted((where or folder()).glob("doc-*.md"))


def _read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    """The file's text, or None with the reason in `problems`: not a regular file (a folder named doc-*.md, a
    pipe), too big, a byte-order mark, not UTF-8 (at its line)."""
    try:
        info = os.stat(path)  # before opening: opening a pipe would wait for a writer for ever
    except OSError as error:
        problems.append(Problem(name, None, None, None, f"cannot be read ({error.strerror or error})"))
        return None
    if not stat.S_ISREG(info.st_mode):
        problems.append(Problem(name, None, None, None, "is not a regular file (a folder, a pipe or a device); a "
                                "document is a Markdown file called doc-YYYY-short-name.md"))
        return None
    if info.st_size > FILE_SIZE:
        problems.append(Problem(name, None, None, None, f"is {info.st_size:,} bytes, more than the {FILE_SIZE:,} a "
                                "document may have"))
        return None
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(name, 1, None, None, "starts with a byte-order mark (U+FEFF), which hides the "
                                "header's first '---'; save the file as UTF-8 without BOM"))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problems.append(Problem(name, line, None, repr(raw[error.start:error.end])[2:-1],
                                "is not UTF-8 (it was saved in another character set); save it as UTF-8"))
        return None


def _check_characters(name: str, lines: list[str], problems: list[Problem]) -> None:
    """Garbled text and characters no text may hold, at their line, named."""
    for number, line in enumerate(lines, start=1):
        original = characters.likely_original(line)
        if original is not None:
            problems.append(Problem(name, number, None, line, "holds text garbled by a wrong character set; it was "
                                    f"{original!r} before; save the file as UTF-8"))
            continue
        found = characters.first_forbidden(line.rstrip("\r"))
        if found is not None:
            problems.append(Problem(name, number, None, line, f"holds {found[0]}, {found[1]}"))


def read_document(path: Path, problems: list[Problem]) -> Document | None:
    """Parse one file; add every problem of form to `problems` and return None if it cannot be read."""
    name = f"documents/{path.name}"
    text = _read_text(path, name, problems)
    if text is None:
        return None
    lines = text.split("\n")
    before = len(problems)
    _check_characters(name, lines, problems)
    if len(problems) > before:
        return None
    if not lines or lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        problems.append(Problem(name, 1, None, None, "must start with a header between two '---' lines"))
        return None
    end = next(i for i, line in enumerate(lines) if i > 0 and line.strip() == "---")
    values: dict[str, str | list[str]] = {}
    where: dict[str, int] = {}
    current = None
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        item = ITEM_LINE.fullmatch(line.rstrip())
        if item:
            if current is None or current not in LIST_FIELDS:
                problems.append(Problem(name, number, current, line.strip(), "a '  - ' item belongs under a list field "
                                        f"({', '.join(LIST_FIELDS)})"))
            else:
                if item.group(1).strip() in values[current]:
                    problems.append(Problem(name, number, current, item.group(1).strip(), "is listed twice"))
                values[current].append(item.group(1).strip())
            continue
        match = FIELD_LINE.fullmatch(line.rstrip())
        if not match:
            problems.append(Problem(name, number, None, line, "is neither 'field: value' nor '  - item'"))
            current = None
            continue
        key, value = match.group(1), (match.group(2) or "").strip()
        if key not in TEXT_FIELDS + LIST_FIELDS + OPTIONAL_FIELDS:
            problems.append(Problem(name, number, key, None, "is not a field of a document; fields are "
                                    + ", ".join(TEXT_FIELDS + LIST_FIELDS + OPTIONAL_FIELDS)))
            current = None
            continue
        if key in values:
            problems.append(Problem(name, number, key, None, "is given twice"))
        if key in LIST_FIELDS:
            if value:
                problems.append(Problem(name, number, key, value, "is a list: put each item on its own '  - ' line"))
            values[key] = []
        else:
            values[key] = value
        where.setdefault(key, number)
        current = key
    for key in TEXT_FIELDS:
        if not values.get(key):
            problems.append(Problem(name, None, key, None, "is missing or empty"))
    for key in LIST_FIELDS:
        if not values.get(key):
            problems.append(Problem(name, None, key, None, "is missing or has no items"))
    if any(not values.get(key) for key in TEXT_FIELDS + LIST_FIELDS):
        return None
    return Document(text=GENERATED.sub("", "\n".join(lines[end + 1:])).strip(), path=path, lines=where,
                    **{key: values[key] for key in TEXT_FIELDS},
                    **{key: tuple(values[key]) for key in LIST_FIELDS},
                    **{key: values.get(key, "") for key in OPTIONAL_FIELDS})


def check(documents: list[Document], data: KitData, problems: list[Problem]) -> None:
    """The rules that need no parsing: ids, dates, licence, length, and every id known to the data."""
    events, sources = set(data.events["event_id"]), set(data.sources["source_id"])
    seen: dict[str, str] = {}
    for doc in documents:
        name = f"documents/{doc.path.name}"
        if not DOCUMENT_ID.fullmatch(doc.id):
            problems.append(Problem(name, None, "id", doc.id, "must look like doc-1924-short-name (lower case, hyphens)"))
        if doc.path.name != f"{doc.id}.md":
            problems.append(Problem(name, None, "id", doc.id, f"must match the file name: rename the file {doc.id}.md"))
        if doc.id in seen:
            problems.append(Problem(name, None, "id", doc.id, f"is also the id of {seen[doc.id]}"))
        seen.setdefault(doc.id, name)
        if not ISO_DATE.fullmatch(doc.date) or not _real_date(doc.date):
            problems.append(Problem(name, doc.lines.get("date"), "date", doc.date,
                                    "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD"))
        elif DOCUMENT_ID.fullmatch(doc.id) and not doc.id.startswith(f"doc-{doc.date[:4]}-"):
            problems.append(Problem(name, None, "id", doc.id, f"must start with doc-{doc.date[:4]}-, the year of its date"))
        if doc.licence not in LICENCES:
            problems.append(Problem(name, None, "licence", doc.licence, "must be one of " + ", ".join(LICENCES)))
        if not re.match(r"https?://", doc.url):
            problems.append(Problem(name, None, "url", doc.url, "must be the web address where the text can be read"))
        if not MIN_WORDS <= doc.words <= MAX_WORDS:
            problems.append(Problem(name, None, "text", str(doc.words),
                                    f"the excerpt must have {MIN_WORDS} to {MAX_WORDS} words"))
        if doc.licence == "public-domain":
            stored = doc.path.parent / doc.stored_text if doc.stored_text else None
            if stored is None or not doc.stored_text.startswith("sources/") or not stored.is_file():
                problems.append(Problem(name, None, "stored_text", doc.stored_text or None,
                                        "a public-domain document names the file under sources/ it was cut from "
                                        "(sources/<id>.txt, its first line saying where it was read)"))
        elif doc.licence == "fair-use-quotation" and not doc.compared_with:
            problems.append(Problem(name, None, "compared_with", None,
                                    "a fair-use excerpt says which printed edition and page it was compared with"))
        if not MIN_QUESTIONS <= len(doc.questions) <= MAX_QUESTIONS:
            problems.append(Problem(name, None, "questions", str(len(doc.questions)),
                                    f"give {MIN_QUESTIONS} or {MAX_QUESTIONS} sourcing or close-reading questions"))
        for event_id in doc.event_ids:
            if event_id not in events:
                problems.append(Problem(name, None, "event_ids", event_id, "is not an event_id in events.csv"))
        for source_id in doc.source_ids:
            if source_id not in sources:
                problems.append(Problem(name, None, "source_ids", source_id, "is not a source_id in sources.csv"))


def written_date(iso: str) -> str:
    """An ISO date at its precision as people write it: 1 February 1924, November 1923, 1928."""
    parts = [int(part) for part in iso.split("-")]
    words = [str(parts[0])]
    if len(parts) > 1:
        words.insert(0, calendar.month_name[parts[1]])
    if len(parts) > 2:
        words.insert(0, str(parts[2]))
    return " ".join(words)


def _lines(text: str) -> str:
    return " ".join(text.split())


def generated_head(doc: Document) -> str:
    """What a student reads before the excerpt: the title, who wrote it, when, where, and the headnote."""
    facts = [f"**Written by:** {_lines(doc.author)}", f"**Date:** {written_date(doc.date)}",
             f"**Place:** {_lines(doc.place)}"]
    if doc.translation:
        facts.append(f"**Translation:** {_lines(doc.translation)}")
    return "\n".join([BEGIN_GENERATED, "", f"# {_lines(doc.title)}", "", "  \n".join(facts), "",
                      f"**Before you read.** {_lines(doc.headnote)}", "", "## The document", "", END_GENERATED])


def generated_questions(doc: Document) -> str:
    """What a student reads after the excerpt: the questions, numbered as the teacher's key numbers them."""
    numbered = [f"{number}. {_lines(question)}" for number, question in enumerate(doc.questions, start=1)]
    return "\n".join([BEGIN_GENERATED, "", "## Questions", "", *numbered, "", END_GENERATED])


def _real_date(iso: str) -> bool:
    try:
        datetime.date.fromisoformat(iso if len(iso) == 10 else f"{iso}-01" if len(iso) == 7 else f"{iso}-01-01")
    except ValueError:
        return False
    return True


def with_generated_body(path: Path, doc: Document) -> str:
    """The file's text with its header kept as it is and the body rebuilt: generated head, excerpt, questions."""
    lines = path.read_text(encoding="utf-8").split("\n")
    end = next(i for i, line in enumerate(lines) if i > 0 and line.strip() == "---")
    header = "\n".join(lines[:end + 1])
    return f"{header}\n\n{generated_head(doc)}\n\n{doc.text}\n\n{generated_questions(doc)}\n"


def load_documents(where: Path | None = None, data: KitData | None = None) -> list[Document]:
    """Every document in `where` (data/documents/ by default), checked against `data` (the kit's data by default).

    Reading the files (every line's characters, with ftfy for garbled text) is done once per kernel and kept for
    the user's next kernel (data_cache.py), as long as the files are the same bytes; what is checked against the
    data is checked on every call."""
    problems: list[Problem] = []
    listed = paths(where)
    key = _files_key(where or folder(), listed)
    found = _READ.get(key) if key is not None else None
    if found is None and key is not None:
        kept = data_cache.read(key, prefix=KEPT_AS)
        found = kept if isinstance(kept, list) and all(isinstance(doc, Document) for doc in kept) else None
    if found is None:
        found = [doc for doc in (read_document(path, problems) for path in listed) if doc is not None]
        if key is not None and not problems:  # a file with a problem is read again, and its problem named, every time
            data_cache.write(key, found, prefix=KEPT_AS)
    if key is not None and not problems:
        _READ.clear()
        _READ[key] = found
    found = list(found)  # the caller's own list (a Document is frozen)
    check(found, data if data is not None else load(), problems)
    if problems:
        raise DataError(problems)
    return found


_READ: dict[bytes, list[Document]] = {}  # the documents last read in this kernel, by _files_key
KEPT_AS = "documents-"  # their file in the user's cache


def _files_key(where: Path, listed: list[Path]) -> bytes | None:
    """A digest of the folder and of each document file's name and bytes: what reading them gives depends on
    nothing else. None when a file is not a regular file of a document's size: reading it names its problem."""
    digest = hashlib.blake2b(f"{where}\0{where.resolve()}\0".encode())  # the Documents hold their paths as given
    for path in listed:
        try:
            info = os.stat(path)  # before opening: opening a pipe would wait for a writer for ever
            if not stat.S_ISREG(info.st_mode) or info.st_size > FILE_SIZE:
                return None
            content = path.read_bytes()
        except OSError:
            return None
        digest.update(f"{path.name}\0{len(content)}\0".encode() + content)
    return digest.digest()


def as_table(documents: list[Document]) -> pd.DataFrame:
    """One row per document: id, date, title, author, licence, words, event_ids, source_ids (joined by ';')."""
    return pd.DataFrame([{"id": d.id, "date": d.date, "title": d.title, "author": d.author, "licence": d.licence,
                          "words": d.words, "event_ids": ";".join(d.event_ids), "source_ids": ";".join(d.source_ids)}
                         for d in documents])


def bearing_on(event_id: str, documents: list[Document]) -> list[Document]:
    """The documents whose event_ids include `event_id`."""
    return [d for d in documents if event_id in d.event_ids]
