"""The command line's reading options and the notes it prints about the inputs read."""

from analysis.cli import main


def test_a_file_the_template_does_not_fit_is_a_skipped_input(tmp_path, capsys):
    (tmp_path / "USA_1991_Bush.txt").write_text("We must act.", encoding="utf-8")
    (tmp_path / "notemplate.txt").write_text("No template here.", encoding="utf-8")
    template = "{country}_{year}_{speaker}.txt"
    command = ["stats", str(tmp_path), "--filename-template", template, "--format", "csv"]
    assert main([*command, "--by", "country"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[2].startswith("USA,1,")
    assert captured.err.startswith(
        "note: 1 of 2 inputs skipped (first: notemplate.txt: file name does not fit "
        "filename_template='{country}_{year}_{speaker}.txt'"
    )
    assert main([*command, "--strict"]) == 1
    assert "notemplate.txt: skipped (file name does not fit" in capsys.readouterr().err
