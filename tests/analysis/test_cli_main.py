"""``python -m analysis.cli`` runs the same command line as the `communique` script."""

import subprocess
import sys


def test_module_runs_the_command_line_with_its_exit_codes():
    done = subprocess.run(
        [sys.executable, "-m", "analysis.cli", "compare", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("usage: communique compare ")
    wrong = subprocess.run(
        [sys.executable, "-m", "analysis.cli", "no-such-command"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode == 2
    assert "invalid choice: 'no-such-command'" in wrong.stderr
