"""``python -m strikewatch`` runs the command line."""

from strikewatch.cli import main

main()
