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
    ("Britain was the first state to recognise the USSR, in 1924, because it wanted trade.", ("britain-first",)),
    ("The first country to recognise the Soviet Union was Britain, because Labour won in 1924.", ("britain-first",)),
    ("The UK never recognised the USSR de jure, because it only signed a trade agreement in 1921.",
     ("britain-never-de-jure",)),
    ("No state ever broke off relations with Moscow, because recognition never fell.", ("no-breaks",)),
    ("Stalin wanted the communists to leave the Kuomintang in 1926 because Chiang struck at Canton.",
     ("stalin-leave-1926",)),
    ("Stalin ordered the Communists to leave the Kuomintang in April 1927, so they escaped the massacre.",
     ("stalin-leave-1927",)),
    ("Trotsky kept the Communists inside the Kuomintang in 1927 because he trusted Chiang.", ("trotsky-kept-in",)),
    ("The Comintern ordered the Communists out of the Kuomintang in July 1927.", ("comintern-ordered-out",)),
    ("The Comintern ordered the Communists out of the Wuhan government in July 1927.", ()),
    ("Trotsky wanted the Communists to stay in the Kuomintang in 1927 while Stalin wanted them out.",
     ("debate-turned-round",)),
    ("In 1927 Stalin wanted the Communists out of the Kuomintang, whereas Trotsky wanted them to stay in.",
     ("debate-turned-round",)),
    ("The Chinese Communist Party left the Kuomintang in 1924 because Stalin ordered it.", ("ccp-left-1924",)),
    ("In 1927 Britain stopped recognising the Soviet Union, so the climb ended.", ("recognition-withdrawn",)),
    ("After the ARCOS raid Britain no longer recognised Moscow, so trade stopped.", ("recognition-withdrawn",)),
    ("The number of states recognising Moscow went down in 1927 when Britain broke off relations.",
     ("recognition-withdrawn",)),
    ("After 1927 only 23 states recognised Moscow because Britain left.", ("recognition-withdrawn",)),
    ("The recognition count dropped when Britain broke off relations in 1927.", ("recognition-withdrawn",)),
    ("Fewer states recognised Moscow after Britain broke off relations in 1927.", ("recognition-withdrawn",)),
    ("Chiang Kai-shek was a communist, so Moscow could count on him in 1927.", ("chiang-communist",)),
    ("Chiang Kai-shek was a loyal Bolshevik who joined the Comintern in 1927.", ("chiang-communist",)),
    ("Chiang Kai-shek would have had to remain a communist.", ("chiang-communist",)),  # a condition of exercise G
    ("Stalin signed the Anglo-Soviet trade agreement in 1921, which shows trade came first.",
     ("trade-agreement-signer",)),
    ("Lenin signed the trade agreement with Britain in 1921 because Russia needed trade.", ("trade-agreement-signer",)),
    ("Mao ordered the Shanghai massacre in 1927, so the united front was a mistake.", ("mao-led-1927",)),
    ("Mao led the Northern Expedition in 1926 because Moscow backed him.", ("mao-led-1927",)),
    ("The Kuomintang was a communist party, so Moscow backed it from 1923.", ("kmt-communist",)),
    ("Sun Yat-sen's Kuomintang was itself a Marxist party because Borodin advised it.", ("kmt-communist",)),
    ("Moscow backed the communist Kuomintang in 1924 because it wanted a revolution in China.", ("kmt-communist",)),
    # Good claims, with causes, that name the same events and words: no misconception.
    ("Stalin wanted the Communists to stay in the Kuomintang in 1927 while Trotsky wanted them out.", ()),
    ("Stalin kept the Communists in the Kuomintang in 1927, but Trotsky wanted them out, so the debate split Moscow.",
     ()),
    ("The Kuomintang was not a communist party, so the Communists joined it as individuals in 1924.", ()),
    ("The Kuomintang was a nationalist party that the communists joined in 1924 because Moscow told them to.", ()),
    ("Chiang Kai-shek was no communist, so he turned on the Communists at Shanghai in 1927.", ()),
    ("Chiang Kai-shek was not a communist, so the alliance with him could not last.", ()),
    ("Chiang Kai-shek would have had to stay allied with the Communists.", ()),
    ("Krasin signed the trade agreement with Britain in 1921, which shows trade came before recognition.", ()),
    ("Lenin wanted the trade agreement of 1921 because Russia needed trade.", ()),
    ("Mao led an uprising in Hunan after the Shanghai massacre of 1927.", ()),
    ("Britain broke off relations in 1927 because of the ARCOS raid, but it did not withdraw its recognition.", ()),
    ("Britain's break of 1927 ended relations but not recognition, so in 1929 only relations were restored.", ()),
    ("In 1929 Britain restored relations, not recognition, because recognition had never lapsed.", ()),
    ("At Rapallo the RSFSR, not yet the Soviet Union, and Germany signed because both were outcasts.", ()),
    ("Chiang's massacre of April 1927 ended the alliance, because Moscow had told the Communists to stay.", ()),
    ("The 1921 trade agreement was de facto recognition, so Britain recognised Moscow in law only in 1924.", ()),
    ("Recognition did not mean approval of communism, because it only accepted who governed.", ()),
    ("Rapallo had no military clause, so the cooperation came by other agreements.", ()),
    ("Britain was the first great power to recognise the USSR in law, because Labour wanted trade in 1924.", ()),
    ("Germany recognised Moscow before Britain did, because Rapallo came in 1922.", ()),
    ("Britain was the first state to recognise Soviet Russia de facto, with the trade agreement of 1921.", ()),
    ("The UK did not recognise the USSR de jure until 1924, because the 1921 trade agreement was de facto.", ()),
    ("Britain never withdrew its recognition of the USSR, so in 1929 only relations came back.", ()),
    ("Britain broke off relations in 1927, so not every state kept its ties with Moscow.", ()),
    ("In 1926 Stalin insisted the communists stay inside the Kuomintang, so they left only in 1927.", ()),
    ("Trotsky wanted the communists to leave the Kuomintang in 1926, but Stalin refused.", ()),
    ("Stalin kept the Communists inside the Kuomintang in April 1927, so Chiang could strike them.", ()),
    ("The Communists left the Kuomintang in 1927 after Stalin's line failed at Wuhan.", ()),
    ("Stalin refused to order the Communists to leave the Kuomintang in 1927, as Trotsky demanded.", ()),
    ("Trotsky attacked the policy that kept the Communists inside the Kuomintang in 1927.", ()),
    ("The Chinese Communists joined the Kuomintang in 1924 and left it in 1927 because Chiang struck.", ()),
    ("Britain did not stop recognising the USSR in 1927, because a break of relations is not a withdrawal.", ()),
    ("Moscow's path was a series of bargains, because trade agreements came first and breaks followed in 1927.", ()),
    ("The number of states recognising Moscow did not go down in 1927 when Britain broke off relations.", ()),
    ("The number of states with relations with Moscow fell in 1927 when Britain broke off.", ()),
    ("The number of states that recognised Moscow and had relations with it fell in 1927.", ()),
    ("Fewer states recognised Moscow in 1922 than in 1925, because many waited for Britain.", ()),
    ("In 1922 only two states recognised Moscow in law because the others feared communism.", ()),
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


CLAIMS_AGAINST_THE_DATA = [
    ("Britain was the first state to recognise the USSR, in 1924, because it wanted trade.", "britain-first"),
    ("No state ever broke off relations with Moscow, because recognition never fell.", "no-breaks"),
]


@pytest.mark.parametrize(("claim", "which"), CLAIMS_AGAINST_THE_DATA, ids=[c[:30] for c, _ in CLAIMS_AGAINST_THE_DATA])
def test_a_hint_about_dates_or_counts_is_computed_from_the_data(claim, which):
    data = kit.load()
    from breaking_isolation import recognition
    changes = recognition.standing_changes(data.events, data.actors)
    hint = next(m.hint for m in misconceptions.found_in(claim, data) if m.id == which)
    if which == "no-breaks":
        breaks = changes[changes["counted"] & (changes["kind"] == "relations_broken")]
        assert f"records {len(breaks)} breaks" in hint
        assert all(event in hint for event in breaks["event_id"])
    else:
        first = misconceptions.first_recognitions(data)
        before = [s for s, levels in first.items() if "de_jure" in levels
                  and levels["de_jure"][0] < first["britain"]["de_jure"][0]]
        earliest = min(before, key=lambda s: first[s]["de_jure"][0])
        assert f"counts {len(before)} states" in hint and first[earliest]["de_jure"][1] in hint


def test_stopped_recognising_is_no_year_of_recognition():
    data = kit.load()
    claim = "In 1927 Britain stopped recognising the Soviet Union, so the climb ended."
    assert misconceptions.wrong_years(claim, data) == []
    assert [m.id for m in misconceptions.found_in(claim, data)] == ["recognition-withdrawn"]


YEAR_CLAIMS = [
    "In 1924 Britain recognised the Soviet Union and the US recognised it in 1925.",
    "The U.S.A. recognised Moscow in 1924; in 1922 Germany recognised it at Rapallo.",
    "FRANCE RECOGNISED THE USSR IN 1925, and the united states recognized it in 1920.",
    "In 1923 Italy, Japan and China recognised the Soviet government.",
    "Us students think Japan recognised Moscow in 1924 and us recognised it too.",
    "In 1924 Brıtain recognised the USSR (a dotless i), and Kelvın's country, Japan, in 1926.",
    "Mexico recognised the Soviet Union in 1929; Norway in 1920; Sweden in 1925.",
    "In 1921 the British government recognised Moscow in practice, and in law in 1930.",
]


@pytest.mark.parametrize("claim", YEAR_CLAIMS)
def test_a_year_hint_is_the_same_when_states_the_claim_cannot_name_are_skipped(claim, monkeypatch):
    """wrong_years compiles a pattern only for the states whose names a claim may hold (_may_hold): the hints are
    those of a pattern for every state."""
    data = kit.load()
    quick = misconceptions.wrong_years(claim, data)
    monkeypatch.setattr(misconceptions, "_may_hold", lambda claim, name: True)
    assert quick == misconceptions.wrong_years(claim, data)
