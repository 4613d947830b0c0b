"""The desktop app on the embeddable interpreter: pythonw.exe ecoledger.pyw [--self-test]."""
import sys

from gui.launch import main

if __name__ == "__main__":
    sys.exit(main())
