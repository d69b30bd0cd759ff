/// Runs CPU-bound work over many items on every core: the items are cut into
/// `tasks` contiguous slices, each slice runs as one child task on
/// ``CryptoWorkExecutor``, and the results come back in the items' order.
/// A KMS's batch of key sets and a group re-key share it.
package enum ParallelWork {
    /// `body(index, item)` for every item, in order.
    package static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], tasks: Int, _ body: @escaping @Sendable (Int, Item) -> Output
    ) async -> [Output] {
        let taskCount = max(1, min(tasks, items.count))
        let sliceCount = max(1, (items.count + taskCount - 1) / taskCount)
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            for start in stride(from: 0, to: items.count, by: sliceCount) {
                let slice = items[start ..< min(start + sliceCount, items.count)]
                group.addTask(executorPreference: CryptoWorkExecutor.shared) {
                    (start, slice.enumerated().map { offset, item in body(start + offset, item) })
                }
            }
            var parts: [(start: Int, results: [Output])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.start < $1.start }.flatMap(\.results)
        }
    }
}
