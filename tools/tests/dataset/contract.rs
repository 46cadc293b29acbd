//! Every file of the data set read by the site's own decoders (the ones the browser uses): nothing
//! skipped, every touch row parsed.

use super::files;
use microjam_web::backend::json::{decode_page, decode_performance, decode_performer};
use microjam_web::backend::Cursor;
use microjam_web::touches;

const BASE: &str = "http://example.test/api/";

#[test]
fn every_file_decodes_with_the_sites_client_and_nothing_is_skipped() {
    let (mut pages, mut singles, mut performers) = (0, 0, 0);
    for (path, body) in files() {
        let url = format!("{BASE}{}", microjam_web::urls::encode_segment(path).replace("%2F", "/"));
        let parts: Vec<&str> = path.split('/').collect();
        let page = match parts.as_slice() {
            ["performances", file] if *file != "pages" => {
                let p = decode_performance(body).unwrap_or_else(|e| panic!("{path}: {e}"));
                let rows = body.matches("\\n").count().saturating_sub(1);
                assert_eq!(p.touches.len(), rows, "{path}: every touch row parses");
                assert_eq!(touches::parse(&p.csv), p.touches);
                singles += 1;
                continue;
            }
            ["performers", _] => {
                performers += 1;
                decode_performer(body, &url)
                    .unwrap_or_else(|e| panic!("{path}: {e}"))
                    .page
            }
            _ => decode_page(body, &url).unwrap_or_else(|e| panic!("{path}: {e}")),
        };
        pages += 1;
        assert!(page.skipped.is_empty(), "{path}: skipped {:?}", page.skipped);
        if let Some(next) = &page.next {
            let Cursor::Url(next) = next else {
                panic!("{path}: next {next:?} is not a URL")
            };
            assert!(next.starts_with(BASE), "{path}: next {next} stays under the API base");
        }
    }
    assert!(
        singles >= 120 && performers >= 12 && pages >= 3,
        "{singles} {performers} {pages}"
    );
}
