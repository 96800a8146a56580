import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checked policies kept as bytes under their file's SHA-256 (with the folder it was read in), so a command run again on the same policy file
/// loads it in a fraction of the time: no YAML, no checks (docs/policy-format.md, "Loading fast").
///
/// Only a cache: any fault reading it (missing, damaged, another layout) means the YAML is read as without one,
/// and any fault writing it is ignored. Files are created 0600 in a directory made 0700.
public struct PolicyCache: Sendable {
    /// Where the compiled policies are kept.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The cache the command line uses: `HEARTDESK_CACHE_DIR`, else `$XDG_CACHE_HOME/heartdesk`, else
    /// `~/.cache/heartdesk`; nil when `HEARTDESK_CACHE_DIR` is `off` or no home is known.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> PolicyCache? {
        if let chosen = environment["HEARTDESK_CACHE_DIR"], !chosen.isEmpty {
            return chosen == "off" ? nil : PolicyCache(directory: chosen)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return PolicyCache(directory: xdg + "/heartdesk") }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return PolicyCache(directory: home + "/.cache/heartdesk")
    }

    func path(for key: String) -> String { "\(directory)/\(key).policy" }

    /// The compiled policy kept under `key`, checked to be the one for `contentHash`, or nil when there is none usable.
    func policy(key: String, contentHash: String, source: String) -> Policy? {
        // Only a regular file is read: a FIFO put in its place would block the command for ever.
        let path = path(for: key)
        guard let size = try? DataFile.regularFileSize(at: path, displayName: path), size > 32, size <= DataFile.maxBytes,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        // The last 32 bytes are the SHA-256 of the rest: a damaged file that still parses must not become a policy.
        let payload = Array(data.dropLast(32))
        guard Array(SHA256.hash(data: payload)) == Array(data.suffix(32)) else { return nil }
        return try? CompiledPolicy.decode(payload, contentHash: contentHash, source: source)
    }

    /// Keeps `policy` under `key` for the next load; written whole to a private temporary name, then renamed into place.
    func store(_ policy: Policy, key: String) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return
        }
        let payload = CompiledPolicy.encode(policy, zoneTable: policy.timeZone.table)
        let bytes = payload + Array(SHA256.hash(data: payload))
        let temporary = path(for: key) + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != bytes.count || rename(temporary, path(for: key)) != 0 { unlink(temporary) }
    }
}
