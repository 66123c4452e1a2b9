import SwiftProtobuf

extension Duration {
    /// The duration as `google.protobuf.Duration`.
    public var protobufDuration: Google_Protobuf_Duration {
        let (seconds, attoseconds) = components
        return Google_Protobuf_Duration(seconds: seconds, nanos: Int32(attoseconds / 1_000_000_000))
    }

    public init(_ duration: Google_Protobuf_Duration) {
        self = .seconds(duration.seconds) + .nanoseconds(Int64(duration.nanos))
    }
}
