//! The FIT file format, written by hand for the three messages a workout file holds (FIT
//! SDK, "FIT File Types: Workout"; the protocol's "Flexible & Interoperable Data Transfer
//! Protocol" document): a 14-byte header, definition and data messages (little-endian, one
//! local message type a definition), and the CRC-16 of the SDK over the whole file.

/// FIT base types (the SDK's `fit_base_type`): the byte a definition gives each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base {
    /// An enum, one byte; 0xFF is invalid.
    Enum,
    /// Unsigned 16 bits; 0xFFFF is invalid.
    U16,
    /// Unsigned 32 bits; 0xFFFF_FFFF is invalid.
    U32,
    /// Unsigned 32 bits, 0 invalid.
    U32z,
    /// A null-terminated UTF-8 string of the definition's size.
    Text,
}

impl Base {
    /// The base type's number in a definition.
    fn code(self) -> u8 {
        match self {
            Base::Enum => 0x00,
            Base::U16 => 0x84,
            Base::U32 => 0x86,
            Base::U32z => 0x8C,
            Base::Text => 0x07,
        }
    }
}

/// A field's value in a data message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Value {
    /// An enum.
    Enum(u8),
    /// 16 bits.
    U16(u16),
    /// 32 bits.
    U32(u32),
    /// Text, cut at a character to fit its field with the terminating zero.
    Text(String),
}

/// The invalid value of a uint32 field.
pub(super) const INVALID_U32: u32 = 0xFFFF_FFFF;

/// A field of a definition: its number in the profile, its size in bytes, its base type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Field {
    /// The field number of the FIT profile.
    pub number: u8,
    /// Bytes.
    pub size: u8,
    /// Base type.
    pub base: Base,
}

impl Field {
    /// A field of a fixed-size base type.
    pub(super) fn of(number: u8, base: Base) -> Self {
        let size = match base {
            // A string's size is its definition's: [`Field::text`].
            Base::Enum | Base::Text => 1,
            Base::U16 => 2,
            Base::U32 | Base::U32z => 4,
        };
        Field { number, size, base }
    }

    /// A string field of `size` bytes, the terminating zero included.
    pub(super) fn text(number: u8, size: u8) -> Self {
        Field {
            number,
            size: size.max(1),
            base: Base::Text,
        }
    }
}

/// Protocol version 1.0 (0x10): what every watch that takes workout files reads.
const PROTOCOL: u8 = 0x10;
/// The FIT profile version the messages follow, 21.40 (major x 100 + minor).
const PROFILE: u16 = 2140;

/// A FIT file being written: the messages after the header; [`Encoder::finish`] puts the
/// header before them and the CRC after.
#[derive(Debug, Default)]
pub(super) struct Encoder {
    data: Vec<u8>,
}

impl Encoder {
    /// A definition message: local message type `local` stands for global message `global`
    /// with `fields`, in that order, until it is defined again.
    pub(super) fn define(&mut self, local: u8, global: u16, fields: &[Field]) {
        self.data.push(0x40 | (local & 0x0F));
        // Reserved, then the architecture: 0, little-endian.
        self.data.extend([0, 0]);
        self.data.extend(global.to_le_bytes());
        self.data.push(fields.len() as u8);
        for f in fields {
            self.data.extend([f.number, f.size, f.base.code()]);
        }
    }

    /// A data message of local message type `local`: `values` in the order of `fields`, the
    /// fields of its definition.
    pub(super) fn data(&mut self, local: u8, fields: &[Field], values: &[Value]) {
        debug_assert_eq!(fields.len(), values.len());
        self.data.push(local & 0x0F);
        for (f, v) in fields.iter().zip(values) {
            match v {
                Value::Enum(x) => self.data.push(*x),
                Value::U16(x) => self.data.extend(x.to_le_bytes()),
                Value::U32(x) => self.data.extend(x.to_le_bytes()),
                Value::Text(s) => {
                    let size = usize::from(f.size);
                    let text = cut(s, size - 1);
                    self.data.extend(text.as_bytes());
                    self.data.resize(self.data.len() + size - text.len(), 0);
                }
            }
        }
    }

    /// The file: header (with its CRC), the messages, the file's CRC.
    pub(super) fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.data.len() + 16);
        out.push(14);
        out.push(PROTOCOL);
        out.extend(PROFILE.to_le_bytes());
        out.extend((self.data.len() as u32).to_le_bytes());
        out.extend(b".FIT");
        let header_crc = crc16(&out);
        out.extend(header_crc.to_le_bytes());
        out.extend(self.data);
        let crc = crc16(&out);
        out.extend(crc.to_le_bytes());
        out
    }
}

/// `text` cut at a character boundary to at most `bytes` bytes, with no zero inside (a zero
/// would end the string).
pub(super) fn cut(text: &str, bytes: usize) -> String {
    let mut out = String::new();
    for c in text.chars().filter(|&c| c != '\0') {
        if out.len() + c.len_utf8() > bytes {
            break;
        }
        out.push(c);
    }
    out
}

/// The FIT SDK's CRC-16 (polynomial 0xA001, reflected, initial 0), nibble by nibble with
/// the SDK's table.
pub(super) fn crc16(bytes: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401,
        0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    bytes.iter().fold(0u16, |crc, &b| {
        let crc = (crc >> 4) ^ TABLE[usize::from(crc & 0xF)] ^ TABLE[usize::from(b & 0xF)];
        (crc >> 4) ^ TABLE[usize::from(crc & 0xF)] ^ TABLE[usize::from(b >> 4)]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crc_of_a_file_with_its_crc_is_zero() {
        // The SDK's own example workout (tests/data/fit/WorkoutRepeatSteps.fit) ends in the
        // CRC of what comes before it, so the CRC over the whole file is 0; the header's two
        // last bytes are the CRC of its first 12.
        let file = include_bytes!("../../../tests/data/fit/WorkoutRepeatSteps.fit");
        assert_eq!(crc16(file), 0);
        assert_eq!(crc16(&file[..12]).to_le_bytes(), [file[12], file[13]]);
        // CRC-16/ARC of "123456789" is 0xBB3D (the catalogue of CRC parameters).
        assert_eq!(crc16(b"123456789"), 0xBB3D);
    }

    #[test]
    fn strings_are_cut_at_a_character_and_padded_with_zeros() {
        assert_eq!(cut("Tue intervals", 5), "Tue i");
        assert_eq!(cut("éé", 3), "é");
        assert_eq!(cut("a\0b", 5), "ab");
        let mut e = Encoder::default();
        let fields = [Field::text(0, 4)];
        e.data(0, &fields, &[Value::Text("abcdef".into())]);
        assert_eq!(e.data, [0, b'a', b'b', b'c', 0]);
    }
}
