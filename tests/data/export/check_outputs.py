# Reads every file tests/test_outputs.c writes for its hostile map with a
# real parser and checks each label against the replacement its format
# documents (see the exporters' headers).
# Usage: python3 check_outputs.py OUTPUT_DIR. Exit status 0 when all pass.
# Keep RAW and LINKS in step with tests/test_outputs.c.
import csv
import json
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import igraph
import networkx as nx

OUT = sys.argv[1]
RAW = [b"kerja sama", b"a<b & \"c\" 'd'", b"</script><script>alert(1)</script>",
       b"<!-- ]]> --> <![CDATA[ x", b"esc\x1b[31m red\x1b[0m", b"ctl\x01\x02\x7f",
       b"tab\there new\nline cr\rend", b"lone \xed\xa0\x80 surrogate", b"bad \xff\xfe \xc0\xaf utf8",
       b"nonchar \xef\xbf\xbe \xef\xbf\xbf", b"sep \xe2\x80\xa8 \xe2\x80\xa9 bom \xef\xbb\xbf",
       b"csv ,;| \"\" =cmd", b"\\ backslash \\\" end\\", b" lead and trail ", b"k" * 5000]
N = len(RAW)
LINKS = [(i, i + 1) for i in range(N - 1)] + [(0, 7), (2, 9)]
INPUT = b"in <b>&\"q' \x1b\xff \xed\xa0\x80 </script>"
FFFD = "\ufffd"


def fail(*what):
    print("FAIL:", *what)
    sys.exit(1)


def check(cond, *what):
    if not cond:
        fail(*what)


def utf8(raw):
    """Invalid UTF-8 -> U+FFFD, one per byte (Python's rule is the same for these)."""
    return raw.decode("utf-8", errors="replace")


def is_xml_char(ch):
    c = ord(ch)
    return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or c >= 0x10000


def xml_label(raw):  # GraphML, GEXF, GML: what XML 1.0 cannot hold becomes U+FFFD
    return "".join(ch if is_xml_char(ch) else FFFD for ch in utf8(raw))


def pajek_label(raw):  # '"' -> "'", '\' -> '/', control characters and DEL -> ' '
    s = utf8(raw).replace('"', "'").replace("\\", "/")
    return "".join(" " if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in s)


def vos_label(raw):  # TAB, CR, LF -> ' '
    return "".join(" " if ch in "\t\r\n" else ch for ch in utf8(raw))


def read_text(name):
    with open(f"{OUT}/{name}", encoding="utf-8", newline="") as f:  # strict UTF-8
        return f.read()


def check_xml(name):
    r = subprocess.run(["xmllint", "--noout", "--nonet", f"{OUT}/{name}"], capture_output=True)
    check(r.returncode == 0, name, "xmllint:", r.stderr.decode(errors="replace")[:300])
    return ET.parse(f"{OUT}/{name}").getroot()


def check_graphml():
    check_xml("network.graphml")
    g = nx.read_graphml(f"{OUT}/network.graphml")
    got = [g.nodes[f"n{i + 1}"]["label"] for i in range(N)]
    for i in range(N):
        check(got[i] == xml_label(RAW[i]), "graphml label", i, repr(got[i][:80]))
    check(g.number_of_edges() == len(LINKS), "graphml edges")
    h = igraph.Graph.Read_GraphML(f"{OUT}/network.graphml")
    check(h.vs["label"] == got, "igraph reads other GraphML labels")


def check_gexf():
    root = check_xml("network.gexf")
    ns = {"g": "http://gexf.net/1.3"}
    got = [n.get("label") for n in root.iterfind(".//g:node", ns)]
    check(got == [xml_label(r) for r in RAW], "gexf labels", [g[:40] for g in got])
    check(len(root.findall(".//g:edge", ns)) == len(LINKS), "gexf edges")


def check_gml():
    g = nx.read_gml(f"{OUT}/network.gml", label="id")
    for i in range(N):
        got = g.nodes[i + 1]["label"]
        check(got == xml_label(RAW[i]), "gml label", i, repr(got[:80]))
    check(g.number_of_edges() == len(LINKS), "gml edges")
    read_text("network.gml").encode("ascii")  # 7-bit, as documented
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        h = igraph.Graph.Read_GML(f"{OUT}/network.gml")
    check(h.vcount() == N and h.ecount() == len(LINKS), "igraph GML counts")


def check_pajek():
    h = igraph.Graph.Read_Pajek(f"{OUT}/network.net")
    check(h.vcount() == N and h.ecount() == len(LINKS), "igraph Pajek counts")
    want = [pajek_label(r) for r in RAW]
    check(h.vs["id"] == want, "igraph Pajek labels", [l[:40] for l in h.vs["id"]])
    g = nx.read_pajek(f"{OUT}/network.net")
    check(sorted(g.nodes) == sorted(want), "networkx Pajek labels")


def check_json_items(items, where):
    check(len(items) == N, where, "items")
    for i, item in enumerate(items):
        check(item["label"] == utf8(RAW[i]), where, "label", i, repr(item["label"][:80]))


def check_vos_json():
    doc = json.loads(read_text("vosviewer.json"))
    check_json_items(doc["network"]["items"], "vosviewer.json")
    check(len(doc["network"]["links"]) == len(LINKS), "vosviewer.json links")
    check(doc["config"] is not None, "vosviewer.json config")


def check_run_json():
    doc = json.loads(read_text("run.json"))
    check(doc["options"]["inputs"] == [utf8(INPUT)], "run.json inputs", doc["options"]["inputs"])
    check(doc["result"]["terms"] == N, "run.json terms")


def csv_rows(name, **kw):
    with open(f"{OUT}/{name}", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True, **kw))
    width = len(rows[0])
    check(all(len(r) == width for r in rows), name, "rows of different lengths")
    return rows


def check_csv():
    rows = csv_rows("terms.csv")
    check(rows[0][:2] == ["id", "label"] and len(rows) == N + 1, "terms.csv shape")
    for i, r in enumerate(rows[1:]):
        check(r[0] == str(i + 1) and r[1] == utf8(RAW[i]), "terms.csv label", i, repr(r[1][:80]))
    rows = csv_rows("links.csv")
    check(len(rows) == len(LINKS) + 1, "links.csv rows")
    for (s, t), r in zip(LINKS, rows[1:]):
        check(r[:4] == [str(s + 1), str(t + 1), utf8(RAW[s]), utf8(RAW[t])], "links.csv", r[:2])
    rows = csv_rows("clusters.csv")
    check(len(rows) == 4, "clusters.csv rows")


def check_vos_files():
    rows = csv_rows("vosviewer_map.txt", delimiter="\t")
    check(rows[0][:2] == ["id", "label"] and len(rows) == N + 1, "vosviewer_map.txt shape")
    for i, r in enumerate(rows[1:]):
        check(r[1] == vos_label(RAW[i]), "vosviewer_map.txt label", i, repr(r[1][:80]))
    lines = read_text("vosviewer_network.txt").splitlines()
    check(len(lines) == len(LINKS), "vosviewer_network.txt lines")
    check(all(len(l.split("\t")) == 3 and all(p.isdigit() for p in l.split("\t")) for l in lines),
          "vosviewer_network.txt rows")


def check_svg():
    for name in ("map.svg", "density.svg", "overlay.svg"):
        root = check_xml(name)
        check(root.tag == "{http://www.w3.org/2000/svg}svg", name, "root", root.tag)
        check(not root.findall(".//{http://www.w3.org/2000/svg}script"), name, "has a script")


class Page(HTMLParser):
    """Collects the data block, the scripts and the title as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__()
        self.scripts, self.title, self.where = [], "", None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append([dict(attrs), ""])
            self.where = "script"
        elif tag == "title":
            self.where = "title"

    def handle_endtag(self, tag):
        self.where = None

    def handle_data(self, data):
        if self.where == "script":
            self.scripts[-1][1] += data
        elif self.where == "title":
            self.title += data


def check_html():
    text = read_text("index.html")
    page = Page()
    page.feed(text)
    page.close()
    check(len(page.scripts) == 2, "index.html: labels opened or closed a <script>",
          [s[0] for s in page.scripts])
    attrs, data = page.scripts[0]
    check(attrs.get("id") == "data" and attrs.get("type") == "application/json", "data block", attrs)
    check_json_items([{"label": t[0]} for t in json.loads(data)["terms"]], "index.html data")
    check(page.title.startswith("jaringkata: in <b>&\"q' ") and page.title.endswith(" </script>"),
          "index.html title", repr(page.title))

def check_report():
    """report.md: every row of every table has its header's number of cells."""
    table = None
    for line in read_text("report.md").split("\n"):
        if not line.startswith("|"):
            table = None
            continue
        cells = line.count("|")
        if table is None:
            table = cells
        check(cells == table, "report.md: a label broke a table row", line[:120])

def main():
    for fn in (check_graphml, check_gexf, check_gml, check_pajek, check_vos_json, check_run_json,
               check_csv, check_vos_files, check_svg, check_html):
        fn()
    check_report()
    for name in ("map.png", "density.png"):
        with open(f"{OUT}/{name}", "rb") as f:
            check(f.read(8) == b"\x89PNG\r\n\x1a\n", name, "is not a PNG")
    print(f"ok: {N} hostile labels survive every format")


main()
