import sys

from kim_dash.cli import main

sys.exit(main())
