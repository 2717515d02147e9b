"""The Country Study: its claims and verdicts live in data/country-study-claims.csv, every quotation of it in the
kit is its own words, and no file gives a claim another verdict than the data's."""

import csv
import html
import io
import json
import re
from pathlib import Path

import breaking_isolation as kit
import pytest
from breaking_isolation import country_study as cs

ROOT = Path(__file__).resolve().parents[1]
TEXT = cs.source_text()
CLAIMS = cs.load_claims(data=kit.load())

# Every file a reader meets that could quote the text: README, lessons, handouts, documents, glossary, notebooks
# (sources and stored outputs) and the data's free text.
SCANNED = sorted({ROOT / "README.md", ROOT / "notebooks" / "glossary.md", *ROOT.glob("lessons/**/*.md"),
                  *ROOT.glob("data/**/*.md"), *ROOT.glob("notebooks/*.ipynb"),
                  ROOT / "data" / "events.csv", ROOT / "data" / "sources.csv", ROOT / "data" / "actors.csv"})
QUOTED = re.compile(r'"([^"\n]{3,400})"|“([^”\n]{3,400})”')
WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> list[str]:
    return WORD.findall(cs.normalise(text).lower())


def _shingles(words: list[str], n: int = 5) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


TEXT_SHINGLES = _shingles(_words(TEXT))


def blocks(path: Path) -> list[str]:
    """The units a quotation is read in: a notebook cell (with its outputs), or a paragraph or table row."""
    if path.suffix == ".ipynb":
        out = []
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            # A code cell's strings are code, not quotations; what it shows (its outputs) is read.
            texts = ["".join(cell["source"])] if cell["cell_type"] == "markdown" else []
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                texts += ["".join(data.get(kind, "")) for kind in ("text/plain", "text/markdown")]
                page = "".join(data.get("text/html", ""))
                texts.append(html.unescape(re.sub(r"<[^>]+>", " ", page)))
                texts += [f'The Country Study says "{q}"' for q in table_quotations(page)]
                texts += table_rows(page)
                texts.append("".join(output.get("text", "")))
            out.append("\n".join(texts))
        return out
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":  # the values, without the CSV's own quoting
        return [value for row in csv.reader(io.StringIO(text)) for value in row]
    return [line for para in re.split(r"\n\s*\n", text)
            for line in (para.splitlines() if para.lstrip().startswith("|") else [para])]


QUOTING_HEADER = re.compile(r"country study says|the text says|^claim$|^quote$", re.IGNORECASE)


def _table_rows(page: str) -> list[list[list[str]]]:
    return [[[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
              for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)]
             for row in re.findall(r"<tr.*?</tr>", table, re.DOTALL)]
            for table in re.findall(r"<table.*?</table>", page, re.DOTALL)]


def table_rows(page: str) -> list[str]:
    """Each row of each HTML table as a Markdown row, so that a verdict is read beside its own claim."""
    return ["| " + " | ".join(row) + " |" for rows in _table_rows(page) for row in rows]


def table_quotations(page: str) -> list[str]:
    """The cells of any HTML table column whose header presents them as the text's words ("The Country Study
    says"): a notebook's table shows them without quote marks."""
    found = []
    for rows in _table_rows(page):
        if rows:
            columns = [i for i, name in enumerate(rows[0]) if QUOTING_HEADER.search(name)]
            found += [row[i] for row in rows[1:] for i in columns if i < len(row) and row[i]]
    return found


def country_study_quotations(block: str) -> list[str]:
    """The quoted strings of three words or more that a block presents as the Country Study's words: those that
    share five running words with the text, and any in a sentence that names it ("the Country Study says")."""
    found = []
    for match in QUOTED.finditer(block):
        quote = match.group(1) or match.group(2)
        words = _words(quote)
        sentence = re.split(r"(?<=[.!?])\s", block[:match.start()])[-1].lower()
        names_it = re.search(r"country study('s)? (says|writes|states|has)|the text (says|has)|its words", sentence)
        if len(words) >= 3 and (names_it or _shingles(words) & TEXT_SHINGLES):
            found.append(quote)
    return found


def _where(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_claims_file_is_read_and_checked():
    assert len(CLAIMS) >= 15
    assert len({c.id for c in CLAIMS}) == len(CLAIMS)
    order = [cs.normalise(TEXT).find(cs.quote_parts(c.quote)[0]) for c in CLAIMS]
    assert order == sorted(order), "the claims are in the text's order"


def test_every_quotation_of_the_country_study_in_the_kit_is_verbatim():
    checked, wrong = 0, []
    for path in SCANNED:
        for block in blocks(path):
            for quote in country_study_quotations(block):
                checked += 1
                if not cs.is_verbatim(quote, TEXT):
                    wrong.append(f"{_where(path)}: {quote!r}")
    assert checked >= 40, "the scan found too few quotations to be reading the kit"
    assert wrong == [], "not the Country Study's words (mark cuts with …):\n" + "\n".join(wrong)


def test_the_scan_catches_a_misquotation_and_an_unmarked_cut():
    block = 'The Country Study says "the Soviet Union, at Rapallo in April 1922".'
    assert country_study_quotations(block) == ["the Soviet Union, at Rapallo in April 1922"]
    assert not cs.is_verbatim("the Soviet Union, at Rapallo in April 1922", TEXT)
    cut = "In April 1922, the Soviet commissar of foreign affairs, Georgii Chicherin, circumvented these difficulties"
    assert cs.is_verbatim(cut, TEXT)
    assert not cs.is_verbatim("In April 1922, Georgii Chicherin, circumvented these difficulties", TEXT)
    assert cs.is_verbatim("In April 1922, … Georgii Chicherin, circumvented these difficulties", TEXT)
    assert cs.is_verbatim("In April 1922, [...] Georgii Chicherin", TEXT)
    # Typography aside: curly quotes and dashes and line breaks match the source's plain ones.
    assert cs.is_verbatim("Stalin’s plan was finally\naccepted", TEXT)


VERDICT_WORD = re.compile(r"\*\*(holds|imprecise|wrong)\*\*|\|\s*(holds|imprecise|wrong)\s*\||"
                          r"[Vv]erdict:?\s*\**(holds|imprecise|wrong)\b|\b(holds|imprecise|wrong)\.\*\*")


def stated_verdicts(block: str, claims=CLAIMS) -> list[tuple[str, str]]:
    """(claim id, verdict) for each verdict a block states beside a quotation of exactly one claim."""
    flat = cs.normalise(block).lower()
    quoted = [c for c in claims if all(part.lower() in flat for part in cs.quote_parts(c.quote))]
    # A claim whose words are part of a longer claim's quote is that longer claim.
    quoted = [c for c in quoted if not any(o is not c and cs.normalise(c.quote).lower() in cs.normalise(o.quote).lower()
                                           for o in quoted)]
    if len(quoted) != 1:
        return []
    return [(quoted[0].id, next(g for g in m.groups() if g)) for m in VERDICT_WORD.finditer(block)]


def test_no_file_gives_a_claim_another_verdict():
    verdicts = {c.id: c.verdict for c in CLAIMS}
    seen, other = 0, []
    for path in SCANNED:
        for block in blocks(path):
            for claim_id, said in stated_verdicts(block):
                seen += 1
                if said != verdicts[claim_id]:
                    other.append(f"{_where(path)}: {claim_id} is {verdicts[claim_id]!r} in the data, {said!r} here")
    assert seen >= len(CLAIMS), "the lesson's key states every verdict; the scan should find them"
    assert other == [], "\n".join(other)


def test_a_second_verdict_is_found():
    britain = next(c for c in CLAIMS if c.id == "beginning-with-britain")
    block = f'| 8 | "{britain.quote}" | wrong | Estonia came first. |'
    assert stated_verdicts(block) == [("beginning-with-britain", "wrong")]
    assert stated_verdicts(f'"{britain.quote}": it depends on the reading. **Wrong** of Estonia') == []


def test_a_bad_claims_file_is_named_by_row_and_column(tmp_path):
    for name in ("source-text",):
        (tmp_path / name).mkdir()
    (tmp_path / cs.SOURCE_TEXT).write_text(TEXT, encoding="utf-8")
    rows = [",".join(cs.COLUMNS),
            'good,beginning with Britain in February 1924,imprecise,"' + "word " * 15 + '",1924-britain,',
            'bad,beginning with France in February 1924,maybe,short,,']
    (tmp_path / cs.FILE).write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(kit.DataError) as raised:
        cs.load_claims(tmp_path)
    found = {(p.row, p.column) for p in raised.value.problems}
    assert found == {(3, "quote"), (3, "verdict"), (3, "reasoning"), (3, "event_ids")}


def test_the_known_errors_keep_their_verdicts():
    # Guards lesson 3's formative key: the massacre's year and Rapallo's text are errors of fact.
    verdict = {c.id: c.verdict for c in CLAIMS}
    assert verdict["massacre-1926"] == "wrong"       # the massacre was in April 1927, not 1926
    assert verdict["military-cooperation"] == "wrong"  # no military clause in the treaty
    assert kit.load().events.set_index("event_id").loc["1922-rapallo-treaty", "counterpart"] == "rsfsr"


def test_contested_verdicts_rest_on_more_than_one_source():
    sources = kit.load().sources.set_index("source_id")["kind"]
    for claim in CLAIMS:
        if claim.verdict != "holds" and any(e[:4] in ("1926", "1927", "1928") for e in claim.event_ids):
            assert len(claim.source_ids) >= 2, claim.id
            assert {sources[s] for s in claim.source_ids} != {"tertiary"}, claim.id


# The events the Country Study itself speaks of, each with the claim whose words cover it. An event may cite the
# Country Study (loc-country-study-1989) only if it is one of these: the text does not mention, say, the German
# trade agreement of May 1921, though that agreement bears on its claim that the economy "required trade".
COUNTRY_STUDY = "loc-country-study-1989"
SPOKEN_OF = {
    "1918-debt-annulment": "debts-cancelled",
    "1922-rapallo-treaty": "rapallo-terms",
    "1922-junkers-fili": "military-cooperation",
    "1924-britain-recognition": "beginning-with-britain",
    "1920-colby-note": "usa-withheld",
    "1923-hughes-rejects-talks": "usa-withheld",
    "1933-usa-recognition": "usa-withheld",
    "1924-amtorg-founded": "american-firms",
    "1925-harriman-concession": "american-firms",
    "1929-ford-agreement": "american-firms",
    "1923-sun-joffe-manifesto": "aiding-nationalists",
    "1923-borodin-arrives-canton": "aiding-nationalists",
    "1924-soviet-arms-reach-canton": "aiding-nationalists",
    "1928-nationalists-take-peking": "debate-after-triumph",
    "1927-stalin-theses-china": "debate-after-triumph",
    "1927-trotsky-critique": "trotsky-uprising",
    "1926-ecci-seventh-plenum": "stalin-join",
    "1927-ecci-eighth-plenum": "stalin-plan-nought",
    "1927-wuhan-expels-communists": "stalin-plan-nought",
    "1926-canton-coup": "massacre-1926",
    "1927-shanghai-massacre": "massacre-1926",
    "1927-nationalist-break-with-ussr": "advisers-expelled",
}


def cite_the_country_study_unspoken(events) -> list[str]:
    """Events that cite the Country Study though the text does not speak of them (not in SPOKEN_OF)."""
    return [event_id for event_id, ids in zip(events["event_id"], events["source_ids"])
            if COUNTRY_STUDY in ids and event_id not in SPOKEN_OF]


def test_an_event_cites_the_country_study_only_where_the_text_speaks_of_it():
    events = kit.load().events
    assert cite_the_country_study_unspoken(events) == [], "the Country Study does not mention these events"
    claims = {c.id: c for c in CLAIMS}
    for event_id, claim_id in SPOKEN_OF.items():
        assert event_id in claims[claim_id].event_ids, f"{claim_id} does not weigh {event_id}"
        assert cs.is_verbatim(claims[claim_id].quote, TEXT), claim_id


def test_a_citation_of_the_country_study_for_an_event_it_does_not_mention_is_found():
    events = kit.load().events.copy()
    row = events.index[events["event_id"] == "1921-german-soviet-provisional-agreement"][0]
    events.at[row, "source_ids"] = [*events.at[row, "source_ids"], COUNTRY_STUDY]
    assert cite_the_country_study_unspoken(events) == ["1921-german-soviet-provisional-agreement"]


VERDICT_IN_REASONING = re.compile(r"\b(holds|imprecise|wrong)\b")


def reasoning_disagrees(claim) -> list[str]:
    """What in a claim's reasoning speaks against its verdict: another verdict's word anywhere in it (so "read as
    written the claim holds" under "imprecise"), or a last sentence that does not state the verdict."""
    said = VERDICT_IN_REASONING.findall(claim.reasoning.lower())
    problems = [f"says {word!r}" for word in dict.fromkeys(said) if word != claim.verdict]
    last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", claim.reasoning.strip())[-1]
    if claim.verdict not in VERDICT_IN_REASONING.findall(last.lower()):
        problems.append(f"its last sentence does not conclude {claim.verdict!r}")
    return problems


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_every_reasoning_concludes_its_verdict_and_no_other(claim):
    assert reasoning_disagrees(claim) == [], claim.reasoning


def test_a_reasoning_that_argues_another_verdict_is_found():
    britain = next(c for c in CLAIMS if c.id == "beginning-with-britain")
    before = britain.__class__(britain.id, britain.quote, "imprecise",
                               "Among the other major powers Britain came first, so read as written the claim holds. "
                               "It is loose because a reader takes it for the start of recognition: imprecise.",
                               britain.event_ids, britain.source_ids)
    assert reasoning_disagrees(before) == ["says 'holds'"]
    silent = britain.__class__(britain.id, britain.quote, "holds", "Britain came first among the other powers. "
                               "Italy followed within days.", britain.event_ids, britain.source_ids)
    assert reasoning_disagrees(silent) == ["its last sentence does not conclude 'holds'"]
