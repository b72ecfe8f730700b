#!/usr/bin/python3
"""Checks a jaringkata output folder the way a user would: the GraphML opens in
networkx and python-igraph with every attribute, counts agree with the CSV files,
and the bundled corpus's key terms are in the map without debris.

usage: check_map.py OUTPUT_DIR STOPWORDS_DIR [--corpus]
"""
import csv
import re
import sys

import igraph
import networkx as nx

NODE_ATTRS = {"label": str, "occurrences": int, "documents": int, "links": int,
              "total_link_strength": int, "cluster": int}
EDGE_ATTRS = {"weight": int, "association": float}


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_words(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip().lower()
            if line:
                words.add(line)
    return words


def check_graph(out):
    g = nx.read_graphml(f"{out}/network.graphml")
    for n, data in g.nodes(data=True):
        for attr, typ in NODE_ATTRS.items():
            if attr not in data:
                fail(f"node {n} lacks attribute {attr}")
            if not isinstance(data[attr], typ):
                fail(f"node {n} attribute {attr} is {type(data[attr]).__name__}, not {typ.__name__}")
    for a, b, data in g.edges(data=True):
        for attr, typ in EDGE_ATTRS.items():
            if not isinstance(data.get(attr), typ):
                fail(f"edge {a}-{b} attribute {attr} missing or not {typ.__name__}")
    ig = igraph.Graph.Read_GraphML(f"{out}/network.graphml")
    for attr in NODE_ATTRS:
        if attr not in ig.vs.attributes():
            fail(f"igraph does not see node attribute {attr}")
    for attr in EDGE_ATTRS:
        if attr not in ig.es.attributes():
            fail(f"igraph does not see edge attribute {attr}")
    if ig.vcount() != g.number_of_nodes() or ig.ecount() != g.number_of_edges():
        fail("networkx and igraph disagree on the graph size")
    return g


def check_counts(out, g):
    terms = read_csv(f"{out}/terms.csv")
    links = read_csv(f"{out}/links.csv")
    clusters = read_csv(f"{out}/clusters.csv")
    if len(terms) != g.number_of_nodes():
        fail(f"terms.csv has {len(terms)} rows, the GraphML {g.number_of_nodes()} nodes")
    if len(links) != g.number_of_edges():
        fail(f"links.csv has {len(links)} rows, the GraphML {g.number_of_edges()} edges")
    ids = {int(c["cluster"]) for c in clusters}
    used = {int(t["cluster"]) for t in terms}
    if ids != used or ids != set(range(1, len(ids) + 1)):
        fail(f"clusters are not numbered 1..K: {sorted(ids)} vs {sorted(used)}")
    sizes = [int(c["size"]) for c in sorted(clusters, key=lambda c: int(c["cluster"]))]
    if sizes != sorted(sizes, reverse=True):
        fail(f"clusters are not numbered largest first: {sizes}")
    return [t["label"] for t in terms]


def check_corpus_terms(labels, stopdir):
    have = set(labels)
    for need in ["paradiplomasi", "pemerintah daerah"]:
        if need not in have:
            fail(f"term '{need}' is not in the map")
    kerja = [l for l in labels if l in ("kerja sama", "kerjasama")]
    if len(kerja) != 1:
        fail(f"'kerja sama' should be exactly one node, found {kerja}")
    if not ({"sister city", "sister province"} & have):
        fail("neither 'sister city' nor 'sister province' is in the map")
    # verb forms of the corpus that were terms before meN- and di- verbs were kept from starting one
    verbs = {"dijadikan", "dirasa", "memainkan", "mengarahkan", "menyebar"}
    for label in labels:
        if label.split()[0] in verbs:
            fail(f"term '{label}' starts with a verb")
    # words of the protected phrase "letter of intent" on their own
    for fragment in ("letter", "intent"):
        if fragment in have:
            fail(f"term '{fragment}' is a fragment of 'letter of intent'")
    # pieces of protected phrases, which are one unit each ("nusa tenggara barat", "kerja sama",
    # "sister city", "kota kembar", "republik rakyat tiongkok")
    for fragment in ("provinsi nusa tenggara", "pemerintah provinsi nusa", "barat", "kerja",
                     "kerjasama sister", "kembar", "republik rakyat"):
        if fragment in have:
            fail(f"term '{fragment}' is a piece of a protected phrase")
    # an author cited in three documents ("(Damayanti, 2018)", "Christy Damayanti (2012)")
    if "damayanti" in have:
        fail("term 'damayanti' is a cited author")
    # a label with the possessive -nya where the corpus has the plain spelling too
    if "lemahnya" in have:
        fail("term 'lemah' is labelled 'lemahnya'")
    if "provinsi nusa tenggara barat" not in have:
        fail("term 'provinsi nusa tenggara barat' is not in the map")
    stop = set()
    for name in ["id.txt", "en.txt", "academic-id.txt"]:
        stop |= load_words(f"{stopdir}/{name}")
    for label in labels:
        if re.search(r"sup|https?|www|lib\.ui\.ac\.id|[<>*#]", label):
            fail(f"term '{label}' holds markup or URL debris")
        if all(w in stop for w in label.split()):
            fail(f"term '{label}' is only stopwords")
        for w in label.split():
            half = w.split("-")
            if len(half) == 2 and half[0] == half[1]:
                fail(f"term '{label}' holds the reduplicated plural '{w}'")


def main():
    out, stopdir = sys.argv[1], sys.argv[2]
    g = check_graph(out)
    labels = check_counts(out, g)
    if "--corpus" in sys.argv:
        check_corpus_terms(labels, stopdir)
    print(f"ok: {len(labels)} terms, {g.number_of_edges()} links")


if __name__ == "__main__":
    main()
