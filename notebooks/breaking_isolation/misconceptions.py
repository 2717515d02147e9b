"""The misconceptions the kit teaches against, in one table: how a claim that states one reads, and a kind hint
that points at the evidence. The claim-and-evidence checks show the hint; a claim that states no misconception
gets none. Drawn from the lessons' "Common misconception" columns; tests/test_misconceptions.py holds claims
that must and must not set each one off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .by_table import per_reading
from .patterns import lazy

NOT = (r"(?<!\bnot )(?<!\bnever )(?<!n't )(?<!\bno )(?<!\bwithout )(?<!\bneither )(?<!\bnor )"
       r"(?<!\bnone )(?<!\bnobody )")  # a denial just before the word ("neither withdrew its recognition")


# The words between two names of one statement: no full stop, semicolon or colon, and no word that opens a
# clause of another time ("before", "after", "while", "but"...).
BETWEEN_CLAUSES = (r"(?:(?!\b(?:before|after|while|whereas|but|when|until|later|then|although|though|since|"
                   r"which|by\s+the\s+time)\b)[^.;:])*?")


@dataclass(frozen=True)
class Misconception:
    id: str
    says: re.Pattern          # a claim that states it
    hint: str                 # kind, and pointing at evidence (event ids, documents)
    evidence: tuple[str, ...]  # the event ids and document ids the hint names (tested to exist)
    unless: re.Pattern | None = None  # wording that shows the student already sees the point
    computed: object = None   # data -> the hint with its dates and counts read from the data (None: `hint` as it is)
    holds: object = None      # text -> whether a claim `says` matches really states it (None: every match does)
    named: object = None      # (data, text) -> the hint for the state the claim names (None: `computed` or `hint`)


def _r(pattern: str) -> re.Pattern:
    return lazy(pattern, re.IGNORECASE)


# A count going down ("went down", "fell", "dropped"), and the words between a count and its verb, none of which may
# turn to another subject ("and relations fell") or say the count held ("stayed at 24 while relations fell").
_DOWN = (r"((went|go|goes|going|gone)\s+down|fell|fall|falls|falling|dropp?(ed|s|ing)?|decreas\w*|declin\w*|"
         r"shr[aiu]nk\w*|dipp?(ed|s)?|sank|reduc\w*|lowered|got\s+smaller|became\s+smaller)\b")
_KEEPS = (r"(\s+(?!(?:and|but|while|whereas|though|although|relations|ties|stayed|remained|held|kept|never|not|no)\b)"
          r"[\w']+)")


# A wish or an order of someone's ("Stalin wanted them out", "Stalin told them to leave").
_WISH = r"(wanted|wished|urged|ordered|told|demanded|called\s+for|asked|pushed|preferred|insisted)"

TABLE = (
    Misconception(
        "recognition-withdrawn",
        _r(NOT + r"\b(stopp?(ed|ing|s)?|ceas(e|ed|es|ing)|no longer|withdr[ae]w\w*|revok\w*|cancell?\w*|rescind\w*|took back|taken back|lost|los(e|ing)|end(ed|s|ing)?)\b"
           r"(?!\s+(?:with|in|up\s+with)\b)"  # "ended with full recognition" is an outcome, not a loss
           r"(\s+\w+){0,4}\s+recogni\w*"
           # "broke", "terminated", "dropped": words that also go with relations, so only a few words may come between
           r"|" + NOT + r"\b(br(oke|oken|eak|eaks|eaking)|terminat\w*|scrap\w*|dropp?\w*|abandon\w*|tore up|annull?\w*)"
           r"(\s+(off|up|its|their|the|his|her|of|with|diplomatic|formal|official|de jure|legal|british|britain's|"
           r"\w+'s)){0,3}\s+recogni\w*"
           r"|\b(de-?recogni\w*|un-recogni\w*)"
           r"|recogni\w*(\s+(?!but\b|and\b|while\b|whereas\b|relations\b|ties\b)\w+){0,3}\s+(was|were|is)\s+" + NOT + r"(withdrawn|revoked|cancell?ed|ended|lost|broken|"
           r"taken back|terminated|scrapped|dropped|annulled)"
           # recognition as the subject of an end: "Recognition of Moscow fell in 1927"
           r"|\brecognition(\s+(?!and\b|but\b|relations\b|ties\b|never\b|not\b|no\b)[\w']+){0,4}\s+(fell|collapsed|ended|ceased|lapsed|"
           r"disappeared|vanished|died|came\s+to\s+an\s+end|fell\s+apart|was\s+lost|were\s+lost)\b"
           r"(?!\s+(?:the|a|an|its|their|his|her|moscow|soviet|[\w]+'s)\b)"  # not "ended Moscow's isolation"
           # a count of recognitions said to go down: "the number of states recognising Moscow went down"
           r"|\b(number|count|total|tally)\s+of\s+(\w+\s+){0,3}?recogni\w*" + _KEEPS + r"{0,5}?\s+" + NOT + _DOWN +
           r"|\brecogni\w*\s+(count|total|number|line|curve|tally)\b" + _KEEPS + r"{0,5}?\s+" + NOT + _DOWN +
           # a smaller count put down to a state that left: "only 23 states recognised Moscow because Britain left";
           # "fewer states recognised Moscow in 1922 than in 1925" gives no such cause and stays unread
           r"|(\b" + NOT + r"fewer\s+(\w+\s+){0,2}?(states|countries|nations|governments|powers)\s+(still\s+)?recogni\w*"
           r"|\brecogni\w*\s+by\s+fewer\b"
           r"|\b(only|just)\s+[\w-]+\s+(states|countries|nations|governments|powers)\s+(still\s+)?recogni\w*)[^.;]*?"
           r"\b(because|as|since|when|after|once|for)\b[^.;]*?\b(left|quit|withdrew|pulled\s+out|dropped\s+out|"
           r"walked\s+out|broke(\s+off)?|break|cut\s+(off|ties|relations))\b"),
        "A break of relations is not a withdrawal of recognition. Compare what Britain did in May 1927 "
        "(1927-britain-breaks-relations) with its recognition of 1924 (1924-britain-recognition): did any "
        "state take its recognition back? The Commons debate (doc-1927-commons-debate-break) says what was broken.",
        ("1927-britain-breaks-relations", "1924-britain-recognition", "doc-1927-commons-debate-break"),
        unless=_r(r"\b(not|never|n't|no|without|neither|nor|none|nobody)\b(?!\s+longer)(\s+\w+){0,3}\s+recogni\w*"
                  r"|recogni\w*(\s+\w+){0,3}\s+(remained|stayed|survived|continued|held|was not|was never)"
                  # "no state ever withdrew it", "broke relations but kept recognising the USSR": the lesson itself
                  r"|\b(no|not\s+one|not\s+a\s+single)\s+(state|country|nation|government|power)s?\s+(\w+\s+){0,2}"
                  r"(withdr|revok|took\s+back|cancel|ended|lost|stopp|ceas|broke|dropp)\w*\s+(\w+\s+){0,2}recogni"
                  r"|\b(kept|keeps|keeping|went\s+on|goes\s+on|continued|still)\s+(\w+\s+)?recogni\w*")),
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
        # Rapallo and the USSR in one statement, not each in its own ("Germany recognised Moscow at Rapallo, two
        # years before Britain recognised the USSR"): no new clause (BETWEEN_CLAUSES) comes between them
        _r(rf"\brapallo\b{BETWEEN_CLAUSES}\b(soviet union|ussr|u\.s\.s\.r\.?)(?![\w.])"
           rf"|\b(soviet union|ussr|u\.s\.s\.r\.?)(?![\w.]){BETWEEN_CLAUSES}\brapallo\b"),
        "Check who signed at Rapallo in April 1922 (1922-rapallo-treaty) and when the USSR was founded (30 "
        "December 1922): the treaty's first line names the party (doc-1922-rapallo-treaty).",
        ("1922-rapallo-treaty", "doc-1922-rapallo-treaty"),
        unless=_r(r"\b(rsfsr|soviet russia|russian (socialist|soviet)|before the (ussr|soviet union)|not yet)\b"
                  # "Britain recognised the USSR in 1924": the USSR of a year after its founding, not Rapallo's party
                  r"|\b(ussr|soviet union)(?![\w.])\s+(\w+\s+){0,2}?(in|by)\s+19(2[3-9]|3\d)\b")),
    Misconception(
        "massacre-1926",
        _r(r"massacr\w*(\s+\S+){0,12}\s+1926|1926\W?(\s+\S+){0,12}\s+massacr\w*"),
        "Look at the date of Chiang's massacre of the Communists in Shanghai (1927-shanghai-massacre): is it "
        "1926? The Country Study's date is one of the errors lesson 3 asks you to catch.",
        ("1927-shanghai-massacre",),
        holds=lambda text: _massacre_dated(text, "1926")),
    Misconception(
        "de-facto-as-de-jure",
        _r(r"(1921|trade agreement)(\s+\S+){0,12}\s+" + NOT + r"(de jure|in law|full(y)? recogni\w*|legal(ly)? recogni\w*)"
           r"|" + NOT + r"(de jure|in law|full(y)?|legal(ly)?)\s+recogni\w*(\s+\S+){0,10}\s+(1921|trade agreement)"),
        "The trade agreement of March 1921 (1921-anglo-soviet-trade-agreement) recognised Moscow in practice "
        "(de facto); compare it with the recognition in law of February 1924 (1924-britain-recognition) and "
        "the British note that gave it (doc-1924-british-note-of-recognition).",
        ("1921-anglo-soviet-trade-agreement", "1924-britain-recognition", "doc-1924-british-note-of-recognition"),
        unless=_r(r"\bde facto\b|\bin practice\b"),
        holds=lambda text: _law_said_in_1921(text),
        named=lambda data, text: _two_steps_hint(data, text)),
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
        # "Rapallo and the secret army schools": the military work named beside the treaty, not as its part
        unless=_r(r"\b(no|not|without|never)\b[^.]{0,30}\b(military|secret)|rapallo\s*,?\s+(and|as well as|together "
                  r"with|followed by|then)\s+(?!its\b|their\b)(the\s+)?(\w+\s+){0,2}(military|army|armies|arms|weapons)\b")),
    Misconception(
        "britain-first",
        _r(r"\b(britain|the uk|united kingdom|england|the british)\b(\s+\S+){0,3}\s+(was|were|became)\s+the\s+first"
           r"(\s+(state|country|nation|government|one))?\s+to\s+recogni\w*"
           r"|\bfirst\s+(state|country|nation|government)\s+to\s+recogni\w*(\s+\S+){0,6}\s+(was|were)\s+"
           r"(britain|the uk|the united kingdom|england)\b"),
        "Compare Britain's recognition in law (1924-britain-recognition) with Germany's at Rapallo "
        "(1922-rapallo-treaty): which came first? The de jure line of the recognition chart starts well before "
        "Britain's step.",
        ("1924-britain-recognition", "1922-rapallo-treaty"),
        # "first ... de facto": true of Britain's trade agreement; absolutes.py reads it against the data's order
        unless=_r(r"\b(great|major|big|western)\s+powers?\b|\bpowers?\b|\bde facto\b|\bin practice\b"),
        computed=lambda data: _britain_first_hint(data)),
    Misconception(
        "britain-never-de-jure",
        _r(r"\b(britain|the uk|united kingdom|england|the british)\b(\s+\S+){0,3}\s+(never|did not|didn't)\s+"
           r"((fully|formally|legally|officially|really|ever)\s+)?recogni[sz]\w*"
           r"(?!(\s+\S+){0,6}\s+(until|before|till|by)\b)"),
        "Britain's trade agreement (1921-anglo-soviet-trade-agreement) was recognition in practice (de facto); "
        "find its recognition in law (1924-britain-recognition) and read the British note "
        "(doc-1924-british-note-of-recognition).",
        ("1921-anglo-soviet-trade-agreement", "1924-britain-recognition", "doc-1924-british-note-of-recognition"),
        unless=_r(r"\b(withdr\w*|until|before|till|in 1917|in 1918|in 1919|in 1920)\b")),
    Misconception(
        "no-breaks",
        _r(r"\b(no|not a single|not one|none of the)\s+(other\s+)?(state|country|countries|government|power|nation)s?"
           r"\b(\s+\S+){0,4}\s+(ever\s+)?(broke|cut|severed|ended)\b(\s+\S+){0,3}\s+relations"
           r"|\bno\s+(state|country|government|power|nation)s?\s+ever\s+broke"
           r"|\brelations(\s+\S+){0,3}\s+(were|was)\s+never\s+(broken|cut|severed|ended)"
           r"|\bnobody\s+(ever\s+)?broke\b"),
        "Recognition did not fall, but relations did: look for the breaks of relations in `changes`, such as "
        "Britain's (1927-britain-breaks-relations). A break of relations is not a withdrawal of recognition.",
        ("1927-britain-breaks-relations",),
        unless=_r(r"\b(recogni\w*)(\s+\S+){0,3}\s+(with|after|before)\b|\bwithout\b"),
        computed=lambda data: _breaks_hint(data)),
    Misconception(
        "stalin-leave-1926",
        _r(r"(?=.*\bstalin\b)(?=.*\b1926\b)(?=.*\b(leave|left|quit|withdr\w*|break (with|from|away)|split (from|with)"
           r"|out of|get out)\b(\s+\S+){0,4}\s+(the\s+)?(kuomintang|kmt|guomindang|gmd|nationalists?)\b)"),
        "Read what the Comintern decided in late 1926 with Stalin among the speakers (1926-ecci-seventh-plenum): "
        "did it take the Communists out of the Kuomintang or keep them in? Then find when they left "
        "(1927-wuhan-expels-communists).",
        ("1926-ecci-seventh-plenum", "1927-wuhan-expels-communists"),
        unless=_r(r"\b(trotsky\w*|opposition|not|never|n't|refus\w*|stay\w*|remain\w*|insist\w*)\b")),
    Misconception(
        "stalin-leave-1927",
        _r(r"(?=.*\b1927\b)\bstalin(?:'s|’s)?\b(\s+\S+){0,4}?\s+(ordered|told|instructed|wanted|directed|urged|called on|asked|"
           r"made)\b(\s+\S+){0,3}\s+(to\s+)?(leave|quit|withdraw\w*|break (with|from|away from)|split (from|with)|"
           r"get out of)\s+(the\s+)?(kuomintang|kmt|guomindang|gmd|nationalists?)\b"),
        "Stalin's theses of April 1927 (1927-stalin-theses-china) kept the Communists inside the Kuomintang, now "
        "backing its left wing at Wuhan; by June even the Opposition had not called for leaving it "
        "(1927-trotsky-critique). In July the Comintern told them to leave the Wuhan government while staying in "
        "the Kuomintang "
        "(1927-ecci-leave-wuhan-government): read who then made them go (1927-wuhan-expels-communists).",
        ("1927-stalin-theses-china", "1927-trotsky-critique", "1927-ecci-leave-wuhan-government",
         "1927-wuhan-expels-communists"),
        # Trotsky or a denial before Stalin's wish ("Trotsky, not Stalin, wanted"), or Stalin's own denial; never a
        # "but Trotsky refused" after it, which turns the debate round
        unless=_r(r"\b(trotsky\w*|opposition|not|never)\b[^.]*\bstalin\b|\bstalin\b(\s+\S+){0,2}?\s+(not|never|refus\w*)\b"
                  r"|\bstalin\b(\s+\S+){0,2}?\s+\w+n't\b")),
    Misconception(
        "comintern-ordered-out",
        # the Comintern's decisions read as taking the Communists out of the Kuomintang: the data's kept them in
        # (a plenum named by its own name is read against that event's title: cited_facts)
        _r(r"\b(comintern|communist international)\b(\s+\S+){0,4}?\s+(ordered|told|instructed|directed|"
           r"made|called on|pushed)\b(\s+\S+){0,3}?\s+(to\s+)?(leave|quit|withdraw\w*|get out of|out of|break with)\s+"
           r"(the\s+)?(kuomintang|kmt|guomindang|gmd)\b"),
        "The Comintern's decisions in the data kept the Communists inside the Kuomintang: read its seventh plenum "
        "(1926-ecci-seventh-plenum), and what it told them in July 1927 (1927-ecci-leave-wuhan-government): to "
        "leave the Wuhan government, or the Kuomintang? Then read who made them go (1927-wuhan-expels-communists).",
        ("1926-ecci-seventh-plenum", "1927-ecci-leave-wuhan-government", "1927-wuhan-expels-communists"),
        unless=_r(r"\b(not|never|refus\w*)\b|n't\b")),
    Misconception(
        "trotsky-kept-in",
        _r(r"(?=.*\btrotsky\w*)(?=.*\b(kept|keep|keeping|stay\w*|remain\w*|inside|within)\b(\s+\S+){0,5}\s+(the\s+)?"
           r"(kuomintang|kmt|guomindang|gmd|nationalists?)\b)"),
        "Read Trotsky's critique of Stalin's China theses (1927-trotsky-critique): what did the Opposition call "
        "for, and what did Trotsky write in June about leaving the Kuomintang? Then see who kept the Communists "
        "allied with it (1927-ecci-eighth-plenum).",
        ("1927-trotsky-critique", "1927-ecci-eighth-plenum"),
        unless=_r(r"\b(stalin|bukharin|not|never|n't|opposed|against|attack\w*|critic\w*|leave|left|out of|quit)\b")),
    Misconception(
        "debate-turned-round",
        # the two sides of 1927 swapped in one sentence: "Trotsky wanted them to stay ... while Stalin wanted them
        # out", or "Stalin wanted them out, whereas Trotsky wanted them in"
        _r(r"(?=.*\b(kuomintang|kmt|guomindang|gmd|nationalists?|united front)\b)(?:"
           r"\btrotsky\w*\b[^.;]*?\b(stay\w*|remain\w*|kept|keep\w*|inside|within)\b[^.;]*?"
           r"\b(while|whereas|but|and|though|although)\b[^.;]*?\bstalin\b(\s+\S+){0,3}?\s+" + _WISH +
           r"\b[^.;]*?\b(out|leave|quit|withdraw\w*|break\w*)\b"
           r"|\bstalin\b(\s+\S+){0,3}?\s+" + _WISH + r"\b[^.;]*?\b(out|leave|quit|withdraw\w*)\b[^.;]*?"
           r"\b(while|whereas|but|though|although)\b[^.;]*?\btrotsky\w*\b[^.;]*?\b(stay\w*|remain\w*|kept|keep\w*|in)\b)"),
        "Read Stalin's theses (1927-stalin-theses-china) and the Comintern's eighth plenum (1927-ecci-eighth-plenum): "
        "who kept the Communists allied with the Kuomintang in 1927? Then read Trotsky's critique "
        "(1927-trotsky-critique, doc-1927-trotsky-critique): what did the Opposition call for, and what did Trotsky "
        "say of staying in the Kuomintang?",
        ("1927-stalin-theses-china", "1927-ecci-eighth-plenum", "1927-trotsky-critique", "doc-1927-trotsky-critique"),
        unless=_r(r"\b(not|never)\b|n't\b")),
    Misconception(
        "ccp-left-1924",
        _r(r"(?=.*\b1924\b)(?=.*\b(ccp|communists?|communist party)\b)(?=.*\b(left|leave|quit|withdr\w*|broke with|"
           r"broke away from|split from|walked out of|out of)\b(\s+\S+){0,3}\s+(the\s+)?(kuomintang|kmt|guomindang|gmd)\b)"),
        "In 1924 the Kuomintang's first congress admitted the Communists (1924-kmt-first-congress); find when they "
        "left it (1927-ecci-leave-wuhan-government and 1927-wuhan-expels-communists).",
        ("1924-kmt-first-congress", "1927-ecci-leave-wuhan-government", "1927-wuhan-expels-communists"),
        unless=_r(r"\b(join\w*|enter\w*|admit\w*|not|never|n't|until|stay\w*|remain\w*)\b")),
)


TABLE += (
    Misconception(
        "chiang-communist",
        # "remain a communist" (a condition of exercise G: "would have had to remain") takes it that he was one
        _r(r"\bchiang(\s+kai-?shek)?\b(\s+\S+){0,4}\s+(was|be|been|became|remained|stayed|remains?|stays?)\s+(a\s+|an\s+)?((loyal|true|secret|real)\s+)?"
           r"(communist|bolshevik|member of the (ccp|chinese communist party|communist party))\b"),
        "Chiang Kai-shek led the Kuomintang's army (1926-northern-expedition), not the Communist Party, and in "
        "April 1927 he turned on the Communists at Shanghai (1927-shanghai-massacre): read what his troops did "
        "there.",
        ("1926-northern-expedition", "1927-shanghai-massacre"),
        unless=_r(r"\b(not|never|n't)\b(\s+\S+){0,2}\s+(a\s+)?(communist|bolshevik)")),
    Misconception(
        "trade-agreement-signer",
        _r(r"(?=.*\b(stalin|lenin|trotsky|chicherin|zinoviev)\b(\s+\S+){0,2}\s+sign\w*)(?=.*\btrade agreement\b)"
           r"(?=.*\b(1921|anglo|brit\w*|england|english|london)\b)"),
        "Find who signed the Anglo-Soviet trade agreement of March 1921 (1921-anglo-soviet-trade-agreement): "
        "actors.csv names the Soviet trade envoy in London, Leonid Krasin, as its signer.",
        ("1921-anglo-soviet-trade-agreement",),
        unless=_r(r"\bkrasin\b|\b(not|never|n't)\s+sign")),
    Misconception(
        "mao-led-1927",
        _r(r"\bmao(\s+zedong|\s+tse-?tung)?\b(\s+\S+){0,2}\s+(ordered|led|commanded|carried out|organi[sz]ed|"
           r"launched|began|started|planned|directed)\s+(\S+\s+){0,2}(shanghai massacre|massacre|purge|"
           r"northern expedition)"),
        "The Shanghai massacre (1927-shanghai-massacre) was Chiang Kai-shek's turn against the Communists, and the "
        "Northern Expedition (1926-northern-expedition) was the Kuomintang's army under Chiang. The data names Mao "
        "Zedong, a Communist, only as the leader of an uprising later in 1927 (1927-autumn-harvest-uprising).",
        ("1927-shanghai-massacre", "1926-northern-expedition", "1927-autumn-harvest-uprising"),
        unless=_r(r"\b(not|never|n't)\b(\s+\S+){0,2}\s+(order|lead|led|command)")),
)


KMT = r"(?:kuomintang|kmt|guomindang|gmd|nationalist party)"
TABLE += (
    Misconception(
        "kmt-communist",
        _r(r"\b" + KMT + r"\b(?:\s+\S+){0,3}?\s+(?:was|were|is|became|remained|stayed)\s+(?:(?:a|an|the|also|itself|really)\s+)*"
           r"(?:(?:chinese|real|secret|true|second)\s+)?(?:communist|bolshevik|marxist)(?!s)\b(?![-\s]+(?:led|allied|backed|friendly))"
           r"|\b" + KMT + r"\s*,\s*(?:a|the)\s+(?:chinese\s+)?communist\s+party\b"
           r"|\bthe\s+communist\s+(?:party\s+)?" + KMT + r"\b"),
        "The Kuomintang was the Chinese Nationalist Party, not a communist one: the Communists had their own party "
        "(1921-ccp-founded) and joined the Kuomintang as individuals (1923-ccp-third-congress), admitted at its "
        "first congress (1924-kmt-first-congress).",
        ("1921-ccp-founded", "1923-ccp-third-congress", "1924-kmt-first-congress"),
        unless=_r(r"\b(not|never|n't|no)\b(\s+\S+){0,2}\s+(a\s+|an\s+)?(communist|bolshevik|marxist)"),
        computed=lambda data: _kmt_hint(data)),
)


def _kmt_hint(data) -> str:
    """The Kuomintang's own name in actors.csv ("Kuomintang (Chinese Nationalist Party)"), in the hint."""
    names = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    hint = TABLE_BY_ID["kmt-communist"].hint
    party = re.search(r"\(([^)]*)\)", names.get("kmt", ""))
    return hint.replace("the Chinese Nationalist Party", f"the {party.group(1)} (actors.csv)") if party else hint


TABLE_BY_ID = {m.id: m for m in TABLE}


def found_in(claim: str, data=None) -> list[Misconception]:
    """The misconceptions the claim states, in the table's order; given the kit's data, then any year of
    recognition the claim gives that the data contradicts (`wrong_years`)."""
    text = " ".join(claim.split())
    found = [m for m in TABLE if m.says.search(text) and not (m.unless and m.unless.search(text))
             and (m.holds is None or m.holds(text))]
    if data is None:
        return found
    found = [dated(m, data, text) for m in found]
    return found + wrong_direction(text, data) + wrong_years(text, data)


def dated(entry: Misconception, data, text: str = "") -> Misconception:
    """The entry with its hint read against the data: the hint for the state the claim names or the computed hint
    if it has one, and each event id it cites followed by that event's date as the data writes it
    ("1927-britain-breaks-relations, 27 May 1927")."""
    from dataclasses import replace

    hint = (entry.named(data, text) if entry.named and text else None) or (
        entry.computed(data) if entry.computed else entry.hint)
    days = dict(zip(data.events["event_id"].astype(str), data.events["date_text"].astype(str)))
    hint = re.sub(r"(?<![\w-])(1[89]\d\d-[a-z0-9-]*[a-z0-9])(?![\w-])(?!, \d)",
                  lambda m: f"{m.group(1)}, {_spoken(days[m.group(1)])}" if m.group(1) in days else m.group(1), hint)
    return replace(entry, hint=hint)


# A law phrase ("de jure", "full recognition") given a time of its own, after it ("in 1924", "later", "only in
# 1924") or just before it ("and then recognised ... de jure"): the second step of "trade first, law later".
LAW = lazy(r"\bde jure\b|\bin law\b|\bfull(?:y)?\s+recogni\w*|\blegal(?:ly)?\s+recogni\w*", re.IGNORECASE)
LATER_STEP = lazy(r"\b(later|then|afterwards|eventually|subsequently|only|followed|until|till|after)\b",
                  re.IGNORECASE)
STATEMENT_END = lazy(r"[.;]|\b(because|since|so|which|but|while|whereas)\b", re.IGNORECASE)


def _law_said_in_1921(text: str) -> bool:
    """Whether a claim puts recognition in law in 1921 or in a trade agreement: some law phrase it names has no
    time of its own ("full recognition in 1924", "de jure only in 1924", "and full recognition later")."""
    for law in LAW.finditer(text):
        end = STATEMENT_END.search(text, law.end())
        after = " ".join(text[law.end(): end.start() if end else len(text)].split()[:6])
        years = set(re.findall(r"\b1[89]\d\d\b", after))
        before = " ".join(re.split(r"\b1921\b|trade agreement", text[:law.start()], flags=re.IGNORECASE)[-1].split()[-6:])
        own_time = (years - {"1921"}) or LATER_STEP.search(after) or re.search(
            r"\b(then|later|afterwards|eventually|subsequently|only)\b", before, re.IGNORECASE) or re.search(
            # "between the trade agreement of 1921 and its de jure recognition": a second step, apart from the first
            r"\bbetween\b[^.;]*\band\s+(?:\w+\s+){0,2}$", text[:law.start()], re.IGNORECASE)
        if not own_time:
            return True
    return False


def _two_steps_hint(data, text: str) -> str | None:
    """The hint for the state the claim names (its trade agreement, then its recognition in law, from the data),
    when that state is not Britain, whose events the table's hint cites; None: the table's hint."""
    first = first_recognitions(data)
    named = []
    for name, state in _state_names(data).items():
        if not _may_hold(text, name):
            continue
        found = re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", text, 0 if name == "us" else re.IGNORECASE)
        if found and state in first:
            named.append((found.start(), text[found.start():found.end()], state))
    if not named:
        return None
    _, typed, state = min(named)
    if state == "britain":
        return None
    typed = typed[:1].upper() + typed[1:]
    facto, jure = first[state].get("de_facto"), first[state].get("de_jure")
    if facto and jure:
        return (f"{typed}'s first step ({facto[1]}) recognised Moscow in practice (de facto); its recognition in "
                f"law came with {jure[1]}. Compare the two dates in data/events.csv: which came first?")
    if jure:
        return (f"The data has {typed} recognising Moscow in law with {jure[1]}, and no recognition of Moscow "
                f"by {typed} in 1921: compare your claim with that event.")
    return None


MASSACRE = lazy(r"\bmassacr\w*", re.IGNORECASE)
DENIAL_NEAR = lazy(r"\b(no|not|never|nor)\s+(\w+\s+){0,2}$|n't\s+(\w+\s+){0,2}$", re.IGNORECASE)
PART_CUT = lazy(r"[,;:()]|\b(and|but|while|whereas|then|before|after|until|only)\b", re.IGNORECASE)


def _massacre_dated(text: str, year: str) -> bool:
    """Whether the claim dates a massacre to `year`: a massacre, not denied ("there was no massacre in 1926"),
    whose own part of the sentence (cut at commas and at "and", "but", "after"...) gives that year as its nearest;
    a sentence that opens on the year ("In 1926, Chiang massacred...") dates the massacres of its first part."""
    for said in MASSACRE.finditer(text):
        if DENIAL_NEAR.search(text[max(0, said.start() - 30):said.start()]):
            continue
        cuts = [0] + [m.start() for m in PART_CUT.finditer(text)] + [len(text)]
        begin = max(c for c in cuts if c <= said.start())
        end = min(c for c in cuts if c >= said.end())
        years = [(abs(m.start() - said.start()), m.group(0), m.start())
                 for m in re.finditer(r"\b1[89]\d\d\b", text[begin:end])]
        if years:
            _, nearest, at = min(years)
            if nearest == year and not DENIAL_NEAR.search(text[begin:begin + at]):
                return True
        elif re.match(rf"\s*in\s+(?:\w+\s+)?{year}\s*,", text, re.IGNORECASE) and begin == text.index(",") :
            return True
    return False


def _britain_first_hint(data) -> str:
    """Which states recognised Moscow in law before Britain did, from data/events.csv."""
    first = first_recognitions(data)
    britain = first.get("britain", {}).get("de_jure")
    from .checks import actor_labels

    names = actor_labels(data.actors)
    earlier = sorted((day, state, event) for state, levels in first.items() for level, (day, event) in levels.items()
                     if level == "de_jure" and britain and day < britain[0])
    if not britain or not earlier:
        return TABLE_BY_ID["britain-first"].hint
    day, state, event = earlier[0]
    return (f"The data counts {len(earlier)} states that recognised Moscow in law (de jure) before Britain did "
            f"({britain[1]}): the first was {names.get(state, state)} ({event}), and Germany did so at Rapallo "
            "(1922-rapallo-treaty). Britain was not the first.")


def _breaks_hint(data) -> str:
    """The counted breaks of relations with Moscow, from data/events.csv."""
    from .recognition import standing_changes

    changes = standing_changes(data.events, data.actors)
    breaks = changes[changes["counted"] & (changes["kind"] == "relations_broken")].sort_values("date")
    if not len(breaks):
        return TABLE_BY_ID["no-breaks"].hint
    from .checks import actor_labels

    names = actor_labels(data.actors)
    listed = "; ".join(f"{names.get(row.state, row.state)} ({row.event_id})" for row in breaks.itertuples())
    return (f"The data records {len(breaks)} breaks of relations with Moscow that count: {listed}. Recognition "
            "did not fall, but relations did: a break of relations is not a withdrawal of recognition.")


# --- "<a state> recognised Moscow in <year>", read against data/events.csv ------------------------------

# A state, then at most four words (none of them a denial or a wait: "refused to", "only", "until"), then the
# verb; the year follows within eight words, or comes just before the state ("In 1924 Britain recognised...").
RECOGNISED = r"(?P<between>(?:\s+[\w']+){0,4}?)\s+(?:recogni[sz]\w*|gave\s+(?:de jure\s+)?recognition)\b"
# the year of the recognition's own clause: not one after "since", "because", "when" ("since Rapallo was signed
# in 1922"), nor one that bounds it ("before 1925")
AFTER = lazy(r"^(?P<rest>(?:\W+(?!(?:but|while|whereas|and|until|though|since|because|when|after|before|so)\b)"
             r"[\w']+){0,8}?)\W+(?:in\s+)?"
             r"(?P<year>1[89]\d\d)\b", re.IGNORECASE)
# words between a state and "recognised" that make it no claim of that state's recognition: a denial, a held-back
# act ("stayed out"), or a second clause with its own subject ("the US stayed out while Europe recognised")
HELD_BACK = lazy(r"\b(not|never|n't|no|longer|stop\w*|ceas\w*|refus\w*|declin\w*|reject\w*|withh[eo]ld\w*|wait\w*|delay\w*|"
                 r"stay\w*|kept|keep\w*|"
                 r"only|until|to|was|were|been|being|would|could|might|should|if|and|but|or|"
                 r"while|whereas|though|although|when|because|since|after|before|so)\b", re.IGNORECASE)
IN_PRACTICE = lazy(r"\bde facto\b|\bin practice\b|\btrade agreement", re.IGNORECASE)
FACTO = lazy(r"\bde facto\b|\bin practice\b", re.IGNORECASE)
IN_LAW = lazy(r"\bde jure\b|\bin law\b|\b(fully|formally|officially|legally)\b|\bfull\b", re.IGNORECASE)


def _spoken(date_text: str) -> str:
    """"1933-11-16" as 16 November 1933; "1924-08" as August 1924."""
    parts = str(date_text).split("-")
    months = ("January February March April May June July August September October November December").split()
    if len(parts) == 3:
        return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    return f"{months[int(parts[1]) - 1]} {parts[0]}" if len(parts) == 2 else parts[0]


@per_reading
def first_recognitions(data) -> dict[str, dict[str, tuple[str, str]]]:
    """{state: {"de_facto" or "de_jure": (date as the data writes it, event id)}}: the first counted day each
    state's recognition of Moscow became de facto and de jure, from data/events.csv (recognition.py)."""
    from .recognition import standing_changes

    changes = standing_changes(data.events, data.actors)
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for row in changes[changes["counted"]].sort_values("date").itertuples():
        found.setdefault(row.state, {}).setdefault(str(row.recognition_after), (str(row.date_text), row.event_id))
    return found


@per_reading
def _state_names(data) -> dict[str, str]:
    """What a claim may call a state or its government ("the United States", "Britain"), to the state's id:
    the names the checks read (checks.names_of), for actors that are states or their governments."""
    from .checks import actor_labels, names_of
    from .recognition import MOSCOW, state_of

    states = state_of(data.actors)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    named = {name: states[actor] for name, actor in names_of(data.actors, actor_labels(data.actors)).items()
             if kinds.get(actor) in ("state", "government") and actor in states and states[actor] not in MOSCOW}
    return {name: state for name, state in named.items() if len(name) >= 3 or name == "us"}


def _may_hold(claim: str, name: str) -> bool:
    """False only where a pattern with `name` as a state's name (wrong_years', wrong_direction's, causes') cannot
    match in `claim`: it holds the name itself, and in ASCII text an ASCII letter matches, ignoring case, only its
    own two cases."""
    if name == "us":
        return "US" in claim or "U.S" in claim
    return not (claim.isascii() and name.isascii()) or name.lower() in claim.lower()


def wrong_years(claim: str, data) -> list[Misconception]:
    """For each state the claim says recognised Moscow in a year, a hint when the data gives that state's
    recognition another year (or none): what the data says, with its event, computed, never a hand list."""
    first = first_recognitions(data)
    found: list[Misconception] = []
    for name, state in sorted(_state_names(data).items(), key=lambda item: -len(item[0])):
        if not _may_hold(claim, name):
            continue  # no pattern to compile: a claim names few of the states
        flags = 0 if name == "us" else re.IGNORECASE  # "US", never the word "us"
        shown = r"US|U\.S\.A?\.?" if name == "us" else re.escape(name)
        for said in re.finditer(rf"(?:\b[Ii]n (?P<before>1[89]\d\d),?\s+)?(?P<state>(?:[Tt]he\s+)?(?<![\w.])(?:{shown}))(?![\w'])"
                                + RECOGNISED, claim, flags):
            if HELD_BACK.search(said.group("between")):
                continue
            after = AFTER.match(claim[said.end():])
            year = said.group("before") or (after.group("year") if after else None)
            clause = claim[said.start(): said.end() + (after.end() if after else 0)]
            if year is None or state in {m.id for m in found}:
                continue
            dates = first.get(state, {})
            if IN_PRACTICE.search(clause):
                # "de facto in 1924" is read against the de facto day; a trade agreement's year is not read here
                if not FACTO.search(clause) or not dates.get("de_facto"):
                    continue
                levels = ("de_facto",)
            else:
                levels = ("de_jure",) if IN_LAW.search(clause) else ("de_facto", "de_jure")
            span = _span(claim, said.end() + after.end(), after) if after and not said.group("before") else None
            years = {str(y) for y in range(int(year), int(span) + 1)} if span else {year}
            if any(dates.get(level, ("",))[0][:4] in years for level in levels):
                continue
            if span:  # "between 1922 and 1924": said as the claim says it, not as its first year
                year = f"between {year} and {span}"
            typed = said.group("state")
            found.append(_year_hint(state, typed[:1].lower() + typed[1:] if typed[:4].lower() == "the " else typed,
                                    year, dates, "in practice (de facto) " if levels == ("de_facto",) else
                                    "in law (de jure) " if levels == ("de_jure",) else ""))
    found += [hint for hint in _passive_years(claim, data, first) if hint.id not in {m.id for m in found}]
    return found


# "the USSR was recognised by Britain in 1924, by Italy in 1924 and by France in 1925": each "by <state> in <year>"
# after a passive recognition
PASSIVE = lazy(r"\b(?:was|were|got|had\s+been|became)\s+(?:\w+\s+)?recogni[sz]ed\b", re.IGNORECASE)
BY_IN = r"\bby\s+(?P<state>(?:the\s+)?(?<![\w.])(?:{shown}))(?![\w'])\s*,?\s+in\s+(?P<year>1[89]\d\d)\b"


def _passive_years(claim: str, data, first) -> list[Misconception]:
    """For each "by <state> in <year>" of a passive recognition, the hint of wrong_years when the data gives that
    state's recognition another year (in law or in practice; only in law when the claim says so)."""
    passive = PASSIVE.search(claim)
    if passive is None or re.search(r"\b(?:not|never)\b|n['’]t\b", claim[:passive.end()], re.IGNORECASE):
        return []
    found: list[Misconception] = []
    tail = claim[passive.end():]
    levels = ("de_jure",) if IN_LAW.search(claim) else ("de_facto", "de_jure")
    for name, state in sorted(_state_names(data).items(), key=lambda item: -len(item[0])):
        if not _may_hold(tail, name) or state in {m.id for m in found}:
            continue
        shown = r"US|U\.S\.A?\.?" if name == "us" else re.escape(name)
        for said in re.finditer(BY_IN.format(shown=shown), tail, 0 if name == "us" else re.IGNORECASE):
            dates = first.get(state, {})
            if not dates or any(dates.get(level, ("",))[0][:4] == said.group("year") for level in levels):
                continue
            found.append(_year_hint(state, said.group("state"), said.group("year"), dates,
                                    "in law (de jure) " if levels == ("de_jure",) else ""))
            break
    return found


def in_practice_meant(claim: str, data) -> list[str]:
    """A tip for a claim that says a state recognised Moscow, without "de facto" or "de jure", in the year of that
    state's recognition in practice, which is not the year of its recognition in law ("Britain recognised the USSR in
    1921 with the trade agreement"): true of the recognition in practice, so never refused; the tip says which
    recognition the data has in which year."""
    if FACTO.search(claim) or IN_LAW.search(claim) or not re.search(r"\brecogni[sz]", claim, re.IGNORECASE):
        return []
    years = set(re.findall(r"\b1[89]\d\d\b", claim))
    first = first_recognitions(data)
    events = data.events.set_index(data.events["event_id"].astype(str))
    tips = []
    for name, state in sorted(_state_names(data).items(), key=lambda item: -len(item[0])):
        if state in {t[0] for t in tips} or not _may_hold(claim, name) or not re.search(
                rf"(?<![\w.]){re.escape(name)}(?![\w'])", claim, 0 if name == "us" else re.IGNORECASE):
            continue
        dates = first.get(state, {})
        facto, jure = dates.get("de_facto"), dates.get("de_jure")
        if not facto or not jure or facto[0][:4] == jure[0][:4] or facto[0][:4] not in years:
            continue
        title = events.loc[facto[1], "title"] if facto[1] in events.index else facto[1]
        tips.append((state, f"In {facto[0][:4]} the data has {name[:1].upper() + name[1:]} recognise Moscow in practice "
                            f"(de facto), by '{title}' ({_spoken(facto[0])}, {facto[1]}); it recognised Moscow in law "
                            f"(de jure) only on {_spoken(jure[0])} ({jure[1]}). Say which one you mean: \"de facto\" "
                            "or \"de jure\"."))
    return [tip for _, tip in tips]


def _when(year: str) -> str:
    return year if year.startswith("between") else f"in {year}"


SPAN_END = lazy(r"\s*(?:and|to|until|-|–)\s*(?P<year>1[89]\d\d)\b", re.IGNORECASE)


def _span(claim: str, at: int, after) -> str | None:
    """The last year of a span the claim gives ("between 1922 and 1924", "from 1922 to 1924"), whose first year
    AFTER read just before `at`; None when the year stands alone."""
    end = SPAN_END.match(claim, at)
    if end and re.search(r"\b(?:between|from)\s*(?:in\s+)?$", after.group(0)[: after.start("year")], re.IGNORECASE):
        return end.group("year") if end.group("year") > after.group("year") else None
    return None


def _year_hint(state: str, typed: str, year: str, dates: dict[str, tuple[str, str]], how: str = "") -> Misconception:
    """What the data says of `state`'s recognition of Moscow, named as the claim names it (`typed`), at the level
    the claim names (`how`, "in practice (de facto) ")."""
    said = [f"in {'law (de jure)' if level == 'de_jure' else 'practice (de facto)'} on {_spoken(day)} ({event})"
            for level, (day, event) in sorted(dates.items(), key=lambda item: item[1][0])
            if level in ("de_facto", "de_jure")]
    if not said:
        hint = (f"Your claim says {typed} recognised Moscow {_when(year)}, but data/events.csv records no recognition "
                f"of Moscow by {typed} in any year: check which state you mean.")
    else:
        # the year is right but the level is not ("de jure in 1922" for a de facto act of 1922): say so, not "the year"
        other = [level for level, (day, _) in dates.items() if level in ("de_facto", "de_jure") and day[:4] in year
                 and how and level not in how.replace(" ", "_")]
        fix = (f": {_when(year)} it was recognition in {'practice (de facto)' if other[0] == 'de_facto' else 'law (de jure)'}"
               f", not in {'law' if other[0] == 'de_facto' else 'practice'}." if other else
               f": check the year against {'that event' if len(said) == 1 else 'those events'} in data/events.csv.")
        hint = (f"Your claim says {typed} recognised Moscow {how}{_when(year)}. The data says {typed} recognised it "
                f"{' and '.join(said)}{'' if 'de_jure' in dates else ', and never in law'}{fix}")
    return Misconception(state, re.compile(""), hint, tuple(event for _, event in dates.values()))


# --- "Moscow recognised <a state>": the data records the other way round ----------------------------------------

MOSCOW = r"(?:the\s+)?(?:ussr|u\.s\.s\.r\.?|soviet\s+union|soviet\s+russia|rsfsr|moscow|kremlin|soviets|soviet\s+government)"
DENIED = lazy(r"\b(not|never|n't|refus\w*|declin\w*|reject\w*|wait\w*|asked|wanted|sought|hoped)\b|n't", re.IGNORECASE)
MUTUAL = lazy(r"\b(each other|one another|mutual\w*|both)\b", re.IGNORECASE)


def _moscow_and_its_people(data) -> str:
    """MOSCOW, or a person of Moscow's (faces.sides: Stalin, Chicherin), by full name or surname: "Stalin
    recognised Britain" turns the act round as "the USSR recognised Britain" does."""
    from .faces import sides

    moscow = sides(data.actors)
    people = data.actors[(data.actors["kind"].astype(str) == "person") & data.actors["actor_id"].isin(moscow)]
    names = sorted({n for full in people["name"].astype(str) for n in (full, full.split()[-1])}, key=len, reverse=True)
    return rf"(?:{MOSCOW}|{'|'.join(re.escape(n) for n in names)})" if names else MOSCOW


def wrong_direction(claim: str, data) -> list[Misconception]:
    """For a claim that Moscow recognised a state ("The USSR recognised Britain in 1924"), what the data records:
    the states that recognised Moscow, with the day and the event of that state's recognition, if any."""
    if MUTUAL.search(claim):
        return []
    first = first_recognitions(data)
    moscow = _moscow_and_its_people(data)
    for name, state in sorted(_state_names(data).items(), key=lambda item: -len(item[0])):
        if not _may_hold(claim, name):
            continue  # no pattern to compile: a claim names few of the states
        shown = r"US|U\.S\.A?\.?" if name == "us" else re.escape(name)
        said = re.search(rf"(?i:\b{moscow}(?P<between>(?:\s+[\w']+){{0,3}}?)\s+(?:recogni[sz]\w*|gave\s+(?:\w+\s+)?"
                         rf"recognition\s+to)(?:\s+(?:the|de jure|de facto|formally|officially|fully))*)\s+(?<![\w.])"
                         rf"(?:{shown})(?![\w'])",
                         claim, 0 if name == "us" else re.IGNORECASE)
        if said is None or DENIED.search(said.group("between")):
            continue
        if _moscow_recognised(state, data, claim):
            continue  # an act of both sides (a treaty both signed), or one the data gives Moscow: true that way round
        dates = first.get(state, {})
        typed = claim[said.start():said.end()]
        recorded = " and ".join(f"in {'law (de jure)' if level == 'de_jure' else 'practice (de facto)'} on "
                                f"{_spoken(day)} ({event})" for level, (day, event) in
                                sorted(dates.items(), key=lambda item: item[1][0]))
        what = (f"it has {name.title() if name != 'us' else 'the US'} recognising Moscow {recorded}" if recorded
                else "it has no recognition of Moscow by that state")
        hint = (f"Your claim says '{typed}': Moscow recognising another state. The kit's data records the other "
                f"way round, states recognising Moscow, and {what}. Turn your claim round, or check who recognised "
                "whom against the events.")
        return [Misconception(f"{state}-direction", re.compile(""), hint, tuple(e for _, e in dates.values()))]
    return []


# An event's text that makes it Moscow's recognition too: Moscow recognised the state, or both sides signed the
# treaty that opened relations ("Wellington Koo for the Peking government and Lev Karakhan for the USSR signed").
BOTH_SIGNED = lazy(r"\b(?:moscow|soviet russia|the ussr|the soviet government)\s+recogni[sz]ed\b"
                   r"|\bfor\s+the\s+(?:ussr|rsfsr|soviet\s+\w+)\s+signed\b"
                   r"|\band\s+(?:soviet russia|the ussr|moscow)\s+(?:signed|made)\s+(?:a|an|the)?\s*(?:\w+\s+){0,3}?"
                   r"(?:peace|treaty|agreement|convention)"
                   r"|\bsigned\b[^.]*\bby\s+\w+\s+and\s+\w+"
                   # Moscow's answer that welcomed or recognised the state's independence (Afghanistan, 1919)
                   r"|\b(?:welcom|recogni[sz])\w*\s+(?:\w+\s+){0,2}independence\b", re.IGNORECASE)


def _moscow_recognised(state: str, data, claim: str) -> bool:
    """Whether the data records Moscow recognising `state` (in a year the claim names, if any): a recognition
    whose actor is Moscow, or relations opened by an act of both sides (BOTH_SIGNED)."""
    from .recognition import MOSCOW as SOVIET_IDS, state_of

    states = state_of(data.actors)
    events = data.events
    years = {int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim)}
    for row in events.itertuples():
        actor, counterpart = str(row.actor), str(row.counterpart)
        if states.get(counterpart, counterpart) == state and actor in SOVIET_IDS:
            ours = str(row.kind) in ("de_facto_recognition", "de_jure_recognition")  # Moscow's own note
        elif states.get(actor, actor) == state and counterpart in SOVIET_IDS:
            ours = str(row.kind) in ("relations_established", "relations_restored") and bool(
                BOTH_SIGNED.search(str(row.description)))
        else:
            continue
        if ours and (not years or row.date.year in years):
            return True
    return False
