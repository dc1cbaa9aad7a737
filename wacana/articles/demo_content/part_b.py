# ruff: noqa: E501
ARTICLES: list[dict[str, object]] = [
    {
        "author": "dewi.anggraini",
        "title": "Malam Ketika Genset Tidak Mau Menyala",
        "category": "cerpen",
        "tags": ["cerpen", "bidan", "puskesmas", "persalinan"],
        "image": True,
        "image_caption": "Lampu teras puskesmas kecamatan pada malam hujan.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 3,
        "body": """Hujan turun sejak magrib, dan sampai pukul sepuluh malam belum ada tanda-tanda mau reda. Dari jendela ruang jaga, Ratih bisa melihat halaman puskesmas berubah jadi kolam kecil. Air menggenang sampai ke tiang bendera, memantulkan cahaya lampu teras yang sesekali berkedip.

"Kalau lampunya kedip-kedip begitu, biasanya sebentar lagi padam," kata Bu Yati tanpa mengangkat kepala dari buku register. Bidan senior itu sudah dua puluh tiga tahun bertugas di Puskesmas Kedungsari, dan ia hafal tabiat listrik di kecamatan ini seperti hafal tabiat anak-anaknya sendiri.

Ratih tertawa kecil. "Jangan didoakan, Bu."

"Bukan didoakan. Diprediksi."

Malam itu hanya ada tiga pasien rawat inap: seorang kakek dengan diare yang sudah membaik, anak SD yang demamnya mulai turun, dan seorang ibu muda yang besok pagi boleh pulang. Pak Joko, sopir ambulans, tidur di kursi panjang dekat pintu depan dengan topi menutupi wajah. Suasananya tenang, nyaris membosankan, jenis malam yang diam-diam disukai semua perawat.

Pukul sepuluh lewat seperempat, terdengar suara motor menerobos hujan. Lalu suara orang berteriak, "Tolong! Bu Bidan!"

Ratih bergegas ke depan. Seorang laki-laki muda, jas hujannya robek di bahu, memapah perempuan yang perutnya besar sekali. Keduanya basah kuyup. Perempuan itu meringis, tangannya mencengkeram lengan suaminya kuat-kuat.

"Istri saya, Mbak. Sudah mules dari sore. Tadi kami mau ke rumah sakit kabupaten, tapi jembatan di Sidorejo tertutup air. Motor nggak bisa lewat."

Ratih membantu perempuan itu duduk di kursi roda. Namanya Sari, umurnya dua puluh dua, hamil anak pertama. Buku KIA-nya dibungkus plastik kresek, dan itu membuat Ratih sedikit lega. Setidaknya ada catatan pemeriksaan selama hamil.

Bu Yati sudah berdiri di pintu ruang bersalin, sarung tangan terpasang. "Bawa masuk, Tih. Kita periksa dulu."

Dan tepat saat roda kursi melewati ambang pintu, semua lampu padam.

<!--nextpage-->

Gelap itu datang begitu total sampai Ratih bisa mendengar napasnya sendiri. Dari ruang rawat inap terdengar anak kecil memanggil ibunya. Di luar, hujan seperti makin keras, seolah-olah ikut senang lampu mati.

"Pak Joko! Genset!" seru Bu Yati.

Pak Joko terbangun dengan kaget, topinya jatuh. Ratih mendengar langkahnya tersandung-sandung menuju belakang gedung. Sementara itu, tangan Ratih sudah lebih dulu meraba saku seragam, mengambil ponsel, dan menyalakan senternya. Cahaya putih kecil itu menyorot wajah Sari yang pucat dan ketakutan.

"Mbak, lampunya..." suara Sari bergetar.

"Nggak apa-apa, Mbak Sari. Di sini sering begini. Kami sudah biasa," kata Ratih, dan ia berharap suaranya terdengar lebih yakin daripada perasaannya.

Mereka memindahkan Sari ke tempat tidur. Bu Yati memeriksa dengan cekatan di bawah cahaya dua ponsel, satu dipegang Ratih, satu lagi disandarkan di rak obat. Ratih memperhatikan wajah bidan senior itu, mencari tanda cemas. Tidak ada. Hanya kerut konsentrasi yang biasa.

"Pembukaannya sudah lumayan," kata Bu Yati akhirnya. "Detak jantung bayinya bagus. Ini jalannya normal, Mbak Sari. Sabar, ya. Sebentar lagi."

Dari belakang gedung terdengar suara mesin batuk-batuk, lalu mati. Batuk lagi, mati lagi. Pak Joko muncul di pintu dengan baju basah.

"Nggak mau nyala, Bu. Kayaknya busi. Atau solarnya kemasukan air. Saya coba lagi."

"Coba terus, Pak," kata Bu Yati. Lalu, kepada Ratih, dengan suara lebih pelan: "Telepon dokter Hendra. Kabari situasinya. Minta beliau siaga, siapa tahu kita butuh rujukan kalau jembatan sudah bisa dilewati."

Ratih menelepon. Sinyal putus-putus, tapi dokter jaga itu mengangkat pada dering ketiga. Rumahnya hanya lima ratus meter dari puskesmas. "Saya ke sana," katanya singkat. Sepuluh menit kemudian ia datang dengan payung yang terbalik ditiup angin dan senter kepala yang biasa ia pakai untuk memancing.

Suami Sari, yang ternyata bernama Wahyu, mondar-mandir di lorong. Ratih menyuruhnya duduk, tapi ia tidak bisa duduk. Akhirnya Ratih memberinya tugas: memegang senter ponsel di ruang rawat inap dan menemani anak kecil yang demam itu supaya tidak takut gelap. Wahyu menurut. Dari ruang bersalin, Ratih bisa mendengar suaranya bercerita tentang kucing peliharaannya yang suka tidur di atas tangki motor. Anak itu tertawa. Ratih tidak tahu mana yang lebih menenangkan: tawa anak itu, atau kenyataan bahwa calon ayah yang sedang panik ternyata bisa sebegitu sabar pada anak orang lain.

Waktu berjalan aneh di ruangan yang gelap. Ratih tidak lagi melihat jam. Yang ia tahu hanyalah napas Sari, suara Bu Yati yang tenang memberi aba-aba, dan ponsel yang mulai panas di tangannya. Baterainya tinggal dua puluh persen. Ia bertukar dengan ponsel Bu Yati. Lalu dengan ponsel dokter Hendra.

Di suatu titik menjelang tengah malam, mesin di belakang gedung terbatuk sekali lagi, dan kali ini tidak mati. Lampu neon di langit-langit berkedip, ragu-ragu, lalu menyala penuh.

Tak ada yang bersorak. Semua terlalu sibuk. Tapi Ratih melihat bahu Bu Yati turun sedikit, seperti orang yang baru meletakkan beban.

<!--nextpage-->

Bayi itu lahir pukul dua belas lewat tujuh menit. Laki-laki, tiga kilo lebih sedikit, dengan tangis yang begitu lantang sampai kakek di ruang rawat inap ikut terbangun dan bertanya apakah ada yang berkelahi.

Ratih membersihkan bayi itu dengan tangan yang baru sekarang terasa gemetar. Ia sudah membantu belasan persalinan selama bertugas, tapi yang ini terasa lain. Mungkin karena gelapnya. Mungkin karena hujannya. Mungkin karena selama dua jam tadi ia tidak sempat merasa takut, dan sekarang rasa takut itu datang terlambat, seperti tamu yang salah jadwal.

Bu Yati meletakkan bayi itu di dada ibunya. Sari menangis dan tertawa sekaligus. Wahyu dipanggil masuk, dan laki-laki yang tadi mondar-mandir seperti setrika itu kini berdiri kaku di ujung tempat tidur, tidak tahu harus berbuat apa dengan tangannya.

"Pegang saja tangan istrinya, Mas," kata dokter Hendra sambil mencatat. "Itu sudah cukup."

Menjelang subuh, hujan berhenti. Ratih keluar ke teras membawa segelas teh manis yang sudah dingin. Halaman masih tergenang, tapi langit di timur mulai pucat. Pak Joko duduk di tangga, tangannya hitam oleh oli, wajahnya lelah tapi puas.

"Businya, Mbak," katanya tanpa ditanya. "Saya keringkan pakai kain, saya tiup-tiup. Besok saya usulkan beli cadangan."

"Usulkan beli genset baru sekalian, Pak."

Pak Joko tertawa. "Itu usulan tahun lalu. Sama tahun sebelumnya."

Ratih duduk di sebelahnya. Mereka diam cukup lama, mendengarkan kodok dan azan yang samar dari masjid di seberang sawah. Ia memikirkan betapa banyak hal malam itu yang bergantung pada benda-benda kecil: busi, baterai ponsel, buku KIA yang dibungkus plastik. Dan pada orang-orang yang, tanpa banyak bicara, tahu harus berbuat apa.

Pagi itu, sebelum serah terima jaga, Wahyu datang ke ruang perawat. Ia menyodorkan sobekan kertas dari buku tulis.

"Mbak, kami sudah sepakat namanya. Mau minta pendapat."

Di kertas itu tertulis dengan huruf yang miring-miring: *Damar Gilang Saputra*.

"Damar itu lampu, Mbak. Lampu minyak zaman dulu," jelas Wahyu, malu-malu. "Gilang itu terang. Soalnya... ya, Mbak tahu sendiri semalam gimana."

Ratih membaca nama itu dua kali. Ia ingin mengatakan sesuatu yang pantas, sesuatu yang bagus, tapi yang keluar hanya, "Bagus, Mas. Bagus sekali."

Ketika ia pulang naik motor melewati jalan yang masih becek, matahari sudah naik. Di jembatan Sidorejo, air sudah surut, menyisakan lumpur dan ranting-ranting yang tersangkut di pagar besi. Ratih berhenti sebentar, menatap sungai yang kini tenang seolah tak pernah berbuat apa-apa.

Ia mengeluarkan ponselnya. Baterai tinggal tiga persen. Ia tersenyum, menyimpannya lagi ke saku, lalu melanjutkan perjalanan pulang untuk tidur.""",
    },
    {
        "author": "dewi.anggraini",
        "title": "Termos Biru Pak Darmo",
        "category": "cerpen",
        "tags": ["cerpen", "puskesmas", "lansia", "prolanis"],
        "image": True,
        "image_caption": "Sebuah termos teh di meja pendaftaran puskesmas.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 12,
        "body": """Setiap tanggal lima, Pak Darmo datang ke puskesmas dengan dua barang: kartu berobat yang sudutnya sudah lecek dan termos biru berisi teh jahe.

Termos itu selalu ia taruh di meja pendaftaran, bukan untuk dirinya sendiri. "Buat mbak-mbak yang jaga," katanya. "Biar nggak ngantuk."

Umurnya tujuh puluh satu. Tekanan darahnya tinggi sejak lama, dan sejak ikut kelompok prolanis dua tahun lalu, ia menjadi pasien paling rajin yang pernah saya kenal. Ia tidak pernah telat kontrol. Ia mencatat hasil pemeriksaannya sendiri di buku tulis bergaris, lengkap dengan tanggal dan keterangan seperti *habis panen cabai, agak capek* atau *cucu datang, senang*.

Teh jahenya, terus terang, terlalu manis. Tapi tidak ada satu pun dari kami yang berani bilang. Kami meminumnya dari gelas plastik kecil, bergantian, sambil melayani antrean yang mengular sampai ke parkiran.

Bulan Maret, tanggal lima lewat begitu saja. Pak Darmo tidak datang.

Tanggal enam, tidak juga. Tanggal tujuh, Mbak Nunik dari bagian pendaftaran mulai bertanya-tanya. "Jangan-jangan sakit," katanya. Kalimat itu menggantung di udara, dan tak ada yang mau melanjutkannya.

Hari Jumat saya ikut kunjungan rumah bersama Pak Anton, petugas promosi kesehatan. Rumah Pak Darmo ada di ujung dusun, di balik kebun tebu. Sepanjang jalan saya membayangkan berbagai kemungkinan, dan tidak ada satu pun yang menyenangkan.

Ternyata Pak Darmo sedang duduk di teras, mengupas jagung.

"Lho, Mbak Ning? Pak Anton? Ada apa ini, kok rame-rame?"

Ia kelihatan sehat. Sangat sehat, malah. Saya memeriksa tekanan darahnya di teras, dan hasilnya masih baik. Tapi ketika saya tanya soal obat, ia mengaku tinggal dua butir.

"Bapak kenapa nggak kontrol?"

Ia diam lama. Lalu masuk ke rumah dan keluar membawa termos biru itu. Tutupnya retak, dan ketika ia menggoyangkannya, terdengar bunyi kaca pecah di dalam.

"Jatuh, Mbak. Kesenggol kucing." Ia menggaruk kepala. "Masa saya datang nggak bawa apa-apa. Malu."

Saya tidak tahu harus tertawa atau menangis. Pak Anton memilih tertawa, keras sekali, sampai ayam-ayam di halaman lari berhamburan.

Kami menjelaskan pelan-pelan bahwa ia tidak perlu membawa apa pun. Bahwa yang kami perlukan hanyalah ia datang, diperiksa, dan obatnya tidak putus. Pak Darmo mengangguk-angguk, tapi dari caranya mengangguk saya tahu ia tidak sepenuhnya setuju.

Keesokan harinya ia datang untuk mengambil obat, dengan tangan kosong dan wajah yang agak kikuk, seperti tamu yang lupa membawa oleh-oleh.

Tanggal lima bulan berikutnya, ia muncul pagi-pagi sekali, jauh sebelum loket dibuka. Di tangannya ada termos baru. Warnanya merah muda, bergambar bunga-bunga besar.

"Cuma ini yang ada di pasar," katanya, lebih malu daripada waktu termos lamanya pecah.

Teh jahenya masih terlalu manis. Kami meminumnya sampai habis.""",
    },
    {
        "author": "dewi.anggraini",
        "title": "Nomor Tujuh Belas",
        "category": "cermin",
        "tags": ["cermin", "fiksi mini", "puskesmas"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 20,
        "body": """Setiap Kamis, anak laki-laki itu datang sebelum loket dibuka. Umurnya mungkin sebelas atau dua belas. Seragam pramukanya kebesaran, dan sandalnya beda warna kiri-kanan.

Ia selalu mengambil nomor antrean, lalu duduk di kursi paling pojok. Anehnya, nomornya hampir selalu tujuh belas. Kalau ia datang terlalu pagi, ia menunggu di dekat mesin, membiarkan orang lain mengambil duluan, baru menarik kertas yang ia mau.

Minggu pertama, saya kira ia mengantar seseorang. Minggu kedua, saya kira ia sakit. Minggu ketiga, saya mulai memperhatikan. Enam tahun bertugas di ruang periksa umum membuat saya merasa sudah hafal semua jenis pasien. Ternyata belum.

Ketika nomor tujuh belas dipanggil, anak itu tidak pernah maju. Ia menoleh ke sekeliling ruang tunggu, mencari orang paling tua yang masih memegang nomor besar, empat puluhan atau lima puluhan, lalu menghampirinya, menukar kertas, dan pergi tanpa bicara.

Minggu keempat, saya mencegatnya di parkiran.

"Dik, kenapa selalu nomor tujuh belas?"

Ia menunduk, memainkan tali sandalnya. "Mbah saya dulu selalu dapat nomor itu, Bu. Berangkat habis subuh, jalan kaki dari Ngampel. Tapi tetap dapat tujuh belas, soalnya orang-orang naik motor."

"Terus?"

"Terus pernah ada bapak-bapak yang kasih nomornya ke Mbah. Nomor tiga. Mbah cerita terus soal itu, sampai..." Ia berhenti. "Sampai nggak bisa cerita lagi."

Angin siang menerbangkan debu di parkiran. Di dekat pos, Pak Satpam pura-pura sibuk mengelap helm, tapi saya tahu ia ikut mendengarkan. Saya sendiri tidak tahu harus berkata apa.

"Kata Mbah, utang budi itu harus dibayar," lanjutnya. "Tapi bapak-bapaknya nggak tahu siapa. Jadi saya bayar ke siapa saja."

Ia mengayuh sepedanya pergi sebelum saya sempat menanyakan namanya.

Sejak itu, setiap Kamis, saya menyisihkan satu kursi di dekat ruang periksa untuk orang paling tua di ruang tunggu. Saya tidak tahu siapa sebenarnya yang berutang kepada siapa.

Tapi rasanya, ada sesuatu yang sedang dicicil.""",
    },
    {
        "author": "dewi.anggraini",
        "title": "Jangan Tunggu Parah: Catatan Perawat soal Kapan Sebaiknya ke Puskesmas",
        "category": "layanan-kesehatan",
        "tags": ["puskesmas", "tips kesehatan", "bpjs", "layanan kesehatan"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 28,
        "body": """Hampir setiap minggu saya bertemu pasien yang datang dengan kalimat pembuka yang sama: "Sebenarnya sudah dari minggu lalu, Mbak, tapi saya kira nanti sembuh sendiri."

Kadang memang sembuh sendiri. Tapi kadang tidak, dan yang tadinya bisa ditangani dengan mudah jadi lebih repot. Tulisan ini bukan pengganti pemeriksaan, ya. Anggap saja obrolan dari seorang perawat puskesmas yang ingin teman-teman pembaca tidak ragu mencari pertolongan.

## Puskesmas itu untuk apa, sih?

Banyak orang mengira puskesmas hanya tempat imunisasi atau minta surat keterangan sehat. Padahal layanannya luas: pemeriksaan umum, kesehatan ibu dan anak, gigi, gizi, pemantauan penyakit kronis seperti hipertensi dan diabetes, sampai konseling. Kalau penasaran soal sejarah dan fungsinya, ada ringkasan yang lumayan di https://id.wikipedia.org/wiki/Puskesmas.

Yang paling penting: puskesmas adalah pintu pertama. Kalau kondisi Anda perlu ditangani dokter spesialis, petugas akan membuatkan rujukan.

## Tanda yang sebaiknya tidak ditunda

Saya tidak akan membuat daftar penyakit, karena kondisi setiap orang berbeda. Tapi secara umum, segera cari pertolongan tenaga kesehatan, entah ke puskesmas, klinik, atau IGD terdekat, kalau Anda atau keluarga mengalami:

- sesak napas atau napas terasa berat, apalagi kalau datangnya mendadak;
- nyeri dada, terutama yang menjalar ke lengan, leher, atau rahang;
- lemas separuh badan, bicara pelo, atau wajah tiba-tiba tampak tidak simetris;
- demam pada bayi, atau demam pada anak yang disertai kejang, tidak mau minum, atau tampak sangat lemas;
- perdarahan yang tidak berhenti, atau perdarahan saat hamil;
- muntah dan diare terus-menerus sampai jarang buang air kecil.

Untuk kondisi seperti di atas, **jangan menunggu besok pagi**, dan jangan mencoba ramuan kiriman grup WhatsApp dulu.

## Yang tidak darurat pun tetap layak diperiksa

Batuk yang tidak kunjung reda lebih dari dua minggu, berat badan turun tanpa sebab, luka yang lama sembuh, atau sering haus dan sering buang air kecil. Semua itu bukan alasan untuk panik, tapi layak dibicarakan dengan dokter. Banyak penyakit kronis berjalan diam-diam, tanpa rasa sakit, sampai suatu hari tiba-tiba terasa.

Kalau umur Anda sudah di atas empat puluh, rutin cek tekanan darah dan gula darah juga ide bagus. Di banyak desa ada posbindu yang jadwalnya bisa ditanyakan ke kader atau bidan desa.

## Supaya kunjungan lancar

1. Bawa KTP dan kartu JKN kalau punya.
2. Catat keluhan di ponsel: sejak kapan, kapan terasa paling berat, obat apa saja yang sudah diminum.
3. Bawa obat yang sedang dikonsumsi, atau setidaknya foto kemasannya.
4. Jangan sungkan bertanya. Kalau penjelasan petugas terlalu cepat, minta diulang.

Satu lagi: **jangan membeli antibiotik sendiri** tanpa resep. Saya paham alasannya: praktis, murah, "kemarin cocok". Tapi antibiotik yang tidak tepat bisa tidak menolong dan malah menimbulkan masalah baru. Biarkan dokter yang memutuskan.

Kami di puskesmas tidak akan memarahi Anda karena datang *cuma gara-gara batuk*. Sungguh. Yang membuat kami sedih justru pasien yang datang terlambat karena sungkan.""",
    },
    {
        "author": "dewi.anggraini",
        "title": "Ketika Malam Jadi Siang: Merawat Kesehatan Mental Pekerja Shift Malam",
        "category": "kesehatan-mental",
        "tags": ["kesehatan mental", "shift malam", "perawat", "tidur"],
        "image": True,
        "image_caption": "Ruang jaga perawat yang sepi pada dini hari.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 41,
        "body": """Jam dinding ruang jaga menunjukkan pukul tiga pagi. Ini jam yang paling saya kenal sekaligus paling saya benci. Pasien sudah tidur, laporan sudah ditulis, dan tiba-tiba kepala terasa kosong, berat, dan entah kenapa sedih tanpa alasan.

Kalau Anda perawat, satpam, sopir truk, operator pabrik, penjaga minimarket 24 jam, atau petugas layanan pelanggan yang melayani orang di zona waktu lain, mungkin Anda tahu rasanya. Kita bekerja ketika orang lain tidur, lalu tidur ketika dunia sedang ramai-ramainya.

Bertahun-tahun jaga malam membuat saya belajar, kadang dengan cara yang tidak enak, bahwa yang lelah bukan hanya badan.

## Tanda-tanda yang sering kita abaikan

Saya bukan psikolog. Tapi dari pengalaman sendiri dan obrolan dengan sesama pekerja shift, ada beberapa tanda yang sebaiknya tidak dianggap sepele:

- mudah tersinggung, bahkan pada orang yang kita sayangi;
- merasa hampa atau tidak lagi menikmati hal-hal yang dulu menyenangkan;
- sulit tidur meski sangat lelah, atau sebaliknya, tidur terus tapi tidak pernah segar;
- menarik diri dari teman dan keluarga karena "jadwalnya nggak cocok";
- makin bergantung pada kopi, rokok, atau hal lain untuk bertahan.

Satu-dua tanda di hari yang berat itu wajar. Tapi kalau berlangsung berminggu-minggu, itu sinyal untuk berhenti sejenak dan memperhatikan diri sendiri.

## Hal-hal kecil yang membantu saya

**Menjaga tidur seperti menjaga pasien.** Saya memasang gorden tebal di kamar dan meminta keluarga tidak mengetuk pintu sampai jam tertentu, kecuali darurat. Ponsel saya taruh di luar jangkauan tangan.

**Memberi tahu orang rumah.** Dulu saya sering kesal karena tidur siang terganggu tamu atau suara televisi. Ternyata keluarga saya tidak sadar. Setelah bicara baik-baik, mereka jauh lebih pengertian.

**Tetap bertemu matahari.** Sebentar saja, misalnya jalan kaki sore sebelum berangkat jaga. Kedengarannya sepele, tapi suasana hati saya lebih baik di hari-hari ketika saya sempat melakukannya.

**Mengatur kopi.** Kopi di awal jaga masih oke. Kopi menjelang pulang biasanya membuat saya terjaga sampai siang, lalu menyesal.

**Punya satu teman bicara.** Tidak harus banyak. Satu orang yang bisa diajak ngobrol tanpa menghakimi sudah sangat berarti.

## Kapan perlu bantuan profesional

Ada masa ketika saya merasa semua tips di atas tidak mempan. Waktu itu, seorang senior berkata sesuatu yang sampai sekarang saya ingat:

> "Tiap malam kita menyuruh pasien jangan malu berobat. Masa kita sendiri malu?"

Kalau rasa sedih, cemas, atau lelah mulai mengganggu pekerjaan dan hubungan dengan orang lain, bicarakan dengan tenaga kesehatan. Banyak puskesmas sekarang punya layanan kesehatan jiwa, dan dokter umum bisa membantu menilai kondisi Anda serta merujuk ke psikolog atau psikiater bila perlu. Dan kalau suatu saat muncul pikiran untuk menyakiti diri sendiri, segera hubungi orang terdekat dan datangi layanan gawat darurat. Anda tidak merepotkan siapa pun.

Bekerja di malam hari adalah pilihan, atau keharusan, yang kita jalani supaya orang lain bisa tidur tenang. Tapi merawat diri sendiri bukan kemewahan. *Itu bagian dari pekerjaan juga.*""",
    },
    {
        "author": "bayu_pratama",
        "title": "HP Itu Pintu Rumah: Cara Sederhana Menghindari Penipuan Lewat Ponsel",
        "category": "gawai",
        "tags": ["keamanan digital", "penipuan", "whatsapp", "android"],
        "image": True,
        "image_caption": "Waspadai pesan berisi file aplikasi dari nomor yang tidak dikenal.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 6,
        "body": """Minggu lalu ibu saya menelepon dengan suara panik. Katanya ada pesan WhatsApp dari "kurir", lengkap dengan foto paket dan file bernama *Cek_Resi.apk*. Untung beliau menelepon saya dulu sebelum membukanya. Kalau tidak, bisa jadi tabungannya sekarang tinggal cerita.

Saya kerja sebagai developer di Jogja, dan jujur saja, penipuan lewat ponsel sekarang makin rapi. Bahasanya sopan, logonya mirip, nomornya kadang kelihatan resmi. Jadi wajar kalau banyak orang tertipu. Bukan karena bodoh, tapi karena penipunya memang niat.

Tulisan ini untuk teman-teman yang bukan orang IT. Tidak ada istilah rumit, janji.

## Kenali pola yang paling sering

Penipuan itu ganti kostum terus, tapi polanya mirip-mirip:

- **File APK lewat chat.** Menyamar jadi undangan nikah, resi paket, tagihan, atau "foto kecelakaan". Begitu dipasang, aplikasi semacam ini bisa membaca SMS, termasuk kode OTP dari bank.
- **Minta kode OTP.** "Maaf, kode verifikasi saya nyasar ke nomor Bapak, boleh dikirim ulang?" Jangan. Kode itu kunci rumah Anda.
- **Hadiah dan undian.** Menang undian yang tidak pernah diikuti? Hampir pasti bohong.
- **Keluarga dalam bahaya.** "Ma, ini aku, HP-ku hilang, pakai nomor teman. Tolong transfer dulu." Nadanya sengaja mendesak supaya kita tidak sempat berpikir.
- **Lowongan kerja gampang.** Cukup menyukai video lalu dapat uang, tapi lama-lama diminta "deposit".

## Lima kebiasaan yang melindungi

1. **Jangan pasang aplikasi dari luar toko resmi.** Di Android, pastikan izin memasang aplikasi dari sumber tidak dikenal dalam keadaan mati.
2. **Aktifkan verifikasi dua langkah di WhatsApp.** Masuk ke Setelan, pilih Akun, lalu Verifikasi dua langkah. Buat PIN yang tidak mudah ditebak, jangan tanggal lahir.
3. **Pasang kunci layar.** Sidik jari, PIN, atau pola. Pilih apa saja, asal ada.
4. **Rajin memperbarui sistem dan aplikasi.** Pembaruan sering berisi tambalan keamanan, bukan cuma fitur baru.
5. **Tahan jari lima detik.** Sebelum klik tautan, memasang file, atau transfer, tarik napas dulu. Penipu hidup dari rasa panik dan terburu-buru.

## Kalau sudah telanjur

Jangan malu, dan jangan menunggu. Segera:

- hubungi bank lewat nomor resmi yang tertera di kartu ATM atau situs resminya, lalu minta rekening atau kartu diblokir;
- ganti kata sandi akun-akun penting dari perangkat lain yang aman;
- hapus aplikasi yang mencurigakan, dan kalau ragu, minta bantuan orang yang paham untuk mengatur ulang ponsel;
- kabari keluarga dan teman supaya tidak ikut jadi sasaran lewat nomor Anda.

Satu pesan penutup dari saya: **ajari orang tua kita, tapi jangan memarahi mereka.** Ibu saya menelepon justru karena tahu saya tidak akan mengomel. Kalau mereka takut dimarahi, mereka akan diam. Dan diam itulah yang paling disukai penipu.""",
    },
    {
        "author": "bayu_pratama",
        "title": "Membelikan HP Pertama untuk Anak: Panduan untuk Orang Tua yang Bingung",
        "category": "keluarga",
        "tags": ["parenting", "gawai anak", "smartphone", "kontrol orang tua"],
        "image": True,
        "image_caption": "Memilih ponsel pertama untuk anak perlu pertimbangan matang.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 17,
        "body": """Hampir tiap bulan ada saja kerabat yang mengirim pesan ke saya: "Bay, HP buat anak SD yang bagus apa, ya?" Mungkin karena saya satu-satunya orang di keluarga besar yang kerjanya "di depan komputer", saya dianggap tahu segalanya soal gawai. Padahal pertanyaan itu tidak bisa dijawab dengan satu merek.

Jadi saya tulis saja di sini, supaya lain kali tinggal kirim tautan. Hehe.

## Pertanyaan pertama: butuhnya untuk apa?

Sebelum ke toko, coba jawab dulu dengan jujur:

- Untuk komunikasi saja, seperti telepon dan chat dengan orang tua?
- Untuk tugas sekolah, misalnya membuka grup kelas dan mengirim foto PR?
- Atau sebenarnya anak ingin main gim bareng teman-temannya?

Jawaban ini menentukan segalanya. Anak kelas dua SD yang hanya perlu menelepon ibunya tidak butuh ponsel dengan kamera empat lensa.

## Perbandingan sederhana

Berikut gambaran kasar pilihan yang ada di pasaran. Harga cepat berubah, jadi anggap ini patokan saja.

| Pilihan | Kisaran harga | Cocok untuk | Catatan |
|---|---|---|---|
| Ponsel fitur (bukan smartphone) | Rp200–500 ribu | Anak kecil, telepon dan SMS | Baterai awet, minim gangguan |
| Smartphone kelas pemula | Rp1–2 juta | SD kelas atas sampai SMP | Pilih RAM minimal 4 GB |
| Smartphone kelas menengah | Rp2,5–4 juta | SMP dan SMA | Lebih awet dipakai bertahun-tahun |
| Tablet | Rp2–4 juta | Belajar di rumah, dipakai bergantian | Layar besar, jarang dibawa keluar |

## Spesifikasi yang benar-benar penting

Penjual biasanya menonjolkan angka megapiksel kamera. Untuk anak sekolah, yang lebih penting:

- **Memori internal minimal 64 GB.** Grup kelas itu penuh foto dan video. Memori 32 GB cepat sekali penuh.
- **Baterai besar.** Sekitar 5.000 mAh sudah umum dan cukup untuk seharian.
- **Jaminan pembaruan sistem.** Tanyakan berapa lama ponsel itu akan mendapat pembaruan keamanan. Ini jarang ditanyakan, padahal penting.
- **Garansi resmi.** Sedikit lebih mahal, tapi urusan servis jadi jauh lebih tenang.

## Atur dulu sebelum diserahkan

Ini bagian yang paling sering dilewatkan. Sebelum ponsel sampai di tangan anak:

1. Buat akun anak yang terhubung dengan akun orang tua. Android dan iPhone sama-sama punya fitur kontrol orang tua bawaan, cari saja di menu pengaturan.
2. Atur agar pemasangan aplikasi baru harus disetujui orang tua.
3. Tentukan batas waktu layar, dan **diskusikan bersama anak**, jangan diumumkan sepihak.
4. Aktifkan fitur pelacak lokasi perangkat, untuk berjaga-jaga kalau ponsel hilang.

## Yang tidak bisa dibeli di toko

Saya sering bilang ke saudara-saudara saya: aplikasi kontrol orang tua itu pagar, bukan pengasuh. Anak yang cerdik biasanya menemukan celahnya. Yang lebih ampuh adalah kesepakatan dan contoh.

Kalau kita sendiri makan sambil menatap layar, agak sulit meminta anak melakukan sebaliknya. Di rumah kakak saya ada aturan sederhana: semua ponsel, termasuk milik bapak dan ibunya, ditaruh di keranjang dekat rak sepatu saat makan malam. Awalnya anak-anak protes. Sekarang malah mereka yang mengingatkan orang tuanya.

Oh ya, ponsel bekas yang kondisinya masih bagus juga pilihan masuk akal, asal diperiksa dengan teliti dan dikembalikan ke setelan pabrik sebelum dipakai. Tidak harus baru untuk jadi bermanfaat.""",
    },
    {
        "author": "bayu_pratama",
        "title": "Dari Dasar Laut ke Warung Kopi: Bagaimana Internet Sampai ke Desa",
        "category": "internet",
        "tags": ["internet", "desa", "serat optik", "bts", "infrastruktur"],
        "image": True,
        "image_caption": "Menara BTS berdiri di tepi sawah.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 33,
        "body": """Lebaran kemarin saya pulang ke rumah simbah di sebuah desa di lereng bukit, sekitar dua jam dari Jogja. Sepupu saya yang masih SMP langsung bertanya, "Mas Bayu kan kerjanya di internet. Kenapa di sini sinyalnya jelek banget?"

Saya tertawa, tapi pertanyaan itu mengganggu saya sepanjang liburan. Kita setiap hari memakai internet, tapi jarang ada yang tahu bagaimana sebenarnya data bisa sampai ke ponsel kita, apalagi di desa yang jalannya masih berbatu. Jadi, mari kita ikuti perjalanan sebuah pesan WhatsApp, dari ujung dunia sampai ke warung kopi di pinggir sawah.

## Internet itu ternyata banyak kabel

Banyak orang membayangkan internet itu "di udara". Sebagian memang lewat udara, tapi tulang punggungnya justru kabel. Sangat banyak kabel.

Antarnegara dan antarpulau, data berjalan lewat **kabel serat optik bawah laut**. Kabel ini membawa data dalam bentuk cahaya, dan kapasitasnya luar biasa besar. Kalau penasaran cara kerjanya, penjelasan dasarnya bisa dibaca di https://id.wikipedia.org/wiki/Serat_optik.

Sebagai negara kepulauan, Indonesia punya jaringan kabel laut yang menghubungkan pulau-pulau besar. Dari titik pendaratan kabel di pantai, data diteruskan lewat serat optik di darat, biasanya ditanam di sepanjang jalan raya, menuju kota-kota.

## Dari kota ke kecamatan

Di kota, data masuk ke pusat data dan jaringan milik operator seluler maupun penyedia internet rumahan. Dari sana, jaringan bercabang ke kabupaten dan kecamatan.

Nah, di sinilah cerita mulai menarik. Makin jauh dari kota, makin mahal menarik kabel. Bayangkan harus menggali tanah berkilo-kilometer melewati sawah, sungai, dan bukit hanya untuk melayani beberapa ratus rumah. Secara bisnis, hitungannya sering tidak masuk.

Karena itu, operator punya beberapa cara untuk "melompat":

- **Serat optik** sampai ke titik tertentu, kalau memungkinkan. Ini pilihan terbaik, tapi paling mahal.
- **Gelombang mikro.** Pernah lihat piringan bulat seperti kendang yang menempel di menara? Itu antena yang memancarkan data ke menara lain yang saling "melihat". Syaratnya, tidak boleh terhalang bukit.
- **Satelit.** Untuk daerah yang benar-benar terpencil, data dikirim ke satelit lalu dipancarkan kembali ke bumi. Bisa menjangkau hampir mana saja, tapi kapasitasnya terbatas dan jedanya lebih terasa.

## Kotak kecil di tiang pinggir jalan

Kalau Anda berlangganan internet rumahan, mungkin pernah melihat kotak abu-abu atau hitam yang menempel di tiang di pinggir jalan. Itu titik distribusi, tempat satu kabel serat optik dipecah menjadi banyak kabel kecil menuju rumah-rumah. Dari kotak itu, teknisi menarik kabel tipis ke rumah pelanggan lalu menyambungkannya ke modem.

Di kota, kotak seperti ini bisa ditemukan hampir di setiap gang. Di desa, jaraknya bisa berkilo-kilometer, atau malah belum ada sama sekali. Itulah sebabnya rumah di pinggir jalan besar kadang sudah bisa pasang Wi-Fi, sementara rumah yang masuk ke gang dekat sawah harus menunggu. Bukan pilih kasih, tapi soal panjang kabel dan jumlah pelanggan yang ikut menanggung biaya.

Kalau di daerah Anda belum tersedia, tidak ada salahnya mendata tetangga yang berminat, lalu mengajukan permintaan bersama-sama ke penyedia layanan. Bagi mereka, sepuluh calon pelanggan dalam satu gang jauh lebih menarik daripada satu rumah saja.

<!--nextpage-->

## Menara BTS: tetangga yang jarang kita sapa

Ujung terakhir perjalanan di jaringan seluler adalah **BTS** (*base transceiver station*), menara tinggi yang biasanya berdiri di pojok lapangan atau di belakang balai desa. BTS inilah yang berkomunikasi langsung dengan ponsel kita lewat gelombang radio.

Ada beberapa hal yang jarang diketahui soal BTS:

1. **Satu BTS punya kapasitas terbatas.** Kalau seisi desa menonton video di jam yang sama, misalnya malam Minggu atau saat ada pertandingan bola, kecepatan akan turun drastis. Bukan karena sinyalnya hilang, tapi karena "jalannya" macet.
2. **Sinyal penuh belum tentu internet cepat.** Batang sinyal di ponsel hanya menunjukkan kekuatan gelombang radio dari BTS. Kalau BTS-nya sendiri tersambung ke kota lewat jalur yang kecil, internetnya tetap lambat.
3. **Bukit dan pepohonan itu musuh.** Gelombang radio bisa terhalang. Itulah sebabnya di desa simbah saya, sinyal bagus di depan masjid tapi hilang di dapur belakang.

Sepupu saya ternyata sudah menemukan solusinya sendiri sebelum saya menjelaskan apa pun: naik ke gardu ronda di atas bukit kecil. Secara teknis, ia benar. Makin tinggi dan makin terbuka, makin "terlihat" menaranya.

## RT/RW Net dan pahlawan lokal

Di banyak desa, ada cara lain yang lebih kreatif. Seseorang, sering kali pemuda desa yang hobi utak-atik, berlangganan internet dengan kapasitas lebih besar, lalu membaginya ke tetangga lewat Wi-Fi atau kabel yang direntangkan dari tiang bambu ke tiang bambu. Warga membayar iuran bulanan.

Inilah yang sering disebut **RT/RW Net**. Di desa tetangga simbah saya, jaringan seperti ini dikelola seorang mas-mas pemilik warung kopi. Warungnya jadi ramai, anak-anak bisa mengerjakan tugas sekolah, dan ibu-ibu bisa berjualan keripik lewat media sosial.

Satu catatan penting: kalau ingin membuat atau ikut jaringan semacam ini, pastikan pengelolanya bekerja sama dengan penyedia internet resmi dan mengikuti aturan yang berlaku. Selain soal izin, ini juga soal keamanan data dan kepastian layanan. Tanyakan ke perangkat desa atau ke penyedia internet setempat.

## Apa yang bisa kita lakukan?

Kita memang tidak bisa membangun menara sendiri. Tapi ada beberapa hal sederhana yang bisa dicoba:

- **Cari titik sinyal terbaik** di rumah, biasanya dekat jendela atau di lantai atas, lalu taruh ponsel atau modem di situ.
- **Pilih operator yang paling kuat di daerah Anda.** Tanya tetangga. Operator yang bagus di kota belum tentu bagus di desa.
- **Unduh saat sepi.** Video pelajaran atau pembaruan aplikasi lebih cepat diunduh pagi-pagi sekali.
- **Aktifkan mode hemat data** di aplikasi media sosial dan video. Kualitas gambar turun sedikit, tapi jauh lebih lancar.
- **Sampaikan keluhan lewat jalur resmi.** Operator mencatat laporan gangguan per wilayah. Makin banyak laporan dari satu desa, makin besar kemungkinan desa itu masuk rencana perbaikan.

## Penutup dari gardu ronda

Malam terakhir sebelum pulang ke Jogja, saya ikut sepupu naik ke gardu ronda. Kami duduk di sana bersama lima-enam anak lain, masing-masing menunduk ke layar. Ada yang mengirim tugas, ada yang *video call* dengan ayahnya yang merantau ke Kalimantan.

Saya jadi sadar, bagi mereka internet bukan sekadar hiburan. Itu jembatan. Dan jembatan itu dibangun dari kabel di dasar laut, menara di pojok lapangan, dan, tidak kalah penting, orang-orang yang mau repot memastikan tetangganya ikut terhubung.

> Internet yang merata bukan cuma urusan teknologi. Itu juga urusan keadilan.

Semoga lain kali saya pulang, sepupu saya tidak perlu naik bukit lagi.""",
    },
    {
        "author": "bayu_pratama",
        "title": "Resensi Novel 'Sinyal di Atas Genteng': Tentang Jarak, Nenek, dan Video Call",
        "category": "buku",
        "tags": ["resensi", "novel", "buku", "keluarga"],
        "image": True,
        "image_caption": "Ilustrasi rumah desa dengan ponsel di atas genteng.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 9,
        "body": """Saya jarang membaca novel sampai habis dalam satu malam. Biasanya saya menyerah di bab ketiga, lalu ketiduran dengan buku menutupi muka. Tapi *Sinyal di Atas Genteng* karya Wening Sasmitaloka berhasil membuat saya begadang sampai jam dua pagi, lalu menelepon ibu saya keesokan harinya tanpa alasan yang jelas.

## Ceritanya tentang apa?

Tokoh utamanya Gendis, anak kelas lima SD di sebuah desa di pesisir selatan Jawa. Ibunya bekerja sebagai perawat lansia di luar negeri, dan satu-satunya cara mereka bertemu adalah lewat *video call* setiap Minggu malam. Masalahnya, sinyal di rumah Gendis hanya muncul kalau ponsel ditaruh di atas genteng.

Jadi setiap Minggu, Gendis dan neneknya, Mbah Sumi, memanjat tangga bambu, duduk di atap, dan bergantian memegang ponsel sambil menahan angin laut. Dari situlah semua cerita bergulir: tentang kangen yang harus diatur jadwalnya, tentang nenek yang diam-diam belajar mengetik pesan dengan satu jari, dan tentang anak kecil yang merasa ibunya lebih akrab dengan layar daripada dengan dirinya.

## Yang saya suka

**Teknologinya terasa jujur.** Sebagai orang yang kerjanya di dunia perangkat lunak, saya sering gatal membaca fiksi yang menggambarkan teknologi seperti sihir. Di novel ini, ponsel bisa *lowbat*, kuota bisa habis di tengah obrolan penting, dan wajah ibu bisa membeku di layar dengan mulut setengah terbuka. Detail kecil seperti itu membuat saya tertawa sekaligus ngilu.

**Mbah Sumi adalah tokoh terbaik tahun ini**, setidaknya di daftar bacaan saya. Ia keras kepala, lucu, dan punya teori sendiri soal sinyal: katanya sinyal itu seperti burung, suka hinggap di tempat tinggi dan tidak suka orang yang berisik. Ada satu adegan ketika ia memarahi ponsel karena "tidak sopan" memutus panggilan. Saya membacanya tiga kali.

**Bahasanya sederhana tapi tidak datar.** Penulis menyelipkan bahasa Jawa secukupnya, dengan catatan kaki yang tidak mengganggu. Kalimat-kalimatnya pendek, cocok dibaca di bus atau di sela jam istirahat.

## Yang agak mengganjal

Bagian tengah novel sedikit melambat. Ada dua-tiga bab tentang sengketa batas kebun antartetangga yang rasanya bisa dipangkas tanpa mengurangi apa-apa. Akhir ceritanya juga, menurut saya, sedikit terlalu rapi. Saya tidak akan membocorkan detailnya, tapi kalau Anda penggemar akhir yang menggantung, mungkin akan sedikit kecewa.

## Untuk siapa novel ini?

- Untuk siapa saja yang pernah punya keluarga di perantauan.
- Untuk orang tua yang ingin punya bahan obrolan dengan anak soal gawai dan jarak.
- Untuk pembaca yang sedang jenuh dengan novel tebal dan ingin sesuatu yang hangat, kira-kira dua ratus halaman saja.

Saya beri nilai **4 dari 5**. Satu bintang hilang gara-gara urusan batas kebun tadi.

Setelah menutup buku ini, saya menelepon ibu saya di Klaten. Sinyalnya bagus, untungnya. Tapi obrolan kami jauh lebih lama dari biasanya.""",
    },
    {
        "author": "bayu_pratama",
        "title": "Kerja dari Rumah Bukan Liburan, tapi Juga Bukan Hukuman",
        "category": "dunia-kerja",
        "tags": ["kerja jarak jauh", "wfh", "opini", "yogyakarta"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 50,
        "body": """Sudah hampir empat tahun saya bekerja jarak jauh untuk sebuah perusahaan perangkat lunak yang kantornya di Jakarta. Saya sendiri tinggal di Jogja, di rumah kontrakan kecil dekat selokan yang suara kodoknya kadang ikut masuk ke rapat daring.

Setiap kali ketemu teman lama, pertanyaannya hampir selalu sama: "Enak ya, kerja sambil rebahan?" Atau versi sebaliknya: "Nggak bosan, di rumah terus?"

Jawaban jujur saya: dua-duanya salah, dan dua-duanya benar.

## Yang sering dilebih-lebihkan

Kerja dari rumah itu **bukan** berarti bebas. Saya tetap punya jadwal rapat, tenggat, dan atasan yang menunggu laporan. Bedanya, tidak ada yang melihat saya duduk di meja. Yang dilihat adalah hasil. Dan itu, anehnya, justru lebih menekan buat sebagian orang.

Godaan terbesarnya bukan malas. Godaan terbesarnya justru bekerja terlalu lama. Laptop selalu ada di ruang tengah. Notifikasi bisa masuk jam sembilan malam. Tanpa perjalanan pulang dari kantor, batas antara "kerja" dan "rumah" jadi kabur.

## Yang sering diremehkan

Di sisi lain, manfaatnya nyata. Saya tidak perlu menghabiskan dua jam sehari di jalan. Saya bisa mengantar keponakan ke sekolah. Biaya hidup di Jogja jauh lebih ramah dibanding di Jakarta. Dan saya bisa tetap dekat dengan orang tua yang mulai sepuh.

Bagi banyak orang di daerah, kerja jarak jauh membuka pintu yang dulu tertutup. Seorang teman saya di Gunungkidul sekarang menjadi desainer untuk klien di luar kota tanpa harus merantau. Itu bukan hal kecil.

## Aturan main yang saya pegang

Setelah beberapa kali kelelahan, saya membuat aturan sederhana untuk diri sendiri:

1. **Punya jam tutup.** Pukul lima sore, laptop ditutup dan dimasukkan ke tas. Kelihatannya remeh, tapi gerakan fisik itu membantu otak "pulang kantor".
2. **Berpakaian layak.** Tidak harus kemeja, tapi jangan kaus tidur. Ini soal mental, bukan soal kamera.
3. **Keluar rumah setiap hari.** Entah ke warung, jalan kaki keliling kampung, atau bekerja dari kedai kopi seminggu sekali.
4. **Lebih baik terlalu sering memberi kabar daripada kurang.** Karena tidak bertemu langsung, saya lebih rajin mengabari tim soal kemajuan pekerjaan dan hambatannya.

## Jadi, mana yang lebih baik?

Menurut saya, pertanyaannya keliru. Tidak semua pekerjaan bisa dikerjakan dari rumah, dan tidak semua orang cocok dengan cara itu. Ada yang butuh keramaian kantor supaya bisa fokus. Ada juga yang justru berkembang dalam sunyi.

Harapan saya cuma satu: perusahaan dan pekerja sama-sama jujur soal apa yang berhasil dan apa yang tidak, lalu berani menyesuaikan. Kerja dari rumah memang bukan liburan. Tapi kalau diatur dengan baik, *juga bukan hukuman*.

Sekarang sudah pukul lima kurang sepuluh. Saya pamit dulu, laptop ini harus segera masuk tas.""",
    },
]
