"""The README's examples, run as a newcomer would paste them.

Every line of a ```bash block runs in order, in a fresh folder that holds a link to
``examples/`` (so ``marsad ingest examples/`` builds the demo store as ``./marsad.db``
there), with the environment's ``marsad`` first on the PATH. Lines ending in
``# not run by the test`` are skipped: set-up, servers, watchers and inputs the repository
does not hold. Each command must exit 0 and say something; a ``marsad query`` must find
events. Every ```python block runs too.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SKIP_MARK = "# not run by the test"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README.read_text(encoding="utf-8")) if lang == language]


def shell_lines() -> list[str]:
    lines = []
    for body in blocks("bash"):
        for line in body.splitlines():
            line = line.strip()
            if line and not line.startswith("#") and not line.endswith(SKIP_MARK):
                lines.append(line)
    return lines


def test_readme_has_runnable_examples():
    lines = shell_lines()
    assert any(line.startswith("marsad ingest examples/") for line in lines)
    assert any(line.startswith("marsad query") for line in lines)
    # The ingest comes first: every later example reads the store it builds.
    first_store_use = next(i for i, line in enumerate(lines) if line.startswith(("marsad query", "marsad export")))
    assert any(line.startswith("marsad ingest examples/") for line in lines[:first_store_use])


def test_readme_shell_examples_run_on_the_demo_store(tmp_path):
    (tmp_path / "examples").symlink_to(REPO / "examples", target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k not in ("MARSAD_DB", "MARSAD_MODEL", "MARSAD_LEXICON_DIR")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["MARSAD_BIDI"] = "0"
    for line in shell_lines():
        done = subprocess.run(["bash", "-c", f"set -o pipefail; {line}"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=60)
        said = done.stdout + done.stderr
        assert done.returncode == 0, f"{line}\n{said}"
        assert said.strip(), f"{line}: printed nothing"
        if line.startswith("marsad query"):
            assert found_events(done.stdout), f"{line}: no events on the demo store\n{said}"


def found_events(stdout: str) -> bool:
    """Whether a query's output (table, JSON or CSV) lists at least one event."""
    text = stdout.strip()
    if text.startswith("["):
        return bool(json.loads(text))
    return len(text.splitlines()) > 1 and any(char.isdigit() for char in text)


@pytest.mark.parametrize("code", blocks("python"))
def test_readme_python_examples_run(code, capsys):
    exec(compile(code, str(README), "exec"), {})
    assert capsys.readouterr().out.strip()
