import Dispatch
import Foundation
import TemporalContracts

extension Orders {
    /// Sleeps, spawns and dispatches outside the engine.
    final class ConcurrencyWorkflow: ShipOrderWorkflow {
        func run(orderID: String, address: Common.Address, express: Bool, context: any WorkflowContext) async throws {
            try await Task.sleep(for: .seconds(1))
            let detached = Task.detached { 1 }
            Task { await self.helper() }
            DispatchQueue.main.async {}
            Thread.sleep(forTimeInterval: 1)
            try await context.sleep(for: .seconds(1))
            async let fine = context.uuid()
            _ = (await detached.value, await fine)
        }

        func helper() async {
            let group = DispatchGroup()
            group.wait()
        }
    }
}
