/* os.c — the BIFs of module os: environment variables and the OS pid. */
#include "bif.h"
#include "../term/atom.h"
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>

extern char **environ;

static Term bif_getenv_1(Process *p, Term *a)
{
    char *name = bif_cstring(a[0]);
    if (!name || is_bitstring(a[0])) { free(name); BIF_BADARG(p); }
    const char *v = getenv(name);
    free(name);
    return v ? bif_charlist(p, v) : AM(false);
}
BIF_DEF("os", "getenv", 1, bif_getenv_1)

static Term bif_getenv_0(Process *p, Term *a)
{
    (void)a;
    Term l = NIL;
    for (char **e = environ; *e; e++) {
        Term s = bif_charlist(p, *e);
        Term *hp = proc_alloc(p, 2);
        l = make_cons_at(hp, s, l);
    }
    return l;
}
BIF_DEF("os", "getenv", 0, bif_getenv_0)

static Term bif_putenv(Process *p, Term *a)
{
    char *name = bif_cstring(a[0]), *val = bif_cstring(a[1]);
    bool ok = name && val && !is_bitstring(a[0]) && !is_bitstring(a[1]) && name[0] && !strchr(name, '=');
    if (ok) setenv(name, val, 1);
    free(name);
    free(val);
    if (!ok) BIF_BADARG(p);
    return AM(true);
}
BIF_DEF("os", "putenv", 2, bif_putenv)

static Term bif_unsetenv(Process *p, Term *a)
{
    char *name = bif_cstring(a[0]);
    if (!name || is_bitstring(a[0])) { free(name); BIF_BADARG(p); }
    unsetenv(name);
    free(name);
    return AM(true);
}
BIF_DEF("os", "unsetenv", 1, bif_unsetenv)

static Term bif_getpid(Process *p, Term *a)
{
    (void)a;
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", (long)getpid());
    return bif_charlist(p, buf);
}
BIF_DEF("os", "getpid", 0, bif_getpid)
