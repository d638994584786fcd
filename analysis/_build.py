"""Which build of communique is running: the modules that run compiled, and the git
commit of the checkout the packages were imported from. Both are read from files only
(no subprocess, no network), so a provenance record costs no process and works where
git is not installed."""

from __future__ import annotations

import importlib.util
import pkgutil
import re
import sys
from pathlib import Path
from types import ModuleType

# What a compiled extension module's file ends in (mypyc builds them in regular
# installs, see setup.py): a shared library on Linux and macOS, a .pyd on Windows.
_EXTENSION_SUFFIXES = (".so", ".pyd")
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1, or SHA-256 repositories
_MAX_SYMBOLIC_REFS = 5  # HEAD -> a branch -> ...; more is a loop in a broken repository


def compiled_modules(packages: list[ModuleType]) -> list[str]:
    """The modules of ``packages`` (their own, not their subpackages', which setup.py
    never compiles) that are compiled extension modules, sorted by name.

    A module already imported is judged by the file it was loaded from; one not yet
    imported by the file an import would load (an extension module shadows a .py file
    beside it), so the answer does not depend on what this process has imported so far.
    """
    compiled = []
    for package in packages:
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            if _is_extension(_module_file(info.name)):
                compiled.append(info.name)
    return sorted(compiled)


def _module_file(name: str) -> str:
    module = sys.modules.get(name)
    if module is not None:
        return str(getattr(module, "__file__", "") or "")
    spec = importlib.util.find_spec(name)
    return str(spec.origin or "") if spec is not None else ""


def _is_extension(path: str) -> bool:
    return path.lower().endswith(_EXTENSION_SUFFIXES)


def source_commit(packages: list[ModuleType]) -> str | None:
    """The commit checked out in the git working tree the ``packages`` sit at the top
    of (as in a clone, or an editable install of one); None for an installed copy, for
    packages from different folders, or when the commit cannot be read."""
    folders = {Path(p.__path__[0]).resolve().parent for p in packages}
    if len(folders) != 1:
        return None
    # The folder the packages sit in, not one above: a regular install in a virtualenv
    # inside a clone must not take the clone's commit for its own.
    return checkout_commit(folders.pop())


def checkout_commit(folder: Path) -> str | None:
    """The commit of HEAD in the git working tree ``folder`` (which holds ``.git``),
    read from the repository's files: HEAD, the branch it names under ``refs/``, or
    ``packed-refs``. ``.git`` may be a file (``gitdir: ...``), as in a worktree made
    with ``git worktree add``, whose branches are in the main repository. None where
    there is no repository, no commit yet, or a layout this does not read (reftable).

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> (folder / ".git").mkdir()
        >>> _ = (folder / ".git" / "HEAD").write_text("0123456789abcdef0123456789abcdef01234567\\n")
        >>> checkout_commit(folder)
        '0123456789abcdef0123456789abcdef01234567'
    """
    git_dir = _git_dir(folder / ".git")
    if git_dir is None:
        return None
    common = _common_dir(git_dir)
    ref = "HEAD"
    for _ in range(_MAX_SYMBOLIC_REFS):
        value = _ref_value(git_dir, common, ref)
        if value is None:
            return None
        if not value.startswith("ref:"):
            return value if _COMMIT.fullmatch(value) else None
        ref = value.removeprefix("ref:").strip()
    return None


def _git_dir(dot_git: Path) -> Path | None:
    """The repository folder of a ``.git`` entry: itself, or where a ``.git`` file
    points (a path relative to the file's folder, or absolute)."""
    if dot_git.is_dir():
        return dot_git
    text = _read(dot_git)
    if text is None or not text.startswith("gitdir:"):
        return None
    target = Path(text.removeprefix("gitdir:").strip())
    target = target if target.is_absolute() else dot_git.parent / target
    return target if target.is_dir() else None


def _common_dir(git_dir: Path) -> Path:
    """Where branches and packed-refs live: a worktree's repository folder names the
    main one in its ``commondir`` file; a main repository is its own."""
    text = _read(git_dir / "commondir")
    if not text:
        return git_dir
    common = Path(text)
    return common if common.is_absolute() else git_dir / common


def _ref_value(git_dir: Path, common: Path, ref: str) -> str | None:
    """The content of ``ref`` ("HEAD" or "refs/..."): a commit or "ref: <other ref>"."""
    if ref != "HEAD" and not ref.startswith("refs/"):
        return None  # a name that is no ref is read nowhere, whatever its path
    # HEAD and a worktree's own refs are in its folder, branches in the common one.
    for folder in dict.fromkeys((git_dir, common)):
        value = _read(folder / ref)
        if value:
            return value
    return _packed_ref(common, ref)


def _packed_ref(common: Path, ref: str) -> str | None:
    """The commit ``packed-refs`` gives ``ref`` (lines "<commit> <ref>"; "#" lines are
    comments, "^" lines the commits of the tags above them)."""
    text = _read(common / "packed-refs")
    for line in (text or "").splitlines():
        commit, _, name = line.partition(" ")
        if name == ref and not line.startswith(("#", "^")):
            return commit
    return None


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
