//! 16-bit PCM WAV files, for "Download WAV".

/// A stereo 16-bit PCM WAV file of `left` and `right` (samples in −1..1; louder is clipped, NaN is
/// silence) at `sample_rate` Hz. The channels are cut to the shorter one.
pub fn encode(left: &[f32], right: &[f32], sample_rate: u32) -> Vec<u8> {
    let frames = left.len().min(right.len());
    let mut out = header(2, frames, sample_rate);
    for (l, r) in left.iter().zip(right) {
        out.extend_from_slice(&sample(*l).to_le_bytes());
        out.extend_from_slice(&sample(*r).to_le_bytes());
    }
    out
}

/// A mono 16-bit PCM WAV file (for comparing renders with the app's).
pub fn encode_mono(samples: &[f32], sample_rate: u32) -> Vec<u8> {
    let mut out = header(1, samples.len(), sample_rate);
    for s in samples {
        out.extend_from_slice(&sample(*s).to_le_bytes());
    }
    out
}

fn header(channels: u16, frames: usize, sample_rate: u32) -> Vec<u8> {
    let block = 2 * u32::from(channels);
    let data_len = frames as u32 * block;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&channels.to_le_bytes());
    out.extend_from_slice(&sample_rate.to_le_bytes());
    out.extend_from_slice(&(sample_rate * block).to_le_bytes()); // byte rate
    out.extend_from_slice(&(block as u16).to_le_bytes()); // block align
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    out
}

fn sample(s: f32) -> i16 {
    let s = if s.is_nan() { 0.0 } else { s.clamp(-1.0, 1.0) };
    (s * 32767.0).round() as i16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(b: &[u8], i: usize) -> u32 {
        u32::from_le_bytes(b[i..i + 4].try_into().unwrap())
    }

    fn u16_at(b: &[u8], i: usize) -> u16 {
        u16::from_le_bytes(b[i..i + 2].try_into().unwrap())
    }

    #[test]
    fn the_header_describes_stereo_16_bit_pcm() {
        let wav = encode(&[0.0; 100], &[0.0; 100], 44_100);
        assert_eq!(&wav[0..4], b"RIFF");
        assert_eq!(u32_at(&wav, 4) as usize, wav.len() - 8);
        assert_eq!(&wav[8..16], b"WAVEfmt ");
        assert_eq!((u32_at(&wav, 16), u16_at(&wav, 20), u16_at(&wav, 22)), (16, 1, 2));
        assert_eq!((u32_at(&wav, 24), u32_at(&wav, 28)), (44_100, 176_400));
        assert_eq!((u16_at(&wav, 32), u16_at(&wav, 34)), (4, 16));
        assert_eq!(&wav[36..40], b"data");
        assert_eq!(u32_at(&wav, 40), 400);
        assert_eq!(wav.len(), 44 + 400);
    }

    #[test]
    fn samples_are_interleaved_scaled_and_clipped() {
        let wav = encode(&[1.0, -1.0, 2.0, f32::NAN], &[0.5, -0.5, -3.0, 0.0, 9.0], 48_000);
        let samples: Vec<i16> = wav[44..].chunks(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        assert_eq!(samples, [32767, 16384, -32767, -16384, 32767, -32767, 0, 0]);
    }
}
