//! `__future__`: each feature name with the release that made it
//! optional and the one that makes it mandatory, and `all_feature_names`.

use krait_vm::api::{add_attr, ModuleDef, Obj, PyResult, Value, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "__future__",
    doc: None,
    functions: &[],
    init: Some(init),
};

type Version = &'static [i64];

/// (name, optional in, mandatory in)
const FEATURES: &[(&str, Version, Option<Version>)] = &[
    ("nested_scopes", &[2, 1, 0], Some(&[2, 2, 0])),
    ("generators", &[2, 2, 0], Some(&[2, 3, 0])),
    ("division", &[2, 2, 0], Some(&[3, 0, 0])),
    ("absolute_import", &[2, 2, 0], Some(&[3, 0, 0])),
    ("with_statement", &[2, 2, 0], Some(&[3, 0, 0])),
    ("print_function", &[2, 6, 0], Some(&[3, 0, 0])),
    ("unicode_literals", &[2, 6, 0], Some(&[3, 0, 0])),
    ("barry_as_FLUFL", &[3, 1, 0], Some(&[4, 0, 0])),
    ("generator_stop", &[3, 5, 0], Some(&[3, 7, 0])),
    ("annotations", &[3, 7, 0], None),
];

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let version = |vm: &Vm, v: Version| vm.new_tuple(v.iter().map(|&x| Value::Int(x)).collect());
    let mut names = Vec::new();
    for &(name, optional, mandatory) in FEATURES {
        let opt = version(vm, optional);
        let mand = mandatory.map_or(Value::None, |v| version(vm, v));
        let feature = vm.new_tuple(vec![opt, mand]);
        add_attr(vm, m, name, feature);
        names.push(vm.new_str(name));
    }
    let all = vm.new_list(names);
    add_attr(vm, m, "all_feature_names", all);
    Ok(())
}
