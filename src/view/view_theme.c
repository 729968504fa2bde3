/* view_theme.c -- the two themes' colours, and how a task id picks its colour. */
#include "view_theme.h"

#include <string.h>

/* The task palette avoids red and orange hues altogether, so the blocked colour (red-orange)
   cannot be mistaken for a task. Neighbouring ids get far-apart hues. */
static const view_theme light = {
    .name = "light",
    .bg = 0xFFFFFFFF,
    .panel = 0xF4F5F7FF,
    .border = 0xD0D4DAFF,
    .text = 0x1F2328FF,
    .text_dim = 0x5F6670FF,
    .grid = 0xDDE1E6FF,
    .axis = 0x4A5058FF,
    .playhead = 0x0B57D0FF,
    .task =
        {
            0x2F6DB5FF, /* blue */
            0x2E8B57FF, /* green */
            0xC2418FFF, /* magenta */
            0x7E57C2FF, /* purple */
            0x00897BFF, /* teal */
            0xA07C00FF, /* mustard */
            0x4B4FC9FF, /* indigo */
            0x6B8E23FF, /* olive */
            0x9C3FB8FF, /* violet */
            0x2B8CC4FF, /* sky */
            0x607D8BFF, /* slate */
            0x00A0B0FF, /* cyan */
        },
    .blocked = 0xE8431AFF,
    .blocked_text = 0xFFFFFFFF,
    .waiting_mix = 0.72f,
    .running = 0x2B9348FF,
    .ready = 0x4C6EF5FF,
    .waiting = 0x868E96FF,
    .done = 0x495057FF,
    .error = 0xB3261EFF,
    .cancelled = 0x8D7B68FF,
    .print = 0x1F2328FF,
    .ok = 0x2B8A3EFF,
    .code_keyword = 0x8250DFFF,
    .code_string = 0x0A3069FF,
    .code_comment = 0x6E7781FF,
    .code_number = 0x0550AEFF,
    .code_builtin = 0x953800FF,
};

static const view_theme dark = {
    .name = "dark",
    .bg = 0x16181CFF,
    .panel = 0x1F2228FF,
    .border = 0x3A3F47FF,
    .text = 0xE6E8EBFF,
    .text_dim = 0x9BA3AEFF,
    .grid = 0x30343BFF,
    .axis = 0xB0B6BEFF,
    .playhead = 0x7CACF8FF,
    .task =
        {
            0x5B9BE6FF, /* blue */
            0x4CC38AFF, /* green */
            0xE56BB5FF, /* magenta */
            0xA98BE8FF, /* purple */
            0x26C6B0FF, /* teal */
            0xD4B02AFF, /* mustard */
            0x8187F0FF, /* indigo */
            0x9CC44AFF, /* olive */
            0xC77DE0FF, /* violet */
            0x4FB6EEFF, /* sky */
            0x90A4AEFF, /* slate */
            0x2FD0E0FF, /* cyan */
        },
    .blocked = 0xFF5A2EFF,
    .blocked_text = 0x16181CFF,
    .waiting_mix = 0.68f,
    .running = 0x51CF66FF,
    .ready = 0x748FFCFF,
    .waiting = 0x9BA3AEFF,
    .done = 0xADB5BDFF,
    .error = 0xFF6B6BFF,
    .cancelled = 0xBCA58FFF,
    .print = 0xE6E8EBFF,
    .ok = 0x69DB7CFF,
    .code_keyword = 0xD2A8FFFF,
    .code_string = 0xA5D6FFFF,
    .code_comment = 0x8B949EFF,
    .code_number = 0x79C0FFFF,
    .code_builtin = 0xFFA657FF,
};

const view_theme *view_theme_light(void) {
  return &light;
}

const view_theme *view_theme_dark(void) {
  return &dark;
}

const view_theme *view_theme_named(const char *name) {
  if (!name) return NULL;
  if (strcmp(name, "light") == 0) return &light;
  if (strcmp(name, "dark") == 0) return &dark;
  return NULL;
}

draw_color view_theme_task(const view_theme *th, ls_id task) {
  /* Ids start at 1; the loop itself (0) gets the slate colour. */
  if (task == 0) return th->task[10];
  return th->task[(task - 1) % VIEW_TASK_COLORS];
}

draw_color view_theme_task_waiting(const view_theme *th, ls_id task) {
  return draw_color_mix(view_theme_task(th, task), th->panel, th->waiting_mix);
}
