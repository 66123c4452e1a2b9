import Foundation
import TemporalContracts

/// The contract's activities for the example: a card charge and a stock reservation that call
/// no payment provider or warehouse, so the example runs anywhere. They are deterministic: the
/// same payment always gets the same receipt, as a real provider's idempotency key would give.
public struct OrderActivities: Orders.ActivityImplementations {
    public init() {}

    /// Charges the payment and returns its receipt, dated when the charge was scheduled.
    ///
    /// - Throws: `CardDeclined` (non-retryable in the contract) for an empty card token or a
    ///   negative amount.
    public func chargeCard(_ input: Orders.Payment, context: any ActivityContext) async throws -> Orders.Receipt {
        guard !input.cardToken.isEmpty, input.amount.amountMinor >= 0 else {
            throw ApplicationError("card declined for order \(input.orderID)", type: "CardDeclined")
        }
        context.logger.info("charged \(input.amount.formatted) for order \(input.orderID)")
        return Orders.Receipt(receiptID: Self.receiptID(for: input), chargedAt: context.info.scheduledTime)
    }

    /// Reserves `quantity` units of `sku`.
    ///
    /// - Throws: `InvalidQuantity`, non-retryable (another attempt would fail the same way), for a
    ///   quantity that is not positive.
    public func reserveStock(sku: String, quantity: Int32, context: any ActivityContext) async throws {
        guard quantity > 0 else {
            throw ApplicationError("cannot reserve \(quantity) of \(sku)", type: "InvalidQuantity", isNonRetryable: true)
        }
        context.logger.info("reserved \(quantity) of \(sku)")
    }

    /// A UUID derived from the order and the amount (two FNV-1a hashes), so a retried charge
    /// returns the receipt of the first attempt.
    static func receiptID(for payment: Orders.Payment) -> UUID {
        let key = Array("\(payment.orderID)|\(payment.amount.amountMinor)|\(payment.amount.currency)".utf8)
        func fnv1a(seed: UInt64) -> UInt64 {
            key.reduce(seed) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
        }
        var bytes = withUnsafeBytes(of: (fnv1a(seed: 0xcbf2_9ce4_8422_2325).bigEndian, fnv1a(seed: 0x8422_2325_cbf2_9ce4).bigEndian)) {
            Array($0)
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x80  // version 8: a custom, non-random UUID
        bytes[8] = (bytes[8] & 0x3f) | 0x80  // the RFC 9562 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        )
    }
}

extension Common.Money {
    /// The amount for people, as "28.50 EUR": two decimal places, as the example's currency has.
    public var formatted: String {
        let units = amountMinor.magnitude
        return "\(amountMinor < 0 ? "-" : "")\(units / 100).\(units % 100 < 10 ? "0" : "")\(units % 100) \(currency)"
    }
}
