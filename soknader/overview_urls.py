"""The public overview of applications per helseregion (no login)."""

from django.urls import path

from . import overview_views

app_name = "oversikt"

urlpatterns = [
    path("", overview_views.oversikt, name="oversikt"),
    path("regioner.csv", overview_views.regioner_csv, name="regioner_csv"),
    path("regioner.xlsx", overview_views.regioner_xlsx, name="regioner_xlsx"),
]
