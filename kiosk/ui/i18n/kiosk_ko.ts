<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="ja_JP">
    <context>
        <name>Chrome</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>직원 호출</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>다시 듣기</translation>
        </message>
        <message>
            <source>音声案内</source>
            <translation>음성 안내</translation>
        </message>
        <message>
            <source>文字を大きく</source>
            <translation>글자 크게</translation>
        </message>
        <message>
            <source>ゆっくり操作</source>
            <translation>천천히 조작</translation>
        </message>
        <message>
            <source>オン</source>
            <translation>켜짐</translation>
        </message>
        <message>
            <source>オフ</source>
            <translation>꺼짐</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>종료</translation>
        </message>
        <message>
            <source>職員に知らせました。そのままお待ちください。</source>
            <translation>직원에게 알렸습니다. 그대로 기다려 주세요.</translation>
        </message>
    </context>
    <context>
        <name>Declaration</name>
        <message>
            <source>会社の保険</source>
            <translation>회사 보험</translation>
        </message>
        <message>
            <source>国民健康保険</source>
            <translation>국민건강보험</translation>
        </message>
        <message>
            <source>後期高齢者医療</source>
            <translation>후기고령자 의료 (75세 이상)</translation>
        </message>
        <message>
            <source>わからない</source>
            <translation>모르겠습니다</translation>
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
            <translation>남성</translation>
        </message>
        <message>
            <source>女性</source>
            <translation>여성</translation>
        </message>
        <message>
            <source>記載なし</source>
            <translation>기재 없음</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{year}년 {month}월 {day}일</translation>
        </message>
        <message>
            <source>お名前のフリガナを入力してください</source>
            <translation>이름을 가타카나로 입력해 주세요</translation>
        </message>
        <message>
            <source>カタカナで入力します。姓と名のあいだは「空白」です。</source>
            <translation>가타카나로 입력합니다. 성과 이름 사이에는 「공백」을 누릅니다.</translation>
        </message>
        <message>
            <source>お名前のフリガナ</source>
            <translation>이름 (가타카나)</translation>
        </message>
        <message>
            <source>わからないときは「わからない」を押してください。職員がお手伝いします。</source>
            <translation>모르실 때는 「모르겠습니다」를 눌러 주세요. 직원이 도와드립니다.</translation>
        </message>
        <message>
            <source>保険者の名前を入力してください</source>
            <translation>보험자 이름을 입력해 주세요</translation>
        </message>
        <message>
            <source>保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。</source>
            <translation>건강보험증(保険証)이나 자격확인서(資格確認書)의 「保険者名称」에 적힌 이름입니다. 가타카나로 입력합니다.</translation>
        </message>
        <message>
            <source>保険者の名前</source>
            <translation>보험자 이름</translation>
        </message>
        <message>
            <source>お勤め先の名前を入力してください</source>
            <translation>근무처 이름을 입력해 주세요</translation>
        </message>
        <message>
            <source>ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。</source>
            <translation>가족의 보험에 가입된 분은 가족의 근무처입니다. 가타카나로 입력합니다.</translation>
        </message>
        <message>
            <source>お勤め先の名前</source>
            <translation>근무처 이름</translation>
        </message>
        <message>
            <source>フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。</source>
            <translation>이름의 가타카나가 없어서 직원이 여쭤볼 수 있습니다. 「직원을 호출했습니다」라고 나오면 그대로 기다려 주세요.</translation>
        </message>
        <message>
            <source>申立書の記入：カードの内容をご確認ください</source>
            <translation>신고서(申立書) 작성: 카드 내용을 확인해 주세요</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>이름</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>생년월일</translation>
        </message>
        <message>
            <source>性別</source>
            <translation>성별</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>주소</translation>
        </message>
        <message>
            <source>ちがうところがあれば、職員をお呼びください。</source>
            <translation>틀린 곳이 있으면 직원을 불러 주세요.</translation>
        </message>
        <message>
            <source>まちがいありません</source>
            <translation>맞습니다</translation>
        </message>
        <message>
            <source>入力する</source>
            <translation>입력하기</translation>
        </message>
        <message>
            <source>連絡先の電話番号を入力してください</source>
            <translation>연락처 전화번호를 입력해 주세요</translation>
        </message>
        <message>
            <source>携帯電話でも、ご自宅の電話でもかまいません。</source>
            <translation>휴대전화도 집 전화도 괜찮습니다.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>다음</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>지우기</translation>
        </message>
        <message>
            <source>加入している保険の種類を選んでください</source>
            <translation>가입한 보험의 종류를 선택해 주세요</translation>
        </message>
        <message>
            <source>窓口で支払う割合（負担割合）を選んでください</source>
            <translation>창구에서 내는 비율(본인부담 비율)을 선택해 주세요</translation>
        </message>
        <message>
            <source>この内容で受付します</source>
            <translation>이 내용으로 접수합니다</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>가타카나 이름</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>전화번호</translation>
        </message>
        <message>
            <source>保険の種類</source>
            <translation>보험 종류</translation>
        </message>
        <message>
            <source>負担割合</source>
            <translation>본인부담 비율</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>보험 자격은 나중에 직원이 확인합니다.</translation>
        </message>
        <message>
            <source>保険者</source>
            <translation>보험자</translation>
        </message>
        <message>
            <source>お勤め先</source>
            <translation>근무처</translation>
        </message>
        <message>
            <source>受け付けています…</source>
            <translation>접수 중입니다…</translation>
        </message>
        <message>
            <source>受付する</source>
            <translation>접수하기</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>뒤로</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>研修用シナリオ</source>
            <translation>연수용 시나리오</translation>
        </message>
        <message>
            <source>カードを置く</source>
            <translation>카드 놓기</translation>
        </message>
        <message>
            <source>カードを取る</source>
            <translation>카드 빼기</translation>
        </message>
        <message>
            <source>リーダーを外す</source>
            <translation>리더기 분리</translation>
        </message>
        <message>
            <source>リーダーを戻す</source>
            <translation>리더기 다시 연결</translation>
        </message>
        <message>
            <source>職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）</source>
            <translation>직원 메뉴: 왼쪽 위 마크를 3초간 누르기 ({name}, 비밀번호 {pin})</translation>
        </message>
    </context>
    <context>
        <name>Face</name>
        <message>
            <source>お顔が見つかりません。カメラの正面に立ってください。</source>
            <translation>얼굴이 보이지 않습니다. 카메라 정면에 서 주세요.</translation>
        </message>
        <message>
            <source>何人か映っています。おひとりで映ってください。</source>
            <translation>여러 사람이 비치고 있습니다. 한 분만 비치도록 해 주세요.</translation>
        </message>
        <message>
            <source>もう少しカメラに近づいてください。</source>
            <translation>카메라에 조금 더 가까이 와 주세요.</translation>
        </message>
        <message>
            <source>少しカメラから離れてください。</source>
            <translation>카메라에서 조금 떨어져 주세요.</translation>
        </message>
        <message>
            <source>お顔を枠のまん中に合わせてください。</source>
            <translation>얼굴을 틀의 가운데에 맞춰 주세요.</translation>
        </message>
        <message>
            <source>お顔が暗く映っています。帽子をとり、顔を上げてください。</source>
            <translation>얼굴이 어둡게 보입니다. 모자를 벗고 고개를 들어 주세요.</translation>
        </message>
        <message>
            <source>マスクを外してください。</source>
            <translation>마스크를 벗어 주세요.</translation>
        </message>
        <message>
            <source>そのまま動かないでください。</source>
            <translation>그대로 움직이지 마세요.</translation>
        </message>
        <message>
            <source>ゆっくり、まばたきをしてください。</source>
            <translation>천천히 눈을 깜빡여 주세요.</translation>
        </message>
        <message>
            <source>すわったままでだいじょうぶです。カメラを見てください。</source>
            <translation>앉으신 채로 괜찮습니다. 카메라를 봐 주세요.</translation>
        </message>
        <message>
            <source>あごを少し引いて、カメラを見てください。</source>
            <translation>턱을 조금 당기고 카메라를 봐 주세요.</translation>
        </message>
        <message>
            <source>お子さまのお顔が見つかりません。カメラに向けてください。</source>
            <translation>자녀의 얼굴이 보이지 않습니다. 카메라 쪽을 향하게 해 주세요.</translation>
        </message>
        <message>
            <source>お子さまを、もう少しカメラに近づけてください。</source>
            <translation>자녀를 카메라에 조금 더 가까이 해 주세요.</translation>
        </message>
        <message>
            <source>お子さまを、少しカメラから離してください。</source>
            <translation>자녀를 카메라에서 조금 떨어뜨려 주세요.</translation>
        </message>
        <message>
            <source>お子さまのお顔が枠のまん中に入るようにしてください。</source>
            <translation>자녀의 얼굴이 틀 가운데에 오도록 해 주세요.</translation>
        </message>
        <message>
            <source>お子さまのお顔が暗く映っています。帽子をとってください。</source>
            <translation>자녀의 얼굴이 어둡게 보입니다. 모자를 벗겨 주세요.</translation>
        </message>
        <message>
            <source>お子さまのマスクを外してください。</source>
            <translation>자녀의 마스크를 벗겨 주세요.</translation>
        </message>
        <message>
            <source>お子さまを、そのまま動かさないでください。</source>
            <translation>자녀가 움직이지 않게 해 주세요.</translation>
        </message>
        <message>
            <source>お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。</source>
            <translation>자녀는 앉은 채로 괜찮습니다. 얼굴이 틀 안에 들어오게 해 주세요.</translation>
        </message>
        <message>
            <source>お子さまのあごを少し引いて、お顔が枠に入るようにしてください。</source>
            <translation>자녀의 턱을 조금 당기고 얼굴이 틀 안에 들어오게 해 주세요.</translation>
        </message>
    </context>
    <context>
        <name>KanaKeyboard</name>
        <message>
            <source>小</source>
            <translation>작게</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>공백</translation>
        </message>
        <message>
            <source>消す</source>
            <translation>지우기</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>数字（暗証番号・電話番号）</source>
            <translation>숫자 (비밀번호·전화번호)</translation>
        </message>
        <message>
            <source>決定・確定</source>
            <translation>확인</translation>
        </message>
        <message>
            <source>次のボタンへ</source>
            <translation>다음 버튼</translation>
        </message>
        <message>
            <source>前のボタンへ</source>
            <translation>이전 버튼</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>다시 듣기</translation>
        </message>
        <message>
            <source>職員を呼ぶ</source>
            <translation>직원 호출</translation>
        </message>
        <message>
            <source>1けた消す</source>
            <translation>한 자리 지우기</translation>
        </message>
    </context>
    <context>
        <name>LanguageChooser</name>
        <message>
            <source>ことばを選んでください</source>
            <translation>언어를 선택해 주세요</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>닫기</translation>
        </message>
    </context>
    <context>
        <name>Overlay</name>
        <message>
            <source>操作を続けますか？</source>
            <translation>계속하시겠습니까?</translation>
        </message>
        <message>
            <source>続ける</source>
            <translation>계속하기</translation>
        </message>
        <message>
            <source>あと{n}秒で終了します。</source>
            <translation>{n}초 후에 종료됩니다.</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>직원 호출</translation>
        </message>
        <message>
            <source>申立書を記入する</source>
            <translation>신고서(申立書) 작성</translation>
        </message>
        <message>
            <source>時間がかかっています。このままお待ちいただくか、職員を呼んでください。</source>
            <translation>시간이 걸리고 있습니다. 이대로 기다리시거나 직원을 불러 주세요.</translation>
        </message>
        <message>
            <source>待たずに進む</source>
            <translation>기다리지 않고 진행</translation>
        </message>
        <message>
            <source>マイナンバーカードを置いてください</source>
            <translation>마이넘버 카드를 놓아 주세요</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして置いてください。</source>
            <translation>얼굴 사진이 있는 면을 위로 해서 놓아 주세요.</translation>
        </message>
        <message>
            <source>ケースやビニールから出してください。</source>
            <translation>케이스나 비닐에서 꺼내 주세요.</translation>
        </message>
        <message>
            <source>診察券ではなく、マイナンバーカードです。</source>
            <translation>진찰권이 아니라 마이넘버 카드입니다.</translation>
        </message>
        <message>
            <source>カードを読み取っています</source>
            <translation>카드를 읽고 있습니다</translation>
        </message>
        <message>
            <source>カードを動かさずに、お待ちください。</source>
            <translation>카드를 움직이지 말고 기다려 주세요.</translation>
        </message>
        <message>
            <source>このカードはマイナンバーカードではありません</source>
            <translation>이 카드는 마이넘버 카드가 아닙니다</translation>
        </message>
        <message>
            <source>診察券やほかのカードは使えません。</source>
            <translation>진찰권이나 다른 카드는 사용할 수 없습니다.</translation>
        </message>
        <message>
            <source>カードを取り出して、マイナンバーカードを置いてください。</source>
            <translation>카드를 꺼내고 마이넘버 카드를 놓아 주세요.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお持ちでない方は、受付にお声がけください。</source>
            <translation>마이넘버 카드가 없는 분은 접수처에 말씀해 주세요.</translation>
        </message>
        <message>
            <source>カードを読み取れませんでした</source>
            <translation>카드를 읽지 못했습니다</translation>
        </message>
        <message>
            <source>カードを取り出して、もう一度置いてください。</source>
            <translation>카드를 꺼냈다가 다시 놓아 주세요.</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして、ケースから出して置いてください。</source>
            <translation>케이스에서 꺼내 얼굴 사진이 있는 면을 위로 놓아 주세요.</translation>
        </message>
        <message>
            <source>何度やっても読めないときは、職員がお手伝いします。</source>
            <translation>여러 번 해도 읽히지 않으면 직원이 도와드립니다.</translation>
        </message>
        <message>
            <source>カードが取り出されました</source>
            <translation>카드를 꺼냈습니다</translation>
        </message>
        <message>
            <source>確認は終わっていません。</source>
            <translation>확인이 끝나지 않았습니다.</translation>
        </message>
        <message>
            <source>はじめからやり直すときは、もう一度カードを置いてください。</source>
            <translation>처음부터 다시 하려면 카드를 다시 놓아 주세요.</translation>
        </message>
        <message>
            <source>カードリーダーが使えません</source>
            <translation>카드 리더기를 사용할 수 없습니다</translation>
        </message>
        <message>
            <source>いま、自動で直しています。しばらくお待ちください。</source>
            <translation>지금 자동으로 복구하고 있습니다. 잠시 기다려 주세요.</translation>
        </message>
        <message>
            <source>お急ぎの方は、受付にお声がけください。</source>
            <translation>급하신 분은 접수처에 말씀해 주세요.</translation>
        </message>
        <message>
            <source>カードの電子証明書の有効期限が切れています</source>
            <translation>카드의 전자증명서 유효기간이 지났습니다</translation>
        </message>
        <message>
            <source>このカードでは、保険の確認ができません。</source>
            <translation>이 카드로는 보험을 확인할 수 없습니다.</translation>
        </message>
        <message>
            <source>電子証明書は、お住まいの市区町村の窓口で更新できます。</source>
            <translation>전자증명서는 거주지 시청·구청 창구에서 갱신할 수 있습니다.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。</source>
            <translation>자격확인서(資格確認書)나 건강보험증(保険証)이 있는 분은 접수처에 보여 주세요. 직원이 도와드립니다.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています</source>
            <translation>전자증명서 유효기간이 얼마 남지 않았습니다</translation>
        </message>
        <message>
            <source>期限が切れる前に、お住まいの市区町村の窓口で更新してください。</source>
            <translation>기간이 지나기 전에 거주지 시청·구청 창구에서 갱신해 주세요.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>다음</translation>
        </message>
        <message>
            <source>有効期限：{year}年{month}月{day}日</source>
            <translation>유효기간: {year}년 {month}월 {day}일</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>확인</translation>
        </message>
        <message>
            <source>ここから先は、職員がご案内します</source>
            <translation>여기서부터는 직원이 안내해 드립니다</translation>
        </message>
        <message>
            <source>もう少し確認が必要です。</source>
            <translation>조금 더 확인이 필요합니다.</translation>
        </message>
        <message>
            <source>カードは置いたまま、職員をお呼びください。</source>
            <translation>카드는 그대로 두고 직원을 불러 주세요.</translation>
        </message>
        <message>
            <source>保険の資格が確認できませんでした</source>
            <translation>보험 자격을 확인하지 못했습니다</translation>
        </message>
        <message>
            <source>保険が変わったとき、保険者の登録がまだ終わっていないことがあります。</source>
            <translation>보험이 바뀐 경우, 보험자의 등록이 아직 끝나지 않았을 수 있습니다.</translation>
        </message>
        <message>
            <source>職員がお手伝いします。</source>
            <translation>직원이 도와드립니다.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。</source>
            <translation>자격확인서(資格確認書)나 건강보험증(保険証)이 있는 분은 접수처에 보여 주세요.</translation>
        </message>
        <message>
            <source>保険の資格の情報が見つかりませんでした</source>
            <translation>보험 자격 정보를 찾지 못했습니다</translation>
        </message>
        <message>
            <source>保険者の登録がまだ終わっていないことがあります。</source>
            <translation>보험자의 등록이 아직 끝나지 않았을 수 있습니다.</translation>
        </message>
        <message>
            <source>保険の情報が複数見つかりました</source>
            <translation>보험 정보가 여러 개 있습니다</translation>
        </message>
        <message>
            <source>どの保険を使うか、職員が確認します。</source>
            <translation>어느 보험을 사용할지 직원이 확인합니다.</translation>
        </message>
        <message>
            <source>ただいま、オンラインで資格を確認できません</source>
            <translation>지금은 온라인으로 자격을 확인할 수 없습니다</translation>
        </message>
        <message>
            <source>職員が別の方法で確認します。</source>
            <translation>직원이 다른 방법으로 확인합니다.</translation>
        </message>
        <message>
            <source>いつもどおり受付できますので、ご安心ください。</source>
            <translation>평소대로 접수할 수 있으니 안심하세요.</translation>
        </message>
        <message>
            <source>過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。</source>
            <translation>과거 진료·약·건강검진 정보를 본 기관에 제공하는 것에 동의하십니까?</translation>
        </message>
        <message>
            <source>同意すると、医師がこれまでの情報を見て、診療に役立てます。</source>
            <translation>동의하시면 의사가 지금까지의 정보를 보고 진료에 활용합니다.</translation>
        </message>
        <message>
            <source>限度額情報：提供する</source>
            <translation>한도액 정보: 제공</translation>
        </message>
        <message>
            <source>限度額情報：提供しない</source>
            <translation>한도액 정보: 제공 안 함</translation>
        </message>
        <message>
            <source>同意する</source>
            <translation>동의합니다</translation>
        </message>
        <message>
            <source>同意しない</source>
            <translation>동의하지 않습니다</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら</source>
            <translation>고액요양비 제도를 이용하실 분은 여기</translation>
        </message>
        <message>
            <source>限度額情報を当機関に提供しますか。</source>
            <translation>한도액(限度額) 정보를 본 기관에 제공하시겠습니까?</translation>
        </message>
        <message>
            <source>提供すると、窓口でのお支払いが自己負担限度額までになります。</source>
            <translation>제공하시면 창구에서 내는 금액이 본인부담 한도액을 넘지 않습니다.</translation>
        </message>
        <message>
            <source>限度額適用認定証は不要です。</source>
            <translation>한도액 인정증(限度額適用認定証)은 필요 없습니다.</translation>
        </message>
        <message>
            <source>提供する</source>
            <translation>제공합니다</translation>
        </message>
        <message>
            <source>提供しない</source>
            <translation>제공하지 않습니다</translation>
        </message>
        <message>
            <source>{name}様 受付しました。</source>
            <translation>{name} 님, 접수되었습니다.</translation>
        </message>
        <message>
            <source>受付しました。</source>
            <translation>접수되었습니다.</translation>
        </message>
        <message>
            <source>{name}様 確認が完了しました。</source>
            <translation>{name} 님, 확인이 완료되었습니다.</translation>
        </message>
        <message>
            <source>確認が完了しました。</source>
            <translation>확인이 완료되었습니다.</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>보험 자격은 나중에 직원이 확인합니다.</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出し、待合室でお待ちください。</source>
            <translation>마이넘버 카드를 꺼내시고 대기실에서 기다려 주세요.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。</source>
            <translation>전자증명서 유효기간이 얼마 남지 않았습니다. 시청·구청 창구에서 갱신해 주세요.</translation>
        </message>
        <message>
            <source>職員を呼びました</source>
            <translation>직원을 호출했습니다</translation>
        </message>
        <message>
            <source>そのままお待ちください。</source>
            <translation>그대로 기다려 주세요.</translation>
        </message>
        <message>
            <source>カードは置いたままにしてください。</source>
            <translation>카드는 그대로 두세요.</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>뒤로</translation>
        </message>
        <message>
            <source>終了しました</source>
            <translation>종료되었습니다</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出してください。</source>
            <translation>마이넘버 카드를 꺼내 주세요.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお取りください</source>
            <translation>마이넘버 카드를 가져가세요</translation>
        </message>
        <message>
            <source>カードがカードリーダーに残っています。</source>
            <translation>카드가 카드 리더기에 남아 있습니다.</translation>
        </message>
        <message>
            <source>本人確認の方法を選んでください</source>
            <translation>본인 확인 방법을 선택해 주세요</translation>
        </message>
        <message>
            <source>顔認証</source>
            <translation>얼굴 인증</translation>
        </message>
        <message>
            <source>暗証番号</source>
            <translation>비밀번호</translation>
        </message>
        <message>
            <source>カメラにお顔を映します</source>
            <translation>카메라에 얼굴을 비춥니다</translation>
        </message>
        <message>
            <source>数字4桁を入力します</source>
            <translation>숫자 4자리를 입력합니다</translation>
        </message>
        <message>
            <source>本人確認の情報は、他の目的には使用しません。</source>
            <translation>본인 확인 정보는 다른 목적으로 사용하지 않습니다.</translation>
        </message>
        <message>
            <source>大人の方が一緒に写っても大丈夫です。</source>
            <translation>보호자가 함께 찍혀도 괜찮습니다.</translation>
        </message>
        <message>
            <source>顔を枠内に入れてください</source>
            <translation>얼굴을 틀 안에 넣어 주세요</translation>
        </message>
        <message>
            <source>カメラを見て、そのままお待ちください。</source>
            <translation>카메라를 보고 그대로 기다려 주세요.</translation>
        </message>
        <message>
            <source>暗証番号にする</source>
            <translation>비밀번호로 하기</translation>
        </message>
        <message>
            <source>あと{n}回ためせます。</source>
            <translation>{n}번 더 할 수 있습니다.</translation>
        </message>
        <message>
            <source>お子さまの顔を枠内に入れてください</source>
            <translation>자녀의 얼굴을 틀 안에 넣어 주세요</translation>
        </message>
        <message>
            <source>おとなの受付</source>
            <translation>어른 접수</translation>
        </message>
        <message>
            <source>お子さまの受付</source>
            <translation>어린이 접수</translation>
        </message>
        <message>
            <source>顔認証ができませんでした</source>
            <translation>얼굴 인증을 하지 못했습니다</translation>
        </message>
        <message>
            <source>暗証番号で確認できます。わからないときは、職員がお手伝いします。</source>
            <translation>비밀번호로 확인할 수 있습니다. 모르실 때는 직원이 도와드립니다.</translation>
        </message>
        <message>
            <source>暗証番号で確認</source>
            <translation>비밀번호로 확인</translation>
        </message>
        <message>
            <source>暗証番号（数字4桁）を入力してください</source>
            <translation>비밀번호(暗証番号, 숫자 4자리)를 입력해 주세요</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>비밀번호가 틀렸습니다.</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>확인 중입니다…</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>지우기</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>入力できる回数：あと{n}回</source>
            <translation>남은 입력 횟수: {n}회</translation>
        </message>
        <message>
            <source>注意：あと{n}回まちがえると、カードがロックされます。</source>
            <translation>주의: {n}번 더 틀리면 카드가 잠깁니다.</translation>
        </message>
        <message>
            <source>暗証番号は、あと1回まちがえるとロックされます</source>
            <translation>비밀번호를 1번 더 틀리면 잠깁니다</translation>
        </message>
        <message>
            <source>ロックされると、市区町村の窓口で解除が必要になります。</source>
            <translation>잠기면 시청·구청 창구에서 해제해야 합니다.</translation>
        </message>
        <message>
            <source>顔認証で確認するか、職員をお呼びください。</source>
            <translation>얼굴 인증으로 확인하시거나 직원을 불러 주세요.</translation>
        </message>
        <message>
            <source>顔認証で確認</source>
            <translation>얼굴 인증으로 확인</translation>
        </message>
        <message>
            <source>暗証番号がロックされています</source>
            <translation>비밀번호가 잠겨 있습니다</translation>
        </message>
        <message>
            <source>ロックの解除は、お住まいの市区町村の窓口でできます。</source>
            <translation>잠금 해제는 거주지 시청·구청 창구에서 할 수 있습니다.</translation>
        </message>
        <message>
            <source>今日は、顔認証で確認できます。</source>
            <translation>오늘은 얼굴 인증으로 확인할 수 있습니다.</translation>
        </message>
        <message>
            <source>保険の資格を確認しています</source>
            <translation>보험 자격을 확인하고 있습니다</translation>
        </message>
        <message>
            <source>カードは置いたまま、お待ちください。</source>
            <translation>카드는 그대로 두고 기다려 주세요.</translation>
        </message>
    </context>
    <context>
        <name>Speech</name>
        <message>
            <source>プラスとマイナスのキーで選び、「確定」のキーで決めます。</source>
            <translation>플러스 키와 마이너스 키로 고르고, 엔터 키로 정합니다.</translation>
        </message>
        <message>
            <source>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</source>
            <translation>직원을 부를 때는 직원 호출 키를 눌러 주세요.</translation>
        </message>
        <message>
            <source>職員を呼ぶ。職員がこちらに来ます。</source>
            <translation>직원 호출. 직원이 이쪽으로 옵니다.</translation>
        </message>
        <message>
            <source>申立書を記入する。保険の情報を、画面で入力します。</source>
            <translation>신고서 작성. 보험 정보를 화면에서 입력합니다.</translation>
        </message>
        <message>
            <source>待たずに進む。申立書や前回の記録で受付します。</source>
            <translation>기다리지 않고 진행. 신고서나 지난번 기록으로 접수합니다.</translation>
        </message>
        <message>
            <source>「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。</source>
            <translation>신고서 작성을 고르시면 보험 정보를 직접 입력할 수 있습니다.</translation>
        </message>
        <message>
            <source>終了。受付をやめて、はじめにもどります。</source>
            <translation>종료. 접수를 그만두고 처음으로 돌아갑니다.</translation>
        </message>
        <message>
            <source>もう一度聞く。この画面の案内を、もう一度読み上げます。</source>
            <translation>다시 듣기. 이 화면의 안내를 다시 읽어 드립니다.</translation>
        </message>
        <message>
            <source>{what}。いまは{state}です。「確定」のキーで切り替えます。</source>
            <translation>{what}. 지금은 {state} 상태입니다. 엔터 키로 바꿉니다.</translation>
        </message>
        <message>
            <source>言語を選ぶ。ほかの言語の画面にします。</source>
            <translation>언어 선택. 화면을 다른 언어로 바꿉니다.</translation>
        </message>
        <message>
            <source>お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。</source>
            <translation>어린이 접수. 자녀를 안고 자녀의 얼굴을 비춥니다.</translation>
        </message>
        <message>
            <source>おとなの受付。ご自身のお顔を映します。</source>
            <translation>어른 접수. 본인의 얼굴을 비춥니다.</translation>
        </message>
        <message>
            <source>{n}けた目を入力しました</source>
            <translation>{n}번째 자리를 입력했습니다</translation>
        </message>
        <message>
            <source>1けた消しました</source>
            <translation>한 자리를 지웠습니다</translation>
        </message>
        <message>
            <source>4けた目を入力しました。「確定」のキーを押してください。</source>
            <translation>4번째 자리를 입력했습니다. 엔터 키를 눌러 주세요.</translation>
        </message>
        <message>
            <source>カードが読み取り機に残っています。カードをお取りください。</source>
            <translation>카드가 리더기에 남아 있습니다. 카드를 가져가세요.</translation>
        </message>
        <message>
            <source>「もう一度聞く」のキーで、案内をもう一度聞けます。</source>
            <translation>다시 듣기 키로 안내를 다시 들을 수 있습니다.</translation>
        </message>
        <message>
            <source>プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。</source>
            <translation>플러스 키와 마이너스 키로 글자 크기, 천천히 조작, 언어를 고를 수 있습니다.</translation>
        </message>
        <message>
            <source>次へ。本人確認に進みます。</source>
            <translation>다음. 본인 확인으로 넘어갑니다.</translation>
        </message>
        <message>
            <source>受付を続けるときは、「確定」のキーを押してください。</source>
            <translation>접수를 계속하려면 엔터 키를 눌러 주세요.</translation>
        </message>
        <message>
            <source>顔認証。カメラにお顔を映して確認します。</source>
            <translation>얼굴 인증. 카메라에 얼굴을 비춰 확인합니다.</translation>
        </message>
        <message>
            <source>暗証番号。数字4けたを、キーで入力して確認します。</source>
            <translation>비밀번호. 숫자 4자리를 키로 입력해 확인합니다.</translation>
        </message>
        <message>
            <source>顔認証か、暗証番号を選んでください。</source>
            <translation>얼굴 인증과 비밀번호 중에서 골라 주세요.</translation>
        </message>
        <message>
            <source>暗証番号にする。顔認証をやめて、暗証番号で確認します。</source>
            <translation>비밀번호로 하기. 얼굴 인증을 그만두고 비밀번호로 확인합니다.</translation>
        </message>
        <message>
            <source>暗証番号で確認するときは、「暗証番号にする」を選んでください。</source>
            <translation>비밀번호로 확인하려면 비밀번호로 하기를 골라 주세요.</translation>
        </message>
        <message>
            <source>暗証番号で確認。数字4けたを、キーで入力します。</source>
            <translation>비밀번호로 확인. 숫자 4자리를 키로 입력합니다.</translation>
        </message>
        <message>
            <source>確定。入力した暗証番号で確認します。</source>
            <translation>확인. 입력한 비밀번호로 확인합니다.</translation>
        </message>
        <message>
            <source>訂正。最後の1けたを消します。</source>
            <translation>지우기. 마지막 한 자리를 지웁니다.</translation>
        </message>
        <message>
            <source>キャンセル。受付をやめて、はじめにもどります。</source>
            <translation>취소. 접수를 그만두고 처음으로 돌아갑니다.</translation>
        </message>
        <message>
            <source>数字のキーで4けたを入力し、「確定」のキーを押してください。</source>
            <translation>숫자 키로 4자리를 입력하고 엔터 키를 눌러 주세요.</translation>
        </message>
        <message>
            <source>入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。</source>
            <translation>입력한 숫자는 읽지 않습니다. 잘못 눌렀을 때는 한 자리 지우기 키로 지울 수 있습니다.</translation>
        </message>
        <message>
            <source>顔認証で確認。カメラにお顔を映します。</source>
            <translation>얼굴 인증으로 확인. 카메라에 얼굴을 비춥니다.</translation>
        </message>
        <message>
            <source>まちがいありません。次の質問に進みます。</source>
            <translation>맞습니다. 다음 질문으로 넘어갑니다.</translation>
        </message>
        <message>
            <source>カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。</source>
            <translation>카드의 이름, 생년월일, 성별, 주소가 화면에 나와 있습니다. 읽어 드리지는 않습니다.</translation>
        </message>
        <message>
            <source>まちがいなければ、「確定」のキーを押してください。</source>
            <translation>틀림이 없으면 엔터 키를 눌러 주세요.</translation>
        </message>
        <message>
            <source>同意する。</source>
            <translation>동의합니다.</translation>
        </message>
        <message>
            <source>同意しない。同意しなくても、受付はできます。</source>
            <translation>동의하지 않습니다. 동의하지 않아도 접수할 수 있습니다.</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら。限度額情報についての質問です。</source>
            <translation>고액요양비 제도를 이용하실 분은 여기. 한도액 정보에 관한 질문입니다.</translation>
        </message>
        <message>
            <source>同意する、か、同意しない、を選んでください。</source>
            <translation>동의합니다, 또는 동의하지 않습니다를 골라 주세요.</translation>
        </message>
        <message>
            <source>提供する、か、提供しない、を選んでください。</source>
            <translation>제공합니다, 또는 제공하지 않습니다를 골라 주세요.</translation>
        </message>
        <message>
            <source>もどる。職員を呼ぶ前の画面にもどります。</source>
            <translation>뒤로. 직원을 부르기 전의 화면으로 돌아갑니다.</translation>
        </message>
        <message>
            <source>「入力する」か「わからない」を選んでください。</source>
            <translation>입력하기 또는 모르겠습니다를 골라 주세요.</translation>
        </message>
        <message>
            <source>画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。</source>
            <translation>화면의 가타카나 키로 입력하고 다음을 눌러 주세요. 입력한 글자는 읽지 않습니다.</translation>
        </message>
        <message>
            <source>数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。</source>
            <translation>숫자 키로 입력하고 엔터 키를 눌러 주세요. 입력한 숫자는 읽지 않습니다.</translation>
        </message>
        <message>
            <source>内容は画面に出ています。よければ「受付する」を選んでください。</source>
            <translation>내용이 화면에 나와 있습니다. 괜찮으시면 접수하기를 골라 주세요.</translation>
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
            <translation>카드 놓기</translation>
        </message>
        <message>
            <source>本人確認</source>
            <translation>본인 확인</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>동의</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>완료</translation>
        </message>
    </context>
</TS>
