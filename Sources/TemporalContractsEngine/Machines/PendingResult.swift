/// A value workflow code waits for: resolved by a history event (or at once), awaited on the
/// workflow executor. Either side may come first.
final class PendingResult<Value: Sendable> {
    private var continuation: CheckedContinuation<Value, any Error>?
    private(set) var result: Result<Value, any Error>?

    var isResolved: Bool { result != nil }

    /// Resolves once; later resolutions are ignored (a cancelled wait may still see its event).
    func resolve(_ result: Result<Value, any Error>) {
        guard self.result == nil else { return }
        self.result = result
        if let continuation {
            self.continuation = nil
            continuation.resume(with: result)
        }
    }

    func wait() async throws -> Value {
        if let result { return try result.get() }
        return try await withCheckedThrowingContinuation { continuation in
            if let result {
                continuation.resume(with: result)
            } else {
                self.continuation = continuation
            }
        }
    }
}
