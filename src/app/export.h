/* export.h -- the timeline picture of a finished run, as PNG or SVG (one layout for both). */
#ifndef APP_EXPORT_H
#define APP_EXPORT_H

#include <stddef.h>

#include "cli.h"
#include "lx.h"

/* Writes c->export_out atomically. 0; 2 for an unusable path or format (message in err). */
int app_export(lx_rt *rt, const cli *c, char *err, size_t errlen);

#endif
