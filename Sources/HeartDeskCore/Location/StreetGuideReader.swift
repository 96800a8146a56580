import Foundation
import Yams

/// Reads a street guide file (docs/policy-format.md, "Street guide") against its policy, naming file and line on a fault.
public enum StreetGuideReader {
    /// The street guide in the file at `path`; every beat it names must be in `policy`, and no two segments of a
    /// street may hold the same house number.
    public static func load(path: String, displayName: String, policy: Policy) throws -> StreetGuide {
        try Walker(source: displayName, policy: policy).guide(from: PolicyLoader.composeFile(path: path, displayName: displayName))
    }

    private struct Walker: YAMLWalking {
        let source: String
        let policy: Policy
        /// Far above any real house number; keeps a typo of extra digits from passing as a range.
        static let highestHouseNumber = 999_999

        func guide(from root: Node) throws -> StreetGuide {
            let top = try fields(of: root, what: "the street guide", required: ["streets"])
            var segments: [StreetSegment] = []
            for item in try sequence(top["streets"]!, what: "streets") {
                let f = try fields(of: item, what: "a street segment", required: ["street", "from", "to", "beat"], optional: ["side"])
                let street = AddressText.normalized(try string(f["street"]!, what: "street"))
                let low = try wholeNumber(f["from"]!, what: "from", limit: Self.highestHouseNumber)
                let high = try wholeNumber(f["to"]!, what: "to", limit: Self.highestHouseNumber)
                guard low <= high else { throw fail(f["to"]!, "\(street): 'to' \(high) is below 'from' \(low)") }
                let sideText = try f["side"].map { try string($0, what: "side") } ?? "both"
                guard let side = StreetSegment.Side(rawValue: sideText.lowercased()) else {
                    throw fail(f["side"]!, "side must be even, odd or both, not '\(sideText)'")
                }
                let beatID = try string(f["beat"]!, what: "beat")
                guard let beat = policy.beat(id: beatID) else {
                    throw fail(f["beat"]!, "unknown beat '\(beatID)' (policy \(policy.name) has no such beat)")
                }
                let segment = StreetSegment(street: street, low: low, high: high, side: side, beat: beat.index, line: line(of: item))
                if let clash = segments.first(where: { $0.street == street && $0.low <= high && low <= $0.high && $0.side.overlaps(side) }) {
                    throw fail(item, "\(street) \(low)–\(high) (\(side.rawValue)) overlaps \(clash.low)–\(clash.high) "
                                   + "(\(clash.side.rawValue)) on line \(clash.line.map(String.init) ?? "?")")
                }
                segments.append(segment)
            }
            return StreetGuide(segments: segments)
        }
    }
}
