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


PROXY = "10.9.9.9"  # the TLS proxy: every request reaches the app from this address


def _through_proxy(client, url, password, client_ip, *, username="nod", spoofed=""):
    """As the documented proxy sends it: the client's own X-Forwarded-For (anything) with the client's address
    appended, from the proxy's address."""
    forwarded = f"{spoofed}, {client_ip}" if spoofed else client_ip
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
    )


@pytest.mark.parametrize("url", [reverse("login"), "/admin/login/"])
def test_behind_the_proxy_an_attacker_elsewhere_cannot_lock_staff_out(client, settings, staff, url):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker, kollega = "203.0.113.5", "198.51.100.7"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _through_proxy(client, url, "feil", attacker)
    assert _through_proxy(client, url, PASSORD, attacker).status_code == 429  # the attacker is locked out
    # and cannot escape the lock by writing another address into the header himself
    assert _through_proxy(client, url, PASSORD, attacker, spoofed=kollega).status_code == 429
    from axes.models import AccessAttempt

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {attacker}
    # staff at their own address, through the same proxy, log in
    assert _through_proxy(client, url, PASSORD, kollega).status_code == 302


def test_without_a_proxy_the_header_is_not_believed(client, settings, staff):
    settings.TRUSTED_PROXY_COUNT = 0
    for i in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "nod", "password": "feil"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}",
        )
    assert _try(client, reverse("login"), PASSORD, ip="10.0.0.1").status_code == 429


def test_a_sokers_right_password_gets_the_same_answer_as_a_wrong_one_and_counts(client, settings):
    """Where søkere may not use a password, the form must not tell a right guess from a wrong one."""
    settings.PASSWORD_LOGIN_FOR_APPLICANTS = False
    UserFactory(username="soker", password=PASSORD)

    def error(password):
        response = client.post(reverse("login"), {"username": "soker", "password": password}, REMOTE_ADDR="10.0.0.3")
        return response.status_code, response.context["form"].non_field_errors() if response.context else None

    assert error(PASSORD) == error("feil") == (200, error("feil")[1])
    assert "Søkere logger inn med ID-porten" in str(error(PASSORD)[1])
    # four tries above; right guesses count like wrong ones, so the limit is reached with the right password
    for _ in range(settings.AXES_FAILURE_LIMIT - 4):
        last = client.post(reverse("login"), {"username": "soker", "password": PASSORD}, REMOTE_ADDR="10.0.0.3")
    assert last.status_code == 429 and "_auth_user_id" not in client.session


def test_a_non_staff_right_password_on_the_admin_login_counts_as_a_failure(client, settings):
    UserFactory(username="soker", password=PASSORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "soker", "password": PASSORD}, REMOTE_ADDR="10.0.0.4")
        assert response.status_code == 200
    response = client.post("/admin/login/", {"username": "soker", "password": PASSORD}, REMOTE_ADDR="10.0.0.4")
    assert response.status_code == 429
