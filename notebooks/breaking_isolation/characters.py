"""What is wrong with the characters of one value: garbled text, characters that must not be there, letters
of another script in an id. Used by the loader (every cell) and by the documents' reader (every field).

Each check names the character (U+200B ZERO WIDTH SPACE): the value looks right to the reader, so the
message must say what is wrong with it.
"""

from __future__ import annotations

import unicodedata

# The code pages a spreadsheet or an old editor reads UTF-8 with by mistake. ftfy undoes the common ones with
# its own judgement of what is plausible; the rest are tried one by one (undoing them must give valid UTF-8,
# which text in those code pages almost never is by chance).
CODE_PAGES = ("cp1252", "latin-1", "cp1251", "cp1250", "mac_roman", "cp437", "cp850", "koi8_r")
# Fillers that show as nothing but are letters (category Lo), so no category test finds them.
FILLERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}
UTF8_HINT = ("choose UTF-8 as the character set when opening the file in a spreadsheet, and save it as "
             "'CSV UTF-8'; data/README.md gives the steps")


def likely_original(value: str) -> str | None:
    """What `value` was before UTF-8 was read with a wrong code page and saved again, or None if it looks whole."""
    if value.isascii():
        return None
    import ftfy  # here, not at the top: ftfy and wcwidth take a tenth of a second to import

    fixed = ftfy.fix_encoding(value)
    if fixed != value and first_forbidden(fixed) is None:
        return fixed
    for code_page in CODE_PAGES:
        try:
            undone = value.encode(code_page).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if undone != value and first_forbidden(undone) is None:  # a private-use or control result is no original
            return undone
    return None


def name(character: str) -> str:
    """'U+200B ZERO WIDTH SPACE'."""
    return f"U+{ord(character):04X} {unicodedata.name(character, 'unnamed character')}"


def forbidden(character: str) -> str | None:
    """Why `character` may not stand in the kit's text, or None. Tab and line breaks are judged elsewhere."""
    code = ord(character)
    if character == "\ufffd":
        return "the replacement character, left where a character was lost in a conversion; retype it"
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return "a noncharacter, which no text may hold (and XML refuses); delete it"
    category = unicodedata.category(character)
    if category in ("Cc", "Cs") and character not in "\t\n\r":
        return "a control character; delete it"
    if category == "Cf" or character in FILLERS:
        return "an invisible character that changes the value without showing; delete it"
    if category == "Co":
        return "a private-use character, which shows differently on every machine; delete it"
    return None


def first_forbidden(value: str) -> tuple[str, str] | None:
    """(the character's name, why) for the first character `value` may not hold, or None."""
    if value.isascii() and value.isprintable():
        return None
    for character in value:
        if not (character.isascii() and character.isprintable()):
            why = forbidden(character)
            if why:
                return name(character), why
    return None


def foreign_letters(value: str) -> str:
    """The characters of an id or vocabulary value that are not plain ASCII, named ('' when there are none):
    a Cyrillic 'а' in 'treaty' looks right and is not."""
    if value.isascii():
        return ""
    return ", ".join(dict.fromkeys(name(c) for c in value if not c.isascii()))
