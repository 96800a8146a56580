/// The HeartDesk release this build is, as `heartdesk --version` prints it.
enum Version {
    static let current = "0.12.0"
}
