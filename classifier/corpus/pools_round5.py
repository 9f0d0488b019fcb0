"""Round 5: the five error classes of issue #14 (see README, "Round 5"), each with hard negatives in step.

1. Complete guns named by maker + model + calibre, buried in vendor talk (escrow, trusted-seller and
   shipping promises, series markers) or beside a calibre that also names ammunition; misspelt makers.
   In step: ammunition and parts with the same makers, calibres and talk; drugs with the same talk.
2. Generic gun offers with no model ("any pistol", "guns of your choice"). In step: the same offer
   talk for strains, pills, documents, knives, airsoft.
3. Breadth: classic military rifles, revolvers, black-powder guns (working reproductions are guns),
   less common makers; gun-shop catalogue style (CAPS, comma-separated finish and barrel details,
   barrel inches, round counts). In step: the same catalogue style for airsoft, air rifles, optics,
   holsters and knives (none), magazines and barrels (part), boxed ammunition (ammunition).
4. Design = gun topic AND digital or instructional form: do-it-yourself gun books, "3D <gun model>"
   files. In step: non-gun guides and files (hacking, steganography, dating, PC cleaner software,
   drug-making books, printable household things) and gun items with no form.
5. Part precision: "magazine" the publication, non-gun kits (drug test, lockpick, forensic, grow),
   guns sold with spare magazines (firearm only). In step: real magazines and kits sold alone (part).

Titles go through pools_round3.wrap; descriptions are composed here from item lines and vendor talk in
varied count and order (0-7 lines), in the listing's language with some English mixed in.
"""

from pools_round3 import BUYERS, CTRY, fill, mkspec, pick, wrap

ALL5 = ("en", "de", "ru", "es", "fr")

# --------------------------------------------------------------------------- shared vendor talk

TALK = {
    "en": ["Trusted vendor since 2019, over 300 deals.", "FE for vendors with 50+ sales only, new buyers use escrow.",
           "Escrow or multisig, your choice.", "Stealth shipping, double vacuum sealed, no smell no sign.",
           "Ships within 48 hours of payment.", "Tracking number given once shipped.",
           "Reship once if it does not arrive, after that it is on you.", "PGP key in profile, encrypt your address.",
           "Do not finalize early unless I ask.", "Read my terms before ordering.", "Price includes shipping to {ctry}.",
           "Domestic only, no international.", "Worldwide shipping available, ask first.", "Series II, latest batch.",
           "Series 3 stock just landed.", "Batch #{n} - same as last time.", "Bulk buyers message me for a price.",
           "Leave honest feedback please.", "Check my reviews on the old market.", "No refunds once shipped.",
           "Dead drop available in some cities.", "Same day dispatch before 2pm.", "All orders packed by hand.",
           "Discreet packaging, looks like an electronics parcel.", "Vendor bond paid, verified on 3 markets.",
           "Professional seller, 5 years in the game.", "Questions? PM me, answer within 12h.",
           "Order now, limited stock.", "Prices go up next week.", "100% satisfaction or reship.",
           "If you are LE you cannot buy from me.", "Cash in the mail not accepted.", "Monero gets 5% off."],
    "de": ["Zuverlässiger Verkäufer seit 2019.", "Nur Treuhand für neue Käufer.", "Diskreter Versand, vakuumiert.",
           "Versand innerhalb von 48 Stunden.", "Sendungsnummer nach Versand.", "Kein FE ohne Bewertungen.",
           "PGP im Profil.", "Bitte erst lesen, dann bestellen.", "Versand nur innerhalb der EU.", "Serie 2, neue Charge."],
    "ru": ["Проверенный продавец с 2019 года.", "Только через гаранта.", "Скрытая упаковка, вакуум.",
           "Отправка в течение 48 часов.", "Трек-номер после отправки.", "Без предоплаты для новых.",
           "PGP ключ в профиле.", "Читайте условия перед заказом.", "Доставка по РФ и СНГ.", "Новая партия."],
    "es": ["Vendedor de confianza desde 2019.", "Solo escrow para nuevos.", "Envío discreto, sellado al vacío.",
           "Envío en 48 horas.", "Número de seguimiento al enviar.", "Clave PGP en el perfil.",
           "Lee mis condiciones antes de pedir.", "Envíos solo a Europa.", "Nueva remesa."],
    "fr": ["Vendeur de confiance depuis 2019.", "Escrow uniquement pour les nouveaux.", "Envoi discret, sous vide.",
           "Expédition sous 48 heures.", "Numéro de suivi après envoi.", "Clé PGP dans le profil.",
           "Lisez mes conditions avant de commander.", "Livraison Europe uniquement.", "Nouveau lot."],
}
EMO = ["🔥", "✅", "💯", "⭐⭐⭐⭐⭐", "📦", "🚚", "🔒", "‼️", "👍"]


def vendor_desc(R, lang, items, talk_max=6, empty=0.12):
    """0-`talk_max` vendor lines and the item lines in random order; sometimes English talk in a
    non-English listing, emoji, a line in capitals."""
    if R.random() < empty:
        return ""
    talk = TALK[lang]
    n_talk = R.randint(0, talk_max)
    lines = R.sample(talk, min(n_talk, len(talk)))
    if lang != "en" and R.random() < 0.3:
        lines.append(pick(R, TALK["en"]))
    lines += R.sample(items, min(len(items), R.randint(1, 3))) if items else []
    slots = {"ctry": CTRY, "n": ["7", "12", "19", "23", "41"], "b": BUYERS}
    lines = [fill(R, x, slots) for x in lines]
    R.shuffle(lines)
    if R.random() < 0.15 and lines:
        k = R.randrange(len(lines))
        lines[k] = lines[k].upper()
    if R.random() < 0.2:
        lines.insert(R.randint(0, len(lines)), pick(R, EMO))
    sep = pick(R, [" ", "\n", " | ", " - ", "\n\n", ". "])
    return sep.join(lines).strip()


def vspec(name, n, labels, make, cats, price, domain, langs=ALL5, talk_max=6, empty=0.12, balance=0.0):
    """Like mkspec, but the description is vendor talk around the item lines (see vendor_desc)."""
    base = mkspec(name, n, labels, make, cats, price, domain, langs=langs, balance=balance)

    def slotter(R, lang):
        core, items = make(R, lang)
        t = wrap(R, core, lang).replace("{", "(").replace("}", ")")
        return {"T": t, "D": vendor_desc(R, lang, items, talk_max, empty).replace("{", "(").replace("}", ")"),
                "_labels": [], "_qty_mult": 1.0}

    base["slotter"] = slotter
    base["obf"] = 0.05
    return base


# --------------------------------------------------------------------------- 1. named guns in vendor talk

# (maker spellings, models, calibres, kind). Calibres are written the ammunition way on purpose.
NAMED = [
    (["Glock", "GLOCK", "glock", "Glok", "Glock Austria"], ["17 Gen 5", "19 Gen 4", "26", "43X", "45 MOS", "22 Gen 3", "21 SF"], ["9mm Luger", "9x19", ".40 S&W", ".45 ACP"], "pistol"),
    (["Smith & Wesson", "S&W", "Smith and Wesson", "smith n wesson", "Smith&Wesson"], ["M&P9 2.0", "M&P Shield Plus", "SD9VE", "Model 686 Plus", "Model 19 Classic", "Bodyguard 380", "Model 642 Airweight"], ["9mm Luger", ".357 Magnum", ".38 Special +P", ".380 ACP"], "pistol"),
    (["Sig Sauer", "SIG", "Sig", "Sig Saur", "SigSauer"], ["P365 XL", "P320 Compact", "P226 Legion", "P229", "P938", "P250"], ["9mm", "9x19 Parabellum", ".40 S&W", ".357 SIG"], "pistol"),
    (["Beretta", "Berreta", "Baretta", "BERETTA"], ["92FS", "M9A3", "PX4 Storm", "APX A1", "Pico", "84 Cheetah", "21A Bobcat"], ["9mm", ".380 ACP", ".22 LR", "9x19"], "pistol"),
    (["Ruger", "Rugar", "RUGER", "Sturm Ruger"], ["LCP II", "Security-9", "SR9c", "GP100", "SP101", "Mark IV 22/45", "LCR", "Max-9"], [".380 ACP", "9mm Luger", ".357 Mag", ".22LR", ".38 Spl"], "pistol"),
    (["Colt", "COLT", "Colts"], ["1911 Government", "Python", "Combat Commander", "Defender", "Mustang", "Cobra", "Detective Special"], [".45 ACP", ".357 Magnum", ".38 Special", ".380 Auto"], "pistol"),
    (["Springfield Armory", "Springfield", "SA"], ["XD-S Mod.2", "Hellcat Pro", "XD-M Elite", "Echelon", "1911 Ronin", "Prodigy"], ["9mm", ".45 ACP", "10mm Auto"], "pistol"),
    (["Walther", "Walter", "WALTHER"], ["PPK/S", "PDP Compact", "PPQ M2", "P22", "CCP M2", "Q5 Match"], [".380 ACP", "9mm", ".22 LR", "7.65mm"], "pistol"),
    (["Heckler & Koch", "HK", "H&K", "Heckler Koch"], ["VP9", "USP Compact", "P30L", "HK45", "P2000"], ["9mm", ".45 ACP", ".40 S&W"], "pistol"),
    (["CZ", "Ceska Zbrojovka", "CZ-USA"], ["75 B", "P-10 C", "P-07", "Shadow 2", "P-09", "75 Compact"], ["9mm Luger", "9x19", ".40 S&W"], "pistol"),
    (["Taurus", "TAURUS", "Tarus"], ["G2C", "G3C", "TX22", "Judge", "856", "PT92", "GX4"], ["9mm", ".22 LR", ".45 Colt/.410", ".38 Special"], "pistol"),
    (["Canik", "CANIK"], ["TP9SF Elite", "METE SFx", "TP9SFx", "Rival"], ["9mm", "9x19"], "pistol"),
    (["Makarov", "Makarow", "Izhmash Makarov", "Baikal"], ["PM", "PMM", "IJ-70"], ["9x18 Makarov", "9x18", ".380"], "pistol"),
    (["Tokarev", "Zastava", "Norinco"], ["TT-33", "M57", "Type 54", "M70A"], ["7.62x25 Tokarev", "7.62x25", "9mm"], "pistol"),
    (["Kimber", "KIMBER"], ["Micro 9", "Custom II", "Ultra Carry II", "K6s"], ["9mm", ".45 ACP", ".357 Mag"], "pistol"),
    (["Mossberg", "Mosberg"], ["500", "590A1", "Maverick 88", "Shockwave"], ["12 gauge", "12ga 3\"", "20 gauge"], "shotgun"),
    (["Remington", "Remmington"], ["870 Express", "700 SPS", "1100", "R1 1911"], ["12 gauge", ".308 Win", ".45 ACP"], "gun"),
    (["FN", "FN Herstal", "FNH"], ["Five-seveN", "509 Tactical", "FNX-45", "FN 502"], ["5.7x28", "9mm", ".45 ACP", ".22 LR"], "pistol"),
]
N_T = {
    "en": ["{mk} {md} {cal}", "{mk} {md} - {cal}", "{mk} {md} in {cal}", "{mk} {md} {cal} {kind}", "{mk} {md} {cal} + {nm} mags",
           "{mk} {md} {cal} (trusted vendor)", "{mk} {md} {cal} | escrow | ships {ctry}", "{md} {cal} by {mk}",
           "{mk} {md} {cal} - {series}", "[{series}] {mk} {md} {cal}", "{mk} {md} {cal} FE only for regulars",
           "{mk} {md}, {cal}, {cond}", "{cond} {mk} {md} {cal}", "{mk} {md} {cal} - stealth shipping included",
           "{kind} {mk} {md} {cal}", "{mk} {cal} {md}", "{mk} {md} {cal} USA>USA 2-3 days", "{mk} {md} {cal} w/ box"],
    "de": ["{mk} {md} {cal} Pistole", "{mk} {md} Kaliber {cal}", "{mk} {md} {cal} - Treuhand", "Verkaufe {mk} {md} {cal}",
           "{mk} {md} {cal} mit {nm} Magazinen"],
    "ru": ["{mk} {md} {cal}", "Пистолет {mk} {md} {cal}", "{mk} {md} калибр {cal}", "{mk} {md} {cal} - гарант",
           "{mk} {md} {cal} + {nm} магазина"],
    "es": ["{mk} {md} {cal}", "Pistola {mk} {md} {cal}", "{mk} {md} calibre {cal}", "{mk} {md} {cal} - escrow",
           "{mk} {md} {cal} con {nm} cargadores"],
    "fr": ["{mk} {md} {cal}", "Pistolet {mk} {md} {cal}", "{mk} {md} calibre {cal}", "{mk} {md} {cal} - escrow",
           "{mk} {md} {cal} avec {nm} chargeurs"],
}
N_ITEM = {
    "en": ["{mk} {md}, chambered in {cal}.", "Fires {cal}, feeds anything.", "Comes with {nm} mags and the case.",
           "Serial intact, clean history.", "Never fired outside the range.", "Trigger is smooth, around 5 lb.",
           "{series}, the newer run.", "Night sights installed.", "Holster wear on the slide, nothing major.",
           "{cal} - ammo NOT included."],
    "de": ["Kaliber {cal}.", "Mit {nm} Magazinen.", "Sauber, kaum geschossen."],
    "ru": ["Калибр {cal}.", "В комплекте {nm} магазина.", "Чистый, мало стрелял."],
    "es": ["Calibre {cal}.", "Con {nm} cargadores.", "Limpia, poco uso."],
    "fr": ["Calibre {cal}.", "Avec {nm} chargeurs.", "Propre, peu tiré."],
}
SERIES = ["Series 80", "Series 70", "Gen 5", "Gen 4", "Gen3", "Mk III", "MK IV", "2nd series", "Series II", "2.0", "M2.0",
          "third generation", "new series", "v2"]
COND = ["NIB", "new in box", "LNIB", "like new", "used", "police trade-in", "excellent", "95%", "unfired", "ex-police"]


def named_make(R, lang):
    mk, md, cal, kind = pick(R, NAMED)
    slots = {"mk": mk, "md": md, "cal": cal, "kind": [kind, "handgun", "pistol", "gun"] if kind != "shotgun" else [kind],
             "nm": ["2", "3", "4"], "ctry": CTRY, "series": SERIES, "cond": COND}
    cache = {}
    t = fill(R, pick(R, N_T[lang]), slots, cache)
    return t, [fill(R, x, slots, cache) for x in N_ITEM[lang]]


# in step: ammunition with the same makers and calibre spellings, parts of the same models
NA_T = {
    "en": ["{mk} {cal} {bt} {g}gr - {cnt} rounds", "{cal} {mk} ammo box of {cnt}", "{cnt}rds {cal} {bt} ({mk})",
           "{mk} {cal} {cnt} ct", "{cal} {bt} {cnt} rounds - {mk} factory", "{mk} {cal} range ammo x{cnt}"],
    "de": ["{cnt} Patronen {cal} {mk}", "{mk} {cal} Munition {cnt} Stk"], "ru": ["Патроны {cal} {mk} {cnt} шт"],
    "es": ["{cnt} cartuchos {cal} {mk}", "Munición {cal} {mk} x{cnt}"], "fr": ["{cnt} cartouches {cal} {mk}", "Munitions {cal} {mk} x{cnt}"],
}
NA_BRAND = ["Remington", "Winchester", "Sig Sauer", "Federal", "Hornady", "Fiocchi", "Sellier & Bellot", "PMC", "CCI", "Magtech", "Geco"]


def named_ammo_make(R, lang):
    _, _, cal, _ = pick(R, NAMED[:15])
    slots = {"mk": NA_BRAND, "cal": cal, "bt": ["FMJ", "JHP", "HST", "XTP", "ball", "TMJ"], "g": ["115", "124", "147", "158", "180", "230"],
             "cnt": ["20", "25", "50", "100", "250", "500"]}
    cache = {}
    t = fill(R, pick(R, NA_T[lang]), slots, cache)
    return t, [fill(R, "{cal}, {g} grain {bt}.", slots, cache), fill(R, "Box of {cnt}.", slots, cache), "Factory new, brass cased."]


NP_T = {
    "en": ["{mk} {md} slide", "{mk} {md} barrel {cal}", "{mk} {md} magazine {cap}rd", "{mk} {md} frame only", "{mk} {md} trigger kit",
           "{cap} round mag for {mk} {md}", "threaded barrel for {mk} {md}", "{mk} {md} complete slide assembly"],
    "de": ["{mk} {md} Verschluss", "{mk} {md} Magazin {cap} Schuss", "Lauf für {mk} {md}"],
    "ru": ["Затвор {mk} {md}", "Магазин {mk} {md} на {cap}", "Ствол {mk} {md}"],
    "es": ["Corredera {mk} {md}", "Cargador {mk} {md} {cap} tiros", "Cañón para {mk} {md}"],
    "fr": ["Culasse {mk} {md}", "Chargeur {mk} {md} {cap} coups", "Canon pour {mk} {md}"],
}


def named_part_make(R, lang):
    mk, md, cal, _ = pick(R, NAMED[:15])
    slots = {"mk": mk, "md": md, "cal": cal, "cap": ["10", "12", "15", "17", "30", "33"]}
    cache = {}
    t = fill(R, pick(R, NP_T[lang]), slots, cache)
    return t, ["Part only, no gun.", "OEM, fits the {md}.".replace("{md}", cache.get("md", "")), "Drop in, no fitting."]


DRUG_T = {
    "en": ["{d} {w} - {series}", "{d} {w} (trusted vendor)", "{d} {w} | escrow | ships {ctry}", "{d} {w} FE only for regulars",
           "{d} {w} - stealth shipping included", "{d} {w} USA>USA 2-3 days", "[{series}] {d} {w}"],
    "de": ["{d} {w} - Treuhand", "Verkaufe {d} {w}"], "ru": ["{d} {w} - гарант", "{d} {w} закладка"],
    "es": ["{d} {w} - escrow", "Vendo {d} {w}"], "fr": ["{d} {w} - escrow", "Vends {d} {w}"],
}


def drug_talk_make(R, lang):
    slots = {"d": ["MDMA crystal", "Cocaine", "Ketamine", "Amnesia Haze", "Xanax 2mg bars", "Oxycodone 30mg", "LSD 150ug",
                   "Speed paste", "Hash (Moroccan)", "Molly", "Meth shards", "Fullz + CVV", "Fake EU ID"],
             "w": ["3.5g", "7g", "14g", "28g", "10 pcs", "50 pcs", "1g", "100 tabs", "x5"], "ctry": CTRY, "series": SERIES}
    cache = {}
    return fill(R, pick(R, DRUG_T[lang]), slots, cache), ["Purity tested.", "Same batch as always.", "Weight always accurate."]


# --------------------------------------------------------------------------- 2. generic gun offers

G_T = {
    "en": ["Any pistol you want", "We get you any pistol", "Guns of your choice", "Handgun of your choice - message me",
           "All kinds of firearms available", "Pistols, rifles, shotguns - all available", "Your choice of handgun",
           "Firearms - tell me what you need", "Any gun, any calibre", "Need a piece? Any make", "Any rifle, DM for stock list",
           "Choose your pistol (list inside)", "Pick any handgun from our list", "Assorted pistols - {cal} and more",
           "GUNS - ALL MODELS IN STOCK", "Handguns for sale - wide selection", "We supply all types of weapons",
           "Glock, Sig, Beretta or CZ - your pick", "Pistol - model of your choice", "Rifles and pistols on request",
           "Untraceable guns of every kind", "Guns guns guns - any type", "Custom pistol order (any model)"],
    "de": ["Jede Pistole nach Wahl", "Waffen aller Art", "Pistolen und Gewehre - große Auswahl", "Schusswaffe nach Wunsch",
           "Alle Modelle auf Anfrage"],
    "ru": ["Любой пистолет на выбор", "Оружие любое", "Пистолеты и винтовки в наличии", "Огнестрел под заказ, любые модели",
           "Стволы - большой выбор"],
    "es": ["Cualquier pistola que quieras", "Armas de todo tipo", "Pistolas y rifles a elección", "Arma de fuego a pedido",
           "Todas las pistolas disponibles"],
    "fr": ["N'importe quel pistolet", "Armes de tous types", "Pistolets et fusils au choix", "Arme de poing au choix",
           "Tous modèles de flingues dispo"],
}
G_ITEM = {
    "en": ["Tell us the model and we source it.", "Glock, Beretta, Sig, Makarov, CZ and more.", "Prices from $600 depending on model.",
           "Every piece test fired before shipping.", "Send your wish list, we quote in 24h.", "{cal} and other calibres.",
           "Rifles take longer, pistols ship in a week.", "Clean, no bodies, no papers."],
    "de": ["Sag uns das Modell.", "Preise je nach Modell.", "Alle geprüft."], "ru": ["Пишите модель.", "Цены от модели.", "Все проверены."],
    "es": ["Dinos el modelo.", "Precio según modelo.", "Todas probadas."], "fr": ["Dites-nous le modèle.", "Prix selon le modèle.", "Toutes testées."],
}


def generic_make(R, lang):
    slots = {"cal": ["9mm", ".45", ".40", ".380", "7.62x39", "5.56", "12ga"]}
    cache = {}
    return fill(R, pick(R, G_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in G_ITEM[lang]]


GN_T = {
    "en": ["Any strain you want", "Weed of your choice - message me", "All kinds of pills available", "Your choice of {x}",
           "Any document you need", "Any country passport - tell me what you need", "Knives of your choice", "All kinds of knives",
           "Airsoft guns - any model", "Any airsoft pistol you want", "Pick any {x} from our list", "{x} - all models in stock",
           "Any BB gun, any model", "Choose your vape (list inside)", "We supply all types of {x}", "Any game key you want",
           "Custom order (any item)", "Gel blasters of your choice", "Tasers and stun guns - wide selection"],
    "de": ["Jede Sorte nach Wahl", "Pillen aller Art", "Messer nach Wahl", "Softair nach Wunsch"],
    "ru": ["Любой сорт на выбор", "Документы любые", "Ножи на выбор", "Страйкбол любые модели"],
    "es": ["Cualquier cepa que quieras", "Pastillas de todo tipo", "Cuchillos a elección", "Airsoft de todo tipo"],
    "fr": ["N'importe quelle variété", "Pilules de tous types", "Couteaux au choix", "Airsoft tous modèles"],
}


def generic_neg_make(R, lang):
    slots = {"x": ["pills", "strains", "documents", "gift cards", "watches", "knives", "vapes", "accounts", "phones"]}
    cache = {}
    return fill(R, pick(R, GN_T[lang]), slots, cache), ["Tell us what you need.", "Prices depend on the item.", "Everything tested."]


# --------------------------------------------------------------------------- 3. breadth and catalogue style

BREADTH = [  # (names, calibres, kind)
    (["Mosin-Nagant M91/30", "Mosin Nagant 91/30", "M44 Mosin carbine", "Finnish M39", "Mosin M38"], ["7.62x54R", "7.62x54r"], "rifle"),
    (["Mauser K98k", "Kar98k", "Yugo M48 Mauser", "Swedish Mauser M96", "Gewehr 98", "Czech VZ24"], ["8mm Mauser", "7.92x57", "6.5x55"], "rifle"),
    (["Lee-Enfield No.4 Mk I", "SMLE No.1 Mk III", "Enfield No.5 jungle carbine", "Ishapore 2A1"], [".303 British", ".308"], "rifle"),
    (["M1 Garand", "M1 Carbine", "Springfield 1903A3", "M1917 Enfield", "Springfield M1A"], [".30-06", ".30 Carbine", ".308"], "rifle"),
    (["Carcano M91/38", "Arisaka Type 99", "Schmidt-Rubin K31", "MAS 36", "Steyr M95", "SVT-40", "Gewehr 43"], ["6.5 Carcano", "7.7 Jap", "7.5x55 Swiss", "7.5 French", "8x56R", "7.62x54R"], "rifle"),
    (["Nagant M1895 revolver", "Webley Mk VI", "Enfield No.2", "S&W Model 1917", "Colt New Service", "Smith & Wesson Model 10"], ["7.62 Nagant", ".455 Webley", ".38 S&W", ".45 ACP", ".38 Special"], "revolver"),
    (["Ruger Blackhawk", "Ruger Super Redhawk", "Ruger Vaquero", "Colt Single Action Army", "Uberti 1873 Cattleman", "Taurus Raging Bull",
      "Charter Arms Bulldog", "Rossi R461", "Manurhin MR73", "Korth NXS", "Dan Wesson 715", "Chiappa Rhino 40DS"], [".357 Magnum", ".44 Magnum", ".45 Colt", ".44 Special", ".38 Special"], "revolver"),
    (["Pietta 1858 Remington", "Uberti 1851 Navy", "Pietta 1860 Army", "Uberti Walker", "Pietta LeMat", "Pedersoli Brown Bess",
      "Traditions Kentucky rifle", "CVA Optima", "Thompson/Center Hawken", "Pedersoli Zouave 1863", "Euroarms Enfield 1853"],
     [".44 cal", ".36 cal", ".50 cal", ".58 cal", ".75 cal", ".451"], "black powder"),
    (["Tokarev TT-33", "Radom VIS 35", "FEG PA-63", "Astra 600", "Star Model B", "Llama XI", "Walther P38", "Luger P08", "Browning Hi-Power",
      "CZ 52", "Makarov PM (East German)", "Beretta M1934", "Mauser HSc", "Sauer 38H", "Colt 1903 Pocket Hammerless", "Nambu Type 14"],
     ["7.62x25", "9mm", "9x18", ".380", ".32 ACP", "7.65mm", "8mm Nambu"], "pistol"),
    (["Bersa Thunder 380", "Zastava M70A", "Arcus 98DA", "Grand Power K100", "Tisas Zigana", "Girsan MC28SA", "Sarsilmaz K2", "Stoeger STR-9",
      "Hi-Point C9", "SCCY CPX-2", "Kel-Tec PMR-30", "Rock Island M1911 A1", "Norinco NP-22", "IWI Jericho 941", "Vektor SP1", "Heritage Rough Rider"],
     ["9mm", ".380 ACP", ".22 WMR", ".45 ACP", ".22 LR", ".40"], "pistol"),
    (["Winchester Model 94", "Marlin 336", "Henry Big Boy", "Savage 110", "Tikka T3x", "Sako 85", "Blaser R8", "Mauser M18", "Howa 1500",
      "Browning X-Bolt", "CZ 457", "Ruger American", "Merkel Helix", "Steyr Scout", "Weatherby Vanguard"],
     [".30-30", ".308 Win", ".243", "6.5 Creedmoor", ".270 Win", ".22 LR", ".44 Mag", ".30-06"], "rifle"),
    (["Baikal IZH-27", "Stoeger Coach Gun", "Benelli M4", "Beretta 686", "Franchi Affinity", "Winchester SXP", "Browning Citori",
      "Mossberg 930", "Remington 1100", "Ithaca 37", "TOZ-34", "Hatsan Escort"], ["12ga", "12/70", "20 gauge", ".410", "16ga"], "shotgun"),
]
FINISH = ["BLUED", "STAINLESS", "MATTE BLACK", "FDE", "NICKEL", "PARKERIZED", "WALNUT", "HARDWOOD", "SYNTHETIC", "CASE HARDENED",
          "BRASS FRAME", "COLOR CASE", "OD GREEN", "TWO TONE", "POLISHED"]
BBL = ["4\"", "4.2\"", "5\"", "6\"", "2\"", "3\" BBL", "16\" BBL", "20\" BARREL", "24\"", "29\"", "5.5\"", "7.5\"", "3.5in", "18.5\"", "26\" VR"]
RDS = ["6RD", "6 RDS", "5RD", "8+1", "10RD", "15RD", "17+1", "7RD", "5 SHOT", "2 SHOT", "1 SHOT", "13RD", "30RD"]
B_T = {
    "en": ["{nm} {cal}", "{nm} - {cal}", "{nm} {cal} {kind}", "{nm} {cal} {cond}", "{cond} {nm} {cal}", "{nm} ({cal}) {kind}",
           "{NM}, {CAL}, {BBL}, {RDS}, {FIN}", "{NM} {CAL} {BBL} {FIN} {RDS}", "{NM} - {CAL} - {BBL} - {FIN}", "{NM} {CAL} {RDS} {FIN} NIB",
           "{nm} {cal}, {bbl} barrel, {fin}", "{NM} {BBL} {CAL}", "{nm} {kind} {cal} - {tag}", "{nm} {tag}", "{NM} {CAL}, {FIN}, {BBL}, {COND}",
           "USED {NM} {CAL} {BBL}", "{nm} {cal} {bbl} {rds}"],
    "de": ["{nm} Kal. {cal}", "{nm} {cal} {kind_de}", "{NM} {CAL} {BBL} {FIN}", "{nm} {cal} - {tag_de}"],
    "ru": ["{nm} {cal}", "{kind_ru} {nm} {cal}", "{NM} {CAL} {BBL}", "{nm} {cal} - {tag_ru}"],
    "es": ["{nm} {cal}", "{kind_es} {nm} {cal}", "{NM} {CAL} {BBL} {FIN}", "{nm} {cal} - {tag_es}"],
    "fr": ["{nm} {cal}", "{kind_fr} {nm} {cal}", "{NM} {CAL} {BBL} {FIN}", "{nm} {cal} - {tag_fr}"],
}
B_TAG = ["matching numbers", "arsenal refurb", "military surplus", "original finish", "all original", "C&R eligible", "with bayonet",
         "working reproduction", "black powder replica, shoots", "percussion, live fire", "reproduction, fully functional", "good bore"]
B_KIND = {"rifle": ("Gewehr", "Винтовка", "Fusil", "Fusil"), "revolver": ("Revolver", "Револьвер", "Revólver", "Revolver"),
          "pistol": ("Pistole", "Пистолет", "Pistola", "Pistolet"), "shotgun": ("Flinte", "Ружьё", "Escopeta", "Fusil de chasse"),
          "black powder": ("Vorderlader", "Дульнозарядное", "Avancarga", "Arme à poudre noire")}
B_ITEM = {
    "en": ["{bbl} barrel, {fin} finish.", "{rds}.", "Shoots great, bore is bright.", "Surplus, refurbished at the arsenal.",
           "Black powder only, uses #11 caps.", "Comes with the original sling.", "Cap and ball, loads from the front.",
           "Action is tight.", "Round count unknown, cleaned."],
    "de": ["Lauf {bbl}.", "Guter Zustand.", "Schwarzpulver, Perkussion."], "ru": ["Ствол {bbl}.", "Хорошее состояние.", "Дымный порох."],
    "es": ["Cañón {bbl}.", "Buen estado.", "Pólvora negra."], "fr": ["Canon {bbl}.", "Bon état.", "Poudre noire, percussion."],
}


def breadth_make(R, lang):
    names, cals, kind = pick(R, BREADTH)
    nm, cal = pick(R, names), pick(R, cals)
    bbl, fin, rds, cond = pick(R, BBL), pick(R, FINISH), pick(R, RDS), pick(R, COND)
    de, ru, es, fr = B_KIND[kind]
    slots = {"nm": [nm], "cal": [cal], "NM": [nm.upper()], "CAL": [cal.upper()], "bbl": [bbl.lower()], "BBL": [bbl],
             "fin": [fin.lower()], "FIN": [fin], "rds": [rds.lower()], "RDS": [rds], "cond": [cond], "COND": [cond.upper()],
             "kind": [kind], "tag": B_TAG, "kind_de": [de], "kind_ru": [ru], "kind_es": [es], "kind_fr": [fr],
             "tag_de": ["Originalzustand", "Militär", "funktionsfähige Replik"], "tag_ru": ["оригинал", "армейский", "рабочая реплика"],
             "tag_es": ["original", "militar", "réplica funcional"], "tag_fr": ["d'origine", "militaire", "réplique fonctionnelle"]}
    cache = {}
    t = fill(R, pick(R, B_T[lang]), slots, cache)
    return t, [fill(R, x, slots, cache) for x in B_ITEM[lang]]


# catalogue style on things that are not guns (none), parts (part) and boxed rounds (ammunition)
CN = [
    ("none", ["TOKYO MARUI HI-CAPA 5.1 GBB", "KWA M4 AEG", "UMAREX WALTHER PPQ CO2 BB", "GAMO SWARM MAGNUM AIR RIFLE", "CROSMAN 1377 PELLET",
              "ELITE FORCE GLOCK 17 CO2", "SPECNA ARMS M4 AEG", "CYMA AK-74 AEG", "HATSAN MOD 95 AIR RIFLE .22", "DIANA 34 .177",
              "VORTEX CROSSFIRE II 3-9X40", "HOLOSUN 507C RED DOT", "SAFARILAND 6390 HOLSTER", "BENCHMADE BUGOUT KNIFE", "TRIJICON ACOG (REPLICA)",
              "PELICAN 1750 RIFLE CASE", "LEUPOLD VX-3HD 4.5-14X40", "SIG ROMEO5 RED DOT", "MAGPUL MS4 SLING", "DEACTIVATED LEE ENFIELD NO4",
              "ZORAKI 917 BLANK PISTOL", "GEL BLASTER M416 FULL AUTO", "KRYTAC TRIDENT MKII AEG", "UMAREX COLT PEACEMAKER CO2 .177"],
     ["{BBL}", "{FIN}", "CO2", "6MM BB", ".177 PELLET", "400 FPS", "{RDS} (BB)", "NEW IN BOX", "REPLICA", "BATTERY INCLUDED", "4.5MM"]),
    ("part", ["GLOCK 17 OEM MAGAZINE 17RD", "MAGPUL PMAG 30 GEN M3", "AR-15 16\" BARREL 1:7 5.56", "BCM BCG MPI", "GLOCK 19 SLIDE RMR CUT",
              "AK-47 30RD STEEL MAG", "MEC-GAR BERETTA 92 MAG 18RD", "SIG P365 12RD MAG", "REMINGTON 870 18.5\" BARREL", "SCHMEISSER AR15 MAG 30RD",
              "AERO M4E1 STRIPPED UPPER", "GEISSELE SSA-E TRIGGER", "SILENCERCO OMEGA 36M SUPPRESSOR"],
     ["{BBL}", "{FIN}", "OEM", "NEW", "FITS GEN 3-5", "STEEL", "{RDS}"]),
    ("ammunition", ["FEDERAL AMERICAN EAGLE 9MM 115GR FMJ", "WINCHESTER WHITE BOX .45 ACP 230GR", "HORNADY CRITICAL DEFENSE .380 ACP",
                    "PMC BRONZE .223 55GR", "TULA 7.62X39 122GR", "CCI MINI-MAG .22LR 40GR", "FIOCCHI 12GA 00 BUCK", "S&B 8MM MAUSER 196GR",
                    "PPU .303 BRITISH 174GR", "REMINGTON UMC .38 SPL 130GR", "GECO 9X19 124GR FMJ", "HORNADY .30-06 165GR SST"],
     ["20RD BOX", "50RD BOX", "1000RD CASE", "25 SHELLS", "BRASS CASED", "BOXER PRIMED", "20 ROUNDS", "500RDS"]),
]


def catalogue_make_for(which):
    label, names, bits = next(c for c in CN if c[0] == which)

    def make(R, lang):
        nm = pick(R, names)
        extra = R.sample(bits, R.randint(1, 3))
        slots = {"BBL": BBL, "FIN": FINISH, "RDS": RDS}
        cache = {}
        parts = [nm] + [fill(R, e, slots, cache) for e in extra]
        sep = pick(R, [", ", " ", " - ", " | "])
        t = sep.join(parts)
        if R.random() < 0.3:
            t = t.title()
        return t, ["See pictures.", "Ships in 24h.", "New old stock.", "As described."]

    return make


# --------------------------------------------------------------------------- 4. design: gun topic AND form

D_T = {
    "en": ["3D {gun} files", "{gun} 3D print files (STL)", "3D printed {gun} - STL + STEP", "{gun} STL pack", "{gun} CAD files (SolidWorks + STEP)",
           "Printable {gun} frame - files only", "{gun} build guide (PDF)", "How to build a {gun} at home", "DIY {gun} - complete manual",
           "Home gunsmithing: the {gun}", "{gun} blueprints + machining drawings", "Build your own {gun} - step by step ebook",
           "{gun} receiver CNC files (DXF + gcode)", "Making the {gun} from scratch - book", "{gun} armorer's manual (scan)",
           "Full auto conversion guide for the {gun}", "{gun} suppressor build plans", "3D {gun} lower receiver STL",
           "DIY gun book - {gun} and more", "Gunsmithing course: {gun} (video + PDF)", "{gun} jig templates + instructions",
           "The improvised {gun} handbook"],
    "de": ["{gun} 3D-Druck Dateien", "{gun} selber bauen - Anleitung", "Bauplan {gun} (PDF)", "{gun} STL Dateien"],
    "ru": ["{gun} 3D печать файлы", "Как сделать {gun} своими руками - книга", "Чертежи {gun}", "{gun} STL файлы"],
    "es": ["Archivos 3D {gun}", "Cómo fabricar {gun} - manual", "Planos de {gun} (PDF)", "{gun} STL para imprimir"],
    "fr": ["Fichiers 3D {gun}", "Fabriquer un {gun} - guide", "Plans du {gun} (PDF)", "{gun} STL à imprimer"],
}
D_GUN = ["Glock 19", "Glock 17 frame", "Sig P365", "AR-15", "AR15 lower", "AK-47", "AKM receiver", "FGC-9", "FGC-9 Mk2", "Liberator",
         "MAC-10", "Sten Mk II", "Uzi", "1911", "Makarov", "Beretta 92", "CZ 75", "Ruger 10/22", "M4 carbine", "shotgun", "pistol",
         "submachine gun", "zip gun", "pipe shotgun", "Luty SMG", "P80 frame", "80% lower", "auto sear", "Glock switch", "Skorpion vz61",
         "PPSh-41", "Mosin Nagant", "Mauser C96", "TEC-9", "revolver", "bolt action rifle", "semi auto rifle", "Kalashnikov"]
D_ITEM = {
    "en": ["Instant download after payment.", "STL, STEP and 3MF.", "Tested on a Prusa and an Ender 3.", "PDF, {pg} pages, with photos.",
           "Includes parts list and print settings.", "Mega link delivered by message.", "Scanned from the original book.",
           "Step by step, no prior experience needed.", "Zip archive, {mb} MB.", "Video walkthrough included."],
    "de": ["Download nach Zahlung.", "PDF mit Bildern."], "ru": ["Скачивание после оплаты.", "PDF с фото."],
    "es": ["Descarga inmediata.", "PDF con fotos."], "fr": ["Téléchargement immédiat.", "PDF avec photos."],
}


def design_make(R, lang):
    slots = {"gun": D_GUN, "pg": ["48", "96", "212", "330"], "mb": ["24", "180", "700"]}
    cache = {}
    return fill(R, pick(R, D_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in D_ITEM[lang]]


DN_T = {
    "en": ["Hacking guide 2024 (PDF)", "How to hack WiFi - step by step", "Steganography how-to: hide files in images", "Dating guide: {x}",
           "Pickup artist manual (ebook)", "PC cleaner software - lifetime key", "Registry cleaner pro + crack", "How to make {drug} at home (book)",
           "{drug} synthesis guide", "Home lab manual: extracting {drug}", "Carding tutorial + cashout method", "OPSEC guide for vendors",
           "Lockpicking handbook (PDF)", "3D printed vase STL files", "Cosplay helmet STL pack", "Miniatures STL bundle (500 files)",
           "Phone stand CAD files", "Drone frame 3D print files", "How to build a website - course", "Crypto trading course + PDF",
           "SEO blueprint ebook", "Build your own {thing} - DIY plans", "Survival guide (PDF)", "Self defense manual (video course)",
           "Nerf blaster mods guide", "Airsoft upgrade guide (AEG gearbox)", "Knife making book", "Gun safe buying guide",
           "Hunting guide: tracking deer", "Shooting range etiquette ebook", "Reloading manual (no files) - used book",
           "Tarot reading course", "Keto diet plan PDF", "Anarchist Cookbook (text only)", "Phishing page kit + guide"],
    "de": ["Hacking Anleitung (PDF)", "Dating Ratgeber", "{drug} selber herstellen - Buch", "STL Dateien Vase"],
    "ru": ["Руководство по взлому", "Как сделать {drug} - книга", "Курс по пикапу", "STL файлы фигурок"],
    "es": ["Guía de hacking (PDF)", "Cómo fabricar {drug} - libro", "Guía de citas", "Archivos STL de figuras"],
    "fr": ["Guide de piratage (PDF)", "Fabriquer du {drug} - livre", "Guide de séduction", "Fichiers STL de figurines"],
}


def design_neg_make(R, lang):
    slots = {"x": ["texting women", "online dating", "first dates"], "drug": ["meth", "DMT", "GHB", "LSD", "MDMA", "hash oil"],
             "thing": ["tiny house", "greenhouse", "CNC router", "mining rig", "solar panel", "still"]}
    cache = {}
    return fill(R, pick(R, DN_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in D_ITEM["en"] if "{" not in x] \
        if lang == "en" else list(D_ITEM[lang])


# --------------------------------------------------------------------------- 5. part precision

MAGPUB_T = {
    "en": ["Playboy magazine collection (PDF)", "Vogue magazine 2023 all issues", "Guns & Ammo magazine - 12 issues PDF",
           "Shooting Times magazine subscription", "National Geographic magazine pack", "Magazine subscriptions (any title)",
           "Recoil magazine back issues", "Hustler magazine scans", "Economist magazine weekly PDF", "Magazine rack + 20 magazines",
           "Forbes magazine 2024 PDF", "Time magazine archive", "American Rifleman magazine (1990s)", "Car magazines bundle"],
    "de": ["Zeitschrift Abo", "Magazin Sammlung (PDF)", "Spiegel Magazin 2024"], "ru": ["Журналы PDF подборка", "Подписка на журнал"],
    "es": ["Revista Playboy PDF", "Revistas colección"], "fr": ["Magazines PDF collection", "Abonnement magazine"],
}
KIT_T = {
    "en": ["Drug test kit - 10 panel", "Reagent test kit (Marquis, Mecke, Mandelin)", "Fentanyl test strips kit x{n}", "Lockpick kit 24 pcs",
           "Lock pick set with tension wrenches", "Forensic software kit (data recovery)", "Grow kit - mushrooms", "Mushroom grow kit (ready)",
           "Hydroponics starter kit", "Tattoo kit complete", "Skimmer kit (ATM)", "Phishing kit + panel", "Starter kit: scale, bags, grinder",
           "First aid kit (military)", "Bump key kit", "Car key programming kit", "Bitcoin mining starter kit", "Survival kit 48 pcs",
           "Cleaning kit for phones", "DNA test kit", "Carding starter kit", "Shim kit for padlocks"],
    "de": ["Drogentest Kit", "Dietrich Set", "Growbox Komplettset"], "ru": ["Набор тестов на наркотики", "Набор отмычек", "Гроубокс набор"],
    "es": ["Kit de prueba de drogas", "Kit de ganzúas", "Kit de cultivo"], "fr": ["Kit de test de drogue", "Kit de crochetage", "Kit de culture"],
}


def title_make(pools, items):
    def make(R, lang):
        cache = {}
        return fill(R, pick(R, pools[lang]), {"n": ["10", "25", "50", "100"]}, cache), list(items)
    return make


WM_T = {
    "en": ["{g} + {n} spare mags", "{g} with {n} extra magazines", "{g} w/ {n} mags and holster", "{g} - comes with {n} magazines",
           "{g}, {n} mags, box", "{g} + extended mag", "{g} and {n} 30rd mags", "{g} incl. {n} magazines + case", "{g} + drum mag"],
    "de": ["{g} mit {n} Ersatzmagazinen", "{g} + {n} Magazine"], "ru": ["{g} + {n} запасных магазина", "{g} с {n} магазинами"],
    "es": ["{g} con {n} cargadores extra", "{g} + {n} cargadores"], "fr": ["{g} avec {n} chargeurs de rechange", "{g} + {n} chargeurs"],
}
WM_GUN = ["Glock 19", "Glock 17 Gen 4", "Sig P320", "Beretta 92FS", "CZ 75B", "Makarov PM", "Walther P99", "AK-47", "AR-15 carbine",
          "Springfield XD-9", "Ruger SR9", "H&K USP", "Tokarev TT-33", "Canik TP9SF", "S&W M&P9", "Taurus G3", "Zastava M70", "Mini Draco"]


def with_mags_make(R, lang):
    slots = {"g": WM_GUN, "n": ["2", "3", "4", "5"]}
    cache = {}
    return fill(R, pick(R, WM_T[lang]), slots, cache), ["Mags are OEM.", "All mags work.", "Gun test fired."]


MAG_T = {
    "en": ["{g} magazine {c}rd", "{n} x {g} mags", "{g} extended mag {c} round", "Spare magazines for {g} ({n} pcs)", "{c} round drum for {g}",
           "Magazine for {g} - OEM", "{g} mags x{n}"],
    "de": ["{g} Magazin {c} Schuss", "{n} Magazine für {g}"], "ru": ["Магазин {g} на {c} патронов", "{n} магазина для {g}"],
    "es": ["Cargador {g} {c} tiros", "{n} cargadores para {g}"], "fr": ["Chargeur {g} {c} coups", "{n} chargeurs pour {g}"],
}


def mag_make(R, lang):
    slots = {"g": WM_GUN, "n": ["2", "3", "5", "10"], "c": ["10", "15", "17", "30", "33", "50", "75"]}
    cache = {}
    return fill(R, pick(R, MAG_T[lang]), slots, cache), ["Magazines only, no gun.", "Steel body.", "Fits all generations."]


GK_T = {
    "en": ["Glock conversion kit (auto)", "AR-15 parts kit (complete)", "AK parts kit - Polish", "Blank to live conversion kit",
           "Solvent trap kit 1/2x28", "Lower parts kit (LPK)", "Roni carbine conversion kit for Glock", "80% lower kit with jig",
           "Suppressor kit (oil filter adapter)", "Upper receiver kit 5.56"],
    "de": ["Umbausatz Glock", "Teilesatz AK"], "ru": ["Набор запчастей АК", "Комплект переделки"],
    "es": ["Kit de conversión Glock", "Kit de piezas AR-15"], "fr": ["Kit de conversion Glock", "Kit de pièces AK"],
}


SPECS = [
    vspec("r5_named_vendor", 520, ["firearm"], named_make, "firearm", (350, 2200), "gun"),
    vspec("r5n_named_ammo", 200, ["ammunition"], named_ammo_make, "ammo", (20, 400), "gun"),
    vspec("r5n_named_part", 160, ["part"], named_part_make, "part", (40, 600), "gun"),
    vspec("r5n_drug_talk", 300, [], drug_talk_make, "drug", (10, 900), "drug", balance=0.1),
    vspec("r5_generic_offer", 220, ["firearm"], generic_make, "firearm", (500, 2500), "gun", talk_max=5),
    vspec("r5n_generic_offer", 240, [], generic_neg_make, "misc", (5, 500), "shop", talk_max=5),
    vspec("r5_breadth", 620, ["firearm"], breadth_make, "firearm", (150, 3500), "gun", talk_max=3, empty=0.45),
    vspec("r5n_catalogue", 260, [], catalogue_make_for("none"), "misc", (30, 900), "weapon", talk_max=2, empty=0.5),
    vspec("r5n_catalogue_part", 120, ["part"], catalogue_make_for("part"), "part", (20, 500), "gun", talk_max=2, empty=0.5),
    vspec("r5n_catalogue_ammo", 120, ["ammunition"], catalogue_make_for("ammunition"), "ammo", (15, 400), "gun", talk_max=2, empty=0.5),
    vspec("r5_design", 340, ["design"], design_make, "design", (10, 300), "digital", talk_max=3),
    vspec("r5n_design", 420, [], design_neg_make, "digital", (3, 200), "digital", talk_max=3),
    vspec("r5n_magazine_pub", 120, [], title_make(MAGPUB_T, ["PDF, high quality scans.", "Delivered by link.", "All issues."]), "digital", (3, 80), "digital", talk_max=2),
    vspec("r5n_kits", 200, [], title_make(KIT_T, ["Everything you need in one box.", "Instructions included.", "Ships discreetly."]), "misc", (10, 300), "shop", talk_max=3),
    vspec("r5_with_mags", 200, ["firearm"], with_mags_make, "firearm", (400, 2000), "gun", talk_max=4),
    vspec("r5n_mags_alone", 120, ["part"], mag_make, "part", (20, 300), "gun", talk_max=3),
    vspec("r5n_gun_kits", 100, ["part"], title_make(GK_T, ["Kit only, no firearm.", "All parts included.", "Instructions in the box."]), "part", (50, 900), "gun", talk_max=3),
]
