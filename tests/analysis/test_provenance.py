"""Tests for analysis.provenance: what a result table's record says about its making."""

import re
from pathlib import Path

from analysis import stat_hedging


def test_rate_tables_record_their_bootstrap_and_the_inputs_read():
    record = stat_hedging(["We may go.", "Perhaps."]).attrs["provenance"]
    assert record["bootstrap"] == {
        "over": "documents",
        "resamples": 2000,
        "seed": 20261127,
        "level": 0.95,
        "interval": "expanded percentile bootstrap (Hesterberg 2015) from 10 documents, "
        "Student's t below, widened to the exact Poisson interval of the pooled count "
        "(Garwood 1936)",
    }
    assert record["corpus"]["inputs"] == {"loaded": 2}
    assert "selection" not in record["corpus"]  # the corpus as read


def test_records_say_how_the_corpus_was_selected_from_the_one_read():
    import corpus

    c = corpus.from_texts(["We may go.", "Perhaps.", "No."], docvars={"g": ["A", "B", "A"]})
    record = stat_hedging(c.subset(g="A")).attrs["provenance"]
    assert record["corpus"]["selection"] == ["subset(g='A')"]
    assert record["corpus"]["documents"] == 2


def test_records_name_the_lines_dropped_when_the_corpus_was_read():
    import corpus

    texts = ["By Ann Roe\nWe may go.", "Photo: x\nPerhaps.", "No."]
    c = corpus.from_texts(texts, docvars={"g": ["A", "B", "A"]}, drop_lines=["^By ", "^Photo:"])
    record = stat_hedging(c).attrs["provenance"]
    assert record["corpus"]["drop_lines"] == ["^By ", "^Photo:"]
    assert record["corpus"]["inputs"] == {"loaded": 1, "repaired": 2}
    # a subset, or a corpus with docvars added, was read the same way
    subset = c.subset(g="A").with_docvars(h=1)
    assert stat_hedging(subset).attrs["provenance"]["corpus"]["drop_lines"] == ["^By ", "^Photo:"]
    # nothing is recorded for a corpus read without the option
    assert "drop_lines" not in stat_hedging(["We may go."]).attrs["provenance"]["corpus"]


def test_records_say_what_was_read_and_with_which_options(tmp_path):
    import corpus

    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "a.txt").write_text("We may go.", encoding="utf-8")
    (folder / "b.txt").write_text("Perhaps.", encoding="utf-8")
    sidecar = tmp_path / "eras.csv"
    sidecar.write_text("file,era\na.txt,early\nb.txt,late\n", encoding="utf-8")
    c = corpus.read_corpus(folder, metadata=sidecar, aliases=False, workers=1)
    # Names without their folders (the record, and a figure embedding it, is the same on
    # any machine); only the options that change what is read, each as given.
    expected = {"path": "speeches", "metadata": "eras.csv", "aliases": "none"}
    assert stat_hedging(c).attrs["provenance"]["corpus"]["read"] == expected
    later = c.subset(era="late").with_docvars(x=1)
    assert stat_hedging(later).attrs["provenance"]["corpus"]["read"] == expected
    cached = corpus.read_corpus(folder, metadata=sidecar, aliases=False, cache=tmp_path / "c")
    assert stat_hedging(cached).attrs["provenance"]["corpus"]["read"] == expected
    seed = stat_hedging(corpus.read_corpus(bad_dates="missing")).attrs["provenance"]
    assert seed["corpus"]["read"] == {
        "path": "the seed shipped with communique",
        "bad_dates": "missing",
    }
    # texts given in Python were read from nowhere
    assert "read" not in stat_hedging(["We may go."]).attrs["provenance"]["corpus"]


def test_a_folder_read_as_dot_is_named_by_its_own_name(tmp_path, monkeypatch):
    import corpus

    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "a.txt").write_text("We may go.", encoding="utf-8")
    monkeypatch.chdir(folder)
    record = stat_hedging(corpus.read_corpus(".")).attrs["provenance"]
    assert record["corpus"]["read"] == {"path": "speeches"}
    (folder / "sub").mkdir()
    monkeypatch.chdir(folder / "sub")
    record = stat_hedging(corpus.read_corpus("..")).attrs["provenance"]
    assert record["corpus"]["read"] == {"path": "speeches"}


def test_records_pin_lexicon_contents_and_name_the_packages_results_depend_on():
    from analysis import find_modals, load_lexicon

    record = stat_hedging(["We may go."]).attrs["provenance"]
    # the sense classifier decides which modals are hedges: its version is named too
    assert record["lexicons"] == {"hedges": "1", "modals": "1", "modal_senses": "2"}
    assert record["lexicon_sha256"] == {
        "hedges": load_lexicon("hedges").sha256,
        "modals": load_lexicon("modals").sha256,
    }
    # the sense classifier is a model file with a version of its own, no lexicon digest
    modal_record = find_modals("We must act.").attrs["provenance"]
    assert set(modal_record["lexicon_sha256"]) == {"modals"}
    assert {"scipy", "pyarrow"} <= set(record["packages"])


def test_records_name_the_build_by_a_digest_of_its_files(tmp_path):
    import shutil

    import analysis
    import corpus
    from analysis.provenance import files_digest, package_versions

    digest = package_versions()["communique_files_sha256"]
    assert re.fullmatch(r"[0-9a-f]{16}", digest) and digest == files_digest()
    # the same files elsewhere give the same digest; one changed file gives another
    roots = []
    for package in (corpus, analysis):
        roots.append(tmp_path / package.__name__)
        shutil.copytree(Path(package.__file__).parent, roots[-1])
    assert files_digest(roots) == digest
    with open(roots[1] / "lexicons" / "hedges" / "hedges-v1.toml", "a") as f:
        f.write("\n# a local edit\n")
    assert files_digest(roots) != digest


def test_a_combined_record_lists_both_versions_of_a_lexicon_its_sources_disagree_on():
    from analysis.provenance import combine_records

    record = combine_records(
        [{"lexicons": {"hedges": "1"}}, {"lexicons": {"hedges": "2", "modals": "1"}}]
    )
    assert record["lexicons"] == {"hedges": "1 | 2", "modals": "1"}


def test_records_say_which_modules_ran_compiled_and_from_which_commit():
    import json
    import shutil
    import subprocess
    import sys

    import analysis
    import analysis._modal_rules as modal_rules

    packages = stat_hedging(["We may go."]).attrs["provenance"]["packages"]
    compiled = packages["communique_compiled"]
    if modal_rules.__file__.endswith((".so", ".pyd")):  # a regular install
        assert "analysis._modal_rules" in compiled.split(", ")
    else:
        assert compiled == "none"
    checkout = Path(analysis.__file__).resolve().parents[1]
    if not (checkout / ".git").exists():  # an installed copy: no commit to name
        assert "communique_commit" not in packages
    elif shutil.which("git"):
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True
        )
        assert packages["communique_commit"] == head.stdout.strip()
    else:
        assert re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", packages["communique_commit"])
    # read from files, the same in another process: records of one build stay equal
    script = (
        "import json; from analysis.provenance import package_versions as v; print(json.dumps(v()))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == packages
