"""Alias table: spelling variants of one actor map to one canonical name.

Aliases change how names are counted and attributed, never the text itself.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

from .errors import CorpusError

ALIASES_VERSION = "communique-aliases/1"


class Aliases:
    """Case-insensitive mapping from name variants to canonical names.

    Example:
        >>> a = Aliases({"Sergei Lavrov": "Sergey Lavrov"})
        >>> a.canonical("sergei lavrov"), a.canonical("Someone Else")
        ('Sergey Lavrov', 'Someone Else')
    """

    def __init__(self, mapping: dict[str, str], version: str = "custom") -> None:
        self.version = version
        self._map = {variant.casefold(): canonical for variant, canonical in mapping.items()}

    def canonical(self, name: str) -> str:
        """The canonical form of ``name`` (``name`` itself when it has no alias)."""
        return self._map.get(name.casefold(), name)

    def token_map(self) -> dict[str, str]:
        """Single-word variants, lower-cased, to their lower-cased canonical single word.

        Used for word counts: "zelensky" and "zelenskiy" both count as "zelenskyy".
        """
        return {
            variant: canonical.lower()
            for variant, canonical in self._map.items()
            if " " not in variant and " " not in canonical
        }

    def items(self) -> list[tuple[str, str]]:
        return sorted(self._map.items())

    @classmethod
    def read(cls, path: str | Path) -> Aliases:
        """Read a two-column TSV/CSV (``variant``, ``canonical``); ``#`` lines are comments."""
        path = Path(path)
        delimiter = "\t" if path.suffix.lower() in {".tsv", ".txt"} else ","
        try:
            lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        except OSError as exc:
            raise CorpusError(f"{path}: cannot read alias table ({exc.strerror})") from exc
        rows = list(
            csv.DictReader([ln for ln in lines if not ln.startswith("#")], delimiter=delimiter)
        )
        if not rows or not {"variant", "canonical"} <= set(rows[0]):
            raise CorpusError(f"{path}: an alias table needs the columns 'variant' and 'canonical'")
        return cls({r["variant"]: r["canonical"] for r in rows}, version=f"file:{path.name}")

    @classmethod
    def default(cls) -> Aliases:
        """The alias table shipped with communique."""
        ref = resources.files("corpus") / "data" / "aliases.tsv"
        with resources.as_file(ref) as path:
            table = cls.read(path)
        table.version = ALIASES_VERSION
        return table
