//! What can go wrong when talking to the API, and what a visitor is told about it.

use std::fmt;

/// A failed API request. `message()` is written for visitors; `Display` adds detail for the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: offline, DNS, connection refused, CORS.
    Network,
    /// No answer within the time limit.
    Timeout,
    /// The request was cancelled because the page that asked for it went away.
    Aborted,
    /// An answer with a status other than 2xx (404 for "no such thing").
    Status(u16),
    /// An answer whose body is not what the contract promises.
    Decode(String),
    /// The site is set up wrongly for its backend (e.g. a CloudKit token refused); says what to check.
    Configuration(String),
}

impl ApiError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::Status(404 | 410))
    }

    /// A sentence for the page, fit for a visitor.
    pub fn message(&self) -> String {
        match self {
            ApiError::Network => "Can't reach the MicroJam server. Check your connection and try again.".into(),
            ApiError::Timeout => "The MicroJam server took too long to answer. Please try again.".into(),
            ApiError::Aborted => "The request was cancelled.".into(),
            ApiError::Status(404 | 410) => "That isn't here: it may have been removed.".into(),
            ApiError::Status(429) => "The MicroJam server is busy right now. Please try again in a moment.".into(),
            ApiError::Status(code) if *code >= 500 => {
                format!("The MicroJam server ran into a problem (HTTP {code}). Please try again in a moment.")
            }
            ApiError::Status(code) => format!("The MicroJam server refused the request (HTTP {code})."),
            ApiError::Decode(_) => "The MicroJam server sent an answer this page can't read.".into(),
            ApiError::Configuration(what) => what.clone(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Decode(detail) => write!(f, "{} ({detail})", self.message()),
            other => f.write_str(&other.message()),
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_visitor_message_naming_the_status() {
        assert!(ApiError::Status(503).message().contains("HTTP 503"));
        assert!(ApiError::Status(403).message().contains("HTTP 403"));
        assert!(ApiError::Status(404).is_not_found());
        assert!(!ApiError::Status(500).is_not_found());
        for e in [
            ApiError::Network,
            ApiError::Timeout,
            ApiError::Aborted,
            ApiError::Decode("x".into()),
        ] {
            assert!(e.message().ends_with('.'), "{e:?}");
        }
        assert!(ApiError::Decode("missing field `id`".into())
            .to_string()
            .contains("missing field"));
        assert!(!ApiError::Decode("missing field `id`".into())
            .message()
            .contains("missing field"));
    }
}
