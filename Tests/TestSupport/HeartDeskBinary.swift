import Foundation

/// Runs the built `heartdesk` executable as a user would, capturing what it prints.
public enum HeartDeskBinary {
    /// What one run printed and how it ended.
    public struct Outcome: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The executable beside the test bundle (`.build/<config>/heartdesk`), or `HEARTDESK_BIN`.
    public static var url: URL {
        if let override = ProcessInfo.processInfo.environment["HEARTDESK_BIN"] {
            return URL(fileURLWithPath: override)
        }
        return builtExecutable("heartdesk")
    }

    /// The repository's top folder, for files the tests compare with what they build (docs, shipped data).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An executable product built beside the test bundle.
    public static func builtExecutable(_ name: String) -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        fatalError("\(name) executable not found near \(CommandLine.arguments[0])")
    }

    /// The instant the binary is told it is (`HEARTDESK_CLOCK`) unless a test says otherwise: a Monday afternoon,
    /// when every Durham response is working, so no test depends on the hour CI runs at.
    public static let testClock = "2026-11-23T14:30"

    /// Where the binaries under test keep compiled policies: one folder for this test process, never the user's cache.
    public static let policyCache = FileManager.default.temporaryDirectory.appendingPathComponent(
        "heartdesk-test-policy-cache-\(ProcessInfo.processInfo.processIdentifier)").path

    /// The environment a run gets: this process's, the test clock and the test policy cache, then `overrides`.
    public static func environment(_ overrides: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(["HEARTDESK_CLOCK": testClock, "HEARTDESK_CACHE_DIR": policyCache]) { $1 }
            .merging(overrides) { $1 }
    }

    /// Runs `heartdesk` with `arguments` and waits for it to exit. `host`, when given, are the words that run it
    /// elsewhere (``TwoHosts/onServer``).
    public static func run(_ arguments: [String], environment: [String: String] = [:], host: [String] = []) throws -> Outcome {
        let process = Process()
        let argv = host + [url.path] + arguments
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = Self.environment(environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting, so a full pipe cannot stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}
