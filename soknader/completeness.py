"""What a section still needs before it can be submitted ("problemer"), read from the table in `skjema/`.

Plain functions, data in, problems out: each takes the section's values as a mapping (a model instance's
fields, or an imported record) and the context that decides which rules apply, and returns
`{field: message}`. No ORM, no request: the task list, the section forms and the check-answers page all
ask these functions, and they restate no rule of their own.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext

from . import skjema
from .skjema import Del, Felt, Kontekst, Type

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Problems = dict[str, "StrOrPromise"]  # a message, translated when shown


def gjelder(felt: Felt, kontekst: Kontekst | None) -> bool:
    """The field belongs to this application at all (specialty, kommune / BHT / other)."""
    return felt.gjelder.passer(kontekst)


def vises(felt: Felt, data: Mapping[str, Any], kontekst: Kontekst | None) -> bool:
    """The field applies, and its trigger (and the trigger's trigger) holds one of the values that show it."""
    if not gjelder(felt, kontekst):
        return False
    if felt.vis_naar is None:
        return True
    trigger = skjema.FELT[felt.vis_naar.felt]
    return vises(trigger, data, kontekst) and felt.vis_naar.oppfylt(data.get(trigger.navn))


def i_skjema(felt: Felt, kontekst: Kontekst | None) -> bool:
    """The field is asked in the form: it applies and is not filled in for the user."""
    automatisk = felt.automatisk is not None and kontekst is not None and felt.automatisk.passer(kontekst)
    return gjelder(felt, kontekst) and not automatisk


def problems(del_: Del, data: Mapping[str, Any], kontekst: Kontekst | None) -> Problems:
    """Every text that is too long or not in its format, every required field that is shown and empty, then the
    rules across fields."""
    result: Problems = {}
    for felt in del_.felt:
        if melding := felt.for_lang(data.get(felt.navn)) or felt.ugyldig(data.get(felt.navn)):
            result[felt.navn] = melding
    for felt in del_.felt:
        if felt.type is not Type.BEKREFT and _mangler(felt, data, kontekst):
            result.setdefault(felt.navn, felt.mangler)
    # the confirmations not given: one message naming them all, at the first of them (issue 22)
    if ubekreftet := [f.navn for f in del_.felt if f.type is Type.BEKREFT and _mangler(f, data, kontekst)]:
        result.setdefault(ubekreftet[0], skjema.bekreftelser_mangler(ubekreftet))
    if kontekst is not None:
        for regel in del_.regler:
            for navn, melding in regel(data, kontekst).items():
                result.setdefault(navn, melding)
    return result


def _mangler(felt: Felt, data: Mapping[str, Any], kontekst: Kontekst | None) -> bool:
    """A required field, shown here, left empty (an unticked confirmation counts as empty)."""
    return felt.kreves(kontekst) and vises(felt, data, kontekst) and felt.er_tom(data.get(felt.navn))


def laeringsarena(data: Mapping[str, Any]) -> Problems:
    return problems(skjema.LAERINGSARENA, data, None)


def laeringsarenaer(arenaer: list[Mapping[str, Any]]) -> Problems:
    """Problems of section 4 as a whole: at least one arena, and each arena complete."""
    if not arenaer:
        return {"__all__": gettext("Legg til minst én læringsarena.")}
    ufullstendige = [nr for nr, arena in enumerate(arenaer, start=1) if laeringsarena(arena)]
    if ufullstendige:
        liste = ", ".join(str(nr) for nr in ufullstendige)
        return {"__all__": gettext("Læringsarena %(nr)s mangler opplysninger.") % {"nr": liste}}
    return {}


def ubekreftede(data: Mapping[str, Any], kontekst: Kontekst) -> list[str]:
    """The required confirmations of section 2 that are not given (a ticked box refused for this applicant, as åpen
    uselektert praksis for a non-kommune, is not "not confirmed")."""
    return [navn for navn in skjema.BEKREFTELSER if _mangler(skjema.FELT[navn], data, kontekst)]


def pabegynt(del_: Del, data: Mapping[str, Any], kontekst: Kontekst) -> bool:
    """The user has answered something in the section (fields filled in for them do not count)."""
    return any(data.get(felt.navn) not in (None, "", False, []) for felt in del_.felt if i_skjema(felt, kontekst))


def valgfrie_bekreftelser(kontekst: Kontekst) -> list[Felt]:
    """Confirmations shown to this applicant that they need not give (said in the section's introduction)."""
    return [
        felt
        for felt in skjema.ANSVAR.felt
        if felt.navn in skjema.BEKREFTELSER and not felt.kreves(kontekst) and i_skjema(felt, kontekst)
    ]
