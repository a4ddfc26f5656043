//! Published policies (`Policy::publish` / `Policy::from_published`): the same answers byte
//! for byte as the policy they were published from — the whole conformance corpus, every
//! pack's case file (full, compact, checklist, timeline and targets), a policy set — and
//! structured errors, never a panic, for bytes that are cut short, altered or garbled.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use intake_rules::api;
use intake_rules::diag::Code;
use intake_rules::engine::policy_set::PolicySet;
use intake_rules::Policy;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The envelope's length before the payload: magic, format, kind, SHA-256.
const HEADER: usize = 5 + 1 + 1 + 32;

fn policy_for(name: &str) -> Policy {
    match name {
        "fixture" => Policy::from_json(include_str!("engine/policy.json")).unwrap(),
        "s7-accept" => Policy::from_json(include_str!("fixtures/s7-accept/policy.json")).unwrap(),
        "s7" => Policy::from_json(include_str!("fixtures/s7/policy.json")).unwrap(),
        other => api::builtin_policy(other.trim_start_matches("builtin:")).unwrap(),
    }
}

fn round_trip(p: &Policy) -> Policy {
    let bytes = p.publish();
    let back = Policy::from_published(&bytes).expect("a published policy loads");
    // Publishing the loaded policy again gives the same bytes: nothing was lost or added.
    assert_eq!(back.publish(), bytes, "publish(from_published(x)) == x");
    back
}

/// Every answer a request gets, as text (errors as their code).
fn answers(p: &Policy, request: &str) -> Vec<String> {
    let show = |r: Result<String, api::Error>| match r {
        Ok(s) => s,
        Err(e) => format!("{}:{}", e.name(), e.code()),
    };
    vec![
        show(api::evaluate_json(p, request)),
        show(api::evaluate_compact_json(p, request)),
        show(api::checklist_json(p, request)),
        show(api::timeline_json(p, request)),
    ]
}

#[test]
fn the_conformance_corpus_is_byte_identical_through_a_published_round_trip() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("conformance/cases.json")).unwrap();
    assert!(cases.len() > 20);
    for c in &cases {
        let p = policy_for(c["policy"].as_str().unwrap());
        let q = round_trip(&p);
        let request = c["request"].to_string();
        assert_eq!(
            answers(&q, &request),
            answers(&p, &request),
            "case {}",
            c["name"]
        );
    }
}

#[test]
fn every_pack_case_is_byte_identical_and_so_are_targets_and_fingerprints() {
    let packs = [
        (
            "joint-utility-connection",
            include_str!("../packs/joint-utility-connection.cases.json"),
        ),
        (
            "industrial-drawing-review",
            include_str!("../packs/industrial-drawing-review.cases.json"),
        ),
        (
            "food-business-licence",
            include_str!("../packs/food-business-licence.cases.json"),
        ),
    ];
    assert_eq!(
        api::builtin_ids().len(),
        packs.len(),
        "every built-in pack is covered"
    );
    for (id, cases) in packs {
        let p = api::builtin_policy(id).unwrap();
        let q = round_trip(&p);
        assert_eq!(q.fingerprint(), p.fingerprint());
        assert_eq!((&q.id, &q.version), (&p.id, &p.version));
        assert_eq!(
            api::to_json(&api::targets(&q)),
            api::to_json(&api::targets(&p)),
            "{id}: targets()"
        );
        let cases: Value = serde_json::from_str(cases).unwrap();
        let cases = cases["cases"].as_array().unwrap();
        assert!(cases.len() >= 10, "{id}: its case file");
        for c in cases {
            let request = c["request"].to_string();
            assert_eq!(
                answers(&q, &request),
                answers(&p, &request),
                "{id}: {}",
                c["name"]
            );
        }
    }
}

#[test]
fn a_policy_set_round_trips_and_decides_by_the_version_in_force() {
    for id in api::builtin_set_ids() {
        let set = api::builtin_set(id).unwrap();
        let bytes = set.publish();
        let back = PolicySet::from_published(&bytes).unwrap();
        assert_eq!(back.publish(), bytes);
        assert_eq!(
            api::to_json(&back.versions()),
            api::to_json(&set.versions())
        );
        let cases: Value = serde_json::from_str(include_str!(
            "../packs/industrial-drawing-review.cases.json"
        ))
        .unwrap();
        for c in cases["cases"].as_array().unwrap() {
            let request = c["request"].to_string();
            assert_eq!(
                api::set_evaluate_json(&back, &request).map_err(|e| e.code()),
                api::set_evaluate_json(&set, &request).map_err(|e| e.code()),
            );
        }
        // A set is not a policy, and a policy is not a set.
        assert_eq!(code(Policy::from_published(&bytes)), Code::BadPublished);
        let one = api::builtin_policy("joint-utility-connection")
            .unwrap()
            .publish();
        assert_eq!(
            PolicySet::from_published(&one).unwrap_err().issues[0].code,
            Code::BadPublished
        );
    }
}

fn code(r: Result<Policy, intake_rules::policy::PolicyError>) -> Code {
    let e = r.expect_err("rejected");
    assert_eq!(e.issues.len(), 1);
    let d = &e.issues[0];
    assert_eq!((d.path.as_str(), d.line, d.column), ("", None, None));
    assert!(!d.message.zh.is_empty() && !d.message.en.is_empty());
    d.code
}

/// The bytes with `payload` under a fresh checksum: what an encoder bug (or a forger) would
/// produce, so the decoder's own checks are reached.
fn resealed(bytes: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut out = bytes[..7].to_vec();
    out.extend_from_slice(&Sha256::digest(payload));
    out.extend_from_slice(payload);
    out
}

#[test]
fn damaged_bytes_are_structured_errors_never_panics() {
    let p = api::builtin_policy("joint-utility-connection").unwrap();
    let bytes = p.publish();
    assert!(bytes.len() > 1000);
    // Not published at all: empty, JSON text, another magic.
    assert_eq!(code(Policy::from_published(b"")), Code::BadPublished);
    assert_eq!(
        code(Policy::from_published(b"{\"format\": 1}")),
        Code::BadPublished
    );
    let mut other = bytes.clone();
    other[0] = b'X';
    assert_eq!(code(Policy::from_published(&other)), Code::BadPublished);
    // Another format version.
    let mut newer = bytes.clone();
    newer[5] = newer[5].wrapping_add(1);
    assert_eq!(
        code(Policy::from_published(&newer)),
        Code::PublishedMismatch
    );
    // Cut short anywhere, or one byte altered anywhere: the checksum catches it.
    for n in (0..bytes.len()).step_by(7) {
        assert_eq!(
            code(Policy::from_published(&bytes[..n])),
            Code::BadPublished,
            "cut at {n}"
        );
    }
    for i in (HEADER..bytes.len()).step_by(13) {
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        assert_eq!(
            code(Policy::from_published(&b)),
            Code::BadPublished,
            "byte {i}"
        );
    }
    // The decoder itself, behind a valid checksum: truncated payloads, garbled bytes, extra
    // bytes at the end. Loads that succeed must be well-formed policies (they publish again).
    let payload = &bytes[HEADER..];
    for n in (0..payload.len()).step_by(5) {
        let b = resealed(&bytes, &payload[..n]);
        assert_eq!(
            code(Policy::from_published(&b)),
            Code::BadPublished,
            "payload cut at {n}"
        );
    }
    let mut extra = payload.to_vec();
    extra.push(0);
    assert_eq!(
        code(Policy::from_published(&resealed(&bytes, &extra))),
        Code::BadPublished
    );
    let mut seed: u32 = 0x1a7a6e;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let mut loaded = 0;
    for _ in 0..3000 {
        let mut g = payload.to_vec();
        for _ in 0..(1 + next() % 3) {
            let i = next() as usize % g.len();
            g[i] = match next() % 4 {
                0 => 0,
                1 => 0xff,
                2 => g[i].wrapping_add(1),
                _ => next() as u8,
            };
        }
        if let Ok(q) = Policy::from_published(&resealed(&bytes, &g)) {
            // A change the model accepts (a label's text, a limit): still a usable policy.
            loaded += 1;
            let _ = answers(
                &q,
                r#"{"target":"joint","form":{},"submitted_at":"2026-09-30T10:00"}"#,
            );
            assert!(Policy::from_published(&q.publish()).is_ok());
        }
    }
    assert!(loaded < 3000, "most garbled payloads are refused");
}

#[test]
fn other_calendar_data_is_a_mismatch() {
    let p = api::builtin_policy("joint-utility-connection").unwrap();
    let bytes = p.publish();
    let version = p.calendar.data_version().to_string();
    let payload = &bytes[HEADER..];
    // The calendar's data version is written as a length and its UTF-8 bytes.
    let at = payload
        .windows(version.len())
        .position(|w| w == version.as_bytes())
        .expect("the calendar version is in the payload");
    let mut g = payload.to_vec();
    let last = at + version.len() - 1;
    g[last] = if g[last] == b'0' { b'1' } else { b'0' };
    let e = Policy::from_published(&resealed(&bytes, &g)).unwrap_err();
    assert_eq!(
        e.issues[0].code,
        Code::PublishedMismatch,
        "{:?}",
        e.issues[0].message
    );
    assert!(
        e.issues[0].message.en.contains(&version),
        "{}",
        e.issues[0].message.en
    );
}

#[test]
fn a_published_policy_is_smaller_and_loads_faster_than_its_json() {
    let text = include_str!("../packs/joint-utility-connection.json");
    let p = Policy::from_json(text).unwrap();
    let bytes = p.publish();
    assert!(
        bytes.len() < text.len(),
        "{} vs {}",
        bytes.len(),
        text.len()
    );
}

#[test]
fn a_fingerprint_left_to_first_use_is_the_same() {
    let text = include_str!("../packs/joint-utility-connection.json");
    let p = Policy::from_json(text)
        .unwrap()
        .without_source_unfingerprinted();
    assert!(!p.has_fingerprint());
    let expected = Policy::from_json(text).unwrap().fingerprint().to_string();
    assert_eq!(p.fingerprint_from_text(text), expected);
    assert!(p.has_fingerprint());
}
