<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="ja_JP">
    <context>
        <name>Chrome</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Chamar funcionário</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>Ouvir de novo</translation>
        </message>
        <message>
            <source>音声案内</source>
            <translation>Guia de voz</translation>
        </message>
        <message>
            <source>文字を大きく</source>
            <translation>Texto maior</translation>
        </message>
        <message>
            <source>ゆっくり操作</source>
            <translation>Mais tempo</translation>
        </message>
        <message>
            <source>オン</source>
            <translation>Ligado</translation>
        </message>
        <message>
            <source>オフ</source>
            <translation>Desligado</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Encerrar</translation>
        </message>
        <message>
            <source>職員に知らせました。そのままお待ちください。</source>
            <translation>Os funcionários foram avisados. Aguarde aqui.</translation>
        </message>
    </context>
    <context>
        <name>Declaration</name>
        <message>
            <source>会社の保険</source>
            <translation>Seguro da empresa</translation>
        </message>
        <message>
            <source>国民健康保険</source>
            <translation>Seguro Nacional de Saúde</translation>
        </message>
        <message>
            <source>後期高齢者医療</source>
            <translation>Seguro para idosos (75+)</translation>
        </message>
        <message>
            <source>わからない</source>
            <translation>Não sei</translation>
        </message>
        <message>
            <source>3割</source>
            <translation>30% (3割)</translation>
        </message>
        <message>
            <source>2割</source>
            <translation>20% (2割)</translation>
        </message>
        <message>
            <source>1割</source>
            <translation>10% (1割)</translation>
        </message>
        <message>
            <source>男性</source>
            <translation>Masculino</translation>
        </message>
        <message>
            <source>女性</source>
            <translation>Feminino</translation>
        </message>
        <message>
            <source>記載なし</source>
            <translation>Não consta</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{day:02d}/{month:02d}/{year}</translation>
        </message>
        <message>
            <source>お名前のフリガナを入力してください</source>
            <translation>Digite seu nome em katakana</translation>
        </message>
        <message>
            <source>カタカナで入力します。姓と名のあいだは「空白」です。</source>
            <translation>Digite em katakana. Entre o sobrenome e o nome, use “Espaço”.</translation>
        </message>
        <message>
            <source>お名前のフリガナ</source>
            <translation>Seu nome em katakana</translation>
        </message>
        <message>
            <source>わからないときは「わからない」を押してください。職員がお手伝いします。</source>
            <translation>Se não souber, toque em “Não sei”. Um funcionário vai ajudar.</translation>
        </message>
        <message>
            <source>保険者の名前を入力してください</source>
            <translation>Digite o nome da seguradora</translation>
        </message>
        <message>
            <source>保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。</source>
            <translation>É o nome em “保⁠険⁠者⁠名⁠称” no cartão do seguro (保⁠険⁠証) ou no certificado de elegibilidade (資⁠格⁠確⁠認⁠書). Digite em katakana.</translation>
        </message>
        <message>
            <source>保険者の名前</source>
            <translation>Nome da seguradora</translation>
        </message>
        <message>
            <source>お勤め先の名前を入力してください</source>
            <translation>Digite o nome do seu local de trabalho</translation>
        </message>
        <message>
            <source>ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。</source>
            <translation>Se você usa o seguro de um familiar, é o trabalho desse familiar. Digite em katakana.</translation>
        </message>
        <message>
            <source>お勤め先の名前</source>
            <translation>Local de trabalho</translation>
        </message>
        <message>
            <source>フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。</source>
            <translation>Sem o nome em katakana, um funcionário pode vir perguntar. Se aparecer “Chamamos um funcionário”, aguarde aqui.</translation>
        </message>
        <message>
            <source>申立書の記入：カードの内容をご確認ください</source>
            <translation>Declaração (申⁠立⁠書): confira os dados do cartão</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Nome</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>Data de nascimento</translation>
        </message>
        <message>
            <source>性別</source>
            <translation>Sexo</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Endereço</translation>
        </message>
        <message>
            <source>ちがうところがあれば、職員をお呼びください。</source>
            <translation>Se algo estiver errado, chame um funcionário.</translation>
        </message>
        <message>
            <source>まちがいありません</source>
            <translation>Está correto</translation>
        </message>
        <message>
            <source>入力する</source>
            <translation>Digitar</translation>
        </message>
        <message>
            <source>連絡先の電話番号を入力してください</source>
            <translation>Digite seu número de telefone</translation>
        </message>
        <message>
            <source>携帯電話でも、ご自宅の電話でもかまいません。</source>
            <translation>Pode ser celular ou telefone de casa.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Apagar</translation>
        </message>
        <message>
            <source>加入している保険の種類を選んでください</source>
            <translation>Escolha o tipo do seu seguro saúde</translation>
        </message>
        <message>
            <source>窓口で支払う割合（負担割合）を選んでください</source>
            <translation>Escolha a porcentagem que você paga no balcão</translation>
        </message>
        <message>
            <source>この内容で受付します</source>
            <translation>Fazer o check-in com estas respostas</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Nome katakana</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Telefone</translation>
        </message>
        <message>
            <source>保険の種類</source>
            <translation>Tipo de seguro</translation>
        </message>
        <message>
            <source>負担割合</source>
            <translation>Você paga</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>Um funcionário vai confirmar seu seguro depois.</translation>
        </message>
        <message>
            <source>保険者</source>
            <translation>Seguradora</translation>
        </message>
        <message>
            <source>お勤め先</source>
            <translation>Trabalho</translation>
        </message>
        <message>
            <source>受け付けています…</source>
            <translation>Fazendo o check-in…</translation>
        </message>
        <message>
            <source>受付する</source>
            <translation>Fazer check-in</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>Voltar</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>研修用シナリオ</source>
            <translation>Cenário de treinamento</translation>
        </message>
        <message>
            <source>カードを置く</source>
            <translation>Colocar o cartão</translation>
        </message>
        <message>
            <source>カードを取る</source>
            <translation>Retirar o cartão</translation>
        </message>
        <message>
            <source>リーダーを外す</source>
            <translation>Desconectar leitor</translation>
        </message>
        <message>
            <source>リーダーを戻す</source>
            <translation>Reconectar leitor</translation>
        </message>
        <message>
            <source>職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）</source>
            <translation>Menu do funcionário: segure a marca no canto superior esquerdo por 3 s ({name}, senha {pin})</translation>
        </message>
    </context>
    <context>
        <name>Face</name>
        <message>
            <source>お顔が見つかりません。カメラの正面に立ってください。</source>
            <translation>Não vemos seu rosto. Fique de frente para a câmera.</translation>
        </message>
        <message>
            <source>何人か映っています。おひとりで映ってください。</source>
            <translation>Há mais de uma pessoa na imagem. Só uma pessoa, por favor.</translation>
        </message>
        <message>
            <source>もう少しカメラに近づいてください。</source>
            <translation>Chegue um pouco mais perto da câmera.</translation>
        </message>
        <message>
            <source>少しカメラから離れてください。</source>
            <translation>Afaste-se um pouco da câmera.</translation>
        </message>
        <message>
            <source>お顔を枠のまん中に合わせてください。</source>
            <translation>Coloque o rosto no meio da moldura.</translation>
        </message>
        <message>
            <source>お顔が暗く映っています。帽子をとり、顔を上げてください。</source>
            <translation>Seu rosto está escuro. Tire o chapéu e levante o rosto.</translation>
        </message>
        <message>
            <source>マスクを外してください。</source>
            <translation>Tire a máscara, por favor.</translation>
        </message>
        <message>
            <source>そのまま動かないでください。</source>
            <translation>Não se mexa, por favor.</translation>
        </message>
        <message>
            <source>ゆっくり、まばたきをしてください。</source>
            <translation>Pisque devagar.</translation>
        </message>
        <message>
            <source>すわったままでだいじょうぶです。カメラを見てください。</source>
            <translation>Não precisa se levantar. Olhe para a câmera.</translation>
        </message>
        <message>
            <source>あごを少し引いて、カメラを見てください。</source>
            <translation>Abaixe um pouco o queixo e olhe para a câmera.</translation>
        </message>
        <message>
            <source>お子さまのお顔が見つかりません。カメラに向けてください。</source>
            <translation>Não vemos o rosto da criança. Vire a criança para a câmera.</translation>
        </message>
        <message>
            <source>お子さまを、もう少しカメラに近づけてください。</source>
            <translation>Aproxime a criança um pouco mais da câmera.</translation>
        </message>
        <message>
            <source>お子さまを、少しカメラから離してください。</source>
            <translation>Afaste a criança um pouco da câmera.</translation>
        </message>
        <message>
            <source>お子さまのお顔が枠のまん中に入るようにしてください。</source>
            <translation>Deixe o rosto da criança no meio da moldura.</translation>
        </message>
        <message>
            <source>お子さまのお顔が暗く映っています。帽子をとってください。</source>
            <translation>O rosto da criança está escuro. Tire o chapéu dela.</translation>
        </message>
        <message>
            <source>お子さまのマスクを外してください。</source>
            <translation>Tire a máscara da criança.</translation>
        </message>
        <message>
            <source>お子さまを、そのまま動かさないでください。</source>
            <translation>Segure a criança parada.</translation>
        </message>
        <message>
            <source>お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。</source>
            <translation>A criança pode ficar sentada. Deixe o rosto dela dentro da moldura.</translation>
        </message>
        <message>
            <source>お子さまのあごを少し引いて、お顔が枠に入るようにしてください。</source>
            <translation>Abaixe um pouco o queixo da criança e deixe o rosto dela na moldura.</translation>
        </message>
    </context>
    <context>
        <name>KanaKeyboard</name>
        <message>
            <source>小</source>
            <translation>Menor</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>Esp.</translation>
        </message>
        <message>
            <source>消す</source>
            <translation>Apaga</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>数字（暗証番号・電話番号）</source>
            <translation>Números (senha, telefone)</translation>
        </message>
        <message>
            <source>決定・確定</source>
            <translation>Confirmar</translation>
        </message>
        <message>
            <source>次のボタンへ</source>
            <translation>Próximo botão</translation>
        </message>
        <message>
            <source>前のボタンへ</source>
            <translation>Botão anterior</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>Ouvir de novo</translation>
        </message>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Chamar funcionário</translation>
        </message>
        <message>
            <source>1けた消す</source>
            <translation>Apagar um número</translation>
        </message>
    </context>
    <context>
        <name>LanguageChooser</name>
        <message>
            <source>ことばを選んでください</source>
            <translation>Escolha o idioma</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Fechar</translation>
        </message>
    </context>
    <context>
        <name>Overlay</name>
        <message>
            <source>操作を続けますか？</source>
            <translation>Deseja continuar?</translation>
        </message>
        <message>
            <source>続ける</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <source>あと{n}秒で終了します。</source>
            <translation>Vai encerrar em {n} segundos.</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Chamar funcionário</translation>
        </message>
        <message>
            <source>申立書を記入する</source>
            <translation>Preencher declaração (申⁠立⁠書)</translation>
        </message>
        <message>
            <source>時間がかかっています。このままお待ちいただくか、職員を呼んでください。</source>
            <translation>Está demorando. Aguarde ou chame um funcionário.</translation>
        </message>
        <message>
            <source>待たずに進む</source>
            <translation>Seguir sem esperar</translation>
        </message>
        <message>
            <source>マイナンバーカードを置いてください</source>
            <translation>Coloque seu cartão My Number</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして置いてください。</source>
            <translation>Coloque com o lado da foto para cima.</translation>
        </message>
        <message>
            <source>ケースやビニールから出してください。</source>
            <translation>Tire o cartão do estojo ou do plástico.</translation>
        </message>
        <message>
            <source>診察券ではなく、マイナンバーカードです。</source>
            <translation>Use o cartão My Number, não o cartão da clínica.</translation>
        </message>
        <message>
            <source>カードを読み取っています</source>
            <translation>Lendo seu cartão</translation>
        </message>
        <message>
            <source>カードを動かさずに、お待ちください。</source>
            <translation>Não mexa no cartão. Aguarde, por favor.</translation>
        </message>
        <message>
            <source>このカードはマイナンバーカードではありません</source>
            <translation>Este não é o cartão My Number</translation>
        </message>
        <message>
            <source>診察券やほかのカードは使えません。</source>
            <translation>Cartões da clínica e outros cartões não servem.</translation>
        </message>
        <message>
            <source>カードを取り出して、マイナンバーカードを置いてください。</source>
            <translation>Retire este cartão e coloque seu cartão My Number.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお持ちでない方は、受付にお声がけください。</source>
            <translation>Se não tiver o cartão My Number, fale com a recepção.</translation>
        </message>
        <message>
            <source>カードを読み取れませんでした</source>
            <translation>Não foi possível ler seu cartão</translation>
        </message>
        <message>
            <source>カードを取り出して、もう一度置いてください。</source>
            <translation>Retire o cartão e coloque de novo.</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして、ケースから出して置いてください。</source>
            <translation>Tire do estojo e coloque com a foto para cima.</translation>
        </message>
        <message>
            <source>何度やっても読めないときは、職員がお手伝いします。</source>
            <translation>Se ainda não der para ler, um funcionário vai ajudar.</translation>
        </message>
        <message>
            <source>カードが取り出されました</source>
            <translation>O cartão foi retirado</translation>
        </message>
        <message>
            <source>確認は終わっていません。</source>
            <translation>A verificação não terminou.</translation>
        </message>
        <message>
            <source>はじめからやり直すときは、もう一度カードを置いてください。</source>
            <translation>Para começar de novo, coloque o cartão outra vez.</translation>
        </message>
        <message>
            <source>カードリーダーが使えません</source>
            <translation>O leitor de cartão não está funcionando</translation>
        </message>
        <message>
            <source>いま、自動で直しています。しばらくお待ちください。</source>
            <translation>O leitor está se recuperando sozinho. Aguarde um momento.</translation>
        </message>
        <message>
            <source>お急ぎの方は、受付にお声がけください。</source>
            <translation>Se estiver com pressa, fale com a recepção.</translation>
        </message>
        <message>
            <source>カードの電子証明書の有効期限が切れています</source>
            <translation>O certificado eletrônico do cartão venceu</translation>
        </message>
        <message>
            <source>このカードでは、保険の確認ができません。</source>
            <translation>Não é possível verificar o seguro com este cartão.</translation>
        </message>
        <message>
            <source>電子証明書は、お住まいの市区町村の窓口で更新できます。</source>
            <translation>Você pode renovar o certificado na prefeitura da sua cidade.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。</source>
            <translation>Tem o certificado de elegibilidade (資⁠格⁠確⁠認⁠書) ou o cartão do seguro (保⁠険⁠証)? Mostre na recepção. Um funcionário vai ajudar.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています</source>
            <translation>O certificado eletrônico vence em breve</translation>
        </message>
        <message>
            <source>期限が切れる前に、お住まいの市区町村の窓口で更新してください。</source>
            <translation>Renove na prefeitura da sua cidade antes de vencer.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Próximo</translation>
        </message>
        <message>
            <source>有効期限：{year}年{month}月{day}日</source>
            <translation>Validade: {day:02d}/{month:02d}/{year}</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>ここから先は、職員がご案内します</source>
            <translation>Agora um funcionário vai ajudar você</translation>
        </message>
        <message>
            <source>もう少し確認が必要です。</source>
            <translation>Precisamos verificar um pouco mais.</translation>
        </message>
        <message>
            <source>カードは置いたまま、職員をお呼びください。</source>
            <translation>Deixe o cartão onde está e chame um funcionário.</translation>
        </message>
        <message>
            <source>保険の資格が確認できませんでした</source>
            <translation>Não foi possível confirmar seu seguro</translation>
        </message>
        <message>
            <source>保険が変わったとき、保険者の登録がまだ終わっていないことがあります。</source>
            <translation>Se o seguro mudou há pouco, a seguradora pode ainda não ter registrado.</translation>
        </message>
        <message>
            <source>職員がお手伝いします。</source>
            <translation>Um funcionário vai ajudar.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。</source>
            <translation>Tem o certificado de elegibilidade (資⁠格⁠確⁠認⁠書) ou o cartão do seguro (保⁠険⁠証)? Mostre na recepção.</translation>
        </message>
        <message>
            <source>保険の資格の情報が見つかりませんでした</source>
            <translation>Não encontramos os dados do seu seguro</translation>
        </message>
        <message>
            <source>保険者の登録がまだ終わっていないことがあります。</source>
            <translation>A seguradora talvez ainda não os tenha registrado.</translation>
        </message>
        <message>
            <source>保険の情報が複数見つかりました</source>
            <translation>Encontramos mais de um seguro</translation>
        </message>
        <message>
            <source>どの保険を使うか、職員が確認します。</source>
            <translation>Um funcionário vai ver qual seguro usar.</translation>
        </message>
        <message>
            <source>ただいま、オンラインで資格を確認できません</source>
            <translation>Agora não dá para verificar o seguro on-line</translation>
        </message>
        <message>
            <source>職員が別の方法で確認します。</source>
            <translation>Um funcionário vai verificar de outra forma.</translation>
        </message>
        <message>
            <source>いつもどおり受付できますので、ご安心ください。</source>
            <translation>O check-in é feito normalmente. Não se preocupe.</translation>
        </message>
        <message>
            <source>過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。</source>
            <translation>Você concorda que esta clínica veja seus dados anteriores de consultas, remédios e exames?</translation>
        </message>
        <message>
            <source>同意すると、医師がこれまでの情報を見て、診療に役立てます。</source>
            <translation>Se concordar, o médico poderá ver esses dados e usá-los no seu tratamento.</translation>
        </message>
        <message>
            <source>限度額情報：提供する</source>
            <translation>Limite de pagamento (限⁠度⁠額): compartilhar</translation>
        </message>
        <message>
            <source>限度額情報：提供しない</source>
            <translation>Limite de pagamento (限⁠度⁠額): não compartilhar</translation>
        </message>
        <message>
            <source>同意する</source>
            <translation>Concordo</translation>
        </message>
        <message>
            <source>同意しない</source>
            <translation>Não concordo</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら</source>
            <translation>Para o benefício de despesas médicas altas</translation>
        </message>
        <message>
            <source>限度額情報を当機関に提供しますか。</source>
            <translation>Deseja compartilhar seu limite de pagamento (限⁠度⁠額) com esta clínica?</translation>
        </message>
        <message>
            <source>提供すると、窓口でのお支払いが自己負担限度額までになります。</source>
            <translation>Se compartilhar, você não paga no balcão mais do que o seu limite.</translation>
        </message>
        <message>
            <source>限度額適用認定証は不要です。</source>
            <translation>Não precisa do certificado de limite (限⁠度⁠額⁠適⁠用⁠認⁠定⁠証).</translation>
        </message>
        <message>
            <source>提供する</source>
            <translation>Compartilhar</translation>
        </message>
        <message>
            <source>提供しない</source>
            <translation>Não compartilhar</translation>
        </message>
        <message>
            <source>{name}様 受付しました。</source>
            <translation>{name}, seu check-in foi feito.</translation>
        </message>
        <message>
            <source>受付しました。</source>
            <translation>Seu check-in foi feito.</translation>
        </message>
        <message>
            <source>{name}様 確認が完了しました。</source>
            <translation>{name}, a verificação terminou.</translation>
        </message>
        <message>
            <source>確認が完了しました。</source>
            <translation>A verificação terminou.</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>Um funcionário vai confirmar seu seguro depois.</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出し、待合室でお待ちください。</source>
            <translation>Retire seu cartão My Number e aguarde na sala de espera.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。</source>
            <translation>O certificado eletrônico do cartão vence em breve. Renove na prefeitura.</translation>
        </message>
        <message>
            <source>職員を呼びました</source>
            <translation>Chamamos um funcionário</translation>
        </message>
        <message>
            <source>そのままお待ちください。</source>
            <translation>Aguarde aqui.</translation>
        </message>
        <message>
            <source>カードは置いたままにしてください。</source>
            <translation>Deixe o cartão onde está.</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>Voltar</translation>
        </message>
        <message>
            <source>終了しました</source>
            <translation>Encerrado</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出してください。</source>
            <translation>Retire seu cartão My Number.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお取りください</source>
            <translation>Retire seu cartão My Number</translation>
        </message>
        <message>
            <source>カードがカードリーダーに残っています。</source>
            <translation>Seu cartão ainda está no leitor.</translation>
        </message>
        <message>
            <source>本人確認の方法を選んでください</source>
            <translation>Escolha como confirmar sua identidade</translation>
        </message>
        <message>
            <source>顔認証</source>
            <translation>Reconhecimento facial</translation>
        </message>
        <message>
            <source>暗証番号</source>
            <translation>Senha (PIN)</translation>
        </message>
        <message>
            <source>カメラにお顔を映します</source>
            <translation>Mostre o rosto para a câmera</translation>
        </message>
        <message>
            <source>数字4桁を入力します</source>
            <translation>Digite 4 números</translation>
        </message>
        <message>
            <source>本人確認の情報は、他の目的には使用しません。</source>
            <translation>Os dados de identificação não são usados para outros fins.</translation>
        </message>
        <message>
            <source>大人の方が一緒に写っても大丈夫です。</source>
            <translation>Tudo bem se um adulto aparecer junto.</translation>
        </message>
        <message>
            <source>顔を枠内に入れてください</source>
            <translation>Coloque o rosto dentro da moldura</translation>
        </message>
        <message>
            <source>カメラを見て、そのままお待ちください。</source>
            <translation>Olhe para a câmera e aguarde.</translation>
        </message>
        <message>
            <source>暗証番号にする</source>
            <translation>Usar senha</translation>
        </message>
        <message>
            <source>あと{n}回ためせます。</source>
            <translation>Tentativas restantes: {n}</translation>
        </message>
        <message>
            <source>お子さまの顔を枠内に入れてください</source>
            <translation>Coloque o rosto da criança dentro da moldura</translation>
        </message>
        <message>
            <source>おとなの受付</source>
            <translation>Check-in de adulto</translation>
        </message>
        <message>
            <source>お子さまの受付</source>
            <translation>Check-in de criança</translation>
        </message>
        <message>
            <source>顔認証ができませんでした</source>
            <translation>O rosto não foi reconhecido</translation>
        </message>
        <message>
            <source>暗証番号で確認できます。わからないときは、職員がお手伝いします。</source>
            <translation>Você pode usar a senha. Se não souber, um funcionário vai ajudar.</translation>
        </message>
        <message>
            <source>暗証番号で確認</source>
            <translation>Usar senha</translation>
        </message>
        <message>
            <source>暗証番号（数字4桁）を入力してください</source>
            <translation>Digite sua senha (PIN, 4 números)</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>Senha errada.</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>Verificando…</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Apagar</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>入力できる回数：あと{n}回</source>
            <translation>Tentativas restantes: {n}</translation>
        </message>
        <message>
            <source>注意：あと{n}回まちがえると、カードがロックされます。</source>
            <translation>Atenção: mais {n} erros e o cartão será bloqueado.</translation>
        </message>
        <message>
            <source>暗証番号は、あと1回まちがえるとロックされます</source>
            <translation>Mais um erro e a senha será bloqueada</translation>
        </message>
        <message>
            <source>ロックされると、市区町村の窓口で解除が必要になります。</source>
            <translation>Se bloquear, só a prefeitura pode desbloquear.</translation>
        </message>
        <message>
            <source>顔認証で確認するか、職員をお呼びください。</source>
            <translation>Use o reconhecimento facial ou chame um funcionário.</translation>
        </message>
        <message>
            <source>顔認証で確認</source>
            <translation>Usar reconhecimento facial</translation>
        </message>
        <message>
            <source>暗証番号がロックされています</source>
            <translation>Sua senha está bloqueada</translation>
        </message>
        <message>
            <source>ロックの解除は、お住まいの市区町村の窓口でできます。</source>
            <translation>O desbloqueio é feito na prefeitura da sua cidade.</translation>
        </message>
        <message>
            <source>今日は、顔認証で確認できます。</source>
            <translation>Hoje você pode usar o reconhecimento facial.</translation>
        </message>
        <message>
            <source>保険の資格を確認しています</source>
            <translation>Verificando seu seguro</translation>
        </message>
        <message>
            <source>カードは置いたまま、お待ちください。</source>
            <translation>Deixe o cartão onde está e aguarde.</translation>
        </message>
    </context>
    <context>
        <name>Speech</name>
        <message>
            <source>プラスとマイナスのキーで選び、「確定」のキーで決めます。</source>
            <translation>Escolha com as teclas mais e menos e confirme com a tecla Enter.</translation>
        </message>
        <message>
            <source>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</source>
            <translation>Para chamar um funcionário, aperte a tecla Chamar funcionário.</translation>
        </message>
        <message>
            <source>職員を呼ぶ。職員がこちらに来ます。</source>
            <translation>Chamar funcionário. Um funcionário virá até você.</translation>
        </message>
        <message>
            <source>申立書を記入する。保険の情報を、画面で入力します。</source>
            <translation>Preencher declaração. Você digita os dados do seu seguro na tela.</translation>
        </message>
        <message>
            <source>待たずに進む。申立書や前回の記録で受付します。</source>
            <translation>Seguir sem esperar. O check-in continua pela declaração ou pelo registro da última consulta.</translation>
        </message>
        <message>
            <source>「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。</source>
            <translation>Escolhendo Preencher declaração, você pode digitar os dados do seu seguro.</translation>
        </message>
        <message>
            <source>終了。受付をやめて、はじめにもどります。</source>
            <translation>Encerrar. Para o check-in e volta ao início.</translation>
        </message>
        <message>
            <source>もう一度聞く。この画面の案内を、もう一度読み上げます。</source>
            <translation>Ouvir de novo. Lê as instruções desta tela outra vez.</translation>
        </message>
        <message>
            <source>{what}。いまは{state}です。「確定」のキーで切り替えます。</source>
            <translation>{what}. Agora está {state}. Aperte a tecla Enter para mudar.</translation>
        </message>
        <message>
            <source>言語を選ぶ。ほかの言語の画面にします。</source>
            <translation>Escolher idioma. Mostra as telas em outro idioma.</translation>
        </message>
        <message>
            <source>お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。</source>
            <translation>Check-in de criança. Segure a criança no colo para a câmera ver o rosto dela.</translation>
        </message>
        <message>
            <source>おとなの受付。ご自身のお顔を映します。</source>
            <translation>Check-in de adulto. A câmera vê o seu próprio rosto.</translation>
        </message>
        <message>
            <source>{n}けた目を入力しました</source>
            <translation>Números digitados: {n}</translation>
        </message>
        <message>
            <source>1けた消しました</source>
            <translation>Um número apagado</translation>
        </message>
        <message>
            <source>4けた目を入力しました。「確定」のキーを押してください。</source>
            <translation>Números digitados: 4. Aperte a tecla Enter.</translation>
        </message>
        <message>
            <source>カードが読み取り機に残っています。カードをお取りください。</source>
            <translation>Seu cartão ainda está no leitor. Retire o cartão.</translation>
        </message>
        <message>
            <source>「もう一度聞く」のキーで、案内をもう一度聞けます。</source>
            <translation>Aperte a tecla Ouvir de novo para ouvir as instruções outra vez.</translation>
        </message>
        <message>
            <source>プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。</source>
            <translation>Com as teclas mais e menos, você pode escolher texto maior, mais tempo ou outro idioma.</translation>
        </message>
        <message>
            <source>次へ。本人確認に進みます。</source>
            <translation>Próximo. Segue para a confirmação da identidade.</translation>
        </message>
        <message>
            <source>受付を続けるときは、「確定」のキーを押してください。</source>
            <translation>Para continuar o check-in, aperte a tecla Enter.</translation>
        </message>
        <message>
            <source>顔認証。カメラにお顔を映して確認します。</source>
            <translation>Reconhecimento facial. A câmera confere o seu rosto.</translation>
        </message>
        <message>
            <source>暗証番号。数字4けたを、キーで入力して確認します。</source>
            <translation>Senha. Você digita 4 números nas teclas.</translation>
        </message>
        <message>
            <source>顔認証か、暗証番号を選んでください。</source>
            <translation>Escolha reconhecimento facial ou senha.</translation>
        </message>
        <message>
            <source>暗証番号にする。顔認証をやめて、暗証番号で確認します。</source>
            <translation>Usar senha. Para o reconhecimento facial e usa a senha.</translation>
        </message>
        <message>
            <source>暗証番号で確認するときは、「暗証番号にする」を選んでください。</source>
            <translation>Para usar a senha, escolha Usar senha.</translation>
        </message>
        <message>
            <source>暗証番号で確認。数字4けたを、キーで入力します。</source>
            <translation>Usar senha. Você digita 4 números nas teclas.</translation>
        </message>
        <message>
            <source>確定。入力した暗証番号で確認します。</source>
            <translation>OK. Confere a senha digitada.</translation>
        </message>
        <message>
            <source>訂正。最後の1けたを消します。</source>
            <translation>Apagar. Apaga o último número.</translation>
        </message>
        <message>
            <source>キャンセル。受付をやめて、はじめにもどります。</source>
            <translation>Cancelar. Para o check-in e volta ao início.</translation>
        </message>
        <message>
            <source>数字のキーで4けたを入力し、「確定」のキーを押してください。</source>
            <translation>Digite 4 números nas teclas de número e aperte a tecla Enter.</translation>
        </message>
        <message>
            <source>入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。</source>
            <translation>Os números digitados não são lidos em voz alta. Se errar, aperte a tecla Apagar um número.</translation>
        </message>
        <message>
            <source>顔認証で確認。カメラにお顔を映します。</source>
            <translation>Usar reconhecimento facial. A câmera confere o seu rosto.</translation>
        </message>
        <message>
            <source>まちがいありません。次の質問に進みます。</source>
            <translation>Está correto. Segue para a próxima pergunta.</translation>
        </message>
        <message>
            <source>カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。</source>
            <translation>O nome, a data de nascimento, o sexo e o endereço do cartão estão na tela. Eles não são lidos em voz alta.</translation>
        </message>
        <message>
            <source>まちがいなければ、「確定」のキーを押してください。</source>
            <translation>Se estiver correto, aperte a tecla Enter.</translation>
        </message>
        <message>
            <source>同意する。</source>
            <translation>Concordo.</translation>
        </message>
        <message>
            <source>同意しない。同意しなくても、受付はできます。</source>
            <translation>Não concordo. Mesmo sem concordar, você pode fazer o check-in.</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら。限度額情報についての質問です。</source>
            <translation>Para o benefício de despesas médicas altas. É uma pergunta sobre o seu limite de pagamento.</translation>
        </message>
        <message>
            <source>同意する、か、同意しない、を選んでください。</source>
            <translation>Escolha Concordo ou Não concordo.</translation>
        </message>
        <message>
            <source>提供する、か、提供しない、を選んでください。</source>
            <translation>Escolha Compartilhar ou Não compartilhar.</translation>
        </message>
        <message>
            <source>もどる。職員を呼ぶ前の画面にもどります。</source>
            <translation>Voltar. Volta para a tela de antes de chamar o funcionário.</translation>
        </message>
        <message>
            <source>「入力する」か「わからない」を選んでください。</source>
            <translation>Escolha Digitar ou Não sei.</translation>
        </message>
        <message>
            <source>画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。</source>
            <translation>Digite com as teclas de katakana da tela e toque em Seguir. O que você digitar não é lido em voz alta.</translation>
        </message>
        <message>
            <source>数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。</source>
            <translation>Digite o número nas teclas de número e aperte a tecla Enter. Os números não são lidos em voz alta.</translation>
        </message>
        <message>
            <source>内容は画面に出ています。よければ「受付する」を選んでください。</source>
            <translation>Suas respostas estão na tela. Se estiverem certas, escolha Fazer check-in.</translation>
        </message>
    </context>
    <context>
        <name>Staff</name>
        <message>
            <source>名前を選び、暗証番号を入力してください</source>
            <translation>名前を選び、暗証番号を入力してください</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>暗証番号がちがいます。</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>訂正</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>確定</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{year}年{month}月{day}日</translation>
        </message>
        <message>
            <source>保険者名なし</source>
            <translation>保険者名なし</translation>
        </message>
        <message>
            <source>有効期間 記載なし</source>
            <translation>有効期間 記載なし</translation>
        </message>
        <message>
            <source>有効期間 {start} ～ {end}</source>
            <translation>有効期間 {start} ～ {end}</translation>
        </message>
        <message>
            <source>保険者番号 {number}</source>
            <translation>保険者番号 {number}</translation>
        </message>
        <message>
            <source>記号 {symbol}　番号 {card}　枝番 {branch}</source>
            <translation>記号 {symbol}　番号 {card}　枝番 {branch}</translation>
        </message>
        <message>
            <source>目視：本人と確認</source>
            <translation>目視：本人と確認</translation>
        </message>
        <message>
            <source>目視：確認できない</source>
            <translation>目視：確認できない</translation>
        </message>
        <message>
            <source>今の資格を選んでください（押すと決まります）</source>
            <translation>今の資格を選んでください（押すと決まります）</translation>
        </message>
        <message>
            <source>患者さんの操作に戻す</source>
            <translation>患者さんの操作に戻す</translation>
        </message>
        <message>
            <source>受付を終了</source>
            <translation>受付を終了</translation>
        </message>
        <message>
            <source>呼び出しに対応しました</source>
            <translation>呼び出しに対応しました</translation>
        </message>
        <message>
            <source>この画面で職員ができる操作はありません。</source>
            <translation>この画面で職員ができる操作はありません。</translation>
        </message>
        <message>
            <source>職員端末をつなぐ</source>
            <translation>職員端末をつなぐ</translation>
        </message>
        <message>
            <source>職員メニュー（{staff}）</source>
            <translation>職員メニュー（{staff}）</translation>
        </message>
        <message>
            <source>{state}（呼ばれた画面：{screen}）</source>
            <translation>{state}（呼ばれた画面：{screen}）</translation>
        </message>
        <message>
            <source>あと{m}分{s:02d}秒</source>
            <translation>あと{m}分{s:02d}秒</translation>
        </message>
        <message>
            <source>この受付機の名前を決めてください。職員端末にこの名前で表示されます。</source>
            <translation>この受付機の名前を決めてください。職員端末にこの名前で表示されます。</translation>
        </message>
        <message>
            <source>名前を入力してください。</source>
            <translation>名前を入力してください。</translation>
        </message>
        <message>
            <source>この名前にする</source>
            <translation>この名前にする</translation>
        </message>
        <message>
            <source>受付{n}</source>
            <translation>受付{n}</translation>
        </message>
        <message>
            <source>受付機を追加（同じ医院）</source>
            <translation>受付機を追加（同じ医院）</translation>
        </message>
        <message>
            <source>職員端末の「受付機を追加」で、QRコードを読み取るか、アドレスとコードを入力してください。</source>
            <translation>職員端末の「受付機を追加」で、QRコードを読み取るか、アドレスとコードを入力してください。</translation>
        </message>
        <message>
            <source>「{name}」に医院の鍵を渡しました。この画面を閉じてください。</source>
            <translation>「{name}」に医院の鍵を渡しました。この画面を閉じてください。</translation>
        </message>
        <message>
            <source>「{name}」は、もうこの医院の鍵を持っています。</source>
            <translation>「{name}」は、もうこの医院の鍵を持っています。</translation>
        </message>
        <message>
            <source>「{name}」に鍵は渡していません。新しい受付機に出ている説明を見てください。</source>
            <translation>「{name}」に鍵は渡していません。新しい受付機に出ている説明を見てください。</translation>
        </message>
        <message>
            <source>新しいコードを表示</source>
            <translation>新しいコードを表示</translation>
        </message>
        <message>
            <source>新しい受付機で「kiosk hub join」を使い、QRコードかアドレスとコードを入力します。</source>
            <translation>新しい受付機で「kiosk hub join」を使い、QRコードかアドレスとコードを入力します。</translation>
        </message>
        <message>
            <source>鍵はこの受付機から直接渡し、ハブには送りません。</source>
            <translation>鍵はこの受付機から直接渡し、ハブには送りません。</translation>
        </message>
        <message>
            <source>受付機の名前：{name}</source>
            <translation>受付機の名前：{name}</translation>
        </message>
        <message>
            <source>アドレス：{address}</source>
            <translation>アドレス：{address}</translation>
        </message>
        <message>
            <source>職員端末とつながりました。この画面を閉じてください。</source>
            <translation>職員端末とつながりました。この画面を閉じてください。</translation>
        </message>
        <message>
            <source>時間切れです。新しいコードを表示してください。</source>
            <translation>時間切れです。新しいコードを表示してください。</translation>
        </message>
        <message>
            <source>まちがったコードが続いたため、このコードは使えなくしました。</source>
            <translation>まちがったコードが続いたため、このコードは使えなくしました。</translation>
        </message>
    </context>
    <context>
        <name>StepBar</name>
        <message>
            <source>カードを置く</source>
            <translation>Cartão</translation>
        </message>
        <message>
            <source>本人確認</source>
            <translation>Identidade</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>Consentimento</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>Pronto</translation>
        </message>
    </context>
</TS>
