import ArgumentParser
import Foundation
import HeartDeskCore

/// `heartdesk locate TEXT`: the beat a caller's location lies in, and what is known about the place.
struct LocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Find the beat of a caller's location: coordinates, a known place or a street address.",
        discussion: """
            Coordinates (35.9886,-78.8939, as the phone system gives them) are placed in a beat by the policy's beat \
            polygons; a place named in the policy's places file gives its beat and its cautions; an address \
            (1201 E Main St) is found in the policy's street guide. Prints the beat, its district and whether it is \
            in a service area. Coordinates outside every beat say so: the beat is then the call-taker's to enter. \
            Text none of these knows is an error (exit 2).
            """
    )

    @Argument(help: ArgumentHelp("Latitude,longitude (35.99,-78.90), a known place's name, or a street address.", valueName: "location"))
    var location: String

    @OptionGroup var policyOption: PolicyOption

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let policy = try policyOption.load()
        let aids: IntakeAids
        do { aids = try IntakeAids.load(for: policy) } catch let error as PolicyError {
            throw UserError("bad intake data: \(error)")
        }
        guard aids.resolvesLocations else {
            throw UserError("policy \(policy.name) has no beat polygons, street guide or places: locations cannot be resolved to beats")
        }
        guard !location.allSatisfy(\.isWhitespace) else { throw UserError("the location is empty: give coordinates, a place or an address") }
        guard let resolved = aids.resolve(location) else {
            // Only numbers: meant as coordinates, so say what is wrong with them.
            if location.allSatisfy({ $0.isNumber || "-+., \t".contains($0) }) {
                do { _ = try CallerLocation.coordinates(location) } catch { throw UserError("\(error)") }
            }
            throw UserError("'\(location)' is not coordinates, a place in the places file or an address in the street guide")
        }
        if let problem = resolved.addressProblem { throw UserError(problem) }
        try show(resolved, policy: policy)
    }

    /// Prints what `resolved` says, as text or JSON. (Kept out of the closure above: the Swift 6.3.1 release
    /// optimizer crashed on the two together.)
    private func show(_ resolved: ResolvedLocation, policy: Policy) throws {
        let beat = resolved.beatIndex.map { policy[$0] }
        let areas = beat.map { policy.serviceAreas(covering: $0.index) } ?? []
        if json {
            print(try JSONVocabulary.text(jsonObject(resolved, beat: beat, areas: areas)))
            return
        }
        var placeLines: [String] = []
        if let place = resolved.place {
            placeLines.append(place.name + (place.address.map { ", \($0)" } ?? ""))
            placeLines += place.cautions.map { ($0.bearsOnSafety ? "  ⚠ safety: " : "  · ") + $0.text }
        }
        guard let beat else {
            say("\(location): no beat — outside every beat of \(policy.name); the beat is the call-taker's to enter")
            placeLines.forEach { say($0) }
            return
        }
        let area = areas.isEmpty ? "outside the service area" : "in the \(areas.joined(separator: ", ")) area"
        let how: String
        switch resolved.source {
        case .coordinates: how = resolved.place.map { " · beside \($0.name)" } ?? ""
        case .place: how = " · known place"
        case .address: how = " · from the street guide"
        }
        say("\(location): beat \(beat.id) (\(beat.district)) · \(area)\(how)")
        placeLines.forEach { say($0) }
    }

    private func jsonObject(_ resolved: ResolvedLocation, beat: Beat?, areas: [String]) -> [String: Any] {
        var object: [String: Any] = [
            "location": location, "source": resolved.source == .coordinates ? "coordinates" : resolved.source.rawValue,
            "beat": beat.map(\.id) ?? NSNull(), "district": beat.map(\.district) ?? NSNull(), "serviceAreas": areas,
        ]
        if let point = try? CallerLocation.coordinates(location) {
            object["latitude"] = point.latitude
            object["longitude"] = point.longitude
        }
        object["place"] = resolved.place.map { place -> [String: Any] in
            ["name": place.name, "address": place.address ?? NSNull(),
             "cautions": place.cautions.map { ["text": $0.text, "safety": $0.bearsOnSafety] as [String: Any] }]
        } ?? NSNull()
        return object
    }
}
