//! Case files (SPEC §4): requests with expected decisions, run against a policy. STUB.
