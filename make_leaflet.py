#!/usr/bin/env python3
"""Build PKLI patient-information leaflets: `python make_leaflet.py --help`."""

import sys

from leaflet.cli import main

if __name__ == "__main__":
    sys.exit(main())
