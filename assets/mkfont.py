#!/usr/bin/python3
"""Makes the embedded fonts of 巡察统筹: NotoSansSC-Regular.ttf and -Bold.ttf.

Source: Noto Sans CJK SC from Debian's fonts-noto-cjk (SIL Open Font License
1.1, see OFL.txt). The fonts are subset to ASCII, Latin-1, general and CJK
punctuation, full-width forms, every GBK character (GB2312's 6,763 are not
enough for personnel data: names such as 朱镕基 or 王玥 use characters
outside it, and a roster must never drop a character of a name), and every
non-ASCII character in the program's Go sources; then their CFF outlines are converted
to TrueType (glyf) quadratic outlines, because one file serves both the Fyne
theme and the PDF writer (gopdf reads TrueType outlines only).

Needs Debian's python3-fonttools (fonttools) and fonts-noto-cjk. Run from
the repository root:  /usr/bin/python3 assets/mkfont.py
"""

import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SRC = "/usr/share/fonts/opentype/noto/NotoSansCJK-%s.ttc"
SC_INDEX = 2  # the collection holds JP, KR, SC, TC, HK: SC is the third
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "NotoSansSC-%s.ttf")


def gbk():
    """Every character of GBK (lead bytes 81–FE, trail bytes 40–FE), which
    holds all of GB2312 and the rest of the CJK Unified Ideographs block."""
    out = set()
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return out


def program_chars(root):
    """Every non-ASCII character in the program's Go sources."""
    out = set()
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        for f in files:
            if f.endswith(".go"):
                with open(os.path.join(d, f), encoding="utf-8") as fh:
                    out.update(c for c in fh.read() if ord(c) > 0x7F)
    return out


def ranges(*spans):
    return {chr(c) for a, b in spans for c in range(a, b + 1)}


def unicodes(root):
    chars = gbk() | program_chars(root)
    chars |= ranges(
        (0x20, 0x7E),      # ASCII
        (0xA0, 0xFF),      # Latin-1
        (0x2000, 0x206F),  # general punctuation
        (0x2190, 0x21FF),  # arrows
        (0x2460, 0x24FF),  # enclosed numbers ①
        (0x2500, 0x257F),  # box drawing
        (0x25A0, 0x25FF),  # geometric shapes ■●
        (0x3000, 0x303F),  # CJK punctuation
        (0xFF00, 0xFFEF),  # full-width forms
    )
    return sorted(ord(c) for c in chars)


def to_quadratic(font):
    """Replaces the CFF outlines of font by TrueType glyf outlines."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(tt, 1.0, reverse_direction=True))
        glyphs[name] = tt.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyphs.items():
        w, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (w, getattr(g, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for k in ("maxZones",):
        setattr(maxp, k, 1)
    for k in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, k, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\000\001\000\000"


def make(weight, codes):
    font = TTCollection(SRC % weight).fonts[SC_INDEX]
    opts = subset.Options()
    opts.layout_features = ["kern"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.hinting = False
    opts.notdef_outline = True
    opts.glyph_names = False
    s = subset.Subsetter(opts)
    s.populate(unicodes=codes)
    s.subset(font)
    to_quadratic(font)
    out = OUT % weight
    font.save(out)
    print("%s: %d glyphs, %d bytes" % (out, len(font.getGlyphOrder()), os.path.getsize(out)))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    codes = unicodes(root)
    print("%d characters" % len(codes))
    for w in ("Regular", "Bold"):
        make(w, codes)


if __name__ == "__main__":
    main()
