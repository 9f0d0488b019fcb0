"""Positive listing pools: firearms, parts, ammunition and designs (English; other languages are
in pools_i18n.py). Each spec: name, n (rows), labels, slotter (fills per-row slots such as model and
calibre), titles and desc (templates, see generate.expand), cats (key into pools_neg.CATS), price
(USD range), domain, obf (chance of an obfuscated title), langs."""

# --------------------------------------------------------------------------- calibres

CAL = {
    "9mm": ["9mm", "9x19", "9mm Luger", "9mm Parabellum", "9 mm", "9x19mm", "9mm para"],
    "9x18": ["9x18", "9x18mm Makarov", "9mm Makarov", "9x18 PM", "9mm Mak"],
    ".40": [".40 S&W", "40 S&W", ".40", "40cal", ".40 cal"],
    ".45": [".45 ACP", "45 ACP", ".45", "45 auto", ".45 cal"],
    ".380": [".380 ACP", ".380", "380 auto", "9mm Kurz", "9x17"],
    ".22": [".22 LR", "22LR", ".22 long rifle", "22 lr", ".22"],
    "7.62x25": ["7.62x25", "7.62x25 Tokarev", "7.62 Tok", "7,62x25"],
    ".357": [".357 Magnum", ".357 mag", ".357"],
    ".38": [".38 Special", ".38 spl", "38 special", ".38"],
    ".44": [".44 Magnum", ".44 mag", ".44"],
    "5.56": ["5.56x45", "5.56 NATO", ".223 Rem", "5.56mm", ".223/5.56", ".223"],
    "7.62x39": ["7.62x39", "7.62x39mm", "7.62 x 39", "7,62x39"],
    "5.45": ["5.45x39", "5.45x39mm", "5,45x39"],
    "7.62x54": ["7.62x54R", "7.62x54r", "7.62x54mmR", "7,62x54R"],
    ".308": [".308 Win", ".308", "7.62x51", "7.62 NATO", ".308 Winchester"],
    "12ga": ["12 gauge", "12ga", "12 GA", "12/70", "12/76", "12 bore", "12-gauge", "cal. 12"],
    "20ga": ["20 gauge", "20ga", "20/70"],
    ".50ae": [".50 AE", "50AE"],
    "5.7": ["5.7x28", "5.7x28mm"],
    ".30-30": [".30-30 Win", "30-30"],
    ".300": [".300 Blackout", "300 BLK", "300 AAC"],
    "7.65": ["7.65mm", "7.65 Browning", ".32 ACP"],
    "10mm": ["10mm", "10mm Auto"],
    "6.5": ["6.5 Creedmoor", "6.5 CM"],
    ".303": [".303 British", ".303"],
    ".30-06": [".30-06", "30-06 Springfield"],
}

# (kind, [names], calibre key, magazine capacity)
GUNS = [
    ("pistol", ["Glock 17", "G17", "Glock-17", "Glock 17 Gen4", "Glock 17 Gen5", "glock17"], "9mm", 17),
    ("pistol", ["Glock 19", "G19", "Glock 19 Gen3", "G19 Gen5", "Glock19", "Glock 19X"], "9mm", 15),
    ("pistol", ["Glock 26", "G26", "Glock 26 Gen4", "baby Glock"], "9mm", 10),
    ("pistol", ["Glock 43", "G43", "Glock 43X", "G43X"], "9mm", 6),
    ("pistol", ["Glock 22", "G22", "Glock 23", "G23"], ".40", 15),
    ("pistol", ["Glock 21", "G21", "Glock 30"], ".45", 13),
    ("pistol", ["Makarov PM", "Makarov", "PM", "PMM", "Makarov pistol"], "9x18", 8),
    ("pistol", ["Tokarev TT-33", "TT-33", "Tokarev", "TT", "Norinco 213", "Zastava M57"], "7.62x25", 8),
    ("pistol", ["CZ 75", "CZ 75 B", "CZ75 SP-01", "CZ P-10 C", "CZ P-07", "CZ 75 Compact"], "9mm", 16),
    ("pistol", ["Beretta 92FS", "Beretta 92", "Beretta M9", "Beretta 92 FS Inox", "Beretta PX4"], "9mm", 15),
    ("pistol", ["Taurus G2C", "Taurus PT92", "Taurus G3", "Taurus TX22"], "9mm", 12),
    ("pistol", ["Hi-Point C9", "Hi Point", "Hi-Point JHP"], "9mm", 8),
    ("pistol", ["S&W M&P Shield", "Smith & Wesson M&P9", "M&P 2.0", "S&W SD9VE"], "9mm", 8),
    ("pistol", ["Colt 1911", "1911", "Colt Government", "Springfield 1911", "Kimber 1911", "Rock Island 1911"], ".45", 7),
    ("pistol", ["Sig Sauer P226", "Sig P226", "SIG P320", "Sig P365", "Sig P229", "P320 Compact"], "9mm", 15),
    ("pistol", ["HK USP", "H&K USP Compact", "HK VP9", "Heckler & Koch P30", "HK45"], "9mm", 15),
    ("pistol", ["Walther PPK", "Walther PPK/S", "PPK"], ".380", 7),
    ("pistol", ["Walther P99", "Walther PPQ", "Walther PDP", "Walther P38"], "9mm", 15),
    ("pistol", ["FN Five-seveN", "FN 57", "Five-seven"], "5.7", 20),
    ("pistol", ["Springfield XD", "XD-S", "Springfield Hellcat", "XDM"], "9mm", 13),
    ("pistol", ["Kel-Tec P3AT", "Ruger LCP", "Bersa Thunder 380"], ".380", 6),
    ("pistol", ["Desert Eagle", "IMI Desert Eagle", "Deagle"], ".50ae", 7),
    ("pistol", ["Browning Hi-Power", "FN Hi-Power", "Browning HP"], "9mm", 13),
    ("pistol", ["Ruger SR9", "Ruger Security-9", "Ruger P95"], "9mm", 15),
    ("pistol", ["Ruger Mark IV", "Ruger SR22", "Browning Buck Mark"], ".22", 10),
    ("pistol", ["CZ 83", "Astra 4000", "Beretta 84", "Zastava M70"], "7.65", 8),
    ("pistol", ["Glock 20", "Glock 29", "Colt Delta Elite"], "10mm", 15),
    ("pistol", ["Luger P08", "Mauser C96", "Walther P1"], "9mm", 8),
    ("revolver", ["S&W Model 686", "Smith & Wesson 686", "Ruger GP100", "Colt Python", "Ruger SP101", "Taurus 605"], ".357", 6),
    ("revolver", ["S&W Model 10", "Smith & Wesson Model 36", "Ruger LCR", "Taurus 85", "Colt Detective Special", "S&W 642 Airweight"], ".38", 5),
    ("revolver", ["S&W Model 29", "Ruger Super Redhawk", "Ruger Redhawk"], ".44", 6),
    ("revolver", ["Nagant M1895", "Nagant revolver", "Наган"], "7.62x25", 7),
    ("rifle", ["AR-15", "AR15", "M4", "M4A1", "Colt AR-15", "S&W M&P15", "DPMS AR-15", "Bushmaster XM-15", "AR-15 carbine", "Ruger AR-556"], "5.56", 30),
    ("rifle", ["AR-15 pistol", "AR pistol 10.5\"", "300 BLK AR"], ".300", 30),
    ("rifle", ["AK-47", "AKM", "AK47", "Kalashnikov", "Norinco Type 56", "Zastava M70", "WASR-10", "Saiga", "Vepr", "AKMS"], "7.62x39", 30),
    ("rifle", ["AK-74", "AKS-74U", "AK74", "Krinkov", "AK-74M"], "5.45", 30),
    ("rifle", ["SKS", "Norinco SKS", "Simonov SKS", "SKS-45"], "7.62x39", 10),
    ("rifle", ["Mosin-Nagant", "Mosin Nagant 91/30", "Mosin", "Dragunov SVD", "PSL"], "7.62x54", 5),
    ("rifle", ["Remington 700", "Savage 110", "Tikka T3x", "Sako 85", "FN FAL", "HK G3", "M1A", "AR-10"], ".308", 5),
    ("rifle", ["Ruger 10/22", "Marlin Model 60", "CZ 455", "Savage Mark II"], ".22", 10),
    ("rifle", ["Ruger Mini-14", "Steyr AUG", "FN SCAR 16", "Tavor X95", "Galil ACE"], "5.56", 30),
    ("rifle", ["Marlin 336", "Winchester 94", "Henry lever action"], ".30-30", 6),
    ("rifle", ["M1 Garand", "Springfield 1903", "Remington 783"], ".30-06", 8),
    ("rifle", ["Lee-Enfield No.4", "SMLE", "Lee Enfield"], ".303", 10),
    ("rifle", ["Ruger Precision Rifle", "Bergara B-14", "Tikka T3x CTR"], "6.5", 10),
    ("shotgun", ["Remington 870", "Mossberg 500", "Mossberg 590", "Mossberg 590A1", "Maverick 88", "Winchester 1300", "Remington 870 Express", "Benelli M4", "Beretta 1301", "Benelli Nova", "Kel-Tec KSG", "Saiga-12", "Baikal IZh-43", "double barrel shotgun", "sawn-off shotgun", "pump shotgun", "Stoeger coach gun", "Akkar Churchill"], "12ga", 5),
    ("shotgun", ["Mossberg 500 Youth", "Remington 1100", "Baikal MP-27", "H&R single shot"], "20ga", 4),
    ("smg", ["Uzi", "Mini Uzi", "IMI Uzi", "Micro Uzi"], "9mm", 32),
    ("smg", ["MP5", "HK MP5", "MP5K", "MP5 A3", "MP5SD"], "9mm", 30),
    ("smg", ["Skorpion vz.61", "Skorpion", "CZ Skorpion", "vz. 61"], "7.65", 20),
    ("smg", ["TEC-9", "Intratec TEC-DC9", "MAC-10", "MAC-11", "M11/9", "Cobray M11"], "9mm", 32),
    ("smg", ["Thompson M1A1", "Tommy gun", "Thompson"], ".45", 30),
    ("smg", ["PPSh-41", "PPS-43"], "7.62x25", 35),
    ("smg", ["CZ Scorpion EVO 3", "Scorpion Evo", "KRISS Vector", "B&T APC9", "Sten Mk II", "Agram 2000", "Zastava M84"], "9mm", 30),
]

COND = ["new", "brand new", "NIB", "new in box", "used", "mint", "like new", "excellent condition",
        "lightly used", "unfired", "police trade-in", "ex-military", "surplus", "good condition",
        "very good condition", "barely used", "100 rounds through it", "fresh", "clean", "A1",
        "pre-owned", "collector grade", "95%", "near mint", "some holster wear", "test fired only"]

CLEAN = ["clean", "no bodies", "serial removed", "serial scratched", "no serial", "untraceable",
         "numbers ground off", "never registered", "off paper", "unregistered", "no papers",
         "clean history", "not stolen", "clean, never used", "serial intact", "with papers",
         "cold", "no history", "serial filed", "ghost"]


CITIES = ["Berlin", "Amsterdam", "Rotterdam", "London", "Manchester", "Paris", "Marseille", "Brussels",
          "Antwerp", "Warsaw", "Prague", "Vienna", "Moscow", "Kyiv", "Madrid", "Barcelona", "Chicago",
          "Houston", "Miami", "Atlanta", "Los Angeles", "Frankfurt", "Hamburg", "Stockholm", "Malmo"]
ORIGINS = ["Austria", "USA", "Germany", "Czech Republic", "Russia", "Serbia", "Italy", "Belgium", "Brazil",
           "Turkey", "China", "Croatia", "Israel", "Switzerland", "Bulgaria", "Romania"]
COUNTRIES = ["NL", "DE", "UK", "US", "EU", "BE", "SE", "PL", "FR", "ES", "CZ", "AT"]


def _mags(cap, n):
    if n == 1:
        return ["1 mag", "one mag", "1 magazine", "extra mag", "spare mag", "+1 mag", "a {cap}rd mag".replace("{cap}", str(cap))]
    return ["%d mags" % n, "%d magazines" % n, "%dx mags" % n, "%d x %drd mags" % (n, cap),
            "%d mags (%drd)" % (n, cap), "+%d mags" % n, "%d extra mags" % n]


def _rounds(n, cal):
    return ["%d rounds" % n, "%d rds" % n, "%d rounds of %s" % (n, cal), "%d x %s" % (n, cal),
            "box of %s (%d)" % (cal, n), "%d bullets" % n, "%d shells" % n if "ga" in cal or "gauge" in cal else "%d cartridges" % n,
            "%d pcs ammo" % n, "%d ammo" % n]


BUNDLE_WORDS = {
    "de": (["%d Magazine", "%d Mags", "%d Ersatzmagazine"], ["%d Schuss", "%d Patronen", "%d Schuss Munition"],
           ["Schalldämpfer", "Schalli"]),
    "ru": (["%d магазина", "%d магазинов", "%d мага"], ["%d патронов", "%d шт. патронов", "%d патр."],
           ["глушитель", "ПБС"]),
    "es": (["%d cargadores", "%d cargadores extra"], ["%d balas", "%d cartuchos", "%d municiones"],
           ["silenciador"]),
    "fr": (["%d chargeurs", "%d chargeurs supp."], ["%d cartouches", "%d balles", "%d munitions"],
           ["silencieux", "modérateur de son"]),
}


def localise_bundle(R, lang, labels, n, nr, bundle, with_mags):
    mags, rounds, supp = BUNDLE_WORDS[lang]
    n = max(n, 2)
    out = []
    if len(bundle) and bundle[0] in ("suppressor", "silencer", "threaded barrel + suppressor", "can", "moderator"):
        out.append(R.choice(supp))
        if "ammunition" in labels:
            out.append(R.choice(rounds) % nr)
        return out
    if with_mags:
        out.append(R.choice(mags) % n)
    if "ammunition" in labels:
        out.append(R.choice(rounds) % nr)
    return out


def gun_slotter(kinds, bundle_p=0.32):
    def f(R, lang):
        g = [x for x in GUNS if x[0] in kinds]
        kind, names, calk, cap = g[R.randrange(len(g))]
        name = names[R.randrange(len(names))]
        cal = CAL[calk][R.randrange(len(CAL[calk]))]
        s = {"m": name, "m2": names[R.randrange(len(names))], "cal": cal, "cap": str(cap),
             "cond": COND, "clean": CLEAN, "x": "", "_labels": [], "city": CITIES,
             "origin": ORIGINS, "country": COUNTRIES}
        # bundles: magazines (no label, they come with the gun), ammunition, suppressor (part)
        r = R.random()
        bundle = []
        if r < bundle_p:
            k = R.random()
            n = R.choice([1, 2, 2, 3, 4, 5])
            nr = R.choice([20, 30, 50, 50, 50, 100, 100, 150, 200, 250, 500])
            mags = _mags(cap, n)
            rounds = _rounds(nr, cal)
            # magazines sold with the gun are part of the firearm listing (README, labeling rules):
            # they add no label; ammunition and a suppressor do
            with_mags = False
            if k < 0.4:
                bundle = [mags[R.randrange(len(mags))]]
                with_mags = True
            elif k < 0.7:
                bundle = [rounds[R.randrange(len(rounds))]]
                s["_labels"] = ["ammunition"]
            elif k < 0.92:
                bundle = [mags[R.randrange(len(mags))], rounds[R.randrange(len(rounds))]]
                s["_labels"] = ["ammunition"]
                with_mags = True
            else:
                bundle = [R.choice(["suppressor", "silencer", "threaded barrel + suppressor",
                                    "can", "moderator"])]
                if R.random() < 0.5:
                    bundle.append(rounds[R.randrange(len(rounds))])
                    s["_labels"] = ["part", "ammunition"]
                else:
                    s["_labels"] = ["part"]
            if with_mags and kind == "revolver":
                bundle = [R.choice(["2 speedloaders", "speedloader", "holster", "box"])] + bundle[1:]
                with_mags = False
            if lang != "en":
                bundle = localise_bundle(R, lang, s["_labels"], n, nr, bundle, with_mags)
            sep = R.choice([" + ", ", ", " & ", " + "] + ([" with ", " w/ ", " and "] if lang == "en" else []))
            lead = [" + ", ", ", " - "] + ([" with ", " w/ ", " - incl. ", " comes with "] if lang == "en" else [])
            s["x"] = R.choice(lead) + sep.join(bundle)
            s["_qty_mult"] = 1.15
        return s
    return f


HANDGUN_TITLES = [
    "{m} {cal}", "{m} {cal}{x}", "{m}{x}", "{cond} {m}{x}", "{m} - {cond}{x}", "{m} {cal} {cond}",
    "{m} pistol {cal}{x}", "{cal} {m} {?handgun}{x}", "Pistol {m} ({cal}){x}", "{m} | {cal} | {cond}{x}",
    "{m} ({clean}){x}", "{clean} {m} {cal}", "{m}, {clean}, {cond}", "{m} handgun{x}",
    "[{cal}] {m}{x}", "{m} FOR SALE{x}", "Selling my {m}{x}", "{m} {cal} - {clean} - {cond}",
    "{m} + holster{x}", "{m} semi auto {cal}{x}", "{m} {cal} semi-automatic pistol",
    "{m} in {cal}{x}", "{cond} {m} {?in box}{x}", "{m} {?pistol} {cap}+1{x}",
    "{m} - ships disassembled{x}", "{m} {cal} (stealth shipping){x}", "pistol: {m}{x}",
    "{m} / {cal} / {clean}", "Real {m} {cal}, not a replica{x}", "{m} full size{x}",
    "{m} compact {cal}{x}", "{m} - tested, works 100%{x}", "ONE {m} LEFT{x}", "{m} w/ night sights{x}",
    "{m} {cal} black{x}", "{m} two-tone{x}", "{m} FDE {cal}", "{m} OD green{x}", "{m} {cond} {clean}",
    "{m} {cal} ready to go{x}", "Self defence pistol {m}{x}", "{m} concealed carry{x}",
    "{m} + box + manual{x}", "{m} (EU stock){x}", "{m} - {cal} - {cap} rounds capacity",
    "{cal} pistol {m}", "{m} {?police issue}{x}", "{m} with threaded barrel",
    "the {m}", "my {m}{x}", "{m} like new{x}", "{m} (1 left)", "{m2}{x}", "{m} #2", "{m} - {clean}",
    "{m}? yes{x}", "{m} ~ {cond}", "{cond} {m2}, {clean}{x}", "{m} w/ box{x}", "{m} cheap{x}",
]
REVOLVER_TITLES = [
    "{m} {cal} revolver{x}", "{m} revolver {cond}{x}", "Revolver {m} {cal}", "{m} {cal} 4\"{x}",
    "{m} 2 inch snub nose{x}", "{cal} wheelgun {m}{x}", "{m} {cal} six shooter", "{m} ({clean}){x}",
    "{cond} {m} revolver", "{m} stainless {cal}{x}", "{m} - {cal} - {cond}",
]
RIFLE_TITLES = [
    "{m} {cal}{x}", "{m} rifle {cal}{x}", "{m} semi-auto{x}", "{m} full auto {cal}{x}",
    "{m} select fire{x}", "{cond} {m}{x}", "{m} ({clean}){x}", "{m} - {cal} - {cond}",
    "{m} 16\" barrel {cal}{x}", "{m} carbine{x}", "{m} with optic{x}", "{cal} {m} {?rifle}",
    "{m} folding stock{x}", "{m} underfolder{x}", "Rifle {m}{x}", "{m} {cal} complete rifle",
    "{m} sporter{x}", "{m} - original military{x}", "{m} (milled receiver){x}",
    "{m} - ships in 3 packages{x}", "{m} full kit{x}", "{m} + sling{x}", "{m} hunting rifle {cal}",
    "Complete {m} build, {cal}{x}", "{m} {cond} {clean}", "{m}, {cal}, {cap}rd capable{x}",
    "{m} SBR{x}", "bolt action {m} {cal}", "{m} sniper rifle {cal}{x}", "{m} scoped{x}",
]
SHOTGUN_TITLES = [
    "{m} {cal}{x}", "{m} pump action {cal}{x}", "{m} shotgun{x}", "{cond} {m} {cal}",
    "{m} 18.5\" barrel{x}", "{m} tactical{x}", "Shotgun {m} {cal}{x}", "{m} sawed off{x}",
    "{m} ({clean})", "{cal} {m} home defense{x}", "{m} with pistol grip{x}", "{m} - {cond}{x}",
    "{m} semi-auto shotgun {cal}", "{m} {cal} 5+1{x}", "double barrel {cal} {?coach gun}{x}",
]
SMG_TITLES = [
    "{m} {cal}{x}", "{m} full auto{x}", "{m} SMG{x}", "{m} submachine gun {cal}", "{cond} {m}{x}",
    "{m} - select fire - {cal}", "{m} ({clean}){x}", "{m} machine pistol{x}", "{m} open bolt{x}",
    "{m} with folding stock{x}", "{m} auto {cal} {cond}", "Full auto {m}{x}", "{m} semi auto version{x}",
]

GUN_DESC = [
    "{cond}.", "Condition: {cond}.", "{m} chambered in {cal}.", "Calibre {cal}.", "Caliber: {cal}",
    "Capacity: {cap} rounds.", "{cap} shot capacity.", "{clean}.", "Serial: {clean}.",
    "Comes with original box and manual.", "Comes with factory magazine.", "No box.",
    "Test fired, functions perfectly.", "Runs flawless, no malfunctions.",
    "Recently cleaned and oiled.", "Fired about 200 rounds, still like new.",
    "Never used in any crime, I guarantee it.", "Bought from a collector, never fired in anger.",
    "Ex police, holster wear on the slide but mechanically perfect.",
    "Ships disassembled in two separate packages, reassembly takes 2 minutes.",
    "Shipped inside an electronic device (printer / DVD player), fully x-ray safe.",
    "Parts hidden in a car audio amplifier.", "We ship the upper and lower separately.",
    "Buyer must be able to receive 2 parcels.", "Delivery by hand possible in {city}.",
    "Meet-up possible around {city}.", "Pickup in {city} only, no shipping for this item.",
    "Not a replica, not a blank gun, not airsoft: the real thing.",
    "Original {m}, not a converted blank.", "Factory night sights.", "Trigger is smooth, about 5 lb.",
    "Barrel is clean, sharp rifling.", "Bore is bright and shiny.", "Matching numbers.",
    "Has a small scratch on the frame, see pics.", "Comes with soft case.",
    "Zeroed at 100m.", "Accurate, groups under 2 inches at 25 yards.",
    "Reliable sidearm, perfect for self defence.", "Great carry gun.",
    "{Only one in stock.|Limited stock: 3 units.|We restock every month.}",
    "{Made in {origin}.|Origin: {origin}.|Imported from {origin}.}",
    "{Full auto, fires about 900 rpm.|Semi auto only.|Semi auto.}", "{Single and double action.|Striker fired, no external safety.|Has manual safety.|Double action only.}",
    "Weight about 700 g unloaded.", "Barrel length 4 inch.", "Overall length 19 cm.",
    "Ammo not included, see my other listings.", "Magazines sold separately.",
    "I can add ammo for extra, message me.", "No questions asked.",
    "Will not sell to kids or idiots.", "{Price is firm.|Price negotiable for regulars.|Price is OBO.}",
    "You will get exactly what is in the photo.", "Pictures on request with username and date.",
    "All guns are test fired before shipping.", "We have shipped 40+ pieces without a single loss.",
    "Item is untraceable, you don't need a licence.", "No licence needed, no questions.",
    "Ideal for home defence.", "Perfect condition, I just don't need it anymore.",
    "Inherited from my grandfather, works.", "Straight from the army depot.",
    "Discreet delivery in the {country} area.", "Sent from {country}.",
]

IMPROV_TITLES = [
    "Pen gun .22 LR", "pen gun {cal2} single shot", "Pen pistol 22lr, looks like a normal pen",
    "Zip gun 12ga single shot", "Homemade zip gun .22", "Slam fire shotgun 12 gauge, homemade",
    "Converted blank pistol {blank} - fires live 9mm", "{blank} converted to live .380",
    "Converted {blank} 9mm PAK -> 9mm Kurz, live fire", "Reactivated deactivated {dm}",
    "Reactivated {dm}, fully working", "{blank} conversion, shoots real bullets",
    "Keychain pistol .22 single shot", "Flobert converted to .22 LR",
    "Homemade SMG 9mm (Luty style), working", "Improvised 12ga pipe shotgun",
    "Converted gas pistol {blank} - live ammo", "Umgebaute Schreckschuss {blank} scharf",
    "Derringer .22 mag, 2 shot", "Cane gun .410", "Knife pistol, 1 shot .22",
    "Home built AR from 80% lower, complete and working",
    "3D printed FGC-9 complete, tested, 9mm", "Printed Glock frame build (complete pistol) 9mm",
]
IMPROV_DESC = [
    "Single shot, reload after every shot.", "Converted by a gunsmith, barrel replaced with a steel one.",
    "Original was a blank firing gun, now fires live {cal2}.", "Do not use +P ammo.",
    "Looks like a normal pen, nobody will notice.", "Works fine at close range.",
    "Tested with 50 rounds, no problems.", "Serial-less, made at home.", "Untraceable, no serial at all.",
    "Fires live rounds, this is not a toy.", "Build quality is good, it is not pretty but it shoots.",
    "Good as a backup.", "Conversion done with a new barrel liner.", "Comes with 10 rounds to test.",
]
BLANK = ["Ekol Firat", "Zoraki 914", "Zoraki 917", "Retay 84FS", "Bruni 92", "Ekol Jackal",
         "Walther P22 blank", "Ekol Tuna", "Baikal IZH-79-8", "Retay G17", "Kimar 92", "ME 8000"]
DEACT = ["AK-47", "Sa vz. 58", "Uzi", "Skorpion", "MP40", "Sten", "PPSh", "Makarov", "Glock 17"]


def improv_slotter(R, lang):
    return {"blank": BLANK, "dm": DEACT, "cal2": [".22 LR", "9mm", ".380", "12ga", ".25 ACP"],
            "_labels": []}


# --------------------------------------------------------------------------- parts

MAG_MODELS = [("Glock 17", 17), ("Glock 19", 15), ("Glock", 17), ("Glock 9mm", 33), ("G26", 10),
              ("G43", 6), ("Glock 22", 15), ("AR-15", 30), ("AR15", 30), ("M4", 30),
              ("AK-47", 30), ("AK", 30), ("AK-74", 30), ("Makarov PM", 8), ("Makarov", 8),
              ("TT-33", 8), ("1911", 7), ("1911 .45", 8), ("Beretta 92", 15), ("CZ 75", 16),
              ("Sig P226", 15), ("P320", 17), ("P365", 12), ("MP5", 30), ("Uzi", 32),
              ("Walther PPK", 7), ("SKS", 10), ("Ruger 10/22", 25), ("S&W M&P", 17),
              ("HK USP", 15), ("Taurus G2C", 12), ("Mini-14", 30), ("Saiga-12", 8), ("FAL", 20),
              ("AR-10 .308", 20), ("Skorpion", 20), ("TEC-9", 32), ("Desert Eagle", 7)]

MAG_TITLES = [
    "{mm} magazine {cap}rd", "{mm} mag {cap} round", "{cap}rd {mm} magazine", "{mm} mags x{n}",
    "{n}x {mm} magazines", "{mm} {cap} rounder", "{mm} extended mag {cap}rds",
    "{mm} drum magazine {cap}", "PMAG 30rd Gen M3 ({mm})", "Magpul PMAG {mm} 30 round",
    "{mm} steel magazine {cap}rd", "{mm} mag - OEM", "OEM {mm} magazine", "{mm} factory mag",
    "Spare magazine for {mm}", "{mm} magazines (lot of {n})", "{cap} round mag for {mm}",
    "{mm} high capacity magazine {cap}", "{mm} hi-cap {cap}rd", "{mm} stick mag {cap}",
    "Bakelite {mm} mag", "{mm} waffle mag", "{mm} 50rd drum", "100 round drum for {mm}",
    "{mm} clip {cap} rnd", "Magazine {mm} ({cap})", "{mm} - magazine - {cap} rds",
    "{mm} mag + loader", "Mags for {mm}, {cap} round", "{n} pcs {mm} magazine",
    "ETS {mm} clear mag {cap}", "{mm} magazine w/ +2 basepad", "Mag {mm} {cap}rd new",
]
MAG_DESC = [
    "Holds {cap} rounds.", "{cap} round capacity.", "Fits all {mm} models.", "OEM, not a copy.",
    "Brand new, never loaded.", "Used but feeds perfectly.", "Steel body, strong spring.",
    "Polymer body.", "Reliable feeding, tested.", "Price per magazine.", "Price is for {n} mags.",
    "Also fits compact versions.", "Ships empty, no ammo.", "Springs replaced.",
    "Cheap, reliable, stack them up.", "No limiter, full capacity.", "Banned in many states, not here.",
]

SUPP_TITLES = [
    "{cal} suppressor", "{cal} silencer", "Suppressor for {sm} {cal}", "Silencer {sm} {thread}",
    "{sm} silencer, threaded {thread}", "Sound moderator {cal}", "{thread} suppressor {cal}",
    "Solvent trap kit {thread}", "Solvent trap {len}\" {thread} with cups", "Solvent trap kit (7 cups)",
    "Fuel filter solvent trap {thread}", "Oil filter adapter {thread}", "Maglite solvent trap kit",
    "Monocore suppressor {cal}", "Baffle stack {cal}", "Can for {sm}", "{sm} can {cal}",
    "Titanium suppressor {cal} {thread}", "Rimfire can .22", "Wet can 9mm (wipes incl.)",
    "Integral suppressor kit {sm}", "Silencer + threaded barrel for {sm}", "Quiet can {cal} {len}\"",
    "Suppressor {cal} - drilled", "Pre-drilled solvent trap cups x{n}", "{cal} supressor",
    "Silencieux {cal}", "Schalldämpfer {cal} {thread}", "Muffler for {sm} {cal}",
    "Cleaning solvent trap kit {thread} (read description)", "Baffles + tube {thread}",
]
SUPP_DESC = [
    "Thread {thread}.", "Fits {sm}.", "Length {len} inch.", "Reduces sound by about 30 dB.",
    "Hearing safe with subsonic ammo.", "Cups are pre-drilled, ready to use.",
    "Cups are NOT drilled, you do that yourself ;)", "Aluminium tube, stainless cups.",
    "Direct thread, no adapter needed.", "Comes with thread adapter.", "Full auto rated.",
    "Wipes need to be replaced every 50 shots.", "Ships as a cleaning kit, legal paperwork included.",
    "Works with {cal}.", "Titanium, very light.", "Quick detach mount.",
]

PART_GENERIC_TITLES = [
    "{pn}", "{pn} - {pm}", "{pm} {pn}", "{pn} for {pm}", "{pn} ({pm})", "{pm} - {pn} - {cond2}",
    "{cond2} {pm} {pn}", "{pn} {pm} {cal}", "{pn} x{n}", "{n} x {pn} {pm}", "{pm} {pn} kit",
    "OEM {pm} {pn}", "{pn} compatible with {pm}", "{pm} {pn} black", "{pm} {pn} complete",
    "{pn} | {pm} | {cal}", "{pn} for {pm} - {cond2}", "[{pm}] {pn}", "{pm} {pn} (no FFL)",
    "{pn} {pm} stripped", "{pm} {pn} - ships fast", "{pn} - fits {pm}", "{pm} {pn} drop in",
]
PART_GENERIC_DESC = [
    "Fits {pm}.", "{cond2}.", "Drop-in, no gunsmithing.", "Minor fitting may be required.",
    "Parts only, no serialized parts... or are they ;)", "Unserialized.", "No FFL required.",
    "Ships as 'tool parts'.", "Made of 4140 steel.", "Nitride finish.", "Cerakote finish.",
    "CNC machined.", "Machined from billet 7075 aluminium.", "Mil-spec.", "Milspec dimensions.",
    "Compatible with Gen 3 and Gen 4.", "Perfect for building your own.",
    "Used in a build, fired 300 rounds, works.", "New old stock.", "Surplus part.",
    "Quantity available: {n}.", "Price per unit.", "Caliber {cal}.",
]

PARTS = {
    "slide": (["Slide", "stripped slide", "complete slide", "slide assembly", "upper slide", "RMR cut slide",
               "slide with barrel", "slide parts kit", "milled slide"],
              ["Glock 17", "Glock 19", "G19", "Glock 26", "Glock 43", "P80", "P320", "Sig P365", "1911", "Beretta 92", "CZ 75", "M&P"]),
    "barrel": (["barrel", "threaded barrel", "match barrel", "barrel blank", "16\" barrel", "fluted barrel",
                "compensated barrel", "conversion barrel", "replacement barrel", "chrome lined barrel"],
               ["Glock 17", "Glock 19", "AR-15", "AK-47", "AKM", "Makarov", "1911", "SKS", "Remington 870",
                "Mossberg 500", "Ruger 10/22", "MP5", "TT-33", "CZ 75"]),
    "frame": (["frame", "stripped frame", "complete frame", "lower frame", "polymer frame", "frame kit",
               "80% frame", "serialized frame", "frame + rails", "chassis"],
              ["Glock 17", "Glock 19", "G19", "P80 PF940C", "Polymer80 PF940V2", "1911", "P320 FCU",
               "Sig P320", "Glock 26", "Beretta 92"]),
    "receiver": (["lower receiver", "upper receiver", "stripped lower", "complete lower", "complete upper",
                  "80% lower", "80% lower receiver", "billet lower", "receiver flat", "bent receiver",
                  "receiver", "forged lower", "lower + jig", "80 percent lower with jig", "jig kit",
                  "router jig", "lower parts kit", "upper + BCG"],
                 ["AR-15", "AR15", "AR-10", "AK-47", "AK", "AKM", "M4", ".308", "5.56", "Polymer80 AR",
                  "Saiga", "Vepr", "Mini-14"]),
    "bcg": (["bolt carrier group", "BCG", "full auto BCG", "bolt", "bolt assembly", "bolt carrier",
             "M16 profile BCG", "nitride BCG", "bolt + carrier", "bolt carrier (FA)", "charging handle + BCG"],
            ["AR-15", "AR15", "M4", "AK-47", "AK-74", "AR-10", "5.56", ".223", "SKS", "Mosin"]),
    "auto": (["Glock switch", "auto sear", "drop in auto sear", "DIAS", "lightning link", "auto conversion",
              "full auto switch", "selector switch", "auto plate", "full auto kit", "3-position selector",
              "Glock auto switch", "Glock converter", "switch (full auto)", "backplate switch",
              "drop-in auto sear (DIAS)", "auto sear kit", "full auto conversion kit", "happy switch",
              "button", "chip", "full auto selector"],
             ["Glock", "Glock 17", "Glock 19", "G17/G19", "Glock Gen 3/4", "AR-15", "AR15", "M4", "AK",
              "AKM", "Sig P320", "all Glocks", "Glock 9mm/.40"]),
    "trigger": (["trigger", "binary trigger", "forced reset trigger", "FRT", "trigger group", "match trigger",
                 "trigger kit", "drop-in trigger", "trigger bar", "fire control group", "FCG",
                 "Timney trigger", "Geissele SSA-E", "3 round burst trigger group", "super safety",
                 "trigger + disconnector", "hammer and trigger set"],
                ["AR-15", "AR15", "Glock", "Glock 19", "AK-47", "AK", "10/22", "1911", "Remington 700", "SKS"]),
    "kit": (["conversion kit", "pistol carbine conversion kit", "Roni kit", "22 LR conversion kit",
             "caliber conversion kit", "blank to live conversion barrel", "SBR kit", "upper conversion kit",
             "parts kit", "build kit", "complete parts kit", "gun parts kit", "rebuild kit",
             "full parts kit (no receiver)", "Glock parts kit", "lower parts kit", "upper parts kit",
             "AK parts kit (demilled)", "kit minus frame"],
            ["Glock", "Glock 17", "AR-15", "AK-47", "AKM", "Zoraki", "Ekol", "1911", "Sig P226", "Beretta 92",
             "MP5", "Uzi", "Sten", "PPSh", "FAL", "G3"]),
    "small": (["recoil spring", "firing pin", "extractor", "spring kit", "trunnion", "gas block", "gas tube",
               "handguard", "stock", "buffer tube", "buffer kit", "muzzle brake", "compensator",
               "flash hider", "slide stop", "guide rod", "striker", "firing pin spring", "ejector",
               "front trunnion", "rear trunnion", "charging handle", "pistol grip", "folding stock",
               "magazine release", "locking block", "sear", "hammer", "disconnector", "firing pin block",
               "takedown pin set", "barrel nut", "gas piston"],
              ["Glock 17", "Glock 19", "AR-15", "AK-47", "AKM", "Makarov", "TT-33", "1911", "SKS", "MP5",
               "Mosin", "Beretta 92", "CZ 75", "Remington 870", "Uzi"]),
}

PART_SPECIFIC_DESC = {
    "slide": ["Cut for RMR / Holosun.", "Front and rear serrations.", "Includes barrel, recoil spring and slide parts.",
              "Stripped, no internals.", "Fits Gen 3 frames.", "Suppressor height sights installed."],
    "barrel": ["Threaded 1/2x28.", "Threaded M13.5x1 LH.", "4140 chrome moly.", "1:7 twist.", "Match grade.",
               "Drop in fit.", "Length {blen}.", "Converts to {cal}."],
    "frame": ["Stripped frame, no serial.", "Complete with rails and locking block.", "Unserialized frame.",
              "Fits Glock Gen3 slides.", "Needs rails installed (included).", "Finished, ready to build."],
    "receiver": ["Fully machined, ready for parts.", "80% complete, finish with the jig and a drill press.",
                 "Jig included, instructions included.", "Forged 7075-T6.", "Unserialized.",
                 "Multi-cal marked.", "Receiver flat, needs bending and riveting.", "Complete with LPK."],
    "bcg": ["Full auto profile.", "Semi auto profile.", "Magnetic particle inspected.", "Staked gas key.",
            "Nitride coated.", "Headspace checked.", "Works with {cal}."],
    "auto": ["Converts your pistol to full auto.", "Installs in 30 seconds, replaces the backplate.",
             "Makes it fire full auto.", "Full auto, ~1200 rpm.", "Drop in, no machining.",
             "{Metal, not 3D printed.|3D printed in nylon, tested.|Machined steel.|Printed in PA-CF.}",
             "Works on Gen 3/4/5.", "Select fire with 3 positions.", "You need an M16 BCG for this.",
             "Highly illegal in most countries, you know what you're buying.", "Sold as 'paperweight'.",
             "Tested on a G19, runs 100%."],
    "trigger": ["Crisp break, short reset.", "Fires on pull and release.", "Forced reset, near full auto rate.",
                "Drop in cassette.", "3.5 lb pull.", "Includes springs and pins.", "Burst mode."],
    "kit": ["Everything except the serialized part.", "Turns your pistol into a carbine.",
            "Converts the blank gun to fire live ammunition.", "All parts included, demilled receiver not included.",
            "Instructions included.", "Kit includes barrel, bolt, springs.", "Easy build, one evening."],
    "small": ["OEM spec.", "Replacement part.", "Fits {pm}.", "Uprated spring.", "Steel.",
              "Fits most clones.", "Improves reliability."],
}


def part_slotter(kind):
    names, models = PARTS[kind]

    def f(R, lang):
        return {"pn": names[R.randrange(len(names))], "pm": models[R.randrange(len(models))],
                "cond2": ["new", "used", "NOS", "surplus", "brand new", "tested", "unused", "like new"],
                "cal": [c for k in ("9mm", "5.56", "7.62x39", ".45", "12ga") for c in CAL[k][:2]],
                "n": [str(x) for x in (2, 3, 4, 5, 10, 20)], "blen": ["4.5\"", "16\"", "10.5\"", "14.5\"", "415 mm"],
                "_labels": []}
    return f


def mag_slotter(R, lang):
    mm, cap = MAG_MODELS[R.randrange(len(MAG_MODELS))]
    if R.random() < 0.2:
        cap = R.choice([33, 50, 60, 100, 40, 20, 10])
    return {"mm": mm, "cap": str(cap), "n": [str(x) for x in (2, 3, 4, 5, 6, 10)], "_labels": []}


SUPP_MODELS = ["Glock 17", "Glock 19", "AR-15", "AK-47", "Makarov", "Ruger 10/22", "Sig P226", "MP5",
               "TT-33", "CZ 75", "Beretta 92", "Walther P22", "M4", "SKS", "rimfire pistols"]


def supp_slotter(R, lang):
    return {"sm": SUPP_MODELS, "cal": ["9mm", ".22", ".22 LR", "5.56", ".223", "7.62x39", ".45", ".308", "9mm/.45", "multi-cal"],
            "thread": ["1/2x28", "5/8x24", "M14x1 LH", "M13.5x1", "1/2-28", "M24x1.5", "M18x1"],
            "len": ["6", "7", "8", "9", "10", "12"], "n": ["5", "7", "8", "10"], "_labels": []}


# --------------------------------------------------------------------------- ammunition

AMMO_CALS = ["9mm", "9x18", ".40", ".45", ".380", ".22", "7.62x25", ".357", ".38", ".44", "5.56",
             "7.62x39", "5.45", "7.62x54", ".308", "12ga", "20ga", "5.7", ".300", "7.65", "10mm",
             "6.5", ".30-06"]
AMMO_W = [16, 5, 5, 6, 5, 6, 3, 3, 3, 2, 7, 8, 3, 3, 4, 8, 2, 1, 2, 2, 1, 1, 1]
BRANDS = ["Federal", "Winchester", "Remington", "Hornady", "Sellier & Bellot", "S&B", "Fiocchi", "PMC",
          "Magtech", "CCI", "Wolf", "Tula", "Barnaul", "Geco", "Speer Gold Dot", "Blazer", "Aguila",
          "PPU", "Prvi Partizan", "Norma", "Lapua", "Brown Bear", "Golden Tiger", "Hornady Critical Defense",
          "Federal HST", "Winchester Ranger", "RWS", "MEN", "Igman", "Lellier", "Wolf Polyformance",
          "Sellier&Bellot", "NATO surplus", "Russian surplus", "Barnes", "Nosler"]
BTYPE = ["FMJ", "JHP", "hollow point", "HP", "JSP", "soft point", "+P", "+P+", "frangible", "TMJ",
         "subsonic", "match", "ball", "tracer", "AP", "steel core", "lead round nose", "LRN", "SP",
         "HST", "Gold Dot", "V-Max", "BTHP", "polymer tip"]
SHELL = ["00 buckshot", "#4 buck", "buckshot", "slugs", "rifled slugs", "birdshot #6", "#8 shot",
         "Brenneke slugs", "00 buck 9 pellet", "OO buck", "turkey loads", "sabot slugs", "#7.5 shot",
         "low recoil buckshot", "magnum buckshot", "Rottweil slugs"]
GRAIN = {"9mm": [115, 124, 147], "9x18": [95], ".40": [165, 180], ".45": [185, 230], ".380": [90, 95],
         ".22": [36, 40], "7.62x25": [85], ".357": [125, 158], ".38": [130, 158], ".44": [240],
         "5.56": [55, 62, 77], "7.62x39": [122, 123, 154], "5.45": [60], "7.62x54": [148, 174],
         ".308": [147, 150, 168, 175], "5.7": [40], ".300": [110, 220], "7.65": [71, 73],
         "10mm": [180], "6.5": [140, 143], ".30-06": [150, 165], "12ga": [0], "20ga": [0]}
COUNTS = [10, 20, 25, 30, 40, 50, 50, 50, 100, 100, 150, 200, 250, 300, 500, 1000]


def ammo_slotter(R, lang):
    x = R.random() * sum(AMMO_W)
    for calk, w in zip(AMMO_CALS, AMMO_W):
        x -= w
        if x <= 0:
            break
    cal = CAL[calk][R.randrange(len(CAL[calk]))]
    n = R.choice(COUNTS)
    shotgun = calk in ("12ga", "20ga")
    g = GRAIN.get(calk, [0])[R.randrange(len(GRAIN.get(calk, [0])))]
    return {
        "cal": cal, "n": str(n), "brand": BRANDS,
        "bt": SHELL if shotgun else BTYPE,
        "gr": ("%d gr" % g) if g else R.choice(["2 3/4\"", "3\"", "70mm", "32g", "36g"]),
        "rnd": (["shells", "shotshells", "cartridges", "rounds", "shells", "patronen"] if shotgun
                else ["rounds", "rds", "rounds", "cartridges", "bullets", "rnds", "pcs", "ammo", "shots", "rd"]),
        "pack": ["box", "case", "tin", "spam can", "sealed can", "loose", "bulk pack",
                 "stripper clips", "battle pack", "bandolier", "brick", "value pack"],
        "nb": [str(k) for k in (1, 2, 4, 5, 10, 20)],
        "_labels": [], "_qty_mult": max(0.4, n / 100.0),
    }


AMMO_TITLES = [
    "{cal} ammo {n} rounds", "{n} rounds {cal}", "{n}x {cal} {bt}", "{cal} {bt} {gr} - {n} {rnd}",
    "{brand} {cal} {bt} {gr}", "{brand} {cal} ({n} {rnd})", "{cal} {bt} box of {n}", "{n} {rnd} of {cal}",
    "Ammo {cal} {n}pcs", "{cal} ammunition - {n} {rnd}", "{cal} {gr} {bt} x{n}", "{n} rds {cal} {brand}",
    "{cal} {pack} ({n})", "{brand} {cal} {pack}", "{cal} - {n} - {bt}", "{n} {cal} {bt} {rnd}",
    "[{cal}] {brand} {bt} {n}rds", "{cal} ammo", "{cal} ammo {pack}", "{cal} rounds x {n}",
    "{brand} {bt} {cal} {gr} {n} count", "Fresh {cal} {bt}", "{cal} reloads x{n}", "Reloaded {cal} ({n})",
    "Hand loaded {cal} {gr}", "{cal} {bt} defense ammo {n}rd", "{nb} boxes {cal} ({n} per box)",
    "{cal} bulk ammo {n}", "{cal} cartridges {n} pcs", "{n} cartridges {cal} {brand}",
    "{cal} {bt} - {nb} boxes", "{cal} ammo - {brand} - {n} rounds", "{cal} for Glock / AR / AK - {n} rds",
    "{cal} ammo (FMJ) {n}", "{cal} {n} piece", "{n} rounds {cal} + free {pack}",
    "{brand} {cal} {gr} {bt} 50rd box", "{cal} ball ammo {n}", "{cal} military surplus {pack}",
    "{cal} ammo restock", "{cal} practice ammo {n}", "{cal} self defense rounds",
    "{n}rds {cal}", "{cal}", "box {cal}", "{cal} x{n}", "{n} x {bt}", "{brand} {cal}", "{cal} - {n}",
    "{cal} {bt}", "{n} {cal}", "{gr} {cal} {bt}", "{cal} {pack} - sealed",
]
AMMO_DESC = [
    "{n} rounds per {pack}.", "Brand: {brand}.", "{bt}, {gr}.",
    "{Brass case, boxer primed, reloadable.|Steel case, berdan primed.|Brass cased.|Lacquered steel case.|Nickel plated cases.}",
    "{Non-corrosive.|Corrosive, clean your gun after use.|Non corrosive, clean burning.}", "From a sealed {pack}.", "Loose in a zip bag, not in original box.",
    "Original boxes.", "Perfect for practice.", "Great for self defense.", "Reliable feeding in all my guns.",
    "Shipped in a food tin, x-ray safe.", "Max {nb} boxes per order.", "Price per {pack}.",
    "Price for {n} rounds.",
    "Lot number on request.", "Manufactured 2019.", "Ex-military, headstamps visible.",
    "Fits any {cal} firearm.", "Tested in my own pistol, no failures.", "Ammo ships separately from guns.",
    "Ships in 2 packages if more than 200 rounds.", "Muzzle velocity ~ 1150 fps.",
    "{Supersonic.|Subsonic, perfect for suppressed use.|Standard velocity.}", "Premium defensive load.",
]


# --------------------------------------------------------------------------- designs

DESIGN_THINGS = ["FGC-9", "FGC-9 Mk2", "FGC-9 MKII", "Liberator", "Liberator .380", "Plastikov", "Shuty MP-1",
                 "Urutau", "Glock 19 frame (PF940C clone)", "Glock 17 frame", "AR-15 lower", "Cuomo lower",
                 "AR-15 80% lower", "Hoffman frame", "Mac-11 receiver", "Sten receiver", "Ghost Gun",
                 "Glock switch", "auto sear", "DIAS", "AR-15 full auto sear", "drop in auto sear",
                 "Reprringer", "Zig Zag revolver", "Washbear", "FMDA 19.2", "Haumea", "VP9 frame",
                 "P320 FCU", "Polymer80 clone", "G17 Gen3 frame", "Glock magazine", "30rd AR mag",
                 "AK lower", "CETME receiver", "Luty SMG", "Sten MKII", "KF5 (MP5)", "MAC-10",
                 "solvent trap", "suppressor", "9mm suppressor", "Charon", "Skorpion", "Tec-9",
                 "Grease gun", "1911 frame", "AR-15 lower (Vanguard)", "PPS-43C", "Mac-11"]
DESIGN_FMT = ["STL files", "STL", "STL pack", ".stl + .step", "CAD files", "3D files", "print files",
              "3D printable files", "CAD + STL", "SolidWorks files", "Fusion 360 files", "STEP files",
              "full file package", "digital files", "3MF files", "DXF/CNC files", "G-code", ".dd files (Ghost Gunner)"]
MANUALS = ["gun build manual", "homemade firearms manual", "improvised firearms guide", "full auto conversion manual",
           "AR-15 full auto conversion guide", "Glock full auto conversion guide", "AK-47 build from flat manual",
           "80% lower finishing guide", "home gunsmithing guide", "silencer build guide", "DIY suppressor manual",
           "ECM barrel rifling guide", "barrel making guide", "Luty SMG plans", "Practical Scrap Metal SMG",
           "Professor Parabellum's 9mm machine pistol plans", "Expedient homemade firearms", "Improvised munitions handbook",
           "Home Workshop Guns for Defense and Resistance", "zip gun construction manual", "blank gun conversion guide",
           "solvent trap to suppressor guide", "machine gun blueprints", "1911 machining blueprints",
           "AK receiver blueprints", "Sten gun blueprints", "reloading manual + primer making",
           "how to make a shotgun from pipe", "ghost gun guide", "Glock switch print guide",
           "CNC files for AR-15 lowers", "drop in auto sear plans", "lightning link plans"]


def design_slotter(R, lang):
    return {"d": DESIGN_THINGS, "d2": DESIGN_THINGS, "f": DESIGN_FMT, "man": MANUALS, "man2": MANUALS,
            "n": [str(x) for x in (5, 10, 25, 50, 100, 150, 300, 500, 1000, 2000)],
            "gb": ["1.2 GB", "4 GB", "12 GB", "35GB", "70 GB", "850 MB", "2.3GB", "140 GB"],
            "pg": ["40", "86", "120", "212", "350", "64", "18"],
            "printer": ["Ender 3", "Prusa MK3S", "Bambu P1S", "any FDM printer", "Ender 3 V2", "Elegoo Neptune", "Anycubic Kobra"],
            "_labels": []}


DESIGN_TITLES = [
    "{d} {f}", "{d} - {f}", "{f} for {d}", "{d} {f} + build guide", "{d} complete {f}", "{d} {f} (instant delivery)",
    "3D printed gun files: {d}", "3D gun {f} - {d}", "Print your own {d}", "Print your own gun - {d} {f}",
    "{d} + {d2} {f}", "FOSSCAD mega pack ({n} files)", "FOSSCAD pack {gb}", "DEFCAD archive {gb}",
    "DEFCAD + FOSSCAD collection", "Ghost gun file pack ({n} guns)", "3D printable guns collection {gb}",
    "{n} 3D printable gun STLs", "Gun STL mega bundle", "{man}", "{man} (PDF)", "{man} PDF {pg} pages",
    "{man} + {man2}", "{man} - instant download", "{man} ebook", "[PDF] {man}", "{man} - digital",
    "Complete {d} build kit: files + guide", "{d} files + {man}", "Gatalog-style {d} files",
    "{d} files (tested prints)", "{d} {f} - printable on {printer}", "{d} print files v2",
    "Guide: {man}", "How to build a {d}", "Build your own {d} at home", "{d} blueprints",
    "{d} technical drawings", "{f} - {d} - latest version", "3D gun library {gb} ({n} models)",
    "Machine pistol plans + files", "{man} [ENG]", "Untraceable gun guide + {d} {f}",
    "Full-auto conversion manuals collection", "{n} gun manuals (PDF)", "Gunsmithing library {gb}",
]
DESIGN_DESC = [
    "Instant digital delivery.", "Auto delivery after payment.", "Link sent via message.",
    "Mega link, files never expire.", "Download link + password.", "Includes {f} and assembly instructions.",
    "All files tested, prints fine on {printer}.", "Print in PLA+ or nylon.", "Print settings included.",
    "Contains {n} files.", "Archive is {gb}.", "{pg} pages, with pictures and diagrams.",
    "Bill of materials included (hardware store parts).", "Step by step with photos.",
    "Includes barrel making (ECM) guide.", "Only the non-printed parts need to be bought.",
    "Full build video included.", "Latest revision.", "Files in .stl and .step.",
    "No physical item, this is a digital download.", "Sold as information for educational purposes.",
    "Build a working 9mm carbine for under $300.", "Requires basic tools: drill, files, vise.",
    "Also includes {d2} files.", "Includes the {man2}.", "Organized by category.",
    "No serial number, no registration.", "Over {n} designs, pistols, rifles, magazines, suppressors.",
]


def dp_slotter(R, lang):
    s = design_slotter(R, lang)
    s["_labels"] = ["part"]
    s["pp"] = ["printed frame", "printed lower", "printed switch", "jig", "printed receiver", "frame (printed, ready)",
               "magazine", "printed auto sear", "printed Glock frame + rails", "printed lower receiver",
               "metal parts kit", "rails", "steel rails and locking block", "barrel", "threaded barrel"]
    return s


DP_TITLES = [
    "{d} files + {pp}", "{d} {f} + {pp}", "{pp} + {d} files", "{d} kit: files and {pp}", "Files + {pp} ({d})",
    "{man} + {pp}", "{d} STL + {pp} shipped", "Printed {d} parts + files", "{d} build bundle ({f} + {pp})",
    "{pp} for {d} + free {f}",
]
DP_DESC = [
    "You get the {f} plus the physical {pp}.", "Files delivered instantly, {pp} ships in 2 days.",
    "{pp} printed in nylon on {printer}.", "{pp} is tested and fits.", "Also includes {man}.",
    "Files included with every {pp}.",
]

# --------------------------------------------------------------------------- specs

SPECS = [
    {"name": "handgun", "n": 520, "labels": ["firearm"], "slotter": gun_slotter(["pistol"]),
     "titles": HANDGUN_TITLES, "desc": GUN_DESC, "cats": "firearm", "price": (350, 1600),
     "domain": "gun", "obf": 0.14, "langs": ["en", "de", "ru", "es", "fr"], "multipart": 0.05},
    {"name": "revolver", "n": 70, "labels": ["firearm"], "slotter": gun_slotter(["revolver"]),
     "titles": REVOLVER_TITLES, "desc": GUN_DESC, "cats": "firearm", "price": (300, 1400),
     "domain": "gun", "obf": 0.1, "langs": ["en", "de", "ru", "es", "fr"]},
    {"name": "rifle", "n": 230, "labels": ["firearm"], "slotter": gun_slotter(["rifle"]),
     "titles": RIFLE_TITLES, "desc": GUN_DESC, "cats": "firearm", "price": (600, 3500),
     "domain": "gun", "obf": 0.12, "langs": ["en", "de", "ru", "es", "fr"], "multipart": 0.06},
    {"name": "shotgun", "n": 95, "labels": ["firearm"], "slotter": gun_slotter(["shotgun"]),
     "titles": SHOTGUN_TITLES, "desc": GUN_DESC, "cats": "firearm", "price": (250, 1500),
     "domain": "gun", "obf": 0.1, "langs": ["en", "de", "ru", "es", "fr"]},
    {"name": "smg", "n": 70, "labels": ["firearm"], "slotter": gun_slotter(["smg"]),
     "titles": SMG_TITLES, "desc": GUN_DESC, "cats": "firearm", "price": (900, 4500),
     "domain": "gun", "obf": 0.1, "langs": ["en", "de", "ru", "es", "fr"]},
    {"name": "improvised", "n": 55, "labels": ["firearm"], "slotter": improv_slotter,
     "titles": IMPROV_TITLES, "desc": IMPROV_DESC, "cats": "firearm", "price": (150, 900),
     "domain": "gun", "obf": 0.1},
    {"name": "magazine", "n": 170, "labels": ["part"], "slotter": mag_slotter,
     "titles": MAG_TITLES, "desc": MAG_DESC, "cats": "part", "price": (20, 150),
     "domain": "gun", "obf": 0.1, "langs": ["en", "de", "ru", "es", "fr"]},
    {"name": "suppressor", "n": 130, "labels": ["part"], "slotter": supp_slotter,
     "titles": SUPP_TITLES, "desc": SUPP_DESC, "cats": "part", "price": (80, 900),
     "domain": "gun", "obf": 0.15, "langs": ["en", "de", "ru", "es", "fr"]},
]
for _kind, _n in (("slide", 55), ("barrel", 55), ("frame", 45), ("receiver", 80), ("bcg", 35),
                  ("auto", 95), ("trigger", 40), ("kit", 45), ("small", 45)):
    SPECS.append({"name": "part_" + _kind, "n": _n, "labels": ["part"], "slotter": part_slotter(_kind),
                  "titles": PART_GENERIC_TITLES + [t for t in PART_GENERIC_TITLES[:6]],
                  "desc": PART_GENERIC_DESC + PART_SPECIFIC_DESC[_kind] * 2, "cats": "part",
                  "price": (25, 700), "domain": "gun", "obf": 0.1,
                  "langs": ["en", "de", "ru", "es", "fr"]})
PA_TITLES = [
    "{n}x {mm} mags + {r} rounds", "{mm} mag ({cap}rd) + {r} rds", "{r} rounds + {n} {mm} magazines",
    "Loaded {mm} mags x{n} ({r} rds)", "{mm} magazines x{n} loaded with {bt}", "Mag + ammo pack for {mm}",
    "{n} {mm} mags and a box of ammo ({r})", "Reload pack: {n} mags {mm} + {r} rounds",
]
PA_DESC = ["{n} magazines, {r} rounds.", "Mags come loaded.", "Ammo is factory {bt}.", "Everything for a day at the range.",
           "Mags are OEM.", "Ships in two parcels."]


def pa_slotter(R, lang):
    s = mag_slotter(R, lang)
    s["r"] = [str(x) for x in (30, 50, 60, 100, 150, 200, 300)]
    s["bt"] = ["FMJ", "JHP", "hollow points", "ball"]
    return s


SPECS += [
    {"name": "part_ammo", "n": 45, "labels": ["part", "ammunition"], "slotter": pa_slotter,
     "titles": PA_TITLES, "desc": PA_DESC, "cats": "part", "price": (60, 400), "domain": "gun", "obf": 0.1},
    {"name": "ammo", "n": 760, "labels": ["ammunition"], "slotter": ammo_slotter,
     "titles": AMMO_TITLES, "desc": AMMO_DESC, "cats": "ammo", "price": (15, 70),
     "domain": "gun", "obf": 0.12, "langs": ["en", "de", "ru", "es", "fr"]},
    {"name": "design", "n": 560, "labels": ["design"], "slotter": design_slotter,
     "titles": DESIGN_TITLES, "desc": DESIGN_DESC, "cats": "design", "price": (5, 250),
     "domain": "digital", "obf": 0.06, "langs": ["en", "de", "ru", "es", "fr"]},
    {"name": "design_part", "n": 85, "labels": ["design", "part"], "slotter": dp_slotter,
     "titles": DP_TITLES, "desc": DP_DESC + DESIGN_DESC[:10], "cats": "design", "price": (60, 600),
     "domain": "gun", "obf": 0.06},
]
