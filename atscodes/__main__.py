"""``python -m atscodes``: the same as the ``atscodes`` command."""

from ._cli import main

raise SystemExit(main())
