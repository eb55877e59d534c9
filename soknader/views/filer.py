"""The case's files for the søker: each submission's PDF, the attachments, the decision letters."""

from django.contrib.auth.decorators import login_required

from .. import dokumenter, selectors


@login_required
def innsending_pdf(request, pk, versjon):
    soknad = selectors.soknad_for_soker(request.user, pk)
    innsending = selectors.innsending_pdf(soknad, versjon)
    return dokumenter.fil_response(innsending.pdf, dokumenter.soknad_filnavn(soknad, versjon))


@login_required
def vedlegg(request, pk, vedlegg_pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    fil = selectors.vedlegg_for_soknad(soknad, vedlegg_pk)
    return dokumenter.fil_response(fil.innhold, fil.filnavn)


@login_required
def vedtaksbrev(request, pk, brev_pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    brev = selectors.vedtaksbrev_pdf(soknad, brev_pk)
    return dokumenter.fil_response(brev.pdf, dokumenter.vedtaksbrev_filnavn(soknad))
