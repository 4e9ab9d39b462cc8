# Thin wrappers around the go tool. `make help` lists them.
.PHONY: help test ci vet fuzz bench demo

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

test: ## run the tests (the README's command)
	go test ./...

ci: ## run what CI runs
	bash .ci/run

vet: ## go vet and staticcheck
	go vet ./...
	staticcheck ./...

fuzz: ## run every fuzz target for FUZZTIME (default 2m) each
	scripts/fuzz.sh

bench: ## run the in-module benchmarks
	go test -run='^$$' -bench=. -benchmem ./...

demo: ## start the demo server on 127.0.0.1:8000
	go run ./cmd/snippets
