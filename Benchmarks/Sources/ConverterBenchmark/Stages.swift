import BenchmarkSupport
import Foundation
import TemporalContracts

/// `Order.self`, seen only as `Any.Type` so casts and formatting happen at run time.
nonisolated(unsafe) var opaqueType: Any.Type = Order.self

/// A coarse breakdown of the Swift round trip: the converter's two halves, the JSON coders alone
/// (with the converter's settings and without them), the date and UUID work, and the dynamic
/// casts and type-name formatting that `DefaultPayloadConverter` does on every call.
enum Stages {
    static func run(
        options: ConverterBenchmark.Options,
        converter: DefaultPayloadConverter,
        order: Order,
        payload: Payload,
        swiftRoundTrip: Rates
    ) throws {
        var stageOptions = options
        stageOptions.warmup = min(options.warmup, 0.2)
        let seconds = min(options.seconds, 0.3)
        let roundTripMicros = 1_000_000 / swiftRoundTrip.median

        let temporalEncoder = TemporalJSON.makeEncoder()
        let temporalDecoder = TemporalJSON.makeDecoder()
        let data = payload.data

        let unsortedEncoder = TemporalJSON.makeEncoder()
        unsortedEncoder.outputFormatting = [.withoutEscapingSlashes]
        let numericDateEncoder = TemporalJSON.makeEncoder()
        numericDateEncoder.dateEncodingStrategy = .secondsSince1970
        let plainEncoder = JSONEncoder()
        let numericDateDecoder = JSONDecoder()
        numericDateDecoder.dateDecodingStrategy = .secondsSince1970
        let numericDateData = try numericDateEncoder.encode(order)
        let plainDecoder = JSONDecoder()
        let plainData = try plainEncoder.encode(order)
        let dateText = RFC3339.string(from: order.placedAt)
        let anyOrder: Any = order
        // Read through globals the optimizer cannot fold, as the unspecialized converter sees them.
        if CommandLine.arguments.count > 1_000 { opaqueType = Int.self }

        typealias Stage = (group: String, name: String, body: () throws -> Int)
        let stages: [Stage] = [
            ("converter", "toPayload(order)", { try converter.toPayload(order).data.count }),
            ("converter", "fromPayload(payload, as: Order.self)", { try converter.fromPayload(payload, as: Order.self).items.count }),
            ("coders", "TemporalJSON encoder .encode(order), generic", { try temporalEncoder.encode(order).count }),
            (
                "coders", "TemporalJSON encoder, value as `any Encodable`",
                {
                    let encodable: any Encodable = order
                    return try temporalEncoder.encode(encodable).count
                }
            ),
            ("coders", "TemporalJSON decoder .decode(Order.self, …)", { try temporalDecoder.decode(Order.self, from: data).items.count }),
            (
                "coders", "TemporalJSON decoder, type as `any Decodable.Type`",
                {
                    let type: any Decodable.Type = Order.self
                    return (try temporalDecoder.decode(type, from: data) as! Order).items.count
                }
            ),
            ("variants", "encoder without .sortedKeys", { try unsortedEncoder.encode(order).count }),
            ("variants", "encoder, dates .secondsSince1970 (no closure)", { try numericDateEncoder.encode(order).count }),
            ("variants", "plain JSONEncoder() (no sorting, no closure)", { try plainEncoder.encode(order).count }),
            (
                "variants", "decoder, dates .secondsSince1970 (no closure)",
                {
                    try numericDateDecoder.decode(Order.self, from: numericDateData).items.count
                }
            ),
            (
                "variants", "plain JSONDecoder() on plain JSONEncoder output",
                { try plainDecoder.decode(Order.self, from: plainData).items.count }
            ),
            ("pieces", "RFC3339.string(from: date)", { RFC3339.string(from: order.placedAt).utf8.count }),
            ("pieces", "RFC3339.date(from: text)", { Int(RFC3339.date(from: dateText)?.timeIntervalSince1970 ?? 0) }),
            ("pieces", "uuid.uuidString.lowercased()", { order.trackingID.uuidString.lowercased().utf8.count }),
            ("pieces", "\"\\(Value.self)\" unspecialized (fromPayload's typeName)", { "\(opaqueType)".utf8.count }),
            ("pieces", "payload.encoding (metadata → String)", { payload.encoding?.utf8.count ?? 0 }),
            ("pieces", "casts: value as? any Encodable", { (anyOrder as? any Encodable) == nil ? 0 : 1 }),
            ("pieces", "casts: value as? any ProtobufPayload (miss)", { (anyOrder as? any ProtobufPayload) == nil ? 0 : 1 }),
            ("pieces", "casts: Value.self as? any Decodable.Type", { (opaqueType as? any Decodable.Type) == nil ? 0 : 1 }),
        ]

        print(
            "where the Swift round trip goes (median of \(options.runs) runs of ≥ \(format(seconds, digits: 1)) s each; "
                + "% of one round trip, \(format(roundTripMicros, digits: 2)) µs):"
        )
        var group = ""
        for stage in stages {
            if stage.group != group {
                group = stage.group
                print("  \(group)")
            }
            let rates = try measure(stageOptions, runs: options.runs, seconds: seconds, stage.body)
            let micros = 1_000_000 / rates.median
            print(
                "    " + pad(stage.name, 54) + lpad(format(micros, digits: 3) + " µs", 13)
                    + lpad(format(100 * micros / roundTripMicros, digits: 1) + "%", 8)
            )
        }
    }
}
