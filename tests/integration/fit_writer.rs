//! A FIT file writer independent of the decoder: the FIT protocol's header, one definition
//! and one data message of the `session` message (global number 18) and the CRC, written
//! from the protocol's description (FIT SDK, "FIT File Structure"), so that the reader is
//! tested against files it did not make.

/// Seconds from 1970-01-01 to the FIT epoch, 1989-12-31T00:00:00Z.
pub const FIT_EPOCH: i64 = 631_065_600;

/// The FIT CRC-16 over `bytes`, from `crc`.
pub fn crc(mut crc: u16, bytes: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401,
        0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    for &b in bytes {
        for nibble in [b & 0x0F, b >> 4] {
            let tmp = TABLE[usize::from(crc & 0x0F)];
            crc = (crc >> 4) & 0x0FFF;
            crc ^= tmp ^ TABLE[usize::from(nibble)];
        }
    }
    crc
}

/// A FIT file with one session: start (seconds since 1970), elapsed seconds, metres,
/// average heart rate and sport (1 running, 2 cycling, 5 swimming).
pub fn session_file(start_unix: i64, elapsed_s: f64, metres: f64, avg_hr: u8, sport: u8) -> Vec<u8> {
    let start = u32::try_from(start_unix - FIT_EPOCH).unwrap();
    // (field number, size, base type): timestamp, start_time, total_elapsed_time (ms),
    // total_distance (cm), avg_heart_rate, sport.
    let fields: [(u8, u8, u8); 6] = [
        (253, 4, 0x86),
        (2, 4, 0x86),
        (7, 4, 0x86),
        (9, 4, 0x86),
        (16, 1, 0x02),
        (5, 1, 0x00),
    ];
    let mut data = vec![0x40, 0, 0];
    data.extend(18u16.to_le_bytes());
    data.push(fields.len() as u8);
    for (num, size, base) in fields {
        data.extend([num, size, base]);
    }
    data.push(0x00);
    data.extend((start + elapsed_s as u32).to_le_bytes());
    data.extend(start.to_le_bytes());
    data.extend(((elapsed_s * 1000.0).round() as u32).to_le_bytes());
    data.extend(((metres * 100.0).round() as u32).to_le_bytes());
    data.extend([avg_hr, sport]);
    let mut file = vec![14, 0x20];
    file.extend(2132u16.to_le_bytes());
    file.extend((data.len() as u32).to_le_bytes());
    file.extend(b".FIT");
    let header_crc = crc(0, &file);
    file.extend(header_crc.to_le_bytes());
    file.extend(&data);
    let file_crc = crc(0, &file);
    file.extend(file_crc.to_le_bytes());
    file
}
