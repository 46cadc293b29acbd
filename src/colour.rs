//! Performer colours as the app writes them: `#RRGGBB` or `#RRGGBBAA`; anything else falls back.

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

/// The trace colour used when a performance's colour cannot be read (MicroJam's orange).
pub const DEFAULT_TRACE: Rgba = Rgba::rgb(0xec, 0x6b, 0x2d);
/// The background used when a performance's background colour cannot be read.
pub const DEFAULT_BACKGROUND: Rgba = Rgba::rgb(0x14, 0x1d, 0x26);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Rgba { r, g, b, a: 255 }
    }

    /// Parses `#RRGGBB` or `#RRGGBBAA` (either case, surrounding spaces allowed).
    pub fn parse(s: &str) -> Option<Self> {
        let hex = s.trim().strip_prefix('#')?;
        if !matches!(hex.len(), 6 | 8) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        let a = if hex.len() == 8 { byte(6)? } else { 255 };
        Some(Rgba {
            r: byte(0)?,
            g: byte(2)?,
            b: byte(4)?,
            a,
        })
    }

    pub fn parse_or(s: &str, fallback: Rgba) -> Self {
        Self::parse(s).unwrap_or(fallback)
    }

    /// A CSS colour: `#rrggbb` when opaque, else `rgba(r, g, b, a)`.
    pub fn css(&self) -> String {
        if self.a == 255 {
            format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            format!(
                "rgba({}, {}, {}, {})",
                self.r,
                self.g,
                self.b,
                crate::numbers::alpha(self.a)
            )
        }
    }

    /// The same hue and saturation with HSB brightness × `factor`, capped at 1 (the app's playback
    /// highlight uses 1.3).
    pub fn brighter(&self, factor: f32) -> Rgba {
        let (r, g, b) = (f32::from(self.r), f32::from(self.g), f32::from(self.b));
        let max = r.max(g).max(b);
        if max <= 0.0 {
            return *self;
        }
        // Brightness is the largest channel; changing it with hue and saturation fixed scales every
        // channel by the same ratio.
        let ratio = (max * factor.max(0.0)).min(255.0) / max;
        let scale = |c: f32| (c * ratio).round().clamp(0.0, 255.0) as u8;
        Rgba {
            r: scale(r),
            g: scale(g),
            b: scale(b),
            a: self.a,
        }
    }

    /// Relative luminance (WCAG), 0 for black to 1 for white; alpha is ignored.
    pub fn luminance(&self) -> f32 {
        let lin = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }
}

/// `text` on `background` as CSS, when they are readable together as large text (WCAG contrast
/// ratio of at least 3:1); None otherwise, so the theme's colours are used.
pub fn readable_style(text: Rgba, background: Rgba) -> Option<String> {
    (contrast_ratio(text, background) >= 3.0)
        .then(|| format!("color: {}; background-color: {}", text.css(), background.css()))
}

/// The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Rgba, b: Rgba) -> f32 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_app_forms_parse() {
        assert_eq!(Rgba::parse("#EC6B2D"), Some(Rgba::rgb(0xec, 0x6b, 0x2d)));
        assert_eq!(
            Rgba::parse("#ec6b2d80"),
            Some(Rgba {
                r: 0xec,
                g: 0x6b,
                b: 0x2d,
                a: 0x80
            })
        );
        assert_eq!(Rgba::parse(" #FFFFFFFF "), Some(Rgba::rgb(255, 255, 255)));
    }

    #[test]
    fn anything_else_falls_back() {
        for bad in [
            "",
            "#",
            "EC6B2D",
            "#EC6B2",
            "#EC6B2D8",
            "#GG6B2D",
            "red",
            "rgb(1,2,3)",
            "#ÉC6B2D",
        ] {
            assert_eq!(Rgba::parse(bad), None, "{bad:?}");
            assert_eq!(Rgba::parse_or(bad, DEFAULT_TRACE), DEFAULT_TRACE);
        }
    }

    #[test]
    fn css_output() {
        assert_eq!(Rgba::rgb(0x14, 0x1d, 0x26).css(), "#141d26");
        assert_eq!(Rgba { r: 1, g: 2, b: 3, a: 0 }.css(), "rgba(1, 2, 3, 0.000)");
    }

    #[test]
    fn contrast_ratio_matches_wcag() {
        let (black, white) = (Rgba::rgb(0, 0, 0), Rgba::rgb(255, 255, 255));
        assert!((contrast_ratio(black, white) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(white, black) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(DEFAULT_TRACE, DEFAULT_TRACE) - 1.0).abs() < 1e-6);
        assert!(contrast_ratio(DEFAULT_TRACE, DEFAULT_BACKGROUND) > 4.5);
        assert_eq!(
            readable_style(DEFAULT_TRACE, DEFAULT_BACKGROUND).as_deref(),
            Some("color: #ec6b2d; background-color: #141d26")
        );
        assert_eq!(readable_style(Rgba::rgb(120, 120, 120), Rgba::rgb(100, 100, 100)), None);
    }

    #[test]
    fn brighter_scales_hsb_brightness_and_caps_it() {
        assert_eq!(Rgba::rgb(100, 50, 20).brighter(1.3), Rgba::rgb(130, 65, 26));
        assert_eq!(
            Rgba::rgb(200, 100, 0).brighter(1.3),
            Rgba::rgb(255, 128, 0),
            "capped at full brightness"
        );
        assert_eq!(Rgba::rgb(0, 0, 0).brighter(1.3), Rgba::rgb(0, 0, 0));
        assert_eq!(
            Rgba {
                r: 10,
                g: 20,
                b: 30,
                a: 7
            }
            .brighter(1.0),
            Rgba {
                r: 10,
                g: 20,
                b: 30,
                a: 7
            }
        );
    }

    #[test]
    fn luminance_orders_dark_and_light() {
        assert!(DEFAULT_BACKGROUND.luminance() < 0.05);
        assert!((Rgba::rgb(255, 255, 255).luminance() - 1.0).abs() < 1e-4);
    }
}
