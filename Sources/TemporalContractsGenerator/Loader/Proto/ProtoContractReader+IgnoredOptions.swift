extension ProtoContractReader {
    /// Why the Swift generator ignores a `temporal.v1` option (`xns`, `update.cli`, …) and what to do instead.
    static func ignoredOptionReason(_ name: String) -> (why: String, hint: String) {
        switch name.split(separator: ".").last.map(String.init) ?? name {
        case "cli":
            return (
                "it configures the command-line tool protoc-gen-go-temporal generates for Go",
                "Go-only; the generated Swift behaves as if it were unset"
            )
        case "xns":
            return (
                "it configures protoc-gen-go-temporal's Go cross-namespace activities",
                "Go-only; from Swift, start the workflow with a client of the other namespace"
            )
        case "patches":
            return (
                "it selects protoc-gen-go-temporal's Go code patches (workflow.GetVersion changes of generated Go)",
                "Go-only; the generated Swift has no such patches"
            )
        case "nexus":
            return ("Nexus services are not generated yet (a later issue)", "the generated Swift behaves as if it were unset")
        case "namespace":
            return (
                "protoc-gen-go-temporal deprecates it",
                "pass the namespace to the client (TemporalClient) instead"
            )
        default:
            return (
                "the Swift generator does not support it yet",
                "the Go generator reads it; the generated Swift behaves as if it were unset"
            )
        }
    }
}
