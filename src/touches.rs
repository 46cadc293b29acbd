//! The app's touch CSV: header `time,x,y,z,moving`, rows like `0.016000, 0.25, 0.5, 20.000000, 1`.
//! Parsing never fails: the header, blank lines and rows that do not parse are skipped.

/// One touch event of a performance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Touch {
    /// Seconds since the first touch (0 to about 5).
    pub time: f32,
    /// Position in the unit square, origin top-left, y down; clamped to [0, 1].
    pub x: f32,
    pub y: f32,
    /// Touch radius in points (20 to 40 in practice), never negative.
    pub z: f32,
    /// false: touch-down (a tap or the start of a drag); true: a drag continuing from the previous touch.
    pub moving: bool,
}

/// Parses the app's CSV, with or without spaces after commas and at any precision.
pub fn parse(csv: &str) -> Vec<Touch> {
    csv.lines().filter_map(parse_row).collect()
}

/// The latest touch time accepted (s). Performances last about 5 s; a row claiming hours is broken,
/// and playing it would mean scheduling notes for hours.
pub const MAX_TIME: f64 = 60.0;
/// The largest touch radius kept (points); larger ones are clamped.
pub const MAX_RADIUS: f64 = 1000.0;

/// One row, or None for a header, blank or malformed row. NaN and infinities are rejected, as are
/// negative times and times past `MAX_TIME`; positions are clamped into the square.
pub fn parse_row(line: &str) -> Option<Touch> {
    let mut fields = line.split(',').map(str::trim);
    let mut number = || -> Option<f64> { decimal(fields.next()?).filter(|v| v.is_finite()) };
    let (time, x, y, z, moving) = (number()?, number()?, number()?, number()?, number()?);
    if fields.next().is_some() || !(0.0..=MAX_TIME).contains(&time) {
        return None;
    }
    let moving = if moving == 0.0 {
        false
    } else if moving == 1.0 {
        true
    } else {
        return None;
    };
    Some(Touch {
        time: time as f32,
        x: x.clamp(0.0, 1.0) as f32,
        y: y.clamp(0.0, 1.0) as f32,
        z: z.clamp(0.0, MAX_RADIUS) as f32,
        moving,
    })
}

/// A plain decimal number (`-1.25`, `20.000000`, `1e-3`) without core's float parser and its 10 kB
/// power-of-five table; within an ulp or two of f64, far finer than the f32 it is stored as.
pub fn decimal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (mut mant, mut exp, mut digits) = (0u64, 0i32, 0);
    let mut frac = false;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                if mant < 100_000_000_000_000_000 {
                    mant = mant * 10 + u64::from(c - b'0');
                    if frac {
                        exp -= 1;
                    }
                } else if !frac {
                    exp += 1;
                }
                digits += 1;
            }
            b'.' if !frac => frac = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] | 0x20) == b'e' {
        let e: i32 = s[i + 1..].trim_start_matches('+').parse().ok()?;
        exp = exp.checked_add(e)?;
        i = b.len();
    }
    if i != b.len() {
        return None;
    }
    let v = mant as f64;
    let v = if exp >= 0 {
        v * 10f64.powi(exp)
    } else {
        v / 10f64.powi(-exp)
    };
    Some(if neg { -v } else { v })
}

/// The app's CSV of `touches`: the header `time,x,y,z,moving`, then one row per touch with six
/// decimals, `0.123456, 0.500000, 0.250000, 20.000000, 0`, each line ending in a newline.
pub fn to_csv(touches: &[Touch]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(20 + touches.len() * 48);
    out.push_str("time,x,y,z,moving\n");
    for t in touches {
        let moving = u8::from(t.moving);
        let _ = writeln!(out, "{:.6}, {:.6}, {:.6}, {:.6}, {moving}", t.time, t.x, t.y, t.z);
    }
    out
}

/// The time of the last touch, in seconds (0 for none).
pub fn duration(touches: &[Touch]) -> f32 {
    touches.iter().map(|t| t.time).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(time: f32, x: f32, y: f32, z: f32, moving: bool) -> Touch {
        Touch { time, x, y, z, moving }
    }

    #[test]
    fn writes_the_apps_format_and_reads_it_back() {
        let rows = vec![t(0.0, 0.5, 0.25, 20.0, false), t(0.123456, 1.0, 0.0, 31.5, true)];
        let csv = to_csv(&rows);
        assert_eq!(
            csv,
            "time,x,y,z,moving\n0.000000, 0.500000, 0.250000, 20.000000, 0\n0.123456, 1.000000, 0.000000, 31.500000, 1\n"
        );
        assert_eq!(parse(&csv), rows);
        assert_eq!(to_csv(&[]), "time,x,y,z,moving\n");
    }

    #[test]
    fn the_apps_format_with_header() {
        let csv = "time,x,y,z,moving\n0.000000, 0.250000, 0.500000, 20.000000, 0\n0.016123, 0.260000, 0.510000, 25.524292, 1\n";
        assert_eq!(
            parse(csv),
            [t(0.0, 0.25, 0.5, 20.0, false), t(0.016123, 0.26, 0.51, 25.524292, true)]
        );
    }

    #[test]
    fn no_spaces_and_full_precision() {
        let rows = parse("time,x,y,z,moving\n0.0123456789,0.1234567890123,0.9,38.290771,0\r\n");
        assert_eq!(rows.len(), 1);
        assert!((rows[0].time - 0.012_345_68).abs() < 1e-7);
        assert!((rows[0].x - 0.123_456_79).abs() < 1e-7);
        assert!((rows[0].z - 38.290_77).abs() < 1e-4);
    }

    #[test]
    fn header_only_blank_and_empty_inputs() {
        assert!(parse("time,x,y,z,moving").is_empty());
        assert!(parse("time,x,y,z,moving\n\n   \n").is_empty());
        assert!(parse("").is_empty());
        assert_eq!(parse("\n\n0.1, 0.2, 0.3, 20, 0\n\n").len(), 1);
    }

    #[test]
    fn junk_rows_are_skipped_and_the_rest_kept() {
        let csv = "time,x,y,z,moving\nhello\n0.1, 0.2\n0.1, 0.2, 0.3, 20, 0, 7\n0.1, a, 0.3, 20, 0\n0.1, 0.2, 0.3, 20, 2\n0.2, 0.2, 0.3, 20, 1\n;;;\n";
        assert_eq!(parse(csv), [t(0.2, 0.2, 0.3, 20.0, true)]);
    }

    #[test]
    fn nan_and_infinities_are_rejected_per_row() {
        let csv = "NaN, 0.2, 0.3, 20, 0\n0.1, inf, 0.3, 20, 0\n0.1, 0.2, -infinity, 20, 0\n0.1, 0.2, 0.3, nan, 1\n0.3, 0.2, 0.3, 20, 0";
        assert_eq!(parse(csv), [t(0.3, 0.2, 0.3, 20.0, false)]);
    }

    #[test]
    fn out_of_range_values_are_clamped_and_late_times_kept() {
        let rows = parse("5.021000, -0.1, 1.7, 20, 1\n-0.5, 0.5, 0.5, 20, 0\n0.05, 0.5, 0.5, -3, 0");
        assert_eq!(rows, [t(5.021, 0.0, 1.0, 20.0, true), t(0.05, 0.5, 0.5, 0.0, false)]);
        assert_eq!(duration(&rows), 5.021);
        assert_eq!(duration(&[]), 0.0);
    }

    #[test]
    fn absurd_times_and_radii_are_bounded() {
        let rows = parse("1e39, 0.5, 0.5, 20, 0\n60.5, 0.5, 0.5, 20, 1\n60, 0.5, 0.5, 1e39, 1\n");
        assert_eq!(rows, [t(60.0, 0.5, 0.5, 1000.0, true)]);
    }

    #[test]
    fn z_is_a_radius_in_points_not_a_fraction() {
        assert!((parse("0, 0.5, 0.5, 38.290771, 0")[0].z - 38.290_77).abs() < 1e-4);
    }

    #[test]
    fn numbers_parse_in_every_spelling_the_app_and_other_tools_write() {
        for (text, want) in [
            ("20.000000", 20.0),
            ("0.016123", 0.016_123),
            ("-0.5", -0.5),
            ("+3", 3.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e-3", 0.001),
            ("2.5E+1", 25.0),
            ("0.12345678901234567890123", 0.123_456_789_012_345_68),
            ("123456789012345678901234", 1.234_567_890_123_456_8e23),
        ] {
            let got = decimal(text).unwrap_or_else(|| panic!("{text} parses"));
            assert!((got - want).abs() <= want.abs() * 1e-15, "{text}: {got} ≠ {want}");
        }
        for bad in [
            "",
            "-",
            ".",
            "e5",
            "1e",
            "1.2.3",
            "1,5",
            "0x10",
            "NaN",
            "inf",
            "-infinity",
            "1 2",
            "١",
        ] {
            assert_eq!(decimal(bad), None, "{bad:?}");
        }
        assert!(
            !decimal("1e400").unwrap().is_finite(),
            "too large is infinite, then rejected by the row"
        );
    }

    #[test]
    fn moving_accepts_float_spellings_of_zero_and_one() {
        let rows = parse("0, 0.5, 0.5, 20, 0.0\n0.02, 0.5, 0.5, 20, 1.000000");
        assert_eq!(rows.iter().map(|r| r.moving).collect::<Vec<_>>(), [false, true]);
    }
}
