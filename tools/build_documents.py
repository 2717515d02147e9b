"""Write into each document's body what a student needs to see, generated from its header, and the list of the
documents in data/documents/README.md.

JupyterLab's Markdown view hides a file's header, so a student who opens a document from a notebook would see the
excerpt alone. This writes the title, author, date, place, translation and headnote before the excerpt, and the
questions after it, between marker comments, from the header (one fact, one place: edit the header, then run
this). Each file is written whole or not at all.

    PYTHONPATH=notebooks python tools/build_documents.py            # rewrite every document whose body is out of date
    PYTHONPATH=notebooks python tools/build_documents.py --check    # list those documents and exit 1; change nothing
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import re

from breaking_isolation import documents
from breaking_isolation.atomic import write_text

LIST_START = "<!-- The list is written by tools/build_documents.py from the documents' headers: edit those, not this. -->"
LIST_END = "<!-- end of the list -->"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def document_list(docs: list[documents.Document]) -> str:
    """The README's list: how many documents the kit holds, and each one's date, title and author."""
    rows = [f"| {documents.written_date(d.date)} | [{_cell(d.title)}]({d.id}.md) | {_cell(d.author)} |" for d in docs]
    return "\n".join([LIST_START, "", f"The kit holds {len(docs)} documents, in order of date.", "",
                      "| Date | Document | Written by |", "|---|---|---|", *rows, "", LIST_END])


def with_document_list(readme: str, docs: list[documents.Document]) -> str:
    if LIST_START not in readme:
        return readme
    return re.sub(re.escape(LIST_START) + r".*?" + re.escape(LIST_END), lambda _: document_list(docs), readme,
                  flags=re.DOTALL)


def stale(where: Path | None = None, data=None) -> dict[Path, str]:
    """Each document whose file differs from its rebuilt text, with that text; and the README's list."""
    out = {}
    docs = documents.load_documents(where, data)
    for doc in docs:
        text = documents.with_generated_body(doc.path, doc)
        if doc.path.read_text(encoding="utf-8") != text:
            out[doc.path] = text
    readme = (where or ROOT / "data" / "documents") / "README.md"
    if readme.is_file():
        old = readme.read_text(encoding="utf-8")
        if (new := with_document_list(old, sorted(docs, key=lambda d: (d.date, d.id)))) != old:
            out[readme] = new
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list out-of-date documents and exit 1; write nothing")
    args = parser.parse_args(argv)
    todo = stale()
    for path, text in todo.items():
        if args.check:
            print(f"out of date: {path.relative_to(ROOT)}")
        else:
            write_text(path, text)
            print(f"wrote {path.relative_to(ROOT)}")
    return 1 if (args.check and todo) else 0


if __name__ == "__main__":
    sys.exit(main())
