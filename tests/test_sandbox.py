"""kit.grade.sandbox: bubblewrap as the grader uses it, tried directly, without a notebook.

Each test starts a small program in the sandbox and has it try something it
must not be able to do. ``tests/test_grade_attacks.py`` tries the same through
whole notebooks graded by ``kit grade``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from grading import processes_with
from kit.grade import GradeError, Limits, SandboxUnavailable, check_sandbox, find_sandbox, grade
from kit.grade.run import kernel_env
from kit.grade.sandbox import run_uid, sandboxed_command

SECRET = "kit-test-secret-4d1f"


def _run(code: str, folder: Path, *, hide=(), limits: Limits = Limits(), timeout: float = 60) -> dict:
    """Run Python ``code`` in the sandbox, in ``folder``; it prints one JSON value, returned here."""
    box = find_sandbox(hide=hide, limits=limits)
    folder.mkdir(exist_ok=True)
    uid = run_uid(box)
    if uid is not None:
        os.chown(folder, uid, uid)
    cmd = sandboxed_command(box, folder, [sys.executable, "-c", code], kernel_env("/tmp", sys.executable), uid=uid)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=folder,
                          env={**os.environ, "KIT_TEST_SECRET": SECRET})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_kernel_sees_only_what_it_needs(tmp_path):
    import tempfile

    hidden = ROOT / "kit" / "data"  # inside the kit, which the kernel sees: hidden all the same
    with tempfile.NamedTemporaryFile(dir=Path.home(), prefix=".kit-test-") as in_home:
        probe = {"solutions": ROOT / "solutions", "tests": ROOT / "tests", "home": in_home.name, "hidden": hidden}
        seen = _run(
            "import json, os\n"
            f"paths = {({k: str(v) for k, v in probe.items()})!r}\n"
            "print(json.dumps({'exists': {k: os.path.exists(v) and (os.path.isfile(v) or bool(os.listdir(v))) "
            "for k, v in paths.items()}, 'top': sorted(os.listdir('/')), 'env': dict(os.environ), 'pid': os.getpid(), "
            "'procs': sorted(int(p) for p in os.listdir('/proc') if p.isdigit()), 'uid': os.getuid(), "
            "'etc': sorted(os.listdir('/etc')), 'kit': sorted(os.listdir(os.path.dirname(__import__('kit').__file__)))}))",
            tmp_path / "run", hide=[hidden])
    assert seen["exists"] == {k: False for k in probe} and "checks.py" in seen["kit"]
    assert SECRET not in json.dumps(seen["env"]) and "KIT_TEST_SECRET" not in seen["env"]
    assert set(seen["env"]) == set(kernel_env("/tmp", sys.executable)) | {"PWD"}
    assert seen["pid"] == 2 and seen["procs"] == [1, 2]  # its own process namespace
    assert seen["uid"] != 0
    assert not {"passwd", "shadow", "hosts", "ssh"} & set(seen["etc"])
    shown = {Path(p).parts[1] for p in find_sandbox().read_only} | {"proc", "dev", "tmp"}
    assert set(seen["top"]) <= shown, set(seen["top"]) - shown


def test_no_network_not_even_the_graders_loopback(tmp_path):
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    accepted: list = []
    server.settimeout(5)
    thread = threading.Thread(target=lambda: accepted.append(_accept(server)), daemon=True)
    thread.start()
    tried = _run(
        "import json, socket\nerrors = []\n"
        f"for host in ('127.0.0.1', '1.1.1.1'):\n"
        "    try:\n"
        f"        socket.create_connection((host, {port}), timeout=2)\n"
        "        errors.append('connected')\n"
        "    except OSError as err:\n"
        "        errors.append(type(err).__name__)\n"
        "print(json.dumps(errors))", tmp_path / "run")
    thread.join(6)
    server.close()
    assert "connected" not in tried and accepted == [None]


def _accept(server: socket.socket):
    try:
        conn, _ = server.accept()
        conn.close()
        return "someone connected"
    except OSError:
        return None


def test_the_system_the_python_and_the_kit_are_read_only(tmp_path):
    target = Path(__import__("kit").__file__)
    before = target.read_bytes()
    tried = _run(
        "import json, os, sys\nout = {}\n"
        f"for path in ({str(target)!r}, os.path.join(sys.prefix, 'pwned.txt'), '/usr/pwned.txt', "
        f"{str(ROOT / 'pwned.txt')!r}):\n"
        "    try:\n"
        "        open(path, 'a').write('pwned')\n"
        "        out[path] = 'written'\n"
        "    except OSError as err:\n"
        "        out[path] = err.strerror\n"
        "open('mine.txt', 'w').write('my own folder is mine')\n"
        "print(json.dumps(out))", tmp_path / "run")
    assert "written" not in tried.values()
    assert target.read_bytes() == before and not (ROOT / "pwned.txt").exists()
    assert (tmp_path / "run" / "mine.txt").read_text() == "my own folder is mine"


def test_limits_on_memory_processes_and_file_size(tmp_path):
    limits = Limits(memory=1 << 30, processes=24, file_size=1 << 20)
    tried = _run(
        "import json, os, time\nout = {}\n"
        "try:\n    block = bytearray(2 << 30)\n    out['memory'] = 'allocated'\n"
        "except MemoryError:\n    out['memory'] = 'MemoryError'\n"
        "children = 0\n"
        "try:\n"
        "    for _ in range(200):\n"
        "        if os.fork() == 0:\n"
        "            time.sleep(20)\n"
        "            os._exit(0)\n"
        "        children += 1\n"
        "except OSError as err:\n    out['fork'] = err.strerror\n"
        "out['children'] = children\n"
        "try:\n    open('big', 'wb').write(b'x' * (2 << 20))\n    out['file'] = 'written'\n"
        "except OSError as err:\n    out['file'] = err.strerror\n"
        "print(json.dumps(out))", tmp_path / "run", limits=limits)
    assert tried["memory"] == "MemoryError"
    assert tried["children"] < 24 and "fork" in tried
    assert tried["file"] == "File too large"


def test_detached_processes_end_with_the_sandbox(tmp_path):
    marker = f"kit-test-detached-{os.getpid()}"
    _run("import json, subprocess, sys\n"
         f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)', {marker!r}], start_new_session=True)\n"
         "print(json.dumps('started'))", tmp_path / "run")
    assert not processes_with(marker)


def _everyone_may_enter(path: str) -> bool:
    """Whether a user with no rights of its own can reach ``path``: every folder on the way lets others in."""
    return all(os.stat(p).st_mode & 0o001 for p in [path, *map(str, Path(path).parents)] if os.path.isdir(p))


def test_an_ordinary_user_gets_the_same_sandbox(tmp_path):
    """The grader as an ordinary user: bwrap makes a user namespace, and the limits count that sandbox only.

    Run as ``nobody`` when the tests run as root (as CI does). The kit's Python
    and its virtual environment may lie where nobody cannot enter (under /root,
    or in a clone made by ``mktemp -d``, mode 700), so Debian's python3 stands
    in, and the folders nobody cannot reach are left out of the sandbox.
    """
    python = "/usr/bin/python3" if os.geteuid() == 0 else sys.executable
    box = find_sandbox(python=python)._replace(privileged=False, limits=Limits(processes=12))
    if os.geteuid() == 0:
        box = box._replace(read_only=tuple(p for p in box.read_only if _everyone_may_enter(p)))
    import tempfile

    # pytest's own temporary folders are private to root: this one is not. Nor may its parent be: some
    # machines make /tmp itself private to root (mode 1700), so take the first that everyone may enter.
    base = next(d for d in (tempfile.gettempdir(), "/var/tmp", "/dev/shm") if _everyone_may_enter(d))
    folder = Path(tempfile.mkdtemp(prefix="kit-test-user-", dir=base)) / "run"
    folder.mkdir()
    code = ("import json, os, time\nchildren = 0\ntry:\n    for _ in range(100):\n        if os.fork() == 0:\n"
            "            time.sleep(20)\n            os._exit(0)\n        children += 1\nexcept OSError:\n    pass\n"
            "print(json.dumps([children, os.getpid(), sorted(os.environ)]))")
    cmd = sandboxed_command(box, folder, [python, "-c", code], {"PATH": "/usr/bin:/bin"})
    if os.geteuid() == 0:
        os.chmod(folder.parent, 0o755)
        os.chown(folder, 65534, 65534)
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", *cmd]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=folder)
    finally:
        shutil.rmtree(folder.parent)
    assert done.returncode == 0, done.stderr
    children, pid, env = json.loads(done.stdout)
    assert children < 12 and pid == 2
    assert set(env) - {"LC_CTYPE"} == {"PATH", "PWD"}  # Python itself sets LC_CTYPE in the C locale
    assert "--unshare-user" in cmd and "--disable-userns" in cmd


def test_no_bwrap_means_no_grading_without_consent(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(SandboxUnavailable, match="bwrap") as info:
        find_sandbox()
    assert "--no-sandbox" in str(info.value) and "apt-get install bubblewrap" in str(info.value)
    sub = tmp_path / "x.ipynb"
    sub.write_text("{}", encoding="utf-8")
    with pytest.raises(GradeError, match="Nothing was graded") as info:
        grade("keyword_frequency", [sub], tmp_path / "out", progress=False)
    assert "--no-sandbox" in str(info.value)
    assert not (tmp_path / "out" / "grades.csv").exists()


def test_a_sandbox_that_does_not_start_says_why(tmp_path):
    box = find_sandbox()
    broken = box._replace(read_only=tuple(p for p in box.read_only if not p.startswith("/usr")))
    with pytest.raises(SandboxUnavailable, match="could not start") as info:
        check_sandbox(broken)
    assert "--no-sandbox" in str(info.value)


def test_without_the_sandbox_it_says_so_loudly_everywhere(tmp_path, capsys):
    sub = tmp_path / "broken.ipynb"
    sub.write_text("{ not json", encoding="utf-8")
    out = tmp_path / "out"
    grade("keyword_frequency", [sub], out, progress=False, sandbox=False)
    assert "WITHOUT a sandbox" in capsys.readouterr().err
    state = json.loads((out / "grade-state.json").read_text())
    assert state["sandbox"] == {"on": False, "why": "turned off with --no-sandbox"}
    assert "WITHOUT a sandbox" in (out / "feedback" / "broken.html").read_text()


def test_bwrap_is_what_ci_installs():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bubblewrap" in run and shutil.which("bwrap")
