import GRDB
/// Placeholder until the store lands.
enum CapwatchStorePlaceholder {}
