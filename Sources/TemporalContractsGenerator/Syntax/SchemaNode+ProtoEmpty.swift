/// `google.protobuf.Empty` stands for no input or output, in both the proto reader and the resolver.
extension SchemaNode {
    var isProtoEmpty: Bool {
        if case .protoEmpty = schema { return true }
        return false
    }
}
