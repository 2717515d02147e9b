"""Where the kit's folders are, wherever the notebooks run (a clone, Binder, a hub, a student build)."""

from pathlib import Path


def kit_root() -> Path:
    """The nearest folder above this package that holds data/datapackage.json."""
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / "data" / "datapackage.json").is_file():
            return folder
    raise FileNotFoundError(f"no data/datapackage.json in any folder above {here.parent.name}/")


def data_dir() -> Path:
    return kit_root() / "data"


def output_dir() -> Path:
    """Where notebooks write exports (git ignores it); made on first use."""
    folder = kit_root() / "output"
    folder.mkdir(exist_ok=True)
    return folder
