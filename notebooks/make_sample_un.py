"""Generate ``notebooks/sample_un/``: a small synthetic corpus of UN-style speeches.

Files are named ``<year>/<country>.txt`` (not in the UN archive's ``ISO_NN_YYYY.txt``
layout, so none can pass for a real speech); ``metadata.csv`` gives each file the
docvars the UN layout gives the real archive: country (code), session, year, speaker,
post, country_name.

Every sentence here was written for communique; none is taken from the UN General
Debate Corpus. Speakers are invented. The speeches are built from per-country
topics and a per-country habit of hedging, so the notebooks have real differences
to find (keywords, hedging and modality rates by country, comparisons over time),
and they include the traps a detector must handle: "May" the month, "political
will", "military might", "we would like to thank", quoted statements.

Run from the repository root to rebuild the files (the output is deterministic):

    python notebooks/make_sample_un.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

OUT = Path(__file__).with_name("sample_un")
YEARS = range(1990, 1996)

# Invented countries. Their codes come from ISO 3166's user-assigned range (XAA-XZZ),
# which no real country will ever get.
COUNTRIES = {
    "XNO": {
        "name": "Nordhavn",
        "speakers": ["Ingrid Solvang", "Henrik Aasen"],
        "post": "Minister for Foreign Affairs",
        "hedging": 5,
        "boosting": 1,
        "topics": [
            "Our fisheries depend on clean oceans, and the polar seas are warming faster than any other region.",
            "Nordhavn has offered its good offices for mediation wherever the parties ask for them.",
            "Development assistance remains close to one per cent of our national income.",
            "The polar council we propose would bring the northern peoples into one forum.",
            "Mediation is slow work, and it rests on the trust of both parties.",
            "The oceans are a common heritage, and fisheries must be managed for the next generation.",
        ],
    },
    "XVR": {
        "name": "Verdania",
        "speakers": ["Paulo Mendes Ribeiro", "Ana Luiza Castro"],
        "post": "Minister for External Relations",
        "hedging": 3,
        "boosting": 2,
        "topics": [
            "The great forest is a Verdanian responsibility and a concern we share with the world.",
            "Development and the environment are two faces of the same question.",
            "The burden of external debt weighs on every family in our country.",
            "Our southern trade union shows that regional integration can serve growth and democracy together.",
            "The rain forest will be protected by development, not by isolation.",
            "Trade barriers against our exports cost us more than all the aid we receive.",
        ],
    },
    "XSA": {
        "name": "Sarapur",
        "speakers": ["Raghav Menon", "Sunita Kapoor"],
        "post": "Minister of External Affairs",
        "hedging": 1,
        "boosting": 4,
        "topics": [
            "Non-alignment was never neutrality; it was the freedom to judge each question on its merits.",
            "Nuclear disarmament must be universal and it must not discriminate between states.",
            "Terrorism across borders is an attack on the sovereignty of every nation.",
            "The countries of the South ask for a fair share in the decisions of the world economy.",
            "Disarmament cannot be selective, and a treaty that freezes inequality will not last.",
            "Our democracy is among the largest in the world, and it speaks for the developing countries.",
        ],
    },
    "XKA": {
        "name": "Kalonga",
        "speakers": ["Joseph Kamau Otieno", "Grace Wanjiru"],
        "post": "Minister for Foreign Affairs and International Co-operation",
        "hedging": 2,
        "boosting": 2,
        "topics": [
            "Drought has again struck the north of our country, and the harvest has failed.",
            "Our region carries the heaviest burden of refugees, and Kalonga hosts many of them.",
            "Debt relief should be linked to the recovery of the economies of our region.",
            "Famine in the eastern highlands should not be met with silence.",
            "The refugees in our camps need food, water and a way home.",
            "Our continent asks for partnership, not charity, and for trade on fair terms.",
        ],
    },
    "XHO": {
        "name": "Hoshima",
        "speakers": ["Takeshi Morita", "Yoko Hasegawa"],
        "post": "Minister for Foreign Affairs",
        "hedging": 4,
        "boosting": 1,
        "topics": [
            "Hoshima would be prepared to assume greater responsibilities in the Security Council.",
            "Our official development assistance has become one of the largest in the world.",
            "Peace in our region rests on dialogue among its neighbours.",
            "Having known the suffering of war, Hoshima seeks a world without nuclear weapons.",
            "Peacekeeping by our personnel overseas marked a new step for Hoshima.",
            "Reform of the Security Council would reflect the realities of the present age.",
        ],
    },
}

EVENTS = {
    1990: "The end of the cold war opens a door that was closed for forty years.",
    1991: "The crisis in the Gulf showed that aggression will not be allowed to stand.",
    1992: "The Earth Summit in Rio de Janeiro last June set out an agenda for our planet.",
    1993: "The Secretary-General's Agenda for Peace asks much of every Member State.",
    1994: "The genocide in Rwanda is a stain on the conscience of the international community.",
    1995: "This fiftieth anniversary invites us to look back and, above all, to look ahead.",
}

OPENINGS = [
    "Mr. President, we would like to thank your predecessor for his wise leadership of the last session.",
    "Mr. President, allow me to congratulate you on your election to the presidency of the General Assembly.",
    "Mr. President, my delegation extends its warm congratulations on your election.",
]

HEDGES = [
    "Perhaps the time has come to rethink our methods.",
    "It seems that the old divisions are giving way, although this may take years.",
    "We believe that a settlement is possible, but it might not come soon.",
    "The reforms could possibly succeed if Member States show political will.",
    "It appears likely that the costs of peacekeeping will rise further.",
    "In our view, the Council may need to consult more widely.",
    "The new arrangements are, to some extent, still untested.",
    "It is probably too early to judge the results of the conference.",
    "We suggest that the Assembly might consider a simpler agenda.",
    "Somewhat fewer resources may be available than we had hoped.",
]

BOOSTERS = [
    "It is clear that the United Nations cannot do everything alone.",
    "We are certainly determined to play our part.",
    "There is no doubt that poverty breeds conflict.",
    "The Organization must undoubtedly adapt to a changed world.",
    "We firmly believe that dialogue is the only path.",
    "Indeed, the facts speak for themselves.",
]

MODALS = [
    "All States should honour the commitments they have made.",
    "The Council must act when peace is threatened.",
    "We can no longer postpone the reform of the Organization.",
    "Small States shall have their voice in every forum.",
    "No country can hope to prosper alone.",
    "The Assembly will return to this question next year.",
    "We cannot accept that military might decides the fate of nations.",
    "The political will of Member States is the key to success.",
    "In May of this year our Parliament ratified the Convention.",
    "The donors would need to honour their pledges.",
]

COMPARISONS = [
    "The world is more interdependent than ever before.",
    "Peace is as fragile as it is precious.",
    "Prevention is better and cheaper than cure.",
    "The Organization is like a ship that must be repaired at sea.",
    "Our problems are larger than any single nation can solve.",
    "Poverty kills more people than all the wars of our time.",
    "The new threats are less visible than the old ones but no less dangerous.",
    "Like a bridge between north and south, the Organization must carry heavy loads.",
]

QUOTES = [
    "As our Prime Minister said in May, “The United Nations is the only house we all share.”",
    "We recall the words of the Charter: “to save succeeding generations from the scourge of war.”",
    "Our President has said: “No nation can be secure while its neighbours live in fear.”",
    "Some call these measures “humanitarian intervention”; we call them interference unless the Council decides.",
]

CLOSINGS = [
    "My delegation stands ready to work with all Member States to this end.",
    "Let this session be remembered for what we achieved together.",
    "I thank you, Mr. President.",
]


def speech(iso: str, year: int) -> str:
    """One synthetic statement for ``iso`` in ``year`` (deterministic)."""
    profile = COUNTRIES[iso]
    rng = random.Random(f"{iso}-{year}")
    # Comparisons grow over the years, so the time series has a trend to show.
    n_comparisons = 1 + (year - YEARS[0]) // 2 + rng.randint(0, 1)
    parts = [
        rng.choice(OPENINGS),
        EVENTS[year],
        *rng.sample(profile["topics"], 4),
        *rng.sample(HEDGES, profile["hedging"] + rng.randint(0, 1)),
        *rng.sample(BOOSTERS, profile["boosting"]),
        *rng.sample(MODALS, 3),
        *rng.sample(COMPARISONS, min(n_comparisons, len(COMPARISONS))),
    ]
    body = parts[2:]
    rng.shuffle(body)
    paragraphs = [parts[0] + " " + parts[1]]
    for i in range(0, len(body), 4):
        paragraphs.append(" ".join(body[i : i + 4]))
    paragraphs.append(rng.choice(QUOTES) + " " + rng.choice(CLOSINGS))
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    rows = []
    for year in YEARS:
        session = year - 1945
        (OUT / str(year)).mkdir(parents=True, exist_ok=True)
        for iso, profile in COUNTRIES.items():
            name = f"{year}/{profile['name'].lower()}.txt"
            (OUT / name).write_text(speech(iso, year), encoding="utf-8", newline="\n")
            speaker = profile["speakers"][0 if year < 1993 else 1]
            rows.append([name, iso, session, year, speaker, profile["post"], profile["name"]])
    with open(OUT / "metadata.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "country", "session", "year", "speaker", "post", "country_name"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
