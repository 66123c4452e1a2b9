import InteropWorkflows

// The generated types, by their short names, for readable tests.
typealias Order = Fulfillment.Order
typealias LineItem = Fulfillment.LineItem
typealias Receipt = Fulfillment.Receipt
typealias Progress = Fulfillment.Progress
typealias Approval = Fulfillment.Approval
typealias Priority = Fulfillment.Priority
typealias CountdownState = Fulfillment.CountdownState
typealias FailureRequest = Fulfillment.FailureRequest
typealias FailureDetail = Fulfillment.FailureDetail
