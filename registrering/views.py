"""The service's front door, which belongs to no app: it sends each role to its own start page."""

from django.shortcuts import redirect, render

from soknader import selectors
from soknader.regler import hvem
from soknader.roles import BEHANDLE_SOKNAD


def forside(request):
    """The service's front door: what it is for a visitor; for a logged-in user their role's own start page
    (caseworker → the admin, ALIS-kontor → their region, søker → their applications)."""
    if not request.user.is_authenticated:
        return render(request, "forside.html", {"bare_kommuner": hvem.IKKE_KOMMUNE_ALM})
    if request.user.is_staff and request.user.has_perm(BEHANDLE_SOKNAD):
        return redirect("admin:index")
    if (
        selectors.region_for_bruker(bruker=request.user)
        and not selectors.virksomheter_for_bruker(bruker=request.user).exists()
    ):
        return redirect("oversikt:region")
    return redirect("soknader:mine")
