"""What a single value must look like, wherever it comes from (the form, the import, a reply's attachment): the
form and the services ask these, so an entry point cannot skip them."""

import re

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Norwegian and international numbers as people write them: digits, spaces, brackets and hyphens, an optional "+".
TELEFON = re.compile(r"^\+?[0-9][0-9 ()-]{6,18}[0-9]$")
UGYLDIG_TELEFON = _("Skriv et gyldig telefonnummer, for eksempel 75 55 50 00 eller +47 755 55 000.")


def telefon_feil(verdi: str) -> str:
    """The message for a phone number that is not one; "" for one that is (or for none: whether it is required is
    the form's table's question)."""
    verdi = (verdi or "").strip()
    return str(UGYLDIG_TELEFON) if verdi and not TELEFON.match(verdi) else ""


def vedlegg_feil(navn: str, storrelse: int, innhold: bytes) -> str:
    """The message for a file that cannot be an attachment; "" for one that can. Checked by content, not by name:
    a renamed file is refused."""
    if storrelse > settings.VEDLEGG_MAKS_BYTES:
        maks = settings.VEDLEGG_MAKS_BYTES // (1024 * 1024)
        return gettext("«%(fil)s» er for stor. Et vedlegg kan være høyst %(maks)s MB.") % {"fil": navn, "maks": maks}
    if not innhold.startswith(b"%PDF-"):
        return gettext("«%(fil)s» er ikke en PDF-fil. Vedlegget må være en PDF-fil.") % {"fil": navn}
    return ""
