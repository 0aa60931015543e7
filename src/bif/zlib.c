/* zlib.c — the native half of OTP's preloaded `zlib` module: the *_nif
 * functions zlib.erl calls (open/close, deflate/inflate in bounded chunks,
 * dictionaries, the input queue, the stash), as BIFs over the system libz.
 * The stream table and its locking rule are described below. */
#include "bif.h"
#include "zlib_nif.h"
#include "../term/binary.h"
#include "../term/ref.h"
#include "../proc/copy.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <errno.h>

/*
 * A stream is a local reference (what zlib:open/0 returns, as OTP 25's
 * resource is) whose first number carries ZREF_MARK; the reference's
 * counter value is the key of a ZStream in one global table.
 *
 * Locking: the table (and every stream's `owner`) is guarded by tab_lock.
 * A BIF looks its stream up and checks that it runs on the controlling
 * process under the lock, then works on the stream without it: only the
 * controller may change or free a stream (close, set_controlling_process,
 * or zlib_process_exited when it has exited), so no one else touches it
 * meanwhile, and the lock hand-over orders one controller's writes before
 * the next one's reads.
 *
 * Differences from erl, where the stream is a garbage-collected resource:
 * - close/1 frees everything. Afterwards the reference is recognised by
 *   its mark and behaves as erl's closed stream does for its controller
 *   (not_initialized / already_initialized, an empty stash), except that
 *   getBufSize raises not_initialized and the controller is no longer
 *   known (so nobody gets not_on_controlling_process).
 * - A stream that is never closed lives until its controlling process
 *   exits and zlib_process_exited (zlib_nif.h) frees it; until the
 *   scheduler calls that hook, such streams leak.
 * - erl stops a chunk early when the process's time slice runs out (this
 *   only changes how the output of multi-binary input is split into
 *   binaries, never the bytes); girder charges reductions instead.
 */

#define ZREF_MARK 0x80000000u     /* ref_make's first number has 18 bits */
#define INFLATE_DICT_MAX 32768
#define IOVEC_MAX_ELEMENTS 256    /* binaries taken per enqueue call */
#define DEFAULT_CHUNK_BUFSIZE 4000

enum { ZS_NONE, ZS_DEFLATE, ZS_INFLATE };
enum { EOS_ERROR = 0, EOS_RESET = 1, EOS_CUT = 2 };

/* One queued input binary: `len` bytes at `data`, kept alive by a reference
 * on `bin` (a refc binary's data) or owned in `copy`. */
typedef struct {
    const uint8_t *data;
    size_t len;
    Binary *bin;
    uint8_t *copy;
} Segment;

typedef struct {
    Segment *seg;
    size_t head, tail, cap;       /* live segments are seg[head..tail) */
    size_t size;                  /* bytes in the queue */
} InQueue;

typedef struct ZStream {
    struct ZStream *next;         /* hash chain */
    uint64_t id;
    Term owner;                   /* controlling process: guarded by tab_lock */
    z_stream zs;
    int state;
    int eos_behavior;
    bool eos_seen;
    bool raw;                     /* negative window bits: no header/trailer */
    bool want_in_crc, want_out_crc;
    uLong in_crc, out_crc;        /* of the plain text, for zlib:crc32/1 */
    int chunk_bufsize;            /* inflateChunk's output size */
    InQueue q;
    bool has_stash;
    Term stash;                   /* lives in stash_frag */
    HeapFrag *stash_frag;
    OffHeapHeader *stash_oh;
} ZStream;

static pthread_mutex_t tab_lock = PTHREAD_MUTEX_INITIALIZER;
static ZStream **buckets;
static size_t nbuckets;
static _Atomic size_t nstreams;

/* ------------------------------------------------------------ the table */

static size_t bucket_of(uint64_t id)
{
    uint64_t h = id * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 32) & (nbuckets - 1);
}

/* Under tab_lock. */
static void table_grow(void)
{
    size_t n = nbuckets ? nbuckets * 2 : 64;
    ZStream **nb = calloc(n, sizeof *nb);
    if (!nb)
        return;                   /* longer chains, still correct */
    ZStream **old = buckets;
    size_t oldn = nbuckets;
    buckets = nb;
    nbuckets = n;
    for (size_t i = 0; i < oldn; i++)
        for (ZStream *s = old[i], *next; s; s = next) {
            next = s->next;
            size_t b = bucket_of(s->id);
            s->next = buckets[b];
            buckets[b] = s;
        }
    free(old);
}

static void table_insert(ZStream *s)
{
    pthread_mutex_lock(&tab_lock);
    if (atomic_load(&nstreams) + 1 > nbuckets)
        table_grow();
    size_t b = bucket_of(s->id);
    s->next = buckets[b];
    buckets[b] = s;
    atomic_fetch_add(&nstreams, 1);
    pthread_mutex_unlock(&tab_lock);
}

/* Under tab_lock. */
static ZStream *table_find(uint64_t id)
{
    if (!nbuckets)
        return NULL;
    for (ZStream *s = buckets[bucket_of(id)]; s; s = s->next)
        if (s->id == id)
            return s;
    return NULL;
}

/* Under tab_lock. */
static void table_unlink(ZStream *s)
{
    for (ZStream **pp = &buckets[bucket_of(s->id)]; *pp; pp = &(*pp)->next)
        if (*pp == s) {
            *pp = s->next;
            atomic_fetch_sub(&nstreams, 1);
            return;
        }
}

/* ------------------------------------------------------ input and stash */

static void queue_drop_segment(Segment *g)
{
    if (g->bin)
        bin_ref_dec(g->bin);
    free(g->copy);
}

static void queue_clear(InQueue *q)
{
    for (size_t i = q->head; i < q->tail; i++)
        queue_drop_segment(&q->seg[i]);
    q->head = q->tail = 0;
    q->size = 0;
}

static bool queue_push(InQueue *q, Segment g)
{
    if (q->tail == q->cap) {
        if (q->head > 0) {
            memmove(q->seg, q->seg + q->head, (q->tail - q->head) * sizeof(Segment));
            q->tail -= q->head;
            q->head = 0;
        }
        if (q->tail == q->cap) {
            size_t n = q->cap ? q->cap * 2 : 8;
            Segment *ns = realloc(q->seg, n * sizeof *ns);
            if (!ns)
                return false;
            q->seg = ns;
            q->cap = n;
        }
    }
    q->seg[q->tail++] = g;
    q->size += g.len;
    return true;
}

/* Drop the first n bytes of the queue. */
static void queue_consume(InQueue *q, size_t n)
{
    q->size -= n;
    while (n > 0 && q->head < q->tail) {
        Segment *g = &q->seg[q->head];
        if (n < g->len) {
            g->data += n;
            g->len -= n;
            return;
        }
        n -= g->len;
        queue_drop_segment(g);
        q->head++;
    }
    if (q->head == q->tail)
        q->head = q->tail = 0;
}

static void stash_clear(ZStream *s)
{
    if (!s->has_stash)
        return;
    bin_offheap_release_list(s->stash_oh);
    free(s->stash_frag);
    s->stash_frag = NULL;
    s->stash_oh = NULL;
    s->stash = NIL;
    s->has_stash = false;
}

/* erl's "reset input": forget queued input and the stash. */
static void reset_input(ZStream *s)
{
    queue_clear(&s->q);
    stash_clear(s);
}

static void stream_free(ZStream *s)
{
    if (s->state == ZS_DEFLATE)
        deflateEnd(&s->zs);
    else if (s->state == ZS_INFLATE)
        inflateEnd(&s->zs);
    reset_input(s);
    free(s->q.seg);
    free(s);
}

/* --------------------------------------------------------------- lookup */

enum { LK_OK, LK_BADARG, LK_NOT_OWNER, LK_CLOSED };

/* The reference's counter value, if z looks like one of our streams. */
static bool zref_id(Term z, uint64_t *id)
{
    if (!is_internal_ref(z) || boxed_header(z) != REF_HEADER)
        return false;
    Term *r = boxed_val(z);
    uint64_t w1 = r[1], w2 = r[2];
    if (!(w1 & ZREF_MARK))
        return false;
    *id = (w1 & 0x3FFFF) | ((w1 >> 32) << 18) | (w2 << 50);
    return true;
}

static int stream_get(Process *p, Term z, ZStream **out)
{
    uint64_t id;
    *out = NULL;
    if (!zref_id(z, &id))
        return LK_BADARG;
    int r = LK_CLOSED;
    pthread_mutex_lock(&tab_lock);
    ZStream *s = table_find(id);
    if (s) {
        r = s->owner == p->id ? LK_OK : LK_NOT_OWNER;
        *out = s;
    }
    pthread_mutex_unlock(&tab_lock);
    return r;
}

static Term raise_atom(Process *p, Term reason) { return bif_error(p, reason); }

/* zlib's return codes as erl's NIF answers them: some raise, others are
 * returned as atoms. */
static Term zret(Process *p, int code)
{
    switch (code) {
    case Z_OK:            return AM(ok);
    case Z_STREAM_END:    return AM(stream_end);
    case Z_ERRNO:         return make_small(errno);
    case Z_STREAM_ERROR:  return raise_atom(p, AM(stream_error));
    case Z_DATA_ERROR:    return raise_atom(p, AM(data_error));
    case Z_MEM_ERROR:     return AM(mem_error);
    case Z_BUF_ERROR:     return AM(buf_error);
    case Z_VERSION_ERROR: return AM(version_error);
    default:              return AM(unknown_error);
    }
}

/* The common prologue: stream z, for the controller, in one of the states
 * of `states` (bit mask of 1 << ZS_*; 0: any). On failure the BIF's answer
 * is in *fail. `closed_reason` is what a closed stream raises. */
static ZStream *stream_for(Process *p, Term z, unsigned states, Term closed_reason, Term *fail)
{
    ZStream *s;
    switch (stream_get(p, z, &s)) {
    case LK_BADARG:
        *fail = bif_error(p, AM(badarg));
        return NULL;
    case LK_NOT_OWNER:
        *fail = raise_atom(p, AM(not_on_controlling_process));
        return NULL;
    case LK_CLOSED:
        *fail = raise_atom(p, closed_reason);
        return NULL;
    }
    if (states && !(states & (1u << s->state))) {
        *fail = raise_atom(p, AM(not_initialized));
        return NULL;
    }
    return s;
}

#define ST_DEFLATE (1u << ZS_DEFLATE)
#define ST_INFLATE (1u << ZS_INFLATE)

static bool get_int(Term t, int *v)
{
    if (!is_small(t))
        return false;
    SWord i = small_val(t);
    if (i < INT32_MIN || i > INT32_MAX)
        return false;
    *v = (int)i;
    return true;
}

/* enif_make_int of a zlib checksum: erl truncates it to a C int. */
static Term checksum_as_int(uLong v) { return make_small((int32_t)(uint32_t)v); }

/* An iolist's bytes in a malloc'd buffer (NULL and *ok=false if t is not an
 * iolist). */
typedef struct { uint8_t *buf; size_t pos; } Flat;
static void flat_piece(void *ctx, const uint8_t *base, size_t off, size_t bits)
{
    Flat *f = ctx;
    bin_copy_bits(f->buf, f->pos * 8, base, off, bits);
    f->pos += bits / 8;
}
static uint8_t *iolist_flatten(Term t, size_t *len, bool *ok)
{
    size_t bits;
    *ok = bin_iolist_bits(t, false, &bits);
    if (!*ok)
        return NULL;
    Flat f = { malloc(bits / 8 + 1), 0 };
    if (!f.buf) {
        *ok = false;
        return NULL;
    }
    bin_iolist_walk(t, false, flat_piece, &f);
    *len = bits / 8;
    return f.buf;
}

/* ------------------------------------------------------------ open etc. */

static Term bif_open_nif_0(Process *p, Term *a)
{
    (void)a;
    ZStream *s = calloc(1, sizeof *s);
    if (!s)
        BIF_SYSLIMIT(p);
    Term ref = ref_make(p);
    boxed_val(ref)[1] |= ZREF_MARK;
    zref_id(ref, &s->id);
    s->owner = p->id;
    s->zs.data_type = Z_BINARY;
    s->state = ZS_NONE;
    s->eos_behavior = EOS_CUT;
    s->in_crc = s->out_crc = crc32(0L, Z_NULL, 0);
    s->chunk_bufsize = DEFAULT_CHUNK_BUFSIZE;
    s->stash = NIL;
    table_insert(s);
    return ref;
}
BIF_DEF("zlib", "open_nif", 0, bif_open_nif_0)

static Term bif_close_nif_1(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], 0, AM(not_initialized), &fail);
    if (!s)
        return fail;
    pthread_mutex_lock(&tab_lock);
    table_unlink(s);
    pthread_mutex_unlock(&tab_lock);
    stream_free(s);
    return AM(ok);
}
BIF_DEF("zlib", "close_nif", 1, bif_close_nif_1)

static Term bif_set_controller_nif_2(Process *p, Term *a)
{
    ZStream *s;
    if (!is_internal_pid(a[1]))
        BIF_BADARG(p);
    switch (stream_get(p, a[0], &s)) {
    case LK_BADARG:    BIF_BADARG(p);
    case LK_NOT_OWNER: return raise_atom(p, AM(not_on_controlling_process));
    case LK_CLOSED:    return AM(ok);     /* nothing left to control */
    }
    pthread_mutex_lock(&tab_lock);
    s->owner = a[1];
    pthread_mutex_unlock(&tab_lock);
    return AM(ok);
}
BIF_DEF("zlib", "set_controller_nif", 2, bif_set_controller_nif_2)

void zlib_process_exited(Process *p)
{
    if (atomic_load(&nstreams) == 0)
        return;
    ZStream *dead = NULL;
    pthread_mutex_lock(&tab_lock);
    for (size_t i = 0; i < nbuckets; i++)
        for (ZStream **pp = &buckets[i]; *pp;) {
            ZStream *s = *pp;
            if (s->owner == p->id) {
                *pp = s->next;
                atomic_fetch_sub(&nstreams, 1);
                s->next = dead;
                dead = s;
            } else {
                pp = &s->next;
            }
        }
    pthread_mutex_unlock(&tab_lock);
    while (dead) {
        ZStream *n = dead->next;
        stream_free(dead);
        dead = n;
    }
}

/* --------------------------------------------------------------- stash */

static Term bif_getStash_nif_1(Process *p, Term *a)
{
    ZStream *s;
    switch (stream_get(p, a[0], &s)) {
    case LK_BADARG:    BIF_BADARG(p);
    case LK_NOT_OWNER: return raise_atom(p, AM(not_on_controlling_process));
    case LK_CLOSED:    return AM(empty);
    }
    if (!s->has_stash)
        return AM(empty);
    Term *hp = proc_alloc(p, copy_size(s->stash));
    Term t = copy_term(s->stash, hp, &p->off_heap);
    return bif_tuple2(p, AM(ok), t);
}
BIF_DEF("zlib", "getStash_nif", 1, bif_getStash_nif_1)

static Term bif_clearStash_nif_1(Process *p, Term *a)
{
    ZStream *s;
    switch (stream_get(p, a[0], &s)) {
    case LK_BADARG:    BIF_BADARG(p);
    case LK_NOT_OWNER: return raise_atom(p, AM(not_on_controlling_process));
    case LK_CLOSED:    return raise_atom(p, AM(error));
    }
    if (!s->has_stash)
        return raise_atom(p, AM(error));
    stash_clear(s);
    return AM(ok);
}
BIF_DEF("zlib", "clearStash_nif", 1, bif_clearStash_nif_1)

static Term bif_setStash_nif_2(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], 0, AM(not_initialized), &fail);
    if (!s)
        return fail;
    if (s->has_stash)
        return raise_atom(p, AM(error));
    s->stash_oh = NULL;
    s->stash = copy_to_frag(a[1], &s->stash_frag, &s->stash_oh);
    s->has_stash = true;
    return AM(ok);
}
BIF_DEF("zlib", "setStash_nif", 2, bif_setStash_nif_2)

/* ---------------------------------------------------------- buffer size */

static Term bif_getBufSize_nif_1(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], 0, AM(not_initialized), &fail);
    if (!s)
        return fail;
    return make_small(s->chunk_bufsize);
}
BIF_DEF("zlib", "getBufSize_nif", 1, bif_getBufSize_nif_1)

static Term bif_setBufSize_nif_2(Process *p, Term *a)
{
    ZStream *s;
    int size;
    switch (stream_get(p, a[0], &s)) {
    case LK_BADARG:    BIF_BADARG(p);
    case LK_NOT_OWNER: return raise_atom(p, AM(not_on_controlling_process));
    case LK_CLOSED:
        if (!get_int(a[1], &size))
            BIF_BADARG(p);
        return AM(ok);
    }
    if (!get_int(a[1], &size))
        BIF_BADARG(p);
    s->chunk_bufsize = size;
    return AM(ok);
}
BIF_DEF("zlib", "setBufSize_nif", 2, bif_setBufSize_nif_2)

/* --------------------------------------------------------------- input */

/* enqueue_nif(Z, IOVec): queue up to IOVEC_MAX_ELEMENTS binaries of the
 * list; {continue, Tail} when more are left. */
static Term bif_enqueue_nif_2(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_DEFLATE | ST_INFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    /* check the slice first: nothing is queued from a bad one */
    Term t = a[1];
    size_t n = 0;
    for (; is_list(t) && n < IOVEC_MAX_ELEMENTS; t = CDR(list_val(t)), n++)
        if (!bin_is_binary(CAR(list_val(t))))
            BIF_BADARG(p);
    if (!is_list(t) && !is_nil(t))
        BIF_BADARG(p);
    Term l = a[1];
    for (size_t i = 0; i < n; i++, l = CDR(list_val(l))) {
        Term b = CAR(list_val(l));
        size_t len;
        uint8_t *tmp;
        const uint8_t *bytes = bin_bytes(b, &len, &tmp);
        if (len == 0) {
            free(tmp);
            continue;
        }
        Segment g = { bytes, len, NULL, tmp };
        if (!tmp) {
            Term orig = bin_orig_of(b);
            if (is_refc_bin(orig)) {
                g.bin = refc_binary_of(orig);
                bin_ref_inc(g.bin);
            } else {
                g.copy = malloc(len);
                if (!g.copy)
                    BIF_SYSLIMIT(p);
                memcpy(g.copy, bytes, len);
                g.data = g.copy;
            }
        }
        if (!queue_push(&s->q, g)) {
            queue_drop_segment(&g);
            BIF_SYSLIMIT(p);
        }
    }
    if (!is_nil(t))
        return bif_tuple2(p, AM(continue), t);
    return AM(ok);
}
BIF_DEF("zlib", "enqueue_nif", 2, bif_enqueue_nif_2)

/* ---------------------------------------------------------- the codec */

typedef int (*CodecFn)(z_streamp, int);

/* Feed queued input (about in_limit bytes, binary by binary, without
 * flushing) into out[0..out_size); once all input is in and there is room,
 * run the codec once more with `flush`. Returns the last zlib code. */
static int run_codec(Process *p, ZStream *s, CodecFn codec, size_t in_limit, uint8_t *out,
                     size_t out_size, int flush, size_t *produced, size_t *consumed)
{
    InQueue *q = &s->q;
    int res = Z_OK;
    *consumed = 0;
    s->zs.next_out = out;
    s->zs.avail_out = (uInt)out_size;
    for (size_t i = q->head; res == Z_OK && i < q->tail && *consumed < in_limit; i++) {
        Segment *g = &q->seg[i];
        size_t block = g->len < in_limit ? g->len : in_limit;
        s->zs.next_in = (Bytef *)g->data;
        s->zs.avail_in = (uInt)block;
        res = codec(&s->zs, Z_NO_FLUSH);
        size_t used = block - s->zs.avail_in;
        *consumed += used;
        if (s->want_in_crc)
            s->in_crc = crc32(s->in_crc, g->data, (uInt)used);
    }
    queue_consume(q, *consumed);
    if (res == Z_OK && q->size == 0 && s->zs.avail_out > 0) {
        /* all input is in: flush (a no-op when there is nothing left) */
        s->zs.next_in = NULL;
        s->zs.avail_in = 0;
        res = codec(&s->zs, flush);
    }
    *produced = out_size - s->zs.avail_out;
    bin_bump_reds(p, *consumed + *produced);
    return res;
}

/* One bounded step: {continue | finished, Output} or {need_dictionary,
 * Adler, Output}, where Output is [] or [Binary]. */
static Term codec_step(Process *p, ZStream *s, CodecFn codec, int in_limit, int out_size, int flush)
{
    if (in_limit < 0 || out_size < 0)
        BIF_BADARG(p);
    Binary *buf = bin_binary_try_alloc((size_t)out_size);
    if (!buf)
        return zret(p, Z_MEM_ERROR);
    size_t produced, consumed;
    int res = run_codec(p, s, codec, (size_t)in_limit, buf->bytes, (size_t)out_size, flush,
                        &produced, &consumed);
    if (res < 0 && res != Z_BUF_ERROR) {
        bin_ref_dec(buf);
        return zret(p, res);
    }
    if (res == Z_STREAM_END)
        s->eos_seen = true;
    if (s->want_out_crc)
        s->out_crc = crc32(s->out_crc, buf->bytes, (uInt)produced);
    size_t remaining = s->q.size;
    if (consumed == 0 && produced == 0 && remaining != 0) {
        /* no progress at all: erl calls that bad data */
        bin_ref_dec(buf);
        return raise_atom(p, AM(data_error));
    }
    Term out = NIL;
    if (produced > 0) {
        Term bin;
        if (produced <= BIN_HEAP_LIMIT) {
            bin = bin_new(p, buf->bytes, produced);
            bin_ref_dec(buf);
        } else {
            Binary *nb = produced < (size_t)out_size ? bin_binary_realloc(buf, produced) : buf;
            bin = bin_from_binary(p, nb ? nb : buf, produced);
        }
        Term *hp = proc_alloc(p, CONS_WORDS);
        out = make_cons_at(hp, bin, NIL);
    } else {
        bin_ref_dec(buf);
    }
    if (remaining == 0 && produced < (size_t)out_size)
        return bif_tuple2(p, AM(finished), out);
    if (res != Z_NEED_DICT)
        return bif_tuple2(p, AM(continue), out);
    return bif_tuple3(p, AM(need_dictionary), checksum_as_int(s->zs.adler), out);
}

/* ------------------------------------------------------------- deflate */

static Term bif_deflateInit_nif_6(Process *p, Term *a)
{
    int v[5];
    for (int i = 0; i < 5; i++)
        if (!get_int(a[i + 1], &v[i]))
            BIF_BADARG(p);
    Term fail;
    ZStream *s = stream_for(p, a[0], 0, AM(already_initialized), &fail);
    if (!s)
        return fail;
    if (s->state != ZS_NONE)
        return raise_atom(p, AM(already_initialized));
    int res = deflateInit2(&s->zs, v[0], v[1], v[2], v[3], v[4]);
    if (res == Z_OK) {
        s->state = ZS_DEFLATE;
        s->eos_seen = false;
        s->raw = v[2] < 0;
        s->want_out_crc = false;
        s->want_in_crc = s->raw;
        s->in_crc = s->out_crc = crc32(0L, Z_NULL, 0);
    }
    return zret(p, res);
}
BIF_DEF("zlib", "deflateInit_nif", 6, bif_deflateInit_nif_6)

static Term bif_deflateSetDictionary_nif_2(Process *p, Term *a)
{
    bool ok;
    size_t len = 0;
    if (!zref_id(a[0], &(uint64_t){0}))
        BIF_BADARG(p);
    uint8_t *dict = iolist_flatten(a[1], &len, &ok);
    if (!ok)
        BIF_BADARG(p);
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_DEFLATE, AM(not_initialized), &fail);
    if (!s) {
        free(dict);
        return fail;
    }
    int res = deflateSetDictionary(&s->zs, dict, (uInt)len);
    Term r;
    if (res == Z_OK)
        /* erl seeds the raw checksum with 0, not adler32's initial 1 */
        r = checksum_as_int(s->raw ? adler32(0L, dict, (uInt)len) : s->zs.adler);
    else
        r = zret(p, res);
    free(dict);
    return r;
}
BIF_DEF("zlib", "deflateSetDictionary_nif", 2, bif_deflateSetDictionary_nif_2)

static Term bif_deflateReset_nif_1(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_DEFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    int res = deflateReset(&s->zs);
    s->in_crc = crc32(0L, Z_NULL, 0);
    s->eos_seen = false;
    reset_input(s);
    return zret(p, res);
}
BIF_DEF("zlib", "deflateReset_nif", 1, bif_deflateReset_nif_1)

static Term bif_deflateEnd_nif_1(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_DEFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    int res = deflateEnd(&s->zs);
    if (res == Z_OK && s->q.size > 0)
        res = Z_DATA_ERROR;
    reset_input(s);
    s->state = ZS_NONE;
    return zret(p, res);
}
BIF_DEF("zlib", "deflateEnd_nif", 1, bif_deflateEnd_nif_1)

static Term bif_deflateParams_nif_3(Process *p, Term *a)
{
    int level, strategy;
    if (!zref_id(a[0], &(uint64_t){0}) || !get_int(a[1], &level) || !get_int(a[2], &strategy))
        BIF_BADARG(p);
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_DEFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    /* zlib.erl flushed (sync) just before, so nothing should be pending;
     * a one-byte buffer tells if deflateParams still had output */
    Bytef probe;
    s->zs.next_out = &probe;
    s->zs.avail_out = 1;
    int res = deflateParams(&s->zs, level, strategy);
    if (s->zs.avail_out == 0)
        return zret(p, Z_STREAM_ERROR);
    return zret(p, res);
}
BIF_DEF("zlib", "deflateParams_nif", 3, bif_deflateParams_nif_3)

static Term bif_deflate_nif_4(Process *p, Term *a)
{
    int in_limit, out_size, flush;
    if (!zref_id(a[0], &(uint64_t){0}) || !get_int(a[1], &in_limit) || !get_int(a[2], &out_size) ||
        !get_int(a[3], &flush))
        BIF_BADARG(p);
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_DEFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    return codec_step(p, s, deflate, in_limit, out_size, flush);
}
BIF_DEF("zlib", "deflate_nif", 4, bif_deflate_nif_4)

/* ------------------------------------------------------------- inflate */

static Term bif_inflateInit_nif_3(Process *p, Term *a)
{
    int wbits, eos;
    if (!zref_id(a[0], &(uint64_t){0}) || !get_int(a[1], &wbits) || !get_int(a[2], &eos))
        BIF_BADARG(p);
    Term fail;
    ZStream *s = stream_for(p, a[0], 0, AM(already_initialized), &fail);
    if (!s)
        return fail;
    if (s->state != ZS_NONE)
        return raise_atom(p, AM(already_initialized));
    int res = inflateInit2(&s->zs, wbits);
    if (res == Z_OK) {
        s->state = ZS_INFLATE;
        s->eos_behavior = eos;
        s->eos_seen = false;
        s->raw = wbits < 0;
        s->want_out_crc = s->raw;
        s->want_in_crc = false;
        s->in_crc = s->out_crc = crc32(0L, Z_NULL, 0);
    }
    return zret(p, res);
}
BIF_DEF("zlib", "inflateInit_nif", 3, bif_inflateInit_nif_3)

static Term bif_inflateSetDictionary_nif_2(Process *p, Term *a)
{
    bool ok;
    size_t len = 0;
    if (!zref_id(a[0], &(uint64_t){0}))
        BIF_BADARG(p);
    uint8_t *dict = iolist_flatten(a[1], &len, &ok);
    if (!ok)
        BIF_BADARG(p);
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_INFLATE, AM(not_initialized), &fail);
    if (!s) {
        free(dict);
        return fail;
    }
    int res = inflateSetDictionary(&s->zs, dict, (uInt)len);
    free(dict);
    return zret(p, res);
}
BIF_DEF("zlib", "inflateSetDictionary_nif", 2, bif_inflateSetDictionary_nif_2)

static Term bif_inflateGetDictionary_nif_1(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_INFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    uint8_t *dict = malloc(INFLATE_DICT_MAX);
    if (!dict)
        return zret(p, Z_MEM_ERROR);
    uInt len = 0;
    int res = inflateGetDictionary(&s->zs, dict, &len);
    Term r = res < 0 ? zret(p, res) : bin_new(p, dict, len);
    free(dict);
    return r;
}
BIF_DEF("zlib", "inflateGetDictionary_nif", 1, bif_inflateGetDictionary_nif_1)

static Term bif_inflateReset_nif_1(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_INFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    int res = inflateReset(&s->zs);
    s->out_crc = crc32(0L, Z_NULL, 0);
    s->eos_seen = false;
    reset_input(s);
    return zret(p, res);
}
BIF_DEF("zlib", "inflateReset_nif", 1, bif_inflateReset_nif_1)

static Term bif_inflateEnd_nif_1(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_INFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    int res = inflateEnd(&s->zs);
    if (res == Z_OK && (!s->eos_seen || s->q.size > 0))
        res = Z_DATA_ERROR;       /* the stream was cut short, or more followed */
    reset_input(s);
    s->state = ZS_NONE;
    return zret(p, res);
}
BIF_DEF("zlib", "inflateEnd_nif", 1, bif_inflateEnd_nif_1)

static Term bif_inflate_nif_4(Process *p, Term *a)
{
    int in_limit, out_size, flush;
    if (!zref_id(a[0], &(uint64_t){0}) || !get_int(a[1], &in_limit) || !get_int(a[2], &out_size) ||
        !get_int(a[3], &flush))
        BIF_BADARG(p);
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_INFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    if (s->eos_seen && s->q.size > 0) {
        /* input after the end of the stream */
        switch (s->eos_behavior) {
        case EOS_ERROR:
            return zret(p, Z_DATA_ERROR);
        case EOS_RESET: {
            int res = inflateReset(&s->zs);
            if (res != Z_OK)
                return zret(p, res);
            s->eos_seen = false;
            break;
        }
        case EOS_CUT:
            reset_input(s);
            break;
        }
    }
    return codec_step(p, s, inflate, in_limit, out_size, flush);
}
BIF_DEF("zlib", "inflate_nif", 4, bif_inflate_nif_4)

/* crc32_nif(Z): the running CRC of the plain text (raw streams only; 0
 * otherwise, as erl). */
static Term bif_crc32_nif_1(Process *p, Term *a)
{
    Term fail;
    ZStream *s = stream_for(p, a[0], ST_DEFLATE | ST_INFLATE, AM(not_initialized), &fail);
    if (!s)
        return fail;
    return make_small(s->state == ZS_DEFLATE ? s->in_crc : s->out_crc);
}
BIF_DEF("zlib", "crc32_nif", 1, bif_crc32_nif_1)
