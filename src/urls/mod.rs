//! URL helpers without a URL crate (whose IDNA tables would cost the bundle dearly): percent-encoding
//! a path segment, the site's own paths, and resolving a reference against a base ([`resolve`]).

mod reference;

pub use reference::resolve;

/// Percent-encodes `s` for use as one path segment: unreserved characters stay, every other byte of
/// its UTF-8 form becomes `%XX` (so a '/' or '?' in a stage name cannot change the path).
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (invalid escapes are kept as written); None when the bytes are not UTF-8.
/// The router decodes the performance id and performer name in an address with it.
pub fn decode_segment(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The site's own page of a performance: `/performances/{id}`.
pub fn performance_path(id: &str) -> String {
    format!("/performances/{}", encode_segment(id))
}

/// The stage, set to answer the performance `id`: `/perform?reply={id}`.
pub fn reply_path(id: &str) -> String {
    format!("/perform?reply={}", encode_segment(id))
}

/// The site's own page of a performer: `/performers/{name}`.
pub fn performer_path(name: &str) -> String {
    format!("/performers/{}", encode_segment(name))
}

/// A `data:` URL holding `text` (UTF-8) as `mime`, for downloads that need no request.
pub fn data_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", encode_segment(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_links_encode_the_id() {
        assert_eq!(reply_path("a b&c=d"), "/perform?reply=a%20b%26c%3Dd");
    }

    #[test]
    fn site_paths_and_data_urls_encode_what_they_carry() {
        assert_eq!(performance_path("a/b?c"), "/performances/a%2Fb%3Fc");
        assert_eq!(performer_path("Åse Ny"), "/performers/%C3%85se%20Ny");
        let csv = "time,x\n0.5, 1\n";
        let url = data_url("text/csv", csv);
        assert_eq!(url, "data:text/csv;charset=utf-8,time%2Cx%0A0.5%2C%201%0A");
        assert_eq!(
            decode_segment(url.strip_prefix("data:text/csv;charset=utf-8,").unwrap()).as_deref(),
            Some(csv)
        );
    }

    #[test]
    fn segments_encode_every_reserved_byte_and_round_trip() {
        assert_eq!(encode_segment("Åse Ny/2?#%"), "%C3%85se%20Ny%2F2%3F%23%25");
        assert_eq!(encode_segment("drums-1_a.b~"), "drums-1_a.b~");
        for s in ["Åse Ny/2?#%", "<img src=x>", "", "ünï cødé 🎵"] {
            assert_eq!(decode_segment(&encode_segment(s)).as_deref(), Some(s));
        }
        assert_eq!(decode_segment("100%").as_deref(), Some("100%"));
        assert_eq!(decode_segment("%FF"), None);
    }
}
