//! Reading numerals: digits with either separator convention, and number words.
//!
//! Shared by figures ("forty-eight attacks") and dates ("three years ago"); this is the one
//! place that knows how a number is written.

/// Value of a number word (`"three"`, `"forty-eight"`, `"dozen"`), for words up to ninety-nine
/// and the scale words. Case-insensitive; does not allocate (it runs on every word).
pub fn word_value(word: &str) -> Option<f64> {
    if let Some((a, b)) = word.split_once(['-', '‐', '‑']) {
        let tens = small_word(a)?;
        let ones = small_word(b)?;
        return (tens >= 20 && tens % 10 == 0 && (1..=9).contains(&ones))
            .then_some((tens + ones) as f64);
    }
    if let Some(v) = small_word(word) {
        return Some(v as f64);
    }
    scale_word(word)
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn small_word(w: &str) -> Option<u32> {
    if let Some(i) = ONES.iter().position(|x| x.eq_ignore_ascii_case(w)) {
        return Some(i as u32);
    }
    if let Some(i) = TENS.iter().position(|x| x.eq_ignore_ascii_case(w)) {
        return Some(20 + 10 * i as u32);
    }
    if w.eq_ignore_ascii_case("dozen") {
        return Some(12);
    }
    // British "nought" and its variant spelling.
    if w.eq_ignore_ascii_case("nought") || w.eq_ignore_ascii_case("naught") {
        return Some(0);
    }
    None
}

const ORD: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORD: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// Every unhyphenated word that [`word_value`] and [`ordinal_word_value`] read, in lower
/// case: the one list other modules use to tell that a word may start a number ("three years
/// ago"), so that a word added here is seen everywhere.
pub fn number_words() -> impl Iterator<Item = &'static str> {
    ONES.iter()
        .chain(TENS.iter())
        .copied()
        .chain(["dozen", "nought", "naught", "nineth"])
        .chain(SCALES.iter().map(|(w, _)| *w))
        .chain(ORD.iter().copied())
        .chain(TENS_ORD.iter().copied())
        .chain(ORDINAL_SCALES.iter().map(|(w, _)| *w))
}

/// Value of an ordinal word: `"third"`, `"twenty-first"`, `"hundredth"`. Case-insensitive.
pub fn ordinal_word_value(word: &str) -> Option<f64> {
    // A common misspelling, read like the word it means.
    if word.eq_ignore_ascii_case("nineth") {
        return Some(9.0);
    }
    let simple = |w: &str| -> Option<u32> {
        if let Some(i) = ORD.iter().position(|x| x.eq_ignore_ascii_case(w)) {
            return Some(i as u32);
        }
        TENS_ORD
            .iter()
            .position(|x| x.eq_ignore_ascii_case(w))
            .map(|i| 20 + 10 * i as u32)
    };
    if let Some((a, b)) = word.split_once(['-', '‐', '‑']) {
        let tens = small_word(a)?;
        let ones = simple(b)?;
        return (tens >= 20 && tens % 10 == 0 && (1..=9).contains(&ones))
            .then_some((tens + ones) as f64);
    }
    if let Some(v) = simple(word) {
        return Some(v as f64);
    }
    ORDINAL_SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

const ORDINAL_SCALES: [(&str, f64); 5] = [
    ("hundredth", 1e2),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// Denominator of a fraction word: `half` 2, `quarter` 4, and every ordinal from `third` up
/// (`thirds` 3, `tenth` 10, `twenty-firsts` 21, `hundredths` 100). Case-insensitive. Returns
/// the denominator and whether the word is plural. "first" and "second" are never fractions
/// ("two seconds" is a duration).
pub fn fraction_denominator(word: &str) -> Option<(f64, bool)> {
    if word.eq_ignore_ascii_case("half") {
        return Some((2.0, false));
    }
    if word.eq_ignore_ascii_case("halves") {
        return Some((2.0, true));
    }
    if word.eq_ignore_ascii_case("quarter") {
        return Some((4.0, false));
    }
    if word.eq_ignore_ascii_case("quarters") {
        return Some((4.0, true));
    }
    let (stem, plural) = match word.strip_suffix(['s', 'S']) {
        Some(s) => (s, true),
        None => (word, false),
    };
    ordinal_word_value(stem)
        .filter(|d| *d >= 3.0)
        .map(|d| (d, plural))
}

/// True when `suffix` is the right ordinal ending for `digits`: `1st`, `2nd`, `3rd`, `11th`,
/// `22nd`, `816th`. Case-insensitive.
pub fn ordinal_suffix_fits(digits: &str, suffix: &str) -> bool {
    let b = digits.as_bytes();
    let (Some(&last), tens) = (b.last(), b.len().checked_sub(2).and_then(|i| b.get(i))) else {
        return false;
    };
    if !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let want = if tens == Some(&b'1') {
        "th"
    } else {
        match last {
            b'1' => "st",
            b'2' => "nd",
            b'3' => "rd",
            _ => "th",
        }
    };
    suffix.eq_ignore_ascii_case(want)
}

/// Multipliers: `hundred`, `thousand`, `million`, `billion`, `trillion`, and the South Asian
/// `lakh` (100,000) and `crore` (10 million) of Indian and Pakistani news. Short forms (`bn`,
/// `mn`, `m`, `k`) are only scales right after digits; see [`suffix_scale`].
pub fn scale_word(w: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|(s, _)| s.eq_ignore_ascii_case(w))
        .map(|(_, v)| *v)
}

const SCALES: [(&str, f64); 7] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// Scale written as a short suffix after digits: `$1.2bn`, `5m`, `30k`, `2tn`, and the
/// finance `MM` (a thousand thousands: `$1MM`).
pub fn suffix_scale(s: &str) -> Option<f64> {
    const SUFFIXES: &[(&str, f64)] = &[
        ("k", 1e3),
        ("m", 1e6),
        ("mn", 1e6),
        ("mln", 1e6),
        ("mio", 1e6),
        ("mil", 1e6),
        ("b", 1e9),
        ("bn", 1e9),
        ("bln", 1e9),
        ("tn", 1e12),
        ("trn", 1e12),
        ("tln", 1e12),
    ];
    // Lowercase "mm" is millimetres.
    if s == "MM" {
        return Some(1e6);
    }
    SUFFIXES
        .iter()
        .find(|(x, _)| x.eq_ignore_ascii_case(s))
        .map(|(_, v)| *v)
}

/// Value of a single-character vulgar fraction: `½` 0.5, `¾` 0.75.
pub fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        _ => return None,
    })
}

/// Value of a written fraction `n/d` ("3/4", "1/2"), when it reads as one: the numerator is
/// smaller than the denominator and the denominator is one used for fractions (2, 3, 4, 5, 6,
/// 8, 10, 16, 32, 64, 100). Other shapes ("9/11", "5/17") are dates, scores or names.
pub fn slash_fraction(s: &str) -> Option<f64> {
    let (a, b) = s.split_once('/')?;
    if a.is_empty() || b.is_empty() || a.len() > 3 || b.len() > 3 {
        return None;
    }
    if !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: f64 = a.parse().ok()?;
    let d: f64 = b.parse().ok()?;
    let usual = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0];
    (n >= 1.0 && n < d && usual.contains(&d)).then_some(n / d)
}

/// Value of a number in scientific notation, `1e10`, `1.3e6`, `12e-1`: the digits before
/// `e` are read by [`parse_digits`]; the exponent is small enough to stay finite.
pub fn parse_exponent(s: &str) -> Option<f64> {
    let (m, e) = s.split_once(['e', 'E'])?;
    let m = parse_digits(m)?;
    let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let e: i32 = e.strip_prefix('+').unwrap_or(e).parse().ok()?;
    // Dividing keeps "12e-1" at exactly 1.2.
    let v = if e < 0 {
        m / 10f64.powi(-e)
    } else {
        m * 10f64.powi(e)
    };
    v.is_finite().then_some(v)
}

/// Value of a digit string: `30,000`, `2.5`, `1.234.567`, `1.234,5`, `1 000` is not handled
/// here (the tokenizer splits it). Returns `None` for anything that is not a plain numeral
/// (`9/11`, `C-17`, `816th`).
pub fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    if !s.as_bytes()[0].is_ascii_digit() || !s.as_bytes()[s.len() - 1].is_ascii_digit() {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let groups_of_three = |sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    if commas == 0 && dots <= 1 {
        // The common case needs no copy.
        return s.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    let clean: String = match (commas, dots) {
        (0, 0) => s.to_string(),
        // 30,000 or 1,234,567 (thousands) vs 2,5 (decimal comma).
        (_, 0) => {
            if groups_of_three(',') {
                s.replace(',', "")
            } else if commas == 1 {
                s.replace(',', ".")
            } else {
                return None;
            }
        }
        // 2.5 (decimal) vs 1.234.567 (thousands with dots).
        (0, _) => {
            if dots == 1 {
                s.to_string()
            } else if groups_of_three('.') {
                s.replace('.', "")
            } else {
                return None;
            }
        }
        // 1,234.5 vs 1.234,5: the last separator is the decimal one.
        _ => {
            let last_comma = s.rfind(',')?;
            let last_dot = s.rfind('.')?;
            if last_dot > last_comma && dots == 1 {
                s.replace(',', "")
            } else if last_comma > last_dot && commas == 1 {
                s.replace('.', "").replace(',', ".")
            } else {
                return None;
            }
        }
    };
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `x` written as `format!("{x}")` writes it (the shortest digits that read back as `x`, never
/// an exponent: `1.5`, `2`, `0.0000001`, `-0`, `NaN`), without Rust's float printing code.
///
/// Why: that code is 8.5 KiB of the page's gzipped wasm (docs/performance.md), and the wasm
/// already holds serde_json's float printer for the result's numbers; only its layout differs
/// (`1.0`, `1e20`, `1e-7`), and is undone here. The digits are the same whenever the shortest
/// form has at most 15 significant digits (it is then unique: every decimal rounded to
/// thousandths below 10^12, say). With 16 or 17 the two printers may pick different last
/// digits among equally short ones (about 1 in 3,000 random `f64`); both read back as `x`.
pub fn display_f64(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // Finite numbers always serialize.
    let json = serde_json::to_string(&x).unwrap_or_default();
    let (neg, rest) = match json.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, json.as_str()),
    };
    let (mantissa, exp) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (
            m,
            e.strip_prefix('+').unwrap_or(e).parse::<i64>().unwrap_or(0),
        ),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // All significant digits, and where the decimal point falls among them.
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let mut point = int.len() as i64 + exp;
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    point -= lead as i64;
    let digits = digits.get(lead..).unwrap_or(&[]);
    let digits = digits
        .iter()
        .rposition(|&d| d != b'0')
        .and_then(|last| digits.get(..=last))
        .unwrap_or(&[]);
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
        return out;
    }
    let len = digits.len() as i64;
    let push_zeros = |out: &mut String, n: i64| (0..n).for_each(|_| out.push('0'));
    if point <= 0 {
        out.push_str("0.");
        push_zeros(&mut out, -point);
        out.extend(digits.iter().map(|&d| d as char));
    } else if point >= len {
        out.extend(digits.iter().map(|&d| d as char));
        push_zeros(&mut out, point - len);
    } else {
        let (a, b) = digits.split_at(point as usize);
        out.extend(a.iter().map(|&d| d as char));
        out.push('.');
        out.extend(b.iter().map(|&d| d as char));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_f64_writes_what_format_writes() {
        let special = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            1.5,
            2.25,
            1e15,
            1e20,
            1e22,
            1e23,
            123456789012345680.0,
            1e-7,
            1.5e-7,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.3,
            2.0 / 3.0,
            4503599627370495.5,
            9007199254740993.0,
        ];
        for x in special {
            assert_eq!(display_f64(x), format!("{x}"), "{x:?}");
        }
        // Random bit patterns (every exponent), then decimals rounded to thousandths, as the
        // dates' durations are.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let significant = |s: &str| {
            let d = s.trim_start_matches('-').replace('.', "");
            d.trim_start_matches('0').trim_end_matches('0').len()
        };
        for _ in 0..100_000 {
            let x = f64::from_bits(next());
            let (ours, theirs) = (display_f64(x), format!("{x}"));
            if significant(&theirs) <= 15 || x.is_nan() {
                assert_eq!(ours, theirs, "{x:?}");
            } else {
                assert_eq!(ours.parse::<f64>().ok(), Some(x), "{x:?}: {ours}");
                assert_eq!(ours.len(), theirs.len(), "{x:?}: {ours} vs {theirs}");
            }
        }
        for _ in 0..50_000 {
            let r = next();
            let x = ((r % 1_000_000_000_000_000) as f64 / 1000.0).round() / 1000.0;
            let x = if r >> 63 == 1 { -x } else { x };
            assert_eq!(display_f64(x), format!("{x}"), "{x:?}");
        }
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("30,000"), Some(30000.0));
        assert_eq!(parse_digits("2.5"), Some(2.5));
        assert_eq!(parse_digits("1.234.567"), Some(1234567.0));
        assert_eq!(parse_digits("1,234.5"), Some(1234.5));
        assert_eq!(parse_digits("1.234,5"), Some(1234.5));
        assert_eq!(parse_digits("2,5"), Some(2.5));
        assert_eq!(parse_digits("9/11"), None);
        assert_eq!(parse_digits("816th"), None);
    }

    #[test]
    fn fractions_and_exponents() {
        assert_eq!(slash_fraction("3/4"), Some(0.75));
        assert_eq!(slash_fraction("9/11"), None);
        assert_eq!(slash_fraction("5/17"), None);
        assert_eq!(slash_fraction("/4"), None);
        assert_eq!(vulgar_fraction('½'), Some(0.5));
        assert_eq!(parse_exponent("1.3e6"), Some(1.3e6));
        assert_eq!(parse_exponent("12e-1"), Some(1.2));
        assert_eq!(parse_exponent("1e9999"), None);
        assert_eq!(parse_exponent("5e"), None);
        assert_eq!(scale_word("lakh"), Some(1e5));
        assert_eq!(word_value("nought"), Some(0.0));
    }

    #[test]
    fn words() {
        assert_eq!(word_value("Three"), Some(3.0));
        assert_eq!(word_value("forty-eight"), Some(48.0));
        assert_eq!(word_value("forty-forty"), None);
        assert_eq!(word_value("dozen"), Some(12.0));
        assert_eq!(word_value("million"), Some(1e6));
        assert_eq!(word_value("people"), None);
        assert_eq!(scale_word("Million"), Some(1e6));
    }

    #[test]
    fn ordinals_and_fractions() {
        assert_eq!(ordinal_word_value("Third"), Some(3.0));
        assert_eq!(ordinal_word_value("twenty-first"), Some(21.0));
        assert_eq!(ordinal_word_value("hundredth"), Some(100.0));
        assert_eq!(ordinal_word_value("thirty"), None);
        assert_eq!(fraction_denominator("thirds"), Some((3.0, true)));
        assert_eq!(fraction_denominator("half"), Some((2.0, false)));
        assert!(ordinal_suffix_fits("816", "th"));
        assert!(ordinal_suffix_fits("21", "st"));
        assert!(ordinal_suffix_fits("11", "th"));
        assert!(!ordinal_suffix_fits("11", "st"));
        assert!(!ordinal_suffix_fits("", "st"));
    }
}
