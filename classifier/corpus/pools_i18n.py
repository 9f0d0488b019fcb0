"""German, Russian, Spanish and French pools. `localise(name, lang)` gives titles, desc and slot
overrides for a spec name; `has(name, lang)` tells whether a language exists for it."""

GROUP = {"handgun": "pistol", "revolver": "pistol", "rifle": "longgun", "shotgun": "longgun", "smg": "smg",
         "magazine": "magazine", "suppressor": "suppressor", "ammo": "ammo", "design": "design"}

P = {}  # P[group][lang] = {"titles": [...], "desc": [...], "slots": {...}}

P["pistol"] = {
    "de": {"titles": [
        "Pistole {m} {cal}{x}", "{m} {cal} mit Munition{x}", "{m} {cal} {zust}{x}", "{m} - {zust} - {sauber}",
        "Verkaufe {m}{x}", "{m} Pistole {cal}, {sauber}{x}", "{m} scharf, kein Schreckschuss{x}", "Faustfeuerwaffe {m} {cal}",
        "{m} ({sauber}){x}", "{m} {cal} Neuwertig{x}", "Echte {m} {cal}{x}", "{m} Dienstpistole{x}", "Revolver {m} {cal}{x}",
        "{m} {cal} - ohne WBK{x}", "{m} Kurzwaffe {zust}", "{cal} Pistole {m} inkl. Koffer{x}", "{m} ungebraucht{x}",
        "{m} + Holster{x}", "{m} - Versand zerlegt{x}", "{m} {cal} aus Behördenbestand{x}"],
        "desc": ["Zustand: {zust}.", "Kaliber {cal}.", "{sauber}.", "Keine Registrierung, keine Fragen.",
                 "Funktioniert einwandfrei, eingeschossen.", "Versand zerlegt in zwei Paketen.",
                 "Originalkoffer und Anleitung dabei.", "Kein Nachbau, keine Schreckschuss, echte Waffe.",
                 "Übergabe in {stadt} möglich.", "Magazinkapazität {cap} Schuss.", "Aus Polizeibestand, leichte Tragespuren.",
                 "Munition separat in meinem Shop.", "Nur ein Stück vorhanden.", "Läuft zuverlässig, keine Störungen.",
                 "Versteckt in einem Elektrogerät versendet, röntgensicher."],
        "slots": {"zust": ["neu", "neuwertig", "gebraucht", "sehr guter Zustand", "wie neu", "unbenutzt", "guter Zustand"],
                  "sauber": ["sauber", "Nummer entfernt", "ohne Seriennummer", "nicht registriert", "unbelastet",
                             "keine Vorgeschichte", "Nummer weggeschliffen"],
                  "stadt": ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Wien", "Zürich"]}},
    "ru": {"titles": [
        "Пистолет {m} {cal}{x}", "{m} {cal} {sost}{x}", "Продам {m}{x}", "{m} боевой, не травмат{x}", "{m} ({chist}){x}",
        "Пистолет Макарова ПМ 9мм{x}", "ПМ {sost}{x}", "ТТ {sost}{x}", "Пистолет ТТ 7.62{x}",
        "{m} {cal} - {chist}", "Боевой пистолет {m}{x}", "Револьвер {m} {cal}{x}", "{m} без номера{x}",
        "{m} - {sost} - {cal}", "{m} из армейских запасов{x}", "Ствол {m} {cal}{x}", "Короткоствол {m}{x}",
        "Пистолет {m}, чистый{x}", "{m} {cal} оригинал{x}", "Наган 7.62 боевой{x}", "АПС Стечкин 9x18{x}"],
        "desc": ["Состояние: {sost}.", "Калибр {cal}.", "{chist}.", "Отстрелян, работает без задержек.",
                 "Не переделка, не травмат, заводской.", "Отправка в разобранном виде.", "Встреча в {gorod} возможна.",
                 "Магазин на {cap} патронов.", "Патроны отдельно.", "Без документов.", "Номера сбиты.",
                 "Хранился на складе, в смазке.", "Продаю, так как не нужен.", "Один экземпляр."],
        "slots": {"sost": ["новый", "отличное состояние", "б/у", "как новый", "в смазке", "хорошее состояние", "муха не сидела"],
                  "chist": ["чистый", "без номера", "номер спилен", "не засвечен", "чистый по базам", "без истории"],
                  "gorod": ["Москве", "Питере", "Киеве", "Минске", "Екатеринбурге", "Новосибирске"]}},
    "es": {"titles": [
        "Pistola {m} {cal}{x}", "{m} {cal} {est}{x}", "Vendo {m}{x}", "{m} ({limpia}){x}", "{m} - {est} - {cal}",
        "Pistola {m} nueva en caja{x}", "Revólver {m} {cal}{x}", "{m} real, no es de fogueo{x}", "Arma corta {m} {cal}",
        "{m} sin papeles{x}", "{m} con funda{x}", "{m} calibre {cal}{x}", "Pistola {cal} {m} - envío discreto{x}",
        "{m} de segunda mano{x}", "{m} {cal} probada{x}"],
        "desc": ["Estado: {est}.", "Calibre {cal}.", "{limpia}.", "Probada, funciona perfecta.", "Sin papeles, sin preguntas.",
                 "Se envía desmontada en dos paquetes.", "No es réplica ni de fogueo.", "Cargador de {cap} balas.",
                 "Entrega en mano en {ciudad}.", "Munición aparte.", "Procede de la policía, algunos rayones."],
        "slots": {"est": ["nueva", "como nueva", "usada", "buen estado", "excelente estado", "sin usar"],
                  "limpia": ["limpia", "sin número de serie", "número borrado", "no registrada", "sin historial"],
                  "ciudad": ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga"]}},
    "fr": {"titles": [
        "Pistolet {m} {cal}{x}", "{m} {cal} {etat}{x}", "Vends {m}{x}", "{m} ({propre}){x}", "{m} - {etat} - {cal}",
        "Pistolet {m} neuf en boîte{x}", "Revolver {m} {cal}{x}", "{m} réel, pas d'alarme{x}", "Arme de poing {m} {cal}",
        "{m} sans papiers{x}", "{m} avec étui{x}", "{m} calibre {cal}{x}", "Flingue {m} {cal}{x}", "{m} occasion{x}",
        "{m} {cal} testé{x}"],
        "desc": ["État : {etat}.", "Calibre {cal}.", "{propre}.", "Testé, fonctionne parfaitement.", "Sans papiers, sans questions.",
                 "Envoyé démonté en deux colis.", "Ce n'est pas une réplique ni une arme d'alarme.", "Chargeur de {cap} coups.",
                 "Remise en main propre à {ville}.", "Munitions en vente séparément.", "Ancienne arme de police."],
        "slots": {"etat": ["neuf", "comme neuf", "occasion", "bon état", "excellent état", "jamais utilisé"],
                  "propre": ["propre", "sans numéro de série", "numéro limé", "non déclaré", "sans historique"],
                  "ville": ["Paris", "Marseille", "Lyon", "Lille", "Bruxelles", "Liège"]}},
}

P["longgun"] = {
    "de": {"titles": ["Gewehr {m} {cal}{x}", "{m} {cal} Vollauto{x}", "{m} Sturmgewehr{x}", "Flinte {m} {cal}{x}",
                      "Pumpgun {m} {cal}{x}", "{m} Repetierer {cal}", "{m} {cal} gebraucht{x}", "Langwaffe {m} {cal}{x}",
                      "{m} Jagdgewehr {cal}", "{m} Karabiner {cal}{x}", "Kalaschnikow {m}{x}"],
           "desc": ["Kaliber {cal}.", "Funktioniert einwandfrei.", "Versand in mehreren Paketen.", "Mit Zielfernrohr.",
                    "Aus Armeebestand.", "Keine Registrierung.", "Eingeschossen auf 100 m.", "Vollautomatisch umgebaut."]},
    "ru": {"titles": ["Автомат {m} {cal}{x}", "Карабин {m} {cal}{x}", "Ружьё {m} {cal}{x}", "{m} боевой{x}",
                      "Автомат Калашникова {m}{x}", "АК-74 боевой 5.45{x}", "Винтовка {m} {cal}{x}", "{m} охотничий{x}",
                      "Обрез {cal}{x}", "СКС {cal} в отличном состоянии", "Помповое ружьё {m}{x}", "{m} со склада{x}"],
           "desc": ["Калибр {cal}.", "Стреляет отлично.", "Отправка частями.", "Со склада, в смазке.", "Без документов.",
                    "Прицел в комплекте.", "Автоматический огонь.", "Номер спилен."]},
    "es": {"titles": ["Rifle {m} {cal}{x}", "Fusil {m} {cal}{x}", "Escopeta {m} {cal}{x}", "{m} automático{x}",
                      "Carabina {m} {cal}", "{m} de caza {cal}", "Escopeta de corredera {m}{x}", "{m} recortada{x}"],
           "desc": ["Calibre {cal}.", "Funciona perfecto.", "Se envía en varias partes.", "Con mira telescópica.",
                    "Excedente militar.", "Sin registrar."]},
    "fr": {"titles": ["Fusil {m} {cal}{x}", "Fusil d'assaut {m}{x}", "Carabine {m} {cal}{x}", "Fusil à pompe {m} {cal}{x}",
                      "{m} automatique{x}", "Kalach {m}{x}", "{m} de chasse {cal}", "{m} canon scié{x}"],
           "desc": ["Calibre {cal}.", "Fonctionne parfaitement.", "Envoyé en plusieurs colis.", "Lunette incluse.",
                    "Surplus militaire.", "Non déclaré."]},
}

P["smg"] = {
    "de": {"titles": ["Maschinenpistole {m} {cal}{x}", "{m} MP vollautomatisch{x}", "{m} {cal} Dauerfeuer{x}"],
           "desc": ["Vollautomatisch.", "Kaliber {cal}.", "Getestet."]},
    "ru": {"titles": ["Пистолет-пулемёт {m} {cal}{x}", "{m} автоматический огонь{x}", "ПП {m}{x}"],
           "desc": ["Автоматический огонь.", "Калибр {cal}.", "Проверен."]},
    "es": {"titles": ["Subfusil {m} {cal}{x}", "Metralleta {m}{x}", "{m} ráfaga{x}"],
           "desc": ["Automático.", "Calibre {cal}.", "Probado."]},
    "fr": {"titles": ["Pistolet-mitrailleur {m} {cal}{x}", "{m} rafale{x}", "Mitraillette {m}{x}"],
           "desc": ["Tir automatique.", "Calibre {cal}.", "Testé."]},
}

P["magazine"] = {
    "de": {"titles": ["Magazin {mm} {cap} Schuss", "{mm} Magazin {cap}", "{n}x Magazin für {mm}", "Ersatzmagazin {mm}",
                      "{mm} Magazine ({n} Stück)", "Trommelmagazin {mm} {cap} Schuss", "{mm} Stangenmagazin {cap}"],
           "desc": ["Fasst {cap} Patronen.", "Original, kein Nachbau.", "Neu.", "Preis pro Stück."]},
    "ru": {"titles": ["Магазин {mm} на {cap} патронов", "Магазин для {mm}", "{n} магазина {mm}", "Магазин ПМ 8 патронов",
                      "Магазин АК 30 патронов", "Барабанный магазин {mm} {cap}", "Магазины к {mm} ({n} шт)"],
           "desc": ["Ёмкость {cap} патронов.", "Оригинал.", "Новый.", "Цена за штуку."]},
    "es": {"titles": ["Cargador {mm} {cap} balas", "Cargador para {mm}", "{n} cargadores {mm}", "Cargador extendido {mm} {cap}",
                      "Cargador de tambor {mm}"],
           "desc": ["Capacidad {cap} balas.", "Original.", "Nuevo.", "Precio por unidad."]},
    "fr": {"titles": ["Chargeur {mm} {cap} coups", "Chargeur pour {mm}", "{n} chargeurs {mm}", "Chargeur Glock 33 coups",
                      "Chargeur camembert {mm}", "Chargeur grande capacité {mm} {cap}"],
           "desc": ["Capacité {cap} coups.", "Origine.", "Neuf.", "Prix à l'unité."]},
}

P["suppressor"] = {
    "de": {"titles": ["Schalldämpfer {cal} {thread}", "Schalldämpfer für {sm}", "Schalli {cal}", "Solvent Trap Kit {thread}",
                      "Schalldämpfer {sm} {cal} Gewinde {thread}", "Reinigungs-Solvent-Trap {thread} (vorgebohrt)"],
           "desc": ["Gewinde {thread}.", "Reduziert den Knall deutlich.", "Passt auf {sm}.", "Becher vorgebohrt."]},
    "ru": {"titles": ["Глушитель {cal}", "ПБС для {sm}", "Глушитель на {sm} {thread}", "Саундмодератор {cal}",
                      "ПБС-1 для АК", "Глушак {cal} резьба {thread}"],
           "desc": ["Резьба {thread}.", "Снижает звук выстрела.", "Подходит для {sm}.", "Титан, лёгкий."]},
    "es": {"titles": ["Silenciador {cal}", "Silenciador para {sm}", "Silenciador {sm} rosca {thread}", "Kit trampa de solvente {thread}"],
           "desc": ["Rosca {thread}.", "Reduce mucho el ruido.", "Compatible con {sm}."]},
    "fr": {"titles": ["Silencieux {cal}", "Silencieux pour {sm}", "Modérateur de son {cal} {thread}", "Kit solvent trap {thread}"],
           "desc": ["Filetage {thread}.", "Réduit fortement le bruit.", "Compatible {sm}."]},
}

PART_WORDS = {
    "de": {"slide": ["Schlitten", "Verschluss (Schlitten)", "Schlitten komplett"], "barrel": ["Lauf", "Gewindelauf", "Wechsellauf"],
           "frame": ["Griffstück", "Rahmen", "Griffstück unnummeriert"], "receiver": ["Unterteil (Lower)", "80% Lower", "Gehäuse", "Oberteil (Upper)"],
           "bcg": ["Verschlussträger", "BCG", "Verschluss"], "auto": ["Glock Switch", "Dauerfeuer-Umbau", "Auto Sear", "Vollauto-Umbausatz"],
           "trigger": ["Abzug", "Abzugsgruppe", "Abzugseinheit"], "kit": ["Umbausatz", "Teilesatz", "Umbaukit scharf"],
           "small": ["Schlagbolzen", "Schließfeder", "Auszieher", "Verschlussfang", "Mündungsbremse"]},
    "ru": {"slide": ["Затвор-кожух", "Кожух-затвор", "Затвор"], "barrel": ["Ствол", "Ствол с резьбой", "Сменный ствол"],
           "frame": ["Рамка", "Рамка без номера"], "receiver": ["Ствольная коробка", "Нижний ресивер", "Ресивер 80%"],
           "bcg": ["Затворная рама", "Затворная группа", "Затвор"], "auto": ["Переделка на автоматический огонь", "Свитч для Glock", "Автошептало"],
           "trigger": ["УСМ", "Спусковой механизм", "Спусковой крючок"], "kit": ["Комплект для переделки", "Набор деталей", "Кит для переделки охолощённого"],
           "small": ["Боёк", "Возвратная пружина", "Выбрасыватель", "ДТК", "Шептало"]},
    "es": {"slide": ["Corredera", "Corredera completa"], "barrel": ["Cañón", "Cañón roscado"], "frame": ["Armazón", "Armazón sin número"],
           "receiver": ["Cajón de mecanismos", "Lower 80%", "Receptor inferior"], "bcg": ["Grupo portacerrojo", "Cerrojo"],
           "auto": ["Switch Glock", "Kit de conversión a automático", "Auto sear"], "trigger": ["Gatillo", "Grupo de disparo"],
           "kit": ["Kit de conversión", "Kit de piezas"], "small": ["Percutor", "Muelle recuperador", "Extractor", "Freno de boca"]},
    "fr": {"slide": ["Culasse", "Culasse complète"], "barrel": ["Canon", "Canon fileté"], "frame": ["Carcasse", "Carcasse sans numéro"],
           "receiver": ["Boîte de culasse", "Lower 80%", "Carcasse inférieure"], "bcg": ["Groupe culasse", "Porte-culasse"],
           "auto": ["Switch Glock", "Kit de conversion full auto", "Auto sear"], "trigger": ["Détente", "Groupe de détente"],
           "kit": ["Kit de conversion", "Kit de pièces"], "small": ["Percuteur", "Ressort récupérateur", "Extracteur", "Frein de bouche"]},
}
PART_T = {
    "de": ["{pn} {pm}", "{pn} für {pm}", "{pm} {pn} neu", "{pn} {pm} {cal}", "{n}x {pn} {pm}", "{pn} - {pm} - gebraucht"],
    "ru": ["{pn} {pm}", "{pn} для {pm}", "{pn} на {pm}, новый", "{pn} {pm} {cal}", "{pn} ({pm}) б/у"],
    "es": ["{pn} {pm}", "{pn} para {pm}", "{pn} {pm} nuevo", "{pn} {pm} {cal}"],
    "fr": ["{pn} {pm}", "{pn} pour {pm}", "{pn} {pm} neuf", "{pn} {pm} {cal}"],
}
PART_D = {
    "de": ["Passt auf {pm}.", "Neu.", "Ohne Nummer.", "Einbau ohne Büchsenmacher.", "Stahl, brüniert."],
    "ru": ["Подходит к {pm}.", "Новый.", "Без номера.", "Установка без доработки.", "Сталь."],
    "es": ["Compatible con {pm}.", "Nuevo.", "Sin número.", "Instalación sin armero."],
    "fr": ["Compatible {pm}.", "Neuf.", "Sans numéro.", "Montage sans armurier."],
}

P["ammo"] = {
    "de": {"titles": ["Munition {cal} {n} Schuss", "{n} Patronen {cal}", "{cal} {bt} {n} Stück", "{brand} {cal} {n}er Packung",
                      "Pistolenmunition {cal} ({n})", "Patronen {cal} {brand}", "{cal} Munition - {n} Schuss", "Schrotpatronen Kaliber 12 x{n}",
                      "{n} Schuss {cal} {bt}", "Munition für Glock {cal} {n}"],
           "desc": ["{n} Patronen pro Packung.", "Fabrikneu, keine Wiederladungen.", "Messinghülse.", "Originalverpackung.",
                    "Preis pro Packung.", "Marke: {brand}."],
           "slots": {"pack": ["Packung", "Schachtel", "Dose"]}},
    "ru": {"titles": ["Патроны {cal} {n} шт", "{n} патронов {cal}", "Патроны 9x18 ПМ {n} шт", "Патроны 7.62x39 {n} шт",
                      "Патроны {cal} {bt}", "Патроны к {gun} ({n})", "{cal} патроны, пачка {n}", "Боеприпасы {cal} {n}",
                      "Патроны 12 калибр картечь x{n}", "Цинк патронов {cal}", "Патроны 5.45 {n} шт"],
           "desc": ["{n} патронов в пачке.", "Заводские, не переснаряжённые.", "Стальная гильза.", "Латунная гильза.",
                    "Со склада, цинк.", "Цена за пачку.", "Производитель: {brand}."],
           "slots": {"gun": ["ПМ", "АК", "ТТ", "СКС", "Сайге"]}},
    "es": {"titles": ["Munición {cal} {n} balas", "Balas {cal} caja de {n}", "Patrones 9mm caja 50", "Cartuchos {cal} x{n}",
                      "{n} balas {cal} {bt}", "Munición {brand} {cal}", "Cartuchos escopeta calibre 12 x{n}"],
           "desc": ["{n} balas por caja.", "Nueva de fábrica.", "Vaina de latón.", "Precio por caja.", "Marca: {brand}."]},
    "fr": {"titles": ["Munitions {cal} {n} cartouches", "{n} cartouches {cal}", "Balles {cal} boîte de {n}", "Cartouches {brand} {cal}",
                      "Munitions {cal} {bt} x{n}", "Cartouches calibre 12 chevrotine x{n}", "{cal} munitions ({n})"],
           "desc": ["{n} cartouches par boîte.", "Neuves d'usine.", "Étui laiton.", "Prix par boîte.", "Marque : {brand}."]},
}

P["design"] = {
    "de": {"titles": ["{d} Dateien (STL)", "3D-Druck Waffe {d} {f}", "Bauanleitung {d}", "Waffe selbst drucken: {d}",
                      "{man_de}", "{man_de} (PDF)", "{d} STL + Anleitung", "Sammlung 3D-Waffen {gb}", "Anleitung: {man_de}"],
           "desc": ["Sofortiger Download.", "Alle Dateien getestet.", "Mit Schritt-für-Schritt-Anleitung.", "{n} Dateien.",
                    "Nur digitaler Artikel."],
           "slots": {"man_de": ["Anleitung Vollautomatik-Umbau", "Bauanleitung Maschinenpistole", "Handbuch Waffenbau zu Hause",
                                "Schalldämpfer selbst bauen", "Anleitung Umbau Schreckschuss zu scharf", "FGC-9 Bauanleitung deutsch"]}},
    "ru": {"titles": ["Файлы {d} (STL)", "3D-печать оружия {d}", "Чертежи {d}", "Инструкция: {man_ru}", "{man_ru}",
                      "{man_ru} PDF", "Сборник 3D моделей оружия {gb}", "{d} STL + инструкция"],
           "desc": ["Мгновенная доставка.", "Все файлы проверены.", "Пошаговая инструкция.", "{n} файлов.", "Цифровой товар."],
           "slots": {"man_ru": ["Переделка охолощённого оружия в боевое", "Изготовление оружия в домашних условиях",
                                "Чертежи глушителя", "Переделка АК на автоматический огонь", "Самодельный пистолет-пулемёт, чертежи"]}},
    "es": {"titles": ["Archivos {d} (STL)", "Imprime tu propia arma: {d}", "Planos {d}", "{man_es}", "{man_es} PDF",
                      "Colección de armas 3D {gb}", "{d} STL + guía"],
           "desc": ["Descarga inmediata.", "Archivos probados.", "Guía paso a paso.", "{n} archivos."],
           "slots": {"man_es": ["Manual de conversión a automático", "Guía de fabricación de armas caseras",
                                "Cómo fabricar un silenciador", "Manual FGC-9 en español"]}},
    "fr": {"titles": ["Fichiers {d} (STL)", "Imprimez votre propre arme : {d}", "Plans {d}", "{man_fr}", "{man_fr} PDF",
                      "Collection d'armes 3D {gb}", "{d} STL + guide"],
           "desc": ["Téléchargement immédiat.", "Fichiers testés.", "Guide pas à pas.", "{n} fichiers."],
           "slots": {"man_fr": ["Manuel de conversion en full auto", "Guide de fabrication d'armes artisanales",
                                "Fabriquer un silencieux", "Plans FGC-9 en français"]}},
}

# ------------------------------------------------------------------ negatives

N = {}
N["weed_gunstrain"] = {
    "de": {"titles": ["{strain} {w} Indoor", "{strain} Gras {w}", "{strain} - {w} - {thc}", "{strain} Haze {w}", "{w} {strain} Top Qualität",
                      "{strain} Samen feminisiert", "{strain} Blüten {w}"],
           "desc": ["Sehr harzig.", "Indoor gezogen.", "Starke Wirkung.", "Geruchsdicht verpackt."]},
    "ru": {"titles": ["Шишки {strain} {w}", "{strain} {w} гидра", "Бошки {strain} {w}", "{strain} семена", "Гашиш {strain} {w}",
                      "АК-47 шишки {w}", "Калашников кush {w}".replace("кush", "куш")],
           "desc": ["Отличные шишки.", "Сильный эффект.", "Выращено в гроубоксе.", "Вакуумная упаковка."]},
    "es": {"titles": ["{strain} {w} interior", "Marihuana {strain} {w}", "Cogollos {strain} {w}", "Semillas {strain} feminizadas",
                      "{strain} - {w} - {thc}"],
           "desc": ["Muy resinosa.", "Cultivo interior.", "Efecto fuerte.", "Sellado al vacío."]},
    "fr": {"titles": ["{strain} {w} indoor", "Beuh {strain} {w}", "Weed {strain} {w}", "Graines {strain} féminisées", "Shit {strain} {w}",
                      "{strain} - {w} - {thc}"],
           "desc": ["Très collante.", "Culture indoor.", "Effet puissant.", "Sous vide."]},
}
N["pill_gunname"] = {
    "de": {"titles": ["{pill} XTC {mg} x{n}", "{col} {pill} Pillen {mg}", "Ecstasy {pill} {n} Stück", "{pill} Teile {mg}"],
           "desc": ["Laborgetestet.", "Sehr stark, halbe nehmen.", "Neue Charge."]},
    "ru": {"titles": ["Экстази {pill} {mg}", "Таблетки {pill} {mg} x{n}", "Колёса {pill} {col}", "МДМА таблетки {pill}"],
           "desc": ["Очень сильные.", "Проверено.", "Начинайте с половины."]},
    "es": {"titles": ["Pastillas {pill} {mg} x{n}", "Éxtasis {pill} {col}", "Pirulas {pill} {mg}"],
           "desc": ["Muy fuertes.", "Testadas.", "Empieza con media."]},
    "fr": {"titles": ["Ecsta {pill} {mg} x{n}", "Cachets {pill} {col}", "Pilules {pill} {mg}"],
           "desc": ["Très fortes.", "Testées.", "Commencez par une moitié."]},
}
N["coke_bullet"] = {
    "de": {"titles": ["Koks {w} + Snuff Bullet", "Snuff Bullet Dosierer", "Kokain {w} - Stempel 'AK47'"], "desc": ["Dosierer aus Alu.", "Reinheit 90%."]},
    "ru": {"titles": ["Кокаин {w} + буллет", "Буллет для кокса", "Кокс {w} 'пуля'"], "desc": ["Чистота 90%.", "Дозатор в подарок."]},
    "es": {"titles": ["Coca {w} + bala esnifadora", "Bala dosificadora", "Perico {w} sello 'AK47'"], "desc": ["Pureza 90%.", "Dosificador de aluminio."]},
    "fr": {"titles": ["Coke {w} + bullet doseur", "Doseur bullet pour sniff", "Cocaïne {w} tampon 'Glock'"], "desc": ["Pureté 90%.", "Doseur en alu."]},
}
N["airsoft"] = {
    "de": {"titles": ["Softair {asm} {fps}", "{asm} Softair Pistole 6mm", "Softair Gewehr {asm}", "Softair Magazin {asm}",
                      "6mm Softair Kugeln {n} Stück", "Softair Schalldämpfer 14mm-", "Softair AK-47 elektrisch"],
           "desc": ["Softair, unter 0,5 Joule.", "Frei ab 14/18.", "Kein echtes Schusswaffe.", "Vollmetall."]},
    "ru": {"titles": ["Страйкбольный {asm}", "Страйкбол {asm} 6мм", "Привод {asm}", "Шары 6мм {n} шт", "Магазин страйкбольный {asm}",
                      "Страйкбольный глушитель 14мм"],
           "desc": ["Страйкбол, 6мм шары.", "Не оружие.", "Металлический корпус."]},
    "es": {"titles": ["Airsoft {asm} {fps}", "Pistola airsoft {asm}", "Réplica airsoft {asm}", "Bolas 6mm {n}", "Cargador airsoft {asm}"],
           "desc": ["Airsoft, bolas de 6mm.", "No es un arma de fuego.", "Cuerpo metálico."]},
    "fr": {"titles": ["Airsoft {asm} {fps}", "Réplique airsoft {asm}", "Pistolet à billes {asm} 6mm", "Billes 6mm {n}", "Chargeur airsoft {asm}"],
           "desc": ["Airsoft, billes 6mm.", "Pas une arme à feu.", "Corps en métal."]},
}
N["airgun"] = {
    "de": {"titles": ["Luftgewehr {am} {ac}", "Luftpistole {am} {ac}", "CO2 Pistole {am}", "Diabolos {ac} x{n}", "{am} 7,5 Joule (F)",
                      "Luftdruckgewehr {am} mit ZF", "Stahl-BBs 4,5mm {n}"],
           "desc": ["Frei ab 18 (F-Zeichen).", "Schießt {ac} Diabolos.", "CO2 Kapseln 12g.", "Keine scharfe Waffe."]},
    "ru": {"titles": ["Пневматический пистолет {am}", "Пневматическая винтовка {am} {ac}", "Пневмат {am} 4.5мм", "Пульки {ac} {n} шт",
                      "Шарики BB 4.5мм {n} шт", "Пневматика {am} (CO2)", "Баллончики CO2 12г"],
           "desc": ["Пневматика, не оружие.", "Без лицензии.", "Работает на CO2.", "Калибр {ac}."]},
    "es": {"titles": ["Carabina de aire comprimido {am} {ac}", "Pistola de aire {am}", "Pistola CO2 {am}", "Balines {ac} x{n}",
                      "Pistola de balines {am}"],
           "desc": ["Aire comprimido, sin licencia.", "Calibre {ac}.", "Funciona con CO2."]},
    "fr": {"titles": ["Carabine à plomb {am} {ac}", "Pistolet à air comprimé {am}", "Pistolet CO2 {am}", "Plombs {ac} x{n}",
                      "Pistolet à billes acier {am}"],
           "desc": ["Air comprimé, moins de 20 joules.", "Calibre {ac}.", "Fonctionne au CO2."]},
}
N["blankgun"] = {
    "de": {"titles": ["Schreckschusspistole {bm}", "{bm} Schreckschuss 9mm PAK", "Gaspistole {bm} mit PTB", "Platzpatronen 9mm PAK x50",
                      "Signalpistole + Leuchtmunition", "Schreckschussrevolver {bm}"],
           "desc": ["Mit PTB-Zeichen, frei ab 18.", "Kleiner Waffenschein nötig zum Führen.", "Nicht umgebaut.", "Nur für Platzpatronen."]},
    "ru": {"titles": ["Охолощённый пистолет {bm}", "СХП {bm}", "Сигнальный пистолет {bm}", "Холостые патроны 9мм PAK x50",
                      "Травматический пистолет {bm}", "Стартовый пистолет"],
           "desc": ["Охолощённый, стреляет только холостыми.", "Не переделка.", "Без лицензии."]},
    "es": {"titles": ["Pistola de fogueo {bm}", "Pistola detonadora {bm}", "Fogueo 9mm PAK x50", "Pistola de salida"],
           "desc": ["Solo fogueo, no dispara balas.", "Sin licencia.", "Original, sin modificar."]},
    "fr": {"titles": ["Pistolet d'alarme {bm}", "Pistolet à blanc {bm}", "Munitions à blanc 9mm PAK x50", "Pistolet de starter"],
           "desc": ["Tire uniquement à blanc.", "Non modifié.", "Vente libre aux majeurs."]},
}
N["replica_toy"] = {
    "de": {"titles": ["Deko-Waffe {rm}", "Spielzeugpistole", "Wasserpistole", "Nerf Blaster", "Attrappe {rm}"], "desc": ["Nicht schussfähig.", "Dekoration."]},
    "ru": {"titles": ["Макет {rm}", "Игрушечный пистолет", "Водяной пистолет", "ММГ (массо-габаритный макет) АК-74"], "desc": ["Не стреляет.", "Для коллекции."]},
    "es": {"titles": ["Réplica decorativa {rm}", "Pistola de juguete", "Pistola de agua"], "desc": ["No dispara.", "Decorativa."]},
    "fr": {"titles": ["Réplique décorative {rm}", "Pistolet jouet", "Pistolet à eau"], "desc": ["Ne tire pas.", "Décoration."]},
}
N["knife"] = {
    "de": {"titles": ["Messer {knife}", "Butterfly Messer", "Springmesser {knife}", "Teleskopschlagstock", "Schlagring Messing",
                      "Taktisches Messer {bl}", "Einhandmesser {knife}"],
           "desc": ["Klinge {bl}.", "Sehr scharf.", "Mit Scheide.", "Besser als eine Waffe, kein Schein nötig."]},
    "ru": {"titles": ["Нож {knife}", "Балисонг", "Выкидной нож", "Телескопическая дубинка", "Кастет латунный", "Нож-бабочка {bl}"],
           "desc": ["Сталь {bl}.", "Очень острый.", "С ножнами."]},
    "es": {"titles": ["Navaja {knife}", "Navaja mariposa", "Cuchillo táctico {bl}", "Porra extensible", "Puño americano"],
           "desc": ["Acero {bl}.", "Muy afilado.", "Con funda."]},
    "fr": {"titles": ["Couteau {knife}", "Couteau papillon", "Matraque télescopique", "Poing américain", "Cran d'arrêt {bl}"],
           "desc": ["Acier {bl}.", "Très tranchant.", "Avec étui."]},
}
N["taser_spray"] = {
    "de": {"titles": ["Pfefferspray 50ml", "Elektroschocker {tz}", "Tierabwehrspray", "CS Gas Spray", "Pfeffergel zur Selbstverteidigung"],
           "desc": ["Zur Tierabwehr ;)", "Schützen Sie sich.", "Nicht tödlich.", "Sicherer als eine Pistole."]},
    "ru": {"titles": ["Перцовый баллончик", "Электрошокер {tz}", "Шокер 2 млн вольт", "Газовый баллончик", "Перцовый спрей"],
           "desc": ["Защитите себя.", "Не летально.", "Без лицензии."]},
    "es": {"titles": ["Spray de pimienta", "Pistola eléctrica {tz}", "Táser", "Gas pimienta 50ml"], "desc": ["Protégete.", "No letal."]},
    "fr": {"titles": ["Bombe lacrymogène", "Spray au poivre", "Shocker électrique {tz}", "Gel poivre défense"], "desc": ["Protégez-vous.", "Non létal."]},
}
N["gun_tools"] = {
    "de": {"titles": ["Heißklebepistole 100W", "Heißluftpistole 2000W", "Tätowiermaschine", "Massagepistole", "Lackierpistole HVLP",
                      "Tackerpistole", "Nagelpistole", "Kartuschenpistole", "Lötpistole", "Fettpresse"],
           "desc": ["Neu, OVP.", "Inkl. 20 Klebesticks.", "Für Profis und Heimwerker.", "6 Stufen."]},
    "ru": {"titles": ["Клеевой пистолет", "Строительный фен", "Тату машинка", "Массажный пистолет", "Краскопульт", "Степлер строительный",
                      "Пистолет для герметика", "Пистолет для монтажной пены", "Гвоздезабивной пистолет"],
           "desc": ["Новый.", "В комплекте стержни.", "Для дома и ремонта."]},
    "es": {"titles": ["Pistola de silicona caliente", "Pistola de calor", "Máquina de tatuar", "Pistola de masaje", "Pistola de pintura",
                      "Pistola de clavos", "Grapadora"],
           "desc": ["Nueva.", "Incluye barras de silicona.", "Para bricolaje."]},
    "fr": {"titles": ["Pistolet à colle", "Pistolet à chaleur", "Machine à tatouer", "Pistolet de massage", "Pistolet à peinture",
                      "Cloueur", "Pistolet à calfeutrer", "Agrafeuse"],
           "desc": ["Neuf.", "Bâtons de colle inclus.", "Pour le bricolage."]},
}
N["gun_watch_cloth"] = {
    "de": {"titles": ["Rolex Daytona Gunmetal Replika", "Top Gun Fliegerjacke", "Patronenhülsen-Anhänger", "Glock T-Shirt", "Schusssichere Weste IIIA"],
           "desc": ["Top Qualität.", "Größen S-XXL.", "Aus leeren Hülsen."]},
    "ru": {"titles": ["Часы Top Gun", "Куртка Top Gun", "Кулон пуля", "Бронежилет 3 класс", "Зажигалка-пистолет"],
           "desc": ["Отличное качество.", "Размеры S-XXL."]},
    "es": {"titles": ["Reloj gun metal réplica", "Chaqueta Top Gun", "Colgante bala", "Chaleco antibalas IIIA"], "desc": ["Alta calidad.", "Tallas S-XXL."]},
    "fr": {"titles": ["Montre gun metal réplique", "Blouson Top Gun", "Pendentif balle", "Gilet pare-balles IIIA"], "desc": ["Haute qualité.", "Tailles S-XXL."]},
}
N["accessories"] = {
    "de": {"titles": ["Holster für Glock 17", "Zielfernrohr 3-9x40", "Waffenreinigungsset", "Leuchtpunktvisier", "Munitionskiste leer",
                      "Waffentresor", "Magazintasche"],
           "desc": ["Nur Zubehör, keine Waffe.", "Universell.", "Leer."]},
    "ru": {"titles": ["Кобура для ПМ", "Прицел 4x32", "Набор для чистки оружия", "Коллиматор", "Ящик для патронов (пустой)", "Подсумок"],
           "desc": ["Только аксессуар.", "Универсальный.", "Пустой."]},
    "es": {"titles": ["Funda para Glock", "Mira telescópica 3-9x40", "Kit de limpieza de armas", "Punto rojo", "Caja de munición vacía"],
           "desc": ["Solo accesorio.", "Universal.", "Vacía."]},
    "fr": {"titles": ["Holster pour Glock", "Lunette 3-9x40", "Kit de nettoyage arme", "Viseur point rouge", "Caisse à munitions vide"],
           "desc": ["Accessoire uniquement.", "Universel.", "Vide."]},
}
N["cannabis"] = {
    "de": {"titles": ["{strain} {w}", "Gras {strain} {w}", "Haschisch {w}", "Dope {w} Top", "{w} {strain} Indoor"], "desc": ["Sehr lecker.", "Indoor.", "Stark."]},
    "ru": {"titles": ["Шишки {strain} {w}", "Гашиш {w}", "Бошки {w}", "Трава {w}"], "desc": ["Отличное качество.", "Сильный эффект."]},
    "es": {"titles": ["Marihuana {strain} {w}", "Hachís {w}", "Cogollos {w}", "Polen {w}"], "desc": ["Calidad top.", "Interior."]},
    "fr": {"titles": ["Beuh {strain} {w}", "Shit {w}", "Hasch {w}", "Weed {w}"], "desc": ["Qualité top.", "Indoor."]},
}
N["stimulants"] = {
    "de": {"titles": ["Kokain {w}", "Koks {w} {pur}", "Speed Paste {w}", "Crystal {w}", "Amphetamin {w}"], "desc": ["Reinheit {pur}.", "Top Ware."]},
    "ru": {"titles": ["Кокаин {w}", "Амфетамин {w}", "Мефедрон {w}", "Скорость {w}", "Кокс {pur}"], "desc": ["Чистота {pur}.", "Качество."]},
    "es": {"titles": ["Cocaína {w}", "Perico {w}", "Speed {w}", "Cristal {w}"], "desc": ["Pureza {pur}.", "Calidad."]},
    "fr": {"titles": ["Cocaïne {w}", "C {w} {pur}", "Speed {w}", "Cristal {w}"], "desc": ["Pureté {pur}.", "Qualité."]},
}
N["downers"] = {
    "de": {"titles": ["{benz} x{n}", "Tilidin 100mg x{n}", "Oxycodon 80mg", "Heroin {w}"], "desc": ["Original Blister.", "Pharma."]},
    "ru": {"titles": ["{benz} x{n}", "Героин {w}", "Метадон {w}", "Лирика 300мг"], "desc": ["Оригинал.", "Аптечное."]},
    "es": {"titles": ["{benz} x{n}", "Heroína {w}", "Oxicodona 80mg"], "desc": ["Original.", "Farmacia."]},
    "fr": {"titles": ["{benz} x{n}", "Héroïne {w}", "Oxycodone 80mg"], "desc": ["Original.", "Pharma."]},
}
N["fraud"] = {
    "de": {"titles": ["Falschgeld {notes} x{n}", "Gefälschter Personalausweis", "Führerschein (echt, registriert)", "Bank Logins {bank}",
                      "Paypal Konten x{n}", "Kreditkarten {c} CVV"],
           "desc": ["Besteht UV- und Stifttest.", "Sofortige Lieferung.", "Beste Qualität."]},
    "ru": {"titles": ["Фальшивые купюры {notes}", "Поддельный паспорт", "Водительское удостоверение", "Дропы {bank}", "Аккаунты {acc} x{n}",
                      "Карты с балансом {bal}", "Пробив по базам"],
           "desc": ["Проходят проверку.", "Быстро.", "Гарантия."]},
    "es": {"titles": ["Billetes falsos {notes}", "DNI falso", "Carnet de conducir", "Cuentas {acc} x{n}", "Tarjetas CVV {c}"],
           "desc": ["Pasan el rotulador.", "Entrega inmediata."]},
    "fr": {"titles": ["Faux billets {notes}", "Fausse carte d'identité", "Faux permis de conduire", "Comptes {acc} x{n}", "CB {c} avec CVV"],
           "desc": ["Passent le stylo détecteur.", "Livraison immédiate."]},
}
N["counterfeit"] = {
    "de": {"titles": ["{brand} Replika {grade}", "{brand} Fälschung"], "desc": ["Beste Qualität.", "Mit Box."]},
    "ru": {"titles": ["{brand} реплика {grade}", "Копия {brand}"], "desc": ["Лучшее качество."]},
    "es": {"titles": ["Réplica {brand} {grade}", "{brand} imitación"], "desc": ["Máxima calidad."]},
    "fr": {"titles": ["Réplique {brand} {grade}", "{brand} contrefaçon"], "desc": ["Qualité miroir."]},
}
N["printing"] = {
    "de": {"titles": ["STL Dateien {obj}", "3D-Drucker {pr}", "Filament PLA 1kg", "3D-Druck Service"], "desc": ["Sofort-Download.", "Getestet."]},
    "ru": {"titles": ["STL файлы {obj}", "3D принтер {pr}", "Пластик PLA 1кг", "Услуги 3D печати"], "desc": ["Мгновенно.", "Проверено."]},
    "es": {"titles": ["Archivos STL {obj}", "Impresora 3D {pr}", "Filamento PLA 1kg"], "desc": ["Descarga inmediata."]},
    "fr": {"titles": ["Fichiers STL {obj}", "Imprimante 3D {pr}", "Filament PLA 1kg"], "desc": ["Téléchargement immédiat."]},
}
N["digital"] = {
    "de": {"titles": ["Anleitung: {guide}", "{tool} mieten", "Datenbank {db} {n}"], "desc": ["Sofort.", "Getestet."]},
    "ru": {"titles": ["Мануал: {guide}", "{tool} аренда", "База {db} {n} записей", "Услуги взлома"], "desc": ["Мгновенно.", "Проверено."]},
    "es": {"titles": ["Guía: {guide}", "Servicio {tool}", "Base de datos {db}"], "desc": ["Inmediato."]},
    "fr": {"titles": ["Guide : {guide}", "Service {tool}", "Base de données {db}"], "desc": ["Immédiat."]},
}


def _localise_part(kind, lang):
    return {"titles": PART_T[lang], "desc": PART_D[lang], "slots": {"pn": PART_WORDS[lang][kind]}}


def has(name, lang):
    if name.startswith("part_"):
        return lang in PART_T
    g = GROUP.get(name)
    if g:
        return lang in P.get(g, {})
    return lang in N.get(name, {})


def localise(name, lang):
    if name.startswith("part_"):
        return _localise_part(name[5:], lang)
    g = GROUP.get(name)
    if g:
        return P[g][lang]
    return N[name][lang]
