"""Round 4: everyday words that earlier rounds used almost only on gun listings, and the gun listings
earlier rounds lacked (see README, "Round 4").

A probe of the round-3 model with one-word titles (every word that occurs three or more times in the
corpus, alone) flagged ~90 ordinary words: "special" (from .38 Special), "round" (from rounds), "load",
"genuine", "excellent", "mint", "perfect", "terms", "police", "holster", "long", "two", "type", "cobra",
"coach", "delta", "thunder", "black", "live", "case", "box", "tip", "ball", "ship"... In the corpus they
stood almost only in gun rows ("special" 38 positive rows to 1 negative, "load" 72 to 0, "genuine" 16 to
0). Real markets use them everywhere: Special K, round trip, delta-8, Cobra 120mg, Coach bags, live resin,
"excellent condition, ships in original box". So:

* negatives (none): ordinary listings built around those words, in the used-goods, travel, drug, fashion,
  electronics, fraud and service registers, with the condition / shipping / terms talk that gun listings
  use too (five languages for the condition words: Zustand, neuwertig, usada, estado, occasion...);
* positives: the cheap pistols earlier rounds left out (Phoenix Arms, Jennings, Lorcin, Raven, Bryco,
  Jimenez, Davis, High Standard, Iver Johnson, H&R, Rohm, SCCY...) by maker and bare calibre, often
  misspelt ("jenings 22", "lorsin 380", "hi point 9"), and custom / multi-part orders for guns,
  ammunition and parts whose long descriptions are vendor talk (deposit, "buy both parts", stealth,
  pictures on request);
* negatives with the same custom / multi-part vendor talk for drugs and fraud, so that talk is no cue;
* part words (slide, upper, silencer, trigger, barrel, frame, receiver, bolt, stock, switch, jig, conversion
  kit) on terse titles of other goods (slide sandals, exhaust silencers, AV receivers, rain barrels);
* military-pattern rifles, SMGs and combat shotguns (AK, AR / M4, HK, FN, SMGs...) as firearms, in the same
  name + type + action shapes as round 3's airsoft rows but without the deciding word: airsoft rows and
  "AK-47" strains had made these names lean none or part.

Titles and descriptions go through pools_round3.wrap / short_desc (same rates for positives and
negatives) except the custom orders, whose descriptions are the point.
"""

from pools_round3 import BUYERS, CTRY, fill, mkspec, pick

ALL5 = ("en", "de", "ru", "es", "fr")

# --------------------------------------------------------------------------- everyday words, not guns

# Each entry: titles (en) that use a word the round-3 model read as a gun cue in a non-gun sense.
EVERYDAY_T = [
    # special
    "Special K {n}g", "Special K (ketamine) {n}g crystal", "Special offer: {drug} {n}g", "special offer this week",
    "** special offer ** {drug}", "Special offer - read description", "Christmas special - {drug} {n}g", "Weekend special {drug}", "Special price {drug} {n}g",
    "Special edition {watch}", "Special Brew lager x{n}", "special deal - {n} x {pill}", "Special order for {b}",
    "Special request listing", "{drug} {n}g - SPECIAL", "special blend tea", "Special K x {n}g bulk",
    # round
    "Roundtrip airfare {city} - {city2}", "Round-trip flights at 40% off", "round trip tickets x2",
    "Hotel booking service {city} (50% off)", "Year round grow box", "Round {pill} pills x{n}", "{n} round white pills ({pill})",
    "Round cut diamond ring 0.5ct", "Round sunglasses (unisex)", "Round 2 - {drug} {n}g", "all-round {tool} set",
    "round neck t-shirt x{n}", "Round tablets {pill} {dose}",
    # load / loaded / live
    "Loaded PayPal account ${n}0", "Loaded {card} gift card", "Bank log + load method", "Card load tutorial",
    "Loaded carts {n} pack", "Live resin {n}g", "Live rosin badder {n}g", "Live CC dumps", "Live {card} fullz x{n}",
    "Loaded potato chips snack pack", "heavy load washing machine", "load balancer VPS",
    # delta / cobra / coach / thunder / python / black / axis / nova / shield / commander / charter / colt...
    "Delta-8 carts {n} pack", "Delta 9 gummies {n}mg", "Delta-8 flower {n}g", "Cobra 120mg x{n}", "Cobra (sildenafil) {n} tabs",
    "Coach handbag (replica)", "Coach wallet - genuine leather", "Thunder Fuck {n}g", "Thunder strain {n}g",
    "Python OG {n}g", "Python 3 course (video)", "Black tar {n}g", "Black Label whisky", "Black Friday deal {drug}",
    "Axis Bank login", "Nova pills {n}x", "Norton Shield VPN", "Commander jacket (black)", "Charter flight {city}",
    "Colt 45 malt liquor x{n}", "Jericho Rose plants x{n}", "Ranger boots size {sz}", "Sig (signature) stamp",
    "Mossy oak camo hoodie", "Magnum ice cream box", "Ruger-pattern phone case", "Victory ticket resale",
    # condition and shop words
    "{good} - excellent condition", "{good}, lightly used", "{good} (mint)", "MINT {good}", "{good} genuine, original box",
    "Genuine {watch}", "{good} - perfect working order", "{good} works perfect", "{good} - like new, two available",
    "{good} - one of a kind", "Two {good}s", "long {good2}", "small {good2}", "{good} type C", "{good} + case",
    "{good} with box and papers", "{watch} full set, box and papers", "Police scanner (handheld)", "Police uniform costume",
    "Police badge replica", "police auction {good}", "Night vision baby monitor", "Holster bag for phone (belt)",
    "Leather holster wallet", "phone holster clip", "{good} - serial number intact", "{good} - terms in profile",
    "{good} - see pics", "{good} tip jar", "Ping pong balls x{n}", "Golf balls x{n} (used)", "Ball bearings x{n}",
    "{good} - sold as seen", "Ex-police {car} parts", "Tip: {drug} dosing guide", "Long sleeve shirt x{n}",
    "{good} - ships in {n} days", "{good} (shipping worldwide)", "{good} with all accessories",
    # double / single / grams / quality words
    "{edible} double strength", "Double dose {pill} {dose}", "double pack {good2}", "Double stack pancakes mix",
    "Single origin coffee {n}00g", "single dose {drug} {n} caps", "{n}00 GR {drug}", "{n} gr {drug} (top quality)",
    "{n} GR hash (Moroccan)", "Good {drug} cheap", "Real {drug}, not cut", "Fine {drug} {n}g", "Clean {drug} {n}g",
    "Standard shipping upgrade", "Micro SD card 128GB", "Micro dose {drug} x{n}", "Nine West shoes", "Home delivery {city}",
    "Military discount card", "Military boots size {sz}", "Quiet PC fan 120mm", "Silent generator 2kW",
    "Stack of {n} gift cards", "Titanium necklace", "Titanium watch band", "Menstrual cups x2", "Coffee cups set x{n}",
    "Air compressor 50L", "Gas canister for camping", "Laughing gas 8g x{n}", "Forged Damascus kitchen knife",
    "Machined aluminium phone stand", "Threaded rod M8 x{n}", "Tube amp 30W", "Test tubes x{n}", "Spring water 24 pack",
    "Box spring mattress", "Lapel pin x{n}", "Bowling pins set", "Panic button keychain", "Lego block set",
    "Flat screen TV 55\"", "Flat in {city} (sublet)", "Fits all iPhones - charger cable", "Compatible toner cartridge",
    "Large capacity power bank", "Carry-on suitcase", "Car papers (V5) template", "Registered mail upgrade",
    "Sealed {good}", "Loose diamonds {n}ct", "Self defense course (video)", "Delta-9 vape", "Reloj {watch} automático",
    "Montre {watch} neuve avec papiers", "{drug} {n}g - neuf, sous vide",
]
EVERYDAY = {
    "n": ["1", "2", "3", "5", "7", "10", "14", "20", "25", "28", "50", "100"],
    "drug": ["MDMA", "cocaine", "speed", "ketamine", "weed", "hash", "LSD", "meth", "2C-B", "mushrooms", "heroin"],
    "pill": ["Xanax", "Oxy", "Valium", "Adderall", "Tramadol", "ecstasy", "Percocet", "Lyrica"],
    "dose": ["2mg", "10mg", "30mg", "100mg", "200mg"],
    "watch": ["Rolex Submariner", "Omega Speedmaster", "Breitling Navitimer", "TAG Heuer Carrera", "Cartier Santos",
              "Seiko diver", "Casio G-Shock", "Audemars Piguet Royal Oak", "Patek Philippe Nautilus"],
    "good": ["iPhone 13", "MacBook Air", "Samsung S22", "PS5", "Nintendo Switch", "DJI drone", "GoPro 11", "Canon EOS camera",
             "Dyson hoover", "road bike", "Louis Vuitton bag", "Gucci belt", "Ray-Ban sunglasses", "AirPods Pro",
             "Xbox controller", "Kindle", "Garmin watch", "gaming PC", "Leica lens", "Fender guitar", "Bose headphones",
             "Ledger Nano X", "Trezor wallet", "scooter", "power bank", "espresso machine"],
    "good2": ["sleeve shirt", "board", "coat", "USB cable", "dress", "wallet", "hoodie", "skirt", "socks x10"],
    "tool": ["screwdriver", "socket", "pliers", "drill bit"],
    "card": ["Amex", "Visa", "Mastercard", "Walmart", "Amazon"],
    "car": ["Ford Crown Victoria", "Dodge Charger", "Chevy Tahoe"],
    "city": ["NYC", "London", "Paris", "Dubai", "Bangkok", "Madrid", "Berlin", "Moscow", "LA", "Miami", "Rome"],
    "city2": ["Cancun", "Ibiza", "Bali", "Tokyo", "Istanbul", "Lisbon"],
    "b": BUYERS, "sz": ["9", "10", "42", "44"], "emo": ["🔥", "🔥🔥", "!!!", "✅", "⭐⭐"],
    "edible": ["Cannabis chocolate", "Space cake", "THC gummies", "Cannabis cookies", "Edible brownie", "Weed chocolate bar"],
}
EVERYDAY_ITEM = [
    "Excellent condition, barely used.", "Lightly used, no scratches.", "Original box and papers included.",
    "Comes with charger and case.", "Genuine, bought in {city}.", "Works perfectly, tested.", "Serial number intact.",
    "See pics for condition.", "Terms: no refunds after shipping.", "Ships in 2 days, tracked.", "Mint condition.",
    "Two available.", "Long lasting.", "Special price this week only.", "Perfect for everyday use.",
    "Round trip, 7 nights, transferable booking.", "Type: {drug}.", "Ships worldwide.", "Pre-owned, fully working.",
    "Police auction lot, sold as seen.", "Price is for one.", "Loaded and verified before sending.",
]
EVERYDAY_I18N = {
    "de": ["{good} - sehr guter Zustand", "{good} neuwertig, OVP", "Verkaufe {good}", "{good} ohne Kratzer",
           "{good} gebraucht, voll funktionsfähig", "{watch} mit Box und Papieren", "{good} - Versand DE",
           "Sonderangebot: {drug} {n}g", "Hin- und Rückflug {city} + Hotel", "Polizei Uniform (Kostüm)"],
    "ru": ["{good} в отличном состоянии", "{good} б/у, как новый", "Продаю {good}", "{watch} оригинал, полный комплект",
           "Спецпредложение: {drug} {n}г", "Авиабилеты {city} туда и обратно", "{good} - отправка по РФ"],
    "es": ["{good} - usada, en buen estado", "{good} nueva, sin abrir", "Vendo {good}", "{watch} original con caja",
           "Oferta especial {drug} {n}g", "Vuelo ida y vuelta {city} + hotel", "{good} - envío 24h"],
    "fr": ["{good} - très bon état", "{good} d'occasion, comme neuf", "Vends {good}", "{watch} complète, boîte et papiers",
           "Offre spéciale {drug} {n}g", "Vol aller-retour {city} + hôtel", "{good} - envoi en colis suivi"],
}
EVERYDAY_ITEM_I18N = {
    "de": ["Sehr guter Zustand.", "Originalverpackung.", "Versand mit Sendungsverfolgung.", "Funktioniert einwandfrei."],
    "ru": ["Отличное состояние.", "Полный комплект.", "Отправка почтой.", "Всё работает."],
    "es": ["Buen estado.", "Con caja original.", "Envío con seguimiento.", "Funciona perfecto."],
    "fr": ["Très bon état.", "Boîte d'origine.", "Envoi suivi.", "Fonctionne parfaitement."],
}


def everyday_make(R, lang):
    cache = {}
    if lang == "en":
        t = fill(R, pick(R, EVERYDAY_T), EVERYDAY, cache)
        return t, [fill(R, x, EVERYDAY, cache) for x in EVERYDAY_ITEM]
    t = fill(R, pick(R, EVERYDAY_I18N[lang]), EVERYDAY, cache)
    return t, list(EVERYDAY_ITEM_I18N[lang])


# --------------------------------------------------------------------------- cheap pistols, often misspelt

# (ways to write the maker, models, calibres, kind)
CHEAP = [
    (["Phoenix Arms", "Phoenix", "phoenix arms", "Phoenix HP"], ["HP22", "HP25", "HP22A", "Raven"], [".22", ".22lr", ".25", ".25 ACP"], "pistol"),
    (["Jennings", "jenings", "Jennings Firearms"], ["J-22", "J22", "J-25", "Nine"], [".22", ".22lr", ".25"], "pistol"),
    (["Lorcin", "lorcin", "lorsin"], ["L-25", "L22", "L380", "L9mm"], [".25", ".22", ".380", "9mm"], "pistol"),
    (["Raven Arms", "Raven", "raven"], ["MP-25", "P-25"], [".25 ACP", ".25", "25 auto"], "pistol"),
    (["Bryco", "bryco", "Bryco Arms"], ["38", "48", "59", "Jennings 9"], [".380", ".32", "9mm"], "pistol"),
    (["Jimenez", "Jimenez Arms", "jiminez"], ["JA-380", "JA-22", "JA-25", "J.A. Nine"], [".380", ".22", ".25", "9mm"], "pistol"),
    (["Davis", "Davis Industries", "davis"], ["P-32", "P-380", "D-22 derringer", "DM-22"], [".32", ".380", ".22"], "pistol"),
    (["Cobra", "Cobra Firearms", "cobra"], ["CA-380", "Freedom", "Big Bore derringer", "Patriot"], [".380", ".32", ".38 spl", "9mm"], "pistol"),
    (["Hi-Point", "Hi Point", "hipoint", "hi point", "HiPoint", "Hi-point"], ["C9", "CF380", "JCP", "JHP", "995", "4095"], ["9mm", "9", ".380", ".40", ".45"], "pistol"),
    (["High Standard", "hi standard", "High Std"], ["Sentinel", "Double-Nine", "Supermatic", "HD Military"], [".22", ".22lr", ".22 mag"], "pistol"),
    (["Iver Johnson", "iver johnson", "Iver Johnston"], ["Top Break", "Cadet", "TP22", "Sealed 8"], [".22", ".32", ".38 S&W"], "revolver"),
    (["H&R", "Harrington & Richardson", "harrington and richardson", "H and R"], ["929 Sidekick", "732", "922", "Ultra Slug", "Topper"], [".22", ".32", "12ga", "20ga"], "revolver"),
    (["Rohm", "RG", "Röhm", "rohm"], ["RG-10", "RG-14", "RG-38", "RG-23"], [".22", ".38 spl", ".22lr"], "revolver"),
    (["SCCY", "sccy", "Skyy"], ["CPX-1", "CPX-2", "DVG-1", "CPX-3"], ["9mm", ".380"], "pistol"),
    (["Kel-Tec", "keltec", "Kel tec"], ["P-11", "P32", "PF-9", "PMR-30", "Sub-2000"], ["9mm", ".32", ".22 mag"], "pistol"),
    (["Charter Arms", "charter arms", "Charter"], ["Undercover", "Bulldog", "Pathfinder", "Off Duty"], [".38 spl", ".44 spl", ".22"], "revolver"),
    (["North American Arms", "NAA", "naa"], ["mini revolver", "Black Widow", "Pug", "Guardian"], [".22 mag", ".22lr", ".32", ".380"], "revolver"),
    (["Taurus", "taurus", "tarus", "Taurus Arms"], ["PT22", "PT25", "85", "605", "G2C", "TCP"], [".22", ".25", ".38", ".357", "9mm", ".380"], "pistol"),
    (["Smith & Wesson", "smith n wesson", "smith and wesson", "S&W", "smith wesson"], ["SD9VE", "Model 10", "Model 36", "Bodyguard 380", "SW40VE", "Sigma"], ["9mm", ".38 spl", ".380", ".40"], "pistol"),
    (["Beretta", "berreta", "baretta", "Beretta"], ["Tomcat", "Bobcat", "Pico", "Nano", "84", "Cheetah"], [".32", ".22", ".380", "9mm"], "pistol"),
    (["Ruger", "rugar", "ruger"], ["LCP", "SR22", "Mark II", "Single Six", "Security Six", "P95"], [".380", ".22", ".357", "9mm"], "pistol"),
    (["Bersa", "bersa", "Bersa Thunder"], ["Thunder 380", "Thunder 22", "Firestorm", "BP9"], [".380", ".22", "9mm"], "pistol"),
    (["Makarov", "makarov", "makarv"], ["PM", "PMM", "IJ-70"], ["9x18", "9mm mak", ".380"], "pistol"),
]
CHEAP_T = {
    "en": ["{mk} {cal}", "{mk} {cal}", "{mk} {md}", "{mk} {md} {cal}", "{mk} {cal} {kind}", "{cal} {mk}", "{mk} {md}",
           "{mk} {md} - {cal}", "used {mk} {cal}", "{mk} {cal} w/ mag", "{mk} {md} {cal} + box", "{mk} {kind}",
           "{mk} {cal} (clean)", "{mk} {md} {cal} {kind} {ctry}", "{mk} {cal} {kind} no papers", "{mk} {md} cheap"],
    "de": ["{mk} {cal} Pistole", "{mk} {md} {cal}", "{mk} {md} gebraucht", "{mk} Kaliber {cal}"],
    "ru": ["{mk} {cal}", "{mk} {md} {cal} пистолет", "Пистолет {mk} {md}", "{mk} {md} б/у"],
    "es": ["{mk} {cal}", "Pistola {mk} {md} {cal}", "{mk} {md} usada", "Revólver {mk} {cal}"],
    "fr": ["{mk} {cal}", "Pistolet {mk} {md} {cal}", "{mk} {md} d'occasion", "Revolver {mk} {cal}"],
}
CHEAP_ITEM = {
    "en": ["Shoots fine.", "{cal}, {md}.", "One mag.", "Cheap but it works.", "Some holster wear.", "Test fired.",
           "Small and easy to hide.", "Clean, not registered.", "Comes with {n} rounds."],
    "de": ["Funktioniert.", "Ein Magazin.", "Nicht registriert."], "ru": ["Рабочий.", "Один магазин.", "Чистый."],
    "es": ["Funciona bien.", "Un cargador.", "Sin registro."], "fr": ["Fonctionne.", "Un chargeur.", "Non déclaré."],
}


def cheap_make(R, lang):
    makers, models, cals, kind = pick(R, CHEAP)
    slots = {"mk": makers, "md": models, "cal": cals, "ctry": CTRY, "n": ["20", "25", "50"],
             "kind": [kind, kind, "gun", "piece", "handgun"] if lang == "en" else [kind]}
    cache = {}
    t = fill(R, pick(R, CHEAP_T[lang]), slots, cache)
    items = [fill(R, x, slots, cache) for x in CHEAP_ITEM[lang] if lang != "en" or "rounds" not in x]
    return t, items


# --------------------------------------------------------------------------- custom and multi-part orders

# The gun side: what is ordered, and its label. The description is vendor talk about the order.
CO_ITEMS = {
    "ammunition": ["Ammo", "ammo", "Ammunition", "{cal} ammo", "{cal} rounds", "{cal} Ammo", "Ammo ({cal})", "Bulk ammo",
                   "Shotgun shells", "ammo box", "{cal} FMJ", "Reloads"],
    "firearm": ["Pistol", "Handgun", "Gun", "Firearm", "Glock", "{cal} pistol", "Revolver", "Rifle", "AR-15", "AK",
                "Shotgun", "Piece", "Heater"],
    "part": ["Suppressor", "Silencer", "Glock switch", "Auto sear", "Slide", "Upper", "Lower receiver", "Mags", "Barrel",
             "Conversion kit", "80% lower"],
}
CO_CAL = [".22", "9mm", ".45", ".40", ".380", "5.56", "7.62x39", "12ga", ".223", ".308", "9x19", ".38"]
CO_T = ["Custom {it} order - first half", "{it} for {b} (2 of 2)", "Custom {it} Order Pt 1", "Custom {it} order (part 1 of 2)",
        "{it} custom order - part 2", "Custom {it} listing for {b}", "{it} - custom order", "Part 1: {it} order for {b}",
        "Custom {it} Order", "{it} order pt.2 ({b})", "Deposit - {it} order", "{it} order - balance (pt 2)",
        "Private {it} order", "{it} (custom, read desc)", "[CUSTOM] {it}", "{it} - made to order"]
# vendor talk about custom / multi-part orders; the same lines go on the drug and fraud orders below
CO_TALK = [
    "Send me your wishlist and a budget; if I can source it I quote you within a day.",
    "Private listings only, your handle goes in the title.",
    "Half now, half when the tracking number is up.",
    "This is part 1 of 2. Part 2 is the balance and goes up when you confirm.",
    "Pay the deposit here, the rest on the second listing.",
    "Message me before ordering. Pictures on request.",
    "Ships in stealth, vacuum sealed, tracked.", "Stealth mode, discreet packaging, no names on the box.",
    "Only for buyers I know. New buyers: FE is not possible.", "Escrow only, finalize when you receive.",
    "Stock changes every week, ask for the list.", "Prices depend on quantity, bulk is cheaper.",
    "Do not order without messaging me first, orders without a message get cancelled.",
    "I post the second part within 24h of payment.", "Custom quantities available, just ask.",
    "Read my profile for terms.", "Reship once if lost, no refunds after shipping.",
    "Tell me the amount and where it goes and I will quote you.", "Everything is tested before it goes out.",
]
CO_ITEM_TALK = {
    "ammunition": ["Any calibre: {cal}, 9mm, .45, 5.56, 12ga and more.", "Rifle and pistol calibres, shotgun shells too.",
                   "Boxes of 50, loose rounds or full cases.", "Factory new, no reloads unless you ask.",
                   "Ammo goes in a separate parcel from anything else."],
    "firearm": ["Handguns and long guns, ask what is in stock.", "Clean pieces, never registered.", "Tested, fires fine.",
                "Comes with one mag, extra mags on request.", "{cal} in stock right now."],
    "part": ["Fits most models, tell me which gun.", "Machined, not printed.", "Threaded {cal} in stock.",
             "Installs in minutes, instructions included.", "Sold as a part only."],
}
CO_DRUG_ITEMS = ["MDMA", "Coke", "Xanax bars", "Weed", "Meth", "Ket", "Oxy 30s", "LSD tabs", "Hash", "Pills", "Carts",
                 "Mushrooms", "Heroin", "Speed", "Molly", "Bud"]
CO_DRUG_TALK = ["Any quantity from 1g to 1kg.", "Purity tested, lab results on request.", "Weight always accurate.",
                "Pressed pills, same batch.", "Good quality, good prices.", "Sample sizes for new buyers."]
CO_FRAUD_ITEMS = ["Fullz", "Bank logs", "Fake ID", "Counterfeit notes", "CVV", "PayPal accounts", "Dumps with PIN",
                  "Drivers license", "Passport scan"]
CO_FRAUD_TALK = ["Fresh logs, checked before sending.", "Any state or country, send the details.",
                 "Holograms and UV on request.", "Valid rate above 90%, replacements for dead ones."]


def _co(R, it, item_talk):
    slots = {"it": [it], "b": BUYERS, "cal": CO_CAL}
    cache = {}
    title = fill(R, pick(R, CO_T), slots, cache)
    n_talk = R.randint(2, 6)
    parts = R.sample(CO_TALK, n_talk) + R.sample(item_talk, R.randint(0, 2))
    R.shuffle(parts)
    desc = " ".join(fill(R, p, slots, cache) for p in parts)
    if R.random() < 0.15:
        desc = ""
    return title, desc


def _co_spec(name, n, labels, it_pool, item_talk, cats, domain):
    """A spec whose description is the vendor talk itself (not short_desc)."""

    def slotter(R, lang):
        it = fill(R, pick(R, it_pool), {"cal": CO_CAL}, {})
        title, desc = _co(R, it, item_talk)
        return {"T": title, "D": desc, "_labels": [], "_qty_mult": 1.0}

    return {"name": name, "n": n, "labels": labels, "slotter": slotter, "titles": ["{T}"], "desc": [],
            "desc_fn": lambda R, lang, loc, slots: slots["D"], "cats": cats, "price": (50, 2500), "domain": domain,
            "langs": [], "obf": 0.0, "multipart": 0.0}


SPECS = [
    mkspec("r4n_everyday", 1200, [], everyday_make, "misc", (5, 2000), "shop", balance=0.15),
    mkspec("r4_cheap_pistols", 260, ["firearm"], cheap_make, "firearm", (120, 900), "gun", balance=0.1),
    _co_spec("r4_custom_ammo", 70, ["ammunition"], CO_ITEMS["ammunition"], CO_ITEM_TALK["ammunition"], "ammo", "gun"),
    _co_spec("r4_custom_gun", 60, ["firearm"], CO_ITEMS["firearm"], CO_ITEM_TALK["firearm"], "firearm", "gun"),
    _co_spec("r4_custom_part", 50, ["part"], CO_ITEMS["part"], CO_ITEM_TALK["part"], "part", "gun"),
    _co_spec("r4n_custom_drug", 140, [], CO_DRUG_ITEMS, CO_DRUG_TALK, "drug", "drug"),
    _co_spec("r4n_custom_fraud", 60, [], CO_FRAUD_ITEMS, CO_FRAUD_TALK, "fraud", "fraud"),
]


# --------------------------------------------------------------------------- military-pattern rifles and SMGs

# Round 3's airsoft negatives and the cannabis "AK-47" strains put these names on ~200 none rows and
# ~60 part rows against ~25 firearm rows, so "AK-47 7.62x39", "AKM" or "M4 full auto" alone read as
# not a gun (AKM even as a part). The same names, types and action words as pools_round3_airsoft.py,
# without the deciding airsoft / replica / strain word, are firearms.
RIFLES = [  # (ways to write it, calibres, type words)
    (["AK-47", "AK47", "AK 47", "Ak-47", "AK-47 Kalashnikov", "Kalashnikov", "Kalash"], ["7.62x39", "7.62", "7,62x39"], ["rifle", "assault rifle", "AK"]),
    (["AKM", "AKMS", "AKM Izhmash", "Polish AKM", "Yugo M70", "Zastava M70", "Norinco Type 56", "Type 56", "WASR-10", "WASR", "Arsenal SAM7"], ["7.62x39"], ["rifle", "assault rifle"]),
    (["AK-74", "AK74", "AKS-74", "AK-74M", "AK-105"], ["5.45x39", "5.45"], ["rifle", "assault rifle", "carbine"]),
    (["AKS-74U", "Krinkov", "krink", "AKS74U"], ["5.45x39", "7.62x39"], ["carbine", "SBR", "rifle"]),
    (["Draco", "Mini Draco", "Micro Draco", "Zastava M92 PAP"], ["7.62x39"], ["pistol", "AK pistol"]),
    (["AR-15", "AR15", "AR 15", "M4", "M4A1", "M16", "M16A2", "Colt M4", "Colt 6920", "M4 carbine", "Daniel Defense MK18", "BCM M4", "PSA AR-15", "Aero Precision AR-15"],
     ["5.56", "5.56x45", ".223", "5,56"], ["rifle", "carbine", "assault rifle", "AR"]),
    (["HK416", "HK 416", "G36", "G36C", "Steyr AUG", "FAMAS", "Tavor", "IWI Tavor X95", "SCAR-L", "FN SCAR 16", "Sig MCX", "Bren 2", "Galil"],
     ["5.56", ".223", "5.56 NATO"], ["rifle", "assault rifle", "carbine", "bullpup"]),
    (["SCAR-H", "FN SCAR 17", "FN FAL", "FAL", "HK G3", "G3", "HK91", "CETME", "M1A", "AR-10", "M14"], [".308", "7.62x51", "7.62 NATO"], ["rifle", "battle rifle", "DMR"]),
    (["SVD", "Dragunov", "Mosin Nagant", "Mosin", "PKM", "Tigr"], ["7.62x54R", "7.62x54"], ["rifle", "sniper rifle", "machine gun"]),
    (["MP5", "MP5K", "HK MP5", "Uzi", "Mini Uzi", "MAC-10", "MAC-11", "Skorpion", "Scorpion EVO", "CZ Scorpion", "Sten", "MP40", "Thompson", "Tommy gun", "UMP45", "Kriss Vector", "Vector"],
     ["9mm", "9x19", ".45", ".45 ACP", ".380", ".32"], ["SMG", "submachine gun", "machine pistol", "pistol"]),
    (["PPSh-41", "PPSh", "PPS-43"], ["7.62x25", "7.62 Tokarev"], ["SMG", "submachine gun"]),
    (["FN P90", "P90", "PS90", "MP7"], ["5.7x28", "4.6x30"], ["PDW", "SMG"]),
    (["M249", "M249 SAW", "RPK", "RPK-74", "PKM"], ["5.56", "7.62x39", "5.45", "7.62x54R"], ["LMG", "machine gun"]),
    (["Saiga-12", "Saiga 12", "Vepr-12", "SPAS-12", "Benelli M1014", "Remington 870", "Mossberg 590"], ["12ga", "12 gauge", "12/76"], ["shotgun", "combat shotgun"]),
    (["SKS", "SKS-45", "Simonov", "Norinco SKS", "Mini-14", "Ruger Mini-14", "M1 Garand", "Garand", "Kar98k", "K98"], ["7.62x39", ".223", ".30-06", "8mm Mauser"], ["rifle", "carbine"]),
]
R_ACT = ["full auto", "full-auto", "select fire", "semi auto", "semi-auto", "auto", "fully automatic", "semi", "3 round burst", "FA", "SF"]
R_TAG = ["underfolder", "folding stock", "side folder", "milled receiver", "stamped receiver", "wood furniture", "polymer",
         "Romanian", "Bulgarian", "Russian", "Chinese", "Polish", "Yugo", "Israeli", "military surplus", "ex-army",
         "16\"", "14.5\"", "10.5\"", "short barrel", "with optic", "red dot", "quad rail", "tan", "black", "FDE", "OD green",
         "new in box", "used", "clean", "unregistered", "no serial", "matching numbers", "real steel"]
R_EXTRA = ["+ {n} mags", "w/ {n} mags", "+ sling", "+ {n} mags + sling", "with case", "+ optic", "+ drum", "with 2 mags and bag"]
R_T = {
    "en": ["{gun}", "{gun} {cal}", "{gun} {ac}", "{gun} {ty}", "{gun} {ty} {cal}", "{ac} {gun}", "{gun} {cal} {ac}",
           "{gun} {ac} {ty}", "{gun} {tag}", "{tag} {gun} {cal}", "{gun} {tag} {ac}", "{gun} {cal} {ex}", "{gun} {ac} {ex}",
           "{gun} - {cal} - {ac}", "{gun} {ty} ({tag})", "{gun} {cal} {tag} {ex}", "{gun} {ac} ({cal})", "{gun} {ty} {ac} {ex}"],
    "de": ["{gun} {cal}", "{gun} Sturmgewehr {cal}", "{gun} Vollautomat", "{gun} halbautomatisch {cal}", "{gun} mit {n} Magazinen",
           "{gun} Dauerfeuer", "Maschinenpistole {gun}"],
    "ru": ["{gun} {cal}", "Автомат {gun} {cal}", "{gun} боевой", "{gun} с {n} магазинами", "Карабин {gun} {cal}", "{gun} автоматический огонь"],
    "es": ["{gun} {cal}", "Fusil de asalto {gun} {cal}", "{gun} automático", "{gun} con {n} cargadores", "Subfusil {gun}"],
    "fr": ["{gun} {cal}", "Fusil d'assaut {gun} {cal}", "{gun} tir en rafale", "{gun} avec {n} chargeurs", "Pistolet-mitrailleur {gun}"],
}
R_ITEM = {
    "en": ["Fires {cal}.", "Real steel, live fire.", "Test fired, runs fine.", "Comes with {n} mags.", "Full auto, works.",
           "Semi only.", "Clean bore.", "Ships disassembled in two parcels.", "Not airsoft, not a replica.", "Selector: safe / auto / semi.",
           "Folding stock, {cal}.", "Some wear on the furniture."],
    "de": ["Kaliber {cal}.", "Scharf, funktioniert.", "{n} Magazine dabei."], "ru": ["Калибр {cal}.", "Боевой, стреляет.", "{n} магазина."],
    "es": ["Calibre {cal}.", "Real, dispara.", "{n} cargadores."], "fr": ["Calibre {cal}.", "Arme réelle, fonctionne.", "{n} chargeurs."],
}


def rifle_make(R, lang):
    names, cals, types = pick(R, RIFLES)
    slots = {"gun": names, "cal": cals, "ty": types, "ac": R_ACT, "tag": R_TAG, "n": ["2", "3", "4", "5"],
             "ex": R_EXTRA}
    cache = {}
    t = fill(R, pick(R, R_T[lang]), slots, cache)
    return t, [fill(R, x, slots, cache) for x in R_ITEM[lang]]


SPECS.append(mkspec("r4_rifle_family", 380, ["firearm"], rifle_make, "firearm", (400, 4500), "gun", balance=0.1))


# --------------------------------------------------------------------------- part words on other goods

# Bare part words (slide, upper, silencer, trigger, barrel, frame, receiver, bolt, stock, switch, jig,
# conversion kit, solvent, cups) on terse titles of goods that are not gun parts: earlier rounds had
# them on far more part rows than none rows ("upper" 38 to 0, "slide" 63 to 8).
PART_WORDS_T = {
    "en": ["Slide sandals (unisex) size {sz}", "Kids garden slide", "Microscope slides x{n}", "Slide projector (vintage)",
           "Water slide inflatable", "Pitch deck slides template", "Guitar slide (glass)", "Slide-out drawer organiser",
           "Uppers bundle: speed + {drug}", "Upper deck tickets x2", "Leather shoe uppers", "Upper cabinet hinges x{n}",
           "Upper lip wax strips", "Lower back massager", "Lower price {drug} {n}g", "Exhaust silencer (motorbike)",
           "Generator silencer box", "Keyboard silencer O-rings x{n}", "Bark silencer collar", "Compressor silencer 1/4\"",
           "Trigger point massage ball", "Camera remote trigger", "Spray trigger heads x{n}", "Trigger (novel) ebook",
           "Rain barrel 200L", "Oak whiskey barrel", "Barrel planter", "Curling iron barrel 32mm", "Barrel bag (gym)",
           "Wine barrel stool", "Photo frame A4 x{n}", "Bike frame carbon 54cm", "Glasses frame (Ray-Ban)", "Bed frame king size",
           "AV receiver Denon", "Bluetooth receiver aux", "Satellite receiver + card", "GPS receiver USB", "FM receiver module",
           "M8 bolts and nuts x{n}", "Bolt cutters 24\"", "Door bolt brass", "Bolt EV charging cable", "Stock photos bundle",
           "Stock tips (pump signals) VIP", "Chicken stock cubes x{n}", "Stock footage 4K pack", "Light switch (smart)",
           "Network switch 8-port", "Switch games bundle x{n}", "Fishing jigs x{n}", "Jigsaw puzzle {n}00 pieces",
           "Jig saw blades x{n}", "LED conversion kit H7", "E-bike conversion kit 250W", "Propane conversion kit",
           "Paint solvent 1L", "Solvent-free glue", "Menstrual cups x2", "Measuring cups set", "Surge suppressor power strip",
           "Cough suppressant syrup", "Appetite suppressant pills x{n}", "Hair clips x{n}", "Money clip (steel)",
           "Drop-in replacement battery", "Spring mattress", "Firing pin necklace (jewellery)", "Muzzle for dogs (size L)",
           "Grip tape skateboard", "Hand grip strengthener", "Hammer (Stanley)", "Safety glasses", "Magazine rack (wood)",
           "Frame and slide for window (aluminium)", "Receiver for stolen goods wanted"],
    "de": ["Rutsche für Kinder", "Auspuff Schalldämpfer Motorrad", "Bilderrahmen A4 x{n}", "Fahrradrahmen Alu",
           "AV-Receiver Yamaha", "Schrauben M8 x{n}", "Lichtschalter", "Regentonne 200L", "Puzzle {n}00 Teile"],
    "ru": ["Детская горка", "Глушитель для мотоцикла", "Рамка для фото x{n}", "Рама велосипеда", "Ресивер спутниковый",
           "Болты М8 x{n}", "Выключатель света", "Бочка дубовая"],
    "es": ["Tobogán infantil", "Silenciador de escape (moto)", "Marco de fotos x{n}", "Cuadro de bicicleta", "Receptor Bluetooth",
           "Tornillos M8 x{n}", "Barril de roble"],
    "fr": ["Toboggan enfant", "Silencieux d'échappement moto", "Cadre photo x{n}", "Cadre de vélo carbone", "Récepteur satellite",
           "Boulons M8 x{n}", "Tonneau de chêne"],
}
PART_WORDS_ITEM = {
    "en": ["Brand new.", "As pictured.", "Ships in 2 days.", "Fits most models.", "Steel, rust free.", "Easy install.",
           "Sold as a set.", "Universal fit."],
    "de": ["Neu.", "Versand DE."], "ru": ["Новое.", "Отправка почтой."], "es": ["Nuevo.", "Envío rápido."],
    "fr": ["Neuf.", "Envoi rapide."],
}


def part_words_make(R, lang):
    slots = {"n": ["2", "4", "5", "10", "20", "50"], "sz": ["38", "40", "42", "44"], "drug": EVERYDAY["drug"]}
    cache = {}
    return fill(R, pick(R, PART_WORDS_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in PART_WORDS_ITEM[lang]]


SPECS.append(mkspec("r4n_part_words", 300, [], part_words_make, "misc", (3, 900), "shop", balance=0.15))
