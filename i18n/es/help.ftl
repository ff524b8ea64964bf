# stretchd: --help, en español (el original en inglés se genera a partir de los comentarios de
# documentación de src/cli/mod.rs). help-ORDEN es lo que hace una suborden, help-ORDEN--ARG lo
# que significa una opción o un argumento. Los nombres de opciones (--config) y los valores se
# escriben tal cual.

help = Un pequeño daemon de usuario para Linux que recuerda a quienes trabajan en un escritorio revisar su postura y hacer un estiramiento de la zona dorsal
help-after =
    La configuración está en $XDG_CONFIG_HOME/stretchd/config.toml (normalmente ~/.config/stretchd/config.toml); si no existe, se usa el horario predeterminado integrado. `stretchd config edit` y `stretchd config set KEY VALUE` la modifican, y se comprueba antes de guardarla.
    Para empezar: `stretchd check` muestra qué haría el horario y `stretchd now` muestra un recordatorio.
    Estado de salida: 0 si todo va bien, 1 si hay un error, 3 si el daemon no se está ejecutando.
help--json = Muestra JSON en lugar de texto (un objeto; `status --follow` muestra uno por línea)

help-run = Ejecuta el daemon: muestra recordatorios hasta que se detiene (SIGHUP o guardar la configuración hace que la recargue)
help-run--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-check = Valida la configuración y muestra los próximos recordatorios que lanzaría
help-check--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`
help-check--from = Empieza en esta hora en lugar de ahora (RFC 3339, p. ej. 2026-11-24T09:00:00+01:00; años de 1970 a 9999)
help-check--count = Cuántos recordatorios mostrar (de 1 a 1000)

help-stretches = Lista los estiramientos y las revisiones de postura, o muestra uno completo
help-stretches--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-stretches-show = Muestra completo un estiramiento o una revisión de postura
help-stretches-show--id = Su id, tal como aparece en `stretchd stretches`

help-stretches-restore = Devuelve a la rotación un estiramiento apartado (`stretchd hurt`)
help-stretches-restore--id = Su id, tal como aparece en `stretchd stretches`

help-stretches-safety = Muestra el aviso de seguridad

help-status = Muestra qué está haciendo el daemon: próximo recordatorio, pausa, posposición, progreso de esta semana
help-status--follow = Sigue mostrando: una línea ahora, otra con cada cambio y una por minuto (para barras de estado)

help-next = Lista los próximos recordatorios, teniendo en cuenta posposiciones y pausas
help-next--count = Cuántos (de 1 a 1000)

help-snooze = Pospone el recordatorio que está en pantalla o, si no hay ninguno, el siguiente
help-snooze--duration = Durante cuánto tiempo, como máximo un día, p. ej. 10m (predeterminado: snooze.length de la configuración)

help-pause = Pausa todos los recordatorios: durante un tiempo, hasta una hora, hasta mañana o hasta `resume`
help-pause--duration = Durante cuánto tiempo, como máximo un año, p. ej. 1h o 30m; sin ninguna opción, hasta `stretchd resume`
help-pause--until = Hasta esta hora local (hoy, o mañana si ya ha pasado), p. ej. 14:30
help-pause--until_tomorrow = Hasta medianoche

help-resume = Termina una pausa

help-skip = Responde al último recordatorio con «Omitir» (para servidores que no dibujan botones)

help-done = Responde al último recordatorio con «Hecho» (para servidores que no dibujan botones); --easy o --hard acortan o alargan un paso los tiempos de mantenimiento del estiramiento la próxima vez
help-done--easy = Fue demasiado: los tiempos de mantenimiento de un estiramiento se acortan un paso (5 s) la próxima vez
help-done--hard = Fue poco: los tiempos de mantenimiento de un estiramiento se alargan un paso (5 s) la próxima vez, incluso por encima del máximo de su rango (15 s como mucho)

help-hurt = El estiramiento causó dolor: detente; se registra, se aparta (fuera de la rotación hasta `stretchd stretches restore ID`) y se propone otro para la misma zona
help-hurt--id = El estiramiento (predeterminado: el recordatorio de estiramiento en pantalla o, si no hay ninguno, el último hecho)
help-hurt--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-now = Muestra un recordatorio ahora mismo: este, o el siguiente previsto
help-now--id = Un id de recordatorio de la configuración

help-reload = Hace que el daemon vuelva a leer su configuración

help-history = Lista los recordatorios pasados y sus respuestas; con una carpeta [sync], los de todos los equipos, cada uno con el nombre de su equipo
help-history--since = Solo las entradas a partir de este día (AAAA-MM-DD, hora local) o de esta hora (RFC 3339)
help-history--here = Solo las entradas de este equipo, no las de los demás equipos de la carpeta [sync]
help-history--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-stats = Esta semana día a día, el objetivo semanal, la racha de semanas que lo cumplieron y recuentos por estiramiento; con una carpeta [sync], sobre las respuestas de todos los equipos
help-stats--here = Solo las respuestas y los niveles de este equipo, no los de los demás equipos de la carpeta [sync]
help-stats--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-install = Instala para este usuario: la unidad de usuario de systemd (o una entrada de inicio automático), la configuración predeterminada, la entrada de escritorio, el icono, el autocompletado y la página de manual; después lo inicia en cada inicio de sesión
help-install--dry_run = Muestra lo que se haría, sin cambiar nada

help-uninstall = Detiene y elimina lo que escribió `install`; la configuración y el historial se conservan
help-uninstall--dry_run = Muestra lo que se haría, sin cambiar nada

help-completions = Escribe el script de autocompletado de la shell (bash, zsh o fish) en la salida estándar
help-completions--shell = La shell

help-man = Escribe la página de manual (roff) en la salida estándar

help-guide = Te guía por un estiramiento en la terminal, con un temporizador para cada mantenimiento o pausa; al terminarlo se registra «Hecho» (Ctrl-C lo detiene y no registra nada)
help-guide--id = El estiramiento, tal como aparece en `stretchd stretches` (predeterminado: el que el daemon sugeriría a continuación)
help-guide--session = Una sesión de estiramientos completa en lugar de un solo estiramiento: un calentamiento y luego cada estiramiento que se ajuste a las posiciones y el equipamiento de la configuración, en orden; al terminarla se registra una sesión
help-guide--no_warmup = Empieza la sesión sin su calentamiento, si ya has calentado (durante el calentamiento, Intro omite el resto)
help-guide--no_wait = Muestra toda la rutina de una vez, sin temporizadores, y no registra nada
help-guide--hold = Cronometra cada mantenimiento con este número de segundos en lugar del nivel del estiramiento (en un estiramiento dinámico, cada pausa en una posición; en un estiramiento por tiempo, como el rodillo de espuma, su duración total)
help-guide--reps = Haz este número de mantenimientos (por cada lado), o de ciclos de un estiramiento dinámico, en lugar de los propios del estiramiento
help-guide--safety = Muestra el aviso de seguridad antes de la rutina, aunque ya se haya visto
help-guide--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-card = Abre la ficha de un estiramiento en el navegador: la imagen a tamaño completo, cada paso, un temporizador para los mantenimientos y los lados, y el aviso de seguridad (lo que abre un clic en un recordatorio de estiramiento)
help-card--id = El estiramiento, tal como aparece en `stretchd stretches` (predeterminado: el recordatorio de estiramiento en pantalla o, si no hay ninguno, el próximo estiramiento previsto, como en `stretchd guide`)
help-card--print = Solo escribe la ficha (`$XDG_DATA_HOME/stretchd/cards/ID.html`) y muestra su ruta; no la abre
help-card--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config = Dónde está el archivo de configuración, uno de sus valores o el archivo completo en un editor; cada cambio se valida antes de guardarse, así que el daemon nunca lee un archivo roto

help-config-path = Muestra la ruta del archivo de configuración, exista o no (con --json: {"{"}path, exists{"}"})
help-config-path--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-get = Muestra un valor, p. ej. `snooze.length` o `reminder.stretch.every` (el recordatorio cuyo id es «stretch»); una clave que el archivo omite muestra su valor predeterminado
help-config-get--key = Una clave con puntos
help-config-get--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-set = Cambia un valor en su sitio, conservando los comentarios y el formato, p. ej. `set snooze.length 15m`; no se escribe nada si la configuración completa deja de ser válida. Crea el archivo a partir de la configuración predeterminada si no existe
help-config-set--key = Una clave con puntos
help-config-set--value = Un valor TOML (un número, true o false, un array, una cadena entre comillas) o, si no, texto: 40m se toma como la cadena "40m". Puede empezar por '-' (un número negativo lo rechaza la validación, indicando el límite, no el analizador de argumentos)
help-config-set--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-edit = Edita una copia en $VISUAL o $EDITOR (si no, `editor`, y si no, vi), partiendo de la configuración predeterminada si no existe; la copia se coloca en su sitio solo cuando es válida
help-config-edit--config = Archivo de configuración que usar en lugar de `$XDG_CONFIG_HOME/stretchd/config.toml`
