import SwiftProtobufPluginLibrary

extension ProtoContractReader {
    /// The contract (Swift namespace) name of a service: its name, with `Service` appended when the
    /// name would hide a Swift or module name (`service Optional` → `OptionalService`), much as
    /// swift-protobuf appends `Message` or `Enum` to such names. A `.proto` file cannot be asked to
    /// rename its service, so the rename is a warning, not an error.
    mutating func contractName(of service: ServiceDescriptor, at location: SourceLocation) -> String {
        let name = SwiftNaming.typeName(service.name)
        guard SwiftNaming.reservedContractNames.contains(name) else { return name }
        let renamed = name + "Service"
        diagnostics.warning(
            "service '\(service.name)' generates the namespace '\(renamed)', since '\(name)' would hide Swift's or a module's own name",
            at: location,
            hint: "refer to it as `\(renamed)` in Swift; wire names (workflow and handler names) are unchanged"
        )
        return renamed
    }
}
