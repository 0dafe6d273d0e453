"""judikg: a multilingual knowledge graph of judicial institutions built from news articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("judikg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

# Bumped whenever extraction output or the article graph model can change for the same input: it
# is stored with every article graph, so a store knows which articles an upgrade should re-extract
# (0.2.0: one jk:Mention per article and entity, with jk:spans, instead of one per span).
EXTRACTOR_VERSION = "0.2.0"
