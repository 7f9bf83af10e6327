//! Parquet export with the `parquet` crate's column writers (no Arrow): one file per
//! table, one row group per [`ROW_GROUP`] rows, Snappy-compressed. Text is a UTF-8
//! BYTE_ARRAY, integers INT64, floats DOUBLE, booleans BOOLEAN; a column that may be
//! NULL is OPTIONAL, every other REQUIRED.

use std::path::Path;
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use rusqlite::types::ValueRef;

use crate::table::{Column, Table, Ty};
use crate::{Result, Store, StoreError};

/// Rows per row group: bounds the memory an export holds at once.
pub(crate) const ROW_GROUP: usize = 8192;

/// The Parquet schema of `t`.
fn schema(t: &Table) -> Result<Type> {
    let mut fields = Vec::with_capacity(t.columns.len());
    for c in t.columns {
        let (physical, logical) = match c.ty {
            Ty::Text | Ty::Json => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
            Ty::Int => (Physical::INT64, None),
            Ty::Real => (Physical::DOUBLE, None),
            Ty::Bool => (Physical::BOOLEAN, None),
        };
        let repetition = if c.null {
            Repetition::OPTIONAL
        } else {
            Repetition::REQUIRED
        };
        let f = Type::primitive_type_builder(c.name, physical)
            .with_repetition(repetition)
            .with_logical_type(logical)
            .build()?;
        fields.push(Arc::new(f));
    }
    Ok(Type::group_type_builder(t.name)
        .with_fields(fields)
        .build()?)
}

/// The values of one column for one row group, with definition levels (1 = a value,
/// 0 = NULL) for OPTIONAL columns.
enum Values {
    Text(Vec<ByteArray>),
    Int(Vec<i64>),
    Real(Vec<f64>),
    Bool(Vec<bool>),
}

struct Buffer {
    values: Values,
    defs: Vec<i16>,
}

impl Buffer {
    fn new(c: &Column) -> Buffer {
        let values = match c.ty {
            Ty::Text | Ty::Json => Values::Text(Vec::new()),
            Ty::Int => Values::Int(Vec::new()),
            Ty::Real => Values::Real(Vec::new()),
            Ty::Bool => Values::Bool(Vec::new()),
        };
        Buffer {
            values,
            defs: Vec::new(),
        }
    }

    /// Adds one SQL value. SQLite types loosely, so numbers are converted between
    /// integer and float as the column needs; a value that does not fit is NULL in an
    /// OPTIONAL column and zero or empty in a REQUIRED one.
    fn push(&mut self, c: &Column, v: ValueRef) {
        let num = match v {
            ValueRef::Integer(i) => Some(i as f64),
            ValueRef::Real(f) => Some(f),
            _ => None,
        };
        let present = match &mut self.values {
            Values::Text(out) => match v {
                ValueRef::Text(t) | ValueRef::Blob(t) => {
                    out.push(ByteArray::from(String::from_utf8_lossy(t).as_bytes()));
                    true
                }
                _ => false,
            },
            Values::Int(out) => match v {
                ValueRef::Integer(i) => {
                    out.push(i);
                    true
                }
                _ => false,
            },
            Values::Real(out) => num.map(|f| out.push(f)).is_some(),
            Values::Bool(out) => num.map(|f| out.push(f != 0.0)).is_some(),
        };
        if c.null {
            self.defs.push(i16::from(present));
        } else if !present {
            match &mut self.values {
                Values::Text(out) => out.push(ByteArray::from(&b""[..])),
                Values::Int(out) => out.push(0),
                Values::Real(out) => out.push(0.0),
                Values::Bool(out) => out.push(false),
            }
        }
    }

    fn clear(&mut self) {
        self.defs.clear();
        match &mut self.values {
            Values::Text(v) => v.clear(),
            Values::Int(v) => v.clear(),
            Values::Real(v) => v.clear(),
            Values::Bool(v) => v.clear(),
        }
    }
}

/// Writes the buffered rows as one row group and empties the buffers.
fn flush<W: std::io::Write + Send>(
    w: &mut SerializedFileWriter<W>,
    t: &Table,
    bufs: &mut [Buffer],
) -> Result<()> {
    let mut rg = w.next_row_group()?;
    let mut i = 0;
    while let Some(mut col) = rg.next_column()? {
        let (Some(b), Some(c)) = (bufs.get(i), t.columns.get(i)) else {
            return Err(StoreError::Contract(format!(
                "{}: more Parquet columns than table columns",
                t.name
            )));
        };
        let defs = c.null.then_some(b.defs.as_slice());
        match &b.values {
            Values::Text(v) => col.typed::<ByteArrayType>().write_batch(v, defs, None)?,
            Values::Int(v) => col.typed::<Int64Type>().write_batch(v, defs, None)?,
            Values::Real(v) => col.typed::<DoubleType>().write_batch(v, defs, None)?,
            Values::Bool(v) => col.typed::<BoolType>().write_batch(v, defs, None)?,
        };
        col.close()?;
        i += 1;
    }
    rg.close()?;
    bufs.iter_mut().for_each(Buffer::clear);
    Ok(())
}

/// Writes table `t` to the Parquet file `path`. Returns the row count.
pub(crate) fn write_table(store: &Store, t: &Table, path: &Path) -> Result<usize> {
    let file =
        std::fs::File::create(path).map_err(|e| StoreError::io(path.display().to_string(), e))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("storyline {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut w = SerializedFileWriter::new(file, Arc::new(schema(t)?), Arc::new(props))?;
    let mut bufs: Vec<Buffer> = t.columns.iter().map(Buffer::new).collect();
    let mut stmt = store.conn.prepare(&t.select())?;
    let mut rows = stmt.query([])?;
    let (mut n, mut pending) = (0, 0);
    while let Some(r) = rows.next()? {
        for (i, (c, b)) in t.columns.iter().zip(bufs.iter_mut()).enumerate() {
            b.push(c, r.get_ref(i)?);
        }
        n += 1;
        pending += 1;
        if pending == ROW_GROUP {
            flush(&mut w, t, &mut bufs)?;
            pending = 0;
        }
    }
    if pending > 0 {
        flush(&mut w, t, &mut bufs)?;
    }
    w.close()?;
    Ok(n)
}
