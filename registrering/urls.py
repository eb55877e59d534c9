from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from django.views.i18n import set_language

from drift.metrics import metrics
from drift.views import helse
from tilgang import views as tilgang_views

from . import views

urlpatterns = [
    path("", views.forside, name="forside"),
    path("logg-inn/", tilgang_views.LoginView.as_view(), name="login"),
    path("logg-inn/", include("tilgang.urls")),
    path("logg-ut/", tilgang_views.logout, name="logout"),
    path("soknader/", include("soknader.urls")),
    path("brreg/", include("brreg.urls")),
    path("laeringsmal/", include("laeringsmal.urls")),
    path("oversikt/", include("oversikt.urls")),
    # The arenas' admin pages until December 2026, when the model moved to soknader: old bookmarks still work.
    re_path(
        r"^admin/laeringsarenaer/laeringsarena/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/soknader/laeringsarena/%(rest)s", permanent=True, query_string=True),
    ),
    path("admin/", admin.site.urls),
    path("helse/", helse, name="helse"),
    path("metrics", metrics, name="metrics"),
    path("sprak/", set_language, name="set_language"),
    path(
        "tilgjengelighet/",
        TemplateView.as_view(template_name="tilgjengelighet.html"),
        name="tilgjengelighet",
    ),
]
