import Foundation
import HeartDeskAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// Rows read, rows a second and time left, redrawn on one line of stderr while a long file is read.
final class ProgressBar {
    private let started = Date()

    /// A bar when stderr is a terminal; nil when it is a file or a pipe, which must not fill with redraws.
    static func onTerminal() -> ProgressBar? { isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil }

    func show(_ progress: CallsAnalysis.Progress) {
        let elapsed = Date().timeIntervalSince(started)
        let share = progress.totalBytes > 0 ? min(1, Double(progress.bytesRead) / Double(progress.totalBytes)) : 0
        let rate = elapsed > 0 ? Double(progress.rows) / elapsed : 0
        let left = share > 0 ? elapsed * (1 - share) / share : 0
        let filled = Int(share * 30)
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] "
            + "\(progress.rows) rows · \(Int(rate)) rows/s · \(Int(left.rounded())) s left "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
