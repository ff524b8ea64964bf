# stretchd: --help, tradução para português do Brasil (a fonte em inglês é escrita a partir dos
# comentários de documentação de src/cli/mod.rs). help-COMMAND é o que um subcomando faz,
# help-COMMAND--ARG o que uma opção ou argumento significa. Nomes de opções (--config) e valores
# ficam como estão. Veja TRANSLATING.md.

help = Um pequeno daemon de usuário para Linux que lembra quem trabalha à mesa de verificar a postura e fazer um alongamento do meio das costas
help-after =
    A configuração fica em $XDG_CONFIG_HOME/stretchd/config.toml (normalmente ~/.config/stretchd/config.toml); sem ela, roda a programação padrão embutida. `stretchd config edit` e `stretchd config set KEY VALUE` a alteram, com verificação antes de salvar.
    Comece por aqui: `stretchd check` mostra o que a programação faria, `stretchd now` mostra um lembrete.
    Código de saída: 0 em caso de sucesso, 1 em caso de erro, 3 quando o daemon não está em execução.
help--json = Imprime JSON em vez de texto (um objeto; `status --follow` imprime um por linha)

help-run = Executa o daemon: mostra lembretes até ser parado (SIGHUP ou salvar a configuração faz com que ele a recarregue)
help-run--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-check = Valida a configuração e imprime os próximos lembretes que ela dispararia
help-check--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`
help-check--from = Começa a partir deste horário em vez de agora (RFC 3339, p. ex. 2026-11-24T09:00:00+01:00; anos de 1970 a 9999)
help-check--count = Quantos lembretes mostrar (de 1 a 1000)

help-stretches = Lista os alongamentos e as verificações de postura, ou mostra um por completo
help-stretches--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-stretches-show = Imprime um alongamento ou uma verificação de postura por completo
help-stretches-show--id = O id dele, como listado por `stretchd stretches`

help-stretches-restore = Traz de volta ao rodízio um alongamento deixado de lado (`stretchd hurt`)
help-stretches-restore--id = O id dele, como listado por `stretchd stretches`

help-stretches-safety = Imprime o aviso de segurança

help-status = Mostra o que o daemon está fazendo: próximo lembrete, pausa, adiamento, progresso da semana
help-status--follow = Continua imprimindo: uma linha agora, a cada mudança e uma vez por minuto (para barras de status)

help-next = Lista os próximos lembretes, já considerando adiamento e pausa
help-next--count = Quantos (de 1 a 1000)

help-snooze = Adia o lembrete que está na tela, ou então o próximo
help-snooze--duration = Por quanto tempo, no máximo um dia, p. ex. 10m (padrão: o snooze.length da configuração)

help-pause = Pausa todos os lembretes: por um tempo, até um horário, até amanhã ou até `resume`
help-pause--duration = Por quanto tempo, no máximo um ano, p. ex. 1h ou 30m; sem nenhuma opção, até `stretchd resume`
help-pause--until = Até este horário local (hoje, ou amanhã se já tiver passado), p. ex. 14:30
help-pause--until_tomorrow = Até a meia-noite

help-resume = Encerra uma pausa

help-skip = Responde ao último lembrete com "Pular" (para servidores que não desenham botões)

help-done = Responde ao último lembrete com "Feito" (para servidores que não desenham botões); --easy ou --hard deixam as sustentações do alongamento um nível mais curtas ou mais longas da próxima vez
help-done--easy = Foi demais: as sustentações de um alongamento ficam um nível (5 s) mais curtas da próxima vez
help-done--hard = Foi pouco: as sustentações de um alongamento ficam um nível (5 s) mais longas da próxima vez, mesmo além do topo da faixa dele (no máximo 15 s além)

help-hurt = O alongamento doeu: pare; isso é registrado, o alongamento é deixado de lado (fora do rodízio até `stretchd stretches restore ID`) e outro para a mesma região é indicado
help-hurt--id = O alongamento (padrão: o lembrete de alongamento na tela, ou então o último feito)
help-hurt--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-now = Mostra um lembrete imediatamente: este, ou o próximo previsto
help-now--id = Um id de lembrete da configuração

help-reload = Faz o daemon reler a configuração

help-history = Lista os lembretes passados e as respostas a eles; com uma pasta [sync], os de todas as máquinas, cada um indicando a sua máquina
help-history--since = Só as entradas a partir deste dia (AAAA-MM-DD, hora local) ou deste horário (RFC 3339)
help-history--here = Só as entradas desta máquina, não as das outras máquinas da pasta [sync]
help-history--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-stats = Esta semana por dia, a meta semanal, a sequência de semanas que a atingiram, contagens por alongamento; com uma pasta [sync], sobre as respostas de todas as máquinas
help-stats--here = Só as respostas e os níveis desta máquina, não os das outras máquinas da pasta [sync]
help-stats--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-install = Instala para este usuário: a unidade de usuário do systemd (ou uma entrada de início automático), a configuração padrão, a entrada de desktop, o ícone, o autocompletar do shell e a página de manual; depois o inicia a cada login
help-install--dry_run = Imprime o que seria feito, sem alterar nada

help-uninstall = Para e remove o que `install` gravou; a configuração e o histórico ficam
help-uninstall--dry_run = Imprime o que seria feito, sem alterar nada

help-completions = Imprime o script de autocompletar do shell (bash, zsh ou fish) na saída padrão
help-completions--shell = O shell

help-man = Imprime a página de manual (roff) na saída padrão

help-guide = Conduz um alongamento no terminal, com contagem regressiva para cada sustentação ou pausa; terminá-lo o registra como feito (Ctrl-C interrompe e não registra nada)
help-guide--id = O alongamento, como listado por `stretchd stretches` (padrão: o que o daemon sugeriria a seguir)
help-guide--session = Uma sessão de alongamentos inteira em vez de um alongamento: um aquecimento e depois todos os alongamentos que se encaixam nas posições e equipamentos da configuração, em ordem; terminá-la registra uma sessão
help-guide--no_warmup = Começa a sessão sem o aquecimento, para quando você já tiver se aquecido (durante o aquecimento, Enter pula o resto dele)
help-guide--no_wait = Imprime a rotina inteira de uma vez, sem cronômetros, e não registra nada
help-guide--hold = Cronometra cada sustentação com este número de segundos em vez do nível do alongamento (em um movimento alternado, cada pausa em uma posição; em um alongamento por tempo, como o rolo de espuma, ele todo)
help-guide--reps = Faz este número de sustentações (de cada lado), ou de ciclos de um movimento alternado, em vez do número próprio do alongamento
help-guide--safety = Mostra o aviso de segurança antes da rotina, mesmo depois de ele já ter sido visto
help-guide--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-card = Abre o cartão de um alongamento no navegador: a imagem em tamanho real, todos os passos, um cronômetro para as sustentações e os lados, e o aviso de segurança (o que um clique em um lembrete de alongamento abre)
help-card--id = O alongamento, como listado por `stretchd stretches` (padrão: o lembrete de alongamento na tela, ou então o próximo alongamento previsto, como em `stretchd guide`)
help-card--print = Só grava o cartão (`$XDG_DATA_HOME/stretchd/cards/ID.html`) e imprime o caminho dele; não o abre
help-card--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config = Onde fica o arquivo de configuração, um valor dele ou ele todo em um editor; toda alteração é validada antes de ser salva, então o daemon nunca lê um arquivo com erro

help-config-path = Imprime o caminho do arquivo de configuração, exista ele ou não (com --json: {"{"}path, exists{"}"})
help-config-path--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-get = Imprime um valor, p. ex. `snooze.length` ou `reminder.stretch.every` (o lembrete cujo id é "stretch"); uma chave que o arquivo omite mostra o valor padrão
help-config-get--key = Uma chave com pontos
help-config-get--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-set = Altera um valor no lugar, mantendo os comentários e o layout, p. ex. `set snooze.length 15m`; nada é gravado a menos que a configuração inteira continue válida. Cria o arquivo a partir da configuração padrão quando não há nenhum
help-config-set--key = Uma chave com pontos
help-config-set--value = Um valor TOML (um número, true ou false, um array, uma string entre aspas), senão texto: 40m é lido como a string "40m". Pode começar com '-' (um número negativo é recusado pela validação, com o limite, não pelo analisador de argumentos)
help-config-set--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-edit = Edita uma cópia em $VISUAL ou $EDITOR (senão `editor`, senão vi), partindo da configuração padrão quando não há nenhuma; a cópia só é posta no lugar quando é válida
help-config-edit--config = Arquivo de configuração a usar em vez de `$XDG_CONFIG_HOME/stretchd/config.toml`
