<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="ja_JP">
    <context>
        <name>Chrome</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Panggil petugas</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>Dengar lagi</translation>
        </message>
        <message>
            <source>音声案内</source>
            <translation>Panduan suara</translation>
        </message>
        <message>
            <source>文字を大きく</source>
            <translation>Perbesar teks</translation>
        </message>
        <message>
            <source>ゆっくり操作</source>
            <translation>Tambah waktu</translation>
        </message>
        <message>
            <source>オン</source>
            <translation>Aktif</translation>
        </message>
        <message>
            <source>オフ</source>
            <translation>Nonaktif</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>職員に知らせました。そのままお待ちください。</source>
            <translation>Petugas sudah diberi tahu. Mohon tunggu di sini.</translation>
        </message>
    </context>
    <context>
        <name>Declaration</name>
        <message>
            <source>会社の保険</source>
            <translation>Asuransi perusahaan</translation>
        </message>
        <message>
            <source>国民健康保険</source>
            <translation>Asuransi Kesehatan Nasional</translation>
        </message>
        <message>
            <source>後期高齢者医療</source>
            <translation>Lansia 75 tahun ke atas</translation>
        </message>
        <message>
            <source>わからない</source>
            <translation>Tidak tahu</translation>
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
            <translation>Laki-laki</translation>
        </message>
        <message>
            <source>女性</source>
            <translation>Perempuan</translation>
        </message>
        <message>
            <source>記載なし</source>
            <translation>Tidak tercantum</translation>
        </message>
        <message>
            <source>{year}年{month}月{day}日</source>
            <translation>{day:02d}/{month:02d}/{year}</translation>
        </message>
        <message>
            <source>お名前のフリガナを入力してください</source>
            <translation>Silakan ketik nama Anda dalam katakana</translation>
        </message>
        <message>
            <source>カタカナで入力します。姓と名のあいだは「空白」です。</source>
            <translation>Ketik dalam katakana. Pakai “Spasi” di antara nama keluarga dan nama depan.</translation>
        </message>
        <message>
            <source>お名前のフリガナ</source>
            <translation>Nama Anda dalam katakana</translation>
        </message>
        <message>
            <source>わからないときは「わからない」を押してください。職員がお手伝いします。</source>
            <translation>Jika tidak tahu, tekan “Tidak tahu”. Petugas akan membantu Anda.</translation>
        </message>
        <message>
            <source>保険者の名前を入力してください</source>
            <translation>Silakan ketik nama penyelenggara asuransi</translation>
        </message>
        <message>
            <source>保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。</source>
            <translation>Nama yang tertulis di “保⁠険⁠者⁠名⁠称” pada kartu asuransi (保⁠険⁠証) atau surat keterangan kepesertaan (資⁠格⁠確⁠認⁠書). Ketik dalam katakana.</translation>
        </message>
        <message>
            <source>保険者の名前</source>
            <translation>Penyelenggara asuransi</translation>
        </message>
        <message>
            <source>お勤め先の名前を入力してください</source>
            <translation>Silakan ketik nama tempat kerja Anda</translation>
        </message>
        <message>
            <source>ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。</source>
            <translation>Jika Anda ikut asuransi keluarga, isi tempat kerja anggota keluarga itu. Ketik dalam katakana.</translation>
        </message>
        <message>
            <source>お勤め先の名前</source>
            <translation>Nama tempat kerja</translation>
        </message>
        <message>
            <source>フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。</source>
            <translation>Karena tidak ada nama katakana, petugas mungkin akan bertanya. Jika muncul “Petugas sudah dipanggil”, mohon tunggu di sini.</translation>
        </message>
        <message>
            <source>申立書の記入：カードの内容をご確認ください</source>
            <translation>Surat pernyataan (申⁠立⁠書): periksa data kartu Anda</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>生年月日</source>
            <translation>Tanggal lahir</translation>
        </message>
        <message>
            <source>性別</source>
            <translation>Jenis kelamin</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>ちがうところがあれば、職員をお呼びください。</source>
            <translation>Jika ada yang salah, silakan panggil petugas.</translation>
        </message>
        <message>
            <source>まちがいありません</source>
            <translation>Sudah benar</translation>
        </message>
        <message>
            <source>入力する</source>
            <translation>Ketik</translation>
        </message>
        <message>
            <source>連絡先の電話番号を入力してください</source>
            <translation>Silakan ketik nomor telepon Anda</translation>
        </message>
        <message>
            <source>携帯電話でも、ご自宅の電話でもかまいません。</source>
            <translation>Boleh nomor HP atau telepon rumah.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Lanjut</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>加入している保険の種類を選んでください</source>
            <translation>Pilih jenis asuransi kesehatan Anda</translation>
        </message>
        <message>
            <source>窓口で支払う割合（負担割合）を選んでください</source>
            <translation>Pilih persentase biaya yang Anda bayar di loket</translation>
        </message>
        <message>
            <source>この内容で受付します</source>
            <translation>Daftar dengan jawaban ini</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Nama katakana</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Telepon</translation>
        </message>
        <message>
            <source>保険の種類</source>
            <translation>Jenis asuransi</translation>
        </message>
        <message>
            <source>負担割合</source>
            <translation>Porsi bayar</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>Petugas akan memeriksa asuransi Anda nanti.</translation>
        </message>
        <message>
            <source>保険者</source>
            <translation>Penyelenggara</translation>
        </message>
        <message>
            <source>お勤め先</source>
            <translation>Tempat kerja</translation>
        </message>
        <message>
            <source>受け付けています…</source>
            <translation>Sedang mendaftarkan…</translation>
        </message>
        <message>
            <source>受付する</source>
            <translation>Daftar</translation>
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
            <translation>Skenario pelatihan</translation>
        </message>
        <message>
            <source>カードを置く</source>
            <translation>Letakkan kartu</translation>
        </message>
        <message>
            <source>カードを取る</source>
            <translation>Ambil kartu</translation>
        </message>
        <message>
            <source>リーダーを外す</source>
            <translation>Cabut pembaca</translation>
        </message>
        <message>
            <source>リーダーを戻す</source>
            <translation>Pasang lagi pembaca</translation>
        </message>
        <message>
            <source>職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）</source>
            <translation>Menu petugas: tekan tanda di kiri atas selama 3 detik ({name}, PIN {pin})</translation>
        </message>
    </context>
    <context>
        <name>Face</name>
        <message>
            <source>お顔が見つかりません。カメラの正面に立ってください。</source>
            <translation>Wajah Anda tidak terlihat. Silakan berdiri di depan kamera.</translation>
        </message>
        <message>
            <source>何人か映っています。おひとりで映ってください。</source>
            <translation>Ada lebih dari satu orang. Mohon hanya satu orang.</translation>
        </message>
        <message>
            <source>もう少しカメラに近づいてください。</source>
            <translation>Mohon mendekat sedikit ke kamera.</translation>
        </message>
        <message>
            <source>少しカメラから離れてください。</source>
            <translation>Mohon mundur sedikit dari kamera.</translation>
        </message>
        <message>
            <source>お顔を枠のまん中に合わせてください。</source>
            <translation>Posisikan wajah di tengah bingkai.</translation>
        </message>
        <message>
            <source>お顔が暗く映っています。帽子をとり、顔を上げてください。</source>
            <translation>Wajah Anda tampak gelap. Lepaskan topi dan angkat wajah Anda.</translation>
        </message>
        <message>
            <source>マスクを外してください。</source>
            <translation>Mohon lepaskan masker.</translation>
        </message>
        <message>
            <source>そのまま動かないでください。</source>
            <translation>Mohon jangan bergerak.</translation>
        </message>
        <message>
            <source>ゆっくり、まばたきをしてください。</source>
            <translation>Silakan berkedip perlahan.</translation>
        </message>
        <message>
            <source>すわったままでだいじょうぶです。カメラを見てください。</source>
            <translation>Boleh tetap duduk. Silakan lihat ke kamera.</translation>
        </message>
        <message>
            <source>あごを少し引いて、カメラを見てください。</source>
            <translation>Turunkan dagu sedikit dan lihat ke kamera.</translation>
        </message>
        <message>
            <source>お子さまのお顔が見つかりません。カメラに向けてください。</source>
            <translation>Wajah anak tidak terlihat. Hadapkan anak ke kamera.</translation>
        </message>
        <message>
            <source>お子さまを、もう少しカメラに近づけてください。</source>
            <translation>Dekatkan anak sedikit ke kamera.</translation>
        </message>
        <message>
            <source>お子さまを、少しカメラから離してください。</source>
            <translation>Jauhkan anak sedikit dari kamera.</translation>
        </message>
        <message>
            <source>お子さまのお顔が枠のまん中に入るようにしてください。</source>
            <translation>Posisikan wajah anak di tengah bingkai.</translation>
        </message>
        <message>
            <source>お子さまのお顔が暗く映っています。帽子をとってください。</source>
            <translation>Wajah anak tampak gelap. Lepaskan topinya.</translation>
        </message>
        <message>
            <source>お子さまのマスクを外してください。</source>
            <translation>Lepaskan masker anak.</translation>
        </message>
        <message>
            <source>お子さまを、そのまま動かさないでください。</source>
            <translation>Tahan anak agar tidak bergerak.</translation>
        </message>
        <message>
            <source>お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。</source>
            <translation>Anak boleh tetap duduk. Posisikan wajahnya di dalam bingkai.</translation>
        </message>
        <message>
            <source>お子さまのあごを少し引いて、お顔が枠に入るようにしてください。</source>
            <translation>Turunkan sedikit dagu anak dan posisikan wajahnya di dalam bingkai.</translation>
        </message>
    </context>
    <context>
        <name>KanaKeyboard</name>
        <message>
            <source>小</source>
            <translation>Kecil</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>Spasi</translation>
        </message>
        <message>
            <source>消す</source>
            <translation>Hapus</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>数字（暗証番号・電話番号）</source>
            <translation>Angka (PIN, nomor telepon)</translation>
        </message>
        <message>
            <source>決定・確定</source>
            <translation>Konfirmasi</translation>
        </message>
        <message>
            <source>次のボタンへ</source>
            <translation>Tombol berikutnya</translation>
        </message>
        <message>
            <source>前のボタンへ</source>
            <translation>Tombol sebelumnya</translation>
        </message>
        <message>
            <source>もう一度聞く</source>
            <translation>Dengar lagi</translation>
        </message>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Panggil petugas</translation>
        </message>
        <message>
            <source>1けた消す</source>
            <translation>Hapus satu angka</translation>
        </message>
    </context>
    <context>
        <name>LanguageChooser</name>
        <message>
            <source>ことばを選んでください</source>
            <translation>Pilih bahasa</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Tutup</translation>
        </message>
    </context>
    <context>
        <name>Overlay</name>
        <message>
            <source>操作を続けますか？</source>
            <translation>Lanjutkan?</translation>
        </message>
        <message>
            <source>続ける</source>
            <translation>Lanjutkan</translation>
        </message>
        <message>
            <source>あと{n}秒で終了します。</source>
            <translation>Akan berakhir dalam {n} detik.</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>職員を呼ぶ</source>
            <translation>Panggil petugas</translation>
        </message>
        <message>
            <source>申立書を記入する</source>
            <translation>Isi surat pernyataan (申⁠立⁠書)</translation>
        </message>
        <message>
            <source>時間がかかっています。このままお待ちいただくか、職員を呼んでください。</source>
            <translation>Ini memerlukan waktu. Silakan tunggu, atau panggil petugas.</translation>
        </message>
        <message>
            <source>待たずに進む</source>
            <translation>Lanjut tanpa menunggu</translation>
        </message>
        <message>
            <source>マイナンバーカードを置いてください</source>
            <translation>Silakan letakkan kartu My Number Anda</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして置いてください。</source>
            <translation>Letakkan dengan sisi foto menghadap ke atas.</translation>
        </message>
        <message>
            <source>ケースやビニールから出してください。</source>
            <translation>Keluarkan dari casing atau plastik.</translation>
        </message>
        <message>
            <source>診察券ではなく、マイナンバーカードです。</source>
            <translation>Gunakan kartu My Number, bukan kartu klinik.</translation>
        </message>
        <message>
            <source>カードを読み取っています</source>
            <translation>Sedang membaca kartu Anda</translation>
        </message>
        <message>
            <source>カードを動かさずに、お待ちください。</source>
            <translation>Jangan geser kartu. Mohon tunggu.</translation>
        </message>
        <message>
            <source>このカードはマイナンバーカードではありません</source>
            <translation>Kartu ini bukan kartu My Number</translation>
        </message>
        <message>
            <source>診察券やほかのカードは使えません。</source>
            <translation>Kartu klinik dan kartu lain tidak bisa dipakai.</translation>
        </message>
        <message>
            <source>カードを取り出して、マイナンバーカードを置いてください。</source>
            <translation>Ambil kartu ini, lalu letakkan kartu My Number Anda.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお持ちでない方は、受付にお声がけください。</source>
            <translation>Jika tidak punya kartu My Number, silakan bicara dengan resepsionis.</translation>
        </message>
        <message>
            <source>カードを読み取れませんでした</source>
            <translation>Kartu Anda tidak dapat dibaca</translation>
        </message>
        <message>
            <source>カードを取り出して、もう一度置いてください。</source>
            <translation>Ambil kartu, lalu letakkan lagi.</translation>
        </message>
        <message>
            <source>顔写真のある面を上にして、ケースから出して置いてください。</source>
            <translation>Keluarkan dari casing dan letakkan dengan foto di atas.</translation>
        </message>
        <message>
            <source>何度やっても読めないときは、職員がお手伝いします。</source>
            <translation>Jika tetap tidak terbaca, petugas akan membantu Anda.</translation>
        </message>
        <message>
            <source>カードが取り出されました</source>
            <translation>Kartu sudah diambil</translation>
        </message>
        <message>
            <source>確認は終わっていません。</source>
            <translation>Pemeriksaan belum selesai.</translation>
        </message>
        <message>
            <source>はじめからやり直すときは、もう一度カードを置いてください。</source>
            <translation>Untuk mulai lagi, letakkan kartu sekali lagi.</translation>
        </message>
        <message>
            <source>カードリーダーが使えません</source>
            <translation>Pembaca kartu tidak berfungsi</translation>
        </message>
        <message>
            <source>いま、自動で直しています。しばらくお待ちください。</source>
            <translation>Sedang diperbaiki otomatis. Mohon tunggu sebentar.</translation>
        </message>
        <message>
            <source>お急ぎの方は、受付にお声がけください。</source>
            <translation>Jika terburu-buru, silakan bicara dengan resepsionis.</translation>
        </message>
        <message>
            <source>カードの電子証明書の有効期限が切れています</source>
            <translation>Sertifikat elektronik sudah kedaluwarsa</translation>
        </message>
        <message>
            <source>このカードでは、保険の確認ができません。</source>
            <translation>Asuransi tidak dapat diperiksa dengan kartu ini.</translation>
        </message>
        <message>
            <source>電子証明書は、お住まいの市区町村の窓口で更新できます。</source>
            <translation>Sertifikat dapat diperbarui di kantor kota tempat tinggal Anda.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。</source>
            <translation>Punya surat keterangan kepesertaan (資⁠格⁠確⁠認⁠書) atau kartu asuransi (保⁠険⁠証)? Tunjukkan ke resepsionis. Petugas akan membantu.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています</source>
            <translation>Sertifikat elektronik segera kedaluwarsa</translation>
        </message>
        <message>
            <source>期限が切れる前に、お住まいの市区町村の窓口で更新してください。</source>
            <translation>Perbarui di kantor kota tempat tinggal Anda sebelum kedaluwarsa.</translation>
        </message>
        <message>
            <source>次へ</source>
            <translation>Lanjut</translation>
        </message>
        <message>
            <source>有効期限：{year}年{month}月{day}日</source>
            <translation>Berlaku sampai: {day:02d}/{month:02d}/{year}</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>ここから先は、職員がご案内します</source>
            <translation>Selanjutnya, petugas akan memandu Anda</translation>
        </message>
        <message>
            <source>もう少し確認が必要です。</source>
            <translation>Perlu sedikit pemeriksaan lagi.</translation>
        </message>
        <message>
            <source>カードは置いたまま、職員をお呼びください。</source>
            <translation>Biarkan kartu di tempatnya dan panggil petugas.</translation>
        </message>
        <message>
            <source>保険の資格が確認できませんでした</source>
            <translation>Asuransi Anda tidak dapat dikonfirmasi</translation>
        </message>
        <message>
            <source>保険が変わったとき、保険者の登録がまだ終わっていないことがあります。</source>
            <translation>Jika asuransi Anda baru berganti, mungkin belum terdaftar.</translation>
        </message>
        <message>
            <source>職員がお手伝いします。</source>
            <translation>Petugas akan membantu Anda.</translation>
        </message>
        <message>
            <source>資格確認書や保険証をお持ちの方は、受付でお見せください。</source>
            <translation>Punya surat keterangan kepesertaan (資⁠格⁠確⁠認⁠書) atau kartu asuransi (保⁠険⁠証)? Tunjukkan ke resepsionis.</translation>
        </message>
        <message>
            <source>保険の資格の情報が見つかりませんでした</source>
            <translation>Data asuransi Anda tidak ditemukan</translation>
        </message>
        <message>
            <source>保険者の登録がまだ終わっていないことがあります。</source>
            <translation>Mungkin belum didaftarkan oleh penyelenggara asuransi.</translation>
        </message>
        <message>
            <source>保険の情報が複数見つかりました</source>
            <translation>Ditemukan lebih dari satu asuransi</translation>
        </message>
        <message>
            <source>どの保険を使うか、職員が確認します。</source>
            <translation>Petugas akan memeriksa asuransi mana yang dipakai.</translation>
        </message>
        <message>
            <source>ただいま、オンラインで資格を確認できません</source>
            <translation>Saat ini asuransi tidak dapat diperiksa online</translation>
        </message>
        <message>
            <source>職員が別の方法で確認します。</source>
            <translation>Petugas akan memeriksa dengan cara lain.</translation>
        </message>
        <message>
            <source>いつもどおり受付できますので、ご安心ください。</source>
            <translation>Anda tetap bisa mendaftar seperti biasa. Jangan khawatir.</translation>
        </message>
        <message>
            <source>過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。</source>
            <translation>Setujukah Anda memberi data pengobatan, obat, dan cek kesehatan sebelumnya ke klinik ini?</translation>
        </message>
        <message>
            <source>同意すると、医師がこれまでの情報を見て、診療に役立てます。</source>
            <translation>Jika setuju, dokter dapat melihat data ini untuk membantu pengobatan Anda.</translation>
        </message>
        <message>
            <source>限度額情報：提供する</source>
            <translation>Batas biaya (限⁠度⁠額): diberikan</translation>
        </message>
        <message>
            <source>限度額情報：提供しない</source>
            <translation>Batas biaya (限⁠度⁠額): tidak diberikan</translation>
        </message>
        <message>
            <source>同意する</source>
            <translation>Setuju</translation>
        </message>
        <message>
            <source>同意しない</source>
            <translation>Tidak setuju</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら</source>
            <translation>Untuk bantuan biaya pengobatan tinggi</translation>
        </message>
        <message>
            <source>限度額情報を当機関に提供しますか。</source>
            <translation>Berikan informasi batas biaya (限⁠度⁠額) Anda kepada klinik ini?</translation>
        </message>
        <message>
            <source>提供すると、窓口でのお支払いが自己負担限度額までになります。</source>
            <translation>Jika diberikan, pembayaran di loket tidak melebihi batas biaya Anda.</translation>
        </message>
        <message>
            <source>限度額適用認定証は不要です。</source>
            <translation>Sertifikat batas biaya (限⁠度⁠額⁠適⁠用⁠認⁠定⁠証) tidak diperlukan.</translation>
        </message>
        <message>
            <source>提供する</source>
            <translation>Berikan</translation>
        </message>
        <message>
            <source>提供しない</source>
            <translation>Jangan berikan</translation>
        </message>
        <message>
            <source>{name}様 受付しました。</source>
            <translation>{name}, pendaftaran Anda selesai.</translation>
        </message>
        <message>
            <source>受付しました。</source>
            <translation>Pendaftaran selesai.</translation>
        </message>
        <message>
            <source>{name}様 確認が完了しました。</source>
            <translation>{name}, pemeriksaan sudah selesai.</translation>
        </message>
        <message>
            <source>確認が完了しました。</source>
            <translation>Pemeriksaan selesai.</translation>
        </message>
        <message>
            <source>保険の資格は、あとで職員が確認します。</source>
            <translation>Petugas akan memeriksa asuransi Anda nanti.</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出し、待合室でお待ちください。</source>
            <translation>Ambil kartu My Number Anda dan tunggu di ruang tunggu.</translation>
        </message>
        <message>
            <source>電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。</source>
            <translation>Sertifikat elektronik kartu Anda segera kedaluwarsa. Perbarui di kantor kota.</translation>
        </message>
        <message>
            <source>職員を呼びました</source>
            <translation>Petugas sudah dipanggil</translation>
        </message>
        <message>
            <source>そのままお待ちください。</source>
            <translation>Mohon tunggu di sini.</translation>
        </message>
        <message>
            <source>カードは置いたままにしてください。</source>
            <translation>Biarkan kartu tetap di tempatnya.</translation>
        </message>
        <message>
            <source>もどる</source>
            <translation>Balik</translation>
        </message>
        <message>
            <source>終了しました</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>マイナンバーカードを取り出してください。</source>
            <translation>Silakan ambil kartu My Number Anda.</translation>
        </message>
        <message>
            <source>マイナンバーカードをお取りください</source>
            <translation>Ambil kartu My Number Anda</translation>
        </message>
        <message>
            <source>カードがカードリーダーに残っています。</source>
            <translation>Kartu Anda masih ada di pembaca kartu.</translation>
        </message>
        <message>
            <source>本人確認の方法を選んでください</source>
            <translation>Pilih cara verifikasi identitas Anda</translation>
        </message>
        <message>
            <source>顔認証</source>
            <translation>Wajah</translation>
        </message>
        <message>
            <source>暗証番号</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>カメラにお顔を映します</source>
            <translation>Tunjukkan wajah ke kamera</translation>
        </message>
        <message>
            <source>数字4桁を入力します</source>
            <translation>Ketik 4 angka</translation>
        </message>
        <message>
            <source>本人確認の情報は、他の目的には使用しません。</source>
            <translation>Data verifikasi identitas tidak dipakai untuk tujuan lain.</translation>
        </message>
        <message>
            <source>大人の方が一緒に写っても大丈夫です。</source>
            <translation>Tidak apa-apa jika orang dewasa ikut terlihat.</translation>
        </message>
        <message>
            <source>顔を枠内に入れてください</source>
            <translation>Posisikan wajah di dalam bingkai</translation>
        </message>
        <message>
            <source>カメラを見て、そのままお待ちください。</source>
            <translation>Lihat ke kamera dan tunggu.</translation>
        </message>
        <message>
            <source>暗証番号にする</source>
            <translation>Pakai PIN</translation>
        </message>
        <message>
            <source>あと{n}回ためせます。</source>
            <translation>Sisa percobaan: {n}</translation>
        </message>
        <message>
            <source>お子さまの顔を枠内に入れてください</source>
            <translation>Posisikan wajah anak di dalam bingkai</translation>
        </message>
        <message>
            <source>おとなの受付</source>
            <translation>Pendaftaran dewasa</translation>
        </message>
        <message>
            <source>お子さまの受付</source>
            <translation>Pendaftaran anak</translation>
        </message>
        <message>
            <source>顔認証ができませんでした</source>
            <translation>Verifikasi wajah gagal</translation>
        </message>
        <message>
            <source>暗証番号で確認できます。わからないときは、職員がお手伝いします。</source>
            <translation>Anda bisa memakai PIN. Jika tidak tahu, petugas akan membantu.</translation>
        </message>
        <message>
            <source>暗証番号で確認</source>
            <translation>Pakai PIN</translation>
        </message>
        <message>
            <source>暗証番号（数字4桁）を入力してください</source>
            <translation>Ketik PIN Anda (4 angka)</translation>
        </message>
        <message>
            <source>暗証番号がちがいます。</source>
            <translation>PIN salah.</translation>
        </message>
        <message>
            <source>確認しています…</source>
            <translation>Sedang memeriksa…</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>入力できる回数：あと{n}回</source>
            <translation>Sisa percobaan: {n}</translation>
        </message>
        <message>
            <source>注意：あと{n}回まちがえると、カードがロックされます。</source>
            <translation>Perhatian: salah {n} kali lagi, kartu akan terkunci.</translation>
        </message>
        <message>
            <source>暗証番号は、あと1回まちがえるとロックされます</source>
            <translation>Salah 1 kali lagi, PIN akan terkunci</translation>
        </message>
        <message>
            <source>ロックされると、市区町村の窓口で解除が必要になります。</source>
            <translation>Jika terkunci, harus dibuka di kantor kota.</translation>
        </message>
        <message>
            <source>顔認証で確認するか、職員をお呼びください。</source>
            <translation>Pakai verifikasi wajah, atau panggil petugas.</translation>
        </message>
        <message>
            <source>顔認証で確認</source>
            <translation>Pakai verifikasi wajah</translation>
        </message>
        <message>
            <source>暗証番号がロックされています</source>
            <translation>PIN Anda terkunci</translation>
        </message>
        <message>
            <source>ロックの解除は、お住まいの市区町村の窓口でできます。</source>
            <translation>Kunci dapat dibuka di kantor kota tempat tinggal Anda.</translation>
        </message>
        <message>
            <source>今日は、顔認証で確認できます。</source>
            <translation>Hari ini Anda bisa memakai verifikasi wajah.</translation>
        </message>
        <message>
            <source>保険の資格を確認しています</source>
            <translation>Sedang memeriksa asuransi Anda</translation>
        </message>
        <message>
            <source>カードは置いたまま、お待ちください。</source>
            <translation>Biarkan kartu di tempatnya dan tunggu.</translation>
        </message>
    </context>
    <context>
        <name>Speech</name>
        <message>
            <source>プラスとマイナスのキーで選び、「確定」のキーで決めます。</source>
            <translation>Pilih dengan tombol plus dan minus, lalu tekan tombol Enter.</translation>
        </message>
        <message>
            <source>職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。</source>
            <translation>Untuk memanggil petugas, tekan tombol Panggil petugas.</translation>
        </message>
        <message>
            <source>職員を呼ぶ。職員がこちらに来ます。</source>
            <translation>Panggil petugas. Petugas akan datang ke sini.</translation>
        </message>
        <message>
            <source>申立書を記入する。保険の情報を、画面で入力します。</source>
            <translation>Isi surat pernyataan. Anda mengetik data asuransi di layar.</translation>
        </message>
        <message>
            <source>待たずに進む。申立書や前回の記録で受付します。</source>
            <translation>Lanjut tanpa menunggu. Pendaftaran dilanjutkan dengan formulir pernyataan atau catatan kunjungan terakhir.</translation>
        </message>
        <message>
            <source>「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。</source>
            <translation>Dengan memilih Isi surat pernyataan, Anda bisa mengetik sendiri data asuransi Anda.</translation>
        </message>
        <message>
            <source>終了。受付をやめて、はじめにもどります。</source>
            <translation>Selesai. Menghentikan pendaftaran dan kembali ke awal.</translation>
        </message>
        <message>
            <source>もう一度聞く。この画面の案内を、もう一度読み上げます。</source>
            <translation>Dengar lagi. Membacakan lagi panduan layar ini.</translation>
        </message>
        <message>
            <source>{what}。いまは{state}です。「確定」のキーで切り替えます。</source>
            <translation>{what}. Sekarang {state}. Tekan tombol Enter untuk mengubah.</translation>
        </message>
        <message>
            <source>言語を選ぶ。ほかの言語の画面にします。</source>
            <translation>Pilih bahasa. Menampilkan layar dalam bahasa lain.</translation>
        </message>
        <message>
            <source>お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。</source>
            <translation>Pendaftaran anak. Gendong anak agar kamera melihat wajahnya.</translation>
        </message>
        <message>
            <source>おとなの受付。ご自身のお顔を映します。</source>
            <translation>Pendaftaran dewasa. Kamera melihat wajah Anda sendiri.</translation>
        </message>
        <message>
            <source>{n}けた目を入力しました</source>
            <translation>Angka ke-{n} sudah dimasukkan</translation>
        </message>
        <message>
            <source>1けた消しました</source>
            <translation>Satu angka dihapus</translation>
        </message>
        <message>
            <source>4けた目を入力しました。「確定」のキーを押してください。</source>
            <translation>Angka ke-4 sudah dimasukkan. Tekan tombol Enter.</translation>
        </message>
        <message>
            <source>カードが読み取り機に残っています。カードをお取りください。</source>
            <translation>Kartu Anda masih ada di pembaca. Silakan ambil kartu Anda.</translation>
        </message>
        <message>
            <source>「もう一度聞く」のキーで、案内をもう一度聞けます。</source>
            <translation>Tekan tombol Dengar lagi untuk mendengar panduan lagi.</translation>
        </message>
        <message>
            <source>プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。</source>
            <translation>Dengan tombol plus dan minus, Anda bisa memilih teks besar, tambah waktu, atau bahasa lain.</translation>
        </message>
        <message>
            <source>次へ。本人確認に進みます。</source>
            <translation>Lanjut. Menuju verifikasi identitas.</translation>
        </message>
        <message>
            <source>受付を続けるときは、「確定」のキーを押してください。</source>
            <translation>Untuk melanjutkan pendaftaran, tekan tombol Enter.</translation>
        </message>
        <message>
            <source>顔認証。カメラにお顔を映して確認します。</source>
            <translation>Wajah. Kamera memeriksa wajah Anda.</translation>
        </message>
        <message>
            <source>暗証番号。数字4けたを、キーで入力して確認します。</source>
            <translation>PIN. Anda mengetik 4 angka dengan tombol.</translation>
        </message>
        <message>
            <source>顔認証か、暗証番号を選んでください。</source>
            <translation>Pilih wajah atau PIN.</translation>
        </message>
        <message>
            <source>暗証番号にする。顔認証をやめて、暗証番号で確認します。</source>
            <translation>Pakai PIN. Verifikasi wajah dihentikan dan PIN yang dipakai.</translation>
        </message>
        <message>
            <source>暗証番号で確認するときは、「暗証番号にする」を選んでください。</source>
            <translation>Untuk memakai PIN, pilih Pakai PIN.</translation>
        </message>
        <message>
            <source>暗証番号で確認。数字4けたを、キーで入力します。</source>
            <translation>Pakai PIN. Anda mengetik 4 angka dengan tombol.</translation>
        </message>
        <message>
            <source>確定。入力した暗証番号で確認します。</source>
            <translation>OK. Memeriksa PIN yang Anda ketik.</translation>
        </message>
        <message>
            <source>訂正。最後の1けたを消します。</source>
            <translation>Hapus. Menghapus angka terakhir.</translation>
        </message>
        <message>
            <source>キャンセル。受付をやめて、はじめにもどります。</source>
            <translation>Batal. Menghentikan pendaftaran dan kembali ke awal.</translation>
        </message>
        <message>
            <source>数字のキーで4けたを入力し、「確定」のキーを押してください。</source>
            <translation>Ketik 4 angka dengan tombol angka, lalu tekan tombol Enter.</translation>
        </message>
        <message>
            <source>入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。</source>
            <translation>Angka yang diketik tidak dibacakan. Jika salah, tekan tombol Hapus satu angka.</translation>
        </message>
        <message>
            <source>顔認証で確認。カメラにお顔を映します。</source>
            <translation>Pakai verifikasi wajah. Kamera memeriksa wajah Anda.</translation>
        </message>
        <message>
            <source>まちがいありません。次の質問に進みます。</source>
            <translation>Sudah benar. Lanjut ke pertanyaan berikutnya.</translation>
        </message>
        <message>
            <source>カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。</source>
            <translation>Nama, tanggal lahir, jenis kelamin, dan alamat dari kartu ada di layar. Data ini tidak dibacakan.</translation>
        </message>
        <message>
            <source>まちがいなければ、「確定」のキーを押してください。</source>
            <translation>Jika sudah benar, tekan tombol Enter.</translation>
        </message>
        <message>
            <source>同意する。</source>
            <translation>Setuju.</translation>
        </message>
        <message>
            <source>同意しない。同意しなくても、受付はできます。</source>
            <translation>Tidak setuju. Anda tetap bisa mendaftar walaupun tidak setuju.</translation>
        </message>
        <message>
            <source>高額療養費制度を利用する方はこちら。限度額情報についての質問です。</source>
            <translation>Untuk bantuan biaya pengobatan tinggi. Ini pertanyaan tentang batas biaya Anda.</translation>
        </message>
        <message>
            <source>同意する、か、同意しない、を選んでください。</source>
            <translation>Pilih Setuju atau Tidak setuju.</translation>
        </message>
        <message>
            <source>提供する、か、提供しない、を選んでください。</source>
            <translation>Pilih Berikan atau Jangan berikan.</translation>
        </message>
        <message>
            <source>もどる。職員を呼ぶ前の画面にもどります。</source>
            <translation>Balik. Kembali ke layar sebelum memanggil petugas.</translation>
        </message>
        <message>
            <source>「入力する」か「わからない」を選んでください。</source>
            <translation>Pilih Ketik atau Tidak tahu.</translation>
        </message>
        <message>
            <source>画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。</source>
            <translation>Ketik dengan tombol katakana di layar, lalu tekan Lanjut. Yang Anda ketik tidak dibacakan.</translation>
        </message>
        <message>
            <source>数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。</source>
            <translation>Ketik nomor dengan tombol angka, lalu tekan tombol Enter. Angka tidak dibacakan.</translation>
        </message>
        <message>
            <source>内容は画面に出ています。よければ「受付する」を選んでください。</source>
            <translation>Jawaban Anda ada di layar. Jika sudah benar, pilih Daftar.</translation>
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
            <translation>Kartu</translation>
        </message>
        <message>
            <source>本人確認</source>
            <translation>Identitas</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>Persetujuan</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>Selesai</translation>
        </message>
    </context>
</TS>
