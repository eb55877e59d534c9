"""The public overview of applications per helseregion (no login), and the ALIS-kontor's region view."""

from django.urls import path

from .views import offentlig, region

app_name = "oversikt"

urlpatterns = [
    path("", offentlig.oversikt, name="oversikt"),
    path("regioner.csv", offentlig.regioner_csv, name="regioner_csv"),
    path("regioner.json", offentlig.regioner_json, name="regioner_json"),
    path("regioner.xlsx", offentlig.regioner_xlsx, name="regioner_xlsx"),
    path("kommuner.csv", offentlig.kommuner_csv, name="kommuner_csv"),
    path("region/", region.region, name="region"),
    path("region/ikke-sokt/", region.region_ikke_sokt, name="region_ikke_sokt"),
    path("region/ikke-sokt.csv", region.region_ikke_sokt_csv, name="region_ikke_sokt_csv"),
    path("region/soknader.csv", region.region_csv, name="region_csv"),
    path("region/soknader.xlsx", region.region_xlsx, name="region_xlsx"),
    path("region/<int:pk>/", region.region_soknad, name="region_soknad"),
]
