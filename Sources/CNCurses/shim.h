// ncursesw for Swift 6: the wide-character API, and functions for what Swift cannot
// import (globals it calls shared mutable state, and function-like macros).
#ifndef HEARTDESK_CNCURSES_SHIM_H
#define HEARTDESK_CNCURSES_SHIM_H

// SwiftPM drops -D_XOPEN_SOURCE from ncursesw.pc; without these get_wch and cchar_t vanish.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

static inline WINDOW *hd_stdscr(void) { return stdscr; }
static inline int hd_lines(void) { return LINES; }
static inline int hd_cols(void) { return COLS; }
static inline int hd_colors(void) { return COLORS; }
static inline int hd_color_pairs(void) { return COLOR_PAIRS; }
static inline int hd_key_f(int n) { return KEY_F(n); }
static inline attr_t hd_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

/// Terminal attributes from flags: 1 bold, 2 dim, 4 underline, 8 reverse, 16 blink.
static inline attr_t hd_attributes(unsigned flags) {
    attr_t a = A_NORMAL;
    if (flags & 1) a |= A_BOLD;
    if (flags & 2) a |= A_DIM;
    if (flags & 4) a |= A_UNDERLINE;
    if (flags & 8) a |= A_REVERSE;
    if (flags & 16) a |= A_BLINK;
    return a;
}

/// Whether terminfo knows `term`: 1 yes, 0 not found, -1 no terminfo database. Leaves nothing set up.
static inline int hd_terminal_known(const char *term, int fd) {
    int status = 0;
    if (setupterm(term, fd, &status) != OK) return status;
    del_curterm(cur_term);
    return 1;
}
#endif
