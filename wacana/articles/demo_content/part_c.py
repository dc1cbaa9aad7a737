# ruff: noqa: E501
ARTICLES: list[dict[str, object]] = [
    {
        "author": "maria.tambunan",
        "title": "Menyeberang ke Samosir Naik Kapal Kayu: Jadwal Boleh Padat, Danau yang Menentukan",
        "category": "catatan-perjalanan",
        "tags": ["danau toba", "samosir", "catatan perjalanan", "kapal kayu"],
        "image": True,
        "image_caption": "Kapal kayu bersandar di dermaga Tuktuk pada pagi yang masih berkabut.",
        "image_source": "Dokumentasi pribadi",
        "days_ago": 3,
        "body": """Sudah hampir sepuluh tahun saya jadi pemandu wisata di sekitar Danau Toba, tapi setiap kali menyeberang ke Samosir, rasanya masih seperti pertama kali. Minggu lalu saya mengantar dua tamu dari Bandung, kakak-adik yang baru pertama kali menginjak Sumatera Utara. Mereka datang dengan jadwal yang rapi sekali, lengkap dengan jam: pagi ke sini, siang ke sana, sore harus sudah foto di bukit anu.

Saya cuma senyum. Di Toba, jadwal biasanya kalah sama angin, hujan, dan kapal.

## Berangkat sebelum subuh

Kami berangkat dari Balige sekitar pukul lima. Jalanan masih sepi, hanya ada truk sayur dan satu-dua angkot yang sopirnya sepertinya sudah hafal semua lubang di aspal. Kabut turun rendah di atas sawah. Dari jendela mobil, danau belum kelihatan sama sekali, yang ada cuma warna abu-abu yang lembut, seperti kertas yang belum ditulisi.

Sampai di Ajibata, pelabuhan sudah ramai. Ada inang-inang yang menjual telur rebus dan kacang sihobuk, ada anak sekolah yang mau menyeberang pulang ke kampung, ada bapak-bapak yang memanggul karung berisi entah apa. Saya sengaja mengajak tamu naik kapal kayu, bukan feri besar yang bisa mengangkut mobil. Alasannya sederhana: kapal kayu lebih pelan, lebih berisik, dan justru karena itu lebih berkesan.

"Kak, kapalnya aman, kan?" tanya si adik sambil memandangi cat kapal yang sudah mengelupas di beberapa bagian.

"Aman. Kapal ini lebih tua dari kau, dan dia masih jalan terus sampai sekarang," jawab saya. Dia tertawa, tapi saya lihat tangannya tetap memegang pinggiran bangku kuat-kuat.

## Setengah jam yang terasa lebih panjang

Mesin kapal berbunyi seperti orang tua batuk di pagi hari. Begitu kapal menjauh dari dermaga, angin langsung terasa dingin menusuk. Saya selalu menyarankan tamu membawa jaket tipis, dan pagi itu saran saya terbukti. Si kakak yang merasa "ah, Sumatera kan panas" akhirnya meminjam sarung dari penjual kacang.

Di tengah danau, warna airnya berubah. Dekat pelabuhan agak kehijauan, makin ke tengah jadi biru tua, hampir hitam. Si kakak diam lama sekali. Lalu dia bilang pelan, "Saya kira danau itu kecil, kayak yang di taman kota." Saya jelaskan bahwa orang tua di kampung saya sering menyebut Toba sebagai *laut*, bukan danau, karena memang ujungnya susah dilihat mata.

<!--nextpage-->

## Tuktuk dan pagi yang belum selesai

Kapal merapat di Tuktuk sekitar pukul delapan. Matahari baru saja berhasil menembus kabut, dan air di pinggir dermaga berkilau seperti ditaburi serpihan kaca. Penginapan kami tidak jauh, sebuah rumah sederhana dengan halaman yang langsung menghadap danau. Pemiliknya, seorang amang yang ramah dan suka bercerita, menyambut kami dengan kopi panas dan pisang goreng yang masih berminyak.

"Jangan buru-buru. Minum dulu kopinya," katanya. Tamu saya melirik jam tangan. Jadwal di ponselnya bilang pukul setengah sembilan harus sudah di jalan. Saya pura-pura tidak lihat.

Setengah jam kemudian kami baru benar-benar berangkat, dengan dua motor sewaan. Saya di depan, mereka berboncengan di belakang. Rencananya kami mengelilingi sebagian pulau: mampir ke kampung-kampung tua yang masih punya deretan rumah adat, melihat batu-batu bersejarah, lalu naik ke daerah perbukitan untuk melihat danau dari atas.

## Jalan lingkar dan kerbau yang tidak mau minggir

Jalan di Samosir itu punya karakternya sendiri. Di satu sisi ada danau, di sisi lain sawah, ladang bawang, atau bukit yang tiba-tiba curam. Anak-anak kecil melambai dari teras rumah. Ibu-ibu menjemur kopi di pinggir jalan. Dan sesekali, ada kerbau yang berdiri tepat di tengah aspal, menatap kami seperti kamilah yang salah tempat.

Kami berhenti hampir di setiap tikungan karena tamu saya ingin foto. Saya tidak keberatan. Siangnya kami makan di warung kecil yang menunya cuma tiga: ikan goreng, sayur daun ubi tumbuk, dan sambal yang pedasnya tidak kenal ampun. Si adik menghabiskan dua piring nasi dan mengaku itu makan siang terenak dalam setahun terakhir. Saya tidak tahu apakah itu karena masakannya, pemandangannya, atau karena dia kelaparan setelah pagi yang panjang. Mungkin ketiganya. Bagi saya, tugas pemandu bukan cuma mengantar dari titik A ke titik B, tapi memastikan tamu benar-benar *melihat* apa yang ada di antara kedua titik itu.

Di salah satu kampung, kami bertemu seorang ompung yang sedang menenun ulos di kolong rumahnya. Tangannya bergerak cepat sekali, seolah benangnya sendiri yang tahu harus ke mana. Si adik duduk di sebelahnya hampir dua puluh menit, bertanya ini-itu, dan ompung menjawab dengan bahasa campuran Batak dan Indonesia yang bikin kami semua tertawa.

Lalu, tepat ketika kami mau naik ke perbukitan, langit menggelap. Dalam lima menit, hujan turun seperti ditumpahkan dari ember.

<!--nextpage-->

## Pelajaran dari lapo di pinggir jalan

Kami berteduh di sebuah lapo kecil. Pemiliknya, ibu paruh baya dengan suara keras tapi hati lembut, langsung menyuruh kami duduk dekat tungku. "Basah kalian, nanti masuk angin," katanya, lalu menyodorkan tiga gelas kopi tanpa ditanya.

Hujan tidak berhenti sampai hampir dua jam. Rencana naik ke bukit untuk melihat matahari terbenam jelas batal. Tamu saya awalnya kecewa. Si kakak berkali-kali membuka aplikasi cuaca, seolah-olah dengan begitu hujannya bisa disuruh pindah.

Tapi pelan-pelan suasananya berubah. Ibu pemilik lapo bercerita tentang masa kecilnya, waktu air danau masih sangat jernih sampai batu di dasar dekat pinggiran bisa kelihatan. Ia bercerita tentang anak-anaknya yang merantau ke Jakarta dan Batam, yang pulang hanya waktu Natal atau kalau ada pesta adat. Ia juga memaksa kami mencicipi mi gomak buatannya, yang kuahnya pedas dan wangi andaliman.

Si adik, yang tadi pagi paling khawatir soal kapal, sekarang sibuk mencatat resep di ponselnya.

> "Kalau mau lihat Toba, jangan cuma lihat airnya. Lihat juga orangnya," kata ibu itu sebelum kami pamit.

Kalimat itu saya ingat terus, dan rasanya lebih pas daripada semua kalimat promosi wisata yang pernah saya baca.

## Pulang dengan jadwal berantakan

Besok paginya kami menyeberang kembali ke Ajibata. Kali ini danau tenang sekali, tidak ada ombak sedikit pun. Tamu saya duduk di bagian depan kapal tanpa memegang apa-apa. Sebelum turun, si kakak bilang bahwa dari semua tempat dalam daftarnya, hanya separuh yang berhasil didatangi. "Tapi anehnya saya tidak menyesal," katanya.

Buat kalian yang mau ke Samosir, ini beberapa catatan kecil dari saya:

- **Bawa jaket**, sekalipun cuaca di Medan sedang panas-panasnya.
- Tanyakan jam kapal terakhir di hari itu, jangan cuma percaya jadwal di internet.
- Siapkan uang tunai, karena tidak semua warung dan lapo menerima pembayaran digital.
- Jangan bikin jadwal terlalu padat. Sisakan ruang untuk hujan, kopi, dan obrolan.

Danau ini sudah ada jauh sebelum kita datang dengan jadwal dan kamera. Biarkan dia yang sesekali menentukan ritmenya.""",
    },
    {
        "author": "maria.tambunan",
        "title": "Arsik Ikan Mas Buatan Inang, Resep yang Tidak Pernah Ditulis",
        "category": "kuliner-daerah",
        "tags": ["kuliner batak", "arsik", "andaliman", "resep keluarga"],
        "image": True,
        "image_caption": "Arsik ikan mas dengan kuah kuning kental, dimasak perlahan di atas tungku.",
        "image_source": "Dokumentasi pribadi",
        "days_ago": 9,
        "body": """Kalau ditanya apa makanan yang paling bikin saya rindu rumah, jawabannya selalu sama: arsik ikan mas buatan inang saya. Bukan arsik di rumah makan, bukan arsik yang difoto cantik untuk media sosial, tapi arsik yang dimasak di dapur belakang rumah kami di Balige, dengan tungku kayu dan asap yang bikin mata perih.

Masalahnya, resep itu tidak pernah ditulis. Waktu saya minta takarannya, inang cuma bilang, "Ya secukupnya lah, kau lihat saja." Jadi tulisan ini adalah hasil beberapa kali saya berdiri di samping beliau, mencatat sambil sesekali dimarahi karena menghalangi jalan.

## Ikan mas bukan sekadar lauk

Di keluarga Batak, ikan mas punya tempat yang istimewa. Dalam banyak acara adat, ikan mas yang dimasak utuh diberikan sebagai tanda doa dan restu. Karena itu ikannya harus utuh, dari kepala sampai ekor, dan tidak boleh asal-asalan dimasak. Waktu kecil saya sering heran kenapa orang dewasa begitu serius soal seekor ikan. Sekarang saya mengerti: yang dihidangkan bukan cuma makanan, tapi harapan.

## Bumbu yang harus ada

Ini daftar bumbu versi inang saya. Takarannya saya kira-kira sendiri, jadi silakan disesuaikan:

- Andaliman, segenggam kecil. Ini yang bikin lidah bergetar, jangan dikurangi.
- Asam cikala (buah kecombrang), dua atau tiga buah, dibelah.
- Bawang batak, seikat. Kalau tidak ada, daun bawang biasa masih bisa, tapi rasanya beda.
- Kunyit, jahe, lengkuas, kemiri, bawang merah, bawang putih, dihaluskan.
- Cabai rawit, sesuai nyali.
- Kacang panjang dan batang rias sebagai sayurnya.

## Cara memasak yang tidak boleh terburu-buru

Ikan mas dibersihkan, dilumuri jeruk nipis dan garam, lalu didiamkan sebentar. Inang menata sayuran di dasar kuali dulu, baru ikan diletakkan di atasnya. Bumbu halus dicampur air lalu dituangkan sampai ikan hampir terendam. Andaliman dan asam cikala ditaburkan di atasnya.

Setelah itu, kuali ditutup dan dimasak dengan api kecil. Ini bagian yang paling penting: **jangan diaduk**. Kalau kuahnya perlu diratakan, cukup goyangkan kualinya pelan-pelan, atau siram bagian atas ikan dengan kuah pakai sendok. Ikan yang diaduk akan hancur, dan kata inang, ikan hancur itu tanda orang yang memasaknya tidak sabaran.

Arsik dimasak sampai kuahnya menyusut dan bumbunya meresap. Bisa satu jam, bisa lebih. Waktu itu biasanya dipakai inang untuk menyapu, menjemur pakaian, atau menelepon kakak saya di Pekanbaru.

## Rasa yang tidak bisa disalin

Saya sudah beberapa kali mencoba memasak arsik sendiri di rumah kontrakan. Hasilnya enak, kata teman-teman. Tapi selalu ada yang kurang, dan saya curiga yang kurang itu bukan bumbu, melainkan suara inang yang mengomel dari ruang tengah: "Apinya kebesaran itu!"

Kalau kalian mampir ke Toba, cobalah arsik di warung-warung sekitar danau. Dan kalau beruntung diundang makan di rumah orang, jangan menolak. Di situlah arsik yang paling jujur biasanya disajikan.""",
    },
    {
        "author": "maria.tambunan",
        "title": "Tiga Hari di Danau Toba dengan Dana Dua Jutaan: Panduan Jujur dari Orang Balige",
        "category": "destinasi",
        "tags": ["danau toba", "wisata hemat", "itinerary", "sumatera utara"],
        "image": True,
        "image_caption": "Pemandangan Danau Toba dari perbukitan, dengan sawah di lereng bawahnya.",
        "image_source": "Dokumentasi pribadi",
        "days_ago": 16,
        "body": """Hampir setiap minggu ada saja pesan masuk ke ponsel saya dengan pertanyaan yang mirip: "Kak, ke Toba habisnya berapa, ya?" Jawaban jujurnya: tergantung. Tapi karena jawaban itu menyebalkan, saya coba buatkan gambaran yang lebih jelas untuk perjalanan tiga hari dua malam, berangkat dan pulang dari Medan, dengan gaya jalan-jalan yang sederhana.

Kalau mau baca sejarah dan data umumnya dulu, halaman ini cukup membantu: https://id.wikipedia.org/wiki/Danau_Toba. Tulisan saya di bawah lebih ke urusan praktis: mau ke mana, makan apa, dan uangnya habis di mana.

## Hari pertama: perjalanan dan menyeberang

Dari Medan, naik mobil travel ke Parapat butuh waktu sekitar empat sampai lima jam, tergantung macet dan sopirnya. Berangkatlah pagi supaya sampai di Ajibata sebelum sore. Dari sana, naik kapal ke Tuktuk di Pulau Samosir. Sore harinya cukup jalan kaki di sekitar penginapan, cari tempat duduk menghadap danau, dan nikmati langit berubah warna. Tidak perlu ke mana-mana dulu, badan kalian pasti masih pegal.

## Hari kedua: keliling Samosir

Ini hari yang paling seru. Sewa motor di Tuktuk, lalu keliling pelan-pelan. Beberapa tempat yang saya sarankan:

1. Kampung-kampung tua di sekitar Tomok dan Ambarita yang masih punya rumah adat.
2. Bukit-bukit di sisi barat pulau untuk melihat danau dari ketinggian.
3. Pemandian air panas di seberang, kalau waktunya masih cukup.
4. Pasar lokal, kalau kebetulan hari pasar. Di sini harga buah dan camilan jauh lebih murah.

Satu pesan: jangan ngebut. Jalannya berkelok, dan kerbau di sini tidak kenal lampu sein.

## Hari ketiga: pulang lewat Balige

Pagi-pagi menyeberang kembali ke daratan. Kalau tidak terburu-buru, mampirlah ke Balige. Iya, saya memang promosi kampung sendiri. Di sini ada pasar dengan bangunan atap khas, pantai-pantai kecil di tepi danau, dan kedai kopi yang buka sejak subuh. Setelah itu baru lanjut ke Medan.

## Rincian biaya per orang

Ini perkiraan untuk satu orang, dengan penginapan sederhana dan motor dipakai berdua. Harga bisa berubah, apalagi saat musim libur.

| Pos pengeluaran | Perkiraan | Catatan |
|---|---|---|
| Travel Medan–Parapat pulang pergi | Rp200.000 | Bisa lebih murah naik bus |
| Kapal Ajibata–Tuktuk pulang pergi | Rp50.000 | Kapal kayu atau feri |
| Penginapan 2 malam | Rp500.000 | Homestay, kamar dibagi dua |
| Sewa motor 1 hari (dibagi dua) | Rp75.000 | Belum termasuk bensin |
| Bensin | Rp30.000 | Cukup untuk satu putaran santai |
| Makan 3 hari | Rp450.000 | Warung dan lapo, bukan restoran |
| Tiket masuk dan sumbangan | Rp100.000 | Beberapa kampung menarik retribusi |
| Jajan dan oleh-oleh | Rp250.000 | Kopi, kacang, kain kecil |
| **Total** | **± Rp1.655.000** | Sisanya untuk jaga-jaga |

Jadi dengan dua juta rupiah, kalian masih punya cadangan untuk hal-hal tak terduga, misalnya ban bocor atau godaan beli ulos yang terlalu cantik untuk ditinggal.

## Beberapa tips tambahan

- Bawa uang tunai secukupnya. Mesin ATM ada, tapi tidak di setiap sudut.
- Hindari akhir pekan panjang kalau ingin suasana yang tenang dan harga yang wajar.
- Tanya harga dulu sebelum makan atau menyewa sesuatu. Ini bukan soal curiga, tapi supaya sama-sama enak.
- Belajar satu kata: *mauliate*, artinya terima kasih. Ucapkan dengan tulus, dan kalian akan disambut dengan senyum yang lebih lebar.

Selamat merencanakan. Kalau sudah sampai di Balige, kabari saya, siapa tahu kita bisa minum kopi bersama.""",
    },
    {
        "author": "maria.tambunan",
        "title": "Surat untuk Danau yang Tidak Pernah Membalas",
        "category": "puisi",
        "tags": ["puisi", "danau toba", "rindu"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 24,
        "body": """Puisi ini saya tulis di dermaga kecil dekat rumah, suatu sore ketika kapal terakhir sudah lama pergi dan saya belum mau pulang.

---

Danau, aku menulis lagi untukmu\\
dengan tinta yang sama: air mata ompung\\
yang jatuh diam-diam di tepi sawah\\
waktu anak-anaknya satu per satu naik bus ke kota.

Kau tidak pernah membalas,\\
hanya mengirim angin dari utara\\
yang mengetuk jendela kayu\\
seperti tamu yang lupa namanya sendiri.

Aku ingat musim ketika kau masih jernih,\\
ketika batu-batu di dasarmu\\
bisa kami hitung sambil tertawa,\\
dan ikan-ikan kecil menggigit jari kaki kami\\
seolah ingin ikut bermain.

Sekarang aku datang membawa kantong plastik\\
bukan untuk kubuang, tapi untuk memungut\\
sisa-sisa pesta yang tak diundang\\
yang mengapung di antara eceng gondok\\
dan lagu-lagu lama dari lapo seberang.

Danau, kau menyimpan terlalu banyak nama:\\
nama perahu, nama kampung, nama orang-orang\\
yang berjanji akan pulang\\
dan nama mereka yang benar-benar pulang\\
hanya dalam doa.

Aku tidak meminta kau membalas.\\
Cukup tetap di sini,\\
tetap biru pada pagi yang berkabut,\\
tetap luas bagi anak-anak yang bermimpi\\
melihat ujungmu dari atas bukit.

Dan kalau suatu hari aku pergi jauh,\\
simpan namaku di antara riakmu,\\
bersama ribuan nama lainnya,\\
supaya ada alasan untuk kembali.

---

*Balige, pada sore yang terlalu sunyi untuk dilewatkan begitu saja.*""",
    },
    {
        "author": "maria.tambunan",
        "title": "Danau Toba Tidak Butuh Dipuji, Dia Butuh Dijaga",
        "category": "konservasi",
        "tags": ["danau toba", "lingkungan", "sampah plastik", "konservasi"],
        "image": True,
        "image_caption": "Relawan memungut sampah plastik di tepi danau pada Minggu pagi.",
        "image_source": "Dokumentasi pribadi",
        "days_ago": 35,
        "body": """Sebagai pemandu wisata, pekerjaan saya sehari-hari adalah memuji Danau Toba. Airnya biru, bukitnya hijau, udaranya sejuk, orangnya ramah. Semua itu benar. Tapi ada hal-hal yang jarang saya ceritakan kepada tamu, dan makin lama saya merasa makin tidak jujur kalau terus menyimpannya.

Danau ini sedang lelah.

## Yang kelihatan dari pinggir

Coba jalan kaki di beberapa bagian tepi danau setelah akhir pekan panjang. Botol air mineral, bungkus mi instan, kantong plastik, dan styrofoam bekas makanan ikut mengapung bersama daun-daun kering. Di beberapa teluk kecil, eceng gondok tumbuh rapat sekali sampai air di bawahnya hampir tidak kelihatan.

Lalu ada limbah rumah tangga. Banyak rumah dan warung di tepi danau yang saluran pembuangannya langsung mengarah ke air. Bukan karena orang-orangnya jahat, tapi karena selama puluhan tahun memang begitu caranya, dan belum ada pilihan lain yang mudah dan murah.

## Yang tidak kelihatan

Di beberapa titik, ada keramba jaring apung untuk budidaya ikan. Keramba memberi penghasilan bagi banyak keluarga, dan saya tidak mau menutup mata soal itu. Tapi pakan ikan yang berlebihan dan tidak termakan akan tenggelam dan mengendap. Kalau jumlahnya terlalu banyak di satu tempat, kualitas air bisa menurun. Orang-orang tua di kampung bilang air dulu lebih jernih, dan saya percaya mereka.

Soal ini, jalan keluarnya bukan saling menyalahkan. Yang dibutuhkan adalah aturan yang jelas, pengawasan yang konsisten, dan dukungan bagi warga yang ingin beralih ke cara budidaya yang lebih ramah lingkungan.

## Yang bisa kita lakukan

Sejak dua tahun lalu, saya dan beberapa teman dari kampung membuat kegiatan kecil: setiap Minggu pertama tiap bulan, kami memungut sampah di tepi danau selama dua jam. Awalnya cuma lima orang. Sekarang kadang belasan, termasuk anak-anak SD yang datang karena tertarik dengan sarung tangan warna-warni yang kami bagikan.

Hasilnya memang belum mengubah dunia. Tapi setidaknya anak-anak itu tumbuh dengan anggapan bahwa menjaga danau itu hal biasa, bukan tugas orang lain.

> Ompung saya dulu pernah bilang, "Danau ini bukan warisan dari nenek moyang kita. Danau ini titipan untuk cucu kita." Saya baru paham maksudnya setelah saya sendiri punya keponakan.

Untuk kalian yang datang berwisata, ada beberapa hal sederhana yang sangat membantu:

- **Bawa botol minum sendiri** dan isi ulang di penginapan.
- Bawa pulang sampah kalian, terutama kalau piknik di tempat yang tidak ada tempat sampahnya.
- Pilih penginapan dan warung yang terlihat serius mengelola sampah dan limbahnya.
- Jangan memberi makan ikan dengan makanan ringan dari plastik.
- Kalau melihat kegiatan bersih-bersih, ikut saja sebentar. Satu jam sudah sangat berarti.

## Bukan untuk menakut-nakuti

Saya menulis ini bukan supaya orang berhenti datang ke Toba. Justru sebaliknya, saya ingin orang datang dengan mata terbuka. Danau yang indah itu masih ada, dan masih bisa diselamatkan. Tapi keindahan tidak menjaga dirinya sendiri.

Danau Toba sudah cukup dipuji. Sekarang giliran kita menjaganya.""",
    },
    {
        "author": "andi.wijaya",
        "title": "Melatih Anak Umur Sepuluh Tahun: Yang Paling Susah Ternyata Bukan Tekniknya",
        "category": "sepak-bola",
        "tags": ["sepak bola anak", "pelatih", "ssb", "makassar"],
        "image": True,
        "image_caption": "Anak-anak sekolah sepak bola berlatih mengoper bola di lapangan tanah pada sore hari.",
        "image_source": "Dokumentasi pribadi",
        "days_ago": 1,
        "body": """Sudah enam tahun saya melatih di sebuah sekolah sepak bola kecil di Makassar. Muridnya anak-anak umur delapan sampai dua belas tahun, latihan tiga kali seminggu di lapangan yang rumputnya lebih banyak botak daripada hijau. Waktu pertama kali pegang tim, saya kira pekerjaan ini soal mengajari teknik: cara mengoper, cara menendang dengan punggung kaki, cara berdiri waktu bertahan.

Ternyata itu bagian yang paling gampang.

## Semua anak mengejar bola

Kalau kalian pernah menonton pertandingan anak umur sepuluh tahun, pasti kenal pemandangan ini: bola ada di satu titik, dan hampir semua pemain mengerumuninya seperti semut mengerubungi gula. Kiper pun kadang ikut maju kalau sudah tidak tahan.

Minggu-minggu pertama, saya berteriak terus dari pinggir lapangan. "Melebar! Jaga posisi!" Hasilnya nol. Anak-anak itu bukan tidak mendengar, mereka cuma belum bisa membayangkan lapangan sebagai ruang. Bagi mereka, sepak bola itu sederhana: di mana ada bola, di situ kebahagiaan.

Akhirnya saya ganti cara. Lapangan saya bagi jadi beberapa kotak pakai kerucut plastik, dan setiap anak punya kotaknya sendiri. Bola harus dioper dari kotak ke kotak, dan siapa yang keluar dari kotaknya, timnya kehilangan poin. Tidak ada ceramah soal taktik. Dalam sebulan, mereka mulai paham tanpa saya harus menyebut kata "posisi" sekali pun.

## Sepatu pinjaman dan bola yang kempis

Satu hal yang jarang dibahas orang: tidak semua anak datang dengan perlengkapan lengkap. Di tim saya, ada yang latihan pakai sepatu kakaknya yang kebesaran dua nomor, ada juga yang bertelanjang kaki karena sepatunya cuma sepasang dan harus dipakai ke sekolah besok pagi. Bola latihan kami pun sebagian sudah kempis dan harus dipompa setiap kali datang.

Awalnya saya malu dengan keadaan ini. Sekarang saya justru melihatnya sebagai bagian dari pelajaran. Anak-anak belajar berbagi: sepatu yang sudah kekecilan dibawa ke lapangan untuk adik-adik yang lebih kecil, bola yang masih bagus dipakai bergiliran. Beberapa orang tua yang rezekinya lebih juga ikut menyumbang tanpa banyak bicara. Saya tidak pernah mengumumkan siapa yang menyumbang, dan mereka pun tidak pernah minta disebut.

Yang saya jaga hanya satu: tidak boleh ada anak yang merasa kurang hanya karena perlengkapannya sederhana. Di lapangan, semua sama. Yang membedakan cuma seberapa keras mereka mau berusaha dan seberapa baik mereka memperlakukan temannya.

## Anak yang gampang menangis, anak yang diam

Setiap tim punya anak yang gampang menangis. Di tim saya, sebut saja namanya Fikri. Kalah sedikit, menangis. Dilanggar, menangis. Tendangannya melenceng, menangis juga. Awalnya saya bingung. Kalau dimarahi, makin parah. Kalau dibiarkan, teman-temannya mulai mengejek.

Yang akhirnya berhasil ternyata sederhana: saya kasih dia tugas. Fikri jadi penanggung jawab bola latihan. Dia yang menghitung bola sebelum dan sesudah latihan, dia yang memastikan semuanya masuk karung. Pelan-pelan dia merasa punya peran. Tangisannya tidak hilang sama sekali, tapi jauh berkurang, dan dia mulai berani minta bola di lapangan.

Lalu ada anak yang sebaliknya, pendiam sekali. Sebut saja Ical. Tidak pernah bertanya, tidak pernah protes, tidak pernah selebrasi kalau mencetak gol. Saya sempat mengira dia tidak menikmati latihan. Ternyata waktu saya ngobrol dengan ibunya, Ical setiap malam bercerita panjang lebar soal latihan di rumah. Dia cuma butuh waktu lebih lama untuk merasa nyaman di depan orang banyak.

Dari dua anak ini saya belajar satu hal penting: tidak ada satu cara melatih yang cocok untuk semua anak. Kita harus kenal mereka satu per satu, termasuk apa yang bikin mereka takut dan apa yang bikin mereka senang.

<!--nextpage-->

## Tantangan terbesar ada di pinggir lapangan

Ini bagian yang agak sensitif, tapi harus saya tulis. Yang paling sulit dari melatih anak-anak sering kali bukan anak-anaknya, melainkan orang dewasa di sekitar mereka.

Ada orang tua yang berteriak lebih keras dari pelatih. Ada yang memberi instruksi berbeda dari yang saya berikan, sehingga anaknya bingung harus mendengar siapa. Ada juga yang protes ke wasit dengan kata-kata yang tidak pantas didengar anak sepuluh tahun. Saya paham, semua itu dilakukan karena sayang dan ingin anaknya berhasil. Tapi efeknya sering kebalikan: anak jadi takut salah, dan anak yang takut salah tidak akan berani mencoba hal baru.

Tahun lalu kami membuat kesepakatan dengan para orang tua. Isinya sederhana:

1. Di pinggir lapangan, orang tua hanya bertepuk tangan dan memberi semangat.
2. Instruksi teknik hanya datang dari pelatih.
3. Wasit tidak diprotes, apalagi wasitnya sering kali pelatih tim lain yang juga sukarelawan.
4. Setelah pertandingan, pertanyaan pertama untuk anak adalah "Senang, tidak?", bukan "Kenapa kalah?"

Tidak semua orang tua langsung setuju. Ada yang merasa dibatasi. Tapi setelah beberapa bulan, suasana latihan jauh lebih santai. Beberapa orang tua malah mengaku jadi lebih menikmati menonton.

## Menang itu penting, tapi bukan sekarang

Saya sering ditanya, "Coach, target tahun ini juara apa?" Jujur, untuk anak umur sepuluh tahun, target saya bukan piala. Target saya adalah anak-anak ini masih mau main bola lima tahun lagi.

Pengalaman banyak pelatih menunjukkan hal yang mirip: anak yang terlalu cepat ditekan untuk menang cenderung berhenti berolahraga di usia remaja. Mereka bosan, capek, atau merasa tidak cukup bagus. Sebaliknya, anak yang sejak kecil menikmati permainan biasanya bertahan lebih lama, dan justru di situlah bakat punya waktu untuk tumbuh.

Karena itu, hampir semua materi latihan kami bungkus jadi permainan. Ada lomba menggiring bola melewati "ranjau" kerucut, ada permainan kucing dan tikus untuk melatih kelincahan, ada pertandingan mini tiga lawan tiga supaya setiap anak menyentuh bola sesering mungkin. Di turnamen, setiap anak juga dapat menit bermain yang kurang lebih sama, termasuk yang kemampuannya belum menonjol.

> Anak-anak tidak ingat skor pertandingan waktu mereka umur sepuluh tahun. Yang mereka ingat adalah apakah mereka merasa senang dan dihargai.

## Hal-hal kecil yang ternyata besar

Beberapa kebiasaan kecil yang saya pertahankan sampai sekarang:

- Menyapa setiap anak dengan namanya di awal latihan.
- Istirahat minum setiap lima belas menit, karena panasnya Makassar tidak main-main.
- Menutup latihan dengan lingkaran, dan setiap anak boleh menyebut satu hal bagus yang dilakukan temannya hari itu.
- **Tidak pernah** menjadikan lari keliling lapangan sebagai hukuman. Lari itu latihan, bukan siksaan.

Enam tahun melatih, saya belum pernah membawa tim juara turnamen besar. Tapi bulan lalu, salah satu alumni kami yang sekarang sudah SMA datang ke lapangan dan bertanya apakah dia boleh bantu melatih adik-adiknya. Buat saya, itu lebih berharga dari piala mana pun.""",
    },
    {
        "author": "andi.wijaya",
        "title": "Raket Pinjaman, Net dari Tali Rafia, dan Malam-Malam di Lorong",
        "category": "bulu-tangkis",
        "tags": ["bulu tangkis", "kenangan", "masa kecil", "lorong"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 28,
        "body": """Sebelum jatuh cinta pada sepak bola, cinta pertama saya sebenarnya bulu tangkis. Bukan bulu tangkis di gedung olahraga dengan lantai kayu dan lampu terang, tapi bulu tangkis di lorong depan rumah, dengan net dari tali rafia dan lampu jalan yang berkedip-kedip seperti sedang berpikir.

## Lapangan yang dipasang setiap malam

Lorong tempat saya tumbuh di Makassar lebarnya tidak sampai empat meter. Setiap selesai isya, bapak-bapak dan anak-anak mulai bergerak. Ada yang mengikat tali rafia di antara dua tiang listrik, ada yang menggambar garis lapangan pakai pecahan batu bata, ada yang menyapu kerikil supaya tidak ada yang terpeleset. Dalam sepuluh menit, lorong berubah jadi arena.

Aturannya tidak tertulis tapi semua orang hafal. Yang kalah gantian. Yang menyangkutkan kok di atap rumah orang wajib minta maaf sendiri. Dan kalau ada motor lewat, semua harus berhenti dan minggir, lalu bertepuk tangan kalau motornya lewat tanpa menyenggol net.

## Raket yang beratnya seperti wajan

Raket pertama saya adalah pinjaman dari om. Gagangnya sudah dililit handuk kecil, senarnya pernah putus satu dan disambung dengan simpul yang bikin kok sering melenceng ke arah tak terduga. Beratnya, menurut ingatan saya yang masih kecil waktu itu, seperti wajan penggorengan.

Koknya lebih memprihatinkan lagi. Kami jarang beli baru. Kok bekas yang bulunya patah-patah kami tambal pakai selotip, dan kalau sudah benar-benar gundul, kami pakai untuk latihan servis saja.

Lalu ada angin. Lorong kami tidak jauh dari laut, dan angin malam bisa tiba-tiba datang dari arah mana saja. Pemain senior di lorong punya rumus: *kalau angin dari barat, jangan smes, main pendek saja.* Saya tidak tahu apakah rumus itu benar secara ilmiah, tapi sering berhasil.

## Kok yang mendarat di atap Daeng Mina

Rumah paling ujung milik Daeng Mina, tetangga yang terkenal galak. Setiap kali kok mendarat di atap rumahnya, kami semua saling dorong untuk jadi yang mengetuk pintu. Anehnya, Daeng Mina selalu mengembalikan kok itu dengan tongkat panjang, lalu menambahkan sepiring pisang goreng untuk "anak-anak yang ribut". Galaknya cuma di suara.

## Kejujuran sebagai wasit

Di lorong kami tidak ada wasit. Kalau kok jatuh di dekat garis, yang memutuskan masuk atau keluar adalah pemain yang paling dekat. Dan anehnya, jarang sekali ada pertengkaran. Kalau ada yang ketahuan curang, dia tidak dimarahi, tapi besok malamnya tidak ada yang mau jadi pasangannya main ganda. Hukuman sosial yang jauh lebih efektif daripada kartu kuning.

Sekarang lorong itu sudah penuh motor parkir, dan anak-anak di sana lebih sering main gim di ponsel. Saya tidak mau menyalahkan mereka, zaman memang berubah. Tapi setiap Minggu pagi, saat saya main bulu tangkis dengan bapak-bapak di gedung olahraga kelurahan, saya selalu ingat pelajaran dari lorong itu: **main dengan jujur, dan jangan lupa minta maaf kalau kok nyangkut di atap orang.**""",
    },
    {
        "author": "andi.wijaya",
        "title": "Setahun Lari Pagi di Makassar: Tujuh Catatan untuk Pemula yang Gampang Menyerah",
        "category": "lari",
        "tags": ["lari", "lari pagi", "tips pemula", "kesehatan"],
        "image": True,
        "image_caption": "Pelari pagi menyusuri jalan tepi pantai sebelum matahari meninggi.",
        "image_source": "Dokumentasi pribadi",
        "days_ago": 41,
        "body": """Lucu juga kalau dipikir. Tiap hari saya menyuruh anak-anak lari keliling lapangan, tapi saya sendiri bertahun-tahun malas lari. Alasannya banyak: sibuk, panas, lutut, dan yang paling jujur, gengsi ketahuan ngos-ngosan.

Semua berubah setahun lalu, waktu celana latihan saya mulai sesak dan seorang teman mengajak lari pagi di sepanjang pantai. Hari pertama, baru dua kilometer saya sudah berhenti dan pura-pura mengikat tali sepatu. Sekarang saya bisa lari sepuluh kilometer tanpa berhenti. Tidak cepat, tapi selesai.

Ini tujuh catatan yang saya kumpulkan selama setahun itu. Saya bukan dokter dan bukan atlet, jadi anggap saja ini obrolan dari sesama pemula.

## 1. Mulai lebih pelan dari yang kau kira

Kesalahan terbesar saya di awal adalah langsung lari kencang karena semangat. Hasilnya, lima menit kemudian napas sudah habis. Patokan yang paling gampang: kalau kau tidak bisa bicara satu kalimat utuh sambil lari, berarti terlalu cepat. Untuk benar-benar pemula, coba pola **lari dua menit, jalan satu menit**, diulang beberapa kali.

## 2. Kalahkan matahari

Makassar jam tujuh pagi sudah terasa seperti jam sepuluh di kota lain. Saya biasanya mulai setengah enam, setelah subuh. Selain lebih sejuk, jalanan juga masih sepi dan udaranya belum penuh asap kendaraan.

## 3. Minum sebelum haus

Minum segelas air setelah bangun tidur, dan bawa botol kecil kalau lari lebih dari tiga puluh menit. Setelah lari, air kelapa dari penjual di pinggir pantai adalah hadiah terbaik. Murah, segar, dan bikin semangat datang lagi besok.

## 4. Sepatu tidak harus mahal, tapi harus pas

Saya pernah tergoda beli sepatu yang dipakai pelari terkenal di iklan. Ternyata yang penting bukan merek, tapi ukuran dan kenyamanan. Coba sepatu di sore hari saat kaki sedikit mengembang, dan sisakan ruang kira-kira selebar jempol di ujung jari kaki.

## 5. Hari istirahat juga bagian dari latihan

Tiga atau empat kali seminggu sudah cukup untuk pemula. Di antara hari lari, jalan santai atau peregangan saja. Otot butuh waktu untuk pulih, dan saya belajar hal ini dengan cara yang menyakitkan: betis kram seminggu penuh gara-gara lari lima hari berturut-turut.

## 6. Jangan sibuk membandingkan diri

Aplikasi pencatat lari itu berguna, tapi bisa juga bikin minder. Ada saja teman yang catatannya jauh lebih cepat. Saya akhirnya memutuskan hanya membandingkan diri dengan saya bulan lalu. *Lebih baik sedikit daripada bulan lalu*, itu saja targetnya.

## 7. Cari teman lari

Ini rahasia yang paling ampuh. Hari-hari ketika saya malas bangun, yang menyelamatkan adalah pesan di grup: "Jadi ji, di'? Saya sudah di depan." Malu kalau tidak datang. Sekarang grup kecil kami berisi delapan orang, dari mahasiswa sampai pensiunan guru.

## Penutup

Setahun lalu saya lari untuk mengecilkan perut. Sekarang saya lari karena suka suasana pagi: laut yang masih tenang, penjual sarapan yang baru buka lapak, dan rasa puas setelah berhasil mengalahkan rasa malas sendiri. Perut memang mengecil sedikit, tapi itu malah jadi bonus.

Kalau punya riwayat penyakit jantung, tekanan darah tinggi, atau cedera lama, konsultasikan dulu dengan tenaga kesehatan sebelum mulai. Setelah itu, pakai sepatumu dan mulai saja. Pelan-pelan pun tetap dihitung.""",
    },
    {
        "author": "andi.wijaya",
        "title": "Lapangan Bola di Makassar Makin Langka, Anak-Anak Kita Main di Mana?",
        "category": "tata-kota",
        "tags": ["tata kota", "ruang terbuka hijau", "lapangan bola", "makassar"],
        "image": True,
        "image_caption": "Anak-anak bermain bola di lahan kosong yang tersisa di antara deretan bangunan baru.",
        "image_source": "Dokumentasi pribadi",
        "days_ago": 52,
        "body": """Waktu saya kecil, dalam jarak sepuluh menit jalan kaki dari rumah ada tiga tempat main bola. Pertama, lapangan tanah di samping kantor kelurahan. Kedua, tanah kosong yang pemiliknya tidak pernah kami ketahui. Ketiga, halaman sekolah dasar yang selalu terbuka setiap sore.

Minggu lalu saya jalan-jalan lagi ke daerah itu. Tanah kosong sudah jadi deretan ruko. Lapangan kelurahan sebagian dipakai untuk parkir dan gudang. Halaman sekolah masih ada, tapi pagarnya sekarang tinggi dan gemboknya besar.

Anak-anak di sana sekarang main bola di mana? Jawabannya saya lihat sendiri: di jalan, di antara motor yang lalu lalang.

## Kota tumbuh, ruang main menyusut

Saya paham kota harus tumbuh. Orang butuh rumah, usaha butuh tempat, dan pemilik tanah tentu berhak membangun di atas tanahnya sendiri. Tanah kosong tempat kami dulu main memang bukan milik kami. Masalahnya bukan di situ.

Masalahnya, ketika satu demi satu ruang terbuka itu hilang, hampir tidak ada yang menggantinya. Kebutuhan anak-anak untuk berlari, menendang bola, dan berkumpul seperti tidak pernah masuk hitungan.

## Futsal bukan jawaban untuk semua orang

Sebagian orang bilang, "Kan sudah banyak lapangan futsal." Betul, tapi sewa lapangan futsal dihitung per jam, dan tarifnya tidak ramah untuk kantong anak lorong. Di sekolah sepak bola tempat saya melatih, ada beberapa murid yang harus naik pete-pete cukup jauh hanya untuk sampai ke lapangan latihan. Ada juga yang akhirnya berhenti karena ongkosnya memberatkan orang tua.

Anak-anak dari keluarga mampu tetap bisa berolahraga. Anak-anak yang lain makin kehilangan kesempatan. Di sinilah menurut saya persoalan tata kota jadi persoalan keadilan.

## Aturannya sebenarnya sudah ada

Undang-undang tentang penataan ruang mengamanatkan ruang terbuka hijau paling sedikit tiga puluh persen dari luas wilayah kota, dengan sebagian besar berupa ruang terbuka hijau publik. Perumahan baru juga umumnya diwajibkan menyediakan fasilitas umum dan fasilitas sosial, termasuk ruang terbuka.

Di atas kertas, semua itu bagus. Tapi kita bisa lihat sendiri di sekitar kita: berapa banyak lahan fasilitas umum di kompleks perumahan yang benar-benar jadi taman atau lapangan? Saya tidak sedang menuduh siapa pun. Saya hanya berharap aturan yang sudah ada dijalankan dengan sungguh-sungguh dan diawasi bersama.

## Usul dari pinggir lapangan

Sebagai pelatih yang setiap minggu berburu lapangan kosong, ini beberapa usul sederhana:

- **Buka halaman sekolah di sore hari dan akhir pekan**, dengan jadwal yang jelas dan penanggung jawab dari warga.
- Data ulang lahan fasilitas umum di setiap kompleks perumahan, lalu pastikan sebagian tetap jadi ruang bermain.
- Sediakan lapangan kecil serbaguna di setiap kelurahan. Tidak harus rumput sintetis mahal, tanah yang rata dan dua gawang sudah lebih dari cukup.
- Libatkan warga, karang taruna, dan sekolah sepak bola untuk ikut merawatnya, supaya lapangan tidak rusak lalu ditinggalkan.

## Kota yang ramah anak

Kota yang baik bukan cuma kota yang jalannya lebar dan mal-nya banyak. Kota yang baik adalah kota tempat seorang anak bisa keluar rumah sore hari, membawa bola plastik, dan menemukan tempat aman untuk bermain tanpa harus membayar atau bertaruh nyawa dengan kendaraan.

Anak-anak yang hari ini main bola di jalan adalah warga kota kita besok. Sudah sepantasnya mereka diberi ruang.""",
    },
    {
        "author": "andi.wijaya",
        "title": "Turnamen Antar-Lorong Sipakainga Cup Ditutup Meriah, Lorong Tiga Juara Lewat Adu Penalti",
        "category": "sulawesi",
        "tags": ["makassar", "turnamen", "sepak bola", "berita warga"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 0,
        "body": """**MAKASSAR** – Turnamen sepak bola anak antar-lorong Sipakainga Cup resmi ditutup pada Minggu sore di lapangan tanah Kelurahan Sipakainga. Tim Lorong Tiga keluar sebagai juara setelah mengalahkan Lorong Tujuh lewat adu penalti dengan skor 4-3, menyusul hasil imbang 1-1 di waktu normal.

Turnamen yang berlangsung selama tiga pekan ini diikuti dua belas tim dari berbagai lorong di kelurahan tersebut. Pesertanya anak-anak berusia sepuluh sampai tiga belas tahun, dengan format tujuh lawan tujuh dan durasi pertandingan dua kali lima belas menit.

## Final yang menegangkan

Laga final berjalan ketat sejak awal. Lorong Tujuh unggul lebih dulu lewat tendangan jarak jauh di babak pertama. Lorong Tiga baru bisa menyamakan kedudukan lima menit sebelum pertandingan usai, memanfaatkan bola muntah dari sepak pojok.

Di babak adu penalti, kiper Lorong Tiga berhasil menepis satu tendangan dan memastikan kemenangan timnya. Ratusan warga yang memadati pinggir lapangan langsung bersorak, sebagian bahkan ikut berlari ke tengah lapangan sebelum ditertibkan panitia.

## Digelar secara swadaya

Ketua panitia, Syamsuddin, mengatakan turnamen ini sepenuhnya dibiayai secara swadaya oleh warga. Dana berasal dari iuran sukarela, sumbangan warung-warung di sekitar lapangan, dan hasil penjualan kupon doorprize.

"Kami tidak cari untung. Yang penting anak-anak punya kegiatan positif di sore hari dan tidak cuma main ponsel di rumah," ujarnya saat ditemui setelah upacara penutupan.

Menurut Syamsuddin, jadwal sempat mundur dua hari karena hujan deras yang membuat lapangan tergenang. Warga kemudian bergotong royong menimbun bagian lapangan yang berlubang dengan tanah dan pasir.

## Daftar penghargaan

Selain gelar juara, panitia juga memberikan sejumlah penghargaan:

- **Juara I:** Lorong Tiga
- **Juara II:** Lorong Tujuh
- **Juara III:** Lorong Satu
- **Pencetak gol terbanyak:** Rizal (Lorong Satu), tujuh gol
- **Kiper terbaik:** Aldi (Lorong Tiga)
- **Tim paling sportif:** Lorong Lima

Penghargaan tim paling sportif diberikan kepada Lorong Lima karena sepanjang turnamen tidak sekali pun menerima kartu kuning, dan para pemainnya dikenal selalu menyalami wasit setelah pertandingan.

## Tahun depan ada kategori putri

Panitia berencana menggelar turnamen serupa tahun depan dengan menambah kategori untuk anak perempuan. Rencana ini muncul setelah beberapa anak perempuan di kelurahan tersebut terlihat ikut berlatih bersama tim lorongnya masing-masing selama turnamen berlangsung.

"Banyak yang tanya, kenapa tidak ada tim perempuan. Jadi tahun depan kita coba. Kalau ada yang mau bantu melatih, pintu terbuka," kata Syamsuddin.

*Penulis ikut terlibat dalam turnamen ini sebagai salah satu pengawas pertandingan secara sukarela.*""",
    },
]
