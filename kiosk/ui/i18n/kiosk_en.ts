<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="ja_JP">
<context>
    <name>Chrome</name>
    <message>
        <source>職員を呼ぶ</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>もう一度聞く</source>
        <translation>Hear again</translation>
    </message>
    <message>
        <source>音声案内</source>
        <translation>Voice guide</translation>
    </message>
    <message>
        <source>文字を大きく</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>ゆっくり操作</source>
        <translation>More time</translation>
    </message>
    <message>
        <source>オン</source>
        <translation>On</translation>
    </message>
    <message>
        <source>オフ</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>End</translation>
    </message>
    <message>
        <source>職員に知らせました。そのままお待ちください。</source>
        <translation>Staff have been told. Please wait here.</translation>
    </message>
</context>
<context>
    <name>Declaration</name>
    <message>
        <source>会社の保険</source>
        <translation>Employer&apos;s insurance</translation>
    </message>
    <message>
        <source>国民健康保険</source>
        <translation>National Health Insurance</translation>
    </message>
    <message>
        <source>後期高齢者医療</source>
        <translation>Late-stage elderly (75+)</translation>
    </message>
    <message>
        <source>わからない</source>
        <translation>I don&apos;t know</translation>
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
        <translation>Male</translation>
    </message>
    <message>
        <source>女性</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>記載なし</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{day}/{month}/{year}</translation>
    </message>
    <message>
        <source>お名前のフリガナを入力してください</source>
        <translation>Please enter your name in katakana</translation>
    </message>
    <message>
        <source>カタカナで入力します。姓と名のあいだは「空白」です。</source>
        <translation>Type it in katakana, with a Space between family name and given name.</translation>
    </message>
    <message>
        <source>お名前のフリガナ</source>
        <translation>Your name in katakana</translation>
    </message>
    <message>
        <source>わからないときは「わからない」を押してください。職員がお手伝いします。</source>
        <translation>If you do not know, press “I don&apos;t know”. Staff will help you.</translation>
    </message>
    <message>
        <source>保険者の名前を入力してください</source>
        <translation>Please enter the name of your insurer</translation>
    </message>
    <message>
        <source>保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。</source>
        <translation>It is the insurer&apos;s name on your insurance card or eligibility certificate. Type it in katakana.</translation>
    </message>
    <message>
        <source>保険者の名前</source>
        <translation>Your insurer</translation>
    </message>
    <message>
        <source>お勤め先の名前を入力してください</source>
        <translation>Please enter the name of your employer</translation>
    </message>
    <message>
        <source>ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。</source>
        <translation>If you are on a family member&apos;s insurance, it is their employer. Type it in katakana.</translation>
    </message>
    <message>
        <source>お勤め先の名前</source>
        <translation>Your employer</translation>
    </message>
    <message>
        <source>フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。</source>
        <translation>Without your name in katakana, staff may need to ask you. If the screen says “Staff have been called”, please wait here.</translation>
    </message>
    <message>
        <source>申立書の記入：カードの内容をご確認ください</source>
        <translation>Declaration: please check your card&apos;s details</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>ちがうところがあれば、職員をお呼びください。</source>
        <translation>If anything is wrong, please call staff.</translation>
    </message>
    <message>
        <source>まちがいありません</source>
        <translation>This is correct</translation>
    </message>
    <message>
        <source>入力する</source>
        <translation>Type it</translation>
    </message>
    <message>
        <source>連絡先の電話番号を入力してください</source>
        <translation>Please enter your phone number</translation>
    </message>
    <message>
        <source>携帯電話でも、ご自宅の電話でもかまいません。</source>
        <translation>A mobile or a home number is fine.</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>訂正</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>加入している保険の種類を選んでください</source>
        <translation>Please choose your type of health insurance</translation>
    </message>
    <message>
        <source>窓口で支払う割合（負担割合）を選んでください</source>
        <translation>Please choose the share you pay at the desk</translation>
    </message>
    <message>
        <source>この内容で受付します</source>
        <translation>Check in with these answers</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Katakana name</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>保険の種類</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>負担割合</source>
        <translation>Share you pay</translation>
    </message>
    <message>
        <source>保険の資格は、あとで職員が確認します。</source>
        <translation>Staff will confirm your insurance later.</translation>
    </message>
    <message>
        <source>保険者</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>お勤め先</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>受け付けています…</source>
        <translation>Checking you in…</translation>
    </message>
    <message>
        <source>受付する</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>もどる</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>研修用シナリオ</source>
        <translation>Training scenario</translation>
    </message>
    <message>
        <source>カードを置く</source>
        <translation>Place card</translation>
    </message>
    <message>
        <source>カードを取る</source>
        <translation>Take card</translation>
    </message>
    <message>
        <source>リーダーを外す</source>
        <translation>Unplug reader</translation>
    </message>
    <message>
        <source>リーダーを戻す</source>
        <translation>Plug reader back</translation>
    </message>
    <message>
        <source>職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）</source>
        <translation>Staff menu: hold the mark at the top left for 3 seconds ({name}, PIN {pin})</translation>
    </message>
</context>
<context>
    <name>Face</name>
    <message>
        <source>お顔が見つかりません。カメラの正面に立ってください。</source>
        <translation>We cannot see your face. Please stand in front of the camera.</translation>
    </message>
    <message>
        <source>何人か映っています。おひとりで映ってください。</source>
        <translation>More than one person is in view. Only one person, please.</translation>
    </message>
    <message>
        <source>もう少しカメラに近づいてください。</source>
        <translation>Please come a little closer to the camera.</translation>
    </message>
    <message>
        <source>少しカメラから離れてください。</source>
        <translation>Please move back a little from the camera.</translation>
    </message>
    <message>
        <source>お顔を枠のまん中に合わせてください。</source>
        <translation>Please put your face in the middle of the frame.</translation>
    </message>
    <message>
        <source>お顔が暗く映っています。帽子をとり、顔を上げてください。</source>
        <translation>Your face looks dark. Please take off your hat and look up.</translation>
    </message>
    <message>
        <source>マスクを外してください。</source>
        <translation>Please take off your mask.</translation>
    </message>
    <message>
        <source>そのまま動かないでください。</source>
        <translation>Please hold still.</translation>
    </message>
    <message>
        <source>ゆっくり、まばたきをしてください。</source>
        <translation>Please blink slowly.</translation>
    </message>
    <message>
        <source>すわったままでだいじょうぶです。カメラを見てください。</source>
        <translation>You can stay seated. Please look at the camera.</translation>
    </message>
    <message>
        <source>あごを少し引いて、カメラを見てください。</source>
        <translation>Lower your chin a little and look at the camera.</translation>
    </message>
    <message>
        <source>お子さまのお顔が見つかりません。カメラに向けてください。</source>
        <translation>We cannot see your child&apos;s face. Please turn your child towards the camera.</translation>
    </message>
    <message>
        <source>お子さまを、もう少しカメラに近づけてください。</source>
        <translation>Please bring your child a little closer to the camera.</translation>
    </message>
    <message>
        <source>お子さまを、少しカメラから離してください。</source>
        <translation>Please move your child a little away from the camera.</translation>
    </message>
    <message>
        <source>お子さまのお顔が枠のまん中に入るようにしてください。</source>
        <translation>Please bring your child&apos;s face to the middle of the frame.</translation>
    </message>
    <message>
        <source>お子さまのお顔が暗く映っています。帽子をとってください。</source>
        <translation>Your child&apos;s face looks dark. Please take off their hat.</translation>
    </message>
    <message>
        <source>お子さまのマスクを外してください。</source>
        <translation>Please take off your child&apos;s mask.</translation>
    </message>
    <message>
        <source>お子さまを、そのまま動かさないでください。</source>
        <translation>Please keep your child still.</translation>
    </message>
    <message>
        <source>お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。</source>
        <translation>Your child can stay seated. Please bring their face into the frame.</translation>
    </message>
    <message>
        <source>お子さまのあごを少し引いて、お顔が枠に入るようにしてください。</source>
        <translation>Lower your child&apos;s chin a little and bring their face into the frame.</translation>
    </message>
</context>
<context>
    <name>KanaKeyboard</name>
    <message>
        <source>小</source>
        <translation>Small</translation>
    </message>
    <message>
        <source>空白</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>消す</source>
        <translation>Erase</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>数字（暗証番号・電話番号）</source>
        <translation>Digits (PIN, telephone number)</translation>
    </message>
    <message>
        <source>決定・確定</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>次のボタンへ</source>
        <translation>Next button</translation>
    </message>
    <message>
        <source>前のボタンへ</source>
        <translation>Previous button</translation>
    </message>
    <message>
        <source>もう一度聞く</source>
        <translation>Hear again</translation>
    </message>
    <message>
        <source>職員を呼ぶ</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>1けた消す</source>
        <translation>Erase one digit</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>ことばを選んでください</source>
        <translation>Please choose your language</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <source>操作を続けますか？</source>
        <translation>Do you want to continue?</translation>
    </message>
    <message>
        <source>続ける</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>あと{n}秒で終了します。</source>
        <translation>This will end in {n} seconds.</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>職員を呼ぶ</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>申立書を記入する</source>
        <translation>Fill in a declaration</translation>
    </message>
    <message>
        <source>時間がかかっています。このままお待ちいただくか、職員を呼んでください。</source>
        <translation>This is taking a while. Please wait, or call staff.</translation>
    </message>
    <message>
        <source>待たずに進む</source>
        <translation>Go on without waiting</translation>
    </message>
    <message>
        <source>マイナンバーカードを置いてください</source>
        <translation>Please place your My Number card</translation>
    </message>
    <message>
        <source>顔写真のある面を上にして置いてください。</source>
        <translation>Place it with the photo side up.</translation>
    </message>
    <message>
        <source>ケースやビニールから出してください。</source>
        <translation>Take it out of its case or plastic sleeve.</translation>
    </message>
    <message>
        <source>診察券ではなく、マイナンバーカードです。</source>
        <translation>Use your My Number card, not a clinic card.</translation>
    </message>
    <message>
        <source>カードを読み取っています</source>
        <translation>Reading your card</translation>
    </message>
    <message>
        <source>カードを動かさずに、お待ちください。</source>
        <translation>Please do not move the card. Please wait.</translation>
    </message>
    <message>
        <source>このカードはマイナンバーカードではありません</source>
        <translation>This is not a My Number card</translation>
    </message>
    <message>
        <source>診察券やほかのカードは使えません。</source>
        <translation>Clinic cards and other cards cannot be used.</translation>
    </message>
    <message>
        <source>カードを取り出して、マイナンバーカードを置いてください。</source>
        <translation>Please take this card out and place your My Number card.</translation>
    </message>
    <message>
        <source>マイナンバーカードをお持ちでない方は、受付にお声がけください。</source>
        <translation>If you do not have a My Number card, please speak to reception.</translation>
    </message>
    <message>
        <source>カードを読み取れませんでした</source>
        <translation>We could not read your card</translation>
    </message>
    <message>
        <source>カードを取り出して、もう一度置いてください。</source>
        <translation>Please take the card out and place it again.</translation>
    </message>
    <message>
        <source>顔写真のある面を上にして、ケースから出して置いてください。</source>
        <translation>Take it out of its case and place it photo side up.</translation>
    </message>
    <message>
        <source>何度やっても読めないときは、職員がお手伝いします。</source>
        <translation>If it still cannot be read, staff will help you.</translation>
    </message>
    <message>
        <source>カードが取り出されました</source>
        <translation>The card was taken out</translation>
    </message>
    <message>
        <source>確認は終わっていません。</source>
        <translation>The check is not finished.</translation>
    </message>
    <message>
        <source>はじめからやり直すときは、もう一度カードを置いてください。</source>
        <translation>To start again, please place your card again.</translation>
    </message>
    <message>
        <source>カードリーダーが使えません</source>
        <translation>The card reader is not working</translation>
    </message>
    <message>
        <source>いま、自動で直しています。しばらくお待ちください。</source>
        <translation>It is restarting by itself. Please wait a moment.</translation>
    </message>
    <message>
        <source>お急ぎの方は、受付にお声がけください。</source>
        <translation>If you are in a hurry, please speak to reception.</translation>
    </message>
    <message>
        <source>カードの電子証明書の有効期限が切れています</source>
        <translation>Your card&apos;s electronic certificate has expired</translation>
    </message>
    <message>
        <source>このカードでは、保険の確認ができません。</source>
        <translation>Your insurance cannot be checked with this card.</translation>
    </message>
    <message>
        <source>電子証明書は、お住まいの市区町村の窓口で更新できます。</source>
        <translation>You can renew the certificate at your city hall.</translation>
    </message>
    <message>
        <source>資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。</source>
        <translation>If you have an eligibility certificate or insurance card, please show it at reception. Staff will help you.</translation>
    </message>
    <message>
        <source>電子証明書の有効期限が近づいています</source>
        <translation>Your card&apos;s electronic certificate expires soon</translation>
    </message>
    <message>
        <source>期限が切れる前に、お住まいの市区町村の窓口で更新してください。</source>
        <translation>Please renew it at your city hall before it expires.</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>有効期限：{year}年{month}月{day}日</source>
        <translation>Expires on: {year}-{month:02d}-{day:02d}</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>ここから先は、職員がご案内します</source>
        <translation>A member of staff will help you from here</translation>
    </message>
    <message>
        <source>もう少し確認が必要です。</source>
        <translation>We need to check a little more.</translation>
    </message>
    <message>
        <source>カードは置いたまま、職員をお呼びください。</source>
        <translation>Leave the card where it is and call staff.</translation>
    </message>
    <message>
        <source>保険の資格が確認できませんでした</source>
        <translation>We could not confirm your insurance</translation>
    </message>
    <message>
        <source>保険が変わったとき、保険者の登録がまだ終わっていないことがあります。</source>
        <translation>If your insurance changed recently, your insurer may not have registered it yet.</translation>
    </message>
    <message>
        <source>職員がお手伝いします。</source>
        <translation>Staff will help you.</translation>
    </message>
    <message>
        <source>資格確認書や保険証をお持ちの方は、受付でお見せください。</source>
        <translation>If you have an eligibility certificate or insurance card, please show it at reception.</translation>
    </message>
    <message>
        <source>保険の資格の情報が見つかりませんでした</source>
        <translation>We could not find your insurance details</translation>
    </message>
    <message>
        <source>保険者の登録がまだ終わっていないことがあります。</source>
        <translation>Your insurer may not have registered them yet.</translation>
    </message>
    <message>
        <source>保険の情報が複数見つかりました</source>
        <translation>More than one insurance was found</translation>
    </message>
    <message>
        <source>どの保険を使うか、職員が確認します。</source>
        <translation>Staff will check which insurance to use.</translation>
    </message>
    <message>
        <source>ただいま、オンラインで資格を確認できません</source>
        <translation>We cannot check insurance online right now</translation>
    </message>
    <message>
        <source>職員が別の方法で確認します。</source>
        <translation>Staff will check it another way.</translation>
    </message>
    <message>
        <source>いつもどおり受付できますので、ご安心ください。</source>
        <translation>You can still check in as usual. Please do not worry.</translation>
    </message>
    <message>
        <source>過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。</source>
        <translation>Do you agree to share your past medical, medicine and health check information with this clinic?</translation>
    </message>
    <message>
        <source>同意すると、医師がこれまでの情報を見て、診療に役立てます。</source>
        <translation>If you agree, the doctor can see this information and use it for your care.</translation>
    </message>
    <message>
        <source>限度額情報：提供する</source>
        <translation>Cost limit information: share</translation>
    </message>
    <message>
        <source>限度額情報：提供しない</source>
        <translation>Cost limit information: do not share</translation>
    </message>
    <message>
        <source>同意する</source>
        <translation>I agree</translation>
    </message>
    <message>
        <source>同意しない</source>
        <translation>I do not agree</translation>
    </message>
    <message>
        <source>高額療養費制度を利用する方はこちら</source>
        <translation>For the high-cost medical expense benefit</translation>
    </message>
    <message>
        <source>限度額情報を当機関に提供しますか。</source>
        <translation>Do you want to share your cost limit information with this clinic?</translation>
    </message>
    <message>
        <source>提供すると、窓口でのお支払いが自己負担限度額までになります。</source>
        <translation>If you share it, you pay no more than your cost limit at the counter.</translation>
    </message>
    <message>
        <source>限度額適用認定証は不要です。</source>
        <translation>You do not need a limit certificate.</translation>
    </message>
    <message>
        <source>提供する</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>提供しない</source>
        <translation>Do not share</translation>
    </message>
    <message>
        <source>{name}様 受付しました。</source>
        <translation>{name}, you are checked in.</translation>
    </message>
    <message>
        <source>受付しました。</source>
        <translation>You are checked in.</translation>
    </message>
    <message>
        <source>{name}様 確認が完了しました。</source>
        <translation>{name}, the check is complete.</translation>
    </message>
    <message>
        <source>確認が完了しました。</source>
        <translation>The check is complete.</translation>
    </message>
    <message>
        <source>保険の資格は、あとで職員が確認します。</source>
        <translation>Staff will confirm your insurance later.</translation>
    </message>
    <message>
        <source>マイナンバーカードを取り出し、待合室でお待ちください。</source>
        <translation>Please take your My Number card and wait in the waiting room.</translation>
    </message>
    <message>
        <source>電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。</source>
        <translation>Your card&apos;s electronic certificate expires soon. Please renew it at your city hall.</translation>
    </message>
    <message>
        <source>職員を呼びました</source>
        <translation>Staff have been called</translation>
    </message>
    <message>
        <source>そのままお待ちください。</source>
        <translation>Please wait here.</translation>
    </message>
    <message>
        <source>カードは置いたままにしてください。</source>
        <translation>Please leave the card where it is.</translation>
    </message>
    <message>
        <source>もどる</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>終了しました</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>マイナンバーカードを取り出してください。</source>
        <translation>Please take your My Number card.</translation>
    </message>
    <message>
        <source>マイナンバーカードをお取りください</source>
        <translation>Please take your My Number card</translation>
    </message>
    <message>
        <source>カードがカードリーダーに残っています。</source>
        <translation>Your card is still in the card reader.</translation>
    </message>
    <message>
        <source>本人確認の方法を選んでください</source>
        <translation>Please choose how to confirm your identity</translation>
    </message>
    <message>
        <source>顔認証</source>
        <translation>Face</translation>
    </message>
    <message>
        <source>暗証番号</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>カメラにお顔を映します</source>
        <translation>Show your face to the camera</translation>
    </message>
    <message>
        <source>数字4桁を入力します</source>
        <translation>Enter 4 digits</translation>
    </message>
    <message>
        <source>本人確認の情報は、他の目的には使用しません。</source>
        <translation>Identity information is not used for any other purpose.</translation>
    </message>
    <message>
        <source>大人の方が一緒に写っても大丈夫です。</source>
        <translation>It is fine if you are in the picture too.</translation>
    </message>
    <message>
        <source>顔を枠内に入れてください</source>
        <translation>Please put your face inside the frame</translation>
    </message>
    <message>
        <source>カメラを見て、そのままお待ちください。</source>
        <translation>Look at the camera and wait.</translation>
    </message>
    <message>
        <source>暗証番号にする</source>
        <translation>Use PIN instead</translation>
    </message>
    <message>
        <source>あと{n}回ためせます。</source>
        <translation>Tries left: {n}</translation>
    </message>
    <message>
        <source>お子さまの顔を枠内に入れてください</source>
        <translation>Please put your child&apos;s face inside the frame</translation>
    </message>
    <message>
        <source>おとなの受付</source>
        <translation>Adult check-in</translation>
    </message>
    <message>
        <source>お子さまの受付</source>
        <translation>Child check-in</translation>
    </message>
    <message>
        <source>顔認証ができませんでした</source>
        <translation>Face check did not work</translation>
    </message>
    <message>
        <source>暗証番号で確認できます。わからないときは、職員がお手伝いします。</source>
        <translation>You can use your PIN. If you do not know it, staff will help you.</translation>
    </message>
    <message>
        <source>暗証番号で確認</source>
        <translation>Use PIN</translation>
    </message>
    <message>
        <source>暗証番号（数字4桁）を入力してください</source>
        <translation>Please enter your PIN (4 digits)</translation>
    </message>
    <message>
        <source>暗証番号がちがいます。</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>訂正</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>入力できる回数：あと{n}回</source>
        <translation>Tries left: {n}</translation>
    </message>
    <message>
        <source>注意：あと{n}回まちがえると、カードがロックされます。</source>
        <translation>Caution: {n} more wrong tries will lock your card.</translation>
    </message>
    <message>
        <source>暗証番号は、あと1回まちがえるとロックされます</source>
        <translation>One more wrong PIN will lock your card</translation>
    </message>
    <message>
        <source>ロックされると、市区町村の窓口で解除が必要になります。</source>
        <translation>A locked card must be unlocked at city hall.</translation>
    </message>
    <message>
        <source>顔認証で確認するか、職員をお呼びください。</source>
        <translation>Please use face check, or call staff.</translation>
    </message>
    <message>
        <source>顔認証で確認</source>
        <translation>Use face check</translation>
    </message>
    <message>
        <source>暗証番号がロックされています</source>
        <translation>Your PIN is locked</translation>
    </message>
    <message>
        <source>ロックの解除は、お住まいの市区町村の窓口でできます。</source>
        <translation>You can unlock it at your city hall.</translation>
    </message>
    <message>
        <source>今日は、顔認証で確認できます。</source>
        <translation>Today you can use face check instead.</translation>
    </message>
    <message>
        <source>保険の資格を確認しています</source>
        <translation>Checking your insurance</translation>
    </message>
    <message>
        <source>カードは置いたまま、お待ちください。</source>
        <translation>Leave the card where it is and wait.</translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <source>プラスとマイナスのキーで選び、「確定」のキーで決めます。</source>
        <translation>Choose with the plus and minus keys, then press the Enter key.</translation>
    </message>
    <message>
        <source>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</source>
        <translation>To call staff, press the Call staff key.</translation>
    </message>
    <message>
        <source>職員を呼ぶ。職員がこちらに来ます。</source>
        <translation>Call staff. A member of staff will come to you.</translation>
    </message>
    <message>
        <source>申立書を記入する。保険の情報を、画面で入力します。</source>
        <translation>Fill in a declaration. You enter your insurance details on the screen.</translation>
    </message>
    <message>
        <source>待たずに進む。申立書や前回の記録で受付します。</source>
        <translation>Go on without waiting. Check-in continues with the declaration form or your last visit&apos;s record.</translation>
    </message>
    <message>
        <source>「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。</source>
        <translation>With Fill in a declaration, you can enter your insurance details yourself.</translation>
    </message>
    <message>
        <source>終了。受付をやめて、はじめにもどります。</source>
        <translation>End. Stops the check-in and goes back to the start.</translation>
    </message>
    <message>
        <source>もう一度聞く。この画面の案内を、もう一度読み上げます。</source>
        <translation>Hear again. Reads this screen out again.</translation>
    </message>
    <message>
        <source>{what}。いまは{state}です。「確定」のキーで切り替えます。</source>
        <translation>{what}. Now {state}. Press the Enter key to switch.</translation>
    </message>
    <message>
        <source>言語を選ぶ。ほかの言語の画面にします。</source>
        <translation>Choose a language. Shows the screens in another language.</translation>
    </message>
    <message>
        <source>お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。</source>
        <translation>Child check-in. Hold your child so the camera sees their face.</translation>
    </message>
    <message>
        <source>おとなの受付。ご自身のお顔を映します。</source>
        <translation>Adult check-in. The camera looks at your own face.</translation>
    </message>
    <message>
        <source>{n}けた目を入力しました</source>
        <translation>Digit {n} entered</translation>
    </message>
    <message>
        <source>1けた消しました</source>
        <translation>One digit erased</translation>
    </message>
    <message>
        <source>4けた目を入力しました。「確定」のキーを押してください。</source>
        <translation>Digit 4 entered. Please press the Enter key.</translation>
    </message>
    <message>
        <source>カードが読み取り機に残っています。カードをお取りください。</source>
        <translation>Your card is still in the reader. Please take your card.</translation>
    </message>
    <message>
        <source>「もう一度聞く」のキーで、案内をもう一度聞けます。</source>
        <translation>Press the Hear again key to hear the guidance again.</translation>
    </message>
    <message>
        <source>プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。</source>
        <translation>With the plus and minus keys you can choose larger text, more time, or another language.</translation>
    </message>
    <message>
        <source>次へ。本人確認に進みます。</source>
        <translation>Next. Goes on to confirming your identity.</translation>
    </message>
    <message>
        <source>受付を続けるときは、「確定」のキーを押してください。</source>
        <translation>To go on with the check-in, press the Enter key.</translation>
    </message>
    <message>
        <source>顔認証。カメラにお顔を映して確認します。</source>
        <translation>Face. The camera checks your face.</translation>
    </message>
    <message>
        <source>暗証番号。数字4けたを、キーで入力して確認します。</source>
        <translation>PIN. You enter 4 digits on the keys.</translation>
    </message>
    <message>
        <source>顔認証か、暗証番号を選んでください。</source>
        <translation>Please choose Face or PIN.</translation>
    </message>
    <message>
        <source>暗証番号にする。顔認証をやめて、暗証番号で確認します。</source>
        <translation>Use PIN instead. Stops the face check and checks your PIN.</translation>
    </message>
    <message>
        <source>暗証番号で確認するときは、「暗証番号にする」を選んでください。</source>
        <translation>To use your PIN instead, choose Use PIN instead.</translation>
    </message>
    <message>
        <source>暗証番号で確認。数字4けたを、キーで入力します。</source>
        <translation>Use PIN. You enter 4 digits on the keys.</translation>
    </message>
    <message>
        <source>確定。入力した暗証番号で確認します。</source>
        <translation>OK. Checks the PIN you entered.</translation>
    </message>
    <message>
        <source>訂正。最後の1けたを消します。</source>
        <translation>Delete. Erases the last digit.</translation>
    </message>
    <message>
        <source>キャンセル。受付をやめて、はじめにもどります。</source>
        <translation>Cancel. Stops the check-in and goes back to the start.</translation>
    </message>
    <message>
        <source>数字のキーで4けたを入力し、「確定」のキーを押してください。</source>
        <translation>Enter 4 digits with the number keys, then press the Enter key.</translation>
    </message>
    <message>
        <source>入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。</source>
        <translation>The digits are not read out. If you make a mistake, press the Erase key.</translation>
    </message>
    <message>
        <source>顔認証で確認。カメラにお顔を映します。</source>
        <translation>Use face check. The camera checks your face.</translation>
    </message>
    <message>
        <source>まちがいありません。次の質問に進みます。</source>
        <translation>This is correct. Goes on to the next question.</translation>
    </message>
    <message>
        <source>カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。</source>
        <translation>The name, date of birth, sex and address on your card are on the screen. They are not read out.</translation>
    </message>
    <message>
        <source>まちがいなければ、「確定」のキーを押してください。</source>
        <translation>If they are correct, press the Enter key.</translation>
    </message>
    <message>
        <source>同意する。</source>
        <translation>I agree.</translation>
    </message>
    <message>
        <source>同意しない。同意しなくても、受付はできます。</source>
        <translation>I do not agree. You can still check in without agreeing.</translation>
    </message>
    <message>
        <source>高額療養費制度を利用する方はこちら。限度額情報についての質問です。</source>
        <translation>For the high-cost medical expense benefit. A question about your payment limit information.</translation>
    </message>
    <message>
        <source>同意する、か、同意しない、を選んでください。</source>
        <translation>Please choose I agree or I do not agree.</translation>
    </message>
    <message>
        <source>提供する、か、提供しない、を選んでください。</source>
        <translation>Please choose Share or Do not share.</translation>
    </message>
    <message>
        <source>もどる。職員を呼ぶ前の画面にもどります。</source>
        <translation>Back. Goes back to the screen before you called staff.</translation>
    </message>
    <message>
        <source>「入力する」か「わからない」を選んでください。</source>
        <translation>Please choose Type it or I don&apos;t know.</translation>
    </message>
    <message>
        <source>画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。</source>
        <translation>Type with the katakana keys on the screen, then press Next. What you type is not read out.</translation>
    </message>
    <message>
        <source>数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。</source>
        <translation>Enter the number with the number keys, then press the Enter key. The digits are not read out.</translation>
    </message>
    <message>
        <source>内容は画面に出ています。よければ「受付する」を選んでください。</source>
        <translation>Your answers are on the screen. If they are right, choose Check in.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>名前を選び、暗証番号を入力してください</source>
        <translation>Choose your name and enter your PIN</translation>
    </message>
    <message>
        <source>暗証番号がちがいます。</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>訂正</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month:02d}-{day:02d}</translation>
    </message>
    <message>
        <source>保険者名なし</source>
        <translation>No insurer name</translation>
    </message>
    <message>
        <source>有効期間 記載なし</source>
        <translation>Valid: not stated</translation>
    </message>
    <message>
        <source>有効期間 {start} ～ {end}</source>
        <translation>Valid: {start} to {end}</translation>
    </message>
    <message>
        <source>保険者番号 {number}</source>
        <translation>Insurer number {number}</translation>
    </message>
    <message>
        <source>記号 {symbol}&#x3000;番号 {card}&#x3000;枝番 {branch}</source>
        <translation>Symbol {symbol}  No. {card}  Branch {branch}</translation>
    </message>
    <message>
        <source>目視：本人と確認</source>
        <translation>Visual check: confirmed</translation>
    </message>
    <message>
        <source>目視：確認できない</source>
        <translation>Visual check: cannot confirm</translation>
    </message>
    <message>
        <source>今の資格を選んでください（押すと決まります）</source>
        <translation>Choose the current qualification (one tap decides)</translation>
    </message>
    <message>
        <source>患者さんの操作に戻す</source>
        <translation>Hand back to the patient</translation>
    </message>
    <message>
        <source>受付を終了</source>
        <translation>End this check-in</translation>
    </message>
    <message>
        <source>呼び出しに対応しました</source>
        <translation>Call answered</translation>
    </message>
    <message>
        <source>この画面で職員ができる操作はありません。</source>
        <translation>Nothing for staff to do on this screen.</translation>
    </message>
    <message>
        <source>職員端末をつなぐ</source>
        <translation>Connect a staff PC</translation>
    </message>
    <message>
        <source>職員メニュー（{staff}）</source>
        <translation>Staff menu ({staff})</translation>
    </message>
    <message>
        <source>{state}（呼ばれた画面：{screen}）</source>
        <translation>{state} (called from: {screen})</translation>
    </message>
    <message>
        <source>あと{m}分{s:02d}秒</source>
        <translation>{m}:{s:02d} left</translation>
    </message>
    <message>
        <source>この受付機の名前を決めてください。職員端末にこの名前で表示されます。</source>
        <translation>Give this kiosk a name. Staff PCs show it under this name.</translation>
    </message>
    <message>
        <source>名前を入力してください。</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <source>この名前にする</source>
        <translation>Use this name</translation>
    </message>
    <message>
        <source>受付{n}</source>
        <translation>Desk {n}</translation>
    </message>
    <message>
        <source>受付機を追加（同じ医院）</source>
        <translation>Add a kiosk (same clinic)</translation>
    </message>
    <message>
        <source>職員端末の「受付機を追加」で、QRコードを読み取るか、アドレスとコードを入力してください。</source>
        <translation>On the staff PC, choose “Add kiosk”, then scan the QR code or type the address and code.</translation>
    </message>
    <message>
        <source>「{name}」に医院の鍵を渡しました。この画面を閉じてください。</source>
        <translation>The clinic&apos;s key was given to “{name}”. Close this screen.</translation>
    </message>
    <message>
        <source>「{name}」は、もうこの医院の鍵を持っています。</source>
        <translation>“{name}” already holds this clinic&apos;s key.</translation>
    </message>
    <message>
        <source>「{name}」に鍵は渡していません。新しい受付機に出ている説明を見てください。</source>
        <translation>No key was given to “{name}”. See what the new kiosk&apos;s screen says.</translation>
    </message>
    <message>
        <source>新しいコードを表示</source>
        <translation>Show a new code</translation>
    </message>
    <message>
        <source>新しい受付機で「kiosk hub join」を使い、QRコードかアドレスとコードを入力します。</source>
        <translation>On the new kiosk, run “kiosk hub join” with the QR code, or with the address and the code.</translation>
    </message>
    <message>
        <source>鍵はこの受付機から直接渡し、ハブには送りません。</source>
        <translation>The key goes straight from this kiosk to the new one, never to the hub.</translation>
    </message>
    <message>
        <source>受付機の名前：{name}</source>
        <translation>Kiosk name: {name}</translation>
    </message>
    <message>
        <source>アドレス：{address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <source>職員端末とつながりました。この画面を閉じてください。</source>
        <translation>The staff PC is connected. You can close this screen.</translation>
    </message>
    <message>
        <source>時間切れです。新しいコードを表示してください。</source>
        <translation>The code has expired. Show a new code.</translation>
    </message>
    <message>
        <source>まちがったコードが続いたため、このコードは使えなくしました。</source>
        <translation>Too many wrong codes were entered, so this code no longer works.</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <source>カードを置く</source>
        <translation>Place card</translation>
    </message>
    <message>
        <source>本人確認</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Done</translation>
    </message>
</context>
</TS>
