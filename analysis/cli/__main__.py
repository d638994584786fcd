"""``python -m analysis.cli``: the `communique` command where only Python is on the path
(a virtual environment's interpreter run without activating it, a notebook's ``!``)."""

import sys

from analysis.cli import main

sys.exit(main())
