import Foundation
import TemporalContracts

/// Reserves a hotel with Python's ReserveHotel activity, naps on a timer, gets a confirmation
/// from Python's ConfirmBooking child workflow, then waits for approval. The `loyalty-points`
/// patch marks runs started on this version.
public final class BookTripWorkflow: TripHandlers {
    public let trip = TripState()

    public init() {}

    public func run(_ input: Trips.Trip, context: any WorkflowContext) async throws -> Trips.Itinerary {
        let hotel = try await trip.reserve(input, context: context)
        let loyalty = context.patched("loyalty-points")
        try await trip.nap(input, context: context)
        return try await trip.finish(input, hotel: hotel, loyalty: loyalty, context: context)
    }
}

/// BookTrip as it was before the `loyalty-points` patch: its histories must replay on
/// `BookTripWorkflow`, and runs it started must finish there without the patch.
public final class UnpatchedBookTripWorkflow: TripHandlers {
    public let trip = TripState()

    public init() {}

    public func run(_ input: Trips.Trip, context: any WorkflowContext) async throws -> Trips.Itinerary {
        let hotel = try await trip.reserve(input, context: context)
        try await trip.nap(input, context: context)
        return try await trip.finish(input, hotel: hotel, loyalty: false, context: context)
    }
}

/// An incompatible change: the nap moved before the reservation, so the first command is a
/// timer where histories recorded the activity. Replaying an older run must fail, naming the
/// `ActivityTaskScheduled` event.
public final class ReorderedBookTripWorkflow: TripHandlers {
    public let trip = TripState()

    public init() {}

    public func run(_ input: Trips.Trip, context: any WorkflowContext) async throws -> Trips.Itinerary {
        try await trip.nap(input, context: context)
        let hotel = try await trip.reserve(input, context: context)
        let loyalty = context.patched("loyalty-points")
        return try await trip.finish(input, hotel: hotel, loyalty: loyalty, context: context)
    }
}

/// The signal, query and update handlers every BookTrip version shares.
public protocol TripHandlers: Trips.BookTripWorkflow {
    var trip: TripState { get }
}

extension TripHandlers {
    public func approve(_ input: String, context: any WorkflowContext) async throws { trip.approvedBy = input }
    public func addStop(_ input: String, context: any WorkflowContext) async throws { trip.stops.append(input) }
    public func getStatus(context: any WorkflowContext) throws -> Trips.TripStatus { trip.status }
    public func setBudget(_ input: Int, context: any WorkflowContext) async throws -> Int { trip.setBudget(input) }
    public func validateSetBudget(_ input: Int, context: any WorkflowContext) throws { try TripState.validate(budget: input) }
}

/// The state and steps the BookTrip versions share.
public final class TripState {
    var stage = "starting"
    var stops: [String] = []
    var budget = 0
    var approvedBy: String?

    var status: Trips.TripStatus {
        Trips.TripStatus(stage: stage, stops: stops, budget: budget, approvedBy: approvedBy)
    }

    func reserve(_ trip: Trips.Trip, context: any WorkflowContext) async throws -> Trips.HotelBooking {
        stage = "reserving"
        return try await Trips.ActivityStubs(context).reserveHotel(
            Trips.HotelRequest(traveler: trip.traveler, city: trip.city, nights: trip.nights)
        )
    }

    func nap(_ trip: Trips.Trip, context: any WorkflowContext) async throws {
        stage = "napping"
        try await context.sleep(for: .seconds(trip.napSeconds))
    }

    func finish(_ trip: Trips.Trip, hotel: Trips.HotelBooking, loyalty: Bool, context: any WorkflowContext) async throws -> Trips.Itinerary
    {
        stage = "confirming"
        let confirmation = try await Trips.ChildWorkflowStubs(context).executeConfirmBooking(
            Trips.Booking(traveler: trip.traveler, hotel: hotel.hotel),
            options: ChildWorkflowOptions(id: "\(context.info.workflowID)-confirm")
        )
        stage = "awaiting approval"
        try await context.condition { self.approvedBy != nil }
        stage = "done"
        return Trips.Itinerary(
            traveler: trip.traveler,
            city: trip.city,
            stops: stops,
            hotel: hotel,
            confirmation: confirmation,
            budget: budget,
            approvedBy: approvedBy ?? "",
            loyalty: loyalty
        )
    }

    func setBudget(_ value: Int) -> Int {
        defer { budget = value }
        return budget
    }

    static func validate(budget: Int) throws {
        guard budget >= 0 else { throw ApplicationError("budget must not be negative, got \(budget)", type: "InvalidBudget") }
    }
}
