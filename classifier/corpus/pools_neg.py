"""Negative listing pools (English), categories, markets and generic vendor fragments.

Hard negatives first: drugs named like guns, air guns, airsoft, blank guns, knives and other
weapons that are not firearms, tools and goods with "gun" words, ordinary 3-D printing and manuals.
Then the bulk of ordinary market goods: drugs, fraud, digital goods, counterfeits, services."""

MARKETS = ["Nightshade Market", "Cobalt Bazaar", "Ferrum", "Hollowtree", "Obsidian Exchange", "Meridian",
           "Quarry", "Vesper Market", "Tundra", "Bramble", "Mistral", "Kestrel", "Lantern Row", "Saltmarsh",
           "Ravine", "Oakvault", "Pylon", "Gallery Nine", "Black Orchid", "Umbra", "Stillwater", "Cinder",
           "Marrow", "Tessellate", "Foxglove", "Halcyon", "Larkspur", "Basalt", "Nocturne", "Thistle",
           "Wyvern Market", "Ossuary", "Sable Row", "Kelp", "Mirage Bazaar", "Juniper"]

CATS = {
    "firearm": ["Weapons/Lethal firearms", "Weapons/Lethal firearms/Pistols", "Weapons/Lethal firearms/Rifles",
                "Weapons/Firearms", "Guns/Handguns", "Guns/Rifles", "Guns/Shotguns", "Guns", "Weapons",
                "Weapons » Pistols", "Weapons > Guns", "Weapons/Guns", "Armory/Pistols", "Arms/Long guns",
                "Оружие/Пистолеты", "Оружие", "Waffen/Pistolen", "Waffen", "Armas/Pistolas", "Armes/Pistolets",
                "Weapons/Machine guns", "Weapons/Other", "Weapons/Lethal firearms/Shotguns", "Firearms"],
    "ammo": ["Weapons/Ammunition", "Weapons/Ammo", "Ammunition", "Guns/Ammo", "Weapons » Ammunition",
             "Armory/Ammunition", "Оружие/Патроны", "Waffen/Munition", "Armas/Munición", "Armes/Munitions",
             "Weapons", "Weapons/Other", "Guns/Accessories"],
    "part": ["Weapons/Parts", "Weapons/Accessories", "Guns/Parts & Accessories", "Weapons/Lethal firearms",
             "Weapons/Gun parts", "Weapons » Parts", "Armory/Parts", "Weapons/Other", "Оружие/Запчасти",
             "Waffen/Teile", "Armas/Accesorios", "Armes/Pièces", "Weapons", "Guns/Mods"],
    "design": ["Information/Guides", "Information/eBooks", "Digital Goods/Guides", "Digital Goods/Files",
               "Weapons/Files", "Weapons/Guides", "Guides & Tutorials", "Digital Products", "E-Books",
               "Information/Other", "Weapons", "Digital Goods", "Tutorials", "Software", "Other"],
    "weapon_other": ["Weapons/Non-lethal firearms", "Weapons/Melee", "Weapons/Other", "Weapons", "Weapons/Knives",
                     "Weapons/Self defense", "Defense/Self-defense", "Security/Self defense", "Weapons/Lethal firearms",
                     "Weapons/Ammunition", "Guns", "Оружие/Холодное", "Waffen/Sonstiges", "Armas/Defensa",
                     "Armes/Défense", "Self Defence"],
    "airgun": ["Weapons/Non-lethal firearms", "Weapons/Air guns", "Weapons/Airsoft", "Weapons/Other", "Weapons",
               "Guns", "Sports/Airsoft", "Hobby/Airsoft", "Weapons/Lethal firearms", "Toys", "Outdoor",
               "Weapons/Ammunition", "Waffen/Softair", "Оружие/Пневматика"],
    "cannabis": ["Drugs/Cannabis/Weed", "Drugs/Cannabis/Hash", "Drugs/Cannabis", "Cannabis/Buds", "Weed",
                 "Drugs/Weed", "Cannabis & Hash", "Drugs/Cannabis/Seeds", "Seeds", "Drugs/Cannabis/Concentrates",
                 "Drugs/Cannabis/Edibles", "Weapons/Lethal firearms", "Drugs", "Наркотики/Шишки"],
    "ecstasy": ["Drugs/Ecstasy/Pills", "Drugs/Ecstasy/MDMA", "Drugs/Ecstasy", "Ecstasy", "Drugs/Stimulants",
                "Pills", "Drugs/Empathogens", "Party drugs", "Drugs", "Weapons"],
    "stim": ["Drugs/Stimulants/Cocaine", "Drugs/Stimulants/Meth", "Drugs/Stimulants/Speed", "Drugs/Stimulants",
             "Cocaine", "Drugs/Coke", "Drugs", "Stimulants", "Drugs/Paraphernalia"],
    "opioid": ["Drugs/Opioids", "Drugs/Opioids/Heroin", "Drugs/Opioids/Oxycodone", "Opiates", "Drugs/Prescription",
               "Drugs"],
    "benzo": ["Drugs/Benzos", "Drugs/Prescription/Benzos", "Benzodiazepines", "Drugs/Sedatives", "Pharmacy",
              "Drugs/Prescription"],
    "psy": ["Drugs/Psychedelics/LSD", "Drugs/Psychedelics/Mushrooms", "Drugs/Psychedelics", "Drugs/Dissociatives",
            "Drugs/Dissociatives/Ketamine", "Psychedelics", "Drugs/RCs", "Drugs"],
    "pharma": ["Drugs/Prescription", "Drugs/Steroids", "Pharmacy", "Drugs/Other", "Drugs/Weight loss",
               "Drugs/Erectile dysfunction", "Drugs/Stimulants/Prescription"],
    "fraud": ["Fraud/Cards", "Fraud/CVV", "Fraud/Accounts", "Fraud/Dumps", "Fraud/Personal info", "Fraud",
              "Carding", "Fraud/Bank drops", "Fraud/Other", "Fraud/Documents", "Counterfeits/Money",
              "Counterfeits/IDs", "Documents", "Services/Fraud"],
    "digital": ["Digital Goods", "Digital Goods/Software", "Digital Goods/Accounts", "Services/Hacking",
                "Software/Malware", "Services", "Services/Hosting", "Security & Hosting", "Data",
                "Data/Accounts", "Digital Goods/E-Books", "Information/Guides", "Tutorials", "Software"],
    "counterfeit": ["Counterfeits/Watches", "Counterfeits/Clothing", "Counterfeits/Electronics", "Counterfeits",
                    "Counterfeits/Accessories", "Replicas", "Fashion", "Jewelry", "Luxury"],
    "electronics": ["Electronics", "Electronics/Phones", "Electronics/Computers", "Electronics/Other",
                    "Hardware", "Tools", "Home & Garden", "Automotive", "Other"],
    "misc": ["Other", "Miscellaneous", "Misc", "Uncategorized", "Other/Other", "General", "Everything else",
             "Custom Orders", "Listings", "Lab Supplies", "Drug paraphernalia", "Art", "Books",
             "Home & Garden", "Tobacco", "Collectibles", "Apparel", "Jewelry", "Gifts"],
    "generic": ["Other", "Miscellaneous", "Uncategorized", "Custom Orders", "Misc", "General", "Listings",
                "Other/Other", "Weapons", "Digital Goods", "Drugs", "Services", "Everything"],
}
CATS["drug"] = CATS["cannabis"][:6] + CATS["ecstasy"][:4] + CATS["stim"][:4] + CATS["opioid"][:3] + CATS["psy"][:3]
CATS["weapon"] = CATS["weapon_other"] + CATS["airgun"][:6]
CATS["unclear"] = ["Custom Orders", "Other", "Custom listings", "Miscellaneous", "Uncategorized", "Drugs/Other",
                   "Weapons/Other", "Services/Other", "Private"]
ALL_CATS = sorted({c for v in CATS.values() for c in v})

# Generic vendor fragments by domain and language, mixed into descriptions.
GENERIC = {
    "gun": {
        "en": ["Weapons dealer since 2014.", "We only sell quality pieces.", "All our items are tested before they ship.",
               "Ships hidden, x-ray proof packaging.", "Ask for pics.", "We deliver in person in some cities.",
               "Discretion guaranteed.", "Serious buyers only, no LE.", "Our armory has more in stock, check the shop.",
               "Message me for bulk deals.", "No kids, you must be an adult."],
        "de": ["Nur ernsthafte Anfragen.", "Alles getestet vor dem Versand.", "Versand versteckt, röntgensicher.",
               "Übergabe persönlich möglich."],
        "ru": ["Всё проверено перед отправкой.", "Отправка скрытно.", "Только серьёзным людям.",
               "Возможна личная встреча."],
        "es": ["Todo probado antes del envío.", "Envío oculto.", "Solo gente seria."],
        "fr": ["Tout est testé avant l'envoi.", "Envoi caché.", "Acheteurs sérieux uniquement."],
    },
    "drug": {
        "en": ["Lab tested.", "Purity tested with reagent kit.", "Top shelf.", "Vacuum sealed twice.",
               "Sample prices available.", "Best quality on the market.", "Weight is always accurate, we give extra.",
               "From our own grow.", "Direct from the source.", "Check our other listings.", "Restocked today.",
               "We don't sell guns or ammo here, don't ask.", "Stealth packaging, safer than bringing a gun.",
               "No weapons, only quality product.", "Our stealth is bulletproof.", "Straight shooter, no bullshit vendor.",
               "Hits harder than a 12 gauge lol.", "Loaded with terpenes.", "Fire product, smoking hot."],
        "de": ["Laborgetestet.", "Beste Qualität.", "Immer Übergewicht.", "Doppelt vakuumiert."],
        "ru": ["Лучшее качество.", "Вес всегда честный.", "Проверено реагентами."],
        "es": ["Calidad top.", "Peso exacto siempre.", "Probado en laboratorio."],
        "fr": ["Qualité top.", "Poids toujours exact.", "Testé en labo."],
    },
    "fraud": {
        "en": ["Fresh every day.", "Valid rate 80%+.", "Replacement within 24h if invalid.", "Checked before sending.",
               "Auto delivery.", "Bulk prices for resellers.", "No replacement after 12 hours.",
               "Tutorial included for beginners.", "Ammo for your carding: fresh cards every day.",
               "Bulletproof method, tested.", "No guns, no drugs, only data."],
        "de": ["Täglich frisch.", "Ersatz innerhalb von 24h."], "ru": ["Свежие каждый день.", "Замена в течение 24ч."],
        "es": ["Frescos cada día.", "Reemplazo en 24h."], "fr": ["Frais chaque jour.", "Remplacement sous 24h."],
    },
    "digital": {
        "en": ["Instant delivery.", "Automatic delivery.", "Lifetime updates.", "Download link after purchase.",
               "Works on Windows and Linux.", "Support via message.", "Delivered as a zip."],
        "de": ["Sofortige Lieferung.", "Download-Link nach Kauf."], "ru": ["Моментальная доставка.", "Ссылка после оплаты."],
        "es": ["Entrega inmediata."], "fr": ["Livraison instantanée."],
    },
    "shop": {
        "en": ["Fast shipping.", "High quality.", "Best price.", "Satisfaction guaranteed.", "Limited stock.",
               "Great gift idea.", "Check my other items.", "Message me with questions."],
        "de": ["Schneller Versand.", "Top Qualität."], "ru": ["Быстрая доставка.", "Высокое качество."],
        "es": ["Envío rápido.", "Alta calidad."], "fr": ["Envoi rapide.", "Haute qualité."],
    },
    "weapon": {
        "en": ["Legal to own in most countries.", "No licence required.", "Self defence item.", "Ships discreetly.",
               "Great for camping and outdoors.", "For collectors."],
        "de": ["Frei ab 18.", "Kein Waffenschein nötig."], "ru": ["Без лицензии."], "es": ["Sin licencia."],
        "fr": ["Sans permis."],
    },
}

G = ["g", "gram", "grams", "gr", "G"]
WEIGHTS = ["1g", "2g", "3.5g", "5g", "7g", "10g", "14g", "28g", "1oz", "50g", "100g", "QP", "HP", "1/8 oz",
           "250g", "500g", "1kg", "1 gram", "0.5g", "3.5 grams", "an eighth", "1 ounce", "1 lb"]
PILL_N = ["10", "20", "25", "50", "100", "200", "500", "1000", "x10", "x50", "x100"]
COUNTRY = ["NL", "DE", "UK", "USA", "US", "CA", "AU", "ES", "BE", "PL", "EU", "FR", "SE"]

GUNSTRAINS = ["AK-47", "AK47", "AK-48", "AK 47", "Glock", "Glock Kush", "Gunpowder OG", "Sniper", "Bullet",
              "Bulletproof", "Shotgun", "Uzi", "9mm", "9mm OG", "Trainwreck", "Grenade", "Cannon", "Magnum",
              "Ammo Kush", "Tommy Gun", "Gunslinger", "Top Gun", "Colt 45", "Bazooka Joe", "Kalashnikov Kush",
              "Sour Diesel", "Gun Powder", "Smoking Gun", "Machine Gun Kelly OG", "Gatling Gun", "Sniper OG",
              "Bullet Kush", "AK-47 Auto", "AK-47 x Blueberry", "Loaded Gun", "Barrel Kush", "Triggerhappy",
              "Big Gun", "Bangkok Bullet", "Headshot", "Silver Bullet", "Rifle Haze", "Pistol Pete OG",
              "Shotgun Haze", "Revolver OG", "Hollow Point Haze", "Full Metal Jacket", "Rocket Launcher",
              "Blackout OG", "Kalash", "Warhead", "Artillery", "Sniper Haze"]
STRAINS = ["OG Kush", "Amnesia Haze", "White Widow", "Gorilla Glue #4", "Girl Scout Cookies", "Gelato",
           "Wedding Cake", "Zkittlez", "Blue Dream", "Northern Lights", "Purple Haze", "Lemon Haze",
           "Super Silver Haze", "Critical Kush", "Jack Herer", "Runtz", "Sherbet", "Pineapple Express",
           "Granddaddy Purple", "Bubba Kush", "Cheese", "Blueberry", "Skunk #1", "Tangie", "Do-Si-Dos",
           "Strawberry Cough", "Mimosa", "Durban Poison", "Cali Kush", "Moroccan hash", "Lebanese hash",
           "Afghan hash", "Dry sift", "Bubble hash", "Static hash", "Charas", "Pollen", "Ice-o-lator",
           "Lemon Cherry Gelato", "Biscotti", "Apple Fritter", "MAC 1", "Ice Cream Cake"]
GUNPILLS = ["Glock", "Guns N Roses", "Bullet", "Shotgun", "Uzi", "Magnum", "Sniper", "Pistol", "Grenade",
            "Tommy Gun", "AK-47", "Revolver", "Punisher", "Blue Punisher", "Gun", "Bulletproof", "Hand Grenade",
            "Colt", "Rambo", "Terminator", "Call of Duty", "Skull", "Rolex", "Tesla", "Philipp Plein",
            "Red Bull", "Superman", "Donkey Kong", "Pink Panther", "Blue Dolphin", "Heineken", "Lego",
            "Trump", "Domino", "Playboy", "Mitsubishi", "Ferrari", "Audemars", "Dragon", "Batman"]


def slot_weed(R, lang):
    return {"strain": GUNSTRAINS, "ostrain": STRAINS, "w": WEIGHTS, "c": COUNTRY,
            "thc": ["18%", "22%", "24%", "26% THC", "28%", "30%+", "THC 25%"], "_labels": []}


def slot_pill(R, lang):
    return {"pill": GUNPILLS, "mg": ["120mg", "180mg", "200mg", "220mg", "250mg", "280mg", "300mg", "320mg"],
            "n": PILL_N, "col": ["blue", "red", "pink", "green", "orange", "yellow", "purple", "grey", "black", "white"],
            "c": COUNTRY, "_labels": []}


def slot_plain(R, lang):
    return {"w": WEIGHTS, "c": COUNTRY, "n": PILL_N, "strain": STRAINS, "gunname": GUNSTRAINS, "_labels": []}


# --- air guns / airsoft / replicas -----------------------------------------------------------

AIRSOFT_MODELS = ["Tokyo Marui Glock 17", "TM Glock 19", "WE Glock 17", "KJW M1911", "CYMA AK-47", "G&G CM16",
                  "Specna Arms M4", "Tokyo Marui Hi-Capa", "Elite Force Glock", "Umarex Glock 17 Gen5",
                  "VFC MP5", "Krytac Kriss Vector", "ASG CZ Scorpion EVO", "WE M4 GBB", "Double Eagle M4",
                  "LCT AKM", "E&L AK-74", "Tokyo Marui M9A1", "ASG CZ P-09", "KWA M93R", "Marui Desert Eagle",
                  "G&G ARP9", "Ares Amoeba", "Classic Army M4", "TM SIG P226", "Elite Force 1911", "KWC Makarov",
                  "Well MP5K", "Novritsch SSG10", "Jing Gong Uzi"]
AIR_MODELS = ["Gamo Shadow 1000", "Crosman 1377", "Weihrauch HW97", "Diana 34", "Umarex Walther PPK/S",
              "Umarex Beretta M92 A1", "Crosman 2240", "Hatsan 95", "Benjamin Marauder", "Daisy Red Ryder",
              "Umarex Legends Makarov", "Gletcher PM", "Gletcher TT", "Umarex Colt Python", "Gamo PT-85",
              "Crosman 1911BB", "Umarex Glock 19 CO2", "Baikal MP-654K", "MP-532", "Crosman Vigilante",
              "Sig Sauer MCX air rifle", "Umarex S&W M&P40", "Hatsan Flash", "Air Arms S510", "Umarex Smith & Wesson 586",
              "Borner KMB-44", "Stoeger X20", "Umarex Legends AK", "Gletcher APS", "Crosman Pumpmaster 760"]
BLANKS = ["Zoraki 917", "Ekol Firat Compact", "Retay 84FS", "Bruni 92", "Walther P22 PAK", "Ekol Jackal Dual",
          "Zoraki 914 Auto", "Retay Mod 92", "Umarex Walther PPK/S blank", "ME 38 Magnum", "Röhm RG 88",
          "Zoraki R1 revolver", "Ekol Viper", "Retay G17 blank", "Kimar Lady K", "Blow TR92", "Ekol ASI"]
REPLICAS = ["Denix Colt Peacemaker", "Denix Luger P08", "Denix Thompson M1928", "Denix AK-47 replica",
            "Denix Mauser C96", "Denix Walther P38", "Denix M16", "Denix Uzi", "Denix Glock", "Denix 1911",
            "Desert Eagle prop replica", "John Wick prop pistol", "movie prop revolver", "rubber training pistol",
            "blue training gun", "dummy Glock (training)", "non-firing MP40 replica", "Winchester 1892 replica",
            "Brown Bess musket replica", "flintlock pistol decorative"]
TOYS = ["Nerf Elite blaster", "water gun", "gel blaster (orbeez)", "cap gun", "toy pistol", "foam dart blaster",
        "bubble gun", "gel ball blaster AK", "kids toy revolver", "Super Soaker", "rubber band gun", "laser tag set",
        "cork gun", "toy shotgun with sound", "Gel blaster Glock style", "Nerf Rival Kronos"]


def slot_air(R, lang):
    return {"asm": AIRSOFT_MODELS, "am": AIR_MODELS, "bm": BLANKS, "rm": REPLICAS, "toy": TOYS,
            "ac": [".177", "4.5mm", ".22", "5.5mm", "6mm", "6.35mm", "4.5 mm BB"],
            "fps": ["280 fps", "320 fps", "350 FPS", "400fps", "495 fps", "1000 fps", "1250 fps", "7.5 J", "<3J", "16 J"],
            "n": ["100", "250", "500", "1000", "2000", "5000", "10000"], "c": COUNTRY, "_labels": []}


# --- melee / self defence ----------------------------------------------------------------------

def slot_melee(R, lang):
    return {"knife": ["Benchmade 940", "Spyderco Paramilitary 2", "Kershaw Launch", "Cold Steel Recon 1",
                      "Microtech Ultratech OTF", "Karambit", "Balisong", "butterfly knife", "Buck 110", "Ka-Bar",
                      "Gerber Mark II", "Mora Companion", "push dagger", "boot knife", "switchblade", "OTF knife",
                      "gravity knife", "Opinel No.8", "Victorinox Huntsman", "Fox Predator", "Tanto", "machete",
                      "Bowie knife", "throwing knives set", "neck knife", "auto knife", "stiletto", "trench knife"],
            "bl": ["D2 steel", "S30V", "M390", "440C", "AUS-8", "Damascus", "1095 carbon", "N690", "Elmax"],
            "bat": ["expandable baton 21\"", "ASP baton", "telescopic baton", "friction lock baton", "police baton",
                    "tactical baton 26\"", "kubotan", "tactical pen", "steel flashlight baton", "sap / blackjack",
                    "brass knuckles", "knuckle duster", "spiked knuckles", "nunchaku", "tonfa", "sjambok"],
            "tz": ["stun gun 50,000,000V", "taser X26 style", "stun baton", "flashlight stun gun", "Taser Pulse",
                   "Taser 7 (civilian)", "mini stun gun keychain", "lipstick stun gun", "stun knuckles",
                   "TASER X2", "electroshock device", "Phazzer", "Elektroschocker 2 Mio V"],
            "ps": ["pepper spray", "pepper gel", "OC spray", "CS gas spray", "Sabre Red pepper spray",
                   "Mace", "bear spray", "pepper spray gun (JPX)", "pepper ball launcher", "KO-FOG", "defense spray 50ml",
                   "PepperBall TCP", "Byrna HD (kinetic / pepper)", "Byrna SD launcher", "T4E pepper pistol"],
            "xb": ["compound crossbow 175 lbs", "pistol crossbow 80lb", "recurve crossbow", "slingshot (hunting)",
                   "wrist rocket slingshot", "compound bow 70lb", "bolts for crossbow x12", "blowgun 48\"",
                   "throwing stars x6", "sword katana", "spear", "shuriken set", "tomahawk", "axe", "hunting arrows"],
            "c": COUNTRY, "n": ["1", "2", "3", "5", "10"], "_labels": []}


# --- gun words on non-gun goods ----------------------------------------------------------------

def slot_words(R, lang):
    return {
        "tool": ["hot glue gun", "glue gun 100W", "heat gun 2000W", "tattoo gun", "rotary tattoo machine",
                 "nail gun", "framing nailer", "brad nailer", "staple gun", "massage gun", "Theragun Pro",
                 "percussion massage gun", "paint spray gun HVLP", "grease gun", "caulking gun",
                 "soldering gun", "infrared thermometer gun", "radar gun", "airbrush gun", "foam gun",
                 "rivet gun", "impact gun", "sandblasting gun", "label gun", "price tag gun", "snow foam gun",
                 "tire inflator gun", "hot air gun", "glitter gun", "cake decorating gun", "bubble gun", "piercing gun",
                 "ear piercing gun", "dab rig torch gun", "butane torch", "vape pen", "hair dryer"],
        "watch": ["Rolex Daytona gun metal", "G-Shock Gun Metal", "Casio Top Gun", "IWC Top Gun Pilot",
                  "Breitling Avenger gunmetal", "Hublot Big Bang gun metal", "Seiko 5 Sports gunmetal",
                  "Fossil gunmetal chronograph", "Omega Seamaster gun metal dial", "Tag Heuer Carrera gunmetal",
                  "Top Gun Maverick edition watch", "Citizen gun metal strap"],
        "cloth": ["Top Gun bomber jacket", "Top Gun aviator sunglasses", "Glock logo hat", "Glock perfection t-shirt",
                  "Guns N' Roses t-shirt", "Smith & Wesson cap", "AK-47 hoodie", "gun print leggings",
                  "Come and take it flag", "2nd Amendment t-shirt", "Bullet belt (fake bullets)", "camo jacket",
                  "tactical vest (no plates)", "gunmetal grey hoodie", "military surplus jacket", "bulletproof vest IIIA",
                  "plate carrier", "ballistic helmet", "stab vest", "bulletproof backpack insert"],
        "media": ["Top Gun Maverick 4K", "Young Guns DVD", "Guns N' Roses - Appetite for Destruction vinyl",
                  "Smoking Gun (novel)", "The Gun by C.J. Chivers (ebook)", "Guns, Germs, and Steel (ebook)",
                  "Lock, Stock and Two Smoking Barrels bluray", "Full Metal Jacket DVD", "John Wick 1-4 pack",
                  "Gunna - DS4EVER vinyl", "Magnum P.I. complete series", "Shooter (2007) DVD", "Bullet Train 4K",
                  "The Sniper's Wife (novel)", "gun poster pack", "AK-47 wall art", "Glock 3D wall sticker",
                  "revolver tattoo stencil", "Top Gun poster"],
        "game": ["CS:GO AK-47 | Redline skin", "CS2 AWP Dragon Lore", "CS:GO Glock-18 Fade", "CS2 M4A4 Howl",
                 "Call of Duty Warzone account (all guns unlocked)", "PUBG aimbot", "Fortnite account 200 skins",
                 "GTA 5 modded account (all weapons)", "Valorant account Vandal skins", "Escape From Tarkov account",
                 "Battlefield 2042 key", "Rust skins AK", "Apex Legends hack", "CoD MW3 unlock all tool",
                 "Warzone camo unlocker", "Hunt Showdown account", "Counter-Strike prime account", "Rainbow Six account"],
        "jewel": ["bullet pendant necklace", "bullet casing keychain", "AK-47 pendant 14k", "revolver charm bracelet",
                  "gold chain 24\"", "Cuban link chain", "silver ring", "diamond stud earrings", "Glock pendant iced out",
                  "shotgun shell keyring (empty)", "brass casing cufflinks", "grenade pendant", "Rolex bracelet",
                  "gun-shaped lighter", "pistol lighter (torch)", "revolver cigarette lighter", "bullet lighter",
                  "bullet shaped USB stick", "bullet shaped grinder", "bullet bottle opener"],
        "acc": ["gun cleaning kit", "universal gun cleaning kit", "bore snake 9mm", "Hoppe's No.9 solvent",
                "gun oil", "holster for Glock 19", "IWB holster", "leather shoulder holster", "red dot sight",
                "Holosun 507c", "EOTech holographic sight", "4x32 scope", "rifle scope 3-9x40", "night vision monocular",
                "thermal scope", "weapon light", "Streamlight TLR-1", "laser sight", "bipod", "gun safe",
                "trigger lock", "cable gun lock", "ammo can (empty)", "empty ammo box 50 rds", "shooting earmuffs",
                "shooting glasses", "range bag", "magazine pouch", "mag pouch x3", "sling", "rifle case",
                "pistol case", "target paper x100", "steel targets", "chronograph", "snap caps 9mm (dummy rounds)",
                "dummy rounds (inert)", "laser bore sighter", "speed loader (empty)", "gun rack"],
        "cart": ["THC vape cartridges", "vape carts 1ml", "Dank vapes carts", "dab cartridges", "CBD cartridges",
                 "whipped cream chargers (N2O) x50", "CO2 cartridges 12g x25", "printer ink cartridges HP 302",
                 "toner cartridge", "razor cartridges Gillette", "gas cartridges for camping stove",
                 "soda siphon cartridges", "water filter cartridge", "Game Boy cartridges", "SNES cartridge lot",
                 "N64 cartridges", "Brita cartridges", "fountain pen ink cartridges", "shaving cartridges"],
        "mag": ["Playboy magazine collection", "High Times magazine 1990s", "National Geographic magazines",
                "PDF magazines bundle 2000 issues", "Vogue magazine archive", "magazine subscription (any)",
                "Wired magazine PDF", "Economist 2023 PDF", "money clip", "hair clips set", "paper clips 1000",
                "magazine rack", "Guns & Ammo magazine 1985 (collectors, paper)", "comic magazine lot"],
        "switch": ["Nintendo Switch OLED", "Nintendo Switch jailbroken", "network switch 24 port", "Cisco switch",
                   "light switch", "Switch games pack", "mechanical keyboard switches (90 pcs)", "Cherry MX switches",
                   "Gateron switches", "KVM switch", "Switch modchip (SX Core)", "Nintendo Switch lite"],
        "recv": ["AV receiver Denon", "Bluetooth receiver", "SDR receiver RTL-SDR", "GPS receiver", "satellite receiver",
                 "radio receiver", "wireless receiver for mouse", "HackRF One", "Flipper Zero", "Proxmark3",
                 "IMSI catcher kit", "GSM jammer", "WiFi pineapple", "lockpick set", "bump keys"],
        "tools": ["woodworking jig", "pocket hole jig", "dovetail jig", "fishing jig heads x50", "jig saw", "drill press",
                  "bolt cutters", "bolt assortment M6", "car exhaust silencer", "muffler for Honda Civic",
                  "generator silencer box", "bike frame 54cm", "picture frame set", "eyeglass frames Ray-Ban",
                  "glasses frames", "oak barrel 5L", "whisky barrel", "rain barrel", "barrel bag", "slide projector",
                  "slide hammer", "water slide", "slides (sandals) Yeezy", "Gucci slides", "trigger sprayer bottles",
                  "gaming phone triggers (PUBG)", "mobile trigger buttons", "trigger point massage ball",
                  "lower back brace", "upper body workout band", "e-bike conversion kit 1000W", "LED conversion kit H7",
                  "car parts: brake pads", "turbo kit", "exhaust system", "shock absorbers", "catalytic converter",
                  "spring compressor", "firing pin for ... nope: carburetor kit", "kitchen knife set"],
    }


# --- 3-D printing and manuals (not guns) -------------------------------------------------------

def slot_print(R, lang):
    return {
        "obj": ["Warhammer 40k miniatures", "D&D miniatures pack", "Baby Yoda figurine", "Pokemon figures",
                "cosplay helmet (Mandalorian)", "Iron Man helmet", "articulated dragon", "vase mode vases",
                "phone stand", "cable organizer", "planters", "lithophane lamp", "chess set", "drone frame",
                "RC car parts", "cookie cutters", "keychains", "desk organizer", "headphone stand", "Benchy",
                "tabletop terrain", "flexi animals", "wall hooks", "Gridfinity bins", "voron parts", "anime figures",
                "model train parts", "GoPro mounts", "fidget toys", "Star Wars blaster prop (non-functional)",
                "cosplay prop sword", "Halo Energy Sword prop", "NERF mod parts", "airsoft hop-up parts"],
        "fil": ["PLA filament 1kg", "PETG 1.75mm", "ABS filament", "TPU flexible filament", "nylon filament",
                "carbon fiber PLA", "silk PLA", "resin 1L"],
        "pr": ["Ender 3 V2", "Prusa MK4", "Bambu Lab P1S", "Anycubic Photon", "Elegoo Mars", "Creality K1", "Voron 2.4 kit"],
        "ppart": ["hotend", "nozzle set 0.4mm", "extruder", "build plate PEI", "stepper motor", "mainboard",
                  "bed leveling sensor BLTouch", "belt kit", "fan duct", "heater block"],
        "app": ["Samsung washing machine", "Bosch dishwasher", "LG TV", "Canon EOS 5D", "Honda Civic 2008",
                "Toyota Corolla", "Dyson V11", "Philips air fryer", "DJI Mavic 3", "iPhone 14", "PlayStation 5",
                "Thermomix TM6", "Husqvarna chainsaw", "Yamaha outboard motor", "Stihl MS 250", "KitchenAid mixer",
                "Makita drill", "Volkswagen Golf Mk7", "BMW E46", "Nikon D750"],
        "n": ["50", "100", "200", "500", "1000", "5000", "10k"], "gb": ["2 GB", "15 GB", "40GB", "120 GB", "600 MB"],
        "_labels": []}


# --- drugs, fraud, digital, counterfeits ---------------------------------------------------------

def slot_drug(R, lang):
    return {"w": WEIGHTS, "c": COUNTRY, "n": PILL_N,
            "coke": ["Cocaine", "Peruvian cocaine", "Colombian coke", "cocaine HCL", "fishscale cocaine", "crack cocaine",
                     "coke 90%", "uncut cocaine", "Bolivian flake", "cocaine (pure)", "crack rocks"],
            "pur": ["85%", "90%", "92%", "94% pure", "80%", "uncut", "FISHSCALE"],
            "opi": ["Oxycodone 30mg", "OxyContin 80mg", "Percocet 10/325", "heroin #4", "brown heroin", "black tar",
                    "fentanyl patches 100mcg", "methadone 40mg", "Dilaudid 8mg", "Tramadol 200mg", "codeine syrup",
                    "Subutex 8mg", "morphine 100mg", "Opana 40"],
            "benz": ["Xanax 2mg bars", "Xanax 1mg", "Valium 10mg", "diazepam 10mg", "alprazolam 2mg", "Klonopin 2mg",
                     "clonazepam", "etizolam 1mg", "bromazolam", "lorazepam 2.5mg", "Rivotril 2mg", "flualprazolam"],
            "psy": ["LSD 200ug blotters", "LSD tabs 150µg", "1P-LSD", "magic mushrooms", "psilocybe cubensis",
                    "golden teacher", "DMT 1g", "ketamine shards", "ketamine 1g", "2C-B 20mg", "mescaline", "ayahuasca kit",
                    "MDMA crystal 84%", "MDMA 1g champagne", "molly", "4-MMC", "3-MMC", "GHB 100ml", "nitrous tank"],
            "stim": ["speed paste", "amphetamine sulphate", "crystal meth", "Adderall 30mg", "Ritalin 10mg",
                     "Vyvanse 70mg", "modafinil 200mg", "meth shards", "Ice", "Dexedrine"],
            "pharm": ["Viagra 100mg", "Cialis 20mg", "testosterone enanthate 250", "Anavar 10mg", "Dianabol",
                      "Trenbolone", "Clenbuterol", "HGH 100iu", "Sildenafil", "Ozempic pen", "Lyrica 300mg",
                      "Seroquel 100mg", "Ambien 10mg", "Zopiclone 7.5mg"],
            "strain": STRAINS, "strain2": STRAINS, "_labels": []}


def slot_fraud(R, lang):
    return {"c": ["US", "UK", "CA", "EU", "AU", "DE", "FR", "ES", "IT", "NL", "worldwide"],
            "bank": ["Chase", "Wells Fargo", "BoA", "Barclays", "HSBC", "Santander", "Lloyds", "ING", "Citi",
                     "Capital One", "TD", "Revolut", "N26", "Monzo", "Deutsche Bank"],
            "bal": ["$1k-5k", "$5,000+", "$10k+", "£2k", "€3000-8000", "$20k balance", "$500-1500"],
            "n": ["1", "5", "10", "25", "50", "100", "500", "1000", "10k", "100k"],
            "doc": ["driver's license", "passport", "ID card", "residence permit", "SSN card", "utility bill",
                    "bank statement", "birth certificate", "student ID", "press card", "diploma"],
            "notes": ["50 EUR", "20 EUR", "100 USD", "20 GBP", "50 GBP", "100 EUR", "10 EUR", "200 CHF"],
            "acc": ["Netflix", "Spotify Premium", "Disney+", "HBO Max", "NordVPN", "ExpressVPN", "Amazon Prime",
                    "PayPal", "Cash App", "Venmo", "Uber Eats", "Deliveroo", "Coinbase", "Binance", "Airbnb",
                    "eBay", "Steam", "OnlyFans", "Tinder Gold", "Crunchyroll", "Canva Pro", "ChatGPT Plus"],
            "gc": ["Amazon", "Walmart", "Apple", "Google Play", "Steam", "Visa prepaid", "Target", "Starbucks",
                   "Best Buy", "Sephora", "Zalando"],
            "_labels": []}


def slot_digital(R, lang):
    return {"n": ["1", "10", "100", "1k", "10k", "1M", "50M", "500k"],
            "db": ["Ledger customers", "LinkedIn scrape", "Facebook 533M", "T-Mobile", "MyFitnessPal", "Canva",
                   "Twitter 200M", "Deezer", "Twitch source", "dating site", "crypto exchange", "gaming forum",
                   "hospital records", "telecom", "university", "e-commerce shop", "airline loyalty"],
            "tool": ["RAT", "crypter FUD", "keylogger", "stealer logs", "botnet access", "DDoS service", "SMS bomber",
                     "phishing kit", "exploit kit", "ransomware builder", "SQLi dumper", "combo list", "checker",
                     "bulletproof hosting", "VPS offshore", "SOCKS5 proxies", "RDP access", "cPanel shells",
                     "webshells", "SMTP server", "mailer", "Silencer RAT", "Sniper Stealer", "Shotgun spam tool",
                     "Bullet botnet", "Ammo combo pack", "Magnum crypter", "Glock stealer logs", "Uzi checker",
                     "Trigger bot (game)", "Headshot aimbot"],
            "guide": ["carding guide 2024", "how to cash out PayPal", "SIM swap tutorial", "dropshipping course",
                      "make $1000/day method", "social engineering bible", "refund method Amazon", "OPSEC guide",
                      "Tor and Tails setup guide", "lockpicking manual", "grow guide (indoor cannabis)",
                      "MDMA synthesis guide", "meth cook book", "bank drop guide", "stealth shipping guide",
                      "crypto tumbling guide", "darknet vendor guide", "Amazon FBA course", "forex bot",
                      "betting fixed matches", "how to make fake IDs", "counterfeit money printing guide",
                      "Anarchist Cookbook (text)", "survival guide SAS", "first aid manual", "hunting guide for beginners",
                      "fishing guide", "self defense techniques ebook", "Krav Maga manual", "knife fighting guide",
                      "lock bypass guide", "car hacking (keyless) guide", "ATM jackpotting guide"],
            "_labels": []}


def slot_counterfeit(R, lang):
    return {"brand": ["Rolex Submariner", "Rolex Datejust", "AP Royal Oak", "Patek Nautilus", "Omega Speedmaster",
                      "Cartier Santos", "Louis Vuitton Neverfull", "Gucci belt", "Hermes Birkin", "Chanel Classic Flap",
                      "Nike Air Jordan 1", "Yeezy 350", "Moncler jacket", "Canada Goose parka", "Stone Island jumper",
                      "Ray-Ban Aviator", "AirPods Pro", "Apple Watch Ultra", "Prada bag", "Balenciaga Triple S",
                      "Off-White hoodie", "Dior sneakers", "Versace shirt", "Burberry scarf", "Montblanc pen"],
            "grade": ["1:1", "AAA", "super clone", "mirror quality", "top grade", "A+", "noob factory", "VSF", "Clean factory"],
            "c": COUNTRY, "_labels": []}


def S(name, n, slotter, titles, desc, cats, price, domain, obf=0.05, langs=("en",), multipart=0.02):
    return {"name": name, "n": n, "labels": [], "slotter": slotter, "titles": titles, "desc": desc,
            "cats": cats, "price": price, "domain": domain, "obf": obf, "langs": list(langs),
            "multipart": multipart}


ALL5 = ("en", "de", "ru", "es", "fr")

SPECS = [
    # ---------------- drugs named like guns
    S("weed_gunstrain", 340, slot_weed, [
        "{strain} {w}", "{strain} - {w} - {thc}", "{w} {strain}", "{strain} (indoor) {w}", "{strain} kush {w}",
        "{strain} cannabis {w}", "{strain} weed {thc}", "Top shelf {strain} {w}", "{strain} buds {w}",
        "{strain} seeds x{n}".replace("{n}", "5"), "{strain} feminized seeds", "{strain} autoflower seeds x3",
        "{strain} {w} [{c}]", "{strain} hash {w}", "{strain} | {w} | {thc}", "{strain} outdoor {w}",
        "{strain} AAA+ {w}", "{strain} x {ostrain} {w}", "{strain} pre-rolls x5", "{strain} THC vape cart",
        "{strain} shatter {w}", "{strain} live resin 1g", "{strain} edibles 100mg", "{strain} gummies",
        "{w} of {strain} - best price", "{strain} - {c} - {w}", "{strain} {w} (sample)", "{strain} greenhouse {w}",
        "Kush: {strain} {w}", "{strain} wax {w}", "{strain} clones", "{strain} bud {w} FREE SHIPPING",
        "{strain} {thc} THC", "{strain}!! {w}", "{w} {strain} indica", "{strain} sativa {w}",
    ], [
        "{strain} is a hybrid strain with {thc} THC.", "Sticky, frosty buds.", "Strong body high, great for evenings.",
        "Smells like diesel and pine.", "Grown indoors under LED.", "Hand trimmed, slow cured for 4 weeks.",
        "Dense nugs, no larf.", "Lab tested {thc}.", "Our best seller.", "Hits like a bullet.",
        "Knocks you out like a shotgun blast lol.", "One of the classic strains, winner of several cups.",
        "Grown by our partner in {c}.", "Sealed in mylar, smell proof.", "Weights are always over.",
        "Also available: {ostrain}.", "Sativa dominant.", "Indica dominant, couch lock.",
        "Effects: euphoric, relaxed, hungry.", "Flavour: earthy, skunky, sweet.", "Good bag appeal.",
        "Autoflower, 8-9 weeks from seed.", "Feminized seeds, high germination rate.",
    ], "cannabis", (10, 300), "drug", obf=0.07, langs=ALL5),
    S("pill_gunname", 260, slot_pill, [
        "{pill} {mg} MDMA pills x{n}", "{n}x {pill} {mg}", "{col} {pill} {mg}", "{pill} XTC {mg}",
        "{pill} ecstasy pills {n}", "{pill} pills - {mg} - {col}", "{n} {col} {pill}s", "{pill} {mg} (lab tested)",
        "{pill} XTC {n} pcs", "{col} {pill} XTC", "Ecstasy {pill} {col} {mg}", "{pill} press {mg} MDMA",
        "{pill} x{n} [{c}]", "{pill} - strongest pills on the market", "{col} {pill}s {mg} x{n}", "{pill} {n}x",
        "XTC: {pill} {mg}", "{pill} MDMA pill", "{pill} pillen {mg}", "{col} {pill} - {n} pills",
        "{pill} 'double stack' {mg}", "{pill} XTC {mg} - restock", "{pill} bulk {n}", "NEW: {pill} {mg}",
    ], [
        "Contains {mg} MDMA HCL.", "Lab tested: {mg}, no cuts.", "Start with half a pill.", "Strong rolls, clean comedown.",
        "Pressed in {c}.", "{col}, with a {pill} logo on the front, breakline on the back.",
        "Very strong, be careful, take half.", "Pills are hard pressed, don't crumble.", "Same batch as before.",
        "Great for festivals.", "Test with reagent before use.", "Price per {n} pills.", "New batch of {pill}s!",
    ], "ecstasy", (40, 600), "drug", obf=0.06, langs=ALL5),
    S("coke_bullet", 120, slot_drug, [
        "Cocaine bullet snorter + {w} coke", "Snuff bullet (dispenser)", "{coke} {w} + free bullet",
        "Bullet snorter aluminium", "Coke 'bullets' - {w} pre-portioned", "{coke} {w} - hits like a 9mm",
        "Sniffer bullet gold", "Bullet one-hitter", "{coke} {pur} {w} - ammo for the weekend",
        "Rocket fuel {w}", "Party ammo: {coke} {w}", "{w} {coke} [{c}] - bulletproof stealth",
        "Snow bullets x10", "Magnum bag {coke} {w}", "Silver bullet snuff dispenser x3", "Key bump + bullet set",
        "{coke} - 'the gun' - {w}", "Glock brand coke {w} (stamp on brick)", "{coke} brick stamp 'AK47' {w}",
    ], [
        "Snuff bullet with screw cap.", "Aluminium, fits in your pocket.", "Cocaine {pur}, fishscale.",
        "Brick stamped with a gun logo.", "Straight off the brick.", "Portioned into small bullets.",
        "Sealed with vacuum and smell proof bags.", "Price per {w}.", "Bullets are refillable.",
        "Great for discreet use at parties.", "Ships from {c}.", "Reagent tested.",
    ], "stim", (20, 400), "drug", obf=0.06, langs=ALL5),
    S("cart_ammo", 60, slot_plain, [
        "{gunname} vape cartridges 1ml x{n}", "Sour Diesel ammo (carts)", "THC cartridges - 'ammo' packs {n}",
        "Dank carts {gunname}", "510 cartridges {gunname} 90% THC", "Cartridges 1g {strain}", "THC carts x{n} [{c}]",
        "{strain} cartridge 1ml", "Vape ammo: {n} carts", "Empty vape cartridges x100", "Cartridge (1g) {strain} distillate",
        "Live resin carts {gunname}", "{n} x CBD cartridges", "Carts restock {strain} / {gunname}",
    ], [
        "510 thread.", "Full gram, 90% distillate.", "Lab tested, no vitamin E.", "Ceramic coil.",
        "Flavour: {strain}.", "Price per {n}.", "Does not leak.", "Ships from {c}.",
    ], "cannabis", (15, 300), "drug", langs=ALL5),
    # ---------------- air guns, airsoft, blank guns, replicas, toys
    S("airsoft", 200, slot_air, [
        "{asm} airsoft", "{asm} GBB", "{asm} AEG {fps}", "Airsoft {asm} {fps}", "{asm} gas blowback pistol",
        "{asm} + 2 mags (airsoft)", "{asm} airsoft pistol 6mm", "{asm} softair", "{asm} green gas", "{asm} CO2",
        "{asm} - upgraded - {fps}", "{asm} airsoft rifle", "Airsoft gun {asm} like new", "{asm} (6mm BB)",
        "{asm} spare magazine (airsoft)", "Airsoft {asm} hi-cap mag", "{asm} midcap mags x5 (airsoft)",
        "Airsoft suppressor 14mm CCW", "Airsoft tracer unit", "Airsoft silencer + flash hider (14mm-)",
        "Airsoft drum mag 2500 rounds", "Airsoft hop-up unit", "Airsoft gearbox V2", "Airsoft barrel 6.03 tightbore",
        "Airsoft BBs 0.25g x{n}", "6mm BBs 0.20g {n} pcs", "Bio BBs 0.28g", "Tracer BBs 0.25", "Airsoft grenade (gas)",
        "{asm} - FULL AUTO (airsoft)", "{asm} full metal, blowback", "{asm} with red dot (airsoft)",
        "Airsoft AK-47 electric full auto", "Airsoft Glock 17 replica gas",
    ], [
        "Airsoft, shoots 6mm plastic BBs.", "{fps} with 0.20g BBs.", "Full metal body.", "Gas blowback, very realistic.",
        "Not a real firearm.", "Orange tip removed.", "Battery and charger included.", "Uses green gas or CO2.",
        "Upgraded hop-up and inner barrel.", "Skirmish ready.", "Used in 3 games.", "Magazines hold 120 BBs.",
        "Full auto and semi.", "Great for CQB.", "18+ only.", "Legal in {c} without a licence.",
        "Fits most AEG platforms.", "14mm CCW thread.",
    ], "airgun", (10, 450), "weapon", obf=0.06, langs=ALL5),
    S("airgun", 190, slot_air, [
        "{am} air rifle {ac}", "{am} air pistol {ac}", "{am} CO2 pistol {ac}", "{am} BB pistol", "{am} {ac} {fps}",
        "Air rifle {am} ({ac})", "{am} PCP {ac}", "{am} spring air rifle", "{am} underlever {ac}", "{am} break barrel",
        "CO2 BB pistol {am}", "{am} CO2 revolver {ac}", "{am} + scope {ac}", "{ac} pellets x{n}", "JSB pellets {ac} x{n}",
        "H&N Field Target pellets {ac}", "Crosman pellets {ac} {n} pcs", "BB steel 4.5mm x{n}", "Daisy BBs {n}",
        "Lead pellets {ac} tin of {n}", "Pointed pellets {ac}", "CO2 capsules 12g for {am}", "{am} magazine (BB, CO2)",
        "{am} spare CO2 magazine", "Air gun pellets {ac} hollow point", "{am} {fps} - no licence", "Luftgewehr {am} {ac}",
        "{am} pellet gun", "{am} BB gun (CO2) blowback", "Air pistol {am} {fps}", "{am} {ac} - full auto BB",
        "{ac} slugs for PCP x{n}", "Pellet trap", "{am} (F) {ac} 12 ft-lb",
    ], [
        "{ac} calibre air gun.", "Air gun, not a firearm.", "Shoots {ac} pellets.", "Shoots 4.5mm steel BBs.",
        "{fps} muzzle velocity.", "Powered by 12g CO2 capsules.", "Spring piston, single shot.",
        "PCP, needs a pump or tank.", "Legal without a licence in {c} (under 7.5J).", "Great for plinking and pest control.",
        "Comes with scope rings.", "Metal slide with blowback.", "Looks exactly like the real one.",
        "Tin of {n} pellets.", "Price per tin.", "Diabolo pellets, round head.",
    ], "airgun", (10, 700), "weapon", obf=0.06, langs=ALL5),
    S("blankgun", 140, slot_air, [
        "{bm} blank pistol 9mm PAK", "{bm} blank gun", "{bm} starter pistol", "{bm} gas/alarm pistol",
        "Blank firing pistol {bm}", "{bm} (blank, 9mm P.A.K.)", "{bm} signal pistol + flares", "{bm} schreckschuss",
        "9mm PAK blanks x50", "9mm P.A.K. blank cartridges box 50", "Blank cartridges .380 x50", "Knall Patronen 9mm PAK",
        "{bm} chrome blank", "{bm} + 50 blanks", "Pepper cartridges 9mm PAK (CS) x10", "Flare launcher 15mm + flares",
        "Starter pistol 6mm blanks (sport)", "Blanks 6mm Flobert x100", "{bm} - legal, no licence (blank)",
        "{bm} with PTB certificate", "{bm} blank revolver .380", "{bm} fake gun that goes bang", "Alarm gun {bm}",
        "Flare gun 26.5mm", "Flare gun 12 gauge orange (emergency)", "Signal cartridges 15mm x6", "Starting pistol for races",
    ], [
        "Blank firing only, cannot fire live ammunition.", "PTB approved.", "Not converted, original blank gun.",
        "Great for film and theatre.", "Fires 9mm P.A.K. blanks and CS cartridges.", "Very loud.",
        "Barrel is blocked.", "Free to buy over 18 in {c}.", "Comes with a box of blanks.",
        "For signal / alarm use.", "Used for dog training.", "Blanks: no projectile.",
    ], "airgun", (20, 300), "weapon", obf=0.06, langs=ALL5),
    S("replica_toy", 110, slot_air, [
        "{rm}", "{rm} (non-firing)", "{rm} replica", "Replica {rm}", "{rm} - decorative", "{rm} film prop",
        "{toy}", "{toy} for kids", "{toy} x2", "{toy} pack", "Toy gun: {toy}", "{rm} wall display",
        "{rm} - full size, metal", "Prop gun {rm}", "Deactivated? no: {rm} (never was a gun)", "{toy} (blue)",
        "Training pistol (rubber) Glock-size", "Blue gun (training replica)", "Dummy AR-15 (rubber)",
    ], [
        "Non-firing replica, cannot be converted.", "Decorative, metal and wood.", "Great for collectors and films.",
        "Toy for kids 8+.", "Shoots water.", "Shoots foam darts.", "Made in Spain.", "Weight 1.1 kg.",
        "For display only.", "Rubber training pistol, used in martial arts.", "Looks real, do not carry in public.",
    ], "airgun", (10, 250), "shop", obf=0.05, langs=ALL5),
    # ---------------- melee & self defence
    S("knife", 160, slot_melee, [
        "{knife}", "{knife} {bl}", "{knife} - {bl} blade", "Tactical {knife}", "{knife} folding knife",
        "{knife} EDC", "{knife} (new)", "{knife} x{n}", "{knife} + sheath", "{knife} automatic", "{knife} {bl} - tanto",
        "{bat}", "{bat} - steel", "{bat} black", "{bat} x{n}", "Self defense {bat}", "{bat} (legal?)",
        "{knife} damascus", "CS:GO style {knife}", "{knife} - not for kids", "{knife} spring assisted",
    ], [
        "{bl} blade, razor sharp.", "Blade length 9cm.", "G10 handle.", "Opens with one hand.", "Comes with sheath.",
        "Steel, heavy.", "Expands with a flick.", "Legal? Check your local laws.", "For EDC and outdoor.",
        "Perfect for protection, lighter than a gun and no licence.", "Not a toy.", "Full tang.",
        "Made in {c}.", "Great for camping.", "Collector piece.",
    ], "weapon_other", (15, 350), "weapon", obf=0.04, langs=ALL5),
    S("taser_spray", 160, slot_melee, [
        "{tz}", "{tz} + holster", "{tz} rechargeable", "{tz} x{n}", "{tz} - protect yourself", "{ps}", "{ps} 50ml",
        "{ps} x{n}", "{ps} - strongest", "{ps} (police grade)", "{ps} refill", "{ps} keychain", "{tz} with flashlight",
        "Self defence: {ps}", "Self defense set: {ps} + {tz}", "{ps} ammo (pepper balls) x{n}",
        "Pepper balls .68 cal x{n}", "{tz} cartridges (taser) x{n}", "Taser cartridges 15ft x2", "{ps} for women",
        "{tz} - stops anyone", "{ps} - OC 10%", "Kinetic rounds .68 cal (Byrna) x95",
    ], [
        "Protect yourself without a gun.", "Non-lethal.", "Stops an attacker in seconds.", "Range 4 metres.",
        "OC 10%, 2 million SHU.", "Rechargeable via USB.", "Very loud spark, scares attackers.",
        "Cartridges for taser, 15 ft range.", "Legal for self defence in many places.", "Safer than a firearm.",
        "Pepper balls, not lethal, for launchers.", "Ships from {c}.", "Police grade strength.", "Fits in a purse.",
        "Safer than carrying a gun.", "Not lethal, no ammunition.",
    ], "weapon_other", (10, 400), "weapon", obf=0.05, langs=ALL5),
    S("ranged_other", 70, slot_melee, [
        "{xb}", "{xb} + bolts", "{xb} - hunting", "{xb} (no licence)", "{xb} x{n}", "Crossbow: {xb}", "Hunting {xb}",
        "{xb} black", "{xb} with scope", "Smoke grenade (paintball) x{n}", "Paintball marker Tippmann 98",
        "Paintball gun + hopper", "Paintballs .68 x2000", "Slingshot ammo steel balls 8mm x{n}",
    ], [
        "Shoots bolts up to 300 fps.", "Scope and quiver included.", "Silent and deadly for hunting.",
        "No licence needed in {c}.", "Great alternative to a rifle.", "Paintball, .68 cal.", "Steel balls for slingshot.",
    ], "weapon_other", (20, 600), "weapon", langs=ALL5),
    # ---------------- gun words on other goods
    S("gun_tools", 170, slot_words, [
        "{tool}", "{tool} - new", "{tool} pro", "{tool} x{n}".replace("{n}", "2"), "Professional {tool}",
        "{tool} cordless", "{tool} + accessories", "{tool} (used)", "{tool} kit", "{tool} 220V",
        "{tool} - cheap", "Best {tool} 2024", "{tool} set", "{tool} (brand new, boxed)", "{tool} - ships fast",
    ], [
        "Cordless, 18V battery.", "Heats up in 3 minutes.", "Includes 20 glue sticks.", "Adjustable temperature.",
        "6 speed levels, 4 heads.", "Great for DIY.", "Used twice, works perfect.", "Comes with case.",
        "For professional tattoo artists.", "Rotary machine, quiet.", "Shoots 18 gauge brads.", "Plug type EU.",
        "Paint spray gun with 1.4mm nozzle.", "Perfect for sore muscles.", "Works great, no issues.",
    ], "electronics", (10, 300), "shop", obf=0.04, langs=ALL5),
    S("gun_watch_cloth", 150, slot_words, [
        "{watch}", "{watch} {?replica}", "{watch} 1:1", "{watch} - super clone", "{cloth}", "{cloth} size L",
        "{cloth} - all sizes", "{cloth} (new)", "{media}", "{media} - digital", "{media} (used)", "{jewel}",
        "{jewel} 925 silver", "{jewel} gold plated", "{jewel} - handmade", "{watch} (AAA)", "{cloth} x{n}".replace("{n}", "2"),
    ], [
        "Gun metal finish, sapphire crystal.", "Automatic movement.", "Looks exactly like the original.",
        "100% cotton.", "Made from real (spent, empty) brass casings.", "Gold plated.", "Great gift.",
        "Sizes S-XXL.", "Shipping worldwide.", "Original packaging.", "Level IIIA, stops 9mm and .44 Magnum.",
        "Stops handgun rounds up to .44 Magnum.", "Plates not included.", "Region free.", "Lighter shaped like a pistol.",
    ], "counterfeit", (10, 450), "shop", obf=0.04, langs=ALL5),
    S("game_items", 110, slot_words, [
        "{game}", "{game} - instant", "{game} (Factory New)", "{game} cheap", "{game} + full access", "{game} - undetected",
        "{game} lifetime", "{game} 30 days", "CS2 skins: {game}", "{game} [FN]",
    ], [
        "Instant delivery via trade.", "Full access, email changeable.", "Undetected since 2021.", "Works with latest patch.",
        "All weapons and camos unlocked.", "Skin float 0.01.", "Delivered via Steam trade.", "Aimbot, ESP, no recoil.",
    ], "digital", (5, 800), "digital", obf=0.04, langs=ALL5),
    S("accessories", 180, slot_words, [
        "{acc}", "{acc} - new", "{acc} (used)", "{acc} x{n}".replace("{n}", "2"), "{acc} for Glock", "{acc} for AR-15",
        "{acc} - universal", "Tactical {acc}", "{acc} black", "{acc} OEM", "{acc} - fits 9mm/.40/.45", "{acc} + case",
        "{acc} for AK", "{acc} (surplus)", "{acc} - ships from {c}".replace("{c}", "US"),
    ], [
        "Accessory only, no firearm included.", "Fits most pistols.", "Fits Glock 17/19/26.", "Universal fit.",
        "Scope, 1 MOA adjustments.", "Waterproof.", "For pistols and rifles.", "Empty, no ammo.",
        "Does not include the gun.", "Fits 9mm, .40 and .45 bores.", "Dummy rounds, inert, no powder or primer.",
        "Leather, hand made.", "Kydex, retention adjustable.", "Battery included.", "Military surplus, empty.",
    ], "weapon_other", (10, 700), "gun", obf=0.05, langs=ALL5),
    S("word_traps", 170, slot_words, [
        "{cart}", "{cart} x{n}".replace("{n}", "10"), "{mag}", "{mag} - lot", "{switch}", "{switch} (new)",
        "{recv}", "{recv} - tested", "{tools}", "{tools} - new", "{tools} x2", "{cart} (bulk)", "{switch} + games",
        "{recv} kit", "{tools} (used)", "{mag} PDF",
    ], [
        "Brand new in box.", "Compatible with most models.", "Tested and working.", "Works great.", "Unopened.",
        "Comes with original accessories.", "Price is for one unit.", "Bulk discount.", "Fits 2008-2014 models.",
        "Jailbroken, 100 games installed.", "Stainless steel.", "Includes manual.",
    ], "electronics", (5, 500), "shop", obf=0.05, langs=ALL5),
    # ---------------- 3-D printing, manuals
    S("printing", 170, slot_print, [
        "{obj} STL files", "{obj} STL pack ({n} files)", "{obj} - 3D print files", "{obj} 3D printed", "{fil}", "{fil} x3",
        "{pr} 3D printer", "{pr} (used)", "{ppart} for {pr}", "{ppart} - {pr} compatible", "STL mega bundle {gb} (figurines)",
        "Patreon STL collection {gb}", "3D printable {obj}", "Print your own {obj}", "{obj} CAD files (Fusion 360)",
        "CAD course (SolidWorks) beginner", "Blender models pack {n}", "{obj} - printed in PLA", "{obj} print service",
        "3D printing service (your STL)", "{obj} .stl + .3mf", "Custom 3D prints - any STL",
    ], [
        "STL files for {obj}.", "Pre-supported for resin printers.", "Printed on a {pr}.", "Instant download.",
        "Over {n} files.", "Tested prints.", "Works with any slicer.", "For FDM and resin.", "Personal use only.",
        "Layer height 0.12mm.", "Shipped in a box with bubble wrap.", "{fil} included.", "Print your own at home!",
    ], "design", (3, 400), "digital", obf=0.03, langs=ALL5),
    S("manuals", 130, slot_print, [
        "{app} user manual PDF", "{app} service manual", "{app} repair manual", "Workshop manual {app}",
        "{app} owner's manual", "Blueprints: house plans pack", "Tiny house blueprints", "Drone frame CAD blueprint",
        "{app} wiring diagrams", "Service manual collection {gb}", "{app} parts catalogue", "Haynes manual {app}",
        "Arduino projects ebook", "Electronics for beginners PDF", "Machining handbook (Machinery's Handbook) PDF",
        "Lathe operation manual", "CNC programming guide", "Woodworking plans {n}", "{app} firmware + manual",
    ], [
        "PDF, searchable.", "{n} pages.", "Official factory manual.", "Covers all models.", "Instant delivery.",
        "Includes wiring diagrams.", "English and German.", "Digital download only.", "Great for DIY repairs.",
    ], "design", (3, 60), "digital", obf=0.03, langs=ALL5),
    # ---------------- ordinary drugs
    S("cannabis", 330, slot_drug, [
        "{strain} {w}", "{w} {strain}", "{strain} - {w}", "{strain} indoor {w}", "Top shelf {strain}", "{strain} hash {w}",
        "{strain} [{c}] {w}", "{strain} AAA {w}", "{w} weed", "Cannabis {strain} {w}", "{strain} buds",
        "{strain} (sample)", "{strain} outdoor {w}", "Hash {w}", "Premium hash {w}", "Gummies 500mg THC",
        "THC edibles {w}", "{strain} shatter", "{strain} x {strain2} {w}", "Weed {w} mix", "Cali {strain} {w}",
        "{strain} - budget bud {w}", "Mids {w}", "Cannabis seeds {strain} x10", "Moonrocks {w}",
    ], [
        "Grown indoors.", "THC 22-26%.", "Slow cured.", "Dense, sticky buds.", "Smells amazing.", "Great taste.",
        "Sealed, smell proof.", "Weights are accurate.", "Cali import.", "Organic.", "Very relaxing.", "Sticky icky.",
    ], "cannabis", (10, 900), "drug", obf=0.05, langs=ALL5),
    S("stimulants", 300, slot_drug, [
        "{coke} {w}", "{w} {coke} {pur}", "{coke} - {pur} - {w}", "{coke} [{c}]", "{stim} {w}", "{stim} x{n}",
        "{w} {stim}", "{coke} (sample)", "Premium {coke} {w}", "{stim} - pharma grade", "{coke} 1g", "{stim} 10 pills",
        "{coke} {w} - free shipping", "Uncut {coke}", "{stim} crystals {w}", "{coke} brick {w}",
    ], [
        "Purity {pur}.", "Straight from the brick.", "Reagent tested.", "Fishscale, shiny.", "Strong, clean high.",
        "No cuts.", "Pharma pills, original blisters.", "Stealth shipping.", "Best in {c}.", "Price per {w}.",
    ], "stim", (30, 2000), "drug", obf=0.04, langs=ALL5),
    S("downers", 260, slot_drug, [
        "{opi} x{n}", "{n} x {opi}", "{opi}", "{benz} x{n}", "{n}x {benz}", "{benz} (pressed)", "{benz} - pharma",
        "{opi} - pharma grade", "{benz} [{c}]", "{opi} {w}", "{benz} bulk {n}", "Real {opi}", "{opi} (sample)",
    ], [
        "Pharmaceutical grade.", "Original blisters.", "Pressed, strong.", "Start low.", "Do not mix with alcohol.",
        "Test your drugs.", "Price per {n}.", "Ships from {c}.", "Sealed.", "Good quality.",
    ], "opioid", (20, 800), "drug", obf=0.04, langs=ALL5),
    S("psychedelics", 200, slot_drug, [
        "{psy}", "{psy} x{n}", "{psy} {w}", "{n}x {psy}", "{psy} - lab tested", "{psy} (sample)", "{psy} bulk",
        "{psy} [{c}]", "{psy} - premium", "{pharm}", "{pharm} x{n}", "{pharm} - pharma", "{pharm} {n} tabs",
    ], [
        "Lab tested.", "Strong trip, be careful.", "Start with a low dose.", "Pharmaceutical quality.", "Fresh batch.",
        "Price per unit.", "Ships discreetly.", "From {c}.", "Good for microdosing.",
    ], "psy", (10, 500), "drug", obf=0.03, langs=ALL5),
    # ---------------- fraud, digital, counterfeits
    S("fraud", 360, slot_fraud, [
        "{c} CVV {n}", "{c} fullz x{n}", "{bank} bank logs {bal}", "{bank} log - {bal}", "{acc} accounts x{n}",
        "{acc} account - lifetime", "{gc} gift card $100", "{gc} gift cards {n}", "Fake {doc} ({c})", "{c} {doc} scan",
        "{c} {doc} template PSD", "Counterfeit {notes} notes x{n}", "{notes} prop money (high quality)",
        "Counterfeit {notes} - passes pen test", "{c} dumps with pin", "{c} SSN + DOB lookup", "{c} fullz with credit score",
        "CC with balance {bal}", "PayPal transfer {bal}", "Cash App flip", "{c} bank drop", "{acc} premium x{n}",
        "Physical {doc} ({c}) - scannable", "{c} selfie + {doc} pack", "{c} CVV fresh - high balance",
        "Bank log {bank} ({bal}) + email access", "{notes} bills AAA", "{gc} $50 code", "{c} drivers license real",
        "Carding package: {c} CVV + socks", "{acc} cracked accounts", "{n} {c} leads",
    ], [
        "Fresh, high valid rate.", "Includes name, address, DOB, SSN, CC.", "Balance {bal}.", "Email access included.",
        "Passes UV and pen tests.", "Holograms included.", "Scannable barcode.", "Replacement if dead within 24h.",
        "For novelty use only ;)", "Bank: {bank}.", "Works worldwide.", "Tutorial to cash out included.",
        "Printed on cotton paper.", "High quality, looks and feels real.", "Delivered via message.",
    ], "fraud", (5, 800), "fraud", obf=0.04, langs=ALL5),
    S("digital", 300, slot_digital, [
        "{tool}", "{tool} - lifetime", "{tool} (FUD)", "{tool} access {n}", "{db} database {n} records", "{db} leak {n}",
        "{db} dump", "{guide}", "{guide} (PDF)", "{guide} - 2024 edition", "{tool} + tutorial", "{n} {tool}",
        "Hacking service: {tool}", "{tool} 1 month", "{guide} + bonus", "{db} combolist {n}", "{tool} setup service",
        "Hire a hacker - {tool}", "{guide} [ENG]", "Pack: {guide} + {guide}",
    ], [
        "Instant delivery.", "Tested and working.", "Lifetime updates.", "Easy to use.", "Undetected by antivirus.",
        "Step by step, beginner friendly.", "{n} records, CSV format.", "Fresh dump.", "Includes emails and hashes.",
        "Bulletproof hosting, DMCA ignored.", "Offshore servers.", "Support included.",
    ], "digital", (5, 1500), "digital", obf=0.04, langs=ALL5),
    S("counterfeit", 220, slot_counterfeit, [
        "{brand} {grade}", "{brand} - {grade}", "{grade} {brand}", "{brand} replica", "{brand} (fake)", "{brand} copy",
        "{brand} mirror copy", "{brand} with box and papers", "{brand} - ships from {c}", "{brand} {grade} new",
    ], [
        "{grade} quality.", "Indistinguishable from the original.", "With box and papers.", "Swiss clone movement.",
        "Real leather.", "Ships from {c}.", "Photos on request.", "Quality control pictures before shipping.",
    ], "counterfeit", (30, 900), "shop", obf=0.03, langs=ALL5),
]
