from django.urls import path

from . import views

app_name = "brreg"

urlpatterns = [
    path("enhet/<str:organisasjonsnummer>/", views.enhet, name="enhet"),
]
