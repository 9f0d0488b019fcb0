"""Round-3 hard negatives: airsoft, gel blasters, BB / CO2 / pellet guns, replicas, blank-firing
(unconverted) and deactivated guns, titled with the same make, model, type and action words as real
guns ("Custom M4 airsoft assault rifle semi auto", "Glock 17 Gen 5 GBB", "AK-47 gel blaster full
auto"). The words that decide (airsoft, AEG, GBB, softair, 6mm BB, 4.5mm, CO2, gel, replica,
non-firing, blank, deactivated) are often one word among many; the model must weigh them anyway.
All rows are labeled none (see the labeling rules in README.md)."""

import pools_i18n
import pools_round2

ALL5 = ("en", "de", "ru", "es", "fr")
LONG = ["M4", "M4A1", "AR-15", "AR15", "M16", "HK416", "SCAR-L", "SCAR-H", "AK-47", "AK47", "AKM", "AK-74",
        "G36C", "MP5", "MP5K", "UMP45", "P90", "Vector", "MP7", "Thompson", "M1 Garand", "Kar98k", "Mosin",
        "SVD", "AWP", "L96", "M24", "Barrett M82", "M249", "PKM", "Uzi", "MAC-10", "Scorpion EVO", "AUG",
        "FAMAS", "Tavor", "SA80", "Sten", "MP40", "PPSh-41", "Remington 870", "M1014", "SPAS-12", "Saiga-12"]
TYPE = ["assault rifle", "rifle", "carbine", "sniper rifle", "SMG", "pistol", "shotgun", "LMG", "DMR", "handgun"]
ACTION = ["semi auto", "full auto", "semi/full auto", "select fire", "blowback", "bolt action", "pump action",
          "gas blowback", "with recoil", "metal body", "full metal", "tactical", "custom", "upgraded"]
KIND = [  # (word in title, phrases for the description)
    ("airsoft", ["6mm BBs only", "airsoft, 350 fps", "orange tip", "for skirmish and milsim", "AEG with battery and charger"]),
    ("AEG", ["airsoft electric gun", "6mm BBs", "comes with 11.1v lipo", "hi-cap mag 300 BBs"]),
    ("GBB", ["gas blowback airsoft", "green gas", "6mm BBs", "airsoft only"]),
    ("softair", ["Softair 6mm", "unter 0,5 Joule", "ab 14 Jahren", "kein echtes Gewehr"]),
    ("gel blaster", ["gel balls 7-8mm", "water beads", "toy", "battery powered"]),
    ("CO2 BB", ["4.5mm steel BBs", "12g CO2 capsules", "air gun", "not a firearm"]),
    ("air rifle", ["4.5mm pellets", ".177 pellets", "break barrel", "spring piston", "PCP"]),
    ("replica", ["non-firing replica", "display only", "metal replica, cannot fire", "film prop"]),
    ("non-firing replica", ["solid barrel", "display piece", "decor", "no moving parts"]),
    ("blank firing", ["blank only, 9mm PAK", "starter pistol", "alarm pistol", "cannot fire live rounds"]),
    ("deactivated", ["deactivated to EU spec, certificate included", "welded barrel", "wall hanger", "deact"]),
    ("toy", ["plastic toy", "for kids", "foam darts", "cap gun"]),
]
BRAND = ["Tokyo Marui", "G&G", "Cyma", "Specna Arms", "VFC", "Umarex", "KWA", "ICS", "Krytac", "Lancer Tactical",
         "Double Eagle", "E&L", "LCT", "WE Tech", "KJ Works", "ASG", "Crosman", "Gamo", "Daisy", "Kral", "Ekol", "Zoraki"]
FPS = ["330 fps", "350 fps", "400 fps", "1.2 J", "0.5 J", "<0.5 Joule", "120 m/s"]


def slot(R, lang):
    k, phrases = R.choice(KIND)
    mk, md, _cal, kind, _flags = R.choice(pools_round2.MODELS)
    gun = R.choice([R.choice(LONG), mk + " " + md, md, R.choice(LONG)])
    return {"k": k, "gun": gun, "ty": kind if R.random() < 0.5 else R.choice(TYPE), "ac": ACTION, "br": BRAND,
            "fps": FPS if k in ("airsoft", "AEG", "GBB", "softair", "gel blaster", "CO2 BB", "air rifle") else [""],
            "ph": phrases, "_labels": [], "_qty_mult": 1.0}


TITLES = [
    "{gun} {k} {ty}", "{ac} {gun} {k} {ty}", "{gun} {k} {ac}", "{br} {gun} {k}", "{k} {gun} {ty} {ac} {fps}",
    "{gun} {ty} ({k})", "{gun} {ac} {ty} - {k}", "[{k}] {gun} {ty}", "{gun} {ty} {k} + mags", "{br} {gun} {k} {ac}",
    "{gun} {k} {ty} full metal {fps}", "Custom {gun} {k} {ty}", "{k} {ty} {gun} {ac} w/ 3 mags", "{gun} - {k} - {ty}",
    "{gun} {ty} {k} version", "{gun} {ac} ({k}, {fps})",
]


def desc(R, lang, loc, slots):
    if R.random() < 0.5:
        return ""
    if lang != "en":
        return " ".join(R.sample(loc["desc"], min(2, len(loc["desc"]))))
    parts = R.sample(slots["ph"], min(R.randint(1, 3), len(slots["ph"])))
    parts += R.sample(["Ships in original box.", "Used twice.", "Great for beginners.", "Check the pics.",
                       "No returns.", "Tracked shipping.", "Comes with 2 mags.", "Upgraded gearbox and hop-up."],
                      R.randint(0, 2))
    R.shuffle(parts)
    return ". ".join(p.rstrip(".") for p in parts) + "."


SPECS = [
    {"name": "r3_airsoft", "n": 450, "labels": [], "slotter": slot, "titles": TITLES, "desc": [], "desc_fn": desc,
     "cats": ["Airsoft", "Weapons/Airsoft", "Other", "Toys", "Sporting goods", "Weapons/Other", "Collectibles"],
     "price": (40, 600), "domain": "weapon", "langs": list(ALL5), "obf": 0.0, "multipart": 0.0},
]

pools_i18n.N["r3_airsoft"] = {
    "de": {"titles": ["{gun} Softair {ty}", "{gun} {k} Gewehr", "Softair {gun} {ac}", "{gun} Schreckschuss",
                      "{gun} Deko, unbrauchbar gemacht"],
           "desc": ["Softair 6mm, unter 0,5 Joule.", "Kein scharfe Waffe.", "Deko-Waffe mit Zertifikat.", "Ab 18."]},
    "ru": {"titles": ["Страйкбольный {gun}", "{gun} страйкбол {ac}", "Пневматический {gun} 4.5мм", "ММГ {gun}",
                      "{gun} охолощённый"],
           "desc": ["Страйкбол, шары 6 мм.", "Макет, стрелять не может.", "Пневматика, 4.5 мм."]},
    "es": {"titles": ["{gun} airsoft {ac}", "Réplica {gun}", "{gun} de balines CO2", "{gun} airsoft eléctrico"],
           "desc": ["Airsoft, bolas de 6mm.", "Réplica, no dispara.", "Aire comprimido, 4,5 mm."]},
    "fr": {"titles": ["{gun} airsoft {ac}", "Réplique {gun}", "{gun} à billes CO2", "{gun} neutralisé"],
           "desc": ["Airsoft, billes 6 mm.", "Réplique, ne tire pas.", "Arme neutralisée avec certificat."]},
}
