//! `_symtable`, under `symtable`: the compiler's symbol table of a source
//! text, scope by scope, with CPython's numbering of block types, symbol
//! flags and scopes.

use crate::api::{str_value, FunctionDef as F, ModuleDef};
use crate::objects::function::Args;
use crate::runner::Mode;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::symtable::SymbolTable;
use krait_syntax::ast::Mod;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_symtable",
    doc: None,
    functions: &[F::new("_entries", entries).args(3, 3)],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(include_str!("symtable.py"), m)
}

/// `_entries(source, filename, compile_type)`: the scopes as tuples
/// `(type, name, lineno, nested, symbols, varnames, children)`, the
/// module's first, children as indexes.
fn entries(vm: &mut Vm, a: Args) -> PyResult {
    let source = match str_value(&a.pos[0]) {
        Some(s) => s,
        // Bytes are source as a file holds it: a coding cookie applies.
        None => match crate::api::bytes_data(&a.pos[0]) {
            Some(b) => match krait_syntax::source::decode_source(&b) {
                Ok(text) => text,
                Err(e) => return Err(vm.syntax_error_from(&e, "<unknown>", "")),
            },
            None => return Err(vm.type_error("symtable() arg 1 must be a string or bytes object")),
        },
    };
    let filename = vm.str_string(&a.pos[1])?;
    let mode = match str_value(&a.pos[2]).as_deref() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.value_error("symtable() arg 3 must be 'exec' or 'eval' or 'single'")),
    };
    let tree = vm.parse_source(&source, &filename, mode)?;
    if let Err(e) = krait_syntax::checks::check_module(&tree) {
        return Err(vm.syntax_error_from(&e, &filename, &source));
    }
    let table = match &tree {
        Mod::Module { body, .. } | Mod::Interactive { body } => SymbolTable::build(body),
        Mod::Expression { body } => SymbolTable::build_for_expression(&[], body),
    };
    let mut out = Vec::new();
    for e in table.entries() {
        let symbols: Vec<Value> = e
            .symbols
            .into_iter()
            .map(|(name, flags)| {
                let name = vm.new_string(name);
                vm.new_tuple(vec![name, Value::Int(flags)])
            })
            .collect();
        let varnames: Vec<Value> = e.varnames.into_iter().map(|n| vm.new_string(n)).collect();
        let children: Vec<Value> = e
            .children
            .into_iter()
            .map(|c| Value::Int(c as i64))
            .collect();
        let name = vm.new_string(e.name);
        let item = vec![
            Value::Int(e.block_type),
            name,
            Value::Int(e.lineno as i64),
            Value::Bool(e.nested),
            vm.new_list(symbols),
            vm.new_list(varnames),
            vm.new_list(children),
        ];
        out.push(vm.new_tuple(item));
    }
    Ok(vm.new_list(out))
}
