from django.urls import path

from . import views

app_name = "laeringsmal"

urlpatterns = [
    path("", views.katalog, name="katalog"),
]
