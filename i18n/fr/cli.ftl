# stretchd : la sortie propre de la ligne de commande (stretchd check, stretches, status, next,
# history, stats, guide, card, install, config et leurs erreurs). Traduction française.
# Les commandes et clés entre accents graves (`stretchd resume`) se tapent telles quelles : gardez-les.

## Durées, telles que le guide et les listes les comptent.

length-secs = { $secs } s
length-mins = { $min } min
length-mins-secs = { $min } min { $secs } s

## stretchd guide : la routine, une ligne par phase. $secs est un nombre de secondes.

guide-other-side = Maintenant, de l’autre côté.
guide-hold = Maintenez { $secs } s
guide-hold-rep = Maintenez { $secs } s ({ $rep } sur { $reps })
guide-hold-first = Maintenez { $secs } s (premier côté)
guide-hold-first-rep = Maintenez { $secs } s (premier côté, { $rep } sur { $reps })
guide-hold-other = Maintenez { $secs } s (autre côté)
guide-hold-other-rep = Maintenez { $secs } s (autre côté, { $rep } sur { $reps })
# $shape est l’une des deux positions d’un mouvement (stretch-*-shape-* dans catalog.ftl).
guide-breathe-out = Expirez en allant en position { $shape }, { $secs } s (cycle { $round } sur { $rounds })
guide-breathe-in = Inspirez en allant en position { $shape }, { $secs } s (cycle { $round } sur { $rounds })
# $length est un length-*.
guide-keep = Continuez pendant { $length }
guide-warm-up = Échauffement : mouvements légers pendant { $length } (appuyez sur Entrée si votre échauffement est déjà fait)
guide-no-warm-up = Sans échauffement (--no-warmup) : seulement si votre échauffement est déjà fait.
# $stretches : les noms, séparés par list-separator (daemon.ftl).
guide-session-then =
    Puis { $count ->
        [one] un étirement
       *[other] tous les étirements qui conviennent
    } : { $stretches }, dans cet ordre.
# $about est about-minutes (daemon.ftl).
guide-session-timed = Durée : { $about }, chaque maintien à son niveau actuel.
guide-before-you-start = Avant de commencer :
# $length est une durée (span-* dans daemon.ftl).
guide-no-reps = --reps ne s’applique pas : cet étirement est minuté comme un seul étirement de { $length } (utilisez --hold SECONDS pour changer sa durée)
# $total est un length-*.
guide-timed-holds =
    Durée : { $holds ->
        [one] { $holds } maintien
       *[other] { $holds } maintiens
    } de { $secs } s, { $total } au total.
guide-timed-holds-sides =
    Durée : { $holds ->
        [one] { $holds } maintien
       *[other] { $holds } maintiens
    } de { $secs } s de chaque côté, { $total } au total.
guide-timed-flow =
    Durée : { $rounds ->
        [one] { $rounds } cycle
       *[other] { $rounds } cycles
    } de { $secs } s dans chaque position, { $total } au total.
guide-timed-duration = Durée : { $total } en continu.

## stretchd card : la fiche de l’étirement dans le navigateur. C’est du HTML : le programme échappe le texte.

card-title = { $name } : stretchd
card-steps = Étapes
card-safety = Sécurité
card-dose-and-timer = Dosage et minuteur
card-timed-parts = Phases minutées
card-start = Démarrer
card-reset = Réinitialiser
# Same as English: « Pause » est aussi le mot français.
card-pause = Pause
card-resume = Reprendre
card-start-again = Recommencer
# Ce que dit le minuteur de la phase en cours : $n est son numéro, $total le nombre de phases,
# $part ce qu’elle est (« Maintenez 30 s (premier côté) »).
card-part = Phase { $n } sur { $total } : { $part }
card-all-done =
    { $total ->
        [one] La phase est terminée. Répondez au rappel par « Fait ».
       *[other] Les { $total } phases sont terminées. Répondez au rappel par « Fait ».
    }
# $clock est le temps restant (« 0:12 »), $part comme dans card-part.
card-paused = En pause à { $clock }. { $part }
card-ready = Prêt. { $part }
# $command est la commande `stretchd done`.
card-footer = stretchd : répondez au rappel par « Fait », ou lancez { $command }.

## stretchd check

# $path est l’emplacement où serait le fichier de configuration.
check-built-in = valeurs par défaut intégrées (pas de fichier { $path })
# $source est le fichier de configuration (ou check-built-in).
check-ok =
    { $source } : OK ({ $count ->
        [one] { $count } rappel
       *[other] { $count } rappels
    })
# $warning est ce qu’a trouvé la vérification de la configuration (en anglais, avec les clés de la configuration).
check-warning = avertissement : { $warning }
check-never-fires = le rappel « { $id } » ne se déclenche jamais : son horaire ne tombe jamais dans les jours et heures de travail de [schedule] ; modifiez sa ligne cron, ou work_days et work_hours
check-nothing = Rien ne se déclenchera : aucun rappel ne tombe pendant les heures de travail.
check-nothing-from = Rien ne se déclenchera après { $from }.
# $from est une date et une heure (when-day-date-time dans daemon.ftl).
check-next = Prochains rappels ({ $count }) à partir de { $from }, si vous restez au bureau :

## stretchd stretches, stretchd stretches show ID, stretchd stretches safety

stretches-heading = Étirements (`stretchd stretches show ID` pour les étapes) :
# $reason est la raison (aside-reason-hurt, ou les mots de l’utilisateur), $when une date et une heure.
stretches-set-aside = [mis de côté : { $reason }, { $when } ; `stretchd stretches restore { $id }` le rétablit]
stretches-not-in-program = [hors programme : demande une autre position ou du matériel]
stretches-sessions-only = [séances uniquement : pas un étirement de bureau]
stretches-postures = Points posture :
stretches-safety-hint = `stretchd stretches safety` affiche les consignes de sécurité.
stretches-unknown = aucun étirement ni point posture n’a l’identifiant « { $id } » ; `stretchd stretches` les liste
# $position est un position-* et $equipment une liste d’equipment-* (catalog.ftl), ou show-no-equipment.
show-facts = Position : { $position }   Matériel : { $equipment }
show-no-equipment = aucun
# $area est un area-* (catalog.ftl).
show-works = Cible : { $area }

## stretchd stats, stretchd history

# $grow est le nombre de réponses « Fait » d’affilée qui allongent un maintien.
stats-holds-heading = Durées de maintien actuelles (elles augmentent après { $grow } réponses « Fait » ; `stretchd done --easy`/`--hard` les ajustent) :
# $range est une durée (span-* dans daemon.ftl).
stats-hold-line = { $secs } s (plage { $range } ; { $done } sur { $grow } « Fait » avant le palier suivant)
history-unreadable = impossible de lire l’historique { $path } : { $error } (faites-en un fichier ordinaire lisible, ou déplacez-le pour en commencer un nouveau)

## stretchd status, status --follow, next : l’état du démon. Les titres des rappels viennent
## du démon, dans sa langue.

# $path est le socket du démon.
remote-not-running = stretchd n’est pas lancé (rien ne répond sur { $path }) ; démarrez-le avec `systemctl --user start stretchd` ou `stretchd run`
# Same as English: « posture » est aussi le mot français.
kind-posture = posture
kind-stretch = étirement
kind-session = séance
# Le texte court d’une barre d’état (status --follow). $kind est un kind-*, $countdown un countdown-*.
bar-paused = en pause
bar-paused-until = en pause, reprise { $countdown }
bar-held = en suspens
bar-now = { $kind } maintenant
bar-next = { $kind } { $countdown }
bar-idle = inactif
countdown-now = maintenant
countdown-minutes = dans { $minutes } min
countdown-hours = dans { $hours } h { $minutes } min
# $version est la version de stretchd, $since un jour et une heure (when-day-time dans daemon.ftl).
status-running = stretchd { $version } actif depuis { $since } (pid { $pid })
# Les libellés des lignes de `stretchd status` : les valeurs s’alignent après le plus long.
status-config = Configuration :
status-paused = En pause :
status-held = En suspens :
status-snoozed = Reporté :
status-waiting = En attente :
status-filed = Remis :
status-next = Prochain :
status-week = Cette semaine :
status-idle = Inactivité :
# $error est le message de la configuration elle-même (en anglais).
status-config-error = Erreur de configuration (la configuration précédente reste en vigueur) : { $error }
status-paused-until = jusqu’à { $time } ({ $countdown })
status-paused-until-resume = jusqu’à `stretchd resume`
# Pourquoi les rappels sont en suspens ; $time est une heure (14:30).
held-idle = aucune activité au clavier depuis { $time }
held-locked = écran verrouillé depuis { $time }
held-asleep = en veille depuis { $time }
held-dnd = le serveur de notifications est en mode Ne pas déranger
held-fullscreen = une fenêtre en plein écran a le focus
held-grace = une mise en suspens vient de se terminer ; les rappels en suspens attendent jusqu’à { $time }
# Quand le rappel en suspens s’affiche ; $grace est une durée comme 30s.
held-shows-back = s’affiche à votre retour (après une pause naturelle, l’intervalle repart de zéro)
held-shows-dnd = s’affiche à la fin du mode Ne pas déranger
held-shows-dnd-grace = s’affiche { $grace } après la fin du mode Ne pas déranger
held-shows-fullscreen = s’affiche quand la fenêtre en plein écran perd le focus
held-shows-fullscreen-grace = s’affiche { $grace } après que la fenêtre en plein écran a perdu le focus
held-shows-at = s’affiche à { $time }
# $reminder est l’identifiant du rappel.
status-snoozed-until = « { $reminder } » jusqu’à { $time } ({ $count } fois de suite)
status-waiting-answer = { $title } (répondez avec `stretchd done` ou `stretchd skip`)
status-filed-held = { $title } (envoyé pendant le mode Ne pas déranger, donc le serveur le garde sans l’afficher ; répondez avec `stretchd done` ou `stretchd skip`)
status-due-since = attendu depuis { $time }
status-due = prévu { $time }
# $due est status-due ou status-due-since, $shows un held-shows-*.
status-next-held = en suspens : { $reminder }  { $title } ({ $due }), { $shows }
status-next-none = rien de prévu
status-week-sessions =
    { $done } sur { $goal ->
        [one] { $goal } séance d’étirements
       *[other] { $goal } séances d’étirements
    }
next-nothing = Rien de prévu (en pause pour une durée indéterminée, ou aucun rappel ne tombe pendant les heures de travail).

## stretchd stats et stretchd history : ce que sont devenus les rappels.

# $first et $last sont des jours (when-day-month dans daemon.ftl).
stats-week = Cette semaine (du { $first } au { $last }) : séances d’étirements, étirements au bureau, points posture
# Après la barre d’un jour et son nombre de séances : $desk étirements au bureau, $posture points posture.
stats-day = bureau { $desk }   posture { $posture }
stats-today = <- aujourd’hui
stats-goal =
    Objectif : { $done }/{ $goal ->
        [one] { $goal } séance d’étirements
       *[other] { $goal } séances d’étirements
    } cette semaine
stats-goal-met =
    Objectif : { $done }/{ $goal ->
        [one] { $goal } séance d’étirements
       *[other] { $goal } séances d’étirements
    } cette semaine (atteint)
stats-streak =
    Série : { $weeks ->
        [one] { $weeks } semaine
       *[other] { $weeks } semaines
    }
# $weeks est le nombre de semaines d’affilée, $goal l’objectif à fixer (une de plus).
stats-suggest = L’objectif a été atteint { $weeks } semaines d’affilée ou plus : envie d’une séance de plus par semaine ? Indiquez [goal] sessions_per_week = { $goal } dans la configuration.
stats-no-desk-stretches = Aucun étirement au bureau pour l’instant.
# $date est une date (2026-11-24).
stats-desk-since = Étirements au bureau depuis le { $date } :
stats-desk = Étirements au bureau :
# L’un des totaux : « fait (3) » ; $outcome est un outcome-*.
stats-total = { $outcome } ({ $count })
# $totals : le stats-total de chaque issue, séparés par list-separator (daemon.ftl).
stats-all = Tous les rappels : { $totals }
history-empty = Aucune entrée dans l’historique.

## stretchd guide : ce qu’il enregistre à la fin.

# $item est l’identifiant de l’étirement, $path le fichier d’historique.
guide-recorded-in = « { $item } » enregistré comme fait dans { $path }.
guide-recorded-alone = « { $item } » enregistré comme fait dans { $path } (aucun démon n’est lancé).
# $note est une proposition (reply-hold-* dans daemon.ftl).
guide-recorded-in-note = « { $item } » enregistré comme fait dans { $path } ; { $note }.
guide-recorded-alone-note = « { $item } » enregistré comme fait dans { $path } (aucun démon n’est lancé) ; { $note }.
guide-session-none-fits = aucun étirement ne convient aux positions et au matériel de la configuration (ou tous ceux qui conviennent sont mis de côté), la séance est donc vide ; autorisez une autre position dans [stretches] positions, ou utilisez `stretchd stretches restore ID`
# $ids : les identifiants mis de côté.
guide-session-all-aside = tous les étirements de la séance sont mis de côté ({ $ids }), la séance est donc vide ; `stretchd stretches restore ID` en rétablit un
guide-not-recorded = Non enregistré : lancez sans --no-wait pour le minuter et l’enregistrer.
guide-done = Terminé.
guide-stopped = Arrêté ; non enregistré comme fait.
# Après une phase minutée (« Maintenez 30 s ... terminé ») ; un échauffement écourté par Entrée est « passé ».
guide-part-done = terminé
guide-part-skipped = passé
guide-warm-up-skipped = Échauffement passé : vous l’avez déjà fait.
guide-secs-left = encore { $secs } s
# Les questions après un étirement. Le guide lit les lettres entre crochets telles quelles
# (y, n ; e, o, h) : gardez-les.
guide-ask-hurt = Avez-vous eu mal (y = oui, n = non) ? [y/N]
# $stretches : « 1 Chat-chameau, 2 Torsion assise ».
guide-ask-which-hurt = L’un d’eux a-t-il fait mal ? Son numéro ({ $stretches }), ou Entrée pour aucun :
guide-ask-next-time = La prochaine fois : [e] plus facile (maintiens plus courts) / [o] ok, tel quel / [h] plus difficile (maintiens plus longs) ? [O]
guide-ask-again = Veuillez répondre avec l’une des lettres entre crochets.

## Comment stretchd guide et stretchd card choisissent l’étirement. $command est guide ou card,
## $id ce qui a été demandé, $known les identifiants des étirements.

choice-a-posture = « { $id } » est un point posture ; `stretchd { $command }` prend des étirements (connus : { $known })
choice-unknown = aucun étirement n’a l’identifiant « { $id } » (connus : { $known }) ; `stretchd stretches` les liste
choice-daemon-suggests = (L’étirement que propose le démon ; `stretchd { $command } ID` en choisit un autre.)
choice-next-in-rotation = (Le suivant dans la rotation ; `stretchd { $command } ID` en choisit un autre.)
choice-all-set-aside = aucun étirement à proposer : tous sont mis de côté (`stretchd stretches` les liste) ; rétablissez-en un avec `stretchd stretches restore ID`, ou indiquez-en un : `stretchd { $command } ID`

## stretchd card : quand le navigateur ne s’ouvre pas. $path est le fichier de la fiche, $opener xdg-open.

card-no-opener = la fiche est écrite dans { $path } mais ne peut pas être ouverte : { $opener } n’est pas installé (Debian : `apt install xdg-utils`) ; ouvrez le fichier dans un navigateur, ou utilisez `stretchd card --print`
card-opener-does-not-start = la fiche est écrite dans { $path } mais { $opener } ne démarre pas : { $error }
card-opener-failed = la fiche est écrite dans { $path } mais { $opener } a échoué ({ $status }) : aucun gestionnaire par défaut pour les fichiers HTML ? Définissez-en un avec `xdg-settings set default-web-browser firefox.desktop` (ou le vôtre), ou ouvrez le fichier dans un navigateur

## stretchd install et uninstall : une ligne par étape. $what est un fichier ou une ligne de commande.

install-wrote = écrit : { $what }
install-would-write = serait écrit : { $what }
install-kept = existant, conservé : { $what }
install-would-keep = existant, serait conservé : { $what }
install-unchanged = inchangé : { $what }
install-would-leave-unchanged = resterait inchangé : { $what }
install-removed = supprimé : { $what }
install-would-remove = serait supprimé : { $what }
install-left = laissé en place : { $what }
install-would-leave = serait laissé en place : { $what }
install-ran = exécuté : { $what }
install-would-run = serait exécuté : { $what }
# Une étape avec un conseil : $step est l’une des lignes ci-dessus, $hint un install-hint-* ou uninstall-hint-*.
install-hint = { $step } ({ $hint })
install-hint-config = votre configuration : modifiez-la, le démon la recharge à chaque enregistrement
# $dir est un dossier.
install-hint-zsh = zsh : ajoutez { $dir } à fpath avant compinit s’il n’y figure pas
install-hint-man = si `man stretchd` ne trouve pas la page, ajoutez { $dir } à MANPATH
install-hint-systemd-now = systemd démarre stretchd maintenant
install-hint-autostart = le bureau lance `stretchd run` à chaque connexion ; démarrez-le maintenant avec `stretchd run &`
# $why est ce qu’a dit systemctl (en anglais).
install-no-systemd = aucun gestionnaire utilisateur systemd ne répond ({ $why }) : utilisation d’une entrée de démarrage automatique XDG à la place
uninstall-no-systemd = aucun gestionnaire utilisateur systemd ne répond ({ $why }) : suppression de l’unité sans l’arrêter
uninstall-hint-autostart = un `stretchd run` lancé par cette entrée tourne jusqu’à votre déconnexion
uninstall-hint-not-ours = non écrit par `stretchd install`
uninstall-hint-config = votre configuration ; supprimez-la vous-même si vous n’en voulez plus
uninstall-hint-history = votre historique ; il se trouve, avec l’état du démon, dans { $dir }
uninstall-hint-pictures = les illustrations d’étirements qu’écrit `stretchd run`, et les vôtres le cas échéant

## stretchd config set et config edit. $path est le fichier de configuration, $pid le processus du démon.

# $key est une clé de configuration et $value sa valeur, telles que tapées.
config-set-already = { $path } : { $key } vaut déjà { $value } ; rien n’a été écrit
config-edit-no-changes-default = { $path } : aucune modification, donc aucun fichier n’a été écrit (la configuration par défaut intégrée reste utilisée)
config-edit-no-changes = { $path } : aucune modification
config-edit-saved = { $path } : enregistré
config-edit-invalid = { $path } est inchangé : la modification n’est pas une configuration valide (corrigez-la avec `stretchd config edit` dans un terminal, qui propose de la modifier à nouveau)
# $copy est la copie modifiée, conservée.
config-edit-changed-meanwhile = { $path } a changé pendant la modification, il est donc laissé tel quel ; votre version est { $copy } (fusionnez les deux à la main, ou relancez `stretchd config edit`)
# L’éditeur se rouvre sur « oui » : les lettres restent y et n.
config-edit-again = Modifier à nouveau (y = oui, n = non) ? [Y/n]
config-daemon-uses = Le démon en cours (pid { $pid }) utilise { $path }, pas ce fichier.
config-daemon-reloads = Le démon en cours (pid { $pid }) le recharge de lui-même.
# $answer est ce qu’a répondu le démon.
config-daemon-told = Le démon en cours (pid { $pid }) a reçu l’ordre de recharger : { $answer }.
config-daemon-refused = le démon en cours (pid { $pid }) n’a pas rechargé : { $answer }

## Plusieurs machines ([sync]) : status, stats et history.

status-lull = Échéance :
# $time est l’heure à laquelle il s’affiche de toute façon (un jour et une heure).
status-lull-wait = en attente d’une pause dans la frappe, au plus tard jusqu’à { $time }
status-sync = Synchronisation :
# Cette machine : le dossier, son nom d’hôte et les premiers caractères de son identifiant de machine.
status-sync-this = { $dir } en tant que { $hostname } (machine { $machine })
status-sync-alone = Aucune autre machine n’a encore écrit dans le dossier.
# Une autre machine du dossier ; $when est status-sync-ahead, -just-now ou -ago.
status-sync-machine = { $hostname } (machine { $machine }), dernière écriture : { $when }
status-sync-ahead = { $time }, en avance de { $minutes } min sur l’horloge de cette machine
status-sync-ahead-days =
    { $time }, en avance de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } sur l’horloge de cette machine
status-sync-just-now = { $time }, à l’instant
# $ago est un ago-*.
status-sync-ago = { $time }, { $ago }
status-sync-problem = Problème de synchronisation : { $problem }
ago-minutes = il y a { $minutes } min
ago-hours = il y a { $hours } h { $minutes } min
ago-days =
    { $days ->
        [one] il y a { $days } jour
       *[other] il y a { $days } jours
    }
# $machines : les noms d’hôte, séparés par list-separator (daemon.ftl).
stats-machines =
    { $count ->
        [one] Compté sur { $count } machine du dossier de synchronisation : { $machines }.
       *[other] Compté sur { $count } machines du dossier de synchronisation : { $machines }.
    }
stats-this-machine = { $name } (cette machine)
history-config-unusable = { $error } ; seul l’historique de cette machine est listé
sync-folder-unreadable = impossible de lire le dossier de synchronisation { $path } : { $error } ; seules les réponses de cette machine sont comptées
sync-history-unreadable = impossible de lire { $path } : { $error } ; les réponses de { $hostname } ne sont pas prises en compte
# Une machine dont le résumé est illisible, désignée par les premiers caractères de son identifiant.
# Same as English: « machine » est aussi le mot français.
sync-machine-unnamed = machine { $machine }

## Appels (`stretchd status`).

# $capture est un capture-* (daemon.ftl), $app le nom du programme.
held-call = { $capture } ({ $app }) depuis { $time }
held-shows-call = s’affiche à la fin de l’appel (vérifié une fois par minute)
held-shows-call-grace = s’affiche { $grace } après la fin de l’appel (vérifié une fois par minute)

## Réponses tapées aux questions du guide et de `config edit` : les mots acceptés pour oui et
## non, séparés par des virgules (les lettres anglaises des invites, [y/N], marchent toujours).

answer-yes = y, yes, o, oui
answer-no = n, no, non

# $path est un dossier.
card-not-a-folder = { $path } n’est pas un dossier, la fiche ne peut donc pas y être écrite ; déplacez-le ailleurs et relancez cette commande
card-cannot-create = impossible de créer { $path } pour la fiche
card-cannot-write = impossible d’écrire la fiche dans { $path }

## Ce que disent le guide et `stretchd hurt` quand le démon ne prend pas ce qu’ils enregistrent.
## $item est l’identifiant de l’étirement, $why ce qui n’a pas marché (réponse du démon ou erreur système).

record-refused = le démon ne l’a pas enregistré : { $why }
record-not-recorded = « { $item } » n’a pas été enregistré : { $why }
record-unconfirmed-other = le démon n’a pas confirmé l’enregistrement de « { $item } » (il a répondu autre chose) ; il peut encore l’enregistrer : vérifiez avec `stretchd history`
record-unconfirmed = le démon n’a pas confirmé l’enregistrement de « { $item } » ({ $why }) ; il peut encore l’enregistrer : vérifiez avec `stretchd history`
# $problem est l’un des messages ci-dessus.
record-directly = { $problem } ; écriture directe dans l’historique
record-not-set-aside = « { $item } » n’a pas été mis de côté : { $why }
record-aside-unconfirmed = le démon n’a pas confirmé la mise de côté de « { $item } » (il a répondu autre chose) ; vérifiez avec `stretchd stretches`

## Valeurs refusées sur la ligne de commande. $given est ce qui a été tapé.

arg-not-rfc3339 = « { $given } » n’est pas une heure au format RFC 3339 des années 1970 à 9999, p. ex. 2026-11-24T09:00:00+01:00
arg-not-hhmm = « { $given } » n’est pas une heure ; utilisez HH:MM, p. ex. 14:30
arg-not-date = « { $given } » n’est pas une date ; utilisez AAAA-MM-JJ ou RFC 3339
# $error dit ce qui ne va pas dans la durée (en anglais, avec l’écriture de la configuration : 1h, 30m).
arg-pause = { $error } (`stretchd pause` sans durée met en pause jusqu’à `stretchd resume`)
