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
        // O_NONBLOCK so a FIFO cannot hold the open until someone writes to it; it is refused just below.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw JournalError(.missing, path: path, "no journal at this path") }
            throw JournalError(.cannotOpen, path: path, "cannot open: \(Self.message(code))")
        }
        let file = JournalFile(path: path, descriptor: fd)
        try file.requireRegularFile()
        return file
    }

    /// Refuses a FIFO, device, directory or socket: only a regular file can be a journal (a FIFO would block every reader).
    private func requireRegularFile() throws(JournalError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw JournalError(.io, path: path, "cannot stat: \(Self.message(errno))") }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            let what = type == S_IFDIR ? "a directory" : type == S_IFIFO ? "a FIFO (named pipe)" : type == S_IFCHR || type == S_IFBLK
                ? "a device" : type == S_IFSOCK ? "a socket" : "not a regular file"
            throw JournalError(.notAJournal, path: path, "is \(what), not a journal file")
        }
        // Regular files never block; clear the flag so later reads behave as ordinary ones.
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    }

    /// Opens for appending, creating the file (mode 0600) and syncing its directory if it is new.
    static func openForWriting(_ path: String) throws(JournalError) -> JournalFile {
        let existed = FileManager.default.fileExists(atPath: path)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard fd >= 0 else {
            let code = errno
            let directory = (path as NSString).deletingLastPathComponent
            if code == ENOENT {
                throw JournalError(.cannotOpen, path: path, "cannot create: directory \(directory.isEmpty ? "." : directory) does not exist")
            }
            throw JournalError(.cannotOpen, path: path, "cannot open for writing: \(Self.message(code))")
        }
        let file = JournalFile(path: path, descriptor: fd)
        try file.requireRegularFile()
        // open() applies the umask to the mode; an empty file someone left (perhaps 0644) is about to hold call data too.
        let isEmpty = try file.size() == 0
        if !existed || isEmpty { _ = fchmod(fd, PrivateFile.mode) }
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
        var failure: Int32?
        // Not zero-filled first: a replay reads hundreds of megabytes and every byte is overwritten or dropped.
        let buffer = [UInt8](unsafeUninitializedCapacity: min(total - offset, limit)) { raw, initialized in
            (initialized, failure) = readFully(into: UnsafeMutableRawBufferPointer(raw), at: offset)
        }
        if let failure { throw JournalError(.io, path: path, "cannot read: \(Self.message(failure))") }
        return buffer
    }

    /// Reads exactly `count` bytes at `offset` into `buffer`, reusing its storage (grown if it is smaller).
    func read(into buffer: inout [UInt8], at offset: Int, count: Int) throws(JournalError) {
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
        let (done, failure) = buffer.withUnsafeMutableBytes { raw in
            readFully(into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<count]), at: offset)
        }
        if let failure { throw JournalError(.io, path: path, "cannot read: \(Self.message(failure))") }
        guard done == count else { throw JournalError(.io, path: path, "cannot read: the file shrank while it was read") }
    }

    /// Fills `raw` from the file at `offset`, retrying interrupted reads; stops early at the file's end or on an
    /// error. Returns the bytes read and the error's `errno`, if any.
    private func readFully(into raw: UnsafeMutableRawBufferPointer, at offset: Int) -> (done: Int, failure: Int32?) {
        var done = 0
        while done < raw.count {
            let n = pread(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return (done, n < 0 ? errno : nil) }
            done += n
        }
        return (done, nil)
    }

    /// Set when a failed write could not be cut back: the file may hold bytes nobody acknowledged, so no
    /// more appends go through this handle until the journal is reopened (and its tail checked).
    private(set) var isUnusable = false

    /// Writes `bytes` at `offset` and syncs them to disk before returning; on any failure cuts the file back to
    /// `offset` (and syncs that) before reporting, so a refused write never leaves a record a retry would duplicate.
    func appendDurably(_ bytes: [UInt8], at offset: Int) throws(JournalError) {
        guard !isUnusable else {
            throw JournalError(.io, path: path, "an earlier write failed and could not be undone: reopen the journal "
                               + "(heartdesk journal verify) before writing again; nothing was recorded")
        }
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
        guard fdatasync(descriptor) != 0 else { return }
        let code = errno
        // The bytes may be in the file without being safe: take them back out, and make the cut itself durable.
        guard ftruncate(descriptor, off_t(offset)) == 0, fdatasync(descriptor) == 0 else {
            isUnusable = true
            throw JournalError(.io, path: path, "cannot sync to disk: \(Self.message(code)), and the unsynced record could not be cut "
                               + "back; this journal takes no more writes until it is reopened and verified")
        }
        throw JournalError(.io, path: path, "cannot sync to disk: \(Self.message(code)); the record was cut back, nothing was recorded")
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
