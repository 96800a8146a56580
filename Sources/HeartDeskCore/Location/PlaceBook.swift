/// The places file, looked up as a call-taker types a location: by name, alias or address, and by coordinates near
/// a place (the phone system's location of a caller at the shelter).
public struct PlaceBook: Sendable {
    public let places: [Place]
    /// Normalized names, aliases and addresses to the place's position in `places`.
    let byKey: [String: Int]
    /// How near coordinates must be to a place to be taken as it: about a building and its lot.
    public static let nearbyMetres = 75.0

    init(places: [Place], byKey: [String: Int]) {
        self.places = places
        self.byKey = byKey
    }

    /// The place `text` names: the whole text, or the part before its first comma ("Durham Station, by bay 4"),
    /// compared as addresses are (case, punctuation and "Street"/"St" do not matter).
    public func place(named text: String) -> Place? {
        let whole = AddressText.normalized(text)
        if let index = byKey[whole] { return places[index] }
        guard let comma = text.firstIndex(of: ",") else { return nil }
        return byKey[AddressText.normalized(String(text[..<comma]))].map { places[$0] }
    }

    /// The nearest place with coordinates within ``nearbyMetres`` of `point`.
    public func place(near point: Coordinate) -> Place? {
        var best: (place: Place, km: Double)?
        for place in places {
            guard let at = place.coordinate else { continue }
            let km = at.distanceKm(to: point)
            if km * 1000 <= Self.nearbyMetres, km < best?.km ?? .infinity { best = (place, km) }
        }
        return best?.place
    }
}
