import Foundation
import HeartDeskConsole

/// The console's one loop: read a key, update, draw; follow the journal; keep the clocks moving.
public enum ConsoleRunner {
    /// How often the journal is re-read for other consoles' appends (the issue asks for within a second).
    static let followInterval: TimeInterval = 0.25
    /// At most this many queued keys between two frames, so the screen still moves during a long paste.
    static let keysPerFrame = 4_096

    /// Checks the terminal can be used, without starting curses.
    public static func checkTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) {
        try CursesScreen.checkUsable(environment: environment)
    }

    /// Runs `session` until the user quits or a signal arrives; the terminal is restored either way.
    ///
    /// `clock` gives both clocks on every turn of the loop, and `onTick` lets a caller
    /// (an exercise) inject events before each frame is drawn.
    public static func run(session: ConsoleSession, theme: Theme, clock: () -> ConsoleTime,
                           onTick: (ConsoleSession, ConsoleTime) -> Void = { _, _ in }) -> Int32 {
        let screen = CursesScreen(theme: theme)
        SignalTrap.install()
        defer {
            screen.stop()
            SignalTrap.restoreDefaults()
        }
        var lastFollow = Date.distantPast
        var lastSecond = -1
        var dirty = true
        while SignalTrap.caught == 0 {
            let size = screen.size
            if size.width != session.state.width || size.height != session.state.height {
                session.resize(width: size.width, height: size.height)
                screen.invalidate()
                dirty = true
            }
            let now = clock()
            session.tick(now)
            onTick(session, now)
            // A write recorded in the background (a database journal): its outcome, then the keys held meanwhile.
            if session.collect(at: now) {
                dirty = true
                if session.shouldClose { return 0 }
            }
            if now.wall.timeIntervalSince(lastFollow) >= followInterval {
                lastFollow = now.wall
                if session.follow(at: now) { dirty = true }
            }
            // Timers on screen move once a second; a frame in between would show nothing new.
            let second = Int(now.shift.timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                dirty = true
            }
            if dirty {
                screen.draw(ScreenView.render(session.state))
                dirty = false
            }
            guard var input = screen.read() else { continue }
            dirty = true
            // Keys already waiting (a paste, a fast typist) are all handled before the next frame is drawn.
            var handled = 0
            while true {
                switch input {
                case .resize:
                    break
                case .key(let key):
                    if !session.handle(key, at: clock()) { return 0 }
                }
                handled += 1
                guard handled < Self.keysPerFrame, SignalTrap.caught == 0, let next = screen.readWaiting() else { break }
                input = next
            }
        }
        return 128 + SignalTrap.caught
    }
}
