import TemporalContracts
import Testing

struct ClientErrorDescriptionTests {
    @Test func aFailedUpdateNamesTheTypeOfEachCauseInItsDescription() {
        let error = WorkflowUpdateFailedError(
            updateName: "SetBudget",
            updateID: "update-1",
            cause: ApplicationError(
                "budget must not be negative",
                type: "InvalidBudget",
                cause: CanceledError("the caller gave up")
            )
        )
        #expect(
            error.description
                == "update 'SetBudget' (update-1) failed: InvalidBudget: budget must not be negative; caused by CanceledError: the caller gave up"
        )
    }
}
