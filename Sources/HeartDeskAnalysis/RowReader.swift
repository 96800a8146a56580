import HeartDeskCore

/// Finds an export's columns from its header and reads each row's received time, under one mapping.
struct RowReader {
    let mapping: CallsMapping
    let file: String
    private var dateColumn = -1, timeColumn = -1
    private(set) var callTypeColumn = -1, beatColumn = -1
    /// The optional columns, -1 when the mapping names none or the file lacks it (analyze does not need them).
    private(set) var idColumn = -1, priorityColumn = -1
    private var width = 0

    init(mapping: CallsMapping, file: String) {
        self.mapping = mapping
        self.file = file
    }

    /// Finds the mapped columns in the header record; names are matched ignoring case and surrounding spaces.
    mutating func readHeader(_ record: CSVRecord) throws(AnalysisError) {
        let names = (0..<record.count).map { record.string($0).lowercased() }
        width = record.count
        func find(_ name: String) throws(AnalysisError) -> Int {
            guard let index = names.firstIndex(of: name.lowercased()) else {
                throw AnalysisError(file: file, line: record.line,
                                    message: "no column '\(name)' (\(mapping.source) needs it; the file has: \(names.joined(separator: ", ")))")
            }
            return index
        }
        switch mapping.received {
        case .single(let column, _): dateColumn = try find(column)
        case .split(let date, _, let time, _):
            dateColumn = try find(date)
            timeColumn = try find(time)
        }
        callTypeColumn = try find(mapping.callType)
        beatColumn = try find(mapping.beat)
        idColumn = mapping.id.flatMap { names.firstIndex(of: $0.lowercased()) } ?? -1
        priorityColumn = mapping.priority.flatMap { names.firstIndex(of: $0.lowercased()) } ?? -1
    }

    /// When the call in `record` came in; throws the reason a row is malformed.
    func time(_ record: CSVRecord) throws(CSVReader.Malformed) -> LocalTime {
        guard record.count == width else {
            throw CSVReader.Malformed(line: record.line, reason: "\(record.count) fields where the header has \(width)")
        }
        var parts = WallClockParts()
        switch mapping.received {
        case .single(_, let formats):
            guard record.withField(dateColumn, { raw in formats.contains { $0.read(raw, into: &parts) } }) else {
                throw CSVReader.Malformed(line: record.line, reason: "cannot read the time '\(record.string(dateColumn))'")
            }
        case .split(_, let dateFormats, _, let timeFormats):
            guard record.withField(dateColumn, { raw in dateFormats.contains { $0.read(raw, into: &parts) } }) else {
                throw CSVReader.Malformed(line: record.line, reason: "cannot read the date '\(record.string(dateColumn))'")
            }
            guard record.withField(timeColumn, { raw in timeFormats.contains { $0.read(raw, into: &parts) } }) else {
                throw CSVReader.Malformed(line: record.line, reason: "cannot read the time '\(record.string(timeColumn))'")
            }
        }
        guard let time = LocalTime(year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute,
                                   second: parts.second) else {
            throw CSVReader.Malformed(line: record.line, reason: "no such date or time: \(parts.year)-\(parts.month)-\(parts.day) "
                                      + "\(parts.hour):\(parts.minute)")
        }
        return time
    }
}

/// A row's code and beat as numbers of their distinct values: worked out once per row, shared by every policy.
struct RowKeys {
    var codes = FieldInterner()
    var beats = FieldInterner()

    mutating func keys(of record: CSVRecord, columns reader: RowReader) -> (code: Int, beat: Int) {
        (codes.number(of: record, field: reader.callTypeColumn), beats.number(of: record, field: reader.beatColumn))
    }
}

/// Turns a row's code and beat into one policy's call facts, remembering each it has resolved so a million rows cost
/// an array lookup each, and counting the codes neither the mapping nor the policy knows.
struct CodeResolver {
    let mapping: CallsMapping
    let policy: Policy
    /// By code number: nil not yet looked at, .some(nil) known to be unmapped.
    private var codes: [(type: CallType.Index, flags: SafetyFlagSet)??] = []
    private var beats: [(index: Beat.Index?, label: String)?] = []
    /// Rows whose code the mapping and the policy both lack, by code.
    private(set) var unmapped: [String: Int] = [:]

    init(mapping: CallsMapping, policy: Policy) {
        self.mapping = mapping
        self.policy = policy
    }

    /// The call in `record` received at `time`; nil for a row with an unmapped code (counted).
    mutating func call(_ record: CSVRecord, at time: LocalTime, keys: (code: Int, beat: Int), names: RowKeys) -> HistoricalCall? {
        if keys.code >= codes.count { codes += Array(repeating: nil, count: keys.code - codes.count + 1) }
        if codes[keys.code] == nil { codes[keys.code] = .some(resolve(code: names.codes.strings[keys.code])) }
        guard let resolved = codes[keys.code]! else {
            let code = names.codes.strings[keys.code]
            unmapped[code.isEmpty ? "(empty)" : code, default: 0] += 1
            return nil
        }
        if keys.beat >= beats.count { beats += Array(repeating: nil, count: keys.beat - beats.count + 1) }
        if beats[keys.beat] == nil {
            let beatText = names.beats.strings[keys.beat]
            let renamed: String? = mapping.beats[beatText] ?? (beatText.isEmpty ? nil : beatText)
            beats[keys.beat] = (renamed.flatMap { policy.beat(id: $0)?.index }, renamed ?? "unknown")
        }
        let beat = beats[keys.beat]!
        return HistoricalCall(line: record.line, time: time, facts: CallFacts(callType: resolved.type, beat: beat.index, flags: resolved.flags),
                              beat: beat.index, beatLabel: beat.label)
    }

    private func resolve(code: String) -> (type: CallType.Index, flags: SafetyFlagSet)? {
        if let meaning = mapping.callTypes[code.uppercased()], let type = policy.callType(named: meaning.callType) {
            var flags = SafetyFlagSet()
            for id in meaning.flags { if let flag = policy.safetyFlag(id: id) { flags.insert(SafetyFlagSet(index: flag.index)) } }
            return (type.index, flags)
        }
        return policy.callType(named: code).map { ($0.index, SafetyFlagSet()) }
    }
}
