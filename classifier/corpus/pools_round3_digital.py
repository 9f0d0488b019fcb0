"""Round-3 negatives: digital goods that are not gun designs. Ebooks, guides, courses, manuals,
PDF packs, "how to" tutorials, "build your own" and DIY plans, CAD / STL files and blueprints of
ordinary things. Markets sell these by the thousand, and they use every word a gun design listing
uses ("guide", "manual", "PDF", "files", "step by step", "build", "blueprint", "instant delivery"),
so the design label has to come from the gun, not from the format. All rows are labeled none;
many have no description, as on index pages."""

import pools_i18n

ALL5 = ("en", "de", "ru", "es", "fr")

TOPIC = [
    "privacy", "OPSEC", "anonymity", "Tor and Tails", "PGP", "carding", "cash out", "bank drop", "SIM swap",
    "social engineering", "phishing", "RAT and botnet", "crypting", "SEO", "dropshipping", "affiliate marketing",
    "forex", "crypto trading", "Bitcoin mixing", "Monero", "stealth shipping", "postal smuggling", "vendor",
    "cannabis grow", "mushroom grow", "hydroponics", "extraction", "edibles", "psychedelic", "harm reduction",
    "lockpicking", "pickpocket", "casino", "sports betting", "poker", "pickup", "seduction", "dating", "fitness",
    "bodybuilding", "steroid cycle", "fat loss", "keto", "meditation", "lucid dreaming", "hypnosis", "memory",
    "speed reading", "public speaking", "negotiation", "copywriting", "Photoshop", "video editing", "Python",
    "Linux", "Kali Linux", "WiFi hacking", "Android hacking", "web pentest", "bug bounty", "OSINT", "identity theft",
    "credit repair", "tax", "offshore banking", "disappearing", "off-grid living", "survival", "bushcraft",
    "first aid", "home brewing", "moonshine", "cooking", "baking", "gardening", "beekeeping", "woodworking",
    "electronics", "Arduino", "drone", "car repair", "motorcycle repair", "van conversion", "tiny house",
]
BOOK = [
    "The Ultimate {t} Guide", "{t} Bible", "{t} Handbook", "{t} Masterclass", "{t} for Dummies", "Complete {t} Course",
    "{t} Secrets", "{t} Blueprint", "The {t} Manual", "{t} Crash Course", "Advanced {t}", "{t} 101", "{t} A-Z",
    "{t} Playbook", "{t} Cheat Sheet", "Encyclopedia of {t}", "Techniques of {t}", "{t} Made Easy", "Mastering {t}",
]
HOWTO = [
    "disappear and start over", "be invisible online", "make money online", "beat the casino", "spread a RAT",
    "use PGP", "set up Tails", "open a bank drop", "cash out CCs", "pass a drug test", "grow magic mushrooms",
    "make edibles", "extract DMT", "build a grow box", "build a website", "build a mining rig", "build a PC",
    "build a drone", "build a still", "build a bong", "build a solar generator", "build a shed", "make soap",
    "make candles", "get free stuff", "get ideas", "get a fake ID", "pick locks", "hotwire a car", "bypass paywalls",
    "win at poker", "quit smoking", "lose weight fast", "learn any language", "hack WiFi", "hack Instagram",
    "trace a phone", "remove a GPS tracker", "avoid surveillance", "ship stealth", "launder crypto", "start a vendor shop",
    "get rich", "talk to anyone", "read people", "sleep better", "manifest anything", "brew beer", "make wine",
]
BUILD = [
    "website", "mining rig", "gaming PC", "drone", "still", "grow box", "grow tent", "bong", "solar generator",
    "chicken coop", "shed", "tiny house", "treehouse", "bike trailer", "go-kart", "CNC router", "3D printer",
    "arcade cabinet", "guitar pedal", "Tesla coil", "pizza oven", "smoker", "workbench", "kayak", "camper van",
    "hydroponic system", "aquaponics tank", "Faraday cage", "WiFi cantenna", "Raspberry Pi server", "VPN server",
]
FILEOBJ = [
    "phone stand", "headphone hook", "cable organiser", "vase", "planter", "chess set", "cookie cutters",
    "miniatures", "Warhammer terrain", "cosplay helmet", "Mandalorian helmet", "Iron Man mask", "lithophane",
    "drone frame", "Raspberry Pi case", "RC car parts", "keychain", "desk organiser", "lamp shade", "figurines",
    "grinder", "rolling tray", "pipe", "stash box", "Nerf mods", "D&D dice tower",
    "furniture", "kitchen cabinets", "garden shed", "house floor plan", "tiny house plans", "boat hull",
    "guitar body", "skateboard", "bicycle frame", "jewellery", "rings", "shoe soles", "engine bracket",
]
FMT = ["PDF", "pdf", "ebook", "e-book", "EPUB", "video course", "audiobook", "PDF + videos", "mp4 course", "docx",
       "scan", "ZIP", "mega link", "download"]
N = ["5", "10", "12", "20", "25", "50", "100", "150", "200", "300", "500", "1000", "1,000", "5000", "10k"]
PAGES = ["48", "64", "96", "120", "150", "212", "240", "300", "356", "420", "600", "1,100"]
YEAR = ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]
TAG = ["", "", "", "[PDF]", "(PDF)", "[instant]", "*AUTOSHOP*", "[AUTO-DELIVERY]", "(FE)", "[ESCROW]", "**SALE**",
       "|| BEST SELLER ||", "[NEW]", "+ bonus", "- instant delivery", "(updated)", "[{yr} edition]", "- lifetime access"]


def book_slot(R, lang):
    t = R.choice(TOPIC)
    return {"t": t, "book": R.choice(BOOK).replace("{t}", t.title() if R.random() < 0.5 else t),
            "how": R.choice(HOWTO), "bld": R.choice(BUILD), "obj": R.choice(FILEOBJ), "fmt": FMT, "n": N,
            "pg": PAGES, "yr": YEAR, "tag": TAG, "_labels": [], "_qty_mult": 1.0}


TITLES = [
    "{book}", "{book} {fmt}", "{book} {tag}", "{tag} {book}", "{book} ({yr})", "{book} - {pg} pages",
    "How To {how}", "How to {how} {fmt}", "How To {how} - Guide", "HOW TO {how} (step by step)", "how to {how} {tag}",
    "{how} - the complete guide", "{t} guide", "{t} guide {fmt}", "{t} tutorial", "{t} course {tag}", "{t} manual",
    "{t} newbie guide", "Beginner's guide to {t}", "{n} {t} ebooks pack", "{n} ebooks ({t}) {fmt}",
    "Mega pack: {n} {t} guides", "{t} method {yr}", "{t} bible {fmt}", "Build your own {bld}", "Build Your Own {bld} - plans",
    "DIY {bld} - step by step", "DIY {bld} guide {fmt}", "{bld} build plans + parts list", "{bld} blueprints {fmt}",
    "Complete {bld} build manual", "Make your own {bld}", "{obj} STL files", "{obj} STL", "{n} STL files - {obj}",
    "3D print files: {obj}", "{obj} CAD model (STEP + STL)", "{obj} blueprints", "{obj} plans (PDF)",
    "Printable {obj} - files", "{obj} - print your own", "{n} printable {obj}", "{t} video course {tag}",
    "{book} + {book}", "{book} + bonus: {t} guide", "Library: {n} books on {t}", "{t} eBook collection",
]
ITEM = [
    "Instant delivery: you get the download link after purchase.", "PDF, {pg} pages, English.", "Files are sent after you finalize.",
    "Step by step with pictures.", "Everything explained step by step, for beginners and pros.", "Digital product, no refunds.",
    "You receive a mega link with all the files.", "Autoshop: the link shows on your order page.", "Updated for {yr}.",
    "Includes templates, checklists and a bonus chapter.", "Print it or read it on your phone.", "Sent by message within 12h.",
    "Parts list and tools list included.", "Plans with measurements, cut list and diagrams.", "Files: STL and STEP, tested on Prusa and Ender.",
    "Printed in PLA at 0.2 mm without supports.", "Blueprints in PDF and DWG.", "Works with any FDM printer.",
    "Over {n} satisfied buyers.", "Read the whole thing before you start.", "This guide will teach you how to {how}.",
    "The complete manual, no parts missing.", "Video lessons plus the {fmt}.", "Resell rights included.",
    "Written by an experienced vendor.", "Ask me anything after you buy.", "Language: English. Some chapters in German.",
    "Build time: one weekend.", "Material cost under $100.", "Safe, legal and tested.", "Scan of the original book.",
]
TALK = [
    "Please leave feedback.", "No refunds on digital goods.", "PGP key on my profile.", "Check my other listings.",
    "Bulk discounts available.", "FE for trusted buyers only.", "Message me for custom orders.", "Vendor since {yr}.",
]


def desc(R, lang, loc, slots):
    x = R.random()
    if x < 0.45:
        return ""
    if lang != "en":
        return " ".join(R.sample(loc["desc"], min(R.randint(1, 2), len(loc["desc"]))))
    if x < 0.65:
        return R.choice(ITEM)
    parts = R.sample(ITEM, R.randint(2, 5)) + R.sample(TALK, R.randint(0, 2))
    R.shuffle(parts)
    return R.choice([" ", "\n", " - "]).join(parts)


CATS = ["Digital Goods/E-Books", "Guides & Tutorials", "Digital Goods/Guides", "Information/eBooks", "Tutorials",
        "Digital Products", "Guides", "Fraud/Guides", "Other/Digital", "Books", "Software & Malware", "Services"]

SPECS = [
    {"name": "r3_digital", "n": 900, "labels": [], "slotter": book_slot, "titles": TITLES, "desc": [],
     "desc_fn": desc, "cats": CATS, "price": (3, 80), "domain": "digital", "langs": list(ALL5),
     "obf": 0.0, "multipart": 0.02},
]

pools_i18n.N["r3_digital"] = {
    "de": {"titles": ["{t} Anleitung", "{t} Leitfaden {fmt}", "Wie man {bld} selbst baut", "{bld} selber bauen - Bauplan",
                      "{obj} STL Dateien", "{n} E-Books {t}", "Komplettkurs {t}", "{book} (deutsch)"],
           "desc": ["Sofortige Lieferung per Link.", "PDF, {pg} Seiten.", "Schritt für Schritt erklärt.", "Keine Rückerstattung."]},
    "ru": {"titles": ["Мануал {t}", "Гайд по {t}", "Как {how} - руководство", "Чертежи {bld}", "{obj} STL файлы",
                      "Курс {t} {fmt}", "{n} книг по {t}"],
           "desc": ["Моментальная выдача ссылки.", "PDF, {pg} страниц.", "Пошаговая инструкция.", "Цифровой товар, возврата нет."]},
    "es": {"titles": ["Guía de {t}", "Manual {t} {fmt}", "Cómo {how}", "Planos {bld}", "Archivos STL {obj}", "Curso de {t}"],
           "desc": ["Entrega instantánea.", "PDF, {pg} páginas.", "Paso a paso.", "Producto digital, sin reembolsos."]},
    "fr": {"titles": ["Guide {t}", "Manuel {t} {fmt}", "Comment {how}", "Plans {bld}", "Fichiers STL {obj}", "Cours {t}"],
           "desc": ["Livraison instantanée.", "PDF, {pg} pages.", "Étape par étape.", "Produit numérique, pas de remboursement."]},
}
