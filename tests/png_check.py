#!/usr/bin/env python3
"""Checks that a screenshot is not blank, for tests/e2e_html.sh.

usage: png_check.py FILE.png [--min-colours N] [--min-ink FRACTION] [--colour RRGGBB]...

Decodes 8-bit RGB or RGBA PNG files (what Chromium writes) with the standard
library only: inflate the IDAT chunks, undo each scanline's filter, then count
distinct colours and "ink" (pixels unlike the most common colour, the
background). Each --colour must cover at least 20 pixels exactly (a circle's
fill). Prints one line of figures; exits 1 when a check fails.
"""
import argparse
import collections
import struct
import sys
import zlib


def read_png(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit('%s: not a PNG file' % path)
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        pos += 12 + length
    width, height, depth, ctype, _, _, interlace = header
    if depth != 8 or ctype not in (2, 6) or interlace:
        sys.exit('%s: only 8-bit RGB/RGBA, non-interlaced PNG is supported' % path)
    bpp = 3 if ctype == 2 else 4
    return width, height, bpp, unfilter(zlib.decompress(b''.join(idat)), width, height, bpp)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], upleft)) & 255
        elif kind != 0:
            sys.exit('bad PNG filter type %d in row %d' % (kind, y))
        rows.append(bytes(line))
        prev = line
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('png')
    ap.add_argument('--min-colours', type=int, default=16)
    ap.add_argument('--min-ink', type=float, default=0.01)
    ap.add_argument('--colour', action='append', default=[])
    args = ap.parse_args()
    width, height, bpp, rows = read_png(args.png)
    counts = collections.Counter()
    for row in rows:
        counts.update(row[i:i + 3] for i in range(0, len(row), bpp))
    background, bg_count = counts.most_common(1)[0]
    ink = 1 - bg_count / (width * height)
    print('%s: %dx%d, %d colours, background #%s, ink %.1f%%'
          % (args.png, width, height, len(counts), background.hex(), 100 * ink))
    ok = True
    if len(counts) < args.min_colours:
        print('FAIL: only %d colours (want %d): the page looks blank' % (len(counts), args.min_colours))
        ok = False
    if ink < args.min_ink:
        print('FAIL: only %.2f%% of the pixels differ from the background' % (100 * ink))
        ok = False
    for hexcolour in args.colour:
        n = counts[bytes.fromhex(hexcolour)]
        if n < 20:
            print('FAIL: colour #%s covers %d pixels: no circle of that colour' % (hexcolour, n))
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
