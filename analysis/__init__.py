"""communique.analysis: measures over a Corpus, as tidy tables and figures.

Every ``find_*`` returns one row per match (with offsets into the document text),
every ``stat_*`` an aggregate table, every ``plot_*`` takes such a table and an
optional Axes and returns the Axes. Tables carry a provenance record in
``table.attrs["provenance"]``.
"""

from .collocations import COLLOCATION_MEASURES, stat_collocations
from .compare import compare
from .comparisons import find_comparisons, plot_comparisons, stat_comparisons
from .dispersion import plot_dispersion, stat_dispersion, term_by_document
from .diversity import stat_lexical_diversity
from .figures import build_figures
from .frequency import stat_frequency
from .hedges import find_hedges, plot_hedging, stat_hedging
from .keyness import CORRECTIONS as P_CORRECTIONS
from .keyness import MEASURES as KEYNESS_MEASURES
from .keyness import stat_keyness
from .kwic import Concordance, kwic
from .lexicon import list_lexicons, load_lexicon
from .modals import find_modals, plot_modality, stat_modality
from .output import save_figure, table_json, write_provenance, write_table
from .plots import plot_keyness, plot_rates, plot_timeseries
from .provenance import provenance
from .quotes import find_quotes, stat_quoting
from .rates import group_rates
from .readability import stat_readability
from .style import house_style
from .summary import stat_summary

__all__ = [
    "find_comparisons",
    "plot_comparisons",
    "stat_comparisons",
    "KEYNESS_MEASURES",
    "P_CORRECTIONS",
    "stat_frequency",
    "stat_keyness",
    "COLLOCATION_MEASURES",
    "Concordance",
    "compare",
    "kwic",
    "plot_dispersion",
    "plot_keyness",
    "plot_rates",
    "plot_timeseries",
    "stat_collocations",
    "stat_dispersion",
    "stat_lexical_diversity",
    "term_by_document",
    "find_hedges",
    "plot_hedging",
    "stat_hedging",
    "list_lexicons",
    "load_lexicon",
    "find_modals",
    "plot_modality",
    "stat_modality",
    "build_figures",
    "find_quotes",
    "stat_quoting",
    "group_rates",
    "house_style",
    "provenance",
    "save_figure",
    "stat_readability",
    "stat_summary",
    "table_json",
    "write_provenance",
    "write_table",
]
