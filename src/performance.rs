//! A performance as the site uses it: decoded, validated and with its touches parsed.

use crate::colour::Rgba;
use crate::instrument::Instrument;
use crate::touches::Touch;

/// One performance (a layer of a jam). Only public data: the performer's stage name and the recording.
#[derive(Debug, Clone, PartialEq)]
pub struct Performance {
    pub id: String,
    /// The performer's public stage name.
    pub performer: String,
    /// One of [`crate::instrument::ALL`], or an unknown name kept as sent.
    pub instrument: Instrument,
    /// The date as sent (RFC 3339), for `<time datetime>`.
    pub date: String,
    /// The same date in Unix milliseconds.
    pub timestamp_ms: i64,
    pub colour: Rgba,
    pub background: Rgba,
    /// The id of the performance this one answers, if any.
    pub reply_to: Option<String>,
    pub touches: Vec<Touch>,
    /// The touch CSV exactly as sent, for "Download CSV".
    pub csv: String,
}

impl Performance {
    /// A performance made in code rather than decoded (tests and benchmarks): the default colours,
    /// dated 1970-01-01, the CSV left empty.
    #[cfg(any(test, feature = "test-support"))]
    pub fn new(id: &str, performer: &str, instrument: &str, reply_to: Option<&str>, touches: Vec<Touch>) -> Self {
        Performance {
            id: id.into(),
            performer: performer.into(),
            instrument: Instrument::from_name(instrument),
            date: "1970-01-01T00:00:00Z".into(),
            timestamp_ms: 0,
            colour: crate::colour::DEFAULT_TRACE,
            background: crate::colour::DEFAULT_BACKGROUND,
            reply_to: reply_to.map(Into::into),
            touches,
            csv: String::new(),
        }
    }
}
