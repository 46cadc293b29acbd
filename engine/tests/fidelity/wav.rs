//! WAV files as the reference kit reads and writes them: any RIFF PCM 16/24/32-bit or float 32/64
//! WAV read as mono f64 (channels averaged), and 16-bit mono written as `pdref.py post` does
//! (round(v·32767), clipped), so that a native render is analysed exactly as its WAV would be.

/// Mono samples (−1..1) and the sample rate of a WAV file's bytes.
pub fn read_wav(b: &[u8]) -> Result<(Vec<f64>, f64), String> {
    let u16_at = |p: usize| u16::from_le_bytes([b[p], b[p + 1]]);
    let u32_at = |p: usize| u32::from_le_bytes([b[p], b[p + 1], b[p + 2], b[p + 3]]);
    if b.len() < 12 || &b[..4] != b"RIFF" || &b[8..12] != b"WAVE" {
        return Err("not a WAV file".into());
    }
    let (mut pos, mut fmt, mut data) = (12, None, None);
    while pos + 8 <= b.len() {
        let size = u32_at(pos + 4) as usize;
        let body = &b[pos + 8..(pos + 8 + size).min(b.len())];
        match &b[pos..pos + 4] {
            b"fmt " if body.len() >= 16 => {
                let mut tag = u16_at(pos + 8);
                if tag == 0xFFFE && body.len() >= 26 {
                    tag = u16_at(pos + 8 + 24);
                }
                fmt = Some((
                    tag,
                    u16_at(pos + 10) as usize,
                    u32_at(pos + 12) as f64,
                    u16_at(pos + 22) as usize,
                ));
            }
            b"data" => data = Some(body),
            _ => {}
        }
        pos += 8 + size + (size & 1);
    }
    let ((tag, ch, sr, bits), data) = fmt.zip(data).ok_or("no fmt or data chunk")?;
    let width = bits / 8;
    let sample = |s: &[u8]| -> Option<f64> {
        Some(match (tag, bits) {
            (1, 16) => i16::from_le_bytes([s[0], s[1]]) as f64 / 32768.0,
            (1, 24) => (i32::from_le_bytes([0, s[0], s[1], s[2]]) >> 8) as f64 / 8388608.0,
            (1, 32) => i32::from_le_bytes([s[0], s[1], s[2], s[3]]) as f64 / 2147483648.0,
            (3, 32) => f32::from_le_bytes([s[0], s[1], s[2], s[3]]) as f64,
            (3, 64) => f64::from_le_bytes(s.try_into().ok()?),
            _ => return None,
        })
    };
    if ch == 0 || width == 0 {
        return Err("no channels".into());
    }
    let mut mono = Vec::with_capacity(data.len() / (ch * width));
    for frame in data.chunks_exact(ch * width) {
        let sum: Option<f64> = frame.chunks_exact(width).map(sample).sum();
        mono.push(sum.ok_or_else(|| format!("unsupported WAV format (tag {tag}, {bits} bits)"))? / ch as f64);
    }
    Ok((mono, sr))
}

/// The 16-bit samples `pdref.py post` writes for mono `x`: round(x·32767) (ties to even), clipped.
pub fn to_pcm16(x: &[f64]) -> Vec<i16> {
    x.iter()
        .map(|v| (v * 32767.0).round_ties_even().clamp(-32768.0, 32767.0) as i16)
        .collect()
}

/// What reading that 16-bit WAV back gives: the signal analyse.py sees.
pub fn through_pcm16(x: &[f64]) -> Vec<f64> {
    to_pcm16(x).iter().map(|&s| s as f64 / 32768.0).collect()
}

/// A 16-bit mono RIFF WAV file's bytes.
pub fn wav16_bytes(pcm: &[i16], sr: u32) -> Vec<u8> {
    let data_len = (pcm.len() * 2) as u32;
    let mut b = Vec::with_capacity(44 + pcm.len() * 2);
    b.extend_from_slice(b"RIFF");
    b.extend_from_slice(&(36 + data_len).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&16u32.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes()); // PCM
    b.extend_from_slice(&1u16.to_le_bytes()); // mono
    b.extend_from_slice(&sr.to_le_bytes());
    b.extend_from_slice(&(sr * 2).to_le_bytes());
    b.extend_from_slice(&2u16.to_le_bytes());
    b.extend_from_slice(&16u16.to_le_bytes());
    b.extend_from_slice(b"data");
    b.extend_from_slice(&data_len.to_le_bytes());
    for s in pcm {
        b.extend_from_slice(&s.to_le_bytes());
    }
    b
}
