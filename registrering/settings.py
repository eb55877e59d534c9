"""Settings for ASA-registrering: one base, switched by environment variables.

Development (`make run`) sets DJANGO_DEBUG=1 and uses an embedded SQLite database.
Production sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL (PostgreSQL).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# The test suite chooses its settings explicitly (registrering/settings_test.py, named in pyproject.toml); nothing
# here guesses from what is imported, so no variable or import can make production run on a development key.
TESTING = False

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set (to a long random value) when DJANGO_DEBUG is off.")
SECRET_KEY = SECRET_KEY or DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "registrering.apps.AsaAdminConfig",  # django.contrib.admin with our site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "axes",
    "brreg",
    "laeringsmal",
    "drift",
    "epost",  # before soknader: its permissions exist when soknader's post_migrate gives caseworkers theirs
    "tilgang",
    "soknader",
    "oversikt",
]

MIDDLEWARE = [
    "drift.metrics.RequestLatency",  # first: the whole time of each request, per view (/metrics)
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "drift.input.RejectInvalidInput",  # a NUL in the address or session cookie: 400, before anything reads it
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tilgang.middleware.IngenLagringMiddleware",  # no-store on every page of a logged-in user
    "tilgang.middleware.AnsattOktMiddleware",  # staff: idle timeout, maximum length, roles checked again
    "soknader.grenser.OpplastingsGrense",  # an upload over its limit: 413 before the body is read
    "tilgang.middleware.OrganisasjonerMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out login with the lockout page
]

ROOT_URLCONF = "registrering.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tilgang.context_processors.innlogget",
            ],
        },
    },
]

WSGI_APPLICATION = "registrering.wsgi.application"

# Embedded SQLite unless DATABASE_URL says otherwise (PostgreSQL in CI and production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}

# The embedded SQLite is for development, demos and a single small machine; it is made fit for concurrent writes
# from several workers: each write transaction takes the write lock at BEGIN (IMMEDIATE: no "database is locked"
# half-way through a transaction), waits up to 20 s for it (busy timeout), and readers never block the writer (WAL).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    # readable by its owner only: it holds personal data (issue 18)
    from drift.sqlite import private_file

    private_file(DATABASES["default"]["NAME"])

# Shared by every worker and instance (nothing another instance needs lives in process memory or on local disk):
# the cache is a table in the database, created by `manage.py createcachetable` (make run, CI, deployment).
# Django's default of 300 entries is far below what the kept parts of the pages need at national volume (a block per
# arena, the parts of each case, the list pages): over it, every write deletes a third of the table, the oldest by key,
# not by use. Every write counts the rows, COUNT(*): 0.4 ms at 10 000 rows and 1.6 ms at 50 000 on PostgreSQL 15
# (docs/ytelse.md). Expired rows go when the table is full, a third at a time.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "asa_cache",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAKS_ANTALL", "50000"))},
    },
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out username from that address before any check
    "django.contrib.auth.backends.ModelBackend",  # demo users and the emergency superuser
    "tilgang.oidc.OIDCBackend",  # ID-porten and the directorate's provider (see tilgang/oidc.py)
]

# Login throttling (django-axes), for every password login (/logg-inn/ and /admin/login/). Failed attempts are
# stored in the database, so the limit holds across workers and instances. A username is locked from one address
# after AXES_FAILURE_LIMIT failures in a row, for AXES_COOLOFF_MINUTES; a success resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/sperret.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Behind the TLS proxy the client's address is in X-Forwarded-For, appended to by each of TRUSTED_PROXY_COUNT proxies
# (0: no proxy, REMOTE_ADDR); read by drift.client for the lockout above and the limits per address (docs/drift.md).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", os.environ.get("AXES_PROXY_COUNT", "0")))
AXES_CLIENT_IP_CALLABLE = "drift.client.client_address"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "forside"  # each role to its own start page (registrering.views.forside)
LOGOUT_REDIRECT_URL = "login"

# Bokmål is the source language; nynorsk comes from locale/nn (språklova: a state body serves the public in both).
# The choice is kept in a cookie for a year (the header's language switch posts to Django's set_language).
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Bokmål"), ("nn", "Nynorsk")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Development (and the tests, settings_test.py) serve static files straight from the finders (no collectstatic).
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_SECURE = not DEBUG and env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# A page's live lookups (the LM reading as the søker types) carry a key signed for the user and the application and
# are answered without the session while it is this young (drift/oppslag.py); an older key falls back to the session.
OPPSLAG_NOKKEL_SEKUNDER = int(os.environ.get("OPPSLAG_NOKKEL_SEKUNDER", "3600"))
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# ---- HTTPS behind the TLS proxy (docs/drift.md) ----
# The proxy ends TLS and says so in X-Forwarded-Proto (it must set the header itself, never pass the client's on).
# Plain HTTP is redirected to HTTPS, except the load balancer's health check; browsers are told to use HTTPS only.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if not DEBUG else None
SECURE_SSL_REDIRECT = not DEBUG and env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^helse/$", r"^metrics$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# ---- Content-Security-Policy (django-csp 4): only our own files, no inline script or style anywhere ----
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # Bootstrap's CSS draws its icons as data: SVGs
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        # no form-action: browsers apply it to the redirects after a form too, and logging in and out goes on to
        # the OpenID Connect provider (another origin, set per environment)
        "frame-ancestors": ["'none'"],
    },
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "epost.utvikling.DevelopmentBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
# Development: each mail is written here as a file (.eml), and one line about it is printed (epost/utvikling.py)
EPOST_UTVIKLING_MAPPE = os.environ.get("EPOST_UTVIKLING_MAPPE", str(BASE_DIR / "tmp" / "epost"))
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "ASA-registrering <ikke-svar@helsedir.no>")
EMAIL_TIMEOUT = float(os.environ.get("DJANGO_EMAIL_TIMEOUT", "10"))  # seconds; a hanging server never holds the sender

# The mail outbox (app `epost`), sent by `manage.py send_epost --loop`: attempts before a message is marked failed,
# and the first wait in seconds, doubled after each failed attempt (1, 2, 4 … minutes).
EPOST_MAX_FORSOK = int(os.environ.get("EPOST_MAX_FORSOK", "8"))
EPOST_BACKOFF = float(os.environ.get("EPOST_BACKOFF", "60"))

# ---- Daily jobs (drift/jobs.py): run by the sender process (`send_epost --loop`), once per job per day across every
# instance, each run kept (admin: Drift › Jobbkjøringer). Adding a job is one line: (name, local time, function).
DRIFT_JOBS = [
    ("send_paminnelser", "06:00", "soknader.jobs.paminnelser"),
    ("oppdater_virksomheter", "02:30", "brreg.jobs.virksomheter_job"),
    ("clearsessions", "03:00", "drift.jobs.clearsessions"),
    ("rydd_cache", "03:15", "drift.jobs.cache_rydd"),
    ("personvern_utkast", "03:30", "soknader.jobs.utkast_retention"),
    ("personvern_revisjonslogg", "03:45", "tilgang.jobs.audit_retention"),
    ("varsle_forelopig_svar", "06:15", "soknader.jobs.forelopig_svar_varsel"),
]
# "send_paminnelser=07:00,clearsessions=04:00" moves a job without touching the list
DRIFT_JOB_TIMES = dict(item.split("=", 1) for item in env_list("DRIFT_JOBB_TIDER") if "=" in item)
# /helse/ reports a job whose last success is older than a day and this, or whose run has lasted longer than that
DRIFT_JOB_GRACE_MINUTES = int(os.environ.get("DRIFT_JOBB_SLINGRING_MINUTTER", "120"))
DRIFT_JOB_STUCK_MINUTES = int(os.environ.get("DRIFT_JOBB_HENGER_MINUTTER", "120"))
# /helse/ answers 503 when the oldest mail waiting in the outbox has waited longer than this
EPOST_KO_MAKS_MINUTTER = int(os.environ.get("EPOST_KO_MAKS_MINUTTER", "60"))
# What /helse/ checks besides the database (each: a function returning {"ok": bool, ...}); the load balancer asks
# `/helse/?bare=database`, monitoring asks `/helse/` (docs/drift.md).
DRIFT_HEALTH_CHECKS = ["drift.jobs.health", "epost.health.outbox"]

# ---- Prometheus metrics at /metrics (drift/metrics.py, docs/drift.md): only for these addresses or networks (the
# client's address as drift.client reads it behind the proxy); anyone else gets 404. Read at each scrape:
METRICS_ALLOWED_NETWORKS = env_list("METRICS_TILLATTE_ADRESSER", "127.0.0.1,::1")
DRIFT_METRICS = ["epost.health.metrics", "drift.jobs.metrics", "soknader.metrics.soknader_per_status"]

# ---- Personvern: how long personal data is kept (docs/personvern.md) ----
# A draft never submitted and untouched this many days gets a warning mail, and is deleted (with its arenas and
# attachments) this many days after the warning unless someone opens and saves it.
PERSONVERN_UTKAST_VARSEL_DAGER = int(os.environ.get("PERSONVERN_UTKAST_VARSEL_DAGER", "365"))
PERSONVERN_UTKAST_SLETT_DAGER = int(os.environ.get("PERSONVERN_UTKAST_SLETT_DAGER", "30"))
# Rows of the audit log (tilgang.Hendelse) older than this are deleted
PERSONVERN_REVISJONSLOGG_DAGER = int(os.environ.get("PERSONVERN_REVISJONSLOGG_DAGER", str(3 * 365)))

# Links in e-mail point here (the address users reach the service at, without a trailing slash).
ASA_BASE_URL = os.environ.get("ASA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Anmodning: the deadline the caseworker is offered (days from today), and how many days before it the one reminder
# goes out (`manage.py send_paminnelser`, daily). Attachments to an answer: PDF only, at most this many bytes each.
ANMODNING_FRIST_DAGER = int(os.environ.get("ANMODNING_FRIST_DAGER", "28"))
ANMODNING_PAMINNELSE_DAGER = int(os.environ.get("ANMODNING_PAMINNELSE_DAGER", "7"))
# How long a decision usually takes, in weeks, as the receipt and the status page say it (set by the directorate)
SOKNAD_BEHANDLINGSTID_UKER = int(os.environ.get("SOKNAD_BEHANDLINGSTID_UKER", "8"))
VEDLEGG_MAKS_BYTES = int(os.environ.get("VEDLEGG_MAKS_BYTES", str(10 * 1024 * 1024)))

# What one applicant may put into the service (soknader/grenser.py; the reasons for the numbers: docs/sikkerhet.md).
# Læringsarenaer per application and per imported file; attachments per answer and per application; a file of
# arenas. A request larger than its address takes is refused by its Content-Length before the body is read.
ARENAER_MAKS_PER_SOKNAD = int(os.environ.get("ARENAER_MAKS_PER_SOKNAD", "500"))
ARENAER_MAKS_PER_IMPORT = int(os.environ.get("ARENAER_MAKS_PER_IMPORT", "500"))
VEDLEGG_MAKS_ANTALL_PER_SVAR = int(os.environ.get("VEDLEGG_MAKS_ANTALL_PER_SVAR", "10"))
VEDLEGG_MAKS_BYTES_PER_SVAR = int(os.environ.get("VEDLEGG_MAKS_BYTES_PER_SVAR", str(25 * 1024 * 1024)))
VEDLEGG_MAKS_ANTALL_PER_SOKNAD = int(os.environ.get("VEDLEGG_MAKS_ANTALL_PER_SOKNAD", "30"))
VEDLEGG_MAKS_BYTES_PER_SOKNAD = int(os.environ.get("VEDLEGG_MAKS_BYTES_PER_SOKNAD", str(60 * 1024 * 1024)))
ARENAFIL_MAKS_BYTES = int(os.environ.get("ARENAFIL_MAKS_BYTES", str(1024 * 1024)))
# The PDF of a submission is made in the request up to this much HTML (about 60 arenas, a few seconds); a larger one
# by the sender process (`send_epost --loop`), so no request holds a worker while a long document is laid out.
SOKNAD_PDF_I_FORESPORSEL_MAKS_HTML = int(os.environ.get("SOKNAD_PDF_I_FORESPORSEL_MAKS_HTML", "80000"))

# Enhetsregisteret (Brønnøysundregistrene).
BRREG_BASE_URL = os.environ.get("BRREG_BASE_URL", "https://data.brreg.no/enhetsregisteret/api").rstrip("/")
# Seconds. TOTAL caps a whole lookup (retries and the sub-unit fallback included); RETRIES is the number of
# retries after the first attempt; CACHE_TTL is how long a looked-up unit may be reused.
BRREG_CONNECT_TIMEOUT = float(os.environ.get("BRREG_CONNECT_TIMEOUT", "2.0"))
BRREG_READ_TIMEOUT = float(os.environ.get("BRREG_READ_TIMEOUT", "3.0"))
BRREG_TOTAL_TIMEOUT = float(os.environ.get("BRREG_TOTAL_TIMEOUT", "5.0"))
BRREG_RETRIES = int(os.environ.get("BRREG_RETRIES", "2"))
BRREG_CACHE_TTL = int(os.environ.get("BRREG_CACHE_TTL", "86400"))
BRREG_RATE_LIMIT = int(os.environ.get("BRREG_RATE_LIMIT", "30"))  # lookups per user per minute
# Starting an application looks the organisation up with this much time at most: Altinn gave its name, so a slow
# registry costs the user (and the worker) about a second, and `oppdater_virksomheter` confirms the name later.
BRREG_START_TIMEOUT = float(os.environ.get("BRREG_START_TIMEOUT", "1.0"))
# ...and when it used that second up, the start form does not ask it again for this many seconds (all workers)
BRREG_PAUSE = int(os.environ.get("BRREG_PAUSE", "30"))
SOKNAD_START_RATE_LIMIT = int(os.environ.get("SOKNAD_START_RATE_LIMIT", "5"))  # starts per user per minute
# Anonymous requests that write: login starts (each makes a session) and failed login answers (each an audit row),
# per client address per minute, counted in the database (drift.limits); over the limit: 429, nothing written.
INNLOGGING_START_RATE_LIMIT = int(os.environ.get("INNLOGGING_START_RATE_LIMIT", "60"))
INNLOGGING_FEIL_RATE_LIMIT = int(os.environ.get("INNLOGGING_FEIL_RATE_LIMIT", "10"))
# Each process takes the uses of a limit from the database in portions (drift/limits.py): at most GRENSE_PORSJON at a
# time and at most 1/GRENSE_DELING of what is left; within the last 2 × GRENSE_DELING uses, one at a time.
GRENSE_PORSJON = int(os.environ.get("GRENSE_PORSJON", "20"))
GRENSE_DELING = int(os.environ.get("GRENSE_DELING", "10"))

# ---- Login and who may act for an organisation (tilgang/) ---------------------------------------------------
# Password login for søkere: on for `make run` and the tests, off in production (søkere use ID-porten; staff and
# the emergency superuser may still use a password).
PASSWORD_LOGIN_FOR_APPLICANTS = env_bool("PASSWORD_LOGIN_FOR_APPLICANTS", DEBUG or TESTING)
# Key for the keyed hash (HMAC-SHA256) that recognises a person again without storing their fødselsnummer.
TILGANG_PERSON_KEY = os.environ.get("TILGANG_PERSON_KEY", "")
if not TILGANG_PERSON_KEY and not DEBUG and not TESTING and os.environ.get("OIDC_IDPORTEN_ISSUER"):
    raise ImproperlyConfigured("TILGANG_PERSON_KEY must be set when ID-porten is set up.")


def env_roles(name: str) -> dict[str, str]:
    """ "group-id=saksbehandler,other-id=alis:nord" -> {"group-id": "saksbehandler", "other-id": "alis:nord"}"""
    pairs = (item.split("=", 1) for item in env_list(name) if "=" in item)
    return {key.strip(): value.strip() for key, value in pairs}


# OpenID Connect providers, by issuer (endpoints from its discovery document). Empty issuer: not offered.
OIDC_PROVIDERS = {
    "idporten": {
        "issuer": os.environ.get("OIDC_IDPORTEN_ISSUER", ""),  # https://idporten.no (test: https://test.idporten.no)
        "client_id": os.environ.get("OIDC_IDPORTEN_CLIENT_ID", ""),
        "client_secret": os.environ.get("OIDC_IDPORTEN_CLIENT_SECRET", ""),
        "scopes": os.environ.get("OIDC_IDPORTEN_SCOPES", "openid profile"),
        "acr_values": os.environ.get("OIDC_IDPORTEN_ACR_VALUES", "idporten-loa-substantial"),
        "subject_claim": "pid",
    },
    "ansatt": {
        "issuer": os.environ.get("OIDC_ANSATT_ISSUER", ""),  # e.g. https://login.microsoftonline.com/<tenant>/v2.0
        "client_id": os.environ.get("OIDC_ANSATT_CLIENT_ID", ""),
        "client_secret": os.environ.get("OIDC_ANSATT_CLIENT_SECRET", ""),
        "scopes": os.environ.get("OIDC_ANSATT_SCOPES", "openid profile email"),
        "acr_values": os.environ.get("OIDC_ANSATT_ACR_VALUES", ""),
        "subject_claim": os.environ.get("OIDC_ANSATT_SUBJECT_CLAIM", "sub"),  # "oid" for Entra ID
        "groups_claim": os.environ.get("OIDC_ANSATT_GROUPS_CLAIM", "groups"),
        # group in the claim -> our role: "saksbehandler" or "alis:<helseregion kode>" (nord, midt, vest, sor-ost)
        "roller": env_roles("OIDC_ANSATT_ROLLER"),
    },
}
OIDC_TIMEOUT = float(os.environ.get("OIDC_TIMEOUT", "5"))  # seconds, each call to a provider
OIDC_DISCOVERY_TTL = int(os.environ.get("OIDC_DISCOVERY_TTL", "3600"))  # seconds a discovery document is reused
OIDC_LEEWAY = int(os.environ.get("OIDC_LEEWAY", "30"))  # seconds of clock skew allowed when checking exp/iat

# Altinn 3 (which organisations a person may act for). Empty base URL: Altinn is not asked (development: demo data
# writes the organisations of the demo users instead).
ALTINN_BASE_URL = os.environ.get("ALTINN_BASE_URL", "")  # https://platform.altinn.no (tt02: platform.tt02.altinn.no)
ALTINN_RESOURCE_ID = os.environ.get("ALTINN_RESOURCE_ID", "helsedir-asa-registrering")
ALTINN_TOKEN = os.environ.get("ALTINN_TOKEN", "")  # a fixed Altinn token (a short trial); else Maskinporten below
ALTINN_TOKEN_TTL = int(os.environ.get("ALTINN_TOKEN_TTL", "1500"))  # seconds an exchanged Altinn token is reused
ALTINN_SUBSCRIPTION_KEY = os.environ.get("ALTINN_SUBSCRIPTION_KEY", "")
ALTINN_CONNECT_TIMEOUT = float(os.environ.get("ALTINN_CONNECT_TIMEOUT", "2.0"))
ALTINN_READ_TIMEOUT = float(os.environ.get("ALTINN_READ_TIMEOUT", "5.0"))
ALTINN_TOTAL_TIMEOUT = float(os.environ.get("ALTINN_TOTAL_TIMEOUT", "8.0"))
ALTINN_RETRIES = int(os.environ.get("ALTINN_RETRIES", "2"))
ALTINN_BACKOFF = float(os.environ.get("ALTINN_BACKOFF", "0.2"))
ALTINN_REFRESH_MINUTES = float(os.environ.get("ALTINN_REFRESH_MINUTES", "5"))  # ask again during a session
# Staff sessions (tilgang/ansatt_okt.py, docs/sikkerhet.md): the directorate's roles are checked again at its login
# every ANSATT_ROLLER_MINUTTER (at the next page view), a form is still accepted until ANSATT_ROLLER_FRIST_MINUTTER
# after the last check; idle timeout and the longest session for anyone on staff.
ANSATT_ROLLER_MINUTTER = float(os.environ.get("ANSATT_ROLLER_MINUTTER", "10"))
ANSATT_ROLLER_FRIST_MINUTTER = float(os.environ.get("ANSATT_ROLLER_FRIST_MINUTTER", "30"))
ANSATT_INAKTIV_MINUTTER = float(os.environ.get("ANSATT_INAKTIV_MINUTTER", "60"))
ANSATT_OKT_MAKS_TIMER = float(os.environ.get("ANSATT_OKT_MAKS_TIMER", "10"))
ALTINN_GRACE_HOURS = float(os.environ.get("ALTINN_GRACE_HOURS", "24"))  # use the last answer while Altinn is down
# Maskinporten (our token for Altinn, exchanged at Altinn). Test: https://test.maskinporten.no/token and audience
# https://test.maskinporten.no/.
MASKINPORTEN_TOKEN_URL = os.environ.get("MASKINPORTEN_TOKEN_URL", "https://maskinporten.no/token")
MASKINPORTEN_AUDIENCE = os.environ.get("MASKINPORTEN_AUDIENCE", "https://maskinporten.no/")
MASKINPORTEN_CLIENT_ID = os.environ.get("MASKINPORTEN_CLIENT_ID", "")
MASKINPORTEN_KEY_ID = os.environ.get("MASKINPORTEN_KEY_ID", "")  # the kid registered with the client's public key
MASKINPORTEN_PRIVATE_KEY = os.environ.get("MASKINPORTEN_PRIVATE_KEY", "")  # PEM text, or:
MASKINPORTEN_PRIVATE_KEY_FILE = os.environ.get("MASKINPORTEN_PRIVATE_KEY_FILE", "")
MASKINPORTEN_SCOPE = os.environ.get("MASKINPORTEN_SCOPE", "altinn:accessmanagement/authorizedparties.resourceowner")

# One JSON object per line on stderr (drift/logs.py); our loggers are named asa.* (docs/drift.md).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "drift.logs.JsonLinjer"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json"},
        # count the outside services' failures for /metrics (asa_external_errors_total)
        "brreg_feil": {"class": "drift.metrics.ExternalErrors", "service": "brreg", "level": "WARNING"},
        "altinn_feil": {"class": "drift.metrics.ExternalErrors", "service": "altinn", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},  # lockouts, not every attempt
        "asa": {"handlers": ["console"], "level": os.environ.get("ASA_LOG_LEVEL", "INFO"), "propagate": False},
        # development: the sender prints one line per job run (send_epost); production logs it here as JSON
        "asa.jobb": {"level": "WARNING" if DEBUG else "INFO"},
        "brreg.client": {"handlers": ["brreg_feil"]},
        "tilgang.altinn": {"handlers": ["altinn_feil"]},
        "tilgang.maskinporten": {"handlers": ["altinn_feil"]},  # our token for Altinn
        # libraries' progress (a line per PDF page, per font subset): only their warnings and errors
        **{name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "PIL", "pydyf", "urllib3")},
    },
}
