//! `pyexpat`, under `xml.parsers.expat`: the XML parser `xml.etree`,
//! `xml.dom.minidom`, `xml.sax` and `plistlib` are built on. The parser
//! itself is Krait's own (`scanner.rs`), answering with Expat's events
//! and errors; the `xmlparser` object, its handler attributes and
//! buffering are written in Python (`pyexpat.py`) over it.

mod scanner;

use krait_vm::api::{
    native_data, Args, FunctionDef as F, ModuleDef, NativeType, Obj, PyResult, Slots, TypeDef,
    Value, Vm,
};
use scanner::{Event, Model, Scanner};
use std::cell::RefCell;

pub const MODULE: ModuleDef = ModuleDef {
    name: "pyexpat",
    doc: Some("Python wrapper for Expat parser."),
    functions: &[F::new("_scanner", new_scanner).args(2, 2)],
    init: Some(init),
};

struct ScannerType;

impl NativeType for ScannerType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

const SCANNER_TYPE: TypeDef = TypeDef {
    name: "_Scanner",
    module: "pyexpat",
    doc: None,
    methods: &[
        F::method("feed", feed).args(2, 2),
        F::method("position", |vm, a| {
            let (line, column, byte) = with_scanner(vm, &a.pos[0], |s| s.position())?;
            Ok(vm.new_tuple(vec![
                Value::Int(line as i64),
                Value::Int(column as i64),
                Value::Int(byte as i64),
            ]))
        })
        .no_args(),
        F::method("set_namespace_prefixes", |vm, a| {
            let on = vm.truthy(&a.pos[1])?;
            with_scanner(vm, &a.pos[0], |s| s.namespace_prefixes = on)?;
            Ok(Value::None)
        })
        .one(),
        F::method("set_fragment", |vm, a| {
            with_scanner(vm, &a.pos[0], |s| s.set_fragment())?;
            Ok(Value::None)
        })
        .no_args(),
        F::method("read_as_utf8", |vm, a| {
            with_scanner(vm, &a.pos[0], |s| s.set_encoding(scanner::Encoding::Utf8))?;
            Ok(Value::None)
        })
        .no_args(),
    ],
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let cls = vm.new_native_type::<ScannerType>(&SCANNER_TYPE);
    krait_vm::api::add_attr(vm, m, "_Scanner", Value::Obj(cls));
    vm.exec_in(include_str!("pyexpat.py"), m)
}

fn with_scanner<R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut Scanner) -> R) -> PyResult<R> {
    let cell = v
        .as_obj()
        .and_then(native_data::<RefCell<Scanner>>)
        .ok_or_else(|| vm.type_error("expected a pyexpat scanner"))?;
    let mut s = cell
        .try_borrow_mut()
        .map_err(|_| vm.runtime_error("parser is busy"))?;
    Ok(f(&mut s))
}

/// `_scanner(encoding, namespace_separator)`; None for an encoding the
/// parser cannot read.
fn new_scanner(vm: &mut Vm, a: Args) -> PyResult {
    let encoding = krait_vm::api::str_value(&a.pos[0]);
    let separator = krait_vm::api::str_value(&a.pos[1]).and_then(|s| s.chars().next());
    match Scanner::new(separator, encoding.as_deref()) {
        Ok(s) => {
            let cls = vm
                .import("pyexpat")
                .and_then(|m| vm.getattr_str(&m, "_Scanner"))?;
            let Some(cls) = cls.as_obj().cloned() else {
                return Err(vm.type_error("pyexpat._Scanner is not a class"));
            };
            Ok(vm.new_native(&cls, RefCell::new(s)))
        }
        Err(()) => Ok(Value::None),
    }
}

/// `feed(data, final)`: the events the data completes, as tuples, and the
/// error that stopped the parse (code, line, column, byte) or None.
fn feed(vm: &mut Vm, a: Args) -> PyResult {
    let data = vm.bytes_like(&a.pos[1])?;
    let last = vm.truthy(&a.pos[2])?;
    let (events, error) = with_scanner(vm, &a.pos[0], |s| {
        let r = s.feed(&data, last);
        (std::mem::take(&mut s.events), r.err())
    })?;
    let events: Vec<Value> = events
        .into_iter()
        .map(|(e, (line, column, byte))| {
            let at = vm.new_tuple(vec![
                Value::Int(line as i64),
                Value::Int(column as i64),
                Value::Int(byte as i64),
            ]);
            let e = event_tuple(vm, e);
            vm.new_tuple(vec![e, at])
        })
        .collect();
    let error = match error {
        None => Value::None,
        Some(e) => vm.new_tuple(vec![
            Value::Int(e.code as i64),
            Value::Int(e.line as i64),
            Value::Int(e.column as i64),
            Value::Int(e.byte as i64),
        ]),
    };
    let events = vm.new_list(events);
    Ok(vm.new_tuple(vec![events, error]))
}

fn text(vm: &Vm, s: Option<String>) -> Value {
    match s {
        Some(s) => vm.new_string(s),
        None => Value::None,
    }
}

fn model_tuple(vm: &Vm, m: Model) -> Value {
    let children: Vec<Value> = m.children.into_iter().map(|c| model_tuple(vm, c)).collect();
    let children = vm.new_tuple(children);
    vm.new_tuple(vec![
        Value::Int(m.kind as i64),
        Value::Int(m.quant as i64),
        text(vm, m.name),
        children,
    ])
}

fn pairs(vm: &Vm, list: Vec<(String, String)>) -> Value {
    let flat: Vec<Value> = list
        .into_iter()
        .flat_map(|(n, v)| [vm.new_string(n), vm.new_string(v)])
        .collect();
    vm.new_list(flat)
}

fn event_tuple(vm: &Vm, e: Event) -> Value {
    let s = |x: &str| vm.new_str(x);
    let items = match e {
        Event::XmlDecl {
            version,
            encoding,
            standalone,
            raw,
        } => vec![
            s("XmlDecl"),
            text(vm, version),
            text(vm, encoding),
            Value::Int(standalone),
            vm.new_string(raw),
        ],
        Event::StartDoctype {
            name,
            system,
            public,
            internal_subset,
            raw,
        } => {
            let raw: Vec<Value> = raw.into_iter().map(|r| vm.new_string(r)).collect();
            vec![
                s("StartDoctypeDecl"),
                vm.new_string(name),
                text(vm, system),
                text(vm, public),
                Value::Int(internal_subset as i64),
                vm.new_list(raw),
            ]
        }
        Event::EndDoctype { raw } => vec![s("EndDoctypeDecl"), vm.new_string(raw)],
        Event::EntityDecl {
            name,
            parameter,
            value,
            system,
            public,
            notation,
        } => vec![
            s("EntityDecl"),
            vm.new_string(name),
            Value::Int(parameter as i64),
            text(vm, value),
            Value::None,
            text(vm, system),
            text(vm, public),
            text(vm, notation),
        ],
        Event::NotationDecl {
            name,
            system,
            public,
        } => vec![
            s("NotationDecl"),
            vm.new_string(name),
            Value::None,
            text(vm, system),
            text(vm, public),
        ],
        Event::ElementDecl { name, model } => {
            vec![
                s("ElementDecl"),
                vm.new_string(name),
                model_tuple(vm, model),
            ]
        }
        Event::AttlistDecl {
            element,
            attribute,
            kind,
            default,
            required,
        } => vec![
            s("AttlistDecl"),
            vm.new_string(element),
            vm.new_string(attribute),
            vm.new_string(kind),
            text(vm, default),
            Value::Int(required as i64),
        ],
        Event::Start {
            name,
            attributes,
            defaulted,
        } => vec![
            s("StartElement"),
            vm.new_string(name),
            pairs(vm, attributes),
            pairs(vm, defaulted),
        ],
        Event::End { name } => vec![s("EndElement"), vm.new_string(name)],
        Event::StartNamespace { prefix, uri } => {
            vec![s("StartNamespaceDecl"), text(vm, prefix), text(vm, uri)]
        }
        Event::EndNamespace { prefix } => vec![s("EndNamespaceDecl"), text(vm, prefix)],
        Event::Text(t) => vec![s("CharacterData"), vm.new_string(t)],
        Event::Comment(t) => vec![s("Comment"), vm.new_string(t)],
        Event::Pi { target, data } => vec![
            s("ProcessingInstruction"),
            vm.new_string(target),
            vm.new_string(data),
        ],
        Event::StartCdata => vec![s("StartCdataSection")],
        Event::EndCdata => vec![s("EndCdataSection")],
        Event::Default(t) => vec![s("Default"), vm.new_string(t)],
        Event::Skipped(name) => vec![s("SkippedEntity"), vm.new_string(name)],
        Event::ExternalEntityRef {
            name,
            system,
            public,
        } => vec![
            s("ExternalEntityRef"),
            vm.new_string(name),
            text(vm, system),
            text(vm, public),
        ],
        Event::NotStandalone => vec![s("NotStandalone")],
    };
    vm.new_tuple(items)
}
