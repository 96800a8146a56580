import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files that hold call data (reports, exports, torn-journal copies) readable by their owner only,
/// from their first byte: created with mode 0600 whatever the umask, never chmod'ed afterwards.
public enum PrivateFile {
    /// The mode of every file HeartDesk writes call data to.
    public static let mode: mode_t = 0o600

    /// Replaces `path` with `bytes`: written to a new 0600 file beside it, synced, then renamed over it,
    /// so a reader sees the old file or the whole new one, never half.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure("cannot create \(temporary)", errno) }
        // The umask cannot widen a mode, but it can narrow it; 0600 is what the owner needs to read it back.
        _ = fchmod(fd, mode)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = errno
                close(fd)
                unlink(temporary)
                throw failure("cannot write \(path)", code)
            }
            done += n
        }
        guard fsync(fd) == 0 else {
            let code = errno
            close(fd)
            unlink(temporary)
            throw failure("cannot sync \(path)", code)
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure("cannot put \(path) in place", code)
        }
    }

    /// Why a file could not be written, in one line.
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    private static func failure(_ what: String, _ code: Int32) -> WriteError {
        WriteError(description: "\(what): \(String(cString: strerror(code)).lowercased())")
    }
}
