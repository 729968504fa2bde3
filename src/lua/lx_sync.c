/* lx_sync.c -- asyncio's waits and synchronisation: wait_for, wait, as_completed, Queue,
 * Lock, Event, Semaphore. (Filled in by the asyncio-breadth work.) */
#include "lx_int.h"

void lx_open_sync(lua_State *L, int env) {
  (void)L, (void)env;
}
