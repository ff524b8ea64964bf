# stretchd: a saída da própria linha de comando (stretchd check, stretches, status, next, history,
# stats, guide, card, install, config e seus erros). Tradução para português do Brasil; veja
# TRANSLATING.md. Comandos e chaves entre crases (`stretchd resume`) são digitados como estão:
# mantenha-os.

## Durações como o guia e as listas as contam.

length-secs = { $secs } s
length-mins = { $min } min
length-mins-secs = { $min } min { $secs } s

## stretchd guide: a rotina, uma linha por parte. $secs é um número de segundos.

guide-other-side = Agora o outro lado.
guide-hold = Mantenha por { $secs } s
guide-hold-rep = Mantenha por { $secs } s ({ $rep } de { $reps })
guide-hold-first = Mantenha por { $secs } s (primeiro lado)
guide-hold-first-rep = Mantenha por { $secs } s (primeiro lado, { $rep } de { $reps })
guide-hold-other = Mantenha por { $secs } s (outro lado)
guide-hold-other-rep = Mantenha por { $secs } s (outro lado, { $rep } de { $reps })
# $shape é uma das duas posições de um movimento (stretch-*-shape-* em catalog.ftl).
guide-breathe-out = Expire e vá para a posição de { $shape }, { $secs } s (ciclo { $round } de { $rounds })
guide-breathe-in = Inspire e vá para a posição de { $shape }, { $secs } s (ciclo { $round } de { $rounds })
# $length é length-*.
guide-keep = Continue por { $length }
guide-warm-up = Aquecimento: movimento leve por { $length } (pressione Enter se você já fez o aquecimento)
guide-no-warm-up = Sem o aquecimento (--no-warmup): só se você já tiver se aquecido.
# $stretches: os nomes, unidos com list-separator (daemon.ftl).
guide-session-then =
    Depois, { $count ->
        [one] um alongamento
       *[other] todos os alongamentos que se encaixam
    }: { $stretches }, nesta ordem.
# $about é about-minutes (daemon.ftl).
guide-session-timed = Duração: { $about }, com cada sustentação no nível atual.
guide-before-you-start = Antes de começar:
# $length é uma duração (span-* em daemon.ftl).
guide-no-reps = --reps não se aplica: este alongamento é cronometrado como um único alongamento de { $length } (use --hold SECONDS para mudar a duração)
# $total é length-*.
guide-timed-holds =
    Duração: { $holds ->
        [one] { $holds } sustentação
       *[other] { $holds } sustentações
    } de { $secs } s, { $total } no total.
guide-timed-holds-sides =
    Duração: { $holds ->
        [one] { $holds } sustentação
       *[other] { $holds } sustentações
    } de { $secs } s de cada lado, { $total } no total.
guide-timed-flow =
    Duração: { $rounds ->
        [one] { $rounds } ciclo
       *[other] { $rounds } ciclos
    } de { $secs } s em cada posição, { $total } no total.
guide-timed-duration = Duração: { $total } de uma só vez.

## stretchd card: a página do alongamento no navegador. É HTML: o programa escapa o texto.

card-title = { $name }: stretchd
card-steps = Passos
card-safety = Segurança
card-dose-and-timer = Dose e cronômetro
card-timed-parts = Partes cronometradas
card-start = Iniciar
card-reset = Zerar
card-pause = Pausar
card-resume = Continuar
card-start-again = Recomeçar
# O que o cronômetro diz da parte em andamento: $n é o número dela, $total quantas são,
# $part o que ela é ("Mantenha por 30 s (primeiro lado)").
card-part = Parte { $n } de { $total }: { $part }
card-all-done =
    { $total ->
        [one] A parte foi concluída. Responda ao lembrete com "Feito".
       *[other] Todas as { $total } partes foram concluídas. Responda ao lembrete com "Feito".
    }
# $clock é o tempo restante ("0:12"), $part como em card-part.
card-paused = Pausado em { $clock }. { $part }
card-ready = Pronto. { $part }
# $command é o comando `stretchd done`.
card-footer = stretchd: responda ao lembrete com "Feito" ou execute { $command }.

## stretchd check

# $path é onde o arquivo de configuração estaria.
check-built-in = padrão embutido (nenhum arquivo em { $path })
# $source é o arquivo de configuração (ou check-built-in).
check-ok =
    { $source }: OK ({ $count ->
        [one] { $count } lembrete
       *[other] { $count } lembretes
    })
# $warning é o que a verificação da configuração encontrou (em inglês, com as chaves da configuração).
check-warning = aviso: { $warning }
check-never-fires = o lembrete "{ $id }" nunca dispara: o horário dele nunca cai dentro dos dias e horas de trabalho de [schedule]; altere a linha cron dele, ou work_days e work_hours
check-nothing = Nada vai disparar: nenhum lembrete cai dentro do horário de trabalho.
check-nothing-from = Nada vai disparar depois de { $from }.
# $from é uma data e hora (when-day-date-time em daemon.ftl).
check-next = Próximos { $count } a partir de { $from }, se você continuar na mesa:

## stretchd stretches, stretchd stretches show ID, stretchd stretches safety

stretches-heading = Alongamentos (`stretchd stretches show ID` para ver os passos):
# $reason é o motivo (aside-reason-hurt, ou as palavras do usuário), $when uma data e hora.
stretches-set-aside = [deixado de lado: { $reason }, { $when }; `stretchd stretches restore { $id }` o traz de volta]
stretches-not-in-program = [fora do programa: precisa de outra posição ou equipamento]
stretches-sessions-only = [só em sessões: não é um alongamento para a mesa]
stretches-postures = Verificações de postura:
stretches-safety-hint = `stretchd stretches safety` mostra o aviso de segurança.
stretches-unknown = nenhum alongamento ou verificação de postura tem o id "{ $id }"; `stretchd stretches` lista todos
# $position é um position-* e $equipment uma lista de equipment-* (catalog.ftl), ou show-no-equipment.
show-facts = Posição: { $position }   Equipamento: { $equipment }
show-no-equipment = nenhum
# $area é um area-* (catalog.ftl).
show-works = Trabalha: { $area }

## stretchd stats, stretchd history

# $grow é quantas respostas "Feito" seguidas tornam uma sustentação mais longa.
stats-holds-heading = Sustentações atuais (aumentam depois de { $grow } respostas "Feito"; `stretchd done --easy`/`--hard` as alteram):
# $range é uma duração (span-* em daemon.ftl).
stats-hold-line = { $secs } s (faixa { $range }; { $done } de { $grow } "Feito" rumo ao próximo nível)
history-unreadable = não é possível ler o histórico { $path }: { $error } (torne-o um arquivo comum legível ou mova-o para outro lugar para começar um novo)

## stretchd status, status --follow, next: o estado do daemon. Os títulos dos lembretes vêm
## do daemon, no idioma dele.

# $path é o socket do daemon.
remote-not-running = o stretchd não está em execução (nada responde em { $path }); inicie-o com `systemctl --user start stretchd` ou `stretchd run`
kind-posture = postura
kind-stretch = alongamento
kind-session = sessão
# O texto curto de uma barra de status (status --follow). $kind é kind-*, $countdown um countdown-*.
bar-paused = pausado
bar-paused-until = pausado, volta { $countdown }
bar-held = em espera
bar-now = { $kind } agora
bar-next = { $kind } { $countdown }
bar-idle = inativo
countdown-now = agora
countdown-minutes = em { $minutes }min
countdown-hours = em { $hours }h { $minutes }min
# $version é a versão do stretchd, $since um dia e hora (when-day-time em daemon.ftl).
status-running = stretchd { $version } em execução desde { $since } (pid { $pid })
# Os rótulos das linhas de `stretchd status`: os valores se alinham depois do mais longo.
status-config = Configuração:
status-paused = Pausado:
status-held = Em espera:
status-snoozed = Adiado:
status-waiting = Aguardando:
status-filed = Arquivado:
status-next = Próximo:
status-week = Esta semana:
status-idle = Inatividade:
# $error é a própria mensagem da configuração (em inglês).
status-config-error = Erro na configuração (a configuração anterior continua valendo): { $error }
status-paused-until = até { $time } ({ $countdown })
status-paused-until-resume = até `stretchd resume`
# Por que os lembretes estão em espera; $time é uma hora do dia (14:30).
held-idle = longe do teclado desde { $time }
held-locked = tela bloqueada desde { $time }
held-asleep = em suspensão desde { $time }
held-dnd = o servidor de notificações está no modo não perturbe
held-fullscreen = uma janela em tela cheia está em foco
held-grace = uma espera acabou de terminar; os lembretes em espera aguardam até { $time }
# Quando o lembrete em espera aparece; $grace é uma duração como 30s.
held-shows-back = aparece quando você voltar (depois de uma pausa natural, o intervalo recomeça)
held-shows-dnd = aparece quando o modo não perturbe terminar
held-shows-dnd-grace = aparece { $grace } depois que o modo não perturbe terminar
held-shows-fullscreen = aparece quando a janela em tela cheia perder o foco
held-shows-fullscreen-grace = aparece { $grace } depois que a janela em tela cheia perder o foco
held-shows-at = aparece em { $time }
# $reminder é o id do lembrete.
status-snoozed-until = "{ $reminder }" até { $time } ({ $count } em sequência)
status-waiting-answer = { $title } (responda com `stretchd done` ou `stretchd skip`)
status-filed-held = { $title } (enviado durante o modo não perturbe, então o servidor o guarda sem mostrá-lo; responda com `stretchd done` ou `stretchd skip`)
status-due-since = pendente desde { $time }
status-due = previsto para { $time }
# $due é status-due ou status-due-since, $shows um held-shows-*.
status-next-held = em espera: { $reminder }  { $title } ({ $due }), { $shows }
status-next-none = nada agendado
status-week-sessions =
    { $done } de { $goal ->
        [one] { $goal } sessão de alongamentos
       *[other] { $goal } sessões de alongamentos
    }
next-nothing = Nada agendado (pausado por tempo indeterminado, ou nenhum lembrete cabe no horário de trabalho).

## stretchd stats e stretchd history: o que aconteceu com os lembretes.

# $first e $last são dias (when-day-month em daemon.ftl).
stats-week = Esta semana ({ $first } a { $last }): sessões de alongamentos, alongamentos na mesa, verificações de postura
# Depois da barra de um dia e da contagem de sessões: $desk alongamentos na mesa, $posture verificações de postura.
stats-day = mesa { $desk }   postura { $posture }
stats-today = <- hoje
stats-goal =
    Meta: { $done }/{ $goal ->
        [one] { $goal } sessão de alongamentos
       *[other] { $goal } sessões de alongamentos
    } nesta semana
stats-goal-met =
    Meta: { $done }/{ $goal ->
        [one] { $goal } sessão de alongamentos
       *[other] { $goal } sessões de alongamentos
    } nesta semana (atingida)
stats-streak =
    Sequência: { $weeks ->
        [one] { $weeks } semana
       *[other] { $weeks } semanas
    }
# $weeks é quantas semanas seguidas, $goal a meta a definir (uma a mais).
stats-suggest = A meta foi atingida por { $weeks }+ semanas seguidas: que tal uma sessão a mais por semana? Defina [goal] sessions_per_week = { $goal } na configuração.
stats-no-desk-stretches = Nenhum alongamento na mesa feito ainda.
# $date é uma data (2026-11-24).
stats-desk-since = Alongamentos na mesa desde { $date }:
stats-desk = Alongamentos na mesa:
# Um dos totais: "feito: 3"; $outcome é um outcome-*.
stats-total = { $outcome }: { $count }
# $totals: o stats-total de cada resultado, unidos com list-separator (daemon.ftl).
stats-all = Todos os lembretes: { $totals }
history-empty = Nenhuma entrada no histórico.

## stretchd guide: o que ele registra ao terminar.

# $item é o id do alongamento, $path o arquivo de histórico.
guide-recorded-in = "{ $item }" registrado como feito em { $path }.
guide-recorded-alone = "{ $item }" registrado como feito em { $path } (nenhum daemon em execução).
# $note é uma oração (reply-hold-* em daemon.ftl).
guide-recorded-in-note = "{ $item }" registrado como feito em { $path }; { $note }.
guide-recorded-alone-note = "{ $item }" registrado como feito em { $path } (nenhum daemon em execução); { $note }.
guide-session-none-fits = nenhum alongamento se encaixa nas posições e equipamentos da configuração (ou todos os que se encaixam foram deixados de lado), então a sessão está vazia; permita outra posição em [stretches] positions, ou `stretchd stretches restore ID`
# $ids: os ids deixados de lado.
guide-session-all-aside = todos os alongamentos da sessão foram deixados de lado ({ $ids }), então a sessão está vazia; `stretchd stretches restore ID` traz um de volta
guide-not-recorded = Não registrado: execute sem --no-wait para cronometrar e registrar.
guide-done = Concluído.
guide-stopped = Interrompido; não registrado como feito.
# Depois de uma parte cronometrada ("Mantenha por 30 s ... concluído"); um aquecimento
# interrompido com Enter é "pulado".
guide-part-done = concluído
guide-part-skipped = pulado
guide-warm-up-skipped = Aquecimento pulado: o corpo já está aquecido.
guide-secs-left = { $secs } s restantes
# As perguntas depois de um alongamento. O guia lê as letras entre colchetes como estão (y, n;
# e, o, h): mantenha-as.
guide-ask-hurt = Doeu? (y = sim, n = não) [y/N]
# $stretches: "1 Gato-camelo, 2 Torção sentada".
guide-ask-which-hurt = Algum deles doeu? O número dele ({ $stretches }), ou Enter para nenhum:
guide-ask-next-time = Da próxima vez: mais fácil [e] (sustentações mais curtas) / como está [o] / mais difícil [h] (sustentações mais longas)? [O]
guide-ask-again = Responda com uma das letras entre colchetes.

## Como stretchd guide e stretchd card escolhem o alongamento. $command é guide ou card, $id o
## que foi pedido, $known os ids dos alongamentos.

choice-a-posture = "{ $id }" é uma verificação de postura; `stretchd { $command }` aceita alongamentos (conhecidos: { $known })
choice-unknown = nenhum alongamento tem o id "{ $id }" (conhecidos: { $known }); `stretchd stretches` os lista
choice-daemon-suggests = (O alongamento que o daemon sugere; `stretchd { $command } ID` escolhe outro.)
choice-next-in-rotation = (O próximo do rodízio; `stretchd { $command } ID` escolhe outro.)
choice-all-set-aside = nenhum alongamento para sugerir: todos foram deixados de lado (`stretchd stretches` os lista); traga um de volta com `stretchd stretches restore ID`, ou indique um: `stretchd { $command } ID`

## stretchd card: quando o navegador não abre. $path é o arquivo do cartão, $opener o xdg-open.

card-no-opener = o cartão foi gravado em { $path }, mas não pode ser aberto: { $opener } não está instalado (Debian: `apt install xdg-utils`); abra o arquivo em um navegador ou use `stretchd card --print`
card-opener-does-not-start = o cartão foi gravado em { $path }, mas { $opener } não inicia: { $error }
card-opener-failed = o cartão foi gravado em { $path }, mas { $opener } falhou ({ $status }): nenhum programa padrão para arquivos HTML? Defina um com `xdg-settings set default-web-browser firefox.desktop` (ou o seu), ou abra o arquivo em um navegador

## stretchd install e uninstall: uma linha por passo. $what é um arquivo ou uma linha de comando.

install-wrote = gravado: { $what }
install-would-write = seria gravado: { $what }
install-kept = mantido o existente: { $what }
install-would-keep = seria mantido o existente: { $what }
install-unchanged = inalterado: { $what }
install-would-leave-unchanged = ficaria inalterado: { $what }
install-removed = removido: { $what }
install-would-remove = seria removido: { $what }
install-left = deixado no lugar: { $what }
install-would-leave = seria deixado no lugar: { $what }
install-ran = executado: { $what }
install-would-run = seria executado: { $what }
# Um passo com uma dica: $step é uma das linhas acima, $hint um install-hint-* ou uninstall-hint-*.
install-hint = { $step } ({ $hint })
install-hint-config = sua configuração: edite-a; o daemon a recarrega ao salvar
# $dir é uma pasta.
install-hint-zsh = zsh: adicione { $dir } ao fpath antes do compinit, se ainda não estiver lá
install-hint-man = se `man stretchd` não encontrar a página, adicione { $dir } ao MANPATH
install-hint-systemd-now = o systemd inicia o stretchd agora
install-hint-autostart = o ambiente de trabalho executa `stretchd run` a cada login; inicie-o agora com `stretchd run &`
# $why é o que o systemctl disse (em inglês).
install-no-systemd = nenhum gerenciador de usuário do systemd responde ({ $why }): usando uma entrada de início automático XDG no lugar
uninstall-no-systemd = nenhum gerenciador de usuário do systemd responde ({ $why }): removendo a unidade sem pará-la
uninstall-hint-autostart = um `stretchd run` iniciado por ela continua rodando até você sair da sessão
uninstall-hint-not-ours = não foi gravado por `stretchd install`
uninstall-hint-config = sua configuração; apague-a por conta própria se não a quiser mais
uninstall-hint-history = seu histórico; ele e o estado do daemon estão em { $dir }
uninstall-hint-pictures = as imagens dos alongamentos que `stretchd run` grava, e quaisquer imagens suas

## stretchd config set e config edit. $path é o arquivo de configuração, $pid o processo do daemon.

# $key é uma chave da configuração e $value o valor dela, como digitados.
config-set-already = { $path }: { $key } já é { $value }; nada foi gravado
config-edit-no-changes-default = { $path }: sem alterações, então nenhum arquivo foi gravado (o padrão embutido continua em uso)
config-edit-no-changes = { $path }: sem alterações
config-edit-saved = { $path }: salvo
config-edit-invalid = { $path } ficou como estava: a edição não é uma configuração válida (corrija-a com `stretchd config edit` em um terminal, que oferece editar de novo)
# $copy é a cópia editada, que é mantida.
config-edit-changed-meanwhile = { $path } mudou enquanto era editado, então ficou como está; a sua versão é { $copy } (junte as duas à mão, ou execute `stretchd config edit` de novo)
# O editor reabre com sim: as letras continuam y e n.
config-edit-again = Editar de novo? (y = sim, n = não) [Y/n]
config-daemon-uses = O daemon em execução (pid { $pid }) usa { $path }, não este arquivo.
config-daemon-reloads = O daemon em execução (pid { $pid }) o recarrega sozinho.
# $answer é o que o daemon disse.
config-daemon-told = O daemon em execução (pid { $pid }) recebeu o pedido para recarregar: { $answer }.
config-daemon-refused = o daemon em execução (pid { $pid }) não recarregou: { $answer }

## Várias máquinas ([sync]): status, stats e history.

status-lull = Pendente:
# $time é quando ele aparece de qualquer forma (um dia e uma hora).
status-lull-wait = aguardando uma pausa na digitação, no máximo até { $time }
status-sync = Sincronização:
# Esta máquina: a pasta, o hostname dela e os primeiros caracteres do id da máquina.
status-sync-this = { $dir } como { $hostname } (máquina { $machine })
status-sync-alone = Nenhuma outra máquina gravou na pasta ainda.
# Outra máquina da pasta; $when é status-sync-ahead, -just-now ou -ago.
status-sync-machine = { $hostname } (máquina { $machine }) gravou pela última vez em { $when }
status-sync-ahead = { $time }, { $minutes } min à frente deste relógio
status-sync-ahead-days =
    { $time }, { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    } à frente deste relógio
status-sync-just-now = { $time }, agora mesmo
# $ago é um ago-*.
status-sync-ago = { $time }, { $ago }
status-sync-problem = Problema de sincronização: { $problem }
ago-minutes = há { $minutes } min
ago-hours = há { $hours } h { $minutes } min
ago-days =
    { $days ->
        [one] há { $days } dia
       *[other] há { $days } dias
    }
# $machines: os hostnames, unidos com list-separator (daemon.ftl).
stats-machines =
    { $count ->
        [one] Contagem feita em { $count } máquina da pasta de sincronização: { $machines }.
       *[other] Contagem feita em { $count } máquinas da pasta de sincronização: { $machines }.
    }
stats-this-machine = { $name } (esta máquina)
history-config-unusable = { $error }; listando só o histórico desta máquina
sync-folder-unreadable = não é possível ler a pasta de sincronização { $path }: { $error }; contando só as respostas desta máquina
sync-history-unreadable = não é possível ler { $path }: { $error }; as respostas de { $hostname } ficam de fora
# Uma máquina cujo resumo não pode ser lido, indicada pelos primeiros caracteres do id dela.
sync-machine-unnamed = máquina { $machine }

## Chamadas (`stretchd status`).

# $capture é um capture-* (daemon.ftl), $app o nome do programa.
held-call = { $capture } ({ $app }) desde { $time }
held-shows-call = aparece quando a chamada terminar (verificado uma vez por minuto)
held-shows-call-grace = aparece { $grace } depois que a chamada terminar (verificado uma vez por minuto)

## Respostas digitadas nas perguntas do guia e de `config edit`: as palavras aceitas como sim e não,
## separadas por vírgula, além das letras em inglês mostradas nos prompts ([y/N], que sempre funcionam).

answer-yes = y, yes, s, sim
answer-no = n, no, não, nao

# $path é uma pasta.
card-not-a-folder = { $path } não é uma pasta, então o cartão não pode ser gravado ali; mova-o para outro lugar e execute isto de novo
card-cannot-create = não é possível criar { $path } para o cartão
card-cannot-write = não é possível gravar o cartão em { $path }

## O que o guia e `stretchd hurt` dizem quando o daemon não aceita o que eles registram. $item
## é o id do alongamento, $why o que deu errado (a resposta do daemon, ou um erro do sistema).

record-refused = o daemon não o registrou: { $why }
record-not-recorded = "{ $item }" não foi registrado: { $why }
record-unconfirmed-other = o daemon não confirmou o registro de "{ $item }" (respondeu outra coisa); ele ainda pode registrá-lo: confira `stretchd history`
record-unconfirmed = o daemon não confirmou o registro de "{ $item }" ({ $why }); ele ainda pode registrá-lo: confira `stretchd history`
# $problem é uma das mensagens acima.
record-directly = { $problem }; gravando o histórico diretamente
record-not-set-aside = "{ $item }" não foi deixado de lado: { $why }
record-aside-unconfirmed = o daemon não confirmou ter deixado "{ $item }" de lado (respondeu outra coisa); confira `stretchd stretches`

## Valores recusados na linha de comando. $given é o que foi digitado.

arg-not-rfc3339 = "{ $given }" não é um horário em RFC 3339 dos anos de 1970 a 9999, p. ex. 2026-11-24T09:00:00+01:00
arg-not-hhmm = "{ $given }" não é um horário; use HH:MM, p. ex. 14:30
arg-not-date = "{ $given }" não é uma data; use AAAA-MM-DD ou RFC 3339
# $error diz o que há de errado com a duração (em inglês, com a grafia da configuração: 1h, 30m).
arg-pause = { $error } (`stretchd pause` sem uma duração pausa até `stretchd resume`)
