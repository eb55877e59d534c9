"""The case's files for the søker: each submission's PDF, the attachments, the decision letters."""

from django.contrib.auth.decorators import login_required

from drift.shortcuts import or_404

from .. import dokumenter, selectors
from .common import IKKE_FUNNET_BREV, IKKE_FUNNET_VEDLEGG, IKKE_FUNNET_VERSJON, soknad_eller_404


@login_required
def innsending_pdf(request, pk, versjon):
    soknad = soknad_eller_404(request, pk)
    innsending = or_404(selectors.innsending_pdf, IKKE_FUNNET_VERSJON, soknad=soknad, versjon=versjon)
    return dokumenter.fil_response(innsending.pdf, dokumenter.soknad_filnavn(soknad, versjon))


@login_required
def vedlegg(request, pk, vedlegg_pk):
    soknad = soknad_eller_404(request, pk)
    fil = or_404(selectors.vedlegg_for_soknad, IKKE_FUNNET_VEDLEGG, soknad=soknad, pk=vedlegg_pk)
    return dokumenter.fil_response(fil.innhold, fil.filnavn)


@login_required
def vedtaksbrev(request, pk, brev_pk):
    soknad = soknad_eller_404(request, pk)
    brev = or_404(selectors.vedtaksbrev_pdf, IKKE_FUNNET_BREV, soknad=soknad, pk=brev_pk)
    return dokumenter.fil_response(brev.pdf, dokumenter.vedtaksbrev_filnavn(soknad))
