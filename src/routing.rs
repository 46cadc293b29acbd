//! Which page an address shows, and which links point at it: the site's routes as plain data, so
//! that matching is tested natively. `router.rs` follows the browser's address with these.

use crate::urls::decode_segment;

/// The site's pages, with what their address names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Gallery,
    Privacy,
    Perform,
    /// `/performances/:id`
    Performance(String),
    /// `/performers/:name`
    Performer(String),
    NotFound,
}

/// The page at `path` (the address's path, still percent-encoded; no query or fragment). A
/// trailing slash is ignored; a segment that is not UTF-8 once decoded leads nowhere.
pub fn page_of(path: &str) -> Page {
    let path = path.strip_suffix('/').filter(|p| !p.is_empty()).unwrap_or(path);
    let mut segments = path.strip_prefix('/').unwrap_or(path).split('/');
    match (segments.next(), segments.next(), segments.next()) {
        (Some(""), None, None) => Page::Gallery,
        (Some("privacy"), None, None) => Page::Privacy,
        (Some("perform"), None, None) => Page::Perform,
        (Some("performances"), Some(id), None) if !id.is_empty() => {
            decode_segment(id).map_or(Page::NotFound, Page::Performance)
        }
        (Some("performers"), Some(name), None) if !name.is_empty() => {
            decode_segment(name).map_or(Page::NotFound, Page::Performer)
        }
        _ => Page::NotFound,
    }
}

/// Whether a link to `href` (a path) is the current page's (`aria-current="page"`): the same path
/// when `exact`, else `path` is `href` or lies beneath it segment by segment (`/perform` is current
/// at `/perform` but not at `/performances/x`); a trailing slash on either side does not count.
pub fn is_current(href: &str, path: &str, exact: bool) -> bool {
    let href = href.split(['?', '#']).next().unwrap_or_default();
    let trim = |p: &str| p.strip_suffix('/').filter(|p| !p.is_empty()).unwrap_or(p).to_owned();
    let (href, path) = (trim(href), trim(path));
    if exact || href == "/" {
        return href == path;
    }
    path == href || path.starts_with(&format!("{href}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_by_its_address() {
        assert_eq!(page_of("/"), Page::Gallery);
        assert_eq!(page_of(""), Page::Gallery);
        assert_eq!(page_of("/privacy"), Page::Privacy);
        assert_eq!(page_of("/privacy/"), Page::Privacy);
        assert_eq!(page_of("/perform"), Page::Perform);
        assert_eq!(page_of("/performances/abc-1"), Page::Performance("abc-1".into()));
        assert_eq!(
            page_of("/performers/%C3%85se%20Nyg%C3%A5rd"),
            Page::Performer("Åse Nygård".into())
        );
        assert_eq!(page_of("/performers/a%2Fb"), Page::Performer("a/b".into()));
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/nope",
            "/performances",
            "/performances/",
            "/performances/a/b",
            "/performers//",
            "/privacy/x",
            "/performers/%FF",
        ] {
            assert_eq!(page_of(path), Page::NotFound, "{path}");
        }
    }

    #[test]
    fn current_links() {
        assert!(is_current("/", "/", true));
        assert!(!is_current("/", "/privacy", true));
        assert!(
            !is_current("/", "/privacy", false),
            "the home link is current only at home"
        );
        assert!(is_current("/perform", "/perform", false));
        assert!(is_current("/perform", "/perform/", false));
        assert!(!is_current("/perform", "/performances/x", false));
        assert!(is_current("/performers/a", "/performers/a/more", false));
        assert!(!is_current("/performers/a", "/performers/a/more", true));
        assert!(
            is_current("/?instrument=keys", "/", true),
            "the query is not part of the path"
        );
    }
}
