<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
  <context>
    <name>StaffConsole</name>
    <message>
      <location filename="../dialogs.py" line="16" />
      <location filename="../dialogs.py" line="32" />
      <location filename="../window.py" line="285" />
      <source>サインイン</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="25" />
      <source>職員名</source>
      <translation>Staff name</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="26" />
      <source>パスワード</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="33" />
      <location filename="../dialogs.py" line="74" />
      <source>やめる</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="56" />
      <location filename="../dialogs.py" line="58" />
      <source>受付機とペアリング</source>
      <translation>Pair with a kiosk</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="66" />
      <source>受付機のアドレス</source>
      <translation>Kiosk address</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="67" />
      <source>合言葉</source>
      <translation>Pairing secret</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="73" />
      <source>ペアリング</source>
      <translation>Pair</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="18" />
      <source>職員のサインイン</source>
      <translation>Staff sign-in</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="59" />
      <source>受付機で `kiosk staff secret` を実行すると合言葉が表示されます。</source>
      <translation>Run `kiosk staff secret` on the kiosk to see its pairing secret.</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="44" />
      <source>あと%1回でロックされます。</source>
      <translation>The account locks after %1 more wrong tries.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="75" />
      <source>どこまで進んだかは記録されていません。</source>
      <translation>How far it got was not recorded.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="82" />
      <source>対応済みにする</source>
      <translation>Mark as handled</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="95" />
      <source>確認した</source>
      <translation>Checked</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="80" />
      <source>受付機が途中で止まり、この受付は保存されていません。患者さんの受付が済んでいるか確かめてください。</source>
      <translation>The kiosk stopped part-way and this reception was not saved. Make sure the patient has been checked in.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="58" />
      <source>要対応 %1件（この受付機の記録から）</source>
      <translation>To follow up: %1 (from this kiosk's records)</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="74" />
      <source>止まったところ：%1</source>
      <translation>Stopped at: %1</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="94" />
      <source>（%1 に再確認）請求を直してから「確認した」を押してください。</source>
      <translation>(re-checked %1) Correct the claim, then press “Checked”.</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="78" />
      <source>中断した受付（%1 開始）</source>
      <translation>Interrupted reception (started %1)</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="87" />
      <source>再確認の結果：%1 様（%2 生）</source>
      <translation>Re-check result: %1 (born %2)</translation>
    </message>
    <message>
      <location filename="../follow_ups.py" line="89" />
      <source>%1 の受付、%2 で請求</source>
      <translation>Reception of %1, billed on %2</translation>
    </message>
    <message>
      <location filename="../pages.py" line="111" />
      <source>カードの写真を読み込み中…</source>
      <translation>Reading the card photo…</translation>
    </message>
    <message>
      <location filename="../pages.py" line="77" />
      <source>戻る</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../pages.py" line="109" />
      <location filename="../window.py" line="127" />
      <source>目視で本人確認</source>
      <translation>Visual identity check</translation>
    </message>
    <message>
      <location filename="../pages.py" line="113" />
      <source>カメラ映像を読み込み中…</source>
      <translation>Loading the camera picture…</translation>
    </message>
    <message>
      <location filename="../pages.py" line="130" />
      <source>照合番号B（14桁）</source>
      <translation>Verification number B (14 digits)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="133" />
      <source>読み込む</source>
      <translation>Read</translation>
    </message>
    <message>
      <location filename="../pages.py" line="145" />
      <source>本人と確認</source>
      <translation>Same person</translation>
    </message>
    <message>
      <location filename="../pages.py" line="146" />
      <source>確認できない</source>
      <translation>Cannot confirm</translation>
    </message>
    <message>
      <location filename="../pages.py" line="246" />
      <location filename="../window.py" line="128" />
      <source>資格を選ぶ（複数該当）</source>
      <translation>Choose the record (several found)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="273" />
      <location filename="../window.py" line="129" />
      <source>保険証・資格確認書で確認</source>
      <translation>Check with insurance card / certificate</translation>
    </message>
    <message>
      <location filename="../pages.py" line="290" />
      <source>資格を確認する</source>
      <translation>Check qualification</translation>
    </message>
    <message>
      <location filename="../pages.py" line="309" />
      <source>確認中…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <location filename="../pages.py" line="318" />
      <location filename="../window.py" line="130" />
      <source>前回の記録・申立書で受付</source>
      <translation>Accept on last visit / declaration</translation>
    </message>
    <message>
      <location filename="../pages.py" line="324" />
      <source>前回の記録で受付（変更なしを確認済み）</source>
      <translation>Accept on the last visit's record (no change, confirmed)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="358" />
      <source>申立書で受付</source>
      <translation>Accept on the declaration</translation>
    </message>
    <message>
      <location filename="../pages.py" line="421" />
      <location filename="../window.py" line="131" />
      <source>●の氏名を修正</source>
      <translation>Correct a name with ●</translation>
    </message>
    <message>
      <location filename="../pages.py" line="429" />
      <source>この表記にする</source>
      <translation>Use this spelling</translation>
    </message>
    <message>
      <location filename="../pages.py" line="458" />
      <source>資格情報のお知らせ と 資格確認書</source>
      <translation>Qualification notice and qualification certificate</translation>
    </message>
    <message>
      <location filename="../pages.py" line="470" />
      <source>患者さんに説明しました</source>
      <translation>Explained to the patient</translation>
    </message>
    <message>
      <location filename="../pages.py" line="114" />
      <source>カードの顔写真</source>
      <translation>Photo on the card chip</translation>
    </message>
    <message>
      <location filename="../pages.py" line="114" />
      <source>受付機のカメラ</source>
      <translation>Kiosk camera</translation>
    </message>
    <message>
      <location filename="../pages.py" line="123" />
      <source>カードの記載事項</source>
      <translation>Facts on the card</translation>
    </message>
    <message>
      <location filename="../pages.py" line="152" />
      <source>写真と記載事項は画面にだけ表示し、保存しません。</source>
      <translation>The photo and the facts are only shown here, never saved.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="178" />
      <source>照合番号Bは14桁の数字です（生年月日6桁・有効期限の西暦4桁・セキュリティコード4桁）。</source>
      <translation>Verification number B has 14 digits (birth date 6, expiry year 4, security code 4).</translation>
    </message>
    <message>
      <location filename="../pages.py" line="185" />
      <source>写真なし</source>
      <translation>No photo</translation>
    </message>
    <message>
      <location filename="../pages.py" line="198" />
      <source>写真を表示できません</source>
      <translation>Cannot show the photo</translation>
    </message>
    <message>
      <location filename="../pages.py" line="247" />
      <source>患者さんに保険証・資格確認書を確認し、今の資格を選んでください。</source>
      <translation>Look at the patient's insurance card or certificate and choose the current record.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="277" />
      <source>保険者番号</source>
      <translation>Insurer number</translation>
    </message>
    <message>
      <location filename="../pages.py" line="277" />
      <source>6桁または8桁</source>
      <translation>6 or 8 digits</translation>
    </message>
    <message>
      <location filename="../pages.py" line="278" />
      <source>記号</source>
      <translation>Symbol</translation>
    </message>
    <message>
      <location filename="../pages.py" line="279" />
      <source>番号</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../pages.py" line="280" />
      <source>枝番</source>
      <translation>Branch number</translation>
    </message>
    <message>
      <location filename="../pages.py" line="280" />
      <source>2桁</source>
      <translation>2 digits</translation>
    </message>
    <message>
      <location filename="../pages.py" line="281" />
      <location filename="../pages.py" line="330" />
      <source>生年月日</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <location filename="../pages.py" line="319" />
      <source>オンライン確認ができないときも、前回の記録（変更がないことを口頭で確認）または被保険者資格申立書で、通常の負担割合で受け付けられます。</source>
      <translation>When the online check fails, the patient can still pay the usual share: on the last visit's record (no change, confirmed orally) or on a qualification declaration form.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="327" />
      <source>被保険者資格申立書</source>
      <translation>Qualification declaration form</translation>
    </message>
    <message>
      <location filename="../pages.py" line="330" />
      <location filename="../reports.py" line="72" />
      <source>氏名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../pages.py" line="330" />
      <source>カナ氏名</source>
      <translation>Name in kana</translation>
    </message>
    <message>
      <location filename="../pages.py" line="331" />
      <source>住所</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../pages.py" line="331" />
      <source>連絡先</source>
      <translation>Contact</translation>
    </message>
    <message>
      <location filename="../pages.py" line="331" />
      <source>保険者名</source>
      <translation>Insurer name</translation>
    </message>
    <message>
      <location filename="../pages.py" line="332" />
      <source>勤務先</source>
      <translation>Employer</translation>
    </message>
    <message>
      <location filename="../pages.py" line="346" />
      <location filename="../pages.py" line="351" />
      <source>わからない</source>
      <translation>Don't know</translation>
    </message>
    <message>
      <location filename="../pages.py" line="346" />
      <source>被用者保険</source>
      <translation>Employee insurance</translation>
    </message>
    <message>
      <location filename="../pages.py" line="347" />
      <source>国民健康保険</source>
      <translation>National Health Insurance</translation>
    </message>
    <message>
      <location filename="../pages.py" line="347" />
      <source>後期高齢者医療</source>
      <translation>Late-elderly medical care</translation>
    </message>
    <message>
      <location filename="../pages.py" line="351" />
      <source>3割</source>
      <translation>30%</translation>
    </message>
    <message>
      <location filename="../pages.py" line="351" />
      <source>2割</source>
      <translation>20%</translation>
    </message>
    <message>
      <location filename="../pages.py" line="351" />
      <source>1割</source>
      <translation>10%</translation>
    </message>
    <message>
      <location filename="../pages.py" line="376" />
      <source>旧資格情報・前回の記録はありません。申立書を記入してもらいます。</source>
      <translation>No old qualification and no earlier visit: ask the patient to fill in a declaration.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="398" />
      <source>氏名・カナ氏名・連絡先は必須です。</source>
      <translation>Name, name in kana and contact are required.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="426" />
      <source>当院の記録の表記</source>
      <translation>Spelling in this clinic's records</translation>
    </message>
    <message>
      <location filename="../pages.py" line="449" />
      <source>●を含まない氏名を入力してください。</source>
      <translation>Enter a name without ●.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="460" />
      <location filename="../texts.py" line="159" />
      <source>資格情報のお知らせ</source>
      <translation>Qualification notice (資格情報のお知らせ)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="461" />
      <source>資格確認書</source>
      <translation>Qualification certificate (資格確認書)</translation>
    </message>
    <message>
      <location filename="../pages.py" line="462" />
      <source>マイナ保険証を持つ人に届く、加入している保険の情報の紙です。
これだけでは受診できません。マイナ保険証と一緒に出すと、カードが読めないときの確認に使えます。</source>
      <translation>A sheet sent to people who have the My Number insurance card, showing their insurance.
It is not valid on its own. Together with the card it can be used to check when the card cannot be read.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="465" />
      <source>マイナ保険証を持たない人などに届く、保険証の代わりになる書類です。
これだけで受診できます。保険証と同じように記号・番号で資格を確認します。</source>
      <translation>A document sent to people without the My Number insurance card, replacing the insurance card.
It is valid on its own: check it by symbol and number like an insurance card.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="225" />
      <source>本人と確認しました。受付機が資格確認を続けます。</source>
      <translation>Identity confirmed. The kiosk continues with the qualification check.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="226" />
      <source>確認できないため受付を終了しました。</source>
      <translation>Could not confirm the person: the reception was ended.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="236" />
      <location filename="../texts.py" line="176" />
      <source>%1割</source>
      <translation>%10%</translation>
    </message>
    <message>
      <location filename="../pages.py" line="307" />
      <location filename="../pages.py" line="395" />
      <source>生年月日は YYYY-MM-DD で入力してください。</source>
      <translation>Enter the date of birth as YYYY-MM-DD.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="343" />
      <source>未記載</source>
      <translation>Not stated</translation>
    </message>
    <message>
      <location filename="../pages.py" line="353" />
      <source>性別</source>
      <translation>Sex</translation>
    </message>
    <message>
      <location filename="../pages.py" line="353" />
      <source>保険の種類</source>
      <translation>Insurance type</translation>
    </message>
    <message>
      <location filename="../pages.py" line="353" />
      <location filename="../texts.py" line="158" />
      <source>負担割合</source>
      <translation>Co-payment share</translation>
    </message>
    <message>
      <location filename="../pages.py" line="411" />
      <source>受付しました（窓口負担 %1割）。</source>
      <translation>Accepted (the patient pays %10%).</translation>
    </message>
    <message>
      <location filename="../pages.py" line="436" />
      <source>届いた氏名: %1</source>
      <translation>Name received: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="451" />
      <source>氏名を修正しました。</source>
      <translation>Name corrected.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="373" />
      <source>旧資格情報: %1</source>
      <translation>Old qualification: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="375" />
      <source>前回の記録: %1</source>
      <translation>Last visit: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="208" />
      <source>氏名: %1</source>
      <translation>Name: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="209" />
      <source>生年月日: %1</source>
      <translation>Date of birth: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="210" />
      <source>性別: %1</source>
      <translation>Sex: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="211" />
      <source>住所: %1</source>
      <translation>Address: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="311" />
      <source>保険証で確認しました: %1</source>
      <translation>Checked with the insurance card: %1</translation>
    </message>
    <message>
      <location filename="../pages.py" line="472" />
      <source>記録しました。</source>
      <translation>Recorded.</translation>
    </message>
    <message>
      <location filename="../pages.py" line="265" />
      <source>資格を選びました。</source>
      <translation>Record chosen.</translation>
    </message>
    <message>
      <location filename="../reports.py" line="62" />
      <source>表示</source>
      <translation>Show</translation>
    </message>
    <message>
      <location filename="../reports.py" line="164" />
      <source>日別（直近7日）</source>
      <translation>Daily (last 7 days)</translation>
    </message>
    <message>
      <location filename="../reports.py" line="165" />
      <source>週別（直近4週）</source>
      <translation>Weekly (last 4 weeks)</translation>
    </message>
    <message>
      <location filename="../reports.py" line="170" />
      <source>集計</source>
      <translation>Count</translation>
    </message>
    <message>
      <location filename="../reports.py" line="172" />
      <location filename="../reports.py" line="234" />
      <source>CSVに書き出す</source>
      <translation>Export CSV</translation>
    </message>
    <message>
      <location filename="../reports.py" line="64" />
      <source>受付日</source>
      <translation>Day</translation>
    </message>
    <message>
      <location filename="../reports.py" line="72" />
      <source>時刻</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../reports.py" line="72" />
      <source>本人確認</source>
      <translation>Identity</translation>
    </message>
    <message>
      <location filename="../reports.py" line="72" />
      <source>結果</source>
      <translation>Result</translation>
    </message>
    <message>
      <location filename="../reports.py" line="72" />
      <location filename="../reports.py" line="183" />
      <source>トラブル</source>
      <translation>Trouble</translation>
    </message>
    <message>
      <location filename="../reports.py" line="123" />
      <source>この期間のトラブルはありません</source>
      <translation>No trouble in this period</translation>
    </message>
    <message>
      <location filename="../reports.py" line="174" />
      <source>まで</source>
      <translation>until</translation>
    </message>
    <message>
      <location filename="../reports.py" line="183" />
      <source>件数</source>
      <translation>Count</translation>
    </message>
    <message>
      <location filename="../reports.py" line="219" />
      <source>%1 〜 %2　受付 %3 件</source>
      <translation>%1 – %2   %3 receptions</translation>
    </message>
    <message>
      <location filename="../texts.py" line="194" />
      <source>%3：請求 %1 → 再確認 %2</source>
      <translation>%3: billed %1 → re-check %2</translation>
    </message>
    <message>
      <location filename="../texts.py" line="17" />
      <source>職員呼び出し</source>
      <translation>Staff called</translation>
    </message>
    <message>
      <location filename="../texts.py" line="18" />
      <location filename="../texts.py" line="64" />
      <source>暗証番号ロック</source>
      <translation>PIN locked</translation>
    </message>
    <message>
      <location filename="../texts.py" line="19" />
      <location filename="../texts.py" line="63" />
      <source>暗証番号 残り1回</source>
      <translation>PIN: 1 try left</translation>
    </message>
    <message>
      <location filename="../texts.py" line="20" />
      <location filename="../texts.py" line="61" />
      <source>顔認証できず</source>
      <translation>Face not recognised</translation>
    </message>
    <message>
      <location filename="../texts.py" line="21" />
      <source>顔認証をやり直し中</source>
      <translation>Face check retrying</translation>
    </message>
    <message>
      <location filename="../texts.py" line="22" />
      <source>別人の情報の可能性（医療情報は非表示）</source>
      <translation>Possibly another person's data (medical info hidden)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="23" />
      <location filename="../texts.py" line="67" />
      <location filename="../texts.py" line="151" />
      <location filename="../texts.py" line="157" />
      <source>資格（無効）</source>
      <translation>Qualification invalid</translation>
    </message>
    <message>
      <location filename="../texts.py" line="24" />
      <location filename="../texts.py" line="68" />
      <location filename="../texts.py" line="151" />
      <location filename="../texts.py" line="158" />
      <source>該当資格なし</source>
      <translation>No qualification record</translation>
    </message>
    <message>
      <location filename="../texts.py" line="25" />
      <source>資格が複数：職員が選択</source>
      <translation>Several records: staff choose</translation>
    </message>
    <message>
      <location filename="../texts.py" line="26" />
      <source>電子証明書の有効期限切れ</source>
      <translation>Card certificate expired</translation>
    </message>
    <message>
      <location filename="../texts.py" line="27" />
      <source>電子証明書の期限が3か月以内</source>
      <translation>Card certificate expires within 3 months</translation>
    </message>
    <message>
      <location filename="../texts.py" line="28" />
      <source>カードの置き忘れ</source>
      <translation>Card left in the reader</translation>
    </message>
    <message>
      <location filename="../texts.py" line="29" />
      <source>カードリーダーの故障</source>
      <translation>Card reader fault</translation>
    </message>
    <message>
      <location filename="../texts.py" line="30" />
      <location filename="../texts.py" line="54" />
      <source>カードが読めない</source>
      <translation>Card unreadable</translation>
    </message>
    <message>
      <location filename="../texts.py" line="31" />
      <source>資格確認端末が応答しない</source>
      <translation>Qualification terminal not answering</translation>
    </message>
    <message>
      <location filename="../texts.py" line="32" />
      <source>マイナンバーカード以外のカード</source>
      <translation>Not a My Number card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="33" />
      <source>氏名・住所に●（外字）</source>
      <translation>● in name/address (character not held)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="34" />
      <source>負担割合が前回と違う</source>
      <translation>Co-payment share changed since last visit</translation>
    </message>
    <message>
      <location filename="../texts.py" line="35" />
      <source>当院の記録と住所が違う</source>
      <translation>Address differs from our records</translation>
    </message>
    <message>
      <location filename="../texts.py" line="36" />
      <source>限度額区分が前回と違う（出典と日付を確認）</source>
      <translation>Limit class changed (check source and date)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="37" />
      <source>受付機がオフライン</source>
      <translation>Kiosk offline</translation>
    </message>
    <message>
      <location filename="../texts.py" line="43" />
      <source>患者が「職員を呼ぶ」を押しました</source>
      <translation>The patient pressed "Call staff"</translation>
    </message>
    <message>
      <location filename="../texts.py" line="44" />
      <source>カードの本人確認に失敗</source>
      <translation>Card holder proof failed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="45" />
      <source>申立書にカナ氏名がありません（「申立書で受付」で補ってください）</source>
      <translation>The declaration lacks the kana name: add it, then “Accept on the declaration”</translation>
    </message>
    <message>
      <location filename="../texts.py" line="51" />
      <source>待機中</source>
      <translation>Waiting for a card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="52" />
      <source>カード読み取り中</source>
      <translation>Reading the card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="53" />
      <location filename="../texts.py" line="102" />
      <source>対象外のカード</source>
      <translation>Not a My Number card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="55" />
      <source>カードが抜かれた</source>
      <translation>Card pulled out</translation>
    </message>
    <message>
      <location filename="../texts.py" line="56" />
      <location filename="../texts.py" line="104" />
      <source>リーダー故障</source>
      <translation>Reader fault</translation>
    </message>
    <message>
      <location filename="../texts.py" line="57" />
      <location filename="../texts.py" line="157" />
      <source>証明書期限切れ</source>
      <translation>Certificate expired</translation>
    </message>
    <message>
      <location filename="../texts.py" line="58" />
      <source>証明書期限の案内</source>
      <translation>Certificate expiry notice</translation>
    </message>
    <message>
      <location filename="../texts.py" line="59" />
      <source>本人確認方法の選択</source>
      <translation>Choosing identity method</translation>
    </message>
    <message>
      <location filename="../texts.py" line="60" />
      <source>顔認証中</source>
      <translation>Face check</translation>
    </message>
    <message>
      <location filename="../texts.py" line="62" />
      <source>暗証番号入力中</source>
      <translation>Entering PIN</translation>
    </message>
    <message>
      <location filename="../texts.py" line="65" />
      <source>資格確認中</source>
      <translation>Checking qualification</translation>
    </message>
    <message>
      <location filename="../texts.py" line="66" />
      <source>別人の情報</source>
      <translation>Another person's data</translation>
    </message>
    <message>
      <location filename="../texts.py" line="69" />
      <source>資格が複数</source>
      <translation>Several records</translation>
    </message>
    <message>
      <location filename="../texts.py" line="70" />
      <source>端末応答なし</source>
      <translation>Terminal not answering</translation>
    </message>
    <message>
      <location filename="../texts.py" line="71" />
      <source>申立書を記入中</source>
      <translation>Filling in a declaration</translation>
    </message>
    <message>
      <location filename="../texts.py" line="72" />
      <source>同意の確認中</source>
      <translation>Consent</translation>
    </message>
    <message>
      <location filename="../texts.py" line="73" />
      <source>限度額情報の同意</source>
      <translation>Limit information consent</translation>
    </message>
    <message>
      <location filename="../texts.py" line="74" />
      <source>確認完了</source>
      <translation>Check complete</translation>
    </message>
    <message>
      <location filename="../texts.py" line="75" />
      <source>職員を待っています</source>
      <translation>Waiting for staff</translation>
    </message>
    <message>
      <location filename="../texts.py" line="76" />
      <source>終了（カード取り出し待ち）</source>
      <translation>Ended (waiting for the card to be taken)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="77" />
      <location filename="../texts.py" line="160" />
      <source>カード置き忘れ</source>
      <translation>Card left behind</translation>
    </message>
    <message>
      <location filename="../texts.py" line="82" />
      <source>1 カード</source>
      <translation>1 Card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="82" />
      <source>2 本人確認</source>
      <translation>2 Identity</translation>
    </message>
    <message>
      <location filename="../texts.py" line="82" />
      <source>3 同意</source>
      <translation>3 Consent</translation>
    </message>
    <message>
      <location filename="../texts.py" line="82" />
      <source>4 完了</source>
      <translation>4 Done</translation>
    </message>
    <message>
      <location filename="../texts.py" line="87" />
      <source>接続中…</source>
      <translation>Connecting…</translation>
    </message>
    <message>
      <location filename="../texts.py" line="88" />
      <source>接続済み</source>
      <translation>Connected</translation>
    </message>
    <message>
      <location filename="../texts.py" line="89" />
      <source>オフライン</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../texts.py" line="90" />
      <source>接続拒否（ペアリングを確認）</source>
      <translation>Refused (check the pairing)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="96" />
      <source>完了</source>
      <translation>Completed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="97" />
      <location filename="../texts.py" line="112" />
      <source>職員対応で完了</source>
      <translation>Completed by staff</translation>
    </message>
    <message>
      <location filename="../texts.py" line="98" />
      <source>代替手段で受付</source>
      <translation>Accepted on a fallback</translation>
    </message>
    <message>
      <location filename="../texts.py" line="99" />
      <source>中止</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <location filename="../texts.py" line="100" />
      <source>放置・時間切れ</source>
      <translation>Abandoned / timed out</translation>
    </message>
    <message>
      <location filename="../texts.py" line="101" />
      <source>カード抜き取り</source>
      <translation>Card pulled out</translation>
    </message>
    <message>
      <location filename="../texts.py" line="103" />
      <source>読み取り不可</source>
      <translation>Unreadable</translation>
    </message>
    <message>
      <location filename="../texts.py" line="105" />
      <source>本人確認できず</source>
      <translation>Identity not confirmed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="111" />
      <source>受付機で完了</source>
      <translation>Done at the kiosk</translation>
    </message>
    <message>
      <location filename="../texts.py" line="113" />
      <source>代替手段</source>
      <translation>Fallback</translation>
    </message>
    <message>
      <location filename="../texts.py" line="114" />
      <source>未完了</source>
      <translation>Not completed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="119" />
      <location filename="../texts.py" line="160" />
      <source>顔認証</source>
      <translation>Face</translation>
    </message>
    <message>
      <location filename="../texts.py" line="119" />
      <location filename="../texts.py" line="160" />
      <source>暗証番号</source>
      <translation>PIN</translation>
    </message>
    <message>
      <location filename="../texts.py" line="119" />
      <source>目視</source>
      <translation>Visual check</translation>
    </message>
    <message>
      <location filename="../texts.py" line="124" />
      <source>受付機の患者が替わりました。画面を確認してください。</source>
      <translation>The patient at the kiosk has changed. Check the screen.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="125" />
      <source>今の受付機の状態ではできません。</source>
      <translation>Not possible in the kiosk's current state.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="126" />
      <source>カードを使用中です。少し待ってください。</source>
      <translation>The card is in use. Wait a moment.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="127" />
      <source>カードの券面から照合番号Bを読めませんでした。カードを見て入力してください。</source>
      <translation>Verification number B could not be read from the card face. Type it from the card.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="128" />
      <source>カメラが使えないため、現在の映像はありません。患者さんを直接見てください。</source>
      <translation>No camera: there is no live picture. Look at the patient directly.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="129" />
      <source>カメラから映像が届きません。患者さんを直接見てください。</source>
      <translation>The camera sends no picture. Look at the patient directly.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="130" />
      <source>時間内に応答がありませんでした。</source>
      <translation>No answer in time.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="131" />
      <source>職員名またはパスワードが違います。</source>
      <translation>Wrong staff name or password.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="132" />
      <source>このアカウントはロックされています。管理者に解除を依頼してください。</source>
      <translation>This account is locked. Ask an administrator to unlock it.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="133" />
      <source>この操作の権限がありません。</source>
      <translation>You are not permitted to do this.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="134" />
      <source>サインインの期限が切れました。もう一度サインインしてください。</source>
      <translation>Your sign-in has expired. Sign in again.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="135" />
      <source>ペアリングの合言葉が違います。</source>
      <translation>Wrong pairing secret.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="136" />
      <source>受付機の証明書がペアリング時と違います。IT担当者に連絡してください。</source>
      <translation>The kiosk's certificate differs from the one paired. Contact IT.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="137" />
      <source>受付機との接続が切れました。</source>
      <translation>Lost the connection to the kiosk.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="138" />
      <source>受付機から応答がありません。</source>
      <translation>The kiosk does not answer.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="139" />
      <source>サインインしてください。</source>
      <translation>Please sign in.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="140" />
      <source>入力内容を確認してください。</source>
      <translation>Check what you entered.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="141" />
      <source>申立書が必要です。</source>
      <translation>A declaration form is needed.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="142" />
      <source>不詳扱いにはカナ氏名と連絡先が必要です。</source>
      <translation>An unknown-insurer claim needs the kana name and a contact.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="143" />
      <source>資格確認端末が応答しません。</source>
      <translation>The qualification terminal does not answer.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="144" />
      <source>資格確認に失敗しました。</source>
      <translation>The qualification check failed.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="145" />
      <source>照合番号Bが違います。</source>
      <translation>Wrong verification number B.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="146" />
      <source>ほかの職員がすでに対応済みにしています。</source>
      <translation>Another member of staff has already handled this.</translation>
    </message>
    <message>
      <location filename="../texts.py" line="147" />
      <source>エラー: %1</source>
      <translation>Error: %1</translation>
    </message>
    <message>
      <location filename="../texts.py" line="151" />
      <source>有効</source>
      <translation>Valid</translation>
    </message>
    <message>
      <location filename="../texts.py" line="151" />
      <source>無効（新しい資格あり）</source>
      <translation>Invalid (newer qualification exists)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="152" />
      <source>複数該当</source>
      <translation>Several records</translation>
    </message>
    <message>
      <location filename="../texts.py" line="157" />
      <source>●（外字）</source>
      <translation>● (missing character)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="157" />
      <source>リーダー障害</source>
      <translation>Reader failure</translation>
    </message>
    <message>
      <location filename="../texts.py" line="158" />
      <source>記録との相違</source>
      <translation>Differs from records</translation>
    </message>
    <message>
      <location filename="../texts.py" line="158" />
      <source>限度額</source>
      <translation>Limit class</translation>
    </message>
    <message>
      <location filename="../texts.py" line="159" />
      <source>他人の情報</source>
      <translation>Another person's data</translation>
    </message>
    <message>
      <location filename="../texts.py" line="159" />
      <source>公費・医療証</source>
      <translation>Public subsidy</translation>
    </message>
    <message>
      <location filename="../texts.py" line="159" />
      <source>端末・回線</source>
      <translation>Terminal / network</translation>
    </message>
    <message>
      <location filename="../texts.py" line="160" />
      <source>対象外カード</source>
      <translation>Not a My Number card</translation>
    </message>
    <message>
      <location filename="../texts.py" line="161" />
      <source>職員対応</source>
      <translation>Staff help</translation>
    </message>
    <message>
      <location filename="../texts.py" line="166" />
      <source>男</source>
      <translation>Male</translation>
    </message>
    <message>
      <location filename="../texts.py" line="166" />
      <source>女</source>
      <translation>Female</translation>
    </message>
    <message>
      <location filename="../texts.py" line="171" />
      <source>現在の資格</source>
      <translation>the current qualification</translation>
    </message>
    <message>
      <location filename="../texts.py" line="171" />
      <source>旧資格情報</source>
      <translation>the old qualification (旧資格情報)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="172" />
      <source>不詳（申立書）</source>
      <translation>“unknown” (不詳, declaration form)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="186" />
      <source>資格（無効）：請求した保険者 %1 の資格は無効でした</source>
      <translation>Qualification invalid: the qualification with insurer %1, as billed, is invalid</translation>
    </message>
    <message>
      <location filename="../texts.py" line="187" />
      <source>該当資格なし：保険者 %1 に該当する資格がありませんでした</source>
      <translation>No qualification: insurer %1 has no matching qualification</translation>
    </message>
    <message>
      <location filename="../texts.py" line="188" />
      <source>資格が複数（%2件）見つかりました：正しい資格を確かめてください</source>
      <translation>Several qualifications (%2) found: confirm the right one</translation>
    </message>
    <message>
      <location filename="../texts.py" line="189" />
      <source>保険者番号：請求 %1 → 再確認 %2</source>
      <translation>Insurer number: billed %1 → re-check %2</translation>
    </message>
    <message>
      <location filename="../texts.py" line="190" />
      <source>記号・番号：請求 %1 → 再確認 %2</source>
      <translation>Symbol and number: billed %1 → re-check %2</translation>
    </message>
    <message>
      <location filename="../texts.py" line="191" />
      <source>負担割合：窓口 %1 → 再確認 %2（差額の精算が必要）</source>
      <translation>Burden ratio: charged %1 → re-check %2 (settle the difference)</translation>
    </message>
    <message>
      <location filename="../texts.py" line="192" />
      <source>限度額区分：請求 %1 → 再確認 %2</source>
      <translation>Limit class: billed %1 → re-check %2</translation>
    </message>
    <message>
      <location filename="../texts.py" line="193" />
      <source>資格を確認できました：摘要欄の「旧資格情報」「不詳」は不要です</source>
      <translation>Qualification confirmed: the remark “旧資格情報” / “不詳” is no longer needed</translation>
    </message>
    <message>
      <location filename="../texts.py" line="184" />
      <location filename="../texts.py" line="184" />
      <source>なし</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../window.py" line="275" />
      <source>受付機 職員コンソール</source>
      <translation>Kiosk staff console</translation>
    </message>
    <message>
      <location filename="../window.py" line="302" />
      <source>受付機</source>
      <translation>Kiosks</translation>
    </message>
    <message>
      <location filename="../window.py" line="303" />
      <source>本日の受付</source>
      <translation>Today's receptions</translation>
    </message>
    <message>
      <location filename="../window.py" line="304" />
      <source>トラブル集計</source>
      <translation>Trouble report</translation>
    </message>
    <message>
      <location filename="../window.py" line="132" />
      <source>負担割合の変更を確認した</source>
      <translation>Co-payment change checked</translation>
    </message>
    <message>
      <location filename="../window.py" line="133" />
      <source>公費・子ども医療証を確認した</source>
      <translation>Public subsidy / child medical certificate seen</translation>
    </message>
    <message>
      <location filename="../window.py" line="134" />
      <source>資格情報のお知らせ／資格確認書の説明</source>
      <translation>Notice vs. certificate (help)</translation>
    </message>
    <message>
      <location filename="../window.py" line="135" />
      <source>患者の画面に戻す</source>
      <translation>Back to the patient's screen</translation>
    </message>
    <message>
      <location filename="../window.py" line="136" />
      <source>受付を終了する</source>
      <translation>End the reception</translation>
    </message>
    <message>
      <location filename="../window.py" line="176" />
      <source>受付機を選んでください</source>
      <translation>Choose a kiosk</translation>
    </message>
    <message>
      <location filename="../window.py" line="206" />
      <source>患者はいません</source>
      <translation>No patient</translation>
    </message>
    <message>
      <location filename="../window.py" line="282" />
      <source>職員コンソール</source>
      <translation>Staff console</translation>
    </message>
    <message>
      <location filename="../window.py" line="316" />
      <source>サインインしていません</source>
      <translation>Not signed in</translation>
    </message>
    <message>
      <location filename="../window.py" line="75" />
      <location filename="../window.py" line="189" />
      <source>サインインしてください</source>
      <translation>Please sign in</translation>
    </message>
    <message>
      <location filename="../window.py" line="257" />
      <source>負担割合の変更を確認済みにしました。</source>
      <translation>Co-payment change marked as checked.</translation>
    </message>
    <message>
      <location filename="../window.py" line="258" />
      <source>公費・子ども医療証を確認済みにしました。</source>
      <translation>Public subsidy certificate marked as seen.</translation>
    </message>
    <message>
      <location filename="../window.py" line="259" />
      <source>患者の画面に戻しました。</source>
      <translation>Returned to the patient's screen.</translation>
    </message>
    <message>
      <location filename="../window.py" line="260" />
      <source>受付を終了しました。カードの取り出しを案内してください。</source>
      <translation>Reception ended. Help the patient take the card.</translation>
    </message>
    <message>
      <location filename="../window.py" line="198" />
      <source>患者: %1</source>
      <translation>Patient: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="200" />
      <source>暗証番号 残り%1回</source>
      <translation>PIN: %1 tries left</translation>
    </message>
    <message>
      <location filename="../window.py" line="202" />
      <source>顔認証の失敗 %1回</source>
      <translation>Face failed %1 times</translation>
    </message>
    <message>
      <location filename="../window.py" line="205" />
      <source>対応中: %1</source>
      <translation>Handled by: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="316" />
      <source>サインイン中: %1</source>
      <translation>Signed in: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="85" />
      <source>中断した受付 %1件</source>
      <translation>Interrupted receptions: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="87" />
      <source>再確認の結果 %1件</source>
      <translation>Re-check results: %1</translation>
    </message>
    <message>
      <location filename="../window.py" line="194" />
      <source>状態: %1　（%2）</source>
      <translation>State: %1  (%2)</translation>
    </message>
  </context>
</TS>
