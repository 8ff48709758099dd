"""``python -m toolkit`` runs the CLI."""

from toolkit._entry import main

main()
