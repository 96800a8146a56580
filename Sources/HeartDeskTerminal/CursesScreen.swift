import CNCurses
import HeartDeskConsole
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that talks to curses: starts and restores the terminal, reads keys, and
/// draws a ``CellGrid`` by sending only the cells that changed since the last frame.
///
/// Not thread-safe by design: the console loop makes every call from one thread, as htop does.
final class CursesScreen {
    private var colors: ColorTable
    private var previous: CellGrid?
    private var isRunning = false

    /// Refuses, before curses is started, a terminal the console cannot drive.
    static func checkUsable(environment: [String: String]) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("the console needs a terminal: standard input and output must be a TTY "
                                + "(use the `shift` and `journal` commands from scripts)")
        }
        guard let term = environment["TERM"], !term.isEmpty else {
            throw TerminalError("TERM is not set: set it to your terminal type (for example TERM=xterm-256color)")
        }
        guard term != "dumb" else { throw TerminalError("TERM=dumb cannot draw the console: use a full terminal (xterm-256color, screen, tmux)") }
        switch hd_terminal_known(term, STDOUT_FILENO) {
        case 1: break
        case -1: throw TerminalError("no terminfo database found for TERM=\(term): install ncurses-base")
        default: throw TerminalError("unknown terminal type TERM=\(term): terminfo has no entry for it")
        }
    }

    /// Starts curses on the terminal with `theme`.
    init(theme: Theme) {
        // Wide characters need a UTF-8 locale; fall back to C.UTF-8 when the environment gives none.
        if !TerminalLocale.isUTF8() { setlocale(LC_CTYPE, "C.UTF-8") }
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(hd_stdscr(), true)
        Self.defineHomeAndEnd()
        set_escdelay(25)
        wtimeout(hd_stdscr(), 100)
        let useColor = has_colors() && theme.usesColor
        if useColor {
            start_color()
            use_default_colors()
        }
        colors = ColorTable(theme: theme, useColor: useColor)
        curs_set(0)
        isRunning = true
    }

    /// Teaches curses the Home and End sequences terminals send beside the one their terminfo entry names: tmux
    /// sends `ESC [1~` / `ESC [4~` under `TERM=xterm-256color`, whose entry says `ESC OH`, and an unknown sequence
    /// arrives as a bare Esc that closed the dispatch picker.
    private static func defineHomeAndEnd() {
        for sequence in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"] { _ = define_key(sequence, KEY_HOME) }
        for sequence in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"] { _ = define_key(sequence, KEY_END) }
    }

    /// Restores the terminal; safe to call twice.
    func stop() {
        guard isRunning else { return }
        isRunning = false
        endwin()
    }

    var size: (width: Int, height: Int) { (Int(hd_cols()), Int(hd_lines())) }

    /// Waits up to the read timeout (100 ms) for a key; nil when none came (or a signal interrupted).
    func read() -> TerminalInput? {
        var character: wint_t = 0
        let result = wget_wch(hd_stdscr(), &character)
        switch result {
        case OK: return KeyDecoder.character(UInt32(character))
        case KEY_CODE_YES: return KeyDecoder.functionKey(Int32(character))
        default: return nil
        }
    }

    /// A key already waiting in the input, without waiting for one; nil when there is none.
    func readWaiting() -> TerminalInput? {
        wtimeout(hd_stdscr(), 0)
        defer { wtimeout(hd_stdscr(), 100) }
        return read()
    }

    /// Draws `grid`, sending curses only the runs of cells that differ from the last frame.
    func draw(_ grid: CellGrid) {
        let window = hd_stdscr()
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full {
            werase(window)
            clearok(window, true)
        }
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                guard full || !grid.cell(x: x, y: y, matches: previous!) else { x += 1; continue }
                // A changed right half is redrawn from its left half.
                var start = x
                if grid[start, y].isContinuation && start > 0 { start -= 1 }
                let role = grid[start, y].role
                var text = ""
                var end = start
                while end < grid.width, grid[end, y].role == role,
                      full || !grid.cell(x: end, y: y, matches: previous!) || grid[end, y].isContinuation {
                    if !grid[end, y].isContinuation { text.append(grid.character(x: end, y: y)) }
                    end += 1
                }
                if end == start { end += 1 }
                wattrset(window, Int32(bitPattern: colors[role]))
                var bytes = Array(text.utf8)
                bytes.append(0)
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        _ = mvwaddnstr(window, Int32(y), Int32(start), $0, Int32(buffer.count - 1))
                    }
                }
                x = end
            }
        }
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        previous = grid
    }

    /// Forces the next frame to be drawn whole (after a resize).
    func invalidate() { previous = nil }
}
