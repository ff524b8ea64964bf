# stretchd: la salida propia de la línea de órdenes (stretchd check, stretches, status, next,
# history, stats, guide, card, install, config y sus errores), en español.
# Las órdenes y claves entre comillas invertidas (`stretchd resume`) se escriben tal cual.

## Duraciones tal como las cuentan la guía y las listas.

length-secs = { $secs } s
length-mins = { $min } min
length-mins-secs = { $min } min { $secs } s

## stretchd guide: la rutina, una parte por línea. $secs es un número de segundos.

guide-other-side = Ahora, el otro lado.
guide-hold = Mantén { $secs } s
guide-hold-rep = Mantén { $secs } s ({ $rep } de { $reps })
guide-hold-first = Mantén { $secs } s (primer lado)
guide-hold-first-rep = Mantén { $secs } s (primer lado, { $rep } de { $reps })
guide-hold-other = Mantén { $secs } s (otro lado)
guide-hold-other-rep = Mantén { $secs } s (otro lado, { $rep } de { $reps })
# $shape es una de las dos posiciones de un ciclo (stretch-*-shape-* en catalog.ftl).
guide-breathe-out = Exhala y pasa a la posición { $shape }, { $secs } s (ciclo { $round } de { $rounds })
guide-breathe-in = Inhala y pasa a la posición { $shape }, { $secs } s (ciclo { $round } de { $rounds })
# $length es length-*.
guide-keep = Continúa durante { $length }
guide-warm-up = Calentamiento: movimiento suave durante { $length } (pulsa Intro si ya has calentado)
guide-no-warm-up = Sin el calentamiento (--no-warmup): solo si ya has calentado.
# $stretches: los nombres, unidos con list-separator (daemon.ftl).
guide-session-then =
    Después, { $count ->
        [one] un estiramiento
       *[other] todos los estiramientos que se ajustan
    }: { $stretches }, en este orden.
# $about es about-minutes (daemon.ftl).
guide-session-timed = Duración: { $about }, con cada tiempo de mantenimiento en su nivel actual.
guide-before-you-start = Antes de empezar:
# $length es una duración (span-* en daemon.ftl).
guide-no-reps = --reps no se aplica: este estiramiento se cronometra como un único estiramiento de { $length } (usa --hold SECONDS para cambiar la duración)
# $total es length-*.
guide-timed-holds =
    Duración: { $holds ->
        [one] { $holds } mantenimiento
       *[other] { $holds } mantenimientos
    } de { $secs } s, { $total } en total.
guide-timed-holds-sides =
    Duración: { $holds ->
        [one] { $holds } mantenimiento
       *[other] { $holds } mantenimientos
    } de { $secs } s por cada lado, { $total } en total.
guide-timed-flow =
    Duración: { $rounds ->
        [one] { $rounds } ciclo
       *[other] { $rounds } ciclos
    } de { $secs } s en cada posición, { $total } en total.
guide-timed-duration = Duración: { $total } de una sola vez.

## stretchd card: la página del estiramiento en el navegador. Es HTML: el programa escapa el texto.

card-title = { $name }: stretchd
card-steps = Pasos
card-safety = Seguridad
card-dose-and-timer = Pauta y temporizador
card-timed-parts = Partes cronometradas
card-start = Iniciar
card-reset = Restablecer
card-pause = Pausar
card-resume = Reanudar
card-start-again = Empezar de nuevo
# Lo que dice el temporizador de la parte en curso: $n es su número, $total cuántas hay,
# $part qué es («Mantén 30 s (primer lado)»).
card-part = Parte { $n } de { $total }: { $part }
card-all-done =
    { $total ->
        [one] Has terminado la parte. Responde al recordatorio con «Hecho».
       *[other] Has terminado las { $total } partes. Responde al recordatorio con «Hecho».
    }
# $clock es el tiempo que queda («0:12»), $part como en card-part.
card-paused = En pausa en { $clock }. { $part }
card-ready = Listo. { $part }
# $command es la orden `stretchd done`.
card-footer = stretchd: responde al recordatorio con «Hecho» o ejecuta { $command }.

## stretchd check

# $path es donde estaría el archivo de configuración.
check-built-in = configuración predeterminada integrada (no hay ningún archivo en { $path })
# $source es el archivo de configuración (o check-built-in).
check-ok =
    { $source }: correcto ({ $count ->
        [one] { $count } recordatorio
       *[other] { $count } recordatorios
    })
# $warning es lo que encontró la comprobación de la configuración (en inglés, con las claves de la configuración).
check-warning = advertencia: { $warning }
check-never-fires = el recordatorio «{ $id }» nunca se activa: su hora nunca cae dentro de los días y horas de trabajo de [schedule]; cambia su línea cron, o work_days y work_hours
check-nothing = No se activará nada: ningún recordatorio cae dentro del horario de trabajo.
check-nothing-from = No se activará nada después de { $from }.
# $from es una fecha y hora (when-day-date-time en daemon.ftl).
check-next = Próximos recordatorios ({ $count }) a partir de { $from }, si sigues en el escritorio:

## stretchd stretches, stretchd stretches show ID, stretchd stretches safety

stretches-heading = Estiramientos (`stretchd stretches show ID` muestra los pasos):
# $reason es el motivo (aside-reason-hurt, o las palabras del usuario), $when una fecha y hora.
stretches-set-aside = [apartado: { $reason }, { $when }; `stretchd stretches restore { $id }` lo recupera]
stretches-not-in-program = [fuera del programa: necesita otra posición u otro equipamiento]
stretches-sessions-only = [solo en sesiones: no es un estiramiento de escritorio]
stretches-postures = Revisiones de postura:
stretches-safety-hint = `stretchd stretches safety` muestra el aviso de seguridad.
stretches-unknown = ningún estiramiento ni revisión de postura tiene el id «{ $id }»; `stretchd stretches` los muestra
# $position es un position-* y $equipment una lista de equipment-* (catalog.ftl), o show-no-equipment.
show-facts = Posición: { $position }   Equipamiento: { $equipment }
show-no-equipment = ninguno
# $area es un area-* (catalog.ftl).
show-works = Trabaja: { $area }

## stretchd stats, stretchd history

# $grow es cuántas respuestas «Hecho» seguidas alargan un tiempo de mantenimiento.
stats-holds-heading = Tiempos de mantenimiento actuales (aumentan tras { $grow } respuestas «Hecho»; `stretchd done --easy`/`--hard` los ajustan):
# $range es una duración (span-* en daemon.ftl).
stats-hold-line = { $secs } s (rango { $range }; { $done } de { $grow } «Hecho» para el siguiente nivel)
history-unreadable = no se puede leer el historial { $path }: { $error } (conviértelo en un archivo normal legible, o muévelo a otro sitio para empezar uno nuevo)

## stretchd status, status --follow, next: el estado del daemon. Los títulos de los recordatorios
## vienen del daemon, en su idioma.

# $path es el socket del daemon.
remote-not-running = stretchd no se está ejecutando (nada responde en { $path }); inícialo con `systemctl --user start stretchd` o `stretchd run`
kind-posture = postura
kind-stretch = estiramiento
kind-session = sesión
# El texto corto de una barra de estado (status --follow). $kind es kind-*, $countdown un countdown-*.
bar-paused = en pausa
bar-paused-until = en pausa (fin { $countdown })
bar-held = retenido
bar-now = { $kind } ahora
bar-next = { $kind } { $countdown }
bar-idle = inactivo
countdown-now = ahora
countdown-minutes = en { $minutes } min
countdown-hours = en { $hours } h { $minutes } min
# $version es la versión de stretchd, $since un día y una hora (when-day-time en daemon.ftl).
status-running = stretchd { $version } en ejecución desde { $since } (pid { $pid })
# Las etiquetas de las líneas de `stretchd status`: los valores se alinean tras la más larga.
status-config = Configuración:
status-paused = En pausa:
status-held = Retenido:
status-snoozed = Pospuesto:
status-waiting = Pendiente:
status-filed = Guardado:
status-next = Próximo:
status-week = Esta semana:
status-idle = Inactividad:
# $error es el mensaje de la propia configuración (en inglés).
status-config-error = Error de configuración (sigue vigente la configuración anterior): { $error }
status-paused-until = hasta { $time } ({ $countdown })
status-paused-until-resume = hasta `stretchd resume`
# Por qué se retienen los recordatorios; $time es una hora (14:30).
held-idle = lejos del teclado desde las { $time }
held-locked = pantalla bloqueada desde las { $time }
held-asleep = en suspensión desde las { $time }
held-dnd = el servidor de notificaciones está en modo No molestar
held-fullscreen = una ventana a pantalla completa tiene el foco
held-grace = acaba de terminar una retención; los recordatorios retenidos esperan hasta las { $time }
# Cuándo se muestra el recordatorio retenido; $grace es una duración como 30s.
held-shows-back = se muestra cuando vuelvas (tras una pausa natural, el intervalo vuelve a empezar)
held-shows-dnd = se muestra cuando termine el modo No molestar
held-shows-dnd-grace = se muestra { $grace } después de que termine el modo No molestar
held-shows-fullscreen = se muestra cuando la ventana a pantalla completa pierda el foco
held-shows-fullscreen-grace = se muestra { $grace } después de que la ventana a pantalla completa pierda el foco
held-shows-at = se muestra el { $time }
# $reminder es el id del recordatorio.
status-snoozed-until = «{ $reminder }» hasta { $time } (veces seguidas: { $count })
status-waiting-answer = { $title } (responde con `stretchd done` o `stretchd skip`)
status-filed-held = { $title } (enviado durante el modo No molestar, así que el servidor lo guarda sin mostrarlo; responde con `stretchd done` o `stretchd skip`)
status-due-since = pendiente desde { $time }
status-due = previsto para { $time }
# $due es status-due o status-due-since, $shows un held-shows-*.
status-next-held = retenido: { $reminder }  { $title } ({ $due }), { $shows }
status-next-none = nada programado
status-week-sessions =
    { $done } de { $goal ->
        [one] { $goal } sesión de estiramientos
       *[other] { $goal } sesiones de estiramientos
    }
next-nothing = Nada programado (en pausa indefinida, o ningún recordatorio cae dentro del horario de trabajo).

## stretchd stats y stretchd history: qué pasó con los recordatorios.

# $first y $last son días (when-day-month en daemon.ftl).
stats-week = Esta semana (del { $first } al { $last }): sesiones de estiramientos, estiramientos de escritorio, revisiones de postura
# Tras la barra de un día y su número de sesiones: $desk estiramientos de escritorio, $posture revisiones de postura.
stats-day = escritorio { $desk }   postura { $posture }
stats-today = <- hoy
stats-goal =
    Objetivo: { $done }/{ $goal ->
        [one] { $goal } sesión de estiramientos
       *[other] { $goal } sesiones de estiramientos
    } esta semana
stats-goal-met =
    Objetivo: { $done }/{ $goal ->
        [one] { $goal } sesión de estiramientos
       *[other] { $goal } sesiones de estiramientos
    } esta semana (cumplido)
stats-streak =
    Racha: { $weeks ->
        [one] { $weeks } semana
       *[other] { $weeks } semanas
    }
# $weeks es cuántas semanas seguidas, $goal el objetivo que proponer (uno más).
stats-suggest = Has cumplido el objetivo { $weeks }+ semanas seguidas: ¿te animas con una sesión más por semana? Pon [goal] sessions_per_week = { $goal } en la configuración.
stats-no-desk-stretches = Todavía no has hecho ningún estiramiento de escritorio.
# $date es una fecha (2026-11-24).
stats-desk-since = Estiramientos de escritorio desde el { $date }:
stats-desk = Estiramientos de escritorio:
# Uno de los totales: «hecho (3)»; $outcome es un outcome-* (daemon.ftl).
stats-total = { $outcome } ({ $count })
# $totals: el stats-total de cada resultado, unidos con list-separator (daemon.ftl).
stats-all = Todos los recordatorios: { $totals }
history-empty = No hay entradas en el historial.

## stretchd guide: lo que registra al terminar.

# $item es el id del estiramiento, $path el archivo del historial.
guide-recorded-in = «{ $item }» registrado como hecho en { $path }.
guide-recorded-alone = «{ $item }» registrado como hecho en { $path } (no hay ningún daemon en ejecución).
# $note es una cláusula (reply-hold-* en daemon.ftl).
guide-recorded-in-note = «{ $item }» registrado como hecho en { $path }; { $note }.
guide-recorded-alone-note = «{ $item }» registrado como hecho en { $path } (no hay ningún daemon en ejecución); { $note }.
guide-session-none-fits = ningún estiramiento se ajusta a las posiciones y el equipamiento de la configuración (o todos los que se ajustan están apartados), así que la sesión está vacía; permite otra posición en [stretches] positions, o usa `stretchd stretches restore ID`
# $ids: los ids apartados.
guide-session-all-aside = todos los estiramientos de la sesión están apartados ({ $ids }), así que la sesión está vacía; `stretchd stretches restore ID` recupera uno
guide-not-recorded = No registrado: ejecútalo sin --no-wait para cronometrarlo y registrarlo.
guide-done = Terminado.
guide-stopped = Detenido; no se ha registrado como hecho.
# Tras una parte cronometrada («Mantén 30 s ... hecho»); un calentamiento interrumpido con Intro queda «omitido».
guide-part-done = hecho
guide-part-skipped = omitido
guide-warm-up-skipped = Calentamiento omitido: ya has calentado.
guide-secs-left = tiempo restante: { $secs } s
# Las preguntas tras un estiramiento. La guía lee las letras entre corchetes tal cual (y, n; e,
# o, h): se conservan.
guide-ask-hurt = ¿Te ha dolido? (y = sí, n = no) [y/N]
# $stretches: «1 Gato-camello, 2 Torsión sentada».
guide-ask-which-hurt = ¿Te ha dolido alguno? Escribe su número ({ $stretches }), o pulsa Intro si ninguno:
guide-ask-next-time = La próxima vez, ¿[e] más fácil (mantenimientos más cortos), [o] igual que ahora o [h] más difícil (mantenimientos más largos)? [O]
guide-ask-again = Responde con una de las letras entre corchetes.

## Cómo eligen el estiramiento stretchd guide y stretchd card. $command es guide o card, $id lo
## que se pidió, $known los ids de los estiramientos.

choice-a-posture = «{ $id }» es una revisión de postura; `stretchd { $command }` admite estiramientos (conocidos: { $known })
choice-unknown = ningún estiramiento tiene el id «{ $id }» (conocidos: { $known }); `stretchd stretches` los muestra
choice-daemon-suggests = (El estiramiento que sugiere el daemon; `stretchd { $command } ID` elige otro.)
choice-next-in-rotation = (El siguiente de la rotación; `stretchd { $command } ID` elige otro.)
choice-all-set-aside = no hay ningún estiramiento que sugerir: todos están apartados (`stretchd stretches` los muestra); recupera uno con `stretchd stretches restore ID`, o indica uno: `stretchd { $command } ID`

## stretchd card: cuando el navegador no se abre. $path es el archivo de la ficha, $opener xdg-open.

card-no-opener = la ficha se ha guardado en { $path }, pero no se puede abrir: { $opener } no está instalado (Debian: `apt install xdg-utils`); abre el archivo en un navegador o usa `stretchd card --print`
card-opener-does-not-start = la ficha se ha guardado en { $path }, pero { $opener } no se inicia: { $error }
card-opener-failed = la ficha se ha guardado en { $path }, pero { $opener } falló ({ $status }): ¿no hay un programa predeterminado para archivos HTML? Configura uno con `xdg-settings set default-web-browser firefox.desktop` (o el tuyo), o abre el archivo en un navegador

## stretchd install y uninstall: un paso por línea. $what es un archivo o una línea de órdenes.

install-wrote = escrito: { $what }
install-would-write = se escribiría: { $what }
install-kept = conservado (ya existía): { $what }
install-would-keep = se conservaría (ya existe): { $what }
install-unchanged = sin cambios: { $what }
install-would-leave-unchanged = se dejaría sin cambios: { $what }
install-removed = eliminado: { $what }
install-would-remove = se eliminaría: { $what }
install-left = dejado en su sitio: { $what }
install-would-leave = se dejaría en su sitio: { $what }
install-ran = ejecutado: { $what }
install-would-run = se ejecutaría: { $what }
# Un paso con un consejo: $step es una de las líneas anteriores, $hint un install-hint-* o uninstall-hint-*.
install-hint = { $step } ({ $hint })
install-hint-config = tu configuración: edítala; el daemon la recarga al guardarla
# $dir es una carpeta.
install-hint-zsh = zsh: añade { $dir } a fpath antes de compinit si no está
install-hint-man = si `man stretchd` no la encuentra, añade { $dir } a MANPATH
install-hint-systemd-now = systemd inicia stretchd ahora
install-hint-autostart = el escritorio ejecuta `stretchd run` en cada inicio de sesión; inícialo ahora con `stretchd run &`
# $why es lo que dijo systemctl (en inglés).
install-no-systemd = no responde ningún gestor de usuario de systemd ({ $why }): se usa en su lugar una entrada de inicio automático XDG
uninstall-no-systemd = no responde ningún gestor de usuario de systemd ({ $why }): se elimina la unidad sin detenerla
uninstall-hint-autostart = un `stretchd run` iniciado por ella sigue en marcha hasta que cierres la sesión
uninstall-hint-not-ours = no lo escribió `stretchd install`
uninstall-hint-config = tu configuración; bórrala tú si ya no la quieres
uninstall-hint-history = tu historial; este y el estado del daemon están en { $dir }
uninstall-hint-pictures = las imágenes de los estiramientos que escribe `stretchd run`, y las tuyas propias

## stretchd config set y config edit. $path es el archivo de configuración, $pid el proceso del daemon.

# $key es una clave de la configuración y $value su valor, tal como se escribieron.
config-set-already = { $path }: { $key } ya es { $value }; no se ha escrito nada
config-edit-no-changes-default = { $path }: sin cambios, así que no se ha escrito ningún archivo (se sigue usando la configuración predeterminada integrada)
config-edit-no-changes = { $path }: sin cambios
config-edit-saved = { $path }: guardado
config-edit-invalid = { $path } sigue como estaba: lo editado no es una configuración válida (corrígelo con `stretchd config edit` en una terminal, que ofrece volver a editar)
# $copy es la copia editada, que se conserva.
config-edit-changed-meanwhile = { $path } cambió mientras se editaba, así que se deja como está; tu versión es { $copy } (combina las dos a mano, o vuelve a ejecutar `stretchd config edit`)
# El editor se vuelve a abrir con «sí»: las letras siguen siendo y y n.
config-edit-again = ¿Editar de nuevo? (y = sí, n = no) [Y/n]
config-daemon-uses = El daemon en ejecución (pid { $pid }) usa { $path }, no este archivo.
config-daemon-reloads = El daemon en ejecución (pid { $pid }) lo recarga por sí solo.
# $answer es lo que respondió el daemon.
config-daemon-told = Se ha pedido al daemon en ejecución (pid { $pid }) que recargue: { $answer }.
config-daemon-refused = el daemon en ejecución (pid { $pid }) no ha recargado: { $answer }

## Varios equipos ([sync]): status, stats y history.

status-lull = Previsto:
# $time es cuándo se muestra de todos modos (un día y una hora).
status-lull-wait = esperando una pausa al teclear, como máximo hasta el { $time }
status-sync = Sincronización:
# Este equipo: la carpeta, su nombre de host y los primeros caracteres de su id de máquina.
status-sync-this = { $dir } como { $hostname } (equipo { $machine })
status-sync-alone = Ningún otro equipo ha escrito todavía en la carpeta.
# Otro equipo de la carpeta; $when es status-sync-ahead, -just-now o -ago.
status-sync-machine = { $hostname } (equipo { $machine }) escribió por última vez: { $when }
status-sync-ahead = { $time }, adelantado { $minutes } min respecto a este reloj
status-sync-ahead-days =
    { $time }, adelantado { $days ->
        [one] 1 día
       *[other] { $days } días
    } respecto a este reloj
status-sync-just-now = { $time }, hace un momento
# $ago es un ago-*.
status-sync-ago = { $time }, { $ago }
status-sync-problem = Problema de sincronización: { $problem }
ago-minutes = hace { $minutes } min
ago-hours = hace { $hours } h { $minutes } min
ago-days =
    { $days ->
        [one] hace 1 día
       *[other] hace { $days } días
    }
# $machines: los nombres de host, unidos con list-separator (daemon.ftl).
stats-machines =
    { $count ->
        [one] Contado en 1 equipo de la carpeta de sincronización: { $machines }.
       *[other] Contado en { $count } equipos de la carpeta de sincronización: { $machines }.
    }
stats-this-machine = { $name } (este equipo)
history-config-unusable = { $error }; se muestra solo el historial de este equipo
sync-folder-unreadable = no se puede leer la carpeta de sincronización { $path }: { $error }; solo se cuentan las respuestas de este equipo
sync-history-unreadable = no se puede leer { $path }: { $error }; se omiten las respuestas de { $hostname }
# Un equipo cuyo resumen no se puede leer, nombrado por los primeros caracteres de su id.
sync-machine-unnamed = equipo { $machine }

## Llamadas (`stretchd status`).

# $capture es un capture-* (daemon.ftl), $app el nombre del programa.
held-call = { $capture } ({ $app }) desde las { $time }
held-shows-call = se muestra cuando termine la llamada (se comprueba una vez por minuto)
held-shows-call-grace = se muestra { $grace } después de que termine la llamada (se comprueba una vez por minuto)

## Las respuestas que se escriben a las preguntas de la guía y de `config edit`: las palabras que
## valen como sí y no, separadas por comas, además de las letras inglesas de las preguntas ([y/N]).

answer-yes = y, yes, s, sí, si
answer-no = n, no

# $path es una carpeta.
card-not-a-folder = { $path } no es una carpeta, así que no se puede escribir ahí la ficha; muévelo a otro sitio y vuelve a ejecutar la orden
card-cannot-create = no se puede crear { $path } para la ficha
card-cannot-write = no se puede escribir la ficha en { $path }

## Lo que dicen la guía y `stretchd hurt` cuando el daemon no acepta lo que registran. $item es
## el id del estiramiento, $why lo que falló (la respuesta del daemon o un error del sistema).

record-refused = el daemon no lo registró: { $why }
record-not-recorded = «{ $item }» no se registró: { $why }
record-unconfirmed-other = el daemon no confirmó que registrara «{ $item }» (respondió otra cosa); puede que aún lo registre: compruébalo con `stretchd history`
record-unconfirmed = el daemon no confirmó que registrara «{ $item }» ({ $why }); puede que aún lo registre: compruébalo con `stretchd history`
# $problem es uno de los anteriores.
record-directly = { $problem }; se escribe el historial directamente
record-not-set-aside = «{ $item }» no se apartó: { $why }
record-aside-unconfirmed = el daemon no confirmó que apartara «{ $item }» (respondió otra cosa); compruébalo con `stretchd stretches`

## Valores rechazados en la línea de órdenes. $given es lo que se escribió.

arg-not-rfc3339 = «{ $given }» no es una hora en formato RFC 3339 de los años 1970 a 9999, p. ej. 2026-11-24T09:00:00+01:00
arg-not-hhmm = «{ $given }» no es una hora; usa HH:MM, p. ej. 14:30
arg-not-date = «{ $given }» no es una fecha; usa AAAA-MM-DD o RFC 3339
# $error dice qué falla en la duración (en inglés, con la notación de la configuración: 1h, 30m).
arg-pause = { $error } (`stretchd pause` sin indicar un tiempo pausa hasta `stretchd resume`)
