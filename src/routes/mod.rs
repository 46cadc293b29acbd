//! One file per page.

mod gallery;
mod not_found;
mod perform;
mod performance;
mod performer;
mod privacy;

pub use gallery::GalleryPage;
pub use not_found::NotFound;
pub use perform::PerformPage;
pub use performance::PerformancePage;
pub use performer::PerformerPage;
pub use privacy::PrivacyPage;
