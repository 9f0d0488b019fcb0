"""Round-3 negatives: the contrast for pools_round3.py, written with its numbers, packaging words and
market boilerplate, all labeled none (see README, "Round 3").

* pills and pharma by count and dose ("250 x Xanax 2mg", "500 x Pregabalin 300mg [Bulk]"), injectables and
  peptides ("HGH 100 IU", "hCG 5000 IU 3 amps/box", "Sustanon 250", "Tren A 100", "Deca 250 10ml"), blotters
  by µg ("25 tabs 150ug", "10 x 1P-LSD 100µg"), drug weights ("QP 112g", "oz", "28g") and prepared joints;
* fake documents by count and lists / guides ("10 driver licenses", "TOP 100 list of ...", "50 ways to ...");
* box / bulk / per box / x10 on goods that are not guns (music box, gift box, pill box, edibles, gummies);
* DIY / build your own / step by step guides that are not guns (websites, bongs, grow rooms, mining rigs,
  drones, stills), gun words in strain and product names (Pistol Pete, Shotgun OG, Double Barrel OG,
  Bullet vape, Sniper Kush; Remington shavers, Winchester cigarillos), "ammo" as slang, "shells" in hacking
  (webshells, cPanel shells) and in seafood / crafts;
* custom listings: "Custom listing for X" that does not say what it is (unclear, labels []), and custom
  listings that name a drug or fraud item (labeled none, not unclear).

Titles and descriptions go through pools_round3.wrap / short_desc, the same functions and rates as the
positives, so "(Full Escrow)", "FE", "Pt.2", "restock", "USA 2-3 days", "PRICE SLASHED" are not gun cues.
"""

import re

from pools_round3 import BUYERS, CTRY, fill, mkspec, pick

# --------------------------------------------------------------------------- pills and pharma by count and dose

PILLS = [  # (names, doses)
    (["Xanax", "Alprazolam", "Xanax bars", "Xanax (Pfizer)"], ["0.5mg", "1mg", "2mg", "2mg", "2 mg"]),
    (["Valium", "Diazepam", "Valium (Roche)"], ["5mg", "10mg", "10mg", "10 mg"]),
    (["Klonopin", "Clonazepam", "Rivotril"], ["0.5mg", "1mg", "2mg"]),
    (["Ativan", "Lorazepam", "Tavor"], ["1mg", "2mg", "2.5mg"]), (["Etizolam", "Etilaam"], ["1mg", "2mg"]),
    (["Bromazepam", "Lexotan"], ["3mg", "6mg"]), (["Oxazepam"], ["10mg", "15mg"]), (["Nitrazepam", "Mogadon"], ["5mg"]),
    (["Temazepam"], ["10mg", "20mg"]), (["Bromazolam"], ["1mg", "2mg"]), (["Clonazolam"], ["0.5mg"]),
    (["Oxycodone", "OxyContin", "Roxicodone", "Oxy"], ["10mg", "20mg", "30mg", "40mg", "80mg"]),
    (["Percocet"], ["5/325", "10/325"]), (["Norco", "Hydrocodone"], ["10/325", "7.5/325"]),
    (["Dilaudid", "Hydromorphone"], ["2mg", "4mg", "8mg"]), (["Tramadol", "Tramal", "Ultram"], ["50mg", "100mg", "200mg", "225mg"]),
    (["Tapentadol", "Aspadol", "Nucynta"], ["100mg", "200mg"]), (["Morphine", "MST"], ["30mg", "60mg", "100mg"]),
    (["Codeine", "Dihydrocodeine", "DF118"], ["30mg", "60mg"]), (["Methadone"], ["10mg", "40mg"]),
    (["Subutex", "Buprenorphine"], ["2mg", "8mg"]), (["Suboxone"], ["8mg/2mg", "8/2"]),
    (["Adderall", "Adderall XR"], ["10mg", "20mg", "30mg"]), (["Ritalin", "Methylphenidate", "Medikinet"], ["10mg", "20mg", "40mg"]),
    (["Concerta"], ["18mg", "36mg", "54mg"]), (["Vyvanse", "Elvanse"], ["30mg", "50mg", "70mg"]),
    (["Modafinil", "Modalert", "Provigil"], ["100mg", "200mg"]), (["Armodafinil", "Waklert"], ["150mg", "250mg"]),
    (["Pregabalin", "Lyrica"], ["75mg", "150mg", "300mg"]), (["Gabapentin", "Neurontin"], ["300mg", "600mg", "800mg"]),
    (["Zolpidem", "Ambien", "Stilnox"], ["10mg"]), (["Zopiclone", "Imovane"], ["7.5mg"]),
    (["Seroquel", "Quetiapine"], ["25mg", "100mg", "200mg", "300mg"]), (["Promethazine", "Phenergan"], ["25mg"]),
    (["Sildenafil", "Viagra", "Kamagra"], ["50mg", "100mg", "200mg"]), (["Tadalafil", "Cialis"], ["20mg", "40mg"]),
    (["Carisoprodol", "Soma"], ["350mg", "500mg"]), (["Baclofen"], ["10mg", "25mg"]), (["Tizanidine"], ["4mg"]),
    (["Propranolol"], ["10mg", "40mg"]), (["Clomid", "Clomiphene"], ["50mg"]), (["Nolvadex", "Tamoxifen"], ["20mg"]),
    (["Anavar", "Oxandrolone"], ["10mg", "25mg", "50mg"]), (["Dianabol", "Methandienone"], ["10mg", "20mg"]),
    (["Winstrol", "Stanozolol"], ["10mg", "50mg"]), (["Finasteride"], ["1mg", "5mg"]), (["Isotretinoin", "Accutane"], ["20mg"]),
    (["Phenibut"], ["250mg", "500mg"]), (["Mirtazapine"], ["15mg", "30mg"]), (["Trazodone"], ["50mg", "100mg"]),
    (["Ecstasy", "MDMA pills", "XTC"], ["200mg", "250mg", "280mg"]), (["Blue Punisher", "Pink Tesla", "Red Bull XTC"], ["250mg", "300mg"]),
]
P_N = ["10", "20", "25", "28", "30", "50", "60", "90", "100", "100", "120", "200", "250", "250", "300", "500", "500", "1000",
       "2000", "5000"]
P_W = {"en": ["pills", "tabs", "tablets", "pcs", "caps", "bars", "capsules"], "de": ["Stk", "Stück", "Tabletten", "Pillen"],
       "ru": ["шт", "таблеток", "табл."], "es": ["pastillas", "comprimidos", "uds"], "fr": ["comprimés", "pilules", "pcs"]}
P_T = {
    "en": ["{n} x {d} {mg}", "{n} x {d} {mg}", "{n} x {d} {mg} [Bulk]", "{n} x {d} {mg} (Bulk)", "{n}x {d} {mg}", "{d} {mg} x {n}",
           "{d} {mg} x{n}", "{n} {d} {mg} {w}", "{d} {mg} - {n} {w}", "{d} {mg} {n} pcs", "{d} {mg} {bl} ({n} tabs)",
           "{d} {mg} {s} strips/box", "{d} {mg} 1 box ({bx} tabs)", "{d} {mg} x {k} boxes", "{d} {mg} per box ({bx})",
           "{n} pcs {d} {mg} {imp}", "{d} {imp} {mg} x {n}", "Bulk {d} {mg} {n}", "{d} {mg} {n}ct", "{d} {mg} {n} count",
           "Generic {d} {mg} x {n}", "{d} {mg} - box of {bx}", "{d} {mg} x10 strips", "{d} {mg} x10", "{n} x {d} {mg} {mfr}",
           "{d} {mg} {mfr} {bl}", "{d} {mg} ({n})", "{d} {mg} [{n}]", "{d} {mg} | {n} {w} | {ctry}", "{n} {w} {d} {mg}",
           "{d} {mg}", "{d} {mg} {n}", "{n} {d}", "{d} x {n}", "{n} x {d} {mg} - {n2} available", "{d} {mg} {k}x{bx}"],
    "de": ["{n} x {d} {mg}", "{d} {mg} {n} {w}", "{d} {mg} Packung {bx} Stk", "{n} Stück {d} {mg}", "{d} {mg} x {n} [Bulk]"],
    "ru": ["{d} {mg} {n} {w}", "{n} x {d} {mg}", "{d} {mg} уп. {bx} шт", "{d} {mg} {bl} блистеры", "{d} {mg} оптом {n} шт"],
    "es": ["{n} x {d} {mg}", "{d} {mg} {n} {w}", "{d} {mg} caja de {bx}", "{d} {mg} x{n} al por mayor"],
    "fr": ["{n} x {d} {mg}", "{d} {mg} {n} {w}", "{d} {mg} boîte de {bx}", "{d} {mg} x{n} en gros"],
}
P_ITEM = {
    "en": ["Blisters of 10.", "Pharma grade.", "Imprint {imp}.", "{n} tabs.", "Sealed boxes.", "Same lot.", "Price for {n}.",
           "{bx} tabs per box.", "Original {mfr} boxes.", "Bulk price.", "Pressed, lab tested.", "Strips cut for stealth."],
    "de": ["Originalverpackt.", "{bx} Stück pro Packung.", "Pharma-Qualität."],
    "ru": ["Оригинал.", "{bx} шт в упаковке.", "Аптечное качество."],
    "es": ["Original.", "{bx} por caja.", "Calidad farmacéutica."],
    "fr": ["Original.", "{bx} par boîte.", "Qualité pharmaceutique."],
}
P_SLOTS = {"n2": ["3", "5", "10", "20"], "bl": ["10x10", "1x10", "3x10", "5x10", "2x14", "10x14", "4x7", "10 strips"],
           "s": ["3", "5", "10"], "bx": ["10", "14", "20", "28", "30", "50", "100"], "k": ["2", "3", "5", "10", "20"],
           "imp": ["M 30", "A215", "K9", "S 903", "GG 249", "B707", "R039", "2088", "Y 20", "80 OP", "M 523", "V 2530", "T 404"],
           "mfr": ["Pfizer", "Sandoz", "Teva", "Mylan", "Sun Pharma", "Cipla", "Roche", "Actavis", "Hikma", "Intas", "Zydus",
                   "Healing Pharma", "Centurion Labs", "Ajanta", "Abbott"], "ctry": CTRY}


def pills_make(R, lang):
    names, mgs = pick(R, PILLS)
    slots = dict(P_SLOTS, d=names, mg=mgs, n=P_N, w=P_W[lang])
    cache = {}
    return fill(R, pick(R, P_T[lang]), slots, cache), [fill(R, s, slots, cache) for s in P_ITEM[lang]]


# --------------------------------------------------------------------------- injectables, HGH, hCG, peptides

STER = [("Sustanon", ["250", "300", "350"]), ("Test E", ["250", "300", "400", "500"]), ("Test C", ["200", "250", "300"]),
        ("Test P", ["100"]), ("Tren A", ["100", "75"]), ("Tren E", ["200", "250"]), ("Tren Hex", ["76.5"]),
        ("Deca", ["250", "300", "200"]), ("Deca Durabolin", ["250"]), ("NPP", ["100", "150"]), ("Mast P", ["100"]),
        ("Mast E", ["200"]), ("Primo", ["100"]), ("Primo E", ["100", "200"]), ("EQ", ["300", "400"]),
        ("Boldenone", ["250", "300"]), ("Testosterone Enanthate", ["250"]), ("Testosterone Cypionate", ["200", "250"]),
        ("Winstrol Depot", ["50"]), ("Test U", ["250"]), ("Rip Blend", ["150"]), ("Supertest", ["450"]),
        ("Trenbolone Mix", ["150"]), ("Testoviron", ["250"]), ("Omnadren", ["250"]), ("Nebido", ["1000mg/4ml"])]
LABS = ["Alpha Pharma", "Balkan Pharmaceuticals", "Balkan", "Pharmacom", "Hilma Biocare", "Dragon Pharma", "Sciroxx",
        "Organon", "Norma Hellas", "Bayer", "Gen-Shi", "Magnus", "ZPHC", "Medichem", "Body Research", "Astrovet", "UGL",
        "Jelfa", "British Dispensary", "Pharmaqo"]
HGH = ["Jintropin", "Hygetropin", "Genotropin", "Kigtropin", "Ansomone", "Norditropin", "Omnitrope", "Blue tops", "Black tops",
       "Humatrope", "Somatrope", "HGH", "HGH", "Somatropin"]
IU = ["100 IU", "100iu", "100 I.U.", "200 IU", "10x10iu", "120iu", "36 IU", "12 IU pen", "16 IU", "150iu", "100 IU kit"]
HCG = [("hCG", ["5000", "10000", "2000", "1500", "1000"]), ("Pregnyl", ["5000", "1500"]), ("Ovitrelle", ["250mcg"]),
       ("Choriomon", ["5000"]), ("Novarel", ["5000"]), ("Pubergen", ["5000"])]
PEP = [("BPC-157", ["5mg", "10mg"]), ("TB-500", ["2mg", "5mg", "10mg"]), ("Melanotan II", ["10mg"]), ("Melanotan 2", ["10mg"]),
       ("MT2", ["10mg"]), ("Ipamorelin", ["2mg", "5mg"]), ("CJC-1295 DAC", ["2mg"]), ("CJC-1295 no DAC", ["2mg", "5mg"]),
       ("Semaglutide", ["2mg", "5mg", "10mg"]), ("Tirzepatide", ["5mg", "10mg", "15mg", "30mg"]), ("Retatrutide", ["10mg", "20mg"]),
       ("GHRP-6", ["5mg"]), ("GHRP-2", ["5mg"]), ("PT-141", ["10mg"]), ("IGF-1 LR3", ["1mg", "100mcg"]), ("MOTS-c", ["10mg"]),
       ("Epitalon", ["10mg", "50mg"]), ("GHK-Cu", ["50mg", "100mg"]), ("Tesamorelin", ["2mg", "5mg"]), ("Selank", ["5mg"]),
       ("AOD-9604", ["5mg"]), ("HGH Frag 176-191", ["5mg"]), ("Kisspeptin", ["10mg"])]
INJ_T = {
    "en": ["{hgh} {iu}", "{hgh} {iu}", "{hgh} {iu} kit", "{hgh} {iu} ({kit})", "HGH {iu} x {v} kits", "hCG {hcgn} IU {a} amps/box",
           "{hcgb} {hcgn} IU x {a} amps", "hCG {hcgn}iu", "{hcgb} {hcgn} IU {a} amps/box", "{s} {sn}", "{s} {sn}", "{s} {sn} 10ml",
           "{s} {sn} 10ml vial", "{s} {sn} x {v} vials", "{lab} {s} {sn} 10ml", "{s} {sn} {a} amps/box", "{s} {sn} 1ml x {a} amps",
           "{s} {sn}mg/ml 10ml", "{lab} {s} {sn}", "{s} {sn} ({lab})", "{pep} {pmg} vial", "{pep} {pmg} x {v} vials",
           "{pep} {pmg} kit (10 vials)", "{pep} {pmg}", "{n} x {pep} {pmg}", "Bac water 10ml x {v}", "{s} {sn} + {s2} {sn2} cycle",
           "{lab} {s} {sn} x {v}", "{s} {sn} - {v} vials - {ctry}", "{v}x {s} {sn}", "{s} {sn} per box ({a} amps)",
           "{s} {sn} [Bulk] x {n}", "{pep} {pmg} x10 [Bulk]", "{hgh} {iu} per box"],
    "de": ["{s} {sn} 10ml Flasche", "HGH {iu} Kit", "hCG {hcgn} IE {a} Ampullen", "{s} {sn} {a} Ampullen/Packung",
           "{pep} {pmg} Fläschchen"],
    "ru": ["{s} {sn} 10мл", "Гормон роста {iu}", "ХГЧ {hcgn} ЕД {a} ампулы", "{s} {sn} {a} ампул", "{pep} {pmg} флакон"],
    "es": ["{s} {sn} vial 10ml", "HGH {iu}", "hCG {hcgn} UI {a} ampollas", "{s} {sn} caja de {a} ampollas", "{pep} {pmg} vial"],
    "fr": ["{s} {sn} flacon 10ml", "HGH {iu}", "hCG {hcgn} UI {a} ampoules", "{s} {sn} boîte de {a} ampoules",
           "{pep} {pmg} flacon"],
}
INJ_ITEM = {
    "en": ["Sealed vials, batch number on the box.", "{a} amps per box.", "Check the code on the lab site.", "Pins not included.",
           "Keep refrigerated.", "10ml multi-dose vial.", "Lyophilized powder, mix with bac water.", "Research use.",
           "Original {lab}.", "Kit of 10 vials."],
    "de": ["Versiegelt.", "Kühl lagern.", "{a} Ampullen pro Packung."],
    "ru": ["Запечатано.", "Хранить в холодильнике.", "{a} ампул в упаковке."],
    "es": ["Sellado.", "Mantener refrigerado.", "{a} ampollas por caja."],
    "fr": ["Scellé.", "Conserver au frais.", "{a} ampoules par boîte."],
}


def inj_make(R, lang):
    s, sn = pick(R, STER)
    s2, sn2 = pick(R, STER)
    hb, hn = pick(R, HCG)
    pep, pmg = pick(R, PEP)
    slots = {"s": s, "sn": sn, "s2": s2, "sn2": sn2, "hcgb": hb, "hcgn": hn, "pep": pep, "pmg": pmg, "hgh": HGH, "iu": IU,
             "kit": ["10 vials x 10iu", "1 kit = 100iu", "kit of 10", "10 vials"], "a": ["1", "3", "3", "5", "10"],
             "v": ["1", "2", "3", "5", "10"], "n": ["2", "5", "10", "20", "50"], "lab": LABS, "ctry": CTRY}
    cache = {}
    return fill(R, pick(R, INJ_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in INJ_ITEM[lang]]


# --------------------------------------------------------------------------- LSD / NBOMe blotters by µg

UG = ["100ug", "100µg", "110ug", "120ug", "150ug", "150µg", "150mcg", "200ug", "200mcg", "225ug", "250µg", "250ug", "300ug"]
NB = ["25I-NBOMe", "25C-NBOMe", "25B-NBOMe", "25I-NBOH", "25E-NBOH"]
NBUG = ["500ug", "800ug", "1000ug", "1000µg", "1500ug", "1mg"]
ART = ["Hofmann", "Bicycle Day", "Alex Grey", "Shiva", "Buddha", "Mandala", "Third Eye", "Owsley", "Felix the Cat", "Alice",
       "Mario", "Om", "Sacred Geometry", "Simpsons", "Fear and Loathing"]
PSY_T = {
    "en": ["{n} tabs {ug}", "{n} tabs {ug}", "{n} x LSD {ug}", "LSD {ug} x {n}", "{n} x 1P-LSD {ug}", "1P-LSD {ug} {n} blotters",
           "1cP-LSD {ug} x{n}", "1V-LSD {ug} - {n} tabs", "1D-LSD {ug} x {n}", "ALD-52 {ug} x {n}", "{nb} {nbug} blotters x {n}",
           "{n} x {nb} {nbug}", "LSD {art} blotter {ug} x{n}", "Full sheet {art} {ug} (100 tabs)", "Half sheet LSD {ug} (50)",
           "LSD gel tabs {ug} x {n}", "LSD liquid {ug}/drop 5ml", "{n} tabs {ug} - {art}", "{n} blotters {ug}",
           "{ug} tabs x{n}", "{n}x {ug} LSD", "Needlepoint LSD {ug} x {n}", "2C-B {mg} x {n}", "4-AcO-DMT {mg} caps x {n}",
           "Mushroom chocolate 3.5g x {n}", "DMT 1g", "{n} x 25 tabs {ug}"],
    "de": ["{n} Trips {ug}", "LSD {ug} {n} Pappen", "{n} x 1P-LSD {ug}", "LSD Blotter {ug} x{n}"],
    "ru": ["Марки LSD {ug} {n} шт", "{n} марок {ug}", "{n} x 1P-LSD {ug}", "{nb} {nbug} {n} марок"],
    "es": ["{n} tripis {ug}", "LSD {ug} x {n} secantes", "{n} x 1P-LSD {ug}", "Cartones LSD {ug} x{n}"],
    "fr": ["{n} buvards LSD {ug}", "LSD {ug} x{n} buvards", "{n} x 1P-LSD {ug}", "Carton LSD {ug} x{n}"],
}
PSY_ITEM = {
    "en": ["Tested with Ehrlich.", "Stored cold and dark.", "{ug} per tab.", "Start with half a tab.", "Art: {art}.",
           "Sent in a greeting card."],
    "de": ["Getestet.", "{ug} pro Trip."], "ru": ["Протестировано.", "{ug} на марку."],
    "es": ["Testado.", "{ug} por tripi."], "fr": ["Testé.", "{ug} par buvard."],
}


def psy_make(R, lang):
    slots = {"ug": UG, "nb": NB, "nbug": NBUG, "art": ART, "mg": ["15mg", "20mg", "25mg"],
             "n": ["5", "10", "10", "20", "25", "25", "50", "100", "200", "500"]}
    cache = {}
    tpl = pick(R, PSY_T[lang])
    items = PSY_ITEM[lang] if "{ug}" in tpl else ["Lab tested.", "Stored cold and dark.", "Start low.", "{n} per order."]
    return fill(R, tpl, slots, cache), [fill(R, x, slots, cache) for x in items]


# --------------------------------------------------------------------------- weights and prepared joints

ST = ["Gelato", "Zkittlez", "Runtz", "Wedding Cake", "OG Kush", "Amnesia Haze", "Purple Punch", "Gorilla Glue", "Blue Dream",
      "Sour Diesel", "Lemon Haze", "Cookies", "Gary Payton", "Biscotti", "Apple Fritter", "Mimosa", "Jack Herer", "Cheese",
      "White Widow", "Critical", "Northern Lights", "Super Lemon Haze", "Mac 1", "Pink Runtz", "Cereal Milk", "Permanent Marker"]
STIMW = ["Coke", "Cocaine", "Peruvian flake", "MDMA", "Ketamine", "Speed", "Meth", "Crystal", "Heroin", "Crack", "3-MMC"]
HASHW = ["Hash", "Moroccan hash", "Dry sift", "Frozen hash", "Charas", "Afghan hash", "Temple ball"]
W = ["1g", "3.5g", "7g", "14g", "28g", "28g", "28 g", "56g", "112g", "224g", "448g", "100g", "250g", "500g", "1kg", "1 oz",
     "2 oz", "4 oz", "1/2 oz", "1/4 oz", "oz", "1 gram", "5 grams", "10 gr", "50gr", "1/8"]
WT_T = {
    "en": ["{st} {w}", "{st} {w}", "{w} {st}", "QP {st} 112g", "QP 112g {st}", "{st} QP (112g)", "{st} QP", "{st} HP 224g",
           "{st} 1 oz", "{st} oz", "1oz {st}", "{st} half oz (14g)", "{st} 1/8 (3.5g)", "{st} eighth", "{st} zip", "{st} half zip",
           "{st} 1 lb", "{st} P (448g)", "{st} 28g", "28g {st}", "{st} 7g", "{st} 3.5g x 4", "{h} 28g", "{h} {w}", "{h} 100g",
           "{s} {w}", "{s} {w}", "{s} 1 oz", "{s} 28g", "{s} QP", "{n} x pre-rolled joints {pr}", "Pre-rolled joints {pr} x {n}",
           "{n} pre-rolls {st} ({pr} each)", "{st} joints x {n}", "Prepared joints {n} pack", "Ready rolled joints {st} x {n}",
           "{st} blunts x {n}", "{n} x {pr} pre-roll {st}", "Moon rocks {w}", "{st} shatter {w}", "Wax {w}", "Live resin {w}",
           "{n}x {st} joints {pr}", "Joints ({st}) {n} pcs", "{st} {w} x {n}", "{w} of {st}", "{st} - {w} - {ctry}"],
    "de": ["{st} {w}", "{n} x Joints {st} ({pr})", "fertig gedrehte Joints x{n}", "Haschisch {w}", "{s} {w}"],
    "ru": ["{st} {w}", "Шишки {st} {w}", "Косяки {n} шт", "Гашиш {w}", "{s} {w}", "Готовые косяки {st} {n} шт"],
    "es": ["{st} {w}", "{n} porros {st}", "porros liados x{n}", "Hachís {w}", "{s} {w}"],
    "fr": ["{st} {w}", "{n} joints roulés {st}", "Beuh {st} {w}", "Shit {w}", "{s} {w}"],
}
WT_ITEM = {
    "en": ["Weighed on a calibrated scale.", "Vacuum sealed.", "Indoor, top shelf.", "{pr} per joint.", "Extra on every order.",
           "Fresh batch.", "Smell proof bags.", "Rolled with RAW papers and tips."],
    "de": ["Vakuumiert.", "Indoor.", "Frische Ernte."], "ru": ["Вакуум.", "Вес с запасом."],
    "es": ["Al vacío.", "Cosecha fresca."], "fr": ["Sous vide.", "Récolte fraîche."],
}


def wt_make(R, lang):
    slots = {"st": ST, "h": HASHW, "s": STIMW, "w": W, "pr": ["0.5g", "1g", "1.2g", "0.7g", "1g"],
             "n": ["2", "3", "5", "5", "7", "10", "10", "20", "50"], "ctry": CTRY}
    cache = {}
    return fill(R, pick(R, WT_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in WT_ITEM[lang]]


# --------------------------------------------------------------------------- fake documents, lists and guides

DOC = ["UK passport", "US passport", "EU ID card", "German ID", "French ID", "Italian ID", "driver's license", "Drivers License",
       "Canadian DL", "Australian DL", "ID card", "residence permit", "birth certificate", "SSN card", "utility bill",
       "bank statement", "Dutch passport", "Spanish DNI"]
LT = ["cashout methods", "non-VBV BINs", "drop shops", "autoshops", "vendors", "onion links", "crypto faucets",
      "money making methods", "bank drops", "refund stores", "OPSEC tips", "VPN providers", "hidden services",
      "stealth shipping tricks", "SEO backlinks", "dating sites", "cracked accounts sites", "carding sites", "BINs",
      "CC shops", "pill presses suppliers", "darknet markets", "free proxies", "anonymous emails"]
WAY = ["make money online", "make $1000 a week", "cash out BTC", "beat a drug test", "stay anonymous", "get free stuff",
       "clean your credit", "pass a polygraph", "grow your Instagram", "refund anything", "save on taxes", "detox fast",
       "launder crypto", "spot a scam", "stay off the radar", "find cheap flights", "make passive income"]
GT_ = ["carding", "social engineering", "crypto trading", "dropshipping", "refunding", "OPSEC", "SEO", "growing",
       "lock picking", "survival", "phishing", "cashout", "bitcoin mixing", "extraction", "mushroom cultivation"]
DOC_T = {
    "en": ["{n} driver licenses", "{n} driver licenses", "{n} x driver license (any state)", "{n} fake IDs {ctry}",
           "{n} {doc} scans", "{doc} scan x {n}", "{doc} template PSD x {n}", "{n} x {doc} (physical)", "{doc} - {n} pcs",
           "Selfie + ID pack x {n}", "{n} SSN + DOB", "{n} utility bills (PSD)", "{n} bank statements PDF",
           "{n} diplomas (any university)", "Fake doctor's note x {n}", "{n} paystubs template", "{n} {doc} scans (HQ)",
           "TOP {n} list of {lt}", "TOP {n} list of {lt}", "Top {n} {lt}", "{n} ways to {way}", "{n} ways to {way}",
           "{n} methods to {way}", "The {n} best {lt}", "{n}+ {lt} (updated {yr})", "List of {n} {lt}",
           "{n} guides bundle: {gt}", "{n} ebooks on {gt}", "Mega pack: {n} {gt} guides", "{n} step {gt} guide",
           "{gt} guide ({n} pages)", "{n} {gt} tutorials", "TOP {n} {lt} {yr}", "{n} x {doc}", "{doc} x{n} [Bulk]"],
    "de": ["{n} Führerscheine", "{n} x Personalausweis Scan", "Reisepass Vorlage PSD x {n}", "TOP {n} Liste: {lt}",
           "{n} Wege, Geld zu verdienen"],
    "ru": ["{n} водительских удостоверений", "Скан паспорта x{n}", "ТОП {n} способов заработка", "{n} способов обнала",
           "Список {n} магазинов"],
    "es": ["{n} licencias de conducir", "{n} x DNI escaneado", "TOP {n} métodos para ganar dinero",
           "{n} formas de ganar dinero online"],
    "fr": ["{n} permis de conduire", "{n} x scan carte d'identité", "TOP {n} méthodes pour gagner de l'argent",
           "{n} façons de gagner de l'argent en ligne"],
}
DOC_ITEM = {
    "en": ["High resolution scans.", "Editable PSD.", "Delivered by link.", "{n} items.", "Instant delivery.",
           "Physical cards ship in 7 days.", "Holograms included.", "Passes UV."],
    "de": ["Sofortige Lieferung.", "Hohe Auflösung."], "ru": ["Мгновенная доставка.", "Высокое качество."],
    "es": ["Entrega inmediata.", "Alta calidad."], "fr": ["Livraison immédiate.", "Haute qualité."],
}


LIST_ITEM = ["Updated {yr}.", "Delivered by link.", "Instant delivery.", "{n} entries, all checked.", "PDF, {n} pages.",
             "Tested methods only.", "Lifetime updates."]


def doc_make(R, lang):
    slots = {"doc": DOC, "lt": LT, "way": WAY, "gt": GT_, "yr": ["2022", "2023", "2024", "2025"], "ctry": CTRY,
             "n": ["2", "3", "5", "10", "10", "20", "25", "50", "50", "100", "100", "200", "500", "1000"]}
    cache = {}
    tpl = pick(R, DOC_T[lang])
    if re.search(r"\{(lt|way|gt)\}|TOP|ТОП", tpl):
        slots["n"] = ["5", "7", "10", "10", "15", "20", "25", "50", "50", "100", "100", "200", "300", "500"]
    items = LIST_ITEM if (lang == "en" and re.search(r"\{(lt|way|gt)\}", tpl)) else DOC_ITEM[lang]
    return fill(R, tpl, slots, cache), [fill(R, x, slots, cache) for x in items]


# --------------------------------------------------------------------------- box / bulk / x10 on goods that are not guns

ED = ["THC gummies", "CBD gummies", "THC suckers", "THC lollipops", "infused chocolate bars", "THC brownies", "cannabis cookies",
      "THC candy", "gummy bears", "sour worms THC", "rice krispie treats", "THC chocolate", "mushroom gummies", "edibles",
      "space cakes", "THC honey sticks", "Delta-9 gummies", "THC cereal bars", "Nerds rope THC"]
MGT = ["100mg", "250mg", "500mg", "600mg", "1000mg", "10mg each", "25mg each", "50mg/pc", "400mg", "200mg"]
BOX_T = {
    "en": ["Music box", "{tune} music box", "Wooden music box", "Gift box ({gb})", "{gb} gift box", "Gift box - {gb}",
           "Pill box organizer 7 day", "Pill box (empty) x{n}", "Weekly pill box", "{n} x {ed} {mgt}", "{ed} {mgt} 1x",
           "1x {ed} {mgt}", "1x {ed}", "{ed} box ({n} pcs)", "Box of {n} {ed} {mgt}", "{ed} {mgt} per box", "{ed} {mgt} x10",
           "Bulk {ed} {mgt} x{n}", "{n} boxes {ed}", "{ed} {mgt} [Bulk]", "Candy box {mgt}", "Snack box THC {mgt}",
           "Cereal box {mgt}", "RAW cones box of {n}", "Rolling papers box (50 booklets)", "Box of {n} mylar bags",
           "{n} x mylar bags per box", "Empty capsules size 00 x 1000", "Insulin syringes 1ml x 100 box",
           "25G needles x 100 per box", "Nitrile gloves box of 100", "{cig} 1 box (10 packs)", "{cig} carton 200",
           "{cig} x 10 boxes", "Cigar box {cigar} x25", "Whipped cream chargers 8g box of {n}", "Grow box (complete)",
           "Shroom grow box", "Stash box", "Lock box for stash", "{ed} {mgt} - box of {n}", "{n}pcs {ed} {mgt}",
           "{n} x {ed} ({mgt}) - USA 2-3 days", "Vape cartridges empty 1ml x {n} box", "{ed} {mgt} 1 box",
           "Pre-roll tubes box of {n}", "Jewelry box", "Watch box (6 slots)", "Bento box", "Tea gift box {n} bags"],
    "de": ["Spieluhr", "Geschenkbox {gb}", "Pillendose 7 Tage", "{n} x THC Gummibärchen {mgt}", "Box mit {n} Edibles",
           "{cig} Stange (10 Schachteln)"],
    "ru": ["Музыкальная шкатулка", "Подарочная коробка", "Таблетница на 7 дней", "Мармелад с ТГК {mgt} {n} шт",
           "Коробка {n} шт конфет с ТГК"],
    "es": ["Caja de música", "Caja de regalo", "Pastillero semanal", "Gominolas THC {mgt} x{n}", "Caja de {n} brownies THC"],
    "fr": ["Boîte à musique", "Coffret cadeau", "Pilulier 7 jours", "Bonbons THC {mgt} x{n}", "Boîte de {n} brownies THC"],
}
BOX_ITEM = {
    "en": ["{n} per box.", "Each piece {mgt}.", "Lab tested.", "Sealed retail packaging.", "Price per box.", "Ships flat.",
           "Makes a nice gift.", "Bulk discount from 10 boxes."],
    "de": ["Pro Box {n} Stück.", "Originalverpackt."], "ru": ["{n} шт в коробке.", "Запечатано."],
    "es": ["{n} por caja.", "Sellado."], "fr": ["{n} par boîte.", "Scellé."],
}


def box_make(R, lang):
    slots = {"ed": ED, "mgt": MGT, "n": ["5", "10", "10", "12", "20", "24", "25", "50", "50", "100"],
             "tune": ["Für Elise", "Harry Potter", "Game of Thrones", "Swan Lake", "Moon River", "Howl's Moving Castle"],
             "gb": ["birthday", "wedding", "luxury", "Christmas", "perfume", "chocolate", "whisky", "cosmetics", "self-care"],
             "cig": ["Marlboro Red", "Camel", "L&M", "Winston", "Lucky Strike", "Parliament", "Marlboro Gold"],
             "cigar": ["Cohiba", "Montecristo", "Romeo y Julieta", "Partagas"]}
    cache = {}
    return fill(R, pick(R, BOX_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in BOX_ITEM[lang]]


# --------------------------------------------------------------------------- DIY / build your own / step by step, not guns

DIY_B = ["website", "online shop", "Tor hidden service", "onion site", "gaming PC", "crypto mining rig", "GPU mining rig", "bong",
         "gravity bong", "water pipe", "vaporizer", "grow room", "grow tent", "hydroponic system", "grow box", "drone",
         "FPV drone", "still", "moonshine still", "reflux still", "rosin press", "BHO extractor", "Faraday bag", "VPN server",
         "botnet", "keylogger", "hash press", "DMT extraction setup", "solar panel system", "tiny house", "electric bike",
         "BBQ smoker", "CNC router (woodworking)", "3D printer (Prusa clone)", "ham radio antenna", "lock pick set",
         "stun gun", "phishing page", "crypter", "home server", "mushroom grow chamber", "pill press", "bitcoin node",
         "kayak", "guitar amp", "arcade cabinet", "smart mirror", "NAS", "e-cig mod"]
DIY_T = {
    "en": ["Build your own {b}", "build your own {b}", "Build your own {b} (step by step)", "How to build your own {b}",
           "DIY {b} guide", "DIY {b} - step by step", "Step by step: {b}", "Step-by-step {b} guide", "{b} build guide (PDF)",
           "The complete {b} build guide", "Do-it-yourself {b}", "Home workshop: {b}", "{b}: do it yourself manual",
           "Plans: {b}", "{b} blueprints + parts list", "Make your own {b}", "Homemade {b} tutorial",
           "Beginner's guide: build a {b}", "{b} plans (PDF)", "Build a {b} for under $100", "{b} - DIY plans",
           "Improvised {b} guide", "Home Workshop {b} manual", "{n} DIY projects ebook", "{n} woodworking plans (Home Workshop)",
           "DIY {b} - full manual + video", "Building a {b} from scratch", "Build your own {b} pt 2"],
    "de": ["{b} selber bauen", "Anleitung: {b} selbst bauen", "Schritt für Schritt: {b}", "Bauanleitung {b}"],
    "ru": ["Как сделать {b} своими руками", "{b} своими руками - пошагово", "Инструкция: {b} своими руками"],
    "es": ["Cómo construir tu propio {b}", "{b} casero paso a paso", "Guía hazlo tú mismo: {b}"],
    "fr": ["Construire son propre {b}", "{b} fait maison étape par étape", "Guide DIY : {b}"],
}
DIY_B_I18N = {"de": ["Growbox", "Bong", "Mining-Rig", "Drohne", "Destille", "Webseite", "Gaming-PC", "Rosin-Presse",
                     "Hydrokultur-Anlage"],
              "ru": ["бонг", "гроубокс", "майнинг-ферму", "дрон", "самогонный аппарат", "сайт", "кальян", "гидропонику"],
              "es": ["bong", "armario de cultivo", "rig de minería", "dron", "alambique", "sitio web", "sistema hidropónico"],
              "fr": ["bang", "placard de culture", "rig de minage", "drone", "alambic", "site web", "système hydroponique"]}
DIY_ITEM = {
    "en": ["Digital download.", "With photos and parts list.", "Everything from the hardware store.", "{n} pages.",
           "Beginner friendly.", "Instant delivery.", "Video included."],
    "de": ["Digitaler Download.", "Mit Fotos."], "ru": ["Электронная версия.", "С фото."],
    "es": ["Descarga digital.", "Con fotos."], "fr": ["Téléchargement numérique.", "Avec photos."],
}


def diy_make(R, lang):
    slots = {"b": DIY_B if lang == "en" else DIY_B_I18N[lang], "n": ["12", "25", "40", "50", "86", "100", "500", "16000"]}
    cache = {}
    return fill(R, pick(R, DIY_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in DIY_ITEM[lang]]


# --------------------------------------------------------------------------- gun words in strain and product names

GSTRAIN = ["Pistol Pete", "Shotgun OG", "Double Barrel OG", "Sniper Kush", "Bulletproof Kush", "Silver Bullet", "AK-47",
           "Gunsmoke OG", "Trigger OG", "Kalashnikova", "Glock OG", "Magnum Kush", "Colt 45 OG", "Uzi Haze", "Shotgun Haze",
           "Remington Runtz", "Bazooka Joe", "Gatling Glue", "Hollow Point OG", "Desert Eagle Kush"]
GS_T = {
    "en": ["{gs} {w}", "{gs} {w}", "{gs} {w} [{ctry}]", "{gs} - {w} - {thc}", "{gs} seeds x{n}", "{gs} pre-rolls x{n}",
           "{gs} cart 1g", "{gs} live resin {w}", "{n} x {gs} {w}", "{gs} QP", "{gs} oz", "{gs} feminized seeds {n} pcs",
           "{gs} shatter {w}", "{gs} vape 1ml", "{gs} hash {w}", "{gs} 28g", "{gs} (indoor) {w}", "{gs} x {n} joints"],
    "de": ["{gs} {w}", "{gs} Samen x{n}"], "ru": ["{gs} {w}", "Шишки {gs} {w}"],
    "es": ["{gs} {w}", "Semillas {gs} x{n}"], "fr": ["{gs} {w}", "Graines {gs} x{n}"],
}
GS_ITEM = {"en": ["Strain: {gs}.", "THC {thc}.", "Indoor.", "Hybrid, heavy hitter.", "Fresh cure.", "Name is the strain."],
           "de": ["Sorte: {gs}.", "THC {thc}."], "ru": ["Сорт: {gs}.", "ТГК {thc}."],
           "es": ["Variedad: {gs}.", "THC {thc}."], "fr": ["Variété : {gs}.", "THC {thc}."]}


def gs_make(R, lang):
    slots = {"gs": GSTRAIN, "w": W, "thc": ["22%", "25%", "27%", "29%", "31%"], "n": ["3", "5", "10", "20"], "ctry": CTRY}
    cache = {}
    return fill(R, pick(R, GS_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in GS_ITEM[lang]]


PROD = [  # product names with gun makers' or gun words, and "ammo" as slang: none
    "Bullet vape 1g", "Bullet disposable vape 2g", "Bullet carts x {n}", "Bullet vape cartridge 1ml", "Magnum condoms x{n}",
    "Trojan Magnum {n} pack", "Colt 45 malt liquor 12 pack", "Winchester cigarillos x{n}", "Winchester little cigars carton",
    "Winchester cigars {n} packs", "Remington hair clipper", "Remington beard trimmer", "Remington hair dryer",
    "Remington shaver F5", "Remington straightener", "Browning hunting jacket (L)", "Beretta shooting vest",
    "Sig Sauer Romeo5 red dot", "Glock field knife", "Smith & Wesson pocket knife", "Smith & Wesson handcuffs",
    "NutriBullet blender", "Magic Bullet blender", "Bullet journal A5", "Silver bullet necklace", "Bullet casing keychain (spent)",
    "Spent 12ga shell keyrings x{n}", "Rode shotgun mic NTG", "Shotgun microphone (video)", "Pistol grip torch lighter",
    "Empty ammo can .50 cal (storage box)", "Empty ammo cans x{n} - storage", "Fresh ammo for carders: {n} CVV",
    "Ammo for OpenBullet: {n}M combolist", "Spam ammo - {n}k email leads", "Gym ammo: pre-workout {n} servings",
    "Meme ammo pack ({n}00 memes)", "Ammo for your shop: {n} fresh fullz", "Cracking ammo: {n}k proxies",
    "Sniper energy drink {n} cans", "Shotgun shot glasses x{n}", "Pistol shrimp (aquarium)", "Glock-shaped lighter",
    "Water gun (kids) x{n}", "Bubble gun toy", "Massage gun (percussion)", "Tattoo gun kit", "Heat gun 2000W",
    "Nail gun (Makita)", "Glue gun + {n} sticks", "Staple gun heavy duty", "Spray gun HVLP", "Caulking gun",
    "Thermometer gun (infrared)", "Radar gun (speed)", "Money counting machine (bill gun)", "Cash gun (party toy)",
    "AirPods Pro (2nd Gen)", "iPad 10th Gen 64GB", "Fire TV Stick 4K (3rd Gen)", "Intel i7 12th Gen laptop", "Echo Dot 5th Gen",
    "Kindle Paperwhite (11th Gen)", "Nest thermostat 3rd gen", "Apple Pencil 2nd Gen", "Gen 2 vape pen", "Steam Deck OLED",
]
SHELLS = [
    "Webshells x {n}", "{n} cPanel shells", "cPanel shells fresh x{n}", "WSO webshell", "PHP shells (fresh) x{n}",
    "Shells + SMTP combo", "{n} SSH shells root", "Shell access {n} sites", "shells for spamming x {n}", "Root shells x {n} (Linux)",
    "{n} webshells (WordPress)", "cPanel + shells {n} pcs", "Private shells x{n} [Bulk]", "Bulletproof shells {n}",
    "Crab shells 1kg", "Oyster shells 5kg (garden)", "Sea shells jewelry", "Cowrie shells {n}pcs", "Shell necklace",
    "Pearl shell powder face mask", "Abalone shells x{n}", "Mussel shells (crafts) 2kg", "Pistachio shells 1kg (smoking wood)",
    "Shell fuel card $500", "Shell gift card $100", "UK shell company + bank account", "Offshore shell company (Seychelles)",
    "Shell script pack {n} scripts", "Reverse shell generator", "Taco shells x{n}", "Pasta shells 500g", "Egg shells calcium powder",
]
WT_ITEM_GEN = {"en": ["As pictured.", "Brand new.", "Works perfect.", "Fresh.", "Fast delivery.", "{n} pcs."],
               "de": ["Neu.", "Schneller Versand."], "ru": ["Новое.", "Быстрая доставка."],
               "es": ["Nuevo.", "Envío rápido."], "fr": ["Neuf.", "Livraison rapide."]}
PS_I18N = {
    "de": ["Webshells x{n}", "{n} cPanel Shells", "Remington Haarschneider", "Winchester Zigarillos x{n}", "Bullet Vape 1g",
           "Muscheln 1kg (Deko)", "Leere Munitionskiste (Aufbewahrung)"],
    "ru": ["Шеллы cPanel x{n}", "Вебшеллы {n} шт", "Триммер Remington", "Сигариллы Winchester x{n}", "Ракушки 1кг"],
    "es": ["Webshells x{n}", "Conchas marinas 1kg", "Cortapelos Remington", "Puritos Winchester x{n}", "Bullet vape 1g"],
    "fr": ["Webshells x{n}", "Coquillages 1kg", "Tondeuse Remington", "Cigarillos Winchester x{n}", "Bullet vape 1g"],
}


def ps_make(R, lang):
    slots = {"n": ["2", "3", "5", "10", "10", "20", "25", "50", "100"]}
    if lang == "en":
        pool = PROD if R.random() < 0.55 else SHELLS
    else:
        pool = PS_I18N[lang]
    cache = {}
    return fill(R, pick(R, pool), slots, cache), [fill(R, x, slots, cache) for x in WT_ITEM_GEN[lang]]


# --------------------------------------------------------------------------- custom listings

CU_T = {
    "en": ["Custom listing for {b}", "Custom listing for {b}", "custom listing for {b}", "Custom listing - {b}",
           "Custom order {b}", "custom order for {b}", "Listing for {b} only", "For {b} - do not buy", "{b} custom",
           "{b} - as discussed", "Private listing for {b}", "Private listing", "Custom listing #{k}", "Order #{k} for {b}",
           "Reship for {b}", "Payment for {b} part 2", "Extra shipping {b}", "Custom for {b}", "Reserved: {b}",
           "Custom listing {k}", "{b} order pt 2", "Balance payment - {b}", "Do not buy - {b} only", "custom {k}",
           "Listing for {b} (see PM)", "{b} - second half", "Re-list for {b}"],
    "de": ["Individuelle Bestellung für {b}", "Privat-Angebot für {b}", "Nur für {b}", "Bestellung {b} Teil 2"],
    "ru": ["Индивидуальный заказ для {b}", "Для {b}", "Заказ {b} часть 2", "Только для {b}"],
    "es": ["Pedido personalizado para {b}", "Listado privado para {b}", "Solo para {b}", "Pedido {b} parte 2"],
    "fr": ["Commande perso pour {b}", "Annonce privée pour {b}", "Réservé à {b}", "Commande {b} partie 2"],
}
CU_ITEM = {
    "en": ["As discussed.", "As agreed in PM.", "Do not buy unless you are {b}.", "Only for {b}.", "Second payment.",
           "Rest of the order.", "See messages."],
    "de": ["Wie besprochen.", "Nur für {b}."], "ru": ["Как договаривались.", "Только для {b}."],
    "es": ["Como acordamos.", "Solo para {b}."], "fr": ["Comme convenu.", "Uniquement pour {b}."],
}


def cu_make(R, lang):
    slots = {"b": BUYERS, "k": [str(x) for x in range(2, 400)]}
    cache = {}
    return fill(R, pick(R, CU_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in CU_ITEM[lang]]


CN_ITEMS = ["28g {st}", "100 x Xanax 2mg", "5g MDMA", "10 fullz UK", "LSD 25 tabs 150ug", "QP {st}", "Sustanon 250 x 3",
            "500 x Valium 10mg", "1 oz coke", "7g {st}", "3 driver licenses", "50 x Oxycodone 30mg", "HGH 100 IU kit",
            "hCG 5000 IU 3 amps", "14g hash", "20 x 1P-LSD 100ug", "Tren A 100 x 2", "10 x pre-rolls", "200 x Adderall 30mg",
            "bank log $5k", "box of gummies 500mg", "2 x Deca 250 10ml", "1000 x Pregabalin 300mg"]
CN_T = {
    "en": ["Custom listing for {b}: {it}", "custom listing for {b} - {it}", "Custom for {b} - {it}", "{b} custom order: {it}",
           "{it} for {b}", "{it} - for {b}", "For {b}: {it}", "{it} (custom for {b})", "{it} - {b} only", "Reserved for {b}: {it}",
           "{b} - {it} (as discussed)", "{it} custom order", "Custom order: {it}"],
    "de": ["Für {b}: {it}", "{it} für {b}"], "ru": ["Для {b}: {it}", "{it} для {b}"],
    "es": ["Para {b}: {it}", "{it} para {b}"], "fr": ["Pour {b} : {it}", "{it} pour {b}"],
}


def cn_make(R, lang):
    slots = {"b": BUYERS, "it": CN_ITEMS, "st": ST}
    cache = {}
    return fill(R, pick(R, CN_T[lang]), slots, cache), [fill(R, x, slots, cache) for x in CU_ITEM[lang]]


# --------------------------------------------------------------------------- specs

PHARMA_CATS = ["Drugs/Prescription", "Drugs/Benzos", "Drugs/Opioids", "Pharmacy", "Drugs/Prescription/Benzos", "Benzodiazepines",
               "Drugs/Stimulants/Prescription", "Drugs/Sedatives", "Drugs", "Drugs/Other", "Opiates", "Pills"]

SPECS = [
    mkspec("r3n_pills", 200, [], pills_make, PHARMA_CATS, (15, 900), "drug", balance=0.2),
    mkspec("r3n_inject", 150, [], inj_make, "pharma", (25, 500), "drug", balance=0.2),
    mkspec("r3n_blotter", 100, [], psy_make, "psy", (10, 600), "drug", balance=0.2),
    mkspec("r3n_weight", 140, [], wt_make, "cannabis", (10, 2500), "drug", balance=0.2),
    mkspec("r3n_docs_lists", 140, [], doc_make, "fraud", (5, 800), "fraud", balance=0.2),
    mkspec("r3n_box", 110, [], box_make, "misc", (5, 300), "shop", balance=0.2),
    mkspec("r3n_diy", 110, [], diy_make, "digital", (5, 80), "digital", balance=0.2),
    mkspec("r3n_gun_strain", 70, [], gs_make, "cannabis", (10, 600), "drug", balance=0.2),
    mkspec("r3n_product_shells", 110, [], ps_make, "misc", (5, 400), "shop", balance=0.2),
    mkspec("r3n_custom_unclear", 60, [], cu_make, "unclear", (10, 2000), "shop", unclear=True),
    mkspec("r3n_custom_named", 70, [], cn_make, "drug", (20, 1500), "drug", balance=0.2),
]
