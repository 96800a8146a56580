import HeartDeskCore

/// What the places file knows about the call's location, as lines: the place, then its cautions, safety ones first
/// and in the alert colour. Shared by the new-call form and the call's details.
enum PlaceCautionLines {
    static func lines(_ place: Place, width: Int) -> [(text: String, role: ThemeRole)] {
        var out: [(String, ThemeRole)] = []
        let heading = "Known place: \(place.name)" + (place.address.map { " · \($0)" } ?? "")
        out += Formatting.wrap(heading, width: width).map { ($0, place.hasSafetyCaution ? ThemeRole.flag : .formLabel) }
        for caution in place.cautions {
            let mark = caution.bearsOnSafety ? "⚠ " : "· "
            for (i, part) in Formatting.wrap(caution.text, width: max(1, width - 2)).enumerated() {
                out.append(((i == 0 ? mark : "  ") + part, caution.bearsOnSafety ? .flag : .formHint))
            }
        }
        return out
    }

    /// Draws the lines from row `y` down to `bottom`; returns the row after the last.
    static func draw(_ place: Place, x: Int, y: Int, width: Int, bottom: Int, into grid: inout CellGrid) -> Int {
        var row = y
        for (text, role) in lines(place, width: width) where row < bottom {
            grid.put(text, x: x, y: row, limit: width, role: role)
            row += 1
        }
        return row
    }
}
