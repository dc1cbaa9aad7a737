"""Demo writers for `make run` on an empty database. All text is original."""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from wacana.accounts import actions
from wacana.accounts.models import User

DEMO_PASSWORD = "wacana-demo-2026"  # noqa: S105 - documented in README for trying the site

WRITERS = [
    (
        "sekar.ayu",
        "Sekar Ayu Lestari",
        "Guru SD di Kupang",
        "Mengajar kelas empat di pinggir kota Kupang. Menulis tentang anak-anak yang belajar "
        "membaca di rumah panggung, tentang air yang datang seminggu sekali, dan tentang "
        "harapan yang tumbuh di tanah kering.",
    ),
    (
        "rudi_harsono",
        "Rudi Harsono",
        "Petani kopi dan pengamat ekonomi desa",
        "Menanam kopi robusta di lereng Gunung Dempo. Percaya bahwa harga panen yang adil "
        "dimulai dari petani yang paham hitungan. Sesekali menulis soal koperasi dan pasar.",
    ),
    (
        "dewi.anggraini",
        "Dewi Anggraini",
        "Perawat puskesmas, penulis cerpen di waktu luang",
        "Jaga malam di puskesmas kecamatan, menulis cerita pendek di sela-selanya. Cerita "
        "saya kebanyakan tentang orang-orang yang menunggu: di ruang tunggu, di dermaga, di "
        "depan telepon yang tak kunjung berbunyi.",
    ),
    (
        "bayu_pratama",
        "Bayu Pratama",
        "Pengembang perangkat lunak di Yogyakarta",
        "Membuat aplikasi untuk UMKM dan menulis tentang teknologi dengan bahasa yang bisa "
        "dipahami ibu saya. Suka gudeg, benci tenggat waktu.",
    ),
    (
        "maria.tambunan",
        "Maria Tambunan",
        "Pencinta alam dan pemandu wisata Danau Toba",
        "Lahir di Balige, besar bersama cerita-cerita tentang danau. Menulis catatan "
        "perjalanan, kuliner Batak, dan kadang-kadang puisi.",
    ),
    (
        "andi.wijaya",
        "Andi Wijaya",
        "Pelatih sepak bola usia dini",
        "Melatih anak-anak kampung di Makassar setiap sore. Menulis tentang olahraga, "
        "pembinaan pemain muda, dan lapangan-lapangan yang makin sempit.",
    ),
]

PALETTE = [
    (11, 110, 79),
    (178, 76, 38),
    (44, 82, 130),
    (125, 60, 152),
    (190, 140, 20),
    (30, 120, 140),
]


def _generated_avatar(seed: str) -> SimpleUploadedFile:
    """A simple geometric picture, different for each writer, drawn with Pillow."""
    rng = random.Random(seed)
    background = rng.choice(PALETTE)
    image = Image.new("RGB", (320, 320), background)
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        colour = tuple(min(255, c + rng.randint(40, 110)) for c in background)
        x, y, r = rng.randint(0, 320), rng.randint(0, 320), rng.randint(30, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile(f"{seed}.png", buffer.getvalue(), content_type="image/png")


def create_demo_writers() -> list[User]:
    writers = []
    for username, name, tagline, bio in WRITERS:
        user = actions.create_account(
            username=username,
            email=f"{username.replace('.', '_')}@demo.wacana.invalid",
            password=DEMO_PASSWORD,
            display_name=name,
        )
        actions.update_profile(user, tagline=tagline, bio=bio)
        actions.set_avatar(user, _generated_avatar(username))
        writers.append(user)
    return writers
