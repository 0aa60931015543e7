# girder — build, test, bench. `make` builds bin/girder; see README.md.
# Build types each have their own object folder: build/<type>/.

CC      ?= gcc
TYPE    ?= release
SRCS    := $(shell find src -name '*.c' | sort)
HDRS    := $(shell find src -name '*.h' -o -name '*.def' -o -name '*.tab' | sort)
WARN    := -Wall -Wextra
BASE_CFLAGS := -std=gnu11 -g $(WARN) -fno-strict-aliasing -D_GNU_SOURCE -pthread
LIBS    := -lgmp -lz -lm -pthread

ifeq ($(TYPE),release)
  CFLAGS_T := -O2
  BIN := bin/girder
else ifeq ($(TYPE),debug)
  CFLAGS_T := -O0 -DGIRDER_DEBUG
  BIN := bin/girder-debug
else ifeq ($(TYPE),opcount)
  # instruction and pair counts printed at exit (docs/performance.md)
  CFLAGS_T := -O2 -DGIRDER_OPCOUNT
  BIN := bin/girder-opcount
else ifeq ($(TYPE),asan)
  CFLAGS_T := -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -DGIRDER_DEBUG
  LIBS += -fsanitize=address,undefined
  BIN := bin/girder-asan
else ifeq ($(TYPE),tsan)
  CFLAGS_T := -O1 -fsanitize=thread -DGIRDER_DEBUG
  LIBS += -fsanitize=thread
  BIN := bin/girder-tsan
endif

OBJDIR := build/$(TYPE)/obj
# The interpreter loop: keep one indirect jump per instruction (GCC would
# otherwise merge the computed gotos into one shared jump, which defeats
# branch prediction; docs/interpreter.md has the numbers).
EMU_CFLAGS := -fno-gcse -fno-crossjumping
OBJS   := $(SRCS:%.c=$(OBJDIR)/%.o)
LIB_ERL  := $(wildcard lib/*.erl)
LIB_BEAM := $(LIB_ERL:lib/%.erl=lib/ebin/%.beam)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=build/$(TYPE)/unit/%)

.PHONY: all deps demo test unit erltest asan tsan gcstress debug opcount bench clean check-load conformance

all: $(BIN) $(LIB_BEAM)

$(BIN): $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) -o $@ $(OBJS) $(LIBS)

$(OBJDIR)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS_T) $(if $(filter src/emu/emu.c,$<),$(EMU_CFLAGS)) -c $< -o $@

lib/ebin/%.beam: lib/%.erl
	@mkdir -p lib/ebin
	erlc -o lib/ebin $<

build/$(TYPE)/unit/%: tests/unit/%.c $(filter-out $(OBJDIR)/src/main.o,$(OBJS))
	@mkdir -p $(dir $@)
	@$(CC) $(BASE_CFLAGS) $(CFLAGS_T) -Isrc -o $@ $^ $(LIBS)

deps:
	@tools/ensure-deps.sh

demo: deps all
	@tools/demo.sh $(BIN)

unit: $(UNIT_BINS)
	@tools/run-unit.sh $(UNIT_BINS)

erltest: all
	@tests/run_erl.sh --vm $(BIN)

# Everything, ending with one line "N passed, N failed".
test: deps
	@$(MAKE) --no-print-directory all
	@tools/run-all-tests.sh $(TYPE) $(BIN)

asan:
	@$(MAKE) --no-print-directory TYPE=asan test

tsan:
	@$(MAKE) --no-print-directory TYPE=tsan test

# The differential programs on the ASan build with a collection at every
# heap test (GIRDER_GC_STRESS=1): a term the collector misses fails at once.
# Programs with a large live heap take minutes that way and are left out.
GCSTRESS_SKIP := bin_append_loop bin_comprehension bin_large_refc deep_recursion gc_big_live \
    lists_seq prog_binarytrees prog_fannkuch prog_sorts prog_wordfreq regress_guard_toobig \
    spec_fast_paths gc_churn_flat gc_shared_binary gc_vheap gc_max_heap
gcstress:
	@$(MAKE) --no-print-directory TYPE=asan all
	@GIRDER_GC_STRESS=1 VM_TIMEOUT=120 SKIP="$(GCSTRESS_SKIP)" tests/run_erl.sh --vm bin/girder-asan

debug:
	@$(MAKE) --no-print-directory TYPE=debug all

opcount:
	@$(MAKE) --no-print-directory TYPE=opcount all

check-load: all
	$(BIN) --check-load /usr/lib/erlang/lib/*/ebin /usr/lib/elixir/lib/*/ebin

# OTP's own test suites on erl and girder (tests/conformance/README.md).
conformance: deps all
	@tools/conformance.sh $(BIN)

# Benchmarks side by side with erl (docs/benchmarks.md): QUICK=1 for the
# short version, RUNS=N runs per VM, ONLY=a,b to pick programs. Without
# gnuplot (not root, not installed) the table and JSON are still written.
bench: deps all
	@tools/ensure-deps.sh bench || echo "bench: continuing without the chart"
	@QUICK=$(QUICK) RUNS=$(RUNS) ONLY=$(ONLY) bench/run.sh $(BIN)

clean:
	rm -rf build bin lib/ebin
