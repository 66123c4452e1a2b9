// A worker's entry point needs the connection (TemporalContractsGRPC), a ServiceGroup to run the
// worker under (swift-service-lifecycle) and a Logger (swift-log): re-exported, so that
// `import TemporalContractsWorker` and a dependency on this product are all it takes.
@_exported import Logging
@_exported import ServiceLifecycle
@_exported import TemporalContracts
@_exported import TemporalContractsGRPC
