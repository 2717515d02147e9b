# JupyterLab as the kit starts it (`make lab`, and the browser tests): local only, token on, quiet, offline.
import os
from pathlib import Path

c = get_config()  # noqa: F821  (provided by Jupyter when it reads this file)
here = Path(__file__).resolve().parent

# On a hub (JUPYTERHUB_SERVICE_URL is set), the hub says where each student's server listens: a pod's server
# must answer the hub from outside, so this file leaves the address to it.
on_a_hub = bool(os.environ.get("JUPYTERHUB_SERVICE_URL"))
if not on_a_hub:
    c.ServerApp.ip = "127.0.0.1"  # only this machine can connect; the token (Jupyter's default) stays on
c.ServerApp.allow_root = True  # CI and many classroom images run as root
if on_a_hub:
    # One server per student: only the server extensions the kit needs (JupyterLab, and nbgitpuller for the
    # teacher's link). No terminal, no language servers (the kit installs none), no classic-notebook shim.
    c.ServerApp.jpserver_extensions = {"jupyter_lsp": False, "jupyter_server_terminals": False,
                                       "notebook_shim": False}
    c.ServerApp.terminals_enabled = False
    # Kernels without the debugger, which the kit's notebooks do not use (kit_server.KernelsWithoutDebugger).
    c.ServerApp.kernel_spec_manager_class = "kit_server.KernelsWithoutDebugger"
    # Each kernel's activity recorded without decoding every message it sends, figures and all (kit_server says why).
    c.ServerApp.kernel_manager_class = "kit_server.KernelsWatchedLightly"
    # A kernel left running (a tab closed without File > Close and Shut Down Notebook) gives its memory back
    # after an hour idle with no tab open; a kernel that is busy, or that a tab is connected to, is never stopped.
    c.MappingKernelManager.cull_idle_timeout = 3600
    c.MappingKernelManager.cull_interval = 300
    c.MappingKernelManager.cull_busy = False
    c.MappingKernelManager.cull_connected = False

# Nothing leaves the machine: no news feed, no update check, no extension look-ups on PyPI.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"  # lists what is installed, never searches PyPI
# The kit's Lab settings (lab-settings/): the announcements plugin (news feed, update check) is switched off
# and its settings say never; the extension manager is off; Markdown files such as the glossary open rendered;
# the cell toolbar is off, as Lab drew it over an open solution's summary line (menus and keys do the same).
if (here / "lab-settings").is_dir():  # on Binder and a hub postBuild installs the same settings instead
    c.LabApp.app_settings_dir = str(here / "lab-settings")
    # The whole kit in the file browser, not only notebooks/, so that links to ../lessons and ../data work;
    # `make lab` opens the working copy of the start-here notebook (below).
    c.ServerApp.root_dir = str(here.parent)

# Each learner works in my-work/ (jupyter/kit_server.py): working copies made once, never overwritten, and the
# kit's originals in notebooks/ read-only in Lab (KIT_EDIT_ORIGINALS=1 lifts that for maintainers). In a clone of
# the kit Lab shows a student's view: what the student edition holds and my-work/, no lesson plans, keys or
# teacher's notebooks (`make lab-teacher`, --KitContentsManager.teacher=True, shows everything).
# `make lab`, Binder and a hub link all land on the working copy of the start-here notebook.
import sys  # noqa: E402

sys.path.insert(0, str(here))
import kit_server  # noqa: E402

if on_a_hub:
    kit_server.no_yarn_lookup()  # no `node yarn.js config` as JupyterLab is imported (kit_server says why)
if on_a_hub and kit_server.kernels_on_unix_sockets():
    # Kernels on Unix sockets in the server's own folder, not on TCP ports (kit_server.KernelSockets says why):
    # on a hub that runs a class's servers on one machine, two servers could give their kernels one port, and
    # that kernel died at its start, for good.
    c.MappingKernelManager.kernel_manager_class = kit_server.kernels_on_unix_sockets()

kit_server.give_font_list()  # the font list postBuild made, so a student's first kernel need not make its own
c.ServerApp.contents_manager_class = kit_server.KitContentsManager
# The kit is this file's parent folder (make lab), or the folder the server starts in (Binder, where postBuild
# installed this file in the environment); on a hub the copies are made when the hub link first asks for them.
kit = next((folder for folder in (here.parent, Path.cwd()) if kit_server.is_kit(folder)), None)
if kit is not None:
    kit_server.make_working_copies(kit)
    # A copy made from an older version of its notebook keeps the student's answers; the new version is written
    # beside it, and the student is told where, here where `make lab` prints the address to open.
    notice = kit_server.update_notice(kit_server.update_copies(kit))
    if notice:
        print(notice, file=sys.stderr)
    os.environ["PYTHONPATH"] = kit_server.package_path(kit)  # kernels in my-work/ import the kit's package
    c.LabApp.default_url = f"/lab/tree/{kit_server.WORK}/00-start-here.ipynb"
