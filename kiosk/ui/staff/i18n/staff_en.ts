<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
  <context>
    <name>StaffConsole</name>
    <message>
      <location filename="../add_kiosk.py" line="53" />
      <location filename="../add_kiosk.py" line="58" />
      <location filename="../window.py" line="316" />
      <source>受付機を追加</source>
      <translation>Add kiosk</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="66" />
      <source>ここを押してからQRコードを読み取る</source>
      <translation>Click here, then scan the QR code</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="87" />
      <source>追加する</source>
      <translation>Add</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="88" />
      <location filename="../dialogs.py" line="39" />
      <location filename="../dialogs.py" line="78" />
      <location filename="../dialogs.py" line="150" />
      <source>やめる</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="109" />
      <source>QRコードを読み取りました。「追加する」を押してください。</source>
      <translation>QR code read. Press “Add”.</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="143" />
      <source>受付機に接続しています…</source>
      <translation>Connecting to the kiosk…</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="31" />
      <source>コードが違います。受付機に表示されているコードを確かめてください。</source>
      <translation>Wrong code. Check the code shown on the kiosk.</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="32" />
      <source>コードの有効期限（5分）が切れました。受付機で新しいコードを表示してください。</source>
      <translation>The code has expired (it lasts 5 minutes). Show a new code on the kiosk.</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="33" />
      <source>このコードはもう使われました。受付機で新しいコードを表示してください。</source>
      <translation>This code has already been used. Show a new code on the kiosk.</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="34" />
      <source>このコードは使えなくなりました（画面が閉じられたか、まちがいが続きました）。受付機で新しいコードを表示してください。</source>
      <translation>This code no longer works (its screen was closed, or too many wrong codes were tried). Show a new code on the kiosk.</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="36" />
      <source>受付機にコードが表示されていません。受付機の職員メニューで「職員端末をつなぐ」を押してください。</source>
      <translation>The kiosk is not showing a code. On the kiosk's staff menu, press “Connect a staff PC” (職員端末をつなぐ).</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="39" />
      <source>受付機のアドレスを入力してください（例：192.168.1.20:47810）。</source>
      <translation>Enter the kiosk's address (for example 192.168.1.20:47810).</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="40" />
      <source>コードは英数字12文字です（例：ABCD-EFGH-JKLM）。</source>
      <translation>The code is 12 letters and digits (for example ABCD-EFGH-JKLM).</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="59" />
      <source>受付機の職員メニューで「職員端末をつなぐ」を押すと、コードとQRコードが表示されます。QRコードを読み取るか、アドレスとコードを入力してください。</source>
      <translation>On the kiosk's staff menu, press “Connect a staff PC” (職員端末をつなぐ): it shows a code and a QR code. Scan the QR code, or type the address and the code.</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="73" />
      <source>QRコード</source>
      <translation>QR code</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="73" />
      <location filename="../dialogs.py" line="70" />
      <source>受付機のアドレス</source>
      <translation>Kiosk address</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="74" />
      <source>コード</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="156" />
      <source>「%1」を追加しました。</source>
      <translation>Added “%1”.</translation>
    </message>
    <message>
      <location filename="../add_kiosk.py" line="38" />
      <source>まちがいが続いたため、%1秒待ってからもう一度試してください。</source>
      <translation>Too many wrong codes: wait %1 seconds, then try again.</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="66" />
      <source>医院サーバー: 接続済み</source>
      <translation>Clinic server: connected</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="68" />
      <source>医院サーバー: 接続中…</source>
      <translation>Clinic server: connecting…</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="74" />
      <source>医院サーバーに接続できません。再接続します</source>
      <translation>Cannot reach the clinic server. Reconnecting</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="83" />
      <source>停止しています</source>
      <translation>Shut down</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="242" />
      <source>氏名は医院サーバーでは暗号化されていて、この画面には出ません。氏名はペアリングした受付機の「本日の受付」で見られます。</source>
      <translation>Names are encrypted on the clinic server and are not shown here. See them under "Today's receptions" of a paired kiosk.</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="176" />
      <source>未接続：目視などの操作はできません</source>
      <translation>Not connected: no visual check or other actions</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="177" />
      <source>目視するには「受付機を追加」でペアリングしてください</source>
      <translation>To do a visual check, pair with it using "Add kiosk"</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="227" />
      <location filename="../reports.py" line="64" />
      <source>表示</source>
      <translation>Show</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="291" />
      <source>受付 %1 件</source>
      <translation>%1 receptions</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="335" />
      <source>医院全体</source>
      <translation>Whole clinic</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="336" />
      <source>医院のトラブル集計</source>
      <translation>Clinic trouble report</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="70" />
      <source>医院サーバー: まだどの受付機も状態を送っていません</source>
      <translation>Clinic server: no kiosk has sent its state yet</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="71" />
      <source>医院サーバー: この職員端末の更新が必要です</source>
      <translation>Clinic server: this console needs an update</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="72" />
      <source>医院サーバー: サインインを拒否されました（設定を確認）</source>
      <translation>Clinic server: sign-in refused (check the settings)</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="73" />
      <source>医院サーバー: 応答が遅れています。再接続します</source>
      <translation>Clinic server: answering slowly. Reconnecting</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="78" />
      <source>名前のない受付機（%1）</source>
      <translation>Unnamed kiosk (%1)</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="85" />
      <source>更新が止まっています（%1秒前）</source>
      <translation>No update for %1 s</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="214" />
      <location filename="../clinic_view.py" line="239" />
      <location filename="../window.py" line="336" />
      <source>受付機</source>
      <translation>Kiosks</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="214" />
      <source>状態</source>
      <translation>State</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="214" />
      <source>注意</source>
      <translation>Alerts</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="214" />
      <source>操作</source>
      <translation>Actions</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="229" />
      <source>医院全体の受付</source>
      <translation>Receptions, whole clinic</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="239" />
      <location filename="../reports.py" line="74" />
      <source>時刻</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="239" />
      <location filename="../reports.py" line="74" />
      <source>本人確認</source>
      <translation>Identity</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="239" />
      <location filename="../reports.py" line="74" />
      <source>結果</source>
      <translation>Result</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="239" />
      <location filename="../reports.py" line="74" />
      <location filename="../reports.py" line="189" />
      <source>トラブル</source>
      <translation>Trouble</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="260" />
      <source>未接続</source>
      <translation>Not connected</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="289" />
      <location filename="../clinic_view.py" line="261" />
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="191" />
      <source>%1（医院サーバーに接続できないため、最後に届いた状態）</source>
      <translation>%1 (last state received: the clinic server cannot be reached)</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="291" />
      <source>受付 %1 件（%2）</source>
      <translation>%1 receptions (%2)</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="93" />
      <location filename="../window.py" line="113" />
      <source>中断した受付 %1件</source>
      <translation>Interrupted receptions: %1</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="95" />
      <location filename="../window.py" line="116" />
      <source>再確認の結果 %1件</source>
      <translation>Re-check results: %1</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="97" />
      <source>番号の入力待ち %1件</source>
      <translation>Waiting for card numbers: %1</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="260" />
      <source>直接接続（%1）</source>
      <translation>Direct link (%1)</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="387" />
      <source>医院サーバーより: %1</source>
      <translation>From the clinic server: %1</translation>
    </message>
    <message>
      <location filename="../clinic_view.py" line="289" />
      <source>%1 %2件</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <location filename="../console.py" line="56" />
      <source>受付機%1</source>
      <translation>Kiosk %1</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="22" />
      <location filename="../dialogs.py" line="38" />
      <location filename="../window.py" line="319" />
      <source>サインイン</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="31" />
      <source>職員名</source>
      <translation>Staff name</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="32" />
      <source>パスワード</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="60" />
      <location filename="../dialogs.py" line="62" />
      <source>受付機とペアリング</source>
      <translation>Pair with a kiosk</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="71" />
      <source>合言葉</source>
      <translation>Pairing secret</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="77" />
      <source>ペアリング</source>
      <translation>Pair</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="112" />
      <location filename="../dialogs.py" line="119" />
      <source>保険証の番号を入力</source>
      <translation>Enter the insurance card numbers</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="149" />
      <source>再確認する</source>
      <translation>Check again</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="24" />
      <source>職員のサインイン</source>
      <translation>Staff sign-in</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="63" />
      <source>受付機で `kiosk staff secret` を実行すると合言葉が表示されます。</source>
      <translation>Run `kiosk staff secret` on the kiosk to see its pairing secret.</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="122" />
      <source>患者さんの保険証または資格確認書の番号を入力してください。入力すると、受付機が資格を確認し直します。</source>
      <translation>Enter the numbers on the patient's health insurance card or eligibility certificate (資格確認書). The kiosk then checks the qualification again.</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="129" />
      <location filename="../pages.py" line="382" />
      <source>保険者番号</source>
      <translation>Insurer number</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="131" />
      <location filename="../pages.py" line="383" />
      <source>記号</source>
      <translation>Symbol</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="131" />
      <source>なければ空欄</source>
      <translation>leave empty if none</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="132" />
      <location filename="../pages.py" line="384" />
      <source>番号</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="133" />
      <location filename="../pages.py" line="385" />
      <source>枝番</source>
      <translation>Branch number</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="142" />
      <source>（受付の記録から）</source>
      <translation>(from the reception's record)</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="143" />
      <location filename="../pages.py" line="386" />
      <location filename="../pages.py" line="449" />
      <source>生年月日</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="133" />
      <source>%1桁・なければ空欄</source>
      <translation>%1 digits, empty if none</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="120" />
      <source>%1 様　%2 の受付（不詳で請求）</source>
      <translation>%1 — reception of %2 (billed as “unknown”, 不詳)</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="129" />
      <source>%1桁（国民健康保険は%2桁）</source>
      <translation>%1 digits (%2 for National Health Insurance)</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="33" />
      <source>ja</source>
      <translation>en</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="168" />
      <source>受付機とつながっていません。受付機の電源とネットワークを確かめてください。</source>
      <translation>The kiosk is not connected. Check the kiosk's power and network.</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="170" />
      <source>点検を見るにはサインインしてください。</source>
      <translation>Sign in to see the check.</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="172" />
      <source>この受付機は点検に対応していません。</source>
      <translation>This kiosk cannot be checked from here.</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="39" />
      <source>正常</source>
      <translation>fine</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="39" />
      <source>不明</source>
      <translation>unknown</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="39" />
      <source>要注意</source>
      <translation>warning</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="40" />
      <source>問題</source>
      <translation>problem</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="109" />
      <source>もう一度調べる</source>
      <translation>Check again</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="111" />
      <source>閉じる</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="139" />
      <source>前回の結果です。</source>
      <translation>These are the previous results.</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="158" />
      <source>すべて正常です。</source>
      <translation>All fine.</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="165" />
      <source>受付機から%1秒たっても返事がありません。受付機の電源とネットワークを確かめて、もう一度調べてください。</source>
      <translation>The kiosk has not answered within %1 s. Check the kiosk's power and network, then check again.</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="85" />
      <location filename="../doctor_panel.py" line="88" />
      <source>点検：%1</source>
      <translation>Check: %1</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="127" />
      <source>受付機を調べています…（最長%1秒）</source>
      <translation>Checking the kiosk… (at most %1 s)</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="154" />
      <source>%1 に調べた結果</source>
      <translation>Checked at %1</translation>
    </message>
    <message>
      <location filename="../doctor_panel.py" line="157" />
      <source>問題 %1 件、注意 %2 件</source>
      <translation>%1 problem(s), %2 warning(s)</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="79" />
      <source>どこまで進んだかは記録されていません。</source>
      <translation>How far it got was not recorded.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="86" />
      <source>対応済みにする</source>
      <translation>Mark as handled</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="98" />
      <source>番号を入力</source>
      <translation>Enter numbers</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="139" />
      <source>確認した</source>
      <translation>Checked</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="84" />
      <source>受付機が途中で止まり、この受付は保存されていません。患者さんの受付が済んでいるか確かめてください。</source>
      <translation>The kiosk stopped part-way and this reception was not saved. Make sure the patient has been checked in.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="96" />
      <source>患者さんに保険証・資格確認書の番号を確かめて入力すると、資格を確認し直します。</source>
      <translation>Ask the patient for the numbers on their insurance card or eligibility certificate and enter them: the qualification is then checked again.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="123" />
      <source>番号を受け付けました。資格確認端末が応答すれば、すぐに確認し直します。結果はこの一覧に出ます。</source>
      <translation>Numbers saved. The kiosk checks again as soon as the qualification terminal answers; the result appears in this list.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="60" />
      <source>要対応 %1件（この受付機の記録から）</source>
      <translation>To follow up: %1 (from this kiosk's records)</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="78" />
      <source>止まったところ：%1</source>
      <translation>Stopped at: %1</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="138" />
      <source>（%1 に再確認）請求を直してから「確認した」を押してください。</source>
      <translation>(re-checked %1) Correct the claim, then press “Checked”.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="82" />
      <source>中断した受付（%1 開始）</source>
      <translation>Interrupted reception (started %1)</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="130" />
      <source>再確認の結果：%1 様（%2 生）</source>
      <translation>Re-check result: %1 (born %2)</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="132" />
      <location filename="../follow_ups.py" line="95" />
      <source>%1 の受付、%2 で請求</source>
      <translation>Reception of %1, billed on %2</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="93" />
      <source>保険証の番号が未入力です：%1 様（%2 生）</source>
      <translation>Insurance card numbers not entered yet: %1 (born %2)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="173" />
      <source>カードの写真を読み込み中…</source>
      <translation>Reading the card photo…</translation>
    </message>
    <message>
      <location filename="../pages.py" line="110" />
      <source>戻る</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../pages.py" line="169" />
      <location filename="../window.py" line="128" />
      <source>目視で本人確認</source>
      <translation>Visual identity check</translation>
    </message>
    <message>
      <location filename="../pages.py" line="175" />
      <location filename="../pages.py" line="245" />
      <source>カメラ映像を読み込み中…</source>
      <translation>Loading the camera picture…</translation>
    </message>
    <message>
      <location filename="../pages.py" line="192" />
      <source>照合番号B（14桁）</source>
      <translation>Verification number B (14 digits)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="195" />
      <source>読み込む</source>
      <translation>Read</translation>
    </message>
    <message>
      <location filename="../pages.py" line="207" />
      <source>本人と確認</source>
      <translation>Same person</translation>
    </message>
    <message>
      <location filename="../pages.py" line="208" />
      <source>確認できない</source>
      <translation>Cannot confirm</translation>
    </message>
    <message>
      <location filename="../pages.py" line="326" />
      <location filename="../window.py" line="129" />
      <source>資格を選ぶ（複数該当）</source>
      <translation>Choose the record (several found)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="378" />
      <location filename="../window.py" line="130" />
      <source>保険証・資格確認書で確認</source>
      <translation>Check with insurance card / certificate</translation>
    </message>
    <message>
      <location filename="../pages.py" line="395" />
      <source>資格を確認する</source>
      <translation>Check qualification</translation>
    </message>
    <message>
      <location filename="../pages.py" line="421" />
      <source>確認中…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <location filename="../pages.py" line="436" />
      <location filename="../window.py" line="131" />
      <source>前回の記録・申立書で受付</source>
      <translation>Accept on last visit / declaration</translation>
    </message>
    <message>
      <location filename="../pages.py" line="443" />
      <source>前回の記録で受付（変更なしを確認済み）</source>
      <translation>Accept on the last visit's record (no change, confirmed)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="479" />
      <source>申立書で受付</source>
      <translation>Accept on the declaration</translation>
    </message>
    <message>
      <location filename="../pages.py" line="547" />
      <location filename="../window.py" line="132" />
      <source>●の氏名を修正</source>
      <translation>Correct a name with ●</translation>
    </message>
    <message>
      <location filename="../pages.py" line="555" />
      <source>この表記にする</source>
      <translation>Use this spelling</translation>
    </message>
    <message>
      <location filename="../pages.py" line="586" />
      <source>資格情報のお知らせ と 資格確認書</source>
      <translation>Qualification notice and qualification certificate</translation>
    </message>
    <message>
      <location filename="../pages.py" line="599" />
      <source>患者さんに説明しました</source>
      <translation>Explained to the patient</translation>
    </message>
    <message>
      <location filename="../pages.py" line="82" />
      <location filename="../texts.py" line="196" />
      <source>%1割</source>
      <translation>%10%</translation>
    </message>
    <message>
      <location filename="../pages.py" line="176" />
      <source>カードの顔写真</source>
      <translation>Photo on the card chip</translation>
    </message>
    <message>
      <location filename="../pages.py" line="176" />
      <source>受付機のカメラ</source>
      <translation>Kiosk camera</translation>
    </message>
    <message>
      <location filename="../pages.py" line="185" />
      <source>カードの記載事項</source>
      <translation>Facts on the card</translation>
    </message>
    <message>
      <location filename="../pages.py" line="214" />
      <source>写真と記載事項は画面にだけ表示し、保存しません。</source>
      <translation>The photo and the facts are only shown here, never saved.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="252" />
      <source>照合番号Bは14桁の数字です（生年月日6桁・有効期限の西暦4桁・セキュリティコード4桁）。</source>
      <translation>Verification number B has 14 digits (birth date 6, expiry year 4, security code 4).</translation>
    </message>
    <message>
      <location filename="../pages.py" line="260" />
      <source>写真なし</source>
      <translation>No photo</translation>
    </message>
    <message>
      <location filename="../pages.py" line="294" />
      <source>カメラ映像を表示できません</source>
      <translation>Cannot show the camera image</translation>
    </message>
    <message>
      <location filename="../pages.py" line="308" />
      <source>本人</source>
      <translation>Insured</translation>
    </message>
    <message>
      <location filename="../pages.py" line="308" />
      <source>家族</source>
      <translation>Dependant</translation>
    </message>
    <message>
      <location filename="../pages.py" line="327" />
      <source>患者さんに保険証・資格確認書を確認し、今の資格を選んでください。</source>
      <translation>Look at the patient's insurance card or certificate and choose the current record.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="342" />
      <source>保険者</source>
      <translation>Insurer</translation>
    </message>
    <message>
      <location filename="../pages.py" line="343" />
      <source>記号・番号・枝番</source>
      <translation>Symbol · number · branch</translation>
    </message>
    <message>
      <location filename="../pages.py" line="344" />
      <source>本人・家族</source>
      <translation>Insured / dependant</translation>
    </message>
    <message>
      <location filename="../pages.py" line="345" />
      <location filename="../pages.py" line="474" />
      <location filename="../texts.py" line="178" />
      <source>負担割合</source>
      <translation>Co-payment share</translation>
    </message>
    <message>
      <location filename="../pages.py" line="346" />
      <source>資格取得日</source>
      <translation>Qualified on</translation>
    </message>
    <message>
      <location filename="../pages.py" line="347" />
      <source>有効期間</source>
      <translation>Valid</translation>
    </message>
    <message>
      <location filename="../pages.py" line="382" />
      <source>6桁または8桁</source>
      <translation>6 or 8 digits</translation>
    </message>
    <message>
      <location filename="../pages.py" line="385" />
      <source>2桁</source>
      <translation>2 digits</translation>
    </message>
    <message>
      <location filename="../pages.py" line="438" />
      <source>オンライン確認ができないときも、前回の記録（変更がないことを口頭で確認）または被保険者資格申立書で、通常の負担割合で受け付けられます。</source>
      <translation>When the online check fails, the patient can still pay the usual share: on the last visit's record (no change, confirmed orally) or on a qualification declaration form.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="446" />
      <source>被保険者資格申立書</source>
      <translation>Qualification declaration form</translation>
    </message>
    <message>
      <location filename="../pages.py" line="449" />
      <location filename="../reports.py" line="74" />
      <source>氏名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../pages.py" line="449" />
      <source>カナ氏名</source>
      <translation>Name in kana</translation>
    </message>
    <message>
      <location filename="../pages.py" line="450" />
      <source>住所</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../pages.py" line="450" />
      <source>連絡先</source>
      <translation>Contact</translation>
    </message>
    <message>
      <location filename="../pages.py" line="450" />
      <source>保険者名</source>
      <translation>Insurer name</translation>
    </message>
    <message>
      <location filename="../pages.py" line="451" />
      <source>勤務先</source>
      <translation>Employer</translation>
    </message>
    <message>
      <location filename="../pages.py" line="465" />
      <location filename="../pages.py" line="471" />
      <source>わからない</source>
      <translation>Don't know</translation>
    </message>
    <message>
      <location filename="../pages.py" line="465" />
      <source>被用者保険</source>
      <translation>Employee insurance</translation>
    </message>
    <message>
      <location filename="../pages.py" line="466" />
      <source>国民健康保険</source>
      <translation>National Health Insurance</translation>
    </message>
    <message>
      <location filename="../pages.py" line="467" />
      <source>後期高齢者医療</source>
      <translation>Late-elderly medical care</translation>
    </message>
    <message>
      <location filename="../pages.py" line="471" />
      <source>3割</source>
      <translation>30%</translation>
    </message>
    <message>
      <location filename="../pages.py" line="471" />
      <source>2割</source>
      <translation>20%</translation>
    </message>
    <message>
      <location filename="../pages.py" line="471" />
      <source>1割</source>
      <translation>10%</translation>
    </message>
    <message>
      <location filename="../pages.py" line="503" />
      <source>旧資格情報・前回の記録はありません。申立書を記入してもらいます。</source>
      <translation>No old qualification and no earlier visit: ask the patient to fill in a declaration.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="525" />
      <source>氏名・カナ氏名・連絡先は必須です。</source>
      <translation>Name, name in kana and contact are required.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="552" />
      <source>当院の記録の表記</source>
      <translation>Spelling in this clinic's records</translation>
    </message>
    <message>
      <location filename="../pages.py" line="577" />
      <source>●を含まない氏名を入力してください。</source>
      <translation>Enter a name without ●.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="588" />
      <location filename="../texts.py" line="179" />
      <source>資格情報のお知らせ</source>
      <translation>Qualification notice (資格情報のお知らせ)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="589" />
      <source>資格確認書</source>
      <translation>Qualification certificate (資格確認書)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="590" />
      <source>マイナ保険証を持つ人に届く、加入している保険の情報の紙です。
これだけでは受診できません。マイナ保険証と一緒に出すと、カードが読めないときの確認に使えます。</source>
      <translation>A sheet sent to people who have the My Number insurance card, showing their insurance.
It is not valid on its own. Together with the card it can be used to check when the card cannot be read.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="594" />
      <source>マイナ保険証を持たない人などに届く、保険証の代わりになる書類です。
これだけで受診できます。保険証と同じように記号・番号で資格を確認します。</source>
      <translation>A document sent to people without the My Number insurance card, replacing the insurance card.
It is valid on its own: check it by symbol and number like an insurance card.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="272" />
      <source>写真を表示できません</source>
      <translation>Cannot show the photo</translation>
    </message>
    <message>
      <location filename="../pages.py" line="301" />
      <source>本人と確認しました。受付機が資格確認を続けます。</source>
      <translation>Identity confirmed. The kiosk continues with the qualification check.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="302" />
      <source>確認できないため受付を終了しました。</source>
      <translation>Could not confirm the person: the reception was ended.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="419" />
      <location filename="../pages.py" line="522" />
      <source>生年月日は YYYY-MM-DD で入力してください。</source>
      <translation>Enter the date of birth as YYYY-MM-DD.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="462" />
      <source>未記載</source>
      <translation>Not stated</translation>
    </message>
    <message>
      <location filename="../pages.py" line="473" />
      <source>性別</source>
      <translation>Sex</translation>
    </message>
    <message>
      <location filename="../pages.py" line="473" />
      <source>保険の種類</source>
      <translation>Insurance type</translation>
    </message>
    <message>
      <location filename="../pages.py" line="537" />
      <source>受付しました（窓口負担 %1割）。</source>
      <translation>Accepted (the patient pays %10%).</translation>
    </message>
    <message>
      <location filename="../pages.py" line="565" />
      <source>届いた氏名: %1</source>
      <translation>Name received: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="579" />
      <source>氏名を修正しました。</source>
      <translation>Name corrected.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="424" />
      <source>保険証で確認しました: %1</source>
      <translation>Checked with the insurance card: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="500" />
      <source>旧資格情報: %1</source>
      <translation>Old qualification: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="502" />
      <source>前回の記録: %1</source>
      <translation>Last visit: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="282" />
      <source>氏名: %1</source>
      <translation>Name: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="283" />
      <source>生年月日: %1</source>
      <translation>Date of birth: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="284" />
      <source>性別: %1</source>
      <translation>Sex: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="285" />
      <source>住所: %1</source>
      <translation>Address: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="316" />
      <source>%1 〜 %2</source>
      <translation>%1 – %2</translation>
    </message>
    <message>
      <location filename="../pages.py" line="601" />
      <source>記録しました。</source>
      <translation>Recorded.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="360" />
      <source>%1 %2を選ぶ</source>
      <translation>Choose %1 %2</translation>
    </message>
    <message>
      <location filename="../pages.py" line="363" />
      <source>資格を選びました。</source>
      <translation>Record chosen.</translation>
    </message>
    <message>
      <location filename="../reports.py" line="170" />
      <source>日別（直近7日）</source>
      <translation>Daily (last 7 days)</translation>
    </message>
    <message>
      <location filename="../reports.py" line="171" />
      <source>週別（直近4週）</source>
      <translation>Weekly (last 4 weeks)</translation>
    </message>
    <message>
      <location filename="../reports.py" line="176" />
      <source>集計</source>
      <translation>Count</translation>
    </message>
    <message>
      <location filename="../reports.py" line="178" />
      <location filename="../reports.py" line="240" />
      <source>CSVに書き出す</source>
      <translation>Export CSV</translation>
    </message>
    <message>
      <location filename="../reports.py" line="66" />
      <source>受付日</source>
      <translation>Day</translation>
    </message>
    <message>
      <location filename="../reports.py" line="127" />
      <source>この期間のトラブルはありません</source>
      <translation>No trouble in this period</translation>
    </message>
    <message>
      <location filename="../reports.py" line="180" />
      <source>まで</source>
      <translation>until</translation>
    </message>
    <message>
      <location filename="../reports.py" line="189" />
      <source>件数</source>
      <translation>Count</translation>
    </message>
    <message>
      <location filename="../reports.py" line="225" />
      <source>%1 〜 %2　受付 %3 件</source>
      <translation>%1 – %2   %3 receptions</translation>
    </message>
    <message>
      <location filename="../texts.py" line="214" />
      <source>%3：請求 %1 → 再確認 %2</source>
      <translation>%3: billed %1 → re-check %2</translation>
    </message>
    <message>
      <location filename="../texts.py" line="46" />
      <source>1 カード</source>
      <translation>1 Card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="46" />
      <source>2 本人確認</source>
      <translation>2 Identity</translation>
    </message>
    <message>
      <location filename="../texts.py" line="46" />
      <source>3 同意</source>
      <translation>3 Consent</translation>
    </message>
    <message>
      <location filename="../texts.py" line="46" />
      <source>4 完了</source>
      <translation>4 Done</translation>
    </message>
    <message>
      <location filename="../texts.py" line="51" />
      <source>接続中…</source>
      <translation>Connecting…</translation>
    </message>
    <message>
      <location filename="../texts.py" line="52" />
      <source>接続済み</source>
      <translation>Connected</translation>
    </message>
    <message>
      <location filename="../texts.py" line="53" />
      <source>オフライン</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../texts.py" line="54" />
      <source>接続拒否（ペアリングを確認）</source>
      <translation>Refused (check the pairing)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="60" />
      <source>完了</source>
      <translation>Completed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="61" />
      <location filename="../texts.py" line="76" />
      <source>職員対応で完了</source>
      <translation>Completed by staff</translation>
    </message>
    <message>
      <location filename="../texts.py" line="62" />
      <source>代替手段で受付</source>
      <translation>Accepted on a fallback</translation>
    </message>
    <message>
      <location filename="../texts.py" line="63" />
      <source>中止</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <location filename="../texts.py" line="64" />
      <source>放置・時間切れ</source>
      <translation>Abandoned / timed out</translation>
    </message>
    <message>
      <location filename="../texts.py" line="65" />
      <source>カード抜き取り</source>
      <translation>Card pulled out</translation>
    </message>
    <message>
      <location filename="../texts.py" line="66" />
      <source>対象外のカード</source>
      <translation>Not a My Number card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="67" />
      <source>読み取り不可</source>
      <translation>Unreadable</translation>
    </message>
    <message>
      <location filename="../texts.py" line="68" />
      <source>リーダー故障</source>
      <translation>Reader fault</translation>
    </message>
    <message>
      <location filename="../texts.py" line="69" />
      <source>本人確認できず</source>
      <translation>Identity not confirmed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="75" />
      <source>受付機で完了</source>
      <translation>Done at the kiosk</translation>
    </message>
    <message>
      <location filename="../texts.py" line="77" />
      <source>代替手段</source>
      <translation>Fallback</translation>
    </message>
    <message>
      <location filename="../texts.py" line="78" />
      <source>未完了</source>
      <translation>Not completed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="83" />
      <location filename="../texts.py" line="180" />
      <source>顔認証</source>
      <translation>Face</translation>
    </message>
    <message>
      <location filename="../texts.py" line="83" />
      <location filename="../texts.py" line="180" />
      <source>暗証番号</source>
      <translation>PIN</translation>
    </message>
    <message>
      <location filename="../texts.py" line="83" />
      <source>目視</source>
      <translation>Visual check</translation>
    </message>
    <message>
      <location filename="../texts.py" line="89" />
      <source>受付機の患者が替わりました。画面を確認してください。</source>
      <translation>The patient at the kiosk has changed. Check the screen.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="90" />
      <source>この患者さんの受付はもう終わっています。</source>
      <translation>This patient's reception is already over.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="91" />
      <source>受付機の画面が変わったため中止しました。画面を確認してください。</source>
      <translation>Stopped: the kiosk moved to another screen. Check the kiosk.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="92" />
      <source>今の受付機の状態ではできません。</source>
      <translation>Not possible in the kiosk's current state.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="93" />
      <source>カードを使用中です。少し待ってください。</source>
      <translation>The card is in use. Wait a moment.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="94" />
      <source>カードが置かれていません。</source>
      <translation>No card on the reader.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="95" />
      <source>同じ操作を受付機が実行中です。少し待ってください。</source>
      <translation>The kiosk is already doing this. Please wait a moment.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="96" />
      <source>本人確認はもう済んでいます。</source>
      <translation>The patient's identity is already confirmed.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="97" />
      <source>電子証明書の有効期限が切れているため、目視ではなく保険証・申立書で受け付けてください。</source>
      <translation>The card's certificate has expired: accept with the insurance card or a declaration, not a visual check.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="99" />
      <source>資格確認が失敗していないため、代替手段は使えません。</source>
      <translation>The online check did not fail, so no fallback is needed.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="100" />
      <source>カードの記載事項がまだ読まれていません。</source>
      <translation>The card's details have not been read yet.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="101" />
      <source>選べる資格がありません。</source>
      <translation>There are no records to choose from.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="102" />
      <source>その資格はもうありません。画面を確認してください。</source>
      <translation>That record is no longer there. Check the kiosk.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="103" />
      <source>この氏名は修正できません（●がないか、まだ資格が決まっていません）。</source>
      <translation>This name cannot be corrected (it has no ●, or no record has been settled yet).</translation>
    </message>
    <message>
      <location filename="../texts.py" line="104" />
      <source>●を含まない64文字以内の氏名を入力してください。</source>
      <translation>Enter a name of at most 64 characters without ●.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="105" />
      <source>確認済みにできない項目です。</source>
      <translation>This cannot be marked as checked.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="106" />
      <source>対応待ちの呼び出しはありません。</source>
      <translation>No call is waiting to be answered.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="107" />
      <source>患者の画面に戻せません（戻る画面がありません）。</source>
      <translation>Cannot hand back to the patient (no screen to go back to).</translation>
    </message>
    <message>
      <location filename="../texts.py" line="108" />
      <source>顔認証はもう試せません。</source>
      <translation>No face attempts are left.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="109" />
      <source>カードの券面から照合番号Bを読めませんでした。カードを見て入力してください。</source>
      <translation>Verification number B could not be read from the card face. Type it from the card.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="110" />
      <source>カメラが使えないため、現在の映像はありません。患者さんを直接見てください。</source>
      <translation>No camera: there is no live picture. Look at the patient directly.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="111" />
      <source>カメラから映像が届きません。患者さんを直接見てください。</source>
      <translation>The camera sends no picture. Look at the patient directly.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="112" />
      <source>時間内に応答がありませんでした。</source>
      <translation>No answer in time.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="113" />
      <source>受付機で予期しないエラーが起きました。</source>
      <translation>An unexpected error happened on the kiosk.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="114" />
      <source>職員名またはパスワードが違います。</source>
      <translation>Wrong staff name or password.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="115" />
      <source>このアカウントはロックされています。管理者に解除を依頼してください。</source>
      <translation>This account is locked. Ask an administrator to unlock it.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="116" />
      <source>パスワードの誤りが続いたため、%1秒待ってからもう一度サインインしてください。</source>
      <translation>Too many wrong passwords: wait %1 seconds, then sign in again.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="117" />
      <source>この操作の権限がありません。</source>
      <translation>You are not permitted to do this.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="118" />
      <source>サインインの期限が切れました。もう一度サインインしてください。</source>
      <translation>Your sign-in has expired. Sign in again.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="119" />
      <source>ペアリングの合言葉が違います。</source>
      <translation>Wrong pairing secret.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="120" />
      <source>受付機の証明書がペアリング時と違います。IT担当者に連絡してください。</source>
      <translation>The kiosk's certificate differs from the one paired. Contact IT.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="121" />
      <source>受付機との接続が切れました。</source>
      <translation>Lost the connection to the kiosk.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="122" />
      <source>受付機から応答がありません。</source>
      <translation>The kiosk does not answer.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="123" />
      <source>受付機から読めない応答がありました。</source>
      <translation>The kiosk sent an answer the console cannot read.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="124" />
      <source>サインインしてください。</source>
      <translation>Please sign in.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="125" />
      <source>入力内容を確認してください。</source>
      <translation>Check what you entered.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="126" />
      <source>申立書が必要です。</source>
      <translation>A declaration form is needed.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="127" />
      <source>不詳扱いにはカナ氏名と連絡先が必要です。</source>
      <translation>An unknown-insurer claim needs the kana name and a contact.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="128" />
      <source>資格確認端末が応答しません。</source>
      <translation>The qualification terminal does not answer.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="129" />
      <source>資格確認に失敗しました。</source>
      <translation>The qualification check failed.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="130" />
      <source>照合番号Bが違います。</source>
      <translation>Wrong verification number B.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="131" />
      <source>照合番号Bの残り回数が少ないため、カメラの読み取りでは送りません。カードを見て入力してください。</source>
      <translation>Few tries of the card's code B are left, so the camera's reading is not sent. Read the card and type the code.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="133" />
      <source>照合番号Bがロックされています。写真は読めません。患者さんと保険証・資格確認書で確認してください。</source>
      <translation>The card's code B is locked: the photo cannot be read. Check the patient against their health insurance card or certificate.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="135" />
      <source>カードの記載事項を読めませんでした。保険証・資格確認書で受け付けてください。</source>
      <translation>The card's details could not be read. Take the reception with the health insurance card or certificate.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="136" />
      <source>カードが応答しません。カードを一度取り出して、置き直してもらってください。</source>
      <translation>The card does not answer. Ask the patient to take the card out and place it again.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="137" />
      <location filename="../texts.py" line="138" />
      <source>カードから読めないデータが返りました。保険証・資格確認書で受け付けてください。</source>
      <translation>The card returned data that cannot be read. Take the reception with the health insurance card or certificate.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="139" />
      <source>カードの電子証明書が読めません。保険証・資格確認書で受け付けてください。</source>
      <translation>The card's certificate cannot be read. Take the reception with the health insurance card or certificate.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="140" />
      <source>ほかの職員がすでに対応済みにしています。</source>
      <translation>Another member of staff has already handled this.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="141" />
      <source>受付機の記録ファイルが壊れています。IT担当者に連絡してください（kiosk store restore）。</source>
      <translation>The kiosk's record file is damaged. Call IT (kiosk store restore).</translation>
    </message>
    <message>
      <location filename="../texts.py" line="143" />
      <source>受付機のディスクがいっぱいです。空き容量を作ってください。記録は壊れていません。</source>
      <translation>The kiosk's disk is full. Free some space; the records are not damaged.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="144" />
      <source>受付機の記録ファイルが見つかりません。IT担当者に連絡してください（kiosk store restore）。</source>
      <translation>The kiosk's record file is missing. Call IT (kiosk store restore).</translation>
    </message>
    <message>
      <location filename="../texts.py" line="146" />
      <source>レセコン用のフォルダーに書けません。IT担当者に連絡してください。受付は保存されています。</source>
      <translation>The folder for the receipt system cannot be written. Call IT; the reception is saved.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="148" />
      <source>この再確認は受付機の記録にありません。</source>
      <translation>This kiosk has no record of this re-check.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="149" />
      <source>この受付の番号はすでに入力されています。再確認の結果を待ってください。</source>
      <translation>The numbers for this reception have already been entered. Wait for the re-check's result.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="150" />
      <source>この受付の再確認はもう終わっています。</source>
      <translation>This reception has already been checked again.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="151" />
      <source>エラー: %1</source>
      <translation>Error: %1</translation>
    </message>
    <message>
      <location filename="../texts.py" line="158" />
      <source>保険者番号を入力してください。</source>
      <translation>Enter the insurer number.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="159" />
      <source>保険者番号は数字だけで入力してください。</source>
      <translation>The insurer number is digits only.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="163" />
      <source>番号を入力してください。</source>
      <translation>Enter the number.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="171" />
      <source>有効</source>
      <translation>Valid</translation>
    </message>
    <message>
      <location filename="../texts.py" line="171" />
      <location filename="../texts.py" line="177" />
      <location filename="../../../core/states.py" line="225" />
      <source>資格（無効）</source>
      <translation>Qualification invalid</translation>
    </message>
    <message>
      <location filename="../texts.py" line="171" />
      <source>無効（新しい資格あり）</source>
      <translation>Invalid (newer qualification exists)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="171" />
      <location filename="../texts.py" line="178" />
      <location filename="../../../core/states.py" line="229" />
      <source>該当資格なし</source>
      <translation>No qualification record</translation>
    </message>
    <message>
      <location filename="../texts.py" line="172" />
      <source>複数該当</source>
      <translation>Several records</translation>
    </message>
    <message>
      <location filename="../texts.py" line="177" />
      <source>●（外字）</source>
      <translation>● (missing character)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="177" />
      <source>リーダー障害</source>
      <translation>Reader failure</translation>
    </message>
    <message>
      <location filename="../texts.py" line="177" />
      <source>証明書期限切れ</source>
      <translation>Certificate expired</translation>
    </message>
    <message>
      <location filename="../texts.py" line="178" />
      <source>記録との相違</source>
      <translation>Differs from records</translation>
    </message>
    <message>
      <location filename="../texts.py" line="178" />
      <source>限度額</source>
      <translation>Limit class</translation>
    </message>
    <message>
      <location filename="../texts.py" line="179" />
      <source>他人の情報</source>
      <translation>Another person's data</translation>
    </message>
    <message>
      <location filename="../texts.py" line="179" />
      <source>公費・医療証</source>
      <translation>Public subsidy</translation>
    </message>
    <message>
      <location filename="../texts.py" line="179" />
      <source>端末・回線</source>
      <translation>Terminal / network</translation>
    </message>
    <message>
      <location filename="../texts.py" line="180" />
      <source>カード置き忘れ</source>
      <translation>Card left behind</translation>
    </message>
    <message>
      <location filename="../texts.py" line="180" />
      <source>対象外カード</source>
      <translation>Not a My Number card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="181" />
      <source>職員対応</source>
      <translation>Staff help</translation>
    </message>
    <message>
      <location filename="../texts.py" line="186" />
      <source>男</source>
      <translation>Male</translation>
    </message>
    <message>
      <location filename="../texts.py" line="186" />
      <source>女</source>
      <translation>Female</translation>
    </message>
    <message>
      <location filename="../texts.py" line="191" />
      <source>現在の資格</source>
      <translation>the current qualification</translation>
    </message>
    <message>
      <location filename="../texts.py" line="191" />
      <source>旧資格情報</source>
      <translation>the old qualification (旧資格情報)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="192" />
      <source>不詳（申立書）</source>
      <translation>“unknown” (不詳, declaration form)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="206" />
      <source>資格（無効）：請求した保険者 %1 の資格は無効でした</source>
      <translation>Qualification invalid: the qualification with insurer %1, as billed, is invalid</translation>
    </message>
    <message>
      <location filename="../texts.py" line="207" />
      <source>該当資格なし：保険者 %1 に該当する資格がありませんでした</source>
      <translation>No qualification: insurer %1 has no matching qualification</translation>
    </message>
    <message>
      <location filename="../texts.py" line="208" />
      <source>資格が複数（%2件）見つかりました：正しい資格を確かめてください</source>
      <translation>Several qualifications (%2) found: confirm the right one</translation>
    </message>
    <message>
      <location filename="../texts.py" line="209" />
      <source>保険者番号：請求 %1 → 再確認 %2</source>
      <translation>Insurer number: billed %1 → re-check %2</translation>
    </message>
    <message>
      <location filename="../texts.py" line="210" />
      <source>記号・番号：請求 %1 → 再確認 %2</source>
      <translation>Symbol and number: billed %1 → re-check %2</translation>
    </message>
    <message>
      <location filename="../texts.py" line="211" />
      <source>負担割合：窓口 %1 → 再確認 %2（差額の精算が必要）</source>
      <translation>Burden ratio: charged %1 → re-check %2 (settle the difference)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="212" />
      <source>限度額区分：請求 %1 → 再確認 %2</source>
      <translation>Limit class: billed %1 → re-check %2</translation>
    </message>
    <message>
      <location filename="../texts.py" line="213" />
      <source>資格を確認できました：摘要欄の「旧資格情報」「不詳」は不要です</source>
      <translation>Qualification confirmed: the remark “旧資格情報” / “不詳” is no longer needed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="204" />
      <location filename="../texts.py" line="204" />
      <source>なし</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../texts.py" line="162" />
      <source>記号が長すぎます（%1文字まで）。</source>
      <translation>The symbol is too long (at most %1 characters).</translation>
    </message>
    <message>
      <location filename="../texts.py" line="164" />
      <source>番号が長すぎます（%1文字まで）。</source>
      <translation>The number is too long (at most %1 characters).</translation>
    </message>
    <message>
      <location filename="../texts.py" line="165" />
      <source>枝番は%1桁の数字です（例：01）。枝番がなければ空欄にしてください。</source>
      <translation>The branch number is %1 digits (e.g. 01). Leave it empty if the card has none.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="160" />
      <source>保険者番号は%1桁です（国民健康保険は%2桁）。</source>
      <translation>The insurer number has %1 digits (%2 for National Health Insurance).</translation>
    </message>
    <message>
      <location filename="../window.py" line="87" />
      <source>点検</source>
      <translation>Check</translation>
    </message>
    <message>
      <location filename="../window.py" line="133" />
      <source>負担割合の変更を確認した</source>
      <translation>Co-payment change checked</translation>
    </message>
    <message>
      <location filename="../window.py" line="134" />
      <source>公費・子ども医療証を確認した</source>
      <translation>Public subsidy / child medical certificate seen</translation>
    </message>
    <message>
      <location filename="../window.py" line="135" />
      <source>資格情報のお知らせ／資格確認書の説明</source>
      <translation>Notice vs. certificate (help)</translation>
    </message>
    <message>
      <location filename="../window.py" line="136" />
      <source>呼び出しに対応した</source>
      <translation>Call answered</translation>
    </message>
    <message>
      <location filename="../window.py" line="137" />
      <source>患者の画面に戻す</source>
      <translation>Back to the patient's screen</translation>
    </message>
    <message>
      <location filename="../window.py" line="138" />
      <source>受付を終了する</source>
      <translation>End the reception</translation>
    </message>
    <message>
      <location filename="../window.py" line="306" />
      <source>受付機 職員コンソール</source>
      <translation>Kiosk staff console</translation>
    </message>
    <message>
      <location filename="../window.py" line="337" />
      <source>本日の受付</source>
      <translation>Today's receptions</translation>
    </message>
    <message>
      <location filename="../window.py" line="338" />
      <source>トラブル集計</source>
      <translation>Trouble report</translation>
    </message>
    <message>
      <location filename="../window.py" line="227" />
      <source>受付機を選んでください</source>
      <translation>Choose a kiosk</translation>
    </message>
    <message>
      <location filename="../window.py" line="260" />
      <source>患者はいません</source>
      <translation>No patient</translation>
    </message>
    <message>
      <location filename="../window.py" line="313" />
      <source>職員コンソール</source>
      <translation>Staff console</translation>
    </message>
    <message>
      <location filename="../window.py" line="350" />
      <source>サインインしていません</source>
      <translation>Not signed in</translation>
    </message>
    <message>
      <location filename="../window.py" line="103" />
      <location filename="../window.py" line="239" />
      <source>サインインしてください</source>
      <translation>Please sign in</translation>
    </message>
    <message>
      <location filename="../window.py" line="281" />
      <source>負担割合の変更を確認済みにしました。</source>
      <translation>Co-payment change marked as checked.</translation>
    </message>
    <message>
      <location filename="../window.py" line="282" />
      <source>公費・子ども医療証を確認済みにしました。</source>
      <translation>Public subsidy certificate marked as seen.</translation>
    </message>
    <message>
      <location filename="../window.py" line="283" />
      <source>呼び出しに対応済みにしました。</source>
      <translation>The call is marked as answered.</translation>
    </message>
    <message>
      <location filename="../window.py" line="284" />
      <source>患者の画面に戻しました。</source>
      <translation>Returned to the patient's screen.</translation>
    </message>
    <message>
      <location filename="../window.py" line="285" />
      <source>受付を終了しました。カードの取り出しを案内してください。</source>
      <translation>Reception ended. Help the patient take the card.</translation>
    </message>
    <message>
      <location filename="../window.py" line="253" />
      <source>患者: %1</source>
      <translation>Patient: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="255" />
      <source>暗証番号 残り%1回</source>
      <translation>PIN tries left: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="257" />
      <source>顔認証の失敗 %1回</source>
      <translation>Face failed %1 times</translation>
    </message>
    <message>
      <location filename="../window.py" line="259" />
      <source>対応中: %1</source>
      <translation>Handled by: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="350" />
      <source>サインイン中: %1</source>
      <translation>Signed in: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="249" />
      <source>状態: %1　（%2）</source>
      <translation>State: %1  (%2)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="172" />
      <source>待機中</source>
      <translation>Waiting for a card</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="174" />
      <source>カードを読み取り中</source>
      <translation>Reading the card</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="177" />
      <source>マイナンバーカード以外のカード</source>
      <translation>Not a My Number card</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="178" />
      <source>マイナンバーカード以外のカードが置かれました</source>
      <translation>A card that is not a My Number card was placed</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="181" />
      <source>カードが読めない</source>
      <translation>Card unreadable</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="182" />
      <source>カードを読み取れませんでした</source>
      <translation>The card could not be read</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="184" />
      <source>確認の途中でカードが抜かれた</source>
      <translation>Card pulled out during the check</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="187" />
      <source>カードリーダーが使えない</source>
      <translation>Card reader unavailable</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="188" />
      <source>カードリーダーが使えません（自動で復旧を試みています）</source>
      <translation>The card reader is unavailable (reconnecting on its own)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="191" />
      <source>電子証明書の有効期限切れ</source>
      <translation>Card certificate expired</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="192" />
      <source>電子証明書の有効期限が切れています（カードでは確認できません）</source>
      <translation>The card's certificate has expired (the card cannot be used for the check)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="194" />
      <source>電子証明書の期限が近いことを案内中</source>
      <translation>Telling the patient the certificate expires soon</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="163" />
      <source>電子証明書の有効期限が3か月以内（市区町村での更新の案内を）</source>
      <translation>The certificate expires within 3 months (tell the patient to renew it at the city office)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="197" />
      <source>本人確認の方法を選んでいます</source>
      <translation>Choosing how to prove identity</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="198" />
      <source>暗証番号は残り1回です（顔認証か目視をすすめてください）</source>
      <translation>One PIN try left (suggest face recognition or a visual check)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="201" />
      <source>顔認証中</source>
      <translation>Face check</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="202" />
      <source>顔認証をやり直し中</source>
      <translation>Face check retrying</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="205" />
      <source>顔認証ができなかった</source>
      <translation>Face recognition failed</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="206" />
      <source>顔認証ができませんでした</source>
      <translation>Face recognition failed</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="208" />
      <source>暗証番号を入力中</source>
      <translation>Entering the PIN</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="210" />
      <source>暗証番号があと1回でロック</source>
      <translation>PIN locks after one more wrong try</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="211" />
      <source>暗証番号があと1回まちがえるとロックされます</source>
      <translation>One more wrong PIN locks the card</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="214" />
      <source>暗証番号がロックされている</source>
      <translation>PIN locked</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="215" />
      <source>暗証番号がロックされています（解除は市区町村の窓口）</source>
      <translation>The PIN is locked (only the city office can unlock it)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="217" />
      <source>資格を確認中</source>
      <translation>Checking the qualification</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="220" />
      <source>別人の情報の可能性</source>
      <translation>Possibly another person's data</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="221" />
      <source>カードと資格情報の本人が一致しません（医療情報は非表示）</source>
      <translation>The card's holder and the qualification do not match (medical information hidden)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="226" />
      <source>資格（無効）：保険者の登録待ちの可能性（旧資格情報あり）</source>
      <translation>Qualification invalid: the insurer may not have registered the change yet (old qualification available)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="230" />
      <source>該当する資格が見つかりません</source>
      <translation>No qualification record found</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="233" />
      <source>資格が複数見つかった</source>
      <translation>Several records found</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="234" />
      <source>資格が複数見つかりました：職員が今の資格を選びます</source>
      <translation>Several records found: staff choose the current one</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="237" />
      <source>資格確認端末が応答しない</source>
      <translation>Qualification terminal not answering</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="238" />
      <source>資格確認端末が応答しません（前回の記録・申立書で受付できます）</source>
      <translation>The qualification terminal does not answer (accept from the last visit or a declaration)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="241" />
      <source>申立書を記入中</source>
      <translation>Filling in a declaration</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="243" />
      <source>情報提供の同意を確認中</source>
      <translation>Asking for consent to share information</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="245" />
      <source>限度額情報の提供を確認中</source>
      <translation>Asking about sharing the limit information</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="247" />
      <source>受付完了（カードの取り出し待ち）</source>
      <translation>Checked in (waiting for the card to be taken)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="167" />
      <source>カードの取り忘れ（受付機にカードが残っています）</source>
      <translation>Card not taken (it is still in the kiosk's reader)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="250" />
      <source>職員を待っています</source>
      <translation>Waiting for staff</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="251" />
      <source>職員を呼んでいます</source>
      <translation>Calling staff</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="255" />
      <source>終了（カードの取り出し待ち）</source>
      <translation>Ended (waiting for the card to be taken)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="259" />
      <source>カードの置き忘れ</source>
      <translation>Card left in the reader</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="276" />
      <source>患者が「職員を呼ぶ」を押しました</source>
      <translation>The patient pressed "Call staff"</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="277" />
      <source>カードの本人確認（署名の検証）に失敗しました</source>
      <translation>The card's holder check (signature verification) failed</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="278" />
      <source>申立書にカナ氏名がありません（「前回の記録・申立書で受付」で補ってください）</source>
      <translation>The declaration has no kana name (complete it under “Accept from last visit / declaration”)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="285" />
      <source>職員を呼んでいます（受付前・受付後）</source>
      <translation>Calling staff (before or after a reception)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="287" />
      <source>氏名・住所に●（外字）：当院の表記に修正できます</source>
      <translation>● (unsupported character) in name or address: correct it to the clinic's spelling</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="288" />
      <source>負担割合が前回と違います</source>
      <translation>The burden ratio differs from the last visit</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="289" />
      <source>限度額区分が前回と違います（出典と日付を確認）</source>
      <translation>The limit class differs from the last visit (check source and date)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="290" />
      <source>住所が資格情報と違います</source>
      <translation>The address differs from the qualification record</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="291" />
      <source>受付機と通信できません</source>
      <translation>Cannot reach the kiosk</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="293" />
      <source>資格確認端末が応答しません（カードを置いた方は申立書・前回の記録で受付）</source>
      <translation>The qualification terminal is not answering (patients who place a card go on by the 申立書 or the last visit)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="295" />
      <source>音声案内が使えません（スピーカー・音声の設定を確認）</source>
      <translation>Voice guidance cannot play (check the speaker and the sound settings)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="296" />
      <source>受付データのバックアップに失敗しました（ディスクの空き・接続を確認）</source>
      <translation>The backup of the reception data failed (check the disk's free space and connection)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="297" />
      <source>バックアップが受付データと同じディスクにあります（別のディスクを設定）</source>
      <translation>The backups are on the same disk as the reception data (set another disk)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="300" />
      <source>受付機が再起動しました（応答なし）</source>
      <translation>The kiosk was restarted (it had stopped responding)</translation>
    </message>
    <message>
      <location filename="../../../core/states.py" line="301" />
      <source>受付機が再起動しました（異常終了）</source>
      <translation>The kiosk was restarted (it had crashed)</translation>
    </message>
  </context>
</TS>
