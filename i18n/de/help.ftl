# stretchd: --help, deutsche Übersetzung (die englische Quelle entsteht aus den Doc-Kommentaren von
# src/cli/mod.rs). help-BEFEHL ist, was ein Unterbefehl tut, help-BEFEHL--ARG, was eine Option
# oder ein Argument bedeutet. Optionsnamen (--config) und Werte bleiben, wie sie sind.

help = Ein winziger Linux-Benutzerdaemon, der Menschen am Schreibtisch daran erinnert, ihre Haltung zu prüfen und eine Dehnübung für den mittleren Rücken zu machen
help-after =
    Die Konfiguration liegt unter $XDG_CONFIG_HOME/stretchd/config.toml (meist ~/.config/stretchd/config.toml); ohne sie läuft der eingebaute Standardzeitplan. `stretchd config edit` und `stretchd config set KEY VALUE` ändern sie und prüfen sie, bevor sie gespeichert wird.
    Zum Einstieg: `stretchd check` zeigt, was der Zeitplan tun würde, `stretchd now` zeigt eine Erinnerung.
    Exit-Status: 0 bei Erfolg, 1 bei einem Fehler, 3, wenn der Daemon nicht läuft.
help--json = JSON statt Text ausgeben (ein Objekt; `status --follow` gibt eines pro Zeile aus)

help-run = Den Daemon ausführen: Erinnerungen anzeigen, bis er gestoppt wird (SIGHUP oder das Speichern der Konfiguration lädt sie neu)
help-run--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-check = Die Konfiguration prüfen und die nächsten Erinnerungen ausgeben, die sie auslösen würde
help-check--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden
help-check--from = Ab diesem Zeitpunkt statt ab jetzt beginnen (RFC 3339, z. B. 2026-11-24T09:00:00+01:00; Jahre 1970 bis 9999)
help-check--count = Wie viele Erinnerungen angezeigt werden (1 bis 1000)

help-stretches = Die Dehnübungen und Haltungschecks auflisten oder eine davon vollständig anzeigen
help-stretches--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-stretches-show = Eine Dehnübung oder einen Haltungscheck vollständig ausgeben
help-stretches-show--id = Die ID, wie `stretchd stretches` sie auflistet

help-stretches-restore = Eine zurückgestellte Dehnübung (`stretchd hurt`) wieder in den Wechsel aufnehmen
help-stretches-restore--id = Die ID, wie `stretchd stretches` sie auflistet

help-stretches-safety = Den Sicherheitshinweis ausgeben

help-status = Zeigen, was der Daemon tut: nächste Erinnerung, Pause, Verschiebung, Fortschritt dieser Woche
help-status--follow = Fortlaufend ausgeben: eine Zeile sofort, bei jeder Änderung und einmal pro Minute (für Statusleisten)

help-next = Die anstehenden Erinnerungen auflisten, unter Berücksichtigung von Verschiebung und Pause
help-next--count = Wie viele (1 bis 1000)

help-snooze = Die angezeigte Erinnerung verschieben, sonst die nächste
help-snooze--duration = Für wie lange, höchstens einen Tag, z. B. 10m (Standard: snooze.length der Konfiguration)

help-pause = Alle Erinnerungen pausieren: eine Weile, bis zu einer Uhrzeit, bis morgen oder bis `resume`
help-pause--duration = Für wie lange, höchstens ein Jahr, z. B. 1h oder 30m; ohne jede Option bis `stretchd resume`
help-pause--until = Bis zu dieser Ortszeit (heute, oder morgen, wenn sie schon vorbei ist), z. B. 14:30
help-pause--until_tomorrow = Bis Mitternacht

help-resume = Eine Pause beenden

help-skip = Die letzte Erinnerung mit „Überspringen“ beantworten (für Server, die keine Knöpfe zeichnen)

help-done = Die letzte Erinnerung mit „Erledigt“ beantworten (für Server, die keine Knöpfe zeichnen); --easy oder --hard machen die Haltezeiten der Dehnübung beim nächsten Mal eine Stufe kürzer oder länger
help-done--easy = Es war zu viel: Die Haltezeiten einer Dehnübung werden beim nächsten Mal eine Stufe (5 s) kürzer
help-done--hard = Es war zu wenig: Die Haltezeiten einer Dehnübung werden beim nächsten Mal eine Stufe (5 s) länger, auch über das obere Ende ihrer Spanne hinaus (um höchstens 15 s)

help-hurt = Die Dehnübung hat wehgetan: aufhören; das wird aufgezeichnet, die Übung zurückgestellt (nicht mehr im Wechsel bis `stretchd stretches restore ID`) und eine andere für denselben Bereich genannt
help-hurt--id = Die Dehnübung (Standard: die angezeigte Dehn-Erinnerung, sonst die zuletzt gemachte)
help-hurt--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-now = Sofort eine Erinnerung anzeigen: diese oder die als Nächstes fällige
help-now--id = Eine Erinnerungs-ID aus der Konfiguration

help-reload = Den Daemon seine Konfiguration neu lesen lassen

help-history = Vergangene Erinnerungen und ihre Antworten auflisten; mit einem [sync]-Ordner die aller Rechner, jeweils mit dem Namen ihres Rechners
help-history--since = Nur Einträge ab diesem Tag (JJJJ-MM-TT, Ortszeit) oder diesem Zeitpunkt (RFC 3339)
help-history--here = Nur die Einträge dieses Rechners, nicht die der anderen Rechner des [sync]-Ordners
help-history--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-stats = Diese Woche nach Tagen, das Wochenziel, die Serie der Wochen, in denen es erreicht wurde, Zahlen pro Dehnübung; mit einem [sync]-Ordner über die Antworten aller Rechner
help-stats--here = Nur die Antworten und Stufen dieses Rechners, nicht die der anderen Rechner des [sync]-Ordners
help-stats--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-install = Für diesen Benutzer installieren: die systemd-Benutzer-Unit (oder einen Autostart-Eintrag), die Standardkonfiguration, Desktop-Eintrag, Symbol, Vervollständigungen und Handbuchseite; danach bei jeder Anmeldung starten
help-install--dry_run = Ausgeben, was getan würde, und nichts ändern

help-uninstall = Stoppen und entfernen, was `install` geschrieben hat; Konfiguration und Verlauf bleiben
help-uninstall--dry_run = Ausgeben, was getan würde, und nichts ändern

help-completions = Das Skript zur Shell-Vervollständigung (bash, zsh oder fish) auf stdout ausgeben
help-completions--shell = Die Shell

help-man = Die Handbuchseite (roff) auf stdout ausgeben

help-guide = Im Terminal durch eine Dehnübung führen, mit einem Countdown für jedes Halten und jede Pause; das Abschließen zeichnet „Erledigt“ auf (Strg+C bricht ab und zeichnet nichts auf)
help-guide--id = Die Dehnübung, wie `stretchd stretches` sie auflistet (Standard: die, die der Daemon als Nächstes vorschlagen würde)
help-guide--session = Eine ganze Dehneinheit statt einer Dehnübung: ein Aufwärmen, dann jede Dehnübung, die zu den Positionen und Hilfsmitteln der Konfiguration passt, der Reihe nach; das Abschließen zeichnet eine Dehneinheit auf
help-guide--no_warmup = Die Dehneinheit ohne Aufwärmen starten, wenn du schon aufgewärmt bist (während des Aufwärmens überspringt die Eingabetaste den Rest davon)
help-guide--no_wait = Den ganzen Ablauf auf einmal ausgeben, ohne Timer, und nichts aufzeichnen
help-guide--hold = Jedes Halten so viele Sekunden lang takten statt nach der Stufe der Dehnübung (bei einem Bewegungsablauf jede Pause in einer Haltung; bei einer Übung auf Zeit wie dem Ausrollen die ganze Übung)
help-guide--reps = So viele Haltephasen (pro Seite) oder Runden eines Bewegungsablaufs machen statt der eigenen Anzahl der Dehnübung
help-guide--safety = Den Sicherheitshinweis vor dem Ablauf zeigen, auch wenn er schon gesehen wurde
help-guide--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-card = Die Karte einer Dehnübung im Browser öffnen: das Bild in voller Größe, alle Schritte, ein Timer für das Halten und die Seiten und der Sicherheitshinweis (das, was ein Klick auf eine Dehn-Erinnerung öffnet)
help-card--id = Die Dehnübung, wie `stretchd stretches` sie auflistet (Standard: die angezeigte Dehn-Erinnerung, sonst die nächste anstehende Dehnübung, wie bei `stretchd guide`)
help-card--print = Die Karte nur schreiben (`$XDG_DATA_HOME/stretchd/cards/ID.html`) und ihren Pfad ausgeben; nicht öffnen
help-card--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-config = Wo die Konfigurationsdatei liegt, einer ihrer Werte oder die ganze Datei in einem Editor; jede Änderung wird vor dem Speichern geprüft, damit der Daemon nie eine fehlerhafte Datei liest

help-config-path = Den Pfad der Konfigurationsdatei ausgeben, ob sie existiert oder nicht (mit --json: {"{"}path, exists{"}"})
help-config-path--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-config-get = Einen Wert ausgeben, z. B. `snooze.length` oder `reminder.stretch.every` (die Erinnerung mit der ID „stretch“); ein Schlüssel, den die Datei weglässt, zeigt seinen Standardwert
help-config-get--key = Ein Schlüssel in Punktschreibweise
help-config-get--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-config-set = Einen Wert direkt in der Datei ändern, Kommentare und Layout bleiben erhalten, z. B. `set snooze.length 15m`; es wird nur geschrieben, wenn die ganze Konfiguration gültig bleibt. Legt die Datei aus der Standardkonfiguration an, wenn es keine gibt
help-config-set--key = Ein Schlüssel in Punktschreibweise
help-config-set--value = Ein TOML-Wert (eine Zahl, true oder false, ein Array, ein String in Anführungszeichen), sonst Text: 40m wird als String "40m" genommen. Darf mit '-' beginnen (eine negative Zahl lehnt die Prüfung ab, mit der Grenze, nicht der Argumentparser)
help-config-set--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden

help-config-edit = Eine Kopie in $VISUAL oder $EDITOR bearbeiten (sonst `editor`, sonst vi), ausgehend von der Standardkonfiguration, wenn es keine gibt; die Kopie wird erst übernommen, wenn sie gültig ist
help-config-edit--config = Diese Konfigurationsdatei statt `$XDG_CONFIG_HOME/stretchd/config.toml` verwenden
