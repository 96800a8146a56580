import Foundation
import HeartDeskCore
import HeartDeskThemes

/// Finds the theme the user asked for: a shipped name, or a theme file's path.
public enum ThemeCatalog {
    /// The theme for `--theme nameOrPath`; `NO_COLOR` set to anything but empty means monochrome.
    public static func load(_ nameOrPath: String?, environment: [String: String]) throws(ThemeError) -> Theme {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return try shipped("monochrome") }
        let wanted = nameOrPath ?? "default"
        if ThemeFiles.names.contains(wanted) { return try shipped(wanted) }
        guard wanted.contains("/") || wanted.hasSuffix(".theme") else {
            throw ThemeError(file: wanted, line: nil,
                             message: "no theme by that name (shipped: \(ThemeFiles.names.joined(separator: ", ")); or give a file path)")
        }
        return try file(URL(fileURLWithPath: wanted), displayName: wanted)
    }

    /// A theme shipped in `Themes/`.
    public static func shipped(_ name: String) throws(ThemeError) -> Theme {
        guard let url = ThemeFiles.url(named: name) else {
            throw ThemeError(file: name, line: nil, message: "shipped theme missing from the package resources")
        }
        return try file(url, displayName: "Themes/\(name).theme", name: name)
    }

    private static func file(_ url: URL, displayName: String, name: String? = nil) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try DataFile.text(at: url, displayName: displayName)
        } catch let error as PolicyError {
            throw ThemeError(file: displayName, line: nil, message: error.message)
        } catch {
            throw ThemeError(file: displayName, line: nil, message: "cannot read the theme file")
        }
        return try Theme.parse(text, name: name ?? url.deletingPathExtension().lastPathComponent, source: displayName)
    }
}
