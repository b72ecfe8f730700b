#!/usr/bin/python3
"""Writes text documents again as Word .docx, OpenDocument .odt, Word 97-2003
.doc or RTF files, the inputs of tests/e2e_hostile.sh, tests/e2e_threads.sh and
bench/office.sh. Each line becomes a paragraph; in a .docx each line's second
half is a run of its own (italic), as Word splits formatted text, and the file
has a page header ("JURNAL ILMU KEPALA HALAMAN") that must not be read.
Deflated, as Word and LibreOffice store them. In a .doc (an OLE compound file,
MS-CFB version 3) each line's first half is a piece of Windows-1252 bytes when
it can be one, its second half a piece of UTF-16, and a footnote's text
("CATATAN KAKI HALAMAN") follows the main text, where it must not be read.
In an .rtf each line is a paragraph whose first half has its characters beyond
ASCII as Windows-1252 escapes (\\'e9) where it can, its second half (italic,
a group of its own) as Unicode escapes (\\u233?), after a font table and a page
header that must not be read. In every kind, the first line with text holds text that
tracked changes deleted ("REVISI LAMA DIHAPUS"), then hidden text ("CATATAN
TERSEMBUNYI PENULIS"), which must not be read either: a w:del run and a run
with w:vanish, a deletion region and a span whose style says text:display="none",
runs the .doc's character page marks deleted and hidden, a \\deleted group and
a \\v group. Standard library only.

usage: office_files.py docx|odt|doc|rtf|locked-docx SRC OUT
  locked-docx: a .docx saved with a password, which has no text to read.
  SRC a file: OUT is the file to write.
  SRC a folder: every .txt and .md file in it is written into the folder OUT
  under its own name with the new extension.
"""
import html
import os
import struct
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
S = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DELETED = "REVISI LAMA DIHAPUS "  # in the first line, deleted by tracked changes
HIDDEN = "CATATAN TERSEMBUNYI PENULIS "  # after it, hidden text


def first_line(lines):
    """The index of the first line with text, where the deleted text goes."""
    return next((k for k, line in enumerate(lines) if line.strip()), 0)


def docx_paragraph(line, first):
    half = len(line) // 2
    deleted = ('<w:del w:id="1" w:author="Penyunting"><w:r><w:delText xml:space="preserve">%s'
               '</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space='
               '"preserve">%s</w:t></w:r>' % (DELETED, HIDDEN) if first else "")
    return ('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r>%s<w:r><w:rPr><w:i/></w:rPr>'
            '<w:t xml:space="preserve">%s</w:t></w:r></w:p>'
            % (html.escape(line[:half]), deleted, html.escape(line[half:])))


def write_docx(path, lines):
    first = first_line(lines)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="%s">'
                   '<w:body>%s<w:sectPr/></w:body></w:document>'
                   % (W, "".join(docx_paragraph(line, k == first) for k, line in enumerate(lines))))
        z.writestr("word/header1.xml", '<w:hdr xmlns:w="%s"><w:p><w:r><w:t>JURNAL ILMU KEPALA '
                   'HALAMAN</w:t></w:r></w:p></w:hdr>' % W)


def odt_paragraph(line, first):
    half = len(line) // 2
    change = ('<text:change text:change-id="ct1"/><text:span text:style-name="T1">%s</text:span>'
              % HIDDEN if first else "")
    return "<text:p>%s%s%s</text:p>" % (html.escape(line[:half]), change, html.escape(line[half:]))


def write_odt(path, lines):
    first = first_line(lines)
    changes = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
               '<text:p>%s</text:p></text:deletion></text:changed-region></text:tracked-changes>'
               % DELETED)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                   'xmlns:office="%s" xmlns:style="%s" xmlns:text="%s"><office:automatic-styles>'
                   '<style:style style:name="T1" style:family="text"><style:text-properties '
                   'text:display="none"/></style:style></office:automatic-styles><office:body>'
                   '<office:text>%s</office:text></office:body></office:document-content>'
                   % (O, S, T, changes + "".join(odt_paragraph(line, k == first)
                                              for k, line in enumerate(lines))))


END_OF_CHAIN, FREE, FAT_SECTOR, NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(streams):
    """An OLE compound file (512-byte sectors) of (name, bytes) streams in the root
    storage, each padded to 4096 bytes so none lives in the mini stream."""
    streams = [(n, d + b"\0" * max(0, 4096 - len(d))) for n, d in streams]
    streams.sort(key=lambda s: (len(s[0]), s[0].upper()))  # the directory's order
    lengths = [-(-len(d) // 512) for _, d in streams]
    dir_sectors = -(-128 * (len(streams) + 1) // 512)
    n_fat = 1
    while n_fat * 128 < n_fat + dir_sectors + sum(lengths):
        n_fat += 1
    assert n_fat <= 109
    fat = [FAT_SECTOR] * n_fat
    starts = []
    for length in [dir_sectors] + lengths:
        starts.append(len(fat))
        fat += [len(fat) + k + 1 for k in range(length - 1)] + [END_OF_CHAIN]
    fat += [FREE] * (n_fat * 128 - len(fat))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, n_fat, starts[0], 0, 4096, END_OF_CHAIN, 0,
                     END_OF_CHAIN, 0)
    struct.pack_into("<109I", header, 0x4C, *(list(range(n_fat)) + [FREE] * (109 - n_fat)))
    entries = b""
    names = ["Root Entry"] + [n for n, _ in streams]
    for i, name in enumerate(names):
        e = bytearray(128)
        raw = name.encode("utf-16-le")
        e[0:len(raw)] = raw
        right = i + 1 if 0 < i < len(streams) else NONE
        child = 1 if i == 0 and streams else NONE
        start = END_OF_CHAIN if i == 0 else starts[i]
        size = 0 if i == 0 else len(streams[i - 1][1])
        struct.pack_into("<HBBIII", e, 0x40, len(raw) + 2, 5 if i == 0 else 2, 1, NONE, right,
                         child)
        struct.pack_into("<II", e, 0x74, start, size)
        entries += bytes(e)
    body = struct.pack("<%dI" % len(fat), *fat) + entries.ljust(dir_sectors * 512, b"\0")
    for (_, data), length in zip(streams, lengths):
        body += data.ljust(length * 512, b"\0")
    return bytes(header) + body


def write_doc(path, lines):
    """A Word 97 document: the FIB, then the pieces' characters in WordDocument, then a
    page of character runs (ChpxFkp) marking the deleted and hidden texts' runs; the piece table
    (Clx) and the page's list (PlcBteChpx) in 1Table."""
    wd = bytearray(0x800)
    cps, fcs = [0], []

    def piece(text, compressed):
        if not text:
            return
        if compressed:
            fcs.append(len(wd) * 2 | 0x40000000)
            wd.extend(text.encode("cp1252"))
        else:
            wd.extend(b"\0" * (len(wd) & 1))
            fcs.append(len(wd))
            wd.extend(text.encode("utf-16-le"))
        cps.append(cps[-1] + len(text.encode("utf-16-le")) // 2)

    def cp1252(text):
        try:
            text.encode("cp1252")
            return True
        except UnicodeEncodeError:
            return False

    deleted, first = None, first_line(lines)
    for k, line in enumerate(lines):
        half = len(line) // 2
        piece(line[:half], cp1252(line[:half]))
        if k == first:
            deleted = len(wd)
            piece(DELETED + HIDDEN, True)
        piece(line[half:] + "\r", False)
    ccp_text = cps[-1]
    piece("CATATAN KAKI HALAMAN\r", True)
    clx = b"\x02" + struct.pack("<I", 4 * len(cps) + 8 * len(fcs))
    clx += struct.pack("<%dI" % len(cps), *cps)
    clx += b"".join(struct.pack("<HIH", 0, fc, 0) for fc in fcs)
    end = len(wd)  # the page of runs: the text before, deleted, hidden, the text after
    wd.extend(b"\0" * (-len(wd) % 512))
    page = bytearray(512)
    bounds = (0x800, deleted, deleted + len(DELETED), deleted + len(DELETED + HIDDEN), end)
    struct.pack_into("<5I", page, 0, *bounds)
    chpx = b"\x0d\x00\x08\x01\x63\x48\x00\x00\x64\x68\x80\xba\xeb\x27"  # deleted, by, on
    page[0x100:0x100 + len(chpx)], page[0x120:0x124] = chpx, b"\x03\x3c\x08\x01"  # hidden
    page[20 + 1], page[20 + 2], page[511] = 0x100 // 2, 0x120 // 2, 4
    bte = struct.pack("<III", 0x800, end, len(wd) // 512)
    wd.extend(page)
    struct.pack_into("<HH", wd, 0, 0xA5EC, 0xC1)
    struct.pack_into("<H", wd, 0x0A, 0x0200)  # the table stream is 1Table
    struct.pack_into("<H", wd, 0x20, 14)
    struct.pack_into("<H", wd, 0x3E, 22)
    struct.pack_into("<II", wd, 0x40, len(wd), 0)
    struct.pack_into("<I", wd, 0x4C, ccp_text)
    struct.pack_into("<H", wd, 0x98, 93)
    struct.pack_into("<II", wd, 0x9A + 8 * 12, len(clx), len(bte))
    struct.pack_into("<II", wd, 0x9A + 8 * 33, 0, len(clx))
    with open(path, "wb") as f:
        f.write(compound_file([("WordDocument", bytes(wd)), ("1Table", clx + bte)]))


def write_locked_docx(path, lines):
    """A .docx as Word saves it with a password: an OLE compound file of the
    encryption's description and the encrypted package (here, the text as is)."""
    with open(path, "wb") as f:
        f.write(compound_file([("EncryptionInfo", b"\x04\x00\x04\x00\x40\x00\x00\x00"),
                               ("EncryptedPackage", "\n".join(lines).encode())]))


def rtf_text(text, cp1252):
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 0x80:
            out.append(ch)
        elif cp1252 and ch.encode("cp1252", "ignore"):
            out.append("\\'%02x" % ch.encode("cp1252")[0])
        else:
            units = ch.encode("utf-16-le")
            for i in range(0, len(units), 2):
                unit = units[i] | units[i + 1] << 8
                out.append("\\u%d?" % (unit - 0x10000 if unit >= 0x8000 else unit))
    return "".join(out)


def write_rtf(path, lines):
    first = first_line(lines)
    body = "".join("\\pard %s%s{\\i %s}\\par\n"
                   % (rtf_text(line[:len(line) // 2], True),
                      "{\\deleted\\revauthdel1 %s}{\\v %s}" % (DELETED, HIDDEN)
                      if k == first else "",
                      rtf_text(line[len(line) // 2:], False))
                   for k, line in enumerate(lines))
    with open(path, "w", encoding="ascii") as f:
        f.write("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
                "{\\colortbl;\\red0\\green0\\blue0;}"
                "{\\header\\pard JURNAL ILMU KEPALA HALAMAN\\par}\n" + body + "}\n")


WRITERS = {"docx": write_docx, "odt": write_odt, "doc": write_doc, "rtf": write_rtf,
           "locked-docx": write_locked_docx}


def convert(kind, src, out):
    with open(src, encoding="utf-8") as f:
        lines = f.read().split("\n")
    WRITERS[kind](out, lines)


def main():
    kind, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
    if kind not in WRITERS:
        sys.exit("office_files.py: the kind is docx, odt, doc, rtf or locked-docx, not " + kind)
    if not os.path.isdir(src):
        convert(kind, src, out)
        return
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(src)):
        stem, ext = os.path.splitext(name)
        if ext in (".txt", ".md"):
            convert(kind, os.path.join(src, name), os.path.join(out, stem + "." + kind))


if __name__ == "__main__":
    main()
