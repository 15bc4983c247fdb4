<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil" sourcelanguage="ja_JP">
    <context>
        <name>Chrome</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Tawagin ang staff</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>Pakinggan muli</translation>
        </message>
        <message>
            <source>音声案内</source>
            <translation>Gabay na boses</translation>
        </message>
        <message>
            <source>文字を大きく</source>
            <translation>Malaking letra</translation>
        </message>
        <message>
            <source>ゆっくり操作</source>
            <translation>Dagdag na oras</translation>
        </message>
        <message>
            <source>オン</source>
            <translation>Naka-on</translation>
        </message>
        <message>
            <source>オフ</source>
            <translation>Naka-off</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Tapusin</translation>
        </message>
        <message>
            <source>職員に知らせました。そのままお待ちください。</source>
            <translation>Nasabihan na ang staff. Maghintay po rito.</translation>
        </message>
    </context>
    <context>
        <name>Declaration</name>
        <message>
            <source>会社の保険</source>
            <translation>Insurance ng kompanya</translation>
        </message>
        <message>
            <source>国民健康保険</source>
            <translation>National Health Insurance</translation>
        </message>
        <message>
            <source>後期高齢者医療</source>
            <translation>Para sa 75 taon pataas</translation>
        </message>
        <message>
            <source>わからない</source>
            <translation>Hindi ko alam</translation>
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
            <translation>Lalaki</translation>
        </message>
        <message>
            <source>女性</source>
            <translation>Babae</translation>
        </message>
        <message>
            <source>記載なし</source>
            <translation>Walang nakasulat</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{month:02d}/{day:02d}/{year}</translation>
        </message>
        <message>
            <source>お名前のフリガナを入力してください</source>
            <translation>Paki-type ang pangalan ninyo sa katakana</translation>
        </message>
        <message>
            <source>カタカナで入力します。姓と名のあいだは「空白」です。</source>
            <translation>I-type sa katakana. “Space” ang ilagay sa pagitan ng apelyido at pangalan.</translation>
        </message>
        <message>
            <source>お名前のフリガナ</source>
            <translation>Pangalan sa katakana</translation>
        </message>
        <message>
            <source>わからないときは「わからない」を押してください。職員がお手伝いします。</source>
            <translation>Kung hindi alam, pindutin ang “Hindi ko alam”. Tutulungan kayo ng staff.</translation>
        </message>
        <message>
            <source>保険者の名前を入力してください</source>
            <translation>Paki-type ang pangalan ng insurer</translation>
        </message>
        <message>
            <source>保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。</source>
            <translation>Ito ang pangalan sa “保⁠険⁠者⁠名⁠称” ng insurance card (保⁠険⁠証) o eligibility certificate (資⁠格⁠確⁠認⁠書). I-type sa katakana.</translation>
        </message>
        <message>
            <source>保険者の名前</source>
            <translation>Pangalan ng insurer</translation>
        </message>
        <message>
            <source>お勤め先の名前を入力してください</source>
            <translation>Paki-type ang pangalan ng inyong pinapasukan</translation>
        </message>
        <message>
            <source>ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。</source>
            <translation>Kung nasa insurance kayo ng kapamilya, ang pinapasukan niya ang ilagay. I-type sa katakana.</translation>
        </message>
        <message>
            <source>お勤め先の名前</source>
            <translation>Pangalan ng pinapasukan</translation>
        </message>
        <message>
            <source>フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。</source>
            <translation>Dahil walang pangalan sa katakana, baka magtanong ang staff. Kapag lumabas ang “Tinawag na ang staff”, maghintay po rito.</translation>
        </message>
        <message>
            <source>申立書の記入：カードの内容をご確認ください</source>
            <translation>Deklarasyon (申⁠立⁠書): pakisuri ang detalye ng card</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Pangalan</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>Petsa ng kapanganakan</translation>
        </message>
        <message>
            <source>性別</source>
            <translation>Kasarian</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Tirahan</translation>
        </message>
        <message>
            <source>ちがうところがあれば、職員をお呼びください。</source>
            <translation>Kung may mali, tawagin po ang staff.</translation>
        </message>
        <message>
            <source>まちがいありません</source>
            <translation>Tama ito</translation>
        </message>
        <message>
            <source>入力する</source>
            <translation>I-type</translation>
        </message>
        <message>
            <source>連絡先の電話番号を入力してください</source>
            <translation>Paki-type ang inyong numero ng telepono</translation>
        </message>
        <message>
            <source>携帯電話でも、ご自宅の電話でもかまいません。</source>
            <translation>Puwede ang cellphone o telepono sa bahay.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Tuloy</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Burahin</translation>
        </message>
        <message>
            <source>加入している保険の種類を選んでください</source>
            <translation>Piliin ang uri ng inyong health insurance</translation>
        </message>
        <message>
            <source>窓口で支払う割合（負担割合）を選んでください</source>
            <translation>Piliin kung ilang porsiyento ang babayaran ninyo</translation>
        </message>
        <message>
            <source>この内容で受付します</source>
            <translation>Mag-check-in gamit ang mga sagot na ito</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Katakana</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Telepono</translation>
        </message>
        <message>
            <source>保険の種類</source>
            <translation>Uri ng insurance</translation>
        </message>
        <message>
            <source>負担割合</source>
            <translation>Babayaran</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>Kukumpirmahin ng staff ang inyong insurance mamaya.</translation>
        </message>
        <message>
            <source>保険者</source>
            <translation>Insurer</translation>
        </message>
        <message>
            <source>お勤め先</source>
            <translation>Pinapasukan</translation>
        </message>
        <message>
            <source>受け付けています…</source>
            <translation>Nagche-check-in…</translation>
        </message>
        <message>
            <source>受付する</source>
            <translation>Mag-check-in</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>Balik</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>研修用シナリオ</source>
            <translation>Senaryo sa pagsasanay</translation>
        </message>
        <message>
            <source>カードを置く</source>
            <translation>Ilagay ang card</translation>
        </message>
        <message>
            <source>カードを取る</source>
            <translation>Kunin ang card</translation>
        </message>
        <message>
            <source>リーダーを外す</source>
            <translation>Tanggalin ang reader</translation>
        </message>
        <message>
            <source>リーダーを戻す</source>
            <translation>Ikabit muli ang reader</translation>
        </message>
        <message>
            <source>職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）</source>
            <translation>Menu ng staff: pindutin nang 3 segundo ang marka sa kaliwang itaas ({name}, PIN {pin})</translation>
        </message>
    </context>
    <context>
        <name>Face</name>
        <message>
            <source>お顔が見つかりません。カメラの正面に立ってください。</source>
            <translation>Hindi makita ang mukha ninyo. Tumayo po sa harap ng camera.</translation>
        </message>
        <message>
            <source>何人か映っています。おひとりで映ってください。</source>
            <translation>Higit sa isang tao ang nakikita. Isang tao lang po.</translation>
        </message>
        <message>
            <source>もう少しカメラに近づいてください。</source>
            <translation>Lumapit pa po nang kaunti sa camera.</translation>
        </message>
        <message>
            <source>少しカメラから離れてください。</source>
            <translation>Lumayo po nang kaunti sa camera.</translation>
        </message>
        <message>
            <source>お顔を枠のまん中に合わせてください。</source>
            <translation>Ilagay po ang mukha sa gitna ng frame.</translation>
        </message>
        <message>
            <source>お顔が暗く映っています。帽子をとり、顔を上げてください。</source>
            <translation>Madilim ang mukha ninyo. Pakialis ang sumbrero at iangat ang mukha.</translation>
        </message>
        <message>
            <source>マスクを外してください。</source>
            <translation>Pakitanggal po ang mask.</translation>
        </message>
        <message>
            <source>そのまま動かないでください。</source>
            <translation>Huwag po munang gumalaw.</translation>
        </message>
        <message>
            <source>ゆっくり、まばたきをしてください。</source>
            <translation>Kumurap po nang dahan-dahan.</translation>
        </message>
        <message>
            <source>すわったままでだいじょうぶです。カメラを見てください。</source>
            <translation>Ayos lang na nakaupo. Tumingin po sa camera.</translation>
        </message>
        <message>
            <source>あごを少し引いて、カメラを見てください。</source>
            <translation>Ibaba nang kaunti ang baba at tumingin sa camera.</translation>
        </message>
        <message>
            <source>お子さまのお顔が見つかりません。カメラに向けてください。</source>
            <translation>Hindi makita ang mukha ng bata. Iharap po siya sa camera.</translation>
        </message>
        <message>
            <source>お子さまを、もう少しカメラに近づけてください。</source>
            <translation>Ilapit pa nang kaunti ang bata sa camera.</translation>
        </message>
        <message>
            <source>お子さまを、少しカメラから離してください。</source>
            <translation>Ilayo nang kaunti ang bata sa camera.</translation>
        </message>
        <message>
            <source>お子さまのお顔が枠のまん中に入るようにしてください。</source>
            <translation>Ilagay ang mukha ng bata sa gitna ng frame.</translation>
        </message>
        <message>
            <source>お子さまのお顔が暗く映っています。帽子をとってください。</source>
            <translation>Madilim ang mukha ng bata. Pakialis ang kanyang sumbrero.</translation>
        </message>
        <message>
            <source>お子さまのマスクを外してください。</source>
            <translation>Pakitanggal ang mask ng bata.</translation>
        </message>
        <message>
            <source>お子さまを、そのまま動かさないでください。</source>
            <translation>Huwag munang igalaw ang bata.</translation>
        </message>
        <message>
            <source>お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。</source>
            <translation>Ayos lang na nakaupo ang bata. Ilagay ang mukha niya sa loob ng frame.</translation>
        </message>
        <message>
            <source>お子さまのあごを少し引いて、お顔が枠に入るようにしてください。</source>
            <translation>Ibaba nang kaunti ang baba ng bata at ilagay ang mukha niya sa frame.</translation>
        </message>
    </context>
    <context>
        <name>KanaKeyboard</name>
        <message>
            <source>小</source>
            <translation>Maliit</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>Space</translation>
        </message>
        <message>
            <source>消す</source>
            <translation>Bura</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>数字（暗証番号・電話番号）</source>
            <translation>Mga numero (PIN, telepono)</translation>
        </message>
        <message>
            <source>決定・確定</source>
            <translation>Kumpirmahin</translation>
        </message>
        <message>
            <source>次のボタンへ</source>
            <translation>Susunod na button</translation>
        </message>
        <message>
            <source>前のボタンへ</source>
            <translation>Nakaraang button</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>Pakinggan muli</translation>
        </message>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Tawagin ang staff</translation>
        </message>
        <message>
            <source>1けた消す</source>
            <translation>Burahin ang isang numero</translation>
        </message>
    </context>
    <context>
        <name>LanguageChooser</name>
        <message>
            <source>ことばを選んでください</source>
            <translation>Piliin ang wika</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Isara</translation>
        </message>
    </context>
    <context>
        <name>Overlay</name>
        <message>
            <source>操作を続けますか？</source>
            <translation>Magpapatuloy pa ba kayo?</translation>
        </message>
        <message>
            <source>続ける</source>
            <translation>Magpatuloy</translation>
        </message>
        <message>
            <source>あと{n}秒で終了します。</source>
            <translation>Matatapos ito sa loob ng {n} segundo.</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Tawagin ang staff</translation>
        </message>
        <message>
            <source>申立書を記入する</source>
            <translation>Punan ang deklarasyon (申⁠立⁠書)</translation>
        </message>
        <message>
            <source>時間がかかっています。このままお待ちいただくか、職員を呼んでください。</source>
            <translation>Medyo matagal ito. Maghintay po, o tumawag ng staff.</translation>
        </message>
        <message>
            <source>待たずに進む</source>
            <translation>Tuloy nang hindi naghihintay</translation>
        </message>
        <message>
            <source>マイナンバーカードを置いてください</source>
            <translation>Pakilagay ang inyong My Number card</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして置いてください。</source>
            <translation>Ilagay nang nakaharap paitaas ang may litrato.</translation>
        </message>
        <message>
            <source>ケースやビニールから出してください。</source>
            <translation>Ilabas ito sa case o plastik.</translation>
        </message>
        <message>
            <source>診察券ではなく、マイナンバーカードです。</source>
            <translation>My Number card po, hindi ang card ng klinika.</translation>
        </message>
        <message>
            <source>カードを読み取っています</source>
            <translation>Binabasa ang inyong card</translation>
        </message>
        <message>
            <source>カードを動かさずに、お待ちください。</source>
            <translation>Huwag galawin ang card. Maghintay po.</translation>
        </message>
        <message>
            <source>このカードはマイナンバーカードではありません</source>
            <translation>Hindi My Number card ang card na ito</translation>
        </message>
        <message>
            <source>診察券やほかのカードは使えません。</source>
            <translation>Hindi puwede ang card ng klinika o ibang card.</translation>
        </message>
        <message>
            <source>カードを取り出して、マイナンバーカードを置いてください。</source>
            <translation>Kunin ang card na ito at ilagay ang inyong My Number card.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお持ちでない方は、受付にお声がけください。</source>
            <translation>Kung wala kayong My Number card, lumapit po sa reception.</translation>
        </message>
        <message>
            <source>カードを読み取れませんでした</source>
            <translation>Hindi nabasa ang inyong card</translation>
        </message>
        <message>
            <source>カードを取り出して、もう一度置いてください。</source>
            <translation>Kunin ang card at ilagay muli.</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして、ケースから出して置いてください。</source>
            <translation>Ilabas sa case at ilagay nang nakaharap paitaas ang litrato.</translation>
        </message>
        <message>
            <source>何度やっても読めないときは、職員がお手伝いします。</source>
            <translation>Kung hindi pa rin mabasa, tutulungan kayo ng staff.</translation>
        </message>
        <message>
            <source>カードが取り出されました</source>
            <translation>Natanggal ang card</translation>
        </message>
        <message>
            <source>確認は終わっていません。</source>
            <translation>Hindi pa tapos ang pagsusuri.</translation>
        </message>
        <message>
            <source>はじめからやり直すときは、もう一度カードを置いてください。</source>
            <translation>Para magsimula ulit, ilagay muli ang card.</translation>
        </message>
        <message>
            <source>カードリーダーが使えません</source>
            <translation>Hindi gumagana ang card reader</translation>
        </message>
        <message>
            <source>いま、自動で直しています。しばらくお待ちください。</source>
            <translation>Kusa itong inaayos ngayon. Maghintay po sandali.</translation>
        </message>
        <message>
            <source>お急ぎの方は、受付にお声がけください。</source>
            <translation>Kung nagmamadali kayo, lumapit po sa reception.</translation>
        </message>
        <message>
            <source>カードの電子証明書の有効期限が切れています</source>
            <translation>Expired na ang electronic certificate ng card</translation>
        </message>
        <message>
            <source>このカードでは、保険の確認ができません。</source>
            <translation>Hindi masusuri ang insurance gamit ang card na ito.</translation>
        </message>
        <message>
            <source>電子証明書は、お住まいの市区町村の窓口で更新できます。</source>
            <translation>Maire-renew ang certificate sa inyong city hall.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。</source>
            <translation>Kung may eligibility certificate (資⁠格⁠確⁠認⁠書) o insurance card (保⁠険⁠証) kayo, ipakita po sa reception. Tutulungan kayo ng staff.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています</source>
            <translation>Mag-e-expire na ang electronic certificate</translation>
        </message>
        <message>
            <source>期限が切れる前に、お住まいの市区町村の窓口で更新してください。</source>
            <translation>I-renew po ito sa inyong city hall bago mag-expire.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Tuloy</translation>
        </message>
        <message>
            <source>有効期限：{year}年{month}月{day}日</source>
            <translation>Valid hanggang: {month:02d}/{day:02d}/{year}</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>ここから先は、職員がご案内します</source>
            <translation>Mula rito, gagabayan kayo ng staff</translation>
        </message>
        <message>
            <source>もう少し確認が必要です。</source>
            <translation>Kailangan pang suriin nang kaunti.</translation>
        </message>
        <message>
            <source>カードは置いたまま、職員をお呼びください。</source>
            <translation>Iwan ang card at tawagin ang staff.</translation>
        </message>
        <message>
            <source>保険の資格が確認できませんでした</source>
            <translation>Hindi makumpirma ang inyong insurance</translation>
        </message>
        <message>
            <source>保険が変わったとき、保険者の登録がまだ終わっていないことがあります。</source>
            <translation>Kung bagong palit ang insurance, baka hindi pa ito nairehistro ng insurer.</translation>
        </message>
        <message>
            <source>職員がお手伝いします。</source>
            <translation>Tutulungan kayo ng staff.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。</source>
            <translation>Kung may eligibility certificate (資⁠格⁠確⁠認⁠書) o insurance card (保⁠険⁠証) kayo, ipakita po sa reception.</translation>
        </message>
        <message>
            <source>保険の資格の情報が見つかりませんでした</source>
            <translation>Hindi nakita ang inyong insurance</translation>
        </message>
        <message>
            <source>保険者の登録がまだ終わっていないことがあります。</source>
            <translation>Baka hindi pa ito nairehistro ng insurer.</translation>
        </message>
        <message>
            <source>保険の情報が複数見つかりました</source>
            <translation>Higit sa isang insurance ang nakita</translation>
        </message>
        <message>
            <source>どの保険を使うか、職員が確認します。</source>
            <translation>Titingnan ng staff kung aling insurance ang gagamitin.</translation>
        </message>
        <message>
            <source>ただいま、オンラインで資格を確認できません</source>
            <translation>Hindi masuri online ang insurance sa ngayon</translation>
        </message>
        <message>
            <source>職員が別の方法で確認します。</source>
            <translation>Susuriin ito ng staff sa ibang paraan.</translation>
        </message>
        <message>
            <source>いつもどおり受付できますので、ご安心ください。</source>
            <translation>Makakapag-check-in pa rin kayo gaya ng dati. Huwag mag-alala.</translation>
        </message>
        <message>
            <source>過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。</source>
            <translation>Pumapayag ba kayong makita ng klinikang ito ang dati ninyong gamutan, gamot at health check?</translation>
        </message>
        <message>
            <source>同意すると、医師がこれまでの情報を見て、診療に役立てます。</source>
            <translation>Kapag pumayag kayo, makikita ito ng doktor para sa inyong gamutan.</translation>
        </message>
        <message>
            <source>限度額情報：提供する</source>
            <translation>Cost limit (限⁠度⁠額): ibabahagi</translation>
        </message>
        <message>
            <source>限度額情報：提供しない</source>
            <translation>Cost limit (限⁠度⁠額): hindi ibabahagi</translation>
        </message>
        <message>
            <source>同意する</source>
            <translation>Pumapayag ako</translation>
        </message>
        <message>
            <source>同意しない</source>
            <translation>Hindi ako pumapayag</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら</source>
            <translation>Para sa tulong sa malaking gastos medikal</translation>
        </message>
        <message>
            <source>限度額情報を当機関に提供しますか。</source>
            <translation>Ibabahagi ba ninyo sa klinikang ito ang inyong cost limit (限⁠度⁠額)?</translation>
        </message>
        <message>
            <source>提供すると、窓口でのお支払いが自己負担限度額までになります。</source>
            <translation>Kapag ibinahagi, hindi lalampas sa cost limit ang babayaran ninyo.</translation>
        </message>
        <message>
            <source>限度額適用認定証は不要です。</source>
            <translation>Hindi na kailangan ang limit certificate (限⁠度⁠額⁠適⁠用⁠認⁠定⁠証).</translation>
        </message>
        <message>
            <source>提供する</source>
            <translation>Ibahagi</translation>
        </message>
        <message>
            <source>提供しない</source>
            <translation>Huwag ibahagi</translation>
        </message>
        <message>
            <source>{name}様 受付しました。</source>
            <translation>{name}, naka-check-in na kayo.</translation>
        </message>
        <message>
            <source>受付しました。</source>
            <translation>Naka-check-in na kayo.</translation>
        </message>
        <message>
            <source>{name}様 確認が完了しました。</source>
            <translation>{name}, tapos na ang pagsusuri.</translation>
        </message>
        <message>
            <source>確認が完了しました。</source>
            <translation>Tapos na ang pagsusuri.</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>Kukumpirmahin ng staff ang inyong insurance mamaya.</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出し、待合室でお待ちください。</source>
            <translation>Kunin ang inyong My Number card at maghintay po sa waiting area.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。</source>
            <translation>Malapit nang mag-expire ang electronic certificate. I-renew po sa city hall.</translation>
        </message>
        <message>
            <source>職員を呼びました</source>
            <translation>Tinawag na ang staff</translation>
        </message>
        <message>
            <source>そのままお待ちください。</source>
            <translation>Maghintay po rito.</translation>
        </message>
        <message>
            <source>カードは置いたままにしてください。</source>
            <translation>Huwag alisin ang card.</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>Balik</translation>
        </message>
        <message>
            <source>終了しました</source>
            <translation>Tapos na</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出してください。</source>
            <translation>Kunin po ang inyong My Number card.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお取りください</source>
            <translation>Kunin ang inyong My Number card</translation>
        </message>
        <message>
            <source>カードがカードリーダーに残っています。</source>
            <translation>Nasa card reader pa ang inyong card.</translation>
        </message>
        <message>
            <source>本人確認の方法を選んでください</source>
            <translation>Piliin kung paano patutunayang kayo ito</translation>
        </message>
        <message>
            <source>顔認証</source>
            <translation>Face recognition</translation>
        </message>
        <message>
            <source>暗証番号</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>カメラにお顔を映します</source>
            <translation>Ipakita ang mukha sa camera</translation>
        </message>
        <message>
            <source>数字4桁を入力します</source>
            <translation>Mag-type ng 4 na numero</translation>
        </message>
        <message>
            <source>本人確認の情報は、他の目的には使用しません。</source>
            <translation>Hindi gagamitin sa ibang bagay ang impormasyong ito.</translation>
        </message>
        <message>
            <source>大人の方が一緒に写っても大丈夫です。</source>
            <translation>Ayos lang kung may kasamang adult sa camera.</translation>
        </message>
        <message>
            <source>顔を枠内に入れてください</source>
            <translation>Ilagay ang mukha sa loob ng frame</translation>
        </message>
        <message>
            <source>カメラを見て、そのままお待ちください。</source>
            <translation>Tumingin sa camera at maghintay.</translation>
        </message>
        <message>
            <source>暗証番号にする</source>
            <translation>PIN na lang</translation>
        </message>
        <message>
            <source>あと{n}回ためせます。</source>
            <translation>Natitirang subok: {n}</translation>
        </message>
        <message>
            <source>お子さまの顔を枠内に入れてください</source>
            <translation>Ilagay ang mukha ng bata sa loob ng frame</translation>
        </message>
        <message>
            <source>おとなの受付</source>
            <translation>Check-in ng adult</translation>
        </message>
        <message>
            <source>お子さまの受付</source>
            <translation>Check-in ng bata</translation>
        </message>
        <message>
            <source>顔認証ができませんでした</source>
            <translation>Hindi gumana ang face recognition</translation>
        </message>
        <message>
            <source>暗証番号で確認できます。わからないときは、職員がお手伝いします。</source>
            <translation>Puwedeng PIN ang gamitin. Kung hindi alam, tutulungan kayo ng staff.</translation>
        </message>
        <message>
            <source>暗証番号で確認</source>
            <translation>Gamitin ang PIN</translation>
        </message>
        <message>
            <source>暗証番号（数字4桁）を入力してください</source>
            <translation>I-type ang inyong PIN (4 na numero)</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>Mali ang PIN.</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>Sinusuri…</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Burahin</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Kanselahin</translation>
        </message>
        <message>
            <source>入力できる回数：あと{n}回</source>
            <translation>Natitirang subok: {n}</translation>
        </message>
        <message>
            <source>注意：あと{n}回まちがえると、カードがロックされます。</source>
            <translation>Babala: {n} pang mali at mala-lock ang card.</translation>
        </message>
        <message>
            <source>暗証番号は、あと1回まちがえるとロックされます</source>
            <translation>Isa pang maling PIN at mala-lock ito</translation>
        </message>
        <message>
            <source>ロックされると、市区町村の窓口で解除が必要になります。</source>
            <translation>Kapag na-lock, sa city hall lang ito maa-unlock.</translation>
        </message>
        <message>
            <source>顔認証で確認するか、職員をお呼びください。</source>
            <translation>Gamitin ang face recognition o tawagin ang staff.</translation>
        </message>
        <message>
            <source>顔認証で確認</source>
            <translation>Gamitin ang face recognition</translation>
        </message>
        <message>
            <source>暗証番号がロックされています</source>
            <translation>Naka-lock ang inyong PIN</translation>
        </message>
        <message>
            <source>ロックの解除は、お住まいの市区町村の窓口でできます。</source>
            <translation>Maa-unlock ito sa inyong city hall.</translation>
        </message>
        <message>
            <source>今日は、顔認証で確認できます。</source>
            <translation>Puwede ang face recognition ngayon.</translation>
        </message>
        <message>
            <source>保険の資格を確認しています</source>
            <translation>Sinusuri ang inyong insurance</translation>
        </message>
        <message>
            <source>カードは置いたまま、お待ちください。</source>
            <translation>Iwan ang card at maghintay po.</translation>
        </message>
    </context>
    <context>
        <name>Speech</name>
        <message>
            <source>プラスとマイナスのキーで選び、「確定」のキーで決めます。</source>
            <translation>Pumili gamit ang plus at minus key, at pindutin ang Enter key para kumpirmahin.</translation>
        </message>
        <message>
            <source>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</source>
            <translation>Para tawagin ang staff, pindutin ang key na Tawagin ang staff.</translation>
        </message>
        <message>
            <source>職員を呼ぶ。職員がこちらに来ます。</source>
            <translation>Tawagin ang staff. Pupuntahan kayo ng staff.</translation>
        </message>
        <message>
            <source>申立書を記入する。保険の情報を、画面で入力します。</source>
            <translation>Punan ang deklarasyon. Ita-type ninyo sa screen ang impormasyon ng insurance.</translation>
        </message>
        <message>
            <source>待たずに進む。申立書や前回の記録で受付します。</source>
            <translation>Tuloy nang hindi naghihintay. Magpapatuloy ang check-in gamit ang deklarasyon o ang rekord ng huling pagbisita.</translation>
        </message>
        <message>
            <source>「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。</source>
            <translation>Kapag pinili ang Punan ang deklarasyon, kayo mismo ang makakapag-type ng impormasyon ng insurance.</translation>
        </message>
        <message>
            <source>終了。受付をやめて、はじめにもどります。</source>
            <translation>Tapusin. Ititigil ang check-in at babalik sa simula.</translation>
        </message>
        <message>
            <source>もう一度聞く。この画面の案内を、もう一度読み上げます。</source>
            <translation>Pakinggan muli. Babasahin ulit ang gabay sa screen na ito.</translation>
        </message>
        <message>
            <source>{what}。いまは{state}です。「確定」のキーで切り替えます。</source>
            <translation>{what}. Ngayon ay {state}. Pindutin ang Enter key para palitan.</translation>
        </message>
        <message>
            <source>言語を選ぶ。ほかの言語の画面にします。</source>
            <translation>Pumili ng wika. Ipapakita ang screen sa ibang wika.</translation>
        </message>
        <message>
            <source>お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。</source>
            <translation>Check-in ng bata. Buhatin ang bata para makita ng camera ang mukha niya.</translation>
        </message>
        <message>
            <source>おとなの受付。ご自身のお顔を映します。</source>
            <translation>Check-in ng adult. Ang sarili ninyong mukha ang ipapakita sa camera.</translation>
        </message>
        <message>
            <source>{n}けた目を入力しました</source>
            <translation>Na-type na ang ika-{n} na numero</translation>
        </message>
        <message>
            <source>1けた消しました</source>
            <translation>Nabura ang isang numero</translation>
        </message>
        <message>
            <source>4けた目を入力しました。「確定」のキーを押してください。</source>
            <translation>Na-type na ang ika-4 na numero. Pindutin ang Enter key.</translation>
        </message>
        <message>
            <source>カードが読み取り機に残っています。カードをお取りください。</source>
            <translation>Nasa reader pa ang inyong card. Pakikuha po ang card.</translation>
        </message>
        <message>
            <source>「もう一度聞く」のキーで、案内をもう一度聞けます。</source>
            <translation>Pindutin ang key na Pakinggan muli para marinig ulit ang gabay.</translation>
        </message>
        <message>
            <source>プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。</source>
            <translation>Gamit ang plus at minus key, mapipili ninyo ang malaking letra, dagdag na oras, o ibang wika.</translation>
        </message>
        <message>
            <source>次へ。本人確認に進みます。</source>
            <translation>Tuloy. Susunod ang pagpapatunay na kayo ito.</translation>
        </message>
        <message>
            <source>受付を続けるときは、「確定」のキーを押してください。</source>
            <translation>Para ituloy ang check-in, pindutin ang Enter key.</translation>
        </message>
        <message>
            <source>顔認証。カメラにお顔を映して確認します。</source>
            <translation>Face recognition. Susuriin ng camera ang inyong mukha.</translation>
        </message>
        <message>
            <source>暗証番号。数字4けたを、キーで入力して確認します。</source>
            <translation>PIN. Ita-type ninyo ang 4 na numero sa mga key.</translation>
        </message>
        <message>
            <source>顔認証か、暗証番号を選んでください。</source>
            <translation>Piliin ang face recognition o PIN.</translation>
        </message>
        <message>
            <source>暗証番号にする。顔認証をやめて、暗証番号で確認します。</source>
            <translation>PIN na lang. Ititigil ang face recognition at PIN ang gagamitin.</translation>
        </message>
        <message>
            <source>暗証番号で確認するときは、「暗証番号にする」を選んでください。</source>
            <translation>Para PIN ang gamitin, piliin ang PIN na lang.</translation>
        </message>
        <message>
            <source>暗証番号で確認。数字4けたを、キーで入力します。</source>
            <translation>Gamitin ang PIN. Ita-type ninyo ang 4 na numero sa mga key.</translation>
        </message>
        <message>
            <source>確定。入力した暗証番号で確認します。</source>
            <translation>OK. Susuriin ang PIN na na-type ninyo.</translation>
        </message>
        <message>
            <source>訂正。最後の1けたを消します。</source>
            <translation>Burahin. Buburahin ang huling numero.</translation>
        </message>
        <message>
            <source>キャンセル。受付をやめて、はじめにもどります。</source>
            <translation>Kanselahin. Ititigil ang check-in at babalik sa simula.</translation>
        </message>
        <message>
            <source>数字のキーで4けたを入力し、「確定」のキーを押してください。</source>
            <translation>I-type ang 4 na numero gamit ang number key, at pindutin ang Enter key.</translation>
        </message>
        <message>
            <source>入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。</source>
            <translation>Hindi babasahin nang malakas ang mga numerong na-type. Kung nagkamali, pindutin ang key na Burahin ang isang numero.</translation>
        </message>
        <message>
            <source>顔認証で確認。カメラにお顔を映します。</source>
            <translation>Gamitin ang face recognition. Ipakita ang mukha sa camera.</translation>
        </message>
        <message>
            <source>まちがいありません。次の質問に進みます。</source>
            <translation>Tama ito. Pupunta sa susunod na tanong.</translation>
        </message>
        <message>
            <source>カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。</source>
            <translation>Nasa screen ang pangalan, petsa ng kapanganakan, kasarian at tirahan mula sa card. Hindi ito babasahin nang malakas.</translation>
        </message>
        <message>
            <source>まちがいなければ、「確定」のキーを押してください。</source>
            <translation>Kung tama, pindutin ang Enter key.</translation>
        </message>
        <message>
            <source>同意する。</source>
            <translation>Pumapayag ako.</translation>
        </message>
        <message>
            <source>同意しない。同意しなくても、受付はできます。</source>
            <translation>Hindi ako pumapayag. Makakapag-check-in pa rin kayo kahit hindi pumayag.</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら。限度額情報についての質問です。</source>
            <translation>Para sa tulong sa malaking gastos medikal. Tanong ito tungkol sa inyong cost limit.</translation>
        </message>
        <message>
            <source>同意する、か、同意しない、を選んでください。</source>
            <translation>Piliin ang Pumapayag ako o Hindi ako pumapayag.</translation>
        </message>
        <message>
            <source>提供する、か、提供しない、を選んでください。</source>
            <translation>Piliin ang Ibahagi o Huwag ibahagi.</translation>
        </message>
        <message>
            <source>もどる。職員を呼ぶ前の画面にもどります。</source>
            <translation>Balik. Babalik sa screen bago tinawag ang staff.</translation>
        </message>
        <message>
            <source>「入力する」か「わからない」を選んでください。</source>
            <translation>Piliin ang I-type o Hindi ko alam.</translation>
        </message>
        <message>
            <source>画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。</source>
            <translation>Mag-type gamit ang mga katakana key sa screen, at pindutin ang Tuloy. Hindi babasahin nang malakas ang na-type ninyo.</translation>
        </message>
        <message>
            <source>数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。</source>
            <translation>I-type ang numero gamit ang number key, at pindutin ang Enter key. Hindi babasahin nang malakas ang mga numero.</translation>
        </message>
        <message>
            <source>内容は画面に出ています。よければ「受付する」を選んでください。</source>
            <translation>Nasa screen ang inyong mga sagot. Kung tama, piliin ang Mag-check-in.</translation>
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
            <translation>Card</translation>
        </message>
        <message>
            <source>本人確認</source>
            <translation>Pagkilala</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>Pahintulot</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>Tapos</translation>
        </message>
    </context>
</TS>
