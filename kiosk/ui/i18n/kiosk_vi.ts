<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="ja_JP">
    <context>
        <name>Chrome</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Gọi nhân viên</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>Nghe lại</translation>
        </message>
        <message>
            <source>音声案内</source>
            <translation>Giọng đọc</translation>
        </message>
        <message>
            <source>文字を大きく</source>
            <translation>Chữ to</translation>
        </message>
        <message>
            <source>ゆっくり操作</source>
            <translation>Thêm thời gian</translation>
        </message>
        <message>
            <source>オン</source>
            <translation>Bật</translation>
        </message>
        <message>
            <source>オフ</source>
            <translation>Tắt</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Kết thúc</translation>
        </message>
        <message>
            <source>職員に知らせました。そのままお待ちください。</source>
            <translation>Đã báo cho nhân viên. Vui lòng chờ tại đây.</translation>
        </message>
    </context>
    <context>
        <name>Declaration</name>
        <message>
            <source>会社の保険</source>
            <translation>Bảo hiểm công ty</translation>
        </message>
        <message>
            <source>国民健康保険</source>
            <translation>Bảo hiểm Y tế Quốc dân</translation>
        </message>
        <message>
            <source>後期高齢者医療</source>
            <translation>Y tế người cao tuổi (75+)</translation>
        </message>
        <message>
            <source>わからない</source>
            <translation>Tôi không biết</translation>
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
            <translation>Nam</translation>
        </message>
        <message>
            <source>女性</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>記載なし</source>
            <translation>Không ghi</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{day}/{month}/{year}</translation>
        </message>
        <message>
            <source>お名前のフリガナを入力してください</source>
            <translation>Vui lòng nhập tên bằng katakana</translation>
        </message>
        <message>
            <source>カタカナで入力します。姓と名のあいだは「空白」です。</source>
            <translation>Nhập bằng katakana. Giữa họ và tên, nhấn “Dấu cách”.</translation>
        </message>
        <message>
            <source>お名前のフリガナ</source>
            <translation>Tên bằng katakana</translation>
        </message>
        <message>
            <source>わからないときは「わからない」を押してください。職員がお手伝いします。</source>
            <translation>Nếu không biết, hãy nhấn “Tôi không biết”. Nhân viên sẽ giúp quý vị.</translation>
        </message>
        <message>
            <source>保険者の名前を入力してください</source>
            <translation>Vui lòng nhập tên đơn vị bảo hiểm</translation>
        </message>
        <message>
            <source>保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。</source>
            <translation>Tên ở mục “保険者名称” trên thẻ bảo hiểm (保険証) hoặc giấy xác nhận (資格確認書). Nhập bằng katakana.</translation>
        </message>
        <message>
            <source>保険者の名前</source>
            <translation>Tên đơn vị bảo hiểm</translation>
        </message>
        <message>
            <source>お勤め先の名前を入力してください</source>
            <translation>Vui lòng nhập tên nơi làm việc</translation>
        </message>
        <message>
            <source>ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。</source>
            <translation>Nếu dùng bảo hiểm của người nhà, nhập nơi làm việc của người đó. Nhập bằng katakana.</translation>
        </message>
        <message>
            <source>お勤め先の名前</source>
            <translation>Tên nơi làm việc</translation>
        </message>
        <message>
            <source>フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。</source>
            <translation>Vì chưa có tên katakana, nhân viên có thể sẽ hỏi quý vị. Khi màn hình hiện “Đã gọi nhân viên”, vui lòng chờ tại đây.</translation>
        </message>
        <message>
            <source>申立書の記入：カードの内容をご確認ください</source>
            <translation>Khai đơn (申立書): vui lòng kiểm tra thông tin trên thẻ</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Họ tên</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>性別</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>ちがうところがあれば、職員をお呼びください。</source>
            <translation>Nếu có gì sai, vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>まちがいありません</source>
            <translation>Thông tin đúng</translation>
        </message>
        <message>
            <source>入力する</source>
            <translation>Nhập</translation>
        </message>
        <message>
            <source>連絡先の電話番号を入力してください</source>
            <translation>Vui lòng nhập số điện thoại liên lạc</translation>
        </message>
        <message>
            <source>携帯電話でも、ご自宅の電話でもかまいません。</source>
            <translation>Số di động hay số nhà đều được.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Tiếp</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>加入している保険の種類を選んでください</source>
            <translation>Vui lòng chọn loại bảo hiểm của quý vị</translation>
        </message>
        <message>
            <source>窓口で支払う割合（負担割合）を選んでください</source>
            <translation>Vui lòng chọn tỷ lệ tự trả tại quầy (負担割合)</translation>
        </message>
        <message>
            <source>この内容で受付します</source>
            <translation>Đăng ký với các thông tin này</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Tên katakana</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Số điện thoại</translation>
        </message>
        <message>
            <source>保険の種類</source>
            <translation>Loại bảo hiểm</translation>
        </message>
        <message>
            <source>負担割合</source>
            <translation>Tỷ lệ tự trả</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>Nhân viên sẽ xác nhận bảo hiểm sau.</translation>
        </message>
        <message>
            <source>保険者</source>
            <translation>Đơn vị bảo hiểm</translation>
        </message>
        <message>
            <source>お勤め先</source>
            <translation>Nơi làm việc</translation>
        </message>
        <message>
            <source>受け付けています…</source>
            <translation>Đang đăng ký…</translation>
        </message>
        <message>
            <source>受付する</source>
            <translation>Đăng ký</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>Trở về</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>研修用シナリオ</source>
            <translation>Kịch bản đào tạo</translation>
        </message>
        <message>
            <source>カードを置く</source>
            <translation>Đặt thẻ</translation>
        </message>
        <message>
            <source>カードを取る</source>
            <translation>Lấy thẻ</translation>
        </message>
        <message>
            <source>リーダーを外す</source>
            <translation>Rút đầu đọc</translation>
        </message>
        <message>
            <source>リーダーを戻す</source>
            <translation>Cắm lại đầu đọc</translation>
        </message>
        <message>
            <source>職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）</source>
            <translation>Menu nhân viên: giữ biểu tượng góc trên bên trái 3 giây ({name}, PIN {pin})</translation>
        </message>
    </context>
    <context>
        <name>Face</name>
        <message>
            <source>お顔が見つかりません。カメラの正面に立ってください。</source>
            <translation>Không thấy khuôn mặt. Vui lòng đứng ngay trước camera.</translation>
        </message>
        <message>
            <source>何人か映っています。おひとりで映ってください。</source>
            <translation>Có nhiều người trong khung hình. Vui lòng chỉ một người.</translation>
        </message>
        <message>
            <source>もう少しカメラに近づいてください。</source>
            <translation>Vui lòng lại gần camera thêm một chút.</translation>
        </message>
        <message>
            <source>少しカメラから離れてください。</source>
            <translation>Vui lòng lùi xa camera một chút.</translation>
        </message>
        <message>
            <source>お顔を枠のまん中に合わせてください。</source>
            <translation>Vui lòng đưa mặt vào giữa khung.</translation>
        </message>
        <message>
            <source>お顔が暗く映っています。帽子をとり、顔を上げてください。</source>
            <translation>Khuôn mặt bị tối. Vui lòng bỏ mũ và ngẩng mặt lên.</translation>
        </message>
        <message>
            <source>マスクを外してください。</source>
            <translation>Vui lòng tháo khẩu trang.</translation>
        </message>
        <message>
            <source>そのまま動かないでください。</source>
            <translation>Vui lòng giữ yên.</translation>
        </message>
        <message>
            <source>ゆっくり、まばたきをしてください。</source>
            <translation>Vui lòng chớp mắt chậm.</translation>
        </message>
        <message>
            <source>すわったままでだいじょうぶです。カメラを見てください。</source>
            <translation>Cứ ngồi cũng được. Vui lòng nhìn vào camera.</translation>
        </message>
        <message>
            <source>あごを少し引いて、カメラを見てください。</source>
            <translation>Hơi cúi cằm xuống và nhìn vào camera.</translation>
        </message>
        <message>
            <source>お子さまのお顔が見つかりません。カメラに向けてください。</source>
            <translation>Không thấy mặt của trẻ. Vui lòng cho trẻ quay về phía camera.</translation>
        </message>
        <message>
            <source>お子さまを、もう少しカメラに近づけてください。</source>
            <translation>Vui lòng đưa trẻ lại gần camera thêm một chút.</translation>
        </message>
        <message>
            <source>お子さまを、少しカメラから離してください。</source>
            <translation>Vui lòng đưa trẻ lùi xa camera một chút.</translation>
        </message>
        <message>
            <source>お子さまのお顔が枠のまん中に入るようにしてください。</source>
            <translation>Vui lòng để mặt trẻ ở giữa khung.</translation>
        </message>
        <message>
            <source>お子さまのお顔が暗く映っています。帽子をとってください。</source>
            <translation>Mặt trẻ bị tối. Vui lòng bỏ mũ cho trẻ.</translation>
        </message>
        <message>
            <source>お子さまのマスクを外してください。</source>
            <translation>Vui lòng tháo khẩu trang cho trẻ.</translation>
        </message>
        <message>
            <source>お子さまを、そのまま動かさないでください。</source>
            <translation>Vui lòng giữ trẻ yên.</translation>
        </message>
        <message>
            <source>お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。</source>
            <translation>Trẻ cứ ngồi cũng được. Vui lòng để mặt trẻ vào trong khung.</translation>
        </message>
        <message>
            <source>お子さまのあごを少し引いて、お顔が枠に入るようにしてください。</source>
            <translation>Cho trẻ hơi cúi cằm và để mặt trẻ vào trong khung.</translation>
        </message>
    </context>
    <context>
        <name>KanaKeyboard</name>
        <message>
            <source>小</source>
            <translation>Nhỏ</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>Cách</translation>
        </message>
        <message>
            <source>消す</source>
            <translation>Xóa</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>数字（暗証番号・電話番号）</source>
            <translation>Số (mã PIN, số điện thoại)</translation>
        </message>
        <message>
            <source>決定・確定</source>
            <translation>Xác nhận</translation>
        </message>
        <message>
            <source>次のボタンへ</source>
            <translation>Nút tiếp theo</translation>
        </message>
        <message>
            <source>前のボタンへ</source>
            <translation>Nút trước</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>Nghe lại</translation>
        </message>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Gọi nhân viên</translation>
        </message>
        <message>
            <source>1けた消す</source>
            <translation>Xóa một số</translation>
        </message>
    </context>
    <context>
        <name>LanguageChooser</name>
        <message>
            <source>ことばを選んでください</source>
            <translation>Vui lòng chọn ngôn ngữ</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>Overlay</name>
        <message>
            <source>操作を続けますか？</source>
            <translation>Quý vị có muốn tiếp tục không?</translation>
        </message>
        <message>
            <source>続ける</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <source>あと{n}秒で終了します。</source>
            <translation>Sẽ kết thúc sau {n} giây.</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Gọi nhân viên</translation>
        </message>
        <message>
            <source>申立書を記入する</source>
            <translation>Khai đơn (申立書)</translation>
        </message>
        <message>
            <source>時間がかかっています。このままお待ちいただくか、職員を呼んでください。</source>
            <translation>Việc này đang mất thời gian. Vui lòng chờ, hoặc gọi nhân viên.</translation>
        </message>
        <message>
            <source>待たずに進む</source>
            <translation>Tiếp tục, không chờ</translation>
        </message>
        <message>
            <source>マイナンバーカードを置いてください</source>
            <translation>Vui lòng đặt thẻ My Number</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして置いてください。</source>
            <translation>Đặt mặt có ảnh lên trên.</translation>
        </message>
        <message>
            <source>ケースやビニールから出してください。</source>
            <translation>Lấy thẻ ra khỏi vỏ hoặc túi nhựa.</translation>
        </message>
        <message>
            <source>診察券ではなく、マイナンバーカードです。</source>
            <translation>Dùng thẻ My Number, không phải thẻ khám bệnh.</translation>
        </message>
        <message>
            <source>カードを読み取っています</source>
            <translation>Đang đọc thẻ</translation>
        </message>
        <message>
            <source>カードを動かさずに、お待ちください。</source>
            <translation>Vui lòng không di chuyển thẻ và chờ.</translation>
        </message>
        <message>
            <source>このカードはマイナンバーカードではありません</source>
            <translation>Đây không phải thẻ My Number</translation>
        </message>
        <message>
            <source>診察券やほかのカードは使えません。</source>
            <translation>Không dùng được thẻ khám bệnh hay thẻ khác.</translation>
        </message>
        <message>
            <source>カードを取り出して、マイナンバーカードを置いてください。</source>
            <translation>Vui lòng lấy thẻ này ra và đặt thẻ My Number.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお持ちでない方は、受付にお声がけください。</source>
            <translation>Nếu không có thẻ My Number, vui lòng báo quầy lễ tân.</translation>
        </message>
        <message>
            <source>カードを読み取れませんでした</source>
            <translation>Không đọc được thẻ</translation>
        </message>
        <message>
            <source>カードを取り出して、もう一度置いてください。</source>
            <translation>Vui lòng lấy thẻ ra và đặt lại.</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして、ケースから出して置いてください。</source>
            <translation>Lấy thẻ ra khỏi vỏ, đặt mặt có ảnh lên trên.</translation>
        </message>
        <message>
            <source>何度やっても読めないときは、職員がお手伝いします。</source>
            <translation>Nếu thử nhiều lần vẫn không đọc được, nhân viên sẽ giúp.</translation>
        </message>
        <message>
            <source>カードが取り出されました</source>
            <translation>Thẻ đã được lấy ra</translation>
        </message>
        <message>
            <source>確認は終わっていません。</source>
            <translation>Việc xác nhận chưa xong.</translation>
        </message>
        <message>
            <source>はじめからやり直すときは、もう一度カードを置いてください。</source>
            <translation>Để làm lại từ đầu, vui lòng đặt thẻ lại.</translation>
        </message>
        <message>
            <source>カードリーダーが使えません</source>
            <translation>Đầu đọc thẻ không hoạt động</translation>
        </message>
        <message>
            <source>いま、自動で直しています。しばらくお待ちください。</source>
            <translation>Máy đang tự khắc phục. Vui lòng chờ một chút.</translation>
        </message>
        <message>
            <source>お急ぎの方は、受付にお声がけください。</source>
            <translation>Nếu đang vội, vui lòng báo quầy lễ tân.</translation>
        </message>
        <message>
            <source>カードの電子証明書の有効期限が切れています</source>
            <translation>Chứng thư điện tử của thẻ đã hết hạn</translation>
        </message>
        <message>
            <source>このカードでは、保険の確認ができません。</source>
            <translation>Không thể xác nhận bảo hiểm bằng thẻ này.</translation>
        </message>
        <message>
            <source>電子証明書は、お住まいの市区町村の窓口で更新できます。</source>
            <translation>Có thể gia hạn chứng thư tại tòa thị chính nơi quý vị sống.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。</source>
            <translation>Nếu có giấy xác nhận (資格確認書) hoặc thẻ bảo hiểm (保険証), hãy đưa cho lễ tân. Nhân viên sẽ giúp.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています</source>
            <translation>Chứng thư điện tử của thẻ sắp hết hạn</translation>
        </message>
        <message>
            <source>期限が切れる前に、お住まいの市区町村の窓口で更新してください。</source>
            <translation>Vui lòng gia hạn tại tòa thị chính nơi quý vị sống trước khi hết hạn.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Tiếp theo</translation>
        </message>
        <message>
            <source>有効期限：{year}年{month}月{day}日</source>
            <translation>Hạn đến ngày {day:02d}/{month:02d}/{year}</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>Xác nhận</translation>
        </message>
        <message>
            <source>ここから先は、職員がご案内します</source>
            <translation>Từ đây, nhân viên sẽ hướng dẫn quý vị</translation>
        </message>
        <message>
            <source>もう少し確認が必要です。</source>
            <translation>Cần kiểm tra thêm một chút.</translation>
        </message>
        <message>
            <source>カードは置いたまま、職員をお呼びください。</source>
            <translation>Để nguyên thẻ và vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>保険の資格が確認できませんでした</source>
            <translation>Không xác nhận được bảo hiểm</translation>
        </message>
        <message>
            <source>保険が変わったとき、保険者の登録がまだ終わっていないことがあります。</source>
            <translation>Nếu mới đổi bảo hiểm, đơn vị bảo hiểm có thể chưa đăng ký xong.</translation>
        </message>
        <message>
            <source>職員がお手伝いします。</source>
            <translation>Nhân viên sẽ giúp quý vị.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。</source>
            <translation>Nếu có giấy xác nhận (資格確認書) hoặc thẻ bảo hiểm (保険証), hãy đưa cho lễ tân.</translation>
        </message>
        <message>
            <source>保険の資格の情報が見つかりませんでした</source>
            <translation>Không tìm thấy thông tin bảo hiểm</translation>
        </message>
        <message>
            <source>保険者の登録がまだ終わっていないことがあります。</source>
            <translation>Có thể đơn vị bảo hiểm chưa đăng ký xong.</translation>
        </message>
        <message>
            <source>保険の情報が複数見つかりました</source>
            <translation>Tìm thấy nhiều thông tin bảo hiểm</translation>
        </message>
        <message>
            <source>どの保険を使うか、職員が確認します。</source>
            <translation>Nhân viên sẽ xác nhận dùng bảo hiểm nào.</translation>
        </message>
        <message>
            <source>ただいま、オンラインで資格を確認できません</source>
            <translation>Hiện không thể xác nhận bảo hiểm trực tuyến</translation>
        </message>
        <message>
            <source>職員が別の方法で確認します。</source>
            <translation>Nhân viên sẽ xác nhận bằng cách khác.</translation>
        </message>
        <message>
            <source>いつもどおり受付できますので、ご安心ください。</source>
            <translation>Vẫn đăng ký được như bình thường, xin đừng lo.</translation>
        </message>
        <message>
            <source>過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。</source>
            <translation>Quý vị có đồng ý cho cơ sở này xem thông tin khám bệnh, thuốc và khám sức khỏe trước đây không?</translation>
        </message>
        <message>
            <source>同意すると、医師がこれまでの情報を見て、診療に役立てます。</source>
            <translation>Nếu đồng ý, bác sĩ sẽ xem các thông tin này để khám chữa bệnh.</translation>
        </message>
        <message>
            <source>限度額情報：提供する</source>
            <translation>Thông tin hạn mức: cung cấp</translation>
        </message>
        <message>
            <source>限度額情報：提供しない</source>
            <translation>Thông tin hạn mức: không cung cấp</translation>
        </message>
        <message>
            <source>同意する</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>同意しない</source>
            <translation>Không đồng ý</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら</source>
            <translation>Dùng chế độ chi phí điều trị cao (高額療養費)</translation>
        </message>
        <message>
            <source>限度額情報を当機関に提供しますか。</source>
            <translation>Quý vị có cung cấp thông tin hạn mức chi trả (限度額) cho cơ sở này không?</translation>
        </message>
        <message>
            <source>提供すると、窓口でのお支払いが自己負担限度額までになります。</source>
            <translation>Nếu cung cấp, số tiền trả tại quầy sẽ không vượt quá hạn mức tự chi trả.</translation>
        </message>
        <message>
            <source>限度額適用認定証は不要です。</source>
            <translation>Không cần giấy chứng nhận (限度額適用認定証).</translation>
        </message>
        <message>
            <source>提供する</source>
            <translation>Cung cấp</translation>
        </message>
        <message>
            <source>提供しない</source>
            <translation>Không cung cấp</translation>
        </message>
        <message>
            <source>{name}様 受付しました。</source>
            <translation>Đã đăng ký xong cho {name}.</translation>
        </message>
        <message>
            <source>受付しました。</source>
            <translation>Đã đăng ký xong.</translation>
        </message>
        <message>
            <source>{name}様 確認が完了しました。</source>
            <translation>Đã xác nhận xong cho {name}.</translation>
        </message>
        <message>
            <source>確認が完了しました。</source>
            <translation>Đã xác nhận xong.</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>Nhân viên sẽ xác nhận bảo hiểm sau.</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出し、待合室でお待ちください。</source>
            <translation>Vui lòng lấy thẻ My Number và chờ ở phòng chờ.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。</source>
            <translation>Chứng thư điện tử sắp hết hạn. Vui lòng gia hạn tại tòa thị chính.</translation>
        </message>
        <message>
            <source>職員を呼びました</source>
            <translation>Đã gọi nhân viên</translation>
        </message>
        <message>
            <source>そのままお待ちください。</source>
            <translation>Vui lòng chờ tại đây.</translation>
        </message>
        <message>
            <source>カードは置いたままにしてください。</source>
            <translation>Vui lòng để nguyên thẻ.</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <source>終了しました</source>
            <translation>Đã kết thúc</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出してください。</source>
            <translation>Vui lòng lấy thẻ My Number ra.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお取りください</source>
            <translation>Vui lòng lấy thẻ My Number</translation>
        </message>
        <message>
            <source>カードがカードリーダーに残っています。</source>
            <translation>Thẻ vẫn còn trên đầu đọc.</translation>
        </message>
        <message>
            <source>本人確認の方法を選んでください</source>
            <translation>Vui lòng chọn cách xác minh</translation>
        </message>
        <message>
            <source>顔認証</source>
            <translation>Khuôn mặt</translation>
        </message>
        <message>
            <source>暗証番号</source>
            <translation>Mã PIN</translation>
        </message>
        <message>
            <source>カメラにお顔を映します</source>
            <translation>Nhìn vào camera</translation>
        </message>
        <message>
            <source>数字4桁を入力します</source>
            <translation>Nhập 4 chữ số</translation>
        </message>
        <message>
            <source>本人確認の情報は、他の目的には使用しません。</source>
            <translation>Thông tin xác minh không dùng cho mục đích khác.</translation>
        </message>
        <message>
            <source>大人の方が一緒に写っても大丈夫です。</source>
            <translation>Người lớn cùng vào khung hình cũng không sao.</translation>
        </message>
        <message>
            <source>顔を枠内に入れてください</source>
            <translation>Vui lòng đưa mặt vào trong khung</translation>
        </message>
        <message>
            <source>カメラを見て、そのままお待ちください。</source>
            <translation>Nhìn vào camera và chờ.</translation>
        </message>
        <message>
            <source>暗証番号にする</source>
            <translation>Dùng mã PIN</translation>
        </message>
        <message>
            <source>あと{n}回ためせます。</source>
            <translation>Còn thử được {n} lần.</translation>
        </message>
        <message>
            <source>お子さまの顔を枠内に入れてください</source>
            <translation>Vui lòng đưa mặt của trẻ vào khung</translation>
        </message>
        <message>
            <source>おとなの受付</source>
            <translation>Người lớn</translation>
        </message>
        <message>
            <source>お子さまの受付</source>
            <translation>Trẻ em</translation>
        </message>
        <message>
            <source>顔認証ができませんでした</source>
            <translation>Không nhận diện được khuôn mặt</translation>
        </message>
        <message>
            <source>暗証番号で確認できます。わからないときは、職員がお手伝いします。</source>
            <translation>Có thể xác minh bằng mã PIN. Nếu không nhớ, nhân viên sẽ giúp.</translation>
        </message>
        <message>
            <source>暗証番号で確認</source>
            <translation>Dùng mã PIN</translation>
        </message>
        <message>
            <source>暗証番号（数字4桁）を入力してください</source>
            <translation>Vui lòng nhập mã PIN (暗証番号, 4 chữ số)</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>Mã PIN không đúng.</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>Đang kiểm tra…</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>入力できる回数：あと{n}回</source>
            <translation>Số lần còn lại: {n}</translation>
        </message>
        <message>
            <source>注意：あと{n}回まちがえると、カードがロックされます。</source>
            <translation>Chú ý: sai thêm {n} lần nữa, thẻ sẽ bị khóa.</translation>
        </message>
        <message>
            <source>暗証番号は、あと1回まちがえるとロックされます</source>
            <translation>Sai mã PIN thêm 1 lần nữa sẽ bị khóa</translation>
        </message>
        <message>
            <source>ロックされると、市区町村の窓口で解除が必要になります。</source>
            <translation>Nếu bị khóa, phải đến tòa thị chính để mở khóa.</translation>
        </message>
        <message>
            <source>顔認証で確認するか、職員をお呼びください。</source>
            <translation>Vui lòng dùng khuôn mặt hoặc gọi nhân viên.</translation>
        </message>
        <message>
            <source>顔認証で確認</source>
            <translation>Dùng khuôn mặt</translation>
        </message>
        <message>
            <source>暗証番号がロックされています</source>
            <translation>Mã PIN đã bị khóa</translation>
        </message>
        <message>
            <source>ロックの解除は、お住まいの市区町村の窓口でできます。</source>
            <translation>Có thể mở khóa tại tòa thị chính nơi quý vị sống.</translation>
        </message>
        <message>
            <source>今日は、顔認証で確認できます。</source>
            <translation>Hôm nay có thể xác minh bằng khuôn mặt.</translation>
        </message>
        <message>
            <source>保険の資格を確認しています</source>
            <translation>Đang xác nhận bảo hiểm</translation>
        </message>
        <message>
            <source>カードは置いたまま、お待ちください。</source>
            <translation>Để nguyên thẻ và vui lòng chờ.</translation>
        </message>
    </context>
    <context>
        <name>Speech</name>
        <message>
            <source>プラスとマイナスのキーで選び、「確定」のキーで決めます。</source>
            <translation>Chọn bằng phím cộng và phím trừ, rồi nhấn phím Enter.</translation>
        </message>
        <message>
            <source>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</source>
            <translation>Để gọi nhân viên, hãy nhấn phím Gọi nhân viên.</translation>
        </message>
        <message>
            <source>職員を呼ぶ。職員がこちらに来ます。</source>
            <translation>Gọi nhân viên. Nhân viên sẽ đến chỗ quý vị.</translation>
        </message>
        <message>
            <source>申立書を記入する。保険の情報を、画面で入力します。</source>
            <translation>Khai đơn. Nhập thông tin bảo hiểm trên màn hình.</translation>
        </message>
        <message>
            <source>待たずに進む。申立書や前回の記録で受付します。</source>
            <translation>Tiếp tục, không chờ. Sẽ đăng ký bằng tờ khai hoặc hồ sơ lần khám trước.</translation>
        </message>
        <message>
            <source>「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。</source>
            <translation>Nếu chọn Khai đơn, quý vị có thể tự nhập thông tin bảo hiểm.</translation>
        </message>
        <message>
            <source>終了。受付をやめて、はじめにもどります。</source>
            <translation>Kết thúc. Dừng đăng ký và quay về màn hình đầu.</translation>
        </message>
        <message>
            <source>もう一度聞く。この画面の案内を、もう一度読み上げます。</source>
            <translation>Nghe lại. Đọc lại hướng dẫn của màn hình này.</translation>
        </message>
        <message>
            <source>{what}。いまは{state}です。「確定」のキーで切り替えます。</source>
            <translation>{what}. Hiện đang {state}. Nhấn phím Enter để chuyển.</translation>
        </message>
        <message>
            <source>言語を選ぶ。ほかの言語の画面にします。</source>
            <translation>Chọn ngôn ngữ. Chuyển màn hình sang ngôn ngữ khác.</translation>
        </message>
        <message>
            <source>お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。</source>
            <translation>Trẻ em. Bế trẻ để camera thấy mặt trẻ.</translation>
        </message>
        <message>
            <source>おとなの受付。ご自身のお顔を映します。</source>
            <translation>Người lớn. Camera nhìn mặt của chính quý vị.</translation>
        </message>
        <message>
            <source>{n}けた目を入力しました</source>
            <translation>Đã nhập số thứ {n}</translation>
        </message>
        <message>
            <source>1けた消しました</source>
            <translation>Đã xóa một số</translation>
        </message>
        <message>
            <source>4けた目を入力しました。「確定」のキーを押してください。</source>
            <translation>Đã nhập số thứ 4. Vui lòng nhấn phím Enter.</translation>
        </message>
        <message>
            <source>カードが読み取り機に残っています。カードをお取りください。</source>
            <translation>Thẻ vẫn còn trên đầu đọc. Vui lòng lấy thẻ.</translation>
        </message>
        <message>
            <source>「もう一度聞く」のキーで、案内をもう一度聞けます。</source>
            <translation>Nhấn phím Nghe lại để nghe lại hướng dẫn.</translation>
        </message>
        <message>
            <source>プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。</source>
            <translation>Dùng phím cộng và trừ để chọn cỡ chữ, thêm thời gian hoặc ngôn ngữ.</translation>
        </message>
        <message>
            <source>次へ。本人確認に進みます。</source>
            <translation>Tiếp theo. Chuyển sang xác minh danh tính.</translation>
        </message>
        <message>
            <source>受付を続けるときは、「確定」のキーを押してください。</source>
            <translation>Để tiếp tục đăng ký, vui lòng nhấn phím Enter.</translation>
        </message>
        <message>
            <source>顔認証。カメラにお顔を映して確認します。</source>
            <translation>Khuôn mặt. Xác minh bằng cách nhìn vào camera.</translation>
        </message>
        <message>
            <source>暗証番号。数字4けたを、キーで入力して確認します。</source>
            <translation>Mã PIN. Nhập 4 chữ số bằng phím để xác minh.</translation>
        </message>
        <message>
            <source>顔認証か、暗証番号を選んでください。</source>
            <translation>Vui lòng chọn Khuôn mặt hoặc Mã PIN.</translation>
        </message>
        <message>
            <source>暗証番号にする。顔認証をやめて、暗証番号で確認します。</source>
            <translation>Dùng mã PIN. Dừng nhận diện khuôn mặt và xác minh bằng mã PIN.</translation>
        </message>
        <message>
            <source>暗証番号で確認するときは、「暗証番号にする」を選んでください。</source>
            <translation>Để xác minh bằng mã PIN, hãy chọn Dùng mã PIN.</translation>
        </message>
        <message>
            <source>暗証番号で確認。数字4けたを、キーで入力します。</source>
            <translation>Dùng mã PIN. Nhập 4 chữ số bằng phím.</translation>
        </message>
        <message>
            <source>確定。入力した暗証番号で確認します。</source>
            <translation>Xác nhận. Xác minh bằng mã PIN vừa nhập.</translation>
        </message>
        <message>
            <source>訂正。最後の1けたを消します。</source>
            <translation>Xóa. Xóa số cuối cùng.</translation>
        </message>
        <message>
            <source>キャンセル。受付をやめて、はじめにもどります。</source>
            <translation>Hủy. Dừng đăng ký và quay về màn hình đầu.</translation>
        </message>
        <message>
            <source>数字のキーで4けたを入力し、「確定」のキーを押してください。</source>
            <translation>Vui lòng nhập 4 chữ số bằng phím số, rồi nhấn phím Enter.</translation>
        </message>
        <message>
            <source>入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。</source>
            <translation>Các số đã nhập sẽ không được đọc ra. Nếu nhập sai, hãy nhấn phím Xóa một số.</translation>
        </message>
        <message>
            <source>顔認証で確認。カメラにお顔を映します。</source>
            <translation>Dùng khuôn mặt. Nhìn vào camera.</translation>
        </message>
        <message>
            <source>まちがいありません。次の質問に進みます。</source>
            <translation>Thông tin đúng. Chuyển sang câu hỏi tiếp theo.</translation>
        </message>
        <message>
            <source>カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。</source>
            <translation>Họ tên, ngày sinh, giới tính và địa chỉ trên thẻ đang hiện trên màn hình. Máy sẽ không đọc ra.</translation>
        </message>
        <message>
            <source>まちがいなければ、「確定」のキーを押してください。</source>
            <translation>Nếu đúng, vui lòng nhấn phím Enter.</translation>
        </message>
        <message>
            <source>同意する。</source>
            <translation>Đồng ý.</translation>
        </message>
        <message>
            <source>同意しない。同意しなくても、受付はできます。</source>
            <translation>Không đồng ý. Dù không đồng ý vẫn có thể đăng ký.</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら。限度額情報についての質問です。</source>
            <translation>Dùng chế độ chi phí điều trị cao. Đây là câu hỏi về thông tin hạn mức chi trả.</translation>
        </message>
        <message>
            <source>同意する、か、同意しない、を選んでください。</source>
            <translation>Vui lòng chọn Đồng ý hoặc Không đồng ý.</translation>
        </message>
        <message>
            <source>提供する、か、提供しない、を選んでください。</source>
            <translation>Vui lòng chọn Cung cấp hoặc Không cung cấp.</translation>
        </message>
        <message>
            <source>もどる。職員を呼ぶ前の画面にもどります。</source>
            <translation>Quay lại. Trở về màn hình trước khi gọi nhân viên.</translation>
        </message>
        <message>
            <source>「入力する」か「わからない」を選んでください。</source>
            <translation>Vui lòng chọn Nhập hoặc Tôi không biết.</translation>
        </message>
        <message>
            <source>画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。</source>
            <translation>Nhập bằng các phím katakana trên màn hình, rồi nhấn Tiếp theo. Chữ đã nhập sẽ không được đọc ra.</translation>
        </message>
        <message>
            <source>数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。</source>
            <translation>Nhập bằng phím số, rồi nhấn phím Enter. Các số đã nhập sẽ không được đọc ra.</translation>
        </message>
        <message>
            <source>内容は画面に出ています。よければ「受付する」を選んでください。</source>
            <translation>Thông tin đang hiện trên màn hình. Nếu đúng, hãy chọn Đăng ký.</translation>
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
            <translation>Đặt thẻ</translation>
        </message>
        <message>
            <source>本人確認</source>
            <translation>Xác minh</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>Xong</translation>
        </message>
    </context>
</TS>
