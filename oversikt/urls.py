"""The public overview of applications per helseregion (no login), and the ALIS-kontor's region view."""

from django.urls import path

from . import views

app_name = "oversikt"

urlpatterns = [
    path("", views.oversikt, name="oversikt"),
    path("regioner.csv", views.regioner_csv, name="regioner_csv"),
    path("regioner.json", views.regioner_json, name="regioner_json"),
    path("regioner.xlsx", views.regioner_xlsx, name="regioner_xlsx"),
    path("kommuner.csv", views.kommuner_csv, name="kommuner_csv"),
    path("region/", views.region, name="region"),
    path("region/<int:pk>/", views.region_soknad, name="region_soknad"),
]
