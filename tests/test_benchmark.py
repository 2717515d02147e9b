"""The benchmark's own measures (tools/benchmark.py): the CPU of a whole process tree, kernels included."""

import subprocess
import sys
import time

import pytest

from benchmark import TreeCPU, _timed

BURN = "import time\nstarted = time.process_time()\nwhile time.process_time() - started < 0.6: pass\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_cpu_of_a_grandchild_is_counted(tmp_path):
    # A parent that starts a child, which burns 0.6 s of CPU: the parent itself uses almost none.
    parent = ("import subprocess, sys\n"
              f"subprocess.run([sys.executable, '-c', {BURN!r}], check=True)\n")
    wall, cpu = _timed([sys.executable, "-c", parent], tmp_path)
    assert 0.6 <= cpu <= wall + 0.5, (wall, cpu)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_only_the_tree_is_counted():
    other = subprocess.Popen([sys.executable, "-c", BURN])  # not a descendant of the measured process
    sampler_root = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.8)"])
    sampler = TreeCPU(sampler_root.pid)
    sampler.start()
    sampler_root.wait()
    time.sleep(0.05)
    used = sampler.stop()
    other.wait()
    assert used < 0.3, used


def test_a_failing_run_has_no_figure(tmp_path):
    assert all(value != value for value in _timed([sys.executable, "-c", "raise SystemExit(1)"], tmp_path))
