# stretchd: die eigenen Ausgaben der Kommandozeile (stretchd check, stretches, status, next, history,
# stats, guide, card, install, config und ihre Fehler). Deutsche Übersetzung.
# Befehle und Schlüssel in Backticks (`stretchd resume`) werden so eingegeben: unverändert lassen.

## Zeitdauern, wie die Anleitung und die Listen sie zählen.

length-secs = { $secs } s
length-mins = { $min } min
length-mins-secs = { $min } min { $secs } s

## stretchd guide: der Ablauf, eine Zeile pro Abschnitt. $secs ist eine Anzahl Sekunden.

guide-other-side = Jetzt die andere Seite.
guide-hold = { $secs } s halten
guide-hold-rep = { $secs } s halten ({ $rep } von { $reps })
guide-hold-first = { $secs } s halten (erste Seite)
guide-hold-first-rep = { $secs } s halten (erste Seite, { $rep } von { $reps })
guide-hold-other = { $secs } s halten (andere Seite)
guide-hold-other-rep = { $secs } s halten (andere Seite, { $rep } von { $reps })
# $shape ist eine der beiden Haltungen eines Bewegungsablaufs (stretch-*-shape-* in catalog.ftl).
guide-breathe-out = Ausatmen in die Haltung { $shape }, { $secs } s (Runde { $round } von { $rounds })
guide-breathe-in = Einatmen in die Haltung { $shape }, { $secs } s (Runde { $round } von { $rounds })
# $length ist length-*.
guide-keep = { $length } lang durchgehend üben
guide-warm-up = Aufwärmen: { $length } leichte Bewegung (drück die Eingabetaste, wenn du schon aufgewärmt bist)
guide-no-warm-up = Ohne Aufwärmen (--no-warmup): nur, wenn du schon aufgewärmt bist.
# $stretches: die Namen, verbunden mit list-separator (daemon.ftl).
guide-session-then =
    Dann { $count ->
        [one] eine Dehnübung
       *[other] alle passenden Dehnübungen
    }: { $stretches }, in dieser Reihenfolge.
# $about ist about-minutes (daemon.ftl).
guide-session-timed = Zeitplan: { $about }, jede Haltezeit auf ihrer aktuellen Stufe.
guide-before-you-start = Bevor du beginnst:
# $length ist eine Zeitdauer (span-* in daemon.ftl).
guide-no-reps = --reps gilt hier nicht: Diese Übung läuft als eine Dehnung von { $length } (mit --hold SECONDS änderst du die Dauer in Sekunden)
# $total ist length-*.
guide-timed-holds =
    Zeitplan: { $holds ->
        [one] { $holds } Haltephase
       *[other] { $holds } Haltephasen
    } von { $secs } s, insgesamt { $total }.
guide-timed-holds-sides =
    Zeitplan: { $holds ->
        [one] { $holds } Haltephase
       *[other] { $holds } Haltephasen
    } von { $secs } s pro Seite, insgesamt { $total }.
guide-timed-flow =
    Zeitplan: { $rounds ->
        [one] { $rounds } Runde
       *[other] { $rounds } Runden
    } mit { $secs } s in jeder Haltung, insgesamt { $total }.
guide-timed-duration = Zeitplan: { $total } am Stück.

## stretchd card: die Seite der Dehnübung im Browser. Sie ist HTML: Das Programm maskiert den Text.

card-title = { $name }: stretchd
card-steps = Schritte
card-safety = Sicherheit
card-dose-and-timer = Dosierung und Timer
card-timed-parts = Zeitabschnitte
card-start = Starten
card-reset = Zurücksetzen
card-pause = Pause
card-resume = Fortsetzen
card-start-again = Neu starten
# Was der Timer über den laufenden Abschnitt sagt: $n ist seine Nummer, $total die Anzahl,
# $part was er ist („30 s halten (erste Seite)“).
card-part = Abschnitt { $n } von { $total }: { $part }
card-all-done =
    { $total ->
        [one] Der Abschnitt ist geschafft. Beantworte die Erinnerung mit „Erledigt“.
       *[other] Alle { $total } Abschnitte geschafft. Beantworte die Erinnerung mit „Erledigt“.
    }
# $clock ist die verbleibende Zeit („0:12“), $part wie in card-part.
card-paused = Angehalten bei { $clock }. { $part }
card-ready = Bereit. { $part }
# $command ist der Befehl `stretchd done`.
card-footer = stretchd: Beantworte die Erinnerung mit „Erledigt“ oder führ { $command } aus.

## stretchd check

# $path ist der Ort, an dem die Konfigurationsdatei wäre.
check-built-in = eingebaute Standardeinstellungen (keine Datei unter { $path })
# $source ist die Konfigurationsdatei (oder check-built-in).
check-ok =
    { $source }: OK ({ $count ->
        [one] { $count } Erinnerung
       *[other] { $count } Erinnerungen
    })
# $warning ist, was die Prüfung der Konfiguration gefunden hat (auf Englisch, mit den Schlüsseln der Konfiguration).
check-warning = Warnung: { $warning }
check-never-fires = Erinnerung „{ $id }“ wird nie ausgelöst: Der Zeitpunkt fällt nie in die Arbeitstage und -zeiten von [schedule]; ändere ihre Cron-Zeile oder work_days und work_hours
check-nothing = Es wird nichts ausgelöst: Keine Erinnerung fällt in die Arbeitszeiten.
check-nothing-from = Nach { $from } wird nichts ausgelöst.
# $from ist ein Datum mit Uhrzeit (when-day-date-time in daemon.ftl).
check-next =
    { $count ->
        [one] Die nächste Erinnerung
       *[other] Die nächsten { $count } Erinnerungen
    } ab { $from }, wenn du am Schreibtisch bleibst:

## stretchd stretches, stretchd stretches show ID, stretchd stretches safety

stretches-heading = Dehnübungen (`stretchd stretches show ID` für die Schritte):
# $reason ist der Grund (aside-reason-hurt oder die Worte der Person), $when ein Datum mit Uhrzeit.
stretches-set-aside = [zurückgestellt: { $reason }, { $when }; `stretchd stretches restore { $id }` holt sie zurück]
stretches-not-in-program = [nicht im Programm: braucht eine andere Position oder andere Hilfsmittel]
stretches-sessions-only = [nur in Dehneinheiten: keine Übung für den Schreibtisch]
stretches-postures = Haltungschecks:
stretches-safety-hint = `stretchd stretches safety` zeigt den Sicherheitshinweis.
stretches-unknown = keine Dehnübung und kein Haltungscheck hat die ID „{ $id }“; `stretchd stretches` listet sie auf
# $position ist ein position-* und $equipment eine Liste von equipment-* (catalog.ftl) oder show-no-equipment.
show-facts = Position: { $position }   Hilfsmittel: { $equipment }
show-no-equipment = keine
# $area ist ein area-* (catalog.ftl).
show-works = Zielbereich: { $area }

## stretchd stats, stretchd history

# $grow ist, nach wie vielen „Erledigt“-Antworten in Folge eine Haltezeit länger wird.
stats-holds-heading = Aktuelle Haltezeiten (nach { $grow }-mal „Erledigt“ werden sie länger; `stretchd done --easy`/`--hard` verschieben sie):
# $range ist eine Zeitdauer (span-* in daemon.ftl).
stats-hold-line = { $secs } s (Spanne { $range }; { $done } von { $grow } „Erledigt“ bis zur nächsten Stufe)
history-unreadable = Verlauf { $path } kann nicht gelesen werden: { $error } (mach ihn zu einer lesbaren regulären Datei oder verschieb ihn, um einen neuen zu beginnen)

## stretchd status, status --follow, next: der Zustand des Daemons. Die Titel der Erinnerungen
## kommen vom Daemon, in seiner Sprache.

# $path ist der Socket des Daemons.
remote-not-running = stretchd läuft nicht (unter { $path } antwortet nichts); starte es mit `systemctl --user start stretchd` oder `stretchd run`
kind-posture = Haltungscheck
kind-stretch = Dehnübung
kind-session = Dehneinheit
# Der Kurztext einer Statusleiste (status --follow). $kind ist kind-*, $countdown ein countdown-*.
bar-paused = pausiert
bar-paused-until = pausiert, weiter { $countdown }
bar-held = zurückgehalten
bar-now = { $kind } jetzt
bar-next = { $kind } { $countdown }
bar-idle = inaktiv
countdown-now = jetzt
countdown-minutes = in { $minutes } min
countdown-hours = in { $hours } h { $minutes } min
# $version ist die Version von stretchd, $since ein Tag mit Uhrzeit (when-day-time in daemon.ftl).
status-running = stretchd { $version } läuft seit { $since } (PID { $pid })
# Die Bezeichnungen der Zeilen von `stretchd status`: Die Werte stehen bündig hinter der längsten.
status-config = Konfiguration:
status-paused = Pausiert:
status-held = Zurückgehalten:
status-snoozed = Verschoben:
status-waiting = Wartet:
status-filed = Abgelegt:
status-next = Nächste:
status-week = Diese Woche:
status-idle = Inaktivität:
# $error ist die eigene Meldung der Konfiguration (auf Englisch).
status-config-error = Fehler in der Konfiguration (die bisherige Konfiguration bleibt gültig): { $error }
status-paused-until = bis { $time } ({ $countdown })
status-paused-until-resume = bis `stretchd resume`
# Warum Erinnerungen zurückgehalten werden; $time ist eine Uhrzeit (14:30).
held-idle = seit { $time } nicht an der Tastatur
held-locked = Bildschirm seit { $time } gesperrt
held-asleep = seit { $time } im Ruhezustand
held-dnd = der Benachrichtigungsserver ist im Modus „Nicht stören“
held-fullscreen = ein Vollbildfenster hat den Fokus
held-grace = das Zurückhalten ist gerade zu Ende; zurückgehaltene Erinnerungen warten bis { $time }
# Wann die zurückgehaltene Erinnerung erscheint; $grace ist eine Dauer wie 30s.
held-shows-back = erscheint, wenn du zurück bist (nach einer natürlichen Pause beginnt das Intervall neu)
held-shows-dnd = erscheint, wenn „Nicht stören“ endet
held-shows-dnd-grace = erscheint { $grace } nach dem Ende von „Nicht stören“
held-shows-fullscreen = erscheint, wenn das Vollbildfenster den Fokus verliert
held-shows-fullscreen-grace = erscheint { $grace }, nachdem das Vollbildfenster den Fokus verloren hat
held-shows-at = erscheint am { $time }
# $reminder ist die ID der Erinnerung.
status-snoozed-until = „{ $reminder }“ bis { $time } ({ $count }-mal in Folge)
status-waiting-answer = { $title } (antworte mit `stretchd done` oder `stretchd skip`)
status-filed-held = { $title } (während „Nicht stören“ gesendet, daher hält der Server sie zurück, ohne sie anzuzeigen; antworte mit `stretchd done` oder `stretchd skip`)
status-due-since = fällig seit { $time }
status-due = fällig am { $time }
# $due ist status-due oder status-due-since, $shows ein held-shows-*.
status-next-held = zurückgehalten: { $reminder }  { $title } ({ $due }), { $shows }
status-next-none = nichts geplant
status-week-sessions =
    { $done } von { $goal ->
        [one] { $goal } Dehneinheit
       *[other] { $goal } Dehneinheiten
    }
next-nothing = Nichts geplant (unbegrenzt pausiert, oder keine Erinnerung passt in die Arbeitszeiten).

## stretchd stats und stretchd history: was aus den Erinnerungen wurde.

# $first und $last sind Tage (when-day-month in daemon.ftl).
stats-week = Diese Woche ({ $first } bis { $last }): Dehneinheiten, Dehnübungen am Schreibtisch, Haltungschecks
# Nach dem Balken eines Tages und seiner Zahl von Dehneinheiten: $desk Dehnübungen am Schreibtisch, $posture Haltungschecks.
stats-day = Schreibtisch { $desk }   Haltung { $posture }
stats-today = <- heute
stats-goal =
    Ziel: { $done }/{ $goal ->
        [one] { $goal } Dehneinheit
       *[other] { $goal } Dehneinheiten
    } diese Woche
stats-goal-met =
    Ziel: { $done }/{ $goal ->
        [one] { $goal } Dehneinheit
       *[other] { $goal } Dehneinheiten
    } diese Woche (erreicht)
stats-streak =
    Serie: { $weeks ->
        [one] { $weeks } Woche
       *[other] { $weeks } Wochen
    }
# $weeks ist, wie viele Wochen in Folge, $goal das neue Ziel (eins mehr).
stats-suggest = Das Ziel wurde { $weeks }+ Wochen in Folge erreicht: Bereit für eine Dehneinheit mehr pro Woche? Setz [goal] sessions_per_week = { $goal } in der Konfiguration.
stats-no-desk-stretches = Noch keine Dehnübungen am Schreibtisch gemacht.
# $date ist ein Datum (2026-11-24).
stats-desk-since = Dehnübungen am Schreibtisch seit { $date }:
stats-desk = Dehnübungen am Schreibtisch:
# Eine der Summen: „3 erledigt“; $outcome ist ein outcome-*.
stats-total = { $count } { $outcome }
# $totals: das stats-total jedes Ergebnisses, verbunden mit list-separator (daemon.ftl).
stats-all = Alle Erinnerungen: { $totals }
history-empty = Keine Einträge im Verlauf.

## stretchd guide: was es am Ende aufzeichnet.

# $item ist die ID der Dehnübung, $path die Verlaufsdatei.
guide-recorded-in = „{ $item }“ als erledigt in { $path } aufgezeichnet.
guide-recorded-alone = „{ $item }“ als erledigt in { $path } aufgezeichnet (kein Daemon läuft).
# $note ist ein Nebensatz (reply-hold-* in daemon.ftl).
guide-recorded-in-note = „{ $item }“ als erledigt in { $path } aufgezeichnet; { $note }.
guide-recorded-alone-note = „{ $item }“ als erledigt in { $path } aufgezeichnet (kein Daemon läuft); { $note }.
guide-session-none-fits = keine Dehnübung passt zu den Positionen und Hilfsmitteln der Konfiguration (oder jede passende ist zurückgestellt), also ist die Dehneinheit leer; erlaube eine weitere Position unter [stretches] positions, oder `stretchd stretches restore ID`
# $ids: die zurückgestellten IDs.
guide-session-all-aside = jede Dehnübung der Dehneinheit ist zurückgestellt ({ $ids }), also ist die Dehneinheit leer; `stretchd stretches restore ID` holt eine zurück
guide-not-recorded = Nicht aufgezeichnet: Starte ohne --no-wait, um die Zeit zu nehmen und aufzuzeichnen.
guide-done = Fertig.
guide-stopped = Abgebrochen; nicht als erledigt aufgezeichnet.
# Nach einem Abschnitt mit Zeit („30 s halten ... fertig“); ein mit der Eingabetaste abgekürztes Aufwärmen ist „übersprungen“.
guide-part-done = fertig
guide-part-skipped = übersprungen
guide-warm-up-skipped = Aufwärmen übersprungen: schon aufgewärmt.
guide-secs-left = noch { $secs } s
# Die Fragen nach einer Dehnübung. Die Anleitung liest die Buchstaben in Klammern so, wie sie
# sind (y, n; e, o, h): nicht ändern.
guide-ask-hurt = Hat es wehgetan? [y/N] (y = ja)
# $stretches: „1 Katze-Kamel, 2 Drehsitz“.
guide-ask-which-hurt = Hat eine der Übungen wehgetan? Gib ihre Nummer ein ({ $stretches }) oder drück die Eingabetaste für keine:
guide-ask-next-time = Nächstes Mal: [e] leichter (kürzer halten) / [o] so lassen / [h] schwerer (länger halten)? [O]
guide-ask-again = Bitte antworte mit einem der Buchstaben in den eckigen Klammern.

## Wie stretchd guide und stretchd card die Dehnübung wählen. $command ist guide oder card, $id
## das Gefragte, $known die IDs der Dehnübungen.

choice-a-posture = „{ $id }“ ist ein Haltungscheck; `stretchd { $command }` nimmt Dehnübungen (bekannt: { $known })
choice-unknown = keine Dehnübung hat die ID „{ $id }“ (bekannt: { $known }); `stretchd stretches` listet sie auf
choice-daemon-suggests = (Die Dehnübung, die der Daemon vorschlägt; `stretchd { $command } ID` wählt eine andere.)
choice-next-in-rotation = (Die nächste im Wechsel; `stretchd { $command } ID` wählt eine andere.)
choice-all-set-aside = keine Dehnübung vorzuschlagen: Jede Dehnübung ist zurückgestellt (`stretchd stretches` listet sie auf); hol eine mit `stretchd stretches restore ID` zurück oder nenne eine: `stretchd { $command } ID`

## stretchd card: wenn sich der Browser nicht öffnet. $path ist die Datei der Karte, $opener xdg-open.

card-no-opener = die Karte ist in { $path } gespeichert, kann aber nicht geöffnet werden: { $opener } ist nicht installiert (Debian: `apt install xdg-utils`); öffne die Datei in einem Browser oder nutze `stretchd card --print`
card-opener-does-not-start = die Karte ist in { $path } gespeichert, aber { $opener } startet nicht: { $error }
card-opener-failed = die Karte ist in { $path } gespeichert, aber { $opener } ist fehlgeschlagen ({ $status }): kein Standardprogramm für HTML-Dateien? Leg eins fest mit `xdg-settings set default-web-browser firefox.desktop` (oder deinem Browser) oder öffne die Datei in einem Browser

## stretchd install und uninstall: eine Zeile pro Schritt. $what ist eine Datei oder eine Befehlszeile.

install-wrote = geschrieben: { $what }
install-would-write = würde schreiben: { $what }
install-kept = vorhanden, behalten: { $what }
install-would-keep = vorhanden, würde behalten: { $what }
install-unchanged = unverändert: { $what }
install-would-leave-unchanged = würde unverändert lassen: { $what }
install-removed = entfernt: { $what }
install-would-remove = würde entfernen: { $what }
install-left = belassen: { $what }
install-would-leave = würde belassen: { $what }
install-ran = ausgeführt: { $what }
install-would-run = würde ausführen: { $what }
# Ein Schritt mit Hinweis: $step ist eine der Zeilen oben, $hint ein install-hint-* oder uninstall-hint-*.
install-hint = { $step } ({ $hint })
install-hint-config = deine Konfiguration: Bearbeite sie, der Daemon lädt sie beim Speichern neu
# $dir ist ein Ordner.
install-hint-zsh = zsh: Füge { $dir } vor compinit zu fpath hinzu, falls es dort fehlt
install-hint-man = wenn `man stretchd` die Seite nicht findet, füge { $dir } zu MANPATH hinzu
install-hint-systemd-now = systemd startet stretchd jetzt
install-hint-autostart = der Desktop führt bei jeder Anmeldung `stretchd run` aus; starte es jetzt mit `stretchd run &`
# $why ist, was systemctl gesagt hat (auf Englisch).
install-no-systemd = keine systemd-Benutzerinstanz antwortet ({ $why }): Stattdessen wird ein XDG-Autostart-Eintrag verwendet
uninstall-no-systemd = keine systemd-Benutzerinstanz antwortet ({ $why }): Die Unit wird entfernt, ohne sie zu stoppen
uninstall-hint-autostart = ein damit gestartetes `stretchd run` läuft, bis du dich abmeldest
uninstall-hint-not-ours = nicht von `stretchd install` geschrieben
uninstall-hint-config = deine Konfiguration; lösch sie selbst, wenn du sie nicht mehr willst
uninstall-hint-history = dein Verlauf; er und der Zustand des Daemons liegen in { $dir }
uninstall-hint-pictures = die Bilder der Dehnübungen, die `stretchd run` schreibt, und deine eigenen

## stretchd config set und config edit. $path ist die Konfigurationsdatei, $pid der Prozess des Daemons.

# $key ist ein Schlüssel der Konfiguration und $value sein Wert, so wie eingegeben.
config-set-already = { $path }: { $key } ist bereits { $value }; nichts geschrieben
config-edit-no-changes-default = { $path }: keine Änderungen, daher wurde keine Datei geschrieben (die eingebauten Standardeinstellungen bleiben in Gebrauch)
config-edit-no-changes = { $path }: keine Änderungen
config-edit-saved = { $path }: gespeichert
config-edit-invalid = { $path } ist unverändert: Die Bearbeitung ergibt keine gültige Konfiguration (korrigiere sie mit `stretchd config edit` in einem Terminal, das anbietet, erneut zu bearbeiten)
# $copy ist die bearbeitete Kopie, die aufbewahrt wird.
config-edit-changed-meanwhile = { $path } wurde während der Bearbeitung geändert und bleibt daher, wie es ist; deine Version ist { $copy } (führ die beiden von Hand zusammen oder führ `stretchd config edit` erneut aus)
# Bei „ja“ öffnet sich der Editor erneut: Die Buchstaben bleiben y und n.
config-edit-again = Erneut bearbeiten? [Y/n] (y = ja)
config-daemon-uses = Der laufende Daemon (PID { $pid }) verwendet { $path }, nicht diese Datei.
config-daemon-reloads = Der laufende Daemon (PID { $pid }) lädt sie selbst neu.
# $answer ist, was der Daemon gesagt hat.
config-daemon-told = Der laufende Daemon (PID { $pid }) wurde zum Neuladen aufgefordert: { $answer }.
config-daemon-refused = der laufende Daemon (PID { $pid }) hat nicht neu geladen: { $answer }

## Mehrere Rechner ([sync]): status, stats und history.

status-lull = Fällig:
# $time ist, wann sie trotzdem erscheint (ein Tag und eine Uhrzeit).
status-lull-wait = wartet auf eine Tipppause, höchstens bis { $time }
status-sync = Synchronisierung:
# Dieser Rechner: der Ordner, sein Hostname und die ersten Zeichen seiner Machine-ID.
status-sync-this = { $dir } als { $hostname } (Rechner { $machine })
status-sync-alone = Noch kein anderer Rechner hat in den Ordner geschrieben.
# Ein anderer Rechner des Ordners; $when ist status-sync-ahead, -just-now oder -ago.
status-sync-machine = { $hostname } (Rechner { $machine }), zuletzt geschrieben: { $when }
status-sync-ahead = { $time }, dieser Uhr um { $minutes } min voraus
status-sync-ahead-days =
    { $time }, dieser Uhr um { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } voraus
status-sync-just-now = { $time }, gerade eben
# $ago ist ein ago-*.
status-sync-ago = { $time }, { $ago }
status-sync-problem = Problem bei der Synchronisierung: { $problem }
ago-minutes = vor { $minutes } min
ago-hours = vor { $hours } h { $minutes } min
ago-days =
    { $days ->
        [one] vor 1 Tag
       *[other] vor { $days } Tagen
    }
# $machines: die Hostnamen, verbunden mit list-separator (daemon.ftl).
stats-machines =
    { $count ->
        [one] Gezählt auf 1 Rechner des Sync-Ordners: { $machines }.
       *[other] Gezählt auf { $count } Rechnern des Sync-Ordners: { $machines }.
    }
stats-this-machine = { $name } (dieser Rechner)
history-config-unusable = { $error }; nur der Verlauf dieses Rechners wird aufgelistet
sync-folder-unreadable = Sync-Ordner { $path } kann nicht gelesen werden: { $error }; nur die Antworten dieses Rechners werden gezählt
sync-history-unreadable = { $path } kann nicht gelesen werden: { $error }; die Antworten von { $hostname } bleiben außen vor
# Ein Rechner, dessen Zusammenfassung nicht lesbar ist, genannt nach den ersten Zeichen seiner ID.
sync-machine-unnamed = Rechner { $machine }

## Anrufe (`stretchd status`).

# $capture ist ein capture-* (daemon.ftl), $app der Name des Programms.
held-call = { $capture } ({ $app }) seit { $time }
held-shows-call = erscheint, wenn der Anruf endet (einmal pro Minute geprüft)
held-shows-call-grace = erscheint { $grace } nach dem Ende des Anrufs (einmal pro Minute geprüft)

## Antworten auf die Fragen der Anleitung und von `config edit`: die Wörter für Ja und Nein,
## durch Kommas getrennt, neben den englischen Buchstaben der Fragen ([y/N], die immer gelten).

answer-yes = y, yes, j, ja
answer-no = n, no, nein

# $path ist ein Ordner.
card-not-a-folder = { $path } ist kein Ordner, daher kann die Karte dort nicht geschrieben werden; verschieb es woandershin und führ den Befehl erneut aus
card-cannot-create = { $path } für die Karte kann nicht angelegt werden
card-cannot-write = die Karte kann nicht in { $path } geschrieben werden

## Was die Anleitung und `stretchd hurt` sagen, wenn der Daemon nicht annimmt, was sie aufzeichnen.
## $item ist die ID der Dehnübung, $why, was schiefging (die Antwort des Daemons oder ein Systemfehler).

record-refused = der Daemon hat es nicht aufgezeichnet: { $why }
record-not-recorded = „{ $item }“ wurde nicht aufgezeichnet: { $why }
record-unconfirmed-other = der Daemon hat nicht bestätigt, dass er „{ $item }“ aufgezeichnet hat (er hat etwas anderes geantwortet); vielleicht zeichnet er es noch auf: prüf `stretchd history`
record-unconfirmed = der Daemon hat nicht bestätigt, dass er „{ $item }“ aufgezeichnet hat ({ $why }); vielleicht zeichnet er es noch auf: prüf `stretchd history`
# $problem ist eine der Meldungen oben.
record-directly = { $problem }; der Verlauf wird direkt geschrieben
record-not-set-aside = „{ $item }“ wurde nicht zurückgestellt: { $why }
record-aside-unconfirmed = der Daemon hat nicht bestätigt, dass er „{ $item }“ zurückgestellt hat (er hat etwas anderes geantwortet); prüf `stretchd stretches`

## Abgelehnte Werte auf der Kommandozeile. $given ist, was eingegeben wurde.

arg-not-rfc3339 = „{ $given }“ ist keine Zeitangabe in RFC 3339 aus den Jahren 1970 bis 9999, z. B. 2026-11-24T09:00:00+01:00
arg-not-hhmm = „{ $given }“ ist keine Uhrzeit; verwende HH:MM, z. B. 14:30
arg-not-date = „{ $given }“ ist kein Datum; verwende JJJJ-MM-TT oder RFC 3339
# $error sagt, was an der Zeitdauer falsch ist (auf Englisch, in der Schreibweise der Konfiguration: 1h, 30m).
arg-pause = { $error } (`stretchd pause` ohne Zeitangabe pausiert bis `stretchd resume`)
