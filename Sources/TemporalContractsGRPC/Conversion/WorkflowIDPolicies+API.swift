import TemporalAPI
import TemporalContracts

extension WorkflowIDReusePolicy {
    var apiPolicy: Temporal_Api_Enums_V1_WorkflowIdReusePolicy {
        switch self {
        case .allowDuplicate: .allowDuplicate
        case .allowDuplicateFailedOnly: .allowDuplicateFailedOnly
        case .rejectDuplicate: .rejectDuplicate
        case .terminateIfRunning: .terminateIfRunning
        }
    }
}

extension WorkflowIDConflictPolicy {
    var apiPolicy: Temporal_Api_Enums_V1_WorkflowIdConflictPolicy {
        switch self {
        case .fail: .fail
        case .useExisting: .useExisting
        case .terminateExisting: .terminateExisting
        }
    }
}
