# stretchd: o catálogo embutido (alongamentos, verificações de postura, aviso de segurança,
# aquecimento da sessão), tradução para português do Brasil. São instruções de movimento: a
# tradução mantém todos os fatos do texto em inglês e não acrescenta nenhum. Cada mensagem é um
# parágrafo; uma quebra de linha dentro de uma mensagem (como no aviso de segurança) é uma quebra
# de linha na tela. Veja TRANSLATING.md.

## O aviso de segurança: mostrado com o primeiro alongamento, em cada cartão e por `stretchd stretches safety`.

# Uma regra por linha (o cartão as mostra como itens).
safety-notice =
    Aqueça-se antes: faça 5 a 10 minutos de movimento leve, como uma caminhada rápida.
    Sentir uma leve tensão é normal, mas pare imediatamente se sentir dor aguda ou intensa.
    Respire devagar o tempo todo; nunca prenda a respiração.
    Se um alongamento não parecer certo para você, adapte-o ou troque-o por outro.
    Estes alongamentos servem para a maioria das pessoas, em qualquer idade; se você tem algum problema de saúde preexistente ou lesão, ou dor nas costas crônica ou forte, converse com um profissional de saúde antes de começar.
    Isto é uma orientação geral, não um aconselhamento médico para o seu caso: se a dor persistir ou continuar voltando, procure um profissional para avaliá-la.

## A sessão de alongamentos (algumas vezes por semana) e os alongamentos na mesa (ao longo do dia).

# O que é o aquecimento da sessão, em uma linha.
warm-up = Aqueça-se antes: 5 a 10 minutos de movimento leve, como caminhada rápida, marcha no lugar ou bicicleta em ritmo leve.
# A linha que todo alongamento na mesa traz: curto, na mesa, não substitui a sessão com aquecimento.
desk-note = Um alongamento curto na mesa: entre nele aos poucos, com suavidade, bem antes de sentir dor (a rotina completa, após um aquecimento, é a sessão de alongamentos).

## As partes das costas que um alongamento trabalha ("Trabalha: rotação do meio das costas").

area-rotation = rotação do meio das costas
area-upper_back = parte superior das costas e ombros
area-soft_tissue = tecidos moles ao longo da parte superior das costas
area-bending = flexão e extensão do meio das costas (arredondar e arquear)

## Onde um alongamento é feito ("Posição: cadeira") e o equipamento embutido.

position-chair = cadeira
position-floor = chão
position-standing = em pé
equipment-foam_roller = rolo de espuma

## Gato-camelo: arredondar e arquear a coluna em quatro apoios.

stretch-cat-camel-name = Gato-camelo
stretch-cat-camel-summary = Em quatro apoios, arredondar e arquear a coluna alternadamente solta o meio das costas rígido.
stretch-cat-camel-step-1 = Fique em quatro apoios, com as mãos abaixo dos ombros e os joelhos abaixo do quadril.
stretch-cat-camel-step-2 = Expirando, curve as costas para cima, em direção ao teto, com a cabeça solta para baixo e o queixo recolhido.
stretch-cat-camel-step-3 = Pare um instante na posição arredondada e perceba o meio das costas se alongar.
stretch-cat-camel-step-4 = Inspirando, deixe as costas afundarem enquanto eleva o peito e o cóccix.
stretch-cat-camel-step-5 = Continue se movendo devagar entre a posição arredondada e a arqueada.
# As duas posições do movimento ("8 ciclos lentos entre a posição de gato (costas arredondadas) e a de camelo (costas arqueadas)").
stretch-cat-camel-shape-1 = gato (costas arredondadas)
stretch-cat-camel-shape-2 = camelo (costas arqueadas)

## Extensão torácica: inclinar a parte superior das costas para trás sobre uma cadeira.

stretch-thoracic-extension-name = Extensão torácica
stretch-thoracic-extension-summary = Inclinar-se para trás sobre a cadeira abre o meio das costas após horas curvado para a frente.
stretch-thoracic-extension-step-1 = Sente-se em uma cadeira ou banqueta estável, com os dois pés bem apoiados no chão.
stretch-thoracic-extension-step-2 = Entrelace as mãos atrás da cabeça, com os cotovelos apontando para os lados.
stretch-thoracic-extension-step-3 = Incline devagar a parte superior das costas para trás, por cima do encosto da cadeira.
stretch-thoracic-extension-step-4 = Deixe a cabeça acompanhar um pouco para trás, sem forçar o pescoço.
stretch-thoracic-extension-step-5 = Fique nessa posição, respirando devagar, e sinta o meio das costas se alongar.
stretch-thoracic-extension-step-6 = Volte à posição sentada com controle e depois repita.

## Torção sentada: girar o tronco na posição sentada, um lado e depois o outro.

stretch-seated-twist-name = Torção sentada
stretch-seated-twist-summary = Girar a parte superior do corpo na posição sentada devolve a rotação ao meio das costas.
stretch-seated-twist-step-1 = Chegue para a frente do assento, com os pés apoiados no chão e a coluna alongada.
stretch-seated-twist-step-2 = Leve a mão esquerda, cruzando o corpo, até a parte de fora do joelho direito.
stretch-seated-twist-step-3 = Expirando, gire o tórax para a direita, com a mão no joelho ajudando.
stretch-seated-twist-step-4 = Vire a cabeça e olhe por cima do ombro direito, mantendo o peito erguido.
stretch-seated-twist-step-5 = Mantenha a torção, respirando de forma regular, e depois volte a ficar de frente.
stretch-seated-twist-step-6 = Troque de lado: mão direita no joelho esquerdo, girando para a esquerda.

## Passar a agulha: levar um braço por baixo do outro em quatro apoios.

stretch-thread-the-needle-name = Passar a agulha
stretch-thread-the-needle-summary = Em quatro apoios, passar um braço sob o corpo gira a parte superior das costas e alivia os ombros.
stretch-thread-the-needle-step-1 = Fique em quatro apoios, com as costas retas e paralelas ao chão.
stretch-thread-the-needle-step-2 = Passe o braço direito por baixo do braço esquerdo, só até onde for fácil.
stretch-thread-the-needle-step-3 = Desça até que o ombro direito e a lateral do rosto se apoiem no colchonete, com esse braço estendido para além da cabeça.
stretch-thread-the-needle-step-4 = Pressione firmemente a palma da mão esquerda no chão para se manter estável.
stretch-thread-the-needle-step-5 = Respire fundo e deixe o alongamento se espalhar pela parte superior das costas e por esse ombro.
stretch-thread-the-needle-step-6 = Volte devagar para os quatro apoios.
stretch-thread-the-needle-step-7 = Troque de lado, passando o braço esquerdo por baixo do direito.

## Rolo de espuma no alto das costas: rolar a parte superior e o meio das costas sobre um rolo de espuma.

stretch-foam-rolling-name = Rolo de espuma no alto das costas
stretch-foam-rolling-summary = Rolar sobre um rolo de espuma solta os pontos tensos dos músculos ao longo do meio das costas.
stretch-foam-rolling-step-1 = Coloque um rolo de espuma atravessado no chão.
stretch-foam-rolling-step-2 = Sente-se no chão com o rolo atrás de você, os joelhos dobrados e as solas dos pés no chão.
stretch-foam-rolling-step-3 = Incline-se para trás até que o rolo fique sob o meio das costas, com as mãos amparando a cabeça.
stretch-foam-rolling-step-4 = Role devagar da base do pescoço até o meio das costas.
stretch-foam-rolling-step-5 = Pare em qualquer ponto tenso ou dolorido e deixe que uma pressão suave o alivie, respirando de forma constante.
stretch-foam-rolling-step-6 = Continue por alguns minutos, mudando para novas áreas da parte superior das costas conforme avança.

## Verificações de postura: um nome curto (no título da notificação) e o que verificar e como corrigir.

posture-sit-tall-name = Coluna alongada
posture-sit-tall-text = Repare se você está se curvando em direção à tela. Eleve o topo da cabeça para que a coluna fique reta, alinhada na vertical sobre o quadril.
posture-shoulders-name = Ombros para baixo e para trás
posture-shoulders-text = Veja se os seus ombros subiram em direção às orelhas. Deixe-os cair e depois leve-os suavemente para trás.
posture-screen-height-name = Tela na altura dos olhos
posture-screen-height-text = Você deve ver a parte de cima da tela sem inclinar a cabeça para cima ou para baixo. Suba, abaixe ou mude o monitor de lugar até conseguir.
posture-back-support-name = Cadeira e apoio para as costas
posture-back-support-text = Sente-se bem no fundo, para que a cadeira, ou a sua poltrona reclinável, sustente a curvatura da lombar. Ajuste o encosto ou acrescente uma almofada se houver um vão.
posture-feet-flat-name = Pés apoiados
posture-feet-flat-text = Os dois pés devem ficar totalmente apoiados no chão, com os joelhos mais ou menos na altura do quadril. Abaixe o assento ou use um apoio para os pés se eles ficarem pendurados.
posture-desk-height-name = Cotovelos e mesa
posture-desk-height-text = Os cotovelos devem ficar soltos e relaxados, em ângulo reto, mais ou menos, com os antebraços na altura da mesa. Ajuste a altura da cadeira ou da mesa se tiver de erguer ou baixar os braços.
posture-breathe-name = Respire e descontraia
posture-breathe-text = O estresse costuma se acumular na mandíbula, nos ombros e na parte superior das costas. Respire fundo e devagar algumas vezes e deixe esses músculos relaxarem.
posture-move-name = Levante-se e movimente-se
posture-move-text = Ficar muito tempo parado na cadeira enrijece o meio das costas. Levante-se, caminhe por um minuto e depois volte a se acomodar.
posture-core-name = Fortaleça o core
posture-core-text = Músculos do tronco fortes mantêm a coluna alinhada. Planeje para esta semana uma sessão que trabalhe o core: Pilates ou ioga, por exemplo.
posture-calm-name = Um minuto de calma
posture-calm-text = O estresse prolongado mantém os músculos das costas tensos. Feche os olhos para um minuto de meditação em silêncio ou conte dez expirações lentas.
posture-what-hurts-name = O que piora?
posture-what-hurts-text = Pense no que fez suas costas doerem mais ultimamente, como uma viagem longa de carro ou uma bolsa pesada. Mude a forma de fazer isso ou deixe de fazê-lo por um tempo.
posture-more-than-stretching-name = Mais do que alongar
posture-more-than-stretching-text = Os alongamentos ajudam, mas sozinhos raramente resolvem uma dor nas costas. Postura, exercício regular, menos estresse e uma mesa bem ajustada também fazem diferença.
