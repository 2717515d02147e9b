"""The charts the notebooks call: each draws the table it is given, in the medium's sizes, with alt text that
states the table's own numbers. Run on the small history of test_recognition (hand counts there)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402

import breaking_isolation as kit  # noqa: E402
from breaking_isolation import charts, recognition, style  # noqa: E402
from test_recognition import ACTORS, events  # noqa: E402


@pytest.fixture
def changes():
    return recognition.standing_changes(events(), ACTORS)


@pytest.fixture(params=["notebook", "slide"])
def medium(request, monkeypatch):
    monkeypatch.setenv("KIT_MEDIUM", request.param)
    style.use()
    yield request.param
    monkeypatch.delenv("KIT_MEDIUM")
    style.use()


def _texts(fig) -> list:
    fig.canvas.draw()
    return [t for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip() and t.get_visible()]


def _check_sizes(fig, medium):
    """Every text of the figure is at least the medium's smallest size (the source line's)."""
    smallest = style.fontsize("source", medium)
    small = [(t.get_text(), t.get_fontsize()) for t in _texts(fig) if t.get_fontsize() < smallest - 0.01]
    assert not small, small
    width = fig.get_size_inches()[0]
    assert width <= style.figsize("panels", where=medium)[0] + 0.01


def test_recognition_steps_draw_the_counts_and_the_naive_line(changes, medium):
    recognised, naive = recognition.recognition_counts(changes), recognition.naive_counts(changes)
    fig = charts.recognition_steps(recognised, naive)
    lines = fig.axes[0].get_lines()
    assert len(lines) == 3
    de_jure = lines[0].get_ydata()
    assert max(de_jure) == recognised["de_jure"].max() and list(de_jure) == sorted(de_jure)  # it never falls
    assert max(lines[2].get_ydata()) == naive.iloc[-1]
    _check_sizes(fig, medium)
    plt.close(fig)


def test_recognition_alt_states_the_counts(changes):
    recognised, naive = recognition.recognition_counts(changes), recognition.naive_counts(changes)
    alt = charts.recognition_alt(recognised, naive, years=(1921, 1924))
    # test_recognition's hand count: end of 1921 two states de facto, none de jure; end of 1924 five de jure
    at_1924 = recognition.counts_at(recognised, "1924-12-31")
    assert f"{int(at_1924['de_jure'])} at the end of 1924" in alt
    assert "never falls" in alt
    assert f"ends at {int(naive.iloc[-1])}" in alt


def test_relations_steps_name_every_counted_break_and_restoration(changes, medium):
    relations = recognition.relations_counts(changes)
    fig = charts.relations_steps(relations, changes)
    labels = [t.get_text() for t in fig.axes[0].texts]
    turns = changes[changes["counted"] & changes["kind"].isin(["relations_broken", "relations_restored"])]
    assert len(labels) == len(turns)
    assert any("United Kingdom breaks" in label for label in labels)
    assert not any("1927" in label and "China" in label for label in labels)  # Nanjing's 1927 break did not count
    _check_sizes(fig, medium)
    plt.close(fig)
    alt = charts.relations_alt(relations, changes)
    assert "relations with United Kingdom broken off in May 1927" in alt


def test_state_paths_keep_the_states_of_several_steps_and_mark_the_uncounted(changes, medium):
    fig = charts.state_paths(changes)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks[0] == "United Kingdom" and "China" in ticks and "Canada" not in ticks  # Canada: one counted act
    assert len(ticks) <= style.max_rows("slide")
    ax = fig.axes[0]
    # one bar call per standing and one collection per state of relations, however many spans: each a single artist
    assert len(ax.containers) == 2 and len(ax.get_lines()) == 0
    lines = [len(c.get_segments()) for c in ax.collections if isinstance(c, LineCollection)]
    assert len(lines) == 2 and sum(lines) > len(ticks)  # a line per span of relations, in two collections
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "a break that did not count" in legend
    _check_sizes(fig, medium)
    plt.close(fig)
    alt = charts.state_paths_alt(changes)
    assert "(did not count)" in alt and alt.count(":") >= len(ticks)


def test_first_recognitions_and_events_by_tone_stack_their_columns(changes, medium):
    firsts = recognition.first_recognitions(changes)
    by_region = firsts.pivot_table(index=firsts["date"].dt.year, columns="region", values="state",
                                   aggfunc="count", fill_value=0)
    fig = charts.first_recognitions_by_year(by_region)
    assert len(fig.axes[0].patches) == (by_region != 0).sum().sum()  # a bar per state-year, none for a zero
    _check_sizes(fig, medium)
    plt.close(fig)
    assert f"with {int(by_region.sum(axis=1).max())} states" in charts.first_recognitions_alt(by_region)

    per_year = pd.DataFrame({"cooperative": [3, 1], "neutral": [0, 2], "hostile": [1, 4]}, index=[1926, 1927])
    fig = charts.events_by_tone(per_year)
    heights = sorted(p.get_height() for p in fig.axes[0].patches)
    assert heights == sorted(v for v in per_year.to_numpy().ravel() if v)
    tops = sorted((p.get_x() + p.get_width() / 2, p.get_y() + p.get_height()) for p in fig.axes[0].patches)
    assert tops == [(1926, 3), (1926, 4), (1927, 1), (1927, 3), (1927, 7)]  # stacked, a zero taking no height
    left, right = fig.axes[0].get_xlim()
    assert left < 1926 - 0.4 and right > 1927 + 0.4  # the axes still hold every bar whole
    plt.close(fig)
    alt = charts.events_by_tone_alt(per_year)
    assert "11 events" in alt and "busiest year is 1927" in alt and "1927 (4)" in alt


def test_ties_by_sign_and_network_panels_in_the_medium(medium):
    index = pd.date_range("1926-03-31", periods=4, freq="QE")
    moscow = pd.DataFrame({"cooperative": [5, 7, 6, 6], "hostile": [1, 1, 2, 3], "neutral": 0}, index=index)
    fig = charts.ties_by_sign(moscow)
    assert [max(line.get_ydata()) for line in fig.axes[0].get_lines()] == [7, 3]
    _check_sizes(fig, medium)
    plt.close(fig)
    assert "peak at 7 (first in June 1926)" in charts.ties_by_sign_alt(moscow)

    ties = events().assign(tone="cooperative", title="")
    graph = kit.network.build(ties, ACTORS, keep=["ussr", "britain", "germany", "china-beijing"])
    fig = kit.network.draw_panels({"one": graph, "two": graph}, title="Two panels")
    node_sizes = {t.get_fontsize() for ax in fig.axes for t in ax.texts}
    assert node_sizes == {style.fontsize("node", medium)}
    _check_sizes(fig, medium)
    plt.close(fig)


def _tight_layout_fit(fig, ax, renderer):
    """What charts._key did before it fitted the axes in one measurement: matplotlib's tight_layout()."""
    fig.tight_layout()
    return ax.get_tightbbox(renderer).transformed(fig.transFigure.inverted())


def test_a_charts_key_and_source_sit_below_its_axes_laid_out_as_tight_layout_would(changes, medium, monkeypatch):
    per_year = pd.DataFrame({"cooperative": [3, 1, 2], "neutral": [0, 2, 1], "hostile": [1, 4, 0]},
                            index=[1926, 1927, 1928])
    for draw in (lambda: charts.events_by_tone(per_year), lambda: charts.recognition_steps(
            recognition.recognition_counts(changes), recognition.naive_counts(changes))):
        fig = draw()
        ax, key = fig.axes[0], fig.legends[0]
        renderer = fig.canvas.get_renderer()
        decorations = ax.get_tightbbox(renderer)
        source = [t for t in fig.texts if t.get_text().startswith("Source")][0].get_window_extent(renderer)
        keyed = key.get_window_extent(renderer)
        assert keyed.y1 <= decorations.y0 and source.y1 <= keyed.y0  # no overlap: axes, then key, then source
        assert decorations.x0 >= 0 and decorations.x1 <= fig.bbox.x1 and decorations.y1 <= fig.bbox.y1
        with monkeypatch.context() as patched:
            patched.setattr(charts, "_fit", _tight_layout_fit)
            same = draw()
        for got, want in ((ax, same.axes[0]), (key, same.legends[0])):
            got, want = got.get_window_extent(renderer).bounds, want.get_window_extent(renderer).bounds
            assert all(abs(a - b) < 1.0 for a, b in zip(got, want)), (got, want)  # within a pixel
        plt.close(fig)
        plt.close(same)


def _crossings(fig) -> list[str]:
    """Where, in figure 2 as drawn, a line runs through a turn's name: the relations lines, another turn's leader, or
    another name (and any name outside the axes)."""
    import numpy as np  # noqa: PLC0415

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    names = {t.get_text().strip(): t.get_window_extent(renderer) for t in ax.texts}
    frame = ax.get_window_extent(renderer)
    found = [f"{n} leaves the axes" for n, box in names.items() if box.x0 < frame.x0 - 1 or box.x1 > frame.x1 + 1]
    for line in ax.get_lines():
        xy = ax.transData.transform(np.column_stack([matplotlib.dates.date2num(line.get_xdata()),
                                                     np.asarray(line.get_ydata(), dtype=float)]))
        if line.get_drawstyle() == "steps-post":        # a step line: along, then up or down
            xy = np.repeat(xy, 2, axis=0)[1:-1]
            xy[1::2, 1] = xy[0::2, 1]
        leader = len(xy) == 2 and abs(xy[0, 0] - xy[1, 0]) < 0.5
        for name, box in names.items():
            for (x0, y0), (x1, y1) in zip(xy, xy[1:]):
                if leader and abs(box.x0 - x0) < 1.5 or leader and abs(box.x1 - x0) < 1.5:
                    continue                              # a name's own leader meets it at its end
                # an axis-parallel segment through the inside of the name's box (shrunk by a pixel)
                if (min(x0, x1) < box.x1 - 1 and max(x0, x1) > box.x0 + 1
                        and min(y0, y1) < box.y1 - 1 and max(y0, y1) > box.y0 + 1):
                    found.append(f"{'a leader' if leader else line.get_label()} runs through {name}")
                    break
    boxes = list(names.items())
    found += [f"{a} meets {b}" for i, (a, p) in enumerate(boxes) for b, q in boxes[i + 1:] if p.overlaps(q)]
    return found


def test_relations_steps_no_line_runs_through_a_turns_name(medium):
    """On the live data (Mexico's break of January 1930 among five other turns of 1924-32), every turn's name sits
    clear of the relations lines, of the other turns' leaders and of the other names, in the notebook and on a slide."""
    data = kit.load()
    changes = recognition.standing_changes(data.events, data.actors)
    fig = charts.relations_steps(recognition.relations_counts(changes), changes)
    assert any(t.get_text().strip().startswith("Mexico breaks") for t in fig.axes[0].texts)
    assert _crossings(fig) == []
    plt.close(fig)


def test_the_crossing_check_sees_a_line_through_a_name(medium):
    """The check can fail: a name moved onto the line of states with relations in place is caught."""
    data = kit.load()
    changes = recognition.standing_changes(data.events, data.actors)
    relations = recognition.relations_counts(changes)
    fig = charts.relations_steps(relations, changes)
    mexico = next(t for t in fig.axes[0].texts if t.get_text().strip().startswith("Mexico breaks"))
    mexico.set_transform(fig.axes[0].transData)  # from the band above the axes down onto the line, in its units
    mexico.set_y(relations["established"].iloc[-1] - 0.3)
    assert any("through Mexico breaks" in c for c in _crossings(fig))
    plt.close(fig)


def test_relations_steps_keep_the_axes_for_the_data_and_call_a_lapse_a_lapse(medium):
    """On the live data about twenty states have relations with Moscow: the axes run to that and a little headroom,
    not to four times it, because the turns' names sit in a band above the axes, each with its leader; and
    Albania's relations of 1924, which lapsed without a formal break, are labelled a lapse, not a break."""
    data = kit.load()
    changes = recognition.standing_changes(data.events, data.actors)
    relations = recognition.relations_counts(changes)
    fig = charts.relations_steps(relations, changes)
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    top = relations["established"].max()
    assert ax.get_ylim()[1] <= top * 1.25 + 1, ax.get_ylim()
    frame = ax.get_window_extent(renderer)
    names = {t.get_text().strip(): t.get_window_extent(renderer) for t in ax.texts}
    assert all(box.y0 >= frame.y1 - 1 for box in names.values()), names  # above the data, never on it
    assert any(name.startswith("Albania lapses") for name in names), list(names)
    assert not any(name.startswith("Albania breaks") for name in names)
    assert "relations with Albania lapsed in December 1924" in charts.relations_alt(relations, changes)
    plt.close(fig)
