# stretchd : --help, traduction française (la source anglaise est écrite à partir des
# commentaires de documentation de src/cli/mod.rs). help-COMMANDE est ce que fait une
# sous-commande, help-COMMANDE--ARG ce que signifie une option ou un argument. Les noms
# d’options (--config) et les valeurs restent tels quels.

help = Un petit démon utilisateur Linux qui rappelle aux personnes qui travaillent à un bureau de vérifier leur posture et de faire un étirement du milieu du dos
help-after =
    La configuration se trouve dans $XDG_CONFIG_HOME/stretchd/config.toml (en général ~/.config/stretchd/config.toml) ; sans elle, le planning par défaut intégré s’applique. `stretchd config edit` et `stretchd config set KEY VALUE` la modifient, avec une vérification avant l’enregistrement.
    Pour commencer : `stretchd check` montre ce que ferait le planning, `stretchd now` affiche un rappel.
    Code de sortie : 0 en cas de succès, 1 en cas d’erreur, 3 si le démon n’est pas lancé.
help--json = Afficher du JSON au lieu de texte (un objet ; `status --follow` en affiche un par ligne)

help-run = Lancer le démon : afficher les rappels jusqu’à son arrêt (SIGHUP ou l’enregistrement de la configuration la recharge)
help-run--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-check = Valider la configuration et afficher les prochains rappels qu’elle déclencherait
help-check--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`
help-check--from = Partir de cette heure au lieu de maintenant (RFC 3339, p. ex. 2026-11-24T09:00:00+01:00 ; années 1970 à 9999)
help-check--count = Nombre de rappels à afficher (1 à 1000)

help-stretches = Lister les étirements et les points posture, ou en afficher un en détail
help-stretches--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-stretches-show = Afficher un étirement ou un point posture en détail
help-stretches-show--id = Son identifiant, tel que listé par `stretchd stretches`

help-stretches-restore = Remettre dans la rotation un étirement mis de côté (`stretchd hurt`)
help-stretches-restore--id = Son identifiant, tel que listé par `stretchd stretches`

help-stretches-safety = Afficher les consignes de sécurité

help-status = Montrer ce que fait le démon : prochain rappel, pause, report, progression de la semaine
help-status--follow = Continuer à afficher : une ligne maintenant, à chaque changement, et une fois par minute (pour les barres d’état)

help-next = Lister les rappels à venir, en tenant compte des reports et de la pause
help-next--count = Combien (1 à 1000)

help-snooze = Reporter le rappel affiché, sinon le suivant
help-snooze--duration = Pour combien de temps, un jour au plus, p. ex. 10m (par défaut : snooze.length de la configuration)

help-pause = Mettre tous les rappels en pause : pour un temps, jusqu’à une heure donnée, jusqu’à demain ou jusqu’à `resume`
help-pause--duration = Pour combien de temps, un an au plus, p. ex. 1h ou 30m ; sans aucune option, jusqu’à `stretchd resume`
help-pause--until = Jusqu’à cette heure locale (aujourd’hui, ou demain si elle est passée), p. ex. 14:30
help-pause--until_tomorrow = Jusqu’à minuit

help-resume = Mettre fin à une pause

help-skip = Répondre « Passer » au dernier rappel (pour les serveurs qui n’affichent pas de boutons)

help-done = Répondre « Fait » au dernier rappel (pour les serveurs qui n’affichent pas de boutons) ; --easy ou --hard raccourcissent ou allongent d’un palier les maintiens de l’étirement la prochaine fois
help-done--easy = C’était trop : les maintiens de l’étirement seront plus courts d’un palier (5 s) la prochaine fois
help-done--hard = Ce n’était pas assez : les maintiens de l’étirement seront plus longs d’un palier (5 s) la prochaine fois, même au-delà du haut de sa plage (de 15 s au plus)

help-hurt = L’étirement a fait mal : arrêtez ; c’est enregistré, l’étirement est mis de côté (hors rotation jusqu’à `stretchd stretches restore ID`) et un autre pour la même zone est indiqué
help-hurt--id = L’étirement (par défaut : le rappel d’étirement affiché, sinon le dernier fait)
help-hurt--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-now = Afficher un rappel tout de suite : celui-ci, ou le prochain prévu
help-now--id = Un identifiant de rappel de la configuration

help-reload = Faire relire sa configuration au démon

help-history = Lister les rappels passés et leurs réponses ; avec un dossier [sync], ceux de toutes les machines, chacun avec le nom de sa machine
help-history--since = Seulement les entrées à partir de ce jour (AAAA-MM-JJ, heure locale) ou de cette heure (RFC 3339)
help-history--here = Seulement les entrées de cette machine, pas celles des autres machines du dossier [sync]
help-history--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-stats = Cette semaine jour par jour, l’objectif hebdomadaire, la série de semaines qui l’ont atteint, le nombre par étirement ; avec un dossier [sync], sur les réponses de toutes les machines
help-stats--here = Seulement les réponses et les niveaux de cette machine, pas ceux des autres machines du dossier [sync]
help-stats--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-install = Installer pour cet utilisateur : l’unité utilisateur systemd (ou une entrée de démarrage automatique), la configuration par défaut, l’entrée de bureau, l’icône, les complétions et la page de manuel ; puis le lancer à chaque connexion
help-install--dry_run = Afficher ce qui serait fait, sans rien modifier

help-uninstall = Arrêter et supprimer ce que `install` a écrit ; la configuration et l’historique restent
help-uninstall--dry_run = Afficher ce qui serait fait, sans rien modifier

help-completions = Afficher le script de complétion du shell (bash, zsh ou fish) sur la sortie standard
help-completions--shell = Le shell

help-man = Afficher la page de manuel (roff) sur la sortie standard

help-guide = Faire un étirement pas à pas dans le terminal, avec un compte à rebours pour chaque maintien ou pause ; le terminer enregistre « Fait » (Ctrl-C arrête sans rien enregistrer)
help-guide--id = L’étirement, tel que listé par `stretchd stretches` (par défaut : celui que le démon proposerait ensuite)
help-guide--session = Une séance d’étirements complète au lieu d’un seul étirement : un échauffement, puis chaque étirement qui convient aux positions et au matériel de la configuration, dans l’ordre ; la terminer enregistre une séance
help-guide--no_warmup = Commencer la séance sans son échauffement, si l’échauffement est déjà fait (pendant l’échauffement, Entrée en passe le reste)
help-guide--no_wait = Afficher toute la routine d’un coup, sans minuteurs, et ne rien enregistrer
help-guide--hold = Minuter chaque maintien à ce nombre de secondes au lieu du niveau de l’étirement (pour un mouvement enchaîné, chaque pause dans une position ; pour un étirement minuté comme l’automassage au rouleau, sa durée entière)
help-guide--reps = Faire ce nombre de maintiens (de chaque côté), ou de cycles d’un mouvement enchaîné, au lieu de ceux de l’étirement
help-guide--safety = Afficher les consignes de sécurité avant la routine, même si elles ont déjà été vues
help-guide--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-card = Ouvrir la fiche d’un étirement dans le navigateur : l’illustration en grand, toutes les étapes, un minuteur pour les maintiens et les côtés, et les consignes de sécurité (ce qu’ouvre un clic sur un rappel d’étirement)
help-card--id = L’étirement, tel que listé par `stretchd stretches` (par défaut : le rappel d’étirement affiché, sinon le prochain étirement à venir, comme pour `stretchd guide`)
help-card--print = Seulement écrire la fiche (`$XDG_DATA_HOME/stretchd/cards/ID.html`) et afficher son chemin ; ne pas l’ouvrir
help-card--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config = Où se trouve le fichier de configuration, l’une de ses valeurs, ou tout son contenu dans un éditeur ; chaque modification est validée avant l’enregistrement, pour que le démon ne lise jamais un fichier erroné

help-config-path = Afficher le chemin du fichier de configuration, qu’il existe ou non (avec --json : {"{"}path, exists{"}"})
help-config-path--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-get = Afficher une valeur, p. ex. `snooze.length` ou `reminder.stretch.every` (le rappel dont l’identifiant est « stretch ») ; une clé absente du fichier affiche sa valeur par défaut
help-config-get--key = Une clé en notation pointée
help-config-get--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-set = Modifier une valeur sur place, en gardant les commentaires et la mise en page, p. ex. `set snooze.length 15m` ; rien n’est écrit à moins que la configuration entière reste valide. Crée le fichier à partir de la configuration par défaut s’il n’existe pas
help-config-set--key = Une clé en notation pointée
help-config-set--value = Une valeur TOML (un nombre, true ou false, un tableau, une chaîne entre guillemets), sinon du texte : 40m est pris comme la chaîne "40m". Peut commencer par '-' (un nombre négatif est refusé par la validation, avec la limite, et non par l’analyseur d’arguments)
help-config-set--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-edit = Modifier une copie dans $VISUAL ou $EDITOR (sinon `editor`, sinon vi), à partir de la configuration par défaut s’il n’y en a pas ; la copie n’est mise en place qu’une fois valide
help-config-edit--config = Fichier de configuration à utiliser au lieu de `$XDG_CONFIG_HOME/stretchd/config.toml`
