/* main.c — the command line and boot.
 * girder takes erl's flags. Emulator flags (+S, +P, ...) and the code-path
 * flags (-pa, -pz) are handled here; everything else is handed, as a list
 * of strings, to init:boot/1 in girder's own lib/init.erl, which runs -s,
 * -run and -eval as erl's init does. `--check-load DIR...` loads every
 * .beam under the folders and reports per file. */
#include "term/atom.h"
#include "bif/bif.h"
#include "emu/emu.h"
#include "code/module.h"
#include "proc/sched.h"
#include "proc/gc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <glob.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

static void usage(FILE *f)
{
    fprintf(f,
        "usage: girder [-pa Dir...] [-pz Dir...] [-noshell] [-noinput]\n"
        "              [-s Mod [Fun [Args...]]]... [-run Mod [Fun [Args...]]]...\n"
        "              [-eval Expr]... [+S N] [+P N] [+reds N] [-extra Args...]\n"
        "  +S N     scheduler threads (default: one per online core)\n"
        "  +P N     process limit (default 262144)\n"
        "  +reds N  reductions per time slice (default 2000)\n"
        "       girder --check-load Dir...\n");
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Load every .beam in dir (recursively); print failures; count. */
static void check_dir(const char *dir, int *ok, int *bad)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: cannot open folder\n", dir);
        (*bad)++;
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof(char *));
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(char *), cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            check_dir(path, ok, bad);
        } else {
            size_t len = strlen(names[i]);
            if (len > 5 && strcmp(names[i] + len - 5, ".beam") == 0) {
                char err[1024];
                if (code_check_file(path, err, sizeof err)) {
                    (*ok)++;
                } else {
                    (*bad)++;
                    printf("FAIL %s\n", err);
                }
            }
        }
        free(names[i]);
    }
    free(names);
}

static int check_load(int argc, char **argv)
{
    int ok = 0, bad = 0;
    for (int i = 0; i < argc; i++)
        check_dir(argv[i], &ok, &bad);
    printf("%d loaded, %d failed\n", ok, bad);
    return bad ? 1 : 0;
}

/* girder's own lib/ebin, next to the binary (bin/../lib/ebin). */
static void add_own_lib(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = 0;
    char dir[PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s/../lib/ebin", exe);
    code_path_add(dir, true);
}

/* The installed OTP's lib/NAME/ebin folders, found under $GIRDER_OTP_ROOT or the
 * usual places. */
static void add_otp_libs(void)
{
    const char *roots[] = { getenv("GIRDER_OTP_ROOT"), "/usr/lib/erlang", "/usr/local/lib/erlang", NULL };
    for (int r = 0; r < 3; r++) {
        if (!roots[r])
            continue;
        char pat[PATH_MAX];
        snprintf(pat, sizeof pat, "%s/lib/*/ebin", roots[r]);
        glob_t g;
        if (glob(pat, 0, NULL, &g) == 0) {
            for (size_t i = 0; i < g.gl_pathc; i++)
                code_path_add(g.gl_pathv[i], true);
            globfree(&g);
            return;
        }
    }
}

/* Elixir's lib/NAME/ebin folders, if installed (so Elixir-compiled code finds its
 * standard library). */
static void add_elixir_libs(void)
{
    glob_t g;
    if (glob("/usr/lib/elixir/lib/*/ebin", 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++)
            code_path_add(g.gl_pathv[i], true);
        globfree(&g);
    }
}

static void vm_init(void)
{
    atom_init();
    bif_init();
    emu_init();
    gc_init();
}

/* The emulator flags girder acts on; false (with a message) for a bad
 * value. The others of with_value[] are accepted and ignored. */
static bool emulator_flag(const char *flag, const char *value, unsigned *scheds, size_t *procs,
                          int32_t *reds)
{
    char *end;
    long v = strtol(value, &end, 10);
    bool number = end != value && (*end == 0 || (*end == ':' && !strcmp(flag, "+S")));
    if (!strcmp(flag, "+S")) {
        if (!number || v < 1 || v > 1024) {
            fprintf(stderr, "girder: bad number of schedulers %s\n", value);
            return false;
        }
        *scheds = (unsigned)v;
    } else if (!strcmp(flag, "+P")) {
        if (!number || v < 1024 || v > (1L << 27)) {
            fprintf(stderr, "girder: bad process limit %s (1024..134217727)\n", value);
            return false;
        }
        *procs = (size_t)v;
    } else if (!strcmp(flag, "+reds")) {
        if (!number || v < 1 || v > 1000000000) {
            fprintf(stderr, "girder: bad reductions per time slice %s\n", value);
            return false;
        }
        *reds = (int32_t)v;
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--check-load") == 0) {
        vm_init();
        return check_load(argc - 2, argv + 2);
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-help") == 0)) {
        usage(stdout);
        return 0;
    }
    vm_init();
    /* first pass: emulator and code-path flags; the rest goes to init */
    char **pa = calloc((size_t)argc, sizeof(char *)), **pz = calloc((size_t)argc, sizeof(char *));
    int npa = 0, npz = 0;
    char **rest = calloc((size_t)argc + 1, sizeof(char *));
    int nrest = 0;
    bool extra = false;
    unsigned n_scheds = 0;
    size_t max_procs = 0;
    int32_t slice_reds = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (extra) { rest[nrest++] = argv[i]; continue; }
        if (strcmp(a, "-extra") == 0) { extra = true; rest[nrest++] = argv[i]; continue; }
        if (strcmp(a, "-pa") == 0 || strcmp(a, "-pz") == 0) {
            bool front = a[2] == 'a';
            while (i + 1 < argc && argv[i + 1][0] != '-' && argv[i + 1][0] != '+') {
                i++;
                if (front) pa[npa++] = argv[i];
                else pz[npz++] = argv[i];
            }
            continue;
        }
        if (a[0] == '+') {
            /* emulator flags taking one value */
            static const char *with_value[] = { "+S", "+P", "+reds", "+A", "+sbt", "+K", "+t", "+hms",
                                                "+MBas", "+stbt", "+sbwt", "+SDio", "+SDcpu", NULL };
            bool known = false;
            for (int k = 0; with_value[k]; k++)
                if (strcmp(a, with_value[k]) == 0) { known = true; break; }
            if (!known) {
                fprintf(stderr, "girder: unknown emulator flag %s\n", a);
                usage(stderr);
                return 1;
            }
            if (i + 1 >= argc) {
                fprintf(stderr, "girder: %s needs a value\n", a);
                usage(stderr);
                return 1;
            }
            i++;
            if (!emulator_flag(a, argv[i], &n_scheds, &max_procs, &slice_reds)) {
                usage(stderr);
                return 1;
            }
            continue;
        }
        rest[nrest++] = argv[i];
    }
    sched_configure(n_scheds, max_procs, slice_reds);
    sched_init();
    add_own_lib();                       /* girder's init: as erl's preloaded */
    code_path_add(".", true);            /* erl's code path starts with "." */
    add_otp_libs();
    add_elixir_libs();
    for (int i = npa; i-- > 0;)
        code_path_add(pa[i], false);
    for (int i = 0; i < npz; i++)
        code_path_add(pz[i], true);
    /* hand the rest to init:boot/1 as a list of charlists */
    Process *boot_args_holder = proc_alloc_bare(1024);
    Term list = NIL;
    for (int i = nrest; i-- > 0;) {
        size_t len = strlen(rest[i]);
        Term s = NIL;
        Term *hp = proc_alloc(boot_args_holder, 2 * len + 2);
        for (size_t k = len; k-- > 0;)
            s = make_cons_at(hp + 2 * k, make_small((uint8_t)rest[i][k]), s);
        list = make_cons_at(hp + 2 * len, s, list);
    }
    Term *hp = proc_alloc(boot_args_holder, 2);
    Term args = make_cons_at(hp, list, NIL);
    char err[512];
    if (!code_ensure_loaded(AM(init), err, sizeof err)) {
        fprintf(stderr, "girder: cannot load init: %s\n", err);
        return 1;
    }
    if (is_non_value(sched_spawn(NULL, AM(init), atom_from_cstr("boot"), args, false))) {
        fprintf(stderr, "girder: cannot start init\n");
        return 1;
    }
    proc_free_bare(boot_args_holder);
    free(pa);
    free(pz);
    free(rest);
    sched_run();
}
