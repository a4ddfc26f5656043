//! Structural differences between two policy versions, and the cases they change. STUB.
