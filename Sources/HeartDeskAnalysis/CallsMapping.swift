import Foundation
import HeartDeskCore
import Yams

/// How a city's calls-for-service export is laid out: which columns hold the time, call type and beat, how times
/// are written, and what the city's codes mean in the policy (docs/analyze.md).
public struct CallsMapping: Sendable {
    /// Where the received time is and how it is written.
    public enum Received: Sendable {
        /// One column with date and time.
        case single(column: String, formats: [TimePattern])
        /// A date column and a time column.
        case split(date: String, dateFormats: [TimePattern], time: String, timeFormats: [TimePattern])
    }

    /// A source code's meaning: a call type of the policy (name, code or alias) and the safety flags it implies.
    public struct CodeMeaning: Sendable {
        public let callType: String
        public let flags: [String]
        /// Where the mapping says so, for errors.
        public let line: Int?
    }

    public let received: Received
    public let callType: String
    public let beat: String
    public let priority: String?
    public let id: String?
    public let disposition: String?
    /// By source code as written in the export, upper-cased.
    public let callTypes: [String: CodeMeaning]
    /// Source beat → policy beat id, or nil for "unknown".
    public let beats: [String: String?]
    /// The file it came from ("built-in Durham layout" otherwise).
    public let source: String

    /// The City of Durham's open-data export: `Event Number, Case Number, Call Date, Call Time, Source, Priority,
    /// Nature, Address, X, Y, District, Beat, Tract, Disposition, Cancelled`, Nature matched against the policy.
    public static let durham = CallsMapping(
        received: .split(date: "Call Date", dateFormats: [TimePattern("yyyy-MM-dd")!, TimePattern("MM/dd/yyyy")!],
                         time: "Call Time", timeFormats: [TimePattern("HH:mm:ss?")!, TimePattern("h:mm:ss? a")!]),
        callType: "Nature", beat: "Beat", priority: "Priority", id: "Event Number", disposition: "Disposition",
        callTypes: [:], beats: [:], source: "the Durham layout")

    /// Reads a mapping file, checking every call type, flag and beat it names against `policy`.
    public static func load(path: String, policy: Policy) throws(AnalysisError) -> CallsMapping {
        let text: String
        do { text = try DataFile.text(at: URL(fileURLWithPath: path), displayName: path) } catch let error as PolicyError {
            throw AnalysisError(error)
        } catch {
            throw AnalysisError(file: path, line: nil, message: "\(error)")
        }
        do {
            return try MappingReader(source: path, policy: policy).read(text)
        } catch let error as PolicyError {
            throw AnalysisError(error)
        } catch let error as YamlError {
            throw AnalysisError(file: path, line: nil, message: "not valid YAML: \(error)")
        } catch {
            throw AnalysisError(file: path, line: nil, message: "\(error)")
        }
    }
}

private struct MappingReader: YAMLWalking {
    let source: String
    let policy: Policy

    func read(_ text: String) throws -> CallsMapping {
        guard let root = try Yams.compose(yaml: text, .basic) else { throw PolicyError(file: source, line: nil, message: "the file is empty") }
        let top = try fields(of: root, what: "the mapping", required: ["columns"],
                             optional: ["timeFormat", "dateFormat", "callTypes", "beats"])
        let columnNode = top["columns"]!
        let columns = try fields(of: columnNode, what: "columns", required: ["callType", "beat"],
                                 optional: ["received", "date", "time", "priority", "id", "disposition"])
        func column(_ key: String) throws -> String? { try columns[key].map { try string($0, what: "column '\(key)'") } }
        func patterns(_ key: String, example: String) throws -> [TimePattern] {
            guard let node = top[key] else { throw fail(root, "'\(key)' is needed to read the times (as in \(example))") }
            let written = node.sequence != nil ? try strings(node, what: key) : [try string(node, what: key)]
            return try written.map { text in
                guard let pattern = TimePattern(text) else {
                    throw fail(node, "cannot read \(key) '\(text)': use yyyy MM dd HH mm ss (ss? if optional), h and a for AM/PM")
                }
                return pattern
            }
        }
        let received: CallsMapping.Received
        switch (try column("received"), try column("date"), try column("time")) {
        case let (single?, nil, nil):
            received = .single(column: single, formats: try patterns("timeFormat", example: "\"yyyy-MM-dd HH:mm:ss\""))
        case let (nil, date?, time?):
            received = .split(date: date, dateFormats: try patterns("dateFormat", example: "\"MM/dd/yyyy\""),
                              time: time, timeFormats: try patterns("timeFormat", example: "\"HH:mm\""))
        default:
            throw fail(columnNode, "columns need either 'received' (date and time in one column) or both 'date' and 'time'")
        }

        var callTypes: [String: CallsMapping.CodeMeaning] = [:]
        if let node = top["callTypes"] {
            guard let mapping = node.mapping else { throw fail(node, "expected callTypes as a mapping of source codes") }
            for (keyNode, value) in mapping {
                let code = try string(keyNode, what: "source code")
                let meaning: (String, [String])
                if value.scalar != nil {
                    meaning = (try string(value, what: "call type for '\(code)'"), [])
                } else {
                    let entry = try fields(of: value, what: "call type for '\(code)'", required: ["type"], optional: ["flags"])
                    meaning = (try string(entry["type"]!, what: "type"), try entry["flags"].map { try strings($0, what: "flags") } ?? [])
                }
                guard policy.callType(named: meaning.0) != nil else {
                    let near = policy.callTypeSuggestions(for: meaning.0)
                    throw fail(value, "'\(code)' maps to '\(meaning.0)', not a call type of \(policy.name)"
                                + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: ", "))?)"))
                }
                for flag in meaning.1 where policy.safetyFlag(id: flag) == nil {
                    throw fail(value, "unknown flag '\(flag)' (flags: \(policy.safetyFlags.map(\.id).joined(separator: ", ")))")
                }
                let key = code.uppercased()
                if let earlier = callTypes[key] {
                    throw fail(keyNode, "'\(code)' is mapped twice (also line \(earlier.line.map(String.init) ?? "?"))")
                }
                callTypes[key] = CallsMapping.CodeMeaning(callType: meaning.0, flags: meaning.1, line: line(of: keyNode))
            }
        }

        var beats: [String: String?] = [:]
        if let node = top["beats"] {
            guard let mapping = node.mapping else { throw fail(node, "expected beats as a mapping of source beat to policy beat") }
            for (keyNode, value) in mapping {
                let from = try string(keyNode, what: "source beat")
                let to = try string(value, what: "beat for '\(from)'")
                if to.lowercased() == "unknown" {
                    beats[from] = .some(nil)
                } else {
                    guard policy.beat(id: to) != nil else { throw fail(value, "'\(from)' maps to '\(to)', not a beat of \(policy.name)") }
                    beats[from] = to
                }
            }
        }
        return CallsMapping(received: received, callType: try column("callType")!, beat: try column("beat")!,
                            priority: try column("priority"), id: try column("id"), disposition: try column("disposition"),
                            callTypes: callTypes, beats: beats, source: source)
    }
}
