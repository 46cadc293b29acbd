//! Components shared by several pages.

mod card_window;
mod download_wav;
mod error_panel;
mod feed_loader;
mod feed_view;
mod jam_card;
mod layout;
mod lazy_view;
mod now_playing;
mod offline_banner;
mod play_button;
mod share_button;
mod trace_canvas;
mod visibility;
mod windower;

pub use download_wav::{save_file, DownloadWav};
pub use error_panel::{ErrorPanel, Problem};
pub use feed_loader::FeedLoader;
pub use feed_view::FeedView;
pub use jam_card::{Age, JamCard, PerformerLinks, SkeletonCards};
pub use layout::{focus_main, FocusOnNavigate, SiteFooter, SiteHeader};
pub use lazy_view::Lazy;
pub use offline_banner::OfflineBanner;
pub use play_button::{toggle, PlayButton};
pub use share_button::ShareButton;
pub use trace_canvas::TraceCanvas;
