"""Tests for analysis._build: compiled modules and the source commit, read from files."""

import importlib
import importlib.machinery
import sys
import types
from pathlib import Path

import pytest

from analysis._build import checkout_commit, compiled_modules, source_commit

COMMIT = "0123456789abcdef0123456789abcdef01234567"
OTHER = "89abcdef0123456789abcdef0123456789abcdef"


def _repository(folder: Path, *, head: str = "ref: refs/heads/main") -> Path:
    git = folder / ".git"
    (git / "refs" / "heads").mkdir(parents=True)
    (git / "HEAD").write_text(head + "\n")
    return git


def test_a_branch_is_read_from_its_ref_file_or_from_packed_refs(tmp_path):
    git = _repository(tmp_path)
    assert checkout_commit(tmp_path) is None  # no commit yet
    (git / "packed-refs").write_text(
        "# pack-refs with: peeled fully-peeled sorted\n"
        f"{OTHER} refs/heads/dev\n"
        f"{COMMIT} refs/heads/main\n"
        f"^{OTHER}\n"
    )
    assert checkout_commit(tmp_path) == COMMIT
    (git / "refs" / "heads" / "main").write_text(OTHER + "\n")  # a loose ref wins
    assert checkout_commit(tmp_path) == OTHER


def test_a_detached_head_and_what_is_no_commit(tmp_path):
    _repository(tmp_path, head=COMMIT)
    assert checkout_commit(tmp_path) == COMMIT
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/.invalid\n")  # reftable
    assert checkout_commit(tmp_path) is None
    (tmp_path / ".git" / "HEAD").write_text("not a commit\n")
    assert checkout_commit(tmp_path) is None
    assert checkout_commit(tmp_path / "elsewhere") is None  # no repository


def test_a_worktree_reads_its_head_and_the_main_repositorys_branches(tmp_path):
    main = _repository(tmp_path / "main")
    (main / "refs" / "heads" / "main").write_text(OTHER + "\n")  # the main tree's HEAD
    (main / "refs" / "heads" / "feature").write_text(COMMIT + "\n")
    own = main / "worktrees" / "wt"
    own.mkdir(parents=True)
    (own / "HEAD").write_text("ref: refs/heads/feature\n")
    (own / "commondir").write_text("../..\n")
    tree = tmp_path / "wt"
    tree.mkdir()
    (tree / ".git").write_text("gitdir: ../main/.git/worktrees/wt\n")  # relative
    assert checkout_commit(tree) == COMMIT
    (tree / ".git").write_text(f"gitdir: {own}\n")  # absolute
    assert checkout_commit(tree) == COMMIT
    (tree / ".git").write_text(f"gitdir: {tmp_path / 'gone'}\n")
    assert checkout_commit(tree) is None


def test_the_commit_is_that_of_the_folder_the_packages_sit_in(tmp_path):
    _repository(tmp_path, head=COMMIT)
    for name in ("pkg_a", "pkg_b"):
        (tmp_path / name).mkdir()
    packages = [types.SimpleNamespace(__path__=[str(tmp_path / n)]) for n in ("pkg_a", "pkg_b")]
    assert source_commit(packages) == COMMIT
    # an install in a virtualenv inside a clone is not the clone's commit
    site = tmp_path / ".venv" / "lib" / "site-packages" / "pkg_a"
    site.mkdir(parents=True)
    assert source_commit([types.SimpleNamespace(__path__=[str(site)])]) is None
    assert source_commit([packages[0], types.SimpleNamespace(__path__=[str(site)])]) is None


def test_compiled_modules_are_those_whose_file_is_an_extension_module(tmp_path, monkeypatch):
    package = tmp_path / "fakepkg"
    (package / "sub").mkdir(parents=True)
    for name in ("__init__.py", "plain.py", "shadowed.py", "sub/__init__.py"):
        (package / name).write_text("")
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]  # e.g. .cpython-311-x86_64-linux-gnu.so
    for name in ("shadowed", "only_compiled", "sub/inner"):
        (package / f"{name}{suffix}").write_bytes(b"")  # found, never imported
    monkeypatch.syspath_prepend(str(tmp_path))
    import fakepkg

    try:
        assert compiled_modules([fakepkg]) == ["fakepkg.only_compiled", "fakepkg.shadowed"]
        # a module already imported is judged by the file it was loaded from
        loaded = types.ModuleType("fakepkg.plain")
        loaded.__file__ = str(package / "plain.pyd")
        monkeypatch.setitem(sys.modules, "fakepkg.plain", loaded)
        assert compiled_modules([fakepkg]) == [
            "fakepkg.only_compiled",
            "fakepkg.plain",
            "fakepkg.shadowed",
        ]
    finally:
        sys.modules.pop("fakepkg", None)


@pytest.mark.parametrize("name", ["analysis._modal_rules", "corpus.segment"])
def test_the_running_packages_compiled_modules(name):
    import analysis
    import corpus

    # compiled in a regular install (the compiled pass of `make test`), not in a checkout
    module = importlib.import_module(name)
    compiled = module.__file__.endswith((".so", ".pyd"))
    assert (name in compiled_modules([corpus, analysis])) == compiled
