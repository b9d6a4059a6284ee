# 巡察统筹 — build, run and test. `make run` and `make test` work on a fresh
# Debian machine: they install what is missing first (apt-get, as root or
# through sudo).

GO        ?= go
DBDIR     ?= $(HOME)/.config/xuncha
VERSION   ?= 0.1.0
LDFLAGS   := -s -w -X xuncha/app/cli.Version=$(VERSION)
DEBS      := gcc pkg-config strace poppler-utils libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev gcc-mingw-w64-x86-64 postgresql
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test test-pg vet bench windows clean

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

## run: build and open the program: on the database if there is one, else
## on the demo data (演示数据.db beside it, created on first run; its login
## can be skipped)
run: build
	@if [ -f "$(DBDIR)/xuncha.db" ]; then ./xuncha --db "$(DBDIR)/xuncha.db"; else \
		[ -f "$(DBDIR)/演示数据.db" ] || ./xuncha demo --db "$(DBDIR)/演示数据.db"; \
		./xuncha --db "$(DBDIR)/演示数据.db"; fi

## test: every test, GUI tests included (headless, -tags ci: no system fonts),
## then the suites again against PostgreSQL (test-pg). The tests of shared
## mode start a throwaway PostgreSQL server of their own (Debian's
## postgresql, installed by deps; internal/pgtest); the command line's
## (CLISERVER) run once, in test-pg.
test: deps
	$(GO) test -tags ci -count=1 -skip '$(CLISERVER)' ./...
	$(MAKE) --no-print-directory test-pg

## test-pg: the suites that XUNCHA_TEST_DB=postgres runs against a real
## PostgreSQL server instead of SQLite (model, app and the packages that
## write through imports, packages and the audit log: workbook, datapkg,
## audit), and the command line's tests of a server (the same outputs on
## SQLite and PostgreSQL, migrate, backup and restore of a server)
PGSUITES  := ./model/ ./app/ ./app/workbook/ ./app/datapkg/ ./app/audit/
CLISERVER := ^(TestSameOutputsOnSQLiteAndServer|TestServerBackupAndRestore)$$
test-pg: deps
	XUNCHA_TEST_DB=postgres $(GO) test -tags ci -count=1 $(PGSUITES)
	$(GO) test -tags ci -count=1 -run '$(CLISERVER)' ./app/cli/

## vet: formatting and go vet
vet: deps
	@out=$$(gofmt -l $$(git ls-files '*.go')); [ -z "$$out" ] || { echo "未格式化 (not gofmt-ed):"; echo "$$out"; exit 1; }
	$(GO) vet -tags ci ./...

## bench: the benchmarks recorded in docs/BENCHMARKS.md
bench:
	$(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

## windows: xuncha.exe, cross-built with mingw by `fyne package -os windows`:
## name, icon, version and app ID from FyneApp.toml, GUI subsystem; run with a
## subcommand from cmd.exe it attaches to that console (main_windows.go).
## The build runs in a copy of the tree, because fyne package writes
## fyne_metadata_init.go and fyne.syso beside main.go and bumps FyneApp.toml's
## Build number. The manifest is ours (tools/windows/xuncha.exe.manifest.in).
## docs/BENCHMARKS.md records the exe's size and start time.
WINVERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml 2>/dev/null | head -1)
WINBUILDNO := $(shell sed -n 's/^ *Build *= *\([0-9]*\).*/\1/p' FyneApp.toml 2>/dev/null | head -1)
WINAPPID   := $(shell sed -n 's/^ *ID *= *"\(.*\)"/\1/p' FyneApp.toml 2>/dev/null | head -1)
WINBUILD   ?= /tmp/xuncha-windows-build
windows: deps
	rm -rf $(WINBUILD) && mkdir -p $(WINBUILD)
	tar --exclude=./.git --exclude=./xuncha --exclude='./*.exe' --exclude='./*.test' -cf - . | tar -xf - -C $(WINBUILD)
	sed -e 's/@ID@/$(WINAPPID)/' -e 's/@VERSION@/$(WINVERSION).$(WINBUILDNO)/' \
		tools/windows/xuncha.exe.manifest.in >$(WINBUILD)/xuncha.exe.manifest
	$(GO) build -o $(WINBUILD)/.fyne fyne.io/tools/cmd/fyne
	cd $(WINBUILD) && CC=x86_64-w64-mingw32-gcc CGO_LDFLAGS=-l:libssp.a GOARCH=amd64 \
		GOFLAGS="$$GOFLAGS -ldflags=-X=xuncha/app/cli.Version=$(WINVERSION)" \
		./.fyne package -os windows -release
	mv $(WINBUILD)/*.exe xuncha.exe
	rm -rf $(WINBUILD)
	@ls -l xuncha.exe

## wine-smoke: run xuncha.exe under Debian's wine64 and Xvfb: subcommands,
## the window (screenshot not blank) and the no-OpenGL message; builds the exe
## only when there is none (tools/windows/smoke.sh, XUNCHA_SMOKE_DIR for the
## prefix, outputs and screenshots)
.PHONY: wine-smoke
wine-smoke:
	@[ -f xuncha.exe ] || $(MAKE) windows
	bash tools/windows/smoke.sh xuncha.exe

## screenshots: docs/img/*.png for docs/使用说明.md, from the real program
## under Xvfb on the city demo data (tools/screenshots/shoot.sh; needs xvfb,
## xdotool, imagemagick); fails when a picture is blank
.PHONY: screenshots screenshots-check
screenshots: deps
	bash tools/screenshots/shoot.sh

## screenshots-check: every screen at 1366×768 and at 1024×700 (the office
## screen and the smallest window every screen must fit), into
## /tmp/xuncha-shots-check/<size>, to look at; docs/img is left as it is
screenshots-check: deps
	for s in 1366x768 1024x700; do mkdir -p /tmp/xuncha-shots-check/$$s && \
		XUNCHA_SHOTS_SIZE=$$s XUNCHA_SHOTS_OUT=/tmp/xuncha-shots-check/$$s XUNCHA_SHOTS_DIR=/tmp/xuncha-shots-check/work \
		bash tools/screenshots/shoot.sh || exit 1; done

clean:
	rm -f xuncha xuncha.exe
