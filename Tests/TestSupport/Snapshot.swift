import Foundation
import HeartDeskConsole

/// Compares a rendered grid with a stored snapshot: its text, then each row's roles as runs.
///
/// `HEARTDESK_RECORD_SNAPSHOTS=1 swift test` rewrites the stored files; a missing file
/// is an error, never silently recorded, so CI cannot pass on a snapshot nobody reviewed.
public enum Snapshot {
    /// The grid written as the snapshot file holds it; with a `theme`, followed by how that theme draws each role used,
    /// so one file shows what a person sees in that theme.
    public static func text(of grid: CellGrid, theme: Theme? = nil) -> String {
        var lines = (0..<grid.height).map { "|" + grid.text(ofRow: $0) + "|" }
        lines.append("--- roles (row: from-to role) ---")
        for y in 0..<grid.height {
            var runs: [String] = []
            var start = 0
            for x in 1...grid.width where x == grid.width || grid[x, y].role != grid[start, y].role {
                runs.append("\(start)-\(x - 1) \(grid[start, y].role.rawValue)")
                start = x
            }
            lines.append("\(y): " + runs.joined(separator: ", "))
        }
        if let cursor = grid.cursor { lines.append("cursor: \(cursor.x),\(cursor.y)") }
        if let theme {
            lines.append("--- styles in theme \(theme.name) (role: foreground on background, attributes; 256-colour/8-colour) ---")
            let used = Set((0..<grid.height).flatMap { y in (0..<grid.width).map { grid[$0, y].role } })
            for role in used.sorted(by: { $0.rawValue < $1.rawValue }) {
                lines.append("\(role.rawValue): \(describe(theme.style(role)))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ style: ThemeStyle) -> String {
        func color(_ c: ThemeColor) -> String { c == .terminalDefault ? "default" : "\(c.full)/\(c.basic)" }
        let attributes = ThemeStyle.Attributes.byName.filter { style.attributes.contains($0.value) }.map(\.key).sorted()
        return "\(color(style.foreground)) on \(color(style.background))" + (attributes.isEmpty ? "" : ", " + attributes.joined(separator: " "))
    }

    /// nil when `grid` matches the snapshot `name` beside `testFile`; otherwise what differs.
    public static func mismatch(_ grid: CellGrid, named name: String, theme: Theme? = nil, testFile: String = #filePath) -> String? {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = text(of: grid, theme: theme)
        if ProcessInfo.processInfo.environment["HEARTDESK_RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: false, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "no snapshot \(file.lastPathComponent): run with HEARTDESK_RECORD_SNAPSHOTS=1 and review it"
        }
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") {
            return "\(name) differs at line \(i + 1):\n  expected: \(i < e.count ? String(e[i]) : "<none>")\n  actual:   \(i < a.count ? String(a[i]) : "<none>")"
        }
        return "\(name) differs"
    }
}
