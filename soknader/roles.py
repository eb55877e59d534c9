"""The groups users are given, and what each may do in the admin.

Code asks for the permission, never for the group: `user.has_perm(BEHANDLE_SOKNAD)`. The group is only the
usual way to hand the permission out (an administrator may also give it to one user directly).
"""

from django.contrib.auth.models import Group, Permission, User

SAKSBEHANDLERE = "Saksbehandlere"
BEHANDLE_SOKNAD = "soknader.behandle_soknad"  # start review, anmodning, register, reject

_SAKSBEHANDLER_PERMS = {
    "soknader": [
        "view_soknad",
        "change_soknad",
        "behandle_soknad",
        "view_statusendring",
        "view_regiontilgang",
        "view_laeringsarena",
        "view_mangeltekst",  # the anmodning's texts per finding: the caseworkers' own wording (issue 21)
        "change_mangeltekst",
    ],
    "tilgang": ["view_virksomhetstilgang", "view_hendelse", "view_person"],
    "laeringsarenaer": ["view_laeringsmal"],  # the app label of laeringsmal (see its apps.py)
    "brreg": ["view_virksomhet", "view_kommune", "view_fylke", "view_helseregion"],
    "epost": ["view_epost"],
}


def visningsnavn(bruker: User | None) -> str:
    """A user as the case's history and the queue name them: the full name, else the username; "–" for nobody (a
    row written by the system, or by a user since deleted)."""
    if bruker is None:
        return "–"
    return bruker.get_full_name() or bruker.get_username()


def ensure_groups(**kwargs) -> None:
    """Create the caseworker group with its permissions (runs after every migrate)."""
    group, _ = Group.objects.get_or_create(name=SAKSBEHANDLERE)
    perms = [
        perm
        for app_label, codenames in _SAKSBEHANDLER_PERMS.items()
        for perm in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    ]
    group.permissions.add(*perms)


def apply_staff_roles(sender, bruker, roller, **kwargs) -> None:
    """Roles from the directorate's login (tilgang maps the group claim): caseworker group and ALIS-kontor region.
    A role the claim no longer gives is taken away at the next login."""
    from brreg.models import Helseregion

    from .models import Regiontilgang

    group, _ = Group.objects.get_or_create(name=SAKSBEHANDLERE)
    if "saksbehandler" in roller:
        bruker.groups.add(group)
        bruker.is_staff = True
    else:
        bruker.groups.remove(group)
        bruker.is_staff = bruker.is_superuser
    bruker.save(update_fields=["is_staff"])
    regioner = sorted(r.split(":", 1)[1] for r in roller if r.startswith("alis:"))
    helseregion = Helseregion.objects.filter(kode__in=regioner).first()
    if helseregion is not None:
        Regiontilgang.objects.update_or_create(bruker=bruker, defaults={"helseregion": helseregion})
    else:
        Regiontilgang.objects.filter(bruker=bruker).delete()
