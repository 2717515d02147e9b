"""Writes are whole or absent: a full disk or an interrupt leaves the old file as it was."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from breaking_isolation import atomic


def test_replaces_the_file_and_keeps_its_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    target.chmod(0o640)
    atomic.write_text(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic.replacing(target) as handle:
            handle.write("half")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_full_disk_leaves_the_old_file_whole(tmp_path):
    """A child process with a 4 kB file-size limit writes 1 MB: it fails, and the old file is untouched."""
    target = tmp_path / "big.txt"
    target.write_text("old")
    script = textwrap.dedent(f"""
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        from breaking_isolation import atomic
        atomic.write_text({str(target)!r}, "x" * 1_000_000)
    """)
    package_parent = Path(atomic.__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=package_parent)
    assert result.returncode != 0 and "File too large" in result.stderr
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]
