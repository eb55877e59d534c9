from django.urls import path

from . import views

app_name = "laeringsmal"

urlpatterns = [
    path("", views.katalog, name="katalog"),
    path("tolk/", views.tolk, name="tolk"),
]
