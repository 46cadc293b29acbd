//! URL helpers without a URL crate (whose IDNA tables would cost the bundle dearly): resolving a
//! reference against a base (RFC 3986 §5.2), and percent-encoding a path segment.

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
/// For the tests (the site only ever encodes).
#[cfg(any(test, feature = "test-support"))]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(s: &str) -> Parts<'_> {
    let (rest, fragment) = match s.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (s, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (scheme, rest) = match rest.split_once(':') {
        Some((scheme, after)) if is_scheme(scheme) => (Some(scheme), after),
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Resolves `reference` against the absolute URL `base` as a browser does: absolute, scheme-relative
/// (`//host/x`), absolute-path, relative-path (with `.` and `..`), query-only (`?cursor=2`) and
/// fragment-only references. None when `base` has no scheme.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let base = split(base.trim());
    let base_scheme = base.scheme?;
    let r = split(reference.trim());
    let (scheme, authority, path, query);
    if let Some(s) = r.scheme {
        (scheme, authority, path, query) = (s, r.authority, remove_dot_segments(r.path), r.query);
    } else if r.authority.is_some() {
        (scheme, authority, path, query) = (base_scheme, r.authority, remove_dot_segments(r.path), r.query);
    } else {
        scheme = base_scheme;
        authority = base.authority;
        if r.path.is_empty() {
            path = base.path.to_owned();
            query = r.query.or(base.query);
        } else {
            path = if r.path.starts_with('/') {
                remove_dot_segments(r.path)
            } else {
                remove_dot_segments(&merge(&base, r.path))
            };
            query = r.query;
        }
    }
    let mut out = format!("{scheme}:");
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    Some(out)
}

fn merge(base: &Parts<'_>, path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        format!("/{path}")
    } else {
        match base.path.rfind('/') {
            Some(i) => format!("{}{path}", &base.path[..=i]),
            None => path.to_owned(),
        }
    }
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 || (out.len() == 1 && !out[0].is_empty()) {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://a.test/api/performances.json?x=1";

    #[test]
    fn reply_links_encode_the_id() {
        assert_eq!(reply_path("a b&c=d"), "/perform?reply=a%20b%26c%3Dd");
    }

    #[test]
    fn relative_paths_resolve_against_the_response_url() {
        assert_eq!(
            resolve(BASE, "performances/page-2.json").unwrap(),
            "http://a.test/api/performances/page-2.json"
        );
        assert_eq!(resolve(BASE, "./p.json").unwrap(), "http://a.test/api/p.json");
        assert_eq!(resolve(BASE, "../x/p.json").unwrap(), "http://a.test/x/p.json");
        assert_eq!(resolve(BASE, "../../../p.json").unwrap(), "http://a.test/p.json");
        assert_eq!(
            resolve("http://a.test/api/performers/al.json", "al/page-2.json").unwrap(),
            "http://a.test/api/performers/al/page-2.json"
        );
    }

    #[test]
    fn query_only_and_fragment_only_keep_the_path() {
        assert_eq!(
            resolve(BASE, "?cursor=abc").unwrap(),
            "http://a.test/api/performances.json?cursor=abc"
        );
        assert_eq!(
            resolve(BASE, "performances.json?cursor=abc").unwrap(),
            "http://a.test/api/performances.json?cursor=abc"
        );
        assert_eq!(
            resolve(BASE, "#top").unwrap(),
            "http://a.test/api/performances.json?x=1#top"
        );
        assert_eq!(resolve(BASE, "").unwrap(), "http://a.test/api/performances.json?x=1");
    }

    #[test]
    fn absolute_and_scheme_relative_references() {
        assert_eq!(
            resolve(BASE, "https://b.test/feed.json?c=2").unwrap(),
            "https://b.test/feed.json?c=2"
        );
        assert_eq!(resolve(BASE, "//c.test/x/../f.json").unwrap(), "http://c.test/f.json");
        assert_eq!(resolve(BASE, "/v1/feed.json").unwrap(), "http://a.test/v1/feed.json");
        assert_eq!(resolve("http://a.test", "x.json").unwrap(), "http://a.test/x.json");
        assert_eq!(
            resolve("http://127.0.0.1:8931/api/", "performances.json").unwrap(),
            "http://127.0.0.1:8931/api/performances.json"
        );
    }

    #[test]
    fn rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("g/../h", "http://a/b/c/h"),
        ] {
            assert_eq!(resolve(base, r).as_deref(), Some(want), "reference {r:?}");
        }
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
    fn a_base_without_scheme_cannot_resolve() {
        assert_eq!(resolve("/api/performances.json", "x.json"), None);
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
