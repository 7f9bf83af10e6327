//! Hashing helpers: strings are hashed once per token, features are integer mixes.

pub(crate) use storyline_model::{fnv1a as fnv, FNV_OFFSET as SEED};

/// Hash of a whole string.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    fnv(SEED, s.as_bytes())
}

/// Combines two hashes (order matters); a cheap, well-spread mix.
#[inline]
pub(crate) const fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 29)
}

/// Hash of a lowercased phrase: the mix of its tokens' lowercase hashes.
#[inline]
pub(crate) fn phrase_step(h: u64, lower: u64) -> u64 {
    mix(h.wrapping_add(0x51), lower)
}

/// A map keyed by precomputed hashes.
pub(crate) use storyline_model::HashKeyed;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mix_is_order_sensitive() {
        assert_ne!(mix(1, 2), mix(2, 1));
        assert_eq!(hash_str("Kyiv"), fnv(SEED, b"Kyiv"));
    }
}
