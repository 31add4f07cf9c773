import ArgumentParser
@main struct Capwatch: ParsableCommand {}
