//! The byte encoding of published policies (`policy::published`): a leaf module with no
//! knowledge of policies. Unsigned integers are LEB128 varints, signed ones zigzag varints,
//! `f64` eight little-endian bytes, strings a length and UTF-8 bytes, `Option` a 0/1 tag,
//! lists a length and their items, enums a tag byte and their fields.
//!
//! Reading never panics and never allocates more than the input can hold: every length is
//! checked against the bytes left (each item takes at least one byte), every tag against the
//! values it may take, and nesting against [`MAX_NESTING`]. A problem is a [`Bad`]: what was
//! expected and the byte offset where reading stopped.

use std::collections::BTreeMap;

/// How deep values may nest (conditions are the only recursive values; their parser bounds
/// them far below this).
pub const MAX_NESTING: u32 = 512;

/// Why bytes could not be read: the byte offset and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    pub offset: usize,
    pub expected: &'static str,
}

/// Bytes being read.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader {
            buf,
            pos: 0,
            depth: 0,
        }
    }

    /// The error "expected `what`" at the current offset.
    pub fn bad<T>(&self, expected: &'static str) -> Result<T, Bad> {
        Err(Bad {
            offset: self.pos,
            expected,
        })
    }

    /// Bytes not read yet.
    pub fn left(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }

    pub fn byte(&mut self) -> Result<u8, Bad> {
        match self.buf.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => self.bad("one more byte (the data is cut short)"),
        }
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], Bad> {
        let end = match self.pos.checked_add(n) {
            Some(end) if end <= self.buf.len() => end,
            _ => return self.bad("more bytes (the data is cut short)"),
        };
        let out = self.buf.get(self.pos..end).unwrap_or_default();
        self.pos = end;
        Ok(out)
    }

    pub fn u64(&mut self) -> Result<u64, Bad> {
        let mut out: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            out |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                if shift == 63 && b > 1 {
                    return self.bad("an integer that fits in 64 bits");
                }
                return Ok(out);
            }
        }
        self.bad("an integer that fits in 64 bits")
    }

    /// A count of items, each at least one byte long: never more than the bytes left.
    pub fn len(&mut self) -> Result<usize, Bad> {
        let n = self.u64()?;
        match usize::try_from(n) {
            Ok(n) if n <= self.left() => Ok(n),
            _ => self.bad("a length within the data"),
        }
    }

    /// A tag byte below `n`.
    pub fn tag(&mut self, n: u8, what: &'static str) -> Result<u8, Bad> {
        let t = self.byte()?;
        if t < n {
            Ok(t)
        } else {
            self.pos -= 1;
            self.bad(what)
        }
    }

    /// Runs `f` one level deeper, failing beyond [`MAX_NESTING`].
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Bad>) -> Result<T, Bad> {
        if self.depth >= MAX_NESTING {
            return self.bad("values nested less deeply");
        }
        self.depth += 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    /// Whether every byte was read.
    pub fn done(&self) -> bool {
        self.pos == self.buf.len()
    }
}

/// A value with a byte encoding.
pub trait Wire: Sized {
    fn put(&self, w: &mut Vec<u8>);
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad>;
}

pub fn put_u64(w: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            w.push(b);
            return;
        }
        w.push(b | 0x80);
    }
}

impl Wire for u64 {
    fn put(&self, w: &mut Vec<u8>) {
        put_u64(w, *self);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        r.u64()
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, w: &mut Vec<u8>) {
                put_u64(w, *self as u64);
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
                let v = r.u64()?;
                <$t>::try_from(v).or_else(|_| r.bad(concat!("a ", stringify!($t))))
            }
        }
    )*};
}
unsigned!(u8, u32, usize);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, w: &mut Vec<u8>) {
                let v = i64::from(*self);
                put_u64(w, ((v << 1) ^ (v >> 63)) as u64);
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
                let u = r.u64()?;
                let v = ((u >> 1) as i64) ^ -((u & 1) as i64);
                <$t>::try_from(v).or_else(|_| r.bad(concat!("an ", stringify!($t))))
            }
        }
    )*};
}
signed!(i32, i64);

impl Wire for bool {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(u8::from(*self));
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        Ok(r.tag(2, "a bool (0 or 1)")? == 1)
    }
}

impl Wire for f64 {
    fn put(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let b = r.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }
}

impl Wire for String {
    fn put(&self, w: &mut Vec<u8>) {
        put_u64(w, self.len() as u64);
        w.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let n = r.len()?;
        let at = r.pos;
        let b = r.bytes(n)?;
        match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Err(Bad {
                offset: at,
                expected: "UTF-8 text",
            }),
        }
    }
}

impl Wire for Box<str> {
    fn put(&self, w: &mut Vec<u8>) {
        put_u64(w, self.len() as u64);
        w.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        String::get(r).map(String::into_boxed_str)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(v) => {
                w.push(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        match r.tag(2, "an option tag (0 or 1)")? {
            0 => Ok(None),
            _ => T::get(r).map(Some),
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) {
        put_u64(w, self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let n = r.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::get(r)?);
        }
        Ok(out)
    }
}

impl<T: Wire> Wire for Box<[T]> {
    fn put(&self, w: &mut Vec<u8>) {
        put_u64(w, self.len() as u64);
        for v in self.iter() {
            v.put(w);
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        Vec::<T>::get(r).map(Vec::into_boxed_slice)
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, w: &mut Vec<u8>) {
        (**self).put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        r.nested(|r| T::get(r).map(Box::new))
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, w: &mut Vec<u8>) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        Ok((A::get(r)?, B::get(r)?))
    }
}

impl<K: Wire + Ord, V: Wire> Wire for BTreeMap<K, V> {
    fn put(&self, w: &mut Vec<u8>) {
        put_u64(w, self.len() as u64);
        for (k, v) in self {
            k.put(w);
            v.put(w);
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let n = r.len()?;
        let mut out = BTreeMap::new();
        for _ in 0..n {
            let k = K::get(r)?;
            let v = V::get(r)?;
            out.insert(k, v);
        }
        Ok(out)
    }
}

/// `Wire` for a struct, field by field in the order listed (the format: changing the list
/// changes [`crate::policy::published::FORMAT`]).
macro_rules! wire_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl $crate::wire::Wire for $t {
            fn put(&self, w: &mut Vec<u8>) {
                $( $crate::wire::Wire::put(&self.$f, w); )*
            }
            fn get(r: &mut $crate::wire::Reader<'_>) -> Result<Self, $crate::wire::Bad> {
                Ok($t { $( $f: $crate::wire::Wire::get(r)?, )* })
            }
        }
    };
}

/// `Wire` for a fieldless enum, as the position of its variant in the list.
macro_rules! wire_enum {
    ($t:ident { $($v:ident),* $(,)? }) => {
        impl $crate::wire::Wire for $t {
            fn put(&self, w: &mut Vec<u8>) {
                let all = [$($t::$v),*];
                let i = all.iter().position(|x| x == self).unwrap_or(0);
                w.push(i as u8);
            }
            fn get(r: &mut $crate::wire::Reader<'_>) -> Result<Self, $crate::wire::Bad> {
                let all = [$($t::$v),*];
                #[allow(clippy::cast_possible_truncation)]
                let t = r.tag(all.len() as u8, concat!("a ", stringify!($t)))?;
                match all.get(usize::from(t)) {
                    Some(v) => Ok(*v),
                    None => r.bad(concat!("a ", stringify!($t))),
                }
            }
        }
    };
}

pub(crate) use {wire_enum, wire_struct};

#[cfg(test)]
mod tests {
    use super::*;

    fn round<T: Wire + PartialEq + std::fmt::Debug>(v: T) {
        let mut w = Vec::new();
        v.put(&mut w);
        let mut r = Reader::new(&w);
        assert_eq!(T::get(&mut r).unwrap(), v);
        assert!(r.done());
    }

    #[test]
    fn values_round_trip() {
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            round(v);
        }
        for v in [0i64, -1, 1, i64::MIN, i64::MAX] {
            round(v);
        }
        round(-3.25f64);
        round("办件 ✓".to_string());
        round(Some(vec![1u32, 2, 3]));
        round(Option::<u32>::None);
    }

    #[test]
    fn lengths_beyond_the_data_are_errors_not_allocations() {
        let mut w = Vec::new();
        put_u64(&mut w, u64::MAX / 2);
        let e = Vec::<u8>::get(&mut Reader::new(&w)).unwrap_err();
        assert_eq!(e.expected, "a length within the data");
        // A string cut short, a bad tag, an integer of eleven bytes.
        assert!(String::get(&mut Reader::new(&[5, b'a'])).is_err());
        assert!(bool::get(&mut Reader::new(&[2])).is_err());
        assert!(u64::get(&mut Reader::new(&[0xff; 11])).is_err());
        assert!(u8::get(&mut Reader::new(&[0x80, 0x02])).is_err());
        assert!(String::get(&mut Reader::new(&[1, 0xff])).is_err());
    }
}
