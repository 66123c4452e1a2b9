// The generated `Orders.MockClient` and `Orders.MockActivities` extend OrderService's namespace;
// re-exported so a test imports this module alone.
@_exported import OrderService
