# Two commands do everything on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demodata vendor bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py createcachetable
	DJANGO_DEBUG=1 $(PY) manage.py last_referansedata
	DJANGO_DEBUG=1 $(PY) manage.py demodata
	@echo "ASA-registrering kjører på http://127.0.0.1:8000  (stopp med Ctrl+C)"
	@# the mail sender runs beside the web server, as in production (in development it prints the mail)
	DJANGO_DEBUG=1 $(PY) manage.py send_epost --loop & SENDER=$$!; trap 'kill $$SENDER 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# Copy the front-end files from npm into static/vendor (the copies are committed: no CDN, no npm at run time).
vendor:
	npm install --no-audit --no-fund
	mkdir -p static/vendor/bootstrap
	cp node_modules/bootstrap/dist/css/bootstrap.min.css* node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* \
	   node_modules/bootstrap/LICENSE static/vendor/bootstrap/

bench: install
	$(PY) bench/lm_parsing.py
	$(PY) bench/sqlite_samtidig.py --runder 1

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
