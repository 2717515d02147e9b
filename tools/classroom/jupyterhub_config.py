# JupyterHub for the classroom run (tools/classroom/run.py starts it): on this machine only, a test
# authenticator, one local process per student, the students' environment in build/classroom/user/.
# run.py passes what changes from run to run through environment variables; nothing here listens beyond
# 127.0.0.1.
import os
from pathlib import Path

import procs

c = get_config()  # noqa: F821  (provided by JupyterHub when it reads this file)
run = Path(os.environ["CLASSROOM_RUN_DIR"])
user_env = Path(os.environ["CLASSROOM_USER_ENV"])

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ["CLASSROOM_HUB_PORT"])  # the public address, served by the proxy
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["CLASSROOM_HUB_API_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['CLASSROOM_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [os.environ["CLASSROOM_PROXY_COMMAND"]]
c.ConfigurableHTTPProxy.auth_token = os.environ["CLASSROOM_PROXY_TOKEN"]
c.JupyterHub.db_url = f"sqlite:///{run / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(run / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(run / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server
c.JupyterHub.cleanup_proxy = True
# A whole class logs in at once: do not refuse spawns, and allow a loaded machine time to start them.
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.active_server_limit = 0

# A test authenticator with one shared password for the run, and only the run's students let in: never
# DummyAuthenticator's allow_all (True by default from JupyterHub 5), which would admit any name at all.
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["CLASSROOM_PASSWORD"]
c.Authenticator.allow_all = False
c.Authenticator.allowed_users = set(filter(None, os.environ["CLASSROOM_STUDENTS"].split(",")))

# One server process per student, each with a home of its own under the run's temporary folder.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(run / "homes" / "{username}")
c.Spawner.cmd = [str(user_env / "bin" / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"]  # the run may be root, as CI is
c.Spawner.default_url = "/lab"
c.Spawner.ip = "127.0.0.1"
# JupyterHub's local spawner picks a server's port by asking for a free one and letting it go (JupyterHub
# issue 3005); with a class spawning at once, two servers were given one port and a student reached another
# student's server. Each server gets its own port here, outside the range kernels and clients draw from.
_ports = {int(p) for p in os.environ.get("CLASSROOM_TAKEN_PORTS", "").split(",") if p}


def _own_port(spawner):
    spawner.port = procs.free_port(_ports)


c.Spawner.pre_spawn_hook = _own_port
c.Spawner.start_timeout = int(os.environ.get("CLASSROOM_START_TIMEOUT", "600"))
c.Spawner.http_timeout = int(os.environ.get("CLASSROOM_START_TIMEOUT", "600"))
# The students' environment first on PATH, as on a hub where it is the users' environment; git for
# nbgitpuller comes from the system. Nothing else passes from the hub's environment (no PYTHONPATH: the
# notebooks must import the kit's package from the student's own copy).
c.Spawner.env_keep = ["LANG", "LC_ALL"]
c.Spawner.environment = {"PATH": f"{user_env / 'bin'}:/usr/local/bin:/usr/bin:/bin"}

# The teacher's service: a token with admin scopes drives the hub's REST API (start, inspect, stop).
c.JupyterHub.services = [{"name": "teacher", "api_token": os.environ["CLASSROOM_SERVICE_TOKEN"]}]
c.JupyterHub.load_roles = [{
    "name": "teacher",
    "scopes": ["admin:users", "admin:servers", "admin:server_state", "list:users", "read:users"],
    "services": ["teacher"],
}]
