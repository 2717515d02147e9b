"""Write the bad-file corpus: one folder per case, holding the one file that differs from base/.

    python tests/bad_data/make_cases.py

Each case is a small change to a good data set (base/), as a teacher, a spreadsheet or a hostile tester
would make it. cases.json records, for each, the file, the spreadsheet row and column the loader must name,
words its message must hold, and whether the standard Frictionless validator can catch it too (data/README.md,
"Rules only the loader checks", says why not where it cannot). tests/test_bad_data.py runs them all, and fails
when the files on disk are not what this script writes.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = HERE / "base"
FOLDER = object()  # the case puts a folder where the file should be
ABSENT = object()  # the case removes the file
RECORDED = object()  # the file was written by a real program (a spreadsheet), kept as it came


def text(name: str) -> str:
    return (BASE / name).read_text(encoding="utf-8")


def replace(old: str, new: str, count: int = 1):
    def change(data: str) -> str:
        assert old in data, old
        return data.replace(old, new, count)
    return change


def lines(data: str) -> list[str]:
    return data.splitlines(keepends=True)


def insert_line(at: int, line: str):
    """Insert `line` so that it becomes line `at` (1-based) of the file."""
    def change(data: str) -> str:
        rows = lines(data)
        return "".join(rows[: at - 1] + [line] + rows[at - 1:])
    return change


def mojibake(data: str, codec: str = "cp1252") -> str:
    """What a spreadsheet writes when it reads UTF-8 as `codec` and saves the file as UTF-8 again."""
    return data.encode("utf-8").decode(codec, errors="replace" if codec == "cp1252" else "strict")


def only_header(data: str) -> str:
    return lines(data)[0]


E, A, S = "events.csv", "actors.csv", "sources.csv"
CASES = [
    # name, file, change (text -> text, or bytes -> bytes when marked raw), row, column, message words, Frictionless?
    # and, when the problem shows in another file than the one changed, that file
    # --- reading: encodings, delimiters, quoting, field counts, line ends, empty files ---
    ("semicolon-delimiter", E, lambda d: d.replace(",", ";"), 1, None, "uses ';' between columns", True),
    ("tab-delimiter", E, lambda d: d.replace(",", "\t"), 1, None, "uses tabs between columns", True),
    ("unquoted-comma", E, replace("A note from Ramsay MacDonald’s government.",
                                  "A note from Ramsay MacDonald’s government, in London."), 3,
     "date_note", "in quotes", True),
    ("extra-field-on-one-row", E, replace(",cooperative,treaty-text,,\n", ",cooperative,treaty-text,,,x\n"), 2,
     "date_note", "13 fields", True),
    ("trailing-empty-fields", E, lambda d: "".join(r if i == 0 else r.replace("\n", ",,,\n") for i, r in enumerate(lines(d))),
     2, "date_note", "empty field(s) after the last column", True),
    ("row-cut-short", E, replace(",neutral,carr-1953,,\n", ",neutral,carr-1953\n"), 4, "alt_dates",
     "the row stops before 'alt_dates'", True),
    ("unclosed-quote", E, replace('begin.",cooperative', 'begin.,cooperative'), 6, "description", "never closed", True),
    ("text-after-closing-quote", E, replace('"Germany and Soviet Russia waive their claims, and trade."',
                                            '"Germany and Soviet Russia waive their claims" and trade.'), 2,
     "description", "double quote in the middle of a value", False),
    ("quote-inside-unquoted-value", E, replace("Britain recognises the USSR", 'Britain "recognises" the USSR'), 3,
     "title", "double quote in the middle of a value", False),
    ("empty-file", E, lambda d: "", None, None, "empty", True),
    ("bom-only", E, ("raw", lambda b: b"\xef\xbb\xbf"), None, None, "empty", True),
    ("only-line-breaks", S, lambda d: "\n\n\n", None, None, "empty", True),
    ("header-only-events", E, only_header, None, None, "no rows", False),
    ("header-only-actors", A, only_header, None, None, "no rows", True),  # Frictionless: the events' actors are unknown
    ("header-only-sources", S, only_header, None, None, "no rows", False),
    ("blank-line", E, insert_line(4, "\n"), 4, "event_id", "this row is empty", True),
    ("row-of-commas", E, insert_line(3, "," * 11 + "\n"), 3, "event_id", "this row is empty", True),
    ("blank-line-then-bad-date", E, lambda d: insert_line(3, "\n")(d).replace("1924-05-31", "1924-05-32"), 6, "date",
     "not a real date", True),
    ("folder-instead-of-file", E, FOLDER, None, None, "is a folder", True),
    ("missing-file", S, ABSENT, None, None, "file not found", True),
    ("windows-1252", E, ("raw", lambda b: b.decode("utf-8").encode("cp1252")), 3, "description", "not UTF-8", True),
    ("utf-16", E, ("raw", lambda b: b"\xff\xfe" + b.decode("utf-8").encode("utf-16-le")), None, None, "UTF-16", True),
    ("spreadsheet-file", E, ("raw", lambda b: b"PK\x03\x04" + b"\x00" * 60), None, None, "spreadsheet file", True),
    ("mojibake-cp1252", E, mojibake, 3, "description", "garbled", False),
    ("mojibake-in-a-name", A, lambda d: d.replace("Hungary", "Hungary (Magyarország)").encode("utf-8").decode("cp1252"),
     6, "name", "Magyarország", False),
    ("libreoffice-default-import", E, RECORDED, 3, "description", "garbled", False),
    ("mojibake-latin-1", E, lambda d: mojibake(d, "latin-1"), 3, "description", "garbled", True),
    # --- invisible and control characters ---
    ("nul-character", E, replace("waive their claims", "waive their\x00 claims"), 2, "description", "control character", True),
    ("zero-width-space-in-name", A, replace("Soviet Union", "Soviet\u200bUnion"), 3, "name", "U+200B", True),
    ("zero-width-space-in-id", E, replace(",britain,ussr,", ",britain,ussr\u200b,"), 3, "counterpart", "U+200B", True),
    ("byte-order-mark-in-a-value", E, replace("Treaty of Rapallo", "\ufeffTreaty of Rapallo"), 2, "title", "U+FEFF", True),
    ("tab-in-title", E, replace("Treaty of Rapallo", "Treaty of\tRapallo"), 2, "title", "a tab", True),
    ("soft-hyphen", E, replace("Sino-Soviet agreement", "Sino-Soviet agree\u00adment"), 5, "title", "U+00AD", True),
    ("right-to-left-override", E, replace("begin.", "\u202enigeb"), 6, "description", "U+202E", True),
    # --- dates ---
    ("day-30-february", E, replace("1924-02-01", "1924-02-30"), 3, "date", "not a real date", True),
    ("month-13", E, replace("1919-03", "1919-13"), 4, "date", "not a real date", True),
    ("29-february-1900", E, replace("1922-04-16", "1900-02-29"), 2, "date", "not a real date", True),
    ("year-2090", E, replace("1933-11-16", "2090-01-01"), 6, "date", "outside the years", True),
    ("year-9999", E, replace("1933-11-16", "9999-12-31"), 6, "date", "outside the years", True),
    ("year-0000", E, replace("1933-11-16", "0000"), 6, "date", "outside the years", True),
    ("actor-born-in-1850", A, replace("1917-11-07", "1850"), 2, "start_date", "outside the years", True),
    ("spreadsheet-date", E, replace("1922-04-16", "4/16/1922"), 2, "date", "spreadsheet date", True),
    ("end-before-start", E, replace("1919-03,1919-08", "1919-03,1918-08"), 4, "end_date", "before date", False),
    ("id-year-not-date-year", E, replace("1933-roosevelt,1933-11-16", "1933-roosevelt,1932-11-16"), 6, "event_id",
     "year of its date", False),
    # --- ids, vocabularies, keys ---
    ("actor-is-counterpart", E, replace(",germany,rsfsr,", ",rsfsr,rsfsr,"), 2, "counterpart", "same as actor", False),
    ("unknown-source-id", E, replace(",cooperative,carr-1953,,\n1933", ",cooperative,carr-1953;hearsay,,\n1933"), 5,
     "source_ids", "'hearsay'", False),
    ("alt-dates-without-source", E, replace("1924-02-02@carr-1953", "1924-02-02"), 3, "alt_dates", "DATE@source_id", True),
    ("alt-dates-unknown-source", E, replace("1924-02-02@carr-1953", "1924-02-02@hearsay"), 3, "alt_dates",
     "DATE@source_id", False),
    ("alt-dates-impossible-date", E, replace("1924-02-02@carr-1953", "1924-02-31@carr-1953"), 3, "alt_dates",
     "DATE@source_id", True),
    ("actor-outside-its-lifespan", E, replace(",germany,rsfsr,", ",germany,ussr,"), 2, "counterpart", "did not exist", False),
    ("edge-spaces-in-title", E, replace("Treaty of Rapallo", " Treaty of Rapallo "), 2, "title", "spaces", True),
    ("line-break-ending-a-title", E, replace(",Treaty of Rapallo,", ',"Treaty of Rapallo\n",'), 2, "title", "spaces", False),
    ("title-too-long", E, replace("Treaty of Rapallo", "Treaty of Rapallo" + " and more" * 8), 2, "title",
     "longer than 80", True),
    ("one-megabyte-title", E, replace("Treaty of Rapallo", "x" * 1_000_000), 2, "title", "longer than 80", True),
    ("duplicate-event-id", E, replace("1924-beijing,", "1924-britain,"), 5, "event_id", "repeats an id", True),
    ("unknown-kind", E, replace(",incident,", ",rupture,"), 4, "kind", "is not one of", True),
    ("unknown-actor", E, replace(",hungary,rsfsr,", ",prussia,rsfsr,"), 4, "actor", "not an actor_id", True),
    ("unknown-belongs-to", A, replace(",government,china,", ",government,chna,"), 9, "belongs_to", "not an actor_id", True),
    ("bad-wikidata", A, replace("Q15180", "15180"), 3, "wikidata", "Wikidata", True),
    ("upper-case-id", E, replace("1922-rapallo,", "1922-Rapallo,"), 2, "event_id", "not a valid id", True),
    ("unknown-source-kind", S, replace(",primary,", ",archive,"), 2, "kind", "is not one of", True),
    ("required-value-empty", E, replace("A note from Ramsay MacDonald’s government.", ""), 3, "description",
     "required but empty", True),
    # --- headers ---
    ("missing-column", E, replace(",tone,", ",mood,"), 1, "tone", "missing from the header", True),
    ("unknown-column", S, lambda d: "".join(r.replace("\n", ",extra\n") for r in lines(d)), 1, "extra",
     "unknown column", True),
    ("repeated-column", S, replace("source_id,citation,url,kind,note", "source_id,citation,url,kind,kind"), 1, "kind",
     "repeats this column", True),
    ("empty-columns-right-of-the-header", S, lambda d: "".join(r.replace("\n", ",,\n") for r in lines(d)), 1, "note",
     "empty column(s) after this one", True),
    ("column-name-with-spaces", E, replace(",tone,", ",tone ,"), 1, "tone ", "spaces", False),
    # --- garbled text from every code page a spreadsheet may pick, named with its likely original ---
    ("mojibake-cp1251", E, lambda d: mojibake(d, "cp1251"), 3, "description", "MacDonald’s", False),
    ("mojibake-cp1250", E, lambda d: mojibake(d, "cp1250"), 3, "description", "MacDonald’s", False),
    ("mojibake-mac-roman", E, lambda d: mojibake(d, "mac_roman"), 3, "description", "MacDonald’s", False),
    ("mojibake-cp437", E, lambda d: mojibake(d, "cp437"), 3, "description", "MacDonald’s", False),
    ("mojibake-cp850", E, lambda d: mojibake(d, "cp850"), 3, "description", "MacDonald’s", False),
    ("mojibake-koi8-r", E, lambda d: mojibake(d, "koi8_r"), 3, "description", "MacDonald’s", False),
    ("blucher-read-as-cp1251", A, replace("Germany,state", "Blücher".encode().decode("cp1251") + ",state"), 4,
     "name", "Blücher", False),
    ("mojibake-twice", E, lambda d: mojibake(mojibake(d)), 3, "description", "garbled", False),
    ("mojibake-cp1251-in-a-title", E, replace("Béla Kun’s republic", "Béla Kun’s republic".encode().decode("cp1251")),
     4, "title", "Béla Kun’s republic", False),
    # --- characters no value may hold, each named ---
    ("replacement-character", E, replace("Treaty of Rapallo", "Treaty of Rap\ufffdllo"), 2, "title", "U+FFFD", False),
    ("noncharacter-fffe", E, replace("Treaty of Rapallo", "Treaty of Rapallo\ufffe"), 2, "title", "U+FFFE", False),
    ("noncharacter-fdd0", E, replace("waive their claims", "waive their\ufdd0 claims"), 2, "description", "U+FDD0",
     False),
    ("tag-characters", E, replace("Treaty of Rapallo", "Treaty of Rapallo\U000e0041\U000e0042"), 2, "title",
     "U+E0041 TAG LATIN CAPITAL LETTER A", False),
    ("hangul-filler-in-a-name", A, replace("Soviet Union", "Soviet\u3164Union"), 3, "name", "U+3164", False),
    ("halfwidth-filler", E, replace("waive their claims", "waive their\uffa0claims"), 2, "description", "U+FFA0",
     False),
    ("arabic-letter-mark", E, replace("Treaty of Rapallo", "Treaty of\u061c Rapallo"), 2, "title", "U+061C", False),
    ("left-to-right-mark-in-an-id", E, replace(",britain,ussr,", ",britain,ussr\u200e,"), 3, "counterpart", "U+200E",
     True),
    ("private-use-character", E, replace("Treaty of Rapallo", "Treaty of \ue000Rapallo"), 2, "title", "U+E000",
     False),
    ("c1-control-character", E, replace("waive their claims", "waive their\x9d claims"), 2, "description", "U+009D",
     True),
    ("c1-ellipsis-read-as-latin-1", E, replace("waive their claims", "waive their\x85 claims"), 2, "description",
     "their… claims", True),
    ("word-joiner", E, replace("Treaty of Rapallo", "Treaty of\u2060 Rapallo"), 2, "title", "U+2060", True),
    ("invisible-separator", E, replace("waive their claims", "waive their\u2063 claims"), 2, "description",
     "U+2063", True),
    ("first-strong-isolate", S, replace("Chapters on the treaties.", "Chapters on the \u2068treaties.\u2069"), 3,
     "note", "U+2068", True),
    # --- letters of another script in an id or a vocabulary value: it looks right and is not ---
    ("cyrillic-a-in-a-kind", E, replace(",treaty,germany", ",tre\u0430ty,germany"), 2, "kind",
     "CYRILLIC SMALL LETTER A", True),
    ("cyrillic-a-in-an-actor", E, replace(",germany,rsfsr,", ",germ\u0430ny,rsfsr,"), 2, "actor",
     "CYRILLIC SMALL LETTER A", True),
    ("cyrillic-a-in-an-event-id", E, replace("1922-rapallo,", "1922-r\u0430pallo,"), 2, "event_id",
     "CYRILLIC SMALL LETTER A", True),
    ("cyrillic-o-in-a-tone", E, replace("trade.\",cooperative", "trade.\",c\u043eoperative"), 2, "tone",
     "CYRILLIC SMALL LETTER O", True),
    ("cyrillic-e-in-a-region", A, replace("rsfsr,Soviet Russia,state,,europe", "rsfsr,Soviet Russia,state,,\u0435urope"),
     2, "region", "CYRILLIC SMALL LETTER IE", True),
    ("greek-alpha-in-a-source-kind", S, replace(",primary,", ",prim\u03b1ry,"), 2, "kind", "GREEK SMALL LETTER ALPHA",
     True),
    ("fullwidth-letter-in-an-id", E, replace("1922-rapallo,", "1922-\uff52apallo,"), 2, "event_id",
     "FULLWIDTH LATIN SMALL LETTER R", True),
    ("cyrillic-in-belongs-to", A, replace(",government,china,", ",government,ch\u0456na,"), 9, "belongs_to",
     "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", True),
    ("cyrillic-in-source-ids", E, replace(",cooperative,treaty-text,", ",cooperative,tre\u0430ty-text,"), 2,
     "source_ids", "CYRILLIC SMALL LETTER A", True),
    # --- ids, Wikidata ids and dates take ASCII digits only ---
    ("arabic-indic-digits-in-a-date", E, replace("1922-04-16", "\u0661\u0669\u0662\u0662-04-16"), 2, "date",
     "ARABIC-INDIC DIGIT ONE", True),
    ("fullwidth-digits-in-a-date", E, replace("1924-05-31", "\uff11\uff19\uff12\uff14-05-31"), 5, "date",
     "FULLWIDTH DIGIT ONE", True),
    ("devanagari-digits-in-an-id", E, replace("1922-rapallo,", "\u0967\u096f\u0968\u0968-rapallo,"), 2, "event_id",
     "DEVANAGARI DIGIT ONE", True),
    ("arabic-indic-digits-in-wikidata", A, replace("Q15180", "Q\u0661\u0665\u0661\u0668\u0660"), 3, "wikidata",
     "ARABIC-INDIC DIGIT ONE", True),
    ("fullwidth-digit-in-a-start-date", A, replace("1917-11-07", "1917-11-0\uff17"), 2, "start_date",
     "FULLWIDTH DIGIT SEVEN", True),
    ("bengali-digits-in-alt-dates", E, replace("1924-02-02@carr-1953", "\u09e7\u09ef\u09e8\u09ea-02-02@carr-1953"),
     3, "alt_dates", "DATE@source_id", True),
    # --- nothing read without bound ---
    ("description-too-long", E, replace("A note from Ramsay MacDonald’s government.", "A note." + " More." * 700), 3,
     "description", "longer than 4,000", False),
    ("source-note-too-long", S, replace("Chapters on the treaties.", "Chapters." + " More." * 700), 3, "note",
     "longer than 4,000", False),
    ("date-note-too-long", E, replace("The note is dated the 1st.", "The note." + " More." * 700), 3, "date_note",
     "longer than 4,000", False),
    # --- rules between rows, named at their row (the change is in one file, the fault may show in another) ---
    ("relations-broken-never-established", E, replace("1919-08,incident,hungary", "1919-08,relations_broken,hungary"),
     4, "kind", "breaks off relations", False),
    ("standing-kind-with-moscow-on-both-sides", A, replace("britain,United Kingdom,state,,",
                                                           "britain,United Kingdom,organisation,ussr,"), 3,
     "counterpart", "Moscow on both sides", False, E),
    ("standing-kind-with-a-non-state", A, replace("usa,United States,state,,", "usa,United States,organisation,,"), 6,
     "actor", "neither a state", False, E),
    ("belongs-to-cycle", A, replace("china,China,state,,", "china,China,organisation,china-beijing,"), 8,
     "belongs_to", "circle", False),
    ("belongs-to-itself", A, replace(",government,china,", ",government,china-beijing,"), 9, "belongs_to", "circle",
     False),
    ("overlapping-recognised-governments", A, replace("hungary,Hungary,state,,europe,,,,,Q28,",
                                                      "hungary,Hungary,government,china,asia,,,1920,,Q28,"), 9,
     "recognised_from", "overlaps", False),
    ("overlapping-open-ended-government", A, replace("hungary,Hungary,state,,europe,,,,,Q28,",
                                                     "hungary,Hungary,government,china,asia,,,1928-06-01,,Q28,"), 9,
     "recognised_from", "overlaps", False),
]


def write(out: Path = HERE) -> list[dict]:
    """Write every case into `out` (the corpus itself by default; a test writes into a temporary folder and
    compares, so that it never changes the corpus it judges)."""
    manifest = []
    for name, file, change, row, column, says, frictionless, *shown_in in CASES:
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / file
        if change is FOLDER:
            target.mkdir(exist_ok=True)
            (target / "README").write_text("A folder where the kit expects a file.\n", encoding="utf-8")
        elif change is RECORDED:
            recorded = HERE / name / file
            assert recorded.is_file(), f"{recorded} is recorded from a real program; it must be kept in the corpus"
            if target != recorded:
                target.write_bytes(recorded.read_bytes())
        elif change is ABSENT:
            (folder / "README").write_text(f"{file} is missing from this case on purpose.\n", encoding="utf-8")
        elif isinstance(change, tuple):
            target.write_bytes(change[1]((BASE / file).read_bytes()))
        else:
            target.write_bytes(change(text(file)).encode("utf-8"))
        manifest.append({"case": name, "file": shown_in[0] if shown_in else file, "absent": change is ABSENT,
                         "row": row, "column": column,
                         "says": says, "frictionless": frictionless})
    (out / "cases.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


if __name__ == "__main__":
    print(f"wrote {len(write())} cases")
