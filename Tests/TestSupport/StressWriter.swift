import Foundation

/// `heartdesk-journal-stress` appending notes to a journal as fast as it can, printing each note once it is
/// acknowledged: the crash and cut-cable tests let it run, break something under it, and compare what it printed
/// with what the journal holds.
public final class StressWriter {
    private let process = Process()
    private let output = Pipe()
    private var printed = Data()
    private let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-stress-\(UUID().uuidString).err")

    /// Starts it on `journal`, notes named `prefix-n`; `deadline` bounds each database query; `host` runs it elsewhere.
    public init(journal: String, prefix: String, count: Int, deadline: Double? = nil, host: [String] = []) throws {
        let argv = host + [HeartDeskBinary.builtExecutable("heartdesk-journal-stress").path, journal, prefix, String(count)]
            + (deadline.map { [String($0)] } ?? [])
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    deinit { try? FileManager.default.removeItem(at: errorFile) }

    /// What it said on stderr (why it stopped, when it did).
    public var errorOutput: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// Waits until it has acknowledged `count` notes (or stopped before).
    public func waitForAcknowledged(_ count: Int) {
        while acknowledged.count < count {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return }
            printed += chunk
        }
    }

    /// Reads what it prints until it exits; returns its exit status.
    public func waitForExit() -> Int32 {
        printed += output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills it at once (SIGKILL), as a crash would.
    public func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
    }

    /// The notes it acknowledged so far, in order: whole lines only (a line cut short was never acknowledged).
    public var acknowledged: [String] {
        String(decoding: printed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
