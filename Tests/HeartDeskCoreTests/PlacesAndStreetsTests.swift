import Foundation
import HeartDeskCore
import Testing
import TestSupport

/// Locations typed as a known place, an address or coordinates near a place, resolved on Durham's beats with the test
/// places file and street guide (TestSupport's IntakeFiles).
@Suite("Places and street guide")
struct PlacesAndStreetsTests {
    let aids = Durham.intakeWithPlaces
    let policy = Durham.policyWithPlaces

    func resolved(_ text: String) -> (beat: String?, source: ResolvedLocation.Source?, place: String?) {
        let found = aids.resolve(text)
        return (found?.beatIndex.map { policy[$0].id }, found?.source, found?.place?.name)
    }

    @Test("how a location was typed decides how it is found", arguments: [
        // A place by its name, an alias, its address written out, and with words after a comma.
        ("Riverside Shelter", "513", ResolvedLocation.Source.place, Optional("Riverside Shelter")),
        ("the shelter", "513", .place, "Riverside Shelter"),
        ("600 East Main Street", "513", .place, "Riverside Shelter"),
        ("riverside, by the side door", "513", .place, "Riverside Shelter"),
        // A place whose beat came from its address in the street guide.
        ("Alston Clinic", "412", .place, "Alston Clinic"),
        // Addresses: the side of the street decides between two beats; unit numbers and the city are not the street.
        ("1201 E Main St Apt 4, Durham NC", "111", .address, nil),
        ("1200 e. main street", "113", .address, nil),
        ("1500 Alston Avenue Apt 2", "412", .address, "Alston Clinic"),
        // Coordinates: the polygon gives the beat, a listed place within 75 m its cautions.
        ("35.98862,-78.89392", "513", .coordinates, "Riverside Shelter"),
        ("35.99725,-78.90066", "512", .coordinates, nil),
    ])
    func resolves(text: String, beat: String, source: ResolvedLocation.Source, place: String?) {
        let found = resolved(text)
        #expect(found.beat == beat && found.source == source && found.place == place, "\(text): \(found)")
    }

    @Test("what nothing knows stays the call-taker's; a number the street does not have says so")
    func unresolved() {
        #expect(aids.resolve("behind the old mill") == nil)
        #expect(aids.resolve("") == nil)
        #expect(aids.resolve("9000 E Main St")?.beat == .numberNotOnStreet(number: 9000, street: "E MAIN ST"))
    }

    @Test("safety cautions come first, marked as bearing on safety")
    func cautions() throws {
        let shelter = try #require(aids.resolve("the shelter")?.place)
        #expect(shelter.cautions.map(\.text) == ["history of weapons: ask", "shelter: staff will meet the team"])
        #expect(shelter.hasSafetyCaution)
        #expect(aids.resolve("the footbridge")?.place?.hasSafetyCaution == false)
    }

    @Test("a bad places file or street guide names the file and line", arguments: [
        ("places", "places:\n  - name: A\n    beat: 777\n", "places.yaml:3: A: unknown beat '777'"),
        ("places", "places:\n  - name: A\n    address: somewhere\n", "places.yaml:2: A has no beat: give 'beat', coordinates"),
        ("places", "places:\n  - {name: A, beat: 111}\n  - {name: B, beat: 111, aliases: [a]}\n", "places.yaml:3: 'A' already names A (line 2)"),
        ("places", "places:\n  - name: A\n    coordinates: 95,-78\n", "places.yaml:3: A: latitude 95 is not between -90 and 90"),
        ("places", "places:\n  - {name: A, beat: 111, cautions: [{text: x, safety: maybe}]}\n", "places.yaml:2: safety must be true or false"),
        ("places", "places:\n  - {name: A, beat: 111, phone: 5}\n", "places.yaml:2: unknown key 'phone' in a place"),
        ("streets", "streets:\n  - {street: Main St, from: 1, to: 99, beat: 111}\n  - {street: MAIN STREET, from: 51, to: 151, side: odd, beat: 113}\n",
         "streets.yaml:3: MAIN ST 51–151 (odd) overlaps 1–99 (both) on line 2"),
        ("streets", "streets:\n  - {street: Main St, from: 100, to: 1, beat: 111}\n", "streets.yaml:2: MAIN ST: 'to' 1 is below 'from' 100"),
        ("streets", "streets:\n  - {street: Main St, from: 1, to: 9, side: left, beat: 111}\n", "streets.yaml:2: side must be even, odd or both"),
        ("streets", "streets:\n  - {street: Main St, from: 1, to: 9, beat: 7}\n", "streets.yaml:2: unknown beat '7'"),
        ("streets", "streets:\n  - {street: Main St, from: 1, to: 1e19, beat: 111}\n", "streets.yaml:2: to must be a whole number from 0 to 999999"),
    ])
    func badFiles(kind: String, text: String, expected: String) throws {
        let directory = TemporaryDirectory()
        let policyPath = try IntakeFiles.writeDurhamPolicy(in: directory.url.path)
        try text.write(toFile: directory.path("\(kind).yaml"), atomically: false, encoding: .utf8)
        let policy = try PolicyLoader.load(contentsOf: URL(fileURLWithPath: policyPath))
        #expect(throws: PolicyError.self) { try IntakeAids.load(for: policy) }
        do { _ = try IntakeAids.load(for: policy) } catch {
            let message = "\(error)"
            #expect(message.hasPrefix(directory.path(expected.components(separatedBy: ":").first!)), "\(message)")
            #expect(message.contains(expected.split(separator: ":", maxSplits: 1).map(String.init)[1]), "\(message)")
        }
    }

    @Test("addresses are compared as a call-taker means them")
    func addressText() {
        #expect(AddressText.normalized("1201 East Main Street, Durham") == "1201 E MAIN ST DURHAM")
        #expect(AddressText.houseAndStreet("1201-B e. main st. #4")?.street == "E MAIN ST")
        #expect(AddressText.houseAndStreet("1201-B e. main st. #4")?.number == 1201)
        #expect(AddressText.houseAndStreet("Main St") == nil)
        #expect(AddressText.houseAndStreet("12345678 Main St") == nil)
    }
}
