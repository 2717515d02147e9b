"""The links a class opens the student edition with, and a printable "how to get in" sheet with QR codes.

    make links REPOSITORY=https://github.com/your-school/breaking-isolation-students [HUB=https://hub.your-school.org]

REPOSITORY is the address of the student edition (tools/classroom/served_repo.py makes it), never of the
kit itself: the kit's notebooks hold the answers. It writes into build/links/:

- binder-qr.svg and, with HUB, hub-qr.svg: QR codes made offline by segno;
- how-to-get-in.html: one printable page with both links, their QR codes and what to do on each set-up
  (a school JupyterHub, Binder, paper only);
- handouts/NN-...-handout.md: each lesson's handout with the same links on top, and its .html copy beside it to
  print (as lessons/handouts/ has: the raw Markdown prints its escapes and table bars).

Binder needs no account and no install, but it forgets: a session that idles (about ten minutes) or ends
loses the students' work, so the sheet teaches File → Download before they leave.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path
from urllib.parse import quote, urlsplit

import segno

ROOT = Path(__file__).resolve().parents[1]
from breaking_isolation.atomic import write_text

START = "my-work/00-start-here.ipynb"  # the learner's working copy, made by jupyter/kit_server.py
OUT = ROOT / "build" / "links"
GITHUB = re.compile(r"^https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")
BINDER_IDLE = "about ten minutes"


class BadAddress(ValueError):
    pass


def _checked(url: str, what: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.netloc or any(c in url for c in " <>\"'"):
        raise BadAddress(f"{what} must be a whole https:// address, such as https://github.com/your-school/"
                         f"breaking-isolation-students; got {url!r}")
    return url.strip().rstrip("/")


def folder_name(repository: str) -> str:
    """The folder nbgitpuller makes in each student's home: the last part of the address, without .git."""
    return re.sub(r"\.git$", "", urlsplit(repository).path.rstrip("/").rsplit("/", 1)[-1])


def binder_link(repository: str, branch: str = "main") -> str:
    """mybinder.org's link that opens the start-here notebook of the edition in JupyterLab."""
    repository = _checked(repository, "REPOSITORY")
    target = f"?urlpath={quote('lab/tree/' + START, safe='')}"
    github = GITHUB.match(repository)
    if github:
        return f"https://mybinder.org/v2/gh/{github[1]}/{github[2]}/{quote(branch, safe='')}{target}"
    return f"https://mybinder.org/v2/git/{quote(repository, safe='')}/{quote(branch, safe='')}{target}"


def hub_link(hub: str, repository: str, branch: str = "main") -> str:
    """nbgitpuller's link: copies (or updates) the edition into the student's home, then opens start-here."""
    hub, repository = _checked(hub, "HUB"), _checked(repository, "REPOSITORY")
    urlpath = f"lab/tree/{folder_name(repository)}/{START}"
    return (f"{hub}/hub/user-redirect/git-pull?repo={quote(repository, safe='')}&branch={quote(branch, safe='')}"
            f"&urlpath={quote(urlpath, safe='')}")


def qr_svg(url: str, title: str) -> str:
    """A QR code of `url` as SVG text: black on white, with a quiet zone, large enough to scan from paper."""
    code = segno.make(url, error="m")
    from io import BytesIO

    out = BytesIO()
    code.save(out, kind="svg", scale=5, border=4, dark="#000", light="#fff", title=title, xmldecl=False,
              svgns=True, nl=False)
    return out.getvalue().decode("utf-8")


SET_UPS = """\
**On the school's JupyterHub** (if your school has one): open the hub link or scan its code, log in as usual.
The kit is copied into your own folder the first time, and updated after that without touching your work.
Your work is saved on the hub.

**On Binder** (no account, no install): open the Binder link or scan its code and wait a minute while it starts.
Binder forgets: if you leave it idle for {idle} or close the tab, your work is gone. Before you stop, save your
notebook to your computer: **File → Download**. To go on later, open Binder again and drag the downloaded file
into the file list on the left.

**On paper** (no computer, or the network is down): your teacher gives you the lesson's printed handout and
answer sheet; everything the exercises need is printed on them.
"""


def sheet_markdown(binder: str, hub: str | None) -> str:
    lines = ["## How to get in", "", SET_UPS.format(idle=BINDER_IDLE), "",
             f"- Binder link: <{binder}>"]
    lines.append(f"- Hub link: <{hub}>" if hub else "- Hub link: ask your teacher (the school has not given one).")
    return "\n".join(lines) + "\n"


def sheet_html(binder: str, hub: str | None, binder_svg: str, hub_svg: str | None) -> str:
    """One printable A4 page: the two links with their codes, and what to do on each set-up."""
    def block(title: str, url: str, svg: str) -> str:
        return (f'<section><h2>{html.escape(title)}</h2><figure>{svg}<figcaption><a href="{html.escape(url)}">'
                f'{html.escape(url)}</a></figcaption></figure></section>')

    paragraphs = "".join(
        "<p>" + html.escape(p).replace("**", "") + "</p>"
        for p in SET_UPS.format(idle=BINDER_IDLE).split("\n\n"))
    codes = (block("On the school's JupyterHub", hub, hub_svg) if hub else "") + block("On Binder", binder, binder_svg)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Breaking Isolation: how to get in</title>
<style>
@page {{ size: A4; margin: 15mm; }}
body {{ font-family: sans-serif; font-size: 12pt; color: #000; background: #fff; max-width: 180mm; }}
h1 {{ font-size: 20pt; margin: 0 0 4mm; }} h2 {{ font-size: 14pt; margin: 2mm 0; }}
main {{ display: flex; gap: 10mm; }} section {{ flex: 1; }}
figure {{ margin: 0; }} svg {{ width: 45mm; height: 45mm; }}
figcaption {{ font-size: 8pt; word-break: break-all; }} a {{ color: #000; }}
p {{ margin: 2mm 0; line-height: 1.35; }}
</style></head>
<body><h1>Breaking Isolation: how to get in</h1>
<main>{codes}</main>
{paragraphs}
</body></html>
"""


def handout_with_links(handout: str, links: str) -> str:
    """The handout with the links after its title line."""
    first, _, rest = handout.partition("\n")
    return f"{first}\n\n{links}\n{rest}" if first.startswith("# ") else f"{links}\n{handout}"


def kits_own_address(kit: Path = ROOT) -> str | None:
    """The address the teacher's kit itself was cloned from, if git knows one."""
    import subprocess

    done = subprocess.run(["git", "remote", "get-url", "origin"], cwd=kit, capture_output=True, text=True,
                          check=False)
    return done.stdout.strip() or None if done.returncode == 0 else None


def _same_repository(a: str, b: str) -> bool:
    def norm(url: str) -> str:
        return re.sub(r"(\.git)?/?$", "", url.strip().lower())
    return norm(a) == norm(b)


def write_links(repository: str, hub: str | None = None, branch: str = "main", out: Path = OUT,
                kit: Path = ROOT) -> list[Path]:
    own = kits_own_address(kit)
    if own and _same_repository(own, repository):
        raise BadAddress(f"{repository} is the teacher's kit, whose notebooks hold the answers; give the student "
                         "edition's address (tools/classroom/served_repo.py makes it)")
    binder = binder_link(repository, branch)
    pulled = hub_link(hub, repository, branch) if hub else None
    out.mkdir(parents=True, exist_ok=True)
    (out / "handouts").mkdir(exist_ok=True)
    binder_svg = qr_svg(binder, "Binder link to the student edition")
    hub_svg = qr_svg(pulled, "JupyterHub link to the student edition") if pulled else None
    written = [out / "binder-qr.svg", out / "how-to-get-in.html", out / "how-to-get-in.md"]
    write_text(written[0], binder_svg)
    if hub_svg:
        write_text(out / "hub-qr.svg", hub_svg)
        written.append(out / "hub-qr.svg")
    write_text(written[1], sheet_html(binder, pulled, binder_svg, hub_svg))
    links = sheet_markdown(binder, pulled)
    codes = "![QR code of the Binder link](binder-qr.svg)" + (" ![QR code of the hub link](hub-qr.svg)" if pulled else "")
    write_text(written[2], f"# Breaking Isolation: how to get in\n\n{codes}\n\n" + links.split("\n", 2)[2])
    on_handout = links.replace("## How to get in\n", "## How to get in\n\n" + codes.replace("](", "](../") + "\n", 1)
    import build_handouts  # noqa: PLC0415  (beside this script in tools/)

    for handout in sorted((ROOT / "lessons" / "handouts").glob("*.md")):
        target = out / "handouts" / handout.name
        text = handout_with_links(handout.read_text(encoding="utf-8"), on_handout)
        write_text(target, text)
        printed = target.with_suffix(".html")
        write_text(printed, build_handouts.printable(text, css=build_handouts.HANDOUT_CSS.get(handout.name, "")))
        written += [target, printed]
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repository", required=True, help="the student edition's address (https://...)")
    parser.add_argument("--hub", default="", help="the school JupyterHub's address (https://...), if any")
    parser.add_argument("--branch", default="main")
    args = parser.parse_args()
    try:
        written = write_links(args.repository, args.hub or None, args.branch)
    except BadAddress as bad:
        print(f"make links: {bad}", file=sys.stderr)
        return 2
    print(f"Binder: {binder_link(args.repository, args.branch)}")
    if args.hub:
        print(f"Hub:    {hub_link(args.hub, args.repository, args.branch)}")
    for path in written:
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
