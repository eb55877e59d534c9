"""The app's URLs plus two reference pages for bench/last.py, measured in the same run as the real pages:

- /bench/bar/: a bare view (the cost of gunicorn, the middleware and one HTTP round trip);
- /bench/seksjon/<pk>/<del>/: a plain-Django render of a section's fields (login, the application by pk, a
  ModelForm of the same fields rendered with {{ form }} in the site's base template): the floor for that section.
"""

from django.contrib.auth.decorators import login_required
from django.forms import modelform_factory
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import include, path

from soknader import skjema
from soknader.models import Soknad

SIDE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>{{ tittel }}</h1>'
    '<form method="post">{% csrf_token %}{{ form }}<button type="submit">Lagre</button></form>{% endblock %}'
)
SKJEMA = {navn: modelform_factory(Soknad, fields=del_.feltnavn) for navn, del_ in skjema.SEKSJONER.items()}


def bar(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def seksjon(request, pk, seksjon):
    soknad = get_object_or_404(Soknad.objects.select_related("virksomhet"), pk=pk)
    form = SKJEMA[seksjon](instance=soknad)
    return HttpResponse(SIDE.render({"form": form, "tittel": seksjon}, request))


urlpatterns = [
    path("bench/bar/", bar),
    path("bench/seksjon/<int:pk>/<slug:seksjon>/", seksjon),
    path("", include("registrering.urls")),
]
