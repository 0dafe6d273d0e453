"""`python -m judikg` runs the CLI."""

from judikg.cli import main

main()
