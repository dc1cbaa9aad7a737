# ruff: noqa: E501
ARTICLES: list[dict[str, object]] = [
    {
        "author": "sekar.ayu",
        "title": "Jeriken Dua Liter dan Pelajaran yang Tidak Ada di Buku Paket",
        "category": "iklim",
        "tags": ["kupang", "air bersih", "kemarau", "sekolah"],
        "image": True,
        "image_caption": "Deretan jeriken kecil milik murid di depan kelas pada puncak musim kemarau.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 4,
        "body": """Setiap pagi di bulan-bulan kemarau, pemandangan pertama yang saya lihat di depan kelas 4 bukan tas sekolah, tapi jeriken. Ukurannya macam-macam: ada bekas minyak goreng dua liter, ada botol air mineral besar yang tutupnya sudah diganti plastik diikat karet, ada juga yang cuma botol sirup. Isinya air dari rumah masing-masing.

Aturan ini sebenarnya bukan aturan resmi. Awalnya cuma usul dari murid-murid sendiri waktu bak penampungan sekolah kering di bulan Agustus dua tahun lalu. Toilet tidak bisa dipakai, tanaman di depan kelas mati satu per satu, dan anak-anak pulang lebih cepat karena haus. Lalu Yosefina, murid paling kecil di kelas saya waktu itu, angkat tangan dan bilang, "Ibu, besok beta bawa air dari rumah sa."

## Air tangki dan hitungan mama-mama

Di kampung sekitar sekolah kami di pinggiran Kupang, air bukan sesuatu yang keluar begitu saja dari keran. Banyak sumur yang dangkal dan cepat kering. Sebagian keluarga membeli air tangki, dan harganya ikut naik kalau kemarau makin panjang. Mama-mama di sini jago sekali berhitung: berapa liter untuk masak, berapa untuk mandi anak, berapa yang boleh dipakai menyiram sayur di halaman.

Jadi waktu anak-anak membawa dua liter air ke sekolah, itu bukan hal kecil. Itu dua liter yang dilepas dari jatah rumah. Saya selalu ingat itu setiap kali melihat jeriken berjajar di depan pintu.

## Yang kami pelajari dari dua liter

Lama-lama jeriken itu jadi bahan pelajaran. Kami pernah mengukur berapa gelas yang bisa diisi dari satu jeriken (jawabannya sebelas gelas lebih sedikit, dan anak-anak sempat berdebat lama soal "lebih sedikit" itu). Kami juga membuat kesepakatan kelas:

- Air untuk minum dulu, baru untuk cuci tangan.
- Sisa air cuci tangan ditampung di baskom, lalu dipakai menyiram pohon kelor di belakang kelas.
- Siapa yang lupa bawa air tidak dimarahi. Teman yang bawa lebih boleh berbagi.

Poin terakhir itu penting. Ada anak yang rumahnya paling jauh dari sumber air, dan saya tidak mau jeriken berubah jadi alat untuk mempermalukan siapa pun.

> "Air itu bukan milik satu orang, Ibu. Dia cuma mampir di kita." — kata Marten, kelas 4, waktu kami membahas siklus air.

Saya tidak tahu dari mana anak itu dapat kalimat seindah itu. Mungkin dari bapanya, mungkin dari khotbah di gereja, mungkin dia pikir sendiri sambil menunggu jam pulang. Yang jelas, kalimat itu sekarang saya tulis besar-besar di papan pengumuman kelas.

## Harapan sederhana

Tahun ini komite sekolah sedang mengumpulkan dana untuk menambah satu tandon penampung air hujan. Kalau musim hujan datang dan tandon itu bisa penuh, mungkin bulan Agustus nanti anak-anak tidak perlu lagi membawa jeriken.

Tapi jujur, ada sebagian dari diri saya yang berharap kebiasaan berbagi air itu tetap tinggal. Buku paket mengajarkan siklus air dengan gambar panah dan awan. Anak-anak saya belajar siklus air dari jeriken dua liter, dan menurut saya pelajaran yang kedua jauh lebih susah dilupakan.""",
    },
    {
        "author": "sekar.ayu",
        "title": "Pojok Baca dari Kardus Mi Instan: Catatan Setahun Mengajak Anak-Anak Kupang Membaca",
        "category": "literasi",
        "tags": ["literasi", "membaca", "ntt", "anak", "pojok baca"],
        "image": True,
        "image_caption": "Rak buku sederhana dari kardus bekas di sudut belakang ruang kelas.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 12,
        "body": """Awal tahun ajaran lalu, saya melakukan satu hal yang sebenarnya agak saya sesali: saya meminta murid-murid kelas 3 membaca satu paragraf pendek di depan kelas, satu per satu. Niatnya ingin tahu kemampuan mereka. Hasilnya membuat saya pulang dengan kepala pening.

Dari dua puluh tiga anak, hanya sembilan yang bisa membaca dengan lancar. Sisanya masih mengeja, ada yang berhenti lama di setiap kata yang punya huruf "ng" atau "ny", dan ada tiga anak yang diam saja sambil menunduk. Salah satunya, sebut saja Angel, langsung menangis begitu namanya dipanggil. Di situ saya sadar: cara saya mengukur justru membuat membaca terasa seperti hukuman.

## Buku ada, tapi terkunci

Sekolah kami sebenarnya punya perpustakaan. Masalahnya, ruangan itu sudah bertahun-tahun merangkap gudang: ada kursi rusak, tumpukan arsip lama, dan beberapa dus buku bantuan yang plastiknya bahkan belum pernah dibuka. Kuncinya dipegang satu orang, dan orang itu sering tugas ke luar.

Di rumah, kondisinya tidak jauh beda. Waktu saya tanya siapa yang punya buku cerita di rumah, hanya empat anak yang angkat tangan. Bacaan yang paling sering mereka lihat adalah kalender gereja, bungkus makanan, dan tulisan di badan bemo.

Jadi persoalannya bukan anak-anak malas. Mereka jarang bertemu buku dalam keadaan yang menyenangkan.

## Kardus, paku, dan cat sisa

Ide pojok baca datang dari hal paling sederhana. Suatu sore saya belanja di kios dekat rumah dan melihat tumpukan kardus mi instan yang mau dibuang. Kardus itu kuat, ukurannya pas untuk buku anak, dan gratis.

Saya bawa pulang delapan kardus. Dibantu adik saya, kardus-kardus itu kami potong miring supaya sampul buku kelihatan dari depan, lalu dilapisi kertas sampul cokelat dan dicat dengan sisa cat tembok. Hasilnya tidak cantik-cantik amat, tapi berdiri tegak dan bisa ditempel ke dinding dengan paku kecil.

Buku pertamanya saya ambil dari dus bantuan di perpustakaan, setelah minta izin kepala sekolah, yang ternyata langsung setuju dan malah agak malu karena dus itu sempat terlupakan. Ditambah sumbangan teman-teman kuliah saya dulu, terkumpul sekitar enam puluh buku.

Senin berikutnya, anak-anak masuk kelas dan melihat sudut belakang yang biasanya kosong sudah penuh warna. Marten, yang biasanya paling ribut, berdiri lama di depan rak dan bertanya pelan, "Ibu, ini boleh pegang?"

Pertanyaan itu yang membuat saya yakin kami ada di jalan yang benar.

<!--nextpage-->

## Aturan yang kami sepakati bersama

Saya belajar dari kesalahan di awal: membaca tidak boleh terasa seperti ujian. Jadi aturan pojok baca kami buat bersama anak-anak, ditulis dengan spidol di karton, dan ditempel di samping rak.

1. Boleh memilih buku sendiri, termasuk buku yang "terlalu gampang".
2. Boleh membaca sambil duduk di lantai, asal tikarnya digelar dulu.
3. Boleh berhenti di tengah buku kalau bosan, lalu ganti buku lain.
4. Buku dikembalikan dengan sampul menghadap ke depan.
5. Yang belum lancar membaca boleh "membaca gambar" dan menceritakannya ke teman.

Aturan nomor 5 itu usulan anak-anak sendiri. Awalnya saya ragu, tapi justru itu yang membuat Angel dan dua temannya mau mendekat ke rak. Mereka mulai dari buku bergambar tanpa teks, bercerita ke teman sebangku, lalu pelan-pelan bertanya, "Ibu, ini tulisannya apa?"

## Lima belas menit setiap pagi

Setiap pagi, sebelum pelajaran pertama, kami punya lima belas menit membaca. Tidak ada tugas, tidak ada pertanyaan sesudahnya. Saya ikut membaca juga, dan ini bagian yang ternyata penting. Anak-anak memperhatikan apa yang orang dewasa lakukan, bukan apa yang orang dewasa suruh.

Setiap Jumat, lima belas menit itu berubah jadi waktu membacakan cerita. Saya membaca dengan suara keras, lengkap dengan suara-suara tokoh yang kadang membuat saya sendiri malu. Anak-anak paling suka kalau saya mengganti nama tempat dalam cerita dengan tempat yang mereka kenal. Kancil tiba-tiba tinggal di Oesapa, dan buaya menunggu di muara dekat pantai.

## Buku yang ditulis anak-anak sendiri

Masalah berikutnya muncul di bulan ketiga: anak-anak mulai bosan karena buku kami tidak bertambah. Di sinilah kami mencoba sesuatu yang agak nekat. Kalau bukunya kurang, kenapa tidak membuat sendiri?

Setiap anak membuat satu buku kecil dari kertas HVS yang dilipat dua. Isinya bebas: ada yang menulis tentang ayam peliharaannya, ada yang menggambar pohon lontar di kebun neneknya, ada yang bercerita tentang kakaknya yang merantau ke Kalimantan. Ejaannya berantakan, gambarnya kadang lebih besar dari tulisannya, tapi semuanya kami jilid dengan staples dan dipajang di rak paling atas.

*Buku paling laris di pojok baca kami sampai hari ini bukan buku cetakan.* Juaranya adalah "Babi Nakal Om Yance", karya seorang anak kelas 3 tentang babi tetangganya yang hobi kabur ke halaman gereja. Buku itu dipinjam begitu sering sampai sampulnya harus diganti dua kali.

Dari situ saya belajar bahwa anak-anak lebih bersemangat membaca cerita yang dekat dengan hidup mereka. Bukan berarti buku dari luar tidak penting. Anak-anak butuh jendela untuk melihat dunia lain, tapi mereka juga butuh cermin untuk melihat diri sendiri.

<!--nextpage-->

## Tidak semuanya berjalan mulus

Supaya tulisan ini tidak terdengar seperti iklan, saya perlu jujur soal kendala kami.

Pertama, **buku cepat rusak**. Udara Kupang yang panas dan berdebu membuat kertas cepat menguning, dan tangan-tangan kecil tidak selalu lembut. Kami akhirnya punya "rumah sakit buku": satu kotak berisi selotip bening, lem, dan gunting. Setiap Sabtu, dua anak bertugas jadi dokternya.

Kedua, **tidak semua orang tua langsung paham**. Ada yang bertanya kenapa anaknya "cuma main buku cerita" padahal sebentar lagi ujian. Saya mengerti kekhawatiran itu. Jadi di pertemuan orang tua, beberapa anak membacakan buku buatan mereka di depan bapa dan mama mereka. Setelah itu, pertanyaan semacam itu berkurang banyak. Ada satu bapa yang sampai mengusap mata waktu anaknya membaca cerita tentang dia yang pulang melaut.

Ketiga, **saya sempat kelelahan**. Mengurus pojok baca, mengoreksi, menyiapkan administrasi, dan mengajar penuh itu berat. Di bulan kelima, saya hampir berhenti membacakan cerita hari Jumat. Yang menyelamatkan justru anak-anak: mereka mulai bergiliran jadi pembaca cerita, dan saya cukup duduk di belakang sebagai pendengar.

## Setelah setahun

Di akhir tahun ajaran, saya mengulang tes yang sama, tapi kali ini tidak di depan kelas. Anak-anak saya panggil satu per satu ke pojok baca, dan mereka boleh memilih sendiri teks yang mau dibaca.

Hasilnya, delapan belas dari dua puluh tiga anak sudah membaca dengan lancar. Lima lainnya masih tersendat, tapi tidak ada lagi yang menangis atau menunduk diam. Angel? Dia memilih membaca buku buatannya sendiri, tentang kucing yang tidur di atas karung beras, dan dia membacanya sampai habis tanpa berhenti.

Angka itu bukan hasil penelitian, dan saya tahu banyak hal lain yang ikut berperan. Tapi buat saya, perubahan paling besar tidak tercatat di lembar nilai. Perubahannya ada di jam istirahat, waktu saya melihat tiga-empat anak memilih duduk di tikar pojok baca daripada berlari ke kios.

> Membaca itu seperti berenang. Anak-anak tidak belajar berenang dengan dimarahi di pinggir kolam. Mereka belajar karena airnya menyenangkan dan ada yang menemani.

## Untuk teman-teman guru

Kalau ada rekan guru yang ingin mencoba, saran saya sederhana:

- Mulai dari yang ada. Kardus, tikar, dan buku seadanya sudah cukup.
- Libatkan anak-anak sejak hari pertama, dari membuat aturan sampai merawat buku.
- Beri tempat untuk cerita lokal, termasuk tulisan anak-anak sendiri.
- Jangan ukur keberhasilan hanya dari kecepatan membaca.

Pojok baca kami masih terbuat dari kardus mi instan. Beberapa sudah penyok dan catnya mengelupas. Tahun depan mungkin kami ganti dengan rak kayu kalau ada dana. Tapi satu kardus akan tetap saya simpan, sebagai pengingat bahwa semuanya dimulai dari barang yang hampir dibuang.""",
    },
    {
        "author": "sekar.ayu",
        "title": "Beta, Lu, dan Bahasa Indonesia: Mengajar di Antara Dua Bahasa",
        "category": "bahasa",
        "tags": ["bahasa kupang", "bahasa indonesia", "menulis", "kupang"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 21,
        "body": """Hampir setiap minggu ada murid yang bertanya dengan polos, "Ibu, kalau tulis karangan, boleh pakai 'beta' sonde?"

Pertanyaan itu kelihatan sederhana, tapi jawabannya selalu membuat saya berpikir agak lama.

Di Kupang, anak-anak tumbuh dengan bahasa Melayu Kupang. Di rumah, di pasar, di lapangan bola, mereka bilang *beta* untuk "saya", *lu* untuk "kamu", *sonde* untuk "tidak", dan *su* untuk "sudah". Kalimat seperti "Beta su makan" terdengar jauh lebih akrab di telinga mereka daripada "Saya sudah makan". Lalu mereka masuk kelas, membuka buku paket, dan bertemu bahasa Indonesia baku yang rasanya seperti bahasa tamu.

## Dulu saya rajin mencoret

Waktu pertama kali mengajar, saya termasuk guru yang rajin mencoret. Setiap "beta" di buku tulis saya lingkari merah dan saya tulis "saya" di atasnya. Niat saya baik: anak-anak harus siap ujian, dan ujian memakai bahasa Indonesia baku.

Tapi lama-lama saya perhatikan ada yang hilang. Karangan anak-anak jadi pendek dan kaku. Mereka takut salah, jadi mereka menulis seadanya. Kalimatnya benar, tapi tidak ada nyawanya. Padahal kalau mereka bercerita secara lisan dengan bahasa Kupang, ceritanya hidup sekali, lengkap dengan gaya tangan dan candaannya.

## Dua baju untuk dua acara

Sekarang saya memakai perumpamaan baju. Saya bilang ke anak-anak, bahasa itu seperti pakaian. Ada baju untuk ke gereja, ada baju untuk main di kebun. Dua-duanya baju yang baik. Yang penting kita tahu kapan memakai yang mana.

Dalam praktiknya, kami punya beberapa kebiasaan:

- **Draf bebas.** Untuk draf pertama karangan, anak-anak boleh menulis dengan bahasa apa saja yang membuat mereka lancar bercerita.
- **Kamus kelas.** Kami punya karton besar berisi dua kolom: bahasa Kupang di kiri, bahasa Indonesia di kanan. Anak-anak sendiri yang mengisinya.
- **Ganti baju gereja.** Setelah draf selesai, kami sama-sama mengubahnya menjadi bahasa Indonesia baku, kalimat demi kalimat.

Kamus kelas itu ternyata jadi salah satu hal yang paling mereka sukai. Pernah ada perdebatan panjang soal apakah *pi* cukup ditulis "pergi" atau harus "pergi ke", dan bagaimana menerjemahkan *dolo* yang kadang artinya "dulu", kadang cuma pemanis kalimat supaya tidak terdengar memerintah. Tanpa sadar, mereka sedang belajar tata bahasa, dan belajarnya dengan semangat.

## Bahasa rumah bukan musuh

Saya tidak sedang bilang bahwa bahasa Indonesia baku tidak penting. Anak-anak saya perlu menguasainya untuk sekolah, untuk pekerjaan nanti, dan untuk bisa bicara dengan orang dari pulau mana pun. Tapi saya juga tidak mau mereka tumbuh dengan anggapan bahwa bahasa rumah mereka adalah bahasa yang "salah".

> Anak yang malu dengan bahasa rumahnya akan ragu bicara di mana-mana.

Jadi untuk pertanyaan "boleh pakai beta sonde?", jawaban saya sekarang: boleh, di draf pertama. Setelah itu kita ganti baju sama-sama.""",
    },
    {
        "author": "sekar.ayu",
        "title": "Kunjungan Rumah yang Mengubah Cara Saya Membaca Rapor",
        "category": "sekolah",
        "tags": ["guru", "kunjungan rumah", "orang tua", "sd"],
        "image": True,
        "image_caption": "Jalan setapak berbatu karang menuju rumah murid di pinggiran Kupang.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 35,
        "body": """Tahun lalu ada satu murid di kelas saya, sebut saja namanya Dani, yang hampir setiap hari terlambat. Bukan lima menit, tapi kadang sampai jam pelajaran kedua. Seragamnya sering kusut, PR-nya jarang selesai, dan di buku catatan saya, namanya sudah penuh tanda bintang.

Saya sempat menulis di rapornya: *"Perlu meningkatkan kedisiplinan."* Kalimat standar. Kalimat yang sudah saya tulis puluhan kali untuk puluhan anak.

Lalu suatu Sabtu, saya memutuskan berkunjung ke rumahnya.

## Empat puluh menit jalan kaki

Rumah Dani ternyata jauh lebih jauh dari yang saya bayangkan. Dari ujung jalan aspal, saya masih harus jalan kaki sekitar empat puluh menit lewat jalan setapak berbatu karang, naik-turun bukit kecil, di bawah matahari Kupang yang jam sembilan pagi saja sudah terasa seperti jam dua belas siang.

Sampai di sana, Dani sedang menimba air di sumur tetangga. Mamanya sedang sakit, bapanya kerja bangunan di kota dan pulang seminggu sekali. Setiap pagi sebelum sekolah, Dani mengambil air, memasak nasi untuk dua adiknya, lalu mengantar adiknya yang paling kecil ke rumah nenek.

Dia terlambat bukan karena malas. Dia terlambat karena sudah bekerja tiga jam sebelum sampai di kelas saya.

## Apa yang berubah

Saya pulang hari itu dengan perasaan campur aduk, dan jujur, malu. Beberapa hal kemudian saya ubah:

- Dani boleh masuk kelas kapan pun dia sampai, tanpa harus berdiri di depan pintu menunggu izin.
- PR untuk dia dan beberapa anak lain dikerjakan di sekolah, di jam istirahat kedua, bersama saya.
- Saya mulai mengunjungi rumah murid secara bergiliran, dua rumah setiap bulan.

Kunjungan-kunjungan berikutnya memberi saya cerita-cerita lain. Ada anak yang tidak pernah bawa bekal karena keluarganya sedang mengumpulkan uang untuk belis kakaknya. Ada anak yang selalu mengantuk karena atap rumahnya bocor dan semalaman dia ikut menampung air hujan. Ada juga anak yang ternyata pandai sekali menenun, sesuatu yang tidak pernah muncul di kolom nilai mana pun.

## Rapor hanya sebagian cerita

> Angka di rapor itu seperti foto. Benar, tapi hanya menangkap satu sudut.

Saya tidak mau terdengar romantis dan bilang semua masalah selesai dengan kunjungan rumah. Dani masih sering terlambat. Nilainya naik, tapi tidak melonjak. Tapi sekarang, setiap kali dia masuk kelas dengan napas terengah, saya tidak lagi melihat anak yang tidak disiplin. Saya melihat anak yang sudah berjuang sejak subuh supaya bisa duduk di bangkunya.

Di rapor semester berikutnya, saya tidak lagi menulis "perlu meningkatkan kedisiplinan". Saya menulis: *"Dani anak yang bertanggung jawab dan tekun. Terus semangat."* Dan kali ini, saya benar-benar bersungguh-sungguh.""",
    },
    {
        "author": "sekar.ayu",
        "title": "Surat untuk Hujan yang Datang Terlambat",
        "category": "puisi",
        "tags": ["puisi", "kemarau", "kupang", "hujan"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 2,
        "body": """hujan,\\
kami sudah menunggumu sejak Oktober\\
sejak tanah di halaman sekolah retak-retak\\
seperti tumit nenek\\
yang terlalu sering berjalan ke mata air

anak-anak sudah hafal rupamu\\
dari buku paket kelas empat:\\
awan, titik air, panah melengkung ke bawah\\
tapi mereka belum pernah melihatmu\\
datang tepat waktu

jeriken di depan kelas mulai berdebu\\
pohon kelor di belakang sekolah\\
menggugurkan daunnya satu-satu\\
seperti kami menghitung hari

mama-mama di kampung\\
menakar air dengan gelas\\
satu untuk masak, satu untuk mandi\\
setengah untuk bunga di kaleng cat\\
yang tak pernah mau menyerah

hujan,\\
kalau nanti kau datang\\
datanglah pelan-pelan\\
jangan seperti tahun lalu\\
yang menghanyutkan jagung muda\\
dan seng dapur Om Yakob

datanglah seperti tamu yang sopan\\
yang mengetuk atap dulu\\
sebelum masuk\\
dan kami akan menyambutmu\\
dengan baskom, ember, tempayan\\
dan tawa anak-anak\\
yang berlari tanpa sandal

kami tidak minta banyak\\
cukup untuk mengisi tandon sekolah\\
cukup untuk membuat lontar bernapas lagi\\
cukup untuk membuat Marten berhenti bertanya,\\
"Ibu, hujan itu masih tahu jalan ke sini, to?"

*Kupang, di ujung kemarau*""",
    },
    {
        "author": "rudi_harsono",
        "title": "Petik Merah, Jemur di Para-Para: Cara Kami Menjaga Mutu Robusta Dempo",
        "category": "pertanian",
        "tags": ["kopi", "robusta", "pascapanen", "petani", "dempo"],
        "image": True,
        "image_caption": "Buah kopi robusta petik merah dijemur di atas para-para bambu.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 9,
        "body": """Dulu, waktu saya masih bujang dan baru ikut bapak ke kebun, cara panen kopi di dusun kami cuma satu: *petik pelangi*. Semua buah di satu dahan dilurut sekaligus, hijau, kuning, merah, campur jadi satu. Cepat, tidak perlu bolak-balik, dan tengkulak tetap mau beli.

Sekarang, setelah belasan tahun mengurus kebun sendiri di lereng Dempo, saya berani bilang: cara itu bikin kita rugi pelan-pelan. Kopi yang dipetik hijau rasanya pahit sepat, bijinya ringan, dan harganya selalu dipukul paling bawah. Di tulisan ini saya mau berbagi cara kami sekarang, yang sudah dipraktikkan bersama beberapa tetangga selama empat musim panen terakhir.

## 1. Petik yang merah saja

Ini bagian paling berat, bukan karena susah, tapi karena butuh sabar. Kami hanya memetik buah yang merah penuh. Akibatnya, satu batang bisa didatangi tiga sampai empat kali dalam semusim.

Beberapa kiat dari pengalaman kami:

- Bawa dua wadah: keranjang untuk buah merah, karung kecil untuk buah yang jatuh atau rusak.
- Mulai memetik setelah embun kering, jangan waktu daun masih basah.
- Jangan tarik buahnya ke bawah. Putar sedikit supaya tangkai dan mata tunas tidak ikut terkelupas, karena dari situ buah musim depan tumbuh.

## 2. Sortir di hari yang sama

Sampai di pondok, buah langsung direndam di drum atau ember besar berisi air. Buah yang mengapung biasanya kosong, busuk, atau sudah dimakan hama bubuk. Buah-buah itu kami pisahkan, dan jangan dicampur lagi, sebesar apa pun godaannya untuk menambah timbangan.

Buah yang tenggelam dibilas sekali lagi, lalu ditiriskan.

## 3. Jemur di para-para, bukan di tanah

Ini perubahan yang paling terasa hasilnya. Dulu kopi dijemur di terpal di pinggir jalan, bahkan ada yang langsung di atas tanah. Kopinya kena debu, bau asap kendaraan, kadang diinjak ayam.

Sekarang kami pakai para-para, yaitu rak jemur dari bambu setinggi pinggang yang dialasi waring atau jaring plastik. Udara bisa lewat dari bawah, jadi kopi kering lebih rata dan tidak lembap.

**Yang perlu diperhatikan:**

1. Tebar buah kopi tipis saja, kira-kira setebal dua-tiga butir.
2. Bolak-balik dengan tangan atau garuk kayu tiga sampai empat kali sehari.
3. Tutup dengan terpal setiap sore atau begitu langit mulai gelap. Di lereng Dempo, hujan sore bisa datang tanpa permisi.
4. Penjemuran biasanya makan waktu dua sampai tiga minggu, tergantung cuaca.

Kopi dianggap cukup kering kalau dikocok dalam genggaman bunyinya nyaring, seperti kerikil di dalam kaleng.

## 4. Simpan dengan benar

Kopi kering kami simpan dalam karung goni bersih, diletakkan di atas palet kayu dan tidak menempel ke dinding. Jangan simpan di dekat pupuk, minyak tanah, atau bawang. Biji kopi itu seperti spons, gampang sekali menyerap bau.

## Apa untungnya?

Jujur saja, cara ini lebih capek. Tenaga petik lebih banyak, waktunya lebih lama. Tapi hasilnya kelihatan: kopi petik merah kami sekarang dibeli dengan harga lebih baik, dan beberapa kali sudah ikut dikirim ke kedai kopi di Palembang.

> Kopi itu jujur. Apa yang kita kerjakan di kebun dan di para-para, itu yang nanti terasa di cangkir.

Kalau ada kawan petani yang mau mencoba, mulai saja dari sebagian kebun dulu, lalu bandingkan hasilnya. Biar kopi yang bicara.""",
    },
    {
        "author": "rudi_harsono",
        "title": "Harga Kopi Sedang Bagus, Kenapa Petani Masih Susah Menabung?",
        "category": "keuangan",
        "tags": ["kopi", "harga panen", "keuangan keluarga", "petani"],
        "image": True,
        "image_caption": "Karung-karung kopi asalan menunggu ditimbang di gudang pengepul.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 16,
        "body": """Beberapa bulan terakhir, setiap kali saya pulang dari pasar, ada saja yang menepuk pundak sambil bercanda, "Wah, juragan kopi, sekarang sudah kaya!" Memang, harga kopi asalan di tingkat petani sedang bagus-bagusnya. Di dusun kami, harga yang dua-tiga tahun lalu masih berkisar dua puluhan ribu per kilo, sekarang sudah jauh melewati angka itu.

Saya tidak mau mengeluh. Harga bagus itu berkah, dan banyak kawan petani yang akhirnya bisa menarik napas lega setelah bertahun-tahun harga jatuh. Tapi ada satu hal yang sering tidak kelihatan dari luar: harga tinggi tidak otomatis membuat dompet petani tebal, apalagi membuat kami bisa menabung.

Di tulisan ini saya coba membuka hitungan kebun saya sendiri. Angkanya dibulatkan dan tiap kebun pasti berbeda, tapi gambarannya kurang lebih begini.

## Hitungan satu hektare

Kebun saya luasnya sekitar satu hektare, di lereng yang cukup curam. Di tahun yang cuacanya bersahabat, kebun ini menghasilkan kira-kira 800 kilogram kopi asalan, yaitu biji kopi kering yang sudah digiling kulitnya.

Kalau harga di pengepul sedang di angka Rp55.000 per kilo, hasil kotornya sekitar Rp44 juta. Kedengarannya besar. Sekarang mari lihat pengeluarannya dalam setahun:

| Pos biaya | Perkiraan per tahun |
|---|---:|
| Pupuk (urea, NPK, pupuk kandang) | Rp6.000.000 |
| Upah petik (dibayar per kaleng) | Rp7.200.000 |
| Menyiang rumput | Rp2.400.000 |
| Pangkas dan sambung pucuk | Rp1.500.000 |
| Ojek angkut dari kebun ke jalan | Rp1.600.000 |
| Ongkos giling (huller) | Rp800.000 |
| Karung, terpal, alat kebun | Rp700.000 |
| **Jumlah** | **Rp20.200.000** |

Artinya, yang benar-benar masuk kantong sekitar Rp23,8 juta setahun. Dibagi dua belas bulan, kira-kira Rp2 juta per bulan untuk keluarga dengan tiga anak, dua di antaranya sudah SMP dan SMA.

Itu di tahun yang bagus. Belum dihitung kalau panen turun karena hujan terus-menerus waktu kopi berbunga, atau kalau hama penggerek buah sedang mengamuk.

## Harga di papan belum tentu harga di tangan

Satu hal lagi yang sering luput: angka yang ramai dibicarakan orang itu biasanya harga untuk kopi yang benar-benar kering dan bersih. Di timbangan pengepul, kopi kami masih harus melewati beberapa potongan.

- **Kadar air.** Kalau dianggap masih basah, beratnya dipotong beberapa persen. Petani jarang punya alat ukur sendiri, jadi kami hanya bisa percaya pada alat milik pembeli.
- **Biji pecah dan kotoran.** Kopi yang tercampur ranting, kerikil, atau biji hitam ikut dipotong, dan memang sudah sepatutnya.
- **Ongkos bawa.** Kalau pengepul yang datang ke dusun, harganya sedikit lebih rendah daripada kalau kita sendiri yang mengantar ke kota.

Jadi harga Rp55.000 di obrolan warung bisa tinggal beberapa ribu lebih rendah waktu uangnya benar-benar kami pegang.

## Waktu harga masih rendah

Sebagai pembanding, coba pakai harga Rp25.000 per kilo, yang beberapa tahun lalu dianggap wajar. Dengan produksi yang sama, hasil kotornya Rp20 juta. Pengeluarannya hampir sama, dan harga pupuk tidak pernah ikut turun. Hasil bersihnya? Hampir nol.

Jadi kalau ada yang heran kenapa dulu banyak kebun kopi dibiarkan jadi semak, atau kenapa anak-anak muda dusun memilih merantau ke Jakarta dan Batam, jawabannya ada di tabel itu.

Tapi baiklah, sekarang harga sedang bagus. Pertanyaannya: kenapa masih susah menabung?

<!--nextpage-->

## Uang datang setahun sekali, pengeluaran datang tiap hari

Inilah akar masalahnya. Gaji orang kantoran datang tiap bulan. Uang petani kopi datang sekali setahun, menumpuk di musim panen sekitar pertengahan tahun, lalu harus cukup sampai panen berikutnya.

Dalam praktiknya, beberapa hal ini yang biasanya menggerus uang panen:

1. **Utang musim paceklik.** Bulan-bulan sebelum panen adalah masa paling sulit. Banyak keluarga berutang di warung untuk beras, minyak, dan gula. Begitu kopi terjual, yang pertama dilakukan adalah melunasi catatan di buku warung.
2. **Ijon.** Sebagian petani yang terdesak menjual kopinya sebelum dipanen kepada tengkulak, dengan harga yang sudah dikunci jauh di bawah harga pasar. Waktu harga naik, yang untung bukan petaninya.
3. **Biaya sekolah dan hajatan.** Tahun ajaran baru datang tidak lama setelah panen. Belum lagi undangan hajatan, yang di kampung kami bukan sekadar datang dan makan, tapi ikut menyumbang beras, gula, atau uang.
4. **Belanja besar sesudah panen.** Ini yang jarang diakui. Begitu uang terkumpul, godaan untuk membeli motor baru, televisi, atau merenovasi dapur itu besar sekali. Saya sendiri pernah begitu.

## Yang sedang kami coba di rumah

Saya bukan ahli keuangan. Yang saya tulis ini hanya kebiasaan yang kami coba sejak tiga musim terakhir, dan banyak di antaranya ide istri saya.

**Membagi uang panen di hari yang sama.** Begitu kopi terjual, uangnya langsung dibagi ke beberapa amplop: bayar utang, modal kebun tahun depan, biaya sekolah, belanja dapur per bulan, dan simpanan. Amplop modal kebun tidak boleh disentuh untuk keperluan lain, seberapa pun mendesaknya.

**Menabung di koperasi, bukan di bawah kasur.** Sejak ada koperasi petani di dusun kami, sebagian uang panen kami simpan di sana. Selain lebih aman, ada rasa sungkan kalau terlalu sering menarik, dan rasa sungkan itu ternyata berguna.

**Tidak bergantung pada kopi saja.** Di sela-sela kopi kami tanam lada dan pisang, dan di pekarangan ada cabai, terung, serta beberapa ekor kambing. Hasilnya kecil, tapi datangnya lebih sering, dan itu yang membantu kami melewati bulan-bulan paceklik tanpa berutang ke warung.

**Mencatat.** Ini yang paling sederhana sekaligus paling susah. Kami punya satu buku tulis bergaris berisi pengeluaran harian. Tidak rapi, kadang bolong seminggu, tapi dari buku itulah kami tahu bahwa rokok saya ternyata menghabiskan lebih banyak daripada ongkos giling kopi setahun. Sejak itu jatah rokok saya dikurangi. Belum berhenti, tapi dikurangi.

> "Uang kopi itu jangan dihitung waktu dia datang, Pak. Hitung waktu dia harus bertahan." — istri saya, suatu malam sambil menyortir kopi.

## Harga bagus itu kesempatan, bukan jaminan

Harga kopi naik turun, dan kami tidak punya kendali atas itu. Yang bisa kami atur hanya apa yang terjadi setelah uang sampai di tangan. Kalau musim harga bagus seperti sekarang tidak dipakai untuk memperkuat diri, misalnya melunasi utang, memperbaiki kebun, dan menyisihkan tabungan, maka begitu harga turun lagi, kami akan kembali ke titik yang sama.

Jadi untuk kawan-kawan yang menepuk pundak saya di pasar: terima kasih doanya. Kami memang sedang bersyukur. Tapi juragan? Belum. Masih petani biasa yang sedang belajar mengatur amplop.""",
    },
    {
        "author": "rudi_harsono",
        "title": "Koperasi Kami Hampir Bubar di Tahun Pertama, Ini yang Kami Pelajari",
        "category": "umkm",
        "tags": ["koperasi", "kopi", "kelompok tani", "gotong royong"],
        "image": True,
        "image_caption": "Rapat bulanan anggota koperasi petani kopi di balai dusun.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 28,
        "body": """Empat tahun lalu, dua puluh satu petani kopi di dusun kami duduk melingkar di balai dusun sampai hampir tengah malam. Kopi di gelas sudah dingin, asbak penuh, dan kami sepakat mendirikan koperasi. Alasannya sederhana: kami capek menjual kopi sendiri-sendiri dengan harga yang ditentukan orang lain.

Setahun kemudian, koperasi itu nyaris bubar. Tinggal sembilan anggota yang masih aktif, kas kosong, dan ada dua orang yang tidak saling tegur gara-gara urusan timbangan.

Sekarang koperasi kami punya empat puluhan anggota, gudang kecil, mesin huller sendiri, dan beberapa pembeli tetap dari luar kota. Perjalanan dari hampir bubar sampai sekarang itulah yang mau saya ceritakan. Bukan karena kami sudah hebat, tapi karena mungkin ada kelompok tani lain yang sedang berada di titik yang sama.

## Kesalahan pertama: terlalu cepat ingin besar

Di bulan-bulan awal, semangat kami menggebu. Kami langsung mau membeli kopi semua anggota, menyimpannya di gudang, lalu menjual sekaligus dengan harga tinggi. Masalahnya, modal kami cuma iuran anggota yang jumlahnya tidak seberapa. Kami meminjam uang untuk membayar anggota di depan, lalu harga justru turun waktu kami mau menjual. Rugi.

Pelajarannya: mulai dari yang kecil dan bisa dikendalikan. Di tahun kedua, kami hanya menjual kopi petik merah dari anggota yang siap, dengan sistem titip jual. Petani dibayar setelah kopi laku, ditambah sedikit bonus kalau harga jualnya bagus.

## Kesalahan kedua: catatan yang tidak bisa dilihat semua orang

Sumber pertengkaran paling besar di tahun pertama adalah timbangan dan uang. Bukan karena ada yang curang, setidaknya saya percaya begitu, tapi karena catatannya hanya ada di buku bendahara dan tidak semua orang bisa melihatnya.

Sekarang aturan kami:

- Setiap penimbangan disaksikan minimal dua orang, dan hasilnya langsung ditulis di papan tulis gudang.
- Laporan keuangan dibacakan setiap bulan dalam rapat, sesingkat apa pun.
- Bendahara diganti setiap dua tahun, supaya tidak ada yang merasa koperasi milik satu orang.

Kedengarannya ribet. Tapi sejak aturan itu berjalan, tidak ada lagi bisik-bisik di warung soal "uang koperasi lari ke mana".

## Kesalahan ketiga: lupa bahwa koperasi itu soal orang

Dulu kami terlalu sibuk mengurus kopi sampai lupa mengurus anggota. Rapat hanya membahas harga dan timbangan. Anggota yang mulai jarang datang kami biarkan saja.

Sekarang rapat bulanan selalu diselipi hal lain: berbagi cara pangkas, cerita soal hama, kadang ada penyuluh yang datang. Yang tidak kalah penting, selalu ada kopi dan pisang goreng. Hal kecil, tapi orang jadi mau datang, dan orang yang datang lama-lama merasa ikut memiliki.

> Koperasi itu bukan gudang. Koperasi itu kebiasaan saling percaya, dan kebiasaan itu harus dilatih seperti otot.

## Untuk kelompok tani yang baru mulai

Kalau saya boleh memberi satu saran saja: buat semua catatan terbuka sejak hari pertama. Harga bisa naik turun, pembeli bisa datang dan pergi, tapi kalau kepercayaan sudah retak, menambalnya butuh waktu bertahun-tahun. Kami sudah merasakannya sendiri.""",
    },
    {
        "author": "rudi_harsono",
        "title": "Longsor Tutup Jalan Kebun di Lereng Dempo, Warga Gotong Royong Buka Akses Jelang Panen",
        "category": "sumatera",
        "tags": ["pagar alam", "longsor", "gotong royong", "kopi"],
        "image": True,
        "image_caption": "Warga membersihkan material longsor di jalan tanah menuju kebun kopi.",
        "image_source": "Ilustrasi: Wacana",
        "days_ago": 1,
        "body": """**PAGAR ALAM** – Hujan deras yang mengguyur kawasan lereng Gunung Dempo sejak Minggu sore menyebabkan tanah longsor di jalan tanah yang menghubungkan Dusun Talang Sejuk dengan kebun-kebun kopi warga. Material tanah dan batang pohon menutup badan jalan sepanjang kurang lebih dua puluh meter.

Tidak ada korban jiwa dalam kejadian ini. Namun, jalan tersebut merupakan satu-satunya akses kendaraan roda dua menuju sekitar enam puluh hektare kebun kopi robusta milik warga, yang saat ini mulai memasuki masa panen.

## Dikerjakan bersama sejak subuh

Senin pagi, sehari setelah longsor, puluhan warga turun membawa cangkul, parang, dan gergaji mesin. Pekerjaan dibagi: para bapak memotong batang pohon yang melintang dan menyingkirkan tanah, ibu-ibu menyiapkan makanan dan minuman di pondok terdekat, sementara anak-anak muda mengangkut batu untuk menimbun bagian jalan yang amblas.

"Kalau tidak cepat dibuka, kopi yang sudah merah bisa rontok di batang. Kami tidak bisa menunggu," kata Darmawi, salah satu warga yang kebunnya berada di balik titik longsor.

Hingga Selasa sore, jalan sudah bisa dilalui sepeda motor dengan hati-hati. Mobil bak terbuka belum bisa lewat karena sebagian badan jalan di sisi tebing masih rawan.

## Ongkos angkut sempat naik

Selama dua hari jalan tertutup, beberapa warga terpaksa memikul karung kopi melewati jalan setapak di sisi bukit. Ojek kebun yang biasa mengangkut hasil panen juga menaikkan ongkos karena harus memutar lewat jalur yang lebih jauh.

"Biasanya dua puluh ribu sekarung sampai pinggir jalan. Kemarin ada yang minta tiga puluh lima ribu. Wajar juga, jalannya memang berat," ujar Nurhayati, petani sekaligus pemilik warung di ujung dusun.

## Warga berharap tebing diperkuat

Menurut warga, titik tersebut bukan pertama kali longsor. Dalam beberapa tahun terakhir, kejadian serupa berulang hampir setiap musim hujan. Kelompok tani setempat berencana membawa usulan penguatan tebing dan perbaikan saluran air ke musyawarah dusun bulan depan.

Sambil menunggu, warga sepakat menanam bambu dan rumput akar wangi di sepanjang tebing yang rawan. Bibitnya dikumpulkan secara swadaya dari kebun-kebun warga.

> "Tebing itu harus diikat dengan akar. Semen boleh datang belakangan, tapi akar bisa kita tanam mulai besok." — Darmawi, warga Dusun Talang Sejuk

Warga juga mengimbau pengendara, terutama ojek pengangkut kopi, untuk tidak melintas saat hujan deras karena tanah di sisi tebing masih labil.

*Laporan warga dari lereng Gunung Dempo.*""",
    },
    {
        "author": "rudi_harsono",
        "title": "Ekonomi Dusun Kami Berputar Mengikuti Musim Kopi",
        "category": "ilmu-sosbud",
        "tags": ["ekonomi desa", "kopi", "sumatera selatan", "musim panen"],
        "image": False,
        "image_caption": "",
        "image_source": "",
        "days_ago": 45,
        "body": """Kalau mau tahu kopi sedang musim atau tidak di dusun kami, tidak perlu naik ke kebun. Cukup tengok warung Bu Ijah di simpang jalan.

Di bulan-bulan paceklik, sekitar awal tahun, rak warungnya setengah kosong. Yang laku hanya beras, minyak goreng, dan rokok ketengan, itu pun banyak yang dicatat di buku utang. Begitu kopi mulai merah di pertengahan tahun, raknya penuh lagi: ada biskuit kaleng, minuman botol, bahkan mainan anak-anak yang digantung berjejer di depan.

> Di kampung kami, orang jarang bertanya "gajimu berapa". Orang bertanya "kopimu berapa karung tahun ini".

## Satu tanaman, banyak dapur

Hampir semua hal di dusun kami berputar mengikuti kopi. Waktu panen, bukan hanya pemilik kebun yang kebagian rezeki:

- **Pemetik upahan**, banyak di antaranya datang dari dusun tetangga, bahkan dari kabupaten lain, dan menginap di pondok kebun selama musim petik.
- **Tukang ojek kebun**, yang mengangkut karung kopi dari lereng ke pinggir jalan dengan motor yang sudah dimodifikasi.
- **Pemilik mesin huller**, yang kebanjiran pesanan giling sampai malam.
- **Pedagang pasar kalangan**, yang dagangannya laris luar biasa setiap hari pasar di musim panen.

Lalu ada sisi lainnya: sales kredit motor yang tiba-tiba rajin datang, penjual perabot keliling, dan tentu saja undangan pernikahan. Di dusun kami, orang memang sengaja menggelar hajatan setelah panen, karena saat itulah semua orang punya uang untuk datang dan menyumbang.

## Ketika semua orang butuh uang di waktu yang sama

Masalah dari ekonomi yang berputar setahun sekali adalah semua orang kekurangan di waktu yang sama. Tidak ada tetangga yang bisa dipinjami karena semua sedang menunggu panen. Di situlah tengkulak masuk, menawarkan uang di depan dengan jaminan kopi yang belum dipetik.

Saya tidak mau menyalahkan tengkulak sepenuhnya. Di saat bank jauh dan syaratnya ribet, merekalah yang ada di depan pintu waktu anak sakit atau atap bocor. Tapi harganya mahal. Kopi yang diijon dihargai jauh di bawah harga pasar, dan banyak keluarga terjebak berputar di lingkaran yang sama setiap tahun.

## Pelan-pelan mencari putaran kedua

Beberapa tahun terakhir, saya melihat usaha-usaha kecil supaya ekonomi dusun tidak hanya bergantung pada satu musim:

1. Ibu-ibu mulai mengolah kopi bubuk sendiri dan menjualnya dalam kemasan kepada pengunjung yang datang melihat kebun teh dan Gunung Dempo.
2. Beberapa keluarga menanam sayur dan cabai yang bisa dipanen setiap beberapa minggu.
3. Ada anak muda yang pulang dari rantau dan membuka jasa pemandu pendakian.
4. Koperasi mulai menyediakan pinjaman kecil di musim paceklik, dengan jasa yang jauh lebih ringan daripada ijon.

Semua ini masih kecil. Kopi tetap jadi jantung dusun kami, dan mungkin akan selalu begitu. Tapi jantung yang sehat butuh banyak pembuluh darah, bukan cuma satu.

Selama pertanyaan "kopimu berapa karung" masih jadi ukuran hidup di kampung kami, tugas kami adalah memastikan jawabannya bukan satu-satunya penentu apakah dapur tetap berasap sampai panen berikutnya.""",
    },
]
