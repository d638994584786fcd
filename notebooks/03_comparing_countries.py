# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% tags=["parameters"]
# Parameters. CORPUS: any corpus with 'country' and 'year' (or 'date') docvars: a folder in UN
# General Debate layout (Session NN - YYYY/ISO_NN_YYYY.txt), e.g. the unpacked archive from
# ../shared/data, or a CSV of articles with country and date columns; None = the small
# synthetic sample in notebooks/sample_un (five invented countries, codes XHO XKA XNO XSA XVR,
# 1990-1995; its metadata.csv gives the docvars the UN layout gives the real archive).
CORPUS = None
TARGET = None  # the country compared with the rest, e.g. "RUS" (None: XNO when present, else the first)
OUT = None  # a folder to write this notebook's tables and figures into (None: don't write)

# %% [markdown]
# # Comparing countries
#
# Which words set one country's statements apart, how much each country hedges and which
# modals it uses, by country and by year (with 95% intervals over speeches), and
# how often speakers compare, year by year.

# %%
import corpus
import analysis
from analysis import figures

# Checks the docvars first ('year' comes from 'date' when the corpus has no 'year').
c = figures.un_corpus(CORPUS)
c.report["status"].value_counts()

# %%
countries = figures.countries(c)  # with names when the corpus has a 'country_name' docvar
countries.table

# %% [markdown]
# ## Keyness: one country against the rest

# %%
keyness = figures.keyness(c, target=TARGET)
keyness.table.head(20)

# %%
keyness.draw();

# %% [markdown]
# G2's p-values treat every word as an independent draw, but words come in speeches: a
# word that one speech repeats ten times counts as ten draws, so these p-values are far
# too small (random groups of speeches get dozens of "significant" keywords). With the
# speeches as the sample (a permutation test whose p-values never fall below the exact
# ones), the words that stand are those that set the country's speeches apart, not words
# one speech repeats. On the UN archive that leaves far fewer terms than G2's; in the
# invented sample, where each country's speeches share its own words in every year
# ("fisheries" is in all six of Nordhavn's), it can leave as many or more. The line printed
# below gives both counts for the corpus read here.

# %%
target = keyness.table.attrs["provenance"]["parameters"]["target"]
by_g2 = keyness.table[keyness.table["p_adjusted"] < 0.05]
try:
    by_speech = analysis.stat_keyness(c, by="country", target=target, test="documents")
    shown = by_speech[by_speech["p_adjusted"] < 0.05]
    significant = shown[["term", "direction", "g2", "p_value", "p_adjusted"]]
    print(f"adjusted p < 0.05: {len(by_g2)} terms by G2, {len(shown)} over speeches")
except ValueError as problem:  # a country with one speech: nothing to test over speeches
    significant = str(problem)
significant  # may be empty: a few speeches cannot show much once every word is tested

# %% [markdown]
# ## Hedging and modality by country

# %%
hedging_by_country = figures.rates(c, "hedging", by="country")
hedging_by_country.table

# %%
hedging_by_country.draw();

# %%
modality_by_country = figures.rates(c, "modality", by="country")
modality_by_country.draw();

# %% [markdown]
# ## ... and by year

# %%
hedging_by_year = figures.rates(c, "hedging", by="year")
hedging_by_year.draw();

# %%
modality_by_year = figures.rates(c, "modality", by="year")
modality_by_year.draw();

# %% [markdown]
# ## Comparisons over time

# %%
comparisons = figures.comparisons_over_time(c)
comparisons.table

# %%
comparisons.draw();

# %%
if OUT:
    outputs = [countries, keyness, hedging_by_country, modality_by_country, hedging_by_year,
               modality_by_year, comparisons]
    for output in outputs:
        analysis.write_table(output.table, f"{OUT}/{output.name}.csv")
        if output.plot:
            analysis.save_figure(output.draw(), f"{OUT}/{output.name}.png", table=output.table)
