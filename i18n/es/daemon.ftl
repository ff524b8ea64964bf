# stretchd: lo que dice el daemon (notificaciones, menú de la bandeja, sus respuestas a la línea
# de órdenes) y los títulos y pautas que muestra también la línea de órdenes, en español.
# { $name } y los demás marcadores los rellena el programa: se conservan todos, en el lugar que
# pida la frase.

## Listas y duraciones.

# Entre los elementos de una lista: «Gato-camello, Torsión sentada».
list-separator = {", "}
span-secs = { $min } s
span-secs-range = { $min }-{ $max } s
span-mins = { $min } min
span-mins-range = { $min }-{ $max } min
# $minutes es al menos 1.
about-minutes = aprox. { $minutes } min

## Cuánto hacer de un estiramiento. $hold y $length son duraciones (span-*).

dose-brief-hold = { $hold }
dose-brief-hold-sides = { $hold } por lado
dose-brief-flow =
    { $rounds ->
        [one] { $rounds } ciclo lento
       *[other] { $rounds } ciclos lentos
    }
dose-hold =
    Mantén { $hold }, { $reps ->
        [1] una vez
       *[other] { $reps } veces
    }.
dose-hold-sides =
    Mantén { $hold }, { $reps ->
        [1] una vez
       *[other] { $reps } veces
    } por cada lado.
# $first y $second son las dos posiciones del ciclo (stretch-*-shape-* en catalog.ftl).
dose-flow =
    { $rounds ->
        [one] { $rounds } ciclo lento
       *[other] { $rounds } ciclos lentos
    } entre las posiciones { $first } y { $second }, con una pausa de { $pause } s en cada una.
dose-duration = Continúa durante { $length }; no hay que mantener ninguna posición.

## Títulos de los recordatorios (el título de la notificación y las listas de la línea de órdenes).

# $dose es dose-brief-*.
title-stretch = Estiramiento: { $name }, { $dose }
title-posture = Revisión de postura: { $name }
# $about es about-minutes.
title-session =
    Sesión de estiramientos: calentamiento y { $count ->
        [one] { $count } estiramiento
       *[other] { $count } estiramientos
    }, { $about }

## Notificaciones: los botones y las líneas del cuerpo (dos como máximo, 200 caracteres en total).

action-done = Hecho
action-snooze = Posponer
action-skip = Omitir
# La segunda línea de un recordatorio de estiramiento; «-safety» la primera vez, hasta que se haya
# visto el aviso de seguridad.
cue-card = Haz clic (o ejecuta `stretchd card`) para ver cada paso, la imagen y un temporizador.
cue-card-safety = Primera vez: haz clic (o ejecuta `stretchd card`): aviso de seguridad, cada paso y temporizador.
cue-guide = Haz clic para seguirlo con la guía en una terminal, o ejecuta `stretchd card`.
cue-guide-safety = Primera vez: haz clic para abrir la guía en una terminal, con el aviso de seguridad.
# $stretches: los nombres, unidos con list-separator.
session-body = Calienta y luego: { $stretches }.
session-done = «Hecho» inicia la sesión guiada en una terminal.
session-done-safety = «Hecho» inicia la sesión guiada en una terminal; primero, el aviso de seguridad.
config-error-title = stretchd: configuración no recargada
config-error-body = La configuración anterior sigue vigente hasta que se corrija el archivo.

## Fechas y horas: $day es un weekday-*, $date la fecha (2026-11-24), $time la hora
## (14:30, o 14:30:05, o 14:30 CET con la zona horaria).

weekday-mon = lun
weekday-tue = mar
weekday-wed = mié
weekday-thu = jue
weekday-fri = vie
weekday-sat = sáb
weekday-sun = dom
when-day-time = { $day } { $time }
when-day-date-time = { $day } { $date } { $time }

## stretchd hurt: lo que dice el daemon (o la línea de órdenes, si no hay daemon). $name es el
## nombre del estiramiento, $id su id; $area y $nearest son area-* (catalog.ftl).

aside-reason-hurt = causó dolor
hurt-stop =
    Detén «{ $name }» ahora mismo. Queda apartado: stretchd no volverá a sugerirlo (`stretchd stretches restore { $id }` lo recupera).
    Si el dolor persiste, consulta a un profesional de la salud (un médico o un fisioterapeuta).
hurt-instead-same-area = En su lugar, prueba «{ $name }» (`stretchd guide { $id }`): trabaja la misma zona, { $area }.
hurt-instead-nearest = En su lugar, prueba «{ $name }» (`stretchd guide { $id }`): ningún otro estiramiento para { $area } se ajusta a tus posiciones y tu equipamiento, y este trabaja la zona más cercana, { $nearest }.
hurt-instead-nearest-aside = En su lugar, prueba «{ $name }» (`stretchd guide { $id }`): ningún otro estiramiento para { $area } que no esté apartado se ajusta a tus posiciones y tu equipamiento, y este trabaja la zona más cercana, { $nearest }.
hurt-all-aside = Todos los demás estiramientos que se ajustan a tus posiciones y tu equipamiento también están apartados; `stretchd stretches` los muestra y `stretchd stretches restore ID` recupera uno.
hurt-none-fits = Ningún otro estiramiento se ajusta a tus posiciones y tu equipamiento; permite otra posición o añade equipamiento en [stretches] de la configuración (`stretchd config edit`) para tener alguno.
month-jan = ene
month-feb = feb
month-mar = mar
month-apr = abr
month-may = may
month-jun = jun
month-jul = jul
month-aug = ago
month-sep = sept
month-oct = oct
month-nov = nov
month-dec = dic
# $dom es el día del mes (24), $month un month-*.
when-day-month = { $day } { $dom } { $month }
when-day-dom = { $day } { $dom }

## El icono de la bandeja: su menú (además de action-done, -snooze, -skip) y su descripción
## emergente, una línea cada cosa. $time es una hora (14:30, o «mar 14:30» para otro día),
## $title el título de un recordatorio.

tray-pause-hour = Pausar durante 1 hora
tray-pause-tomorrow = Pausar hasta mañana
tray-resume = Reanudar
tray-session = Iniciar una sesión de estiramientos
tray-config = Abrir la configuración
# $error es el mensaje de la propia configuración (en inglés).
tray-config-error = Error de configuración: { $error }
tray-now = Ahora: { $title }
tray-paused-until = En pausa hasta { $time }
tray-paused = En pausa hasta que se reanude
# $why es un tray-held-*.
tray-held = Retenido: { $why }
tray-held-idle = ausente desde { $time }
tray-held-locked = pantalla bloqueada desde { $time }
tray-held-asleep = en suspensión desde { $time }
tray-held-dnd = No molestar
tray-held-fullscreen = una ventana a pantalla completa
tray-held-grace = hasta { $time }
tray-snoozed = Pospuesto hasta { $time }
# $grace es un número de segundos.
tray-held-next = Retenido: { $title } (previsto para { $time }); se muestra { $grace } s después de que termine la retención
tray-next = Próximo: { $title }, { $time }
tray-next-none = Próximo: nada programado
tray-week =
    Esta semana: { $done } de { $goal ->
        [one] { $goal } sesión de estiramientos
       *[other] { $goal } sesiones de estiramientos
    }

## Qué pasó con un recordatorio (stretchd history, stats y las respuestas del daemon).

outcome-done = hecho
outcome-snoozed = pospuesto
outcome-skipped = omitido
outcome-dismissed = descartado
outcome-expired = caducado
outcome-hurt = con dolor

## Las respuestas del daemon a la línea de órdenes (stretchd snooze, pause, done, now...).
## $reminder es el id de un recordatorio, $item el id de un estiramiento, $title el título de un
## recordatorio; $error es un mensaje del sistema o de la propia configuración (en inglés).

reply-notice-read = el aviso de seguridad se da por leído
# $time es un día y una hora (when-day-time).
reply-snoozed-next = próximo recordatorio, «{ $reminder }», pospuesto hasta { $time }
# $time es una hora (14:30:05).
reply-snoozed = «{ $reminder }» pospuesto hasta las { $time }
# $time es una fecha y una hora (when-day-date-time).
reply-paused-until = en pausa hasta { $time }
reply-paused = en pausa hasta `stretchd resume`
reply-not-paused = no está en pausa; no hay nada que reanudar
reply-resumed = reanudado
reply-session-started = «{ $reminder }» iniciado: la sesión guiada se abre en una terminal y registra la sesión cuando la termines
# $why es el motivo por el que no se abrió ninguna terminal (en inglés).
reply-session-not-started = «{ $reminder }» no iniciado: { $why }; o ejecuta aquí `stretchd guide --session`, que registra la sesión cuando la termines
reply-session-no-level = --easy y --hard se aplican a un solo estiramiento estático, no a una sesión: el nivel de cada uno se ajusta con `stretchd guide ID`
reply-done = hecho: «{ $reminder }»
reply-skipped = omitido: «{ $reminder }»
reply-no-level = --easy y --hard no hacen nada aquí: «{ $item }» no tiene un tiempo de mantenimiento que acortar o alargar
reply-no-level-posture = --easy y --hard no hacen nada aquí: una revisión de postura no tiene tiempo de mantenimiento
# Una cláusula que se añade a una respuesta (reply-and); $was y $now son números de segundos.
reply-hold-next = la próxima vez, mantén { $now } s (antes, { $was } s)
reply-hold-shortest = el mantenimiento se queda en { $now } s, el mínimo posible
reply-hold-longest = el mantenimiento se queda en { $now } s, el máximo posible
# Cómo una respuesta añade una cláusula ($note: un reply-hold-*) y una observación entre paréntesis
# ($note: un reply-no-level*, reply-session-no-level o reply-not-in-history-aside).
reply-and = { $answer }; { $note }
reply-aside = { $answer } ({ $note })
# $done sesiones esta semana del objetivo de $goal.
reply-recorded =
    «{ $item }» registrado como hecho; esta semana: { $done } de { $goal ->
        [one] { $goal } sesión de estiramientos
       *[other] { $goal } sesiones de estiramientos
    }
reply-recorded-on-screen =
    «{ $item }» registrado como hecho (responde al recordatorio en pantalla); esta semana: { $done } de { $goal ->
        [one] { $goal } sesión de estiramientos
       *[other] { $goal } sesiones de estiramientos
    }
reply-recorded-session =
    sesión de estiramientos registrada; esta semana: { $done } de { $goal ->
        [one] { $goal } sesión de estiramientos
       *[other] { $goal } sesiones de estiramientos
    }
reply-recorded-session-on-screen =
    sesión de estiramientos registrada (responde al recordatorio en pantalla); esta semana: { $done } de { $goal ->
        [one] { $goal } sesión de estiramientos
       *[other] { $goal } sesiones de estiramientos
    }
reply-not-in-history = (No se guardó en el historial: { $error }.)
reply-not-in-history-aside = no se guardó en el historial: { $error }
reply-restored = «{ $item }» recuperado: vuelve a estar en la rotación
# $path es el archivo de configuración.
reply-config-gone = { $path }: el archivo de configuración ya no existe; se mantiene su configuración hasta que vuelva
reply-config-unchanged = configuración sin cambios
reply-reloaded = recargado: { $path }
reply-not-in-catalogue = «{ $item }» no está en el catálogo
reply-now-showing = mostrando { $title }
reply-now-held = retenido { $title }: el servidor de notificaciones está en modo No molestar, así que guarda el recordatorio sin mostrarlo; responde con `stretchd done` o `stretchd skip`, o míralo con `stretchd card`
reply-now-no-server = no se muestra: no hay ningún servidor de notificaciones en ejecución (nadie tiene org.freedesktop.Notifications) (inicia uno: dunst, mako o el de tu escritorio)
reply-now-failed = no se muestra: { $error }

## Por qué el daemon rechazó una petición.

# $length y $limit son duraciones como 2h.
refusal-pause-too-long = una pausa de { $length } es demasiado larga; el límite es { $limit } (`stretchd pause` sin indicar un tiempo pausa hasta `stretchd resume`)
refusal-past = esa hora ya ha pasado; indica una hora futura
refusal-nothing-awaits = ningún recordatorio espera respuesta
refusal-nothing-shown = todavía no se ha mostrado ningún recordatorio; no hay nada que responder
# $time es cuándo saltó (14:30), $outcome un outcome-*.
refusal-already-answered = el último recordatorio («{ $reminder }» a las { $time }) ya tiene respuesta: { $outcome }
refusal-not-saved = { $outcome }: «{ $reminder }», pero no se guardó: { $error } (cuenta hasta que se reinicie el daemon)
refusal-no-reminders = la configuración no tiene recordatorios
# $known: los ids de los recordatorios de la configuración.
refusal-unknown-reminder = ningún recordatorio tiene el id «{ $id }» (conocidos: { $known })
refusal-all-set-aside = el recordatorio «{ $id }» no tiene nada que mostrar: todos los estiramientos que puede elegir están apartados; `stretchd stretches restore ID` recupera uno (`stretchd stretches` los muestra)
refusal-not-a-stretch = «{ $id }» no es un estiramiento del catálogo (`stretchd stretches` los muestra)
refusal-no-stretch = no hay ningún estiramiento en pantalla y todavía no se ha hecho ninguno; indica el que te causó dolor: `stretchd hurt ID` (`stretchd stretches` los muestra)
# $ids: los ids de los estiramientos de la sesión.
refusal-session-on-screen = hay una sesión de estiramientos en pantalla, así que no se sabe qué estiramiento causó dolor; indícalo: `stretchd hurt ID` (los de la sesión: { $ids })
# $aside: los ids apartados, o refusal-none-set-aside.
refusal-not-set-aside = «{ $item }» no está apartado, así que no hay nada que recuperar (apartados: { $aside }); `stretchd stretches` los muestra
refusal-none-set-aside = ninguno
refusal-unrecorded = no se puede registrar «{ $item }»: { $error }
refusal-config-invalid = configuración no recargada; se mantiene la anterior: { $error }

## Llamadas: lo que retiene los recordatorios mientras se capturan el micrófono o una cámara o se
## comparte la pantalla.

capture-microphone = micrófono en uso
capture-screen-cast = pantalla compartida
capture-camera = cámara en uso
# En la descripción emergente de la bandeja, tras tray-held: $capture es un capture-*, $app el nombre del programa.
tray-held-call = { $capture } ({ $app })

## Por qué se rechazó una posposición ($reminder: el id de un recordatorio; $length y $limit:
## duraciones como 2h).

snooze-nothing = no hay nada programado que posponer
snooze-off = posponer está desactivado (snooze.max = 0); hazlo u omítelo
snooze-limit =
    «{ $reminder }» ya se ha pospuesto { $max ->
        [one] { $max } vez seguida
       *[other] { $max } veces seguidas
    } (snooze.max = { $max }); hazlo u omítelo
snooze-zero = una posposición debe durar al menos 1 s
snooze-too-long = una posposición de { $length } es demasiado larga; el límite es { $limit }
