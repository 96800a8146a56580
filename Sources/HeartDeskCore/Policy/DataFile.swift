import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the text of a data file (policy, roster, theme, scenario), saying plainly what is wrong with it.
///
/// Foundation's own errors name the wrong thing ("You don't have permission" for /dev/null as root,
/// "error 256" for a directory); this looks at the file first.
public enum DataFile {
    /// The largest data file read: far above any real policy or scenario, so a wrong path to a huge file fails fast.
    public static let maxBytes = 16 << 20

    /// The file's UTF-8 text, or a ``PolicyError`` naming `displayName` and the reason.
    public static func text(at url: URL, displayName: String) throws -> String {
        func fail(_ message: String) -> PolicyError { PolicyError(file: displayName, line: nil, message: message) }
        let size = try regularFileSize(at: url.path, displayName: displayName)
        guard size > 0 else { throw fail("the file is empty") }
        guard size <= maxBytes else { throw fail("the file is \(size / 1_048_576) MiB: too large for a data file") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw fail("cannot read the file (\((error as NSError).localizedFailureReason ?? error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("the file is not UTF-8 text") }
        return text
    }

    /// The size of the regular file at `path`, or a ``PolicyError`` saying what it is instead (a directory, a FIFO that
    /// would block a reader for ever, a device) or why it cannot be looked at.
    public static func regularFileSize(at path: String, displayName: String) throws(PolicyError) -> Int {
        func fail(_ message: String) -> PolicyError { PolicyError(file: displayName, line: nil, message: message) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw fail("no such file") }
            throw fail("cannot read the file (\(String(cString: strerror(code)).lowercased()))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Int(info.st_size)
        case S_IFDIR: throw fail("is a directory, not a file")
        case S_IFCHR, S_IFBLK: throw fail("is a device, not a file")
        case S_IFIFO: throw fail("is a FIFO (named pipe), not a file")
        default: throw fail("is not a regular file")
        }
    }
}
