"""Item-based negative pools: each item carries its own description fragments, so a glue gun is
described as a glue gun and a pellet tin as a pellet tin (a shared pool made listings incoherent).
All rows here are labeled none. Spec names that also exist in pools_i18n get other languages."""

import pools_neg


def item_slotter(items, base=None):
    keys = list(items)

    def f(R, lang):
        s = base(R, lang) if base else {"_labels": []}
        k = keys[R.randrange(len(keys))]
        s["it"] = k
        s["_desc"] = items[k]
        return s
    return f


def I(name, n, items, titles, shared, cats, price, domain, base=None, langs=("en",), obf=0.05):
    return {"name": name, "n": n, "labels": [], "slotter": item_slotter(items, base), "titles": titles,
            "desc": shared, "cats": cats, "price": price, "domain": domain, "obf": obf, "langs": list(langs),
            "multipart": 0.02, "item_desc": True}


ALL5 = ("en", "de", "ru", "es", "fr")
T_GENERIC = ["{it}", "{it}", "{it} - new", "{it} (used)", "{it} x2", "{it} - ships fast", "{it} {?brand new}",
             "New {it}", "{it} | best price", "{it} - {?great} condition", "[{c}] {it}", "{it} - restock",
             "{it} (boxed)", "{it} cheap", "Selling {it}", "{it}, barely used", "{it} + free gift", "{it} !!"]

TOOLS = {
    "hot glue gun": ["{Includes|Comes with} {20|30|50} glue sticks.", "Heats up in 3 minutes.", "{60|100}W.", "For crafts and DIY."],
    "glue gun 100W": ["Dual temperature.", "Glue sticks 11mm.", "Stand included."],
    "heat gun 2000W": ["Two temperature settings, 350/550 °C.", "For shrink tubing, paint stripping, bending plastic.", "Nozzles included."],
    "tattoo gun": ["Rotary tattoo machine, quiet.", "RCA connector.", "Needle cartridges sold separately.", "For professional artists."],
    "tattoo machine kit": ["Power supply, foot pedal, 50 needles, 7 inks.", "Beginner kit.", "Practice skins included."],
    "nail gun": ["Pneumatic, 18 gauge brads.", "Used on one project.", "Needs a compressor."],
    "framing nailer": ["Cordless, 20V battery.", "Shoots 2-3.5 inch nails.", "Depth adjustment."],
    "staple gun": ["Heavy duty, for upholstery.", "1000 staples included."],
    "massage gun": ["{6|30} speed levels, {4|6} heads.", "Deep tissue percussion.", "USB-C charging, 6h battery.", "Great for sore muscles after the gym."],
    "Theragun Pro": ["Original, with case.", "Used a few times.", "Percussive therapy device."],
    "paint spray gun HVLP": ["Gravity feed, 1.4mm nozzle.", "For car paint and furniture.", "Air cap and cleaning brush included."],
    "grease gun": ["Lever type, 400g cartridges.", "For cars, tractors and machines.", "Flexible hose included."],
    "caulking gun": ["For silicone tubes.", "Smooth rod, no drip."],
    "soldering gun": ["100W, instant heat.", "Tips included."],
    "infrared thermometer gun": ["Non-contact, -50 to 550 °C.", "Laser pointer.", "Batteries included."],
    "radar gun": ["Measures speed for baseball and tennis.", "Range 30m."],
    "rivet gun": ["Hand riveter with 4 nozzles.", "200 rivets included."],
    "impact gun 1/2\"": ["Cordless impact wrench, 600 Nm.", "For changing tyres."],
    "snow foam gun": ["For pressure washers, car wash.", "1L bottle."],
    "price tag gun": ["Label gun for shops.", "5000 tags."],
    "ear piercing gun": ["Sterile studs x100.", "Professional kit."],
    "butane torch lighter": ["Refillable.", "Jet flame, windproof."],
    "airbrush gun kit": ["Compressor included.", "0.3mm nozzle.", "For models and cakes."],
    "cake decorating gun": ["8 nozzles.", "For icing and cream."],
    "foam gun (PU)": ["For expanding foam cans.", "Metal body."],
}
WATCHES = {
    "Rolex Daytona gun metal": ["Gunmetal dial, sapphire crystal.", "Clean factory 4130 movement.", "1:1, with box and papers."],
    "G-Shock Gun Metal": ["Gunmetal finish.", "200m water resistant.", "Original Casio."],
    "Casio Top Gun": ["Vintage 1980s Casio.", "Collectors item.", "Works, new battery."],
    "IWC Top Gun Pilot": ["Ceramic case.", "Swiss clone movement.", "Super clone, ZF factory."],
    "Breitling Avenger gunmetal": ["Automatic.", "Rubber strap.", "Mirror copy."],
    "Hublot Big Bang gun metal": ["Chronograph.", "Titanium look.", "AAA replica."],
    "Seiko 5 Sports gunmetal": ["Automatic 4R36.", "Original, used."],
    "Tag Heuer Carrera gunmetal": ["Chronograph.", "With box."],
}
CLOTHES = {
    "Top Gun bomber jacket": ["Leather, with patches.", "Sizes S-XXL.", "Like in the movie."],
    "Top Gun aviator sunglasses": ["Polarized.", "Gold frame."],
    "Glock logo hat": ["Official merch cap.", "Adjustable."],
    "Glock \"perfection\" t-shirt": ["100% cotton.", "Size L / XL."],
    "Guns N' Roses t-shirt": ["Vintage tour shirt.", "Size M."],
    "AK-47 hoodie": ["Print on the back.", "Black, sizes M-XXL."],
    "2nd Amendment t-shirt": ["Cotton.", "All sizes."],
    "bullet belt (fake bullets)": ["Plastic dummy bullets, fashion belt.", "Punk style."],
    "camo jacket": ["Woodland camo.", "Military style."],
    "bulletproof vest IIIA": ["Stops 9mm and .44 Magnum.", "Concealable, soft armour.", "Size L."],
    "plate carrier": ["Plates not included.", "MOLLE webbing.", "Coyote brown."],
    "ballistic helmet": ["Level IIIA.", "With rails and NVG mount."],
    "stab vest": ["Spike and edge protection.", "Size M."],
    "level IV plates (pair)": ["Ceramic.", "Stops rifle rounds.", "10x12 inch."],
}
MEDIA = {
    "Top Gun Maverick 4K": ["Digital copy.", "Region free."], "Young Guns DVD": ["Classic western.", "Used."],
    "Guns N' Roses - Appetite for Destruction vinyl": ["Original pressing.", "Very good condition."],
    "The Gun by C.J. Chivers (ebook)": ["History of the AK-47.", "EPUB and PDF."],
    "Guns, Germs, and Steel (ebook)": ["Jared Diamond.", "EPUB."],
    "Lock, Stock and Two Smoking Barrels bluray": ["Guy Ritchie classic."],
    "Full Metal Jacket DVD": ["Kubrick.", "Region 2."], "John Wick 1-4 box set": ["4K.", "Sealed."],
    "gun poster pack": ["10 posters A2.", "Technical drawings of classic pistols, wall art."],
    "AK-47 wall art canvas": ["60x40 cm.", "Printed canvas."],
    "Shooter (2007) DVD": ["Mark Wahlberg."], "Magnum P.I. complete series": ["8 seasons.", "DVD."],
    "Glock exploded-view poster": ["A1 print.", "Decoration only."],
}
JEWEL = {
    "bullet pendant necklace": ["Made from a spent, empty casing.", "Silver chain."],
    "bullet casing keychain": ["Empty brass casing, no powder or primer.", "Handmade."],
    "AK-47 pendant 14k": ["Gold plated.", "Iced out."],
    "Glock pendant iced out": ["CZ stones.", "Hip hop jewellery."],
    "shotgun shell keyring (empty)": ["Empty 12ga hull, decoration.", "Handmade."],
    "brass casing cufflinks": ["Polished spent cases."],
    "grenade pendant": ["Silver, 3cm."],
    "pistol lighter (torch)": ["Butane torch shaped like a pistol.", "Pull the trigger to light."],
    "revolver cigarette lighter": ["Novelty lighter.", "Refillable."],
    "bullet shaped USB stick 64GB": ["USB 3.0.", "Shaped like a rifle round."],
    "bullet shaped grinder": ["4-piece herb grinder.", "Aluminium."],
    "bullet bottle opener": ["Made from a .50 cal casing (empty).", "Gift idea."],
    "Cuban link chain": ["Gold plated.", "24 inch."], "silver ring": ["925 silver."],
}
GAMES = {
    "CS:GO AK-47 | Redline skin": ["Field tested.", "Delivered via Steam trade."],
    "CS2 AWP Dragon Lore": ["Factory new.", "Serious offers only."],
    "CS:GO Glock-18 Fade": ["Float 0.01.", "Trade delivery."],
    "CS2 M4A4 Howl": ["Contraband skin.", "Trade hold 7 days."],
    "Call of Duty Warzone account (all guns unlocked)": ["All weapons and camos unlocked.", "Full access, email changeable."],
    "GTA 5 modded account (all weapons)": ["PS5 / PC.", "Billions in cash, all cars."],
    "PUBG aimbot": ["Undetected.", "ESP, no recoil.", "Monthly key."],
    "Apex Legends hack": ["Aimbot + ESP.", "Works with latest patch."],
    "Escape From Tarkov account (EOD)": ["Edge of Darkness edition.", "Clean, no bans."],
    "Rust skins (AK, MP5)": ["Steam inventory.", "Trade."],
    "Valorant account (Vandal skins)": ["Full access.", "Rank Diamond."],
    "Warzone camo unlocker": ["Unlocks all camos.", "Lifetime."],
    "Battlefield 2042 key": ["Origin key.", "Instant delivery."],
    "Hunt Showdown account": ["Full access."], "Fortnite account 200 skins": ["Full access.", "Rare skins."],
    "trigger bot (game)": ["For shooters, color based.", "Undetected."],
}
ACCESSORIES = {
    "gun cleaning kit": ["Rods, brushes, patches and oil.", "For 9mm, .40 and .45 bores.", "Cleaning only, no gun."],
    "universal gun cleaning kit": ["Fits pistols, rifles and shotguns.", "Aluminium case."],
    "bore snake 9mm": ["One pass cleaning.", "Washable."],
    "Hoppe's No.9 solvent": ["Bore cleaning solvent, 5 oz.", "Just the liquid."],
    "gun oil": ["Lubricant, 100ml.", "Also prevents rust."],
    "holster for Glock 19": ["Kydex, retention adjustable.", "Holster only."],
    "IWB holster": ["Inside the waistband, leather.", "Fits most compacts."],
    "shoulder holster": ["Leather.", "Fits 1911 and Beretta 92."],
    "red dot sight": ["2 MOA dot.", "Battery life 50,000 h.", "Picatinny mount."],
    "Holosun 507c": ["For RMR cut slides.", "Solar failsafe."],
    "EOTech holographic sight": ["EXPS3.", "Used, works perfect."],
    "rifle scope 3-9x40": ["Mil-dot reticle.", "Rings included."],
    "night vision monocular": ["Gen 2+.", "Head mount included."],
    "thermal scope": ["384 resolution.", "Detection range 1200m."],
    "weapon light": ["1000 lumen.", "Rail mount."],
    "laser sight": ["Green laser.", "Rail mount."],
    "bipod": ["Harris style, 6-9 inch.", "Swivel."],
    "gun safe": ["Biometric, holds 2 pistols.", "Steel, bolts to floor."],
    "trigger lock": ["Keyed, universal.", "Safety device, does not fire anything."],
    "cable gun lock": ["Keyed cable lock.", "For storage safety."],
    "ammo can (empty)": ["Military surplus steel can, empty.", "Great storage box."],
    "empty ammo box 50 rds": ["Plastic flip-top box for 50 rounds. Box only.", "Empty."],
    "shooting earmuffs": ["Electronic, amplifies speech.", "NRR 22."],
    "shooting glasses": ["Clear and yellow lenses."],
    "range bag": ["Holds 4 pistols.", "Padded."],
    "magazine pouch": ["MOLLE, for pistol mags.", "Pouch only."],
    "rifle sling": ["Two point, quick adjust."],
    "rifle case": ["Hard case, 42 inch.", "Foam inside."],
    "target paper x100": ["25m pistol targets."],
    "steel targets": ["AR500 steel, 3 pieces."],
    "chronograph": ["Measures bullet velocity.", "Bluetooth."],
    "snap caps 9mm (dummy rounds)": ["Inert training rounds for dry fire.", "No powder, no primer."],
    "dummy rounds (inert)": ["Inert, for training and reloading drills.", "Not live."],
    "laser bore sighter": ["Fits .223 to .308.", "Batteries included."],
    "speed loader (empty)": ["For .38 / .357 revolvers.", "Ammo not included."],
    "gun rack": ["Wall mounted, holds 3 rifles.", "Wood."],
    "mag loader": ["Universal pistol mag loader.", "Saves your thumbs."],
}
TRAPS = {
    "THC vape cartridges x10": ["510 thread, 1ml.", "Distillate, lab tested."],
    "whipped cream chargers (N2O) x50": ["8g each.", "Food grade."],
    "CO2 cartridges 12g x25": ["For air guns, bikes and soda makers.", "Non-threaded."],
    "printer ink cartridges HP 302": ["Compatible, black and colour.", "Full set."],
    "toner cartridge": ["For laser printers.", "3000 pages."],
    "razor cartridges Gillette": ["Fusion 5, 8 pack."],
    "gas cartridges for camping stove": ["Butane/propane.", "4 pieces."],
    "Game Boy cartridges": ["Pokemon Red and Blue, original.", "Saves work."],
    "SNES cartridge lot": ["12 games.", "Tested."],
    "N64 cartridges": ["Mario 64, Zelda.", "Original."],
    "water filter cartridge": ["Fits Brita.", "3 pack."],
    "fountain pen ink cartridges": ["Blue, 50 pack."],
    "Playboy magazine collection": ["1970s issues.", "Good condition."],
    "High Times magazine 1990s": ["Collector lot of 20."],
    "PDF magazines bundle 2000 issues": ["Tech, lifestyle, cars.", "Instant download."],
    "money clip": ["Stainless steel.", "Engraving possible."],
    "magazine rack": ["Wall mounted, wood."],
    "Guns & Ammo magazine 1985 (paper)": ["Collectors, printed magazine.", "Reading material only."],
    "Nintendo Switch OLED": ["With two Joy-Cons.", "Jailbroken on request."],
    "network switch 24 port": ["Gigabit, managed.", "Rack mountable."],
    "mechanical keyboard switches (90 pcs)": ["Linear, lubed.", "Fits hot-swap boards."],
    "Switch modchip (SX Core)": ["Installation service available.", "For unpatched consoles."],
    "AV receiver Denon": ["7.2 channel.", "HDMI 2.1."],
    "Bluetooth receiver": ["AUX 3.5mm.", "For car or speakers."],
    "SDR receiver RTL-SDR": ["Software defined radio.", "Antenna kit."],
    "GPS receiver": ["USB, u-blox chip."],
    "satellite receiver": ["DVB-S2.", "With card reader."],
    "woodworking jig": ["For dowels.", "Aluminium."],
    "pocket hole jig": ["Kreg-style.", "Drill bit included."],
    "dovetail jig": ["For routers.", "12 inch."],
    "fishing jig heads x50": ["Lead jigs, mixed sizes.", "For bass and perch."],
    "bolt cutters 24\"": ["Hardened steel jaws."],
    "car exhaust silencer": ["Universal stainless muffler.", "2.5 inch inlet."],
    "muffler for Honda Civic": ["Sport exhaust, fits 2006-2011."],
    "generator silencer box": ["Reduces generator noise by 20 dB."],
    "bike frame 54cm": ["Carbon road frame.", "No groupset."],
    "picture frame set": ["10 frames, black."],
    "eyeglass frames Ray-Ban": ["Replica frames.", "Without lenses."],
    "oak barrel 5L": ["For aging whisky or wine.", "With tap and stand."],
    "rain barrel 200L": ["Garden water storage."],
    "Gucci slides": ["Rubber slides.", "Size 42."],
    "slide projector": ["Vintage Kodak Carousel.", "Works."],
    "slide hammer": ["Dent puller kit for cars."],
    "gaming phone triggers (PUBG)": ["Clip-on shoulder buttons.", "For mobile shooters."],
    "trigger point massage ball": ["Spiky ball for fascia."],
    "trigger sprayer bottles x10": ["500ml, empty."],
    "e-bike conversion kit 1000W": ["Rear hub motor, controller, display.", "Battery not included."],
    "LED conversion kit H7": ["6000K, canbus."],
    "turbo kit": ["For VW 1.8T.", "Complete with manifold."],
    "lower back brace": ["Support belt, size L."],
    "barrel bag (gym)": ["Duffel, 40L."],
    "frame for Samsung S21": ["Middle frame housing, replacement.", "Phone repair part."],
    "iPhone 13 back glass + frame": ["Replacement housing.", "Silver."],
}
AIR = {
    "air rifle": ["Break barrel, spring piston.", "{.177|.22} calibre.", "Open sights and scope rail."],
    "PCP air rifle": ["Needs a hand pump or tank.", "Regulated, 10 shot magazine.", "Quiet shroud."],
    "CO2 BB pistol": ["Shoots 4.5mm steel BBs.", "Powered by 12g CO2 capsules.", "Blowback."],
    "CO2 pellet revolver": ["6 shot cylinder, 4.5mm pellets.", "12g CO2."],
    "air pistol (spring)": ["Single shot, .177 pellets.", "Target shooting."],
    "BB gun": ["Shoots steel BBs.", "Lever action, kids love it."],
}
AIR_MODELS = {
    "air rifle": ["Gamo Shadow 1000", "Diana 34", "Weihrauch HW97", "Hatsan 95", "Stoeger X20", "Crosman Vigilante"],
    "PCP air rifle": ["Benjamin Marauder", "Air Arms S510", "Hatsan Flash", "FX Impact", "Kral Puncher"],
    "CO2 BB pistol": ["Umarex Walther PPK/S", "Umarex Glock 19", "Umarex Beretta M92 A1", "Gletcher PM", "Gletcher TT",
                      "Umarex Legends Makarov", "Crosman 1911BB", "Umarex S&W M&P40", "Gletcher APS"],
    "CO2 pellet revolver": ["Umarex Colt Python", "Umarex S&W 586", "Crosman 357", "Borner Super Sport"],
    "air pistol (spring)": ["Gamo PT-85", "Crosman 1377", "Crosman 2240", "Beeman P17"],
    "BB gun": ["Daisy Red Ryder", "Crosman Pumpmaster 760", "Daisy 880"],
}


def air_slotter(R, lang):
    s = pools_neg.slot_air(R, lang)
    kind = list(AIR)[R.randrange(len(AIR))]
    models = AIR_MODELS[kind]
    s["am"] = models[R.randrange(len(models))]
    s["it"] = kind
    s["_desc"] = AIR[kind]
    return s


AIR_T = ["{am} {it}", "{am} ({it})", "{it} {am}", "{am} {ac} {fps}", "{am} - {it} - {fps}", "{am} {it} + scope",
         "{am} {it} - no licence", "{am}", "{am} {ac}", "{it}: {am}", "{am} ({ac}) like new", "{am} {fps} [{c}]"]
PELLETS = {
    "{ac} pellets tin of 500": ["Diabolo pellets, for air rifles.", "Price per tin."],
    "JSB Exact {ac} x{n}": ["Round head diabolo.", "Match grade air gun pellets."],
    "H&N Baracuda {ac}": ["Heavy pellets for hunting with air rifles."],
    "steel BBs 4.5mm x{n}": ["Copper coated steel BBs for BB guns."],
    "airsoft BBs 0.25g x{n}": ["6mm plastic BBs for airsoft."],
    "bio BBs 0.28g": ["Biodegradable airsoft BBs, 6mm."],
    "CO2 capsules 12g x{n}": ["For CO2 pistols and rifles.", "Non-threaded."],
    "{ac} slugs for PCP x{n}": ["Air gun slugs, not firearm ammunition."],
    "pellet trap": ["Steel box, catches pellets."],
    "paintballs .68 x2000": ["Paintballs, bright colours."],
    "pepper balls .68 x{n}": ["Pepper projectiles for launchers.", "Not lethal."],
    "slingshot ammo steel 8mm x{n}": ["Steel balls for slingshots."],
}
KNIVES = {
    "Benchmade 940": ["S30V blade.", "Axis lock."], "Spyderco Paramilitary 2": ["Compression lock.", "G10 handle."],
    "Microtech Ultratech OTF": ["Out the front, double action.", "D2 blade."], "karambit": ["Curved blade.", "Finger ring."],
    "balisong": ["Butterfly knife, sharpened.", "Bushings, smooth flips."], "butterfly knife trainer": ["Unsharpened trainer."],
    "Buck 110": ["Classic folding hunter.", "Brass bolsters."], "Ka-Bar": ["Full tang, leather handle.", "USMC style."],
    "push dagger": ["Neck carry.", "Kydex sheath."], "switchblade (Italian stiletto)": ["9 inch, automatic.", "Bayonet style."],
    "OTF knife": ["Automatic out the front.", "Glass breaker."], "machete 18\"": ["With sheath.", "For brush clearing."],
    "Bowie knife": ["Big, 10 inch blade.", "Leather sheath."], "throwing knives set (6)": ["Balanced.", "Nylon sheath."],
    "Damascus hunting knife": ["Handmade, 67 layers.", "Wood handle."], "tanto folder": ["Tanto blade.", "Pocket clip."],
    "kitchen knife set": ["5 pieces, VG10.", "Japanese style."], "Opinel No.8": ["Carbon steel.", "Classic French folder."],
}
BLUNT = {
    "expandable baton 21\"": ["Steel, friction lock.", "Holder included."], "ASP baton": ["Police style.", "Used."],
    "brass knuckles": ["Solid brass.", "Sold as a paperweight."], "knuckle duster": ["Steel, black."],
    "kubotan": ["Aluminium keychain.", "Self defence."], "tactical pen": ["Aluminium pen with glass breaker.", "Writes too."],
    "nunchaku": ["Wood, chain."], "tonfa": ["Polymer."], "sap / blackjack": ["Leather, lead filled."],
    "steel flashlight baton": ["1000 lumen, heavy."],
}
TASERS = {
    "stun gun 50,000,000V": ["Rechargeable.", "Built-in flashlight.", "Loud spark scares attackers."],
    "Taser X2": ["Two shot, laser.", "Cartridges 15 ft."], "Taser Pulse": ["Civilian taser.", "With 2 cartridges."],
    "taser cartridges 15ft x2": ["Replacement cartridges for taser devices.", "Not ammunition."],
    "stun baton": ["Long reach.", "Rechargeable."], "lipstick stun gun": ["Fits in a purse."],
    "stun knuckles": ["Electric knuckles."], "Elektroschocker 2 Mio V": ["Mit Taschenlampe."],
}
SPRAYS = {
    "pepper spray 50ml": ["OC 10%.", "Range 4 m."], "Sabre Red pepper spray": ["Police strength.", "Keychain."],
    "pepper gel": ["Gel, less blowback.", "Range 5 m."], "CS gas spray": ["Tear gas.", "40ml."],
    "bear spray": ["Range 9 m.", "For hiking."], "pepper spray gun (JPX)": ["Fires pepper gel projectiles.", "Not a firearm."],
    "PepperBall TCP launcher": ["Launches pepper balls.", "CO2."], "Byrna SD launcher": ["Kinetic and pepper projectiles, .68 cal.", "CO2, no licence."],
    "T4E pepper pistol": ["Rubber and pepper balls .43 cal.", "CO2."], "Mace keychain": ["Small, discreet."],
}

SHARED_NEG = ["{Brand new.|Used, good condition.|Like new.|Unused.}", "Fast shipping.", "Ships from {c}.", "Check my other items.",
              "Price is for one unit.", "Message me with questions.", "Original packaging.", "No returns."]
SELF_DEF = ["Protect yourself.", "Safer than carrying a gun.", "Non-lethal.", "Legal in most places, check your laws.",
            "For self defence only.", "No licence needed.", "Ships from {c}."]


def base_c(R, lang):
    return {"c": pools_neg.COUNTRY, "n": ["100", "250", "500", "1000", "2000"], "_labels": []}


def pellet_base(R, lang):
    s = pools_neg.slot_air(R, lang)
    return s


def melee_base(R, lang):
    return pools_neg.slot_melee(R, lang)


SPECS = [
    I("gun_tools", 170, TOOLS, T_GENERIC + ["Professional {it}", "{it} cordless", "{it} kit", "{it} 220V", "{it} set"],
      SHARED_NEG, "electronics", (10, 300), "shop", base_c, ALL5),
    I("watches", 55, WATCHES, T_GENERIC + ["{it} 1:1", "{it} super clone", "{it} (AAA)"], SHARED_NEG, "counterfeit",
      (40, 700), "shop", base_c),
    I("gun_watch_cloth", 70, CLOTHES, T_GENERIC + ["{it} size L", "{it} - all sizes"], SHARED_NEG, "counterfeit",
      (15, 600), "shop", base_c, ALL5),
    I("media", 45, MEDIA, T_GENERIC + ["{it} - digital", "{it} (download)"], SHARED_NEG, "misc", (3, 60), "shop", base_c),
    I("jewellery", 60, JEWEL, T_GENERIC + ["{it} 925 silver", "{it} - handmade", "{it} gold plated"], SHARED_NEG,
      "misc", (10, 400), "shop", base_c),
    I("game_items", 110, GAMES, T_GENERIC + ["{it} - instant", "{it} lifetime", "{it} 30 days", "{it} [FN]"],
      ["Instant delivery.", "Message after purchase.", "Cheap.", "Works."], "digital", (5, 800), "digital", base_c),
    I("accessories", 190, ACCESSORIES, T_GENERIC + ["{it} for Glock", "{it} for AR-15", "{it} for AK", "Tactical {it}",
                                                     "{it} - universal", "{it} (surplus)", "{it} OEM"],
      SHARED_NEG + ["Accessory only, no firearm included."], "weapon_other", (10, 700), "gun", base_c, ALL5),
    I("word_traps", 210, TRAPS, T_GENERIC + ["{it} - lot", "{it} (bulk)", "{it} - tested"], SHARED_NEG, "electronics",
      (5, 500), "shop", base_c),
    {"name": "airgun", "n": 150, "labels": [], "slotter": air_slotter, "titles": AIR_T,
     "desc": ["Air gun, not a firearm.", "{fps}.", "Legal without a licence in {c} (under 7.5J).", "Great for plinking.",
              "Looks exactly like the real one.", "Ships from {c}."],
     "cats": "airgun", "price": (30, 700), "domain": "weapon", "obf": 0.06, "langs": list(ALL5), "multipart": 0.02,
     "item_desc": True},
    I("pellets", 90, PELLETS, T_GENERIC, SHARED_NEG, "airgun", (5, 80), "weapon", pellet_base),
    I("knife", 120, KNIVES, T_GENERIC + ["{it} {bl}", "Tactical {it}", "{it} EDC", "{it} + sheath"],
      SHARED_NEG + ["Very sharp.", "Not a toy."], "weapon_other", (15, 350), "weapon", melee_base, ALL5),
    I("blunt", 60, BLUNT, T_GENERIC + ["Self defense {it}", "{it} black"], SHARED_NEG + SELF_DEF[:3], "weapon_other",
      (10, 120), "weapon", melee_base),
    I("taser_spray", 110, TASERS, T_GENERIC + ["{it} - protect yourself", "{it} rechargeable"], SELF_DEF,
      "weapon_other", (15, 400), "weapon", melee_base, ALL5),
    I("sprays", 90, SPRAYS, T_GENERIC + ["{it} - protect yourself", "Self defence: {it}", "{it} for women"], SELF_DEF,
      "weapon_other", (10, 500), "weapon", melee_base),
]
REPLACED = {"gun_tools", "gun_watch_cloth", "game_items", "accessories", "word_traps", "airgun", "knife", "taser_spray"}
