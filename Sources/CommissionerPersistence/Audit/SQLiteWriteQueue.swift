/// SQLite lets one writer in at a time, and its driver answers a busy database by retrying at once
/// on a pool thread, so two transactions from this process would spin against each other. Writers
/// in this process take their turn here instead; another process (the command line) still meets
/// SQLite's own lock.
actor SQLiteWriteQueue {
    static let shared = SQLiteWriteQueue()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
