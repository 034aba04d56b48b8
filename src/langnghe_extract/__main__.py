"""``python -m langnghe_extract`` runs the command line."""

from langnghe_extract.cli import main

main()
