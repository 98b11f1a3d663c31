"""Draw the program's icon and write it as .png and multi-size .ico (no Pillow needed).

A blue tile with a white ledger sheet and a red seal. Run once and commit the output:
    uv run python scripts/make_icon.py installer/
"""

from __future__ import annotations

import argparse
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 256)
SUPERSAMPLE = 4
RGBA = tuple[int, int, int, int]
# A shape: (x, y) in 0..1 -> colour or None, painted in order (later on top).
Shape = Callable[[float, float], RGBA | None]

BLUE_TOP, BLUE_BOTTOM = (40, 110, 190), (20, 70, 140)
SHEET, RULE, SEAL = (255, 255, 255, 255), (150, 175, 205, 255), (205, 35, 35, 255)


def rounded_rect(x0: float, y0: float, x1: float, y1: float, r: float) -> Callable[..., bool]:
    def inside(x: float, y: float) -> bool:
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return x0 <= x <= x1 and y0 <= y <= y1 and (x - cx) ** 2 + (y - cy) ** 2 <= r * r

    return inside


def tile(x: float, y: float) -> RGBA | None:
    if not rounded_rect(0.02, 0.02, 0.98, 0.98, 0.18)(x, y):
        return None
    mix = [round(t + (b - t) * y) for t, b in zip(BLUE_TOP, BLUE_BOTTOM, strict=True)]
    return (*mix, 255)


def sheet(x: float, y: float) -> RGBA | None:
    if not rounded_rect(0.22, 0.14, 0.78, 0.86, 0.04)(x, y):
        return None
    ruled = 0.30 <= x <= 0.70 and any(abs(y - row) < 0.022 for row in (0.30, 0.44, 0.58))
    return RULE if ruled else SHEET


def seal(x: float, y: float) -> RGBA | None:
    d2 = (x - 0.70) ** 2 + (y - 0.74) ** 2
    if d2 > 0.17**2:
        return None
    # A ring with a solid centre, like an office chop.
    return SEAL if d2 > 0.125**2 or d2 < 0.08**2 else SHEET


SHAPES: tuple[Shape, ...] = (tile, sheet, seal)


def pixel(px: int, py: int, size: int) -> RGBA:
    """Average SUPERSAMPLE² samples for smooth edges (premultiplied, then divided)."""
    acc = [0.0, 0.0, 0.0, 0.0]
    n = SUPERSAMPLE
    for sy in range(n):
        for sx in range(n):
            x, y = (px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size
            colour = None
            for shape in SHAPES:
                colour = shape(x, y) or colour
            if colour:
                a = colour[3] / 255
                acc = [
                    acc[0] + colour[0] * a,
                    acc[1] + colour[1] * a,
                    acc[2] + colour[2] * a,
                    acc[3] + a,
                ]
    alpha = acc[3] / (n * n)
    if alpha == 0:
        return (0, 0, 0, 0)
    return (*(round(c / acc[3]) for c in acc[:3]), round(alpha * 255))


def png_bytes(size: int) -> bytes:
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter type: none
        for px in range(size):
            rows.extend(pixel(px, py, size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (Windows Vista and later read these)."""
    count = len(images)
    out = struct.pack("<HHH", 0, 1, count)
    offset = 6 + 16 * count
    for size, data in images.items():
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(images.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    out = parser.parse_args().out_dir
    images = {size: png_bytes(size) for size in ICO_SIZES}
    (out / "ftz-ledger.ico").write_bytes(ico_bytes(images))
    (out / "ftz-ledger.png").write_bytes(images[256])


if __name__ == "__main__":
    main()
