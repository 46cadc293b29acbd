//! One file per page.

mod gallery;
mod not_found;
mod performance;
mod performer;
mod privacy;

pub use gallery::GalleryPage;
pub use not_found::NotFound;
pub use performance::PerformancePage;
pub use performer::PerformerPage;
pub use privacy::PrivacyPage;
