# stretchd: el catálogo integrado (estiramientos, revisiones de postura, aviso de seguridad y
# calentamiento de la sesión), en español. Son instrucciones de movimiento: la traducción conserva
# todos los datos del texto en inglés y no añade ninguno. Cada mensaje es un párrafo; un salto de
# línea dentro de un mensaje (como en el aviso de seguridad) es un salto de línea en pantalla.

## El aviso de seguridad: se muestra con el primer estiramiento, en cada ficha y con `stretchd stretches safety`.

# Una norma por línea (la ficha las muestra como viñetas).
safety-notice =
    Calienta primero: dedica 5-10 minutos a un movimiento suave, como caminar a paso ligero.
    Notar una tensión leve es normal, pero detente de inmediato si sientes un dolor agudo o intenso.
    Respira despacio en todo momento; nunca contengas la respiración.
    Si un estiramiento no te sienta bien, adáptalo o cámbialo por otro.
    Estos estiramientos son adecuados para la mayoría de las personas de cualquier edad; si tienes una afección o lesión previa, o dolor de espalda crónico o fuerte, consulta a un profesional de la salud antes de empezar.
    Esto es una orientación general, no un consejo médico para tu caso concreto: si el dolor persiste o reaparece una y otra vez, pide a un profesional que lo valore.

## La sesión de estiramientos (unas cuantas veces por semana) y los estiramientos de escritorio (a lo largo del día).

# En qué consiste el calentamiento de la sesión, en una línea.
warm-up = Calienta primero: 5-10 minutos de movimiento suave, como caminar a paso ligero, marchar en el lugar o pedalear a ritmo tranquilo.
# La línea que lleva cada estiramiento de escritorio.
desk-note = Un estiramiento breve para hacer en el escritorio: entra en él poco a poco y con suavidad, sin acercarte al dolor (la rutina completa, después de calentar, es la sesión de estiramientos).

## Las partes de la espalda que trabaja un estiramiento («Trabaja: rotación de la zona dorsal»).

area-rotation = rotación de la zona dorsal
area-upper_back = parte alta de la espalda y hombros
area-soft_tissue = tejidos blandos de la parte alta de la espalda
area-bending = flexión y extensión de la zona dorsal (redondear y arquear)

## Dónde se hace un estiramiento («Posición: silla») y el equipamiento integrado.

position-chair = silla
position-floor = suelo
position-standing = de pie
equipment-foam_roller = rodillo de espuma

## Gato-camello: redondear y arquear la columna a cuatro patas.

stretch-cat-camel-name = Gato-camello
stretch-cat-camel-summary = Redondear y arquear la columna por turnos, a cuatro patas, suelta una zona dorsal rígida.
stretch-cat-camel-step-1 = Ponte a cuatro patas, con las manos debajo de los hombros y las rodillas debajo de las caderas.
stretch-cat-camel-step-2 = Al exhalar, redondea la espalda hacia el techo, con la cabeza colgando y la barbilla recogida.
stretch-cat-camel-step-3 = Haz una breve pausa en la posición redondeada y nota cómo se alarga la zona dorsal.
stretch-cat-camel-step-4 = Al inhalar, deja que la espalda se hunda mientras elevas el pecho y el coxis.
stretch-cat-camel-step-5 = Sigue moviéndote despacio entre la posición redondeada y la arqueada.
# Las dos posiciones del ciclo («8 ciclos lentos entre las posiciones gato (espalda redondeada) y camello (espalda arqueada)»).
stretch-cat-camel-shape-1 = gato (espalda redondeada)
stretch-cat-camel-shape-2 = camello (espalda arqueada)

## Extensión torácica: llevar la parte alta de la espalda hacia atrás sobre una silla.

stretch-thoracic-extension-name = Extensión torácica
stretch-thoracic-extension-summary = Inclinarte hacia atrás sobre la silla abre una zona dorsal que ha pasado horas encorvada.
stretch-thoracic-extension-step-1 = Siéntate en una silla o un taburete estable, con los dos pies bien apoyados.
stretch-thoracic-extension-step-2 = Entrelaza las manos detrás de la cabeza, con los codos abiertos hacia los lados.
stretch-thoracic-extension-step-3 = Lleva poco a poco la parte alta de la espalda hacia atrás, por encima del borde superior de la silla.
stretch-thoracic-extension-step-4 = Deja que la cabeza acompañe un poco hacia atrás, sin forzar el cuello.
stretch-thoracic-extension-step-5 = Quédate ahí respirando despacio y nota cómo se alarga la zona dorsal.
stretch-thoracic-extension-step-6 = Vuelve a la posición sentada de forma controlada y luego repítelo.

## Torsión sentada: girar el tronco en posición sentada, primero hacia un lado y luego hacia el otro.

stretch-seated-twist-name = Torsión sentada
stretch-seated-twist-summary = Girar el tronco en posición sentada devuelve la rotación a la zona dorsal.
stretch-seated-twist-step-1 = Desplázate hacia la parte delantera del asiento, con los pies bien apoyados y la columna alargada.
stretch-seated-twist-step-2 = Cruza la mano izquierda por delante hasta la cara externa de la rodilla derecha.
stretch-seated-twist-step-3 = Al exhalar, gira el pecho hacia la derecha, ayudándote con la mano apoyada en la rodilla.
stretch-seated-twist-step-4 = Gira la cabeza para mirar más allá del hombro derecho, manteniendo el pecho elevado.
stretch-seated-twist-step-5 = Mantén la torsión respirando de forma regular y luego vuelve a mirar al frente.
stretch-seated-twist-step-6 = Cambia de lado: mano derecha sobre la rodilla izquierda, girando hacia la izquierda.

## Enhebrar la aguja: pasar un brazo por debajo del otro a cuatro patas.

stretch-thread-the-needle-name = Enhebrar la aguja
stretch-thread-the-needle-summary = Pasar un brazo bajo el cuerpo, a cuatro patas, rota la espalda alta y alivia los hombros.
stretch-thread-the-needle-step-1 = Ponte a cuatro patas con la espalda plana y horizontal.
stretch-thread-the-needle-step-2 = Pasa el brazo derecho por debajo del brazo izquierdo, solo hasta donde te resulte fácil.
stretch-thread-the-needle-step-3 = Baja hasta apoyar el hombro derecho y el lado de la cara en la colchoneta, con ese brazo estirado más allá de la cabeza.
stretch-thread-the-needle-step-4 = Apoya con firmeza la palma de la mano izquierda en el suelo para mantenerte estable.
stretch-thread-the-needle-step-5 = Respira hondo y deja que el estiramiento se extienda por la parte alta de la espalda y ese hombro.
stretch-thread-the-needle-step-6 = Sal del estiramiento despacio y vuelve a cuatro patas.
stretch-thread-the-needle-step-7 = Cambia de lado y pasa el brazo izquierdo por debajo del derecho.

## Rodillo en la espalda alta: rodar la parte alta y media de la espalda sobre un rodillo de espuma.

stretch-foam-rolling-name = Rodillo en la espalda alta
stretch-foam-rolling-summary = Rodar sobre un rodillo de espuma suelta los puntos tensos de los músculos de la zona dorsal.
stretch-foam-rolling-step-1 = Coloca un rodillo de espuma atravesado en el suelo.
stretch-foam-rolling-step-2 = Siéntate en el suelo con el rodillo detrás de ti, las rodillas flexionadas y las plantas de los pies apoyadas.
stretch-foam-rolling-step-3 = Échate hacia atrás hasta que el rodillo quede bajo la zona dorsal, sujetándote la cabeza con las manos.
stretch-foam-rolling-step-4 = Desplázate despacio sobre el rodillo desde la base del cuello hasta la mitad de la espalda.
stretch-foam-rolling-step-5 = Detente en cualquier punto tenso o dolorido y deja que una presión suave lo alivie, respirando de forma regular.
stretch-foam-rolling-step-6 = Continúa durante unos minutos, pasando a otras zonas de la parte alta de la espalda a medida que avanzas.

## Revisiones de postura: un nombre corto (en el título de la notificación) y qué revisar y cómo corregirlo.

posture-sit-tall-name = Espalda erguida
posture-sit-tall-text = Fíjate en si te estás encorvando hacia la pantalla. Eleva la coronilla para que la columna quede recta y alineada sobre las caderas.
posture-shoulders-name = Hombros abajo y atrás
posture-shoulders-text = Comprueba si los hombros se te han ido subiendo hacia las orejas. Déjalos caer y luego llévalos suavemente hacia atrás.
posture-screen-height-name = Pantalla a la altura de los ojos
posture-screen-height-text = Deberías ver la parte superior de la pantalla sin inclinar la cabeza hacia arriba ni hacia abajo. Sube, baja o desplaza el monitor hasta conseguirlo.
posture-back-support-name = Silla y apoyo para la espalda
posture-back-support-text = Siéntate bien atrás para que la silla, o tu sillón reclinable, sostenga la curva de la zona lumbar. Ajusta el respaldo o añade un cojín si queda un hueco.
posture-feet-flat-name = Pies apoyados
posture-feet-flat-text = Los dos pies deben apoyarse por completo en el suelo, con las rodillas más o menos a la altura de las caderas. Baja el asiento o usa un reposapiés si los pies te quedan colgando.
posture-desk-height-name = Codos y escritorio
posture-desk-height-text = Los codos deben colgar relajados en un ángulo más o menos recto, con los antebrazos a la altura del escritorio. Cambia la altura de la silla o del escritorio si tienes que subir o bajar los brazos.
posture-breathe-name = Respira y suelta la tensión
posture-breathe-text = El estrés tiende a acumularse en la mandíbula, los hombros y la parte alta de la espalda. Haz unas cuantas respiraciones lentas y profundas y deja que esos músculos se relajen.
posture-move-name = Levántate y muévete
posture-move-text = Pasar mucho rato en la silla sin moverte vuelve rígida la zona dorsal. Levántate, camina un minuto y luego vuelve a sentarte.
posture-core-name = Fortalece el core
posture-core-text = Unos músculos del tronco fuertes mantienen la columna alineada. Programa para esta semana una sesión que trabaje el core: pilates o yoga, por ejemplo.
posture-calm-name = Un minuto de calma
posture-calm-text = El estrés prolongado mantiene tensos los músculos de la espalda. Cierra los ojos durante un minuto de meditación en silencio, o cuenta diez exhalaciones lentas.
posture-what-hurts-name = ¿Qué lo empeora?
posture-what-hurts-text = Piensa en qué te ha hecho doler más la espalda últimamente, como un viaje largo al volante o cargar con una bolsa pesada. Cambia tu forma de hacerlo, o evítalo durante un tiempo.
posture-more-than-stretching-name = Más que estirar
posture-more-than-stretching-text = Los estiramientos ayudan, pero por sí solos rara vez calman una espalda dolorida. La postura, el ejercicio regular, menos estrés y un puesto de trabajo bien ajustado también importan.
