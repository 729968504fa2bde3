/* test_trace_big.c -- traces past their first chunk: the helper thread that prepares chunks
 * must hand over each one once, keep records intact, and exist only while it is needed. */
#define _DEFAULT_SOURCE /* usleep */
#include <stdio.h>
#include <unistd.h>

#include "test.h"

/* trace.c's chunk size, in records: the sizes below straddle chunk edges on purpose. */
#define CHUNK 65536
#define BIG (5 * CHUNK + 17)

/* Record i of trace `salt`: every field depends on both, so a record written to the wrong
 * slot, chunk or trace, or a chunk handed out twice, cannot pass for the right one. */
static ls_trace_rec big_rec(size_t i, int64_t salt) {
  return (ls_trace_rec){.t = (ls_time)i * 3 + salt,
                        .kind = (uint8_t)(i % LS_EV__COUNT),
                        .sub = (uint8_t)(i >> 8),
                        .task = (ls_id)(i * 7 + 1),
                        .obj = (ls_id)~i,
                        .line = (int32_t)(i ^ 0x5555),
                        .arg = (int64_t)i * 1000003 + salt};
}

static void fill(ls_trace *tr, size_t from, size_t to, int64_t salt) {
  for (size_t i = from; i < to; i++) {
    ls_trace_rec r = big_rec(i, salt);
    ASSERT_EQ(trace_add(tr, &r), 0);
  }
}

static void check(const ls_trace *tr, size_t n, int64_t salt) {
  ASSERT_EQ(trace_count(tr), n);
  for (size_t i = 0; i < n; i++) {
    ls_trace_rec want = big_rec(i, salt);
    const ls_trace_rec *got = trace_get(tr, i);
    ASSERT(got != NULL);
    if (memcmp(got, &want, sizeof want) != 0)
      test_fail(__FILE__, __LINE__, "record %zu of trace %lld differs (t %lld, arg %lld)", i,
                (long long)salt, (long long)got->t, (long long)got->arg);
  }
  ASSERT(trace_get(tr, n) == NULL);
}

TEST(trace_big_roundtrip) {
  ls_trace *tr = trace_new();
  ASSERT(tr != NULL);
  fill(tr, 0, BIG, 1);
  check(tr, BIG, 1);
  ASSERT_GE(trace_bytes(tr), 6 * (size_t)CHUNK * sizeof(ls_trace_rec));
  trace_free(tr);
}

/* Two big traces alive at once, appended in turns: each has its own helper and chunks. */
TEST(trace_big_two_interleaved) {
  ls_trace *a = trace_new(), *b = trace_new();
  ASSERT(a != NULL && b != NULL);
  for (size_t at = 0; at < BIG; at += 1000) {
    size_t to = at + 1000 < BIG ? at + 1000 : BIG;
    fill(a, at, to, 11);
    fill(b, at, to, 22);
  }
  check(a, BIG, 11);
  check(b, BIG, 22);
  trace_free(a);
  check(b, BIG, 22); /* freeing one trace leaves the other whole */
  trace_free(b);
}

TEST(trace_big_hash_equal) {
  ls_trace *a = trace_new(), *b = trace_new();
  fill(a, 0, BIG, 5);
  ASSERT_EQ(trace_intern(a, "tail", 4), trace_intern(b, "tail", 4));
  fill(b, 0, BIG, 5);
  ASSERT_U64_EQ(trace_hash(a), trace_hash(b));
  ls_trace_rec r = big_rec(BIG, 5);
  ASSERT_EQ(trace_add(a, &r), 0);
  ASSERT(trace_hash(a) != trace_hash(b));
  trace_free(a);
  trace_free(b);
}

/* This process's thread count, from /proc/self/stat (field 20). */
static int threads_now(void) {
  FILE *f = fopen("/proc/self/stat", "r");
  ASSERT(f != NULL);
  char buf[1024];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  const char *p = strrchr(buf, ')'); /* the command name may hold spaces */
  ASSERT(p != NULL);
  int field = 2, count = 0;
  for (; *p && field < 20; p++)
    if (*p == ' ') field++;
  ASSERT_EQ(sscanf(p, "%d", &count), 1);
  return count;
}

/* A joined thread may linger in /proc for a moment after pthread_join returns. */
static int threads_settled(int want) {
  int n = threads_now();
  for (int i = 0; i < 200 && n != want; i++) {
    usleep(5000);
    n = threads_now();
  }
  return n;
}

/* One full chunk starts no thread; the first record past it does; trace_free ends it.
 * Counts are relative: a sanitizer may start a thread of its own with the first one. */
TEST(trace_big_helper_lifetime) {
  int base = threads_now();
  ls_trace *tr = trace_new();
  fill(tr, 0, CHUNK, 3);
  ASSERT_EQ(threads_now(), base);
  fill(tr, CHUNK, CHUNK + 1, 3);
  int with = threads_now();
  ASSERT_GT(with, base);
  fill(tr, CHUNK + 1, 3 * CHUNK, 3);
  ASSERT_EQ(threads_now(), with); /* one helper however many chunks */
  check(tr, 3 * CHUNK, 3);
  trace_free(tr);
  ASSERT_EQ(threads_settled(with - 1), with - 1);
}
