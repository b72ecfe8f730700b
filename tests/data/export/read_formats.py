# Reads a file written by tests/test_export_{json,gexf,gml,pajek}.c for the
# "hostile" map those tests build, with the reader a user would use, and
# checks counts, labels (as each format documents them), attributes and types.
# Usage: python3 read_formats.py json|gexf|gml|pajek FILE LAYOUT(0|1)
# Exit status 0 when every check passes. Keep RAW, LINKS and the functions
# below in step with fx_build_hostile() in tests/export_fixture.h.
import json
import sys
import warnings

FORMAT, PATH, LAYOUT = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
if FORMAT != "json":
    import networkx as nx

# The map of fx_build_hostile() in the C tests: label bytes as C writes them.
RAW = [b"kerja sama", b"a<b & \"c\" 'd'", b"</script> \\x", b"tab\there", b"new\nline",
       b"ctl\x01\x7f", b"bad\xff\xc0\xbc utf8", "\u00dcniversitas \u2713 \u6f22".encode(),
       b"trailing\\", b"#tag; a,b"]
N = len(RAW)
LINKS = [(0, 1, 1), (0, 5, 7), (1, 2, 2), (2, 3, 3), (3, 4, 4), (4, 5, 5), (5, 6, 6),
         (6, 7, 7), (7, 8, 8), (8, 9, 9)]


def occurrences(i):
    return 20 - i


def documents(i):
    return 15 - i


def cluster(i):
    return i % 3 + 1


def avg_year(i):
    return 2010 + i + 0.5 if i % 2 == 0 else None


def avg_citations(i):
    return 4.75 if i == 3 else None


LINKS_OF = [sum(1 for s, t, _ in LINKS if i in (s, t)) for i in range(N)]
STRENGTH_OF = [sum(w for s, t, w in LINKS if i in (s, t)) for i in range(N)]

# Labels as each format promises to give them back.
BAD = "bad\ufffd\ufffd\ufffd utf8"
JSON_LABELS = ["kerja sama", "a<b & \"c\" 'd'", "</script> \\x", "tab\there", "new\nline",
               "ctl\x01\x7f", BAD, "\u00dcniversitas \u2713 \u6f22", "trailing\\", "#tag; a,b"]
XML_LABELS = JSON_LABELS[:5] + ["ctl\ufffd\x7f"] + JSON_LABELS[6:]  # GEXF and GML
PAJEK_LABELS = ["kerja sama", "a<b & 'c' 'd'", "</script> /x", "tab here", "new line", "ctl  ",
                BAD, "\u00dcniversitas \u2713 \u6f22", "trailing/", "#tag; a,b"]
PALETTE = {1: (0x00, 0x72, 0xB2), 2: (0xD5, 0x5E, 0x00), 3: (0x00, 0x9E, 0x73)}  # palette.c


def check(cond, *what):
    if not cond:
        print("FAIL:", *what)
        sys.exit(1)


def same_number(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def reject_constant(name):
    raise ValueError("not JSON: " + name)


def check_json():
    with open(PATH, encoding="utf-8") as f:
        text = f.read()
    check("</script" not in text, "'</' must be written '<\\/'")
    doc = json.loads(text, parse_constant=reject_constant)
    net = doc["network"]
    items = net["items"]
    check(len(items) == N and len(net["links"]) == len(LINKS), "counts")
    for i, item in enumerate(items):
        check(item["id"] == i + 1 and item["label"] == JSON_LABELS[i], "item", i, item)
        check(item["cluster"] == cluster(i), "cluster", item)
        check(item["weights"] == {"Links": LINKS_OF[i], "Total link strength": STRENGTH_OF[i],
                                  "Occurrences": occurrences(i)}, "weights", item)
        check(("x" in item and "y" in item) == LAYOUT, "x/y only with a layout", item)
        want = {}
        if avg_year(i) is not None:
            want["Avg. pub. year"] = avg_year(i)
        if avg_citations(i) is not None:
            want["Avg. citations"] = avg_citations(i)
        check(item.get("scores", {}) == want, "scores", item)
        check("scores" in item or not want, "scores only when known", item)
    got = [(l["source_id"], l["target_id"], l["strength"]) for l in net["links"]]
    check(got == [(s + 1, t + 1, w) for s, t, w in LINKS], "links", got)
    check(net["clusters"] == [{"cluster": c, "label": JSON_LABELS[c - 1]} for c in (1, 2, 3)],
          "clusters", net["clusters"])
    params = doc["config"]["parameters"]
    check(params == {"resolution": 1.5, "min_cluster_size": 2, "attraction": 2, "repulsion": 0,
                     "normalization": "association", "counting": "binary"}, "parameters", params)
    check(doc["info"] == {"title": "Peta \"istilah\" </script>", "description": "a\\b\n"},
          "info", doc["info"])


def check_gexf():
    from networkx.readwrite import gexf
    # networkx before 3.0 knows GEXF 1.1draft and 1.2draft only; its parser is
    # the same for 1.3, which newer networkx registers under exactly this name.
    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3"}
    g = nx.read_gexf(PATH)
    check(not g.is_directed() and g.number_of_nodes() == N, "nodes", g)
    check(g.number_of_edges() == len(LINKS), "edges", g)
    for i in range(N):
        node = g.nodes[str(i + 1)]
        check(node["label"] == XML_LABELS[i], "label", i, repr(node["label"]))
        for key, want in (("occurrences", occurrences(i)), ("documents", documents(i)),
                          ("links", LINKS_OF[i]), ("total_link_strength", STRENGTH_OF[i]),
                          ("cluster", cluster(i))):
            check(type(node[key]) is int and node[key] == want, key, i, node)
        check(node.get("avg_year") == avg_year(i), "avg_year", i, node)
        check(node.get("avg_citations") == avg_citations(i), "avg_citations", i, node)
        viz = node["viz"]
        color = viz["color"]
        check((color["r"], color["g"], color["b"]) == PALETTE[cluster(i)], "colour", i, viz)
        check(5 <= viz["size"] <= 40, "size", viz)
        check(("position" in viz) == LAYOUT, "position only with a layout", viz)
    check(g.nodes["1"]["viz"]["size"] == 40, "largest term gets the largest size")
    for s, t, w in LINKS:
        edge = g.edges[str(s + 1), str(t + 1)]
        check(edge["weight"] == w and type(edge["association"]) is float, "edge", edge)


def check_gml():
    g = nx.read_gml(PATH, label="id")  # nodes keyed by id; labels stay attributes
    check(not g.is_directed() and sorted(g.nodes) == list(range(1, N + 1)), "nodes", g.nodes)
    check(g.number_of_edges() == len(LINKS), "edges")
    for i in range(N):
        node = g.nodes[i + 1]
        check(node["label"] == XML_LABELS[i], "label", i, repr(node["label"]))
        check(node["cluster"] == cluster(i) and node["weight_occurrences"] == occurrences(i),
              "node", node)
        check(node["weight_links"] == LINKS_OF[i], "links", node)
        check(node["weight_total_link_strength"] == STRENGTH_OF[i], "strength", node)
        check(node.get("score_avg_pub_year") == avg_year(i), "year", node)
        check(node.get("score_avg_citations") == avg_citations(i), "citations", node)
        check(("x" in node and "y" in node) == LAYOUT, "x/y only with a layout", node)
        check(not LAYOUT or type(node["x"]) is float, "x is a real", node)
    for s, t, w in LINKS:
        edge = g.edges[s + 1, t + 1]
        check(edge["value"] == w and type(edge["value"]) is int, "edge", edge)
        check(type(edge["association"]) is float, "association", edge)
    # networkx's default keys nodes by label: works because labels are unique
    h = nx.read_gml(PATH)
    check(sorted(h.nodes) == sorted(XML_LABELS), "labels as node names", list(h.nodes))
    try:
        import igraph
    except ImportError:
        return
    # igraph 0.10 reads the file but decodes only &quot; &amp; &lt; &gt; &apos;
    # (it warns that "&#9;" stays as it is)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        h = igraph.Graph.Read_GML(PATH)
    check(h.vcount() == N and h.ecount() == len(LINKS), "igraph counts")
    check(h.vs[1]["label"] == XML_LABELS[1], "igraph label", h.vs[1]["label"])
    check(h.vs["weight_occurrences"] == [occurrences(i) for i in range(N)], "igraph weights")


def check_pajek():
    g = nx.read_pajek(PATH)
    check(g.number_of_nodes() == N and g.number_of_edges() == len(LINKS), "counts", g)
    check(sorted(g.nodes) == sorted(PAJEK_LABELS), "labels", list(g.nodes))
    for i, label in enumerate(PAJEK_LABELS):
        node = g.nodes[label]
        check(node["id"] == str(i + 1), "id", node)
        check(("x" in node) == LAYOUT, "x/y only with a layout", node)
        if LAYOUT:
            check(0 <= node["x"] <= 1 and 0 <= node["y"] <= 1, "Pajek's unit square", node)
    for s, t, w in LINKS:
        weights = [d["weight"] for d in g.get_edge_data(PAJEK_LABELS[s], PAJEK_LABELS[t]).values()]
        check(weights == [w], "edge", s, t, weights)
    try:
        import igraph
    except ImportError:
        return
    h = igraph.Graph.Read_Pajek(PATH)
    check(h.vcount() == N and h.ecount() == len(LINKS), "igraph counts")
    check(h.vs["id"] == PAJEK_LABELS, "igraph labels", h.vs["id"])
    check(h.es["weight"] == [float(w) for _, _, w in LINKS], "igraph weights", h.es["weight"])


{"json": check_json, "gexf": check_gexf, "gml": check_gml, "pajek": check_pajek}[FORMAT]()
