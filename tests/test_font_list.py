"""A student's first kernel on a hub or Binder does not list the machine's fonts (0.4 CPU seconds): postBuild lists
them once where the students' environment is installed, and each server gives that list to its student's
matplotlib cache (jupyter/kit_server.py, give_font_list)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "jupyter"))
import kit_server  # noqa: E402

# postBuild's own line, run here with its folder in a temporary prefix
POST_BUILD_LINE = re.compile(r'^\s*MPLCONFIGDIR="\$prefix/(share/breaking-isolation/matplotlib)" python -c "([^"]+)"$', re.M)


def _postbuild_font_list(prefix: Path) -> Path:
    folder, code = POST_BUILD_LINE.search((ROOT / "postBuild").read_text(encoding="utf-8")).groups()
    assert kit_server.FONT_LIST == Path(sys.prefix) / folder  # the server looks where postBuild wrote
    listed = prefix / folder
    subprocess.run([sys.executable, "-c", code], env={**os.environ, "MPLCONFIGDIR": str(listed)}, check=True)
    return listed


def test_a_student_s_first_kernel_reads_the_font_list_postbuild_made(tmp_path, monkeypatch):
    listed = _postbuild_font_list(tmp_path / "prefix")
    home = tmp_path / "student"
    home.mkdir()
    for name in ("MPLCONFIGDIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    [given] = kit_server.give_font_list(listed)
    assert given.parent == home / ".cache" / "matplotlib" and given.read_bytes() == next(listed.glob("*.json")).read_bytes()
    made = given.stat().st_mtime_ns
    env = {**os.environ, "HOME": str(home), "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", "import matplotlib.font_manager as f; print(f.get_font_names() != [])"],
                          env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
    assert given.stat().st_mtime_ns == made  # read as it is: matplotlib did not list the fonts again
    assert kit_server.give_font_list(listed) == []  # once there, never written over


def test_the_font_list_goes_where_matplotlib_looks_and_nowhere_without_one(tmp_path, monkeypatch):
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "chosen"))
    assert kit_server.matplotlib_cache() == tmp_path / "chosen"
    monkeypatch.delenv("MPLCONFIGDIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert kit_server.matplotlib_cache() == tmp_path / "xdg" / "matplotlib"
    assert kit_server.give_font_list(tmp_path / "no-list") == []  # `make lab`: no postBuild, matplotlib as ever
    assert not (tmp_path / "xdg").exists()
