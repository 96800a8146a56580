import Foundation
import Testing
import TestSupport

/// `heartdesk locate`: coordinates to a beat through the real binary and the shipped polygons.
@Suite("heartdesk locate (end to end)")
struct LocateCommandTests {
    @Test("a point in the pilot area, one outside it, one outside the city; JSON for scripts")
    func locations() throws {
        let downtown = try HeartDeskBinary.run(["locate", "35.9886,-78.8939"])
        #expect(downtown.status == 0 && downtown.stdout == "35.9886,-78.8939: beat 513 (D5) · in the pilot area\n", "\(downtown.stderr)")
        let south = try HeartDeskBinary.run(["locate", "35.96439, -78.90196"])
        #expect(south.stdout == "35.96439, -78.90196: beat 412 (D4) · outside the service area\n")
        let raleigh = try HeartDeskBinary.run(["locate", "35.7796,-78.6382"])
        #expect(raleigh.status == 0 && raleigh.stdout.contains("no beat — outside every beat of Durham HEART"))
        let json = try HeartDeskBinary.run(["locate", "35.9886,-78.8939", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["beat"] as? String == "513" && object["district"] as? String == "D5")
        #expect(object["serviceAreas"] as? [String] == ["pilot"])
    }

    @Test("text nothing knows, and coordinates that are wrong: one line each, exit 2")
    func unreadable() throws {
        let run = try HeartDeskBinary.run(["locate", "100 Main St"])
        #expect(run.status == 2)
        #expect(run.stderr == "heartdesk locate: '100 Main St' is not coordinates, a place in the places file or an address in the street guide\n")
        let empty = try HeartDeskBinary.run(["locate", " "])
        #expect(empty.status == 2 && empty.stderr == "heartdesk locate: the location is empty: give coordinates, a place or an address\n")
        let wrong = try HeartDeskBinary.run(["locate", "95.1,-78.9"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "heartdesk locate: cannot read a location from '95.1,-78.9': latitude 95.1 is not between -90 and 90 "
                + "(latitude comes first)\n", "\(wrong.stderr)")
    }

    @Test("a known place, an address and coordinates beside a place, with the place's cautions; JSON names the place")
    func placesAndAddresses() throws {
        let directory = TemporaryDirectory()
        let policy = try IntakeFiles.writeDurhamPolicy(in: directory.url.path)
        let place = try HeartDeskBinary.run(["locate", "the shelter", "--policy", policy])
        #expect(place.status == 0, "\(place.stderr)")
        #expect(place.stdout == """
            the shelter: beat 513 (D5) · in the pilot area · known place
            Riverside Shelter, 600 E Main St
              ⚠ safety: history of weapons: ask
              · shelter: staff will meet the team

            """, "\(place.stdout)")
        let address = try HeartDeskBinary.run(["locate", "1200 East Main Street", "--policy", policy])
        #expect(address.stdout == "1200 East Main Street: beat 113 (D1) · in the pilot area · from the street guide\n", "\(address.stdout)")
        let beside = try HeartDeskBinary.run(["locate", "35.98862,-78.89392", "--policy", policy])
        #expect(beside.stdout.hasPrefix("35.98862,-78.89392: beat 513 (D5) · in the pilot area · beside Riverside Shelter\n"))
        let missing = try HeartDeskBinary.run(["locate", "9000 E Main St", "--policy", policy])
        #expect(missing.status == 2 && missing.stderr == "heartdesk locate: E MAIN ST has no number 9000 in the street guide\n")
        let json = try HeartDeskBinary.run(["locate", "the shelter", "--policy", policy, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "place" && object["beat"] as? String == "513")
        let found = try #require(object["place"] as? [String: Any])
        #expect(found["name"] as? String == "Riverside Shelter")
        #expect((found["cautions"] as? [[String: Any]])?.first?["safety"] as? Bool == true)
    }
}
