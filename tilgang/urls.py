from django.urls import path

from . import views

app_name = "tilgang"

urlpatterns = [
    path("<slug:provider>/", views.StartView.as_view(), name="start"),
    path("idporten/svar/", views.callback, {"provider": "idporten"}, name="svar_idporten"),
    path("ansatt/svar/", views.callback, {"provider": "ansatt"}, name="svar_ansatt"),
]
