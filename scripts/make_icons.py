"""Draws the installable app's icons (static/img/icon-192.png, icon-512.png).

A white "W" on the brand colour (--brand in static/css/site.css), inside the middle
80 % so that the icons also serve as "maskable" (Android crops them to a circle).
Run again after changing the brand colour: `python scripts/make_icons.py`.
"""

import re
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
CSS = ROOT / "static" / "css" / "site.css"
SIZES = (192, 512)


def brand_colour() -> str:
    found = re.search(r"--brand:(#[0-9a-fA-F]{6})", CSS.read_text())
    assert found, "no --brand token in site.css"
    return found.group(1)


def draw(size: int, colour: str) -> Image.Image:
    scale = 4  # drawn large, then reduced: smooth edges
    side = size * scale
    image = Image.new("RGB", (side, side), colour)
    pen = ImageDraw.Draw(image)
    # The W's five points, in a box of the middle 50 %.
    left, right, top, bottom = 0.25 * side, 0.75 * side, 0.31 * side, 0.69 * side
    width = right - left
    points = [
        (left, top),
        (left + width * 0.25, bottom),
        (left + width * 0.5, top + (bottom - top) * 0.3),
        (left + width * 0.75, bottom),
        (right, top),
    ]
    pen.line(points, fill="#ffffff", width=round(side * 0.075), joint="curve")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    colour = brand_colour()
    for size in SIZES:
        target = ROOT / "static" / "img" / f"icon-{size}.png"
        draw(size, colour).save(target, optimize=True)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
