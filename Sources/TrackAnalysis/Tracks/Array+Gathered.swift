extension Array {
    /// The elements at `indices`, in that order, as a new array of exactly that size (a column
    /// permuted or filtered by a list of row numbers, without appending one by one).
    /// - Parameter indices: positions in this array, each in `0..<count`.
    func gathered(at indices: [Int32]) -> [Element] {
        withUnsafeBufferPointer { column in
            indices.withUnsafeBufferPointer { indices in
                [Element](unsafeUninitializedCapacity: indices.count) { out, initialized in
                    for (k, i) in indices.enumerated() { out.initializeElement(at: k, to: column[Int(i)]) }
                    initialized = indices.count
                }
            }
        }
    }
}
