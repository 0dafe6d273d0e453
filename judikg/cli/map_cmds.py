"""Commands for relationship maps and network analytics: map, analyze, path."""
