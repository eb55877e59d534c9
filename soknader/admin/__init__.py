"""The caseworkers' admin: the applications (`soknad`, with its `filters`, `visning` and the case actions in
`handlinger` and `forms`), and the other models they keep (`andre`). Importing the package registers them."""

from . import andre, soknad  # noqa: F401  (registers the ModelAdmins)
