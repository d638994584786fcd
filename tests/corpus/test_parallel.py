import multiprocessing

import pytest

from corpus._parallel import ended, map_in_order


def _double(x: int) -> int:
    return 2 * x


def _workers(pool) -> list:
    return list(pool._pool)  # the pool's processes (a private list, read only here)


def test_a_pool_ends_by_closing_and_joining_its_workers():
    with ended(multiprocessing.get_context("spawn").Pool(2), wait_on_error=False) as pool:
        assert pool.map(_double, [1, 2, 3]) == [2, 4, 6]
        workers = _workers(pool)
    # joined, not terminated: every worker exited on its own, with status 0
    assert [w.exitcode for w in workers] == [0, 0]


def test_an_error_waits_for_the_tasks_in_flight_or_terminates():
    for wait, status in ((True, 0), (False, None)):
        with pytest.raises(ValueError, match="stop"):
            with ended(multiprocessing.get_context("spawn").Pool(2), wait_on_error=wait) as pool:
                pool.map(_double, [1])
                workers = _workers(pool)
                raise ValueError("stop")
        codes = [w.exitcode for w in workers]
        if status == 0:  # closed and joined: the workers exit on their own, with 0
            assert codes == [0, 0]
        else:
            # terminated: every worker has ended, most by a signal (a negative code); one
            # that had already taken the pool's stop sentinel when terminate() came exits
            # with 0, which a loaded machine makes happen now and then
            assert all(c is not None and c <= 0 for c in codes)


def test_a_reading_pass_stopped_early_ends_its_pool_and_a_new_one_runs():
    # A reader stops taking chunks at an error: the generator is closed, its pool
    # closed and joined (no terminate), and the next pass starts cleanly.
    chunks = map_in_order(_double, list(range(40)), workers=2)
    first = next(chunks)
    assert first == [2 * i for i in range(len(first))] and first
    chunks.close()
    again = [x for part in map_in_order(_double, list(range(40)), workers=2) for x in part]
    assert again == [2 * i for i in range(40)]
    assert multiprocessing.active_children() == []


def test_available_workers_keeps_within_a_slurm_job(monkeypatch):
    import os

    from corpus._parallel import available_workers

    monkeypatch.delenv("SLURM_CPUS_PER_TASK", raising=False)
    cores = available_workers()
    assert cores == len(os.sched_getaffinity(0))
    monkeypatch.setenv("SLURM_CPUS_PER_TASK", "1")
    assert available_workers() == 1
    monkeypatch.setenv("SLURM_CPUS_PER_TASK", str(cores + 8))  # never more than we may use
    assert available_workers() == cores
    for junk in ("", "0", "two", "-3"):
        monkeypatch.setenv("SLURM_CPUS_PER_TASK", junk)
        assert available_workers() == cores
