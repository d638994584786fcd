"""Build hook: compile the text-scanning modules to C with mypyc in regular installs.

Everything else about the package is in pyproject.toml. The modules below run a
Python loop per match of every detector and per quote; mypyc compiles their typed
code to C extension modules that give the same results faster (hedges, modals and
readability 1.4-1.6x, comparisons and quotes 1.2x; see "Scale" in the README). The
analysis modules are private: the public functions that check their arguments stay
interpreted, because compiled code checks argument types itself, with a TypeError that
does not name the argument. corpus.segment and corpus.quotes are compiled whole, so
their public functions and ``Quote`` take exactly the annotated types (a numpy integer
where an ``int`` is annotated is a TypeError). The sources stay the package: an
extension module shadows its ``.py`` file only where both are installed side by side.

``COMMUNIQUE_COMPILE`` chooses: ``auto`` (the default) compiles when a wheel is built
(``pip install .``, ``pip wheel .``); ``0`` never; ``1`` is ``auto`` that stops with an
error where it cannot compile instead of installing the pure-Python package. Never in
place (editable installs, ``build_ext --inplace``): extension modules in the source
folder would go on running after their sources change. Where compiling fails (no C
compiler, a compiler warning that mypyc's -Werror turns into an error), ``auto``
installs the pure-Python package and says so.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

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
# do not, and builds in place (editable installs, --inplace) must not.
_BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}
_IN_PLACE = {"editable_wheel", "develop", "--inplace", "-i"}


def compile_choice() -> str:
    choice = os.environ.get("COMMUNIQUE_COMPILE", "auto").strip().lower()
    aliases = {"no": "0", "false": "0", "off": "0", "yes": "1", "true": "1", "on": "1"}
    choice = aliases.get(choice, choice)
    if choice not in {"auto", "0", "1"}:
        raise SystemExit(f"COMMUNIQUE_COMPILE={choice!r}: use auto, 1 or 0")
    return choice


def compile_wanted(argv: list[str], choice: str) -> bool:
    if choice == "0" or _IN_PLACE & set(argv):
        return False
    return not _BUILD_COMMANDS.isdisjoint(argv)


class BuildExt(build_ext):
    """Builds the compiled modules; with COMMUNIQUE_COMPILE=auto, a failed compile
    leaves them out (the sources are installed and run) instead of failing the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # compiler missing, a -Werror warning, headers absent
            if compile_choice() == "1":
                raise
            print(
                f"communique: compiling failed ({exc}); installing the pure-Python "
                "package, which gives the same results more slowly (COMMUNIQUE_COMPILE=0 "
                "skips compiling, COMMUNIQUE_COMPILE=1 makes this an error)",
                file=sys.stderr,
            )
            for output in self.get_outputs():
                if os.path.exists(output):
                    os.remove(output)
            self.extensions = []


# Inputs a regular install needs that the project's layout keeps outside the packages:
# the seed document (the default input of the commands) and the synthetic UN sample of
# `communique figures`. Copied into the built packages; a checkout reads them in place.
SHIPPED_DATA = (("seeds", "corpus/_seeds"), ("notebooks/sample_un", "analysis/_sample_un"))


class BuildPy(build_py):
    """Builds the packages with copies of :data:`SHIPPED_DATA` (not in editable builds,
    which read the checkout)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for source, target in SHIPPED_DATA:
            if os.path.isdir(source):
                destination = os.path.join(self.build_lib, target)
                shutil.copytree(source, destination, dirs_exist_ok=True)


def extension_modules(build_base: str) -> list:
    if not compile_wanted(sys.argv, compile_choice()):
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
    cmdclass={"build_ext": BuildExt, "build_py": BuildPy},
    options={"build": {"build_base": BUILD_BASE}},
)
