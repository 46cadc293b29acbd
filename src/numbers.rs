//! Numbers written into CSS and attributes (a spacer's height, a progress bar's value, a colour's
//! alpha) with integer arithmetic: the standard library's float formatting (Grisu, Dragon4 and their
//! tables) would otherwise cost the first load about 5 kB brotli for these three uses.

/// `x` with `places` decimals (at most 9), rounded half away from zero, never a negative zero; 0
/// for NaN, infinities and magnitudes beyond 1.8e19.
pub fn fixed(x: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10_u64.pow(places);
    let scaled = (x.abs() * scale as f64).round();
    if !scaled.is_finite() || scaled >= u64::MAX as f64 {
        return fixed(0.0, places);
    }
    let scaled = scaled as u64;
    let sign = if x < 0.0 && scaled > 0 { "-" } else { "" };
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
    }
}

/// A colour channel `a` (0–255) as a CSS alpha with three decimals: what `{:.3}` writes for
/// `a as f32 / 255.0` (no value of a lies near enough a rounding tie for the two to differ).
pub fn alpha(a: u8) -> String {
    let thousandths = (u32::from(a) * 400 + 51) / 102;
    format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_matches_the_standard_formatting_away_from_ties() {
        for (x, places) in [
            (0.0, 2),
            (1.0, 0),
            (12.345678, 2),
            (0.5004, 3),
            (1234.5, 1),
            (0.999_96, 4),
            (-2.26, 1),
            (86_400.125, 3),
        ] {
            assert_eq!(
                fixed(x, places),
                format!("{x:.p$}", p = places as usize),
                "{x} to {places}"
            );
        }
        assert_eq!(
            fixed(-0.000_01, 3),
            "0.000",
            "no negative zero (the standard writes -0.000)"
        );
        assert_eq!(fixed(f64::NAN, 2), "0.00");
        assert_eq!(fixed(f64::INFINITY, 0), "0");
        assert_eq!(fixed(1e30, 2), "0.00", "beyond what the integers hold");
    }

    #[test]
    fn alpha_matches_the_standard_formatting_for_every_value() {
        for a in 0..=255_u8 {
            assert_eq!(alpha(a), format!("{:.3}", f32::from(a) / 255.0), "alpha {a}");
        }
    }
}
