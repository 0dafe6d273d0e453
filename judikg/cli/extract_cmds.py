"""Commands for extraction quality: extract (gold-format JSON from the graph) and evaluate."""
