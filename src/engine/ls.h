/* ls.h -- types and error codes shared by every engine module. */
#ifndef LS_H
#define LS_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t ls_time; /* clock time in nanoseconds */
typedef uint32_t ls_id;  /* a task, future or timer within one loop; 0 is "none" */

#define LS_SEC ((ls_time)1000000000)
#define LS_FROM_SEC(s) ((ls_time)((s) * 1e9 + ((s) >= 0 ? 0.5 : -0.5)))
#define LS_TO_SEC(t) ((double)(t) / 1e9)

/* Errors are negative codes from one list, which also generates ls_strerror. */
#define LS_ERRORS(X)                                                                           \
  X(ENOMEM, "out of memory")                                                                   \
  X(EINVAL, "invalid argument")                                                                \
  X(ESTATE, "invalid state")                                                                   \
  X(ENOENT, "no such task, future or timer")                                                   \
  X(EDEADLOCK, "deadlock: every task waits on something that can never complete")              \
  X(ECLOSED, "the loop is closed")                                                             \
  X(EHOST, "the host reported an error")                                                       \
  X(ETIMELIMIT, "the run went past its clock-time limit")                                      \
  X(ESTEPLIMIT, "the run went past its step limit")

typedef enum {
  LS_OK = 0,
#define LS_ERR_ENUM(name, msg) LS_##name,
  LS__ERRBASE = -100,
  LS_ERRORS(LS_ERR_ENUM)
#undef LS_ERR_ENUM
} ls_status;

const char *ls_strerror(int code);

/* Grows *arr (of elem-sized items) to hold at least `need`; 0 or LS_ENOMEM (loop.c). */
int ls_grow(void **arr, size_t *cap, size_t need, size_t elem);

#endif
