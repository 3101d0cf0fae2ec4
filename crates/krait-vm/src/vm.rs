//! The interpreter state: built-in types, the value stack and frames, the
//! module table, interned names; constructors for values and exceptions.

use crate::eval::frame::Frame;
use crate::object::{ExcData, Module, ObjKind};
use crate::objects::dict::table::Dict;
use crate::objects::str::PyStr;
use crate::objects::typeobject::{bootstrap_type, Layout, TypeData};
use crate::protocol::hash::HashSecret;
use crate::value::{Obj, Value};
use krait_compiler::code::{BinOp, CompareOp};
use std::cell::RefCell;
use std::collections::HashMap;

pub type PyResult<T = Value> = Result<T, Obj>;

/// The built-in types, created when the VM starts.
pub struct Types {
    pub type_: Obj,
    pub object: Obj,
    pub none: Obj,
    pub bool_: Obj,
    pub int: Obj,
    pub float: Obj,
    pub complex: Obj,
    pub str_: Obj,
    pub bytes: Obj,
    pub bytearray: Obj,
    pub tuple: Obj,
    pub list: Obj,
    pub dict: Obj,
    pub set: Obj,
    pub frozenset: Obj,
    pub range: Obj,
    pub slice: Obj,
    pub function: Obj,
    pub builtin_function: Obj,
    pub method: Obj,
    pub code: Obj,
    pub cell: Obj,
    pub module: Obj,
    pub generator: Obj,
    pub coroutine: Obj,
    pub async_generator: Obj,
    pub async_generator_asend: Obj,
    pub async_generator_athrow: Obj,
    pub async_generator_wrapped_value: Obj,
    pub anext_awaitable: Obj,
    pub memoryview: Obj,
    pub property: Obj,
    pub classmethod: Obj,
    pub staticmethod: Obj,
    pub super_: Obj,
    pub not_implemented_type: Obj,
    pub ellipsis_type: Obj,
    pub list_iterator: Obj,
    pub tuple_iterator: Obj,
    pub str_iterator: Obj,
    pub range_iterator: Obj,
    pub longrange_iterator: Obj,
    pub dict_keyiterator: Obj,
    pub dict_valueiterator: Obj,
    pub dict_itemiterator: Obj,
    pub set_iterator: Obj,
    pub callable_iterator: Obj,
    pub generic_alias_iterator: Obj,
    pub iterator: Obj,
    pub reversed: Obj,
    pub enumerate: Obj,
    pub zip: Obj,
    pub map: Obj,
    pub filter: Obj,
    pub dict_keys: Obj,
    pub dict_values: Obj,
    pub dict_items: Obj,
    pub mappingproxy: Obj,
    pub simple_namespace: Obj,
    pub weakref: Obj,
    pub weakproxy: Obj,
    pub weakcallableproxy: Obj,
    pub traceback: Obj,
    pub frame: Obj,
    pub member_descriptor: Obj,
    pub getset_descriptor: Obj,
    pub generic_alias: Obj,
    pub union_type: Obj,
}

/// Names the VM looks up often, interned once.
pub struct Names {
    pub init: Obj,
    pub new: Obj,
    pub call: Obj,
    pub name: Obj,
    pub qualname: Obj,
    pub module: Obj,
    pub doc: Obj,
    pub dict: Obj,
    pub weakref: Obj,
    pub class: Obj,
    pub getattr: Obj,
    pub getattribute: Obj,
    pub setattr: Obj,
    pub delattr: Obj,
    pub get: Obj,
    pub set: Obj,
    pub delete: Obj,
    pub repr: Obj,
    pub str_: Obj,
    pub hash: Obj,
    pub eq: Obj,
    pub ne: Obj,
    pub lt: Obj,
    pub le: Obj,
    pub gt: Obj,
    pub ge: Obj,
    pub bool_: Obj,
    pub len: Obj,
    pub iter: Obj,
    pub next: Obj,
    pub getitem: Obj,
    pub setitem: Obj,
    pub delitem: Obj,
    pub contains: Obj,
    pub enter: Obj,
    pub exit: Obj,
    pub builtins: Obj,
    pub main: Obj,
    pub file: Obj,
    pub classcell: Obj,
    pub set_name: Obj,
    pub init_subclass: Obj,
    pub mro_entries: Obj,
    pub prepare: Obj,
    pub index: Obj,
    pub int: Obj,
    pub float: Obj,
    pub format: Obj,
    pub slots: Obj,
    pub annotations: Obj,
    pub class_getitem: Obj,
    pub missing: Obj,
    pub reversed: Obj,
    pub length_hint: Obj,
    pub del: Obj,
    pub match_args: Obj,
    pub await_: Obj,
    pub aiter: Obj,
    pub anext: Obj,
    pub aenter: Obj,
    pub aexit: Obj,
    pub instancecheck: Obj,
    pub subclasscheck: Obj,
    pub fspath: Obj,
    pub complex: Obj,
    pub abs: Obj,
    pub neg: Obj,
    pub pos: Obj,
    pub invert: Obj,
    pub round: Obj,
    pub trunc: Obj,
    pub floor: Obj,
    pub ceil: Obj,
    pub bytes: Obj,
    pub dir: Obj,
    pub sizeof: Obj,
    pub objclass: Obj,
    pub wrapped: Obj,
    pub send: Obj,
    pub throw: Obj,
    pub close: Obj,
    pub args: Obj,
    pub keys: Obj,
    pub items: Obj,
    pub values: Obj,
    /// For each binary operator (by its `BinOp` number, in-place forms
    /// included): its method, reflected method and in-place method names.
    pub binop: Vec<[Obj; 3]>,
    /// The rich comparison methods, by `CompareOp` number.
    pub compare: Vec<Obj>,
}

impl Types {
    /// The built-in types, before any has its methods: `type_` is the
    /// metatype they are all instances of.
    fn new(type_: Obj) -> Types {
        let object = new_type(&type_, "object", Layout::Object);
        let t = |name: &str, layout: Layout| new_type(&type_, name, layout);
        Types {
            none: t("NoneType", Layout::Special),
            bool_: t("bool", Layout::Bool),
            int: t("int", Layout::Int),
            float: t("float", Layout::Float),
            complex: t("complex", Layout::Complex),
            str_: t("str", Layout::Str),
            bytes: t("bytes", Layout::Bytes),
            bytearray: t("bytearray", Layout::ByteArray),
            tuple: t("tuple", Layout::Tuple),
            list: t("list", Layout::List),
            dict: t("dict", Layout::Dict),
            set: t("set", Layout::Set),
            frozenset: t("frozenset", Layout::FrozenSet),
            range: t("range", Layout::Special),
            slice: t("slice", Layout::Special),
            function: t("function", Layout::Special),
            builtin_function: t("builtin_function_or_method", Layout::Special),
            method: t("method", Layout::Special),
            code: t("code", Layout::Special),
            cell: t("cell", Layout::Special),
            module: t("module", Layout::Object),
            generator: t("generator", Layout::Special),
            coroutine: t("coroutine", Layout::Special),
            async_generator: t("async_generator", Layout::Special),
            async_generator_asend: t("async_generator_asend", Layout::Special),
            async_generator_athrow: t("async_generator_athrow", Layout::Special),
            async_generator_wrapped_value: t("async_generator_wrapped_value", Layout::Special),
            anext_awaitable: t("anext_awaitable", Layout::Special),
            memoryview: t("memoryview", Layout::Special),
            property: t("property", Layout::Object),
            classmethod: t("classmethod", Layout::Object),
            staticmethod: t("staticmethod", Layout::Object),
            super_: t("super", Layout::Object),
            not_implemented_type: t("NotImplementedType", Layout::Special),
            ellipsis_type: t("ellipsis", Layout::Special),
            list_iterator: t("list_iterator", Layout::Special),
            tuple_iterator: t("tuple_iterator", Layout::Special),
            str_iterator: t("str_ascii_iterator", Layout::Special),
            range_iterator: t("range_iterator", Layout::Special),
            longrange_iterator: t("longrange_iterator", Layout::Special),
            dict_keyiterator: t("dict_keyiterator", Layout::Special),
            dict_valueiterator: t("dict_valueiterator", Layout::Special),
            dict_itemiterator: t("dict_itemiterator", Layout::Special),
            set_iterator: t("set_iterator", Layout::Special),
            callable_iterator: t("callable_iterator", Layout::Special),
            generic_alias_iterator: t("generic_alias_iterator", Layout::Special),
            iterator: t("iterator", Layout::Special),
            reversed: t("reversed", Layout::Object),
            enumerate: t("enumerate", Layout::Object),
            zip: t("zip", Layout::Object),
            map: t("map", Layout::Object),
            filter: t("filter", Layout::Object),
            dict_keys: t("dict_keys", Layout::Special),
            dict_values: t("dict_values", Layout::Special),
            dict_items: t("dict_items", Layout::Special),
            mappingproxy: t("mappingproxy", Layout::Special),
            simple_namespace: t("SimpleNamespace", Layout::Object),
            weakref: t("ReferenceType", Layout::Object),
            weakproxy: t("ProxyType", Layout::Special),
            weakcallableproxy: t("CallableProxyType", Layout::Special),
            traceback: t("traceback", Layout::Special),
            frame: t("frame", Layout::Special),
            member_descriptor: t("member_descriptor", Layout::Special),
            getset_descriptor: t("getset_descriptor", Layout::Special),
            generic_alias: t("GenericAlias", Layout::Object),
            union_type: t("UnionType", Layout::Special),
            type_,
            object,
        }
    }
}

impl Names {
    /// The names the VM looks up itself, interned once.
    fn new(intern: &mut impl FnMut(&str) -> Obj) -> Names {
        Names {
            init: intern("__init__"),
            new: intern("__new__"),
            call: intern("__call__"),
            name: intern("__name__"),
            qualname: intern("__qualname__"),
            module: intern("__module__"),
            doc: intern("__doc__"),
            dict: intern("__dict__"),
            weakref: intern("__weakref__"),
            class: intern("__class__"),
            getattr: intern("__getattr__"),
            getattribute: intern("__getattribute__"),
            setattr: intern("__setattr__"),
            delattr: intern("__delattr__"),
            get: intern("__get__"),
            set: intern("__set__"),
            delete: intern("__delete__"),
            repr: intern("__repr__"),
            str_: intern("__str__"),
            hash: intern("__hash__"),
            eq: intern("__eq__"),
            ne: intern("__ne__"),
            lt: intern("__lt__"),
            le: intern("__le__"),
            gt: intern("__gt__"),
            ge: intern("__ge__"),
            bool_: intern("__bool__"),
            len: intern("__len__"),
            iter: intern("__iter__"),
            next: intern("__next__"),
            getitem: intern("__getitem__"),
            setitem: intern("__setitem__"),
            delitem: intern("__delitem__"),
            contains: intern("__contains__"),
            enter: intern("__enter__"),
            exit: intern("__exit__"),
            builtins: intern("__builtins__"),
            main: intern("__main__"),
            file: intern("__file__"),
            classcell: intern("__classcell__"),
            set_name: intern("__set_name__"),
            init_subclass: intern("__init_subclass__"),
            mro_entries: intern("__mro_entries__"),
            prepare: intern("__prepare__"),
            index: intern("__index__"),
            int: intern("__int__"),
            float: intern("__float__"),
            format: intern("__format__"),
            slots: intern("__slots__"),
            annotations: intern("__annotations__"),
            class_getitem: intern("__class_getitem__"),
            missing: intern("__missing__"),
            reversed: intern("__reversed__"),
            length_hint: intern("__length_hint__"),
            del: intern("__del__"),
            match_args: intern("__match_args__"),
            await_: intern("__await__"),
            aiter: intern("__aiter__"),
            anext: intern("__anext__"),
            aenter: intern("__aenter__"),
            aexit: intern("__aexit__"),
            instancecheck: intern("__instancecheck__"),
            subclasscheck: intern("__subclasscheck__"),
            fspath: intern("__fspath__"),
            complex: intern("__complex__"),
            abs: intern("__abs__"),
            neg: intern("__neg__"),
            pos: intern("__pos__"),
            invert: intern("__invert__"),
            round: intern("__round__"),
            trunc: intern("__trunc__"),
            floor: intern("__floor__"),
            ceil: intern("__ceil__"),
            bytes: intern("__bytes__"),
            dir: intern("__dir__"),
            sizeof: intern("__sizeof__"),
            objclass: intern("__objclass__"),
            wrapped: intern("__wrapped__"),
            send: intern("send"),
            throw: intern("throw"),
            close: intern("close"),
            args: intern("args"),
            keys: intern("keys"),
            items: intern("items"),
            values: intern("values"),
            binop: BinOp::ALL
                .iter()
                .map(|&op| {
                    let (name, rname) = crate::protocol::operators::binop_dunders(op);
                    [
                        intern(name),
                        intern(rname),
                        intern(crate::protocol::operators::inplace_dunder(op)),
                    ]
                })
                .collect(),
            compare: [
                CompareOp::Lt,
                CompareOp::Le,
                CompareOp::Eq,
                CompareOp::Ne,
                CompareOp::Gt,
                CompareOp::Ge,
            ]
            .iter()
            .map(|op| intern(op.dunder()))
            .collect(),
        }
    }
}

pub struct Vm {
    pub types: Types,
    pub names: Names,
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub builtins: Obj,
    pub builtins_dict: Obj,
    pub sys: Obj,
    pub modules: Obj,
    pub none_singleton_hash: i64,
    pub not_implemented: Obj,
    pub ellipsis: Obj,
    pub empty_tuple: Obj,
    pub empty_str: Obj,
    pub(crate) interned: hashbrown::HashMap<Box<str>, Obj>,
    /// MRO lookups of (class, name), valid while the class's version is unchanged.
    pub attr_cache: Vec<crate::protocol::attr::CacheSlot>,
    pub hash_secret: HashSecret,
    pub recursion_limit: usize,
    /// Python frames plus native recursions (repr, comparisons, ...).
    pub depth: usize,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    /// The exception states of the callers of running generators, the
    /// innermost last.
    pub exc_outer: Vec<Value>,
    pub exc: crate::objects::exceptions::ExcTypes,
    pub argv: Vec<String>,
    /// Directories searched by `import` (the script's first).
    pub path: Vec<String>,
    /// The standard library imports come from (see `Vm::set_stdlib`).
    pub stdlib: crate::modules::stdlib_path::Stdlib,
    /// Output written by `print` and `sys.stdout.write` when captured.
    pub stdout: crate::modules::stdio::Output,
    pub stderr: crate::modules::stdio::Output,
    /// The binary streams under `sys.stdin`, `sys.stdout` and
    /// `sys.stderr` (their `buffer`), in that order.
    pub std_buffers: Vec<Obj>,
    /// Containers whose repr is being computed (to print `[...]`).
    pub repr_active: Vec<usize>,
    /// Source files read for tracebacks.
    pub source_cache: HashMap<String, Option<Vec<String>>>,
    /// Warnings already shown, by file, line and text (each is shown once
    /// per location, as with CPython's default filter).
    pub warned: std::collections::HashSet<(String, u32, String)>,
    /// The native modules `import` finds by name (`Vm::add_native_modules`).
    pub native_modules: Vec<&'static crate::api::ModuleDef>,
    /// Hooks set through `sys` for tools Krait does not run yet
    /// (`settrace`, `setprofile`, the async generator hooks), by name.
    pub(crate) tool_hooks: HashMap<&'static str, Value>,
    /// The codec registry: search functions, found codecs, error handlers.
    pub(crate) codecs: crate::codecs::Registry,
    /// `atexit`'s functions and their arguments, in registration order.
    pub(crate) atexit: Vec<(Value, crate::objects::function::Args)>,
    /// What `gc.enable`/`gc.set_threshold` set (no cycle collector yet).
    pub(crate) gc_enabled: bool,
    /// The classes native modules made, by module and name
    /// (`Vm::native_class`).
    pub(crate) native_classes: HashMap<(&'static str, &'static str), Obj>,
    /// What native modules keep for the interpreter's lifetime, one value
    /// per Rust type (`Vm::native_state`).
    pub(crate) native_states: HashMap<std::any::TypeId, std::rc::Rc<dyn std::any::Any>>,
    pub(crate) gc_threshold: [i64; 3],
    /// How many frames `cr_origin` records (`sys.set_coroutine_origin_tracking_depth`).
    pub(crate) coroutine_origin_depth: usize,
    /// The optimization level code is compiled at (`-O`: 1, `-OO`: 2).
    pub(crate) optimize: u8,
    /// `_warnings`' filters and their version.
    pub(crate) warnings: crate::modules::warnings::State,
    /// `_ast`'s node classes, once the module is imported.
    pub(crate) ast_classes: Option<std::rc::Rc<crate::modules::ast::AstClasses>>,
    /// The import system's finders (see `import::importlib`).
    pub(crate) import_state: crate::import::ImportState,
    /// `signal.signal`'s handlers, by signal number (see `signals`).
    pub(crate) signal_handlers: Vec<Value>,
    /// The Python threads and their scheduler (see `threads`).
    pub(crate) threads: crate::threads::Threads,
}

fn new_type(type_: &Obj, name: &str, layout: Layout) -> Obj {
    Obj::new(
        type_.clone(),
        ObjKind::Type(Box::new(TypeData::new(name, layout, false))),
    )
}

impl Vm {
    pub fn new() -> Box<Vm> {
        let types = Types::new(bootstrap_type());
        let empty_tuple = Obj::new(types.tuple.clone(), ObjKind::Tuple(Box::new([])));
        let empty_str = PyStr::new("").into_object(&types.str_);
        let not_implemented = Obj::new(types.not_implemented_type.clone(), ObjKind::NotImplemented);
        let ellipsis = Obj::new(types.ellipsis_type.clone(), ObjKind::Ellipsis);
        let mut interned = hashbrown::HashMap::new();
        let mut intern = |s: &str| -> Obj {
            let o = PyStr::new(s).into_object(&types.str_);
            interned.insert(Box::from(s), o.clone());
            o
        };
        let names = Names::new(&mut intern);
        let dict_type = types.dict.clone();
        let new_dict = || {
            Obj::new(
                dict_type.clone(),
                ObjKind::Dict(Box::new(RefCell::new(Dict::new()))),
            )
        };
        let builtins = Obj::new(
            types.module.clone(),
            ObjKind::Module(Module {
                name: "builtins".into(),
            }),
        );
        let builtins_dict = builtins.object().dict_or_init(new_dict).clone();
        let sys = Obj::new(
            types.module.clone(),
            ObjKind::Module(Module { name: "sys".into() }),
        );
        sys.object().dict_or_init(new_dict);
        let modules = new_dict();
        let exc = crate::objects::exceptions::ExcTypes::placeholder(&types.object);
        let mut vm = Box::new(Vm {
            types,
            names,
            stack: Vec::with_capacity(4096),
            frames: Vec::with_capacity(64),
            builtins,
            builtins_dict,
            sys,
            modules,
            none_singleton_hash: 0,
            not_implemented,
            ellipsis,
            empty_tuple,
            empty_str,
            interned,
            attr_cache: vec![
                crate::protocol::attr::CacheSlot::default();
                crate::protocol::attr::CACHE_SIZE
            ],
            hash_secret: *crate::protocol::hash::secret(),
            recursion_limit: 1000,
            depth: 0,
            exc_info: Value::None,
            exc_outer: Vec::new(),
            exc,
            argv: Vec::new(),
            path: Vec::new(),
            stdlib: crate::modules::stdlib_path::Stdlib::Missing(Vec::new()),
            stdout: crate::modules::stdio::Output::stdout(),
            std_buffers: Vec::new(),
            stderr: crate::modules::stdio::Output::stderr(),
            repr_active: Vec::new(),
            source_cache: HashMap::new(),
            warned: std::collections::HashSet::new(),
            native_modules: Vec::new(),
            tool_hooks: HashMap::new(),
            codecs: Default::default(),
            atexit: Vec::new(),
            gc_enabled: true,
            native_classes: HashMap::new(),
            native_states: HashMap::new(),
            coroutine_origin_depth: 0,
            optimize: 0,
            warnings: Default::default(),
            ast_classes: None,
            import_state: Default::default(),
            signal_handlers: Vec::new(),
            threads: Default::default(),
            gc_threshold: [700, 10, 10],
        });
        vm.none_singleton_hash = crate::protocol::hash::hash_pointer(0x9e3779b9);
        crate::bootstrap::init_types(&mut vm);
        vm.add_native_modules(crate::modules::CORE_MODULES);
        vm
    }

    // ---- types of values ----------------------------------------------

    /// The class of a value.
    #[inline]
    pub fn class_of<'a>(&'a self, v: &'a Value) -> &'a Obj {
        match v {
            Value::Obj(o) => o.class(),
            Value::Int(_) => &self.types.int,
            Value::FloatBits(_) => &self.types.float,
            Value::Truth(_) => &self.types.bool_,
            Value::None | Value::Null => &self.types.none,
        }
    }

    /// A type's name as argument-type errors word it ("must be str, not
    /// None": None by name).
    pub fn arg_type_name(&self, v: &Value) -> String {
        if v.is_none() {
            "None".into()
        } else {
            self.type_name(v)
        }
    }

    pub fn type_name(&self, v: &Value) -> String {
        self.class_of(v).type_name()
    }

    pub fn isinstance_exact(&self, v: &Value, t: &Obj) -> bool {
        self.class_of(v).is(t)
    }

    pub fn is_instance_of(&self, v: &Value, t: &Obj) -> bool {
        self.class_of(v).is_subtype(t)
    }

    // ---- constructing values -------------------------------------------

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::Obj(self.empty_tuple.clone());
        }
        Value::Obj(Obj::new(
            self.types.tuple.clone(),
            ObjKind::Tuple(items.into_boxed_slice()),
        ))
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::Obj(Obj::new(
            self.types.list.clone(),
            ObjKind::List(RefCell::new(items)),
        ))
    }

    pub fn new_dict_obj(&self, d: Dict) -> Obj {
        Obj::new(
            self.types.dict.clone(),
            ObjKind::Dict(Box::new(RefCell::new(d))),
        )
    }

    pub fn new_dict(&self) -> Value {
        Value::Obj(self.new_dict_obj(Dict::new()))
    }

    pub fn new_bytes(&self, b: Vec<u8>) -> Value {
        Value::Obj(Obj::new(
            self.types.bytes.clone(),
            ObjKind::Bytes(b.into_boxed_slice()),
        ))
    }

    pub fn new_float(&self, f: f64) -> Value {
        Value::Float(f)
    }

    /// An int from a big integer: inline when it fits.
    pub fn new_int(&self, i: dashu_int::IBig) -> Value {
        match i64::try_from(&i) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::Obj(Obj::new(self.types.int.clone(), ObjKind::Int(i))),
        }
    }

    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.not_implemented.clone())
    }

    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if o.is(&self.not_implemented))
    }

    // ---- exceptions ----------------------------------------------------

    /// A new exception instance of a built-in exception class.
    pub fn new_exception(&self, class: &Obj, args: Vec<Value>) -> Obj {
        let args = self.new_tuple(args);
        Obj::new(
            class.clone(),
            ObjKind::Exception(Box::new(RefCell::new(ExcData {
                args,
                cause: Value::None,
                context: Value::None,
                notes: Value::Null,
                ..ExcData::default()
            }))),
        )
    }

    /// The built-in exception class called `name` (`"ReferenceError"`).
    pub fn exception_class(&self, name: &str) -> Obj {
        self.exc
            .all
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| panic!("no built-in exception {name}"))
    }

    pub fn new_exception_msg(&self, class: &Obj, msg: &str) -> Obj {
        let m = self.new_str(msg);
        self.new_exception(class, vec![m])
    }

    pub fn type_error(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.type_error, msg.as_ref())
    }

    pub fn value_error(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.value_error, msg.as_ref())
    }

    pub fn attribute_error(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.attribute_error, msg.as_ref())
    }

    pub fn index_error(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.index_error, msg.as_ref())
    }

    pub fn key_error(&self, key: Value) -> Obj {
        self.new_exception(&self.exc.key_error, vec![key])
    }

    pub fn zero_division(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.zero_division_error, msg.as_ref())
    }

    pub fn overflow_error(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.overflow_error, msg.as_ref())
    }

    pub fn runtime_error(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.runtime_error, msg.as_ref())
    }

    pub fn name_error(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.name_error, msg.as_ref())
    }

    pub fn not_implemented_error(&self, msg: impl AsRef<str>) -> Obj {
        self.new_exception_msg(&self.exc.not_implemented_error, msg.as_ref())
    }

    pub fn recursion_error(&self) -> Obj {
        self.new_exception_msg(
            &self.exc.recursion_error,
            "maximum recursion depth exceeded",
        )
    }

    pub fn stop_iteration(&self, value: Value) -> Obj {
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.new_exception(&self.exc.stop_iteration, args)
    }

    /// Enters a native recursion (repr of nested containers and the like).
    pub fn enter_recursion(&mut self, what: &str) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            let msg = format!("maximum recursion depth exceeded{what}");
            return Err(self.new_exception_msg(&self.exc.recursion_error, &msg));
        }
        self.depth += 1;
        Ok(())
    }

    pub fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    // ---- module namespaces ----------------------------------------------

    pub fn builtin(&self, name: &str) -> Option<Value> {
        crate::objects::dict::get_str(&self.builtins_dict, name)
    }

    pub fn set_builtin(&mut self, name: &str, value: Value) {
        let key = self.intern(name);
        crate::objects::dict::set_str(self, &self.builtins_dict.clone(), key, value);
    }

    /// The exception being handled, as `sys.exc_info()` sees it: this
    /// frame chain's own, else that of the nearest caller of a running
    /// generator that handles one.
    pub fn current_exception(&self) -> Value {
        if !self.exc_info.is_none() {
            return self.exc_info.clone();
        }
        self.exc_outer
            .iter()
            .rev()
            .find(|v| !v.is_none())
            .cloned()
            .unwrap_or(Value::None)
    }
}
