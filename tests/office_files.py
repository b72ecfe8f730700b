#!/usr/bin/python3
"""Writes text documents again as Word .docx or OpenDocument .odt files, the
inputs of tests/e2e_hostile.sh, tests/e2e_threads.sh and bench/office.sh. Each
line becomes a paragraph; in a .docx each line's second half is a run of its
own (italic), as Word splits formatted text, and the file has a page header
("JURNAL ILMU KEPALA HALAMAN") that must not be read. Deflated, as Word and
LibreOffice store them. Standard library only.

usage: office_files.py docx|odt SRC OUT
  SRC a file: OUT is the file to write.
  SRC a folder: every .txt and .md file in it is written into the folder OUT
  under its own name with the new extension.
"""
import html
import os
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def docx_paragraph(line):
    half = len(line) // 2
    return ('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:rPr><w:i/></w:rPr>'
            '<w:t xml:space="preserve">%s</w:t></w:r></w:p>'
            % (html.escape(line[:half]), html.escape(line[half:])))


def write_docx(path, lines):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="%s">'
                   '<w:body>%s<w:sectPr/></w:body></w:document>'
                   % (W, "".join(docx_paragraph(line) for line in lines)))
        z.writestr("word/header1.xml", '<w:hdr xmlns:w="%s"><w:p><w:r><w:t>JURNAL ILMU KEPALA '
                   'HALAMAN</w:t></w:r></w:p></w:hdr>' % W)


def write_odt(path, lines):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                   'xmlns:office="%s" xmlns:text="%s"><office:body><office:text>%s</office:text>'
                   '</office:body></office:document-content>'
                   % (O, T, "".join("<text:p>%s</text:p>" % html.escape(line) for line in lines)))


def convert(kind, src, out):
    with open(src, encoding="utf-8") as f:
        lines = f.read().split("\n")
    (write_docx if kind == "docx" else write_odt)(out, lines)


def main():
    kind, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
    if kind not in ("docx", "odt"):
        sys.exit("office_files.py: the kind is docx or odt, not " + kind)
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
