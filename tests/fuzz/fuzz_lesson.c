/* fuzz_lesson.c -- libFuzzer target: the bytes are a lesson, loaded and run with tight limits;
 * whatever it prints is discarded. Any crash, hang, leak or sanitizer report is a bug.
 * Built by -DLS_FUZZ=ON with clang; fuzz_replay.c runs the same function over saved inputs. */
#include <stddef.h>
#include <stdint.h>

#include "lx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lx_options o = {.step_budget = 100000,
                  .mem_limit = 16u << 20,
                  .max_time = 60,
                  .max_handles = 20000};
  lx_rt *rt = lx_new(&o);
  if (!rt) return 0;
  char err[1024];
  if (lx_load_string(rt, "fuzz.lua", (const char *)data, size, err, sizeof err) == LX_OK)
    lx_run(rt, err, sizeof err);
  lx_free(rt);
  return 0;
}
