# stretchd : ce que dit le démon (notifications, menu de la zone de notification, ses réponses
# à la ligne de commande), et les titres et dosages que la ligne de commande affiche aussi.
# Traduction française. { $name } et les autres paramètres sont remplis par le programme :
# gardez-les tous, placez-les où la phrase les demande.

## Listes et durées.

# Entre les éléments d’une liste : « Chat-chameau, Torsion assise ».
list-separator = {", "}
span-secs = { $min } s
span-secs-range = { $min }-{ $max } s
span-mins = { $min } min
span-mins-range = { $min }-{ $max } min
# $minutes vaut au moins 1.
about-minutes = environ { $minutes } min

## Le dosage d’un étirement. $hold et $length sont des durées (span-*).

dose-brief-hold = { $hold }
dose-brief-hold-sides = { $hold } de chaque côté
dose-brief-flow =
    { $rounds ->
        [one] { $rounds } cycle lent
       *[other] { $rounds } cycles lents
    }
dose-hold =
    Maintenez { $hold }, { $reps ->
        [1] une fois
       *[other] { $reps } fois
    }.
dose-hold-sides =
    Maintenez { $hold }, { $reps ->
        [1] une fois
       *[other] { $reps } fois
    } de chaque côté.
# $first et $second sont les deux positions du mouvement (stretch-*-shape-* dans catalog.ftl).
dose-flow =
    { $rounds ->
        [one] { $rounds } cycle lent
       *[other] { $rounds } cycles lents
    } entre la position { $first } et la position { $second }, avec une pause de { $pause } s dans chacune.
dose-duration = Continuez pendant { $length } ; il n’y a pas de position à maintenir.

## Titres des rappels (titre de la notification, et listes de la ligne de commande).

# $dose est un dose-brief-*.
title-stretch = Étirement : { $name }, { $dose }
title-posture = Point posture : { $name }
# $about est about-minutes.
title-session =
    Séance d’étirements : échauffement et { $count ->
        [one] { $count } étirement
       *[other] { $count } étirements
    }, { $about }

## Notifications : les boutons, et les lignes du corps (deux au plus, 200 caractères en tout).

action-done = Fait
action-snooze = Reporter
action-skip = Passer
# La deuxième ligne d’un rappel d’étirement : où trouver la suite (un clic ouvre la fiche dans
# un navigateur, ou, avec [notify] on_click = "guide", le guide dans un terminal) ; « -safety »
# la première fois, tant que les consignes de sécurité n’ont pas été vues.
cue-card = Cliquez (ou lancez `stretchd card`) pour toutes les étapes, l’illustration et un minuteur.
cue-card-safety = Première fois : cliquez (ou lancez `stretchd card`) pour les consignes de sécurité, les étapes et un minuteur.
cue-guide = Cliquez pour suivre le guide dans un terminal, ou lancez `stretchd card`.
cue-guide-safety = Première fois : cliquez pour le guide dans un terminal, avec les consignes de sécurité.
# $stretches : les noms, séparés par list-separator.
session-body = Échauffez-vous, puis : { $stretches }.
session-done = « Fait » lance la séance guidée dans un terminal.
session-done-safety = « Fait » lance la séance guidée dans un terminal, consignes de sécurité d’abord.
config-error-title = stretchd : configuration non rechargée
config-error-body = Les réglages précédents restent en vigueur jusqu’à ce que le fichier soit corrigé.

## Dates et heures : $day est un weekday-*, $date la date (2026-11-24), $time l’heure
## (14:30, ou 14:30:05, ou 14:30 CET avec le fuseau horaire).

weekday-mon = lun.
weekday-tue = mar.
weekday-wed = mer.
weekday-thu = jeu.
weekday-fri = ven.
weekday-sat = sam.
weekday-sun = dim.
when-day-time = { $day } { $time }
when-day-date-time = { $day } { $date } { $time }

## stretchd hurt : ce que dit le démon (ou la ligne de commande, quand aucun démon ne tourne).
## $name est le nom de l’étirement, $id son identifiant ; $area et $nearest sont des area-* (catalog.ftl).

aside-reason-hurt = cela a fait mal
hurt-stop =
    Arrêtez « { $name } » maintenant. Cet étirement est mis de côté : stretchd ne le proposera plus (`stretchd stretches restore { $id }` le rétablit).
    Si la douleur persiste, consultez un professionnel de santé (un médecin ou un kinésithérapeute).
hurt-instead-same-area = Essayez plutôt « { $name } » (`stretchd guide { $id }`) : il travaille la même zone, « { $area } ».
hurt-instead-nearest = Essayez plutôt « { $name } » (`stretchd guide { $id }`) : aucun autre étirement pour « { $area } » ne convient à vos positions et à votre matériel, et celui-ci travaille la zone la plus proche, « { $nearest } ».
hurt-instead-nearest-aside = Essayez plutôt « { $name } » (`stretchd guide { $id }`) : aucun autre étirement pour « { $area } » ne convient à vos positions et à votre matériel sans être mis de côté, et celui-ci travaille la zone la plus proche, « { $nearest } ».
hurt-all-aside = Tous les autres étirements qui conviennent à vos positions et à votre matériel sont eux aussi mis de côté ; `stretchd stretches` les liste, et `stretchd stretches restore ID` en rétablit un.
hurt-none-fits = Aucun autre étirement ne convient à vos positions et à votre matériel ; autorisez une autre position ou ajoutez du matériel sous [stretches] dans la configuration (`stretchd config edit`) pour en obtenir un.

## Mois et jours (« mar. 24 nov. », « lun. 23 »).

month-jan = janv.
month-feb = févr.
month-mar = mars
month-apr = avr.
month-may = mai
month-jun = juin
month-jul = juil.
month-aug = août
month-sep = sept.
month-oct = oct.
month-nov = nov.
month-dec = déc.
# $dom est le jour du mois (24), $month un month-*.
when-day-month = { $day } { $dom } { $month }
when-day-dom = { $day } { $dom }

## L’icône de la zone de notification : son menu (en plus de action-done, -snooze, -skip) et
## son infobulle, une ligne chacun. $time est une heure (14:30, ou « mar. 14:30 » pour un autre
## jour), $title le titre d’un rappel.

tray-pause-hour = Mettre en pause pendant 1 heure
tray-pause-tomorrow = Mettre en pause jusqu’à demain
tray-resume = Reprendre
tray-session = Lancer une séance d’étirements
tray-config = Ouvrir la configuration
# $error est le message de la configuration elle-même (en anglais).
tray-config-error = Erreur de configuration : { $error }
tray-now = Maintenant : { $title }
tray-paused-until = En pause jusqu’à { $time }
tray-paused = En pause jusqu’à la reprise
# $why est un tray-held-*.
tray-held = En suspens : { $why }
tray-held-idle = absence depuis { $time }
tray-held-locked = écran verrouillé depuis { $time }
tray-held-asleep = en veille depuis { $time }
tray-held-dnd = mode Ne pas déranger
tray-held-fullscreen = une fenêtre en plein écran
tray-held-grace = jusqu’à { $time }
tray-snoozed = Reporté jusqu’à { $time }
# $grace est un nombre de secondes.
tray-held-next = En suspens : { $title } (prévu à { $time }), s’affiche { $grace } s après la fin de la mise en suspens
tray-next = Prochain : { $title } à { $time }
tray-next-none = Prochain : rien de prévu
tray-week =
    Cette semaine : { $done } sur { $goal ->
        [one] { $goal } séance d’étirements
       *[other] { $goal } séances d’étirements
    }

## Ce qu’est devenu un rappel (stretchd history, stats, et les réponses du démon).

outcome-done = fait
outcome-snoozed = reporté
outcome-skipped = passé
outcome-dismissed = fermé
outcome-expired = expiré
outcome-hurt = douleur

## Les réponses du démon à la ligne de commande (stretchd snooze, pause, done, now…). $reminder
## est l’identifiant d’un rappel, $item celui d’un étirement, $title le titre d’un rappel ; $error
## est le message du système ou de la configuration (en anglais).

reply-notice-read = les consignes de sécurité sont considérées comme lues
# $time est un jour et une heure (when-day-time).
reply-snoozed-next = le prochain rappel, « { $reminder } », est reporté jusqu’à { $time }
# $time est une heure (14:30:05).
reply-snoozed = « { $reminder } » reporté jusqu’à { $time }
# $time est une date et une heure (when-day-date-time).
reply-paused-until = en pause jusqu’à { $time }
reply-paused = en pause jusqu’à `stretchd resume`
reply-not-paused = pas en pause ; rien à reprendre
reply-resumed = reprise effectuée
reply-session-started = « { $reminder } » lancé : la séance guidée s’ouvre dans un terminal et enregistre la séance quand vous la terminez
# $why est la raison pour laquelle aucun terminal ne s’est ouvert (en anglais).
reply-session-not-started = « { $reminder } » non lancé : { $why } ; ou lancez ici `stretchd guide --session`, qui enregistre la séance quand vous la terminez
reply-session-no-level = --easy et --hard s’appliquent à un seul étirement maintenu en position, pas à une séance : le niveau de chacun se règle avec `stretchd guide ID`
reply-done = fait : « { $reminder } »
reply-skipped = passé : « { $reminder } »
reply-no-level = --easy et --hard sont sans effet ici : « { $item } » n’a pas de maintien à raccourcir ou à allonger
reply-no-level-posture = --easy et --hard sont sans effet ici : un point posture n’a pas de maintien
# Une proposition ajoutée à une réponse (reply-and) ; $was et $now sont des nombres de secondes.
reply-hold-next = la prochaine fois, maintenez { $now } s (auparavant { $was } s)
reply-hold-shortest = le maintien reste à { $now } s, sa durée la plus courte
reply-hold-longest = le maintien reste à { $now } s, sa durée la plus longue
# Comment une réponse prend une proposition ($note : un reply-hold-*) et une remarque entre
# parenthèses ($note : un reply-no-level*, reply-session-no-level ou reply-not-in-history-aside).
reply-and = { $answer } ; { $note }
reply-aside = { $answer } ({ $note })
# $done séances cette semaine, sur un objectif de $goal.
reply-recorded =
    « { $item } » enregistré comme fait ; cette semaine : { $done } sur { $goal ->
        [one] { $goal } séance d’étirements
       *[other] { $goal } séances d’étirements
    }
reply-recorded-on-screen =
    « { $item } » enregistré comme fait (cela répond au rappel affiché) ; cette semaine : { $done } sur { $goal ->
        [one] { $goal } séance d’étirements
       *[other] { $goal } séances d’étirements
    }
reply-recorded-session =
    séance d’étirements enregistrée ; cette semaine : { $done } sur { $goal ->
        [one] { $goal } séance d’étirements
       *[other] { $goal } séances d’étirements
    }
reply-recorded-session-on-screen =
    séance d’étirements enregistrée (cela répond au rappel affiché) ; cette semaine : { $done } sur { $goal ->
        [one] { $goal } séance d’étirements
       *[other] { $goal } séances d’étirements
    }
reply-not-in-history = (Non enregistré dans l’historique : { $error }.)
reply-not-in-history-aside = non enregistré dans l’historique : { $error }
reply-restored = « { $item } » rétabli : il revient dans la rotation
# $path est le fichier de configuration.
reply-config-gone = { $path } : le fichier de configuration a disparu ; ses réglages sont conservés jusqu’à son retour
reply-config-unchanged = configuration inchangée
reply-reloaded = { $path } rechargé
reply-not-in-catalogue = « { $item } » n’est pas dans le catalogue
reply-now-showing = affiché : { $title }
reply-now-held = { $title } mis en suspens : le serveur de notifications est en mode Ne pas déranger, il garde donc le rappel sans l’afficher ; répondez avec `stretchd done` ou `stretchd skip`, ou consultez-le avec `stretchd card`
reply-now-no-server = non affiché : aucun serveur de notifications n’est lancé (aucun processus ne détient org.freedesktop.Notifications) (lancez-en un : dunst, mako, ou celui de votre bureau)
reply-now-failed = non affiché : { $error }

## Pourquoi le démon a refusé une demande.

# $length et $limit sont des durées comme 2h.
refusal-pause-too-long = une pause de { $length } est trop longue ; la limite est de { $limit } (`stretchd pause` sans durée met en pause jusqu’à `stretchd resume`)
refusal-past = cette heure est déjà passée ; indiquez une heure à venir
refusal-nothing-awaits = aucun rappel n’attend de réponse
refusal-nothing-shown = aucun rappel n’a encore été affiché ; rien à quoi répondre
# $time est l’heure de déclenchement (14:30), $outcome un outcome-*.
refusal-already-answered = le dernier rappel (« { $reminder } » à { $time }) a déjà reçu une réponse : { $outcome }
refusal-not-saved = { $outcome } : « { $reminder } », mais cela n’a pas été enregistré : { $error } (cela compte jusqu’au redémarrage du démon)
refusal-no-reminders = la configuration ne contient aucun rappel
# $known : les identifiants des rappels de la configuration.
refusal-unknown-reminder = aucun rappel n’a l’identifiant « { $id } » (connus : { $known })
refusal-all-set-aside = le rappel « { $id } » n’a rien à afficher : tous les étirements qu’il peut choisir sont mis de côté ; `stretchd stretches restore ID` en rétablit un (`stretchd stretches` les liste)
refusal-not-a-stretch = « { $id } » n’est pas un étirement du catalogue (`stretchd stretches` les liste)
refusal-no-stretch = aucun étirement n’est affiché et aucun n’a encore été fait ; indiquez celui qui a fait mal : `stretchd hurt ID` (`stretchd stretches` les liste)
# $ids : les identifiants des étirements de la séance.
refusal-session-on-screen = une séance d’étirements est affichée, on ne sait donc pas quel étirement a fait mal ; indiquez-le : `stretchd hurt ID` (ceux de la séance : { $ids })
# $aside : les identifiants mis de côté, ou refusal-none-set-aside.
refusal-not-set-aside = « { $item } » n’est pas mis de côté, il n’y a donc rien à rétablir (mis de côté : { $aside }) ; `stretchd stretches` les affiche
refusal-none-set-aside = aucun
refusal-unrecorded = impossible d’enregistrer « { $item } » : { $error }
refusal-config-invalid = configuration non rechargée, la précédente est conservée : { $error }

## Appels : ce qui met les rappels en suspens pendant que le microphone ou une caméra est utilisé
## ou que l’écran est partagé.

capture-microphone = microphone utilisé
capture-screen-cast = écran en cours de partage
capture-camera = caméra utilisée
# Dans l’infobulle après tray-held : $capture est un capture-*, $app le nom du programme.
tray-held-call = { $capture } ({ $app })

## Pourquoi un report a été refusé ($reminder : l’identifiant d’un rappel ; $length et $limit :
## des durées comme 2h).

snooze-nothing = rien de prévu à reporter
snooze-off = le report est désactivé (snooze.max = 0) ; faites-le ou passez-le
snooze-limit = « { $reminder } » a déjà été reporté { $max } fois de suite (snooze.max = { $max }) ; faites-le ou passez-le
snooze-zero = un report doit durer au moins 1 s
snooze-too-long = un report de { $length } est trop long ; la limite est de { $limit }
