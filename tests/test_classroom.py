"""A class of three on a real JupyterHub (tools/classroom/), and the kit's Zero to JupyterHub configuration.

The classroom test is `make classroom` with three students: the same hub, nbgitpuller, notebooks and teacher's
update. It takes one to three minutes on 2 cores (servers start, three kernels run every notebook), so its tests
are marked slow. The first run installs the hub, the students' environment and the proxy into build/classroom/ (npm and
PyPI once). Without npm or git it is skipped with a message saying so; in CI, where both are installed, a
missing one fails.
"""

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CLASSROOM = ROOT / "tools" / "classroom"
HUB_PYTHON = ROOT / "build" / "classroom" / "hub" / "bin" / "python"
Z2JH = Path(__file__).resolve().parent / "z2jh"
SUMMARY = re.compile(r"^classroom: (\d+)/(\d+) students ran every notebook; first figure p95 [\d.]+ s; "
                     r"peak \d+ MiB per student, [\d.]+ GiB total; lost work (\d+)$")

sys.path.insert(0, str(CLASSROOM))
import make_links  # noqa: E402
import procs  # noqa: E402


def needs(program: str, install: str) -> None:
    if shutil.which(program) is None:
        message = f"the classroom test needs {program}: sudo apt-get install {install}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def class_of_three(tmp_path_factory):
    needs("git", "git")
    needs("npm", "npm")
    subprocess.run([sys.executable, str(CLASSROOM / "setup_env.py")], check=True, timeout=900)
    results = tmp_path_factory.mktemp("classroom") / "results.json"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "MPLBACKEND")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "notebooks"), str(ROOT / "tools")])  # as make classroom sets it
    done = subprocess.run([str(HUB_PYTHON), str(CLASSROOM / "run.py"), "--students", "3", "--json", str(results)],
                          capture_output=True, text=True, timeout=900, env=env)
    figures = json.loads(results.read_text()) if results.exists() else {}
    return done, figures


@pytest.mark.slow
def test_three_students_run_every_notebook_and_lose_no_work(class_of_three):
    done, figures = class_of_three
    report = done.stdout[-6000:] + done.stderr[-3000:]
    assert done.returncode == 0, report
    last = done.stdout.strip().splitlines()[-1]
    match = SUMMARY.match(last)
    assert match, f"last line is not the summary: {last!r}"
    assert match.groups() == ("3", "3", "0"), last
    assert figures["succeeded"] == 3 and figures["lost_work"] == 0
    for student in figures["per_student"]:
        assert student["errors"] == [], student
        assert len(student["notebooks"]) == len(list((ROOT / "notebooks").glob("*.ipynb"))), student
        for name, notebook in student["notebooks"].items():
            received, stored = (int(n) for n in notebook["figures"].split("/"))
            assert received == stored > 0, (student["name"], name, notebook)  # a live widget's are apart
        assert student["peak_mib"] > 50 and student["cpu_s"] > 1, student  # the sampler saw server and kernel


@pytest.mark.slow
def test_the_update_follows_nbgitpullers_rules_file_by_file(class_of_three):
    _, figures = class_of_three
    rows = figures["update_rows"]
    assert figures["update_failures"] == [], figures["update_failures"]
    cases = {row["rule"].split(":")[0] for row in rows}
    # Students work in my-work/ (which git ignores), so no student changes a file the teacher changes: rule 3
    # (same lines changed by both) cannot arise; every other case was met and checked.
    assert cases == {"1", "2", "4", "5"}, cases
    files = {row["file"] for row in rows}
    kit = sorted(path.name for path in (ROOT / "notebooks").glob("*.ipynb"))
    assert files == {"notebooks/00-start-here.ipynb", "notebooks/01-recognition.ipynb", "notebooks/02-network.ipynb",
                     "homework.md", *(f"my-work/{name}" for name in kit)}
    assert figures["edition_files_changed_by_students"] == {}
    renamed = [row["detail"] for row in rows if row["rule"].startswith("5")]
    assert len(renamed) == 1 and re.fullmatch(r"renamed to homework__\d{14}\.md", renamed[0]), renamed


@pytest.mark.slow
def test_nothing_listens_beyond_loopback_and_nothing_is_left_running(class_of_three):
    _, figures = class_of_three
    assert figures["listening_sockets_checked"] > 0
    assert figures["not_loopback"] == []
    assert figures["pids_seen"], "the sampler saw no process"
    assert figures["pids_alive_after"] == []
    left = [pid for pid, start in figures["processes_seen"].items() if procs.alive(int(pid), start)]
    assert left == [], f"still running after the run: {left}"


def test_the_students_environment_is_the_kits_lock_and_the_single_user_server():
    """What the students run from: the kit's lock (no test tools, nbgitpuller in it), then the hub's server."""
    def names(path: Path) -> set[str]:
        return {line.split("==")[0] for line in path.read_text().splitlines() if "==" in line and line[0].isalpha()}

    kit = names(ROOT / "requirements.txt")
    assert {"jupyterlab", "pandas", "matplotlib", "networkx", "nbgitpuller"} <= kit
    assert not kit & {"pytest", "pytest-xdist", "nbval", "playwright"}
    hub = (CLASSROOM / "requirements-hub.in").read_text()
    single = (CLASSROOM / "requirements-singleuser.txt").read_text()
    version = re.search(r"^jupyterhub==(\S+)$", hub, re.M).group(1)
    assert re.search(rf"^jupyterhub=={re.escape(version)}$", single, re.M), "the hub and its servers differ"


def test_listening_addresses_are_decoded():
    assert procs.decode_address("0100007F:1F90", 4) == "127.0.0.1:8080"
    assert procs.decode_address("00000000:0016", 4) == "0.0.0.0:22"
    assert procs.decode_address("00000000000000000000000001000000:0050", 6) == "[::1]:80"
    assert procs.is_loopback("127.0.0.1:8080") and procs.is_loopback("[::1]:80")
    assert not procs.is_loopback("0.0.0.0:22")
    assert not procs.is_loopback(procs.decode_address("00000000000000000000000000000000:0050", 6))


# --- Zero to JupyterHub -----------------------------------------------------------------------------------


def merged(defaults, override):
    """Helm's merge of a values file over the chart's defaults: maps merge, anything else replaces, null removes."""
    result = copy.deepcopy(defaults)
    for key, value in override.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def schema_errors(config: dict) -> list[str]:
    schema = json.loads((Z2JH / "values.schema.json").read_text())
    defaults = yaml.safe_load((Z2JH / "values.yaml").read_text())
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(merged(defaults, config))]


@pytest.fixture(scope="module")
def z2jh_config() -> dict:
    return yaml.safe_load((ROOT / "jupyter" / "z2jh-config.yaml").read_text())


def test_the_z2jh_config_passes_the_charts_values_schema(z2jh_config):
    assert schema_errors(z2jh_config) == []


def test_the_schema_check_catches_a_wrong_key(z2jh_config):
    wrong = copy.deepcopy(z2jh_config)
    wrong["singleuser"]["memory"]["limt"] = "1G"
    assert any("limt" in error for error in schema_errors(wrong))
    wrong = copy.deepcopy(z2jh_config)
    wrong["singleuser"]["cpu"]["limit"] = "one"
    assert any("singleuser.cpu.limit" in error for error in schema_errors(wrong))


def test_the_z2jh_config_matches_the_readme(z2jh_config):
    """The requests and limits the README's sizing table gives for Kubernetes are the ones in the config."""
    readme = (ROOT / "README.md").read_text()
    single = z2jh_config["singleuser"]
    for value in (single["memory"]["guarantee"], single["memory"]["limit"]):
        assert f"`{value}`" in readme, value
    for value in (single["cpu"]["guarantee"], single["cpu"]["limit"]):
        assert f"`{value}`" in readme, value
    # students land where the Binder and hub links land them: the working copy of the start-here notebook
    assert single["defaultUrl"] == f"/lab/tree/breaking-isolation-students/{make_links.START}"
    assert z2jh_config["cull"]["enabled"] is True


def test_the_student_edition_has_no_solutions_and_updates_by_new_commits(tmp_path):
    needs("git", "git")
    import served_repo

    folder = tmp_path / "edition"
    assert "new commit" in served_repo.update_edition(folder)
    assert "already holds" in served_repo.update_edition(folder)
    assert served_repo.git("rev-list", "--count", "HEAD", cwd=folder).strip() == "1"
    notebooks = sorted((folder / "notebooks").glob("*.ipynb"))
    assert [p.name for p in notebooks] == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    for path in notebooks:
        cells = json.loads(path.read_text())["cells"]
        assert not [c for c in cells if "solution" in c["metadata"].get("tags", [])], path.name
    assert (folder / "data" / "datapackage.json").is_file()  # the package finds the data beside the notebooks


def server_config(env: dict, monkeypatch, tmp_path: Path):
    """The kit's server settings as postBuild installs them in an environment (etc/jupyter/), read by a server
    started in a home folder with the environment variables `env`."""
    from traitlets.config import Config

    installed, home = tmp_path / "etc" / "jupyter", tmp_path / "home"
    installed.mkdir(parents=True, exist_ok=True)
    home.mkdir(exist_ok=True)
    for name in ("jupyter_server_config.py", "kit_server.py"):
        shutil.copy(ROOT / "jupyter" / name, installed / name)
    monkeypatch.delenv("JUPYTERHUB_SERVICE_URL", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(home)
    monkeypatch.syspath_prepend(str(installed))
    config = Config()
    path = installed / "jupyter_server_config.py"
    exec(compile(path.read_text(), str(path), "exec"), {"get_config": lambda: config, "__file__": str(path)})
    return config


def test_on_a_hub_the_server_is_lighter_listens_where_the_hub_says_and_keeps_kernels_alive(monkeypatch, tmp_path):
    hub = server_config({"JUPYTERHUB_SERVICE_URL": "http://0.0.0.0:8888/user/student-01/"}, monkeypatch, tmp_path)
    assert "ip" not in hub.ServerApp  # a pod's server must answer the hub: the hub's address wins
    assert hub.ServerApp.jpserver_extensions == {"jupyter_lsp": False, "jupyter_server_terminals": False,
                                                 "notebook_shim": False}
    assert hub.ServerApp.kernel_spec_manager_class == "kit_server.KernelsWithoutDebugger"  # tests/test_hub_kernels.py
    assert hub.ServerApp.kernel_manager_class == "kit_server.KernelsWatchedLightly"  # tests/test_hub_kernels.py
    kernels = hub.MappingKernelManager
    assert kernels.cull_idle_timeout > 0 and kernels.cull_busy is False and kernels.cull_connected is False
    # kernels on Unix sockets of the server's own, not on TCP ports two servers could both hand out
    # (tests/test_hub_kernels.py starts such kernels)
    assert kernels.kernel_manager_class == "kit_server.KernelSockets"
    local = server_config({}, monkeypatch, tmp_path)  # make lab: local only, nothing switched off
    assert local.ServerApp.ip == "127.0.0.1"
    assert "jpserver_extensions" not in local.ServerApp and "kernel_spec_manager_class" not in local.ServerApp and "cull_idle_timeout" not in local.MappingKernelManager
    assert "kernel_manager_class" not in local.MappingKernelManager  # jupyter_client's own, as everywhere
    assert "kernel_manager_class" not in local.ServerApp


@pytest.mark.skipif(os.name == "nt", reason="the stand-in for node is a shell script")
def test_on_a_hub_jupyterlab_is_imported_without_running_node_for_yarn_s_registry(tmp_path):
    """kit_server.no_yarn_lookup: importing jupyterlab.labapp runs `node yarn.js config` where node is on PATH
    (0.3 CPU seconds a server); on a hub the kit's settings, read first, keep it from running. `make lab` still
    runs it, which shows the stand-in for node is found and called."""
    installed, home, calls = tmp_path / "etc" / "jupyter", tmp_path / "home", tmp_path / "node-calls"
    installed.mkdir(parents=True)
    home.mkdir()
    for name in ("jupyter_server_config.py", "kit_server.py"):
        shutil.copy(ROOT / "jupyter" / name, installed / name)
    node = tmp_path / "bin" / "node"
    node.parent.mkdir()
    node.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\n')
    node.chmod(0o755)
    script = """if True:
        import sys
        from traitlets.config import Config
        config, path = Config(), sys.argv[1]
        exec(compile(open(path).read(), path, "exec"), {"get_config": lambda: config, "__file__": path})
        import jupyterlab.labapp
    """
    for hub in (True, False):
        env = {key: value for key, value in os.environ.items() if key != "JUPYTERHUB_SERVICE_URL"}
        env["PATH"] = f"{node.parent}{os.pathsep}{env.get('PATH', '')}"
        if hub:
            env["JUPYTERHUB_SERVICE_URL"] = "http://127.0.0.1:8888/user/student-01/"
        subprocess.run([sys.executable, "-c", script, str(installed / "jupyter_server_config.py")], cwd=home,
                       env=env, check=True, timeout=120)
        ran = calls.read_text().splitlines() if calls.exists() else []
        if hub:
            assert ran == []
        else:
            assert ran and all(line.endswith("config --json") for line in ran)


def test_a_server_builds_jsonschema_s_iri_check_on_first_use_and_it_checks_as_before():
    """jupyter/kit_lazy_iri.py, which postBuild runs as each Python of the students' environment starts: importing
    jsonschema's format checkers (as every server does) no longer builds rfc3987_syntax's parsers."""
    script = """if True:
        import sys
        sys.path.insert(0, sys.argv[1])
        import kit_lazy_iri
        from jsonschema import Draft202012Validator
        assert "rfc3987_syntax.syntax_helpers" not in sys.modules
        validator = Draft202012Validator({"format": "iri"}, format_checker=Draft202012Validator.FORMAT_CHECKER)
        assert validator.is_valid("https://example.org/\u00e4") and not validator.is_valid("https://exa mple.org/")
        import rfc3987_syntax
        assert rfc3987_syntax.is_valid_syntax_iri("https://example.org/") and "rfc3987_syntax.syntax_helpers" in sys.modules
    """
    subprocess.run([sys.executable, "-c", script, str(ROOT / "jupyter")], check=True)


def test_the_classroom_sampler_gives_each_student_s_pss_beside_rss():
    """PSS shares out the pages a class's processes share (libraries): no more than RSS, and more than nothing."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.3)
        sampler = procs.Sampler(hub_pid=os.getpid())
        sampler.watch("student-01", os.getpid())  # this process and its child stand for a server and its kernel
        sampler.sample()
        usage = sampler.usage["student-01"]
        assert 0 < usage.peak_server_pss < usage.peak_pss <= usage.peak_rss
        assert usage.peak_server_pss <= usage.peak_server_rss
    finally:
        child.kill()
        child.wait()


def test_the_served_repository_takes_a_whole_class_at_once():
    """git daemon's default of 32 connections is below a class pulling at once; at the limit it kills an older
    connection from the same address (a student's pull, on one loopback address)."""
    import served_repo

    command = served_repo.daemon_command(Path("/srv"), 9418)
    assert "--max-connections=0" in command and "--listen=127.0.0.1" in command


def test_a_failed_run_prints_the_servers_lines_about_kernels_not_their_requests():
    log = "\n".join([
        "[I 2026-12-06 03:26:34.661 ServerApp] 200 GET /user/student-30/api/contents/x.ipynb (student-30@127.0.0.1)",
        "[W 2026-12-06 03:26:34.758 ServerApp] Skipping XSRF check for insecure request GET /user/student-03/api",
        "[I 2026-12-06 03:26:35.001 ServerApp] KernelRestarter: restarting kernel (1/5), new random ports",
        "Traceback (most recent call last):",
        "zmq.error.ZMQError: Address already in use (addr='tcp://127.0.0.1:12345')",
        "[I 2026-12-06 03:26:36.200 ServerApp] 201 POST /user/student-04/api/sessions (student-04@127.0.0.1)",
    ])
    excerpt = procs.log_excerpt(log)
    assert [line[:30] for line in excerpt] == [
        "[I 2026-12-06 03:26:35.001 Ser", "Traceback (most recent call la", "zmq.error.ZMQError: Address al"]
    assert procs.log_excerpt(log, limit=1) == excerpt[-1:]


SPEAKS_V1 = """
import json
from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1, serialize_msg_to_ws_v1
import student

message = {"header": {"msg_id": "1", "msg_type": "execute_request"}, "parent_header": {}, "metadata": {},
           "content": {"code": "print('é')"}, "channel": "shell", "buffers": []}
channel, parts = deserialize_msg_from_ws_v1(student.to_v1(message))  # what the server reads from the student
assert channel == "shell" and [json.loads(p) for p in parts] == [message[k] for k in ("header", "parent_header", "metadata", "content")]
reply = [json.dumps(part).encode() for part in ({"msg_type": "display_data"}, {"msg_id": "1"}, {}, {"data": {"text/plain": "x"}})]
got = student.from_v1(serialize_msg_to_ws_v1([*reply, b"buffer"], "iopub"))  # what the server sends: the kernel's parts
assert got == {"channel": "iopub", "header": {"msg_type": "display_data"}, "parent_header": {"msg_id": "1"},
               "metadata": {}, "content": {"data": {"text/plain": "x"}}, "buffers": [b"buffer"]}, got
assert student.V1_PROTOCOL == "v1.kernel.websocket.jupyter.org"
"""


def test_the_simulated_students_speak_jupyterlab_4_s_kernel_protocol():
    # JupyterLab 4 asks for the v1 kernel protocol, on which the server passes the kernel's messages on unread;
    # the students' environment has jupyter_server's own codec for it (and aiohttp, which the students use).
    subprocess.run([sys.executable, str(CLASSROOM / "setup_env.py")], check=True, timeout=900)
    python = ROOT / "build" / "classroom" / "user" / "bin" / "python"
    subprocess.run([str(python), "-c", SPEAKS_V1], check=True, timeout=120, env={**os.environ, "PYTHONPATH": str(CLASSROOM)})
