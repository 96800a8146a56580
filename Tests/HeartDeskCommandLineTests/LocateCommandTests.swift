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

    @Test("text that is not coordinates: one line, exit 2")
    func unreadable() throws {
        let run = try HeartDeskBinary.run(["locate", "100 Main St"])
        #expect(run.status == 2)
        #expect(run.stderr == "heartdesk locate: cannot read a location from '100 Main St': give latitude,longitude in decimal degrees, as 35.99,-78.90\n")
    }
}
