"""The public overview of applications per helseregion (no login)."""

from django.urls import path

from . import overview_views

app_name = "oversikt"

urlpatterns = [
    path("", overview_views.oversikt, name="oversikt"),
    path("regioner.csv", overview_views.regioner_csv, name="regioner_csv"),
    path("regioner.xlsx", overview_views.regioner_xlsx, name="regioner_xlsx"),
    path("region/", overview_views.region, name="region"),
    path("region/<int:pk>/", overview_views.region_soknad, name="region_soknad"),
]
