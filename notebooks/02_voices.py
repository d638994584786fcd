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
# Parameters: None reads the seed document shipped in seeds/; or give a folder or table.
CORPUS = None
OUT = None  # a folder to write this notebook's tables and figures into (None: don't write)

# %% [markdown]
# # Voices: the reporter against the quoted speaker
#
# A news report mixes two voices: the journalist's own words and the words it quotes.
# Here each measure is computed twice, once on the authorial words and once on the quoted ones,
# and the two are put side by side.

# %%
import corpus
import analysis
from analysis import figures

c = corpus.read_corpus(CORPUS)
quoted = figures.quotes(c).table
quoted.groupby("speaker")["words"].sum()

# %% [markdown]
# ## Hedging by voice
#
# Rates are per 1,000 words of each voice. On the seed every rate here is 0: its 316 words
# hold none of the hedges or boosters the lexicon lists (notebook 01's empty hedges table), so
# the chart has no bars. Set `CORPUS` to a corpus of your own to see the two voices differ.

# %%
hedging = figures.voices(c, "hedging")
hedging.table

# %%
hedging.draw();

# %% [markdown]
# ## Modality by voice
#
# Read a rate with the counts beside it: the seed quotes 47 words, so its one quoted modal
# ("cannot") is a rate of 21 per 1,000, nearly the reporter's 22 (6 modals in 269 words).

# %%
modality = figures.voices(c, "modality")
modality.table

# %%
modality.draw();

# %% [markdown]
# The matches behind the numbers, each in its voice:

# %%
analysis.find_modals(c, voice="quoted")[["match", "sense", "strength"]]

# %%
if OUT:
    for output in (hedging, modality):
        analysis.write_table(output.table, f"{OUT}/{output.name}.csv")
        analysis.save_figure(output.draw(), f"{OUT}/{output.name}.png", table=output.table)
