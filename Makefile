# cinplan: Child in Need deadline calculator.
#
#   make            build ./cinplan
#   make check      install missing build dependencies, then run every test
#   make demo       install missing build dependencies, then run the example
#   make pictures   the README's pictures of the HTML pages, into doc/
#   make bench      benchmarks: working-day arithmetic, check, export
#   make fuzz       run each libFuzzer harness for FUZZ_SECONDS
#   make install    PREFIX=/usr/local DESTDIR= (installs what make built,
#                   for the same PREFIX: build first, as yourself)
#   make deb        a Debian package in obj/deb, with dpkg-buildpackage
#   make deb-check  build it, then test it unpacked in a scratch root
#   make SANITIZE=1 ...   the same with AddressSanitizer and UBSan

VERSION		= 0.1.0
PREFIX		?= /usr/local
BINDIR		?= $(PREFIX)/bin
DATADIR		?= $(PREFIX)/share/cinplan
MANDIR		?= $(PREFIX)/share/man
BASHCOMPDIR	?= $(PREFIX)/share/bash-completion/completions
# Server-wide settings and profiles: /etc for a /usr install (a package),
# PREFIX/etc otherwise.  make install only creates SYSCONFDIR/cinplan and
# its README; what is put there is the administrator's.
ifeq ($(PREFIX),/usr)
SYSCONFDIR	?= /etc
else
SYSCONFDIR	?= $(PREFIX)/etc
endif
SYSTEMDUNITDIR	?= $(PREFIX)/lib/systemd/system

CC		?= cc
# -O3 and link-time optimisation: the nightly check spends its time in
# small functions that live in different files (dates, the working-day
# calendar, the engine, the CSV reader), which only the linker can inline
# into each other; 11% less time for a million rows than -O2 alone.  The
# sanitizer build keeps -O2 and separate objects, for quicker builds and
# clearer reports.  Both gcc and clang take these flags.
ifeq ($(SANITIZE),1)
OPTFLAGS	?= -O2
else
OPTFLAGS	?= -O3 -flto=auto
endif
CFLAGS		?= $(OPTFLAGS) -g
WARNFLAGS	= -std=c11 -Wall -Wextra -Wshadow -Wpointer-arith \
		  -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
		  -Wno-unused-parameter
PKG_CONFIG	?= pkg-config
ICAL_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags libical 2>/dev/null)
ICAL_LIBS	?= $(shell $(PKG_CONFIG) --libs libical 2>/dev/null || echo -lical)
INIPARSER_CFLAGS ?= -I/usr/include/iniparser
INIPARSER_LIBS	?= -liniparser
JANSSON_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null)
JANSSON_LIBS	?= $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null || echo -ljansson)
XML_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null)
XML_LIBS	?= $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null || echo -lxml2)
CMOCKA_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS	?= $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

ifeq ($(SANITIZE),1)
VARIANT		= san
SANFLAGS	= -fsanitize=address,undefined -fno-sanitize-recover=undefined \
		  -fno-omit-frame-pointer
export ASAN_OPTIONS ?= detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
else
VARIANT		= rel
SANFLAGS	=
endif

O		= obj/$(VARIANT)
ALL_CPPFLAGS	= -Iinclude -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
		  -DCINPLAN_VERSION='"$(VERSION)"' \
		  -DCINPLAN_DATADIR='"$(DATADIR)"' \
		  -DCINPLAN_SYSCONFDIR='"$(SYSCONFDIR)"' $(CPPFLAGS)
# The source directory is left out of debugging information and
# __FILE__, so that builds from different directories are identical.
PREFIXMAP	= -ffile-prefix-map=$(CURDIR)=.
ALL_CFLAGS	= $(WARNFLAGS) $(CFLAGS) $(PREFIXMAP) $(SANFLAGS) $(ICAL_CFLAGS) \
		  $(INIPARSER_CFLAGS) $(JANSSON_CFLAGS) $(XML_CFLAGS)
LIBS		= $(ICAL_LIBS) $(INIPARSER_LIBS) $(JANSSON_LIBS) $(XML_LIBS) \
		  -lm

SRCS		= $(sort $(wildcard src/*.c))
OBJS		= $(SRCS:src/%.c=$(O)/%.o) $(O)/builtin_rules.o
LIBOBJS		= $(filter-out $(O)/main.o,$(OBJS))
RULES		= $(sort $(wildcard rules/*.ini)) rules/holidays
UNIT_SRCS	= $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS	= $(UNIT_SRCS:tests/unit/%.c=$(O)/tests/%)
MANPAGES	= $(sort $(wildcard man/*.[1-8]))

all: cinplan

# ./cinplan is always the variant just built, so SANITIZE=1 cannot leave a
# stale binary of the other kind behind.  obj/built-for says what it was
# built for, so that make install can refuse a binary of another PREFIX.
BUILTFOR	= $(VARIANT) $(DATADIR) $(SYSCONFDIR)

cinplan: $(O)/cinplan FORCE
	@cmp -s $(O)/cinplan $@ || cp $(O)/cinplan $@
	@echo '$(BUILTFOR)' | cmp -s - obj/built-for || \
	    echo '$(BUILTFOR)' > obj/built-for

$(O)/cinplan: $(OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(O)/%.o: src/%.c $(wildcard include/*.h src/*.h) Makefile
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The installed rules directory and the system one are compiled in:
# rebuild when they change, so "make install PREFIX=..." never installs a
# binary looking elsewhere.
$(O)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR) $(SYSCONFDIR)' | cmp -s - $@ || \
	    echo '$(DATADIR) $(SYSCONFDIR)' > $@

$(O)/rpath.o: $(O)/datadir.stamp

FORCE:

$(O)/builtin_rules.c: $(RULES) $(O)/embed
	$(O)/embed $(RULES) > $@.tmp && mv $@.tmp $@

$(O)/builtin_rules.o: $(O)/builtin_rules.c include/rpath.h
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(O)/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -O1 -o $@ tools/embed.c

# Each tests/unit/test_*.c is a program; unit.c holds what they share.
$(O)/tests/unit.o: tests/unit/unit.c tests/unit/unit.h $(wildcard include/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -c -o $@ \
	    tests/unit/unit.c

$(O)/tests/%: tests/unit/%.c $(O)/tests/unit.o $(LIBOBJS) \
    $(wildcard include/*.h) $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< \
	    $(O)/tests/unit.o $(LIBOBJS) $(LIBS) $(CMOCKA_LIBS)

# --- tests -----------------------------------------------------------------

deps:
	@sh tools/deps.sh

check: deps
	@$(MAKE) --no-print-directory check-run

check-run: cinplan $(UNIT_BINS)
	@fail=0; \
	for t in $(UNIT_BINS); do \
		echo "== $$t"; \
		CINPLAN_RULES= $$t || fail=1; \
	done; \
	sh tests/golden/run.sh ./cinplan || fail=1; \
	sh tests/man-lint.sh $(MANPAGES) || fail=1; \
	for t in $(sort $(wildcard tests/*.test.sh)); do \
		echo "== $$t"; \
		sh $$t ./cinplan || fail=1; \
	done; \
	if [ $$fail -ne 0 ]; then echo "make check: FAILED"; exit 1; fi; \
	echo "make check: all passed"

demo: deps
	@$(MAKE) --no-print-directory cinplan
	@sh examples/demo.sh ./cinplan

pictures: deps
	@$(MAKE) --no-print-directory cinplan
	@sh tools/pictures.sh ./cinplan doc

bench: deps
	@$(MAKE) --no-print-directory cinplan $(O)/bench_cal $(O)/measure
	@sh bench/run.sh ./cinplan $(O)/bench_cal $(O)/measure

$(O)/measure: bench/measure.c
	@mkdir -p $(@D)
	$(CC) -O1 -o $@ bench/measure.c

$(O)/bench_cal: bench/bench_cal.c $(LIBOBJS)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

# --- install -----------------------------------------------------------------

# make install builds nothing: "sudo make install" after "make" must not
# compile as root or leave root's files in the tree.  It installs ./cinplan
# only if that is the build of the current sources for these paths, and of
# the same kind (a SANITIZE=1 build only with SANITIZE=1).
INSTALLED_FROM	= $(SRCS) $(wildcard include/*.h src/*.h) $(RULES) \
		  tools/embed.c Makefile
SUBST		= sed -e 's|@BINDIR@|$(BINDIR)|g' \
		  -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
		  -e 's|@DATADIR@|$(DATADIR)|g'

install-ready:
	@if [ ! -f cinplan ] || [ ! -f obj/built-for ] || \
	    [ ! -f $(O)/cinplan ]; then \
		echo "make install: nothing built: run 'make PREFIX=$(PREFIX)' first, as yourself" >&2; \
		exit 1; \
	fi
	@if [ "$$(cat obj/built-for)" != '$(BUILTFOR)' ]; then \
		echo "make install: ./cinplan was built as: $$(cat obj/built-for);" \
		    "this install wants: $(BUILTFOR):" \
		    "run 'make PREFIX=$(PREFIX)' (with the same variables)" \
		    "first, as yourself" >&2; \
		exit 1; \
	fi
	@if [ -n "$$(find $(INSTALLED_FROM) -newer $(O)/cinplan)" ] || \
	    ! cmp -s cinplan $(O)/cinplan; then \
		echo "make install: ./cinplan is older than the sources:" \
		    "run 'make PREFIX=$(PREFIX)' first, as yourself" >&2; \
		exit 1; \
	fi

install: install-ready
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules \
	    $(DESTDIR)$(SYSTEMDUNITDIR) $(DESTDIR)$(SYSCONFDIR)/cinplan
	install -m 755 cinplan $(DESTDIR)$(BINDIR)/cinplan
	$(SUBST) dist/cinplan-nightly.sh > $(DESTDIR)$(BINDIR)/cinplan-nightly
	chmod 755 $(DESTDIR)$(BINDIR)/cinplan-nightly
	install -m 644 $(RULES) $(DESTDIR)$(DATADIR)/rules/
	install -m 644 dist/nightly.conf $(DESTDIR)$(DATADIR)/nightly.conf
	for u in cinplan-nightly.service cinplan-nightly.timer; do \
		$(SUBST) dist/$$u > $(DESTDIR)$(SYSTEMDUNITDIR)/$$u && \
		chmod 644 $(DESTDIR)$(SYSTEMDUNITDIR)/$$u || exit 1; \
	done
	for m in $(MANPAGES); do \
		s=$${m##*.}; install -d $(DESTDIR)$(MANDIR)/man$$s && \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/ || exit 1; \
	done
	install -d $(DESTDIR)$(BASHCOMPDIR)
	install -m 644 completion/cinplan.bash $(DESTDIR)$(BASHCOMPDIR)/cinplan
	@# The administrator's directory: a README if there is none, no more.
	if [ ! -e $(DESTDIR)$(SYSCONFDIR)/cinplan/README ]; then \
		$(SUBST) dist/etc-README > $(DESTDIR)$(SYSCONFDIR)/cinplan/README && \
		chmod 644 $(DESTDIR)$(SYSCONFDIR)/cinplan/README; \
	fi

# Removes what install installed and nothing else: SYSCONFDIR/cinplan keeps
# every file but an unchanged README, and stays while anything is in it.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cinplan $(DESTDIR)$(BINDIR)/cinplan-nightly \
	    $(DESTDIR)$(BASHCOMPDIR)/cinplan $(DESTDIR)$(DATADIR)/nightly.conf
	for r in $(notdir $(RULES)); do rm -f $(DESTDIR)$(DATADIR)/rules/$$r; done
	for u in cinplan-nightly.service cinplan-nightly.timer; do \
		rm -f $(DESTDIR)$(SYSTEMDUNITDIR)/$$u; \
	done
	for m in $(notdir $(MANPAGES)); do \
		s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$$m; \
	done
	if $(SUBST) dist/etc-README | \
	    cmp -s - $(DESTDIR)$(SYSCONFDIR)/cinplan/README; then \
		rm -f $(DESTDIR)$(SYSCONFDIR)/cinplan/README; \
	fi
	-rmdir $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR) \
	    $(DESTDIR)$(SYSCONFDIR)/cinplan 2>/dev/null

# --- Debian package ----------------------------------------------------------

# Built from a copy of the tree in obj/deb, so that debian/rules' clean and
# its PREFIX=/usr build leave this tree's ./cinplan alone.
DEBDIR		= obj/deb

deb:
	@sh tools/deps.sh dpkg-dev debhelper lintian
	rm -rf $(DEBDIR)
	mkdir -p $(DEBDIR)/cinplan-$(VERSION)
	tar -cf - --exclude=./obj --exclude=./cinplan --exclude=./.git \
	    --exclude='./*.ics' --exclude=./bench/out --exclude=./tests/fuzz/out . | \
	    (cd $(DEBDIR)/cinplan-$(VERSION) && tar -xf -)
	cd $(DEBDIR)/cinplan-$(VERSION) && dpkg-buildpackage -b -us -uc
	lintian --fail-on error $(DEBDIR)/*.changes
	@ls $(DEBDIR)/*.deb

# The package unpacked into a scratch root and used from there (CI).
deb-check: deb
	@sh tests/deb.sh $(DEBDIR)/cinplan_$(VERSION)_$$(dpkg --print-architecture).deb

clean:
	rm -rf obj cinplan

# Fuzzing harnesses and their targets live beside them.
-include tests/fuzz/fuzz.mk

.PHONY: all check check-run deps demo pictures bench install install-ready \
	uninstall deb deb-check clean FORCE
.DELETE_ON_ERROR:
