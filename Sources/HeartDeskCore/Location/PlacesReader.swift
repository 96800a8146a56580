import Foundation
import Yams

/// Reads a places file (docs/policy-format.md, "Places") against its policy, naming file and line on a fault.
public enum PlacesReader {
    /// The places in the file at `path`. A place's beat is the one it gives, else the one its coordinates lie in
    /// (`locator`), else its address's (`streets`); a place none of these places is an error, as is a name or alias
    /// given to two places.
    public static func load(path: String, displayName: String, policy: Policy, locator: BeatLocator?,
                            streets: StreetGuide?) throws -> PlaceBook {
        try Walker(source: displayName, policy: policy, locator: locator, streets: streets)
            .book(from: PolicyLoader.composeFile(path: path, displayName: displayName))
    }

    private struct Walker: YAMLWalking {
        let source: String
        let policy: Policy
        let locator: BeatLocator?
        let streets: StreetGuide?

        func book(from root: Node) throws -> PlaceBook {
            let top = try fields(of: root, what: "the places file", required: ["places"])
            var places: [Place] = []
            var byKey: [String: Int] = [:]
            for item in try sequence(top["places"]!, what: "places") {
                let f = try fields(of: item, what: "a place", required: ["name"],
                                   optional: ["aliases", "address", "coordinates", "beat", "cautions"])
                let name = try string(f["name"]!, what: "name")
                let aliases = try f["aliases"].map { try strings($0, what: "aliases") } ?? []
                let address = try f["address"].map { try string($0, what: "address") }
                let coordinate = try f["coordinates"].map { node throws -> Coordinate in
                    do { return try CallerLocation.coordinates(try string(node, what: "coordinates")) } catch let error as CallerLocation.Unreadable {
                        throw fail(node, "\(name): \(error.reason)")
                    }
                }
                let beat = try placeBeat(name: name, given: f["beat"], coordinate: coordinate, address: address, at: item)
                let cautions = try f["cautions"].map { try sequence($0, what: "cautions").map { try caution($0) } } ?? []
                let place = Place(name: name, aliases: aliases, address: address, coordinate: coordinate, beat: beat,
                                  cautions: cautions, line: line(of: item))
                let keys = ([name] + aliases + [address].compactMap { $0 }).map(AddressText.normalized)
                for (key, node) in zip(keys, [f["name"]!] + (f["aliases"]?.sequence.map(Array.init) ?? []) + [f["address"]].compactMap { $0 }) {
                    if let other = byKey[key], other != places.count {
                        throw fail(node, "'\(key)' already names \(places[other].name) (line \(places[other].line.map(String.init) ?? "?"))")
                    }
                    byKey[key] = places.count
                }
                places.append(place)
            }
            return PlaceBook(places: places, byKey: byKey)
        }

        private func placeBeat(name: String, given: Node?, coordinate: Coordinate?, address: String?, at item: Node) throws -> Beat.Index {
            if let given {
                let id = try string(given, what: "beat")
                guard let beat = policy.beat(id: id) else { throw fail(given, "\(name): unknown beat '\(id)' (policy \(policy.name) has no such beat)") }
                return beat.index
            }
            if let coordinate, let locator, let beat = locator.beat(at: coordinate) { return beat }
            if let address, let streets, case .found(let segment, _, _) = streets.lookup(address) { return segment.beat }
            throw fail(item, "\(name) has no beat: give 'beat', coordinates inside a beat or an address in the street guide")
        }

        /// A caution is a line of text, or `{text: …, safety: true}` when it bears on the team's safety.
        private func caution(_ node: Node) throws -> Place.Caution {
            if node.scalar != nil { return Place.Caution(text: try string(node, what: "caution"), bearsOnSafety: false) }
            let f = try fields(of: node, what: "a caution", required: ["text"], optional: ["safety"])
            return Place.Caution(text: try string(f["text"]!, what: "caution text"),
                                 bearsOnSafety: try f["safety"].map { try bool($0, what: "safety") } ?? false)
        }
    }
}
