//! String formats: real-shaped valid values (check characters computed independently of the
//! crate, by hand and with a separate script) and every kind of invalid one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use intake_rules::engine::formats::{
    check, cn_mobile, cn_postcode, cn_resident_id, cn_resident_id_check_char, describe, email,
    uscc, uscc_check_char,
};
use intake_rules::policy::StringFormat;

/// Asserts `f` accepts every `valid` and rejects every `invalid` value, naming the culprit.
fn check_all(name: &str, f: fn(&str) -> bool, valid: &[&str], invalid: &[&str]) {
    for v in valid {
        assert!(f(v), "{name}: `{v}` should be valid");
    }
    for v in invalid {
        assert!(!f(v), "{name}: `{v}` should be invalid");
    }
}

const VALID_USCC: &[&str] = &[
    "91350100M000100Y43", // the SPEC's example (福州, 企业)
    "91110000MA01ABCD1M", // 工商 / 企业, 北京
    "91440300MA5F123452", // 工商 / 企业, 深圳
    "93350100MA3K1E2L7L", // 工商 / 农民专业合作社
    "52440300MJL1234565", // 民政 / 民办非企业单位
    "12100000400000123X", // 机构编制 / 事业单位, check character X
    "31110000A12345678H", // 司法行政 / 律师事务所
    "N2330106MF00000010", // 农业 / 村级集体经济组织, check character 0 (31 → 0)
    "Y1310115MA1K4XXX1K", // 其他
];

#[test]
fn uscc_valid() {
    check_all("uscc", uscc, VALID_USCC, &[]);
    for v in VALID_USCC {
        assert!(check(StringFormat::Uscc, v));
    }
}

#[test]
fn uscc_invalid() {
    check_all(
        "uscc",
        uscc,
        &[],
        &[
            "",
            "91350100M000100Y4",                    // 17 characters
            "91350100M000100Y433",                  // 19 characters
            "91350100M000100Y44",                   // wrong check character
            "91350100M000100Y4Z",                   // check character outside the alphabet
            "91350100m000100y43",                   // lower case
            "91350100M000100y43",                   // one lower-case letter
            "91350100I000100Y43",                   // I is not used
            "91350100O000100Y43",                   // O is not used
            "91350100S000100Y43",                   // S is not used
            "91350100V000100Y43",                   // V is not used
            "91350100Z000100Y43",                   // Z is not used
            "B1350100M000100Y4X",                   // B is not a registration authority
            "0135010000000000YX",                   // nor is 0
            "913501A0M000100Y43",                   // letters in the division code
            "９1350100M000100Y43",                  // full-width digit
            "91350100M000100Y4３",                  // full-width check character
            "91350100M000100Y4 ",                   // trailing space
            " 91350100M000100Y43",                  // leading space
            "91350100-M000100Y43",                  // separator
            "统一社会信用代码统一社会信用代码统一", // 18 non-ASCII characters
        ],
    );
}

#[test]
fn uscc_check_character_of_every_example() {
    for v in VALID_USCC {
        let (body, last) = v.split_at(17);
        assert_eq!(
            uscc_check_char(body).map(String::from).as_deref(),
            Some(last)
        );
    }
    assert_eq!(uscc_check_char("9135010"), None);
    assert_eq!(uscc_check_char("91350100I000100Y4"), None);
    assert_eq!(uscc_check_char("91350100中00100Y"), None);
}

#[test]
fn every_single_character_change_of_a_uscc_is_caught() {
    // The MOD 31 check detects every single substitution.
    let alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for v in VALID_USCC {
        for pos in 0..18 {
            for c in alphabet.chars() {
                let mut s: Vec<char> = v.chars().collect();
                if s[pos] == c {
                    continue;
                }
                s[pos] = c;
                let s: String = s.into_iter().collect();
                assert!(!uscc(&s), "{s}");
            }
        }
    }
}

const VALID_IDS: &[&str] = &[
    "11010519491231002X", // GB 11643-1999's own example, check digit X
    "11010519491231002x", // lower-case x is accepted
    "110105200002290013", // born 2000-02-29 (leap: divisible by 400)
    "440304199602290012", // born 1996-02-29
    "44030419960229008X", // born 1996-02-29, check digit X
    "350102198510170013",
    "35010219851017003X",
    "510107190001010017", // born 1900-01-01, the earliest accepted
    "650102202312310011",
    "810000199001010019", // 香港居民居住证 address code 81
];

#[test]
fn resident_id_valid() {
    check_all("cn-resident-id", cn_resident_id, VALID_IDS, &[]);
    for v in VALID_IDS {
        assert!(check(StringFormat::CnResidentId, v));
    }
    assert_eq!(cn_resident_id_check_char("11010519491231002"), Some('X'));
}

#[test]
fn resident_id_invalid() {
    check_all(
        "cn-resident-id",
        cn_resident_id,
        &[],
        &[
            "",
            "11010519491231002",                      // 17 characters
            "11010519491231002XX",                    // 19 characters
            "110105491231002",                        // old 15-digit number
            "110105194912310021",                     // wrong check digit
            "110105194912310020",                     // wrong check digit
            "11010519491231002Y",                     // check character neither digit nor X
            "X10105194912310020",                     // X elsewhere than the end
            "1101051949123100X2",                     // X elsewhere than the end
            "110105199902300015",                     // 1999-02-30 does not exist
            "110105199913010018",                     // month 13
            "110105199900010013",                     // month 0
            "110105199901000013",                     // day 0
            "110105190002290014",                     // 1900-02-29: 1900 is not a leap year
            "110105189912310014",                     // born before 1900
            "010105199001010013",                     // address code starting with 0
            "１10105194912310021",                    // full-width digit
            "11010519491231002Ｘ",                    // full-width X
            "110105 94912310021",                     // space
            "11010519491231002X ",                    // trailing space
            "身份证号码身份证号码身份证号码身份证号", // 18 non-ASCII characters
        ],
    );
}

#[test]
fn resident_ids_with_only_a_bad_date_have_a_correct_check_digit() {
    // So the date rule, not the check digit, is what rejects them.
    for bad in [
        "11010519990230001",
        "11010519000229001",
        "11010518991231001",
    ] {
        let c = cn_resident_id_check_char(bad).unwrap();
        assert!(!cn_resident_id(&format!("{bad}{c}")), "{bad}{c}");
    }
}

#[test]
fn mobile() {
    check_all(
        "cn-mobile",
        cn_mobile,
        &[
            "13800138000",
            "19912345678",
            "15000000000",
            "+8613800138000",
            "+86 13800138000",
            "+86-13800138000",
            "8613800138000",
            "86 13800138000",
            "86-13800138000",
        ],
        &[
            "",
            "1380013800",       // 10 digits
            "138001380000",     // 12 digits
            "12800138000",      // second digit 2
            "10800138000",      // second digit 0
            "23800138000",      // not starting with 1
            "138 0013 8000",    // internal spaces
            "138-0013-8000",    // internal dashes
            "+86  13800138000", // two spaces
            "+86 -13800138000", // space and dash
            "008613800138000",  // 0086 prefix is not accepted
            "+8513800138000",   // another country code
            "+86",
            "86",
            "１3800138000", // full-width digit
            " 13800138000",
            "13800138000 ",
            "1380013800a",
        ],
    );
}

#[test]
fn postcode() {
    check_all(
        "cn-postcode",
        cn_postcode,
        &["100000", "350001", "518000", "999077", "000000"],
        &[
            "", "10000", "1000000", "10000a", "１00000", " 10000", "100 00", "-10000",
        ],
    );
}

#[test]
fn email_addresses() {
    let long_local = "a".repeat(64);
    let too_long_local = "a".repeat(65);
    let label63 = "b".repeat(63);
    let label64 = "b".repeat(64);
    // 254 characters in all: 64 + 1 + 189 (labels of 61, 61 and 62 characters and `cn`).
    let domain189 = format!("{0}.{0}.{1}.cn", "c".repeat(61), "c".repeat(62));
    let max_total = format!("{long_local}@{domain189}");
    assert_eq!(max_total.len(), 254);
    let over_total = format!("{long_local}@d{domain189}");
    assert_eq!(over_total.len(), 255);

    let ok_long = [
        format!("{long_local}@example.com"),
        format!("x@{label63}.com"),
        max_total,
    ];
    let bad_long = [
        format!("{too_long_local}@example.com"),
        format!("x@{label64}.com"),
        over_total,
        format!("{}@example.com", "a".repeat(100_000)),
    ];
    let ok: Vec<&str> = [
        "zhang.san@example.com",
        "zhang.san+intake@example.com.cn",
        "Li_Si@Sub-Domain.Example.ORG",
        "a@b.co",
        "o'brien@example.ie",
        "x!#$%&'*+-/=?^_`{|}~@example.com",
        "user@xn--fiqs8s.cn", // punycode for 中国
        "12345@qq.com",
    ]
    .into_iter()
    .chain(ok_long.iter().map(String::as_str))
    .collect();
    let bad: Vec<&str> = [
        "",
        "@",
        "plainaddress",
        "@example.com",
        "user@",
        "user@@example.com",
        "a@b@example.com",
        "user@localhost",     // no dot
        "user@example.",      // empty last label
        "user@.example.com",  // empty first label
        "user@exa..mple.com", // empty label
        "user@-example.com",  // label starting with a hyphen
        "user@example-.com",  // label ending with a hyphen
        "user@exa_mple.com",  // underscore in the domain
        "user@1.2.3.4",       // numeric top-level label
        "user@[192.168.0.1]", // IP literal
        ".user@example.com",  // dot first
        "user.@example.com",  // dot last
        "us..er@example.com", // two dots
        "\"quoted\"@example.com",
        "zhang san@example.com",
        "user@exa mple.com",
        "user@example.com ",
        " user@example.com",
        "user\t@example.com",
        "user\n@example.com",
        "张三@example.com",  // non-ASCII local part
        "user@例子.中国",    // non-ASCII domain
        "ｕser@example.com", // full-width letter
        "user(comment)@example.com",
        "user,x@example.com",
    ]
    .into_iter()
    .chain(bad_long.iter().map(String::as_str))
    .collect();
    check_all("email", email, &ok, &bad);
}

#[test]
fn check_dispatches_to_each_format() {
    let cases = [
        (StringFormat::Uscc, "91350100M000100Y43", "13800138000"),
        (
            StringFormat::CnResidentId,
            "11010519491231002X",
            "91350100M000100Y43",
        ),
        (StringFormat::CnMobile, "13800138000", "350001"),
        (StringFormat::CnPostcode, "350001", "13800138000"),
        (StringFormat::Email, "a@b.co", "11010519491231002X"),
    ];
    for (f, good, bad) in cases {
        assert!(check(f, good), "{f:?} {good}");
        assert!(!check(f, bad), "{f:?} {bad}");
        assert!(!check(f, ""), "{f:?} empty");
    }
    assert_eq!(
        describe(StringFormat::Uscc),
        ("统一社会信用代码", "unified social credit code")
    );
}

#[test]
fn no_panic_on_odd_input() {
    let huge = "9".repeat(1_000_000);
    let huge_cjk = "码".repeat(100_000);
    let inputs = [
        "",
        "\0",
        "\u{FEFF}91350100M000100Y43",
        "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
        "é",
        "+86",
        "+86 ",
        "@",
        "..",
        huge.as_str(),
        huge_cjk.as_str(),
    ];
    for (_, f) in StringFormat::ALL {
        for s in inputs {
            let _ = check(f, s);
        }
        // Every prefix of a multi-byte string, at every char boundary.
        let mixed = "9135０100M中00100Y43@例.cn";
        for (i, _) in mixed.char_indices() {
            let _ = check(f, &mixed[..i]);
            let _ = check(f, &mixed[i..]);
        }
    }
}

#[test]
fn uscc_structure_rules_reject_even_with_a_correct_check_character() {
    for body in [
        "B1350100M000100Y4", // B is not a registration authority
        "01350100M000100Y4", // nor is 0
        "913501A0M000100Y4", // a letter in the division code
    ] {
        let c = uscc_check_char(body).unwrap();
        assert!(!uscc(&format!("{body}{c}")), "{body}{c}");
    }
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(s in ".{0,40}") {
            for (_, f) in StringFormat::ALL {
                let _ = check(f, &s);
            }
        }

        #[test]
        fn any_well_formed_uscc_with_its_check_character_is_valid(
            authority in "[1-9ANY]",
            category in "[0-9A-HJ-NP-RTUW-Y]",
            division in "[0-9]{6}",
            subject in "[0-9A-HJ-NP-RTUW-Y]{9}",
        ) {
            let body = format!("{authority}{category}{division}{subject}");
            let c = uscc_check_char(&body).unwrap();
            let code = format!("{body}{c}");
            prop_assert!(uscc(&code));
            prop_assert!(!uscc(&code.to_lowercase()) || code == code.to_lowercase());
        }

        #[test]
        fn any_resident_id_with_a_real_birth_date_and_its_check_digit_is_valid(
            region in "[1-9][0-9]{5}",
            days in 0i64..(365 * 126),
            seq in "[0-9]{3}",
        ) {
            let birth = intake_rules::Date::parse("1900-01-01").unwrap().add_days(days).unwrap();
            let (y, m, d) = birth.ymd();
            let body = format!("{region}{y:04}{m:02}{d:02}{seq}");
            let c = cn_resident_id_check_char(&body).unwrap();
            let good = format!("{body}{c}");
            prop_assert!(cn_resident_id(&good));
            let wrong = if c == '0' { '1' } else { '0' };
            let bad = format!("{body}{wrong}");
            prop_assert!(!cn_resident_id(&bad));
        }
    }
}
