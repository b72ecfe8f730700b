# Reads a GraphML file written by tests/test_export_graphml.c with networkx
# and python-igraph and checks counts, attribute types and one label.
# Usage: python3 check_graphml.py FILE  (exit status 0 when all checks pass)
import sys
import warnings

import igraph
import networkx as nx

warnings.simplefilter("error")  # an igraph warning (e.g. unknown attr.type) fails the check
path = sys.argv[1]
LABEL = "kerja sama & <b>dinas</b> \"x\" 'y' \u00dc"

g = nx.read_graphml(path)
assert not g.is_directed()
assert g.number_of_nodes() == 3 and g.number_of_edges() == 2, g
node = g.nodes["n1"]
assert node["label"] == LABEL, repr(node["label"])
for key in ("term_id", "occurrences", "documents", "links", "total_link_strength", "cluster"):
    assert type(node[key]) is int, (key, node[key])
assert node["cluster"] == 1 and g.nodes["n3"]["cluster"] == 2
assert type(node["x"]) is float
edge = g.edges["n1", "n2"]
assert type(edge["weight"]) is int and edge["weight"] == 5, edge
assert abs(edge["association"] - 0.5) < 1e-15, edge

h = igraph.Graph.Read_GraphML(path)
assert not h.is_directed()
assert h.vcount() == 3 and h.ecount() == 2
assert h.vs[0]["label"] == LABEL
assert h.vs["cluster"] == [1, 1, 2], h.vs["cluster"]
assert h.vs["total_link_strength"] == [7, 5, 2], h.vs["total_link_strength"]
assert h.es["weight"] == [5, 2], h.es["weight"]
