<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_easy" sourcelanguage="ja_JP">
    <context>
        <name>Chrome</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>職員《しょくいん》を 呼《よ》ぶ</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>もう 一度《いちど》 聞《き》く</translation>
        </message>
        <message>
            <source>音声案内</source>
            <translation>声《こえ》の 案内《あんない》</translation>
        </message>
        <message>
            <source>文字を大きく</source>
            <translation>字《じ》を 大《おお》きく</translation>
        </message>
        <message>
            <source>ゆっくり操作</source>
            <translation>ゆっくり 使《つか》う</translation>
        </message>
        <message>
            <source>オン</source>
            <translation>オン</translation>
        </message>
        <message>
            <source>オフ</source>
            <translation>オフ</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>終《お》わる</translation>
        </message>
        <message>
            <source>職員に知らせました。そのままお待ちください。</source>
            <translation>職員《しょくいん》に 知《し》らせました。ここで 待《ま》って ください。</translation>
        </message>
    </context>
    <context>
        <name>Declaration</name>
        <message>
            <source>会社の保険</source>
            <translation>会社《かいしゃ》の 保険《ほけん》</translation>
        </message>
        <message>
            <source>国民健康保険</source>
            <translation>国民健康保険《こくみんけんこうほけん》</translation>
        </message>
        <message>
            <source>後期高齢者医療</source>
            <translation>75歳《さい》以上《いじょう》の 保険《ほけん》</translation>
        </message>
        <message>
            <source>わからない</source>
            <translation>わからない</translation>
        </message>
        <message>
            <source>3割</source>
            <translation>3割《わり》（30%）</translation>
        </message>
        <message>
            <source>2割</source>
            <translation>2割《わり》（20%）</translation>
        </message>
        <message>
            <source>1割</source>
            <translation>1割《わり》（10%）</translation>
        </message>
        <message>
            <source>男性</source>
            <translation>男《おとこ》</translation>
        </message>
        <message>
            <source>女性</source>
            <translation>女《おんな》</translation>
        </message>
        <message>
            <source>記載なし</source>
            <translation>書《か》いて いない</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{year}年《ねん》{month}月《がつ》{day}日《にち》</translation>
        </message>
        <message>
            <source>お名前のフリガナを入力してください</source>
            <translation>名前《なまえ》の 読《よ》み方《かた》を カタカナで 入《い》れて ください</translation>
        </message>
        <message>
            <source>カタカナで入力します。姓と名のあいだは「空白」です。</source>
            <translation>カタカナで 入《い》れます。名字《みょうじ》と 名前《なまえ》の あいだで 「空白《くうはく》」を 押《お》して ください。</translation>
        </message>
        <message>
            <source>お名前のフリガナ</source>
            <translation>名前《なまえ》の 読《よ》み方《かた》</translation>
        </message>
        <message>
            <source>わからないときは「わからない」を押してください。職員がお手伝いします。</source>
            <translation>わからない ときは 「わからない」を 押《お》して ください。職員《しょくいん》が 手伝《てつだ》います。</translation>
        </message>
        <message>
            <source>保険者の名前を入力してください</source>
            <translation>保険者《ほけんしゃ》の 名前《なまえ》を 入《い》れて ください</translation>
        </message>
        <message>
            <source>保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。</source>
            <translation>保険証《ほけんしょう》や 資格確認書《しかくかくにんしょ》の 「保険者名称《ほけんしゃめいしょう》」に 書《か》いて ある 名前《なまえ》です。カタカナで 入《い》れます。</translation>
        </message>
        <message>
            <source>保険者の名前</source>
            <translation>保険者《ほけんしゃ》の 名前《なまえ》</translation>
        </message>
        <message>
            <source>お勤め先の名前を入力してください</source>
            <translation>働《はたら》いて いる 会社《かいしゃ》の 名前《なまえ》を 入《い》れて ください</translation>
        </message>
        <message>
            <source>ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。</source>
            <translation>家族《かぞく》の 保険《ほけん》に 入《はい》って いる 人《ひと》は、家族《かぞく》が 働《はたら》いて いる 会社《かいしゃ》です。カタカナで 入《い》れます。</translation>
        </message>
        <message>
            <source>お勤め先の名前</source>
            <translation>働《はたら》いて いる 会社《かいしゃ》</translation>
        </message>
        <message>
            <source>フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。</source>
            <translation>読《よ》み方《かた》が ないので、職員《しょくいん》が 聞《き》きに 来《く》る ことが あります。「職員《しょくいん》を 呼《よ》びました」と 出《で》たら、ここで 待《ま》って ください。</translation>
        </message>
        <message>
            <source>申立書の記入：カードの内容をご確認ください</source>
            <translation>保険《ほけん》の 書類《しょるい》（申立書《もうしたてしょ》）：カードに 書《か》いて ある ことを 見《み》て ください</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>名前《なまえ》</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>生《う》まれた 日《ひ》</translation>
        </message>
        <message>
            <source>性別</source>
            <translation>性別《せいべつ》</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>住所《じゅうしょ》</translation>
        </message>
        <message>
            <source>ちがうところがあれば、職員をお呼びください。</source>
            <translation>ちがう ところが あったら、職員《しょくいん》を 呼《よ》んで ください。</translation>
        </message>
        <message>
            <source>まちがいありません</source>
            <translation>これで 正《ただ》しい</translation>
        </message>
        <message>
            <source>入力する</source>
            <translation>入《い》れる</translation>
        </message>
        <message>
            <source>連絡先の電話番号を入力してください</source>
            <translation>電話番号《でんわばんごう》を 入《い》れて ください</translation>
        </message>
        <message>
            <source>携帯電話でも、ご自宅の電話でもかまいません。</source>
            <translation>携帯電話《けいたいでんわ》でも、家《いえ》の 電話《でんわ》でも いいです。</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>次《つぎ》へ</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>消《け》す</translation>
        </message>
        <message>
            <source>加入している保険の種類を選んでください</source>
            <translation>保険《ほけん》の 種類《しゅるい》を 選《えら》んで ください</translation>
        </message>
        <message>
            <source>窓口で支払う割合（負担割合）を選んでください</source>
            <translation>受付《うけつけ》で 払《はら》う 割合《わりあい》（負担割合《ふたんわりあい》）を 選《えら》んで ください</translation>
        </message>
        <message>
            <source>この内容で受付します</source>
            <translation>これで 受付《うけつけ》を します</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>読《よ》み方《かた》</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>電話番号《でんわばんごう》</translation>
        </message>
        <message>
            <source>保険の種類</source>
            <translation>保険《ほけん》の 種類《しゅるい》</translation>
        </message>
        <message>
            <source>負担割合</source>
            <translation>払《はら》う 割合《わりあい》</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>保険《ほけん》が 使《つか》えるか、あとで 職員《しょくいん》が 確認《かくにん》します。</translation>
        </message>
        <message>
            <source>保険者</source>
            <translation>保険者《ほけんしゃ》</translation>
        </message>
        <message>
            <source>お勤め先</source>
            <translation>働《はたら》いて いる 会社《かいしゃ》</translation>
        </message>
        <message>
            <source>受け付けています…</source>
            <translation>受付《うけつけ》を して います…</translation>
        </message>
        <message>
            <source>受付する</source>
            <translation>受付《うけつけ》する</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>もどる</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>研修用シナリオ</source>
            <translation>練習《れんしゅう》の シナリオ</translation>
        </message>
        <message>
            <source>カードを置く</source>
            <translation>カードを 置《お》く</translation>
        </message>
        <message>
            <source>カードを取る</source>
            <translation>カードを 取《と》る</translation>
        </message>
        <message>
            <source>リーダーを外す</source>
            <translation>リーダーを 外《はず》す</translation>
        </message>
        <message>
            <source>リーダーを戻す</source>
            <translation>リーダーを もどす</translation>
        </message>
        <message>
            <source>職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）</source>
            <translation>職員《しょくいん》メニュー：左上《ひだりうえ》の マークを 3秒《びょう》 押《お》す（{name}、暗証番号《あんしょうばんごう》 {pin}）</translation>
        </message>
    </context>
    <context>
        <name>Face</name>
        <message>
            <source>お顔が見つかりません。カメラの正面に立ってください。</source>
            <translation>顔《かお》が 見《み》えません。カメラの 前《まえ》に 立《た》って ください。</translation>
        </message>
        <message>
            <source>何人か映っています。おひとりで映ってください。</source>
            <translation>何人《なんにん》か 映《うつ》って います。ひとりで 映《うつ》って ください。</translation>
        </message>
        <message>
            <source>もう少しカメラに近づいてください。</source>
            <translation>もう 少《すこ》し カメラに 近《ちか》づいて ください。</translation>
        </message>
        <message>
            <source>少しカメラから離れてください。</source>
            <translation>少《すこ》し 後《うし》ろに 下《さ》がって ください。</translation>
        </message>
        <message>
            <source>お顔を枠のまん中に合わせてください。</source>
            <translation>顔《かお》を 枠《わく》の まん中《なか》に 入《い》れて ください。</translation>
        </message>
        <message>
            <source>お顔が暗く映っています。帽子をとり、顔を上げてください。</source>
            <translation>顔《かお》が 暗《くら》く 映《うつ》って います。帽子《ぼうし》を とって、顔《かお》を 上《あ》げて ください。</translation>
        </message>
        <message>
            <source>マスクを外してください。</source>
            <translation>マスクを 外《はず》して ください。</translation>
        </message>
        <message>
            <source>そのまま動かないでください。</source>
            <translation>そのまま 動《うご》かないで ください。</translation>
        </message>
        <message>
            <source>ゆっくり、まばたきをしてください。</source>
            <translation>ゆっくり 目《め》を 閉《と》じて、開《あ》けて ください。</translation>
        </message>
        <message>
            <source>すわったままでだいじょうぶです。カメラを見てください。</source>
            <translation>すわった ままで だいじょうぶです。カメラを 見《み》て ください。</translation>
        </message>
        <message>
            <source>あごを少し引いて、カメラを見てください。</source>
            <translation>あごを 少《すこ》し 下《さ》げて、カメラを 見《み》て ください。</translation>
        </message>
        <message>
            <source>お子さまのお顔が見つかりません。カメラに向けてください。</source>
            <translation>子《こ》どもの 顔《かお》が 見《み》えません。子《こ》どもを カメラに 向《む》けて ください。</translation>
        </message>
        <message>
            <source>お子さまを、もう少しカメラに近づけてください。</source>
            <translation>子《こ》どもを もう 少《すこ》し カメラに 近《ちか》づけて ください。</translation>
        </message>
        <message>
            <source>お子さまを、少しカメラから離してください。</source>
            <translation>子《こ》どもを 少《すこ》し カメラから 離《はな》して ください。</translation>
        </message>
        <message>
            <source>お子さまのお顔が枠のまん中に入るようにしてください。</source>
            <translation>子《こ》どもの 顔《かお》を 枠《わく》の まん中《なか》に 入《い》れて ください。</translation>
        </message>
        <message>
            <source>お子さまのお顔が暗く映っています。帽子をとってください。</source>
            <translation>子《こ》どもの 顔《かお》が 暗《くら》く 映《うつ》って います。帽子《ぼうし》を とって ください。</translation>
        </message>
        <message>
            <source>お子さまのマスクを外してください。</source>
            <translation>子《こ》どもの マスクを 外《はず》して ください。</translation>
        </message>
        <message>
            <source>お子さまを、そのまま動かさないでください。</source>
            <translation>子《こ》どもを そのまま 動《うご》かさないで ください。</translation>
        </message>
        <message>
            <source>お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。</source>
            <translation>子《こ》どもは すわった ままで だいじょうぶです。顔《かお》を 枠《わく》に 入《い》れて ください。</translation>
        </message>
        <message>
            <source>お子さまのあごを少し引いて、お顔が枠に入るようにしてください。</source>
            <translation>子《こ》どもの あごを 少《すこ》し 下《さ》げて ください。顔《かお》を 枠《わく》に 入《い》れて ください。</translation>
        </message>
    </context>
    <context>
        <name>KanaKeyboard</name>
        <message>
            <source>小</source>
            <translation>小《こ》</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>空白《くうはく》</translation>
        </message>
        <message>
            <source>消す</source>
            <translation>消《け》す</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>数字（暗証番号・電話番号）</source>
            <translation>数字《すうじ》（暗証番号《あんしょうばんごう》・電話番号《でんわばんごう》）</translation>
        </message>
        <message>
            <source>決定・確定</source>
            <translation>決定《けってい》</translation>
        </message>
        <message>
            <source>次のボタンへ</source>
            <translation>次《つぎ》の ボタンへ</translation>
        </message>
        <message>
            <source>前のボタンへ</source>
            <translation>前《まえ》の ボタンへ</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>もう 一度《いちど》 聞《き》く</translation>
        </message>
        <message>
            <source>職員を呼ぶ</source>
            <translation>職員《しょくいん》を 呼《よ》ぶ</translation>
        </message>
        <message>
            <source>1けた消す</source>
            <translation>1つ 消《け》す</translation>
        </message>
    </context>
    <context>
        <name>LanguageChooser</name>
        <message>
            <source>ことばを選んでください</source>
            <translation>ことばを 選《えら》んで ください</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>閉《と》じる</translation>
        </message>
    </context>
    <context>
        <name>Overlay</name>
        <message>
            <source>操作を続けますか？</source>
            <translation>まだ 続《つづ》けますか？</translation>
        </message>
        <message>
            <source>続ける</source>
            <translation>続《つづ》ける</translation>
        </message>
        <message>
            <source>あと{n}秒で終了します。</source>
            <translation>あと {n}秒《びょう》で 終《お》わります。</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>職員《しょくいん》を 呼《よ》ぶ</translation>
        </message>
        <message>
            <source>申立書を記入する</source>
            <translation>保険《ほけん》の 書類《しょるい》（申立書《もうしたてしょ》）を 書《か》く</translation>
        </message>
        <message>
            <source>時間がかかっています。このままお待ちいただくか、職員を呼んでください。</source>
            <translation>時間《じかん》が かかっています。待《ま》つか、職員《しょくいん》を 呼《よ》んでください。</translation>
        </message>
        <message>
            <source>待たずに進む</source>
            <translation>待《ま》たないで 進《すす》む</translation>
        </message>
        <message>
            <source>マイナンバーカードを置いてください</source>
            <translation>マイナンバーカードを 置《お》いて ください</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして置いてください。</source>
            <translation>顔《かお》の 写真《しゃしん》が ある 方《ほう》を 上《うえ》に して 置《お》いて ください。</translation>
        </message>
        <message>
            <source>ケースやビニールから出してください。</source>
            <translation>ケースや ビニールから 出《だ》して ください。</translation>
        </message>
        <message>
            <source>診察券ではなく、マイナンバーカードです。</source>
            <translation>病院《びょういん》の カード（診察券《しんさつけん》）では ありません。マイナンバーカードです。</translation>
        </message>
        <message>
            <source>カードを読み取っています</source>
            <translation>カードを 読《よ》んで います</translation>
        </message>
        <message>
            <source>カードを動かさずに、お待ちください。</source>
            <translation>カードを 動《うご》かさないで ください。少《すこ》し 待《ま》って ください。</translation>
        </message>
        <message>
            <source>このカードはマイナンバーカードではありません</source>
            <translation>この カードは マイナンバーカードでは ありません</translation>
        </message>
        <message>
            <source>診察券やほかのカードは使えません。</source>
            <translation>診察券《しんさつけん》や ほかの カードは 使《つか》えません。</translation>
        </message>
        <message>
            <source>カードを取り出して、マイナンバーカードを置いてください。</source>
            <translation>この カードを 取《と》って ください。マイナンバーカードを 置《お》いて ください。</translation>
        </message>
        <message>
            <source>マイナンバーカードをお持ちでない方は、受付にお声がけください。</source>
            <translation>マイナンバーカードが ない 人《ひと》は、受付《うけつけ》の 人《ひと》に 言《い》って ください。</translation>
        </message>
        <message>
            <source>カードを読み取れませんでした</source>
            <translation>カードを 読《よ》めませんでした</translation>
        </message>
        <message>
            <source>カードを取り出して、もう一度置いてください。</source>
            <translation>カードを 取《と》って、もう 一度《いちど》 置《お》いて ください。</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして、ケースから出して置いてください。</source>
            <translation>ケースから 出《だ》して ください。顔《かお》の 写真《しゃしん》を 上《うえ》に して 置《お》いて ください。</translation>
        </message>
        <message>
            <source>何度やっても読めないときは、職員がお手伝いします。</source>
            <translation>何回《なんかい》 やっても 読《よ》めない ときは、職員《しょくいん》が 手伝《てつだ》います。</translation>
        </message>
        <message>
            <source>カードが取り出されました</source>
            <translation>カードを 取《と》りました</translation>
        </message>
        <message>
            <source>確認は終わっていません。</source>
            <translation>確認《かくにん》は まだ 終《お》わって いません。</translation>
        </message>
        <message>
            <source>はじめからやり直すときは、もう一度カードを置いてください。</source>
            <translation>はじめから やる ときは、もう 一度《いちど》 カードを 置《お》いて ください。</translation>
        </message>
        <message>
            <source>カードリーダーが使えません</source>
            <translation>カードリーダーが 使《つか》えません</translation>
        </message>
        <message>
            <source>いま、自動で直しています。しばらくお待ちください。</source>
            <translation>いま、機械《きかい》が 自分《じぶん》で 直《なお》して います。少《すこ》し 待《ま》って ください。</translation>
        </message>
        <message>
            <source>お急ぎの方は、受付にお声がけください。</source>
            <translation>急《いそ》ぐ 人《ひと》は、受付《うけつけ》の 人《ひと》に 言《い》って ください。</translation>
        </message>
        <message>
            <source>カードの電子証明書の有効期限が切れています</source>
            <translation>カードの 電子証明書《でんししょうめいしょ》の 期限《きげん》が 終《お》わって います</translation>
        </message>
        <message>
            <source>このカードでは、保険の確認ができません。</source>
            <translation>この カードでは、保険《ほけん》の 確認《かくにん》が できません。</translation>
        </message>
        <message>
            <source>電子証明書は、お住まいの市区町村の窓口で更新できます。</source>
            <translation>電子証明書《でんししょうめいしょ》は、住《す》んで いる 町《まち》の 市役所《しやくしょ》などで 新《あたら》しく できます。</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。</source>
            <translation>資格確認書《しかくかくにんしょ》や 保険証《ほけんしょう》が ある 人《ひと》は、受付《うけつけ》で 見《み》せて ください。職員《しょくいん》が 手伝《てつだ》います。</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています</source>
            <translation>電子証明書《でんししょうめいしょ》の 期限《きげん》が もうすぐ 終《お》わります</translation>
        </message>
        <message>
            <source>期限が切れる前に、お住まいの市区町村の窓口で更新してください。</source>
            <translation>期限《きげん》が 終《お》わる 前《まえ》に、市役所《しやくしょ》などで 新《あたら》しく して ください。</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>次《つぎ》へ</translation>
        </message>
        <message>
            <source>有効期限：{year}年{month}月{day}日</source>
            <translation>期限《きげん》：{year}年《ねん》{month}月《がつ》{day}日《にち》</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>決定《けってい》</translation>
        </message>
        <message>
            <source>ここから先は、職員がご案内します</source>
            <translation>ここからは 職員《しょくいん》が 手伝《てつだ》います</translation>
        </message>
        <message>
            <source>もう少し確認が必要です。</source>
            <translation>もう 少《すこ》し 確認《かくにん》が 必要《ひつよう》です。</translation>
        </message>
        <message>
            <source>カードは置いたまま、職員をお呼びください。</source>
            <translation>カードは 置《お》いた ままに して、職員《しょくいん》を 呼《よ》んで ください。</translation>
        </message>
        <message>
            <source>保険の資格が確認できませんでした</source>
            <translation>保険《ほけん》を 確認《かくにん》 できませんでした</translation>
        </message>
        <message>
            <source>保険が変わったとき、保険者の登録がまだ終わっていないことがあります。</source>
            <translation>保険《ほけん》が 変《か》わった ときは、まだ 登録《とうろく》が 終《お》わって いない ことが あります。</translation>
        </message>
        <message>
            <source>職員がお手伝いします。</source>
            <translation>職員《しょくいん》が 手伝《てつだ》います。</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。</source>
            <translation>資格確認書《しかくかくにんしょ》や 保険証《ほけんしょう》が ある 人《ひと》は、受付《うけつけ》で 見《み》せて ください。</translation>
        </message>
        <message>
            <source>保険の資格の情報が見つかりませんでした</source>
            <translation>保険《ほけん》の 情報《じょうほう》が 見《み》つかりませんでした</translation>
        </message>
        <message>
            <source>保険者の登録がまだ終わっていないことがあります。</source>
            <translation>保険《ほけん》の 登録《とうろく》が まだ 終《お》わって いない ことが あります。</translation>
        </message>
        <message>
            <source>保険の情報が複数見つかりました</source>
            <translation>保険《ほけん》の 情報《じょうほう》が 2つ 以上《いじょう》 あります</translation>
        </message>
        <message>
            <source>どの保険を使うか、職員が確認します。</source>
            <translation>どの 保険《ほけん》を 使《つか》うか、職員《しょくいん》が 確認《かくにん》します。</translation>
        </message>
        <message>
            <source>ただいま、オンラインで資格を確認できません</source>
            <translation>いま、インターネットで 保険《ほけん》を 確認《かくにん》 できません</translation>
        </message>
        <message>
            <source>職員が別の方法で確認します。</source>
            <translation>職員《しょくいん》が ほかの やり方《かた》で 確認《かくにん》します。</translation>
        </message>
        <message>
            <source>いつもどおり受付できますので、ご安心ください。</source>
            <translation>いつもと 同《おな》じように 受付《うけつけ》 できます。心配《しんぱい》 しないで ください。</translation>
        </message>
        <message>
            <source>過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。</source>
            <translation>前《まえ》の 診察《しんさつ》・薬《くすり》・健康診断《けんこうしんだん》の 情報《じょうほう》を、この 病院《びょういん》に 見《み》せる ことに 同意《どうい》しますか。</translation>
        </message>
        <message>
            <source>同意すると、医師がこれまでの情報を見て、診療に役立てます。</source>
            <translation>同意《どうい》すると、医者《いしゃ》が 前《まえ》の 情報《じょうほう》を 見《み》て、診察《しんさつ》に 使《つか》います。</translation>
        </message>
        <message>
            <source>限度額情報：提供する</source>
            <translation>限度額《げんどがく》の 情報《じょうほう》：見《み》せる</translation>
        </message>
        <message>
            <source>限度額情報：提供しない</source>
            <translation>限度額《げんどがく》の 情報《じょうほう》：見《み》せない</translation>
        </message>
        <message>
            <source>同意する</source>
            <translation>同意《どうい》する</translation>
        </message>
        <message>
            <source>同意しない</source>
            <translation>同意《どうい》しない</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら</source>
            <translation>医療費《いりょうひ》が 高《たか》い 人《ひと》（高額療養費《こうがくりょうようひ》）</translation>
        </message>
        <message>
            <source>限度額情報を当機関に提供しますか。</source>
            <translation>払《はら》う お金《かね》の 上限《じょうげん》（限度額《げんどがく》）の 情報《じょうほう》を、この 病院《びょういん》に 見《み》せますか。</translation>
        </message>
        <message>
            <source>提供すると、窓口でのお支払いが自己負担限度額までになります。</source>
            <translation>見《み》せると、受付《うけつけ》で 払《はら》う お金《かね》は 限度額《げんどがく》より 多《おお》く なりません。</translation>
        </message>
        <message>
            <source>限度額適用認定証は不要です。</source>
            <translation>限度額適用認定証《げんどがくてきようにんていしょう》は いりません。</translation>
        </message>
        <message>
            <source>提供する</source>
            <translation>見《み》せる</translation>
        </message>
        <message>
            <source>提供しない</source>
            <translation>見《み》せない</translation>
        </message>
        <message>
            <source>{name}様 受付しました。</source>
            <translation>{name}さん、受付《うけつけ》 しました。</translation>
        </message>
        <message>
            <source>受付しました。</source>
            <translation>受付《うけつけ》 しました。</translation>
        </message>
        <message>
            <source>{name}様 確認が完了しました。</source>
            <translation>{name}さん、確認《かくにん》が 終《お》わりました。</translation>
        </message>
        <message>
            <source>確認が完了しました。</source>
            <translation>確認《かくにん》が 終《お》わりました。</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>保険《ほけん》が 使《つか》えるか、あとで 職員《しょくいん》が 確認《かくにん》します。</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出し、待合室でお待ちください。</source>
            <translation>マイナンバーカードを 取《と》って ください。待合室《まちあいしつ》で 待《ま》って ください。</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。</source>
            <translation>電子証明書《でんししょうめいしょ》の 期限《きげん》が もうすぐ 終《お》わります。市役所《しやくしょ》などで 新《あたら》しく して ください。</translation>
        </message>
        <message>
            <source>職員を呼びました</source>
            <translation>職員《しょくいん》を 呼《よ》びました</translation>
        </message>
        <message>
            <source>そのままお待ちください。</source>
            <translation>ここで 待《ま》って ください。</translation>
        </message>
        <message>
            <source>カードは置いたままにしてください。</source>
            <translation>カードは 置《お》いた ままに して ください。</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>もどる</translation>
        </message>
        <message>
            <source>終了しました</source>
            <translation>終《お》わりました</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出してください。</source>
            <translation>マイナンバーカードを 取《と》って ください。</translation>
        </message>
        <message>
            <source>マイナンバーカードをお取りください</source>
            <translation>マイナンバーカードを 取《と》って ください</translation>
        </message>
        <message>
            <source>カードがカードリーダーに残っています。</source>
            <translation>カードが カードリーダーに 残《のこ》って います。</translation>
        </message>
        <message>
            <source>本人確認の方法を選んでください</source>
            <translation>本人確認《ほんにんかくにん》の やり方《かた》を 選《えら》んで ください</translation>
        </message>
        <message>
            <source>顔認証</source>
            <translation>顔《かお》</translation>
        </message>
        <message>
            <source>暗証番号</source>
            <translation>暗証番号《あんしょうばんごう》</translation>
        </message>
        <message>
            <source>カメラにお顔を映します</source>
            <translation>カメラに 顔《かお》を 映《うつ》します</translation>
        </message>
        <message>
            <source>数字4桁を入力します</source>
            <translation>4つの 数字《すうじ》を 入《い》れます</translation>
        </message>
        <message>
            <source>本人確認の情報は、他の目的には使用しません。</source>
            <translation>本人確認《ほんにんかくにん》の 情報《じょうほう》は、ほかの ことには 使《つか》いません。</translation>
        </message>
        <message>
            <source>大人の方が一緒に写っても大丈夫です。</source>
            <translation>大人《おとな》が いっしょに 映《うつ》っても だいじょうぶです。</translation>
        </message>
        <message>
            <source>顔を枠内に入れてください</source>
            <translation>顔《かお》を 枠《わく》の 中《なか》に 入《い》れて ください</translation>
        </message>
        <message>
            <source>カメラを見て、そのままお待ちください。</source>
            <translation>カメラを 見《み》て、そのまま 待《ま》って ください。</translation>
        </message>
        <message>
            <source>暗証番号にする</source>
            <translation>暗証番号《あんしょうばんごう》に する</translation>
        </message>
        <message>
            <source>あと{n}回ためせます。</source>
            <translation>あと {n}回《かい》 できます。</translation>
        </message>
        <message>
            <source>お子さまの顔を枠内に入れてください</source>
            <translation>子《こ》どもの 顔《かお》を 枠《わく》の 中《なか》に 入《い》れて ください</translation>
        </message>
        <message>
            <source>おとなの受付</source>
            <translation>大人《おとな》の 受付《うけつけ》</translation>
        </message>
        <message>
            <source>お子さまの受付</source>
            <translation>子《こ》どもの 受付《うけつけ》</translation>
        </message>
        <message>
            <source>顔認証ができませんでした</source>
            <translation>顔《かお》で 確認《かくにん》 できませんでした</translation>
        </message>
        <message>
            <source>暗証番号で確認できます。わからないときは、職員がお手伝いします。</source>
            <translation>暗証番号《あんしょうばんごう》で 確認《かくにん》 できます。わからない ときは、職員《しょくいん》が 手伝《てつだ》います。</translation>
        </message>
        <message>
            <source>暗証番号で確認</source>
            <translation>暗証番号《あんしょうばんごう》で 確認《かくにん》</translation>
        </message>
        <message>
            <source>暗証番号（数字4桁）を入力してください</source>
            <translation>暗証番号《あんしょうばんごう》（4つの 数字《すうじ》）を 入《い》れて ください</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>暗証番号《あんしょうばんごう》が ちがいます。</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>確認《かくにん》して います…</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>消《け》す</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>やめる</translation>
        </message>
        <message>
            <source>入力できる回数：あと{n}回</source>
            <translation>あと {n}回《かい》 入《い》れられます</translation>
        </message>
        <message>
            <source>注意：あと{n}回まちがえると、カードがロックされます。</source>
            <translation>注意《ちゅうい》：あと {n}回《かい》 まちがえると、カードに ロックが かかります。</translation>
        </message>
        <message>
            <source>暗証番号は、あと1回まちがえるとロックされます</source>
            <translation>暗証番号《あんしょうばんごう》を あと ｜1回《いっかい》 まちがえると、ロックが かかります</translation>
        </message>
        <message>
            <source>ロックされると、市区町村の窓口で解除が必要になります。</source>
            <translation>ロックが かかると、市役所《しやくしょ》などに 行《い》く 必要《ひつよう》が あります。</translation>
        </message>
        <message>
            <source>顔認証で確認するか、職員をお呼びください。</source>
            <translation>顔《かお》で 確認《かくにん》するか、職員《しょくいん》を 呼《よ》んで ください。</translation>
        </message>
        <message>
            <source>顔認証で確認</source>
            <translation>顔《かお》で 確認《かくにん》</translation>
        </message>
        <message>
            <source>暗証番号がロックされています</source>
            <translation>暗証番号《あんしょうばんごう》に ロックが かかって います</translation>
        </message>
        <message>
            <source>ロックの解除は、お住まいの市区町村の窓口でできます。</source>
            <translation>ロックは、住《す》んで いる 町《まち》の 市役所《しやくしょ》などで 外《はず》せます。</translation>
        </message>
        <message>
            <source>今日は、顔認証で確認できます。</source>
            <translation>今日《きょう》は、顔《かお》で 確認《かくにん》 できます。</translation>
        </message>
        <message>
            <source>保険の資格を確認しています</source>
            <translation>保険《ほけん》を 確認《かくにん》して います</translation>
        </message>
        <message>
            <source>カードは置いたまま、お待ちください。</source>
            <translation>カードは 置《お》いた まま、待《ま》って ください。</translation>
        </message>
    </context>
    <context>
        <name>Speech</name>
        <message>
            <source>プラスとマイナスのキーで選び、「確定」のキーで決めます。</source>
            <translation>プラスとマイナスのキーで選びます。「決定」のキーで決めます。</translation>
        </message>
        <message>
            <source>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</source>
            <translation>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</translation>
        </message>
        <message>
            <source>職員を呼ぶ。職員がこちらに来ます。</source>
            <translation>職員を呼ぶ。職員がここに来ます。</translation>
        </message>
        <message>
            <source>申立書を記入する。保険の情報を、画面で入力します。</source>
            <translation>保険の書類、申立書を書く。保険のことを、画面で入れます。</translation>
        </message>
        <message>
            <source>待たずに進む。申立書や前回の記録で受付します。</source>
            <translation>待たないで進む。保険の書類か、前の記録で受付します。</translation>
        </message>
        <message>
            <source>「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。</source>
            <translation>「保険の書類を書く」を選ぶと、保険のことを自分で入れることができます。</translation>
        </message>
        <message>
            <source>終了。受付をやめて、はじめにもどります。</source>
            <translation>終わる。受付をやめて、はじめにもどります。</translation>
        </message>
        <message>
            <source>もう一度聞く。この画面の案内を、もう一度読み上げます。</source>
            <translation>もう一度聞く。この画面の説明を、もう一度言います。</translation>
        </message>
        <message>
            <source>{what}。いまは{state}です。「確定」のキーで切り替えます。</source>
            <translation>{what}。いまは{state}です。「決定」のキーで変えます。</translation>
        </message>
        <message>
            <source>言語を選ぶ。ほかの言語の画面にします。</source>
            <translation>ことばを選ぶ。ほかのことばの画面にします。</translation>
        </message>
        <message>
            <source>お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。</source>
            <translation>子どもの受付。子どもをだいて、子どもの顔を映します。</translation>
        </message>
        <message>
            <source>おとなの受付。ご自身のお顔を映します。</source>
            <translation>大人の受付。あなたの顔を映します。</translation>
        </message>
        <message>
            <source>{n}けた目を入力しました</source>
            <translation>{n}つ目の数字を入れました</translation>
        </message>
        <message>
            <source>1けた消しました</source>
            <translation>1つ消しました</translation>
        </message>
        <message>
            <source>4けた目を入力しました。「確定」のキーを押してください。</source>
            <translation>4つ目の数字を入れました。「決定」のキーを押してください。</translation>
        </message>
        <message>
            <source>カードが読み取り機に残っています。カードをお取りください。</source>
            <translation>カードがカードリーダーに残っています。カードを取ってください。</translation>
        </message>
        <message>
            <source>「もう一度聞く」のキーで、案内をもう一度聞けます。</source>
            <translation>「もう一度聞く」のキーで、説明をもう一度聞くことができます。</translation>
        </message>
        <message>
            <source>プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。</source>
            <translation>プラスとマイナスのキーで、「字を大きく」、「ゆっくり使う」、ことばを選ぶことができます。</translation>
        </message>
        <message>
            <source>次へ。本人確認に進みます。</source>
            <translation>次へ。本人確認に進みます。</translation>
        </message>
        <message>
            <source>受付を続けるときは、「確定」のキーを押してください。</source>
            <translation>受付を続けるときは、「決定」のキーを押してください。</translation>
        </message>
        <message>
            <source>顔認証。カメラにお顔を映して確認します。</source>
            <translation>顔。カメラに顔を映して確認します。</translation>
        </message>
        <message>
            <source>暗証番号。数字4けたを、キーで入力して確認します。</source>
            <translation>暗証番号。4つの数字をキーで入れて、確認します。</translation>
        </message>
        <message>
            <source>顔認証か、暗証番号を選んでください。</source>
            <translation>「顔」か「暗証番号」を選んでください。</translation>
        </message>
        <message>
            <source>暗証番号にする。顔認証をやめて、暗証番号で確認します。</source>
            <translation>暗証番号にする。顔をやめて、暗証番号で確認します。</translation>
        </message>
        <message>
            <source>暗証番号で確認するときは、「暗証番号にする」を選んでください。</source>
            <translation>暗証番号で確認するときは、「暗証番号にする」を選んでください。</translation>
        </message>
        <message>
            <source>暗証番号で確認。数字4けたを、キーで入力します。</source>
            <translation>暗証番号で確認。4つの数字をキーで入れます。</translation>
        </message>
        <message>
            <source>確定。入力した暗証番号で確認します。</source>
            <translation>決定。入れた暗証番号で確認します。</translation>
        </message>
        <message>
            <source>訂正。最後の1けたを消します。</source>
            <translation>消す。最後の1つを消します。</translation>
        </message>
        <message>
            <source>キャンセル。受付をやめて、はじめにもどります。</source>
            <translation>やめる。受付をやめて、はじめにもどります。</translation>
        </message>
        <message>
            <source>数字のキーで4けたを入力し、「確定」のキーを押してください。</source>
            <translation>数字のキーで4つ入れてください。そして「決定」のキーを押してください。</translation>
        </message>
        <message>
            <source>入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。</source>
            <translation>入れた数字は声に出しません。まちがえたときは、「1つ消す」のキーで消すことができます。</translation>
        </message>
        <message>
            <source>顔認証で確認。カメラにお顔を映します。</source>
            <translation>顔で確認。カメラに顔を映します。</translation>
        </message>
        <message>
            <source>まちがいありません。次の質問に進みます。</source>
            <translation>これで正しい。次の質問に進みます。</translation>
        </message>
        <message>
            <source>カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。</source>
            <translation>カードの名前、生まれた日、性別、住所が画面に出ています。声には出しません。</translation>
        </message>
        <message>
            <source>まちがいなければ、「確定」のキーを押してください。</source>
            <translation>正しければ、「決定」のキーを押してください。</translation>
        </message>
        <message>
            <source>同意する。</source>
            <translation>同意する。</translation>
        </message>
        <message>
            <source>同意しない。同意しなくても、受付はできます。</source>
            <translation>同意しない。同意しなくても、受付はできます。</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら。限度額情報についての質問です。</source>
            <translation>医療費が高い人、高額療養費。限度額の情報の質問です。</translation>
        </message>
        <message>
            <source>同意する、か、同意しない、を選んでください。</source>
            <translation>「同意する」か「同意しない」を選んでください。</translation>
        </message>
        <message>
            <source>提供する、か、提供しない、を選んでください。</source>
            <translation>「見せる」か「見せない」を選んでください。</translation>
        </message>
        <message>
            <source>もどる。職員を呼ぶ前の画面にもどります。</source>
            <translation>もどる。職員を呼ぶ前の画面にもどります。</translation>
        </message>
        <message>
            <source>「入力する」か「わからない」を選んでください。</source>
            <translation>「入れる」か「わからない」を選んでください。</translation>
        </message>
        <message>
            <source>画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。</source>
            <translation>画面のカタカナのキーで入れて、「次へ」を押してください。入れた字は声に出しません。</translation>
        </message>
        <message>
            <source>数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。</source>
            <translation>数字のキーで入れて、「決定」のキーを押してください。入れた数字は声に出しません。</translation>
        </message>
        <message>
            <source>内容は画面に出ています。よければ「受付する」を選んでください。</source>
            <translation>内容は画面に出ています。よければ「受付する」を選んでください。</translation>
        </message>
    </context>
    <context>
        <name>Staff</name>
        <message>
            <source>名前を選び、暗証番号を入力してください</source>
            <translation>名前《なまえ》を 選《えら》んで、暗証番号《あんしょうばんごう》を 入《い》れて ください</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>暗証番号《あんしょうばんごう》が ちがいます。</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>閉《と》じる</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>消《け》す</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>決定《けってい》</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{year}年《ねん》{month}月《がつ》{day}日《にち》</translation>
        </message>
        <message>
            <source>保険者名なし</source>
            <translation>保険者名《ほけんしゃめい》 なし</translation>
        </message>
        <message>
            <source>有効期間 記載なし</source>
            <translation>有効期間《ゆうこうきかん》 記載《きさい》なし</translation>
        </message>
        <message>
            <source>有効期間 {start} ～ {end}</source>
            <translation>有効期間《ゆうこうきかん》 {start} ～ {end}</translation>
        </message>
        <message>
            <source>保険者番号 {number}</source>
            <translation>保険者番号《ほけんしゃばんごう》 {number}</translation>
        </message>
        <message>
            <source>記号 {symbol}　番号 {card}　枝番 {branch}</source>
            <translation>記号《きごう》 {symbol}　番号《ばんごう》 {card}　枝番《えだばん》 {branch}</translation>
        </message>
        <message>
            <source>目視：本人と確認</source>
            <translation>目視《もくし》：本人《ほんにん》と 確認《かくにん》</translation>
        </message>
        <message>
            <source>目視：確認できない</source>
            <translation>目視《もくし》：確認《かくにん》 できない</translation>
        </message>
        <message>
            <source>今の資格を選んでください（押すと決まります）</source>
            <translation>今《いま》の 資格《しかく》を 選《えら》んで ください（押《お》すと 決《き》まります）</translation>
        </message>
        <message>
            <source>患者さんの操作に戻す</source>
            <translation>患者《かんじゃ》さんの 操作《そうさ》に もどす</translation>
        </message>
        <message>
            <source>受付を終了</source>
            <translation>受付《うけつけ》を 終《お》わる</translation>
        </message>
        <message>
            <source>呼び出しに対応しました</source>
            <translation>呼《よ》び出《だ》しに 対応《たいおう》しました</translation>
        </message>
        <message>
            <source>この画面で職員ができる操作はありません。</source>
            <translation>この 画面《がめん》で 職員《しょくいん》が できる 操作《そうさ》は ありません。</translation>
        </message>
        <message>
            <source>職員端末をつなぐ</source>
            <translation>職員《しょくいん》の パソコンを つなぐ</translation>
        </message>
        <message>
            <source>職員メニュー（{staff}）</source>
            <translation>職員《しょくいん》メニュー（{staff}）</translation>
        </message>
        <message>
            <source>{state}（呼ばれた画面：{screen}）</source>
            <translation>{state}（呼《よ》ばれた 画面《がめん》：{screen}）</translation>
        </message>
        <message>
            <source>あと{m}分{s:02d}秒</source>
            <translation>あと {m}分《ふん》{s:02d}秒《びょう》</translation>
        </message>
        <message>
            <source>この受付機の名前を決めてください。職員端末にこの名前で表示されます。</source>
            <translation>この 受付機《うけつけき》の 名前《なまえ》を 決《き》めて ください。職員《しょくいん》の パソコンに この 名前《なまえ》で 出《で》ます。</translation>
        </message>
        <message>
            <source>名前を入力してください。</source>
            <translation>名前《なまえ》を 入《い》れて ください。</translation>
        </message>
        <message>
            <source>この名前にする</source>
            <translation>この 名前《なまえ》に する</translation>
        </message>
        <message>
            <source>受付{n}</source>
            <translation>受付《うけつけ》{n}</translation>
        </message>
        <message>
            <source>受付機を追加（同じ医院）</source>
            <translation>受付機《うけつけき》を 増《ふ》やす（同《おな》じ 医院《いいん》）</translation>
        </message>
        <message>
            <source>職員端末の「受付機を追加」で、QRコードを読み取るか、アドレスとコードを入力してください。</source>
            <translation>職員《しょくいん》の パソコンの 「受付機《うけつけき》を 追加《ついか》」で、QRコードを 読《よ》み取《と》るか、アドレスと コードを 入《い》れて ください。</translation>
        </message>
        <message>
            <source>「{name}」に医院の鍵を渡しました。この画面を閉じてください。</source>
            <translation>「{name}」に 医院《いいん》の 鍵《かぎ》を 渡《わた》しました。この 画面《がめん》を 閉《と》じて ください。</translation>
        </message>
        <message>
            <source>「{name}」は、もうこの医院の鍵を持っています。</source>
            <translation>「{name}」は、もう この 医院《いいん》の 鍵《かぎ》を 持《も》って います。</translation>
        </message>
        <message>
            <source>「{name}」に鍵は渡していません。新しい受付機に出ている説明を見てください。</source>
            <translation>「{name}」に 鍵《かぎ》は 渡《わた》して いません。新《あたら》しい 受付機《うけつけき》の 画面《がめん》を 見《み》て ください。</translation>
        </message>
        <message>
            <source>新しいコードを表示</source>
            <translation>新《あたら》しい コードを 出《だ》す</translation>
        </message>
        <message>
            <source>新しい受付機で「kiosk hub join」を使い、QRコードかアドレスとコードを入力します。</source>
            <translation>新《あたら》しい 受付機《うけつけき》で「kiosk hub join」を 使《つか》い、QRコードか アドレスと コードを 入《い》れます。</translation>
        </message>
        <message>
            <source>鍵はこの受付機から直接渡し、ハブには送りません。</source>
            <translation>鍵《かぎ》は この 受付機《うけつけき》から 直接《ちょくせつ》 渡《わた》します。ハブには 送《おく》りません。</translation>
        </message>
        <message>
            <source>受付機の名前：{name}</source>
            <translation>受付機《うけつけき》の 名前《なまえ》：{name}</translation>
        </message>
        <message>
            <source>アドレス：{address}</source>
            <translation>アドレス：{address}</translation>
        </message>
        <message>
            <source>職員端末とつながりました。この画面を閉じてください。</source>
            <translation>職員《しょくいん》の パソコンと つながりました。この 画面《がめん》を 閉《と》じて ください。</translation>
        </message>
        <message>
            <source>時間切れです。新しいコードを表示してください。</source>
            <translation>時間《じかん》が 過《す》ぎました。新《あたら》しい コードを 出《だ》して ください。</translation>
        </message>
        <message>
            <source>まちがったコードが続いたため、このコードは使えなくしました。</source>
            <translation>まちがった コードが 続《つづ》いたので、この コードは 使《つか》えなく しました。</translation>
        </message>
    </context>
    <context>
        <name>StepBar</name>
        <message>
            <source>カードを置く</source>
            <translation>カードを おく</translation>
        </message>
        <message>
            <source>本人確認</source>
            <translation>ほんにん かくにん</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>どうい</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>おわり</translation>
        </message>
    </context>
</TS>
