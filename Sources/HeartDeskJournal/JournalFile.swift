import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The POSIX file under a journal: open, lock, read, append, sync. One per `Journal`.
final class JournalFile {
    let path: String
    let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens for reading only; the file must exist.
    static func openForReading(_ path: String) throws(JournalError) -> JournalFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw JournalError(.missing, path: path, "no journal at this path") }
            throw JournalError(.cannotOpen, path: path, "cannot open: \(Self.message(code))")
        }
        return JournalFile(path: path, descriptor: fd)
    }

    /// Opens for appending, creating the file (mode 0600) and syncing its directory if it is new.
    static func openForWriting(_ path: String) throws(JournalError) -> JournalFile {
        let existed = FileManager.default.fileExists(atPath: path)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            let directory = (path as NSString).deletingLastPathComponent
            if code == ENOENT {
                throw JournalError(.cannotOpen, path: path, "cannot create: directory \(directory.isEmpty ? "." : directory) does not exist")
            }
            throw JournalError(.cannotOpen, path: path, "cannot open for writing: \(Self.message(code))")
        }
        let file = JournalFile(path: path, descriptor: fd)
        if !existed { try file.syncDirectory() }
        return file
    }

    /// Fails, as creating would, if `path`'s directory does not exist; creates nothing.
    static func checkCanCreate(_ path: String) throws(JournalError) {
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory),
              isDirectory.boolValue
        else {
            throw JournalError(.cannotOpen, path: path, "cannot create: directory \(directory.isEmpty ? "." : directory) does not exist")
        }
    }

    enum LockKind { case shared, exclusive }

    /// Holds an advisory lock for the duration of `body`; two consoles on one journal take turns here.
    func withLock<R>(_ kind: LockKind, _ body: () throws -> R) throws -> R {
        while flock(descriptor, kind == .shared ? LOCK_SH : LOCK_EX) != 0 {
            guard errno == EINTR else { throw JournalError(.io, path: path, "cannot lock: \(Self.message(errno))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    func size() throws(JournalError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw JournalError(.io, path: path, "cannot stat: \(Self.message(errno))") }
        return Int(info.st_size)
    }

    /// The bytes from `offset` to the end of the file, or at most `limit` of them.
    func readToEnd(from offset: Int, limit: Int = .max) throws(JournalError) -> [UInt8] {
        let total = try size()
        guard total > offset else { return [] }
        var buffer = [UInt8](repeating: 0, count: min(total - offset, limit))
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { break }
                throw JournalError(.io, path: path, "cannot read: \(Self.message(errno))")
            }
            done += n
        }
        if done < buffer.count { buffer.removeLast(buffer.count - done) }
        return buffer
    }

    /// Writes `bytes` at `offset` and syncs them to disk before returning; on failure cuts the file back to `offset`.
    func appendDurably(_ bytes: [UInt8], at offset: Int) throws(JournalError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw in pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = errno
                _ = ftruncate(descriptor, off_t(offset))
                throw JournalError(.io, path: path, "cannot write: \(Self.message(code)); nothing was recorded")
            }
            done += n
        }
        try sync()
    }

    func sync() throws(JournalError) {
        guard fdatasync(descriptor) == 0 else {
            throw JournalError(.io, path: path, "cannot sync to disk: \(Self.message(errno))")
        }
    }

    func truncate(to length: Int) throws(JournalError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            throw JournalError(.io, path: path, "cannot cut the torn tail: \(Self.message(errno))")
        }
        try sync()
    }

    /// Makes the file's directory entry durable, so a new journal survives a power cut.
    private func syncDirectory() throws(JournalError) {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = fsync(fd)
    }

    static func message(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
