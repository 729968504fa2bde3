/* lx_io.c -- aiofiles and aiohttp on the loop. (Filled in by the async I/O work.) */
#include "lx_int.h"

void lx_open_io(lua_State *L, int env) {
  (void)L, (void)env;
}
