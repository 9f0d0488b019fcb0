"""Round-3 positives: what the round-2 model still missed on terse, title-only listings (see README,
"Round 3").

* bare firearm titles that are only a model plus a generation / finish / variant / condition / escrow tag
  ("Glock 19 Gen 3", "G26 gen5 FDE", "CZ 75 SP-01 shadow", "Beretta 92FS Inox"), across ~120 models;
* firearms of no named maker: a type word and a calibre is enough (".22lr pistol", ".32 revolver",
  "12ga pump shotgun", "410 single shot", "sawed-off double barrel", "9mm strap"), in five languages;
* ammunition by brand + product line + count + calibre ("Federal HST 9mm 147gr 50rds", "CCI Mini-Mag
  22LR 100ct", "Remington Slugger 12ga rifled slugs 5rd"), where the brand alone would be a gun maker;
* terse ammunition titles ("ammo", "Ammo for mike_88", "custom ammo order", "ammo part 2", "100pcs .22LR RN");
* improvised-gun and home-workshop manuals in short titles ("Home Workshop Guns", "The zip gun manual");
* bare part titles behind market boilerplate ("Customer listing: silencer", "Silencer 9mm (FE)",
  "oil filter adapter 1/2x28").

Each spec composes the whole title in Python (`T`) and the description (`D`, empty in ~64% of rows) and
hands them to generate.py as one-slot templates. `wrap()` adds the market boilerplate ("(Full Escrow)",
"FE", "[ESCROW]", "multisig", "Pt.2", "restock", "USA 2-3 days", "PRICE SLASHED", "custom listing for X:")
and `short_desc()` the description shape; pools_round3_neg.py uses the same two functions at the same
rates, so neither boilerplate nor description length says "gun".
"""

import re

import pools_i18n

ALL5 = ("en", "de", "ru", "es", "fr")

# --------------------------------------------------------------------------- helpers shared with the negatives

_BR = re.compile(r"\{([^{}]*)\}")


def pick(R, xs):
    return xs[R.randrange(len(xs))]


def fill(R, tpl, slots, cache=None):
    """`{name}` takes a slot (list: one item; callable: called with R), `{a|b|}` picks an alternative,
    `{?text}` keeps text half of the time. One value per slot per call, or per `cache` when given (so a
    title and its description agree on counts and doses)."""
    if cache is None:
        cache = {}

    def one(m):
        k = m.group(1)
        if k in slots:
            if k not in cache:
                v = slots[k]
                if callable(v):
                    v = v(R)
                if isinstance(v, (list, tuple)):
                    v = pick(R, v)
                cache[k] = str(v)
            return cache[k]
        if k.startswith("?"):
            return k[1:] if R.random() < 0.5 else ""
        if "|" in k:
            return pick(R, k.split("|"))
        raise KeyError("unknown slot %r in %r" % (k, tpl))

    for _ in range(12):
        if "{" not in tpl:
            break
        tpl = _BR.sub(one, tpl)
    tpl = re.sub(r"[ \t]+", " ", tpl)
    tpl = re.sub(r"\(\s*\)|\[\s*\]", "", tpl)
    tpl = re.sub(r" +([,)\]])", r"\1", tpl)
    return tpl.strip(" -|,/")


BUYERS = ["J.", "K.", "Mike", "mike_88", "jdawg", "Ghost", "buyer 4471", "vlad", "Sergei", "RiverRat", "blaze420",
          "DarkRider", "tom_1987", "Big Al", "kev", "Marco", "user8812", "B.", "Dmitri", "H4wk", "old_timer", "S.K.",
          "frosty", "NorthStar", "Danny B", "whitefang", "Loki", "Kasper", "Nico", "R.M.", "Jay", "customer 2231",
          "T.", "smokey", "Anon77", "benji", "Lukas", "mr_green", "papa_bear", "zed", "Andrej", "Pablo", "Chris P.",
          "silentbob", "Oleg", "kappa", "Hank", "trucker99", "M.", "nighthawk", "Juan C.", "Pierre", "Klaus"]
CTRY = ["US", "USA", "UK", "EU", "DE", "NL", "BE", "FR", "CZ", "PL", "AT", "SE", "ES", "IT", "RU", "UA", "RS", "CA"]

PRE = {
    "any": ["[ESCROW]", "(FE)", "FE", "[FE]", "FE -", "FE |", "Multisig", "[MULTISIG]", "RESTOCK", "RESTOCK:", "Restocked -",
            "PRICE SLASHED", "PRICE SLASHED!!", "*PRICE DROP*", "NEW", "NEW!", "[NEW]", "HOT", "🔥", "🔥🔥", "✅", "⭐",
            "[USA]", "[EU]", "[UK]", "USA>USA", "Customer listing:", "Customer listing -", "Re-list:", "Relisted:",
            "SALE", "Limited:", "[VERIFIED]", "(Escrow)", "[TOP]", "BEST PRICE", "**", "|| FE ||", "[Full Escrow]",
            "IN STOCK:", "Listing #%d:", "#%d"],
    "de": ["(Treuhand)", "Treuhand |", "NEU", "Nachschub:", "PREIS GESENKT", "[DE]", "Angebot:"],
    "ru": ["(гарант)", "Гарант |", "НОВОЕ", "Поступление:", "СКИДКА", "[РФ]", "В наличии:"],
    "es": ["(escrow)", "NUEVO", "Reposición:", "PRECIO REBAJADO", "[ES]", "Oferta:"],
    "fr": ["(escrow)", "NOUVEAU", "Réassort :", "PRIX CASSÉ", "[FR]", "Promo :"],
}
SUF = {
    "any": ["(Full Escrow)", "(FULL ESCROW)", "- Full Escrow", "(FE)", "FE", "- FE", "[FE]", "[ESCROW]", "- escrow",
            "(escrow only)", "multisig", "[multisig]", "- multisig ok", "Pt.1", "Pt.2", "pt 2", "Part 1", "(part 2)",
            "[2/2]", "restock", "- restock", "(restocked)", "USA 2-3 days", "- USA 2-3 days", "| US to US 2-3 days",
            "EU 3-5 days", "UK next day", "- ships 24h", "PRICE SLASHED", "| PRICE SLASHED", "- price drop",
            "(price drop)", "- LAST ONE", "x1", "- in stock", "[tracked]", "- free shipping", "🔥", "✅", "!!", "(reship)",
            "- DE > EU", "NL > WW", "- ships from %s", "[%s]", "(%s only)", "- bulk discount", "*SALE*", "(read desc)"],
    "de": ["(Treuhand)", "- nur Treuhand", "Teil 2", "Versand DE 1-2 Tage", "- PREIS GESENKT", "- wieder da"],
    "ru": ["(гарант)", "- через гаранта", "Часть 2", "- отправка 2-3 дня", "- СКИДКА", "- снова в наличии"],
    "es": ["(escrow)", "- solo escrow", "Parte 2", "- envío 24h", "- PRECIO REBAJADO", "- reposición"],
    "fr": ["(escrow)", "- escrow uniquement", "Partie 2", "- envoi 48h", "- PRIX CASSÉ", "- réassort"],
}
CUSTOM = {
    "en": ["Custom listing for %s:", "custom listing for %s -", "Custom for %s -", "%s custom order:", "For %s:",
           "Listing for %s -", "Private listing (%s):", "Reserved for %s -"],
    "de": ["Individuell für %s:", "Für %s -"],
    "ru": ["Для %s:", "Индивидуально для %s -"],
    "es": ["Para %s:", "Pedido de %s -"],
    "fr": ["Pour %s :", "Commande de %s -"],
}


def _tag(R, s):
    if "%d" in s:
        return s % R.randint(2, 480)
    if "%s" in s:
        return s % pick(R, CTRY)
    return s


def wrap(R, core, lang):
    """Market boilerplate around a title, at the same rates for positives and negatives."""
    x = R.random()
    if x < 0.42:
        return core
    loc = lang if lang != "en" else "any"

    def pre():
        pool = PRE[loc] if (loc != "any" and R.random() < 0.5) else PRE["any"]
        return _tag(R, pick(R, pool))

    def suf():
        pool = SUF[loc] if (loc != "any" and R.random() < 0.5) else SUF["any"]
        return _tag(R, pick(R, pool))

    if x < 0.49:
        c = pick(R, CUSTOM.get(lang) if R.random() < 0.6 else CUSTOM["en"]) % pick(R, BUYERS)
        t = c + " " + core
        return t + " " + suf() if R.random() < 0.3 else t
    if x < 0.64:
        return pre() + " " + core
    if x < 0.9:
        return core + " " + suf()
    return pre() + " " + core + " " + suf()


BP = {
    "en": ["Escrow only.", "FE.", "Full escrow.", "FE for regulars only.", "Multisig available.", "Ships in 24h.",
           "USA 2-3 days.", "Tracked.", "PM before ordering.", "Read profile.", "Stealth shipping.", "Restocked.",
           "Price slashed this week.", "Limited stock.", "No refunds.", "Reship if lost.", "Part 2 of the order.",
           "Pay shipping separately.", "Bulk discount, message me.", "BTC / XMR.", "Escrow or multisig.",
           "Custom orders welcome.", "Same day dispatch.", "Leave feedback.", "As discussed.", "See pics.",
           "Next day delivery.", "Ships from {ctry}.", "{ctry} only.", "Worldwide.", "Read terms.", "DM me.",
           "Only for {b}.", "Relisted.", "2 in stock.", "Last one.", "Price is firm.", "Finalize on arrival."],
    "de": ["Nur Treuhand.", "Versand in 24h.", "Versand aus {ctry}.", "Profil lesen.", "Wie besprochen.",
           "Diskreter Versand.", "Wieder auf Lager.", "Keine Rückerstattung.", "Schreib mir vorher."],
    "ru": ["Только через гаранта.", "Отправка за 24 часа.", "Читайте профиль.", "Как договаривались.",
           "Скрытая упаковка.", "Снова в наличии.", "Пишите в ЛС.", "Без возврата."],
    "es": ["Solo escrow.", "Envío en 24h.", "Lee mi perfil.", "Como acordamos.", "Envío discreto.",
           "Repuesto.", "Escríbeme antes.", "Sin reembolsos."],
    "fr": ["Escrow uniquement.", "Envoi sous 24h.", "Lisez mon profil.", "Comme convenu.", "Envoi discret.",
           "De retour en stock.", "Contactez-moi avant.", "Pas de remboursement."],
}


def short_desc(R, lang, item):
    """Empty in ~64% of rows, boilerplate only in ~18%, one or two item lines (+ maybe boilerplate) otherwise.
    `item` is a list of ready strings (or templates over {ctry} / {b})."""
    x = R.random()
    if x < 0.64:
        return ""
    bp = BP.get(lang) or BP["en"]
    if x < 0.82 or not item:
        parts = R.sample(bp, R.randint(1, 2))
    else:
        parts = R.sample(item, min(len(item), R.randint(1, 2)))
        if R.random() < 0.35:
            parts.append(pick(R, bp))
        R.shuffle(parts)
    s = pick(R, [" ", " ", "\n", " - "]).join(parts)
    return fill(R, s, {"ctry": CTRY, "b": BUYERS}).replace("{", "(").replace("}", ")")


# Earlier rounds put escrow / multi-part tags on gun titles more often than on others; the round-3
# negatives add one of these with probability `balance` so that, over the whole corpus, the share of
# titles with "escrow", "FE", "multisig" or "Pt.N" is about the same for positives and negatives.
BALANCE = ["(Full Escrow)", "[ESCROW]", "- escrow", "(escrow only)", "Escrow", "[Full Escrow]", "Pt.2", "Pt.1", "part 2",
           "(part 1 of 2)", "multisig", "pt 2", "FE"]


def mkspec(name, n, labels, make, cats, price, domain, langs=ALL5, unclear=False, balance=0.0):
    """`make(R, lang) -> (title, description_items)`; the title gets `wrap`, the description `short_desc`."""

    def slotter(R, lang):
        core, item = make(R, lang)
        t = wrap(R, core, lang)
        if balance and R.random() < balance:
            t = t + " " + pick(R, BALANCE)
        t = t.replace("{", "(").replace("}", ")")
        return {"T": t, "D": short_desc(R, lang, item), "_labels": [], "_qty_mult": 1.0}

    for lg in langs:
        if lg != "en":
            pools_i18n.N[name] = pools_i18n.N.get(name, {})
            pools_i18n.N[name][lg] = {"titles": ["{T}"], "desc": []}
    s = {"name": name, "n": n, "labels": labels, "slotter": slotter, "titles": ["{T}"], "desc": [],
         "desc_fn": lambda R, lang, loc, slots: slots["D"], "cats": cats, "price": price, "domain": domain,
         "langs": list(langs), "obf": 0.04, "multipart": 0.05}
    if unclear:
        s["unclear"] = True
    return s


# --------------------------------------------------------------------------- 1. firearms: model + variant tags

# "names | variant tags | calibres"; names are ways of writing the model, "@g" = the Glock generations
_GV = """
Glock 17, G17, Glock17, G-17, glock 17 | @g, Gen 3 two tone, Gen 5 FS, Gen 4 MOS, 17L | 9mm, 9x19
Glock 19, G19, Glock19, G-19, glock 19 | @g, Gen 3 Blue Label, Gen 5 Front Serrations, Gen 3 OD green | 9mm, 9x19
Glock 19X, G19X, glock 19x | coyote, FDE, black, Gen 5 | 9mm
Glock 26, G26, glock 26, Glock26 | @g, baby Glock | 9mm
Glock 43, G43, glock 43 | black, slimline, FDE, MOS | 9mm
Glock 43X, G43X, glock 43x | MOS, rail, black, silver slide, FDE, two tone | 9mm
Glock 48, G48, glock 48 | MOS, black, silver slide, rail | 9mm
Glock 45, G45, glock 45 | MOS, black, Gen 5 | 9mm
Glock 34, G34 | @g, MOS, competition | 9mm
Glock 22, G22 | @g, police trade-in | .40 S&W, .40
Glock 23, G23, glock 23 | @g, police trade-in | .40 S&W, .40
Glock 27, G27 | @g | .40
Glock 21, G21 | @g, SF | .45 ACP, .45
Glock 30, G30 | @g, SF, S | .45 ACP
Glock 20, G20 | @g, SF, MOS | 10mm
Glock 29, G29 | @g, SF | 10mm
Glock 42, G42 | black, FDE, two tone | .380
Glock 18, G18 | select-fire, full auto, Gen 3, Gen 4 | 9mm
Sig P365, Sig Sauer P365, SIG P365, P365 | XL, X, X-Macro, SAS, Spectre, manual safety, FDE, TacPac, Nitron, Rose | 9mm
Sig P320, Sig Sauer P320, P320 | Compact, Carry, Full Size, XFive, X-Carry, AXG, Spectre, Nitron, coyote, M17 | 9mm
Sig P226, Sig Sauer P226, P226 | Legion, Elite, MK25, Nitron, Navy, SAO, TacOps | 9mm, .40 S&W
Sig P229, Sig Sauer P229, P229 | Legion, Elite, Enhanced Elite, Nitron, DAK, SAS | 9mm, .357 SIG
Sig P220, Sig Sauer P220 | Legion, Elite, Carry, Combat | .45 ACP
Sig P238, Sig Sauer P238 | Rosewood, Nightmare, Desert, HD, two tone | .380
Sig P938 | Nightmare, Blackwood, Legion, SAS | 9mm
Sig M17, SIG M17 | coyote, commemorative, surplus | 9mm
Sig P210, SIG P210 | Target, Carry, Legend, Swiss | 9mm
CZ 75, CZ75, CZ-75 | B, BD, SP-01, SP-01 shadow, SP-01 Shadow, Shadow 2, Shadow 2 Orange, Compact, PCR, D PCR, Omega, Tactical Sport, B stainless, Kadet, dual tone | 9mm
CZ Shadow 2, CZ SP-01 Shadow | Orange, black, urban grey, SA, OR, optics ready | 9mm
CZ P-10, CZ P10 | C, F, S, M, C OR, FDE, C urban grey | 9mm
CZ P-07, CZ P07 | black, OD green, Duty | 9mm
CZ P-09 | black, Duty, FDE | 9mm
CZ P-01 | Omega, black | 9mm
CZ 83, CZ83 | nickel, blued | 9x18, .380, 7.65
CZ 97 B, CZ 97B | black, BD | .45 ACP
CZ Scorpion EVO 3, CZ Scorpion, CZ Scorpion Evo | S1, S1 Carbine, S1 pistol, FDE | 9mm
S&W M&P Shield, Smith & Wesson M&P Shield, M&P Shield | 2.0, Plus, EZ, M2.0, Performance Center, thumb safety, no thumb safety, FDE | 9mm, .40
S&W M&P9, M&P9, M&P 9 | M2.0, M2.0 Compact, M2.0 Metal, 2.0 FDE, Performance Center, Core | 9mm
S&W Shield Plus, M&P Shield Plus | OR, thumb safety, FDE, Performance Center | 9mm
S&W Bodyguard 380, Bodyguard 380 | 2.0, w/ laser, black | .380
S&W SD9VE, SD9 VE | two tone, black | 9mm
S&W 686, Smith & Wesson 686, S&W Model 686 | Plus, 4", 6", Performance Center, stainless, 7 shot | .357, .357 Magnum
S&W 629, S&W Model 629 | Classic, Mountain Gun, 6", stainless | .44 Mag
S&W 642, S&W Model 642 | Airweight, CT, no lock | .38 Special, .38 Spl
S&W Model 60, S&W 60 | 3", 2 1/8", stainless | .357, .38
S&W Model 19, S&W 19 | Carry Comp, Classic, 4", vintage | .357
S&W Model 29, S&W 29 | 6.5", nickel, 8 3/8" | .44 Magnum | h
Beretta 92FS, Beretta 92 FS, Beretta 92 | Inox, Brigadier, Vertec, Centurion, Compact, Type M, Italian made, USA made, Elite II, Launch | 9mm
Beretta 92X | Performance, Compact, Centurion, RDO, Full Size | 9mm
Beretta M9 | A1, A3, A4, FDE, 22 | 9mm
Beretta PX4 Storm, Beretta PX4 | Compact, Subcompact, Full, Type F, Carry | 9mm, .40
Beretta APX | A1, A1 Carry, Centurion, Compact, RDO | 9mm
Beretta 84FS, Beretta 84 FS Cheetah, Beretta Cheetah | nickel, blued, wood grips | .380
Beretta 21A Bobcat, Beretta Bobcat | Inox, black | .22, .25
Beretta 1301 | Tactical, Mod 2, Comp | 12ga
Beretta 686 | Silver Pigeon I, Silver Pigeon III, over-under, O/U | 12ga, 20ga
Walther PPK, Walther PPK/S | stainless, Interarms, German made, Manurhin, blued | .380, 7.65
Walther PPQ | M2, Q4, SC, Navy | 9mm
Walther PDP | Compact, Full Size, F-Series, Pro SD, 4", 5" | 9mm
Walther P99 | AS, Final Edition, QA | 9mm
Walther P38, Walther P1 | WWII, ac41, post-war, police | 9mm | h
Walther PPS | M2, LE | 9mm
Walther CCP | M2, black | 9mm
Walther Q5 Match | Steel Frame, SF, Pro | 9mm
HK VP9, H&K VP9, Heckler & Koch VP9 | SK, Tactical, Match, B, OR, LE | 9mm
HK USP, H&K USP | Compact, Tactical, Expert, V1, LEM, Elite | 9mm, .45 ACP, .40
HK P30, H&K P30 | L, SK, V1, V3, LS | 9mm
HK P2000 | SK, V2 LEM | 9mm
HK45, HK 45 | Compact, Tactical, CT | .45 ACP
HK P7M8, HK P7 | M8, PSP, M13 | 9mm
HK MP5, H&K MP5 | A3, SD, K, clone, PDW | 9mm
Ruger LCP | II, Max, Lite Rack, 380 | .380
Ruger LC9s | Pro, black | 9mm
Ruger SR9c | stainless, black | 9mm
Ruger Security-9, Ruger Security 9 | Compact, Pro | 9mm
Ruger Max-9 | Pro, OR | 9mm
Ruger GP100 | 4.2", 6", Wiley Clapp, stainless, 7 shot | .357
Ruger SP101 | 2.25", 3", stainless | .357
Ruger LCR | 38, x, 3", black | .38 Spl, .357
Ruger Super Redhawk | Alaskan, 7.5" | .44 Mag
Ruger Mark IV | 22/45, 22/45 Lite, Tactical, Target, Hunter | .22 LR
Ruger 10/22 | Carbine, Takedown, Tactical, stainless, Sporter | .22 LR, 22lr
Ruger Mini-14 | Ranch, Tactical, stainless | .223, 5.56
Ruger PC Carbine | chassis, takedown | 9mm
Springfield Hellcat, Hellcat | Pro, RDP, OSP, Micro-Compact, FDE | 9mm
Springfield XD-S, XD-S | Mod.2, 3.3", OSP | 9mm, .45
Springfield XD-M, XDM | Elite, OSP, Compact, 4.5" | 9mm
Springfield XD | Mod.2, Subcompact, Service, Tactical | 9mm, .40
Springfield Echelon | 4.5F, OSP | 9mm
Springfield 1911 | Mil-Spec, Range Officer, Ronin, Loaded, Garrison, Prodigy | .45 ACP, 9mm
Colt Python | 2020, 4.25", 6", 1978, blued | .357
Colt King Cobra | Carry, Target, 3" | .357
Colt Cobra | 2017, DAO, 2" | .38 Special
Colt Detective Special | 1970s, blued, nickel | .38 Spl | h
Colt 1911, Colt Government | Series 70, Series 80, Commander, Gold Cup, Lightweight Commander | .45 ACP
Colt Delta Elite | stainless, 2nd gen | 10mm
Colt SAA, Colt Single Action Army | 2nd gen, 3rd gen, nickel, 4 3/4" | .45 LC | h
Taurus G2C | black, two tone, Gen 2 | 9mm
Taurus G3C | T.O.R.O., black, tan | 9mm
Taurus G3 | Tactical, T.O.R.O., two tone | 9mm
Taurus G3X | Viridian, black | 9mm
Taurus GX4 | XL, T.O.R.O., Carry | 9mm
Taurus PT92 | AF, stainless, two tone | 9mm
Taurus Judge | Public Defender, Magnum, stainless | .45 LC/.410
Taurus 856 | Defender, Ultra-Lite, 2" | .38 Spl
Taurus 605 | stainless, 2" | .357
Taurus TX22 | Competition, black | .22 LR
FN 509 | Tactical, Compact, Midsize, LS Edge, FDE | 9mm
FN FNX-45, FNX-45 | Tactical, FDE | .45 ACP
FN Five-seveN, Five-seveN, FN 57 | MK2, MK3, FDE | 5.7x28
FN Hi-Power, Browning Hi-Power, Hi Power | 2022, Belgian, Mk III, Mark II, Capitan | 9mm
Canik TP9SF, TP9SF | Elite, Elite Combat, SFx, One Series | 9mm
Canik METE | SFx, SFT, MC9 | 9mm
Canik Rival | S, Dark Side | 9mm
Makarov PM, Makarov, PM | Bulgarian, East German, Russian, 1960, 1974, w/ holster | 9x18 | h
Tokarev TT-33, Tokarev, TT-33, TT | Russian, 1944, Yugo M57, Romanian, Tula | 7.62x25 | h
Nagant M1895, Nagant revolver, Nagant | 1944 Tula, Izhevsk, 1930 | 7.62x38R | h
Stechkin APS, APS | select-fire, 1955 | 9x18 | h
Hi-Point C9, Hi Point C9 | YC9, black | 9mm
Kel-Tec PF9, Keltec PF9 | black | 9mm
Kel-Tec Sub-2000, Sub 2000 | Gen 2, Gen 3, Glock mags | 9mm
Bersa Thunder 380, Bersa 380 | CC, Plus, nickel, duo-tone | .380
Desert Eagle, Desert Eagle Mark XIX, Deagle | .50 AE, .44 Mag, Black, Titanium Gold, Brushed Chrome, L5 | .50 AE, .357
Jericho 941, Jericho | F, PSL, RS9, FS | 9mm
Tanfoglio Witness | Compact, Stock II, Elite Match, Force | 9mm, .45
Luger P08, Luger | DWM, 1940 Mauser, 1917 | 9mm | h
Mauser C96 | Broomhandle, Red 9, M1932 | 7.63 Mauser | h
Uzi, IWI Uzi | Pro, Mini, Micro, IMI, select-fire | 9mm
Tec-9, TEC-9 | DC9, AB-10, KG-99 | 9mm
MAC-10, MAC 10 | M10, M-10A1, select-fire | .45 ACP, 9mm
Skorpion vz. 61, Skorpion vz61, Skorpion | Czech, select-fire, semi-auto | 7.65, .32 ACP | h
Beretta 93R | select-fire, 3-round burst | 9mm
AK-47, AK47 | Romanian, Bulgarian, Polish, underfolder, milled, full auto | 7.62x39
AKM, AKMS | Polish, Yugo, underfolder, Russian | 7.62x39
AK-74, AKS-74 | Bulgarian, full auto, Russian | 5.45x39
AKS-74U, Krinkov | select-fire, Russian | 5.45x39
WASR-10, WASR | Romanian, GP WASR, wood | 7.62x39
Saiga 12, Saiga-12 | Izhmash, converted, 2011 | 12ga
Vz 58, Sa vz. 58, VZ58 | Compact, Sporter, P, V | 7.62x39
SKS | Yugo, Chinese, Russian, Albanian, Tula 1953 | 7.62x39 | h
Mosin Nagant 91/30, Mosin 91/30, Mosin M44 | 1942 Izhevsk, hex receiver, sniper | 7.62x54R | h
Remington 870 | Express, Wingmaster, Tactical, Police Magnum, Express Synthetic, Marine Magnum | 12ga, 12 gauge
Mossberg 500 | Persuader, Cruiser, Field, Flex, Bantam, Tactical | 12ga, 20ga
Mossberg 590A1, Mossberg 590 | Retrograde, SPX, 9-shot, Shockwave, M | 12ga
Maverick 88, Mossberg Maverick 88 | Security, 18.5", pump | 12ga
Benelli M4 | Tactical, H2O, Entry | 12ga
Benelli Nova | Tactical, pump | 12ga
Baikal IZh-27, IZh-27, Baikal MP-27 | over-under, O/U, E, EM | 12ga
Baikal MP-153, MP-153 | semi-auto, 3.5" | 12ga
Winchester SXP | Defender, Marine Defender, Trap | 12ga
Winchester 1300 | Defender, Marine, Speed Pump | 12ga
Winchester Model 70, Winchester 70 | Featherweight, Super Grade, pre-64 | .308, .30-06
Winchester Model 94, Winchester 94 | Trapper, pre-64 | .30-30 | h
Marlin 336 | C, W, SC | .30-30
Henry Golden Boy | Youth, engraved | .22 LR
Colt LE6920, LE6920 | Magpul, MOE | 5.56
AR-15, AR15 | PSA, BCM, Aero Precision, 16", 14.5" pinned, A2, M4gery | 5.56, .223
Daniel Defense DDM4, DDM4 | V7, MK18, V11 | 5.56
FN SCAR 17S, SCAR 17S | FDE, black, NRCH | .308
Steyr AUG | A3, A3 M1, NATO | 5.56
Tavor X95, IWI Tavor | FDE, black, SAR | 5.56
Kel-Tec KSG | Tactical, black, OD | 12ga
Tikka T3x | Lite, CTR, TAC A1 | .308, 6.5 Creedmoor
Remington 700 | SPS Tactical, ADL, BDL, 5R, Police | .308
Savage Axis, Savage Axis II | XP, .308 | .308, .243
Ruger American | Predator, Ranch, Hunter | .308, 6.5 Creedmoor
Browning Citori | over-under, 725, White Lightning | 12ga, 20ga
Stoeger Coach Gun, Stoeger | double barrel, side-by-side, Supreme | 12ga, 20ga
Ithaca 37 | Defense, Featherlight, riot | 12ga | h
Lee-Enfield No.4, Enfield No.4 Mk1 | 1943, Long Branch, Savage | .303 | h
K98k, Mauser K98k, Kar98k | 1943, byf 43, RC, Russian capture | 8mm | h
M1 Garand, Garand | Springfield Armory, CMP, 1943 | .30-06 | h
M1 Carbine | Inland, Auto-Ordnance, Rock-Ola | .30 Carbine | h
Thompson M1A1, Thompson 1927A1, Tommy gun | semi-auto, select-fire, Auto-Ordnance | .45 ACP | h
PPSh-41, PPSH | select-fire, drum, 1943 | 7.62x25 | h
Sten Mk II, Sten | select-fire, semi | 9mm | h
"""
GLOCK_GEN = ["Gen 3", "Gen3", "gen 3", "gen3", "Gen 4", "Gen4", "gen 4", "gen4", "Gen 5", "Gen5", "gen 5", "gen5", "G5",
             "Gen 5 MOS", "Gen 4 MOS", "Gen 2", "Gen 3 two tone", "Gen 4 two tone", "Gen 5 FDE", "gen5 FDE",
             "Gen 5 black", "Gen 4 FDE", "Gen 3 FDE", "gen 4 two tone", "Gen5 OD green", "Gen 4 Blue Label"]


def _parse_gv():
    out = []
    for line in _GV.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        names, tags, cals = parts[:3]
        hist = len(parts) > 3 and "h" in parts[3]
        tag_list = []
        for t in tags.split(","):
            t = t.strip()
            if t == "@g":
                tag_list += GLOCK_GEN
            elif t:
                tag_list.append(t)
        out.append(([n.strip() for n in names.split(",")], tag_list, [c.strip() for c in cals.split(",")], hist))
    return out


GV = _parse_gv()
assert len(GV) > 150, len(GV)

FIN = ["two tone", "two-tone", "2-tone", "FDE", "fde", "OD green", "ODG", "black", "all black", "blacked out", "Cerakote",
       "tan", "coyote", "grey", "sniper grey", "battleworn", "stainless", "SS", "inox", "nickel", "chrome", "blued",
       "satin", "bronze", "custom Cerakote", "tiffany blue", "pink", "camo"]
FIN_H = ["blued", "original finish", "refinished", "nickel", "wood stock", "original bluing", "Bakelite grips", "wood grips",
         "matching numbers", "all matching", "arsenal refurb", "import marked", "no import marks", "parkerized"]
TAG2_H = ["matching numbers", "all original", "w/ holster", "w/ cleaning rod", "w/ original holster", "collector grade",
          "bring-back", "surplus", "war trophy", "unissued", "arsenal refurb"]
TAG2 = ["optics ready", "OR", "w/ night sights", "night sights", "w/ RMR", "w/ red dot", "TALO", "LE", "police trade-in",
        "PTI", "compact", "full size", "subcompact", "slim", "ported", "custom", "stippled", "match grade", "w/ light"]
COND = {
    "en": ["new", "NIB", "LNIB", "new in box", "used", "like new", "mint", "95%", "excellent", "very good", "good",
           "fair", "unfired", "lightly used", "range gun", "pre-owned", "surplus", "clean", "brand new", "factory new",
           "test fired only", "w/ box", "boxed"],
    "de": ["neu", "neuwertig", "gebraucht", "wie neu", "Zustand 1", "Zustand 2", "unbenutzt", "OVP", "sehr gut"],
    "ru": ["новый", "б/у", "как новый", "в коробке", "отличное состояние", "хорошее состояние", "муха не сидела"],
    "es": ["nueva", "usada", "como nueva", "en caja", "impecable", "buen estado", "sin uso"],
    "fr": ["neuf", "occasion", "comme neuf", "en boîte", "excellent état", "bon état", "jamais tiré"],
}
INCL = {
    "en": ["2 mags", "3 mags", "box", "box and 2 mags", "holster", "case", "2 mags + holster", "1 mag", "box & papers",
           "4 mags", "spare mag", "speedloader", "soft case", "hard case"],
    "de": ["2 Magazinen", "Koffer", "Holster", "OVP und 2 Magazinen", "Ersatzmagazin"],
    "ru": ["2 магазинами", "кобурой", "коробкой", "запасным магазином"],
    "es": ["2 cargadores", "funda", "caja", "caja y 2 cargadores"],
    "fr": ["2 chargeurs", "holster", "mallette", "boîte et 2 chargeurs"],
}
WITH = {"en": ["w/", "with", "+", "incl."], "de": ["mit", "inkl.", "+"], "ru": ["с", "+"], "es": ["con", "+"],
        "fr": ["avec", "+"]}
GV_T = [
    "{n} {x}", "{n} {x}", "{n} {x}", "{n} {x}", "{n}", "{n} {x} {f}", "{n} {f}", "{n} {x} {c}", "{n} {c}", "{c} {n} {x}",
    "{n} {x} {cal}", "{n} {cal} {x}", "{n} {x} - {c}", "{n} {x} ({c})", "{n} {f} {x}", "{n} {x} {f} {c}",
    "{n} {x} {w} {i}", "{n} {x} {f} {w} {i}", "{n} - {x} - {f}", "{n} {x} | {cal} | {c}", "{n} ({x}, {f})",
    "{n} {x} {cal} {f}", "{n} {x} {t2}", "{n} {t2}", "{n} {x} {t2} {f}", "{c} {n}", "{n} {x}, {c}", "{n}-{x}",
    "{n} {x} {?NEW}", "{n} {x} {f} {?clean}", "{cal} {n} {x}", "1x {n} {x}", "{n} {x} x1",
]


def gv_make(R, lang):
    names, tags, cals, hist = pick(R, GV)
    n = pick(R, names)
    x = pick(R, tags)
    cal = pick(R, cals)
    if R.random() < 0.08:
        n = n.lower()
    slots = {"n": n, "x": x, "cal": cal, "f": FIN_H if hist else FIN, "t2": TAG2_H if hist else TAG2,
             "c": COND.get(lang, COND["en"]),
             "i": INCL.get(lang, INCL["en"]), "w": WITH.get(lang, WITH["en"])}
    if lang != "en" and R.random() < 0.3:
        slots["c"] = COND["en"]
    title = fill(R, pick(R, GV_T), slots)
    item = {
        "en": ["Calibre %s." % cal, "%s." % x, "Comes with %s." % pick(R, INCL["en"]), "Condition: %s." % pick(R, COND["en"]),
               "Serial intact.", "No papers.", "Test fired.", "Real steel.", "Runs 100%.", "Original, not a clone.", "Clean."],
        "de": ["Kaliber %s." % cal, "Zustand: %s." % pick(R, COND["de"]), "Mit %s." % pick(R, INCL["de"]), "Eingeschossen."],
        "ru": ["Калибр %s." % cal, "Состояние: %s." % pick(R, COND["ru"]), "Отстрелян.", "Без документов."],
        "es": ["Calibre %s." % cal, "Estado: %s." % pick(R, COND["es"]), "Probada.", "Sin papeles."],
        "fr": ["Calibre %s." % cal, "État : %s." % pick(R, COND["fr"]), "Testé.", "Sans papiers."],
    }[lang]
    return title, item


# --------------------------------------------------------------------------- 2. firearms: type word + calibre, no maker

GT = {  # class -> (type words per language, calibres per language)
    "pistol": {
        "en": ["pistol", "pistol", "pistol", "handgun", "semi-auto pistol", "semi auto pistol", "pocket pistol",
               "compact pistol", "service pistol", "sidearm", "piece", "strap", "burner", "auto pistol", "machine pistol",
               "full-auto pistol", "select-fire pistol", "handgun (semi-auto)", "carry pistol", "pistol w/ 2 mags"],
        "de": ["Pistole", "Pistole", "Selbstladepistole", "Kurzwaffe", "Faustfeuerwaffe", "Taschenpistole", "Dienstpistole",
               "scharfe Pistole", "Maschinenpistole"],
        "ru": ["пистолет", "пистолет", "боевой пистолет", "ствол", "самозарядный пистолет", "короткоствол",
               "автоматический пистолет"],
        "es": ["pistola", "pistola", "pistola semiautomática", "arma corta", "escuadra", "fierro", "pistola de bolsillo",
               "cuete"],
        "fr": ["pistolet", "pistolet", "pistolet semi-automatique", "arme de poing", "flingue", "pistolet de poche",
               "arme de poing semi-auto"],
    },
    "revolver": {
        "en": ["revolver", "revolver", "snub nose revolver", "snubby", "snub", "wheelgun", "6-shot revolver",
               "5 shot revolver", "double action revolver", "single action revolver", "pocket revolver", "wheel gun"],
        "de": ["Revolver", "Revolver", "Taschenrevolver", "Trommelrevolver"],
        "ru": ["револьвер", "револьвер", "наган"],
        "es": ["revólver", "revolver", "revólver de bolsillo"],
        "fr": ["revolver", "révolver", "revolver de poche"],
    },
    "rifle": {
        "en": ["rifle", "rifle", "bolt action rifle", "bolt-action", "hunting rifle", "semi-auto rifle", "lever action",
               "lever-action rifle", "carbine", "select-fire rifle", "full-auto rifle", "assault rifle", "sniper rifle",
               "varmint rifle", "single shot rifle", "plinker", "battle rifle", "semi auto carbine"],
        "de": ["Gewehr", "Büchse", "Repetierbüchse", "Karabiner", "Selbstladebüchse", "Sturmgewehr", "Kleinkalibergewehr",
               "Jagdgewehr"],
        "ru": ["винтовка", "карабин", "нарезной карабин", "мелкашка", "автомат", "снайперская винтовка", "охотничий карабин"],
        "es": ["rifle", "carabina", "fusil", "fusil de cerrojo", "rifle semiautomático", "fusil de asalto", "rifle de caza"],
        "fr": ["carabine", "fusil", "fusil à verrou", "carabine semi-automatique", "fusil d'assaut", "carabine à levier",
               "carabine de chasse"],
    },
    "shotgun": {
        "en": ["shotgun", "shotgun", "pump shotgun", "pump-action shotgun", "pump", "pump action", "semi-auto shotgun",
               "double-barrel shotgun", "double barrel", "double barrel shotgun", "side-by-side", "SxS shotgun",
               "over-under", "over/under shotgun", "O/U shotgun", "single shot", "single-shot shotgun",
               "break-action shotgun", "sawn-off shotgun", "sawn off", "sawed-off shotgun", "sawed off",
               "sawed-off double barrel", "sawn-off pump", "coach gun", "riot gun", "tactical shotgun", "bullpup shotgun",
               "short barrel shotgun", "semi auto shotgun", "full-auto shotgun", "hunting shotgun"],
        "de": ["Flinte", "Schrotflinte", "Pumpgun", "Vorderschaftrepetierflinte", "Doppelflinte", "Bockflinte",
               "abgesägte Schrotflinte", "Einzellader-Flinte", "Selbstladeflinte", "Querflinte"],
        "ru": ["ружьё", "ружье", "двустволка", "обрез", "обрез двустволки", "обрез ружья", "помповое ружьё", "помпа",
               "вертикалка", "горизонталка", "одностволка", "гладкоствольное ружьё", "полуавтомат"],
        "es": ["escopeta", "escopeta", "escopeta de corredera", "escopeta recortada", "escopeta de dos cañones",
               "escopeta superpuesta", "escopeta paralela", "escopeta de un tiro", "escopeta semiautomática", "recortada"],
        "fr": ["fusil à pompe", "fusil de chasse", "fusil juxtaposé", "fusil superposé", "fusil à canon scié",
               "canon scié", "fusil à canons sciés", "fusil semi-automatique", "fusil à un coup", "fusil de chasse"],
    },
    "smg": {
        "en": ["SMG", "submachine gun", "sub machine gun", "sub-machine gun", "machine pistol", "full-auto SMG",
               "select-fire SMG", "PCC", "pistol caliber carbine", "full auto", "auto SMG", "SMG (select fire)"],
        "de": ["Maschinenpistole", "MP", "vollautomatische MP"],
        "ru": ["пистолет-пулемёт", "пистолет-пулемет", "ПП"],
        "es": ["subfusil", "subametralladora", "metralleta", "pistola ametralladora"],
        "fr": ["pistolet-mitrailleur", "mitraillette", "PM"],
    },
}
GT_CAL = {
    "pistol": {"en": ["9mm", "9mm", "9mm", ".380", "380", ".45", ".45 ACP", "45", ".40", "40 cal", ".22lr", ".22 LR", "22lr",
                      ".25 ACP", ".25", ".32", ".32 ACP", "7.65mm", "9x18", "7.62x25", "10mm", "9x19", "9 mil"],
               "de": ["9mm", "9x19", "Kal. 7,65", "7,65 Browning", "6,35mm", ".22 lfB", ".45 ACP", ".380", "9mm kurz"],
               "ru": ["9мм", "9х18", "9x19", "7.62х25", "7.65", ".45", "9 мм"],
               "es": ["9mm", ".380", ".45", "calibre .22", ".40", "9 milímetros", "calibre 7.65"],
               "fr": ["9mm", "7.65", "calibre 7.65", ".22LR", ".45 ACP", "6.35", "9 mm"]},
    "revolver": {"en": [".38", ".38 Special", "38 spl", ".357", "357 mag", ".32", ".32 S&W", ".22", ".22lr", ".44 Mag",
                        ".45 Colt", "7.62 Nagant", ".22 WMR", ".38 S&W", ".357 Magnum"],
                 "de": [".38 Spezial", ".357 Mag", ".22 lfB", ".32", "Kal. .38", ".44 Magnum"],
                 "ru": ["7.62", "7.62х38", ".38", ".357", "9мм"],
                 "es": [".38", "calibre .38", ".357", ".22", ".32"],
                 "fr": [".38", ".357 Magnum", "cal. .38", ".22LR", ".32"]},
    "rifle": {"en": [".22lr", ".22 LR", ".223", "5.56", "7.62x39", ".308", "308", ".30-06", "6.5 Creedmoor", ".243",
                     ".270", ".30-30", "7.62x54R", ".300 BLK", ".22 WMR", ".17 HMR", "8mm Mauser", ".303", "5.45x39"],
              "de": [".22 lfB", ".223 Rem", "7,62x39", ".308 Win", "8x57 IS", ".30-06", "7x64", "9,3x62"],
              "ru": ["7.62х39", "5.45х39", "7.62х54", ".308", ".22", ".223", "9.6х53"],
              "es": [".22", ".223", "7.62x39", ".308", ".30-06", "calibre .22", "7mm"],
              "fr": ["22LR", ".223", "7.62x39", ".308", ".30-06", "calibre 22", "7x64"]},
    "shotgun": {"en": ["12ga", "12 gauge", "12g", "12ga", "20ga", "20 gauge", "16ga", ".410", "410", "28ga", "12 ga",
                       "12 bore", "410 bore", "10 gauge"],
                "de": ["12/70", "Kal. 12", "12/76", "16/70", "20/70", ".410", "Kaliber 12"],
                "ru": ["12 калибр", "12к", "12 кал.", "16 калибр", "20 калибр", "12/70", "16к"],
                "es": ["calibre 12", "cal. 12", "calibre 20", "calibre 16", ".410", "12/70"],
                "fr": ["calibre 12", "cal.12", "calibre 16", "calibre 20", ".410", "12/70"]},
    "smg": {"en": ["9mm", "9mm", ".45", ".45 ACP", ".22", ".380", "5.7x28", ".32", "9x19", "7.62x25"],
            "de": ["9mm", "9x19", ".45", "7,65"],
            "ru": ["9мм", "9х19", "9х18", "7.62х25"],
            "es": ["9mm", ".45", "9x19"],
            "fr": ["9mm", ".45", "9x19"]},
}
GT_W = {"pistol": 10, "revolver": 5, "rifle": 6, "shotgun": 8, "smg": 3}
GT_ADJ = {
    "en": ["old", "used", "new", "unmarked", "no serial", "clean", "working", "reliable", "compact", "vintage", "WWII",
           "surplus", "Soviet", "Czech", "Turkish", "Chinese", "Spanish", "Belgian", "Italian", "Brazilian", "Argentine",
           "Balkan", "Yugo", "Eastern bloc", "no-name", "unbranded", "police surplus", "military", "antique", "ex-police",
           "blued", "nickel", "stainless", "chrome", "rusty but working", "cheap", "small", "homemade", "clean, no bodies",
           "unknown maker", "Russian", "German", "Austrian", "Polish", "Israeli", "Filipino", "Pakistani (Darra)"],
    "de": ["gebraucht", "neu", "alt", "scharf", "voll funktionsfähig", "ohne Nummer", "unregistriert", "aus Nachlass",
           "Vorkrieg", "Ostblock", "aus Tschechien", "aus Italien", "sauber"],
    "ru": ["б/у", "новый", "рабочий", "чистый", "без номера", "армейский", "советский", "старый", "самодельный",
           "охотничий", "отстрелян", "в смазке"],
    "es": ["usada", "nueva", "limpia", "sin número", "sin registro", "funcional", "vieja", "militar", "barata"],
    "fr": ["occasion", "neuf", "propre", "sans numéro", "fonctionnel", "vieux", "militaire", "pas cher"],
}
GT_SUF = {
    "en": ["w/ 2 mags", "with box", "+ holster", "w/ mag", "gun only", "no ammo", "works perfect",
           "test fired", "shoots straight", "no papers", "no paperwork", "for sale", "available", "in stock", "1 left"],
    "de": ["mit 2 Magazinen", "ohne Munition", "funktioniert", "ohne Papiere", "zu verkaufen", "verfügbar"],
    "ru": ["с магазином", "без патронов", "рабочий", "без документов", "продам", "в наличии"],
    "es": ["con cargador", "sin munición", "funcionando", "sin papeles", "se vende", "disponible"],
    "fr": ["avec chargeur", "sans munitions", "fonctionnel", "sans papiers", "à vendre", "disponible"],
}
GT_T = {
    "en": ["{cal} {t}", "{cal} {t}", "{cal} {t}", "{t} {cal}", "{t} {cal}", "{a} {cal} {t}", "{a} {t} {cal}", "{cal} {t} {s}",
           "{t} ({cal})", "{cal} cal {t}", "{t} in {cal}", "{t} - {cal} - {a}", "{cal} {t} - {s}", "{a} {t}, {cal}",
           "{cal} {t} {a}", "{t} {cal} {s}", "{cal} {a} {t} {s}", "{t}", "{a} {t}", "{cal} {t} {?1x}"],
    "de": ["{t} {cal}", "{t} {cal}", "{t} Kal. {cal}", "{a} {t} {cal}", "{t} {cal} {a}", "{t} {cal} {s}", "{cal} {t}",
           "{t} {cal} - {s}", "{t}"],
    "ru": ["{t} {cal}", "{t} {cal}", "{a} {t} {cal}", "{t} {cal} {a}", "{t} {cal} {s}", "Продам {t} {cal}", "{t} {cal} - {s}",
           "{t}"],
    "es": ["{t} {cal}", "{t} {cal}", "{t} calibre {cal}", "{t} {cal} {a}", "{t} {cal} {s}", "Vendo {t} {cal}", "{t}"],
    "fr": ["{t} {cal}", "{t} {cal}", "{t} calibre {cal}", "{t} {cal} {a}", "{t} {cal} {s}", "Vends {t} {cal}", "{t}"],
}


def gt_make(R, lang):
    keys = list(GT_W)
    x = R.random() * sum(GT_W.values())
    for k in keys:
        x -= GT_W[k]
        if x <= 0:
            break
    t = pick(R, GT[k][lang])
    cal = pick(R, GT_CAL[k][lang])
    slots = {"t": t, "cal": cal, "a": GT_ADJ[lang], "s": GT_SUF[lang]}
    tpl = pick(R, GT_T[lang])
    if tpl in ("{t}", "{a} {t}") and R.random() < 0.7:
        tpl = "{cal} {t}"  # a bare type word is rare; the calibre usually carries the title
    if re.search(r"(calibre|Kal\.) \{cal\}", tpl) and re.match(r"(?i)(cal|kal)", cal):
        tpl = tpl.replace("calibre {cal}", "{cal}").replace("Kal. {cal}", "{cal}")
    title = fill(R, tpl, slots)
    cal = re.sub(r"(?i)^(calibre|cal\.|kal\.)\s*", "", cal)
    item = {
        "en": ["%s, %s." % (t.capitalize(), cal), "Works, test fired.", "Maker unknown, marks worn off.",
               "No maker marks.", "Reliable.", "Old but shoots fine.", "Ammo sold separately.", "Calibre %s." % cal],
        "de": ["Kaliber %s." % cal, "Hersteller unbekannt.", "Funktioniert einwandfrei.", "Munition separat."],
        "ru": ["Калибр %s." % cal, "Производитель неизвестен.", "Рабочий, отстрелян.", "Патроны отдельно."],
        "es": ["Calibre %s." % cal, "Marca desconocida.", "Funciona perfecto.", "Munición aparte."],
        "fr": ["Calibre %s." % cal, "Fabricant inconnu.", "Fonctionne parfaitement.", "Munitions à part."],
    }[lang]
    return title, item


# --------------------------------------------------------------------------- 3. ammunition: brand + product line

AC = {  # calibre key -> (ways to write it, grains)
    "9mm": (["9mm", "9mm", "9mm Luger", "9x19", "9mm Para", "9MM", "9mm Luger +P", "9 Luger"], [115, 124, 147, 135, 150]),
    ".45": ([".45 ACP", "45 ACP", ".45 Auto", "45acp", ".45"], [230, 185, 200]),
    ".40": ([".40 S&W", "40 S&W", ".40", "40sw"], [165, 180, 155]),
    ".380": ([".380 ACP", ".380 Auto", "380", ".380"], [90, 95, 99]),
    ".38": ([".38 Special", ".38 Spl", "38 Spl", ".38 Spl +P"], [130, 158, 125, 110]),
    ".357": ([".357 Mag", ".357 Magnum", "357"], [125, 158, 180]),
    ".22": ([".22 LR", "22LR", ".22lr", "22 Long Rifle", "22 LR"], [40, 36, 32, 38]),
    ".22m": ([".22 WMR", "22 Mag"], [40, 30]),
    "10mm": (["10mm Auto", "10mm"], [180, 200]),
    ".44": ([".44 Magnum", ".44 Mag", ".44 Rem Mag"], [240, 180]),
    ".32": ([".32 ACP", "7.65 Browning", "7.65mm"], [71, 73]),
    ".25": ([".25 ACP", "6.35mm"], [50]),
    "5.56": (["5.56 NATO", "5.56x45", ".223 Rem", ".223", "223"], [55, 62, 77, 69]),
    ".308": ([".308 Win", ".308", "7.62x51", "308 Winchester"], [147, 150, 168, 175]),
    "7.62x39": (["7.62x39", "7.62x39mm"], [122, 123, 124]),
    "5.45": (["5.45x39"], [60]),
    "7.62x54": (["7.62x54R", "7.62x54r"], [148, 174, 180]),
    ".300": ([".300 BLK", "300 Blackout"], [110, 125, 220]),
    "6.5": (["6.5 Creedmoor", "6.5CM"], [140, 143, 147]),
    ".30-06": ([".30-06", "30-06 Springfield"], [150, 165, 180]),
    "9x18": (["9x18 Makarov", "9x18"], [95]),
    "7.62x25": (["7.62x25 Tokarev", "7.62x25"], [85]),
    ".303": ([".303 British"], [174]),
    "8mm": (["8mm Mauser", "7.92x57", "8x57 IS"], [196, 198]),
    ".357s": ([".357 SIG"], [125]),
    "5.7": (["5.7x28", "5.7x28mm"], [40, 27]),
}
HG = ["9mm", ".45", ".40", ".380", ".38", ".357"]
LINES = [  # (ways to write brand + line, calibre keys, bullet types)
    (["Federal Champion", "Federal Champion Training"], HG[:4] + [".22", "5.56"], ["FMJ", "RN", "FMJ RN"]),
    (["Federal American Eagle", "American Eagle", "Federal AE"], HG + ["5.56", ".300", "10mm", "7.62x39", ".308", ".44"],
     ["FMJ", "TMJ", "Syntech", "OTM", "FMJ BT"]),
    (["Federal HST", "Federal Premium HST", "HST"], HG + ["10mm", ".357s"], ["JHP", "HP", "Micro", "+P", "hollow point"]),
    (["Federal Hydra-Shok", "Hydra-Shok", "Federal Hydra Shok"], HG[:5] + [".32"], ["JHP", "Deep", "HP"]),
    (["Federal Syntech"], ["9mm", ".45", ".40"], ["TSJ", "Action Pistol", "Training Match"]),
    (["Federal Punch"], ["9mm", ".380", ".38", ".22"], ["JHP"]),
    (["Federal Fusion"], [".308", ".30-06", "6.5", ".300", "5.56"], ["SP", "MSR"]),
    (["Federal Gold Medal Match", "Federal GMM"], [".308", "6.5", "5.56", ".22"], ["SMK", "BTHP", "Match"]),
    (["Federal Power-Shok"], [".308", ".30-06", "7.62x39"], ["SP", "JSP"]),
    (["Winchester White Box", "WWB", "Winchester USA White Box", "Winchester USA"], HG + ["5.56", ".22"],
     ["FMJ", "JHP", "Train & Defend", "M193"]),
    (["Winchester Super-X", "Winchester Super X"], [".22", ".308", ".30-06", ".357", ".44", ".38"],
     ["Power-Point", "JHP", "Power Max Bonded", "LRN", "JSP"]),
    (["Winchester Ranger", "Winchester Ranger T-Series", "Ranger T"], ["9mm", ".40", ".45", ".38", "5.56", ".308"],
     ["T-Series", "JHP", "SXT", "bonded"]),
    (["Winchester PDX1", "Winchester PDX1 Defender", "PDX1"], ["9mm", ".40", ".45", ".380", ".38"], ["Bonded JHP", "JHP"]),
    (["Winchester USA Forged", "USA Forged"], ["9mm", ".45", ".40", ".380"], ["FMJ", "steel case"]),
    (["Winchester Silvertip"], ["9mm", ".45", ".40", ".380", "10mm"], ["JHP", "HP"]),
    (["Winchester Wildcat", "Winchester Xpert"], [".22"], ["LRN", "HP", "RN"]),
    (["Remington UMC", "UMC", "Remington UMC Value Pack"], HG + ["5.56", ".300", "10mm", ".44"], ["FMJ", "MC", "JHP", "JSP"]),
    (["Remington Golden Saber", "Golden Saber"], HG, ["BJHP", "JHP", "+P"]),
    (["Remington Thunderbolt", "Thunderbolt"], [".22"], ["LRN", "RN", "HV"]),
    (["Remington Golden Bullet", "Golden Bullet"], [".22"], ["HP", "PHP", "RN"]),
    (["Remington Core-Lokt", "Core-Lokt"], [".308", ".30-06", "6.5", ".300"], ["PSP", "SP", "Tipped"]),
    (["Remington Ultimate Defense"], ["9mm", ".45", ".40", ".380", ".38"], ["BJHP"]),
    (["CCI Mini-Mag", "CCI Mini Mag", "Mini-Mag"], [".22"], ["RN", "HP", "CPRN", "CPHP"]),
    (["CCI Stinger", "Stinger"], [".22"], ["CPHP", "HP"]),
    (["CCI Standard Velocity", "CCI SV", "CCI Standard"], [".22"], ["LRN", "RN"]),
    (["CCI Velocitor"], [".22"], ["CPHP"]),
    (["CCI Quiet-22"], [".22"], ["LRN", "subsonic"]),
    (["CCI Maxi-Mag"], [".22m"], ["JHP", "TMJ"]),
    (["Blazer Brass", "CCI Blazer Brass", "CCI Blazer"], HG + ["10mm"], ["FMJ", "FMJ FN", "aluminum case"]),
    (["Hornady Critical Defense", "Critical Defense"], HG + [".32", "5.56", ".22m"], ["FTX", "Lite", "JHP"]),
    (["Hornady Critical Duty", "Critical Duty"], ["9mm", ".45", ".40", "10mm", ".357s"], ["FlexLock", "+P"]),
    (["Hornady XTP", "Hornady American Gunner XTP", "Hornady Custom XTP"], HG + ["10mm", ".44"], ["XTP", "JHP XTP"]),
    (["Hornady American Gunner", "American Gunner"], ["9mm", ".45", ".40", ".380", ".38", "5.56", ".300", ".308"],
     ["XTP", "HP", "BTHP"]),
    (["Hornady Superformance"], [".308", ".30-06", "6.5", "5.56"], ["SST", "CX"]),
    (["Hornady Precision Hunter"], [".308", "6.5", ".30-06"], ["ELD-X"]),
    (["Hornady Black"], ["5.56", ".300", ".308", "9mm"], ["V-Max", "FTX", "ELD Match"]),
    (["PMC Bronze", "PMC"], HG + ["5.56", ".308", "10mm", ".44", ".32", ".25"], ["FMJ", "JHP", "JSP", "LRN", "FMJ-BT"]),
    (["PMC X-TAC"], ["5.56", ".308"], ["M193", "M855", "LP"]),
    (["PMC Starfire"], ["9mm", ".45", ".40", ".38"], ["SFHP"]),
    (["Fiocchi", "Fiocchi Training Dynamics", "Fiocchi Range Dynamics", "Fiocchi Hyperformance"],
     HG + [".32", ".25", "5.56", ".308", ".22", "7.62x39", "9x18"], ["FMJ", "JHP", "XTP", "FMJ TC", "LRN"]),
    (["Sellier & Bellot", "S&B", "Sellier and Bellot", "Sellier&Bellot"],
     HG + [".32", ".25", "5.56", "7.62x39", ".308", "7.62x54", ".303", "8mm", ".22", "9x18"],
     ["FMJ", "SP", "JHP", "Nontox", "FMJ BT", "SPCE"]),
    (["Wolf", "Wolf Polyformance", "Wolf WPA", "Wolf Military Classic", "Wolf Gold"],
     ["9mm", ".45", ".40", ".380", "5.56", "7.62x39", "5.45", "7.62x54", ".308"], ["FMJ", "HP", "steel case", "SP"]),
    (["Tula", "Tulammo", "TulAmmo", "Tula Cartridge Works"], ["9mm", ".45", ".40", ".380", "5.56", "7.62x39", "5.45", ".308", "9x18"],
     ["FMJ", "HP", "SP", "steel case", "polymer coated"]),
    (["Barnaul", "Barnaul Cartridge Plant"], ["9mm", ".45", ".380", "5.56", "7.62x39", "5.45", "7.62x54", ".308", "9x18", "7.62x25"],
     ["FMJ", "HP", "SP", "steel case", "polymer coated", "lacquered"]),
    (["Aguila", "Aguila Ammunition"], ["9mm", ".45", ".40", ".380", ".38", ".32", ".25"], ["FMJ", "JHP", "SJSP"]),
    (["Aguila Super Extra", "Aguila SuperExtra", "Aguila Super Maximum", "Aguila Interceptor", "Aguila Colibri",
      "Aguila Sniper SubSonic"], [".22"], ["HV", "CPRN", "HP", "SV", "LRN"]),
    (["Speer Gold Dot", "Gold Dot", "Speer Gold Dot G2"], HG + ["10mm", ".357s", "5.56"], ["GDHP", "JHP", "Short Barrel", "+P"]),
    (["Speer Lawman", "Lawman", "Speer Lawman CleanFire"], HG + ["5.56"], ["TMJ", "CleanFire", "RHT", "FMJ"]),
    (["Magtech", "Magtech Guardian Gold", "Magtech First Defense", "Magtech CleanRange"],
     HG + [".32", ".25", ".44", "10mm", ".22", "5.56"], ["FMJ", "JHP", "SJSP", "LRN", "FMC"]),
    (["PPU", "Prvi Partizan", "PPU Prvi Partizan", "Prvi Partizan PPU"],
     HG + ["7.62x39", "7.62x54", "8mm", ".303", "7.62x25", "9x18", ".308", "5.56", ".30-06"],
     ["FMJ", "SP", "HP", "FMJ BT", "Match", "Defense"]),
    (["Geco", "Geco Hexagon", "Geco Target", "Geco Star"], ["9mm", ".45", ".40", ".380", ".38", ".357", ".308", ".30-06", ".22"],
     ["FMJ", "Hexagon", "Target", "Star", "Plus", "Express", "SP"]),
    (["RWS"], ["9mm", ".308", ".30-06", "6.5", ".357", ".38"], ["FMJ", "Speed Tip Pro", "EVO", "KS", "HIT", "TUG"]),
    (["RWS R50", "RWS Target Rifle", "RWS Subsonic HP", "RWS Club", "RWS Rifle Match S"], [".22"], ["LRN", "RN", "HP"]),
    (["Norma", "Norma Oryx", "Norma Tipstrike", "Norma Ecostrike", "Norma Golden Target", "Norma Bondstrike"],
     ["9mm", ".308", ".30-06", "6.5", "5.56", "7.62x39", "8mm"], ["FMJ", "SP", "BTHP", "MHP"]),
    (["Lapua", "Lapua Scenar", "Lapua Naturalis", "Lapua Mega"], [".308", "6.5", "5.56", "7.62x39", ".30-06", "7.62x54"],
     ["Scenar", "Scenar-L", "FMJ", "Naturalis", "Mega", "Lock Base"]),
    (["Lapua Center-X", "Lapua Midas+", "Lapua Polar Biathlon", "Lapua Standard Plus"], [".22"], ["LRN", "RN"]),
    (["Sig Sauer Elite", "Sig Elite", "SIG V-Crown"], ["9mm", ".45", ".40", ".380", "5.56", "10mm"],
     ["V-Crown", "FMJ", "Ball", "JHP"]),
    (["Browning", "Browning BPT", "Browning BXR"], ["9mm", ".45", ".380", "5.56", ".22", ".308"], ["FMJ", "BPT", "X-Point"]),
    (["Brown Bear", "Golden Tiger", "Silver Bear"], ["7.62x39", "5.56", "9mm", "5.45", ".308", "7.62x54"],
     ["FMJ", "HP", "SP", "steel case"]),
    (["FN SS197SR", "FN SS190", "FN"], ["5.7"], ["V-Max", "SS197", "SS190", "SB193"]),
]
SHELL_LINES = [  # (brand + line, gauges, loads)
    (["Federal Power-Shok", "Federal"], ["12", "20", ".410"], ["00 buck", "rifled slugs", "#4 buck", "1 oz slug", "buckshot"]),
    (["Federal Top Gun", "Federal Top Gun Target"], ["12", "20"], ["#7.5", "#8", "target load", "#7.5 shot"]),
    (["Federal Game-Shok", "Federal Game Shok"], ["12", "20", "16"], ["#6", "#4", "#7.5", "game load"]),
    (["Federal Personal Defense", "Federal Flite Control"], ["12"], ["00 buck", "8 pellet 00 buck", "#4 buck"]),
    (["Winchester Super-X", "Winchester"], ["12", "20", "16", ".410"], ["00 buck", "#6 game load", "rifled slugs", "#4 buck",
                                                                     "heavy game load", "Xpert steel #2"]),
    (["Winchester AA", "Winchester AA Target"], ["12", "20"], ["#8", "#7.5", "#9", "target"]),
    (["Winchester PDX1 Defender", "Winchester PDX1"], ["12", "20", ".410"], ["00 buck + slug", "segmenting slug", "buckshot"]),
    (["Winchester Universal"], ["12", "20"], ["#8", "#7.5", "target"]),
    (["Remington Slugger", "Slugger"], ["12", "20", "16", ".410"], ["rifled slugs", "1 oz slug", "HP slugs", "slugs"]),
    (["Remington Express", "Remington"], ["12", "20", "16"], ["00 buck", "#4 buck", "#6", "buckshot", "long range #5"]),
    (["Remington Gun Club", "Remington Nitro"], ["12", "20"], ["#8", "#7.5", "target loads"]),
    (["Fiocchi", "Fiocchi Top Target", "Fiocchi Exacta"], ["12", "20", "16", ".410"],
     ["birdshot #7.5", "00 buck", "slugs", "game load #6", "target #8", "birdshot"]),
    (["Sellier & Bellot", "S&B"], ["12", "16", "20"], ["00 buck", "8.6mm buckshot", "rifled slug", "#7", "#5", "game", "buckshot"]),
    (["Hornady Critical Defense"], ["12"], ["00 buck", "Triple Defense"]),
    (["Aguila Minishell", "Aguila"], ["12"], ["Minishell", "00 buck", "#4 buck / #1 buck", "slugs"]),
    (["Rottweil", "Brenneke", "Brenneke Classic Magnum", "Rottweil Brenneke"], ["12", "16", "20"], ["slugs", "Brenneke slugs", "#7.5"]),
    (["Rio", "Rio Royal", "Cheddite", "Baschieri & Pellagri", "B&P"], ["12", "20"], ["00 buck", "#7.5", "#6", "#9", "target", "slugs"]),
    (["Estate", "Kent", "Nobel Sport"], ["12", "20"], ["#8", "#7.5", "target", "steel #4"]),
]
GAUGE = {"12": ["12ga", "12 gauge", "12GA", "12/70", "12 ga 2 3/4\"", "12ga 3\"", "12g", "12 Gauge"],
         "20": ["20ga", "20 gauge", "20/70", "20g"], "16": ["16ga", "16 gauge", "16/70"], ".410": [".410", "410 bore", ".410 ga"]}
CNT = ["{n}rds", "{n} rds", "{n} rds", "x{n}", "x {n}", "{n}ct", "{n} count", "{n} rounds", "{n}-round box", "box of {n}",
       "{n}/box", "({n})", "- {n}", "{n}pcs", "{n} pcs", "[{n}]", "{n} rd", "{n}x", "{n} cartridges"]
CNT_BULK = ["case of {n}", "{n} rd case", "{n} rds bulk", "bulk {n}", "{n} round case", "value pack {n}", "{n} loose"]
SHELL_CNT = ["{n} shells", "{n} shells", "{n}rd box", "{n} rds", "x{n}", "box of {n}", "{n}ct", "{n}/box", "({n})", "{n} pcs",
             "{n} rounds", "{n} shotshells"]
GRN = ["{g}gr", "{g}gr", "{g} gr", "{g} grain", "{g}-gr", "{g}grn", "{g} Grain"]
AB_T = {
    "en": ["{b} {cal} {gr} {bt} {cnt}", "{b} {cal} {gr} {bt} {cnt}", "{b} {cal} {bt} {cnt}", "{b} {cal} {gr} {cnt}",
           "{cnt} {b} {cal} {bt}", "{cnt} {b} {cal} {gr}", "{cal} {b} {bt} {gr} - {cnt}", "{b} {bt} {cal} ({cnt})",
           "{cal} {gr} {b} {cnt}", "{b} {cal} {cnt}", "{b} {cal} {cnt}", "{b} {cal}", "{b} {cal} {bt}", "{b} {cal} {gr} {bt}",
           "{b} {cal} {bt} ammo", "{b} {cal} ammo {cnt}", "{b} {cal} {gr} {bt} - {cnt}", "{b} {cal} | {gr} | {bt} | {cnt}",
           "{cal} {b} {cnt}", "{cnt}x {b} {cal}", "{b} {cal} {bt} {gr} {bulk}", "{b} {cal} {bulk}", "{b} {cal} {bt} rounds",
           "{b} {cal} - {n} rounds", "{n} {b} {cal} {bt}", "{b} {cal} {gr} ({n})"],
    "de": ["{b} {cal} {gr} {bt} {n} Schuss", "Patronen {b} {cal} {n} Stk", "Munition {b} {cal} {bt}", "{b} {cal} {bt} {n} Stück",
           "{n} Schuss {b} {cal} {gr}", "{b} {cal} {gr} - {n} Stk"],
    "ru": ["Патроны {b} {cal} {n}шт", "{b} {cal} {bt} {n} шт", "Патроны {b} {cal} {gr} {bt}", "{b} {cal} {n}шт",
           "{b} {cal} пачка {n} шт"],
    "es": ["Munición {b} {cal} {bt} caja de {n}", "Cartuchos {b} {cal} x{n}", "{n} balas {b} {cal}", "{b} {cal} {gr} {bt} {n} uds"],
    "fr": ["Cartouches {b} {cal} {bt} boîte de {n}", "Munitions {b} {cal} x{n}", "{n} cartouches {b} {cal}",
           "{b} {cal} {gr} {bt} {n} pcs"],
}
SH_T = {
    "en": ["{b} {cal} {bt} {cnt}", "{b} {cal} {bt} {cnt}", "{b} {cal} {bt}", "{cnt} {b} {cal} {bt}", "{b} {bt} {cal} {cnt}",
           "{b} {cal} shells {bt} {cnt}", "{b} {cal} {bt} shotshells", "{cal} {b} {bt} - {cnt}", "{b} {cal} {bt} shells",
           "{b} {cal} {bt} {bulk}", "{b} {cal} shotgun shells {cnt}", "{b} {bt} {cnt}"],
    "de": ["Schrotpatronen {b} {cal} {bt} {n} Stk", "{b} {cal} Flintenlaufgeschosse {n} Stk", "{b} {cal} Posten {n} Stk",
           "{b} Schrot {cal} {n} Stück"],
    "ru": ["Патроны {b} {cal} картечь {n} шт", "Патроны {b} 12 калибр пуля {n} шт", "{b} {cal} дробь {n}шт"],
    "es": ["Cartuchos de escopeta {b} {cal} postas x{n}", "Cartuchos {b} {cal} perdigón {n} uds", "{b} {cal} balas de escopeta x{n}"],
    "fr": ["Cartouches de chasse {b} {cal} plomb n°6 x{n}", "Cartouches {b} {cal} chevrotine x{n}", "{b} {cal} balles x{n}"],
}
AMMO_N = [20, 25, 50, 50, 50, 50, 100, 100, 100, 200, 250, 500, 1000, 20, 25, 10]
SHELL_N = [5, 5, 10, 10, 15, 25, 25, 50, 100, 250]
AB_ITEM = {
    "en": ["Factory sealed boxes.", "{n} per box.", "Price per box.", "Price for {n}.", "Brass case, boxer primed.", "Same lot.",
           "Loose, no box.", "Fresh lot.", "Ships separately.", "Non-corrosive.", "Limit 5 boxes."],
    "de": ["Originalverpackt.", "{n} pro Schachtel.", "Preis pro Schachtel."],
    "ru": ["Заводская пачка.", "{n} шт в пачке.", "Цена за пачку."],
    "es": ["Caja de fábrica.", "{n} por caja.", "Precio por caja."],
    "fr": ["Boîte d'usine.", "{n} par boîte.", "Prix par boîte."],
}


def ab_make(R, lang):
    if R.random() < 0.25:
        b, gs, loads = pick(R, SHELL_LINES)
        g = pick(R, gs)
        n = pick(R, SHELL_N)
        slots = {"b": pick(R, b), "cal": GAUGE[g], "bt": loads, "n": str(n),
                 "cnt": pick(R, SHELL_CNT).replace("{n}", str(n)), "bulk": pick(R, CNT_BULK).replace("{n}", str(n * 10))}
        title = fill(R, pick(R, SH_T[lang]), slots)
    else:
        b, cks, bts = pick(R, LINES)
        ck = pick(R, cks)
        cals, grs = AC[ck]
        n = pick(R, AMMO_N)
        slots = {"b": pick(R, b), "cal": cals, "bt": bts, "n": str(n),
                 "gr": pick(R, GRN).replace("{g}", str(pick(R, grs))),
                 "cnt": pick(R, CNT).replace("{n}", str(n)), "bulk": pick(R, CNT_BULK).replace("{n}", str(max(n, 250) * 2))}
        title = fill(R, pick(R, AB_T[lang]), slots)
    item = [s.replace("{n}", str(n)) for s in AB_ITEM[lang]]
    return title, item


# --------------------------------------------------------------------------- 4. terse ammunition

TA_CAL = ["9mm", ".22LR", "22lr", ".38 spl", ".45", ".45 ACP", ".40", ".380", "7.62x39", "5.56", ".223", "12ga", "12 gauge",
          ".357", "9x18", "5.45x39", ".308", "20ga", ".32 ACP", "7.62x25", "9x19", ".410"]
TA_BT = ["RN", "FMJ", "FMJ", "JHP", "HP", "LRN", "SP", "HP", "ball", "RNL", "TMJ", "hollow points", "FMJ", "JSP"]
TA_SHOT = ["buckshot", "slugs", "00 buck", "birdshot", "#6", "rifled slugs"]
TA_T = {
    "en": ["ammo", "Ammo", "AMMO", "ammo", "Ammo for {b}", "ammo for {b}", "Ammo for {b}", "Ammo for {b} (as discussed)",
           "Ammo for {b} - {cal}", "{b} ammo", "Ammo - {b}", "ammo {b}", "custom ammo order", "Custom ammo order",
           "Custom ammo order - {b}", "custom ammo order #{k}", "ammo part 2", "Ammo part 1", "ammo pt 2", "Ammo Pt.2",
           "ammo restock", "Ammo restock - {cal}", "AMMO RESTOCK", "{n}pcs {cal} {bt}", "{n}pcs {cal} {bt}", "{n}rds {cal} {bt}",
           "{n}rds {cal} {bt}", "{n} rds {cal}", "box of {n} {cal}", "Box of {n} {cal}", "box of 50 .38 spl", "{n} rounds {cal}",
           "{cal} ammo", "ammo {cal}", "ammo ({cal})", "ammo bundle", "mixed ammo lot", "ammo lot {n} rds", "assorted ammo",
           "rounds for {b}", "shells for {b}", "{cal} ammo {n}", "ammunition", "Ammunition", "ammunition for {b}",
           "ammo {n} pcs", "ammo x{n}", "more ammo", "ammo batch 2", "ammo (FE)", "ammo - read desc", "{cal} rounds x{n}",
           "{n}x {cal} {bt}", "{cal} {bt} {n}pcs", "{cal} {n}rds", "{n} {cal} shells", "ammo for the {cal}",
           "{cal} ammo for {b}", "ammo order {b}", "ammo {cal} {n}rds", "spare ammo {cal}", "ammo (2 boxes)", "ammo refill"],
    "de": ["Munition", "Munition für {b}", "Patronen für {b}", "Munition Teil 2", "{n} Schuss {cal}", "Schachtel {n} {cal}",
           "Munition Nachschub", "{n} Stk {cal} {bt}", "Munition {cal}"],
    "ru": ["Патроны", "патроны для {b}", "Патроны {cal} {n}шт", "патроны часть 2", "пачка {cal}", "Патроны в наличии",
           "{n} шт {cal} {bt}", "патроны {cal}"],
    "es": ["Munición", "munición para {b}", "balas para {b}", "{n} balas {cal}", "caja de {n} {cal}", "munición parte 2",
           "munición {cal}", "{n} cartuchos {cal} {bt}"],
    "fr": ["Munitions", "munitions pour {b}", "cartouches pour {b}", "{n} cartouches {cal}", "boîte de {n} {cal}",
           "munitions partie 2", "munitions {cal}", "{n} balles {cal} {bt}"],
}
TA_ITEM = {
    "en": ["As discussed.", "{n} rounds.", "{cal}.", "Ammo only.", "Factory ammo.", "{cal} {bt}.", "For {b}, as agreed.",
           "Second half of the ammo.", "Reloads, tested.", "Boxed."],
    "de": ["Wie besprochen.", "{n} Schuss.", "Nur Munition."],
    "ru": ["Как договаривались.", "{n} патронов.", "Только патроны."],
    "es": ["Como acordamos.", "{n} balas.", "Solo munición."],
    "fr": ["Comme convenu.", "{n} cartouches.", "Munitions seules."],
}


def ta_make(R, lang):
    cal = pick(R, TA_CAL)
    shot = re.search(r"ga|gauge|410", cal) is not None
    slots = {"b": BUYERS, "cal": cal, "bt": TA_SHOT if shot else TA_BT + (["CPRN", "HV"] if "22" in cal else []),
             "n": [str(x) for x in ((5, 10, 10, 25, 25, 50) if shot else (20, 25, 30, 50, 50, 100, 100, 150, 200, 250, 500))],
             "k": [str(x) for x in range(2, 90)]}
    cache = {}
    title = fill(R, pick(R, TA_T[lang]), slots, cache)
    item = [fill(R, s, slots, cache) for s in TA_ITEM[lang]]
    return title, item


# --------------------------------------------------------------------------- 5. designs: improvised-gun and workshop manuals

DM = {
    "en": ["Home Workshop Guns", "Home Workshop Guns", "Home Workshop Guns for Defense and Resistance",
           "Home Workshop Guns Vol. 1 - The Submachine Gun", "Home Workshop Guns Vol. 2 - The Handgun",
           "Bill Holmes - Home Workshop Guns", "Bill Holmes collection", "improvised submachine gun",
           "Improvised submachine gun manual", "improvised SMG plans", "The Do-It-Yourself Submachine Gun",
           "do-it-yourself gun plans", "DIY gun plans", "DIY firearm plans", "build your own SMG", "Build Your Own SMG",
           "build your own pistol", "build your own shotgun", "Build your own 9mm", "build your own machine pistol",
           "build your own revolver", "the zip gun manual", "The Zip Gun Manual", "zip gun manual", "Zips, Pipes and Pens",
           "full-auto conversion manual", "Full auto conversion manuals", "Full Auto Vol. 1 - AR-15 modification manual",
           "full auto AK conversion manual", "MAC-10 Cookbook", "The MAC-10 Cookbook", "Luty SMG plans",
           "Expedient Homemade Firearms", "P.A. Luty - Expedient Homemade Firearms", "Homemade Guns and Homemade Ammo",
           "Sten gun build manual", "Sten Mk II drawings", "pipe shotgun plans", "slam-fire shotgun plans",
           "homemade 12ga shotgun blueprint", "improvised firearms library", "improvised firearms collection",
           "Glock auto conversion guide", "lightning link plans + instructions", "DIAS drawings", "homemade silencer guide",
           "solvent trap to suppressor build guide", "plans for a homemade .22 pistol", "homemade pistol plans",
           "improvised machine pistol plans", "Skorpion vz61 blueprints", "homemade revolver plans",
           "workshop SMG manual", "garage gunsmith: build a 9mm SMG", "scrap metal SMG plans", "ghost gun build guide",
           "improvised shotgun manual", "DIY full auto guide", "select-fire conversion manual", "AR-15 auto sear drawings",
           "pen gun plans", "homemade .22 zip gun plans", "improvised pistol manual"],
    "de": ["Bauanleitung Maschinenpistole", "Selbstbau-Schusswaffen Handbuch", "Anleitung: Pistole selbst bauen",
           "Baupläne Schrotflinte Eigenbau", "Vollautomatik-Umbau Anleitung", "Luty MP Bauplan deutsch",
           "Schalldämpfer selber bauen - Anleitung", "Eigenbau-Waffen Handbuch", "Home Workshop Guns (deutsch)"],
    "ru": ["Самодельное оружие - руководство", "Чертежи пистолета-пулемёта", "Как сделать пистолет своими руками",
           "Чертежи самопала", "Инструкция по переделке на автоматический огонь", "Чертежи глушителя",
           "Пистолет-пулемёт Люти - чертежи", "Самодельный обрез - инструкция", "Оружие своими руками - сборник"],
    "es": ["Manual de armas caseras", "Planos de subfusil casero", "Cómo fabricar una pistola casera",
           "Planos de escopeta casera", "Manual de conversión a automático", "Cómo hacer un silenciador - guía",
           "Subfusil Luty - planos", "Armas hechas en casa - manual"],
    "fr": ["Manuel d'armes artisanales", "Plans de pistolet-mitrailleur artisanal", "Fabriquer son propre pistolet",
           "Plans de fusil à pompe artisanal", "Guide de conversion en tir automatique", "Fabriquer un silencieux - guide",
           "PM Luty - plans", "Armes faites maison - manuel"],
}
DM_FMT = {
    "en": ["(PDF)", "PDF", "pdf", "ebook", "[PDF + scans]", "scan", "1977 edition", "Paladin Press", "Loompanics",
           "Desert Publications", "instant delivery", "auto-dispatch", "digital", "- download", "[ENG]", "(scanned)",
           "+ bonus manuals", "vol 1-3", "complete set", "HQ scan", "2nd edition", "(%d pages)", "(%d PDFs)"],
    "de": ["(PDF)", "PDF", "Sofort-Download", "digital", "E-Book"],
    "ru": ["(PDF)", "PDF", "скачать", "электронная книга", "сразу после оплаты"],
    "es": ["(PDF)", "PDF", "descarga inmediata", "digital", "libro electrónico"],
    "fr": ["(PDF)", "PDF", "téléchargement immédiat", "numérique", "ebook"],
}
DM_ITEM = {
    "en": ["Digital download.", "Instant delivery.", "Scanned from the original book.", "%d pages with drawings." ,
           "Link sent after payment.", "Includes parts list and drawings.", "Build with basic workshop tools.",
           "English.", "No physical item."],
    "de": ["Digitaler Download.", "Link nach Zahlung.", "Mit Zeichnungen."],
    "ru": ["Электронная версия.", "Ссылка после оплаты.", "С чертежами."],
    "es": ["Descarga digital.", "Enlace tras el pago.", "Con planos."],
    "fr": ["Téléchargement numérique.", "Lien après paiement.", "Avec plans."],
}


def dm_make(R, lang):
    t = pick(R, DM[lang])
    pages = R.choice([12, 24, 40, 64, 86, 120, 150, 212])
    if R.random() < 0.55:
        f = pick(R, DM_FMT[lang])
        if "PDFs" in f and not re.search(r"(?i)collection|library|manuals|set|holmes", t):
            f = "(PDF)"
        if "%d" in f:
            f = f % pages if "pages" in f else f % R.choice([5, 12, 30, 40, 75])
        t = t + " " + f if R.random() < 0.8 else f + " " + t
    item = [s % pages if "%d" in s else s for s in DM_ITEM[lang]]
    return t, item


# --------------------------------------------------------------------------- 6. parts: bare titles behind boilerplate

PB = {
    "en": ["silencer", "Silencer", "silencer 9mm", "Silencer 9mm", "silencer .22", "suppressor 9mm", "Suppressor .45",
           "suppressor 5.56", "suppressor .308", "sound moderator .22", "moderator .22", "moderator .308", "moderator 9mm",
           "can 9mm", "9mm can", ".22 can", "oil filter adapter 1/2x28", "oil filter adapter 5/8x24", "Oil filter adapter 1/2-28",
           "solvent trap kit 1/2x28", "solvent trap 5/8-24", "fuel filter kit 1/2x28", "monocore 9mm", "baffle stack .22",
           "Glock switch", "auto sear", "drop-in auto sear", "lightning link", "Glock 17 mag 33rd", "AK mag 30rd",
           "drum mag 50rd", "Glock 19 slide", "80% lower", "BCG 5.56", "AK trigger group", "upper receiver 5.56",
           "threaded barrel 9mm", "AK folding stock", "G17 barrel", "Makarov mag", "PM magazine", "30rd PMAG",
           "suppressor", "supp 9mm", "silencer for Glock", "silencer for AK", "silencer .45 ACP"],
    "de": ["Schalldämpfer", "Schalldämpfer 9mm", "Schalldämpfer .22 lfB", "Schalldämpfer für AK", "Magazin AK 30 Schuss",
           "Glock Magazin 17 Schuss", "Verschluss G19", "Lauf 9mm", "Moderator .308"],
    "ru": ["Глушитель", "Глушитель 9мм", "ПБС для АК", "ДТК АК", "Магазин АК 30 патронов", "Магазин ПМ",
           "Затворная рама АК", "Глушитель .22"],
    "es": ["Silenciador", "Silenciador 9mm", "Cargador Glock 17", "Cargador AK 30 tiros", "Corredera Glock 19", "Cañón 9mm",
           "Silenciador .22"],
    "fr": ["Silencieux", "Silencieux 9mm", "Modérateur de son .22LR", "Chargeur Glock 17", "Chargeur AK 30 coups",
           "Culasse Glock 19", "Canon 9mm"],
}
PB_T = ["{p}", "{p}", "Customer listing: {p}", "Customer listing - {p}", "customer listing {p}", "{p} {?new}", "{p} x1",
        "{p} x2", "{p} (FE)", "{p} - FE", "{p} [escrow]", "{p} - {c}", "{p} ({c})"]
PB_ITEM = {
    "en": ["Part only.", "No gun included.", "Threaded 1/2x28.", "Fits most 9mm pistols.", "As discussed.", "New.",
           "Unserialized.", "Ships in a plain box."],
    "de": ["Nur das Teil.", "Neu.", "Wie besprochen."],
    "ru": ["Только деталь.", "Новый.", "Как договаривались."],
    "es": ["Solo la pieza.", "Nuevo.", "Como acordamos."],
    "fr": ["Pièce seule.", "Neuf.", "Comme convenu."],
}


def pb_make(R, lang):
    slots = {"p": PB[lang], "c": COND[lang] if lang != "en" else ["new", "used", "like new", "NIB", "black", "steel"]}
    return fill(R, pick(R, PB_T), slots), PB_ITEM[lang]


# --------------------------------------------------------------------------- specs

SPECS = [
    mkspec("r3_gun_variant", 330, ["firearm"], gv_make, "firearm", (250, 2500), "gun"),
    mkspec("r3_gun_type", 310, ["firearm"], gt_make, "firearm", (150, 1800), "gun"),
    mkspec("r3_ammo_brand", 240, ["ammunition"], ab_make, "ammo", (15, 500), "gun"),
    mkspec("r3_ammo_terse", 130, ["ammunition"], ta_make, "ammo", (15, 400), "gun"),
    mkspec("r3_design_manual", 100, ["design"], dm_make, "design", (5, 120), "gun"),
    mkspec("r3_part_bare", 110, ["part"], pb_make, "part", (30, 600), "gun"),
]
