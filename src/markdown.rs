//! Markdown pages rendered at compile time: front matter, heading ids and HTML.
//!
//! `build.rs` includes this file with `#[path]` and renders `content/*.md` into `OUT_DIR`, so the browser
//! bundle carries finished HTML and no Markdown engine. The same code is compiled into the native test
//! build (`cargo test`), which is how its behaviour is tested.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// A Markdown document split into its Jekyll-style front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// `key: value` pairs in the order written; values are trimmed and unquoted.
    pub fields: Vec<(&'a str, &'a str)>,
    pub body: &'a str,
}

impl<'a> FrontMatter<'a> {
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.fields.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

/// Splits `---` delimited front matter from the body. A document without front matter has no fields.
pub fn split_front_matter(source: &str) -> FrontMatter<'_> {
    let no_front_matter = FrontMatter {
        fields: Vec::new(),
        body: source,
    };
    let Some(rest) = source.strip_prefix("---").and_then(strip_line_end) else {
        return no_front_matter;
    };
    let mut fields = Vec::new();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed == "---" {
            return FrontMatter {
                fields,
                body: &rest[offset..],
            };
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            fields.push((key.trim(), unquote(value.trim())));
        }
    }
    no_front_matter
}

fn strip_line_end(s: &str) -> Option<&str> {
    s.strip_prefix("\r\n").or_else(|| s.strip_prefix('\n'))
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)) {
            return inner;
        }
    }
    value
}

/// A heading id in the GitHub style: lower case, letters and digits kept, spaces and hyphens become
/// hyphens, everything else dropped. "Children's Privacy" → "childrens-privacy".
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' {
            slug.extend(c.to_lowercase());
        } else if (c == ' ' || c == '-') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "section".to_owned()
    } else {
        slug.to_owned()
    }
}

/// A heading of the rendered page, for tests and tables of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A page ready to embed: its title (from the front matter) and its HTML body.
#[derive(Debug)]
pub struct Rendered {
    pub title: String,
    pub html: String,
    pub headings: Vec<Heading>,
}

/// Renders a Markdown page. Every heading gets a unique id (suffixed `-1`, `-2`… on repeats) unless the
/// source set one with `{#id}`.
pub fn render(source: &str) -> Rendered {
    let doc = split_front_matter(source);
    let mut events: Vec<Event> = Parser::new_ext(doc.body, Options::ENABLE_HEADING_ATTRIBUTES).collect();
    let mut used = HashSet::new();
    let mut headings = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            let level = heading_number(*level);
            let end = (i..events.len())
                .find(|&j| matches!(events[j], Event::End(TagEnd::Heading(_))))
                .unwrap_or(events.len());
            let text: String = events[i + 1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                let wanted = id.as_ref().map_or_else(|| slugify(&text), |s| s.to_string());
                let unique = unique_id(&wanted, &mut used);
                *id = Some(CowStr::from(unique.clone()));
                headings.push(Heading {
                    level,
                    id: unique,
                    text,
                });
            }
            i = end;
        }
        i += 1;
    }
    let mut out = String::with_capacity(doc.body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    let title = doc.get("title").map(title_case).unwrap_or_default();
    Rendered {
        title,
        html: out,
        headings,
    }
}

fn unique_id(wanted: &str, used: &mut HashSet<String>) -> String {
    let mut candidate = wanted.to_owned();
    let mut n = 0;
    while !used.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{wanted}-{n}");
    }
    candidate
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// "privacy policy" → "Privacy Policy": front matter titles are written in lower case on microjam.info.
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_and_body() {
        let doc = split_front_matter("---\nlayout: page\ntitle: \"privacy policy\"\n---\n\n# Hi\n");
        assert_eq!(doc.get("layout"), Some("page"));
        assert_eq!(doc.get("title"), Some("privacy policy"));
        assert_eq!(doc.body, "\n# Hi\n");
    }

    #[test]
    fn no_or_unclosed_front_matter_is_all_body() {
        assert_eq!(split_front_matter("# Hi\n").body, "# Hi\n");
        let unclosed = "---\ntitle: x\n# Hi\n";
        assert_eq!(split_front_matter(unclosed).body, unclosed);
        assert!(split_front_matter(unclosed).fields.is_empty());
        assert_eq!(
            split_front_matter("---\r\ntitle: x\r\n---\r\nbody").get("title"),
            Some("x")
        );
    }

    #[test]
    fn slugs_follow_github_style() {
        assert_eq!(slugify("Children's Privacy"), "childrens-privacy");
        assert_eq!(slugify("Last updated: August 01, 2017"), "last-updated-august-01-2017");
        assert_eq!(slugify("  Links To  Other Sites "), "links-to-other-sites");
        assert_eq!(slugify("Über uns"), "über-uns");
        assert_eq!(slugify("???"), "section");
    }

    #[test]
    fn headings_get_unique_ids_and_links_stay_links() {
        let page = render("## Security\n\ntext [a](http://x.test/)\n\n## Security\n\n### Own {#mine}\n");
        let ids: Vec<_> = page.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["security", "security-1", "mine"]);
        assert!(
            page.html.contains(r#"<h2 id="security">Security</h2>"#),
            "{}",
            page.html
        );
        assert!(page.html.contains(r#"<h2 id="security-1">Security</h2>"#));
        assert!(page.html.contains(r#"<h3 id="mine">Own</h3>"#));
        assert!(page.html.contains(r#"<a href="http://x.test/">a</a>"#));
    }

    #[test]
    fn title_is_title_cased_front_matter() {
        assert_eq!(render("---\ntitle: privacy policy\n---\n").title, "Privacy Policy");
        assert_eq!(render("no front matter").title, "");
    }

    /// Renders the real policy file (not a copy of its text): editing content/privacy.md changes this.
    #[test]
    fn the_privacy_policy_file_renders_every_section() {
        let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/privacy.md"))
            .expect("content/privacy.md is the single source of the policy");
        let page = render(&source);
        assert_eq!(page.title, "Privacy Policy");
        let h2: Vec<_> = page
            .headings
            .iter()
            .filter(|h| h.level == 2)
            .map(|h| h.id.as_str())
            .collect();
        assert_eq!(
            h2,
            [
                "information-collection-and-use",
                "log-data",
                "service-providers",
                "security",
                "links-to-other-sites",
                "childrens-privacy",
                "changes-to-this-privacy-policy",
                "contact-us"
            ]
        );
        assert!(page
            .html
            .contains(r#"<h3 id="last-updated-august-01-2017">Last updated: August 01, 2017</h3>"#));
        assert!(page
            .html
            .contains(r#"<a href="http://www.mn.uio.no/ifi/english/people/aca/charlepm/">"#));
        assert!(
            !page.html.contains("layout:"),
            "front matter must not leak into the page"
        );
    }
}
