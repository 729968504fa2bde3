/* trace.c -- records kept in fixed chunks so appending never moves earlier records. */
#define _DEFAULT_SOURCE /* madvise */
#include "trace.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* 2 MiB chunks: a million-event trace is a few chunks, and chunks after the first ask for
 * huge pages, so filling them costs one page fault per chunk instead of 512. */
#define CHUNK_SHIFT 16
#define CHUNK_RECS ((size_t)1 << CHUNK_SHIFT)
#define CHUNK_BYTES (CHUNK_RECS * sizeof(ls_trace_rec))
/* Populated chunks the helper keeps ready: two ride out a slow huge-page allocation. */
#define SPARES 2

/* A big trace's helper thread: it allocates and faults in the next chunks, so the loop's
 * thread never stalls on fresh memory. Started by the second chunk, so small traces run
 * without it. */
typedef struct chunk_helper {
  pthread_t thread;
  pthread_mutex_t mu; /* guards the fields below */
  pthread_cond_t cv;  /* the helper waits here for work or stop */
  ls_trace_rec *spare[SPARES];
  int nspare;
  int stop;   /* trace_free is waiting for the thread to end */
  int failed; /* out of memory: idle until the next chunk is taken */
} chunk_helper;

struct ls_trace {
  ls_trace_wp wp;        /* first: trace_add in trace.h reads it */
  ls_trace_rec **chunks; /* each CHUNK_RECS records; all but the last are full */
  size_t nchunks, capchunks;
  char *pool; /* NUL-terminated strings; id 0 is the empty string at offset 0 */
  size_t poollen, poolcap;
  chunk_helper *helper; /* NULL until the second chunk, or if the thread could not start */
  int helper_tried;     /* start it once: a failed start is not retried every chunk */
  /* What readers see once a yield step was folded: the records unfolded, made on demand */
  ls_trace_rec **xchunks;
  size_t nxchunks, capxchunks, xcount;
  size_t xdone; /* stored records unfolded so far */
};

_Static_assert(sizeof(ls_trace_rec) <= 32, "a trace record must stay within 32 bytes");

const char *ls_strerror(int code) {
  switch (code) {
  case LS_OK:
    return "ok";
#define LS_ERR_CASE(name, msg)                                                                 \
  case LS_##name:                                                                              \
    return msg;
    LS_ERRORS(LS_ERR_CASE)
#undef LS_ERR_CASE
  default:
    return "unknown error";
  }
}

/* A 2 MiB-aligned chunk asking for huge pages: memory for the big traces only. */
static ls_trace_rec *chunk_big(void) {
  void *p = NULL;
  if (posix_memalign(&p, CHUNK_BYTES, CHUNK_BYTES) != 0) return NULL;
#ifdef MADV_HUGEPAGE
  madvise(p, CHUNK_BYTES, MADV_HUGEPAGE);
#endif
  return p;
}

/* Faults every page in now, so the loop's writes later find them mapped and zeroed. */
static void chunk_populate(ls_trace_rec *c) {
#ifdef MADV_POPULATE_WRITE
  if (madvise(c, CHUNK_BYTES, MADV_POPULATE_WRITE) == 0) return;
#endif
  volatile char *b = (volatile char *)c; /* older kernels (EINVAL): one write per page */
  for (size_t off = 0; off < CHUNK_BYTES; off += 4096) b[off] = 0;
}

/* The helper thread: refills the spares while there is room, sleeps otherwise. */
static void *helper_main(void *arg) {
  chunk_helper *h = arg;
  pthread_mutex_lock(&h->mu);
  for (;;) {
    while (!h->stop && (h->nspare == SPARES || h->failed)) pthread_cond_wait(&h->cv, &h->mu);
    if (h->stop) break;
    pthread_mutex_unlock(&h->mu); /* the slow part runs unlocked: the loop never waits on it */
    ls_trace_rec *c = chunk_big();
    if (c) chunk_populate(c);
    pthread_mutex_lock(&h->mu);
    if (c)
      h->spare[h->nspare++] = c;
    else
      h->failed = 1;
  }
  pthread_mutex_unlock(&h->mu);
  return NULL;
}

/* Starts the helper; NULL if it cannot, and the trace then allocates every chunk itself. */
static chunk_helper *helper_start(void) {
  chunk_helper *h = calloc(1, sizeof *h);
  if (!h) return NULL;
  if (pthread_mutex_init(&h->mu, NULL) != 0) goto fail_mu;
  if (pthread_cond_init(&h->cv, NULL) != 0) goto fail_cv;
  if (pthread_create(&h->thread, NULL, helper_main, h) != 0) goto fail_thread;
  return h;
fail_thread:
  pthread_cond_destroy(&h->cv);
fail_cv:
  pthread_mutex_destroy(&h->mu);
fail_mu:
  free(h);
  return NULL;
}

/* Ends the thread and frees the chunks it had ready but nobody took. */
static void helper_stop(chunk_helper *h) {
  if (!h) return;
  pthread_mutex_lock(&h->mu);
  h->stop = 1;
  pthread_cond_signal(&h->cv);
  pthread_mutex_unlock(&h->mu);
  pthread_join(h->thread, NULL);
  for (int i = 0; i < h->nspare; i++) free(h->spare[i]);
  pthread_cond_destroy(&h->cv);
  pthread_mutex_destroy(&h->mu);
  free(h);
}

/* A ready spare (NULL if none yet: no waiting), and a nudge to prepare the next. */
static ls_trace_rec *helper_take(chunk_helper *h) {
  pthread_mutex_lock(&h->mu);
  ls_trace_rec *c = h->nspare ? h->spare[--h->nspare] : NULL;
  h->failed = 0; /* memory may have come back since the last failure */
  pthread_cond_signal(&h->cv);
  pthread_mutex_unlock(&h->mu);
  return c;
}

/* The next chunk: malloc for the first (most lessons stay in it, touched page by page);
 * after that a spare from the helper, or a big chunk allocated here if none is ready. */
static ls_trace_rec *chunk_next(ls_trace *tr) {
  if (tr->nchunks == 0) return malloc(CHUNK_BYTES);
  if (!tr->helper_tried) {
    tr->helper_tried = 1;
    tr->helper = helper_start();
  }
  ls_trace_rec *c = tr->helper ? helper_take(tr->helper) : NULL;
  return c ? c : chunk_big();
}

ls_trace *trace_new(void) {
  ls_trace *tr = calloc(1, sizeof *tr);
  if (!tr) return NULL;
  tr->pool = malloc(256);
  if (!tr->pool) goto fail;
  tr->pool[0] = '\0';
  tr->poollen = 1;
  tr->poolcap = 256;
  return tr;
fail:
  free(tr);
  return NULL;
}

void trace_free(ls_trace *tr) {
  if (!tr) return;
  helper_stop(tr->helper);
  for (size_t i = 0; i < tr->nchunks; i++) free(tr->chunks[i]);
  free(tr->chunks);
  for (size_t i = 0; i < tr->nxchunks; i++) free(tr->xchunks[i]);
  free(tr->xchunks);
  free(tr->pool);
  free(tr);
}

/* The current chunk is full (or there is none yet): start the next one. */
int trace_add_slow(ls_trace *tr, const ls_trace_rec *r) {
  if (ls_grow((void **)&tr->chunks, &tr->capchunks, tr->nchunks + 1, sizeof *tr->chunks))
    return LS_ENOMEM;
  ls_trace_rec *chunk = chunk_next(tr);
  if (!chunk) return LS_ENOMEM;
  tr->chunks[tr->nchunks++] = chunk;
  chunk[0] = *r;
  tr->wp.next = chunk + 1;
  tr->wp.end = chunk + CHUNK_RECS;
  return LS_OK;
}

int64_t trace_intern(ls_trace *tr, const char *s, size_t len) {
  if (len == 0) return 0;
  if (tr->poollen + len + 1 > tr->poolcap) {
    size_t cap = tr->poolcap;
    while (tr->poollen + len + 1 > cap) cap *= 2;
    char *p = realloc(tr->pool, cap);
    if (!p) return 0;
    tr->pool = p;
    tr->poolcap = cap;
  }
  int64_t id = (int64_t)tr->poollen;
  memcpy(tr->pool + tr->poollen, s, len);
  tr->pool[tr->poollen + len] = '\0';
  tr->poollen += len + 1;
  return id;
}

/* Records as stored (folded ones count one). */
static size_t stored_count(const ls_trace *tr) {
  if (tr->nchunks == 0) return 0;
  return (tr->nchunks - 1) * CHUNK_RECS + (size_t)(tr->wp.next - tr->chunks[tr->nchunks - 1]);
}

static const ls_trace_rec *stored(const ls_trace *tr, size_t i) {
  return &tr->chunks[i >> CHUNK_SHIFT][i & (CHUNK_RECS - 1)];
}

static int xpush(ls_trace *tr, ls_trace_rec r) {
  if ((tr->xcount & (CHUNK_RECS - 1)) == 0 && (tr->xcount >> CHUNK_SHIFT) == tr->nxchunks) {
    if (ls_grow((void **)&tr->xchunks, &tr->capxchunks, tr->nxchunks + 1, sizeof *tr->xchunks))
      return LS_ENOMEM;
    ls_trace_rec *chunk = malloc(CHUNK_BYTES);
    if (!chunk) return LS_ENOMEM;
    tr->xchunks[tr->nxchunks++] = chunk;
  }
  tr->xchunks[tr->xcount >> CHUNK_SHIFT][tr->xcount & (CHUNK_RECS - 1)] = r;
  tr->xcount++;
  return LS_OK;
}

/* Unfolds what was stored since the last read (out of memory: the rest waits). */
static void unfold(ls_trace *tr) {
  size_t n = stored_count(tr);
  for (; tr->xdone < n; tr->xdone++) {
    ls_trace_rec r = *stored(tr, tr->xdone);
    size_t at = tr->xcount;
    if (r.kind != LS_TRACE_FOLDED) {
      if (xpush(tr, r)) return;
      continue;
    }
    ls_trace_rec step = {r.t, LS_EV_STEP, r.sub, 0, r.task, 0, r.line, 0};
    ls_trace_rec susp = {r.arg, LS_EV_SUSPEND, LS_WAIT_READY, 0, r.task, 0, (int32_t)r.obj, 0};
    ls_trace_rec sched = {r.arg, LS_EV_SCHED, LS_H_STEP, 0, r.task, 0, 0, 0};
    if (xpush(tr, step) || xpush(tr, susp) || xpush(tr, sched)) {
      tr->xcount = at; /* all three or none */
      return;
    }
  }
}

void trace_set_fold(ls_trace *tr, int on) {
  tr->wp.nofold = !on;
}

size_t trace_count(const ls_trace *tr) {
  if (!tr) return 0;
  ls_trace *w = (ls_trace *)tr; /* logically const: what a reader saw never changes */
  w->wp.seen = w->wp.next;     /* so the last record, seen now, is never folded later */
  if (!tr->wp.folded) return stored_count(tr);
  unfold(w);
  return tr->xcount;
}

const ls_trace_rec *trace_get(const ls_trace *tr, size_t i) {
  if (!tr || i >= trace_count(tr)) return NULL;
  if (!tr->wp.folded) return stored(tr, i);
  return &tr->xchunks[i >> CHUNK_SHIFT][i & (CHUNK_RECS - 1)];
}

const char *trace_str(const ls_trace *tr, int64_t id) {
  if (!tr || id <= 0 || (size_t)id >= tr->poollen) return "";
  return tr->pool + id;
}

const char *trace_kind_name(int kind) {
  static const char *const names[] = {
#define LS_EV_NAME(name, str) str,
      LS_EVENT_KINDS(LS_EV_NAME)
#undef LS_EV_NAME
  };
  if (kind < 0 || kind >= LS_EV__COUNT) return "?";
  return names[kind];
}

/* Counts the helper's ready spares too: they are this trace's memory, filled or not. */
static size_t helper_bytes(chunk_helper *h) {
  if (!h) return 0;
  pthread_mutex_lock(&h->mu);
  size_t n = (size_t)h->nspare;
  pthread_mutex_unlock(&h->mu);
  return n * CHUNK_BYTES + sizeof *h;
}

size_t trace_bytes(const ls_trace *tr) {
  return (tr->nchunks + tr->nxchunks) * CHUNK_BYTES +
         (tr->capchunks + tr->capxchunks) * sizeof(void *) + tr->poolcap + sizeof *tr +
         helper_bytes(tr->helper);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
  return h;
}

uint64_t trace_hash(const ls_trace *tr) {
  uint64_t h = 1469598103934665603ull;
  size_t n = trace_count(tr);
  for (size_t i = 0; i < n; i++) h = fnv(h, trace_get(tr, i), sizeof(ls_trace_rec));
  return fnv(h, tr->pool, tr->poollen);
}
