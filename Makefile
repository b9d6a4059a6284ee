# 巡察统筹 — build, run and test. `make run` and `make test` work on a fresh
# Debian machine: they install what is missing first (apt-get, as root or
# through sudo).

GO        ?= go
DB        ?= $(HOME)/.config/xuncha/xuncha.db
VERSION   ?= 0.1.0
LDFLAGS   := -s -w -X xuncha/app/cli.Version=$(VERSION)
DEBS      := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev gcc-mingw-w64-x86-64
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test vet bench windows clean

## deps: install the Debian packages the build needs (skips what is there)
deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "安装 (installing):$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(GO) >/dev/null || { echo "需要 Go 1.26 (Go 1.26 is required: https://go.dev/dl)"; exit 1; }

## build: the Linux binary ./xuncha
build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o xuncha .

## run: build, create demo data when there is no database yet, open the window
run: build
	@[ -f "$(DB)" ] || ./xuncha demo --db "$(DB)"
	./xuncha --db "$(DB)"

## test: every test, GUI tests included (headless, -tags ci: no system fonts)
test: deps
	$(GO) test -tags ci -count=1 ./...

## vet: formatting and go vet
vet: deps
	@out=$$(gofmt -l $$(git ls-files '*.go')); [ -z "$$out" ] || { echo "未格式化 (not gofmt-ed):"; echo "$$out"; exit 1; }
	$(GO) vet -tags ci ./...

## bench: the benchmarks recorded in docs/BENCHMARKS.md
bench:
	$(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

## windows: cross-build xuncha.exe with mingw
windows: deps
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CGO_LDFLAGS=-l:libssp.a \
		$(GO) build -ldflags '$(LDFLAGS) -H windowsgui' -o xuncha.exe .

clean:
	rm -f xuncha xuncha.exe
