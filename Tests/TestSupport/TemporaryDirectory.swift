import Foundation

/// A fresh directory for one test's files, removed when the test is done with it.
public final class TemporaryDirectory {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the directory.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The bytes of `name`, or empty if it does not exist.
    public func bytes(_ name: String) -> [UInt8] {
        (try? Data(contentsOf: url.appendingPathComponent(name))).map(Array.init) ?? []
    }

    public func write(_ bytes: [UInt8], to name: String) {
        try! Data(bytes).write(to: url.appendingPathComponent(name))
    }
}
