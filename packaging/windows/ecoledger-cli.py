"""The command line on the embeddable interpreter (ecoledger-cli.cmd runs this)."""
import sys

from core.cli import main

if __name__ == "__main__":
    sys.exit(main())
