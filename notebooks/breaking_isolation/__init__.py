"""Breaking Isolation: the shared code behind the kit's notebooks.

    import breaking_isolation as kit
    data = kit.load()          # validated events, actors and sources
    kit.style.use()            # the kit's figure style
    kit.show(fig, alt="...")   # a figure as an image with alt text (shown in any JupyterLab, trusted or not)
    kit.table(df, columns={"date": "Date"})  # a table for people: no index, readable headers, whole dates
    kit.written_date(when)     # a date as people write it: 1 February 1924
    kit.events_in(events, 1924, "cooperative")  # notebook 0's "Your turn": a year's events of one tone
    kit.charts.recognition_steps(counts)  # one call per figure
    kit.check("recognition-1", answer)  # an exercise: right, or wrong with a hint
"""

import gc
import importlib

# Importing pandas and matplotlib makes hundreds of thousands of objects that live as long as the kernel; Python's
# collector sweeps all of them for reference cycles again and again as they arrive, and at every full sweep after.
# It pauses while the kit's modules import, then sets everything imported so far aside for good (gc.freeze): later
# sweeps look only at what the notebook makes. That was 0.1 CPU seconds of every kernel, four times a lesson.
_collecting = gc.isenabled()
gc.disable()
try:
    from . import set_help_later

    set_help_later.use()  # before the rest of matplotlib: its set() help is built on first use, not at import
    from . import style
    from .figures import events_in, show, table, to_svg, written_date
    from .loader import DataError, KitData, Problem, load
    from .paths import data_dir, kit_root, output_dir
    from . import checks
    from . import freshness
    from .checks import check  # a check reads checks.MODULES, in order, until it finds its exercise
finally:
    gc.freeze()
    if _collecting:
        gc.enable()

# Imported on first use (PEP 562), so that a notebook pays only for what it uses: `kit.network` brings in
# networkx, which notebooks 0 and 1 never need.
LAZY = ("charts", "china", "china_charts", "country_study", "documents", "evidence", "network", "recognition")


def __getattr__(name: str):
    if name in LAZY:
        module = importlib.import_module(f".{name}", __name__)  # also sets it as this package's attribute
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(LAZY))


freshness.watch()  # in a notebook, follow which cells set `answer`, so a check grades what was just written

__all__ = ["DataError", "charts", "check", "checks", "china", "china_charts", "country_study", "documents", "evidence", "recognition", "KitData", "Problem",
           "data_dir", "events_in", "kit_root", "load", "network", "output_dir", "show", "style", "table", "to_svg", "written_date"]
