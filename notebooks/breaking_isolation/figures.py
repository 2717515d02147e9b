"""Show figures and tables the way every reader meets them: in JupyterLab (trusted or not), decks and handouts.

    kit.show(fig, alt="...")                      # a figure: an <img> with alt text, and its SVG
    kit.table(df, columns={"date": "Date", "label": "State"}, max_rows=8)   # a table for people
    kit.written_date("1924-02-01")                # 1 February 1924, in prose as in every table

A figure is one output with three forms of the same SVG. JupyterLab shows `text/html` first, trusted or not:
an `<img alt=...>` whose source is the SVG as a data: URL, so that a notebook just cloned, pulled or uploaded
shows its figures at once and a screen reader reads the alt text on the image itself (Lab shows an untrusted
`image/svg+xml` as its text only, and strips inline `<svg>` from HTML). `image/svg+xml` keeps the figure for
every other reader and for strict nbval, which compares it; `text/plain` is the alt text, for a terminal.
The SVG re-runs byte-identical (fixed hash salt, no date), so strict nbval compares the figures themselves.
"""

import base64
import html
import io
import math
from collections.abc import Mapping

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from matplotlib.transforms import Bbox

from . import markup, style
from .patterns import lazy
from .style import SVG_HASHSALT
from .vocabulary import ISO_DATE, KIND_WORDS

# How a recognition standing reads in a table: the data writes "de_jure", a reader "de jure".
STANDING_WORDS = {"de_facto": "de facto", "de_jure": "de jure"}


def to_svg(fig, alt: str) -> str:
    """The figure as SVG text, with no date in it and `alt` as its accessible name."""
    buffer = io.StringIO()
    with plt.rc_context({"svg.hashsalt": SVG_HASHSALT}):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches=_tight_box(fig))
    svg = buffer.getvalue()
    label = html.escape(alt, quote=True)
    opening_end = svg.index(">", svg.index("<svg")) + 1
    opening = svg[:opening_end - 1] + f' role="img" aria-label="{label}">'
    return opening + f"\n <title>{label}</title>" + svg[opening_end:]


def _tight_box(fig):
    """The figure's tight bounding box (inches, padded as savefig pads it), so that the SVG is drawn once: with
    bbox_inches="tight" matplotlib would first draw the whole figure to measure it, and that draw cost as much as
    the SVG itself. A chart's layout has measured what it draws (`drawn`): that box is taken as it is, unless the
    figure has changed since; else the figure is measured with the renderer its layout was worked out on. A
    layout engine that lays nothing out any more (what fig.tight_layout() leaves behind) would force that first
    draw too, so it is let go; a working one (layout="constrained") lays the figure out as it draws, so savefig
    measures that figure itself."""
    get_renderer = getattr(fig.canvas, "get_renderer", None)
    engine = fig.get_layout_engine()
    if get_renderer is None or (engine is not None and not isinstance(engine, PlaceHolderLayoutEngine)):
        return "tight"
    fig.set_layout_engine(None)
    pad = mpl.rcParams["savefig.pad_inches"]
    known = getattr(fig, _DRAWN, None)
    if known is not None and known[1] == _artists(fig):
        return known[0].padded(pad)
    return fig.get_tightbbox(get_renderer()).padded(pad)


_DRAWN = "_kit_drawn"  # the figure's attribute: the box its layout measured, and its count of artists then


def _artists(fig) -> int:
    """How many artists the figure and its axes hold: a change after the layout (a student's annotation, say)
    changes it, and the figure is then measured again."""
    return len(fig.get_children()) + sum(len(ax.get_children()) for ax in fig.axes)


def drawn(fig, *boxes) -> None:
    """Note what `fig` draws, as the chart's layout has just measured it: `boxes` in display units (pixels of the
    canvas's renderer), joined to what was noted before; with no boxes, only that the artists added since lie
    within it. to_svg crops to it without measuring the figure again, as long as the figure does not change."""
    known = getattr(fig, _DRAWN, None)
    inches = [box.transformed(fig.dpi_scale_trans.inverted()) for box in boxes]
    if known is not None:
        inches.append(known[0])
    if inches:
        setattr(fig, _DRAWN, (Bbox.union(inches), _artists(fig)))


def img_tag(svg: str, alt: str) -> str:
    """An <img> showing `svg` from a data: URL, with `alt` as its alt text (escaped)."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img alt="{html.escape(alt, quote=True)}" src="data:image/svg+xml;base64,{data}">'


def show(fig, alt: str, caption: str | None = None) -> None:
    """Display `fig` with its alt text, then close it so it is not shown twice.

    With `caption` (say "Figure 1."), the alt text is also printed below the figure for every reader, as
    text: anything in it that looks like Markdown or HTML (an event title, say) is escaped, never rendered.
    """
    if not alt or not alt.strip():
        raise ValueError("every figure needs alt text: describe what it shows and what it tells")
    # With a caption the description is printed below the figure, so the image's own alt text is short and
    # points there: a screen reader would otherwise read the same description twice.
    name = short_alt(fig, caption) if caption else alt
    svg = to_svg(fig, name)
    plt.close(fig)
    display({"text/html": img_tag(svg, name), "image/svg+xml": svg, "text/plain": f"[Figure] {name}"}, raw=True,
            metadata={"image/svg+xml": {"alt": name}})
    if caption:
        display(Markdown(f"**{escape_markdown(caption)}** {escape_markdown(alt)}"))


NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}


def short_alt(fig, caption: str) -> str:
    """The alt text of a captioned figure: its number and title (a figure of several titled panels names them all,
    not the first as if it were the whole), and where its description is."""
    panels = list(dict.fromkeys(t.strip() for t in (ax.get_title() for ax in fig.axes) if t and t.strip()))
    title = (fig.get_suptitle() or "").strip()
    if len(panels) > 1:
        # a panel's title may hold a comma ("1922, after Rapallo"): semicolons keep the panels apart
        title = (f"{title}, in " if title else "in ") + f"{NUMBER_WORDS.get(len(panels), len(panels))} panels ("
        title += "; ".join(panels) + ")"
    elif not title and panels:
        title = panels[0]
    label = caption.strip().rstrip(".")
    if title.startswith("in "):
        return f"{label}, {title}. Described in the caption below."
    return f"{label}: {title}. Described in the caption below." if title else f"{label}. Described in the caption below."


def escape_markdown(text: str) -> str:
    """`text` as literal Markdown (markup.escape, the kit's one rule for data text)."""
    return markup.escape(text)


# --- tables for people ---------------------------------------------------------------------------------------

NBSP = "\u00a0"  # between a date's parts, so that no renderer breaks a date across lines


def whole_date(value) -> str:
    """A date as people write it, never broken across lines: 1 February 1924."""
    stamp = pd.Timestamp(value)
    return NBSP.join([str(stamp.day), stamp.strftime("%B"), str(stamp.year)])


ISO_TEXT_DATE = lazy(ISO_DATE)  # as the data writes a date (vocabulary.py)


def whole_text_date(text: str) -> str:
    """A date kept as text at its precision (1924-02-01, 1924-08) written whole: 1 February 1924, August 1924."""
    year, month, day = (text.split("-") + [None, None])[:3]
    if month is None:
        return year
    month_name = pd.Timestamp(year=int(year), month=int(month), day=1).strftime("%B")
    return NBSP.join(([str(int(day))] if day else []) + [month_name, year])


def written_date(value) -> str:
    """A date as people write it, for tables and prose alike: a date (1924-02-01, a Timestamp) as 1 February
    1924, a month kept as text (1924-08) as August 1924. The data and the exports keep ISO dates."""
    if isinstance(value, str):
        return whole_text_date(value)
    return whole_date(value)


def cell_text(value) -> str:
    """One value as a reader wants to see it: dates whole, no 'nan', lists and mappings as plain words."""
    if isinstance(value, str) and len(value) > 4 and ISO_TEXT_DATE.fullmatch(value):  # a year alone stays as it is
        try:
            return written_date(value)
        except ValueError:  # looks like a date but is none (month 13): shown as it is
            return value
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, (pd.Timestamp,)) or hasattr(value, "strftime"):
        return written_date(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if not value.is_integer() else f"{int(value):,}"
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {cell_text(item)}" for key, item in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(cell_text(item) for item in value)
    return str(value)


def header_text(name) -> str:
    """A column name for people: date_text -> Date text."""
    words = str(name).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


# Text reads from the left, numbers line up on the right. JupyterLab right-aligns every cell of an HTML output
# and drops a <style> block from an untrusted one, but keeps an inline text-align: so each cell carries its own.
ALIGN = {False: ' style="text-align: left"', True: ' style="text-align: right"'}


class Table:
    """A table shown as HTML (no index, the headers given, every value escaped) and as plain text."""

    def __init__(self, headers: list[str], rows: list[list[str]], hidden: int = 0, caption: str | None = None,
                 folded: list[list[str]] | None = None, numeric: list[bool] | None = None, fold: str | None = None):
        self.headers, self.rows, self.hidden, self.caption = headers, rows, hidden, caption
        self.fold = fold  # the whole table behind a fold with this summary: a table that answers an exercise
        self.folded = folded or []  # rows behind a fold: there, one click away, but not in the reader's path
        self.numeric = numeric or [False] * len(headers)  # which columns hold numbers (right-aligned)

    def _repr_html_(self) -> str:
        escape = html.escape
        align = [ALIGN[bool(n)] for n in self.numeric]
        head = "".join(f'<th scope="col"{a}>{escape(h)}</th>' for h, a in zip(self.headers, align))

        def body(rows):
            return "".join("<tr>" + "".join(f"<td{a}>{escape(v)}</td>" for v, a in zip(row, align)) + "</tr>"
                           for row in rows)

        caption = f"<caption>{escape(self.caption)}</caption>" if self.caption else ""
        more = (f'<p class="kit-table-more">… and {self.hidden} more row{"s" * (self.hidden != 1)}: '
                "the whole table is in the notebook and the handout.</p>") if self.hidden else ""
        fold = (f'<details class="kit-table-fold"><summary>Show the other {len(self.folded)} '
                f'row{"s" * (len(self.folded) != 1)}</summary><table class="kit-table"><thead><tr>{head}</tr></thead>'
                f"<tbody>{body(self.folded)}</tbody></table></details>") if self.folded else ""
        whole = (f'<table class="kit-table">{caption}<thead><tr>{head}</tr></thead><tbody>{body(self.rows)}</tbody>'
                 f"</table>{more}{fold}")
        if self.fold:
            return f'<details class="kit-table-fold"><summary>{escape(self.fold)}</summary>{whole}</details>'
        return whole

    def __repr__(self) -> str:
        frame = pd.DataFrame(self.rows, columns=self.headers)
        text = frame.to_string(index=False) if self.rows else "  ".join(self.headers) + "\n(no rows)"
        return text + (f"\n… and {self.hidden} more rows" if self.hidden else "") + \
            (f"\n({len(self.folded)} more rows folded: open them in JupyterLab)" if self.folded else "")


def table(frame: pd.DataFrame, columns: Mapping[str, str] | list[str] | None = None, max_rows: int | None = 8,
          index: str | None = None, caption: str | None = None, first: pd.Series | None = None,
          fold: str | None = None) -> Table:
    """`frame` as a table for people: only `columns` (a mapping from column to header, or a list of columns),
    headers readable, no index (unless `index` names its header), dates whole, an event's kind in words,
    every value HTML-escaped.

    On a slide (KIT_MEDIUM=slide) only the first `max_rows` rows are shown, with a line saying how many more
    the handout has; in a notebook and in print the whole table is shown. `first`, a True/False column of
    `frame`, picks the rows that matter here: they are shown, and the others wait behind a fold (on a slide,
    which has no fold, they are counted in that line). `fold`, a
    summary such as "Show the table", puts the whole table behind a fold (not on a slide): a table that answers
    the exercise just above it waits there until the student opens it.
    """
    frame = frame.reset_index(names=index) if index else frame
    if columns is None:
        columns = {name: header_text(name) for name in frame.columns}
    elif not isinstance(columns, Mapping):
        columns = {name: header_text(name) for name in columns}
    if index:
        columns = {index: index, **{k: v for k, v in columns.items() if k != index}}
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise KeyError(f"table: no column {', '.join(map(repr, missing))}; the table has {', '.join(map(str, frame.columns))}")
    shown = frame[list(columns)]
    kinds = [name for name, header in columns.items() if name == "kind" or str(header).lower() == "kind"]
    if kinds:  # an event's kind in words ("relations broken off"), as the glossary and the figures say it
        shown = shown.assign(**{name: shown[name].astype(object).map(lambda v: KIND_WORDS.get(v, v))
                                for name in kinds})
    standing = [name for name in columns if not pd.api.types.is_numeric_dtype(shown[name])
                and shown[name].isin(list(STANDING_WORDS)).any()]
    if standing:  # a standing in words ("de jure"), not the data's code for it ("de_jure")
        shown = shown.assign(**{name: shown[name].astype(object).map(lambda v: STANDING_WORDS.get(v, v))
                                for name in standing})
    folded: list[list[str]] = []
    hidden = 0
    if first is not None:
        keep = first.reindex(frame.index).fillna(False).astype(bool).to_numpy()
        if style.medium() == "slide":  # a slide has no fold to open: the other rows are counted below the table
            hidden = int((~keep).sum())
        else:
            folded = [[cell_text(v) for v in row] for row in shown[~keep].itertuples(index=False, name=None)]
        shown = shown[keep]
    if max_rows is not None and style.medium() == "slide" and len(shown) > max_rows:
        hidden += len(shown) - max_rows
        shown = shown.head(max_rows)
    rows = [[cell_text(value) for value in row] for row in shown.itertuples(index=False, name=None)]
    numeric = [pd.api.types.is_numeric_dtype(shown[name]) and not pd.api.types.is_bool_dtype(shown[name])
               for name in columns]
    return Table([str(header) for header in columns.values()], rows, hidden, caption, folded, numeric,
                 fold if style.medium() != "slide" else None)


EVENT_COLUMNS = {"date_text": "Date", "title": "What happened"}


def events_in(events: pd.DataFrame, year, tone) -> "Table | None":
    """Notebook 0's "Your turn": the events of one year and one tone, after a line that counts them. A year or a
    tone the data cannot have is told so in plain words (a year in quotes, "Hostile" with a capital, a tone the
    data lacks) instead of an empty table; each tone the data has is named.

        kit.events_in(events, 1924, "cooperative")
    """
    tones = sorted(str(t) for t in pd.unique(events["tone"].dropna().astype(str)))
    listed = ", ".join(f'"{t}"' for t in tones[:-1]) + f' and "{tones[-1]}"' if len(tones) > 1 else f'"{tones[0]}"'
    years = events["date"].dropna().dt.year
    problem = None
    if isinstance(year, str):
        typed = year.strip()
        problem = (f'The year must be a number, without quotation marks: year = {typed}, not year = "{typed}".'
                   if typed.isdigit() else f"The year must be a number, such as {int(years.min())}, not {year!r}.")
    elif isinstance(year, bool) or not isinstance(year, (int, float)) or year != int(year):
        problem = f"The year must be a whole number, such as {int(years.min())}."
    elif not years.min() <= year <= years.max():
        problem = (f"The data has events from {int(years.min())} to {int(years.max())}: choose a year between "
                   "them.")
    elif not isinstance(tone, str):
        problem = f"The tone must be a word in quotation marks, one of {listed}."
    elif tone not in tones:
        meant = next((t for t in tones if t == tone.strip().lower()), None)
        problem = (f'Write the tone as the data does, in small letters: tone = "{meant}", not "{tone}".' if meant
                   else f'The data has no tone "{tone}": its tones are {listed}.')
    if problem:
        print(problem)
        return None
    chosen = events[(events["date"].dt.year == int(year)) & (events["tone"].astype(str) == tone)]
    print(f"{len(chosen)} {tone} {'event' if len(chosen) == 1 else 'events'} in {int(year)}:")
    return table(chosen, EVENT_COLUMNS)
