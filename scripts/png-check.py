#!/usr/bin/env python3
"""Checks a screenshot is not blank, with the standard library only (no Pillow on a fresh machine).

Decodes an 8-bit non-interlaced PNG (what Chromium writes), counts distinct colours, and requires
some Okabe-Ito chart colours (legend swatches are solid, so their exact RGB is on screen): all three, or N.
Usage: png-check.py FILE.png [N]  -> exit 0 when it looks like a report, 1 otherwise.
"""
import struct
import sys
import zlib

OKABE_ITO = {(0x00, 0x72, 0xB2), (0xE6, 0x9F, 0x00), (0x00, 0x9E, 0x73)}


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw, stride, bpp = zlib.decompress(idat), width * channels, channels
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 255
        elif kind == 2:
            row = bytearray((a + b) & 255 for a, b in zip(row, prev))
        elif kind == 3:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        yield from (tuple(row[i:i + 3]) for i in range(0, stride, channels))
        prev = row


def main(path, needed=len(OKABE_ITO)):
    colours = {}
    for rgb in pixels(path):
        colours[rgb] = colours.get(rgb, 0) + 1
    white = colours.get((255, 255, 255), 0) / max(sum(colours.values()), 1)
    found = [c for c in OKABE_ITO if colours.get(c, 0) >= 50]
    print(f"png-check: {len(colours)} distinct colours, {white:.0%} white, {len(found)} of {len(OKABE_ITO)} chart colours")
    return 0 if len(colours) >= 50 and white < 0.99 and len(found) >= needed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *(int(n) for n in sys.argv[2:3])))
