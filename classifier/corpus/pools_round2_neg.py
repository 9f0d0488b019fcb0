"""Round-2 negatives: the commonest real market listings (drugs with weights, pill counts and
milligrams, steroids, carding, electronics), written with the words the first corpus had made
gun-specific: "comes with", "single", "extra", "condition", "clean", "original", "brand new",
"serial", "fresh", and with numbers and units ("x 100", "50", "gr", "grams", "g", "pcs").
All rows are labeled none. Descriptions are composed by `neg_desc` from item, vendor, shipping,
packaging and stealth fragments so they are long and varied; a share stays empty or terse."""

import pools_i18n

ALL5 = ("en", "de", "ru", "es", "fr")

# --------------------------------------------------------------------------- pharmaceuticals

PHARMA = [  # (name, [mg], kind)
    ("Xanax", ["0.5mg", "1mg", "2mg", "2mg bars"], "benzo"), ("Alprazolam", ["1mg", "2mg"], "benzo"),
    ("Valium", ["5mg", "10mg"], "benzo"), ("Diazepam", ["10mg", "5mg"], "benzo"), ("Klonopin", ["1mg", "2mg"], "benzo"),
    ("Clonazepam", ["2mg", "0.5mg"], "benzo"), ("Rivotril", ["2mg"], "benzo"), ("Lorazepam", ["1mg", "2.5mg"], "benzo"),
    ("Ativan", ["2mg"], "benzo"), ("Etizolam", ["1mg", "2mg"], "benzo"), ("Bromazolam", ["1mg", "3mg"], "benzo"),
    ("Temazepam", ["20mg"], "benzo"), ("Flubromazolam", ["0.5mg"], "benzo"), ("Lexotan", ["6mg"], "benzo"),
    ("Oxycodone", ["10mg", "20mg", "30mg", "40mg", "80mg"], "opioid"), ("OxyContin", ["40mg", "80mg"], "opioid"),
    ("Roxicodone", ["15mg", "30mg"], "opioid"), ("Percocet", ["5/325", "10/325"], "opioid"),
    ("Hydrocodone", ["10/325"], "opioid"), ("Norco", ["10/325"], "opioid"), ("Dilaudid", ["4mg", "8mg"], "opioid"),
    ("Tramadol", ["50mg", "100mg", "200mg", "225mg"], "opioid"), ("Tapentadol", ["100mg", "200mg"], "opioid"),
    ("Morphine", ["30mg", "60mg", "100mg"], "opioid"), ("Methadone", ["10mg", "40mg"], "opioid"),
    ("Subutex", ["8mg", "2mg"], "opioid"), ("Suboxone", ["8/2mg"], "opioid"), ("Codeine", ["30mg", "60mg"], "opioid"),
    ("Fentanyl patch", ["25mcg", "50mcg", "100mcg"], "opioid"), ("Opana", ["40mg"], "opioid"),
    ("Adderall", ["10mg", "20mg", "30mg"], "stim"), ("Adderall XR", ["20mg", "30mg"], "stim"),
    ("Ritalin", ["10mg", "20mg"], "stim"), ("Concerta", ["36mg", "54mg"], "stim"), ("Vyvanse", ["50mg", "70mg"], "stim"),
    ("Modafinil", ["200mg"], "stim"), ("Armodafinil", ["150mg", "250mg"], "stim"), ("Dexedrine", ["5mg"], "stim"),
    ("Pregabalin", ["150mg", "300mg"], "rx"), ("Lyrica", ["300mg"], "rx"), ("Gabapentin", ["600mg", "800mg"], "rx"),
    ("Zopiclone", ["7.5mg"], "rx"), ("Zolpidem", ["10mg"], "rx"), ("Ambien", ["10mg"], "rx"),
    ("Seroquel", ["100mg", "300mg"], "rx"), ("Quetiapine", ["25mg"], "rx"), ("Promethazine", ["25mg"], "rx"),
    ("Viagra", ["100mg"], "rx"), ("Sildenafil", ["100mg"], "rx"), ("Cialis", ["20mg"], "rx"), ("Kamagra", ["100mg"], "rx"),
    ("Propranolol", ["40mg"], "rx"), ("Phenibut", ["500mg"], "rx"), ("Soma", ["350mg"], "rx"),
]
PILLW = ["pills", "tabs", "tablets", "pcs", "caps", "capsules", "bars", "pillen", "blisters"]
PCOUNT = ["10", "20", "25", "28", "30", "50", "60", "90", "100", "100", "200", "250", "300", "500", "1000", "2000"]
BLIST = ["10x10", "1x10", "3x10", "5x10", "2x14", "10x14", "4x7"]


def pharma_slot(R, lang):
    name, mgs, kind = PHARMA[R.randrange(len(PHARMA))]
    n = R.choice(PCOUNT)
    return {"d": name, "mg": R.choice(mgs), "n": n, "pw": PILLW, "bl": BLIST, "kind": kind, "ctry": CTRY,
            "mfr": ["Pfizer", "Sandoz", "Teva", "Mylan", "Sun Pharma", "Cipla", "Roche", "Actavis", "Hikma", "Novartis",
                    "Greenstone", "Mallinckrodt", "Rhodes", "Purdue", "Intas"],
            "imp": ["M 30", "A215", "K9", "S 903", "GG 249", "B707", "R039", "2088", "Y 20", "80 OP", "M 523"],
            "_labels": [], "_qty_mult": 1.0}


PHARMA_T = [
    "{d} {mg} x {n}", "{d} {mg} x{n}", "{d} {mg} {n} {pw}", "{d} {mg} - {n} {pw}", "{n} x {d} {mg}", "{n}x {d} {mg}",
    "{d} {mg} {bl}", "{d} {mg} ({bl})", "{d} {mg} {bl} blisters", "{mfr} {d} {mg} x {n}", "{d} {mg} {mfr} {n}pcs",
    "{d} {mg} | {n} {pw}", "{d} {mg} [{ctry}]", "{d} {mg} - {n} pcs - {ctry}", "{d} {mg} x 100", "{d} {mg} 50 pills",
    "{d} {mg} original {mfr}", "{d} {mg} pharma grade x{n}", "{d} {mg} ({imp}) x{n}", "{d} {imp} {mg} - {n}",
    "{n} {d} {mg} {pw}", "{d} {mg}", "{d} {mg} - brand new batch", "{d} {mg} - single strip", "{d} {mg} extra strong {n}",
    "{d} {mg} {n} st", "{d} {mg} sample x 5", "{d} {mg} bulk {n}", "Real {d} {mg} x{n}", "{d} {mg} clean press {n}",
]
PHARMA_ITEM = [
    "Original {mfr} packaging, sealed blisters.", "Each strip has the serial and batch number printed.", "Comes with the leaflet.",
    "Pharmacy grade, not pressed.", "Clean press, no fent, tested.", "Single dose: one tab.", "Extra strong batch.",
    "Brand new batch, expiry 2027.", "Imprint {imp}.", "{n} {pw} per order.", "Price per {n}.", "Original boxes with serial number.",
    "Blisters of 10, {bl}.", "Condition of the boxes is perfect.", "Fresh stock from {ctry}.", "Extra {pw} for every 100 ordered.",
    "Comes with an extra strip for free on big orders.", "We send {n} {pw} in {bl} blisters.", "Half a tab is a single dose for most people.",
    "Blister packs are cut and flattened for letter stealth.", "Pills are sent in a sealed moisture barrier bag.",
    "All tabs from the same lot, same imprint.", "No loose pills, only sealed.", "Clean, no fillers.",
]

# --------------------------------------------------------------------------- weights: weed, hash, stimulants, MDMA

STRAINS = ["OG Kush", "Amnesia Haze", "Gelato 41", "Wedding Cake", "Zkittlez", "Runtz", "Gorilla Glue #4", "Purple Punch",
           "Sour Diesel", "Blue Dream", "Lemon Haze", "Northern Lights", "Super Silver Haze", "Cherry Pie", "Mimosa",
           "Jack Herer", "Durban Poison", "Tangie", "Do-Si-Dos", "MAC 1", "Ice Cream Cake", "Biscotti", "Apple Fritter",
           "Zushi", "Cereal Milk", "Lemon Cherry Gelato", "Pink Runtz", "Strawberry Banana", "Critical Kush", "Skunk #1",
           "White Rhino", "Bubba Kush", "Granddaddy Purple", "Mango Kush", "Banana Kush", "Slurricane", "Gary Payton",
           "Candy Kush", "Tropicana Cookies", "Blueberry", "Cheese", "Somango", "Lemon Kush", "Kosher Kush", "Alien OG"]
HASH = ["Moroccan hash", "Dry sift", "Afghan black hash", "Charas", "Bubble hash", "Frozen hash", "Static hash", "Rosin",
        "Lebanese blonde", "Ketama gold", "Double zero hash", "Piatella", "Temple ball", "Nepalese", "Polm", "Filtered hash"]
STIMS = ["Cocaine", "Coke", "Peruvian flake", "Bolivian cocaine", "Fishscale", "Crack", "Speed paste", "Amphetamine",
         "Amph sulphate", "Crystal meth", "Meth shards", "Ketamine", "Ketamine needles", "MDMA crystal", "MDMA",
         "Champagne MDMA", "Molly", "3-MMC", "4-MMC", "2-CB powder", "Heroin #4", "Brown heroin", "GHB", "GBL"]
PILLS_X = ["Blue Punisher", "Tesla", "Philipp Plein", "Red Bull", "Donkey Kong", "Rolex", "Superman", "Pink Tesla",
           "Heisenberg", "Minions", "Lego", "Domino", "Audi", "Mitsubishi", "Playboy", "Warner Bros", "Skull"]
WTS = ["1g", "2g", "3.5g", "5g", "7g", "10g", "14g", "25g", "28g", "50g", "100g", "250g", "500g", "1kg", "1 gram",
       "5 grams", "10 grams", "50 grams", "100 grams", "1 gr", "5 gr", "10 gr", "50gr", "100gr", "1oz", "1/2 oz", "1/4 oz",
       "QP", "HP", "1 lb", "0.5g", "20g", "3g", "2 gr", "3.5 gr", "7 gr", "14 gr", "25gr", "28 gr", "250 gr", "500gr",
       "1000 gr", "10gr", "20 grams", "3.5 grams"]
PUR = ["90%", "92%", "85%", "94% pure", "80%", "88%", "uncut", "lab tested 91%", "high purity"]


def weight_slot(R, lang):
    return {"st": STRAINS, "st2": STRAINS, "h": HASH, "s": STIMS, "px": PILLS_X, "w": WTS, "w2": WTS, "pur": PUR,
            "thc": ["20%", "24%", "27% THC", "29%", "31%", "THC 26%", "32%"], "n": PCOUNT, "mg": ["150mg", "200mg", "250mg",
            "280mg", "300mg", "220mg"], "ctry": CTRY, "_labels": [], "_qty_mult": 1.0}


WEED_T = [
    "{st} {w}", "{st} - {w}", "{w} {st}", "{st} {w} AAA+", "{st} indoor {w}", "{st} {thc} {w}", "{st} x {w}",
    "{st} | {w} | {ctry}", "{h} {w}", "{h} - {w}", "{w} {h}", "{h} {w} premium", "{st} {w} + {w2} {st2}", "{st} 1 gram",
    "{st} 28 grams", "{st} 100g bulk", "{st} 5 x 1g", "{st} pre-rolls x 10", "{st} (fresh harvest) {w}",
    "{st} clean {w}", "{st} single strain {w}", "{st} extra sticky {w}", "{st} top shelf {w}", "{h} 50 gr",
]
STIM_T = [
    "{s} {w}", "{s} {w} {pur}", "{w} {s}", "{s} - {w} - {pur}", "{s} {pur} {w}", "{s} {w} [{ctry}]", "{s} x {w}",
    "{s} 1 gram", "{s} 5 grams", "{s} 10g", "{s} 50 gr", "{s} 100 gr", "{px} {mg} x {n}", "{px} pills {mg} x{n}",
    "{n}x {px} {mg}", "{px} XTC {mg} - {n} pcs", "{s} sample 0.5g", "{s} fresh batch {w}", "{s} clean {w}",
    "{s} extra strong {w}", "{s} brand new batch {w}", "{s} single gram", "{s} {w} original", "{s} rocks {w}",
]
PSY_T = [
    "LSD {ug} x {n}", "LSD {ug} blotters x{n}", "{n} x LSD tabs {ug}", "1P-LSD {ug} {n} pcs", "Magic mushrooms {w}",
    "{shroom} {w}", "{shroom} dried {w}", "Psilocybin {w} {shroom}", "DMT {w}", "2C-B {mg2} x {n}", "Truffles {w}",
    "Mescaline {w}", "Ketamine {w}", "LSD {ug} single tab", "{shroom} - {w} - fresh", "LSD {ug} sheet of 100",
    "Microdose caps x {n}", "{shroom} spores x 10", "DMT vape cart 1ml", "LSD gel tabs {ug} x{n}",
]
STER_T = [
    "{ster} {sd} 10ml", "{ster} {sd} x {vials} vials", "{ster} {sd} {vials}x10ml", "{sto} {so} x 100", "{sto} {so} {n} tabs",
    "{n} x {sto} {so}", "{ster} {sd} - {slab}", "{slab} {ster} {sd}", "{sto} {so} ({slab}) x{n}", "HGH {iu} kit",
    "{ster} {sd} 10ml x {vials}", "{sto} {so} 100 tabs", "{ster} cycle pack", "{sto} {so} - 50 tabs", "Ozempic {pen} pen",
]


def psy_slot(R, lang):
    s = weight_slot(R, lang)
    s.update({"ug": ["100ug", "150ug", "200ug", "250µg", "300ug", "110µg"], "mg2": ["15mg", "20mg", "25mg"],
              "shroom": ["Golden Teacher", "Penis Envy", "B+", "Mazatapec", "Albino A+", "Psilocybe cubensis", "Ecuador",
                         "McKennaii", "Transkei", "Psilocybe cyanescens", "Amazonian"]})
    return s


def ster_slot(R, lang):
    s = weight_slot(R, lang)
    s.update({"ster": ["Testosterone Enanthate", "Test E", "Test Cypionate", "Sustanon", "Trenbolone Acetate", "Tren E",
                       "Deca Durabolin", "Nandrolone", "Masteron", "Primobolan", "Boldenone", "NPP"],
              "sd": ["250mg/ml", "300mg/ml", "200mg/ml", "100mg/ml", "400mg/ml", "250mg"],
              "sto": ["Anavar", "Oxandrolone", "Dianabol", "Winstrol", "Anadrol", "Turinabol", "Clenbuterol", "Tamoxifen",
                      "Arimidex", "Letrozole", "Proviron", "Cabergoline"],
              "so": ["10mg", "20mg", "50mg", "40mcg", "25mg", "1mg", "2.5mg"],
              "slab": ["Balkan Pharma", "Alpha Pharma", "British Dragon", "Gen-Shi", "Magnus", "Sciroxx", "Hilma", "UGL"],
              "vials": ["1", "2", "3", "5", "10"], "iu": ["100iu", "10x10iu", "200iu"], "pen": ["0.25mg", "0.5mg", "1mg"]})
    return s


DRUG_COMMON = [
    "Weight: {w}.", "Price is for {w}.", "{w} per bag.", "Always weighed on a calibrated scale, we put extra on every order.",
    "Fresh harvest, brand new batch.", "Same day dispatch on orders before 2pm.", "Sample size available: 1 g.",
    "Bulk price on 100g and up.", "Every order comes with tracking.", "Comes in a mylar bag, heat sealed.",
    "Each bag has a serial number so we can trace any weight complaint.", "Batch serial on the label.",
    "Priced per gr, discount from 10 gr.", "Ordered {w}? We always add extra.", "Single origin, clean product.",
]
WEED_ITEM = DRUG_COMMON + [
    "Extra 0.2g on every gram.", "Clean smoke, white ash.", "Cured for 4 weeks, original genetics.", "THC {thc}.",
    "Comes with a grinder for orders of 28g+.", "Comes with a free pre-roll.", "Condition: dry, sticky, dense buds.",
    "Smells incredible, gassy terps.", "Comes with a free sample of our other strain.", "Original packaging from the grower.",
    "Condition: fresh, not dried out.", "Brand new strain, single batch.", "Heavy hitter.", "Grade A, fresh.",
]
STIM_ITEM = DRUG_COMMON + [
    "Tested {pur}.", "Purity {pur}, reagent photos on request.", "Extra strong, be careful.", "Clean, no cuts, no benzocaine.",
    "Original press, same as last batch.", "Each pill {mg}.", "x {n} pills in a vacuum bag.", "{n} pcs per order.",
    "Rocks and powder, not mushed.", "Single dose is about 100mg, start low.", "Grade A, fresh.", "Lab-tested, certificate in pics.",
]
PSY_ITEM = DRUG_COMMON + [
    "Great for microdosing.", "Tabs are stored cold and dark.", "Lab-tested, certificate in pics.", "Single dose: one tab.",
    "Extra strong batch, be careful.", "Clean, no research chemicals.", "Dried properly, no mould, original strain.",
    "Comes with a dosing guide.", "{n} pcs per order.", "Fresh flush, brand new batch.",
]
STER_ITEM = [
    "Sealed vials with batch number and serial on the box.", "Original {slab} with hologram, check serial on their site.",
    "Comes with pins and swabs.", "Clean gear, no crash.", "Brand new stock, expiry 2027.", "Extra vial on orders over 5.",
    "Single vial or full cycle pack.", "Condition of boxes: perfect.", "{so} per tab, {n} tabs per tub.",
    "Dosage guide included.", "Lab tested, results on request.", "UGL but clean and accurate.",
]

# --------------------------------------------------------------------------- carding / fraud

def card_slot(R, lang):
    return {"ctry": ["US", "UK", "CA", "AU", "DE", "FR", "EU", "IT", "ES", "NL"],
            "bin": ["BIN 414720", "BIN 4147", "bin 552433", "BIN 486796", "bins 4185xx", "BIN 5178 05", "bin 4266"],
            "bal": ["$1k+", "$2,000-5,000", "balance $3k+", "£1500", "€2k", "$10k+", "5k-10k", "$500+"],
            "bank": ["Chase", "BoA", "Wells Fargo", "Citi", "Barclays", "HSBC", "Santander", "Lloyds", "Capital One",
                     "TD", "Commerzbank", "ING", "Revolut"],
            "vr": ["80%", "85%", "90%", "95%", "75%"], "n": ["1", "5", "10", "20", "50", "100", "500"],
            "acc": ["Netflix", "Spotify", "PayPal", "Amazon", "Uber", "Coinbase", "eBay", "Cash App", "Venmo", "Disney+"],
            "_labels": [], "_qty_mult": 1.0}


CARD_T = [
    "{ctry} fullz x{n}", "{ctry} fullz with {bin}", "{ctry} CVV fresh {bin}", "{bank} logs {bal}", "{bank} log - {bal} - fresh",
    "CC {ctry} {bin} x {n}", "{ctry} dumps 101 with pin x{n}", "{ctry} CC high valid rate {vr}", "{ctry} fresh CVV x {n}",
    "{acc} accounts x {n} (fresh)", "{acc} log with balance", "{ctry} fullz + credit score 700+", "Fresh {ctry} cards {bin}",
    "{bank} bank log {bal} with email access", "{ctry} CVV - single card", "{ctry} CVV x 10 - extra 2 free",
    "{acc} with balance {bal}", "{ctry} fullz clean (never sold)", "{bin} - {ctry} - {vr} valid", "{ctry} non-VBV {bin}",
]
CARD_ITEM = [
    "Fresh, checked before sending.", "High valid rate ({vr}).", "Balance {bal}.", "Comes with full info: name, address, DOB, SSN, phone.",
    "Single use only, don't resell.", "Extra card free on orders of 10+.", "Clean cards, never sold twice.", "Original dumps, track 1+2.",
    "Brand new base, updated daily.", "{bin}, works on most shops.", "Replacement if dead within 6h.", "Condition: live, checked.",
    "Comes with cookies and user agent.", "Serial fraud gets you banned, be smart.", "Fresh {ctry} base.", "{n} per order.",
    "Valid rate {vr} on the last batch.", "Ammo for your shop: fresh every morning.",
]

# --------------------------------------------------------------------------- electronics and goods

GOODS = {
    "iPhone 14 Pro 256GB": ["Comes with charger and original box.", "Battery health 91%.", "Unlocked, clean IMEI."],
    "iPhone 13 128GB": ["Good condition, small scratch.", "Single owner.", "Original cable."],
    "Samsung Galaxy S23": ["Brand new, sealed.", "Comes with case.", "Serial number matches box."],
    "MacBook Pro M1 13\"": ["Single owner, good condition.", "Comes with original charger.", "Battery 89 cycles."],
    "MacBook Air M2": ["Like new, clean.", "Serial on request.", "Original box included."],
    "ThinkPad X1 Carbon": ["Extra battery included.", "Clean install of Windows.", "Good condition."],
    "Sony PS5 Disc": ["Comes with 2 controllers.", "Original box.", "Single owner, smoke free home."],
    "Nintendo Switch OLED": ["Extra Joy-Cons.", "Comes with case and 3 games.", "Good condition."],
    "DJI Mini 3 Pro": ["Extra batteries x2.", "Comes with charging hub.", "Clean, no crashes."],
    "GoPro Hero 11": ["Extra battery and mounts.", "Brand new condition."],
    "AirPods Pro 2": ["Original, serial checks on Apple site.", "Brand new sealed."],
    "Canon EOS R6 body": ["Shutter count 8k.", "Comes with 2 batteries and charger.", "Original strap."],
    "Garmin Fenix 7": ["Good condition, comes with charger.", "Single owner."],
    "Ledger Nano X": ["Brand new, sealed.", "Original packaging, check the serial."],
    "Trezor Model T": ["New in box.", "Original, not tampered."],
    "Burner phone Nokia 105": ["Brand new, unregistered SIM.", "Single use.", "Comes with charger."],
    "Encrypted phone (Pixel, GrapheneOS)": ["Clean install.", "Comes with extra SIM.", "Brand new condition."],
    "Dell XPS 15": ["Extra RAM installed.", "Good condition.", "Comes with charger."],
    "Steam Deck 512GB": ["Comes with case.", "Like new.", "Original box and charger."],
    "Apple Watch Ultra": ["Extra band included.", "Single owner.", "Clean, no scratches."],
    "Rolex Submariner clone": ["Clean factory movement.", "Comes with box and papers.", "Serial engraved."],
    "Louis Vuitton Neverfull": ["1:1, original leather.", "Comes with dust bag and receipt.", "Serial date code."],
    "Yeezy 350 V2": ["Brand new in box.", "Sizes 40-46.", "Original quality."],
    "Digital scale 0.01g": ["Comes with calibration weight.", "Extra batteries.", "Brand new."],
    "Vacuum sealer": ["Comes with 50 bags.", "Good condition.", "Single owner."],
    "Money counter": ["Counts 1000 notes/min.", "UV counterfeit detection.", "Brand new."],
}


def goods_slot(R, lang):
    keys = list(GOODS)
    k = keys[R.randrange(len(keys))]
    return {"it": k, "_desc": GOODS[k], "ctry": CTRY, "_labels": [], "_qty_mult": 1.0,
            "cond": ["good condition", "brand new", "like new", "used", "mint condition", "excellent condition", "clean"]}


GOODS_T = ["{it}", "{it} - {cond}", "{it} ({cond})", "{it} comes with charger", "{it} + extra battery", "{it} single owner",
           "{it} original", "{it} brand new", "{it} - clean", "{it} [{ctry}]", "{it} x2", "{it} - serial on request",
           "{it} in {cond}", "{it} with original box", "{it} - fresh stock"]
GOODS_ITEM = ["Serial number on the box matches the device.", "Comes with receipt, serial visible.", "Comes with charger.", "Comes with original box and cable.", "Single owner.", "Extra battery included.",
              "Good condition, minor wear.", "Clean, works perfectly.", "Original, serial number checks out.",
              "Brand new, never opened.", "Condition: 9/10.", "Comes with a case.", "Fresh stock this week."]

# --------------------------------------------------------------------------- shared vendor talk

CTRY = ["NL", "DE", "UK", "USA", "US", "CA", "AU", "ES", "BE", "PL", "EU", "FR", "SE", "CZ", "IT"]
SHIPTALK = [
    "Ships from {ctry} within 24h.", "Stealth: vacuum sealed twice, smell proof bag, inside a normal looking envelope.",
    "Packaging: MBB + vacuum seal + decoy item.", "We ship in DVD cases / magazines / letters depending on size.",
    "Tracked shipping available for orders over 50 grams.", "Letters for small orders, parcels for big ones.",
    "Domestic only, no international.", "Worldwide except AU and NZ.", "Next day delivery in the {ctry}.",
    "Stealth is professional, never had a seizure in 3 years.", "Our packaging looks like a normal business letter.",
    "Triple vacuum sealed, no smell at all.", "Shipping days Monday to Friday.", "No signature required.",
    "Orders before 12:00 ship the same day.", "Please encrypt your address with PGP.", "Reship once if lost.",
    "FE only for 20+ orders, everyone else escrow.", "Free shipping on orders over $100.", "Discreet packaging, no logos.",
    "Bulk orders: message me first.", "We ship to {ctry} and the EU.", "Express option: +$15.",
    "Every order comes with a tracking number.", "Comes with a decoy item.", "Each parcel gets a serial so we can find it in our log.",
    "Single packaging layer for letters, extra layers for parcels.", "Packages leave in original retail boxes as decoys.",
    "Clean packing: gloves, no prints, no DNA.", "Fresh packaging supplies every batch.",
]
VENDORTALK = [
    "Check my feedback, 2000+ orders.", "Leave feedback please.", "Message me for bulk prices.", "Read my profile.",
    "Restock every Tuesday.", "Quality never changes.", "Same vendor, new market.", "Escrow accepted.",
    "No refunds on seized packages without the letter.", "Support replies within 12h.", "Limited stock.",
    "Thanks for your trust.", "Regulars get extras.", "New customers welcome, sample sizes available.",
]


def neg_desc(item_pool):
    def f(R, lang, loc, slots):
        x = R.random()
        if x < 0.16:
            return ""
        if lang != "en":
            return " ".join(R.sample(loc["desc"], min(R.randint(1, 3), len(loc["desc"]))))
        if x < 0.3:
            return " ".join(R.sample(item_pool, R.randint(1, 2)))
        parts = (R.sample(item_pool, R.randint(1, 4)) + R.sample(SHIPTALK, R.randint(0, 3))
                 + R.sample(VENDORTALK, R.randint(0, 2)))
        R.shuffle(parts)
        return R.choice([" ", "\n", "\n\n", " - "]).join(parts)
    return f


def goods_desc(R, lang, loc, slots):
    return neg_desc(list(slots["_desc"]) + GOODS_ITEM)(R, lang, loc, slots)


PHARMA_CATS = ["Drugs/Prescription", "Drugs/Benzos", "Drugs/Opioids", "Pharmacy", "Drugs/Prescription/Benzos",
               "Drugs/Opioids/Oxycodone", "Benzodiazepines", "Drugs/Stimulants/Prescription", "Drugs/Sedatives", "Drugs",
               "Drugs/Other", "Opiates", "Pills"]


def notes_slot(R, lang):
    return {"cur": ["50 EUR", "20 EUR", "100 USD", "20 USD", "50 GBP", "20 GBP", "100 EUR", "10 EUR", "1000 RUB", "5000 RUB"],
            "n": ["10", "20", "25", "50", "100", "200", "500"], "ctry": CTRY, "_labels": [], "_qty_mult": 1.0}


NOTES_T = ["Counterfeit {cur} notes x {n}", "{cur} bills x{n} - unique serials", "{n} x {cur} - clean prints",
           "{cur} prop money {n} pcs", "Fake {cur} - {n} notes - passes pen", "{cur} x {n} (different serial numbers)",
           "{cur} high quality copies {n}", "{n}x {cur} fresh print", "{cur} notes, extra security features, x{n}"]
NOTES_ITEM = ["Every note has a different serial number.", "Serials are unique, no duplicates in one order.",
              "Comes with UV features and watermark.", "Passes pen test and UV.", "Single notes or bundles.",
              "Extra notes free on orders over 50.", "Original feel, cotton paper.", "Fresh print, brand new batch.",
              "Clean cut edges.", "Condition: crisp, slightly aged on request.", "Do not use at banks."]


def spec(name, n, slotter, titles, desc_fn, cats, price, domain, langs=("en",)):
    return {"name": name, "n": n, "labels": [], "slotter": slotter, "titles": titles, "desc": [], "desc_fn": desc_fn,
            "cats": cats, "price": price, "domain": domain, "langs": list(langs), "obf": 0.02, "multipart": 0.02}


pools_i18n.N["r2_pharma"] = {
    "de": {"titles": ["{d} {mg} x {n}", "{d} {mg} {n} Stk", "{d} {mg} {n} Tabletten", "{n} Stück {d} {mg}", "{d} {mg} {bl} Blister"],
           "desc": ["Original verpackt.", "Versand aus {ctry}.", "Diskreter Versand.", "Neue Charge.", "Sauber, nicht gepresst."]},
    "ru": {"titles": ["{d} {mg} {n} шт", "{d} {mg} x{n}", "{d} {mg} {n} таблеток", "{d} {mg} блистер {bl}"],
           "desc": ["Оригинал.", "Запечатанные блистеры.", "Доставка по РФ.", "Свежая партия."]},
    "es": {"titles": ["{d} {mg} x {n}", "{d} {mg} {n} pastillas", "{n} x {d} {mg}"],
           "desc": ["Original, blíster sellado.", "Envío discreto.", "Lote nuevo."]},
    "fr": {"titles": ["{d} {mg} x {n}", "{d} {mg} {n} comprimés", "{n} x {d} {mg}"],
           "desc": ["Original, blisters scellés.", "Envoi discret.", "Nouveau lot."]},
}
pools_i18n.N["r2_weed"] = {
    "de": {"titles": ["{st} {w}", "{st} {w} Indoor", "{h} {w}", "{st} - {w} - {thc}", "{w} {st} Top Qualität"],
           "desc": ["Frische Ernte.", "Vakuumiert.", "Extra Gewicht.", "Sauberer Rauch.", "Versand aus {ctry}."]},
    "ru": {"titles": ["Шишки {st} {w}", "{st} {w}", "Гашиш {w}", "Бошки {st} {w}", "{h} {w}"],
           "desc": ["Свежий урожай.", "Вакуум.", "Вес с запасом.", "Чистый продукт."]},
    "es": {"titles": ["{st} {w}", "Cogollos {st} {w}", "Hachís {w}", "{st} {w} interior"],
           "desc": ["Cosecha fresca.", "Sellado al vacío.", "Peso extra."]},
    "fr": {"titles": ["{st} {w}", "Beuh {st} {w}", "Shit {h} {w}", "{st} {w} indoor"],
           "desc": ["Récolte fraîche.", "Sous vide.", "Poids généreux."]},
}
pools_i18n.N["r2_stim"] = {
    "de": {"titles": ["{s} {w}", "{s} {w} {pur}", "{px} {mg} x {n}", "Kokain {w}", "Speed {w}"],
           "desc": ["Rein.", "Getestet.", "Diskreter Versand.", "Neue Charge."]},
    "ru": {"titles": ["Кокаин {w}", "Мефедрон {w}", "Амфетамин {w}", "{px} {mg} {n} шт", "Кристалл {w}"],
           "desc": ["Чистый.", "Тестировано.", "Доставка по РФ."]},
    "es": {"titles": ["Cocaína {w}", "{s} {w}", "{px} {mg} x {n}"], "desc": ["Pureza alta.", "Envío discreto."]},
    "fr": {"titles": ["Cocaïne {w}", "{s} {w}", "{px} {mg} x {n}"], "desc": ["Très pure.", "Envoi discret."]},
}

SPECS = [
    spec("r2_pharma", 330, pharma_slot, PHARMA_T, neg_desc(PHARMA_ITEM), PHARMA_CATS, (20, 600), "drug", ALL5),
    spec("r2_weed", 260, weight_slot, WEED_T, neg_desc(WEED_ITEM), "cannabis", (10, 1500), "drug", ALL5),
    spec("r2_stim", 220, weight_slot, STIM_T, neg_desc(STIM_ITEM), "stim", (30, 3000), "drug", ALL5),
    spec("r2_psy", 100, psy_slot, PSY_T, neg_desc(PSY_ITEM), "psy", (15, 500), "drug"),
    spec("r2_steroid", 90, ster_slot, STER_T, neg_desc(STER_ITEM), "pharma", (30, 400), "drug"),
    spec("r2_card", 120, card_slot, CARD_T, neg_desc(CARD_ITEM), "fraud", (5, 500), "fraud"),
    spec("r2_notes", 70, notes_slot, NOTES_T, neg_desc(NOTES_ITEM), "fraud", (50, 900), "fraud"),
    spec("r2_goods", 150, goods_slot, GOODS_T, goods_desc, "electronics", (50, 1500), "shop"),
]
