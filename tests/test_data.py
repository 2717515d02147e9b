"""The kit's real data: valid under its published schema, and every event cited."""


import frictionless

import breaking_isolation as kit

ROOT = kit.kit_root()
import write_datapackage  # noqa: E402


def test_datapackage_json_is_what_the_vocabularies_say():
    on_disk = (ROOT / "data" / "datapackage.json").read_text(encoding="utf-8")
    assert on_disk == write_datapackage.render(), "run: PYTHONPATH=notebooks python tools/write_datapackage.py"


def test_frictionless_validator_passes():
    report = frictionless.validate(str(ROOT / "data" / "datapackage.json"))
    errors = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors] + \
             [err.message for err in report.errors]
    assert report.valid, "\n".join(errors[:20])


def test_every_event_cites_a_source_that_exists():
    data = kit.load()
    known = set(data.sources["source_id"])
    for event_id, ids in zip(data.events["event_id"], data.events["source_ids"]):
        assert ids and set(ids) <= known, event_id


def test_no_firm_belongs_to_a_state_other_than_moscow():
    """data/README.md, 'Private bodies': a firm belongs to a state only if the state owned it. Moscow's trading
    companies did (the monopoly of foreign trade); every foreign firm in the kit was private, and its dealings
    make no tie of its country's."""
    from breaking_isolation import sides

    data = kit.load()
    soviet = sides.soviet_side(data.actors)
    firms = data.actors[data.actors["kind"].astype(str) == "firm"]
    owned = {a: b for a, b in zip(firms["actor_id"], firms["belongs_to"]) if isinstance(b, str) and b}
    assert {a for a in owned if a not in soviet} == set(), owned
    assert {"amtorg", "arcos"} <= soviet


# data/README.md, "Founding rows: who is the actor": bodies the data has no actor for, coded to the body they
# belonged to, and the one body whose row proclaims a new form of an actor that keeps its id (so its dates do not
# fall on the row's day).
FOUNDED_WITHOUT_AN_ACTOR = {"1921-kutv-founded": "comintern", "1925-sun-yat-sen-university": "comintern"}
NEW_FORM_OF_AN_ACTOR = {"1924-mongolian-peoples-republic": "mongolia"}


# data/README.md, "Founding rows: who is the actor": a body founded by several keeps one counterpart, the founder
# the data has as an actor, and names all its founders in the description. The USSR: four republics, by the union
# treaty of 30 December 1922, and only Soviet Russia is an actor.
FOUNDED_BY_SEVERAL = {"1922-ussr-founded": ("rsfsr", ("Russian", "Ukrainian", "Belorussian", "Transcaucasian"))}


def test_a_body_founded_by_several_names_every_founder():
    """The counterpart of the USSR's founding is one founder of four, and the row and the rule say so: no reader
    (or check) should take Soviet Russia for the USSR's founder."""
    import csv

    with open(ROOT / "data" / "events.csv", encoding="utf-8", newline="") as f:
        events = {r["event_id"]: r for r in csv.DictReader(f)}
    rule = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert "Soviet Russia for the USSR" not in rule
    for event, (counterpart, founders) in FOUNDED_BY_SEVERAL.items():
        row = events[event]
        assert row["counterpart"] == counterpart, event
        missing = [name for name in founders if name not in row["description"]]
        assert missing == [], f"{event}: its description leaves out founders {missing}"
        assert f"{len(founders)} founding republics" in row["date_note"].replace("four", str(len(founders))), event
        assert f"`{event}`" in rule, f"the founding rule names no row for a body founded by several ({event})"


def _same_day(a: str, b: str) -> bool:
    """Two ISO dates at any precision name the same time when one is the start of the other (1924, 1924-05)."""
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def test_founding_rows_follow_one_rule():
    """The body founded is the actor, dated by its own start (or end, if it changed form); it is never the
    counterpart; a body with no actor of its own is coded to the body it belonged to, named above."""
    import csv

    with open(ROOT / "data" / "actors.csv", encoding="utf-8", newline="") as f:
        actors = {r["actor_id"]: r for r in csv.DictReader(f)}
    with open(ROOT / "data" / "events.csv", encoding="utf-8", newline="") as f:
        foundings = [r for r in csv.DictReader(f) if r["kind"] == "founding"]
    assert foundings
    problems = []
    for row in foundings:
        event, date, actor, counterpart = row["event_id"], row["date"], row["actor"], row["counterpart"]
        if _same_day(actors[counterpart]["start_date"], date):
            problems.append(f"{event}: the body founded ({counterpart}) is the counterpart; make it the actor")
        if event in FOUNDED_WITHOUT_AN_ACTOR:
            if actor != FOUNDED_WITHOUT_AN_ACTOR[event]:
                problems.append(f"{event}: a body with no actor of its own, coded to {actor}, not to the body it "
                                f"belonged to ({FOUNDED_WITHOUT_AN_ACTOR[event]})")
        elif event in NEW_FORM_OF_AN_ACTOR:
            if actor != NEW_FORM_OF_AN_ACTOR[event]:
                problems.append(f"{event}: the body that changed form is {NEW_FORM_OF_AN_ACTOR[event]}, not {actor}")
        elif not (_same_day(actors[actor]["start_date"], date) or _same_day(actors[actor]["end_date"], date)):
            problems.append(f"{event}: its actor {actor} neither begins nor ends on {date}; is it the body founded?")
    assert problems == [], "\n".join(problems)
