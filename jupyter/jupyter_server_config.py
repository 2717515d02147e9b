# JupyterLab as the kit starts it (`make lab`): local only, token on, quiet and offline.
c = get_config()  # noqa: F821  (provided by Jupyter when it reads this file)

c.ServerApp.ip = "127.0.0.1"  # only this machine can connect
c.ServerApp.allow_root = True  # CI and many classroom images run as root; the token still guards the server
