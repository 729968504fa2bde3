/* trace.c -- records kept in fixed chunks so appending never moves earlier records. */
#define _DEFAULT_SOURCE /* madvise */
#include "trace.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* 2 MiB chunks: a million-event trace is a few chunks, and chunks after the first ask for
 * huge pages, so filling them costs one page fault per chunk instead of 512. */
#define CHUNK_SHIFT 16
#define CHUNK_RECS ((size_t)1 << CHUNK_SHIFT)

struct ls_trace {
  ls_trace_wp wp;        /* first: trace_add in trace.h reads it */
  ls_trace_rec **chunks; /* each CHUNK_RECS records; all but the last are full */
  size_t nchunks, capchunks;
  char *pool; /* NUL-terminated strings; id 0 is the empty string at offset 0 */
  size_t poollen, poolcap;
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
  for (size_t i = 0; i < tr->nchunks; i++) free(tr->chunks[i]);
  free(tr->chunks);
  free(tr->pool);
  free(tr);
}

/* The current chunk is full (or there is none yet): start the next one. */
int trace_add_slow(ls_trace *tr, const ls_trace_rec *r) {
  if (tr->nchunks == tr->capchunks) {
    size_t cap = tr->capchunks ? tr->capchunks * 2 : 16;
    ls_trace_rec **c = realloc(tr->chunks, cap * sizeof *c);
    if (!c) return LS_ENOMEM;
    tr->chunks = c;
    tr->capchunks = cap;
  }
  ls_trace_rec *chunk = NULL;
  size_t bytes = CHUNK_RECS * sizeof *chunk;
  if (tr->nchunks == 0) { /* most lessons stay in this one: touched page by page */
    chunk = malloc(bytes);
  } else if (posix_memalign((void **)&chunk, bytes, bytes) == 0) {
#ifdef MADV_HUGEPAGE
    madvise(chunk, bytes, MADV_HUGEPAGE);
#endif
  } else {
    chunk = NULL;
  }
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

size_t trace_count(const ls_trace *tr) {
  if (!tr || tr->nchunks == 0) return 0;
  return (tr->nchunks - 1) * CHUNK_RECS + (size_t)(tr->wp.next - tr->chunks[tr->nchunks - 1]);
}

const ls_trace_rec *trace_get(const ls_trace *tr, size_t i) {
  if (!tr || i >= trace_count(tr)) return NULL;
  return &tr->chunks[i >> CHUNK_SHIFT][i & (CHUNK_RECS - 1)];
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

size_t trace_bytes(const ls_trace *tr) {
  return tr->nchunks * CHUNK_RECS * sizeof(ls_trace_rec) + tr->capchunks * sizeof(void *) +
         tr->poolcap + sizeof *tr;
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
