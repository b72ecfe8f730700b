#!/usr/bin/env bash
# PDF benchmark: a folder of multi-page PDFs made from the generated corpus (standard-library
# Python writes them: Helvetica text, one document's paragraph per page), mapped with
# jaringkata's defaults; prints wall time, peak memory and --timings. Text extraction
# (Poppler) runs on the main thread, so this shows what re-extracting a PDF costs per pass.
#
# usage: bench/pdf.sh [PDFS] [PAGES] [RUNS]     e.g. bench/pdf.sh 300 20 3
# env:   SHARED (default ../shared), BUILD (default build), WORK (default /tmp/jk-bench),
#        JK_ARGS (more options for jaringkata map, e.g. "--counting full --unit sentence" for
#        one long PDF: bench/pdf.sh 1 10000 1)
# needs: /usr/bin/time, python3 (standard library only)
set -euo pipefail
cd "$(dirname "$0")/.."
PDFS=${1:-300}
PAGES=${2:-20}
RUNS=${3:-3}
SIZES=2000
# shellcheck source=bench/common.sh
source bench/common.sh

src=$(corpus_dir 2000)
dir="$WORK/pdf-$PDFS-$PAGES"
if [ ! -d "$dir" ]; then
    $PY - "$src" "$dir.tmp" "$PDFS" "$PAGES" <<'PYEOF'
import os, sys, textwrap
src, out, pdfs, pages = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
os.makedirs(out)
names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
def esc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
def page_stream(text):
    lines = textwrap.wrap(" ".join(text.split()), 90)[:50]
    body = " ".join("(%s) '" % esc(l.encode("latin-1", "replace").decode("latin-1")) for l in lines)
    return ("BT /F1 10 Tf 40 760 Td 13 TL %s ET" % body).encode("latin-1")
k = 0
for p in range(pdfs):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for _ in range(pages):
        text = open(os.path.join(src, names[k % len(names)]), encoding="utf-8").read()
        k += 1
        s = page_stream(text)
        objs.append(b"<< /Length %d >>\nstream\n" % len(s) + s + b"\nendstream")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 3 0 R >> >> >>" % len(objs))
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % i for i in kids), len(kids))
    data, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    data += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    data += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(os.path.join(out, "doc%04d.pdf" % p), "wb").write(data)
PYEOF
    mv "$dir.tmp" "$dir"
fi

mb=$(du -sm --apparent-size "$dir" | cut -f1)
printf '| PDFs | pages | MB | wall s (median of %s) | peak MB | stages (last run) |\n|---|---|---|---|---|---|\n' "$RUNS"
: >"$WORK/pdf.times"
for _ in $(seq "$RUNS"); do
    # shellcheck disable=SC2086 # JK_ARGS is a list of options
    /usr/bin/time -f "%e %M" -o "$WORK/pdf.one" "$JK" map "$dir" -o "$WORK/pdf-out" -q --timings ${JK_ARGS:-} 2>"$WORK/pdf.err"
    cat "$WORK/pdf.one" >>"$WORK/pdf.times"
done
wall=$(cut -d' ' -f1 "$WORK/pdf.times" | median)
mem=$(cut -d' ' -f2 "$WORK/pdf.times" | median | awk '{printf "%.0f", $1/1024}')
printf '| %s | %s | %s | %s | %s | %s |\n' "$PDFS" "$PAGES" "$mb" "$wall" "$mem" "$(sed -n 's/.*timings: //p' "$WORK/pdf.err")"
