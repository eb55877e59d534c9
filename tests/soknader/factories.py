import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from soknader.choices import JaDelvisNei, Spesialitet, VeiledereAnsatt, Virksomhetstype
from soknader.models import Laeringsarena, Soknad
from soknader.roles import SAKSBEHANDLERE
from tests.brreg.factories import KommuneVirksomhetFactory, VirksomhetFactory
from tilgang.services import organisasjoner_set


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"bruker{n}")
    password = factory.django.Password("passord")


def gi_tilgang(user, *virksomheter):
    """The user may act for these organisations too, as if Altinn said so (tilgang's cache, with the source
    'utvikling' that counts while Altinn is not set up; tests of Altinn itself use the fake Altinn)."""
    current = [t.virksomhet for t in user.virksomhetstilganger.select_related("virksomhet")]
    organisasjoner_set(bruker=user, virksomheter=[*current, *virksomheter])
    return user


def soker_for(virksomhet, **kwargs):
    return gi_tilgang(UserFactory(**kwargs), virksomhet)


def saksbehandler_bruker(username=None, **kwargs):
    """A caseworker: staff, in the saksbehandlere group (what the directorate's admin gives one)."""
    if username is not None:
        kwargs["username"] = username
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=SAKSBEHANDLERE))
    return user


class SoknadFactory(factory.django.DjangoModelFactory):
    """An empty draft for Bodø kommune, allmennmedisin."""

    class Meta:
        model = Soknad

    virksomhet = factory.SubFactory(KommuneVirksomhetFactory)
    spesialitet = Spesialitet.ALM
    virksomhetstype = factory.LazyAttribute(lambda o: Virksomhetstype.KOMMUNE if o.virksomhet.er_kommune else "")


class KomplettSoknadFactory(SoknadFactory):
    """A draft with sections 1–3 complete (add arenas for section 4)."""

    kontaktperson_navn = "Kari Nordmann"
    kontaktperson_epost = "kari@bodo.kommune.no"
    kontaktperson_telefon = "75 55 50 00"
    dba_kontakt_navn = "Ola Nordmann"
    dba_kontakt_epost = "ola@bodo.kommune.no"
    dba_kontakt_telefon = "+47 755 55 001"
    ansvar_forskrift = True
    ansvar_helhetlig_utdanningslop = True
    ansvar_veileder_oppnevnes = True
    ansvar_supervisjon = True
    ansvar_vurdering_lm = True
    ansvar_kompetanseportal = True
    ansvar_databehandleravtale = True
    ansvar_bekreftelse_tjeneste = True
    ansvar_apen_uselektert_praksis = True
    hf_avtale_inngatt = True
    hf_avtale_navn = "Nordlandssykehuset HF"
    organisering = "Kommuneoverlegen har ansvaret; vurderingskollegium to ganger i året."
    veiledere_ansatt = VeiledereAnsatt.EGEN_VIRKSOMHET
    veilederkompetanse = JaDelvisNei.JA
    kjent_med_oppgaver = JaDelvisNei.JA


class AnnenVirksomhetSoknadFactory(KomplettSoknadFactory):
    virksomhet = factory.SubFactory(VirksomhetFactory)
    spesialitet = Spesialitet.ARB
    virksomhetstype = Virksomhetstype.BHT
    ansvar_apen_uselektert_praksis = False
    hf_avtale_inngatt = False
    hf_avtale_navn = ""
    bht_godkjent_arbeidstilsynet = True


class LaeringsarenaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Laeringsarena

    soknad = factory.SubFactory(SoknadFactory)
    type = "fastlege"
    plassering = "egen"
    ny_veileder = False
    avtale_veiledning_supervisjon = factory.LazyAttribute(lambda o: True if o.plassering == "annen" else None)
    laeringsmal = "Alle bortsett fra ALM-055 og ALM-085; FKM 1-10"
    supervisjon = factory.LazyFunction(lambda: ["til_stede", "telefon_digitalt"])
