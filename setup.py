"""Build hook: compile the text-scanning modules to C with mypyc in regular installs.

Everything else about the package is in pyproject.toml. The modules below run a
Python loop per match of every detector and per quote; mypyc compiles their typed
code to C extension modules that give the same results about 1.3-1.6x faster (see
"Scale" in the README). They are private: the public functions that check their
arguments stay interpreted, because compiled code checks argument types itself, with
a TypeError that does not name the argument. The sources stay the package: an
extension module shadows its ``.py`` file only where both are installed side by side.

``COMMUNIQUE_COMPILE`` chooses: ``auto`` (the default) compiles when a wheel is built
(``pip install .``, ``pip wheel .``) and not in editable installs, whose sources a
developer changes (a compiled copy would go stale); ``0`` never; ``1`` whenever setup.py
runs (only tried with wheel builds). Without a C compiler the build stops with the
compiler's error: set ``COMMUNIQUE_COMPILE=0`` to install the pure-Python package.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile

from setuptools import setup

# Two groups, one shared library each: calls within a group are C calls; corpus is
# compiled apart from analysis, which imports it (corpus never imports analysis).
COMPILED_GROUPS = (
    (["corpus/segment.py", "corpus/quotes.py"], "communique_corpus"),
    (
        [
            "analysis/_context.py",
            "analysis/_matcher.py",
            "analysis/_hedge_rules.py",
            "analysis/_modal_rules.py",
            "analysis/_comparison_rules.py",
            "analysis/_syllables.py",
        ],
        "communique_analysis",
    ),
)
# setup.py commands that build extension modules; metadata steps (egg_info, dist_info)
# and editable installs (editable_wheel) do not.
_BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}


def compile_wanted(argv: list[str], choice: str) -> bool:
    choice = choice.strip().lower()
    if choice in {"0", "no", "false", "off"}:
        return False
    if choice in {"1", "yes", "true", "on"}:
        return True
    if choice != "auto":
        raise SystemExit(f"COMMUNIQUE_COMPILE={choice!r}: use auto, 1 or 0")
    return "editable_wheel" not in argv and not _BUILD_COMMANDS.isdisjoint(argv)


def extension_modules(build_base: str) -> list:
    if not compile_wanted(sys.argv, os.environ.get("COMMUNIQUE_COMPILE", "auto")):
        return []
    from mypyc.build import mypycify

    paths = [path for group, _ in COMPILED_GROUPS for path in group]
    options = ["--ignore-missing-imports", "--follow-imports=silent"]
    return mypycify([*options, *paths], separate=list(COMPILED_GROUPS), target_dir=build_base)


# Every build starts from an empty build folder: setuptools packs whatever its folder
# holds, so an extension module left by an earlier build (of a module no longer
# compiled, or before COMMUNIQUE_COMPILE=0) would otherwise shadow the current source.
BUILD_BASE = tempfile.mkdtemp(prefix="communique-build-")
atexit.register(shutil.rmtree, BUILD_BASE, ignore_errors=True)
setup(
    ext_modules=extension_modules(BUILD_BASE),
    options={"build": {"build_base": BUILD_BASE}},
)
