# Two commands do everything on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run run-oidc dev-data test lint format install migrate demodata vendor bench clean sprak

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) .env

# Development settings for `./manage.py …` in this checkout (read by manage.py only; never committed). Production has
# no .env, and without DJANGO_SECRET_KEY it refuses to start.
.env:
	printf '# written by make: development settings for ./manage.py in this checkout (see manage.py)\nDJANGO_DEBUG=1\n' > .env

# The address `make run` serves on (a test runs it on another port).
ADRESSE ?= 127.0.0.1:8000
DEV := DJANGO_DEBUG=1
# Database, reference data and demo users; the logins and the address are printed last, in a box.
dev-data:
	@$(DEV) $(PY) manage.py migrate --noinput -v0
	@$(DEV) $(PY) manage.py createcachetable -v0
	@$(DEV) $(PY) manage.py last_referansedata
	@$(DEV) $(PY) manage.py demodata --adresse http://$(ADRESSE)

# The web server and the mail sender beside it, as in production (in development each mail is one line here and a
# file in tmp/epost/; the sender also runs the daily jobs). drift/devserver.py stops both on Ctrl+C or a TERM.
run: install dev-data
	@$(DEV) exec $(PY) -m drift.devserver "$(PY) manage.py send_epost --loop" "$(PY) manage.py runserver $(ADRESSE)"

# Like `make run`, but with the real login: a local OpenID Connect provider on 127.0.0.1:9400 plays ID-porten and
# Helsedirektoratet's login, and a fake Altinn on 127.0.0.1:9401 says which organisations a person may act for.
# Log in with "Logg inn med ID-porten" as kari.kommune, or with the directorate's login as siri.saksbehandler or
# anders.alis (ALIS-kontor Nord). All stop with the server (Ctrl+C).
OIDC_DEMO_USERS := \
	--user-claims '{"sub": "kari.kommune", "pid": "24079410876", "given_name": "Kari", "family_name": "Kommunelege", "acr": "idporten-loa-substantial"}' \
	--user-claims '{"sub": "siri.saksbehandler", "name": "Siri Saksbehandler", "groups": ["asa-saksbehandlere"]}' \
	--user-claims '{"sub": "anders.alis", "name": "Anders ALIS-kontor Nord", "groups": ["alis-nord"]}'
OIDC_DEMO_ENV := DJANGO_DEBUG=1 ALTINN_BASE_URL=http://127.0.0.1:9401 \
	OIDC_IDPORTEN_ISSUER=http://127.0.0.1:9400 OIDC_IDPORTEN_CLIENT_ID=asa-demo OIDC_IDPORTEN_CLIENT_SECRET=demo \
	OIDC_ANSATT_ISSUER=http://127.0.0.1:9400 OIDC_ANSATT_CLIENT_ID=asa-demo-ansatt OIDC_ANSATT_CLIENT_SECRET=demo \
	OIDC_ANSATT_ROLLER=asa-saksbehandlere=saksbehandler,alis-nord=alis:nord

run-oidc: install dev-data
	@$(OIDC_DEMO_ENV) exec $(PY) -m drift.devserver \
	  "$(PY) -m tests.tilgang.oidc_demo --port 9400 --require-nonce true $(subst ",\",$(OIDC_DEMO_USERS))" \
	  "$(PY) -m tests.tilgang.fake_altinn --port 9401" \
	  "$(PY) manage.py send_epost --loop" "$(PY) manage.py runserver $(ADRESSE)"

# The suite with branch coverage of the apps, failing under the floor in pyproject.toml ([tool.coverage.report]
# fail_under). For a part of the suite: `make test COV= PYTEST_ARGS=tests/brreg`.
COV ?= --cov --cov-branch --cov-report=term:skip-covered
test: install
	$(PY) -m pytest $(COV) $(PYTEST_ARGS)

# Lint: the hooks of .pre-commit-config.yaml on every file, with the virtualenv's tools (all local: nothing is
# fetched): ruff (rules and format, pyproject.toml; `make format` rewrites), lint-imports (the arrows between the apps
# and the layers inside soknader, [tool.importlinter]), mypy ([tool.mypy]) and djhtml (template indentation).
lint: install
	PATH="$(abspath $(VENV))/bin:$$PATH" $(VENV)/bin/pre-commit run --all-files

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Copy the front-end files from npm into static/vendor, and axe-core for the browser tests into tests/e2e/vendor
# (the copies are committed: no CDN, no npm at run time or in CI).
vendor:
	npm install --no-audit --no-fund
	mkdir -p static/vendor/bootstrap
	cp node_modules/bootstrap/dist/css/bootstrap.min.css* node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* \
	   node_modules/bootstrap/LICENSE static/vendor/bootstrap/
	@# axe-core is for the browser tests only: it lives beside them, never in static/
	mkdir -p tests/e2e/vendor
	cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE tests/e2e/vendor/

bench: install
	$(PY) bench/lm_parsing.py
	$(PY) bench/sqlite_samtidig.py --runder 1

clean:
	rm -rf $(VENV) .env tmp db.sqlite3 staticfiles .pytest_cache

# Bokmål is the source (makemessages: drift/management/commands, without fuzzy matching); after changing user-facing text, refresh the nynorsk catalogue (locale/nn), translate the new
# entries by hand (docs/sprak.md) and compile. Needs GNU gettext (apt install gettext). tests/test_sprak.py checks it.
SPRAK_IGNORE := -i ".venv/*" -i "tests/*" -i "bench/*" -i "staticfiles/*" -i "node_modules/*" -i "build/*"
sprak: install
	DJANGO_DEBUG=1 $(PY) manage.py makemessages -l nn --no-location --no-obsolete $(SPRAK_IGNORE)
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages -l nn --ignore ".venv/*"
