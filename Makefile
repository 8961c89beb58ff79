# The tracker's everyday commands. `make run` serves the demo; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := wsgi
PO_FILES := $(wildcard tracker/translations/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: install run test bench lint translations catalogs clean

install: $(STAMP) $(MO_FILES)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Compiled catalogues are built from the .po files, never committed.
%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy --statistics -i $< -o $@

catalogs: $(MO_FILES)

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask demo load --if-empty
	@echo "Serving on http://127.0.0.1:5000 (Ctrl+C stops it)"
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: install
	$(BIN)/pytest

# The extraction engine's speed, then the dashboard and inbox on 250,000 assignments.
bench: install
	$(BIN)/python bench/bench_extraction.py
	$(BIN)/python bench/bench_dashboard.py

lint: install
	$(BIN)/ruff check .

# Extract every marked string and merge it into each language's catalogue.
translations: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location \
		--sort-output -o tracker/translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -w 100 -i tracker/translations/messages.pot \
		-d tracker/translations
	@echo "Now translate the empty entries in tracker/translations/*/LC_MESSAGES/messages.po"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache $(MO_FILES)
