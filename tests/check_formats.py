#!/usr/bin/python3
"""Checks that every network file of one jaringkata output folder shows the
same terms, clusters and coordinates, read with real readers.

usage: check_formats.py OUTPUT_DIR [OUTPUT_DIR...]
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET

import networkx as nx


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def close(a, b, tol=1e-4):
    return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(a)))


def from_terms_csv(out):
    with open(f"{out}/terms.csv", newline="", encoding="utf-8") as f:
        return {r["label"]: (int(r["cluster"]), float(r["x"]), float(r["y"]))
                for r in csv.DictReader(f)}


def from_graphml(out):
    g = nx.read_graphml(f"{out}/network.graphml")
    return {d["label"]: (d["cluster"], d["x"], d["y"]) for _, d in g.nodes(data=True)}


def from_vos_map(out):
    with open(f"{out}/vosviewer_map.txt", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["label"]: (int(r["cluster"]), float(r["x"]), float(r["y"])) for r in rows}


def from_json(out):
    with open(f"{out}/vosviewer.json", encoding="utf-8") as f:
        items = json.load(f)["network"]["items"]
    return {i["label"]: (i["cluster"], i["x"], i["y"]) for i in items}


def gexf_namespace_fix():
    # Debian's networkx 2.8 predates GEXF 1.3; teach it the namespace if needed.
    versions = nx.readwrite.gexf.GEXF.versions
    if "1.3" not in versions:
        v = dict(versions["1.2draft"])
        v["NS_GEXF"] = "http://gexf.net/1.3"
        v["NS_VIZ"] = "http://gexf.net/1.3/viz"
        v["SCHEMALOCATION"] = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
        v["VERSION"] = "1.3"
        versions["1.3"] = v


def labels_gexf(out):
    gexf_namespace_fix()
    g = nx.read_gexf(f"{out}/network.gexf")
    return {d["label"] for _, d in g.nodes(data=True)}, g.number_of_edges()


def labels_gml(out):
    g = nx.read_gml(f"{out}/network.gml", label="id")
    return {d["label"] for _, d in g.nodes(data=True)}, g.number_of_edges()


def labels_pajek(out):
    g = nx.read_pajek(f"{out}/network.net")
    return set(g.nodes()), len({tuple(sorted(e[:2])) for e in g.edges(keys=True)})


def check(out):
    ref = from_terms_csv(out)
    with open(f"{out}/links.csv", encoding="utf-8") as f:
        n_links = sum(1 for _ in f) - 1
    for name, read in [("network.graphml", from_graphml), ("vosviewer_map.txt", from_vos_map),
                       ("vosviewer.json", from_json)]:
        got = read(out)
        if set(got) != set(ref):
            fail(f"{name} has other terms than terms.csv")
        for label, (c, x, y) in ref.items():
            gc, gx, gy = got[label]
            if gc != c or not close(gx, x) or not close(gy, y):
                fail(f"{name}: '{label}' is at cluster {gc} ({gx}, {gy}), terms.csv says {c} ({x}, {y})")
    for name, read in [("network.gexf", labels_gexf), ("network.gml", labels_gml),
                       ("network.net", labels_pajek)]:
        labels, edges = read(out)
        plain = {l for l in ref if '"' not in l and "\\" not in l}
        if not plain <= labels or edges != n_links:
            fail(f"{name}: {len(labels)} terms and {edges} links, expected {len(ref)} and {n_links}")
    svg = ET.parse(f"{out}/map.svg").getroot()
    circles = svg.findall(".//{http://www.w3.org/2000/svg}circle")
    if len(circles) < len(ref):
        fail(f"map.svg draws {len(circles)} circles for {len(ref)} terms")
    with open(f"{out}/map.png", "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            fail("map.png is not a PNG")
    print(f"ok: {len(ref)} terms agree across formats")


def main():
    for out in sys.argv[1:]:
        check(out)


if __name__ == "__main__":
    main()
