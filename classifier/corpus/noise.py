"""Noise that real listings carry: vendor boilerplate, shipping terms, emoji, caps, prices in
titles, obfuscated words, typos, wrong categories, many price formats and vendor handles.

`R` is set by generate.py to its seeded random.Random so the output stays deterministic."""

import re

import pools_neg

R = None


def pick(xs):
    return xs[R.randrange(len(xs))]


# --------------------------------------------------------------------------- boilerplate

BOILER = {
    "en": [
        "FE only for established buyers, escrow for everyone else.",
        "FE for 10+ orders only.",
        "No FE. Escrow only, finalize when you receive.",
        "Please read my profile before ordering!",
        "READ PROFILE BEFORE ORDERING.",
        "Encrypt your address with my PGP key or the order gets cancelled.",
        "Unencrypted addresses will be deleted. Use PGP.",
        "My PGP key is on my profile page. Always verify.",
        "No refunds, no reships, no exceptions.",
        "Reship 50% if lost, after 14 days.",
        "Refund policy: 100% reship on first loss, 50% on second. Seizure letters get full reship.",
        "Orders placed before 14:00 ship the same day.",
        "Orders ship Monday to Friday.",
        "We do not ship on weekends or holidays.",
        "Tracking available on request (+$10).",
        "Leave honest feedback please, it helps us grow.",
        "Feedback is appreciated!",
        "Check my reviews on the forum.",
        "Vendor since 2013, 3000+ sales.",
        "Trusted vendor, moved here from another market, same PGP.",
        "Do not message me about prices, everything is on the listing.",
        "Allow 24-48h for a reply to messages.",
        "No returns.",
        "All sales are final.",
        "Disputes will be handled fairly, contact me first.",
        "Stock is limited, order now.",
        "Bulk discounts available, send a message.",
        "Custom orders possible, PM me.",
        "Don't be stupid, use a drop address.",
        "Stay safe, use Tails.",
        "Do not leave the order unfinalized for weeks, auto-finalize is 14 days.",
        "Prices include shipping.",
        "Price does not include shipping, select shipping option.",
        "1 listing = 1 unit.",
        "Discreet packaging, nothing on the outside says what is inside.",
        "Stealth shipping: vacuum sealed, odor proof, looks like normal mail.",
        "We have been doing this for years, never had a customs issue.",
        "If you have any issue just message me, I will make it right.",
        "Only serious buyers. Time wasters will be blocked.",
        "Multisig available.",
        "Escrow accepted, FE only for vendors with 50+ sales.",
        "Pay with XMR and get 5% off.",
        "BTC and XMR accepted.",
        "Thanks for looking :)",
        "Happy shopping!",
        "Updated: new stock arrived.",
        "UPDATE 03/11: back in stock.",
        "Holiday notice: we are away from the 24th, orders will ship after.",
        "Do not use your real name on the package.",
        "Address format: Name / Street / City / Postcode / Country.",
    ],
    "de": [
        "Nur Escrow. Finalisieren nach Erhalt.",
        "FE nur für Stammkunden.",
        "Bitte Profil lesen vor der Bestellung!",
        "Adresse bitte mit PGP verschlüsseln.",
        "Unverschlüsselte Adressen werden gelöscht.",
        "Versand Mo-Fr, Bestellungen vor 14 Uhr gehen am selben Tag raus.",
        "Keine Rücknahme, kein Umtausch.",
        "Bei Verlust 50% Reship.",
        "Diskreter Versand, geruchsdicht eingeschweißt.",
        "Feedback ist willkommen!",
        "Bei Problemen bitte zuerst eine Nachricht schreiben.",
        "Mengenrabatt auf Anfrage.",
        "Versand aus DE, innerhalb der EU.",
        "Nur ernsthafte Käufer.",
        "Lieferzeit 1-3 Werktage.",
        "Preise inkl. Versand.",
        "Wir sind seit Jahren dabei, absolut zuverlässig.",
        "Zahlung in BTC oder XMR.",
    ],
    "ru": [
        "Только через гарант.",
        "Перед заказом прочитайте профиль!",
        "Адрес шифруйте PGP ключом.",
        "Отправка в течение 1-2 дней после оплаты.",
        "Возврата нет.",
        "При утере перешлём 50%.",
        "Скрытная упаковка, ничего не видно.",
        "Оставляйте отзывы, спасибо!",
        "Опт по договорённости, пишите в ЛС.",
        "Работаем по всей РФ и СНГ.",
        "Доставка почтой России или СДЭК.",
        "Только серьёзные покупатели.",
        "Цена с доставкой.",
        "Кладом или почтой, на выбор.",
        "Оплата BTC / XMR.",
        "Работаем с 2015 года, сотни довольных клиентов.",
    ],
    "es": [
        "Solo escrow, finaliza cuando recibas.",
        "Lee mi perfil antes de pedir.",
        "Cifra tu dirección con mi PGP.",
        "Envío discreto, empaquetado al vacío.",
        "No hay devoluciones.",
        "Reenvío del 50% si se pierde.",
        "Envíos de lunes a viernes.",
        "Descuentos por cantidad, escríbeme.",
        "Solo compradores serios.",
        "Deja tu feedback por favor.",
        "Envío desde ES a toda Europa.",
        "El precio incluye el envío.",
        "Pagos en BTC o XMR.",
    ],
    "fr": [
        "Escrow uniquement, finalisez à la réception.",
        "Lisez mon profil avant de commander.",
        "Chiffrez votre adresse avec ma clé PGP.",
        "Envoi discret, emballage sous vide.",
        "Pas de retour, pas de remboursement.",
        "Réexpédition à 50% en cas de perte.",
        "Expédition du lundi au vendredi.",
        "Remise pour les grosses commandes, contactez-moi.",
        "Acheteurs sérieux uniquement.",
        "Merci de laisser un avis.",
        "Envoi depuis la FR, livraison Europe.",
        "Frais de port inclus.",
        "Paiement BTC ou XMR.",
    ],
}

SHIP = {
    "en": [
        "Ships from {c1} to {c2}.", "Shipping from {c1}.", "Ships worldwide from {c1}.",
        "We ship to {c2} only.", "Ships from: {c1} | Ships to: {c2}", "SHIPS FROM {C1}",
        "Domestic {c1} only, no international.", "Worldwide shipping except {c3}.",
        "{c1} -> {c2}", "Origin: {c1}. Destination: {c2}.", "EU only.", "US domestic only.",
        "Express option: 1-2 days, standard 3-7 days.", "Tracked shipping +$15.",
        "Delivery to {c2} takes 5-10 business days.",
    ],
    "de": ["Versand aus {c1} nach {c2}.", "Versand weltweit.", "Nur EU-Versand.", "Versand ab {c1}."],
    "ru": ["Отправка из {c1}.", "Доставка по всему миру.", "Отправляем по РФ и СНГ.",
           "Доставка: {c2}."],
    "es": ["Envío desde {c1} a {c2}.", "Envío a todo el mundo.", "Solo Europa."],
    "fr": ["Expédié depuis {c1} vers {c2}.", "Livraison dans le monde entier.", "Europe uniquement."],
}

COUNTRIES = ["NL", "DE", "USA", "UK", "US", "Netherlands", "Germany", "Belgium", "Poland",
             "Czech Republic", "Canada", "Australia", "Sweden", "Spain", "France", "Italy",
             "Austria", "Switzerland", "EU", "Worldwide", "Europe", "Ukraine", "Serbia",
             "Bulgaria", "Slovakia", "Denmark", "Norway", "Finland", "Portugal", "Russia"]

EMOJI = ["🔥", "💯", "✅", "⭐", "🚀", "💎", "🌿", "💊", "📦", "🇳🇱", "🇩🇪", "🇺🇸", "🇬🇧", "⚡",
         "👌", "🎯", "‼️", "❗", "🍁", "❄️", "💰", "🤑", "😎", "🔒", "🏆", "✨", "🌟", "☠️", "👍"]

TAGS = ["[ESCROW]", "(FE)", "[FE]", "*NEW*", "**SALE**", "|| FREE SHIPPING ||", "[STEALTH]",
        "~TOP QUALITY~", "[100% LEGIT]", "(Escrow)", "[VERIFIED]", "[RESTOCK]", "[LIMITED]",
        "*HOT*", "[BEST PRICE]", "(TESTED)", "-=PROMO=-", "[EU]", "[USA]", "[UK]",
        "[NL->WW]", "[DE]", "{SALE}".replace("{", "(").replace("}", ")"), "[TRACKED]",
        "***", ">>>", "<<<", "---", "[NEW VENDOR]", "[SAMPLE]", "[BULK]", "[WHOLESALE]"]

PGP_ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def pgp_block():
    lines = ["-----BEGIN PGP PUBLIC KEY BLOCK-----", ""]
    for _ in range(R.randint(2, 5)):
        lines.append("".join(pick(PGP_ALPHA) for _ in range(64)))
    lines.append("=" + "".join(pick(PGP_ALPHA) for _ in range(4)))
    lines.append("-----END PGP PUBLIC KEY BLOCK-----")
    return "\n".join(lines)


def ship_line(lang):
    t = pick(SHIP.get(lang) or SHIP["en"])
    c1, c2, c3 = pick(COUNTRIES), pick(COUNTRIES), pick(COUNTRIES)
    return t.replace("{c1}", c1).replace("{c2}", c2).replace("{c3}", c3).replace("{C1}", c1.upper())


def join_parts(parts):
    style = R.random()
    if style < 0.45:
        return " ".join(p if p[-1:] in ".!?:)" else p + "." for p in parts)
    if style < 0.7:
        return "\n".join(parts)
    if style < 0.8:
        return "\n".join(pick(["- ", "* ", "• ", "> ", "+ "]) + p for p in parts)
    if style < 0.9:
        return pick([" - ", " | ", " // ", " ~ ", " ... "]).join(parts)
    return "\n\n".join(parts)


RAMBLE = {
    "any": [
        "About us: we started as a small team in 2016 and have grown slowly by doing things right. We answer every message, we never exit, and we treat every customer like a regular. If something goes wrong we fix it, simple as that. We don't do drama on the forums, we just ship.",
        "Shipping info: all orders are packed by hand with gloves, vacuum sealed and placed in a professional looking envelope or box with a business return address. We rotate post offices and drop locations. International orders take 5-15 working days, domestic 1-3. Please be patient before opening a dispute, customs can be slow around holidays.",
        "Important: we do NOT accept orders from people who message us with their real name and phone number. Learn basic OPSEC before buying anything online. Use Tails, use PGP, never talk about your orders on the clearnet, and never sign for a package you were not expecting.",
        "Refund policy in detail: if your package does not arrive within 21 days (international) or 10 days (domestic), message us with your order ID. First time: full reship. Second time: 50%. Third time: we will have to stop shipping to your address, sorry. Seizure letters get a full reship if you send us a picture with the details blacked out.",
        "Why choose us? Fair prices, honest descriptions, real pictures, and we have been on four markets with the same PGP key. Check the reviews, they speak for themselves. We would rather lose a sale than sell you something that is not as described.",
        "Note to new buyers: please read the whole listing before ordering. 90% of the questions we get are answered right here in the description. If you still have a question after reading, send us a message and we will get back to you within a day, usually faster.",
        "Holiday notice: our team will take a short break at the end of the month. Orders placed during that time will ship as soon as we are back. Messages will still be answered. Thank you for your patience and your continued support, we appreciate every one of you.",
        "Market went down last week, so if you are a returning customer from there, welcome back. Same team, same quality, same key. Send us your old username and we will give you the usual regular discount on your first order here.",
    ],
    "gun": [
        "A word on safety: whatever you buy from us, learn how to handle it properly before you take it anywhere. Keep it stored safely and away from children. We've been around long enough to know that the customers who last are the careful ones.",
        "How we ship: items are broken down and hidden inside household electronics or machinery that match the declared contents. Each package is x-rayed by us with our own machine before it goes out. Larger items ship in several parcels over a few days to different addresses if you want.",
        "We get asked a lot if our stuff is real. Yes. We test everything before it leaves, we don't sell airsoft, replicas or blank guns, and we don't sell junk. If you want pictures with your username and today's date, ask, and we'll send them before you pay.",
    ],
    "drug": [
        "Our product is tested by an independent lab every batch. We post the results on the forum. We don't cut, we don't mix, what you see is what you get. If your reagent test shows anything else, message us and we will sort it out.",
        "Dosing info: start low and go slow. Wait at least two hours before redosing. Don't mix with alcohol or other depressants. Have a friend around, stay hydrated, and test your substances. We want you to come back, alive.",
    ],
}


def decorate_desc(desc, lang, domain):
    if not desc:
        return desc
    extra = []
    if lang == "en" and R.random() < 0.1:
        pool = RAMBLE["any"] + RAMBLE.get(domain, [])
        desc = desc + "\n\n" + "\n\n".join(R.sample(pool, R.randint(1, 3)))
    if R.random() < 0.45:
        extra.append(ship_line(lang))
    if R.random() < 0.5:
        pool = BOILER.get(lang) or BOILER["en"]
        extra += R.sample(pool, R.randint(1, 3))
    if R.random() < 0.1 and lang != "en":
        extra += R.sample(BOILER["en"], 1)
    if extra:
        if R.random() < 0.7:
            desc = desc + pick(["\n\n", "\n", " ", " -- "]) + " ".join(extra)
        else:
            desc = " ".join(extra) + pick(["\n\n", "\n", " "]) + desc
    if R.random() < 0.04:
        desc = desc + "\n\n" + pgp_block()
    if R.random() < 0.08:
        desc = desc + " " + "".join(R.sample(EMOJI, R.randint(1, 3)))
    if R.random() < 0.05:
        desc = desc.upper()
    if R.random() < 0.12:
        desc = typos(desc, 0.03)
    return desc


# --------------------------------------------------------------------------- obfuscation

OBF_TARGETS = re.compile(
    r"\b(glock|pistol|pistols|handgun|gun|guns|rifle|ammo|ammunition|rounds|silencer|suppressor|"
    r"makarov|beretta|colt|uzi|shotgun|magazine|mags|bullets|revolver|sig|taurus|ruger|"
    r"kalashnikov|tokarev|mossberg|remington|walther|cartridges|switch|receiver|lower|slide|"
    r"barrel|pistole|munition|waffe|pistola|balas|munitions|arma|patrones|fusil|chargeur|"
    r"glocks|auto sear|stl|files|ak-47|ak47|ar-15|ar15|9mm|xanax|cocaine|mdma|weed|kush|"
    r"cvv|fullz|taser|airsoft|pellets|knife|pills)\b", re.I)


def obf_word(w):
    k = R.random()
    if w.lower() == "9mm":
        return pick(["9 mil", "nine mm", "9 m.m.", "9-mm", "9mil", "9 mm", "niner"])
    if w.lower() in ("ar-15", "ar15"):
        return pick(["AR 15", "A.R.-15", "AR fifteen", "a r 15", "AR.15"])
    if w.lower() in ("ak-47", "ak47"):
        return pick(["A.K 47", "A K 47", "AK 47", "A.K.-47", "Kalash 47"])
    if w.lower() in ("ammo", "ammunition"):
        return pick(["amo", "ammunitions", "ammo's", "amm0", "a.m.m.o", "ammunation"])
    if w.lower() in ("silencer", "suppressor"):
        return pick(["$ilencer", "suppress0r", "supp", "si1encer", "s*ppressor", "sound moderator"])
    if k < 0.25:
        table = {"o": "0", "i": "1", "e": "3", "a": "@", "s": "$"}
        return "".join(table.get(c.lower(), c) if R.random() < 0.6 else c for c in w)
    if k < 0.45:
        return ".".join(w)
    if k < 0.6:
        return " ".join(w.upper())
    if k < 0.8:
        vs = [i for i, c in enumerate(w) if c.lower() in "aeiou"]
        if vs:
            i = pick(vs)
            return w[:i] + "*" + w[i + 1:]
        return w + "z"
    if k < 0.9:
        return w[0] + "-" + w[1:]
    return w.replace("o", "oo", 1) if "o" in w else w + w[-1]


def obfuscate(s, p=0.6):
    def sub(m):
        return obf_word(m.group(0)) if R.random() < p else m.group(0)
    return OBF_TARGETS.sub(sub, s)


def typos(s, rate):
    out = []
    for w in s.split(" "):
        if len(w) > 3 and R.random() < rate:
            i = R.randrange(len(w) - 1)
            k = R.random()
            if k < 0.4:
                w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
            elif k < 0.7:
                w = w[:i] + w[i + 1:]
            else:
                w = w[:i] + w[i] + w[i:]
        out.append(w)
    return " ".join(out)


# --------------------------------------------------------------------------- titles

def decorate(title, desc, lang, spec, slots):
    if R.random() < spec.get("obf", 0.08):
        title = obfuscate(title)
        if R.random() < 0.5:
            desc = obfuscate(desc, 0.3)
    if R.random() < 0.05:
        title = typos(title, 0.25)
    k = R.random()
    if k < 0.09:
        title = title.upper()
    elif k < 0.15:
        title = title.lower()
    elif k < 0.2:
        title = title.title()
    if R.random() < 0.16:
        t = pick(TAGS)
        title = (t + " " + title) if R.random() < 0.6 else (title + " " + t)
    if R.random() < 0.07:
        e = "".join(R.sample(EMOJI, R.randint(1, 3)))
        title = pick([e + " " + title, title + " " + e, e + title + e])
    if R.random() < 0.06:
        title = title + pick(["!!!", "!!", " !!!", "!!!!!", " ***", "..."])
    if R.random() < 0.07:
        cur = pick(["$", "€", "", "USD ", "£"])
        amt = R.choice([25, 40, 60, 99, 120, 150, 199, 250, 350, 450, 600, 850, 1200])
        p = pick(["- {c}{a}", "| {c}{a}", "({c}{a})", "@ {c}{a}", "ONLY {c}{a}"])
        title = title + " " + p.replace("{c}", cur).replace("{a}", str(amt))
    if R.random() < 0.04:
        title = title + " " + pick(["- ships from " + pick(COUNTRIES), "[" + pick(COUNTRIES) + "]",
                                    "(" + pick(COUNTRIES) + " > WW)", "| " + pick(COUNTRIES)])
    if R.random() < spec.get("multipart", 0.025):
        title = title + " " + pick(["Pt.1", "Pt.2", "pt 2/2", "(part 1 of 2)", "- Part 2",
                                    "[1/3]", "2 of 2", "- order 2", "#2"])
    return title.strip(), desc


# --------------------------------------------------------------------------- categories

def default_cats(labels, domain):
    if "firearm" in labels:
        return "firearm"
    if "ammunition" in labels:
        return "ammo"
    if "part" in labels:
        return "part"
    if "design" in labels:
        return "design"
    return {"gun": "weapon_other", "drug": "drug", "fraud": "fraud", "digital": "digital",
            "weapon": "weapon", "unclear": "unclear"}.get(domain, "misc")


def category(spec):
    cats = spec.get("cats", "misc")
    pool = pools_neg.CATS[cats] if isinstance(cats, str) else cats
    k = R.random()
    if k < 0.12:
        return pick(pools_neg.CATS["generic"])
    if k < 0.19:
        allc = pools_neg.ALL_CATS
        return pick(allc)
    return pick(pool)


# --------------------------------------------------------------------------- prices

def fmt_thousands(x, dec, sep=",", point="."):
    s = ("%0." + str(dec) + "f") % x
    if dec:
        whole, frac = s.split(".")
    else:
        whole, frac = s, ""
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sep.join(groups) + (point + frac if dec else "")


def price(rng, lang, mult):
    lo, hi = rng
    usd = R.uniform(lo, hi) * mult
    if usd > 40:
        usd = round(usd / 5) * 5 + pick([0, 0, 0, -0.01, 4.99, 0.5])
    usd = max(usd, 1.0)
    btc_rate = R.uniform(6000, 65000)
    btc = usd / btc_rate
    k = R.random()
    if lang == "ru" and k < 0.35:
        rub = round(usd * R.uniform(60, 95), -1)
        return pick(["%s руб" % fmt_thousands(rub, 0, " "), "%s ₽" % fmt_thousands(rub, 0, " "),
                     "%d р." % rub])
    if lang in ("de", "fr", "es") and k < 0.35:
        eur = usd * 0.92
        return pick(["%s €" % fmt_thousands(eur, 2, ".", ","), "€%s" % fmt_thousands(eur, 2),
                     "%s EUR" % fmt_thousands(eur, 2, ".", ","), "%d€" % eur])
    fmts = [
        (0.2, lambda: "USD %s" % ("%.2f" % usd)),
        (0.1, lambda: "$%s" % fmt_thousands(usd, 0 if usd > 100 else 2)),
        (0.15, lambda: "%.8f" % btc),
        (0.12, lambda: "%s BTC" % ("%.4f" % btc if btc > 0.001 else "%.6f" % btc)),
        (0.1, lambda: "USD %.2f / %.4f BTC" % (usd, btc)),
        (0.06, lambda: "%s XMR" % ("%.2f" % (usd / R.uniform(90, 260)))),
        (0.06, lambda: "%s €" % fmt_thousands(usd * 0.92, 2, ".", ",")),
        (0.04, lambda: "€%s" % fmt_thousands(usd * 0.92, 2)),
        (0.04, lambda: "£%s" % fmt_thousands(usd * 0.79, 2)),
        (0.04, lambda: "%s USD" % fmt_thousands(usd, 0)),
        (0.03, lambda: "%d$" % usd),
        (0.03, lambda: "BTC %.5f" % btc),
        (0.03, lambda: "%s" % ("%.2f" % usd)),
        (0.04, lambda: "%.4f BTC (~$%d)" % (btc, usd)),
    ]
    x = R.random() * sum(w for w, _ in fmts)
    for w, f in fmts:
        x -= w
        if x <= 0:
            return f()
    return "USD %.2f" % usd


# --------------------------------------------------------------------------- vendors

V1 = ["dark", "silent", "ghost", "euro", "dutch", "tactical", "iron", "green", "royal", "north",
      "uk", "german", "cali", "smoke", "happy", "blue", "frosty", "lucky", "black", "red", "old",
      "mister", "doc", "big", "lil", "top", "grey", "shadow", "alpine", "baltic", "nordic",
      "candy", "cloud", "night", "sunny", "crypto", "quiet", "steel", "wild", "urban", "polar",
      "mega", "pure", "true", "high", "deep", "first", "golden", "white", "emerald", "vintage"]
V2 = ["wolf", "king", "armory", "supply", "pharma", "labs", "shop", "dealer", "vendor", "store",
      "trader", "connect", "plug", "direct", "brothers", "crew", "house", "garden", "market",
      "chemist", "farmer", "doctor", "fox", "bear", "tiger", "eagle", "owl", "ninja", "outlet",
      "depot", "works", "factory", "club", "express", "guy", "man", "team", "cartel", "union",
      "hub", "stash", "bazaar", "corner", "kitchen", "lab", "society", "traders", "saint"]
V_SOLO = ["MrWhite", "Dr.Feelgood", "Heisenbrg", "xXShadowXx", "Kaiser", "Nomad", "Tomcat",
          "Bratva", "Zhelezo", "Oruzheynik", "Ivanov77", "Amsterdamned", "Rotterdammer",
          "Lisboa_Connect", "ElPatron", "LaFabrica", "LeChimiste", "Schmied", "Waffenmeister",
          "Kowalski", "PanamaRed", "Cheshire", "Mad_Hatter", "Gandalf", "Bilbo", "Sauron",
          "Rincewind", "Tyrell", "Deckard", "Ripley", "Vasquez", "Hicks", "Ronin", "Samurai",
          "Shogun", "Tsar", "Boyar", "Kozak", "Hetman", "Viking", "Berserker", "Odin", "Freya",
          "Apollo", "Hermes", "Athena", "Zeus", "Pandora", "Medusa", "Orion", "Sirius", "Vega"]


def vendor(domain, lang):
    k = R.random()
    if k < 0.18:
        v = pick(V_SOLO)
    else:
        a, b = pick(V1), pick(V2)
        style = R.random()
        if style < 0.3:
            v = a.capitalize() + b.capitalize()
        elif style < 0.5:
            v = a + "_" + b
        elif style < 0.65:
            v = a + b
        elif style < 0.8:
            v = a.capitalize() + b.capitalize() + str(R.randint(1, 999))
        else:
            v = a + "-" + b
    if R.random() < 0.08:
        v = pick(["The", "the"]) + v[:1].upper() + v[1:]
    if R.random() < 0.05:
        v = v + pick(["_official", "_NL", "_DE", "_US", "_UK", "EU", "-backup", "2"])
    return v
