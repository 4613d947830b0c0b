"""Entry point of the frozen desktop app (`ecoledger`, also `ecoledger --self-test`)."""
import sys

from gui.launch import main

if __name__ == "__main__":
    sys.exit(main())
