/* os.c — the BIFs of module os: environment variables and the OS pid. */
#include "bif.h"
#include "../term/atom.h"
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>

extern char **environ;

/* A charlist argument as a C string (latin-1 bytes); false if not one. */
static bool to_cstr(Term t, char *buf, size_t cap)
{
    size_t n = 0;
    for (; is_list(t); t = CDR(list_val(t))) {
        Term c = CAR(list_val(t));
        if (!is_small(c) || small_val(c) < 1 || small_val(c) > 255 || n + 1 >= cap)
            return false;
        buf[n++] = (char)small_val(c);
    }
    buf[n] = 0;
    return is_nil(t);
}

static Term charlist(Process *p, const char *s)
{
    size_t n = strlen(s);
    Term *hp = proc_alloc(p, 2 * n);
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = make_cons_at(hp + 2 * i, make_small((uint8_t)s[i]), l);
    return l;
}

static Term bif_getenv_1(Process *p, Term *a)
{
    char name[4096];
    if (!to_cstr(a[0], name, sizeof name)) BIF_BADARG(p);
    const char *v = getenv(name);
    return v ? charlist(p, v) : AM(false);
}
BIF_DEF("os", "getenv", 1, bif_getenv_1)

static Term bif_getenv_0(Process *p, Term *a)
{
    (void)a;
    Term l = NIL;
    for (char **e = environ; *e; e++) {
        Term s = charlist(p, *e);
        Term *hp = proc_alloc(p, 2);
        l = make_cons_at(hp, s, l);
    }
    return l;
}
BIF_DEF("os", "getenv", 0, bif_getenv_0)

static Term bif_putenv(Process *p, Term *a)
{
    char name[4096], val[65536];
    if (!to_cstr(a[0], name, sizeof name) || !to_cstr(a[1], val, sizeof val) || !name[0] || strchr(name, '='))
        BIF_BADARG(p);
    setenv(name, val, 1);
    return AM(true);
}
BIF_DEF("os", "putenv", 2, bif_putenv)

static Term bif_unsetenv(Process *p, Term *a)
{
    char name[4096];
    if (!to_cstr(a[0], name, sizeof name)) BIF_BADARG(p);
    unsetenv(name);
    return AM(true);
}
BIF_DEF("os", "unsetenv", 1, bif_unsetenv)

static Term bif_getpid(Process *p, Term *a)
{
    (void)a;
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", (long)getpid());
    return charlist(p, buf);
}
BIF_DEF("os", "getpid", 0, bif_getpid)
