/// A mistake in what the user typed or pointed at, reported as one line and a non-zero exit.
struct UserError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
