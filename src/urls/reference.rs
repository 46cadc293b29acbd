//! Resolving a URL reference against a base URL as a browser does (RFC 3986 §5.2), for the links
//! between the backend's pages.

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
    fn a_base_without_scheme_cannot_resolve() {
        assert_eq!(resolve("/api/performances.json", "x.json"), None);
    }
}
