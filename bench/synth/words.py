"""Word banks the synthetic articles are written from: names, places, phrases, templates."""

GIVEN = (
    "Mira Elena Tomas Hana Jun Amara Kofi Lars Ines Ravi Sofia Dmitri Aiko Min Chen Yuki Omar "
    "Leila Pablo Greta Nikolai Priya Kwame Ana Hiroshi Seo Wei Fatima Jonas Marta Ibrahim Lucia "
    "Tariq Noor Emil Zara Kenji Ada Felix Rosa Arjun Bianca Daniel Eun Farid Gabriel Helga Ismail "
    "Julia Karim Lena Mateo Nadia Oskar Paulo Qiu Rania Stefan Tamar Ugo Vera Xavier Yara Zeynep"
).split()
SURNAMES = (
    "Solberg Vasquez Okafor Lindqvist Moreau Tanaka Kovacs Haddad Novak Ferreira Kim Park Choi "
    "Nakamura Petrov Osei Brandt Rossi Duarte Iyer Kowalski Mensah Sato Zhou Lindgren Abara "
    "Castillo Dubois Eriksen Fischer Gallo Hughes Ibsen Jansen Karlsson Lopes Mbeki Nilsen "
    "Ortega Pereira Quist Ramos Schmidt Torres Ueda Varga Weber Xu Yilmaz Zielinski Achterberg "
    "Bakker Carvalho Delgado Engel Falk Gruber Holm Ishikawa Jovanovic Kaur Laine Maddox Nyberg "
    "Olsen Pajari Reyes Sandoval Takahashi Ulloa Vogel Wojcik Yamada Zamora"
).split()
SYL_A = (
    "Val Ker Mar Tes Dor Bel Cal Fen Gor Hal Ish Jor Kal Lor Mer Nor Ost Pel Quen Ros Sel Tor "
    "Ul Ver Wes Yar Zan Ard Bren Cor"
).split()
SYL_B = (
    "doria stan mark avia ovia esia land mora garth ena ria bia holm wick dale mont ravia tia "
    "nesia gard"
).split()
CITY_B = "ford haven burg port field bridge ton mouth gate ridge".split()
ORG_HEAD = (
    "Northgate Eastbrook Westmere Southfield Harbor Summit Meridian Atlas Beacon Crescent Granite "
    "Horizon Keystone Lantern Pioneer Riverside Sterling Union Vanguard Federal National Regional "
    "Continental Coastal Central"
).split()
ORG_MID = (
    "Policy Grain Maritime Energy Trade Security Finance Steel Rail Health Water Fisheries "
    "Semiconductor Shipping Aviation Labour Research Defence Climate Customs"
).split()
ORG_TAIL = (
    "Institute Board Council Agency Association Federation Group Commission Authority Foundation "
    "Alliance Bureau"
).split()
OUTLET_TAIL = "Times Herald Post Ledger Dispatch Wire Observer Tribune Chronicle Gazette".split()
ADJ = (
    "bilateral regional contested new long-delayed controversial provisional expanded secret "
    "costly ambitious fragile landmark sweeping modest temporary binding informal unexpected "
    "disputed joint revised emergency strategic cautious sudden unprecedented limited broad "
    "lengthy renewed stalled preliminary quiet public"
).split()
NOUN = (
    "tariff export ban summit agreement sanction investment pipeline port shipment alliance "
    "negotiation treaty dispute budget subsidy reactor fishery corridor chip plant crossing "
    "route launch vaccine program deal swap drill rule policy grant link grid accord quota "
    "embargo loan inquiry reform pact mission dialogue framework survey audit ceasefire census "
    "levy licence"
).split()
NOUN_PL = {
    n: n[:-1] + "ies"
    if n.endswith("y") and n[-2] not in "aeiou"
    else n + ("es" if n.endswith(("sh", "ch", "x", "s")) else "s")
    for n in NOUN
}
COUNTABLE = (
    "containers vessels engineers workers students tonnes megawatts flights inspectors "
    "delegates soldiers farmers firms projects"
).split()
VERB = (
    "announced criticised welcomed rejected proposed suspended expanded questioned defended "
    "approved delayed signed condemned endorsed revised blocked launched renewed cancelled "
    "investigated postponed challenged financed reviewed extended"
).split()
VERB_INF = (
    "weaken strengthen delay block reshape undermine expand revive complicate accelerate "
    "threaten secure"
).split()
VERB_INTR = "stalled collapsed resumed faltered continued expired widened eased".split()
PREP_OBJ = "on over about concerning regarding".split()
MEET = ("met", "held talks", "signed an accord", "opened negotiations", "agreed to cooperate")
TAIL = (
    ", a step that analysts said could {inf} the {adj} {noun}",
    " despite objections over the {adj} {noun}",
    " as the {adj} {noun} {intr}",
    ", weeks after the {noun} {intr}",
    " amid growing concern about the {adj} {noun}",
    ", officials said on condition of anonymity",
    ", according to people familiar with the matter",
    "",
    "",
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
DESCRIPTOR = (
    "a senior analyst at {org}",
    "a spokesperson for {org}",
    "the chief executive of {org}",
    "a professor who advises {org}",
    "the foreign minister of {state}",
    "a trade envoy for {state}",
    "a former diplomat from {state}",
)
RELATION = (
    ("after", "Hours after"),
    ("after", "Days after"),
    ("before", "Days before"),
    ("after", "Weeks after"),
    ("before", "Hours before"),
)
SUBHEAD = "{Adj} {noun} talks in focus"
ISSUE_FORMS = (
    "The {adj} {noun} between {a} and {b}",
    "{a}'s {adj} {noun} policy",
    "Disputes over the {noun} {pl}",
    "The future of the {adj} {noun}",
    "{a}'s role in the {noun} {pl}",
)
