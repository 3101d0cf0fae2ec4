//! `_heapq`: the heap queue operations `heapq` uses when they are there,
//! on lists, ordered by `<` (min-heaps, and the `_max` forms `heapq`'s
//! `merge` and `nlargest` use).

use krait_vm::api::{Args, CompareOp, FunctionDef as F, ModuleDef, PyResult, Value, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_heapq",
    doc: Some("Heap queue algorithm (a.k.a. priority queue)."),
    functions: &[
        F::new("heappush", |vm, a| {
            let heap = list_arg(vm, &a, "heappush() argument 1")?;
            vm.call_method(&heap, "append", vec![a.pos[1].clone()])?;
            let last = vm.len(&heap)? - 1;
            sift_down(vm, &heap, 0, last, Order::Min)?;
            Ok(Value::None)
        })
        .args(2, 2),
        F::new("heappop", |vm, a| pop(vm, a, Order::Min)).one(),
        F::new("_heappop_max", |vm, a| pop(vm, a, Order::Max)).one(),
        F::new("heapreplace", |vm, a| replace(vm, a, Order::Min)).args(2, 2),
        F::new("_heapreplace_max", |vm, a| replace(vm, a, Order::Max)).args(2, 2),
        F::new("heappushpop", |vm, a| {
            let heap = list_arg(vm, &a, "heappushpop() argument 1")?;
            let item = a.pos[1].clone();
            if vm.len(&heap)? == 0 {
                return Ok(item);
            }
            let top = get(vm, &heap, 0)?;
            if !less(vm, &top, &item, Order::Min)? {
                return Ok(item);
            }
            set(vm, &heap, 0, item)?;
            sift_up(vm, &heap, 0, Order::Min)?;
            Ok(top)
        })
        .args(2, 2),
        F::new("heapify", |vm, a| heapify(vm, a, Order::Min, "heapify()")).one(),
        F::new("_heapify_max", |vm, a| {
            heapify(vm, a, Order::Max, "_heapify_max()")
        })
        .one(),
    ],
    init: None,
};

#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

fn list_arg(vm: &mut Vm, a: &Args, what: &str) -> PyResult<Value> {
    let heap = a.pos[0].clone();
    let list = Value::Obj(vm.types.list.clone());
    if !vm.isinstance(&heap, &list)? {
        let t = vm.type_name(&heap);
        return Err(vm.type_error(format!("{what} must be list, not {t}")));
    }
    Ok(heap)
}

fn get(vm: &mut Vm, heap: &Value, i: usize) -> PyResult {
    vm.getitem(heap, &Value::Int(i as i64))
}

fn set(vm: &mut Vm, heap: &Value, i: usize, v: Value) -> PyResult<()> {
    vm.setitem(heap, Value::Int(i as i64), v)
}

/// Whether `a` comes before `b` in the heap's order.
fn less(vm: &mut Vm, a: &Value, b: &Value, order: Order) -> PyResult<bool> {
    let r = match order {
        Order::Min => vm.compare(CompareOp::Lt, a, b)?,
        Order::Max => vm.compare(CompareOp::Lt, b, a)?,
    };
    vm.truthy(&r)
}

/// Moves the item at `pos` up towards `start` while it comes before its
/// parent.
fn sift_down(
    vm: &mut Vm,
    heap: &Value,
    start: usize,
    mut pos: usize,
    order: Order,
) -> PyResult<()> {
    let item = get(vm, heap, pos)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = get(vm, heap, parent_pos)?;
        if !less(vm, &item, &parent, order)? {
            break;
        }
        set(vm, heap, pos, parent)?;
        pos = parent_pos;
    }
    set(vm, heap, pos, item)
}

/// Moves the smaller child up until a leaf is reached, puts the item
/// there and sifts it back down: fewer comparisons than stopping early.
fn sift_up(vm: &mut Vm, heap: &Value, mut pos: usize, order: Order) -> PyResult<()> {
    let end = vm.len(heap)?;
    let start = pos;
    let item = get(vm, heap, pos)?;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (c, r) = (get(vm, heap, child)?, get(vm, heap, right)?);
            if !less(vm, &c, &r, order)? {
                child = right;
            }
        }
        let moved = get(vm, heap, child)?;
        set(vm, heap, pos, moved)?;
        pos = child;
        child = 2 * pos + 1;
    }
    set(vm, heap, pos, item)?;
    sift_down(vm, heap, start, pos, order)
}

fn pop(vm: &mut Vm, a: Args, order: Order) -> PyResult {
    let what = match order {
        Order::Min => "heappop() argument",
        Order::Max => "_heappop_max() argument",
    };
    let heap = list_arg(vm, &a, what)?;
    if vm.len(&heap)? == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let last = vm.call_method(&heap, "pop", vec![])?;
    if vm.len(&heap)? == 0 {
        return Ok(last);
    }
    let top = get(vm, &heap, 0)?;
    set(vm, &heap, 0, last)?;
    sift_up(vm, &heap, 0, order)?;
    Ok(top)
}

fn replace(vm: &mut Vm, a: Args, order: Order) -> PyResult {
    let what = match order {
        Order::Min => "heapreplace() argument 1",
        Order::Max => "_heapreplace_max() argument 1",
    };
    let heap = list_arg(vm, &a, what)?;
    if vm.len(&heap)? == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let top = get(vm, &heap, 0)?;
    set(vm, &heap, 0, a.pos[1].clone())?;
    sift_up(vm, &heap, 0, order)?;
    Ok(top)
}

fn heapify(vm: &mut Vm, a: Args, order: Order, what: &str) -> PyResult {
    let heap = list_arg(vm, &a, &format!("{what} argument"))?;
    let n = vm.len(&heap)?;
    for i in (0..n / 2).rev() {
        sift_up(vm, &heap, i, order)?;
    }
    Ok(Value::None)
}
