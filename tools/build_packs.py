"""Print one document pack per lesson (lessons/packs/), generated from the documents and their adapted versions.

Each pack has a printable .html copy beside it, as every handout and answer sheet has.
A pack holds the documents a lesson reads, each as printed (headnote, excerpt, questions) and in an adapted
version for weaker readers, marked "adapted" (simpler words, same meaning), with a vocabulary box. The adapted
versions are written by hand in lessons/adapted/<document id>.md; everything else comes from the documents, so a
pack never drifts from them. Each file is written whole or not at all.

    PYTHONPATH=notebooks python tools/build_packs.py            # rewrite every pack that is out of date
    PYTHONPATH=notebooks python tools/build_packs.py --check    # list out-of-date packs and exit 1; change nothing
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from breaking_isolation import documents, markup
from breaking_isolation.atomic import write_text

OUT = ROOT / "lessons" / "packs"
ADAPTED = ROOT / "lessons" / "adapted"
WORDS_PER_PAGE = 550          # an A4 page of 11-point text with headings, as the plans print
# Adapted texts are for weak readers: every one in lessons/adapted/ reads at this Flesch-Kincaid grade or below
# (measured offline, as tests/readability.py does), the grade the kit sets for the prose students read in its
# notebooks. A quotation inside an adapted text stays word for word the original's, and a cut is marked [...].
ADAPTED_GRADE = 9
# lesson file stem: (the lesson's title, its documents in the order the lesson reads them)
PACKS = {
    "01-recognition": ("Lesson 1: Recognition over time",
                       ["doc-1921-trade-agreement-preamble", "doc-1924-british-note-of-recognition",
                        "doc-1927-commons-debate-break"]),
    "02-network": ("Lesson 2: The relations network",
                   ["doc-1922-rapallo-treaty", "doc-1923-sun-joffe-manifesto", "doc-1924-sino-soviet-agreement"]),
    "04-documents": ("Lesson 4: Reading documents against the data",
                     ["doc-1924-british-note-of-recognition", "doc-1927-commons-debate-break"]),
    # The four texts of the debate that exercise C and the controversy read; the Sun-Joffe statement, an
    # extension in lesson 5, is document B of lesson 2's pack.
    "05-china": ("Lesson 5: Moscow and the Chinese revolution",
                 ["doc-1927-stalin-theses", "doc-1927-trotsky-critique", "doc-1927-stalin-reply-marchulin",
                  "doc-1927-trotsky-plenum-statement"]),
}
# A pack prints on three or four A4 pages; lesson 5's, with its role cards and the four texts of its debate, each
# followed by any other text its questions read (read_beside), on ten at 12 pt: each side's half on five.
# The estimate below counts words (`pages`).
MOST_PAGES = {"05-china": 10}
# Packs printed in halves, one per side of a debate (HALF_CSS): each half, the side's role card and its documents,
# starts a new page and flows on without a page left near-empty, so that a teacher can hand each side its own half.
PRINTED_IN_HALVES = {"05-china"}
# Lesson 5's structured academic controversy: one card per side, each heading its side's half of the pack (each
# pair argues one side in round 1 and the other in round 2: the two pairs of a group swap halves). The pairs are
# numbered, never lettered, since the documents are lettered A to D. A card's events are rendered
# from data/events.csv and its documents named from the pack, never retyped. Each card carries its own side's
# evidence only, and neither states a verdict: no outcome after the debate (30 May 1927) and no point of the other
# side's is printed on a card.
# (side, who argues it, position, the case in the side's own terms, two events (id, how many sentences of its
# description the card prints: the rest is in data/events.csv, and for the debate's own events in handout 5's
# section D, up to the plenum (the appendix prints no descriptions); words left out of those sentences, each printed
# as [...]), the side's documents, a caution, what a historian of neither side says (HISTORIAN))
ROLE_CARDS = {
    "05-china": [
        ("Stalin's line", "pair 1 in round 1, pair 2 in round 2",
         "The Chinese Communists were right to stay in the Kuomintang and, after Chiang's coup of 12 April 1927, "
         "to back the left Kuomintang's government at Wuhan.",
         "The Communists were a small party. Leaving the Kuomintang would have cut them off from the masses it "
         "led and handed its army to Chiang. Chiang's coup split the Kuomintang: its left, at Wuhan, was still a "
         "revolutionary government, so the alliance should go on with Wuhan, and soviets set up at once would "
         "break it.",
         # The theses' event names the other side's objection in a parenthesis, which the card leaves out; the
         # Northern Expedition shows what the alliance had won by 1927.
         [("1927-stalin-theses-china", 1,
           ("(Trotsky wrote that the Central Committee's plenum never discussed them)",)),
          ("1926-northern-expedition", 1, ())],
         ["doc-1927-stalin-theses", "doc-1927-stalin-reply-marchulin"],
         "The printed excerpts of Stalin's texts do not mention the Kuomintang or Wuhan: for that part of the case, "
         "cite the two events (the kit's summaries) and the historian below, not Stalin's words.",
         "pantsov"),
        ("The Opposition's line", "pair 2 in round 1, pair 1 in round 2",
         "The Chinese Communists should have built soviets and their own armed force, as a party independent of "
         "the Kuomintang. (Trotsky himself wanted them to leave it, but in May 1927 the Opposition did not yet "
         "call for that.)",
         "The alliance put the workers and peasants under generals who would turn on them, and Chiang had "
         "curbed the Communists once already, in March 1926, while Moscow kept the alliance. The leadership "
         "repeats its mistakes and will not let them be discussed. Soviets, armed workers and peasants, and an "
         "independent party were the way to keep the revolution from being smashed.",
         [("1927-trotsky-critique", 1, ()), ("1926-canton-coup", 2, ())],
         ["doc-1927-trotsky-critique", "doc-1927-trotsky-plenum-statement"],
         "Document B's opening is mostly about how the theses were approved: the Opposition's own proposals are "
         "in document D and in the first event.",
         "trotsky-1930"),
    ],
}
# What a historian says, for a card (one who belongs to neither side of the debate, with his verdict): quotations as read in data/source-text/historians-*.txt (the
# pack test checks each against it, word for word), each after the kit's words that say who wrote it, of what, and
# what to be careful of. (the kit's lead-in, the quotation, the kit's words after it)
HISTORIAN = {
    "pantsov": [
        ("Alexander Pantsov, who worked in the Soviet archives and is neither a Trotskyist nor a defender of Stalin, "
         "writes that in February 1927, before Chiang's coup, with the left Kuomintang's leader Wang Jingwei coming "
         "back,",
         "the Soviet leadership quite logically placed its hopes on the strengthening of the Guomindang's leftist "
         "faction.", ""),
        ("Of Wuhan after the coup, Pantsov and Steven Levine write that Borodin, Moscow's adviser there,",
         "intuitively grasped that any extremist demarche [by the communists] could precipitate the "
         "\u201cleftist\u201d Guomindang generals into the anticommunist camp.",
         "Careful: in the same passage, what Borodin held back from was Stalin's own new order after the coup, to "
         "radicalise the left Kuomintang at once."),
        ("And the same authors' verdict on Moscow's concessions to Chiang in the weeks before the coup is harsh:",
         "Stalin's policy was totally bankrupt.",
         "Your case has to answer it."),
    ],
}
# A card's caution from the kit's summary of an event: (event id, which sentence of its description, lead-in).
# The Opposition's card warns that Trotsky's later account of his own line is disputed.
EVENT_CAUTION = {
    "trotsky-1930": ("1927-trotsky-critique", 2, "Careful:"),
}
# Documents a lesson offers beyond what its 50 minutes read: printed apart (extension_render), marked optional.
EXTENSIONS = {
    "04-documents": ("Lesson 4, extension (optional: beyond documents A and B)",
                     ["doc-1927-chamberlain-note", "doc-1924-macdonald-protest-note", "doc-1924-zinoviev-letter"]),
}


def reference(doc_id: str) -> str:
    """How a class holding the printed packs finds a document: 'document A of pack 5', from the first pack that
    prints it; '' when no pack does."""
    for stem, (_, docs) in PACKS.items():
        if doc_id in docs:
            return f"document {chr(ord('A') + docs.index(doc_id))} of pack {int(stem[:2])}"
    return ""


GENERATED = "<!-- generated by tools/build_packs.py from data/documents/ and lessons/adapted/: edit those, not this -->"


def adapted(doc_id: str) -> tuple[str, list[tuple[str, str]]]:
    """The adapted text and the vocabulary (term, meaning) of one document."""
    text = (ADAPTED / f"{doc_id}.md").read_text(encoding="utf-8")
    body = text.split("## Adapted text", 1)[1].split("## Vocabulary", 1)[0].strip()
    words = re.findall(r"^- \*\*(.+?)\*\*: (.+)$", text.split("## Vocabulary", 1)[1], re.MULTILINE)
    return body, words


def _quoted(text: str, escape=lambda line: line) -> str:
    return "\n".join(f"> {escape(line)}".rstrip() for line in text.split("\n"))


# A document's text marks italic print as Markdown does, *in stars* (the Telegraph's introduction to the note of
# 1924, a treaty's printed title): escaped, the stars would print around it. Every other character stays escaped.
ITALIC = re.compile(r"\\\*(?=\S)(.+?)(?<=\S)\\\*", re.DOTALL)


def _document_quoted(text: str) -> str:
    """A document's text as a blockquote: data text escaped (markup.escape), its italic print set in italics."""
    return ITALIC.sub(r"*\1*", _quoted(text, markup.escape))


# A question that reads another document of the pack beside this one names it by its id or its pack letter.
DOC_ID = re.compile(r"\bdoc-\d{4}-[a-z0-9-]+[a-z0-9]")
DOC_LETTER = re.compile(r"\(document ([A-Z])\)")


def read_beside(doc, ids: list[str], first_letter: str = "A") -> list[tuple[int, str]]:
    """(question number, id) for each other document of the pack that one of `doc`'s questions reads beside it."""
    found = []
    for number, question in enumerate(doc.questions, start=1):
        named = DOC_ID.findall(question) + [ids[ord(letter) - ord(first_letter)] for letter in DOC_LETTER.findall(question)
                                            if 0 <= ord(letter) - ord(first_letter) < len(ids)]
        found += [(number, other) for other in dict.fromkeys(named) if other in ids and other != doc.id]
    return found


def _beside(number: int, letter: str, other) -> str:
    """The other document a question reads, printed again after the questions as its source prints it: a pack
    printed side by side (each side its own two documents) then still holds every text its questions need."""
    return "\n\n".join([
        f"### For question {number}: document {letter}, {markup.escape(other.title)}",
        f"*Printed again here, as in document {letter}, so that these pages are enough for the questions above.*",
        _document_quoted(other.text)])


def section(letter: str, doc, ids: list[str] = (), first_letter: str = "A") -> str:
    """One document of a pack. Every field from the document is data text, escaped (markup.escape): it shows as
    itself, never as a tag, a link, emphasis or mathematics. When a question reads another document of the pack
    beside this one, that document's text follows the questions (`read_beside`)."""
    body, vocabulary = adapted(doc.id)
    docs = {d.id: d for d in documents.load_documents()} if ids else {}
    beside = [_beside(n, chr(ord(first_letter) + list(ids).index(other)), docs[other])
              for n, other in read_beside(doc, list(ids), first_letter)]
    box = "| Word or phrase | Meaning |\n|---|---|\n" + "\n".join(f"| {t} | {m} |" for t, m in vocabulary)
    questions = "\n".join(f"{n}. {markup.escape(' '.join(q.split()))}" for n, q in enumerate(doc.questions, start=1))
    return "\n\n".join([
        f"## Document {letter}: {markup.escape(doc.title)}",
        f"*{markup.escape(' '.join(doc.author.split()).rstrip('.'))}; {documents.written_date(doc.date)}.* "
        f"Place: {markup.escape(' '.join(doc.place.split()).rstrip('.'))}. `{doc.id}`",
        f"**Before you read.** {markup.escape(' '.join(doc.headnote.split()))}",
        "### The document", _document_quoted(doc.text),
        "### The same document, adapted", ("*Adapted: simpler words, the same meaning. Quote the document above, "
        "not this version.*"), _quoted(body),
        "### Vocabulary", box,
        "### Questions", questions,
        *beside,
    ])


INTRO = ("Each document is printed as its source prints it (`[...]` marks "
             "a cut, square brackets the kit's own words), then in an adapted version for readers who want simpler "
             "words, with a box of the harder words.")


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _event_line(event, sentences: int, cuts: tuple[str, ...] = ()) -> str:
    """An event as a role card prints it: id, date, title and the first sentences of the kit's summary, all from
    data/events.csv, less the words `cuts` names; every cut is marked [...]."""
    said = SENTENCE_END.split(" ".join(event.description.split()))
    summary = " ".join(said[:sentences]) + (" [...]" if len(said) > sentences else "")
    for cut in cuts:
        if cut not in summary:   # the data was reworded: say so rather than print the words the card should drop
            raise ValueError(f"{event.event_id}: the words to leave out are no longer in its summary: {cut!r}")
        summary = summary.replace(cut, "[...]")
    return (f"- `{event.event_id}`, {documents.written_date(event.date_text)}: **{markup.escape(event.title)}.** "
            f"{markup.escape(summary)}")


def _nested(quote: str) -> str:
    """A quotation inside the card's double quotation marks: its own double marks printed single."""
    return quote.replace("\u201c", "\u2018").replace("\u201d", "\u2019")


def _weigh(key: str, events) -> str:
    """A card's last paragraph: a historian of neither side quoted (HISTORIAN), or a caution from the data
    (EVENT_CAUTION)."""
    if key in HISTORIAN:
        said = " ".join(f"{lead} \u201c{markup.escape(_nested(quote))}\u201d {after}".rstrip()
                        for lead, quote, after in HISTORIAN[key])
        return f"**What a historian says.** {said}"
    event_id, n, lead = EVENT_CAUTION[key]
    sentence = SENTENCE_END.split(" ".join(events.loc[event_id, "description"].split()))[n]
    return f"**{lead}** {markup.escape(sentence)} (`{event_id}`)"


# Sentence frames on each role card, for a weak reader to start from in the rounds (the blanks are theirs).
# The blanks are dotted lines, so that no underscore (Markdown's emphasis) prints on a pack.
FRAMES = ("**Sentence frames**, if you want them: \"Our side says ___ because ___ (event id ___).\" "
          "\"Document ___ shows this where it says \u2018___\u2019.\" "
          "\"The other side would answer ___, but ___.\"").replace("___", "\u2026" * 5)


def role_cards(stem: str, ids: list[str]) -> list[tuple[str, list[str]]]:
    """The pack's role cards, one per side, each with the ids of its side's documents; [] for a pack without."""
    if stem not in ROLE_CARDS:
        return []
    from breaking_isolation.loader import load  # noqa: PLC0415  (the events, only for the packs that print cards)

    events = load().events.set_index("event_id", drop=False)
    docs = {d.id: d for d in documents.load_documents()}
    cards = []
    for side, who, position, case, event_ids, doc_ids, caution, weigh in ROLE_CARDS[stem]:
        named = "; ".join(f"Document {chr(ord('A') + ids.index(d))}, {markup.escape(docs[d].title)}" for d in doc_ids)
        cards.append(("\n\n".join([
            f"## Role card: {side} ({who})",
            f"**Your position.** {position}",
            f"**Your case, in your side's terms.** {case}",
            "**Start from these two events** (the kit's summaries of what happened):",
            "\n".join(_event_line(events.loc[e], n, cut) for e, n, cut in event_ids),
            f"**Your documents.** {named}, after this card. Quote the documents, not this card. {caution}",
            _weigh(weigh, events),
            FRAMES,
        ]), doc_ids))
    return cards


HALVES = ("The pack is in two halves, one for each side of the controversy: the side's role card, then its two "
          "documents. Each half starts a new page and holds every text its questions read, so each can be printed "
          "and handed out alone. In round 2 the pairs switch sides: the two pairs of a group swap halves. What came "
          "after the plenum, which rounds 1 and 2 leave aside, is not in this pack: it is on the [consensus slip]"
          "(../handouts/05-china-consensus.md), which your teacher hands out after round 2.")


def _render(title: str, ids: list[str], first_letter: str = "A", stem: str = "") -> str:
    # Student material: it names its lesson but never links the teacher's plan or keys.
    docs = {d.id: d for d in documents.load_documents()}
    letter = {doc_id: chr(ord(first_letter) + i) for i, doc_id in enumerate(ids)}
    cards = role_cards(stem, ids) if stem else []
    if not cards:
        return "\n\n".join([f"# Document pack: {title}", GENERATED, INTRO,
                             *(section(letter[d], docs[d], ids, first_letter) for d in ids)]) + "\n"
    # A debate's pack: each side's half, its card and then its documents; a rule between the halves (a new page).
    halves = ["\n\n".join([card, *(section(letter[d], docs[d], ids, first_letter) for d in side_ids)])
              for card, side_ids in cards]
    return "\n\n".join([f"# Document pack: {title}", GENERATED, f"{INTRO} {HALVES}",
                         "\n\n***\n\n".join(halves)]) + "\n"


def render(stem: str) -> str:
    """The pack of the documents the lesson reads."""
    title, ids = PACKS[stem]
    return _render(title, ids, stem=stem)


def extension_render(stem: str) -> str:
    """The optional page of further documents, lettered after the pack's own."""
    title, ids = EXTENSIONS[stem]
    return _render(title, ids, chr(ord("A") + len(PACKS[stem][1])))


def pages(text: str) -> float:
    """Printed A4 pages, estimated from the words (tables and headings count as words)."""
    return len(re.sub(r"[|#>*`-]", " ", text).split()) / WORDS_PER_PAGE


# The second half starts a page (after the rule between the halves); within a half the documents flow on, a
# heading kept with what follows it and a list of questions or a word box whole, so no page is left near-empty.
HALF_CSS = ("@page { margin: 10mm 13mm; } body { font-size: 12pt; line-height: 1.3; } "
            "h3 + ol, table { break-inside: avoid; } p, li { orphans: 3; widows: 3; } "
            "hr { border: 0; margin: 0; break-after: page; }")


def printable(text: str, stem: str = "") -> str:
    """A pack as one self-contained HTML page to print from a browser, as the handouts and answer sheets have."""
    import build_handouts  # noqa: PLC0415  (beside this script in tools/; it imports this one lazily too)

    return build_handouts.printable(text, css=HALF_CSS if stem in PRINTED_IN_HALVES else "")


def wanted() -> dict[Path, str]:
    """Every pack, and its printable .html copy beside it."""
    out = {}
    for stem in PACKS:
        text = render(stem)
        out[OUT / f"{stem}-pack.md"] = text
        out[OUT / f"{stem}-pack.html"] = printable(text, stem)
    return out


def stale() -> dict[Path, str]:
    out = {}
    wanted_now = wanted()
    for path, text in wanted_now.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out[path] = text
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list out-of-date packs and exit 1; write nothing")
    args = parser.parse_args(argv)
    todo = stale()
    for path, text in todo.items():
        if args.check:
            print(f"out of date: {path.relative_to(ROOT)}")
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            write_text(path, text)
            print(f"wrote {path.relative_to(ROOT)}" + (f" (about {pages(text):.1f} A4 pages)" if path.suffix == ".md" else ""))
    return 1 if (args.check and todo) else 0


if __name__ == "__main__":
    sys.exit(main())
