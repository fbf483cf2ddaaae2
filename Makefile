# The two commands of the README:
#   make run    set up, ingest seeds/ into the embedded store, serve on 127.0.0.1:5000
#   make test   set up (Python, npm and Debian packages the tests use), run the tests
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
KG      := $(VENV)/bin/kg
STAMP   := $(VENV)/.installed-stamp
NPMSTAMP:= web/node_modules/.installed-stamp
HOST    ?= 127.0.0.1
PORT    ?= 5000
APT_PACKAGES := raptor2-utils serdi chromium virtuoso-opensource-7 wrk

.PHONY: run test setup system-deps bench clean

setup: $(STAMP) $(NPMSTAMP)

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Front-end assets (the SPARQL editor) come from npm, installed from the lock file.
$(NPMSTAMP): web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the tests drive for real: rapper/serdi (independent RDF parsers),
# Chromium (browser tests), Virtuoso (a second remote SPARQL server), wrk (the load test).
system-deps:
	@missing=""; \
	command -v rapper >/dev/null || missing="$$missing raptor2-utils"; \
	command -v serdi >/dev/null || missing="$$missing serdi"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v virtuoso-t >/dev/null || missing="$$missing virtuoso-opensource-7"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

run: setup
	$(KG) ingest seeds/
	$(KG) serve --host $(HOST) --port $(PORT)

test: setup system-deps
	$(PY) -m pytest

bench: setup
	$(PY) -m pytest tests/perf -m bench -s -p no:randomly

clean:
	rm -rf $(VENV) web/node_modules data build *.egg-info
