//! JS binding of the policy-staff tools (runCases, diff). STUB.
