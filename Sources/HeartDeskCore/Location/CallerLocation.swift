/// A caller's location as the call-taker has it, read from typed text: for now, coordinates as the phone system
/// delivers them ("35.99,-78.90", latitude first).
public enum CallerLocation {
    /// Why typed text is not a location.
    public struct Unreadable: Error, Sendable, Equatable, CustomStringConvertible {
        public let text: String
        public let reason: String
        public var description: String { "cannot read a location from '\(text)': \(reason)" }
    }

    /// The coordinates in `text`: "lat,lon", "lat, lon" or "lat lon" in decimal degrees.
    public static func coordinates(_ text: String) throws(Unreadable) -> Coordinate {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
              latitude.isFinite, longitude.isFinite else {
            throw Unreadable(text: text, reason: "give latitude,longitude in decimal degrees, as 35.99,-78.90")
        }
        guard (-90...90).contains(latitude) else {
            throw Unreadable(text: text, reason: "latitude \(parts[0]) is not between -90 and 90 (latitude comes first)")
        }
        guard (-180...180).contains(longitude) else {
            throw Unreadable(text: text, reason: "longitude \(parts[1]) is not between -180 and 180")
        }
        return Coordinate(latitude: latitude, longitude: longitude)
    }
}
