"""The kit works from a wheel, from any working directory, seeds included."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_a_wheel_carries_the_seeds_and_loads_them_anywhere(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "kit/seeds/000_f574fb3969ac495b.txt" in names and "kit/data/stopwords.txt" in names
    assert "kit/data/practice/a_riverside_water.txt" in names
    # No expected answers: questions live in the teacher's solution notebooks, never in the package.
    assert not [n for n in names if n.startswith(("kit/questions/", "solutions/", "exercises/")) or n.endswith(".ipynb")]
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import kit; a, b = kit.load_articles(); "
        "print(kit.__file__); print(kit.texts.seed_dir()); print(len(kit.sentences(a)), len(kit.sentences(b)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=elsewhere,
        env={"PYTHONPATH": str(unpacked), "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    kit_file, seed_dir, counts = done.stdout.strip().splitlines()
    assert kit_file.startswith(str(unpacked)) and seed_dir.startswith(str(unpacked))
    assert counts == "14 16"
