"""Entry point of the frozen desktop app (`ecoledger`, also `ecoledger --self-test`)."""
import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())
