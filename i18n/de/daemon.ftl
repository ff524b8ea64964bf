# stretchd: was der Daemon sagt (Benachrichtigungen, das Tray-Menü, seine Antworten an die
# Kommandozeile), und die Titel und Dosierungen, die auch die Kommandozeile zeigt. Deutsche
# Übersetzung. { $name } und die anderen Platzhalter füllt das Programm aus: jeden behalten, an
# die Stelle setzen, die der Satz braucht.

## Aufzählungen und Zeitdauern.

# Zwischen den Einträgen einer Aufzählung: „Katze-Kamel, Drehsitz“.
list-separator = {", "}
span-secs = { $min } s
span-secs-range = { $min }–{ $max } s
span-mins = { $min } min
span-mins-range = { $min }–{ $max } min
# $minutes ist mindestens 1.
about-minutes = etwa { $minutes } min

## Wie viel von einer Dehnübung zu tun ist. $hold und $length sind Zeitdauern (span-*).

dose-brief-hold = { $hold }
dose-brief-hold-sides = { $hold } pro Seite
dose-brief-flow =
    { $rounds ->
        [one] { $rounds } langsame Runde
       *[other] { $rounds } langsame Runden
    }
dose-hold =
    { $reps ->
        [1] Einmal
       *[other] { $reps }-mal
    } { $hold } halten.
dose-hold-sides =
    Auf jeder Seite { $reps ->
        [1] einmal
       *[other] { $reps }-mal
    } { $hold } halten.
# $first und $second sind die beiden Haltungen des Bewegungsablaufs (stretch-*-shape-* in catalog.ftl).
dose-flow =
    { $rounds ->
        [one] { $rounds } langsame Runde
       *[other] { $rounds } langsame Runden
    } zwischen { $first } und { $second }, in jeder Haltung { $pause } s verweilen.
dose-duration = Übe { $length } lang durchgehend; es gibt keine Position zu halten.

## Titel der Erinnerungen (der Titel der Benachrichtigung und die Listen der Kommandozeile).

# $dose ist dose-brief-*.
title-stretch = Dehnübung: { $name }, { $dose }
title-posture = Haltungscheck: { $name }
# $about ist about-minutes.
title-session =
    Dehneinheit: Aufwärmen und { $count ->
        [one] { $count } Dehnübung
       *[other] { $count } Dehnübungen
    }, { $about }

## Benachrichtigungen: die Knöpfe und die Zeilen des Textes (höchstens zwei, insgesamt 200 Zeichen).

action-done = Erledigt
action-snooze = Später
action-skip = Überspringen
# Die zweite Zeile einer Dehn-Erinnerung: wo der Rest steht (ein Klick öffnet die Karte im Browser,
# oder mit [notify] on_click = "guide" die Anleitung im Terminal); „-safety“ beim ersten Mal, bis
# der Sicherheitshinweis gesehen wurde.
cue-card = Klick darauf (oder führ `stretchd card` aus) für alle Schritte, das Bild und einen Timer.
cue-card-safety = Beim ersten Mal: Klick darauf (oder `stretchd card`): Sicherheitshinweis, Schritte, Timer.
cue-guide = Klick darauf, um im Terminal angeleitet zu werden, oder führ `stretchd card` aus.
cue-guide-safety = Beim ersten Mal: Klick darauf für die Anleitung im Terminal, mit dem Sicherheitshinweis.
# $stretches: die Namen, verbunden mit list-separator.
session-body = Wärm dich zuerst auf, dann: { $stretches }.
session-done = „Erledigt“ startet die angeleitete Einheit im Terminal.
session-done-safety = „Erledigt“ startet die angeleitete Einheit im Terminal, zuerst mit dem Sicherheitshinweis.
config-error-title = stretchd: Konfiguration nicht neu geladen
config-error-body = Die bisherigen Einstellungen bleiben gültig, bis die Datei korrigiert ist.

## Datum und Uhrzeit: $day ist ein weekday-*, $date das Datum (2026-11-24), $time die Uhrzeit
## (14:30, oder 14:30:05, oder 14:30 CET mit der Zeitzone).

weekday-mon = Mo
weekday-tue = Di
weekday-wed = Mi
weekday-thu = Do
weekday-fri = Fr
weekday-sat = Sa
weekday-sun = So
when-day-time = { $day } { $time }
when-day-date-time = { $day } { $date } { $time }

## stretchd hurt: was der Daemon (oder die Kommandozeile, wenn kein Daemon läuft) sagt. $name ist
## der Name der Dehnübung, $id ihre ID; $area und $nearest sind area-* (catalog.ftl).

aside-reason-hurt = es hat wehgetan
hurt-stop =
    Brich „{ $name }“ jetzt ab. Die Übung ist zurückgestellt: stretchd schlägt sie nicht mehr vor (`stretchd stretches restore { $id }` holt sie zurück).
    Wenn der Schmerz anhält, wende dich an eine medizinische Fachkraft (ärztlich oder physiotherapeutisch).
hurt-instead-same-area = Probier stattdessen „{ $name }“ (`stretchd guide { $id }`): Diese Übung wirkt auf denselben Bereich, „{ $area }“.
hurt-instead-nearest = Probier stattdessen „{ $name }“ (`stretchd guide { $id }`): Für „{ $area }“ passt keine andere Übung zu deinen Positionen und Hilfsmitteln, und diese wirkt auf den nächstliegenden Bereich, „{ $nearest }“.
hurt-instead-nearest-aside = Probier stattdessen „{ $name }“ (`stretchd guide { $id }`): Für „{ $area }“ passt keine andere, nicht zurückgestellte Übung zu deinen Positionen und Hilfsmitteln, und diese wirkt auf den nächstliegenden Bereich, „{ $nearest }“.
hurt-all-aside = Alle anderen Übungen, die zu deinen Positionen und Hilfsmitteln passen, sind ebenfalls zurückgestellt; `stretchd stretches` listet sie auf, und `stretchd stretches restore ID` holt eine zurück.
hurt-none-fits = Keine andere Übung passt zu deinen Positionen und Hilfsmitteln; erlaube eine weitere Position oder füge unter [stretches] in der Konfiguration (`stretchd config edit`) Hilfsmittel hinzu, um eine zu bekommen.
month-jan = Jan
month-feb = Feb
month-mar = Mär
month-apr = Apr
month-may = Mai
month-jun = Jun
month-jul = Jul
month-aug = Aug
month-sep = Sep
month-oct = Okt
month-nov = Nov
month-dec = Dez
# $dom ist der Tag des Monats (24), $month ein month-*.
when-day-month = { $day }, { $dom }. { $month }
when-day-dom = { $day } { $dom }.

## Das Tray-Symbol: sein Menü (neben action-done, -snooze, -skip) und sein Tooltip, je eine
## Zeile. $time ist eine Uhrzeit (14:30, oder „Di 14:30“ für einen anderen Tag), $title der Titel
## einer Erinnerung.

tray-pause-hour = 1 Stunde pausieren
tray-pause-tomorrow = Bis morgen pausieren
tray-resume = Fortsetzen
tray-session = Dehneinheit starten
tray-config = Konfiguration öffnen
# $error ist die eigene Meldung der Konfiguration (auf Englisch).
tray-config-error = Fehler in der Konfiguration: { $error }
tray-now = Jetzt: { $title }
tray-paused-until = Pausiert bis { $time }
tray-paused = Pausiert bis zum Fortsetzen
# $why ist ein tray-held-*.
tray-held = Zurückgehalten: { $why }
tray-held-idle = abwesend seit { $time }
tray-held-locked = Bildschirm seit { $time } gesperrt
tray-held-asleep = seit { $time } im Ruhezustand
tray-held-dnd = „Nicht stören“
tray-held-fullscreen = ein Vollbildfenster
tray-held-grace = bis { $time }
tray-snoozed = Verschoben bis { $time }
# $grace ist eine Anzahl Sekunden.
tray-held-next = Zurückgehalten: { $title } (fällig { $time }), erscheint { $grace } s nach dem Ende des Zurückhaltens
tray-next = Nächste: { $title }, { $time }
tray-next-none = Nächste: nichts geplant
tray-week =
    Diese Woche: { $done } von { $goal ->
        [one] { $goal } Dehneinheit
       *[other] { $goal } Dehneinheiten
    }

## Was aus einer Erinnerung wurde (stretchd history, stats und die Antworten des Daemons).

outcome-done = erledigt
outcome-snoozed = verschoben
outcome-skipped = übersprungen
outcome-dismissed = geschlossen
outcome-expired = abgelaufen
outcome-hurt = schmerzhaft

## Die Antworten des Daemons an die Kommandozeile (stretchd snooze, pause, done, now, ...).
## $reminder ist die ID einer Erinnerung, $item die ID einer Dehnübung, $title der Titel einer
## Erinnerung; $error ist die eigene Meldung eines Systems oder der Konfiguration (auf Englisch).

reply-notice-read = der Sicherheitshinweis gilt als gelesen
# $time ist ein Tag mit Uhrzeit (when-day-time).
reply-snoozed-next = die nächste Erinnerung, „{ $reminder }“, ist verschoben bis { $time }
# $time ist eine Uhrzeit (14:30:05).
reply-snoozed = „{ $reminder }“ verschoben bis { $time }
# $time ist ein Datum mit Uhrzeit (when-day-date-time).
reply-paused-until = pausiert bis { $time }
reply-paused = pausiert bis `stretchd resume`
reply-not-paused = nicht pausiert; nichts fortzusetzen
reply-resumed = fortgesetzt
reply-session-started = „{ $reminder }“ gestartet: Die angeleitete Dehneinheit öffnet sich in einem Terminal und wird aufgezeichnet, wenn du sie abschließt
# $why ist, warum sich kein Terminal geöffnet hat (auf Englisch).
reply-session-not-started = „{ $reminder }“ nicht gestartet: { $why }; oder führ hier `stretchd guide --session` aus, das die Einheit aufzeichnet, wenn du sie abschließt
reply-session-no-level = --easy und --hard gelten für eine einzelne, statisch gehaltene Dehnübung, nicht für eine Dehneinheit: Die Stufe jeder Übung ändert sich mit `stretchd guide ID`
reply-done = erledigt: „{ $reminder }“
reply-skipped = übersprungen: „{ $reminder }“
reply-no-level = --easy und --hard bewirken hier nichts: „{ $item }“ hat keine Haltezeit zum Verkürzen oder Verlängern
reply-no-level-posture = --easy und --hard bewirken hier nichts: Ein Haltungscheck hat keine Haltezeit
# Ein Nebensatz zu einer Antwort (reply-and); $was und $now sind Anzahlen von Sekunden.
reply-hold-next = nächstes Mal { $now } s halten (bisher { $was } s)
reply-hold-shortest = die Haltezeit bleibt bei { $now } s, kürzer geht es nicht
reply-hold-longest = die Haltezeit bleibt bei { $now } s, länger geht es nicht
# Wie eine Antwort einen Nebensatz ($note: ein reply-hold-*) und eine Bemerkung in Klammern
# ($note: ein reply-no-level*, reply-session-no-level oder reply-not-in-history-aside) aufnimmt.
reply-and = { $answer }; { $note }
reply-aside = { $answer } ({ $note })
# $done Dehneinheiten diese Woche vom Ziel $goal.
reply-recorded =
    „{ $item }“ als erledigt aufgezeichnet; diese Woche: { $done } von { $goal ->
        [one] { $goal } Dehneinheit
       *[other] { $goal } Dehneinheiten
    }
reply-recorded-on-screen =
    „{ $item }“ als erledigt aufgezeichnet (das beantwortet die Erinnerung auf dem Bildschirm); diese Woche: { $done } von { $goal ->
        [one] { $goal } Dehneinheit
       *[other] { $goal } Dehneinheiten
    }
reply-recorded-session =
    eine Dehneinheit aufgezeichnet; diese Woche: { $done } von { $goal ->
        [one] { $goal } Dehneinheit
       *[other] { $goal } Dehneinheiten
    }
reply-recorded-session-on-screen =
    eine Dehneinheit aufgezeichnet (das beantwortet die Erinnerung auf dem Bildschirm); diese Woche: { $done } von { $goal ->
        [one] { $goal } Dehneinheit
       *[other] { $goal } Dehneinheiten
    }
reply-not-in-history = (Nicht im Verlauf gespeichert: { $error }.)
reply-not-in-history-aside = nicht im Verlauf gespeichert: { $error }
reply-restored = „{ $item }“ wiederhergestellt: Die Übung ist wieder im Wechsel dabei
# $path ist die Konfigurationsdatei.
reply-config-gone = { $path }: Die Konfigurationsdatei ist weg; ihre Einstellungen bleiben erhalten, bis sie wieder da ist
reply-config-unchanged = Konfiguration unverändert
reply-reloaded = { $path } neu geladen
reply-not-in-catalogue = „{ $item }“ ist nicht im Katalog
reply-now-showing = { $title } wird angezeigt
reply-now-held = { $title } zurückgehalten: Der Benachrichtigungsserver ist im Modus „Nicht stören“ und hält die Erinnerung zurück, ohne sie anzuzeigen; antworte mit `stretchd done` oder `stretchd skip`, oder sieh sie dir mit `stretchd card` an
reply-now-no-server = nicht angezeigt: Es läuft kein Benachrichtigungsserver (niemand besitzt org.freedesktop.Notifications) (starte einen: dunst, mako oder den deines Desktops)
reply-now-failed = nicht angezeigt: { $error }

## Warum der Daemon eine Anfrage abgelehnt hat.

# $length und $limit sind Zeitdauern wie 2h.
refusal-pause-too-long = eine Pause von { $length } ist zu lang; die Grenze ist { $limit } (`stretchd pause` ohne Zeitangabe pausiert bis `stretchd resume`)
refusal-past = diese Zeit ist schon vorbei; gib eine Zeit in der Zukunft an
refusal-nothing-awaits = keine Erinnerung wartet auf eine Antwort
refusal-nothing-shown = es wurde noch keine Erinnerung angezeigt; nichts zu beantworten
# $time ist, wann sie ausgelöst wurde (14:30), $outcome ein outcome-*.
refusal-already-answered = die letzte Erinnerung („{ $reminder }“ um { $time }) wurde schon beantwortet: { $outcome }
refusal-not-saved = { $outcome }: „{ $reminder }“, aber nicht gespeichert: { $error } (es zählt, bis der Daemon neu startet)
refusal-no-reminders = die Konfiguration enthält keine Erinnerungen
# $known: die IDs der Erinnerungen in der Konfiguration.
refusal-unknown-reminder = keine Erinnerung hat die ID „{ $id }“ (bekannt: { $known })
refusal-all-set-aside = Erinnerung „{ $id }“ hat nichts anzuzeigen: Jede Dehnübung, die sie wählen kann, ist zurückgestellt; `stretchd stretches restore ID` holt eine zurück (`stretchd stretches` listet sie auf)
refusal-not-a-stretch = „{ $id }“ ist keine Dehnübung des Katalogs (`stretchd stretches` listet sie auf)
refusal-no-stretch = keine Dehnübung ist auf dem Bildschirm und noch keine wurde gemacht; nenne die, die wehgetan hat: `stretchd hurt ID` (`stretchd stretches` listet sie auf)
# $ids: die IDs der Dehnübungen der Einheit.
refusal-session-on-screen = eine Dehneinheit ist auf dem Bildschirm, daher ist unklar, welche Dehnübung wehgetan hat; nenne sie: `stretchd hurt ID` (die der Einheit: { $ids })
# $aside: die zurückgestellten IDs oder refusal-none-set-aside.
refusal-not-set-aside = „{ $item }“ ist nicht zurückgestellt, also gibt es nichts wiederherzustellen (zurückgestellt: { $aside }); `stretchd stretches` zeigt sie
refusal-none-set-aside = keine
refusal-unrecorded = „{ $item }“ kann nicht aufgezeichnet werden: { $error }
refusal-config-invalid = Konfiguration nicht neu geladen, die bisherige bleibt: { $error }

## Anrufe: was Erinnerungen zurückhält, während das Mikrofon oder eine Kamera aufnimmt oder der
## Bildschirm geteilt wird.

capture-microphone = Mikrofon in Benutzung
capture-screen-cast = Bildschirm wird geteilt
capture-camera = Kamera in Benutzung
# Im Tooltip des Tray-Symbols nach tray-held: $capture ist ein capture-*, $app der Name des Programms.
tray-held-call = { $capture } ({ $app })

## Warum ein Verschieben abgelehnt wurde ($reminder: die ID einer Erinnerung; $length und $limit:
## Zeitdauern wie 2h).

snooze-nothing = es ist nichts geplant, was sich verschieben ließe
snooze-off = Verschieben ist ausgeschaltet (snooze.max = 0); mach sie oder überspring sie
snooze-limit = „{ $reminder }“ wurde schon { $max }-mal in Folge verschoben (snooze.max = { $max }); mach sie oder überspring sie
snooze-zero = eine Verschiebung muss mindestens 1s dauern
snooze-too-long = eine Verschiebung um { $length } ist zu lang; die Grenze ist { $limit }
