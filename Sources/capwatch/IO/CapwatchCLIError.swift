/// A one-line error for the user, naming the file (and line and field where known).
struct CapwatchCLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
