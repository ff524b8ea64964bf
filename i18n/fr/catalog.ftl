# stretchd : le catalogue intégré (étirements, points posture, consignes de sécurité,
# échauffement de la séance), traduction française. Ce sont des consignes de mouvement : la
# traduction garde chaque fait du texte anglais et n’en ajoute aucun. Un saut de ligne dans un
# message (comme dans les consignes de sécurité) est un saut de ligne à l’écran.

## Les consignes de sécurité : affichées avec le premier étirement, sur chaque fiche et par `stretchd stretches safety`.

# Une consigne par ligne (la fiche les affiche en liste).
safety-notice =
    Échauffez-vous d’abord : consacrez 5 à 10 minutes à des mouvements légers, comme une marche rapide.
    Une légère sensation de tiraillement est normale, mais arrêtez immédiatement si vous ressentez une douleur vive ou intense.
    Respirez lentement du début à la fin ; ne bloquez jamais votre respiration.
    Si un étirement ne vous convient pas, adaptez-le ou remplacez-le par un autre.
    Ces étirements conviennent à la plupart des personnes, à tout âge ; en cas de pathologie ou de blessure existante, ou de mal de dos chronique ou sévère, parlez-en à un professionnel de santé avant de commencer.
    Il s’agit de conseils généraux, et non d’un avis médical personnalisé : si la douleur persiste ou revient sans cesse, faites-vous examiner par un professionnel.

## La séance d’étirements (quelques fois par semaine) et les étirements au bureau (au fil de la journée).

warm-up = Échauffez-vous d’abord : 5 à 10 minutes de mouvements légers, comme une marche rapide, une marche sur place ou du vélo à allure tranquille.
desk-note = Un court étirement au bureau : allez-y en douceur, bien en deçà de la douleur (la routine complète, après un échauffement, c’est la séance d’étirements).

## Les zones du dos travaillées par un étirement (« Cible : rotation du milieu du dos »).

area-rotation = rotation du milieu du dos
area-upper_back = haut du dos et épaules
area-soft_tissue = tissus mous le long du haut du dos
area-bending = flexion-extension du milieu du dos (l’arrondir et le creuser)

## Où se fait un étirement (« Position : chaise ») et le matériel intégré.

position-chair = chaise
position-floor = sol
position-standing = debout
equipment-foam_roller = rouleau en mousse

## Chat-chameau : arrondir et creuser la colonne à quatre pattes.

stretch-cat-camel-name = Chat-chameau
stretch-cat-camel-summary = Arrondir et creuser le dos tour à tour, à quatre pattes, assouplit un milieu du dos raide.
stretch-cat-camel-step-1 = Mettez-vous à quatre pattes, les mains sous les épaules et les genoux sous les hanches.
stretch-cat-camel-step-2 = En expirant, arrondissez le dos vers le plafond, la tête pendante et le menton rentré.
stretch-cat-camel-step-3 = Marquez une courte pause dos arrondi et sentez le milieu du dos s’étirer.
stretch-cat-camel-step-4 = En inspirant, laissez le dos se creuser en levant la poitrine et le coccyx.
stretch-cat-camel-step-5 = Continuez à passer lentement du dos arrondi au dos creusé, et inversement.
# Les deux positions du mouvement (« 8 cycles lents entre la position chat (dos arrondi) et la position chameau (dos creusé) »).
stretch-cat-camel-shape-1 = chat (dos arrondi)
stretch-cat-camel-shape-2 = chameau (dos creusé)

## Extension thoracique : pencher le haut du dos en arrière par-dessus une chaise.

stretch-thoracic-extension-name = Extension thoracique
stretch-thoracic-extension-summary = Se pencher en arrière par-dessus la chaise ouvre un milieu du dos voûté depuis des heures.
stretch-thoracic-extension-step-1 = Asseyez-vous sur une chaise ou un tabouret stable, les deux pieds bien posés au sol.
stretch-thoracic-extension-step-2 = Entrecroisez les doigts derrière la tête, les coudes pointés vers les côtés.
stretch-thoracic-extension-step-3 = Basculez doucement le haut du dos vers l’arrière, par-dessus le haut de la chaise.
stretch-thoracic-extension-step-4 = Laissez la tête suivre un peu vers l’arrière, sans forcer sur la nuque.
stretch-thoracic-extension-step-5 = Restez dans cette position en respirant lentement, et sentez le milieu du dos s’étirer.
stretch-thoracic-extension-step-6 = Revenez en position assise de façon contrôlée, puis recommencez.

## Torsion assise : tourner le tronc en position assise, d’un côté puis de l’autre.

stretch-seated-twist-name = Torsion assise
stretch-seated-twist-summary = Tourner le buste en position assise redonne au milieu du dos sa mobilité en rotation.
stretch-seated-twist-step-1 = Avancez-vous au bord de votre siège, les pieds à plat et la colonne bien allongée.
stretch-seated-twist-step-2 = Amenez la main gauche, en croisant devant vous, sur l’extérieur du genou droit.
stretch-seated-twist-step-3 = En expirant, tournez le buste vers la droite, en vous aidant de la main posée sur le genou.
stretch-seated-twist-step-4 = Tournez la tête pour regarder au-delà de l’épaule droite, en gardant la poitrine haute.
stretch-seated-twist-step-5 = Maintenez la torsion en respirant régulièrement, puis revenez face à l’avant.
stretch-seated-twist-step-6 = Changez de côté : main droite sur le genou gauche, en tournant vers la gauche.

## Enfiler l’aiguille : passer un bras sous l’autre à quatre pattes.

stretch-thread-the-needle-name = Enfiler l’aiguille
stretch-thread-the-needle-summary = À quatre pattes, passer un bras sous le corps tourne le haut du dos et détend les épaules.
stretch-thread-the-needle-step-1 = Mettez-vous à quatre pattes, le dos plat et à l’horizontale.
stretch-thread-the-needle-step-2 = Glissez le bras droit sous le bras gauche, sans aller plus loin que ce qui reste facile.
stretch-thread-the-needle-step-3 = Descendez jusqu’à poser l’épaule droite et le côté du visage sur le tapis, le bras droit tendu au-delà de la tête.
stretch-thread-the-needle-step-4 = Appuyez fermement la paume gauche contre le sol pour rester stable.
stretch-thread-the-needle-step-5 = Respirez profondément et laissez l’étirement se diffuser dans le haut du dos et dans l’épaule droite.
stretch-thread-the-needle-step-6 = Revenez lentement et en douceur à quatre pattes.
stretch-thread-the-needle-step-7 = Changez de côté, en glissant le bras gauche sous le bras droit.

## Rouleau sur le haut du dos : rouler le haut et le milieu du dos sur un rouleau en mousse.

stretch-foam-rolling-name = Rouleau sur le haut du dos
stretch-foam-rolling-summary = Rouler sur un rouleau en mousse dénoue les points tendus des muscles du milieu du dos.
stretch-foam-rolling-step-1 = Posez un rouleau en mousse en travers sur le sol.
stretch-foam-rolling-step-2 = Asseyez-vous au sol, le rouleau derrière vous, les genoux fléchis et la plante des pieds au sol.
stretch-foam-rolling-step-3 = Penchez-vous en arrière jusqu’à ce que le rouleau se trouve sous le milieu du dos, les mains soutenant la tête.
stretch-foam-rolling-step-4 = Roulez lentement de la base du cou jusqu’au milieu du dos.
stretch-foam-rolling-step-5 = Attardez-vous sur chaque point tendu ou douloureux et laissez une pression douce le détendre, en respirant régulièrement.
stretch-foam-rolling-step-6 = Continuez pendant quelques minutes, en passant au fur et à mesure à d’autres zones du haut du dos.

## Points posture : un nom court (dans le titre de la notification), puis quoi vérifier et comment corriger.

posture-sit-tall-name = Grandissez-vous
posture-sit-tall-text = Remarquez si vous vous affaissez vers l’écran. Poussez le sommet du crâne vers le haut pour que la colonne s’aligne bien droite au-dessus des hanches.
posture-shoulders-name = Épaules basses et en arrière
posture-shoulders-text = Vérifiez si vos épaules sont remontées vers les oreilles. Relâchez-les, puis ramenez-les doucement vers l’arrière.
posture-screen-height-name = Écran à hauteur des yeux
posture-screen-height-text = Vous devez voir le haut de l’écran sans lever ni baisser la tête. Montez, baissez ou déplacez le moniteur jusqu’à y parvenir.
posture-back-support-name = Chaise et soutien du dos
posture-back-support-text = Asseyez-vous bien au fond pour que la chaise, ou votre fauteuil inclinable, soutienne la courbure du bas du dos. Réglez le dossier ou ajoutez un coussin s’il reste un espace.
posture-feet-flat-name = Pieds à plat
posture-feet-flat-text = Les deux pieds doivent reposer à plat sur le sol, les genoux à peu près à hauteur des hanches. Baissez le siège ou utilisez un repose-pieds si vos pieds pendent dans le vide.
posture-desk-height-name = Coudes et bureau
posture-desk-height-text = Vos coudes doivent pendre, détendus, à peu près à angle droit, les avant-bras à hauteur du bureau. Réglez la hauteur de la chaise ou du bureau si vous devez lever ou baisser les bras.
posture-breathe-name = Respirez et relâchez
posture-breathe-text = Le stress a tendance à se loger dans la mâchoire, les épaules et le haut du dos. Prenez quelques respirations lentes et profondes et laissez ces muscles se détendre.
posture-move-name = Levez-vous et bougez
posture-move-text = Une position assise immobile prolongée raidit le milieu du dos. Levez-vous, marchez une minute, puis réinstallez-vous.
posture-core-name = Renforcez votre tronc
posture-core-text = Des muscles du tronc solides maintiennent la colonne alignée. Prévoyez cette semaine une séance qui fait travailler le tronc : du Pilates ou du yoga, par exemple.
posture-calm-name = Une minute de calme
posture-calm-text = Un stress qui dure maintient les muscles du dos contractés. Fermez les yeux pour une minute de méditation au calme, ou comptez dix expirations lentes.
posture-what-hurts-name = Qu’est-ce qui aggrave la douleur ?
posture-what-hurts-text = Pensez à ce qui a accentué votre mal de dos ces derniers temps, comme un long trajet en voiture ou un sac lourd. Changez votre façon de faire, ou renoncez-y pendant un temps.
posture-more-than-stretching-name = Plus que des étirements
posture-more-than-stretching-text = Les étirements aident, mais à eux seuls ils soulagent rarement un dos douloureux. La posture, une activité physique régulière, moins de stress et un poste de travail bien aménagé comptent aussi.
