/// A started set of servers and workers that a test must stop whatever happens.
protocol TestEnvironment: Sendable {
    func stop() async
}

extension TestEnvironment {
    /// Runs `body` with the environment and stops it after, also when `body` throws.
    func use<Result: Sendable>(_ body: (Self) async throws -> Result) async throws -> Result {
        do {
            let result = try await body(self)
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }
}

extension FulfillmentEnvironment: TestEnvironment {}
extension WarehouseEnvironment: TestEnvironment {}
extension TLSProxy: TestEnvironment {}
