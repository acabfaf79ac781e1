"""End to end, in a real browser: JupyterLab runs the lessons in headless Chromium.

What a student does on the first day, automated:

1. start JupyterLab on localhost (a free port, a fresh token, a temporary copy of
   the lessons as its root folder, ``--no-browser``) and wait until it answers;
2. open each lesson in Debian's Chromium, driven by Playwright, and choose
   Run > Run All Cells from the menu; wait until every code cell has run and
   the kernel is idle;
3. check that no cell shows an error, and that the widgets render as live
   controls (not as their text fallback, "Loading widget..." or "Error
   displaying widget");
4. drag the keyword explorer's top-N slider and see its table change;
5. save screenshots to the test's tmp_path (their paths are printed; run with
   ``-s`` to see them, or ``--basetemp=DIR`` to keep them somewhere known).

The test skips only when no Chromium executable is found. Playwright drives the
system's Chromium through ``executable_path`` (browser downloads are not needed):
set ``$CHROMIUM`` to use another build. The Jupyter server is always shut down,
its kernels with it, whatever happens (see the ``lab`` fixture).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT

LESSONS = ("00_start_here.ipynb", "10_explorer.ipynb")
EXPLORERS = ("kit-keyword-explorer", "kit-concordance-explorer", "kit-quote-browser", "kit-version-viewer")
"""The CSS class of each of kit.widgets' explorers, all four used in 10_explorer."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 60  # seconds
RUN_TIMEOUT = 120  # seconds for Run All Cells, per notebook
MS = 1000  # Playwright counts in milliseconds

# JupyterLab settings for a quiet, deterministic session: no news or update
# pop-ups over the notebook, and every cell kept in the page (no windowing), so
# the checks below see all of them.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def find_chromium() -> str | None:
    """A Chromium executable: ``$CHROMIUM``, else ``chromium`` or ``chromium-browser`` on PATH."""
    for candidate in (
        os.environ.get("CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@dataclass
class Lab:
    """A running JupyterLab server."""

    url: str
    token: str
    root: Path
    log: Path

    def api(self, path: str, method: str = "GET", timeout: float = 5) -> bytes:
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip(
            "no Chromium executable found (looked at $CHROMIUM, chromium and chromium-browser "
            "on PATH, /usr/bin/chromium). Install it (Debian: apt-get install chromium) "
            "or set CHROMIUM=/path/to/chromium."
        )
    return path


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab serving a temporary copy of the lessons, shut down at the end, always."""
    home = tmp_path_factory.mktemp("jupyter")
    root = home / "lessons"
    root.mkdir()
    for name in LESSONS:
        shutil.copy(ROOT / "notebooks" / name, root / name)
    settings = home / "settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # the tests' Agg would stop plots showing in the notebook
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        (home / var).mkdir()
        env[var] = str(home / var)  # nothing read from, or written to, the user's own setup
    port, token = _free_port(), secrets.token_hex(16)
    command = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={root}",
        "--allow-root",  # CI containers run as root
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    server = Lab(f"http://127.0.0.1:{port}", token, root, home / "jupyter.log")
    with open(server.log, "w", encoding="utf-8") as log:
        # A session of its own: a Ctrl-C meant for pytest does not reach it, and
        # _stop shuts it down in order.
        proc = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while True:
                try:
                    server.api("/api/status", timeout=2)
                    break
                except (OSError, urllib.error.URLError):
                    pass
                if proc.poll() is not None:
                    pytest.fail(f"JupyterLab exited with code {proc.returncode}:\n{server.log_tail()}")
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s:\n{server.log_tail()}"
                    )
                time.sleep(0.25)
            yield server
        finally:
            _stop(proc, server)


def _stop(proc: subprocess.Popen, server: Lab) -> None:
    """Ask the server to shut down, which stops its kernels; terminate it, then kill it, if not.

    A kernel outlives nothing: jupyter_client tells it its parent's id
    (``JPY_PARENT_PID``), and ipykernel exits when that process is gone.
    """
    if proc.poll() is None:
        try:
            server.api("/api/shutdown", method="POST")
        except OSError:
            pass
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


@pytest.fixture(scope="module")
def browser(chromium: str, tmp_path_factory: pytest.TempPathFactory):
    """A headless Chromium with a fresh profile, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),  # Playwright passes it as --user-data-dir
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000},
        )
        context.set_default_timeout(30 * MS)
        try:
            yield context
        finally:
            context.close()


# --- driving JupyterLab ------------------------------------------------------------

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
ALL_RUN = """(n) => {
    const prompts = [...document.querySelectorAll('%s .jp-CodeCell .jp-InputPrompt')]
        .map(e => e.textContent.trim());
    return prompts.length === n && prompts.every(t => /^\\[\\d+\\]:$/.test(t));
}""" % PANEL


def run_all(browser, lab: Lab, name: str, shots: Path):
    """Open notebook ``name`` in a new tab, run all its cells, and return the page."""
    code_cells = sum(
        c["cell_type"] == "code"
        for c in json.loads((lab.root / name).read_text(encoding="utf-8"))["cells"]
    )
    page = browser.new_page()
    # A workspace per notebook, so that each tab opens its own notebook alone.
    workspace = Path(name).stem.replace("_", "-")
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/{name}?token={lab.token}")
    page.wait_for_function(
        f"document.querySelectorAll('{PANEL} .jp-CodeCell').length === {code_cells}",
        timeout=60 * MS,
    )
    idle = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\|\s*Idle\s*$"))
    idle.first.wait_for(timeout=60 * MS)  # the kernel has started
    page.keyboard.press("Control+b")  # hide the file browser: more room for the notebook
    page.wait_for_timeout(300)
    _shot(page, shots / f"{Path(name).stem}_first_screen.png")
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).first.click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    page.wait_for_function(ALL_RUN, arg=code_cells, timeout=RUN_TIMEOUT * MS)
    idle.first.wait_for(timeout=RUN_TIMEOUT * MS)
    page.wait_for_timeout(500)  # let the last outputs and widget views render
    _shot(page, shots / f"{Path(name).stem}_end.png")
    return page


def _shot(target, path: Path) -> None:
    target.screenshot(path=str(path))
    print(f"screenshot: {path}")


def check_no_errors(page, lab: Lab, name: str) -> None:
    """No cell shows an error: neither on screen nor in the notebook as saved."""
    panel = page.locator(PANEL)
    shown = panel.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    tracebacks = [t for t in shown.all_inner_texts() if "Traceback" in t]
    assert not tracebacks, f"{name}: a cell shows an error:\n" + "\n".join(tracebacks)
    page.keyboard.press("Control+s")
    page.locator(".jp-mod-dirty").first.wait_for(state="detached", timeout=10 * MS)
    saved = json.loads(lab.api(f"/api/contents/{name}?content=1"))["content"]
    errors = [
        f"{o.get('ename')}: {o.get('evalue')}"
        for cell in saved["cells"] for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors, f"{name}: cells raised {errors}"


def check_widgets_live(page, name: str, at_least: int) -> None:
    """Widgets rendered as controls, not as text, and none failed to load."""
    panel = page.locator(PANEL)
    live = panel.locator(".jp-OutputArea-output .jupyter-widgets")
    assert live.count() >= at_least, f"{name}: {live.count()} widgets rendered, expected {at_least}+"
    text = panel.inner_text()
    for failure in ("Loading widget...", "Error displaying widget"):
        assert failure not in text, f"{name}: {failure!r} is shown"
    assert "run it in Jupyter to use them" not in text, f"{name}: a widget shows as text"


# --- the tests ---------------------------------------------------------------------


def test_start_here_runs_without_errors(browser, lab, tmp_path):
    page = run_all(browser, lab, "00_start_here.ipynb", tmp_path)
    check_no_errors(page, lab, "00_start_here.ipynb")
    page.close()


def test_explorer_widgets_are_live_and_respond(browser, lab, tmp_path):
    name = "10_explorer.ipynb"
    page = run_all(browser, lab, name, tmp_path)
    check_no_errors(page, lab, name)
    check_widgets_live(page, name, at_least=4)
    panel = page.locator(PANEL)
    for css in EXPLORERS:
        explorer = panel.locator(f".{css}")
        assert explorer.count() == 1, f"the {css} is missing"
        assert explorer.locator(".kit-output").inner_text().strip(), f"the {css} shows nothing"
    assert panel.locator(".jp-OutputArea-output .widget-slider").count() >= 3
    assert panel.locator(".jp-OutputArea-output img").count() >= 5, "the plots are missing"

    # Drag the keyword explorer's top-N slider; its table follows.
    explorer = panel.locator(".kit-keyword-explorer")
    explorer.scroll_into_view_if_needed()
    output = explorer.locator(".kit-output")
    rows = output.locator("tr:has(td)")
    readout = explorer.locator(".widget-readout").first
    before_text, before_n = output.inner_text(), int(readout.inner_text())
    assert rows.count() == before_n
    handle = explorer.locator(".widget-slider .noUi-handle").first
    track = explorer.locator(".widget-slider .noUi-base").first.bounding_box()
    box = handle.bounding_box()
    assert box and track, "the slider is not on screen"
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(track["x"] + 0.05 * track["width"], box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    after_n = int(readout.inner_text())
    assert after_n < before_n, f"the slider did not move (readout {before_n} -> {after_n})"
    page.wait_for_function(
        "([el, n]) => el.querySelectorAll('tr:has(td)').length === n",
        arg=[output.element_handle(), after_n],
        timeout=15 * MS,
    )
    assert output.inner_text() != before_text
    assert rows.count() == after_n
    _shot(explorer, tmp_path / "keyword_explorer_after_slider.png")
    for css in EXPLORERS[1:]:
        widget = panel.locator(f".{css}")
        widget.scroll_into_view_if_needed()
        _shot(widget, tmp_path / f"{css}.png")
    page.close()
