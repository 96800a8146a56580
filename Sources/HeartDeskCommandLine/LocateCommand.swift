import ArgumentParser
import Foundation
import HeartDeskCore

/// `heartdesk locate TEXT`: the beat a caller's location lies in, from the policy's beat polygons.
struct LocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Find the beat a caller's location lies in (coordinates as the phone system gives them).",
        discussion: """
            Example: heartdesk locate 35.9886,-78.8939 prints the beat, its district and whether it is in a \
            service area. A location outside every beat says so: the beat is then the call-taker's to enter.
            """
    )

    @Argument(help: ArgumentHelp("Latitude,longitude in decimal degrees (35.99,-78.90).", valueName: "location"))
    var location: String

    @OptionGroup var policyOption: PolicyOption

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        try reportingErrors("locate") {
            let policy = try policyOption.load()
            let point: Coordinate
            do { point = try CallerLocation.coordinates(location) } catch { throw UserError("\(error)") }
            let locator: BeatLocator
            do {
                guard let loaded = try policy.loadBeatLocator() else {
                    throw UserError("policy \(policy.name) has no beat polygons (beatGeometry): locations cannot be resolved to beats")
                }
                locator = loaded
            } catch let error as PolicyError {
                throw UserError("bad beat geometry: \(error)")
            }
            let beat = locator.beat(at: point).map { policy[$0] }
            let areas = beat.map { policy.serviceAreas(covering: $0.index) } ?? []
            if json {
                let object: [String: Any] = [
                    "location": location, "latitude": point.latitude, "longitude": point.longitude,
                    "beat": beat.map(\.id) ?? NSNull(), "district": beat.map(\.district) ?? NSNull(), "serviceAreas": areas,
                ]
                print(try JSONVocabulary.text(object))
                return
            }
            guard let beat else {
                say("\(SafeText.terminal(location)): no beat — outside every beat of \(policy.name); the beat is the call-taker's to enter")
                return
            }
            let area = areas.isEmpty ? "outside the service area" : "in the \(areas.joined(separator: ", ")) area"
            say("\(SafeText.terminal(location)): beat \(beat.id) (\(beat.district)) · \(area)")
        }
    }
}
