# Set-up and the two everyday commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
QT_LIBS := libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3
TEST_TOOLS := poppler-utils age binutils

.PHONY: run test test-all lint bench package system-deps clean

$(BIN)/ningbo-sw: pyproject.toml
	$(MAKE) system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,build]'
	touch $@

# Qt's system libraries (and, for the tests, pdftoppm, age and the linker tools PyInstaller uses):
# installed when root, listed otherwise.
system-deps:
	@missing=""; for p in $(QT_LIBS) $(TEST_TOOLS) python3-venv; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install these system packages first:$$missing"; fi; fi

run: $(BIN)/ningbo-sw
	$(BIN)/ningbo-sw gui

# The whole suite, including building the Linux package and running its self-test.
test: $(BIN)/ningbo-sw
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -m 'not slow'

test-all: $(BIN)/ningbo-sw
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -m ''

lint: $(BIN)/ningbo-sw
	$(BIN)/ruff check src tests benchmarks installers resources/icons

package: $(BIN)/ningbo-sw
	installers/linux/build.sh --test

bench: $(BIN)/ningbo-sw
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
