"""The rubrics and sub-categories Wacana starts with (seeded by a data migration).

Kept as data, not code: editors rename and move categories in the admin, and the old
URLs keep working by redirect. This list is only the first set.
"""

from typing import Any

RUBRICS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "humaniora",
        "Humaniora",
        [
            ("ilmu-sosbud", "Ilmu Sosbud & Agama"),
            ("bahasa", "Bahasa"),
            ("sejarah", "Sejarah"),
            ("filsafat", "Filsafat"),
        ],
    ),
    (
        "pendidikan",
        "Pendidikan",
        [
            ("sekolah", "Sekolah"),
            ("perguruan-tinggi", "Perguruan Tinggi"),
            ("literasi", "Literasi"),
        ],
    ),
    (
        "ekonomi",
        "Ekonomi",
        [
            ("keuangan", "Keuangan"),
            ("bisnis", "Bisnis"),
            ("umkm", "UMKM"),
            ("pertanian", "Pertanian"),
        ],
    ),
    (
        "politik",
        "Politik",
        [
            ("kebijakan", "Kebijakan"),
            ("pemerintahan", "Pemerintahan"),
            ("pemilu", "Pemilu"),
        ],
    ),
    (
        "hukum",
        "Hukum",
        [
            ("peradilan", "Peradilan"),
            ("hak-asasi", "Hak Asasi Manusia"),
            ("antikorupsi", "Antikorupsi"),
        ],
    ),
    (
        "gaya-hidup",
        "Gaya Hidup",
        [
            ("kuliner", "Kuliner"),
            ("fesyen", "Fesyen"),
            ("keluarga", "Keluarga"),
            ("hobi", "Hobi"),
        ],
    ),
    (
        "kesehatan",
        "Kesehatan",
        [
            ("gizi", "Gizi"),
            ("kesehatan-mental", "Kesehatan Mental"),
            ("layanan-kesehatan", "Layanan Kesehatan"),
        ],
    ),
    (
        "hiburan",
        "Hiburan",
        [
            ("film", "Film"),
            ("musik", "Musik"),
            ("buku", "Buku"),
            ("seni-pertunjukan", "Seni Pertunjukan"),
        ],
    ),
    (
        "olahraga",
        "Olahraga",
        [
            ("sepak-bola", "Sepak Bola"),
            ("bulu-tangkis", "Bulu Tangkis"),
            ("lari", "Lari & Atletik"),
        ],
    ),
    (
        "teknologi",
        "Teknologi",
        [
            ("gawai", "Gawai"),
            ("internet", "Internet"),
            ("sains", "Sains"),
            ("otomotif", "Otomotif"),
        ],
    ),
    (
        "wisata",
        "Wisata",
        [
            ("catatan-perjalanan", "Catatan Perjalanan"),
            ("destinasi", "Destinasi"),
            ("kuliner-daerah", "Kuliner Daerah"),
        ],
    ),
    (
        "lingkungan",
        "Lingkungan",
        [
            ("iklim", "Perubahan Iklim"),
            ("konservasi", "Konservasi"),
            ("tata-kota", "Tata Kota"),
        ],
    ),
    (
        "fiksiana",
        "Fiksiana",
        [
            ("puisi", "Puisi"),
            ("cerpen", "Cerpen"),
            ("cerbung", "Cerbung"),
            ("cermin", "Cerita Mini"),
        ],
    ),
    (
        "halo-lokal",
        "Halo Lokal",
        [
            ("sumatera", "Sumatera"),
            ("jawa", "Jawa"),
            ("kalimantan", "Kalimantan"),
            ("sulawesi", "Sulawesi"),
            ("bali-nusa-tenggara", "Bali & Nusa Tenggara"),
            ("maluku-papua", "Maluku & Papua"),
        ],
    ),
    (
        "karier",
        "Karier",
        [
            ("dunia-kerja", "Dunia Kerja"),
            ("pengembangan-diri", "Pengembangan Diri"),
        ],
    ),
]


def seed(category_model: Any) -> None:
    """Create the first set (used by migration 0002 and to restore it in tests)."""
    for position, (slug, name, children) in enumerate(RUBRICS):
        rubric, _ = category_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )
        for child_position, (child_slug, child_name) in enumerate(children):
            category_model.objects.get_or_create(
                slug=child_slug,
                defaults={"name": child_name, "parent": rubric, "position": child_position},
            )
