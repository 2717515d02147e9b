"""Documents meet the CSVs' standard: every file that cannot be a document, every garbled or hidden character,
impossible date and repeated id is a DataError naming the file and the line. Each case is made here from a
valid fixture, in a temporary folder."""

import os
import shutil
import signal
from pathlib import Path

import pandas as pd
import pytest
from breaking_isolation import documents
from breaking_isolation.loader import DataError, KitData

VALID = Path(__file__).parent / "fixtures" / "documents" / "valid"
NAME = "doc-1924-sample-note.md"


def data() -> KitData:
    return KitData(events=pd.DataFrame({"event_id": ["1924-note", "1927-break"]}), actors=pd.DataFrame(),
                   sources=pd.DataFrame({"source_id": ["src-a", "src-b"]}))


def text() -> str:
    return (VALID / NAME).read_text(encoding="utf-8")


def edit(old: str, new: str):
    def change(path: Path) -> None:
        assert old in text(), old
        path.write_bytes(text().replace(old, new, 1).encode("utf-8"))
    return change


def as_bytes(make):
    def change(path: Path) -> None:
        path.write_bytes(make(text()))
    return change


def fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "README").write_text("a folder named like a document\n")


def device(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def big(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(2_000_000)


# case: (how the file is spoiled, the line named (None: the file as a whole), words of the message)
CASES = {
    "windows-1252": (as_bytes(lambda t: t.replace("A sample note", "A sample note, Genève").encode("cp1252")), 3,
                     "not UTF-8"),
    "utf-16": (as_bytes(lambda t: t.encode("utf-16")), 1, "not UTF-8"),
    "byte-order-mark": (as_bytes(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")), 1, "byte-order mark"),
    "folder-named-like-a-document": (folder, None, "not a regular file"),
    "fifo": (fifo, None, "not a regular file"),
    "device": (device, None, "not a regular file"),
    "over-a-megabyte": (big, None, "2,000,000 bytes"),
    "30-february": (edit("date: 1924-02-01", "date: 1924-02-30"), 5, "real date"),
    "month-13": (edit("date: 1924-02-01", "date: 1924-13"), 5, "real date"),
    "arabic-indic-digits-in-the-date": (edit("date: 1924-02-01", "date: \u0661\u0669\u0662\u0664-02-01"), 5,
                                        "real date"),
    "repeated-event-id": (edit("  - 1924-note\n", "  - 1924-note\n  - 1924-note\n"), 19, "listed twice"),
    "repeated-question": (edit("  - For whom?\n", "  - For whom?\n  - For whom?\n"), 22, "listed twice"),
    "mojibake-in-the-title": (edit("A sample note", "A sample note, Genève".encode().decode("cp1251")), 3, "Genève"),
    "zero-width-space-in-the-title": (edit("A sample note", "A sample\u200bnote"), 3, "U+200B"),
    "replacement-character-in-the-excerpt": (edit("word word word", "word w\ufffdrd word"), 24, "U+FFFD"),
    "tag-characters-in-the-url": (edit("https://example.org/note", "https://example.org/note\U000e0041"), 12,
                                  "U+E0041"),
    "bidi-override-in-the-author": (edit("A foreign minister", "A foreign \u202eretsinim"), 4, "U+202E"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_spoiled_document_is_a_data_error_naming_its_file_and_line(case, tmp_path):
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    (tmp_path / "doc-1927-second-note.md").unlink()
    spoil, line, words = CASES[case]
    spoil(tmp_path / NAME)
    signal.alarm(20)  # a pipe opened for reading would wait for ever: fail instead of hanging the suite
    try:
        with pytest.raises(DataError) as caught:
            documents.load_documents(tmp_path, data())
    finally:
        signal.alarm(0)
    here = [p for p in caught.value.problems if p.file == f"documents/{NAME}" and p.row == line]
    assert any(words in p.message or words in (p.value or "") for p in here), str(caught.value)


def test_the_valid_fixture_itself_loads(tmp_path):
    """The cases above fail because of their one change, not because the fixture they start from is bad."""
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    assert [d.id for d in documents.load_documents(tmp_path, data())] == ["doc-1924-sample-note",
                                                                         "doc-1927-second-note"]
