# JupyterLab as the kit starts it (`make lab`, and the browser tests): local only, token on, quiet, offline.
from pathlib import Path

c = get_config()  # noqa: F821  (provided by Jupyter when it reads this file)
here = Path(__file__).resolve().parent

c.ServerApp.ip = "127.0.0.1"  # only this machine can connect; the token (Jupyter's default) stays on
c.ServerApp.allow_root = True  # CI and many classroom images run as root

# Nothing leaves the machine: no news feed, no update check, no extension look-ups on PyPI.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"  # lists what is installed, never searches PyPI
# The kit's Lab settings (lab-settings/): the announcements plugin (news feed, update check) is switched off
# and its settings say never; the extension manager is off; Markdown files such as the glossary open rendered.
if (here / "lab-settings").is_dir():  # on Binder and a hub postBuild installs the same settings instead
    c.LabApp.app_settings_dir = str(here / "lab-settings")
    # The whole kit in the file browser, not only notebooks/, so that links to ../lessons and ../data work;
    # `make lab` still opens notebooks/00-start-here.ipynb.
    c.ServerApp.root_dir = str(here.parent)
