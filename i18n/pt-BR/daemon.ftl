# stretchd: o que o daemon diz (notificações, menu da bandeja, respostas à linha de comando) e os
# títulos e doses que a linha de comando também mostra. Tradução para português do Brasil; veja
# TRANSLATING.md. { $name } e os outros marcadores são preenchidos pelo programa: mantenha cada
# um, movendo-o para onde a frase precisar.

## Listas e durações.

# Entre os itens de uma lista: "Gato-camelo, Torção sentada".
list-separator = {", "}
span-secs = { $min } s
span-secs-range = { $min }-{ $max } s
span-mins = { $min } min
span-mins-range = { $min }-{ $max } min
# $minutes é no mínimo 1.
about-minutes = cerca de { $minutes } min

## Quanto fazer de um alongamento. $hold e $length são durações (span-*).

dose-brief-hold = { $hold }
dose-brief-hold-sides = { $hold } por lado
dose-brief-flow =
    { $rounds ->
        [one] { $rounds } ciclo lento
       *[other] { $rounds } ciclos lentos
    }
dose-hold =
    Mantenha por { $hold }, { $reps ->
        [1] uma vez
       *[other] { $reps } vezes
    }.
dose-hold-sides =
    Mantenha por { $hold }, { $reps ->
        [1] uma vez
       *[other] { $reps } vezes
    } de cada lado.
# $first e $second são as duas posições do movimento (stretch-*-shape-* em catalog.ftl).
dose-flow =
    { $rounds ->
        [one] { $rounds } ciclo lento
       *[other] { $rounds } ciclos lentos
    } entre a posição de { $first } e a de { $second }, com pausa de { $pause } s em cada uma.
dose-duration = Continue por { $length }; aqui não há posição para manter.

## Títulos dos lembretes (o título da notificação e as listas da linha de comando).

# $dose é dose-brief-*.
title-stretch = Alongamento: { $name }, { $dose }
title-posture = Confira a postura: { $name }
# $about é about-minutes.
title-session =
    Sessão de alongamentos: aquecimento e { $count ->
        [one] { $count } alongamento
       *[other] { $count } alongamentos
    }, { $about }

## Notificações: os botões e as linhas do corpo (no máximo duas, 200 caracteres ao todo).

action-done = Feito
action-snooze = Adiar
action-skip = Pular
# A segunda linha de um lembrete de alongamento: onde está o resto (um clique abre o cartão no
# navegador ou, com [notify] on_click = "guide", o guia em um terminal); "-safety" na primeira
# vez, até que o aviso de segurança tenha sido visto.
cue-card = Clique (ou execute `stretchd card`) para ver todos os passos, a imagem e um cronômetro.
cue-card-safety = Na 1ª vez: clique (ou execute `stretchd card`) para o aviso de segurança, os passos e um cronômetro.
cue-guide = Clique para seguir o guia em um terminal, ou execute `stretchd card`.
cue-guide-safety = Na 1ª vez: clique para abrir o guia em um terminal, com o aviso de segurança.
# $stretches: os nomes, unidos com list-separator.
session-body = Aqueça-se antes; depois: { $stretches }.
session-done = "Feito" inicia a sessão guiada em um terminal.
session-done-safety = "Feito" inicia a sessão guiada em um terminal, após o aviso de segurança.
config-error-title = stretchd: configuração não recarregada
config-error-body = As configurações anteriores continuam valendo até que o arquivo seja corrigido.

## Datas e horas: $day é um weekday-*, $date a data (2026-11-24), $time a hora
## (14:30, ou 14:30:05, ou 14:30 CET com o fuso horário).

weekday-mon = seg
weekday-tue = ter
weekday-wed = qua
weekday-thu = qui
weekday-fri = sex
weekday-sat = sáb
weekday-sun = dom
when-day-time = { $day } { $time }
when-day-date-time = { $day } { $date } { $time }

## stretchd hurt: o que o daemon (ou a linha de comando, quando nenhum daemon está rodando) diz.
## $name é o nome do alongamento, $id o seu id; $area e $nearest são area-* (catalog.ftl).

aside-reason-hurt = doeu
hurt-stop =
    Interrompa "{ $name }" agora. Ele foi deixado de lado: o stretchd não vai sugeri-lo de novo (`stretchd stretches restore { $id }` o traz de volta).
    Se a dor persistir, procure um profissional de saúde (um médico ou um fisioterapeuta).
hurt-instead-same-area = Em vez disso, experimente "{ $name }" (`stretchd guide { $id }`): ele trabalha a mesma região, { $area }.
hurt-instead-nearest = Em vez disso, experimente "{ $name }" (`stretchd guide { $id }`): nenhum outro alongamento para { $area } se encaixa nas suas posições e equipamentos, e ele trabalha a região mais próxima, { $nearest }.
hurt-instead-nearest-aside = Em vez disso, experimente "{ $name }" (`stretchd guide { $id }`): nenhum outro alongamento para { $area } se encaixa nas suas posições e equipamentos sem ter sido deixado de lado, e ele trabalha a região mais próxima, { $nearest }.
hurt-all-aside = Todos os outros alongamentos que se encaixam nas suas posições e equipamentos também foram deixados de lado; `stretchd stretches` os lista, e `stretchd stretches restore ID` traz um de volta.
hurt-none-fits = Nenhum outro alongamento se encaixa nas suas posições e equipamentos; permita outra posição ou adicione equipamentos em [stretches] na configuração (`stretchd config edit`) para ter um.
month-jan = jan
month-feb = fev
month-mar = mar
month-apr = abr
month-may = mai
month-jun = jun
month-jul = jul
month-aug = ago
month-sep = set
month-oct = out
month-nov = nov
month-dec = dez
# $dom é o dia do mês (24), $month um month-*.
when-day-month = { $day } { $dom } { $month }
when-day-dom = { $day } { $dom }

## O ícone da bandeja: o menu (além de action-done, -snooze, -skip) e a dica, uma linha
## cada. $time é uma hora do dia (14:30, ou "ter 14:30" para outro dia), $title o título de
## um lembrete.

tray-pause-hour = Pausar por 1 hora
tray-pause-tomorrow = Pausar até amanhã
tray-resume = Retomar
tray-session = Iniciar uma sessão de alongamentos
tray-config = Abrir a configuração
# $error é a própria mensagem da configuração (em inglês).
tray-config-error = Erro na configuração: { $error }
tray-now = Agora: { $title }
tray-paused-until = Pausado até { $time }
tray-paused = Pausado até ser retomado
# $why é um tray-held-*.
tray-held = Em espera: { $why }
tray-held-idle = ausente desde { $time }
tray-held-locked = tela bloqueada desde { $time }
tray-held-asleep = em suspensão desde { $time }
tray-held-dnd = não perturbe
tray-held-fullscreen = uma janela em tela cheia
tray-held-grace = até { $time }
tray-snoozed = Adiado até { $time }
# $grace é um número de segundos.
tray-held-next = Em espera: { $title } (previsto para { $time }), aparece { $grace } s depois que a espera terminar
tray-next = Próximo: { $title } ({ $time })
tray-next-none = Próximo: nada agendado
tray-week =
    Esta semana: { $done } de { $goal ->
        [one] { $goal } sessão de alongamentos
       *[other] { $goal } sessões de alongamentos
    }

## O que aconteceu com um lembrete (stretchd history, stats e as respostas do daemon).

outcome-done = feito
outcome-snoozed = adiado
outcome-skipped = pulado
outcome-dismissed = descartado
outcome-expired = expirado
outcome-hurt = doeu

## As respostas do daemon à linha de comando (stretchd snooze, pause, done, now, ...). $reminder
## é o id de um lembrete, $item o id de um alongamento, $title o título de um lembrete; $error é
## a própria mensagem do sistema ou da configuração (em inglês).

reply-notice-read = o aviso de segurança conta como lido
# $time é um dia e hora (when-day-time).
reply-snoozed-next = o próximo lembrete, "{ $reminder }", foi adiado até { $time }
# $time é uma hora do dia (14:30:05).
reply-snoozed = "{ $reminder }" adiado até { $time }
# $time é uma data e hora (when-day-date-time).
reply-paused-until = pausado até { $time }
reply-paused = pausado até `stretchd resume`
reply-not-paused = não está pausado; nada a retomar
reply-resumed = retomado
reply-session-started = "{ $reminder }" iniciado: a sessão guiada abre em um terminal e registra a sessão quando você terminá-la
# $why é por que nenhum terminal abriu (em inglês).
reply-session-not-started = "{ $reminder }" não iniciado: { $why }; ou execute `stretchd guide --session` aqui, que registra a sessão quando você terminá-la
reply-session-no-level = --easy e --hard valem para um único alongamento sustentado sem movimento, não para uma sessão: o nível de cada um muda com `stretchd guide ID`
reply-done = feito: "{ $reminder }"
reply-skipped = pulado: "{ $reminder }"
reply-no-level = --easy e --hard não fazem nada aqui: "{ $item }" não tem sustentação para encurtar ou prolongar
reply-no-level-posture = --easy e --hard não fazem nada aqui: uma verificação de postura não tem sustentação
# Uma oração acrescentada a uma resposta (reply-and); $was e $now são números de segundos.
reply-hold-next = da próxima vez, mantenha por { $now } s (antes: { $was } s)
reply-hold-shortest = a sustentação continua em { $now } s, a mais curta possível
reply-hold-longest = a sustentação continua em { $now } s, a mais longa possível
# Como uma resposta recebe uma oração ($note: um reply-hold-*) e uma observação entre parênteses
# ($note: um reply-no-level*, reply-session-no-level ou reply-not-in-history-aside).
reply-and = { $answer }; { $note }
reply-aside = { $answer } ({ $note })
# $done sessões nesta semana, da meta de $goal.
reply-recorded =
    "{ $item }" registrado como feito; esta semana: { $done } de { $goal ->
        [one] { $goal } sessão de alongamentos
       *[other] { $goal } sessões de alongamentos
    }
reply-recorded-on-screen =
    "{ $item }" registrado como feito (isso responde ao lembrete na tela); esta semana: { $done } de { $goal ->
        [one] { $goal } sessão de alongamentos
       *[other] { $goal } sessões de alongamentos
    }
reply-recorded-session =
    sessão de alongamentos registrada; esta semana: { $done } de { $goal ->
        [one] { $goal } sessão de alongamentos
       *[other] { $goal } sessões de alongamentos
    }
reply-recorded-session-on-screen =
    sessão de alongamentos registrada (isso responde ao lembrete na tela); esta semana: { $done } de { $goal ->
        [one] { $goal } sessão de alongamentos
       *[other] { $goal } sessões de alongamentos
    }
reply-not-in-history = (Não salvo no histórico: { $error }.)
reply-not-in-history-aside = não salvo no histórico: { $error }
reply-restored = "{ $item }" restaurado: voltou ao rodízio
# $path é o arquivo de configuração.
reply-config-gone = { $path }: o arquivo de configuração sumiu; as configurações dele ficam mantidas até ele voltar
reply-config-unchanged = configuração inalterada
reply-reloaded = { $path } recarregado
reply-not-in-catalogue = "{ $item }" não está no catálogo
reply-now-showing = mostrando { $title }
reply-now-held = { $title } em espera: o servidor de notificações está no modo não perturbe, então ele guarda o lembrete sem mostrá-lo; responda com `stretchd done` ou `stretchd skip`, ou veja-o com `stretchd card`
reply-now-no-server = não mostrado: nenhum servidor de notificações está em execução (ninguém detém org.freedesktop.Notifications) (inicie um: dunst, mako ou o do seu ambiente de trabalho)
reply-now-failed = não mostrado: { $error }

## Por que o daemon recusou um pedido.

# $length e $limit são durações como 2h.
refusal-pause-too-long = uma pausa de { $length } é longa demais; o limite é { $limit } (`stretchd pause` sem um tempo pausa até `stretchd resume`)
refusal-past = esse horário já passou; informe um horário no futuro
refusal-nothing-awaits = nenhum lembrete aguarda resposta
refusal-nothing-shown = nenhum lembrete foi mostrado ainda; nada a responder
# $time é quando ele disparou (14:30), $outcome um outcome-*.
refusal-already-answered = o último lembrete ("{ $reminder }" às { $time }) já foi respondido: { $outcome }
refusal-not-saved = { $outcome }: "{ $reminder }", mas não foi salvo: { $error } (vale até o daemon reiniciar)
refusal-no-reminders = a configuração não tem lembretes
# $known: os ids de lembrete da configuração.
refusal-unknown-reminder = nenhum lembrete tem o id "{ $id }" (conhecidos: { $known })
refusal-all-set-aside = o lembrete "{ $id }" não tem nada para mostrar: todos os alongamentos que ele pode escolher foram deixados de lado; `stretchd stretches restore ID` traz um de volta (`stretchd stretches` os lista)
refusal-not-a-stretch = "{ $id }" não é um alongamento do catálogo (`stretchd stretches` os lista)
refusal-no-stretch = nenhum alongamento está na tela e nenhum foi feito ainda; indique o que doeu: `stretchd hurt ID` (`stretchd stretches` os lista)
# $ids: os ids dos alongamentos da sessão.
refusal-session-on-screen = há uma sessão de alongamentos na tela, então não se sabe qual alongamento doeu; indique-o: `stretchd hurt ID` (os da sessão: { $ids })
# $aside: os ids deixados de lado, ou refusal-none-set-aside.
refusal-not-set-aside = "{ $item }" não foi deixado de lado, então não há nada a restaurar (deixados de lado: { $aside }); `stretchd stretches` os mostra
refusal-none-set-aside = nenhum
refusal-unrecorded = não é possível registrar "{ $item }": { $error }
refusal-config-invalid = configuração não recarregada, mantendo a anterior: { $error }

## Chamadas: o que segura os lembretes enquanto o microfone ou uma câmera está em uso ou a tela é compartilhada.

capture-microphone = microfone em uso
capture-screen-cast = tela sendo compartilhada
capture-camera = câmera em uso
# Na dica da bandeja, depois de tray-held: $capture é um capture-*, $app o nome do programa.
tray-held-call = { $capture } ({ $app })

## Por que um adiamento foi recusado ($reminder: o id de um lembrete; $length e $limit: durações como 2h).

snooze-nothing = nada está agendado para adiar
snooze-off = o adiamento está desativado (snooze.max = 0); faça-o ou pule-o
snooze-limit =
    "{ $reminder }" já foi adiado { $max ->
        [one] { $max } vez seguida
       *[other] { $max } vezes seguidas
    } (snooze.max = { $max }); faça-o ou pule-o
snooze-zero = um adiamento precisa durar pelo menos 1s
snooze-too-long = um adiamento de { $length } é longo demais; o limite é { $limit }
