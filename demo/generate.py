#!/usr/bin/env python3
"""Writes the armswatch demo market, "Hollow Pine Market", to demo/site/ and demo/expected.json.

Every listing below is fictional and hand-written for testing the crawler and the classifier: a mix
of firearms, parts, ammunition and designs, and many negatives, some of them hard (gun words used
for drugs, air guns, tools and watches). The output is deterministic: running the script twice
writes the same bytes. Standard library only.

Usage: python3 demo/generate.py            (writes next to this script)
"""

import hashlib
import html
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.join(HERE, "site")
MARKET = "Hollow Pine Market"
BANNER = "armswatch demo market — fictional listings for testing"
BTC_USD = 27000.0  # fixed, fictional exchange rate
PER_INDEX_PAGE = 20
PER_CATEGORY_PAGE = 8
FIRST_ID = 1001

# Vendors: slug -> (level, escrow policy, positive feedback %, sales, boilerplate paragraph).
VENDORS = {
    "PineCone_Armory": (6, "Escrow only", 98.7, 412,
        "PineCone Armory — EU stock, vacuum sealed + decoy packaging. NO FE for new buyers. "
        "Orders after 18:00 CET ship next business day. Always PGP your address!!"),
    "GreyFoxTrade": (4, "Escrow or FE (lvl 3+)", 96.1, 188,
        "Please read my profile before ordering. I do not answer messages without PGP. "
        "Tracking on request, reship 50% if lost (once)."),
    "Sibir_Trade": (5, "Escrow only", 97.4, 260,
        "Sibir Trade / Сибирь Трейд: "
        "ship from RU/BY, 7-14 days to EU. No refunds on customs seizure. "
        "Работаем только "
        "через гарант."),
    "BalkanDirect": (3, "Escrow only", 94.8, 71,
        "BalkanDirect 🇧🇦 ships from the Balkans, hidden in electronics. "
        "Finalize when received pls, dont leave 1/5 before messaging me."),
    "SilentOwl": (5, "Escrow or FE (lvl 4+)", 99.1, 530,
        "SilentOwl 🦉 — discreet, professional. US domestic only. "
        "All orders packed with gloves, moisture barrier bag, nothing printed on the outside."),
    "VortexLabs": (4, "Escrow only", 97.9, 344,
        "Vortex Labs: digital delivery via market message within 12h. Files checked, no malware, "
        "hashes in the listing. No refunds on digital goods once delivered."),
    "budbrothers_uk": (7, "Escrow or FE (lvl 5+)", 99.4, 2210,
        "Bud Brothers UK 🌿🌿 Next day delivery inside the UK if ordered before 2pm. "
        "Smell proof, vac sealed x2. Lab tested. Love & peace."),
    "DrTreeFrog": (5, "Escrow only", 98.2, 967,
        "Dr TreeFrog 🐸 — pressed in house, tested every batch. "
        "Start low go slow. Ships worldwide except AU/NZ."),
    "CardKingz": (4, "Escrow only", 91.3, 503,
        "CardKingz 👑 — all info checked before sending. Replacement within 24h if dead. "
        "No refunds after 24h, use a fresh VPN + socks."),
    "dataleakz": (3, "Escrow only", 93.0, 129,
        "dataleakz: instant delivery (autoshop). Samples in my profile. Bulk discounts, msg me."),
    "mr_hardware": (6, "Escrow or FE (lvl 2+)", 98.9, 1104,
        "mr_hardware 🔧 general store — tools, gadgets, outdoor, collectibles. "
        "Ships from NL within 48h, insured. Combined shipping on multiple items."),
    "ShadowEdge": (4, "Escrow only", 97.0, 233,
        "ShadowEdge outdoor & self defense. Check your local laws, buyer is responsible. "
        "Ships in plain box, signature not required."),
}


def L(title, usd, vendor, cat, ships_from, ships_to, desc, labels=(), hard=False, currency="USD"):
    """One hand-written listing. `desc` is a list of paragraphs; `labels` what it should be tagged;
    `hard` marks a negative that uses gun words (or a gun-like category) on purpose."""
    assert vendor in VENDORS, vendor
    return {
        "title": title, "usd": usd, "vendor": vendor, "cat": cat, "ships_from": ships_from,
        "ships_to": ships_to, "desc": desc, "labels": list(labels), "hard": hard,
        "currency": currency,
    }


H = ("Weapons", "Handguns")
R = ("Weapons", "Rifles")
SG = ("Weapons", "Shotguns")
PA = ("Weapons", "Parts & Accessories")
AM = ("Weapons", "Ammunition")
GF = ("Weapons", "Guides & Files")
AIR = ("Weapons", "Airsoft & Air Guns")
KN = ("Weapons", "Knives & Blades")
SD = ("Weapons", "Self Defense")
CAN = ("Drugs", "Cannabis")
XTC = ("Drugs", "Ecstasy")
STIM = ("Drugs", "Stimulants")
PSY = ("Drugs", "Psychedelics")
DISS = ("Drugs", "Dissociatives")
BENZ = ("Drugs", "Benzos")
OPI = ("Drugs", "Opioids")
FRAUD = ("Digital", "Fraud")
DATA = ("Digital", "Data & Leaks")
GUIDE = ("Digital", "Guides & Tutorials")
TOOLS = ("Other", "Tools & Hardware")
ELEC = ("Other", "Electronics")
JEWEL = ("Other", "Jewellery & Watches")
AUTO = ("Other", "Automotive")
HOBBY = ("Other", "Hobby & 3D Printing")
BOOKS = ("Other", "Books & Manuals")

LISTINGS = [
    # ---------------------------------------------------------------- firearms
    L("Glock 19 Gen5 9mm — clean, never registered 🔫", 2150, "PineCone_Armory", H,
      "Germany", "EU only",
      ["Glock 19 Gen 5, 9x19, compact frame. Fired maybe 200 rounds at the range, then stored. "
       "Serial number intact but the gun was never registered anywhere in the EU.",
       "Comes in the original Glock box with the factory magazine, cleaning rod and the manual. "
       "Trigger is stock, night sights fitted.",
       "Packed disassembled: slide and frame ship in two separate parcels, 2 days apart. "
       "Both tracking numbers sent by PGP message."],
      ["firearm"]),
    L("AK-pattern rifle 7.62x39 (WASR style) semi auto", 3400, "BalkanDirect", R,
      "Bosnia and Herzegovina", "Europe",
      ["Romanian style AKM, 7.62x39, semi only. Wood furniture, some holster wear on the receiver "
       "but bore is good and it cycles everything.",
       "Rifle is split into receiver + barreled action for shipping, reassembly takes 10 minutes, "
       "no special tools. Test fired before packing, video on request.",
       "Price is FIRM. Dont ask for discount on the rifle, I have maybe 3 left this month."],
      ["firearm"]),
    L("Makarov PM pistol 9x18 — original Soviet, good condition", 1250, "Sibir_Trade", H,
      "Russia", "Worldwide",
      ["Original Izhevsk Makarov PM, 9x18mm, 1970s production. Blued finish ~85%, bakelite grips "
       "with the star. Mechanically perfect, double action trigger works as it should.",
       "Пистолет Макарова, оригинал, состояние хорошее. Отправка разобранным, в двух посылках.",
       "Ships in two parcels hidden in kitchen appliances. 10-20 days worldwide. "
       "No ammo in this listing, see my other listings."],
      ["firearm"]),
    L("S&W Model 10 revolver .38 Special 4\" barrel", 890, "SilentOwl", H,
      "United States", "United States",
      ["Smith & Wesson Model 10, the classic police .38 Special revolver. 4 inch heavy barrel, "
       "6 shot cylinder. Timing and lockup are tight, bluing worn at the muzzle.",
       "Perfect bedside gun, simple & reliable. No paperwork, no questions. "
       "Ships USPS priority, double boxed inside a toolbox."],
      ["firearm"]),
    L("Mossberg 500 pump shotgun 12 gauge 18.5\"", 760, "SilentOwl", SG,
      "United States", "United States",
      ["Mossberg 500 pump-action shotgun, 12 ga, 18.5 in barrel, synthetic stock, bead sight. "
       "Holds 5+1. Used, very good condition, action smooth.",
       "Stock and barrel removed for shipping. Ships FedEx ground in a golf bag box. "
       "US domestic ONLY, don't ask for international."],
      ["firearm"]),
    L("CONVERTED blank pistol → fires live 9mm Kurz / .380 !!", 540, "BalkanDirect", H,
      "Serbia", "EU + UK",
      ["Zoraki style blank firing pistol professionally converted to fire live .380 ACP (9mm Kurz). "
       "New barrel insert, reinforced slide. Tested with 50 live rounds, zero malfunctions.",
       "This is NOT a toy, it is a working gun. Cheapest pistol on the market, good for "
       "personal protection. Comes with one magazine.",
       "stealth: hidden inside a car audio amplifier. 5-9 days EU, UK 7-12 days."],
      ["firearm"]),
    L("CZ 75 B 9x19 — all steel, Czech made", 1650, "PineCone_Armory", H,
      "Czech Republic", "EU only",
      ["Česká zbrojovka CZ 75 B, the all steel 9mm classic. 16 round capacity, "
       "black polycoat. Excellent condition, maybe 500 rds through it.",
       "Ships field stripped in 2 parcels. Buyer with 10+ orders can request a single parcel."],
      ["firearm"]),
    L("sawn off double barrel shotgun 12ga (short!!) 💥", 480, "BalkanDirect", SG,
      "Albania", "Europe",
      ["Side by side 12 gauge, barrels cut to 30 cm, stock cut to a pistol grip. Old Italian made "
       "gun, both hammers work. Ugly but does the job.",
       "fits in a backpack. shipped in 2 parts inside a water heater box. "
       "6 - 12 days. no tracking to some countries sorry."],
      ["firearm"]),
    L("Walther PPK .380 ACP stainless", 1390, "GreyFoxTrade", H,
      "Netherlands", "Europe",
      ["Walther PPK in .380 ACP, stainless, made under license. James Bond gun, tiny and concealable. "
       "7+1 capacity, one magazine included.",
       "Like new in the box. Shipped disassembled, frame and slide in different parcels. "
       "NL/BE/DE 2-4 days, rest of EU 5-8 days."],
      ["firearm"]),
    L("AR-15 complete rifle 5.56 NATO 16\" — ready to go", 2600, "SilentOwl", R,
      "United States", "United States",
      ["Complete AR-15 rifle, 5.56x45 NATO, 16 inch barrel, M-LOK handguard, "
       "flip up sights, collapsible stock. Built from quality parts, fired 300 rds.",
       "Upper and lower ship separately (2 boxes). Clean, untraceable, NO serial on the lower. "
       "Optics not included."],
      ["firearm"]),
    L("Пистолет ТТ (Tokarev TT-33) 7.62x25 — оригинал", 980, "Sibir_Trade", H,
      "Russia", "Russia, Belarus, EU",
      ["Пистолет Токарева ТТ-33, калибр 7.62x25, оригинал 1950-х годов. Состояние хорошее, "
       "ствол чистый, всё работает. Один магазин в комплекте.",
       "Tokarev TT-33 pistol, 7.62x25 Tokarev. Original 1950s, all matching numbers. "
       "Ships disassembled. Доставка 7-14 дней, только через гарант."],
      ["firearm"]),
    L("BUNDLE: Glock 17 + 3 extra mags + 100 rds 9mm FMJ 🔥", 2690, "PineCone_Armory", H,
      "Germany", "EU only",
      ["Starter pack for those who want everything in one order:",
       "1x Glock 17 Gen4 9x19 pistol (used, excellent), 3x extra 17-round Glock magazines, "
       "100 rounds of 9mm Luger FMJ 124gr (2 boxes of 50).",
       "Pistol, magazines and ammunition ship in 3 separate parcels. "
       "Save ~200 USD compared to buying separately!"],
      ["firearm", "part", "ammunition"]),
    # ---------------------------------------------------------------- parts
    L("Glock 19 complete slide — RMR cut, threaded barrel ready", 420, "GreyFoxTrade", PA,
      "Netherlands", "Worldwide",
      ["Complete upper for Glock 19 Gen3/Gen4: slide with RMR optic cut, guide rod, recoil spring, "
       "firing pin assembly and extractor. Barrel NOT included (see my barrel listing).",
       "Drop in and go, fits factory frames and most polymer 80 frames. "
       "Ships in a hard drive enclosure, worldwide 6-15 days."],
      ["part"]),
    L("80% AR-15 lower receiver + jig kit (billet, unfinished)", 210, "SilentOwl", PA,
      "United States", "United States",
      ["80 % lower receiver, 7075-T6 billet aluminium, raw finish, not a firearm until finished. "
       "Comes with a universal routing jig, end mill and drill bits.",
       "Lower parts kit sold separately. No FFL, no serial, ships to your door. "
       "USPS 3-5 days in a plain box."],
      ["part"]),
    L("Solvent trap kit 1/2x28 — 6 cup, 9mm/.22 — fits most pistols", 185, "GreyFoxTrade", PA,
      "Netherlands", "Worldwide",
      ["Aluminium solvent trap kit with 6 cups, 1/2x28 thread, black anodised. "
       "Wink wink, use it for 'cleaning' only 😉. Cups are solid (undrilled).",
       "Many of my customers use it as a suppressor. Fits threaded Glock, CZ and 10/22 barrels. "
       "Tube + end caps + cups + thread adapter."],
      ["part"]),
    L("Glock switch / auto sear — FULL AUTO conversion ⚡", 350, "BalkanDirect", PA,
      "Serbia", "Europe",
      ["Machined steel auto sear (\"switch\") for Glock pistols, Gen 3-5. "
       "Replaces the slide cover plate, turns your Glock into full auto.",
       "Tested on G17 and G19, approx. 1200 rpm. Very small package, hidden in a greeting card. "
       "Sold per piece, 2 pcs = 650 USD."],
      ["part"]),
    L("AK 30-round magazines 7.62x39 — 5 pack, steel", 160, "Sibir_Trade", PA,
      "Russia", "Worldwide",
      ["Five (5) original steel magazines for AK-47 / AKM, 30 round, 7.62x39. "
       "Surplus, good springs, light surface rust on one.",
       "Магазины для АК, 5 штук. Shipped flat in a box of books."],
      ["part"]),
    L("Threaded barrel for Glock 17 — 1/2x28, stainless", 240, "PineCone_Armory", PA,
      "Germany", "EU only",
      ["Match grade threaded barrel for Glock 17 Gen 3/4, 9mm, 1/2x28 threads with thread protector. "
       "Stainless steel, drop in fit.",
       "Unfired, new in bag. Ships in a bike tool kit, 3-6 days in the EU."],
      ["part"]),
    L("9mm suppressor / silencer — monocore, quiet AF 🤫", 690, "GreyFoxTrade", PA,
      "Netherlands", "Europe",
      ["Full suppressor (not a kit), 9mm, 1/2x28, titanium tube, stainless monocore. "
       "About 30 dB reduction with subsonic ammo. Sealed, serviceable by the vendor only.",
       "Goes on any threaded 9mm pistol or PCC. Ships in a car exhaust part box lol."],
      ["part"]),
    L("AR-15 upper receiver + BCG, 5.56, complete", 520, "SilentOwl", PA,
      "United States", "United States",
      ["Complete AR-15 upper: forged upper receiver, 16\" barrel, bolt carrier group, charging handle, "
       "15\" handguard. Just pin it to any mil-spec lower.",
       "Head spaced and test fired. Ships in a rifle case inside a plain box."],
      ["part"]),
    L("Drop-in auto sear (DIAS) for AR + full-auto conversion manual PDF", 480, "BalkanDirect", PA,
      "Serbia", "Europe",
      ["Steel drop in auto sear for AR-15 / M16 pattern rifles, plus a 40 page PDF manual that "
       "explains the full-auto conversion of the fire control group step by step, with drawings.",
       "The PDF is sent on order, the part ships in 2-4 days inside a laptop charger. "
       "Manual is also sold separately in my shop."],
      ["part", "design"]),
    L("Glock Magazin 33 Schuss 9x19 — 3 Stück (Originalteil)", 190, "PineCone_Armory", PA,
      "Germany", "EU only",
      ["Original Glock Magazine, 33 Schuss, Kaliber 9x19, passend für Glock 17, 19, 26, 34. "
       "3 Stück, neuwertig.",
       "Versand aus Deutschland, diskret verpackt, 1-3 Werktage. Extended mags, 3 pcs."],
      ["part"]),
    # ---------------------------------------------------------------- ammunition
    L("9mm Luger FMJ 115gr — 50 rounds", 65, "PineCone_Armory", AM,
      "Germany", "EU only",
      ["Box of 50 rounds 9x19 Luger, 115 grain full metal jacket, brass cased, boxer primed. "
       "Sellier & Bellot factory ammo, fresh lot.",
       "Max 10 boxes per order. Ships in a coffee bag 📦."],
      ["ammunition"]),
    L("7.62x39 box — 20 rds, steel case (Wolf)", 34, "Sibir_Trade", AM,
      "Russia", "Worldwide",
      ["20 rounds 7.62x39mm, 123gr FMJ, lacquered steel case. For AK and SKS rifles. "
       "Patrony 7.62x39, 20 sht.",
       "Can combine up to 500 rounds per parcel. Worldwide 10-20 days."],
      ["ammunition"]),
    L("12 ga 00 buckshot shells — 25 pack", 45, "SilentOwl", AM,
      "United States", "United States",
      ["25 shotgun shells, 12 gauge 2-3/4\", 00 buckshot, 9 pellets per shell. "
       "Home defense load, Federal Power-Shok.",
       "Ships ground, in a box of motor oil bottles. US only."],
      ["ammunition"]),
    L(".22LR bulk brick 500 rounds 🐿", 70, "GreyFoxTrade", AM,
      "Netherlands", "Europe",
      ["500 rounds .22 Long Rifle, 40gr lead round nose, CCI. Great for plinking and small game.",
       "Heavy parcel (3 kg) so shipping is extra 15 USD. NL, BE, DE, FR only for now."],
      ["ammunition"]),
    L("Munition 9x19 mm Luger — 50 Schuss, Vollmantel", 60, "PineCone_Armory", AM,
      "Germany", "EU only",
      ["Pistolenmunition 9x19 mm Luger (9mm Para), 50 Patronen pro Schachtel, "
       "Vollmantelgeschoss 124 grs. Fabrikneu, aus Lagerbestand.",
       "Versand nur innerhalb der EU. Diskrete Verpackung, kein Absender."],
      ["ammunition"]),
    L("Патроны 9x18 ПМ — 16 шт (для Макарова)", 30, "Sibir_Trade", AM,
      "Russia", "Russia, Belarus, EU",
      ["Патроны 9x18 мм ПМ, 16 штук в пачке, оболочечная пуля. Подходят для пистолета Макарова.",
       "9x18 Makarov cartridges, 16 rounds per pack, FMJ. Shipped inside a tea tin."],
      ["ammunition"]),
    L(".45 ACP hollow point JHP 230gr — 20 rds", 48, "SilentOwl", AM,
      "United States", "United States",
      ["Speer Gold Dot .45 ACP 230 grain jacketed hollow points, 20 round box. "
       "Premium self defense ammo.",
       "Bulk: 5 boxes for 210 USD, msg me."],
      ["ammunition"]),
    L("5.56 NATO M855 green tip — 120 rds on stripper clips", 110, "SilentOwl", AM,
      "United States", "United States",
      ["120 rounds 5.56x45 NATO M855 62gr green tip, on 10 round stripper clips in a bandolier. "
       "Lake City brass.",
       "Ammo only, no magazines. Ships USPS in a camping gear box."],
      ["ammunition"]),
    L(".380 ACP / 9mm Kurz FMJ — 50 Patronen", 55, "BalkanDirect", AM,
      "Serbia", "Europe",
      [".380 auto (9mm kurz, 9x17) full metal jacket, 50 cartridges. Perfect with my converted pistols. "
       "Made by PPU.",
       "Sent in 2 bags of 25 hidden in candles. EU 5-9 days."],
      ["ammunition"]),
    L("7.62x39 spam can 1080 rds + 4 AK mags — DEAL 🔥🔥", 690, "Sibir_Trade", AM,
      "Russia", "Russia, Belarus, EU",
      ["Sealed spam can with 1080 rounds of 7.62x39 FMJ (Russian surplus), plus 4 steel AK "
       "magazines, 30 round. Everything you need for a weekend at the range.",
       "Цинк патронов 7.62x39 + 4 магазина. Heavy (about 20 kg), freight shipping only."],
      ["ammunition", "part"]),
    # ---------------------------------------------------------------- designs
    L("FGC-9 MkII complete STL pack + build guide", 45, "VortexLabs", GF,
      "Worldwide", "Worldwide",
      ["Complete FGC-9 MkII file set: all STL files for the printed frame and receiver parts, "
       "the barrel rifling guide and the full build guide PDF. Also the magazine files.",
       "Digital delivery, zip of 380 MB with SHA-256 hashes. Print on any decent FDM printer."],
      ["design"]),
    L("Liberator pistol files (original .stl) — 3D printed gun", 15, "VortexLabs", GF,
      "Worldwide", "Worldwide",
      ["The original Liberator single shot 3D printed pistol, all 16 STL files plus assembly notes. "
       "Historic files, the first printable gun.",
       "Instant delivery by message. 100% clean, scanned."],
      ["design"]),
    L("Full auto conversion manual (AR-15, AK, Glock) — PDF", 60, "GreyFoxTrade", GF,
      "Worldwide", "Worldwide",
      ["120 page PDF manual covering conversion of semi automatic rifles and pistols to full auto: "
       "AR-15 lightning link, AK auto sear, Glock selector. Machining drawings with dimensions.",
       "Digital item, delivered by PGP message within 12h."],
      ["design"]),
    L("CAD blueprints: AR-15 lower receiver (STEP, DXF, CNC G-code)", 80, "VortexLabs", GF,
      "Worldwide", "Worldwide",
      ["Full CAD model of a mil-spec AR-15 lower receiver in STEP and IGES, 2D blueprints in DXF "
       "and PDF, and ready G-code for Ghost Gunner style CNC mills.",
       "Dimensions verified against a real lower. Delivery: encrypted zip."],
      ["design"]),
    L("Build an AK from a flat — gunsmithing guide (PDF, 85 pages)", 35, "Sibir_Trade", GF,
      "Worldwide", "Worldwide",
      ["Step by step guide to building an AK-pattern rifle from a flat receiver blank and a parts kit: "
       "bending jig, rivets, headspace. Photos for every step.",
       "English + Russian version. Instant delivery."],
      ["design"]),
    L("Glock 17/19 printable frame files (STL) + rails jig", 40, "VortexLabs", GF,
      "Worldwide", "Worldwide",
      ["Print your own Glock compatible pistol frame: STL files for G17 and G19 size frames, "
       "plus the printable jig to place the metal rails, and a settings guide for PLA+ and nylon.",
       "Works with factory slides and OEM lower parts kits. Zip delivered within 6h."],
      ["design"]),
    # ---------------------------------------------------------------- hard negatives
    L("AK-47 cannabis strain — 28g top shelf buds 🌿", 220, "budbrothers_uk", CAN,
      "United Kingdom", "United Kingdom",
      ["AK-47 is a legendary sativa dominant hybrid, THC around 20%. Sour, earthy smell, "
       "hits hard like the name says 💥 but stays clear headed.",
       "28 g (one ounce) of hand trimmed buds, indoor grown, slow cured for 4 weeks.",
       "Also available: 3.5g / 7g / 14g, see my other listings."],
      hard=True),
    L("\"Glock\" XTC pills 220mg MDMA — pressed gun shape 🔫💊", 95, "DrTreeFrog", XTC,
      "Netherlands", "Worldwide except AU/NZ",
      ["Our new press: Glock pills, grey, shaped like a little pistol. 220 mg MDMA HCl per pill, "
       "lab tested (report in profile).",
       "10 pills = 95 USD, 50 pills = 380 USD. Take half to start, these are STRONG.",
       "Ships in a CD case, vacuum sealed."],
      hard=True),
    L("Red Bullet ecstasy pills — 100 pcs, 180mg 🚀", 420, "DrTreeFrog", XTC,
      "Netherlands", "Worldwide except AU/NZ",
      ["Red Bullet press, 180 mg MDMA, bullet shaped red pills. Fast come up, clean roll.",
       "100 pills per order. Retesting every batch with Marquis + Simon's. "
       "Stealth like always."],
      hard=True),
    L("Airsoft M4 AEG rifle — 6mm BB, 350 FPS, full metal", 260, "mr_hardware", AIR,
      "Netherlands", "Europe",
      ["Airsoft electric gun (AEG), M4 replica, shoots 6 mm plastic BBs at about 350 FPS. "
       "Full metal body, semi and full auto, 300 round hi-cap magazine included.",
       "Comes with 8.4V battery and charger. For airsoft games only, orange tip fitted. "
       "Not a real firearm."],
      hard=True),
    L("CO2 BB pistol 4.5mm + 1500 steel BBs + 500 pellets", 89, "mr_hardware", AIR,
      "Netherlands", "Europe",
      ["Gas powered BB pistol, 4.5 mm (.177), looks like a Beretta, blowback action. "
       "Shoots steel BBs and diabolo pellets. Uses 12 g CO2 capsules (5 included).",
       "Bundle with 1500 steel BBs and a tin of 500 lead pellets. Great for target practice "
       "in the garden. Free above 18 in most EU countries."],
      hard=True),
    L("PCP air rifle .22 (5.5mm) — 10 shot magazine, with pellets", 430, "ShadowEdge", AIR,
      "United Kingdom", "United Kingdom, EU",
      ["Pre-charged pneumatic air rifle in .22 calibre, rotary 10 shot pellet magazine, "
       "moderator fitted, walnut stock. Below 12 ft-lb UK legal limit.",
       "Includes 2 tins of 500 pellets and a hand pump. Hunting rabbits and pest control."],
      hard=True),
    L("Replica Desert Eagle .50 — non-firing prop gun (film/cosplay)", 150, "mr_hardware", AIR,
      "Netherlands", "Worldwide",
      ["Full size non-firing replica of a Desert Eagle pistol, metal and resin, realistic weight. "
       "Used on film sets and for cosplay. Cannot be converted, solid barrel, no working parts.",
       "Display stand included. Please do NOT carry it in public."],
      hard=True),
    L("Balisong butterfly knife — D2 steel, sharpened", 55, "ShadowEdge", KN,
      "United Kingdom", "Worldwide",
      ["Butterfly knife (balisong) with a D2 tool steel blade, titanium handles, bushing pivot. "
       "Comes sharp, flips like butter.",
       "Trainer version also available (unsharpened). Ships in a watch box."],
      hard=True),
    L("Karambit + fixed blade tactical knife set 🔪", 70, "ShadowEdge", KN,
      "United Kingdom", "Worldwide",
      ["Two knives: a 3 inch karambit with finger ring and a 5 inch fixed blade bushcraft knife, "
       "both with Kydex sheaths. Full tang, 1095 carbon steel.",
       "Perfect for camping & EDC. Knife laws differ per country — your responsibility."],
      hard=True),
    L("Expandable steel baton 21\" — self defense", 35, "ShadowEdge", SD,
      "United Kingdom", "Europe",
      ["Friction lock expandable baton, 21 inch, hardened steel, rubber grip, belt holster included. "
       "Flicks open with one hand.",
       "Ships in a umbrella box lol. 3-7 days."],
      hard=True),
    L("Taser / stun gun 50,000,000 V with flashlight ⚡", 45, "ShadowEdge", SD,
      "United Kingdom", "Europe",
      ["Rechargeable stun gun with LED flashlight, 'fifty million volt' (marketing, obviously). "
       "Loud crackle scares off attackers. USB charging.",
       "Not a projectile taser, contact only. Ships in a phone box."],
      hard=True),
    L("Pepper spray 40ml gel — police strength OC", 18, "ShadowEdge", SD,
      "United Kingdom", "Europe",
      ["OC pepper gel spray, 40 ml, 2 million SHU, range about 4 m. Gel does not blow back in wind. "
       "Safety flip top.",
       "Buy 3 get 1 free. Cannot ship by air, ground only."],
      hard=True),
    L("Gun Metal chronograph watch — 44mm, sapphire glass ⌚", 180, "mr_hardware", JEWEL,
      "Netherlands", "Worldwide",
      ["Men's chronograph in a gun metal grey PVD case, 44 mm, sapphire crystal, "
       "Japanese quartz movement, 100 m water resistant.",
       "Gunmetal bracelet with butterfly clasp. New in box with papers."],
      hard=True),
    L("Hot glue gun 100W + 30 glue sticks", 22, "mr_hardware", TOOLS,
      "Netherlands", "Europe",
      ["Professional hot melt glue gun, 100 W, heats up in 3 minutes, trigger feed. "
       "Includes 30 clear glue sticks 11 mm.",
       "For crafts, DIY and repairs. EU plug."],
      hard=True),
    L("Heat gun 2000W — paint stripping, shrink wrap", 38, "mr_hardware", TOOLS,
      "Netherlands", "Europe",
      ["2000 W hot air gun with 2 temperature settings (350 / 550 °C) and 4 nozzles. "
       "Strip paint, bend PVC, shrink tubing.",
       "Brand new, 1 year warranty from us."],
      hard=True),
    L("Rotary tattoo gun kit — machine + 20 cartridges + inks", 140, "mr_hardware", HOBBY,
      "Netherlands", "Worldwide",
      ["Complete beginner tattoo kit: rotary tattoo gun (pen style), 20 needle cartridges, "
       "power supply, 7 inks and practice skins.",
       "Sterile, sealed packs. Ships in 48h."],
      hard=True),
    L("3D printer filament PLA+ 1.75mm — 4 x 1kg spools", 75, "mr_hardware", HOBBY,
      "Netherlands", "Europe",
      ["PLA+ filament 1.75 mm, 4 spools of 1 kg (black, white, grey, red). "
       "Tolerance ±0.02 mm, prints at 205-220 °C.",
       "Vacuum packed with desiccant. Great for figurines, cosplay and household parts."],
      hard=True),
    L("STL pack: 120 fantasy miniatures (28mm tabletop)", 12, "VortexLabs", HOBBY,
      "Worldwide", "Worldwide",
      ["120 pre-supported STL files of fantasy figurines for resin printers: dwarves, orcs, "
       "dragons and a wizard tower. 28 mm heroic scale.",
       "Digital download, tested on Elegoo and Anycubic printers."],
      hard=True),
    L("VW Golf GTI exhaust silencer (rear muffler) — stainless", 260, "mr_hardware", AUTO,
      "Netherlands", "Europe",
      ["Rear silencer / muffler for VW Golf Mk7 GTI, full stainless steel, twin tailpipes. "
       "Deep sound but TÜV compliant.",
       "Bolt on, uses original clamps. Heavy parcel, shipping 30 EUR extra."],
      hard=True, currency="EUR"),
    L("Massage gun — deep tissue percussion, 30 speeds", 49, "mr_hardware", ELEC,
      "Netherlands", "Europe",
      ["Percussion massage gun with 30 speed levels and 6 heads, brushless motor, "
       "6 hour battery. Trigger point relief after the gym 💪.",
       "Carry case included."],
      hard=True),
    L("Nerf blaster mega bundle — 2 blasters + 100 foam darts", 40, "mr_hardware", HOBBY,
      "Netherlands", "Europe",
      ["Two Nerf style foam blasters (one pump action, one motorised with a 25 dart clip) "
       "plus 100 foam darts. For kids 8+.",
       "Batteries not included. Ships in original boxes."],
      hard=True),
    L("Paintball marker .68 cal + hopper + CO2 tank", 190, "ShadowEdge", AIR,
      "United Kingdom", "Europe",
      ["Semi auto paintball marker, .68 calibre, with 200 round hopper, 20 oz CO2 tank and a mask. "
       "Fires paintballs only.",
       "Ready to play. Paint not included."],
      hard=True),
    L("RØDE shotgun microphone NTG — for video/film", 210, "mr_hardware", ELEC,
      "Netherlands", "Europe",
      ["Shotgun microphone for cameras, supercardioid, XLR and 3.5mm, "
       "with shock mount and dead cat windshield.",
       "Used for one short film, mint condition."],
      hard=True),
    L("THC vape cartridges 1g — 10 carts, mixed flavours", 250, "budbrothers_uk", CAN,
      "United Kingdom", "United Kingdom",
      ["10 x 1 g distillate vape cartridges, 510 thread, 90% THC. "
       "Flavours: Blue Dream, OG Kush, Gelato. Ceramic coils, no cutting agents.",
       "Batteries sold separately. Next day UK."],
      hard=True),
    L("Washing machine service manual PDF (Bosch Serie 6)", 8, "VortexLabs", BOOKS,
      "Worldwide", "Worldwide",
      ["Full service and repair manual for Bosch Serie 6 washing machines, 240 pages PDF: "
       "error codes, exploded views, part numbers, test programs.",
       "For technicians and DIY repair. Instant delivery."],
      hard=True),
    L("Carding method 2024 — step by step PDF guide 💳", 30, "CardKingz", GUIDE,
      "Worldwide", "Worldwide",
      ["My private carding method, 35 page PDF: which shops, which BINs, how to set up socks and "
       "drops. Updated monthly.",
       "Buyers get free updates for 3 months."],
      hard=True),
    # ---------------------------------------------------------------- ordinary negatives
    L("Apple iPhone 13 128GB unlocked — clean IMEI 📱", 390, "mr_hardware", ELEC,
      "Netherlands", "Europe",
      ["iPhone 13, 128 GB, midnight, factory unlocked, battery health 89%. "
       "Small scratch on the frame, screen perfect.",
       "Reset and signed out of iCloud. Comes with cable only."],
      hard=False),
    L("Cocaine 90% pure — 3.5g fishscale ❄️", 280, "GreyFoxTrade", STIM,
      "Netherlands", "Europe",
      ["Peruvian fishscale, tested 90% purity, no levamisole. Shiny flakes, strong numbing.",
       "3.5 g per order, bigger amounts on request. Triple vacuum sealed."]),
    L("LSD blotters 150ug — 10 tabs \"Hofmann\" print", 90, "DrTreeFrog", PSY,
      "Netherlands", "Worldwide except AU/NZ",
      ["10 blotters of 150 µg LSD each, Hofmann bicycle print. Clean, visual, 10-12 hours.",
       "Ships in a greeting card, flat."]),
    L("Ketamine needles/shards 10g — S-isomer rich", 180, "DrTreeFrog", DISS,
      "Netherlands", "Worldwide except AU/NZ",
      ["Ketamine HCl crystals, big shards. 10 grams. Crush before use.",
       "Same day shipping on weekdays."]),
    L("Xanax 2mg bars (alprazolam) — 50 pcs", 110, "CardKingz", BENZ,
      "United States", "United States",
      ["Pressed alprazolam 2 mg bars, white, scored. 50 bars per order.",
       "Ships first class, no signature."]),
    L("Oxycodone 30mg M-box — 20 pills", 300, "SilentOwl", OPI,
      "United States", "United States",
      ["Oxycodone 30 mg blue pills, 20 per order. Test kits recommended, please be safe.",
       "Narcan info in profile. Ships priority."]),
    L("Amnesia Haze 10g — greenhouse, sticky 🍀", 95, "budbrothers_uk", CAN,
      "United Kingdom", "United Kingdom",
      ["Amnesia Haze, sativa, citrus and earth. Greenhouse grown, well cured, no seeds.",
       "10 g bag, smell proof. First class signed for."]),
    L("EU fullz with DOB + SSN/NIN — 10 pack", 60, "CardKingz", FRAUD,
      "Worldwide", "Worldwide",
      ["10 full identity profiles: name, address, date of birth, national insurance / SSN, "
       "phone and email. UK and DE mostly.",
       "Checked fresh before sending, replacement for invalid within 24h."]),
    L("Cloned cards with PIN — 2000 USD balance", 250, "CardKingz", FRAUD,
      "Worldwide", "Worldwide",
      ["Cloned debit card with PIN, about 2000 USD available. Works at ATMs worldwide.",
       "Ships in a birthday card, tracking included."]),
    L("Verified PayPal accounts with balance — x3", 90, "CardKingz", FRAUD,
      "Worldwide", "Worldwide",
      ["3 aged PayPal accounts, email access included, balances between 300 and 800 USD.",
       "Use a clean VPN + matching socks. Delivered in the order chat."]),
    L("2.1M customer database dump — e-shop (emails, hashes, addresses)", 400, "dataleakz", DATA,
      "Worldwide", "Worldwide",
      ["Database dump of a European online shop, 2.1 million rows: email, bcrypt password hash, "
       "name, address, order history. CSV + SQL.",
       "Sample of 100 rows in my profile. Sold to max 5 buyers."]),
    L("Email leads list — 500k verified crypto investors", 150, "dataleakz", DATA,
      "Worldwide", "Worldwide",
      ["500,000 emails of people who signed up to crypto trading platforms, verified this month. "
       "Perfect for marketing campaigns.",
       "TXT file, instant delivery."]),
]

STAR = "\u2605"
CATEGORY_PAGES = ["Weapons", "Drugs", "Digital"]  # top-level categories that have their own pages
FEEDBACK = [
    (5, "fast shipping, stealth on point"), (5, "A+++ will order again"),
    (4, "took 9 days but arrived, all good"), (5, "exactly as described, thanks"),
    (5, "great comms, answered in 1h"), (3, "ok product, packaging could be better"),
    (5, "second order, never disappoints"), (4, "good vendor, slow replies"),
    (1, "still waiting after 3 weeks... (updated: arrived, sorry!)"), (5, "top notch \U0001F44C"),
]
STYLE = """
body{font-family:Verdana,Arial,sans-serif;background:#1d2320;color:#e4e8e2;margin:0;font-size:14px}
a{color:#9fd49b}.banner{background:#b3261e;color:#fff;text-align:center;padding:6px;font-weight:bold}
header{background:#27302b;padding:10px 20px;display:flex;justify-content:space-between;align-items:center}
header .logo{font-size:22px;font-weight:bold;color:#c6e6a4}nav.top a{margin-left:14px}
.wrap{display:flex;gap:20px;padding:20px}aside{width:220px;flex-shrink:0}main{flex-grow:1}
.box{background:#27302b;border:1px solid #3b4a40;border-radius:4px;padding:10px;margin-bottom:14px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#27302b;border:1px solid #3b4a40;
border-radius:4px;padding:10px;width:220px}.card-title{font-weight:bold;display:block;margin-bottom:6px}
.card-price{color:#f2c46d}.card-vendor{font-size:12px;color:#aab6ad}ul.pagination{list-style:none;
padding:0;display:flex;gap:6px}ul.pagination li{padding:4px 8px;background:#27302b;border:1px solid #3b4a40}
ul.pagination li.active{background:#4d6b52}.breadcrumb{font-size:12px;color:#aab6ad;margin-bottom:6px}
.listing-price{font-size:20px;color:#f2c46d;margin:8px 0}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #3b4a40;padding:4px 6px;text-align:left}.muted{color:#8a978e;font-size:12px}
footer{background:#27302b;padding:14px 20px;color:#8a978e;font-size:12px}
""".strip()


def esc(s):
    return html.escape(s, quote=True)


def slug(s):
    return "".join(c.lower() if c.isalnum() else "-" for c in s).strip("-")


def price_text(item):
    usd = item["usd"] * (1.08 if item["currency"] == "EUR" else 1.0)
    return f"{item['currency']} {item['usd']:,.2f} / {usd / BTC_USD:.4f} BTC"


def cat_text(item):
    return f"{item['cat'][0]} \u203a {item['cat'][1]}"


def order_key(item):
    return hashlib.sha256(f"hollow-pine-{item['id']}".encode()).hexdigest()


def page(title, body, sidebar):
    """Wraps a page body in the market template: banner, header, sidebar, footer."""
    nav = "".join(
        f'<a href="/category/{slug(c)}">{esc(c)}</a>' for c in CATEGORY_PAGES)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(title)} | {esc(MARKET)}</title>
<style>{STYLE}</style>
</head>
<body>
<div class="banner">{esc(BANNER)}</div>
<header>
<span class="logo"><a href="/">\U0001F332 {esc(MARKET)}</a></span>
<form class="search" action="/search" method="get"><input type="text" name="q" placeholder="Search listings"> <button type="submit">Search</button></form>
<nav class="top"><a href="/">Home</a>{nav}<a href="/account">Account</a><a href="/cart/view">Cart (0)</a><a href="/logout">Logout</a></nav>
</header>
<div class="wrap">
<aside>
{sidebar}
</aside>
<main>
{body}
</main>
</div>
<footer>
<p>&copy; 2024 {esc(MARKET)} &mdash; a fictional market generated for armswatch tests. No item here exists.</p>
<p>Escrow &middot; Multisig &middot; PGP: 0xDEMO0000 &middot; <a href="http://forum.example/">Community forum</a> &middot; <a href="/account">Settings</a> &middot; <a href="/logout">Log out</a></p>
<p class="muted">Canary: we have not been contacted by any authority (updated 2024-03-01).</p>
</footer>
</body>
</html>
"""


def categories_box(listings):
    counts = {}
    for it in listings:
        counts[it["cat"][0]] = counts.get(it["cat"][0], 0) + 1
    rows = []
    for top in sorted(counts):
        name = esc(top)
        link = f'<a href="/category/{slug(top)}">{name}</a>' if top in CATEGORY_PAGES else name
        rows.append(f"<li>{link} <span class=\"muted\">({counts[top]})</span></li>")
    return ('<div class="box"><h3>Categories</h3><ul>' + "".join(rows) + "</ul></div>"
            '<div class="box"><h3>Market</h3><p>Online users: 1,337<br>Listings: '
            f"{len(listings)}<br>BTC/USD: {BTC_USD:,.0f}</p></div>")


def card(it):
    return (f'<div class="card"><a class="card-link" href="/listing/{it["id"]}">'
            f'<span class="card-title">{esc(it["title"])}</span></a>'
            f'<div class="card-price">{esc(price_text(it))}</div>'
            f'<div class="card-vendor">by <a href="/vendor/{it["vendor"]}">{esc(it["vendor"])}</a>'
            f' &middot; {esc(cat_text(it))}</div>'
            f'<a class="add" href="/cart/add/{it["id"]}">Add to cart</a></div>')


def pagination(n, total, url_of):
    items = []
    if n > 1:
        items.append(f'<li><a href="{url_of(n - 1)}">\u2039 Prev</a></li>')
    for i in range(1, total + 1):
        if i == n:
            items.append(f'<li class="active"><span>{i}</span></li>')
        else:
            items.append(f'<li><a href="{url_of(i)}">{i}</a></li>')
    if n < total:
        items.append(f'<li><a href="{url_of(n + 1)}">Next \u203a</a></li>')
    return '<ul class="pagination">' + "".join(items) + "</ul>"


def chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def index_pages(title, items, size, url_of, sidebar):
    """Paginated card pages; returns [(url path, html)]."""
    out = []
    parts = chunks(items, size)
    for n, part in enumerate(parts, start=1):
        body = (f"<h2>{esc(title)}</h2><p class=\"muted\">Page {n} of {len(parts)} &middot; "
                f"{len(items)} listings</p>"
                + pagination(n, len(parts), url_of)
                + '\n<div class="cards">\n' + "\n".join(card(it) for it in part) + "\n</div>\n"
                + pagination(n, len(parts), url_of))
        out.append((url_of(n), page(f"{title} \u2014 page {n}", body, sidebar)))
    return out


def listing_page(it, by_vendor):
    level, escrow, positive, sales, boiler = VENDORS[it["vendor"]]
    top, sub = it["cat"]
    top_html = (f'<a href="/category/{slug(top)}">{esc(top)}</a>' if top in CATEGORY_PAGES
                else f"<span>{esc(top)}</span>")
    h = int(order_key(it)[:8], 16)
    fb_rows = "".join(
        f"<tr><td>{STAR * FEEDBACK[(h + k) % len(FEEDBACK)][0]}</td>"
        f"<td>{esc(FEEDBACK[(h + k) % len(FEEDBACK)][1])}</td>"
        f"<td>{'bcdfghjkmnpqrstvwxz'[(h >> k) % 19]}***{'aeiou'[(h >> (k + 3)) % 5]}</td>"
        f"<td>{(h >> (2 * k)) % 40 + 1} days ago</td></tr>\n"
        for k in range(3 + h % 3))
    paragraphs = "\n".join(f"<p>{esc(p)}</p>" for p in it["desc"])
    more = [o for o in by_vendor[it["vendor"]] if o["id"] != it["id"]][:3]
    more_html = "".join(
        f'<li><a href="/listing/{o["id"]}">{esc(o["title"])}</a> '
        f'<span class="muted">{esc(price_text(o))}</span></li>' for o in more)
    listed = f"2024-{(h % 3) + 1:02d}-{(h >> 4) % 28 + 1:02d}"
    body = f"""<nav class="breadcrumb">{top_html} \u203a <span>{esc(sub)}</span></nav>
<h1 class="listing-title">{esc(it["title"])}</h1>
<p class="muted"><span class="listing-id">Listing #{it["id"]}</span> &middot; listed {listed} &middot; {(h % 900) + 40} views</p>
<div class="listing-price">{esc(price_text(it))}</div>
<div class="vendor">Sold by <a href="/vendor/{it["vendor"]}">{esc(it["vendor"])}</a> (Level {level}, {positive}% positive)</div>
<p><a class="button" href="/cart/add/{it["id"]}">Add to cart</a> &middot; <a href="/account">Report listing</a></p>
<table class="meta">
<tr><th>Category</th><td>{esc(cat_text(it))}</td></tr>
<tr><th>Ships from</th><td class="ships-from">{esc(it["ships_from"])}</td></tr>
<tr><th>Ships to</th><td class="ships-to">{esc(it["ships_to"])}</td></tr>
<tr><th>Payment</th><td>{esc(escrow)}</td></tr>
</table>
<h2>Description</h2>
<div id="description">
{paragraphs}
<p>{esc(boiler)}</p>
</div>
<h2>Feedback</h2>
<table class="feedback"><tr><th>Rating</th><th>Comment</th><th>Buyer</th><th>When</th></tr>
{fb_rows}</table>
<h3>More from {esc(it["vendor"])}</h3>
<ul class="more">{more_html}</ul>"""
    sidebar = (f'<div class="box"><h3>Vendor</h3><p><a href="/vendor/{it["vendor"]}">'
               f'{esc(it["vendor"])}</a><br>Vendor level: {level}<br>Sales: {sales}<br>'
               f"Feedback: {positive}% positive<br>Escrow: {esc(escrow)}</p></div>"
               '<div class="box"><h3>Safety</h3><p class="muted">Always use escrow. Never '
               "finalize early with new vendors. Encrypt your address with PGP.</p></div>")
    return page(it["title"], body, sidebar)


def vendor_page(vendor, items, sidebar):
    level, escrow, positive, sales, boiler = VENDORS[vendor]
    body = (f"<h2>Vendor: {esc(vendor)}</h2><p>Level {level} &middot; {sales} sales &middot; "
            f"{positive}% positive &middot; {esc(escrow)}</p><p>{esc(boiler)}</p>"
            '\n<div class="cards">\n' + "\n".join(card(it) for it in items) + "\n</div>")
    return page(f"Vendor {vendor}", body, sidebar)


def path_to_file(path):
    """Where the demo server looks for a URL path: `/` is index.html, `/x/y` is x/y.html."""
    return os.path.join(SITE, "index.html") if path == "/" else os.path.join(SITE, *path.strip("/").split("/")) + ".html"


def write(path, text):
    f = path_to_file(path)
    os.makedirs(os.path.dirname(f), exist_ok=True)
    with open(f, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def main():
    listings = [dict(it, id=FIRST_ID + i) for i, it in enumerate(LISTINGS)]
    ordered = sorted(listings, key=order_key)
    by_vendor = {}
    for it in ordered:
        by_vendor.setdefault(it["vendor"], []).append(it)
    sidebar = categories_box(listings)

    if os.path.isdir(SITE):
        shutil.rmtree(SITE)
    pages = index_pages("Latest listings", ordered, PER_INDEX_PAGE,
                        lambda n: "/" if n == 1 else f"/listings/page/{n}", sidebar)
    index_paths = [p for p, _ in pages]
    category_paths = []
    for top in CATEGORY_PAGES:
        items = [it for it in ordered if it["cat"][0] == top]
        base = f"/category/{slug(top)}"
        cat_pages = index_pages(top, items, PER_CATEGORY_PAGE,
                                lambda n, b=base: b if n == 1 else f"{b}/page/{n}", sidebar)
        category_paths += [p for p, _ in cat_pages]
        pages += cat_pages
    for it in listings:
        pages.append((f"/listing/{it['id']}", listing_page(it, by_vendor)))
    for vendor in sorted(by_vendor):
        pages.append((f"/vendor/{vendor}", vendor_page(vendor, by_vendor[vendor], sidebar)))
    for path, text in pages:
        write(path, text)

    counts = {"listings": len(listings)}
    for label in ("firearm", "part", "ammunition", "design"):
        counts[label] = sum(label in it["labels"] for it in listings)
    counts["flagged"] = sum(bool(it["labels"]) for it in listings)
    counts["multi_label"] = sum(len(it["labels"]) > 1 for it in listings)
    counts["negatives"] = sum(not it["labels"] for it in listings)
    counts["hard_negatives"] = sum(it["hard"] for it in listings)
    expected = {
        "market": {"id": "demo", "name": f"{MARKET} (demo)"},
        "counts": counts,
        "pages": {
            "index": index_paths,
            "category": category_paths,
            "listing_count": len(listings),
            # Vendor profile pages are fetched from the listings' vendor links (entities).
            "vendor_count": len(by_vendor),
            "crawl_total": len(index_paths) + len(category_paths) + len(listings) + len(by_vendor),
            "must_not_fetch": ["/logout", "/account", "/cart/view", "/cart/add/<id>", "/search"],
            "external": ["http://forum.example/"],
        },
        "listings": {
            str(it["id"]): {
                "url": f"/listing/{it['id']}",
                "title": it["title"],
                "labels": it["labels"],
                "hard_negative": it["hard"],
                "category": cat_text(it),
                "vendor": it["vendor"],
                "price_text": price_text(it),
                "ships_from": it["ships_from"],
                "ships_to": it["ships_to"],
            }
            for it in listings
        },
    }
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    print(f"wrote {len(pages)} pages to {SITE}: {len(index_paths)} index, "
          f"{len(category_paths)} category, {len(listings)} listings, {len(by_vendor)} vendors",
          file=sys.stderr)


if __name__ == "__main__":
    main()
