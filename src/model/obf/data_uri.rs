//! The bytes of a `data:` URI, as OBF files carry pictures and sounds: base64 (padding
//! optional, as writers in the wild leave it out) or percent-encoded.

use base64::Engine;

/// The bytes of a `data:` URI, base64 or percent-encoded.
pub(super) fn data_uri(uri: &str) -> Result<Vec<u8>, String> {
    let rest = uri
        .trim()
        .strip_prefix("data:")
        .ok_or("its data is not a data: URI")?;
    let (header, body) = rest.split_once(',').ok_or("its data URI has no comma")?;
    if header.ends_with(";base64") {
        let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        // Padding is optional: writers in the wild leave it out.
        let lenient = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
        );
        lenient
            .decode(body.as_bytes())
            .map_err(|e| format!("its data URI is not base64: {e}"))
    } else {
        Ok(percent_decoded(body))
    }
}

fn percent_decoded(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}
