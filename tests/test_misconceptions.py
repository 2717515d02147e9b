"""The misconceptions table: each entry fires on claims that state it and stays quiet on good claims."""

import pytest

import breaking_isolation as kit
from breaking_isolation import misconceptions

# (claim, the misconceptions it must set off); an empty tuple: it must set off none.
CLAIMS = [
    ("Britain withdrew its recognition of the USSR in 1927 because of the ARCOS raid.", ("recognition-withdrawn",)),
    ("After the ARCOS raid Britain revoked recognition of Moscow, so the climb ended.", ("recognition-withdrawn",)),
    ("In 1927 British recognition was withdrawn because of Soviet propaganda.", ("recognition-withdrawn",)),
    ("Britain withdrew its recognition of the USSR in 1927 and recognised it again in 1929.",
     ("recognition-withdrawn", "recognised-again")),
    ("Britain recognised the USSR a second time in 1929 because Labour won the election.", ("recognised-again",)),
    ("In 1929 Britain restored its recognition of Moscow, so the break was short.", ("recognised-again",)),
    ("At Rapallo in April 1922 the Soviet Union and Germany signed a treaty because both were outcasts.",
     ("soviet-union-at-rapallo",)),
    ("Chiang massacred the Communists in 1926, which led Stalin to change course.", ("massacre-1926",)),
    ("The 1921 trade agreement gave Moscow recognition in law, so Britain was first.", ("de-facto-as-de-jure",)),
    ("Britain gave full recognition in the trade agreement because it wanted trade.", ("de-facto-as-de-jure",)),
    ("States that recognised Moscow showed their approval of communism, because they traded with it.",
     ("recognition-as-approval",)),
    ("The Comintern was independent of the Soviet government, so Moscow could not stop the Zinoviev letter.",
     ("comintern-independent",)),
    ("Rapallo set up secret military cooperation because the treaty had secret clauses.", ("rapallo-military",)),
    # Good claims, with causes, that name the same events and words: no misconception.
    ("Britain broke off relations in 1927 because of the ARCOS raid, but it did not withdraw its recognition.", ()),
    ("Britain's break of 1927 ended relations but not recognition, so in 1929 only relations were restored.", ()),
    ("In 1929 Britain restored relations, not recognition, because recognition had never lapsed.", ()),
    ("At Rapallo the RSFSR, not yet the Soviet Union, and Germany signed because both were outcasts.", ()),
    ("Chiang's massacre of April 1927 ended the alliance, because Moscow had told the Communists to stay.", ()),
    ("The 1921 trade agreement was de facto recognition, so Britain recognised Moscow in law only in 1924.", ()),
    ("Recognition did not mean approval of communism, because it only accepted who governed.", ()),
    ("Rapallo had no military clause, so the cooperation came by other agreements.", ()),
    ("Moscow's path was a series of bargains, because trade agreements came first and breaks followed in 1927.", ()),
]


@pytest.mark.parametrize(("claim", "expected"), CLAIMS, ids=[c[:40] for c, _ in CLAIMS])
def test_each_claim_sets_off_exactly_its_misconceptions(claim, expected):
    assert tuple(m.id for m in misconceptions.found_in(claim)) == expected


def test_every_misconception_is_met_by_a_claim_that_states_it():
    met = {m for _, expected in CLAIMS for m in expected}
    assert met == {m.id for m in misconceptions.TABLE}


def test_every_hint_points_at_evidence_the_kit_holds():
    data = kit.load()
    documents = {d.id for d in kit.documents.load_documents(data=data)}
    events = set(data.events["event_id"])
    for entry in misconceptions.TABLE:
        assert entry.evidence, entry.id
        for cited in entry.evidence:
            assert cited in (documents if cited.startswith("doc-") else events), (entry.id, cited)
            assert cited in entry.hint, (entry.id, cited)
        assert "wrong" not in entry.hint.lower()  # kind: it points at evidence, it does not scold
