import Foundation
import HeartDeskCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads a CSV file (RFC 4180: commas, `"` quoting with `""` inside, LF or CRLF) one record at a time, in chunks,
/// so a million-row export never sits in memory whole.
///
/// Hand-written: records are handed out as byte ranges in the read buffer, with no string made unless a field is
/// asked for (docs/benchmarks.md has the figures; the CSV packages on the machine's list are not measured yet).
public struct CSVReader: ~Copyable {
    /// Why a record could not be read; the reader carries on at the next line.
    public struct Malformed: Error, Sendable, Equatable {
        public let line: Int
        public let reason: String
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Start of the unread bytes in `buffer`.
    private var position = 0
    private var endOfFile = false
    /// The physical line the next record starts on (1-based).
    private var line = 1
    /// Bytes read so far, for progress.
    public private(set) var bytesRead = 0
    static let chunkSize = 1 << 20

    /// Opens `path`; refuses anything that is not a regular file (a FIFO would block for ever).
    public init(path: String) throws(AnalysisError) {
        do {
            _ = try DataFile.regularFileSize(at: path, displayName: path)
        } catch {
            throw AnalysisError(error)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AnalysisError(file: path, line: nil, message: "cannot open: \(String(cString: strerror(errno)))") }
        descriptor = fd
        buffer.reserveCapacity(Self.chunkSize * 2)
    }

    deinit { close(descriptor) }

    /// The file's size in bytes, for a progress bar.
    public var fileSize: Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Calls `body` with each record (or the reason it is malformed) until the file ends or `body` returns false.
    public mutating func forEachRecord(_ body: (Result<CSVRecord, Malformed>) throws -> Bool) throws(AnalysisError) {
        var record = CSVRecord()
        while true {
            guard let end = try recordEnd() else { return }
            let startLine = line
            let outcome = split(upTo: end, into: &record)
            let keepGoing: Bool
            do {
                keepGoing = try buffer.withUnsafeBufferPointer { bytes in
                    record.bytes = bytes
                    defer { record.bytes = nil }
                    record.line = startLine
                    record.bytesRead = bytesRead
                    if let reason = outcome { return try body(.failure(Malformed(line: startLine, reason: reason))) }
                    return try body(.success(record))
                }
            } catch let error as AnalysisError {
                throw error
            } catch {
                throw AnalysisError(file: nil, line: startLine, message: "\(error)")
            }
            if !keepGoing { return }
        }
    }

    /// The offset just past the next record's line end (quotes may hold line breaks), reading more as needed; nil at the end.
    private mutating func recordEnd() throws(AnalysisError) -> Int? {
        var scan = position
        var inQuotes = false
        while true {
            let count = buffer.count
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                var index = scan
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x22 { inQuotes.toggle() } else if byte == 0x0A && !inQuotes { return index + 1 }
                    index += 1
                }
                return nil
            }
            if let found { return found }
            scan = count
            if endOfFile { return position < count ? count : nil }
            // Keep the unread tail, read the next chunk after it.
            if position > 0 {
                buffer.removeSubrange(0..<position)
                scan -= position
                position = 0
            }
            try fill()
        }
    }

    private mutating func fill() throws(AnalysisError) {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        let got = buffer.withUnsafeMutableBufferPointer { read(descriptor, $0.baseAddress! + old, Self.chunkSize) }
        guard got >= 0 else { throw AnalysisError(file: nil, line: nil, message: "read failed: \(String(cString: strerror(errno)))") }
        buffer.removeLast(Self.chunkSize - got)
        bytesRead += got
        if got == 0 { endOfFile = true }
    }

    /// Splits `buffer[position..<end]` into fields; returns why it is malformed, or nil.
    private mutating func split(upTo end: Int, into record: inout CSVRecord) -> String? {
        record.starts.removeAll(keepingCapacity: true)
        record.ends.removeAll(keepingCapacity: true)
        record.quoted.removeAll(keepingCapacity: true)
        var problem: String?
        var lines = 0
        buffer.withUnsafeBufferPointer { bytes in
            var index = position
            var lineEnd = end
            if lineEnd > index && bytes[lineEnd - 1] == 0x0A { lineEnd -= 1 }
            if lineEnd > index && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            for i in index..<end where bytes[i] == 0x0A { lines += 1 }
            while true {
                if index < lineEnd && bytes[index] == 0x22 {
                    // Quoted: up to the closing quote not followed by another.
                    var i = index + 1
                    var closed = false
                    while i < lineEnd {
                        if bytes[i] == 0x22 {
                            if i + 1 < lineEnd && bytes[i + 1] == 0x22 { i += 2; continue }
                            closed = true
                            break
                        }
                        i += 1
                    }
                    guard closed else { problem = "a quoted field is never closed"; return }
                    record.starts.append(index + 1)
                    record.ends.append(i)
                    record.quoted.append(true)
                    index = i + 1
                    if index < lineEnd && bytes[index] != 0x2C { problem = "text after a closing quote"; return }
                } else {
                    var i = index
                    while i < lineEnd && bytes[i] != 0x2C {
                        if bytes[i] == 0x22 { problem = "a quote inside an unquoted field"; return }
                        i += 1
                    }
                    record.starts.append(index)
                    record.ends.append(i)
                    record.quoted.append(false)
                    index = i
                }
                if index >= lineEnd { break }
                index += 1  // the comma
                if index == lineEnd {  // a trailing comma: one more, empty field
                    record.starts.append(index)
                    record.ends.append(index)
                    record.quoted.append(false)
                    break
                }
            }
        }
        position = end
        line += max(1, lines)
        return problem
    }
}

/// One record of a ``CSVReader``: its fields as bytes, valid only inside the reader's callback.
public struct CSVRecord {
    /// The physical line the record starts on.
    public internal(set) var line = 0
    /// Bytes of the file read so far, for progress.
    public internal(set) var bytesRead = 0
    var bytes: UnsafeBufferPointer<UInt8>?
    var starts: [Int] = []
    var ends: [Int] = []
    var quoted: [Bool] = []

    public var count: Int { starts.count }

    /// The bytes of field `index` as stored (a quoted field without its quotes; `""` not yet undoubled).
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(rebasing: bytes![starts[index]..<ends[index]]))
    }

    /// Field `index` as text, `""` undoubled and surrounding spaces trimmed.
    public func string(_ index: Int) -> String {
        withField(index) { raw in
            // Trimmed as bytes before any string is made: Foundation's trimming cost more than the rest of a row.
            var start = 0, end = raw.count
            while start < end && (raw[start] == 0x20 || raw[start] == 0x09) { start += 1 }
            while end > start && (raw[end - 1] == 0x20 || raw[end - 1] == 0x09) { end -= 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
            return quoted[index] && text.contains("\"\"") ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
        }
    }
}
