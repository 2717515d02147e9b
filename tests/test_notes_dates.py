"""A date a teacher reads aloud from a notebook's Markdown (speaker notes included) is the data's date for that
event: a note that says "on 26 May Britain broke off relations" while the data and the checks say 27 May teaches
two days for one act. Each phrase below names one event of data/events.csv; a day and month written just before
it must be that event's."""

import re
from pathlib import Path

import nbformat
import pytest

import breaking_isolation as kit

ROOT = Path(__file__).parent.parent
EVENTS = kit.load().events.set_index("event_id")
# (words that follow the date, the event they name)
PHRASES = [("Britain broke off relations", "1927-britain-breaks-relations"),
           ("Chiang's troops massacred the communists of Shanghai", "1927-shanghai-massacre"),
           ("he set up his own government at Nanjing", "1927-nanjing-government"),
           ("Stalin's theses turned Moscow against Chiang", "1927-stalin-theses-china")]
DATED = r"\b[Oo]n (\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) "


def _markdown():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for number, cell in enumerate(nbformat.read(path, as_version=4).cells):
            if cell.cell_type == "markdown":
                yield f"{path.name} cell {number}", " ".join(cell.source.split())


@pytest.mark.parametrize("phrase, event", PHRASES)
def test_a_day_written_before_an_event_is_the_data_s_day(phrase, event):
    date = EVENTS.loc[event, "date"]
    found = 0
    for where, text in _markdown():
        for day, month in re.findall(DATED + re.escape(phrase), text):
            found += 1
            assert (int(day), month) == (date.day, date.strftime("%B")), (
                f"{where}: 'on {day} {month} {phrase}', but the data dates {event} {date:%d %B %Y}")
    assert found, f"no notebook dates '{phrase}' any more: take it out of PHRASES"
