/* erlang_time.c — calendar BIFs (date/0, time/0, localtime/0,
 * universaltime/0 and the conversions between local, universal and POSIX
 * time), time_offset/0,1, os:perf_counter/0 and the erts_internal time
 * units. Range checks and arithmetic follow ERTS's erl_time_sup.c so
 * accepted inputs and results match erl exactly. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/bignum.h"
#include <time.h>
#include <limits.h>

/* Native and perf_counter time units: nanoseconds, as erl on Linux. */
#define NATIVE_PER_SECOND 1000000000LL

/* ERTS refuses local-time conversions before this year (the earliest every
 * platform's mktime handles). */
#define BASE_YEAR 1902

static const int mdays[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

static bool is_leap(SWord y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

typedef struct { SWord year, month, day, hour, minute, second; } DateTime;

static Term make_date(Process *p, SWord y, SWord m, SWord d)
{
    return bif_tuple3(p, make_small(y), make_small(m), make_small(d));
}

static Term make_datetime(Process *p, const DateTime *t)
{
    Term date = make_date(p, t->year, t->month, t->day);
    Term time = bif_tuple3(p, make_small(t->hour), make_small(t->minute), make_small(t->second));
    return bif_tuple2(p, date, time);
}

static void from_tm(DateTime *t, const struct tm *tm)
{
    t->year = tm->tm_year + 1900;
    t->month = tm->tm_mon + 1;
    t->day = tm->tm_mday;
    t->hour = tm->tm_hour;
    t->minute = tm->tm_min;
    t->second = tm->tm_sec;
}

/* {{Y,M,D},{H,Mi,S}} with six small integers (not range-checked). */
static bool to_parts(Term t, DateTime *dt)
{
    if (!is_tuple(t) || tuple_arity(t) != 2)
        return false;
    Term d = tuple_elem(t, 1), h = tuple_elem(t, 2);
    if (!is_tuple(d) || !is_tuple(h) || tuple_arity(d) != 3 || tuple_arity(h) != 3)
        return false;
    for (int i = 1; i <= 3; i++)
        if (!is_small(tuple_elem(d, i)) || !is_small(tuple_elem(h, i)))
            return false;
    dt->year = small_val(tuple_elem(d, 1));
    dt->month = small_val(tuple_elem(d, 2));
    dt->day = small_val(tuple_elem(d, 3));
    dt->hour = small_val(tuple_elem(h, 1));
    dt->minute = small_val(tuple_elem(h, 2));
    dt->second = small_val(tuple_elem(h, 3));
    return true;
}

/* A valid calendar date and time of day from min_year on. */
static bool valid(const DateTime *t, SWord min_year)
{
    if (t->year < min_year || t->year > INT_MAX - 1 || t->month < 1 || t->month > 12)
        return false;
    SWord dim = mdays[t->month] + (t->month == 2 && is_leap(t->year));
    return t->day >= 1 && t->day <= dim && t->hour >= 0 && t->hour <= 23 &&
           t->minute >= 0 && t->minute <= 59 && t->second >= 0 && t->second <= 59;
}

/* Days from 1970-01-01 (valid dates from 1600 on). */
static int64_t days_since_epoch(SWord year, SWord month, SWord day)
{
    int64_t n = 0;
    int64_t g = year - 1600;
    if (g > 0) {
        int64_t py = g - 1;
        n = py / 4 - py / 100 + py / 400 + py * 365 + 366;
    }
    for (SWord m = 1; m < month; m++)
        n += mdays[m];
    if (is_leap(year) && month > 2)
        n++;
    n += day - 1;
    return n - 135140;               /* days from 1600-01-01 to 1970-01-01 */
}

/* Seconds since the epoch to a UTC date (proleptic Gregorian, any year). */
static void seconds_to_datetime(int64_t time, DateTime *t)
{
    int64_t days = time / 86400, secs = time % 86400;
    if (secs < 0) {
        days--;
        secs += 86400;
    }
    t->hour = secs / 3600;
    t->minute = secs % 3600 / 60;
    t->second = secs % 60;
    days += 719468;                  /* shift the epoch to 0000-03-01 */
    int64_t y = (10000 * days + 14780) / 3652425;
    int64_t doy = days - (365 * y + y / 4 - y / 100 + y / 400);
    if (doy < 0) {
        y--;
        doy = days - (365 * y + y / 4 - y / 100 + y / 400);
    }
    int64_t mi = (100 * doy + 52) / 3060;
    t->month = (mi + 2) % 12 + 1;
    t->year = y + (mi + 2) / 12;
    t->day = doy - (mi * 306 + 5) / 10 + 1;
}

/* ------------------------------------------------------------ the clock */
static void now_tm(struct tm *tm, bool local)
{
    time_t now = time(NULL);
    if (local)
        localtime_r(&now, tm);
    else
        gmtime_r(&now, tm);
}

static Term bif_date_0(Process *p, Term *a)
{
    (void)a;
    struct tm tm;
    now_tm(&tm, true);
    return make_date(p, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
BIF_DEF("erlang", "date", 0, bif_date_0)

static Term bif_time_0(Process *p, Term *a)
{
    (void)a;
    struct tm tm;
    now_tm(&tm, true);
    return bif_tuple3(p, make_small(tm.tm_hour), make_small(tm.tm_min), make_small(tm.tm_sec));
}
BIF_DEF("erlang", "time", 0, bif_time_0)

static Term bif_localtime_0(Process *p, Term *a)
{
    (void)a;
    struct tm tm;
    DateTime t;
    now_tm(&tm, true);
    from_tm(&t, &tm);
    return make_datetime(p, &t);
}
BIF_DEF("erlang", "localtime", 0, bif_localtime_0)

static Term bif_universaltime_0(Process *p, Term *a)
{
    (void)a;
    struct tm tm;
    DateTime t;
    now_tm(&tm, false);
    from_tm(&t, &tm);
    return make_datetime(p, &t);
}
BIF_DEF("erlang", "universaltime", 0, bif_universaltime_0)

/* ---------------------------------------------------------- conversions */
/* mktime, retrying one second earlier when it answers -1 for a valid time
 * (1969-12-31 23:59:59 UTC), as ERTS does. */
static bool mktime_checked(struct tm *tm, time_t *out)
{
    time_t c = mktime(tm);
    if (c != -1) {
        *out = c;
        return true;
    }
    tm->tm_sec--;
    c = mktime(tm);
    tm->tm_sec++;
    *out = -1;
    return c == -2;
}

static Term bif_localtime_to_universaltime_2(Process *p, Term *a)
{
    int isdst;
    if (a[1] == AM(true)) isdst = 1;
    else if (a[1] == AM(false)) isdst = 0;
    else if (a[1] == AM(undefined)) isdst = -1;
    else BIF_BADARG(p);
    DateTime t;
    if (!to_parts(a[0], &t) || !valid(&t, BASE_YEAR))
        BIF_BADARG(p);
    struct tm tm = { .tm_year = (int)(t.year - 1900), .tm_mon = (int)t.month - 1, .tm_mday = (int)t.day,
                     .tm_hour = (int)t.hour, .tm_min = (int)t.minute, .tm_sec = (int)t.second,
                     .tm_isdst = isdst };
    time_t clock;
    if (!mktime_checked(&tm, &clock)) {
        /* a zone without DST refuses a DST time: retry as standard time */
        if (!isdst)
            BIF_BADARG(p);
        tm.tm_isdst = 0;
        if (!mktime_checked(&tm, &clock))
            BIF_BADARG(p);
    }
    struct tm out;
    if (!gmtime_r(&clock, &out))
        BIF_BADARG(p);
    from_tm(&t, &out);
    return make_datetime(p, &t);
}
BIF_DEF("erlang", "localtime_to_universaltime", 2, bif_localtime_to_universaltime_2)

static Term bif_universaltime_to_localtime_1(Process *p, Term *a)
{
    DateTime t;
    if (!to_parts(a[0], &t) || !valid(&t, BASE_YEAR))
        BIF_BADARG(p);
    time_t clock = (time_t)(t.second + 60 * (t.minute + 60 * (t.hour + 24 * days_since_epoch(t.year, t.month, t.day))));
    struct tm tm;
    if (!localtime_r(&clock, &tm))
        BIF_BADARG(p);
    from_tm(&t, &tm);
    return make_datetime(p, &t);
}
BIF_DEF("erlang", "universaltime_to_localtime", 1, bif_universaltime_to_localtime_1)

static Term bif_universaltime_to_posixtime_1(Process *p, Term *a)
{
    DateTime t;
    if (!to_parts(a[0], &t) || !valid(&t, 1600))
        BIF_BADARG(p);
    int64_t s = 86400 * days_since_epoch(t.year, t.month, t.day) + 3600 * t.hour + 60 * t.minute + t.second;
    return bn_from_sword(p, s);
}
BIF_DEF("erlang", "universaltime_to_posixtime", 1, bif_universaltime_to_posixtime_1)

static Term bif_posixtime_to_universaltime_1(Process *p, Term *a)
{
    SWord s;
    if (!term_to_sword(a[0], &s))
        BIF_BADARG(p);
    DateTime t;
    seconds_to_datetime(s, &t);
    return make_datetime(p, &t);
}
BIF_DEF("erlang", "posixtime_to_universaltime", 1, bif_posixtime_to_universaltime_1)

/* ------------------------------------------------------------ time units */
static int64_t clock_ns(clockid_t clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (int64_t)ts.tv_sec * NATIVE_PER_SECOND + ts.tv_nsec;
}

/* A time unit as parts per second (erlang:convert_time_unit/3's units). */
static bool unit_per_second(Term u, int64_t *per)
{
    if (is_small(u) && small_val(u) > 0) { *per = small_val(u); return true; }
    if (u == AM(second) || u == AM(seconds)) { *per = 1; return true; }
    if (u == AM(millisecond) || u == AM(milli_seconds)) { *per = 1000; return true; }
    if (u == AM(microsecond) || u == AM(micro_seconds)) { *per = 1000000; return true; }
    if (u == AM(nanosecond) || u == AM(nano_seconds) || u == AM(native) || u == AM(perf_counter)) {
        *per = NATIVE_PER_SECOND;
        return true;
    }
    return false;
}

/* The offset between erlang:system_time() and erlang:monotonic_time(): on
 * girder both read the OS clocks directly (CLOCK_REALTIME and
 * CLOCK_MONOTONIC), so the offset is their current difference. */
static int64_t time_offset_ns(void)
{
    return clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC);
}

static Term bif_time_offset_0(Process *p, Term *a) { (void)a; return bn_from_sword(p, time_offset_ns()); }
BIF_DEF("erlang", "time_offset", 0, bif_time_offset_0)

static Term bif_time_offset_1(Process *p, Term *a)
{
    int64_t per;
    if (is_big(a[0]) && !big_sign(a[0])) {
        /* a unit too fine for a small: ERTS computes this in Erlang
         * (convert_time_unit), floor(offset * unit / native) */
        Term native = make_small(NATIVE_PER_SECOND);
        Term n = bn_mul(p, bn_from_sword(p, time_offset_ns()), a[0]);
        if (is_non_value(n))
            return n;
        Term q = bn_div(p, n, native);
        if (is_value(q) && bn_compare(n, make_small(0)) < 0 &&
            bn_compare(bn_mul(p, q, native), n) != 0)
            q = bn_sub(p, q, make_small(1));
        return q;
    }
    if (!unit_per_second(a[0], &per))
        BIF_BADARG(p);
    /* floor(offset * per / native), as convert_time_unit */
    __int128 n = (__int128)time_offset_ns() * per;
    __int128 q = n / NATIVE_PER_SECOND;
    if (n % NATIVE_PER_SECOND != 0 && n < 0)
        q--;
    return bn_from_sword(p, (SWord)q);
}
BIF_DEF("erlang", "time_offset", 1, bif_time_offset_1)

static Term bif_perf_counter_0(Process *p, Term *a) { (void)a; return bn_from_sword(p, clock_ns(CLOCK_MONOTONIC)); }
BIF_DEF("os", "perf_counter", 0, bif_perf_counter_0)

static Term bif_time_unit_0(Process *p, Term *a) { (void)p; (void)a; return make_small(NATIVE_PER_SECOND); }
BIF_DEF("erts_internal", "time_unit", 0, bif_time_unit_0)

static Term bif_perf_counter_unit_0(Process *p, Term *a) { (void)p; (void)a; return make_small(NATIVE_PER_SECOND); }
BIF_DEF("erts_internal", "perf_counter_unit", 0, bif_perf_counter_unit_0)
