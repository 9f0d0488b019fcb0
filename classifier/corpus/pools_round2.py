"""Round-2 pools: the gaps the first model showed on real listings (see README, "Round 2").

* bare make-and-model firearm titles ("Beretta 92FS", "Glock 26 Gen 4 (Full Escrow)") with empty or
  boilerplate-only descriptions, across a few hundred makes and models, often "with 2 mags / box /
  holster" (still firearm only), and their contrast: the same models with a part word (slide, barrel,
  frame, lower, trigger, mag) labeled part;
* terse ammunition titles by count and bullet type ("9mm Luger FMJ - 25pcs", "Патроны 5.45x39 30шт");
* rich negatives that use the words the first corpus kept for guns ("comes with", "single", "extra",
  "condition", "clean", "original", "brand new", "serial") and numbers / weights / pill counts:
  pharmaceuticals, weed, hash, stimulants, MDMA, psychedelics, steroids, carding, electronics.

Specs use `desc_fn(R, lang)`: it returns a description template (possibly empty) that generate.py
expands with the row's slots, so descriptions can be empty, boilerplate-only or item-specific in the
proportions these listings have. Other languages are registered in pools_i18n.N under the spec name.
"""

import pools_i18n
import pools_pos

ALL5 = ("en", "de", "ru", "es", "fr")

# --------------------------------------------------------------------------- calibres

CAL = dict(pools_pos.CAL)
CAL.update({
    ".25": [".25 ACP", "6.35mm", "6.35 Browning", ".25 auto"],
    ".32": [".32 ACP", "7.65mm", ".32 auto"],
    ".22m": [".22 WMR", ".22 Mag", "22 magnum"],
    ".410": [".410", ".410 bore", "410 gauge"],
    "16ga": ["16 gauge", "16ga", "16/70"],
    ".270": [".270 Win", ".270"],
    ".243": [".243 Win", ".243"],
    "8mm": ["8mm Mauser", "7.92x57", "8x57 IS"],
    ".45-70": [".45-70 Govt", "45-70"],
    ".45lc": [".45 Colt", ".45 LC", "45 Long Colt"],
    "9x21": ["9x21", "9x21 IMI"],
    ".357sig": [".357 SIG", "357 Sig"],
    "7.5": ["7.5x55 Swiss", "7.5x55 GP11"],
    "6.5x55": ["6.5x55 Swede", "6.5x55"],
    "7.62x38": ["7.62x38R", "7.62 Nagant"],
    ".455": [".455 Webley"],
    "7.62x25n": ["7.62x25", "7.62 Tokarev"],
    ".22h": [".22 LR", ".22 Hornet", "22lr"],
    ".300wm": [".300 Win Mag", "300 WM"],
    ".500": [".500 S&W", "500 S&W Magnum"],
    "5.56s": [".223", "5.56", ".223 Rem", "5.56 NATO"],
})

# "Make|model, model, ...|calibre key|kind|flags"  (flags: g = takes "Gen N", s = make may be dropped)
_MODELS = """
Glock|17, 19, 19X, 26, 34, 43, 43X, 45, 48, 47|9mm|pistol|gs
Glock|22, 23, 27, 35|.40|pistol|gs
Glock|21, 30, 36, 41|.45|pistol|gs
Glock|20, 29, 40|10mm|pistol|gs
Glock|42, 25|.380|pistol|gs
Glock|44|.22|pistol|gs
Sig Sauer|P226, P229, P320, P320 Compact, P320 X-Carry, P365, P365 XL, P365 X-Macro, SP2022, P210, P225, P228, M17, M18, P320 AXG|9mm|pistol|
Sig|P226, P229, P320, P365, P365XL, P238, P938, P220, P250, SP2022|9mm|pistol|
Sig Sauer|P220, P227, P245|.45|pistol|
Sig Sauer|P238, P232, P230|.380|pistol|
Sig Sauer|MPX, MPX Copperhead|9mm|smg|
Sig Sauer|MCX, MCX Spear LT, SIG516, SIG550|5.56|rifle|
Beretta|92FS, 92 FS Inox, 92X, M9, M9A3, 92A1, 96A1, PX4 Storm, APX, APX A1 Carry, Nano, 98FS|9mm|pistol|s
Beretta|84, 85, 84FS Cheetah, 86|.380|pistol|
Beretta|21A Bobcat, 950 Jetfire|.22|pistol|
Beretta|3032 Tomcat|.32|pistol|
Beretta|1301 Tactical, A400, 686 Silver Pigeon, 1201FP, A300 Outlander, Xtrema 2|12ga|shotgun|
Taurus|PT92, PT 92 AF, G2C, G3, G3C, G3X, PT111 Millennium, PT709 Slim, GX4, TH9, 24/7|9mm|pistol|s
Taurus|Judge, Public Defender|.45lc|revolver|
Taurus|605, 608, 66, Tracker 627|.357|revolver|
Taurus|85, 856, 82, Ultra-Lite|.38|revolver|
Taurus|TX22, PT22|.22|pistol|
Taurus|Spectrum, PT738|.380|pistol|
Ruger|LCP, LCP II, LCP Max|.380|pistol|s
Ruger|LC9s, EC9s, SR9c, SR9, Security-9, Max-9, American Pistol, P89, P95, PC Carbine|9mm|pistol|s
Ruger|SR1911, P90|.45|pistol|
Ruger|57|5.7|pistol|
Ruger|GP100, SP101, LCR, Security Six, Speed Six|.357|revolver|s
Ruger|Super Redhawk, Redhawk, Super Blackhawk|.44|revolver|s
Ruger|Wrangler, Single-Six, Mark IV, Mark III, SR22, 22/45|.22|pistol|s
Ruger|10/22, 10/22 Takedown, American Rimfire|.22|rifle|s
Ruger|Mini-14, Mini-14 Ranch, AR-556|5.56|rifle|s
Ruger|Mini-30|7.62x39|rifle|s
Ruger|American Rifle, Hawkeye, M77|.308|rifle|
Smith & Wesson|M&P Shield, M&P9 Shield EZ, Shield Plus, M&P9 2.0, M&P9 M2.0 Compact, SD9VE, CSX, 5906, 659, M&P9c|9mm|pistol|
S&W|M&P Shield, Shield Plus, SD9VE, M&P9, M&P 2.0, CSX, Equalizer|9mm|pistol|
S&W|SW40VE, M&P40, Shield 40|.40|pistol|
S&W|Bodyguard 380, M&P380 Shield EZ|.380|pistol|
S&W|Model 686, 686 Plus, Model 19, Model 27, Model 66, Model 586, Model 627|.357|revolver|
Smith & Wesson|Model 10, Model 15, Model 36, Model 60, Model 642, Model 442, Model 637, Model 64|.38|revolver|
Smith & Wesson|Model 29, Model 629, Model 69|.44|revolver|
Smith & Wesson|Model 500, Model 460|.500|revolver|
Smith & Wesson|M&P15, M&P15 Sport II, M&P10|5.56|rifle|
Colt|Python, King Cobra, Trooper, Lawman, Anaconda|.357|revolver|s
Colt|Detective Special, Cobra, Night Cobra, Official Police, Police Positive|.38|revolver|
Colt|1911 Government, Government Model, Commander, Combat Commander, Officer's ACP, Gold Cup, Series 70, M1911A1|.45|pistol|
Colt|Mustang, Pony, Government .380|.380|pistol|
Colt|Single Action Army, Peacemaker|.45lc|revolver|
Colt|AR-15 A2, LE6920, M4 Carbine, SP1|5.56|rifle|
Hi-Point|C9, C-9, CF380, JCP, JHP, YC9, 995TS, 4595TS|9mm|pistol|
Kel-Tec|PF9, P11, PF-9, CP33, Sub-2000, P17|9mm|pistol|
Kel-Tec|P3AT, P32|.380|pistol|
Kel-Tec|PMR-30, CMR-30|.22m|pistol|
Kel-Tec|KSG, KS7|12ga|shotgun|
Kel-Tec|RFB, SU-16|5.56|rifle|
Springfield|XD, XD9, XD-S, XD-M, XD Mod.2, XD Elite, Hellcat, Hellcat Pro, Hellcat RDP, Echelon, 911|9mm|pistol|s
Springfield Armory|1911 Mil-Spec, 1911 Loaded, Range Officer, Garrison, XD-45|.45|pistol|
Springfield Armory|M1A, M1A Scout Squad|.308|rifle|
Springfield Armory|Saint, Saint Victor|5.56|rifle|
Desert Eagle|.50AE, Mark XIX .50, L5, Mark XIX|.50ae|pistol|s
IMI|Desert Eagle|.50ae|pistol|s
Magnum Research|Desert Eagle, Desert Eagle Mark XIX, Baby Eagle|.50ae|pistol|
Remington|700, 700 SPS, 700 ADL, 700 BDL, Model 7, 783, 770, 7600|.308|rifle|s
Remington|870, 870 Express, 870 Wingmaster, 1100, 11-87, Versa Max, V3, Model 31|12ga|shotgun|s
Remington|R51, RP9, 1911 R1|9mm|pistol|
Remington|597, 572 Fieldmaster, Nylon 66|.22|rifle|
Mossberg|500, 590, 590A1, 590M, 930 SPX, 940 Pro, Maverick 88, Shockwave, Patriot|12ga|shotgun|s
Mossberg|500 Youth, 500 Bantam, 535 ATS|20ga|shotgun|
Mossberg|MC1sc, MC2c|9mm|pistol|
Mossberg|MVP Patrol, Patriot|.308|rifle|
Norinco|SKS, Type 56 SKS, Type 56, NHM 91, MAK-90|7.62x39|rifle|s
Simonov|SKS, SKS-45|7.62x39|rifle|s
Makarov|PM, PMM, IJ-70, Makarov PM|9x18|pistol|s
Baikal|IJ-70, IJ-70-18A, MP-654K, MP-71|9x18|pistol|
Baikal|MP-446 Viking, MP-443 Grach|9mm|pistol|
Baikal|IZh-27, IZh-43, MP-27, MP-153, MP-155, IZh-18, MP-18, IZh-58|12ga|shotgun|
IZh|43, 27, 18, 58, 81|12ga|shotgun|
CZ|Scorpion EVO 3 S1, Scorpion EVO 3, Scorpion EVO, Scorpion Evo 3 S1 Carbine|9mm|smg|s
CZ|75 B, 75 BD, 75 SP-01, SP-01 Shadow, Shadow 2, 75 Compact, P-01, P-07, P-09, P-10 C, P-10 F, P-10 S, 85 Combat, 2075 RAMI|9mm|pistol|
CZ|83, 82|9x18|pistol|
CZ|97 B|.45|pistol|
CZ|457, 455, 452|.22|rifle|
CZ|527, 550, 557, 600, Bren 2, Bren 805|5.56|rifle|
Bersa|Thunder 380, Thunder 380 CC, Firestorm 380|.380|pistol|s
Bersa|Thunder 9 Pro, Thunder 9 Ultra Compact, BP9CC, TPR9, TPR9C|9mm|pistol|
Bersa|Thunder 22|.22|pistol|
Jericho|941, 941 F, 941 PSL, 941 RS9|9mm|pistol|
IWI|Jericho 941, Masada, Uzi Pro|9mm|pistol|
IWI|Tavor X95, Tavor SAR, Galil ACE, Tavor 7|5.56|rifle|
Norinco|Type 54, 213, 213A|7.62x25|pistol|
Norinco|NP-22, NP-34, CF98, QSZ-92|9mm|pistol|
Norinco|1911A1, NP-30|.45|pistol|
Norinco|Type 59, Type 64|9x18|pistol|
Norinco|982, 98, HP9-1|12ga|shotgun|
Zastava|M57, M57A, M70A, M88, CZ99, EZ9, PPZ|7.62x25|pistol|s
Zastava|M70, M70 AB2, PAP M70, ZPAP M70, ZPAP92, PAP M92PV, M76|7.62x39|rifle|s
Zastava|M48, M24/47|8mm|rifle|
Zastava|M70 (7.65), M70 pistol|.32|pistol|
FN|Five-seveN, Five-seveN MK2, Five-seveN MK3|5.7|pistol|s
FN|FNX-45, FNX-45 Tactical, FN 545|.45|pistol|
FN|FNS-9, 509, 509 Tactical, 509 Compact, Reflex, Hi-Power, FNX-9, HP-DA|9mm|pistol|
FN|P90, PS90|5.7|smg|
FN|SCAR 17S, FAL, FNAR|.308|rifle|
FN|SCAR 16S, FS2000, F2000|5.56|rifle|
Steyr|M9-A1, M9-A2 MF, L9-A1, L9-A2 MF, S9-A1, C9-A2 MF, M40-A1|9mm|pistol|
Steyr|AUG, AUG A3, AUG A3 M1, AUG Z|5.56|rifle|
Steyr|Scout, SSG 08, SSG 69, Pro Hunter, Mannlicher M|.308|rifle|
Tanfoglio|Witness, Witness Compact, Stock II, Stock III, Force 99, Defiant Combat, Gold Custom, Limited Custom|9mm|pistol|
Tanfoglio|Witness .45, Force .45|.45|pistol|
Canik|TP9SF, TP9SF Elite, TP9 Elite SC, TP9SA, METE SFT, METE SFx, Rival, Rival-S, TP9DA|9mm|pistol|
Arcus|94, 98DA, 94C|9mm|pistol|
Baikal|IZh-71, MP-71|9x18|pistol|
IZh|71, 70, 79|9x18|pistol|
Nagant|M1895, M1895 revolver, 1895 Tula|7.62x38|revolver|s
Mauser|C96, C96 Broomhandle, M1712 Schnellfeuer|7.62x25|pistol|s
Mauser|K98k, Kar98k, K98, Gewehr 98, M48, 98 Sporter, M18|8mm|rifle|s
Mauser|M1910, M1914, HSc|.32|pistol|
Enfield|No.4 Mk1, No.4 Mk2, SMLE No.1 Mk III, No.5 Jungle Carbine, P14|.303|rifle|s
Lee-Enfield|No.4 Mk1, SMLE Mk III*, No.5 Mk1|.303|rifle|
Webley|Mk VI, Mk IV, Mark VI|.455|revolver|
Mosin|91/30, M44, M38, M91, M39|7.62x54|rifle|s
Mosin-Nagant|91/30, M44, 1891|7.62x54|rifle|
Benelli|M4, M2, Nova, Supernova, M1014, Vinci, Montefeltro, SBE3, M3 Super 90|12ga|shotgun|s
Winchester|Model 70, XPR, Model 1895|.308|rifle|s
Winchester|Model 94, Model 1894, 1873, Model 92|.30-30|rifle|s
Winchester|SXP, SXP Defender, 1300 Defender, 1897, Model 12, 1200, SX4|12ga|shotgun|s
Marlin|336, 336C, 30AS, 1894, 1895 SBL|.30-30|rifle|
Marlin|Model 60, 795, 925, 39A, XT-22|.22|rifle|
Marlin|1895 Guide Gun, 1895|.45-70|rifle|
Henry|Big Boy, Big Boy X, Side Gate, Long Ranger|.44|rifle|
Henry|Golden Boy, H001, Frontier, AR-7 Survival|.22|rifle|
Henry|X Model .30-30, Lever Action .30-30, H009|.30-30|rifle|
Walther|PPK, PPK/S, PK380, PPS|.380|pistol|s
Walther|P99, P99 AS, PPQ, PPQ M2, PDP, PDP Compact, CCP, P38, P1, P88, Q5 Match, Creed|9mm|pistol|s
Walther|P22, P22Q|.22|pistol|
HK|VP9, VP9SK, USP, USP Compact, P30, P30SK, P2000, P2000SK, SFP9, P7M8|9mm|pistol|
Heckler & Koch|USP 45, HK45, HK45 Compact, Mark 23|.45|pistol|
Heckler & Koch|MP5, MP5K, SP5, SP5K, MP7|9mm|smg|
Heckler & Koch|HK416, MR556, G36|5.56|rifle|
Heckler & Koch|G3, HK91, SL8, MR762|.308|rifle|
Kimber|Micro 9, EVO SP, R7 Mako, Custom II 9mm|9mm|pistol|
Kimber|Custom II, Pro Carry II, Ultra Carry II, Rapide|.45|pistol|
Kimber|K6s, K6s DASA|.357|revolver|
Charter Arms|Bulldog, Pitbull|.44|revolver|
Charter Arms|Undercover, Off Duty, Mag Pug|.38|revolver|
Rossi|R92, Model 92|.357|rifle|
Rossi|RS22, RP63|.22|rifle|
Rossi|R461, R462, Model 971|.357|revolver|
Heritage|Rough Rider|.22|revolver|
Chiappa|Rhino 40DS, Rhino 60DS, Rhino 200DS|.357|revolver|
Tokarev|TT-33, TT-30, TT|7.62x25|pistol|s
Astra|A-100, A-75, 600, Constable|9mm|pistol|
Llama|Max-I, Micro-Max, Especial|.45|pistol|
Star|Model B, BM, Firestar M43|9mm|pistol|
Stechkin|APS|9x18|pistol|s
PSM|5.45x18 pistol|5.45|pistol|s
Grand Power|K100, P1 Mk7, Q100, Stribog SP9A3|9mm|pistol|
Sarsilmaz|SAR9, SAR9 SOCOM, K2P, Kilinc 2000, ST10|9mm|pistol|
Girsan|MC28SA, Regard MC, MC1911, MC14|9mm|pistol|
Stoeger|Cougar 8000, STR-9, STR-9C|9mm|pistol|
Stoeger|Coach Gun, M3000, P3000, Double Defense|12ga|shotgun|
SCCY|CPX-1, CPX-2, DVG-1|9mm|pistol|
Diamondback|DB9, DB380, DBX|9mm|pistol|
Savage|Axis, Axis II, 110, 10 FCP, Model 99, Impulse|.308|rifle|s
Savage|64, Mark II, 93R17, A22|.22|rifle|s
Stevens|320, 301, 555|12ga|shotgun|
Tikka|T3x Lite, T3x Hunter, T3x TAC A1, T1x|.308|rifle|s
Sako|85, 85 Finnlight, A7, TRG 22, TRG 42|.308|rifle|s
Browning|Hi-Power, BDA, BDM, Hi Power Mk III|9mm|pistol|
Browning|Buck Mark, Buck Mark Camper|.22|pistol|
Browning|A5, Auto-5, Citori, Maxus, BPS, Gold Fusion|12ga|shotgun|
Browning|X-Bolt, BAR, BAR Mk3, BLR|.308|rifle|
Kalashnikov|AK-47, AKM, AKMS, AK-103, AK-104, Saiga MK, SR1|7.62x39|rifle|s
Kalashnikov|AK-74, AK-74M, AKS-74U, AK-105, AK-12, Saiga 5.45|5.45|rifle|s
Izhmash|Saiga-12, Saiga 12K|12ga|shotgun|
Molot|Vepr-12, Vepr 7.62x39, VPO-136, VPO-209|12ga|shotgun|
Century|WASR-10, WASR-10 UF, RAS47, VSKA|7.62x39|rifle|s
Cugir|WASR-10, PM md.63, PM md. 65|7.62x39|rifle|
Arsenal|SAM7R, SLR-107R, SAM7SF, SLR-106|7.62x39|rifle|
Uzi|Uzi, Mini Uzi, Micro Uzi|9mm|smg|s
Skorpion|vz.61, vz. 82|.32|smg|s
Intratec|TEC-9, TEC-DC9, AB-10|9mm|smg|s
Ingram|MAC-10, MAC-11|.45|smg|s
Auto-Ordnance|Thompson 1927A1, Thompson M1, 1911A1|.45|smg|s
Dragunov|SVD, Tigr, SVD-S|7.62x54|rifle|s
Ithaca|37, 37 Defense, Model 37 Featherlight|12ga|shotgun|s
Schmidt-Rubin|K31, K11|7.5|rifle|s
Carcano|M91/38, M1891|8mm|rifle|s
Springfield|M1903, 1903A3, M1 Garand|.30-06|rifle|
Inland|M1 Carbine|.300|rifle|s
Arisaka|Type 99, Type 38|8mm|rifle|s
Tokarev|SVT-40|7.62x54|rifle|s
CZ|vz. 58, vz.58 Sporter, Sa vz. 58|7.62x39|rifle|
FEG|PA-63, AP9, P9R, PJK-9HP|9x18|pistol|
Radom|VIS wz.35, P-64, P-83 Wanad|9x18|pistol|s
Helwan|Brigadier|9mm|pistol|s
Swedish|Lahti L-35, m/96 Mauser|6.5x55|rifle|
Rock Island|1911 GI, M1911-A1 FS, 1911 Tactical, M206|.45|pistol|s
Tisas|1911 Carry, 1911 A1 Service, Zigana PX-9, Zigana K|.45|pistol|s
Armscor|1911, M200|.45|pistol|
Daniel Defense|DDM4 V7, DDM4 MK18, DD5 V3|5.56|rifle|s
BCM|RECCE-16, M4 Carbine|5.56|rifle|
Aero Precision|M4E1, AR15 complete rifle|5.56|rifle|
Palmetto State|PA-15, PSAK-47 GF3, PA-10|5.56|rifle|
Anderson|AM-15|5.56|rifle|
DPMS|Oracle, Panther, LR-308|5.56|rifle|
Bushmaster|XM-15, ACR, Carbon 15|5.56|rifle|
LWRC|IC-DI, IC-SPR|5.56|rifle|
Noveske|Gen 3 Recon|5.56|rifle|
Stag Arms|Stag 15, Stag 10|5.56|rifle|
Windham|WW-15, SRC|5.56|rifle|
Armalite|AR-10, M-15, AR-180|.308|rifle|
Beretta|ARX100, ARX160, CX4 Storm|9mm|rifle|
Kriss|Vector, Vector CRB, Vector SDP|.45|smg|s
B&T|APC9, APC9 Pro, GHM9, TP9|9mm|smg|s
Hudson|H9|9mm|pistol|
Shadow Systems|MR920, DR920, XR920|9mm|pistol|s
Staccato|P, C2, XC|9mm|pistol|s
Dan Wesson|Valor, Guardian, Kodiak|.45|pistol|
Ekol|Firat Magnum (live)|9mm|pistol|
Akkar|Churchill 220, Churchill 612|12ga|shotgun|
Hatsan|Escort Aimguard, Escort MPA, Escort Slugger|12ga|shotgun|
Fabarm|STF/12, SDASS Tactical|12ga|shotgun|
Franchi|SPAS-12, SPAS-15, Affinity 3, LAW-12|12ga|shotgun|s
Vepr|12 Molot, VPO-205|12ga|shotgun|s
KSG|KSG 25|12ga|shotgun|s
Thompson/Center|Contender, Encore, Compass|.308|rifle|
Keltec|Sub2000 Gen 3, PF9|9mm|pistol|
"""


def _parse():
    out = []
    for line in _MODELS.strip().splitlines():
        mk, models, calk, kind, flags = line.split("|")
        for md in models.split(","):
            md = md.strip()
            if md:
                out.append((mk, md, calk, kind, flags))
    return out


MODELS = _parse()
assert len({(m[0], m[1]) for m in MODELS}) > 500, len(MODELS)

SHORT = {"Smith & Wesson": ["S&W", "Smith & Wesson", "Smith and Wesson", "S&W"], "Sig Sauer": ["Sig", "SIG Sauer", "Sig Sauer"],
         "Heckler & Koch": ["HK", "H&K", "Heckler & Koch"], "Springfield Armory": ["Springfield", "Springfield Armory"],
         "Magnum Research": ["Magnum Research", "MR"], "Kalashnikov": ["Kalashnikov", "Izhmash", ""],
         "Palmetto State": ["PSA", "Palmetto State Armory"]}

GEN = ["Gen 3", "Gen 4", "Gen 5", "Gen3", "Gen4", "Gen5", "G4", "Gen 4 MOS", "Gen 5 MOS", "Gen 2"]
COND = ["new", "NIB", "new in box", "used", "like new", "mint", "excellent", "good condition", "LNIB", "unfired",
        "police trade-in", "surplus", "95%", "lightly used", "very good", "fair condition", "as new", "pre-owned",
        "range gun", "collector", "brand new", "factory new", "fired 50 rds", "ANIB"]
ESCROW = ["(Full Escrow)", "[Escrow]", "- Escrow", "(FE)", "- FE", "[FE only]", "(escrow only)", "[MULTISIG]",
          "- escrow accepted", "(full escrow available)"]
FINISH = ["black", "FDE", "OD green", "stainless", "two-tone", "blued", "nickel", "Cerakote", "inox", "tan",
          "flat dark earth", "matte black", "chrome", "walnut"]
CTRY = ["US", "USA", "UK", "EU", "DE", "NL", "BE", "FR", "CZ", "PL", "AT", "SE", "ES", "IT", "RU", "UA", "RS"]
BARREL = ["3\"", "4\"", "4.25\"", "5\"", "6\"", "2\"", "16\"", "18.5\"", "20\"", "22\"", "24\"", "10.5\"", "14.5\""]
# what comes with a gun: never a separate part (see README, labeling rules)
INCL = ["2 mags", "3 mags", "1 mag", "two mags", "both mags", "2 magazines", "3 factory mags", "original box",
        "box", "box and 2 mags", "box, 2 mags and manual", "holster", "IWB holster", "hard case", "soft case",
        "case and 2 mags", "2 mags + holster", "factory case", "box & papers", "lock and manual", "speedloader",
        "sling", "cleaning kit", "all original accessories", "4 mags", "2 mags and a loader", "the box it came in",
        "3 mags, holster, box", "scope", "red dot", "factory night sights", "spare grips", "2 mags", "2 mags", "3 mags",
        "2x mags", "2 x 15rd mags", "two magazines", "5 mags", "mags", "spare mag", "extra mag", "2 mags + box",
        "box + 3 mags", "all mags", "6 mags and pouch", "holster and 2 mags", "2 mags, no box"]
PRICE = ["$450", "$650", "$900", "$1200", "$1,500", "€700", "€950", "£800", "800 USD", "0.02 BTC", "1100$",
         "$380", "$2,400", "550 EUR", "4 XMR", "$300", "$275"]


def _display(R, mk, md, flags):
    short = SHORT.get(mk, [mk])
    make = short[R.randrange(len(short))]
    if "s" in flags and R.random() < 0.4 and any(c.isalpha() for c in md) and len(md) >= 3:
        make = ""  # "SKS", "Makarov PM", "Python" stand alone; "7600" or "92" do not
    if make and md.lower().startswith(make.lower()):
        make = ""
    if mk in ("Glock",) and R.random() < 0.25:
        return R.choice(["G", "G ", "Glock-", "glock "]) + md if md[0].isdigit() else make + " " + md
    if make in ("Makarov", "Uzi", "Desert Eagle", "Mosin", "Kalashnikov") and md.startswith(make):
        make = ""
    return (make + " " + md).strip()


def bare_slotter(R, lang):
    mk, md, calk, kind, flags = MODELS[R.randrange(len(MODELS))]
    cal = CAL[calk][R.randrange(len(CAL[calk]))]
    name = _display(R, mk, md, flags)
    gen = R.choice(GEN) if "g" in flags else R.choice(["", "", "", "Compact", "Full Size", "Tactical", "Custom",
                                                       "Carry", "Sport", "SA/DA", "Target", "Pro", "Mk II", "Mod 2"])
    if gen and gen.lower() in md.lower():
        gen = ""
    return {"m": name, "mk": SHORT.get(mk, [mk])[0], "md": md, "cal": cal, "gen": gen, "cond": COND, "esc": ESCROW,
            "fin": FINISH, "ctry": CTRY, "bl": BARREL, "incl": INCL, "pr": PRICE, "kind": kind, "_labels": [],
            "_qty_mult": 1.0}


BARE_T = [
    "{m}", "{m}", "{m}", "{m} {cal}", "{m} {cal}", "{m} {gen}", "{m} {gen} {cal}", "{m} {esc}", "{m} {gen} {esc}",
    "{m} {cal} {esc}", "{m} - {cond}", "{m} {cal} - {cond}", "{m} ({cond})", "{cond} {m}", "{m} {fin}",
    "{m} {cal} {fin}", "{m} {bl}", "{m} {bl} {cal}", "{mk} {cal} caliber", "{mk} {cal} cal", "{mk} {cal}",
    "{m} | {pr}", "{m} - {pr}", "{m} {cal} {pr}", "{m} [{ctry}]", "{m} - ships from {ctry}", "{m} ({ctry})",
    "{m} {ctry} stock", "{m} w/ {incl}", "{m} with {incl}", "{m} + {incl}", "{m} {cal} w/ {incl}",
    "{m} {cal} + {incl}", "{m} {cond} w/ {incl}", "{m}, {incl}", "{m} incl. {incl}", "{cal} {m}", "{m} in {cal}",
    "{m} {cal} {cond} {esc}", "{m} ({cal})", "{m} - {cal}", "{m} / {cal}", "{m} :: {cal} :: {cond}", "{m} {?NEW}",
    "{m} #{ctry}", "1x {m}", "{m} x1", "{m} [{cal}] [{cond}]", "{m} {gen} - {fin} - {cal}", "{m} - escrow only",
    "{m} + 2 mags", "{m} w/ 2 mags", "{m} with box", "{m} {cal} with {incl}", "{m} {gen} + {incl}", "{m} ({incl})",
    "{m} (price drop)", "{m} restock", "{m} last one", "{m} - PM me", "{m} {cal} SALE", "{m} {?original}",
]
BARE_BOILER = [
    "Escrow only.", "escrow only", "Ships in 2 parts.", "ships in 2 parts", "Ships in two packages.", "PM me.",
    "PM me for details.", "PM for more pics.", "Message before ordering.", "Read my terms before you buy.",
    "See vendor terms.", "Vendor terms apply.", "Terms on profile.", "FE for trusted buyers only.", "No FE.",
    "Stealth shipping.", "Discreet shipping worldwide.", "Ships same day.", "Tracking included.", "Price is firm.",
    "No lowballers.", "Serious buyers only.", "Bulk discount available.", "Ships from {ctry}.", "{ctry} only.",
    "Worldwide shipping.", "Domestic only.", "Local pickup possible.", "Pics on request.", "Read profile.",
    "Multisig or escrow.", "BTC / XMR accepted.", "No refunds.", "Reship policy on profile.", "DM me.",
    "Contact me first.", "Limited stock.", "Only 1 available.", "2 in stock.", "Restocked.",
]
BARE_ITEM = [
    "{cal}.", "Caliber {cal}.", "{cond}.", "Condition: {cond}.", "Comes with {incl}.", "Includes {incl}.",
    "With {incl}.", "{incl} included.", "{fin}.", "Barrel {bl}.", "Serial intact.", "Serial removed.", "Clean.",
    "No papers.", "Test fired.", "Shoots great.", "Works perfect.", "Original, not a clone.", "Single owner.",
    "Brand new, never fired.", "Extra mag included.", "Comes in original box.", "Factory sights.", "Like new.",
    "Minor holster wear.", "Everything original.", "Runs 100%.", "No issues.", "{m}.", "Real steel, not airsoft.",
]


def terse(R, loc, k=2):
    """One or two fragments of a localised description pool."""
    return " ".join(R.sample(loc["desc"], min(R.randint(1, k), len(loc["desc"]))))


def bare_desc(R, lang, loc, slots):
    x = R.random()
    if x < 0.42:
        return ""
    if lang != "en":
        return terse(R, loc)
    if x < 0.62:
        return " ".join(R.sample(BARE_BOILER, R.randint(1, 3)))
    if x < 0.85:
        return " ".join(R.sample(BARE_ITEM, R.randint(1, 3)))
    parts = R.sample(BARE_ITEM, R.randint(1, 3)) + R.sample(BARE_BOILER, R.randint(1, 3))
    R.shuffle(parts)
    return R.choice([" ", "\n", " - "]).join(parts)


# the same models with a part word: part (the contrast the classifier must learn)
PART_WORDS = {
    "pistol": ["slide", "slide", "complete slide", "stripped slide", "barrel", "threaded barrel", "frame", "stripped frame",
               "lower", "trigger", "flat trigger", "trigger kit", "recoil spring", "mag", "magazine", "mags", "15rd mag",
               "extended mag", "drum mag", "slide + barrel", "upper", "compensator", "slide parts kit", "grip frame",
               "extractor", "firing pin", "spare mag x2", "magazine 3-pack"],
    "revolver": ["cylinder", "barrel", "hammer", "trigger", "frame", "grips + springs kit", "crane", "ejector rod"],
    "rifle": ["barrel", "bolt", "bolt carrier group", "BCG", "mag", "magazine", "30rd mags", "trigger group", "trigger",
              "stock", "folding stock", "lower", "lower receiver", "upper receiver", "upper", "handguard", "gas block",
              "muzzle brake", "receiver", "firing pin", "trunnion", "5rd mag", "drum"],
    "shotgun": ["barrel", "18.5\" barrel", "choke tube", "stock", "pistol grip stock", "forend", "mag tube extension",
                "bolt", "trigger group", "box mag", "receiver"],
    "smg": ["barrel", "threaded barrel", "bolt", "mag", "magazine", "30rd mags", "trigger pack", "stock", "brace",
            "lower", "receiver", "upper", "charging handle"],
}
PART_T = [
    "{m} {pw}", "{m} {pw}", "{pw} for {m}", "{m} {pw} - {cond}", "{m} {pw} {cal}", "{m} {gen} {pw}", "{pw} - {m}",
    "{m} OEM {pw}", "{m} {pw} ({fin})", "{m} {pw} {esc}", "{m} {pw} [{ctry}]", "{m} {pw} | {pr}", "{mk} {pw}",
    "{pw} {m} {cal}", "{m} {pw} x2", "{m} {pw} x3", "{m} {pw} only", "{m} {pw} (no gun)", "{m} {pw}, new",
    "Genuine {m} {pw}", "{m} {pw} - fits {m}",
]
PART_D = [
    "Part only, gun not included.", "Just the {pw}.", "OEM {pw}.", "{pw} only, no frame.", "Fits {m}.",
    "Drop-in fit.", "Factory {pw}.", "{cond}.", "Unserialized part.", "Ships in plain box.", "Gun not included.",
    "Aftermarket, fits {m} {gen}.", "Comes with springs.", "Brand new in package.",
]


def part_slotter(R, lang):
    s = bare_slotter(R, lang)
    pws = PART_WORDS.get(s["kind"], PART_WORDS["pistol"])
    s["pw"] = pws[R.randrange(len(pws))]
    return s


def part_desc(R, lang, loc, slots):
    x = R.random()
    if x < 0.35:
        return ""
    if x < 0.55:
        return " ".join(R.sample(BARE_BOILER, R.randint(1, 2)))
    parts = R.sample(PART_D, R.randint(1, 3)) + (R.sample(BARE_BOILER, 1) if R.random() < 0.4 else [])
    R.shuffle(parts)
    return " ".join(parts)


# --------------------------------------------------------------------------- terse ammunition

AMMO_CAL = {
    "9mm": ["9mm Luger", "9mm", "9x19", "9mm Para", "9x19 Parabellum", "9 Luger", "9mm Luger +P"],
    ".40": [".40 S&W", "40 S&W", ".40 cal", "40sw"],
    ".45": [".45 ACP", "45 ACP", ".45 Auto", "45acp"],
    ".380": [".380 ACP", "380 Auto", ".380", "9mm Short"],
    ".22": [".22 LR", "22LR", ".22 Long Rifle", "22 lr"],
    ".357": [".357 Mag", ".357 Magnum", "357mag"],
    ".38": [".38 Special", ".38 Spl", "38 spl +P"],
    ".44": [".44 Mag", ".44 Magnum", ".44 Rem Mag"],
    "5.56": ["5.56x45", "5.56 NATO", ".223 Rem", ".223", "223 Remington", "M193", "M855"],
    "7.62x39": ["7.62x39", "7.62x39mm", "7.62 x 39"],
    "5.45": ["5.45x39", "5.45x39mm", "7N6"],
    "7.62x54": ["7.62x54R", "7.62x54r", "54R"],
    ".308": [".308 Win", ".308 Winchester", "308 win", "7.62x51 NATO", "7.62 NATO"],
    "12ga": ["12G", "12ga", "12 gauge", "12/70", "12 GA", "12/76", "cal.12"],
    "20ga": ["20G", "20ga", "20 gauge"],
    "5.7": ["5.7x28", "5.7x28mm", "5.7"],
    "9x18": ["9x18 Makarov", "9x18", "9mm Mak"],
    "7.62x25": ["7.62x25 Tokarev", "7.62x25", "7.62 Tok"],
    ".300": [".300 BLK", "300 Blackout", ".300 AAC"],
    "10mm": ["10mm Auto", "10mm"],
    ".30-06": [".30-06 Sprg", "30-06"],
    "6.5": ["6.5 Creedmoor", "6.5CM"],
    ".32": [".32 ACP", "7.65 Browning"],
    ".25": [".25 ACP", "6.35 Browning"],
    ".50ae": [".50 AE", "50AE"],
    ".410": [".410 bore", ".410"],
    ".303": [".303 British"],
    "8mm": ["8mm Mauser", "7.92x57"],
    ".22m": [".22 WMR", "22 Mag"],
    ".300wm": [".300 Win Mag"],
    ".45lc": [".45 Colt"],
    ".270": [".270 Win"],
}
AMMO_W = {"9mm": 10, "12ga": 6, ".45": 4, ".40": 4, ".380": 3, ".22": 4, "7.62x39": 5, "5.56": 5, "5.45": 3,
          ".308": 3, ".357": 2, ".38": 2, "5.7": 2, "9x18": 2, "7.62x54": 2, "20ga": 1, ".44": 1, "7.62x25": 1,
          ".300": 1, "10mm": 1, ".30-06": 1, "6.5": 1, ".32": 1, ".25": 1, ".50ae": 1, ".410": 1, ".303": 1,
          "8mm": 1, ".22m": 1, ".300wm": 1, ".45lc": 1, ".270": 1}
BULLET = ["FMJ", "FMJ", "JHP", "HP", "hollow point", "hollow points", "JSP", "soft point", "SP", "TMJ", "LRN", "RN",
          "wadcutter", "SWC", "HST", "Gold Dot", "XTP", "Critical Defense", "ball", "tracer", "AP", "frangible",
          "BTHP", "match", "V-Max", "ELD-X", "polymer tip", "green tip", "+P", "+P+", "subsonic", "solid copper"]
SHOT = ["rifled slugs", "slugs", "00 buck", "00 buckshot", "#4 buck", "birdshot #6", "#7.5 shot", "Brenneke slugs",
        "sabot slugs", "buckshot", "flechette", "low recoil 00", "steel shot #2", "Foster slugs", "turkey load"]
GRAINS = {"9mm": [115, 124, 147], ".40": [165, 180], ".45": [185, 230], ".380": [90, 95], ".22": [36, 40],
          ".357": [125, 158], ".38": [130, 158], ".44": [240], "5.56": [55, 62, 77], "7.62x39": [122, 123],
          "5.45": [60], "7.62x54": [148, 174], ".308": [147, 150, 168], "5.7": [27, 40], "9x18": [95],
          "7.62x25": [85], ".300": [110, 125, 220], "10mm": [180, 200], ".30-06": [150, 165], "6.5": [140, 143]}
SS = {"5.7": ["SS197", "SS197SR", "SS190", "SB193"], "5.45": ["7N6", "7N10"], "5.56": ["M193", "M855", "XM193"],
      "7.62x54": ["LPS", "7N1"], "7.62x39": ["Wolf", "Tula", "Barnaul"]}
CASE = ["steel case", "brass", "brass case", "steel", "nickel", "lacquered steel", "polymer coated", "aluminum case",
        "berdan", "boxer primed", "new brass", "reloads", "remanufactured"]
ABRAND = ["Federal", "Winchester", "Remington", "Hornady", "PMC", "Sellier & Bellot", "S&B", "Fiocchi", "Magtech",
          "CCI", "Blazer", "Speer", "Wolf", "Tula", "Barnaul", "Geco", "PPU", "Prvi Partizan", "Aguila", "Norma",
          "Lapua", "RWS", "MKE", "Igman", "Brown Bear", "Golden Tiger", "Armscor", "Browning", "Sig Sauer"]
PCS = ["{n}pcs", "{n} pcs", "- {n}pcs", "x{n}", "x {n}", "{n}ct", "{n} ct", "{n} rds", "{n}rds", "{n} rounds",
       "{n} rd", "{n}rd box", "box of {n}", "{n}/box", "({n})", "- {n}", "{n} count", "{n} pc", "{n} st", "{n}x",
       "{n} shells", "{n} cartridges", "{n}-round box", "[{n}]", "{n} pieces", "{n} bullets"]
COUNT = [5, 10, 15, 20, 20, 25, 25, 30, 40, 50, 50, 50, 60, 100, 100, 120, 150, 200, 250, 500, 1000]


def ammo_slotter(R, lang):
    keys = list(AMMO_W)
    x = R.random() * sum(AMMO_W.values())
    for k in keys:
        x -= AMMO_W[k]
        if x <= 0:
            break
    shot = k in ("12ga", "20ga", ".410")
    n = R.choice(COUNT if not shot else [5, 10, 10, 15, 25, 25, 50, 100, 250])
    grs = GRAINS.get(k)
    gr = ("%dgr" % R.choice(grs) if R.random() < 0.5 else "%d gr" % R.choice(grs)) if grs else ""
    bt = R.choice(SHOT) if shot else (R.choice(SS[k]) if k in SS and R.random() < 0.35 else R.choice(BULLET))
    pcs = R.choice(PCS).replace("{n}", str(n))
    if shot and "shells" not in pcs and R.random() < 0.3:
        pcs = pcs.replace("rds", "shells").replace("rounds", "shells")
    return {"cal": AMMO_CAL[k][R.randrange(len(AMMO_CAL[k]))], "bt": bt, "gr": gr, "n": str(n), "pcs": pcs,
            "case": CASE, "brand": ABRAND, "ctry": CTRY, "_labels": [], "_qty_mult": max(0.3, n / 100.0)}


AMMO_T = [
    "{cal} {bt} {pcs}", "{cal} {bt} {pcs}", "{cal} {bt} - {pcs}", "{cal} {gr} {pcs}", "{cal} {gr} {bt} {pcs}",
    "{cal} {case} {pcs}", "{cal} {case} {n}ct", "{cal} {bt} box", "{brand} {cal} {bt} {pcs}", "{brand} {cal} {gr}",
    "{brand} {cal} {bt} {gr} {pcs}", "{n}x {cal} {bt}", "{n} x {cal}", "{n} {cal} {bt}", "{cal} x{n}", "{cal} {pcs}",
    "{cal} {gr} {bt}", "{bt} {cal} {pcs}", "{cal} ({bt}) {pcs}", "{cal} {bt} {gr} x{n}", "{cal} - {bt} - {n}",
    "{cal} {bt} {case} {pcs}", "{cal} {bt} [{ctry}]", "{cal} {pcs} - {brand}", "{cal} {bt} bulk {n}",
    "{cal} {bt} {n} loose", "{n}pcs {cal} {bt}", "{cal}/{bt}/{n}", "{cal} {bt} {pcs} {?fresh}", "{cal} {bt} sealed box",
]
AMMO_D = ["", "", "", "{n} per box.", "{brand}.", "{case}.", "{bt}.", "Loose, no box.", "Factory boxes.", "Sealed.",
          "Price per box.", "Price for {n}.", "Ships separately.", "Ships from {ctry}.", "Escrow only.", "PM me.",
          "Fresh lot.", "{gr}.", "Non-corrosive.", "Surplus.", "Clean, never stored wet.", "Original packaging."]


def ammo_desc(R, lang, loc, slots):
    x = R.random()
    if x < 0.4:
        return ""
    if lang != "en":
        return terse(R, loc)
    return " ".join(d for d in R.sample(AMMO_D, R.randint(1, 3)) if d)


pools_i18n.N["ammo_terse"] = {
    "de": {"titles": ["Patronen {cal} {n} Stk", "{cal} {bt} {n} Stück", "Munition {cal} {n} Schuss", "{n} Schuss {cal} {bt}",
                      "{cal} {bt} - {n} Stk", "Patronen {cal} {bt} {gr}", "{brand} {cal} {n} Stk", "{cal} Munition {n}x",
                      "Flintenlaufgeschosse 12/70 {n} Stk", "Schrotpatronen 12/70 {n} Stk"],
           "desc": ["Originalverpackt.", "Lose.", "{n} Stück pro Packung.", "Versand getrennt."]},
    "ru": {"titles": ["Патроны {cal} {n}шт", "Патроны {cal} {n} шт", "{cal} {bt} {n}шт", "Патроны {cal} {bt} пачка",
                      "{cal} {n} штук", "Патроны 5.45x39 {n}шт", "Патроны 9x18 ПМ {n}шт", "Патроны 7.62x39 {n} шт цинк",
                      "Пули {cal} {n}шт", "Патроны 12 калибр картечь {n}шт", "Патроны 12к пуля {n} шт", "{brand} {cal} {n}шт"],
           "desc": ["Заводские.", "Пачка {n} шт.", "Без коробки.", "Отправка отдельно.", "Цена за пачку."]},
    "es": {"titles": ["Cartuchos {cal} x{n}", "Munición {cal} {bt} {n} uds", "{n} balas {cal}", "{cal} {bt} caja de {n}",
                      "Cartuchos calibre 12 postas {n} uds", "Balas {cal} {n} unidades"],
           "desc": ["Caja original.", "Sueltas.", "{n} por caja."]},
    "fr": {"titles": ["Cartouches {cal} x{n}", "Munitions {cal} {bt} boîte de {n}", "{n} cartouches {cal}", "{cal} {bt} {n} pcs",
                      "Cartouches cal.12 chevrotine {n}", "Balles {cal} {n} pièces"],
           "desc": ["Boîte d'origine.", "En vrac.", "{n} par boîte."]},
}
pools_i18n.N["gun_bare"] = {
    "de": {"titles": ["{m}", "{m} {cal}", "{m} {gen}", "{m} neu", "{m} gebraucht", "{m} mit {mz}", "{m} inkl. Koffer",
                      "{m} {cal} - Treuhand", "{m} (Escrow)", "{m} - guter Zustand", "{m} [{ctry}]"],
           "desc": ["Nur Treuhand.", "Versand in 2 Teilen.", "Schreib mir.", "Kaliber {cal}.", "Mit {mz}.",
                    "Guter Zustand."],
           "slots": {"mz": ["2 Magazinen", "Originalkoffer", "Holster", "Koffer und 2 Magazinen"]}},
    "ru": {"titles": ["{m}", "{m} {cal}", "{m} новый", "{m} б/у", "{m} с {mz}", "{m} (гарант)", "{m} - отличное состояние",
                      "{m} {gen}", "Продам {m}"],
           "desc": ["Только через гаранта.", "Отправка в 2 посылках.", "Пишите в ЛС.", "Калибр {cal}.",
                    "В комплекте {mz}."],
           "slots": {"mz": ["2 магазинами", "кобурой", "коробкой", "2 магазина и коробка"]}},
    "es": {"titles": ["{m}", "{m} {cal}", "{m} nueva", "{m} usada", "{m} con {mz}", "{m} (escrow)", "{m} - buen estado"],
           "desc": ["Solo escrow.", "Envío en 2 partes.", "Escríbeme.", "Calibre {cal}.", "Incluye {mz}."],
           "slots": {"mz": ["2 cargadores", "caja original", "funda", "caja y 2 cargadores"]}},
    "fr": {"titles": ["{m}", "{m} {cal}", "{m} neuf", "{m} occasion", "{m} avec {mz}", "{m} (escrow)", "{m} - bon état"],
           "desc": ["Escrow uniquement.", "Envoi en 2 colis.", "Contactez-moi.", "Calibre {cal}.", "Avec {mz}."],
           "slots": {"mz": ["2 chargeurs", "boîte d'origine", "holster", "mallette et 2 chargeurs"]}},
}


def spec(name, n, labels, slotter, titles, desc_fn, cats, price, domain="gun", langs=("en",), obf=0.03):
    return {"name": name, "n": n, "labels": labels, "slotter": slotter, "titles": titles, "desc": [],
            "desc_fn": desc_fn, "cats": cats, "price": price, "domain": domain, "langs": list(langs), "obf": obf,
            "multipart": 0.03}


SPECS = [
    spec("gun_bare", 900, ["firearm"], bare_slotter, BARE_T, bare_desc, "firearm", (250, 2500), langs=ALL5),
    spec("part_bare", 280, ["part"], part_slotter, PART_T, part_desc, "part", (40, 600)),
    spec("ammo_terse", 440, ["ammunition"], ammo_slotter, AMMO_T, ammo_desc, "ammo", (15, 400), langs=ALL5),
]
