"""Commands that build and inspect the store: ingest, stats, export, validate."""
