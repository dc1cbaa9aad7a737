"""Demo pictures drawn with Pillow to fit each caption: a few simple scenes chosen by the
caption's words (coffee on a drying rack, a lake with a boat, a football pitch, a shelf
of books, a lit clinic at night, a phone with messages, ...), coloured and arranged from
a seed so no two articles look alike. No photographs, no downloads."""

import io
import random
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

Size = tuple[int, int]
Colour = tuple[int, ...]
Scene = Callable[[ImageDraw.ImageDraw, random.Random, Size], None]


def _gradient(
    draw: ImageDraw.ImageDraw, size: Size, top: Colour, bottom: Colour, y0: int = 0
) -> None:
    width, height = size
    for y in range(y0, height):
        t = (y - y0) / max(1, height - y0)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )


def _jitter(rng: random.Random, colour: Colour, amount: int = 25) -> Colour:
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def _hills(
    draw: ImageDraw.ImageDraw, rng: random.Random, size: Size, colour: Colour, base: float
) -> None:
    width, height = size
    points = (
        [(0, height)]
        + [(x, int(height * base) + rng.randint(-50, 30)) for x in range(0, width + 120, 120)]
        + [(width, height)]
    )
    draw.polygon(points, fill=colour)


def coffee(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    _gradient(draw, size, _jitter(rng, (200, 160, 110)), _jitter(rng, (120, 80, 50)))
    for y in range(120, height, 90):  # bamboo slats of the drying rack
        draw.rectangle((0, y, width, y + 14), fill=_jitter(rng, (170, 140, 80), 15))
    for _ in range(420):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(10, 18)
        red = _jitter(rng, (170, 30, 30), 35)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=red, outline=(90, 20, 20))


def water(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    horizon = int(height * rng.uniform(0.38, 0.5))
    _gradient(draw, (width, horizon), _jitter(rng, (200, 220, 235)), _jitter(rng, (150, 185, 210)))
    _hills(draw, rng, (width, horizon + 10), _jitter(rng, (70, 110, 90)), 0.75)
    _gradient(draw, size, _jitter(rng, (60, 110, 150)), _jitter(rng, (20, 50, 80)), horizon)
    for _ in range(60):
        x, y = rng.randint(0, width), rng.randint(horizon + 10, height)
        draw.line((x, y, x + rng.randint(30, 90), y), fill=(200, 220, 235), width=2)
    x, y = rng.randint(150, width - 400), horizon + rng.randint(60, 160)
    draw.polygon([(x, y), (x + 300, y), (x + 250, y + 60), (x + 40, y + 60)], fill=(110, 60, 30))
    draw.rectangle((x + 110, y - 70, x + 190, y), fill=_jitter(rng, (220, 200, 160)))


def pitch(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    _gradient(
        draw, (width, height // 3), _jitter(rng, (250, 200, 140)), _jitter(rng, (240, 170, 110))
    )
    _gradient(draw, size, _jitter(rng, (150, 120, 70)), _jitter(rng, (110, 85, 50)), height // 3)
    draw.line((0, int(height * 0.7), width, int(height * 0.62)), fill=(235, 230, 210), width=6)
    gx = rng.randint(60, width - 300)
    draw.rectangle(
        (gx, height // 3 - 110, gx + 240, height // 3 + 10), outline=(240, 240, 240), width=8
    )
    bx, by = rng.randint(200, width - 200), rng.randint(height // 2, height - 80)
    draw.ellipse(
        (bx - 28, by - 28, bx + 28, by + 28), fill=(250, 250, 250), outline=(30, 30, 30), width=3
    )
    for _ in range(rng.randint(3, 6)):  # players: a head and a shirt
        px, py = rng.randint(60, width - 60), rng.randint(height // 2 - 40, height - 120)
        shirt = rng.choice([(200, 40, 40), (30, 80, 170), (240, 200, 40)])
        draw.rectangle((px - 22, py, px + 22, py + 70), fill=shirt)
        draw.ellipse((px - 16, py - 36, px + 16, py - 4), fill=(120, 80, 50))


def books(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    draw.rectangle((0, 0, width, height), fill=_jitter(rng, (235, 225, 205), 10))
    for shelf in range(3):
        top = 90 + shelf * 190
        x = 80
        while x < width - 120:
            w, h = rng.randint(22, 48), rng.randint(110, 170)
            draw.rectangle(
                (x, top + 170 - h, x + w, top + 170),
                fill=_jitter(
                    rng,
                    rng.choice(
                        [
                            (180, 60, 50),
                            (40, 90, 150),
                            (60, 130, 80),
                            (220, 170, 60),
                            (120, 70, 130),
                        ]
                    ),
                    20,
                ),
            )
            x += w + rng.randint(2, 8)
        draw.rectangle((60, top + 170, width - 60, top + 186), fill=(150, 110, 70))


def night(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    _gradient(draw, size, _jitter(rng, (20, 30, 60)), _jitter(rng, (40, 50, 80)))
    for _ in range(160):  # rain
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.line((x, y, x - 8, y + 30), fill=(120, 140, 180), width=1)
    left = rng.randint(120, 400)
    draw.rectangle((left, height // 3, left + 720, height - 60), fill=(200, 200, 190))
    draw.polygon(
        [(left - 40, height // 3), (left + 360, height // 3 - 130), (left + 760, height // 3)],
        fill=(150, 60, 50),
    )
    for n in range(4):
        x = left + 60 + n * 165
        draw.rectangle(
            (x, height // 3 + 80, x + 100, height // 3 + 190),
            fill=_jitter(rng, (250, 220, 120), 20),
        )
    lx = left + 360
    draw.ellipse((lx - 40, height // 3 + 10, lx + 40, height // 3 + 70), fill=(255, 240, 170))


def phone(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    _gradient(draw, size, _jitter(rng, (220, 230, 240)), _jitter(rng, (170, 190, 210)))
    x = rng.randint(300, width - 600)
    draw.rounded_rectangle((x, 60, x + 320, height - 60), radius=36, fill=(30, 35, 40))
    draw.rounded_rectangle((x + 16, 100, x + 304, height - 100), radius=12, fill=(245, 245, 240))
    y = 130
    while y < height - 180:
        mine = rng.random() < 0.5
        w = rng.randint(120, 230)
        left = x + 290 - w if mine else x + 30
        draw.rounded_rectangle(
            (left, y, left + w, y + 46),
            radius=14,
            fill=(200, 240, 200) if mine else (255, 255, 255),
            outline=(200, 200, 200),
        )
        y += 66
    if rng.random() < 0.5:  # a warning sign next to the phone
        cx = x + 520
        draw.polygon([(cx, 180), (cx + 150, 440), (cx - 150, 440)], fill=(240, 190, 40))
        draw.rectangle((cx - 10, 260, cx + 10, 370), fill=(40, 40, 40))


def jerrycans(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    _gradient(
        draw, (width, height // 2), _jitter(rng, (250, 235, 200)), _jitter(rng, (240, 210, 160))
    )
    draw.rectangle((0, height // 2, width, height), fill=_jitter(rng, (190, 150, 100)))
    draw.rectangle((0, height // 2 - 200, width, height // 2), fill=_jitter(rng, (210, 200, 180)))
    x = 60
    while x < width - 140:
        colour = rng.choice([(40, 110, 190), (230, 190, 40), (50, 150, 80), (220, 90, 40)])
        h = rng.randint(140, 190)
        base = height // 2 + 140
        draw.rounded_rectangle((x, base - h, x + 110, base), radius=14, fill=colour)
        draw.rectangle((x + 70, base - h - 22, x + 96, base - h), fill=(60, 60, 60))
        x += 130 + rng.randint(0, 20)


def road(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    _gradient(
        draw, (width, height // 2), _jitter(rng, (190, 215, 235)), _jitter(rng, (230, 235, 230))
    )
    _hills(draw, rng, size, _jitter(rng, (80, 130, 70)), 0.45)
    cx = width // 2 + rng.randint(-150, 150)
    draw.polygon(
        [(cx - 30, height // 2), (cx + 30, height // 2), (cx + 420, height), (cx - 420, height)],
        fill=_jitter(rng, (170, 150, 120)),
    )
    for _ in range(70):  # stones or mud on the track
        x = rng.randint(cx - 300, cx + 300)
        y = rng.randint(height // 2 + 40, height - 10)
        r = rng.randint(6, 16)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_jitter(rng, (120, 100, 80)))


def meal(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    draw.rectangle((0, 0, width, height), fill=_jitter(rng, (120, 80, 50), 15))
    cx, cy = width // 2 + rng.randint(-120, 120), height // 2
    draw.ellipse((cx - 380, cy - 240, cx + 380, cy + 240), fill=(240, 240, 235))
    draw.ellipse((cx - 320, cy - 190, cx + 320, cy + 190), fill=_jitter(rng, (230, 170, 40), 20))
    draw.polygon([(cx - 220, cy), (cx + 120, cy - 80), (cx + 120, cy + 80)], fill=(200, 170, 120))
    draw.polygon([(cx + 120, cy), (cx + 220, cy - 70), (cx + 220, cy + 70)], fill=(190, 160, 110))
    for _ in range(30):
        x, y = rng.randint(cx - 280, cx + 280), rng.randint(cy - 160, cy + 160)
        draw.ellipse((x - 8, y - 8, x + 8, y + 8), fill=(200, 60, 30))


def gathering(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    draw.rectangle((0, 0, width, height), fill=_jitter(rng, (225, 210, 185), 10))
    draw.rectangle((0, int(height * 0.7), width, height), fill=_jitter(rng, (160, 120, 80), 10))
    for row in range(2):
        for n in range(7):
            x = 120 + n * 150 + rng.randint(-20, 20) + row * 60
            y = int(height * 0.45) + row * 130
            shirt = _jitter(
                rng, rng.choice([(60, 90, 140), (150, 60, 60), (70, 120, 70), (200, 170, 90)]), 20
            )
            draw.rounded_rectangle((x - 45, y, x + 45, y + 150), radius=30, fill=shirt)
            draw.ellipse((x - 30, y - 66, x + 30, y - 6), fill=_jitter(rng, (130, 90, 60), 20))


def sacks(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    draw.rectangle((0, 0, width, height), fill=_jitter(rng, (90, 75, 60), 10))
    for row in range(4):
        for n in range(9):
            x = 40 + n * 130 + (row % 2) * 60
            y = height - 160 - row * 120
            draw.rounded_rectangle(
                (x, y, x + 120, y + 140),
                radius=26,
                fill=_jitter(rng, (205, 185, 140), 18),
                outline=(140, 120, 90),
                width=3,
            )


def hills(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    width, height = size
    _gradient(draw, size, _jitter(rng, (170, 210, 235)), _jitter(rng, (240, 220, 180)))
    sun = rng.randint(150, width - 150)
    draw.ellipse((sun - 60, 80, sun + 60, 200), fill=(255, 240, 200))
    for layer, base in enumerate((0.5, 0.62, 0.75)):
        _hills(draw, rng, size, _jitter(rng, (70 + 20 * layer, 130 + 15 * layer, 70), 15), base)
    for y in range(int(height * 0.8), height, 28):  # terraces
        draw.line((0, y, width, y + rng.randint(-10, 10)), fill=(150, 190, 90), width=3)


def tower(draw: ImageDraw.ImageDraw, rng: random.Random, size: Size) -> None:
    hills(draw, rng, size)
    width, height = size
    x = rng.randint(250, width - 250)
    top, bottom = 60, int(height * 0.8)
    draw.line((x, top, x - 90, bottom), fill=(90, 90, 100), width=8)
    draw.line((x, top, x + 90, bottom), fill=(90, 90, 100), width=8)
    for y in range(top + 60, bottom, 70):
        spread = int(90 * (y - top) / (bottom - top))
        draw.line((x - spread, y, x + spread, y + 35), fill=(120, 120, 130), width=4)
    draw.rectangle((x - 30, top + 20, x - 12, top + 80), fill=(230, 230, 230))


# The first matching word chooses the scene; the rest of the caption does not matter.
SCENES: list[tuple[tuple[str, ...], Scene]] = [
    (("jeriken",), jerrycans),
    (("kopi robusta", "buah kopi", "dijemur"), coffee),
    (("karung", "gudang"), sacks),
    (("rapat", "anggota", "relawan"), gathering),
    (("danau", "kapal", "dermaga", "pantai", "laut"), water),
    (("bola", "lapangan"), pitch),
    (("buku", "rak", "kelas"), books),
    (("puskesmas", "perawat", "malam", "termos", "lampu"), night),
    (("ponsel", "pesan", "aplikasi", "file"), phone),
    (("menara", "bts"), tower),
    (("jalan", "longsor", "setapak"), road),
    (("arsik", "ikan", "masak"), meal),
]


def scene_for(caption: str) -> Scene:
    words = caption.lower()
    for keys, scene in SCENES:
        if any(key in words for key in keys):
            return scene
    return hills


def picture_for(caption: str, seed: str, size: Size = (1200, 675)) -> SimpleUploadedFile:
    """A JPEG that shows what `caption` says, laid out and coloured by `seed`."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (255, 255, 255))
    scene_for(caption)(ImageDraw.Draw(image), rng, size)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return SimpleUploadedFile(f"{seed}.jpg", buffer.getvalue(), content_type="image/jpeg")
