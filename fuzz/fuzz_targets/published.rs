//! Arbitrary bytes as a published policy: `Policy::from_published` returns a policy or one
//! structured issue (`bad_published`, `published_mismatch`) — never a panic, never unbounded
//! work. Inputs whose first byte is odd are taken as a payload and sealed with a valid header
//! and checksum first, so the decoder itself (tags, lengths, nesting, references) is fuzzed,
//! not only the checksum. A policy that loads decides a request and publishes again to bytes
//! that load to the same policy.
#![no_main]
use intake_rules::diag::Code;
use intake_rules::Policy;
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

fn seal(payload: &[u8]) -> Vec<u8> {
    let mut out = b"IRPUB".to_vec();
    out.push(intake_rules::policy::published::FORMAT);
    out.push(1); // a policy
    out.extend_from_slice(&Sha256::digest(payload));
    out.extend_from_slice(payload);
    out
}

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((first, rest)) if first % 2 == 1 => seal(rest),
        _ => data.to_vec(),
    };
    match Policy::from_published(&bytes) {
        Ok(p) => {
            let _ = intake_rules::api::evaluate_json(
                &p,
                r#"{"target":"joint","form":{},"submitted_at":"2026-09-30T10:00"}"#,
            );
            let again = p.publish();
            let q = Policy::from_published(&again).expect("a published policy loads again");
            assert_eq!(q.publish(), again);
        }
        Err(e) => {
            assert_eq!(e.issues.len(), 1);
            assert!(matches!(e.issues[0].code, Code::BadPublished | Code::PublishedMismatch));
        }
    }
});
