from django.urls import path

from . import views

app_name = "soknader"

urlpatterns = [
    path("", views.mine_soknader, name="mine"),
    path("ny/", views.ny_soknad, name="ny"),
    path("<int:pk>/", views.oppgaver, name="oppgaver"),
    path("<int:pk>/del/<slug:seksjon>/", views.seksjon, name="seksjon"),
    path("<int:pk>/laeringsarenaer/", views.laeringsarenaer, name="laeringsarenaer"),
    path("<int:pk>/laeringsarenaer/ny/", views.laeringsarena, name="ny_laeringsarena"),
    path("<int:pk>/laeringsarenaer/<int:arena_pk>/", views.laeringsarena, name="laeringsarena"),
    path("<int:pk>/laeringsarenaer/<int:arena_pk>/slett/", views.slett_laeringsarena, name="slett_laeringsarena"),
    path("<int:pk>/se-over/", views.se_over, name="se_over"),
    path("<int:pk>/kvittering/", views.kvittering, name="kvittering"),
    path("<int:pk>/slett/", views.slett_utkast, name="slett_utkast"),
    path("<int:pk>/trekk/", views.trekk, name="trekk"),
]
