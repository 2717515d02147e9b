"""Breaking Isolation: the shared code behind the kit's notebooks.

    import breaking_isolation as kit
    data = kit.load()          # validated events, actors and sources
    kit.style.use()            # the kit's figure style
    kit.show(fig, alt="...")   # a figure as SVG with alt text
    kit.check("recognition-1", answer)  # an exercise: right, or wrong with a hint
"""

from . import style
from .figures import show, to_svg
from .loader import DataError, KitData, Problem, load
from .paths import data_dir, kit_root, output_dir
from . import checks, recognition  # recognition registers its exercises with checks
from . import network  # network registers its exercises with checks
from . import documents, evidence  # evidence registers the claim-and-evidence exercises
from .checks import check

__all__ = ["DataError", "check", "checks", "documents", "evidence", "recognition", "KitData", "Problem", "data_dir", "kit_root", "load", "network", "output_dir", "show", "style", "to_svg"]
