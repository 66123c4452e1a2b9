import TemporalAPI
import TemporalContracts

extension WorkflowIDReusePolicy {
    public var apiPolicy: Temporal_Api_Enums_V1_WorkflowIdReusePolicy {
        switch self {
        case .allowDuplicate: .allowDuplicate
        case .allowDuplicateFailedOnly: .allowDuplicateFailedOnly
        case .rejectDuplicate: .rejectDuplicate
        case .terminateIfRunning: .terminateIfRunning
        }
    }
}

extension WorkflowIDConflictPolicy {
    public var apiPolicy: Temporal_Api_Enums_V1_WorkflowIdConflictPolicy {
        switch self {
        case .fail: .fail
        case .useExisting: .useExisting
        case .terminateExisting: .terminateExisting
        }
    }
}

extension ParentClosePolicy {
    /// The policy as the API carries it.
    public var apiPolicy: Temporal_Api_Enums_V1_ParentClosePolicy {
        switch self {
        case .terminate: .terminate
        case .abandon: .abandon
        case .requestCancel: .requestCancel
        }
    }
}
