//! Dates: RFC 3339 parsing to Unix milliseconds, ages in words, and readable dates, with no clock and
//! no date crate (the browser supplies "now").

/// Milliseconds since 1970-01-01T00:00:00Z of an RFC 3339 date-time such as `2026-11-20T14:03:27Z`,
/// `2026-11-20t14:03:27.250+01:00` or `2026-11-20 14:03:27Z`. None for anything else.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<i64> {
        let part = s.get(from..to)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &s[19..];
    let mut millis = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        millis = frac[..digits.min(3)].parse::<i64>().ok()? * 10_i64.pow(3 - digits.min(3) as u32);
        rest = &frac[digits..];
    }
    let offset_minutes = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let [h1, h2, m1, m2] = digits.map(|d| i64::from(d - b'0'));
            let (h, m) = (h1 * 10 + h2, m1 * 10 + m2);
            if h > 23 || m > 59 {
                return None;
            }
            if *sign == b'+' {
                h * 60 + m
            } else {
                -(h * 60 + m)
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1–12, day 1–31) of a day number since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The UTC date (year, month, day) of `ms` since the epoch, and the seconds into that day.
fn date_and_seconds(ms: i64) -> ((i64, i64, i64), i64) {
    let secs = ms.div_euclid(1000);
    (civil_from_days(secs.div_euclid(86_400)), secs.rem_euclid(86_400))
}

/// "20 November 2026, 14:03 UTC": the exact time, for titles and the performance page.
pub fn format_utc(ms: i64) -> String {
    let ((y, m, d), in_day) = date_and_seconds(ms);
    format!(
        "{d} {} {y}, {:02}:{:02} UTC",
        MONTHS[(m - 1) as usize],
        in_day / 3600,
        in_day % 3600 / 60
    )
}

/// `ms` since the epoch as RFC 3339 UTC with whole seconds, e.g. "2026-11-20T14:03:27Z".
pub fn format_rfc3339(ms: i64) -> String {
    let ((y, m, d), in_day) = date_and_seconds(ms);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        in_day / 3600,
        in_day % 3600 / 60,
        in_day % 60
    )
}

/// The age of something dated `then_ms` at `now_ms`, in words: "just now", "5 minutes ago",
/// "an hour ago", "yesterday", "3 days ago", "3 weeks ago", "a month ago", "2 years ago".
/// Dates in the future (a fast clock somewhere) read "just now".
pub fn age_in_words(now_ms: i64, then_ms: i64) -> String {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    let secs = now_ms.saturating_sub(then_ms).max(0) / 1000;
    let ago = |n: i64, one: &str, unit: &str| {
        if n == 1 {
            format!("{one} ago")
        } else {
            format!("{n} {unit}s ago")
        }
    };
    match secs {
        s if s < MINUTE => "just now".to_owned(),
        s if s < HOUR => ago(s / MINUTE, "a minute", "minute"),
        s if s < DAY => ago(s / HOUR, "an hour", "hour"),
        s if s < 2 * DAY => "yesterday".to_owned(),
        s if s < 7 * DAY => ago(s / DAY, "a day", "day"),
        s if s < 30 * DAY => ago(s / (7 * DAY), "a week", "week"),
        s if s < 365 * DAY => ago((s / (30 * DAY)).min(11), "a month", "month"),
        s => ago(s / (365 * DAY), "a year", "year"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: i64 = 1_763_647_407_000; // 2025-11-20T14:03:27Z

    #[test]
    fn parses_utc_offsets_and_fractions() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2025-11-20T14:03:27Z"), Some(T));
        assert_eq!(parse_rfc3339("2025-11-20t15:03:27.5+01:00"), Some(T + 500));
        assert_eq!(parse_rfc3339("2025-11-20 09:03:27.123456-05:00"), Some(T + 123));
        assert_eq!(parse_rfc3339("2024-02-29T00:00:00Z"), Some(1_709_164_800_000));
        assert_eq!(parse_rfc3339("1969-12-31T23:59:59Z"), Some(-1000));
    }

    #[test]
    fn rejects_what_is_not_rfc3339() {
        for bad in [
            "",
            "2025-11-20",
            "2025-11-20T14:03:27",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2025-11-20T24:00:00Z",
            "2025-11-20T14:03:27.Z",
            "2025-11-20T14:03:27+0100",
            "20251120T140327Z",
            "2025-11-20T14:03:27Zjunk",
            "２０２５-11-20T14:03:27Z",
            "1763647407",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_rfc3339_and_parses_it_back() {
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(T + 999), "2025-11-20T14:03:27Z");
        for ms in [0, T, -86_400_000, 1_709_164_800_000 + 3_723_000] {
            assert_eq!(parse_rfc3339(&format_rfc3339(ms)), Some(ms));
        }
    }

    #[test]
    fn formats_the_exact_date() {
        assert_eq!(format_utc(T), "20 November 2025, 14:03 UTC");
        assert_eq!(format_utc(0), "1 January 1970, 00:00 UTC");
        assert_eq!(format_utc(1_709_164_800_000 - 1), "28 February 2024, 23:59 UTC");
    }

    #[test]
    fn ages_at_their_boundaries() {
        let s = 1000;
        let cases = [
            (0, "just now"),
            (-5 * s, "just now"),
            (59 * s, "just now"),
            (60 * s, "a minute ago"),
            (5 * 60 * s, "5 minutes ago"),
            (3599 * s, "59 minutes ago"),
            (3600 * s, "an hour ago"),
            (23 * 3600 * s, "23 hours ago"),
            (24 * 3600 * s, "yesterday"),
            (47 * 3600 * s, "yesterday"),
            (48 * 3600 * s, "2 days ago"),
            (6 * 86_400 * s, "6 days ago"),
            (7 * 86_400 * s, "a week ago"),
            (21 * 86_400 * s, "3 weeks ago"),
            (29 * 86_400 * s, "4 weeks ago"),
            (30 * 86_400 * s, "a month ago"),
            (364 * 86_400 * s, "11 months ago"),
            (365 * 86_400 * s, "a year ago"),
            (2 * 365 * 86_400 * s, "2 years ago"),
        ];
        for (age, words) in cases {
            assert_eq!(age_in_words(T, T - age), words, "age {age} ms");
        }
        assert!(
            age_in_words(T, i64::MIN).ends_with("years ago"),
            "no overflow at the extremes"
        );
        assert_eq!(age_in_words(i64::MIN, i64::MAX), "just now");
    }

    #[test]
    fn civil_round_trip_over_four_centuries() {
        for day in (-200_000..200_000).step_by(97) {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
    }
}
