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
