"""What every page shows of the logged-in person."""

from django.utils.functional import SimpleLazyObject

from . import session


def innlogget(request) -> dict:
    """`innlogget_navn`: the name in the menu (a søker's comes from the session, never from the database). Read
    only by pages that show it."""
    return {"innlogget_navn": SimpleLazyObject(lambda: session.navn_read(request))}
