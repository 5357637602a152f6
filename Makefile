# Convenience targets; each is a thin wrapper over a script or tool command.
PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve validate test
setup:
	bash scripts/setup.sh
site: setup
	$(PY) -m mkdocs build --strict
serve: setup
	$(PY) -m mkdocs serve
validate: setup
	$(PY) scripts/validate.py
test:
	bash scripts/test.sh

.PHONY: bench national
national: setup
	$(PY) scripts/generate_national.py
bench: setup
	$(PY) scripts/bench.py

.PHONY: preview
# One region (drafts included) with live reload: make preview REGION=kota-pekalongan
preview: setup
	SMARTCITY_ONLY=$(REGION) SMARTCITY_DRAFTS=1 $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

.PHONY: pdf
# PDF of one region's full masterplan (or of every region without REGION=…)
pdf: site
	$(PY) scripts/pdf.py $(REGION)
