"""`python -m factref`: the editor's command line."""

from .cli import main

main()
