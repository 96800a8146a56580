import HeartDeskCore

/// The data rows of a calls-for-service export, each with its received time: the header found, blank lines
/// skipped, malformed rows counted (the first ten kept with their lines) and passed over. Shared by `analyze`
/// and `shift import`, so both read a file the same way.
enum ExportRows {
    /// What reading found besides the rows handed on.
    struct Counts {
        /// Data rows read (the header not counted), malformed ones included.
        var rows = 0
        var malformed = 0
        var firstMalformed: [CSVReader.Malformed] = []
        var earliest: LocalTime?
        var latest: LocalTime?
    }

    /// Reads `path` under `mapping`, calling `each` with every well-formed row, its received time and the column reader.
    static func read(
        path: String, mapping: CallsMapping, progress: ((CallsAnalysis.Progress) -> Void)?,
        each: (CSVRecord, LocalTime, RowReader) -> Void
    ) throws(AnalysisError) -> Counts {
        var reader = try CSVReader(path: path)
        let totalBytes = reader.fileSize
        var rowReader = RowReader(mapping: mapping, file: path)
        var headerRead = false
        var counts = Counts()
        func reject(_ problem: CSVReader.Malformed) {
            counts.malformed += 1
            if counts.firstMalformed.count < 10 { counts.firstMalformed.append(problem) }
        }
        var headerError: AnalysisError?
        try reader.forEachRecord { outcome in
            guard headerRead else {
                switch outcome {
                case .success(let record):
                    do throws(AnalysisError) { try rowReader.readHeader(record) } catch { headerError = error; return false }
                case .failure(let problem):
                    headerError = AnalysisError(file: path, line: problem.line, message: "cannot read the header: \(problem.reason)")
                    return false
                }
                headerRead = true
                return true
            }
            counts.rows += 1
            if counts.rows & 0xFFFF == 0, let progress {
                progress(.init(bytesRead: (try? outcome.get())?.bytesRead ?? 0, totalBytes: totalBytes, rows: counts.rows))
            }
            let record: CSVRecord
            switch outcome {
            case .success(let read): record = read
            case .failure(let problem): reject(problem); return true
            }
            // A blank line (a trailing newline's worth) is not a call.
            if record.count == 1 && record.withField(0, { $0.isEmpty }) { counts.rows -= 1; return true }
            let time: LocalTime
            do throws(CSVReader.Malformed) { time = try rowReader.time(record) } catch { reject(error); return true }
            if counts.earliest.map({ time.wallSeconds < $0.wallSeconds }) ?? true { counts.earliest = time }
            if counts.latest.map({ time.wallSeconds > $0.wallSeconds }) ?? true { counts.latest = time }
            each(record, time, rowReader)
            return true
        }
        if let headerError { throw headerError }
        guard headerRead else { throw AnalysisError(file: path, line: nil, message: "the file is empty: expected a header row") }
        return counts
    }
}
