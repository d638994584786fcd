"""Shared pieces of the speed benchmarks: finding the corpus, the floor, peak memory.

The floor is a plain ``collections.Counter(re.findall(r"\\w+", text))`` pass over the
same files, measured in the same run: ratios against it compare across machines.
"""

from __future__ import annotations

import fnmatch
import math
import os
import random
import re
import resource
import sys
import tarfile
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE_NAME = "ungdc-1946-1999.tar.xz"
DEFAULT_ARCHIVE = ROOT.parent / "shared" / "data" / ARCHIVE_NAME
TEXT_SUFFIXES = (".txt", ".md")


def corpus_folder(path: str | None, workdir: Path, generate_words: int) -> Path | None:
    """The folder to benchmark, or None (with a message) when a named path is missing.

    ``path`` may be an unpacked folder, a .tar.xz archive, or None: the UN archive in
    ``../shared/data`` when present, otherwise a generated corpus of ``generate_words``.
    """
    if path is None:
        if DEFAULT_ARCHIVE.is_file():
            return _unpacked(DEFAULT_ARCHIVE, workdir)
        print(f"note: {DEFAULT_ARCHIVE} not found; using a generated corpus", file=sys.stderr)
        return generate_corpus(workdir / "generated", generate_words)
    given = Path(path)
    if not given.exists():
        print(f"skipped: {given} does not exist", file=sys.stderr)
        return None
    if given.is_file():
        return _unpacked(given, workdir)
    return _text_root(given)


def _unpacked(archive: Path, workdir: Path) -> Path:
    print(f"unpacking {archive.name} ...", file=sys.stderr)
    with tarfile.open(archive) as tar:
        tar.extractall(workdir / "unpacked", filter="data")
    return _text_root(workdir / "unpacked")


def _text_root(folder: Path) -> Path:
    # The UN layout keeps the speeches in TXT/ and the speakers table beside it.
    return folder / "TXT" if (folder / "TXT").is_dir() else folder


def text_files(folder: Path) -> list[Path]:
    return [p for p in files_under(folder) if p.suffix in TEXT_SUFFIXES]


def files_under(folder: Path, pattern: str = "*") -> list[Path]:
    """Files under ``folder`` whose names match ``pattern``, sorted, following links to
    folders as ``read_corpus`` does (``Path.rglob`` does not on Python 3.11: a folder of
    links to the archive's sessions read as empty); a folder reached twice is read once."""
    found, seen = [], set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        found += [Path(root) / name for name in files if fnmatch.fnmatchcase(name, pattern)]
    return sorted(p for p in found if p.is_file())


def sample_folder(folder: Path, fraction: float, workdir: Path) -> Path:
    """A folder of symbolic links to an evenly spread ``fraction`` of the text files."""
    if fraction >= 1.0:
        return folder
    target = workdir / f"sample-{fraction:g}"
    if target.exists():
        return target
    files = text_files(folder)
    for i, file in enumerate(files):
        if math.floor((i + 1) * fraction) > math.floor(i * fraction):
            link = target / file.relative_to(folder)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(file.resolve())
    for extra in ("Speakers_by_session.xlsx", "Speakers_by_session.csv"):
        for place in (folder, folder.parent):
            if (place / extra).is_file():
                (target.parent / extra).unlink(missing_ok=True)
                (target / extra).symlink_to((place / extra).resolve())
    return target


def floor_pass(folder: Path) -> tuple[float, int]:
    """Seconds and words of ``Counter(re.findall(r"\\w+"))`` over the folder's files."""
    start = time.perf_counter()
    counts: Counter = Counter()
    words = 0
    for file in text_files(folder):
        found = re.findall(r"\w+", file.read_text(encoding="utf-8", errors="replace"))
        words += len(found)
        counts.update(found)
    return time.perf_counter() - start, words


def compiled_modules() -> str:
    """The package's modules that import as compiled extension modules (mypyc builds
    them in regular installs; see setup.py), or "" when none do (an editable install)."""
    import importlib
    from importlib.machinery import EXTENSION_SUFFIXES

    found = []
    for package in ("corpus", "analysis"):
        folder = Path(importlib.import_module(package).__file__).parent
        for path in sorted(folder.iterdir()):
            suffix = next((x for x in EXTENSION_SUFFIXES if path.name.endswith(x)), None)
            if suffix:
                found.append(f"{package}.{path.name.removesuffix(suffix)}")
    return ", ".join(found)


class PeakMemory:
    """Peak resident memory of this process plus its children while the block runs.

    On Linux, reads ``/proc`` directly: the tree's RSS every 50 ms (``statm``, a few
    microseconds per process). RSS counts a page that forked workers share with the
    parent once per process, so the sum is an upper bound. With ``pss=True`` the tree's
    PSS (each shared page divided among its sharers) is read too, every 0.5 s and at
    each new RSS peak (so short stages get one). That costs the run time: the kernel
    walks every page of each process (``smaps_rollup``) and holds the process's memory
    map meanwhile, so workers being measured wait; on the 9.5M-word acceptance set it
    made the whole analysis about 0.7 s (8%) slower. So time a run without PSS and
    measure PSS in a second run. Elsewhere samples RSS with psutil when it is
    installed, or else reports the high-water marks of ``resource.getrusage`` (self +
    largest child), which never go down, so stage peaks are then upper bounds.
    """

    PSS_EVERY = 10  # samples

    def __init__(self, interval: float = 0.05, *, pss: bool = False) -> None:
        self.interval = interval
        self.pss = pss
        self.peak_bytes = 0
        self.peak_pss_bytes = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakMemory:
        reader = _ProcReader() if _ProcReader.available() else _psutil_reader()
        if reader is not None:
            self.peak_bytes = reader.tree_rss()
            self._thread = threading.Thread(target=self._sample, args=(reader,), daemon=True)
            self._thread.start()
        return self

    def _sample(self, reader) -> None:
        tick = 0
        while not self._stop.wait(self.interval):
            rss = reader.tree_rss()
            # RSS counts pages that forked workers share with the parent once per
            # process; PSS divides each shared page among its sharers (Linux only). It
            # is also read whenever RSS reaches a new peak, so short stages get one.
            if self.pss and (tick % self.PSS_EVERY == 0 or rss > self.peak_bytes):
                self.peak_pss_bytes = max(self.peak_pss_bytes, reader.tree_pss())
            self.peak_bytes = max(self.peak_bytes, rss)
            tick += 1

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        else:
            self.peak_bytes = _rusage_peak()

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 2**20

    @property
    def peak_pss_mb(self) -> float:
        """Peak proportional set size of the process tree (0 where PSS is unavailable)."""
        return self.peak_pss_bytes / 2**20


class _ProcReader:
    """Memory of this process and its descendants, read from Linux's /proc."""

    page = os.sysconf("SC_PAGE_SIZE")

    @staticmethod
    def available() -> bool:
        """Whether /proc lists PSS and each thread's children (CONFIG_PROC_CHILDREN)."""
        pid = os.getpid()
        return (
            Path("/proc/self/smaps_rollup").exists()
            and Path(f"/proc/{pid}/task/{pid}/children").exists()
        )

    def tree_rss(self) -> int:
        return sum(self._rss(pid) for pid in self._tree())

    def tree_pss(self) -> int:
        total = 0
        for pid in self._tree():
            for line in _read_proc(f"/proc/{pid}/smaps_rollup").splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
        return total

    def _rss(self, pid: int) -> int:
        fields = _read_proc(f"/proc/{pid}/statm").split()
        return int(fields[1]) * self.page if len(fields) > 1 else 0

    def _tree(self) -> list[int]:
        pids, todo = [], [os.getpid()]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            for task in _list_proc(f"/proc/{pid}/task"):
                todo.extend(int(c) for c in _read_proc(f"/proc/{pid}/task/{task}/children").split())
        return pids


def _read_proc(path: str) -> str:
    try:
        with open(path) as f:
            return f.read()
    except OSError:  # the process ended between listing and reading
        return ""


def _list_proc(path: str) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return []


class _PsutilReader:
    def __init__(self, psutil) -> None:
        self.process = psutil.Process()

    def tree_rss(self) -> int:
        total = 0
        for member in [self.process, *self._children()]:
            try:
                total += member.memory_info().rss
            except Exception:  # the child ended between listing and reading
                pass
        return total

    def tree_pss(self) -> int:
        return 0

    def _children(self) -> list:
        try:
            return self.process.children(recursive=True)
        except Exception:
            return []


def _psutil_reader() -> _PsutilReader | None:
    try:
        import psutil
    except ImportError:
        return None
    return _PsutilReader(psutil)


def _rusage_peak() -> int:
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) * scale


_GENERATED_SENTENCES = [
    "The Assembly must act now to secure peace in the region.",
    "We believe that the Council may perhaps find a way forward.",
    "It is clearly more important than ever to support development.",
    "Our delegation would like to thank the President for his work.",
    "Disarmament is as urgent as the fight against poverty.",
    "As the Secretary-General said, “peace is not merely the absence of war.”",
    "The so-called ‘new order’ has not brought the promised prosperity.",
    "Mr. President, the people of my country cannot accept such injustice.",
    "Developing countries might suffer more than others, it seems.",
    "We will certainly continue to co-operate with all Member States.",
]


def generate_corpus(folder: Path, words: int, seed: int = 7) -> Path:
    """Write a UN-like folder of about ``words`` words (ISO_NN_YYYY.txt files)."""
    rng = random.Random(seed)
    countries = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"]
    per_document = 3500
    written = 0
    session = 1
    while written < words:
        year = 1945 + session
        for country in countries:
            lines = []
            n = 0
            while n < per_document:
                paragraph = " ".join(rng.choice(_GENERATED_SENTENCES) for _ in range(5))
                lines.append(paragraph)
                n += len(paragraph.split())
            path = (
                folder / f"Session {session:02d} - {year}" / f"{country}_{session:02d}_{year}.txt"
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            written += n
            if written >= words:
                break
        session += 1
    return folder


def workdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="communique-bench-")


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
