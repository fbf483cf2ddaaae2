"""Network analyses of the graph: NetworkX projections and what is computed on them."""
