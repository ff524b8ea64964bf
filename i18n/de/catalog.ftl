# stretchd: der eingebaute Katalog (Dehnübungen, Haltungschecks, Sicherheitshinweis, das Aufwärmen
# der Dehneinheit), deutsche Übersetzung. Bewegungsanleitungen: Jede Angabe des englischen Textes
# bleibt erhalten, keine kommt hinzu. Jede Nachricht ist ein Absatz; ein Zeilenumbruch in einer
# Nachricht (wie im Sicherheitshinweis) ist ein Zeilenumbruch auf dem Bildschirm.

## Der Sicherheitshinweis: mit der ersten Dehnübung, auf jeder Karte und bei `stretchd stretches safety`.

# Eine Regel pro Zeile (die Karte zeigt sie als Aufzählung).
safety-notice =
    Wärm dich zuerst auf: 5–10 Minuten leichte Bewegung, zum Beispiel zügiges Gehen.
    Ein leichtes Ziehen ist in Ordnung, aber hör sofort auf, wenn du einen stechenden oder starken Schmerz spürst.
    Atme die ganze Zeit langsam weiter; halte nie die Luft an.
    Wenn sich eine Dehnung nicht richtig anfühlt, pass sie an oder nimm stattdessen eine andere.
    Diese Dehnübungen eignen sich für die meisten Menschen jeden Alters; bei einer bestehenden Erkrankung oder Verletzung oder bei chronischen oder starken Rückenschmerzen sprich vor dem Beginn mit einer medizinischen Fachkraft.
    Dies sind allgemeine Hinweise, keine medizinische Beratung für deinen persönlichen Fall: Wenn die Schmerzen anhalten oder immer wiederkommen, lass sie von einer Fachkraft abklären.

## Die Dehneinheit (einige Male pro Woche) und die Dehnübungen am Schreibtisch (über den Tag verteilt).

# Was das Aufwärmen der Dehneinheit ist, in einer Zeile.
warm-up = Wärm dich zuerst auf: 5–10 Minuten leichte Bewegung, zum Beispiel zügiges Gehen, Marschieren auf der Stelle oder lockeres Radfahren.
# Die Zeile jeder Dehnübung am Schreibtisch: kurz, am Schreibtisch, kein Ersatz für die aufgewärmte Dehneinheit.
desk-note = Eine kurze Dehnübung am Schreibtisch: Geh behutsam in die Dehnung und bleib deutlich unter der Schmerzgrenze (das vollständige Programm, nach dem Aufwärmen, ist die Dehneinheit).

## Die Bereiche des Rückens, auf die eine Dehnübung wirkt („Zielbereich: Rotation der Brustwirbelsäule“).

area-rotation = Rotation der Brustwirbelsäule
area-upper_back = oberer Rücken und Schultern
area-soft_tissue = Weichgewebe entlang des oberen Rückens
area-bending = Beugen und Strecken der Brustwirbelsäule (Runden und Durchbiegen)

## Wo eine Dehnübung ausgeführt wird („Position: Stuhl“), und die eingebauten Hilfsmittel.

position-chair = Stuhl
position-floor = Boden
position-standing = Stehen
equipment-foam_roller = Faszienrolle

## Katze-Kamel: die Wirbelsäule im Vierfüßlerstand runden und durchbiegen.

stretch-cat-camel-name = Katze-Kamel
stretch-cat-camel-summary = Abwechselndes Runden und Durchbiegen im Vierfüßlerstand lockert eine steife Brustwirbelsäule.
stretch-cat-camel-step-1 = Geh in den Vierfüßlerstand, die Hände unter den Schultern und die Knie unter den Hüften.
stretch-cat-camel-step-2 = Runde beim Ausatmen den Rücken nach oben zur Decke; der Kopf hängt, das Kinn ist eingezogen.
stretch-cat-camel-step-3 = Verharre einen Moment in der gerundeten Haltung und spür, wie der mittlere Rücken länger wird.
stretch-cat-camel-step-4 = Lass beim Einatmen den Rücken nach unten durchhängen und heb dabei Brust und Steißbein an.
stretch-cat-camel-step-5 = Beweg dich weiter langsam zwischen der gerundeten und der durchgebogenen Haltung hin und her.
# Die beiden Haltungen des Bewegungsablaufs („8 langsame Runden zwischen Katze (Rücken gerundet) und Kamel (Rücken durchgebogen)“).
stretch-cat-camel-shape-1 = Katze (Rücken gerundet)
stretch-cat-camel-shape-2 = Kamel (Rücken durchgebogen)

## Rückbeuge am Stuhl: den oberen Rücken über die Stuhllehne nach hinten beugen.

stretch-thoracic-extension-name = Rückbeuge am Stuhl
stretch-thoracic-extension-summary = Das Zurückbeugen über die Stuhllehne öffnet den mittleren Rücken nach Stunden in vorgebeugter Haltung.
stretch-thoracic-extension-step-1 = Setz dich auf einen stabilen Stuhl oder Hocker, beide Füße fest auf dem Boden.
stretch-thoracic-extension-step-2 = Verschränke die Hände am Hinterkopf, die Ellbogen zeigen seitlich nach außen.
stretch-thoracic-extension-step-3 = Beuge den oberen Rücken behutsam nach hinten über die Oberkante der Stuhllehne.
stretch-thoracic-extension-step-4 = Lass den Kopf ein kleines Stück mit nach hinten gehen, ohne den Nacken zu forcieren.
stretch-thoracic-extension-step-5 = Bleib so, atme langsam und spür, wie der mittlere Rücken länger wird.
stretch-thoracic-extension-step-6 = Komm kontrolliert zurück in den aufrechten Sitz und wiederhole die Übung dann.

## Drehsitz: den Oberkörper im Sitzen drehen, erst zur einen, dann zur anderen Seite.

stretch-seated-twist-name = Drehsitz
stretch-seated-twist-summary = Das Drehen des Oberkörpers im Sitzen bringt wieder Rotation in den mittleren Rücken.
stretch-seated-twist-step-1 = Rutsch nach vorn an die Sitzkante, die Füße flach aufgestellt und die Wirbelsäule lang.
stretch-seated-twist-step-2 = Führe die linke Hand hinüber an die Außenseite deines rechten Knies.
stretch-seated-twist-step-3 = Dreh beim Ausatmen den Brustkorb nach rechts; die Hand am Knie hilft dabei.
stretch-seated-twist-step-4 = Dreh den Kopf und blick über deine rechte Schulter hinweg; halte dabei die Brust angehoben.
stretch-seated-twist-step-5 = Halte die Drehung, atme gleichmäßig und dreh dich dann zurück nach vorn.
stretch-seated-twist-step-6 = Wechsle zur anderen Seite: rechte Hand ans linke Knie, Drehung nach links.

## Einfädeln: im Vierfüßlerstand einen Arm unter dem anderen hindurchführen.

stretch-thread-the-needle-name = Einfädeln
stretch-thread-the-needle-summary = Im Vierfüßlerstand einen Arm unter den Körper führen: Das dreht den oberen Rücken und lockert die Schultern.
stretch-thread-the-needle-step-1 = Geh in den Vierfüßlerstand, den Rücken flach und waagerecht.
stretch-thread-the-needle-step-2 = Fädle den rechten Arm unter dem linken Arm hindurch, nur so weit, wie es leicht geht.
stretch-thread-the-needle-step-3 = Senk dich ab, bis deine rechte Schulter und die Wange auf der Matte liegen; der rechte Arm ist dabei am Kopf vorbei ausgestreckt.
stretch-thread-the-needle-step-4 = Drück die linke Handfläche fest in den Boden, um stabil zu bleiben.
stretch-thread-the-needle-step-5 = Atme tief und lass die Dehnung sich über den oberen Rücken und die rechte Schulter ausbreiten.
stretch-thread-the-needle-step-6 = Komm langsam zurück in den Vierfüßlerstand.
stretch-thread-the-needle-step-7 = Wechsle zur anderen Seite und fädle den linken Arm unter dem rechten hindurch.

## Oberen Rücken ausrollen: den oberen und mittleren Rücken über eine Faszienrolle rollen.

stretch-foam-rolling-name = Oberen Rücken ausrollen
stretch-foam-rolling-summary = Das Rollen über eine Faszienrolle löst Verspannungen in den Muskeln entlang des mittleren Rückens.
stretch-foam-rolling-step-1 = Leg eine Faszienrolle quer auf den Boden.
stretch-foam-rolling-step-2 = Setz dich mit der Rolle hinter dir auf den Boden, die Knie gebeugt und die Fußsohlen auf dem Boden.
stretch-foam-rolling-step-3 = Lehn dich zurück, bis die Rolle unter deinem mittleren Rücken liegt; die Hände stützen den Kopf.
stretch-foam-rolling-step-4 = Roll langsam vom Nackenansatz bis zur Mitte des Rückens.
stretch-foam-rolling-step-5 = Verweile auf jeder verspannten oder empfindlichen Stelle und lass sie unter sanftem Druck nachgeben; atme dabei gleichmäßig.
stretch-foam-rolling-step-6 = Mach ein paar Minuten so weiter und wechsle dabei zu immer neuen Stellen des oberen Rückens.

## Haltungschecks: ein kurzer Name (im Titel der Benachrichtigung) und was zu prüfen und wie es zu korrigieren ist.

posture-sit-tall-name = Aufrecht sitzen
posture-sit-tall-text = Achte darauf, ob du zum Bildschirm hin zusammensackst. Schieb den Scheitel nach oben, sodass sich die Wirbelsäule gerade über den Hüften aufrichtet.
posture-shoulders-name = Schultern runter und zurück
posture-shoulders-text = Prüf, ob deine Schultern in Richtung Ohren hochgewandert sind. Lass sie sinken und nimm sie dann sanft nach hinten.
posture-screen-height-name = Bildschirm auf Augenhöhe
posture-screen-height-text = Du solltest den oberen Bildschirmrand sehen, ohne den Kopf nach oben oder unten zu neigen. Stell den Monitor höher oder tiefer oder verschieb ihn, bis das geht.
posture-back-support-name = Stuhl und Rückenstütze
posture-back-support-text = Setz dich ganz nach hinten, damit der Stuhl oder dein Relaxsessel die Krümmung deines unteren Rückens stützt. Stell die Rückenlehne nach oder nimm ein Kissen, wenn eine Lücke bleibt.
posture-feet-flat-name = Füße flach auf den Boden
posture-feet-flat-text = Beide Füße sollten flach auf dem Boden stehen, die Knie etwa auf Hüfthöhe. Stell den Sitz tiefer oder nimm eine Fußstütze, wenn deine Füße in der Luft hängen.
posture-desk-height-name = Ellbogen und Tisch
posture-desk-height-text = Die Ellbogen sollten locker etwa im rechten Winkel hängen, die Unterarme auf Tischhöhe. Ändere die Stuhl- oder Tischhöhe, wenn du nach oben oder unten greifen musst.
posture-breathe-name = Durchatmen und lockerlassen
posture-breathe-text = Stress setzt sich gern in Kiefer, Schultern und oberem Rücken fest. Atme ein paarmal langsam und tief durch und lass diese Muskeln weich werden.
posture-move-name = Aufstehen und bewegen
posture-move-text = Langes Stillsitzen macht den mittleren Rücken steif. Steh auf, geh eine Minute umher und setz dich dann wieder hin.
posture-core-name = Eine starke Körpermitte aufbauen
posture-core-text = Eine kräftige Rumpfmuskulatur hält die Wirbelsäule richtig ausgerichtet. Plane diese Woche eine Einheit ein, die die Körpermitte trainiert, zum Beispiel Pilates oder Yoga.
posture-calm-name = Eine ruhige Minute
posture-calm-text = Anhaltender Stress hält die Rückenmuskeln angespannt. Schließ die Augen für eine Minute stiller Meditation oder zähl beim Ausatmen zehn langsame Atemzüge.
posture-what-hurts-name = Was macht es schlimmer?
posture-what-hurts-text = Überleg, was deinen Rücken zuletzt stärker schmerzen ließ, etwa eine lange Autofahrt oder eine schwere Tasche. Mach es anders oder lass es eine Weile weg.
posture-more-than-stretching-name = Mehr als Dehnen
posture-more-than-stretching-text = Dehnübungen helfen, aber allein bringen sie einen schmerzenden Rücken selten zur Ruhe. Haltung, regelmäßige Bewegung, weniger Stress und ein gut eingerichteter Arbeitsplatz zählen ebenso.
