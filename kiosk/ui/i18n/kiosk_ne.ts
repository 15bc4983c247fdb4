<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ne" sourcelanguage="ja_JP">
    <context>
        <name>Chrome</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>कर्मचारी बोलाउनुहोस्</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>फेरि सुन्नुहोस्</translation>
        </message>
        <message>
            <source>音声案内</source>
            <translation>आवाज निर्देशन</translation>
        </message>
        <message>
            <source>文字を大きく</source>
            <translation>ठूला अक्षर</translation>
        </message>
        <message>
            <source>ゆっくり操作</source>
            <translation>बिस्तारै चलाउने</translation>
        </message>
        <message>
            <source>オン</source>
            <translation>अन</translation>
        </message>
        <message>
            <source>オフ</source>
            <translation>अफ</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>समाप्त</translation>
        </message>
        <message>
            <source>職員に知らせました。そのままお待ちください。</source>
            <translation>कर्मचारीलाई खबर गरियो। कृपया यहीँ पर्खनुहोस्।</translation>
        </message>
    </context>
    <context>
        <name>Declaration</name>
        <message>
            <source>会社の保険</source>
            <translation>कम्पनीको बीमा</translation>
        </message>
        <message>
            <source>国民健康保険</source>
            <translation>राष्ट्रिय स्वास्थ्य बीमा (国民健康保険)</translation>
        </message>
        <message>
            <source>後期高齢者医療</source>
            <translation>75 वर्षमाथिको बीमा (後期高齢者)</translation>
        </message>
        <message>
            <source>わからない</source>
            <translation>थाहा छैन</translation>
        </message>
        <message>
            <source>3割</source>
            <translation>30%</translation>
        </message>
        <message>
            <source>2割</source>
            <translation>20%</translation>
        </message>
        <message>
            <source>1割</source>
            <translation>10%</translation>
        </message>
        <message>
            <source>男性</source>
            <translation>पुरुष</translation>
        </message>
        <message>
            <source>女性</source>
            <translation>महिला</translation>
        </message>
        <message>
            <source>記載なし</source>
            <translation>उल्लेख छैन</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{year}/{month}/{day}</translation>
        </message>
        <message>
            <source>お名前のフリガナを入力してください</source>
            <translation>आफ्नो नाम काताकानामा लेख्नुहोस्</translation>
        </message>
        <message>
            <source>カタカナで入力します。姓と名のあいだは「空白」です。</source>
            <translation>काताकानामा लेख्नुहोस्: पहिले थर, त्यसपछि “स्पेस”, अनि नाम।</translation>
        </message>
        <message>
            <source>お名前のフリガナ</source>
            <translation>काताकानामा नाम</translation>
        </message>
        <message>
            <source>わからないときは「わからない」を押してください。職員がお手伝いします。</source>
            <translation>थाहा छैन भने “थाहा छैन” थिच्नुहोस्। कर्मचारीले सहयोग गर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>保険者の名前を入力してください</source>
            <translation>बीमाकर्ताको नाम लेख्नुहोस्</translation>
        </message>
        <message>
            <source>保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。</source>
            <translation>बीमा कार्ड (保険証) वा योग्यता प्रमाणपत्र (資格確認書) मा “保険者名称” भनी लेखिएको नाम। काताकानामा लेख्नुहोस्।</translation>
        </message>
        <message>
            <source>保険者の名前</source>
            <translation>बीमाकर्ताको नाम</translation>
        </message>
        <message>
            <source>お勤め先の名前を入力してください</source>
            <translation>तपाईं काम गर्ने ठाउँको नाम लेख्नुहोस्</translation>
        </message>
        <message>
            <source>ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。</source>
            <translation>परिवारको बीमामा हुनुहुन्छ भने, उहाँ काम गर्ने ठाउँ। काताकानामा लेख्नुहोस्।</translation>
        </message>
        <message>
            <source>お勤め先の名前</source>
            <translation>काम गर्ने ठाउँको नाम</translation>
        </message>
        <message>
            <source>フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。</source>
            <translation>काताकाना नाम नभएकाले कर्मचारीले सोध्न सक्नुहुन्छ। “कर्मचारी बोलाइयो” देखिए यहीँ पर्खनुहोस्।</translation>
        </message>
        <message>
            <source>申立書の記入：カードの内容をご確認ください</source>
            <translation>घोषणा फारम (申立書): कार्डको विवरण जाँच्नुहोस्</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>नाम</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>जन्म मिति</translation>
        </message>
        <message>
            <source>性別</source>
            <translation>लिङ्ग</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>ठेगाना</translation>
        </message>
        <message>
            <source>ちがうところがあれば、職員をお呼びください。</source>
            <translation>केही गलत छ भने कर्मचारी बोलाउनुहोस्।</translation>
        </message>
        <message>
            <source>まちがいありません</source>
            <translation>यो सही छ</translation>
        </message>
        <message>
            <source>入力する</source>
            <translation>लेख्नुहोस्</translation>
        </message>
        <message>
            <source>連絡先の電話番号を入力してください</source>
            <translation>सम्पर्क फोन नम्बर लेख्नुहोस्</translation>
        </message>
        <message>
            <source>携帯電話でも、ご自宅の電話でもかまいません。</source>
            <translation>मोबाइल वा घरको फोन, जुन भए पनि हुन्छ।</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>अर्को</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>मेटाउनुहोस्</translation>
        </message>
        <message>
            <source>加入している保険の種類を選んでください</source>
            <translation>आफ्नो स्वास्थ्य बीमाको प्रकार छान्नुहोस्</translation>
        </message>
        <message>
            <source>窓口で支払う割合（負担割合）を選んでください</source>
            <translation>काउन्टरमा तिर्ने हिस्सा (負担割合) छान्नुहोस्</translation>
        </message>
        <message>
            <source>この内容で受付します</source>
            <translation>यी उत्तरसहित दर्ता गरिन्छ</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>काताकाना नाम</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>फोन नम्बर</translation>
        </message>
        <message>
            <source>保険の種類</source>
            <translation>बीमाको प्रकार</translation>
        </message>
        <message>
            <source>負担割合</source>
            <translation>तिर्ने हिस्सा</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>तपाईंको बीमा कर्मचारीले पछि पुष्टि गर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>保険者</source>
            <translation>बीमाकर्ता</translation>
        </message>
        <message>
            <source>お勤め先</source>
            <translation>काम गर्ने ठाउँ</translation>
        </message>
        <message>
            <source>受け付けています…</source>
            <translation>दर्ता हुँदैछ…</translation>
        </message>
        <message>
            <source>受付する</source>
            <translation>दर्ता गर्नुहोस्</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>पछाडि</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>研修用シナリオ</source>
            <translation>तालिमको परिदृश्य</translation>
        </message>
        <message>
            <source>カードを置く</source>
            <translation>कार्ड राख्ने</translation>
        </message>
        <message>
            <source>カードを取る</source>
            <translation>कार्ड निकाल्ने</translation>
        </message>
        <message>
            <source>リーダーを外す</source>
            <translation>रिडर निकाल्ने</translation>
        </message>
        <message>
            <source>リーダーを戻す</source>
            <translation>रिडर फेरि जोड्ने</translation>
        </message>
        <message>
            <source>職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）</source>
            <translation>कर्मचारी मेनु: माथि बायाँको चिह्न 3 सेकेन्ड थिच्नुहोस् ({name}, PIN {pin})</translation>
        </message>
    </context>
    <context>
        <name>Face</name>
        <message>
            <source>お顔が見つかりません。カメラの正面に立ってください。</source>
            <translation>अनुहार देखिएन। क्यामेराको ठीक अगाडि उभिनुहोस्।</translation>
        </message>
        <message>
            <source>何人か映っています。おひとりで映ってください。</source>
            <translation>एकभन्दा बढी व्यक्ति देखिए। एक जना मात्र क्यामेरामा आउनुहोस्।</translation>
        </message>
        <message>
            <source>もう少しカメラに近づいてください。</source>
            <translation>क्यामेराको अलि नजिक आउनुहोस्।</translation>
        </message>
        <message>
            <source>少しカメラから離れてください。</source>
            <translation>क्यामेराबाट अलि पछाडि सर्नुहोस्।</translation>
        </message>
        <message>
            <source>お顔を枠のまん中に合わせてください。</source>
            <translation>अनुहार फ्रेमको बीचमा राख्नुहोस्।</translation>
        </message>
        <message>
            <source>お顔が暗く映っています。帽子をとり、顔を上げてください。</source>
            <translation>अनुहार अँध्यारो देखिन्छ। टोपी खोलेर अनुहार माथि उठाउनुहोस्।</translation>
        </message>
        <message>
            <source>マスクを外してください。</source>
            <translation>मास्क खोल्नुहोस्।</translation>
        </message>
        <message>
            <source>そのまま動かないでください。</source>
            <translation>नहल्लिनुहोस्।</translation>
        </message>
        <message>
            <source>ゆっくり、まばたきをしてください。</source>
            <translation>बिस्तारै आँखा झिम्क्याउनुहोस्।</translation>
        </message>
        <message>
            <source>すわったままでだいじょうぶです。カメラを見てください。</source>
            <translation>बसेरै भए पनि हुन्छ। क्यामेरातिर हेर्नुहोस्।</translation>
        </message>
        <message>
            <source>あごを少し引いて、カメラを見てください。</source>
            <translation>चिउँडो अलि तल झारेर क्यामेरातिर हेर्नुहोस्।</translation>
        </message>
        <message>
            <source>お子さまのお顔が見つかりません。カメラに向けてください。</source>
            <translation>बच्चाको अनुहार देखिएन। बच्चालाई क्यामेरातिर फर्काउनुहोस्।</translation>
        </message>
        <message>
            <source>お子さまを、もう少しカメラに近づけてください。</source>
            <translation>बच्चालाई क्यामेराको अलि नजिक ल्याउनुहोस्।</translation>
        </message>
        <message>
            <source>お子さまを、少しカメラから離してください。</source>
            <translation>बच्चालाई क्यामेराबाट अलि पर लैजानुहोस्।</translation>
        </message>
        <message>
            <source>お子さまのお顔が枠のまん中に入るようにしてください。</source>
            <translation>बच्चाको अनुहार फ्रेमको बीचमा ल्याउनुहोस्।</translation>
        </message>
        <message>
            <source>お子さまのお顔が暗く映っています。帽子をとってください。</source>
            <translation>बच्चाको अनुहार अँध्यारो देखिन्छ। टोपी खोलिदिनुहोस्।</translation>
        </message>
        <message>
            <source>お子さまのマスクを外してください。</source>
            <translation>बच्चाको मास्क खोलिदिनुहोस्।</translation>
        </message>
        <message>
            <source>お子さまを、そのまま動かさないでください。</source>
            <translation>बच्चालाई नहल्लाउनुहोस्, त्यसै राख्नुहोस्।</translation>
        </message>
        <message>
            <source>お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。</source>
            <translation>बच्चा बसेरै भए पनि हुन्छ। बच्चाको अनुहार फ्रेमभित्र ल्याउनुहोस्।</translation>
        </message>
        <message>
            <source>お子さまのあごを少し引いて、お顔が枠に入るようにしてください。</source>
            <translation>बच्चाको चिउँडो अलि तल झारेर अनुहार फ्रेमभित्र ल्याउनुहोस्।</translation>
        </message>
    </context>
    <context>
        <name>KanaKeyboard</name>
        <message>
            <source>小</source>
            <translation>सानो</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>स्पेस</translation>
        </message>
        <message>
            <source>消す</source>
            <translation>मेटाउ</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>数字（暗証番号・電話番号）</source>
            <translation>अङ्क (पिन नम्बर, फोन नम्बर)</translation>
        </message>
        <message>
            <source>決定・確定</source>
            <translation>पक्का गर्ने</translation>
        </message>
        <message>
            <source>次のボタンへ</source>
            <translation>अर्को बटन</translation>
        </message>
        <message>
            <source>前のボタンへ</source>
            <translation>अघिल्लो बटन</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>फेरि सुन्ने</translation>
        </message>
        <message>
            <source>職員を呼ぶ</source>
            <translation>कर्मचारी बोलाउने</translation>
        </message>
        <message>
            <source>1けた消す</source>
            <translation>एउटा अङ्क मेटाउने</translation>
        </message>
    </context>
    <context>
        <name>LanguageChooser</name>
        <message>
            <source>ことばを選んでください</source>
            <translation>भाषा छान्नुहोस्</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>बन्द गर्नुहोस्</translation>
        </message>
    </context>
    <context>
        <name>Overlay</name>
        <message>
            <source>操作を続けますか？</source>
            <translation>जारी राख्नुहुन्छ?</translation>
        </message>
        <message>
            <source>続ける</source>
            <translation>जारी राख्नुहोस्</translation>
        </message>
        <message>
            <source>あと{n}秒で終了します。</source>
            <translation>{n} सेकेन्डमा बन्द हुनेछ।</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>कर्मचारी बोलाउनुहोस्</translation>
        </message>
        <message>
            <source>申立書を記入する</source>
            <translation>घोषणा फारम (申立書) भर्नुहोस्</translation>
        </message>
        <message>
            <source>時間がかかっています。このままお待ちいただくか、職員を呼んでください。</source>
            <translation>समय लागिरहेको छ। कृपया पर्खनुहोस्, वा कर्मचारीलाई बोलाउनुहोस्।</translation>
        </message>
        <message>
            <source>待たずに進む</source>
            <translation>नपर्खी अगाडि बढ्नुहोस्</translation>
        </message>
        <message>
            <source>マイナンバーカードを置いてください</source>
            <translation>माइ नम्बर कार्ड (マイナンバーカード) राख्नुहोस्</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして置いてください。</source>
            <translation>फोटो भएको भाग माथि पारेर राख्नुहोस्।</translation>
        </message>
        <message>
            <source>ケースやビニールから出してください。</source>
            <translation>खोल वा प्लास्टिकबाट निकाल्नुहोस्।</translation>
        </message>
        <message>
            <source>診察券ではなく、マイナンバーカードです。</source>
            <translation>क्लिनिकको कार्ड (診察券) होइन, माइ नम्बर कार्ड राख्नुहोस्।</translation>
        </message>
        <message>
            <source>カードを読み取っています</source>
            <translation>कार्ड पढिँदैछ</translation>
        </message>
        <message>
            <source>カードを動かさずに、お待ちください。</source>
            <translation>कार्ड नचलाउनुहोस्। कृपया पर्खनुहोस्।</translation>
        </message>
        <message>
            <source>このカードはマイナンバーカードではありません</source>
            <translation>यो माइ नम्बर कार्ड होइन</translation>
        </message>
        <message>
            <source>診察券やほかのカードは使えません。</source>
            <translation>क्लिनिकको कार्ड वा अरू कार्ड चल्दैन।</translation>
        </message>
        <message>
            <source>カードを取り出して、マイナンバーカードを置いてください。</source>
            <translation>यो कार्ड निकालेर माइ नम्बर कार्ड राख्नुहोस्।</translation>
        </message>
        <message>
            <source>マイナンバーカードをお持ちでない方は、受付にお声がけください。</source>
            <translation>माइ नम्बर कार्ड छैन भने रिसेप्सनमा भन्नुहोस्।</translation>
        </message>
        <message>
            <source>カードを読み取れませんでした</source>
            <translation>कार्ड पढ्न सकिएन</translation>
        </message>
        <message>
            <source>カードを取り出して、もう一度置いてください。</source>
            <translation>कार्ड निकालेर फेरि राख्नुहोस्।</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして、ケースから出して置いてください。</source>
            <translation>खोलबाट निकालेर, फोटो भएको भाग माथि पारेर राख्नुहोस्।</translation>
        </message>
        <message>
            <source>何度やっても読めないときは、職員がお手伝いします。</source>
            <translation>धेरै पटक गर्दा पनि पढिएन भने कर्मचारीले सहयोग गर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>カードが取り出されました</source>
            <translation>कार्ड निकालियो</translation>
        </message>
        <message>
            <source>確認は終わっていません。</source>
            <translation>जाँच सकिएको छैन।</translation>
        </message>
        <message>
            <source>はじめからやり直すときは、もう一度カードを置いてください。</source>
            <translation>सुरुदेखि गर्न कार्ड फेरि राख्नुहोस्।</translation>
        </message>
        <message>
            <source>カードリーダーが使えません</source>
            <translation>कार्ड रिडर चलेको छैन</translation>
        </message>
        <message>
            <source>いま、自動で直しています。しばらくお待ちください。</source>
            <translation>यो आफैँ ठीक हुँदैछ। केही बेर पर्खनुहोस्।</translation>
        </message>
        <message>
            <source>お急ぎの方は、受付にお声がけください。</source>
            <translation>हतार छ भने रिसेप्सनमा भन्नुहोस्।</translation>
        </message>
        <message>
            <source>カードの電子証明書の有効期限が切れています</source>
            <translation>कार्डको इलेक्ट्रोनिक प्रमाणपत्रको म्याद सकिएको छ</translation>
        </message>
        <message>
            <source>このカードでは、保険の確認ができません。</source>
            <translation>यो कार्डबाट बीमा जाँच गर्न सकिँदैन।</translation>
        </message>
        <message>
            <source>電子証明書は、お住まいの市区町村の窓口で更新できます。</source>
            <translation>आफ्नो नगरपालिका कार्यालय (市区町村) मा प्रमाणपत्र नवीकरण गर्न सकिन्छ।</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。</source>
            <translation>योग्यता प्रमाणपत्र (資格確認書) वा बीमा कार्ड (保険証) छ भने रिसेप्सनमा देखाउनुहोस्। कर्मचारीले सहयोग गर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています</source>
            <translation>इलेक्ट्रोनिक प्रमाणपत्रको म्याद चाँडै सकिँदैछ</translation>
        </message>
        <message>
            <source>期限が切れる前に、お住まいの市区町村の窓口で更新してください。</source>
            <translation>म्याद सकिनुअघि नगरपालिका कार्यालयमा नवीकरण गर्नुहोस्।</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>अर्को</translation>
        </message>
        <message>
            <source>有効期限：{year}年{month}月{day}日</source>
            <translation>म्याद: {year}/{month}/{day}</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>ठीक छ</translation>
        </message>
        <message>
            <source>ここから先は、職員がご案内します</source>
            <translation>अबदेखि कर्मचारीले सहयोग गर्नुहुनेछ</translation>
        </message>
        <message>
            <source>もう少し確認が必要です。</source>
            <translation>अलि थप जाँच आवश्यक छ।</translation>
        </message>
        <message>
            <source>カードは置いたまま、職員をお呼びください。</source>
            <translation>कार्ड यहीँ छोडेर कर्मचारी बोलाउनुहोस्।</translation>
        </message>
        <message>
            <source>保険の資格が確認できませんでした</source>
            <translation>तपाईंको बीमा पुष्टि गर्न सकिएन</translation>
        </message>
        <message>
            <source>保険が変わったとき、保険者の登録がまだ終わっていないことがあります。</source>
            <translation>बीमा भर्खरै बदलिएको छ भने बीमाकर्ताले अझै दर्ता नगरेको हुन सक्छ।</translation>
        </message>
        <message>
            <source>職員がお手伝いします。</source>
            <translation>कर्मचारीले सहयोग गर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。</source>
            <translation>योग्यता प्रमाणपत्र (資格確認書) वा बीमा कार्ड (保険証) छ भने रिसेप्सनमा देखाउनुहोस्।</translation>
        </message>
        <message>
            <source>保険の資格の情報が見つかりませんでした</source>
            <translation>तपाईंको बीमाको विवरण भेटिएन</translation>
        </message>
        <message>
            <source>保険者の登録がまだ終わっていないことがあります。</source>
            <translation>बीमाकर्ताले अझै दर्ता नगरेको हुन सक्छ।</translation>
        </message>
        <message>
            <source>保険の情報が複数見つかりました</source>
            <translation>एकभन्दा बढी बीमा भेटियो</translation>
        </message>
        <message>
            <source>どの保険を使うか、職員が確認します。</source>
            <translation>कुन बीमा प्रयोग गर्ने, कर्मचारीले हेर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>ただいま、オンラインで資格を確認できません</source>
            <translation>अहिले अनलाइनबाट बीमा जाँच गर्न सकिँदैन</translation>
        </message>
        <message>
            <source>職員が別の方法で確認します。</source>
            <translation>कर्मचारीले अर्को तरिकाले जाँच गर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>いつもどおり受付できますので、ご安心ください。</source>
            <translation>सधैँझैँ दर्ता गर्न सकिन्छ। चिन्ता नगर्नुहोस्।</translation>
        </message>
        <message>
            <source>過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。</source>
            <translation>पहिलेको उपचार, औषधि र स्वास्थ्य जाँचको जानकारी यो क्लिनिकलाई दिन सहमत हुनुहुन्छ?</translation>
        </message>
        <message>
            <source>同意すると、医師がこれまでの情報を見て、診療に役立てます。</source>
            <translation>सहमत हुनुभए डाक्टरले यो जानकारी हेरेर तपाईंको उपचारमा प्रयोग गर्नुहुन्छ।</translation>
        </message>
        <message>
            <source>限度額情報：提供する</source>
            <translation>खर्च सीमा (限度額) जानकारी: दिने</translation>
        </message>
        <message>
            <source>限度額情報：提供しない</source>
            <translation>खर्च सीमा (限度額) जानकारी: नदिने</translation>
        </message>
        <message>
            <source>同意する</source>
            <translation>सहमत छु</translation>
        </message>
        <message>
            <source>同意しない</source>
            <translation>सहमत छैन</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら</source>
            <translation>उच्च उपचार खर्च सहायता (高額療養費) का लागि यहाँ</translation>
        </message>
        <message>
            <source>限度額情報を当機関に提供しますか。</source>
            <translation>खर्च सीमा (限度額) को जानकारी यो क्लिनिकलाई दिनुहुन्छ?</translation>
        </message>
        <message>
            <source>提供すると、窓口でのお支払いが自己負担限度額までになります。</source>
            <translation>दिनुभयो भने काउन्टरमा आफ्नो खर्च सीमासम्म मात्र तिर्नुहुन्छ।</translation>
        </message>
        <message>
            <source>限度額適用認定証は不要です。</source>
            <translation>सीमा प्रमाणपत्र (限度額適用認定証) चाहिँदैन।</translation>
        </message>
        <message>
            <source>提供する</source>
            <translation>दिने</translation>
        </message>
        <message>
            <source>提供しない</source>
            <translation>नदिने</translation>
        </message>
        <message>
            <source>{name}様 受付しました。</source>
            <translation>{name}, तपाईंको दर्ता भयो।</translation>
        </message>
        <message>
            <source>受付しました。</source>
            <translation>तपाईंको दर्ता भयो।</translation>
        </message>
        <message>
            <source>{name}様 確認が完了しました。</source>
            <translation>{name}, जाँच पूरा भयो।</translation>
        </message>
        <message>
            <source>確認が完了しました。</source>
            <translation>जाँच पूरा भयो।</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>तपाईंको बीमा कर्मचारीले पछि पुष्टि गर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出し、待合室でお待ちください。</source>
            <translation>माइ नम्बर कार्ड निकालेर प्रतीक्षा कक्षमा पर्खनुहोस्।</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。</source>
            <translation>इलेक्ट्रोनिक प्रमाणपत्रको म्याद चाँडै सकिँदैछ। नगरपालिका कार्यालयमा नवीकरण गर्नुहोस्।</translation>
        </message>
        <message>
            <source>職員を呼びました</source>
            <translation>कर्मचारी बोलाइयो</translation>
        </message>
        <message>
            <source>そのままお待ちください。</source>
            <translation>कृपया यहीँ पर्खनुहोस्।</translation>
        </message>
        <message>
            <source>カードは置いたままにしてください。</source>
            <translation>कार्ड यहीँ छोड्नुहोस्।</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>पछाडि</translation>
        </message>
        <message>
            <source>終了しました</source>
            <translation>सकियो</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出してください。</source>
            <translation>माइ नम्बर कार्ड निकाल्नुहोस्।</translation>
        </message>
        <message>
            <source>マイナンバーカードをお取りください</source>
            <translation>आफ्नो माइ नम्बर कार्ड लिनुहोस्</translation>
        </message>
        <message>
            <source>カードがカードリーダーに残っています。</source>
            <translation>कार्ड अझै कार्ड रिडरमा छ।</translation>
        </message>
        <message>
            <source>本人確認の方法を選んでください</source>
            <translation>पहिचान पुष्टि गर्ने तरिका छान्नुहोस्</translation>
        </message>
        <message>
            <source>顔認証</source>
            <translation>अनुहार</translation>
        </message>
        <message>
            <source>暗証番号</source>
            <translation>पिन नम्बर</translation>
        </message>
        <message>
            <source>カメラにお顔を映します</source>
            <translation>क्यामेरामा अनुहार देखाउने</translation>
        </message>
        <message>
            <source>数字4桁を入力します</source>
            <translation>4 अङ्क थिच्ने</translation>
        </message>
        <message>
            <source>本人確認の情報は、他の目的には使用しません。</source>
            <translation>पहिचानको जानकारी अरू कुनै काममा प्रयोग गरिँदैन।</translation>
        </message>
        <message>
            <source>大人の方が一緒に写っても大丈夫です。</source>
            <translation>ठूला मानिस पनि सँगै देखिए ठीकै छ।</translation>
        </message>
        <message>
            <source>顔を枠内に入れてください</source>
            <translation>अनुहार फ्रेमभित्र राख्नुहोस्</translation>
        </message>
        <message>
            <source>カメラを見て、そのままお待ちください。</source>
            <translation>क्यामेरातिर हेरेर पर्खनुहोस्।</translation>
        </message>
        <message>
            <source>暗証番号にする</source>
            <translation>पिन नम्बर प्रयोग गर्नुहोस्</translation>
        </message>
        <message>
            <source>あと{n}回ためせます。</source>
            <translation>बाँकी प्रयास: {n}</translation>
        </message>
        <message>
            <source>お子さまの顔を枠内に入れてください</source>
            <translation>बच्चाको अनुहार फ्रेमभित्र राख्नुहोस्</translation>
        </message>
        <message>
            <source>おとなの受付</source>
            <translation>वयस्कको दर्ता</translation>
        </message>
        <message>
            <source>お子さまの受付</source>
            <translation>बच्चाको दर्ता</translation>
        </message>
        <message>
            <source>顔認証ができませんでした</source>
            <translation>अनुहार पहिचान हुन सकेन</translation>
        </message>
        <message>
            <source>暗証番号で確認できます。わからないときは、職員がお手伝いします。</source>
            <translation>पिन नम्बरले पुष्टि गर्न सकिन्छ। थाहा छैन भने कर्मचारीले सहयोग गर्नुहुनेछ।</translation>
        </message>
        <message>
            <source>暗証番号で確認</source>
            <translation>पिन नम्बर प्रयोग गर्नुहोस्</translation>
        </message>
        <message>
            <source>暗証番号（数字4桁）を入力してください</source>
            <translation>पिन नम्बर (暗証番号, 4 अङ्क) थिच्नुहोस्</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>पिन नम्बर गलत छ।</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>जाँच हुँदैछ…</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>मेटाउनुहोस्</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>रद्द गर्नुहोस्</translation>
        </message>
        <message>
            <source>入力できる回数：あと{n}回</source>
            <translation>बाँकी प्रयास: {n}</translation>
        </message>
        <message>
            <source>注意：あと{n}回まちがえると、カードがロックされます。</source>
            <translation>ध्यान दिनुहोस्: अझै {n} पटक गलत भए कार्ड लक हुन्छ।</translation>
        </message>
        <message>
            <source>暗証番号は、あと1回まちがえるとロックされます</source>
            <translation>अझै 1 पटक गलत भए पिन नम्बर लक हुन्छ</translation>
        </message>
        <message>
            <source>ロックされると、市区町村の窓口で解除が必要になります。</source>
            <translation>लक भएपछि नगरपालिका कार्यालयमा गएर खोलाउनुपर्छ।</translation>
        </message>
        <message>
            <source>顔認証で確認するか、職員をお呼びください。</source>
            <translation>अनुहार पहिचान प्रयोग गर्नुहोस्, वा कर्मचारी बोलाउनुहोस्।</translation>
        </message>
        <message>
            <source>顔認証で確認</source>
            <translation>अनुहार पहिचान प्रयोग गर्नुहोस्</translation>
        </message>
        <message>
            <source>暗証番号がロックされています</source>
            <translation>पिन नम्बर लक भएको छ</translation>
        </message>
        <message>
            <source>ロックの解除は、お住まいの市区町村の窓口でできます。</source>
            <translation>तपाईं बस्ने नगरपालिका कार्यालयमा लक खोलाउन सकिन्छ।</translation>
        </message>
        <message>
            <source>今日は、顔認証で確認できます。</source>
            <translation>आज अनुहार पहिचानबाट पुष्टि गर्न सकिन्छ।</translation>
        </message>
        <message>
            <source>保険の資格を確認しています</source>
            <translation>तपाईंको बीमा जाँच हुँदैछ</translation>
        </message>
        <message>
            <source>カードは置いたまま、お待ちください。</source>
            <translation>कार्ड यहीँ छोडेर पर्खनुहोस्।</translation>
        </message>
    </context>
    <context>
        <name>Speech</name>
        <message>
            <source>プラスとマイナスのキーで選び、「確定」のキーで決めます。</source>
            <translation>प्लस र माइनस कुञ्जीले छान्नुहोस्, अनि इन्टर कुञ्जीले पक्का गर्नुहोस्।</translation>
        </message>
        <message>
            <source>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</source>
            <translation>कर्मचारी बोलाउन “कर्मचारी बोलाउने” स्ल्याश कुञ्जी थिच्नुहोस्।</translation>
        </message>
        <message>
            <source>職員を呼ぶ。職員がこちらに来ます。</source>
            <translation>कर्मचारी बोलाउनुहोस्। कर्मचारी यहाँ आउनुहुनेछ।</translation>
        </message>
        <message>
            <source>申立書を記入する。保険の情報を、画面で入力します。</source>
            <translation>घोषणा फारम भर्नुहोस्। बीमाको जानकारी स्क्रिनमा लेख्नुहुन्छ।</translation>
        </message>
        <message>
            <source>待たずに進む。申立書や前回の記録で受付します。</source>
            <translation>नपर्खी अगाडि बढ्नुहोस्। घोषणा फारम वा अघिल्लो भेटको अभिलेखबाट दर्ता हुन्छ।</translation>
        </message>
        <message>
            <source>「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。</source>
            <translation>“घोषणा फारम भर्नुहोस्” छान्नुभयो भने बीमाको जानकारी आफैँ लेख्न सक्नुहुन्छ।</translation>
        </message>
        <message>
            <source>終了。受付をやめて、はじめにもどります。</source>
            <translation>समाप्त। दर्ता रोकेर सुरुमा फर्किन्छ।</translation>
        </message>
        <message>
            <source>もう一度聞く。この画面の案内を、もう一度読み上げます。</source>
            <translation>फेरि सुन्नुहोस्। यो स्क्रिनको निर्देशन फेरि पढिन्छ।</translation>
        </message>
        <message>
            <source>{what}。いまは{state}です。「確定」のキーで切り替えます。</source>
            <translation>{what}। अहिले {state} छ। इन्टर कुञ्जीले बदल्नुहोस्।</translation>
        </message>
        <message>
            <source>言語を選ぶ。ほかの言語の画面にします。</source>
            <translation>भाषा छान्नुहोस्। स्क्रिन अर्को भाषामा देखाउँछ।</translation>
        </message>
        <message>
            <source>お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。</source>
            <translation>बच्चाको दर्ता। बच्चालाई काखमा लिएर बच्चाको अनुहार क्यामेरामा देखाउनुहोस्।</translation>
        </message>
        <message>
            <source>おとなの受付。ご自身のお顔を映します。</source>
            <translation>वयस्कको दर्ता। आफ्नो अनुहार क्यामेरामा देखाउनुहोस्।</translation>
        </message>
        <message>
            <source>{n}けた目を入力しました</source>
            <translation>{n} वटा अङ्क थिचियो</translation>
        </message>
        <message>
            <source>1けた消しました</source>
            <translation>एउटा अङ्क मेटियो</translation>
        </message>
        <message>
            <source>4けた目を入力しました。「確定」のキーを押してください。</source>
            <translation>4 वटा अङ्क थिचियो। इन्टर कुञ्जी थिच्नुहोस्।</translation>
        </message>
        <message>
            <source>カードが読み取り機に残っています。カードをお取りください。</source>
            <translation>कार्ड अझै कार्ड रिडरमा छ। कृपया कार्ड लिनुहोस्।</translation>
        </message>
        <message>
            <source>「もう一度聞く」のキーで、案内をもう一度聞けます。</source>
            <translation>“फेरि सुन्ने” स्टार कुञ्जीले निर्देशन फेरि सुन्न सकिन्छ।</translation>
        </message>
        <message>
            <source>プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。</source>
            <translation>प्लस र माइनस कुञ्जीले ठूला अक्षर, बिस्तारै चलाउने, वा भाषा छान्न सकिन्छ।</translation>
        </message>
        <message>
            <source>次へ。本人確認に進みます。</source>
            <translation>अर्को। पहिचान पुष्टितिर जान्छ।</translation>
        </message>
        <message>
            <source>受付を続けるときは、「確定」のキーを押してください。</source>
            <translation>दर्ता जारी राख्न इन्टर कुञ्जी थिच्नुहोस्।</translation>
        </message>
        <message>
            <source>顔認証。カメラにお顔を映して確認します。</source>
            <translation>अनुहार। क्यामेरामा अनुहार देखाएर पुष्टि गरिन्छ।</translation>
        </message>
        <message>
            <source>暗証番号。数字4けたを、キーで入力して確認します。</source>
            <translation>पिन नम्बर। कुञ्जीले 4 अङ्क थिचेर पुष्टि गरिन्छ।</translation>
        </message>
        <message>
            <source>顔認証か、暗証番号を選んでください。</source>
            <translation>अनुहार वा पिन नम्बर छान्नुहोस्।</translation>
        </message>
        <message>
            <source>暗証番号にする。顔認証をやめて、暗証番号で確認します。</source>
            <translation>पिन नम्बर प्रयोग गर्नुहोस्। अनुहारको सट्टा पिन नम्बरले पुष्टि गरिन्छ।</translation>
        </message>
        <message>
            <source>暗証番号で確認するときは、「暗証番号にする」を選んでください。</source>
            <translation>पिन नम्बरले पुष्टि गर्न “पिन नम्बर प्रयोग गर्नुहोस्” छान्नुहोस्।</translation>
        </message>
        <message>
            <source>暗証番号で確認。数字4けたを、キーで入力します。</source>
            <translation>पिन नम्बर प्रयोग गर्नुहोस्। कुञ्जीले 4 अङ्क थिच्नुहोस्।</translation>
        </message>
        <message>
            <source>確定。入力した暗証番号で確認します。</source>
            <translation>ठीक छ। थिचेको पिन नम्बरले पुष्टि गरिन्छ।</translation>
        </message>
        <message>
            <source>訂正。最後の1けたを消します。</source>
            <translation>मेटाउनुहोस्। अन्तिम अङ्क मेटिन्छ।</translation>
        </message>
        <message>
            <source>キャンセル。受付をやめて、はじめにもどります。</source>
            <translation>रद्द गर्नुहोस्। दर्ता रोकेर सुरुमा फर्किन्छ।</translation>
        </message>
        <message>
            <source>数字のキーで4けたを入力し、「確定」のキーを押してください。</source>
            <translation>अङ्कका कुञ्जीले 4 अङ्क थिचेर इन्टर कुञ्जी थिच्नुहोस्।</translation>
        </message>
        <message>
            <source>入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。</source>
            <translation>थिचेका अङ्क पढिँदैनन्। गल्ती भए “मेटाउने” डट कुञ्जीले मेटाउन सकिन्छ।</translation>
        </message>
        <message>
            <source>顔認証で確認。カメラにお顔を映します。</source>
            <translation>अनुहार पहिचान प्रयोग गर्नुहोस्। क्यामेरामा अनुहार देखाउनुहोस्।</translation>
        </message>
        <message>
            <source>まちがいありません。次の質問に進みます。</source>
            <translation>यो सही छ। अर्को प्रश्नमा जान्छ।</translation>
        </message>
        <message>
            <source>カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。</source>
            <translation>कार्डको नाम, जन्म मिति, लिङ्ग र ठेगाना स्क्रिनमा देखिएको छ। यी पढिँदैनन्।</translation>
        </message>
        <message>
            <source>まちがいなければ、「確定」のキーを押してください。</source>
            <translation>सबै सही छ भने इन्टर कुञ्जी थिच्नुहोस्।</translation>
        </message>
        <message>
            <source>同意する。</source>
            <translation>सहमत छु।</translation>
        </message>
        <message>
            <source>同意しない。同意しなくても、受付はできます。</source>
            <translation>सहमत छैन। सहमत नभए पनि दर्ता गर्न सकिन्छ।</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら。限度額情報についての質問です。</source>
            <translation>उच्च उपचार खर्च सहायताका लागि यहाँ। खर्च सीमाको जानकारीबारे प्रश्न।</translation>
        </message>
        <message>
            <source>同意する、か、同意しない、を選んでください。</source>
            <translation>“सहमत छु” वा “सहमत छैन” छान्नुहोस्।</translation>
        </message>
        <message>
            <source>提供する、か、提供しない、を選んでください。</source>
            <translation>“दिने” वा “नदिने” छान्नुहोस्।</translation>
        </message>
        <message>
            <source>もどる。職員を呼ぶ前の画面にもどります。</source>
            <translation>पछाडि। कर्मचारी बोलाउनुअघिको स्क्रिनमा फर्किन्छ।</translation>
        </message>
        <message>
            <source>「入力する」か「わからない」を選んでください。</source>
            <translation>“लेख्नुहोस्” वा “थाहा छैन” छान्नुहोस्।</translation>
        </message>
        <message>
            <source>画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。</source>
            <translation>स्क्रिनका काताकाना कुञ्जीले लेखेर “अर्को” थिच्नुहोस्। लेखेका अक्षर पढिँदैनन्।</translation>
        </message>
        <message>
            <source>数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。</source>
            <translation>अङ्कका कुञ्जीले थिचेर इन्टर कुञ्जी थिच्नुहोस्। थिचेका अङ्क पढिँदैनन्।</translation>
        </message>
        <message>
            <source>内容は画面に出ています。よければ「受付する」を選んでください。</source>
            <translation>विवरण स्क्रिनमा छ। ठीक छ भने “दर्ता गर्नुहोस्” छान्नुहोस्।</translation>
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
            <translation>कार्ड राख्ने</translation>
        </message>
        <message>
            <source>本人確認</source>
            <translation>पहिचान</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>सहमति</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>पूरा</translation>
        </message>
    </context>
</TS>
