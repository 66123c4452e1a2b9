import SwiftProtobuf

extension Duration {
    /// The duration as `google.protobuf.Duration` (SwiftProtobuf's conversion, named for the call
    /// sites that fill API messages; `Duration(_:)` converts back).
    public var protobufDuration: Google_Protobuf_Duration {
        Google_Protobuf_Duration(rounding: self)
    }
}
