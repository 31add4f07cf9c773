/// Placeholder until the screening module lands.
enum SanctionsScreeningPlaceholder {}
