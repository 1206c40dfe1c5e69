# libFuzzer harnesses: included by the Makefile.
#
#   make fuzz              build every harness with clang, then run each for
#                          FUZZ_SECONDS (default 60) over a copy of its seeds
#   make fuzz-smoke        the same for 10 seconds each, for CI
#   make fuzz-build        build only
#   make fuzz-regress      run each harness once over tests/fuzz/regress/NAME,
#                          the reduced inputs of what fuzzing found: each
#                          fails until its bug is fixed (see
#                          tests/fuzz/regress/README)
#   make fuzz-run FUZZ_TARGETS="csv ics"   run some of them
#   make fuzz-run FUZZ_RUNS=10000000        run each for that many
#                          executions instead of FUZZ_SECONDS
#   make fuzz-replay       run every input that a FUZZ_VARIANT=ubsan run
#                          kept (obj/fuzz-ubsan/corpus/NAME) through the
#                          AddressSanitizer build once: the fast variant
#                          finds the inputs, ASan checks each of them
#
# The library is compiled again with clang and the fuzzer's coverage
# instrumentation into obj/fuzz/lib: gcc objects built without
# -fsanitize=fuzzer-no-link cannot guide it.  The seeds in
# tests/fuzz/corpus/NAME are copied to obj/fuzz/corpus/NAME and the
# fuzzer adds what it finds there, so the tree stays clean; anything it
# trips over is written to obj/fuzz/artifacts/ as NAME-crash-..., to be
# reduced with "obj/fuzz/fuzz_NAME -minimize_crash=1 -runs=100000 FILE".

FUZZ_CC		?= clang
FUZZ_SECONDS	?= 60
FUZZ_RUNS	?=
ifneq ($(FUZZ_RUNS),)
FUZZ_LIMIT	= -runs=$(FUZZ_RUNS)
FUZZ_WHAT	= $(FUZZ_RUNS) executions
else
FUZZ_LIMIT	= -max_total_time=$(FUZZ_SECONDS)
FUZZ_WHAT	= $(FUZZ_SECONDS) s
endif
FUZZ_TARGETS	?= date profile csv ics census holidays
# FUZZ_VARIANT=ubsan leaves AddressSanitizer out, into obj/fuzz-ubsan: two
# or three times faster where the code allocates large blocks (a
# calendar's tables), which ASan maps afresh every time.
FUZZ_VARIANT	?= asan
ifeq ($(FUZZ_VARIANT),ubsan)
FUZZ_O		= obj/fuzz-ubsan
FUZZ_SANFLAGS	= -fsanitize=undefined -fno-sanitize-recover=undefined \
		  -fno-omit-frame-pointer
else
FUZZ_O		= obj/fuzz
FUZZ_SANFLAGS	= -fsanitize=address,undefined -fno-sanitize-recover=undefined \
		  -fno-omit-frame-pointer
endif
# The CSV reader starts from a 4 KiB block instead of 64 KiB, so that small
# inputs reach the code that grows the buffer and carries a record across
# reads.
FUZZ_CFLAGS	= -g -O1 $(WARNFLAGS) -Wno-format-nonliteral $(FUZZ_SANFLAGS) \
		  -DCSV_BLOCK=4096 \
		  $(ICAL_CFLAGS) $(INIPARSER_CFLAGS) \
		  $(JANSSON_CFLAGS) $(XML_CFLAGS)
FUZZ_LIBOBJS	= $(filter-out $(FUZZ_O)/lib/main.o, \
		  $(SRCS:src/%.c=$(FUZZ_O)/lib/%.o)) $(FUZZ_O)/lib/builtin_rules.o
FUZZ_BINS	= $(FUZZ_TARGETS:%=$(FUZZ_O)/fuzz_%)

# Per harness: the largest input, and extra link flags.  The CSV harness
# wraps read() so it can cut the library's reads short at any byte.
FUZZ_MAXLEN_date	= 64
FUZZ_MAXLEN_profile	= 8192
FUZZ_MAXLEN_csv		= 8192
FUZZ_MAXLEN_ics		= 4096
FUZZ_MAXLEN_census	= 16384
FUZZ_MAXLEN_holidays	= 4096
FUZZ_LDFLAGS_csv	= -Wl,--wrap=read

fuzz:
	@sh tools/deps.sh clang
	@$(MAKE) --no-print-directory fuzz-run

fuzz-smoke:
	@sh tools/deps.sh clang
	@$(MAKE) --no-print-directory fuzz-run FUZZ_SECONDS=10

fuzz-build: $(FUZZ_BINS)

fuzz-run: $(FUZZ_BINS)
	@fail=0; \
	for t in $(FUZZ_TARGETS); do \
		echo "== fuzz_$$t: $(FUZZ_WHAT)"; \
		mkdir -p $(FUZZ_O)/corpus/$$t $(FUZZ_O)/artifacts; \
		cp -p tests/fuzz/corpus/$$t/* $(FUZZ_O)/corpus/$$t/ 2>/dev/null; \
		case $$t in \
		date) m=$(FUZZ_MAXLEN_date) ;; \
		profile) m=$(FUZZ_MAXLEN_profile) ;; \
		csv) m=$(FUZZ_MAXLEN_csv) ;; \
		ics) m=$(FUZZ_MAXLEN_ics) ;; \
		census) m=$(FUZZ_MAXLEN_census) ;; \
		*) m=$(FUZZ_MAXLEN_holidays) ;; \
		esac; \
		$(FUZZ_O)/fuzz_$$t $(FUZZ_LIMIT) \
		    -max_len=$$m -timeout=5 -rss_limit_mb=4096 \
		    -print_final_stats=1 \
		    -artifact_prefix=$(FUZZ_O)/artifacts/$$t- \
		    $(FUZZ_O)/corpus/$$t >$(FUZZ_O)/fuzz_$$t.log 2>&1 \
		    || { fail=1; echo "fuzz_$$t: FAILED"; \
		         tail -n 60 $(FUZZ_O)/fuzz_$$t.log; }; \
		grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' \
		    $(FUZZ_O)/fuzz_$$t.log | sed "s/^/fuzz_$$t: /"; \
	done; \
	if [ $$fail -ne 0 ]; then echo "make fuzz: FAILED"; exit 1; fi; \
	echo "make fuzz: no crash, hang or sanitizer finding"

fuzz-regress: $(FUZZ_BINS)
	@fail=0; \
	for t in $(FUZZ_TARGETS); do \
		[ -d tests/fuzz/regress/$$t ] || continue; \
		for f in tests/fuzz/regress/$$t/*; do \
			if $(FUZZ_O)/fuzz_$$t $$f >$(FUZZ_O)/regress.log 2>&1; then \
				echo "ok   fuzz_$$t $$f"; \
			else \
				echo "FAIL fuzz_$$t $$f"; fail=1; \
				grep -E 'property failed|ERROR|SUMMARY' \
				    $(FUZZ_O)/regress.log | head -n 3; \
			fi; \
		done; \
	done; \
	[ $$fail -eq 0 ]

fuzz-replay:
	@sh tools/deps.sh clang
	@$(MAKE) --no-print-directory FUZZ_VARIANT=asan fuzz-build
	@fail=0; \
	for t in $(FUZZ_TARGETS); do \
		d=obj/fuzz-ubsan/corpus/$$t; \
		[ -d $$d ] || { echo "fuzz_$$t: no $$d to replay"; continue; }; \
		if obj/fuzz/fuzz_$$t -runs=0 -timeout=5 -rss_limit_mb=4096 \
		    $$d >obj/fuzz/replay_$$t.log 2>&1; then \
			echo "ok   fuzz_$$t: $$(ls $$d | wc -l) inputs"; \
		else \
			echo "FAIL fuzz_$$t"; fail=1; \
			tail -n 30 obj/fuzz/replay_$$t.log; \
		fi; \
	done; \
	[ $$fail -eq 0 ]

$(FUZZ_O)/lib/%.o: src/%.c $(wildcard include/*.h src/*.h) Makefile tests/fuzz/fuzz.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<

$(FUZZ_O)/lib/builtin_rules.o: $(O)/builtin_rules.c include/rpath.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $(O)/builtin_rules.c

$(FUZZ_O)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_LIBOBJS)
	$(FUZZ_CC) $(ALL_CPPFLAGS) -D_GNU_SOURCE -Itests/fuzz $(FUZZ_CFLAGS) \
	    -fsanitize=fuzzer -o $@ $< $(FUZZ_LIBOBJS) $(FUZZ_LDFLAGS_$*) \
	    $(LIBS)

# Pattern-rule objects are kept, not removed as intermediate files.
.SECONDARY: $(FUZZ_LIBOBJS)

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-run fuzz-regress fuzz-replay
