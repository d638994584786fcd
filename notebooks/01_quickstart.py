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
OUT = None  # a folder to write this notebook's tables into (None: don't write)

# %% [markdown]
# # Quickstart: the seed document
#
# The seed is a news report of a diplomatic statement. We read it, look at its size and
# readability, find the quotes and whose voice each word is in, then find hedges, modals and
# comparisons — each with the sentence it occurs in, so every number can be checked by reading.
# Every table and figure here is also rebuilt by `communique figures`.

# %%
import corpus
import analysis
from analysis import figures

c = corpus.read_corpus(CORPUS)
c

# %% [markdown]
# What was read, and whether anything was repaired or skipped:

# %%
c.report

# %%
c.docvars

# %% [markdown]
# ## Size and readability

# %%
summary = figures.summary(c)
summary.table

# %% [markdown]
# ## Quotes and voices
#
# Quoted spans are kept apart from the reporter's words: `kind` tells a full quoted statement
# (`direct`) from a quoted word or phrase (`fragment`, often scare quotes).

# %%
quotes = figures.quotes(c)
quotes.table[["doc_id", "kind", "speaker", "words", "text"]]

# %%
doc = next(iter(c))
for q in doc.quotes[:3]:
    print(doc.voice(q.start + 1), "→", doc.text[q.start : q.end])
print(doc.voice(0), "→", doc.text[slice(*doc.sentences[0])])

# %% [markdown]
# ## Hedges, modals and comparisons, with their sentences

# %%
hedges = figures.matches(c, "hedges")
hedges.table

# %%
modals = figures.matches(c, "modals")
modals.table

# %%
comparisons = figures.matches(c, "comparisons")
comparisons.table

# %% [markdown]
# Every result carries a provenance record (function, parameters, corpus fingerprint, versions):

# %%
analysis.provenance(hedges.table)

# %%
if OUT:
    for output in (summary, quotes, hedges, modals, comparisons):
        analysis.write_table(output.table, f"{OUT}/{output.name}.csv")
