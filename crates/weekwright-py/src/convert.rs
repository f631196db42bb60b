//! Python objects to JSON values and back. A profile comes in as a dict and becomes the JSON
//! text the profile parser reads; a result goes out as the objects `json.loads` makes of the
//! command line's JSON: the same keys in the same order, integers as `int`, every other
//! number as the same `float`, nothing rounded.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Deepest nesting read from Python: a profile is a few levels deep, and a list that holds
/// itself must end in a message, not in a stack overflow.
const MAX_DEPTH: usize = 64;

/// A Python object as JSON: dicts with string keys, lists and tuples, strings, ints,
/// floats, booleans and None; a `datetime.date` as its ISO text; numpy scalars and arrays
/// (what a pandas row holds) through their `tolist()`. `at` names the object in messages
/// (`profile`, `profile['max_minutes']`).
///
/// # Errors
/// `TypeError` for anything else (a set, a custom object, a non-string key), `ValueError`
/// for a float JSON cannot hold (NaN, infinity), each naming where it is.
pub fn to_json(obj: &Bound<'_, PyAny>, at: &str) -> PyResult<Value> {
    to_json_at(obj, at, 0)
}

fn to_json_at(obj: &Bound<'_, PyAny>, at: &str, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "{at}: nested more than {MAX_DEPTH} levels deep (does a list or dict hold itself?)"
        )));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyInt>() {
        return int_to_json(obj, at);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return match Number::from_f64(f.value()) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(PyValueError::new_err(format!(
                "{at}: {} is not a number a profile can hold: give a finite number",
                f.repr()?
            ))),
        };
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, value) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "{at}: the key {} is not a string: a profile's keys are field names such as 'weekly_minutes'",
                    key.repr()?
                )));
            };
            let key = key.to_cow()?;
            let value = to_json_at(&value, &format!("{at}['{key}']"), depth + 1)?;
            map.insert(key.into_owned(), value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(to_json_at(&item?, &format!("{at}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    foreign_to_json(obj, at, depth)
}

/// An int as JSON, as long as JSON's integers reach; a larger one is out of every range a
/// profile has, and its text goes through so that the parser says so.
fn int_to_json(obj: &Bound<'_, PyAny>, at: &str) -> PyResult<Value> {
    if let Ok(n) = obj.extract::<i64>() {
        return Ok(Value::from(n));
    }
    if let Ok(n) = obj.extract::<u64>() {
        return Ok(Value::from(n));
    }
    Err(PyValueError::new_err(format!(
        "{at}: {} is too large for any field of a profile",
        obj.str()?
    )))
}

/// Objects that stand for a JSON value: a date (`isoformat()`), or numpy's scalars and
/// arrays (`tolist()` gives Python's own ints, floats, bools and lists).
fn foreign_to_json(obj: &Bound<'_, PyAny>, at: &str, depth: usize) -> PyResult<Value> {
    if obj.is_instance_of::<PyDate>() {
        let text = obj.call_method0("isoformat")?;
        return Ok(Value::String(text.extract::<String>()?));
    }
    if obj.hasattr("tolist")? {
        let plain = obj.call_method0("tolist")?;
        if !plain.get_type().is(obj.get_type()) {
            return to_json_at(&plain, at, depth + 1);
        }
    }
    Err(PyTypeError::new_err(format!(
        "{at}: a {} is not a value of a profile: use dicts, lists, strings, numbers, booleans and None, as JSON has",
        obj.get_type().name()?
    )))
}

/// A JSON value as the Python objects `json.loads` would make of its text.
///
/// # Errors
/// Only Python's own failures (out of memory).
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => number_to_python(py, n)?,
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// Integers (serialized from integer types) as `int`, every other number as `float`: the
/// f64 the JSON text prints shortest, which is the float `json.loads` reads back.
fn number_to_python<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(i) = n.as_i64() {
        Ok(i.into_pyobject(py)?.into_any())
    } else if let Some(u) = n.as_u64() {
        Ok(u.into_pyobject(py)?.into_any())
    } else {
        Ok(PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any())
    }
}
