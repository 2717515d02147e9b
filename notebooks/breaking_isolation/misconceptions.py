"""The misconceptions the kit teaches against, in one table: how a claim that states one reads, and a kind hint
that points at the evidence. The claim-and-evidence checks show the hint; a claim that states no misconception
gets none. Drawn from the lessons' "Common misconception" columns; tests/test_misconceptions.py holds claims
that must and must not set each one off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOT = r"(?<!\bnot )(?<!\bnever )(?<!n't )(?<!\bno )(?<!\bwithout )"  # a denial just before the word


@dataclass(frozen=True)
class Misconception:
    id: str
    says: re.Pattern          # a claim that states it
    hint: str                 # kind, and pointing at evidence (event ids, documents)
    evidence: tuple[str, ...]  # the event ids and document ids the hint names (tested to exist)
    unless: re.Pattern | None = None  # wording that shows the student already sees the point


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


TABLE = (
    Misconception(
        "recognition-withdrawn",
        _r(NOT + r"\b(withdr[ae]w\w*|revok\w*|cancell?\w*|rescind\w*|took back|taken back|lost|los(e|ing)|end(ed|s|ing)?)\b"
           r"(\s+\w+){0,4}\s+recogni\w*"
           r"|recogni\w*(\s+\w+){0,3}\s+(was|were|is)\s+" + NOT + r"(withdrawn|revoked|cancell?ed|ended|lost)"),
        "A break of relations is not a withdrawal of recognition. Compare what Britain did in May 1927 "
        "(1927-britain-breaks-relations) with its recognition of 1924 (1924-britain-recognition): did any "
        "state take its recognition back? The Commons debate (doc-1927-commons-debate-break) says what was broken.",
        ("1927-britain-breaks-relations", "1924-britain-recognition", "doc-1927-commons-debate-break"),
        unless=_r(r"\b(not|never|n't|no|without)\b(\s+\w+){0,3}\s+recogni\w*"
                  r"|recogni\w*(\s+\w+){0,3}\s+(remained|stayed|survived|continued|held|was not|was never)")),
    Misconception(
        "recognised-again",
        _r(r"\b(re-?recogni\w*|recogni\w*(\s+\w+){0,4}\s+(again|anew|once more|a second time)"
           r"|(restor\w*|renew\w*|regain\w*|gave back|returned)(\s+\w+){0,3}\s+(its\s+|their\s+)?recognition"
           r"|recognition(\s+\w+){0,3}\s+(was|were)\s+(restored|renewed|regained|returned))\b"),
        "What came back in 1929 was diplomatic relations (1929-britain-restoration); read the kind of that "
        "event and ask whether the recognition of 1924 (1924-britain-recognition) had ever ended.",
        ("1929-britain-restoration", "1924-britain-recognition")),
    Misconception(
        "soviet-union-at-rapallo",
        _r(r"(?=.*\brapallo\b)(?=.*\b(soviet union|ussr|u\.s\.s\.r\.?)\b)"),
        "Check who signed at Rapallo in April 1922 (1922-rapallo-treaty) and when the USSR was founded (30 "
        "December 1922): the treaty's first line names the party (doc-1922-rapallo-treaty).",
        ("1922-rapallo-treaty", "doc-1922-rapallo-treaty"),
        unless=_r(r"\b(rsfsr|soviet russia|russian (socialist|soviet)|before the (ussr|soviet union)|not yet)\b")),
    Misconception(
        "massacre-1926",
        _r(r"massacr\w*(\s+\S+){0,12}\s+1926|1926(\s+\S+){0,12}\s+massacr\w*"),
        "Look at the date of Chiang's massacre of the Communists in Shanghai (1927-shanghai-massacre): is it "
        "1926? The Country Study's date is one of the errors lesson 3 asks you to catch.",
        ("1927-shanghai-massacre",)),
    Misconception(
        "de-facto-as-de-jure",
        _r(r"(1921|trade agreement)(\s+\S+){0,12}\s+" + NOT + r"(de jure|in law|full(y)? recogni\w*|legal(ly)? recogni\w*)"
           r"|" + NOT + r"(de jure|in law|full(y)?|legal(ly)?)\s+recogni\w*(\s+\S+){0,10}\s+(1921|trade agreement)"),
        "The trade agreement of March 1921 (1921-anglo-soviet-trade-agreement) recognised Moscow in practice "
        "(de facto); compare it with the recognition in law of February 1924 (1924-britain-recognition) and "
        "the British note that gave it (doc-1924-british-note-of-recognition).",
        ("1921-anglo-soviet-trade-agreement", "1924-britain-recognition", "doc-1924-british-note-of-recognition"),
        unless=_r(r"\bde facto\b|\bin practice\b")),
    Misconception(
        "recognition-as-approval",
        _r(NOT + r"\b(approv\w*|endors\w*|accept\w*|support\w*|lik\w*)\s+(of\s+)?(communism|bolshevism|the revolution|"
           r"the soviet system|the communist system)"),
        "Recognition accepted who governed, not how: read what the British note of 1924 asked of Moscow "
        "(doc-1924-british-note-of-recognition, event 1924-britain-recognition).",
        ("doc-1924-british-note-of-recognition", "1924-britain-recognition"),
        unless=_r(r"\b(not|never|no|without)\b[^.]{0,40}\b(approv|endors|accept|support)")),
    Misconception(
        "comintern-independent",
        _r(r"comintern(\s+\S+){0,8}\s+" + NOT + r"(independent|separate from|had nothing to do|not controlled|"
           r"no link|acted alone|on its own)"),
        "Who directed the Comintern and the foreign commissariat? Read Britain's protest of October 1924 "
        "(doc-1924-macdonald-protest-note) and what it says of the two.",
        ("doc-1924-macdonald-protest-note",)),
    Misconception(
        "rapallo-military",
        _r(r"rapallo(\s+\S+){0,14}\s+" + NOT + r"(military|secret (clause|protocol|article)s?|army|armies|weapons|arms)"),
        "Read the treaty's own articles (doc-1922-rapallo-treaty): is there a military clause? The military "
        "cooperation came by other agreements, such as 1922-junkers-preliminary-agreement.",
        ("doc-1922-rapallo-treaty", "1922-junkers-preliminary-agreement"),
        unless=_r(r"\b(no|not|without|never)\b[^.]{0,30}\b(military|secret)")),
)


def found_in(claim: str) -> list[Misconception]:
    """The misconceptions the claim states, in the table's order."""
    text = " ".join(claim.split())
    return [m for m in TABLE if m.says.search(text) and not (m.unless and m.unless.search(text))]
