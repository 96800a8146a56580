import Foundation

/// The real `heartdesk` binary in a detached tmux session: keys in with `send-keys`, the
/// screen out with `capture-pane`, and waits that poll until text shows (with a deadline)
/// instead of sleeping.
public final class TmuxConsole {
    /// A tmux server of its own per console, so parallel tests never see each other's sessions.
    public let socket = "heartdesk-test-\(UUID().uuidString.prefix(8))"
    public let session = "console"

    /// Starts `heartdesk arguments` at `width` × `height`; after it exits, the pane prints "EXIT:<status>". `host`, when
    /// given, are the words that run it elsewhere (``TwoHosts/onPosition``).
    public init(_ arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
                host: [String] = []) throws {
        let binary = HeartDeskBinary.url.path
        var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HEARTDESK_CLOCK": HeartDeskBinary.testClock,
                   "HEARTDESK_CACHE_DIR": HeartDeskBinary.policyCache]
        env.merge(environment) { $1 }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = "env \(exports) \((host + [binary]).map(Self.quote).joined(separator: " ")) \(arguments.map(Self.quote).joined(separator: " ")); "
            + "echo EXIT:$?; sleep 600"
        try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "sh", "-c", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Sends key names as tmux knows them ("Enter", "Tab", "F2", "Down", "Escape").
    public func keys(_ names: String...) throws { try keys(names) }

    public func keys(_ names: [String]) throws {
        try tmux(["send-keys", "-t", session] + names)
    }

    /// Types `text` literally.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    /// Takes a call through the new-call form as a call-taker does: type, beat, the two required Durham
    /// questions answered no (or `weapon` yes), the third left not asked, a location; Enter records.
    public func takeCall(type callType: String, beat: String, weapon: Bool = false, location: String = "5 Elm St") throws {
        try keys("n")
        try type(callType)
        try keys("Tab")
        try type(beat)
        try keys("Tab", weapon ? "y" : "n", "Tab", "n", "Tab", "Tab")
        try type(location)
        try keys("Enter")
    }

    /// The screen as text.
    public func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session])
    }

    /// Waits until the screen contains `text`; returns the screen. Fails with the last screen after `seconds`.
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        try waitUntil(seconds: seconds, what: "“\(text)”") { $0.contains(text) }
    }

    /// Waits until `condition` holds on the screen.
    @discardableResult
    public func waitUntil(seconds: Double = 10, what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError("waited \(seconds) s for \(what); the screen was:\n\(last)")
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// A tmux format value for the pane, such as `alternate_on` (1 while a full-screen program holds the terminal).
    public func paneValue(_ name: String) throws -> String {
        try tmux(["display-message", "-p", "-t", session, "#{\(name)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs tmux with posix_spawn and waitpid: Foundation's `Process` waits for every holder of its
    /// pipes, and the tmux server that `new-session` leaves behind would hold them for good.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = (["tmux", "-L", socket, "-f", "/dev/null"] + arguments).map(Self.quote).joined(separator: " ")
            + " </dev/null >\(Self.quote(output)) 2>/dev/null"
        let argv = ["/bin/sh", "-c", command]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ)
        guard spawned == 0 else { throw TmuxError("cannot start tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) exited with status \(status)")
        }
        return text
    }

    private static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// A tmux command failed, or the screen never showed what a test waited for.
public struct TmuxError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
