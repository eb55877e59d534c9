"""Password login is throttled (django-axes): wrong passwords in a row lock that username from that address,
on our login page and the admin's, and the lock is kept in the database (so it holds across workers)."""

import pytest
from django.urls import reverse

from tests.soknader.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSORD = "riktig-passord-1"


@pytest.fixture
def staff():
    return UserFactory(username="nod", password=PASSORD, is_staff=True, is_superuser=True)


def _try(client, url, password, ip="10.0.0.1"):
    return client.post(url, {"username": "nod", "password": password}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("url", [reverse("login"), "/admin/login/"])
def test_after_the_limit_even_the_right_password_is_refused_with_a_clear_page(client, settings, staff, url):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(client, url, "feil").status_code == 200  # the form again, with its error
    assert _try(client, url, "feil").status_code == 429  # the last allowed failure locks
    response = _try(client, url, PASSORD)
    assert response.status_code == 429
    assert "For mange mislykkede innlogginger" in response.content.decode()
    assert "_auth_user_id" not in client.session
    from axes.models import AccessAttempt  # kept in the database, which every worker and instance reads

    assert AccessAttempt.objects.filter(username="nod", ip_address="10.0.0.1").exists()
    # another address is not locked out by someone else's guesses
    assert _try(client, url, PASSORD, ip="10.0.0.2").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, settings, staff):
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, url, "feil")
    assert _try(client, url, PASSORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, url, "feil")
    assert _try(client, url, PASSORD).status_code == 302
