import Foundation

/// The theme files shipped in `Themes/`, found in the built package's resources.
public enum ThemeFiles {
    /// Names of the shipped themes, as `--theme` takes them.
    public static let names = ["default", "high-contrast", "monochrome"]

    /// The file of the shipped theme `name`, or nil if there is none by that name.
    public static func url(named name: String) -> URL? {
        guard names.contains(name) else { return nil }
        return Bundle.module.url(forResource: name, withExtension: "theme")
    }
}
