using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace WasmMarshal.Samples.TinyLang;

/// <summary>Object tags, the first i32 of every heap object. The host decodes results by the same numbers.</summary>
public enum TinyTag
{
    Int = 1,
    Double = 2,
    Bytes = 3,
    Closure = 4,
    Thunk = 5,
    Cons = 6,
    Nil = 7,
}

/// <summary>What the compiler produced: the module text, and facts about it the host prints.</summary>
public sealed record CompiledProgram(string Wat, int LiftedFunctions, uint DataEnd, uint HeapBase);

/// <summary>
/// Compiles an <see cref="Expr"/> to a WebAssembly text module.
/// <para>
/// Every value is an i32 pointer to a heap object; the module never writes malloc of its own but imports
/// <c>env.malloc</c> and <c>env.free</c>. Each lambda is lifted to a top-level function
/// <c>(closure, argument) -> result</c> that reads its free variables from the closure record; each <c>lazy</c> body is
/// lifted to <c>(thunk) -> result</c> the same way. Applying a closure is a <c>call_indirect</c> through the table.
/// </para>
/// <para>
/// Memory management is a region per evaluation: every object is allocated with an 8-byte link header, and
/// <c>run</c> frees the whole chain after it has copied the result out. A pure program's values cannot outlive the
/// evaluation, so nothing is freed early and nothing leaks. On an arena the frees are no-ops and the host resets the
/// arena after the call instead.
/// </para>
/// <para>
/// Temporaries and let-bound variables are wasm locals, which live on the engine's stack, outside linear memory: the
/// module has no shadow stack, so the heap can begin right after the data.
/// </para>
/// </summary>
public sealed class Compiler
{
    /// <summary>Where byte-string literals start, as in clang's layout (the first KiB is left unused so 0 is never data).</summary>
    public const uint DataStart = 1024;

    private readonly List<string> _functions = [];
    private readonly List<string> _tableEntries = [];
    private readonly MemoryStream _data = new();
    private int _nextFunction;

    private Compiler()
    {
    }

    /// <param name="source">The program text.</param>
    /// <param name="freeObjects">
    /// Whether <c>run</c> frees the evaluation's objects. Off, the program leaks every object: what <c>--leaks</c> is for.
    /// </param>
    public static CompiledProgram Compile(string source, bool freeObjects = true) => Compile(Parser.Parse(source), freeObjects);

    public static CompiledProgram Compile(Expr program, bool freeObjects = true)
    {
        var compiler = new Compiler();
        var main = new FunctionContext(compiler, FunctionKind.Main, null, []);
        string body = main.Emit(program);
        compiler._functions.Insert(0, main.Finish("$main", body));

        uint dataEnd = DataStart + (uint)compiler._data.Length;
        uint heapBase = (dataEnd + 15) & ~15u;
        var wat = new StringBuilder();
        wat.AppendLine("(module");
        wat.AppendLine("  (import \"env\" \"malloc\" (func $malloc (param i32) (result i32)))");
        wat.AppendLine("  (import \"env\" \"free\" (func $free (param i32)))");
        wat.AppendLine("  (memory (export \"memory\") 1)");
        wat.AppendLine("  (type $lambda (func (param i32 i32) (result i32)))");
        wat.AppendLine("  (type $thunk (func (param i32) (result i32)))");
        wat.AppendLine($"  (global (export \"__data_end\") i32 (i32.const {dataEnd}))");
        wat.AppendLine($"  (global (export \"__heap_base\") i32 (i32.const {heapBase}))");
        wat.AppendLine($"  (table {Math.Max(1, compiler._tableEntries.Count)} funcref)");
        if (compiler._tableEntries.Count > 0)
        {
            wat.AppendLine($"  (elem (i32.const 0) func {string.Join(' ', compiler._tableEntries)})");
        }

        if (compiler._data.Length > 0)
        {
            wat.Append($"  (data (i32.const {DataStart}) \"");
            foreach (byte b in compiler._data.ToArray())
            {
                wat.Append(CultureInfo.InvariantCulture, $"\\{b:x2}");
            }

            wat.AppendLine("\")");
        }

        wat.Append(freeObjects ? RuntimeWat : RuntimeWat.Replace("(call $free_all)", ";; objects are not freed (freeObjects: false)", StringComparison.Ordinal));
        foreach (string function in compiler._functions)
        {
            wat.Append(function);
        }

        wat.AppendLine(")");
        return new CompiledProgram(wat.ToString(), compiler._tableEntries.Count, dataEnd, heapBase);
    }

    private (int Address, int Length) AddData(byte[] bytes)
    {
        int address = (int)(DataStart + _data.Length);
        _data.Write(bytes);
        return (address, bytes.Length);
    }

    private int AddFunction(string name, string text)
    {
        _functions.Add(text);
        _tableEntries.Add(name);
        return _tableEntries.Count - 1;
    }

    private string NewFunctionName(string prefix) => $"${prefix}{_nextFunction++}";

    /// <summary>Free variables in a stable order (first occurrence), so closure layouts are deterministic.</summary>
    public static List<string> FreeVariables(Expr expr)
    {
        var result = new List<string>();
        Collect(expr, [], result);
        return result;

        static void Collect(Expr e, HashSet<string> bound, List<string> free)
        {
            switch (e)
            {
                case Variable v:
                    if (!bound.Contains(v.Name) && !free.Contains(v.Name))
                    {
                        free.Add(v.Name);
                    }

                    break;
                case Let let:
                    Collect(let.Value, bound, free);
                    Collect(let.Body, [.. bound, let.Name], free);
                    break;
                case LetRec rec:
                    Collect(rec.Function, [.. bound, rec.Name], free);
                    Collect(rec.Body, [.. bound, rec.Name], free);
                    break;
                case Lambda lambda:
                    Collect(lambda.Body, [.. bound, lambda.Parameter], free);
                    break;
                case Apply apply:
                    Collect(apply.Function, bound, free);
                    Collect(apply.Argument, bound, free);
                    break;
                case If conditional:
                    Collect(conditional.Condition, bound, free);
                    Collect(conditional.Then, bound, free);
                    Collect(conditional.Else, bound, free);
                    break;
                case Binary binary:
                    Collect(binary.Left, bound, free);
                    Collect(binary.Right, bound, free);
                    break;
                case Unary unary:
                    Collect(unary.Operand, bound, free);
                    break;
                case Lazy lazy:
                    Collect(lazy.Body, bound, free);
                    break;
            }
        }
    }

    private enum FunctionKind
    {
        Main,
        Lambda,
        Thunk,
    }

    /// <summary>One lifted function being emitted: its parameter, its captured variables and its locals.</summary>
    private sealed class FunctionContext(Compiler compiler, FunctionKind kind, string? parameter, List<string> captures)
    {
        private readonly List<(string Name, string Local)> _scope = [];
        private int _locals;

        /// <summary>Captured variables start after the header: closure {tag, table index, count}, thunk {tag, state, table index, value}.</summary>
        private int CaptureBase => kind == FunctionKind.Thunk ? 16 : 12;

        public string Finish(string name, string body)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"  (func {name} ");
            text.Append(kind == FunctionKind.Lambda ? "(type $lambda) (param $env i32) (param $arg i32)" : "(type $thunk) (param $env i32)");
            text.Append(" (result i32) (local $new i32)");
            for (int i = 0; i < _locals; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $" (local $l{i} i32)");
            }

            text.AppendLine();
            text.AppendLine("    " + body + ")");
            return text.ToString();
        }

        private string Lookup(string name)
        {
            for (int i = _scope.Count - 1; i >= 0; i--)
            {
                if (_scope[i].Name == name)
                {
                    return $"(local.get {_scope[i].Local})";
                }
            }

            if (name == parameter)
            {
                return "(local.get $arg)";
            }

            int index = captures.IndexOf(name);
            if (index >= 0)
            {
                return $"(i32.load offset={CaptureBase + 4 * index} (local.get $env))";
            }

            throw new TinyCompileException($"unbound variable '{name}'");
        }

        private string NewLocal() => $"$l{_locals++}";

        public string Emit(Expr expr) => expr switch
        {
            IntLiteral i => $"(call $mk_int (i64.const {i.Value.ToString(CultureInfo.InvariantCulture)}))",
            // The bits, not decimal text: exact for every double.
            DoubleLiteral d => $"(call $mk_double (f64.reinterpret_i64 (i64.const {BitConverter.DoubleToInt64Bits(d.Value).ToString(CultureInfo.InvariantCulture)})))",
            BytesLiteral b => EmitBytes(b.Value),
            NilLiteral => "(call $mk_nil)",
            Variable v => Lookup(v.Name),
            Let let => EmitLet(let),
            LetRec rec => EmitLetRec(rec),
            Lambda lambda => EmitClosure(lambda, selfName: null),
            Apply apply => $"(call $apply {Emit(apply.Function)} {Emit(apply.Argument)})",
            If conditional => $"(if (result i32) (call $truthy {Emit(conditional.Condition)}) (then {Emit(conditional.Then)}) (else {Emit(conditional.Else)}))",
            Binary binary => $"(call {BinaryFunction(binary.Operator)} {Emit(binary.Left)} {Emit(binary.Right)})",
            Unary unary => $"(call ${unary.Operator} {Emit(unary.Operand)})",
            Lazy lazy => EmitThunk(lazy),
            _ => throw new TinyCompileException($"cannot compile {expr.GetType().Name}"),
        };

        private static string BinaryFunction(string op) => op switch
        {
            "+" => "$add",
            "-" => "$sub",
            "*" => "$mul",
            "/" => "$div",
            "%" => "$rem",
            "<" => "$lt",
            "<=" => "$le",
            "==" => "$eq",
            "++" => "$concat",
            "::" => "$cons",
            _ => throw new TinyCompileException($"unknown operator {op}"),
        };

        private string EmitBytes(byte[] bytes)
        {
            var (address, length) = compiler.AddData(bytes);
            return $"(call $mk_bytes (i32.const {address}) (i32.const {length}))";
        }

        private string EmitLet(Let let)
        {
            string value = Emit(let.Value);
            string local = NewLocal();
            _scope.Add((let.Name, local));
            string body = Emit(let.Body);
            _scope.RemoveAt(_scope.Count - 1);
            return $"(local.set {local} {value}) {body}";
        }

        private string EmitLetRec(LetRec rec)
        {
            string local = NewLocal();
            // The closure captures itself: its own slot is filled with its address while it is being built.
            string closure = EmitClosure(rec.Function, selfName: rec.Name);
            _scope.Add((rec.Name, local));
            string body = Emit(rec.Body);
            _scope.RemoveAt(_scope.Count - 1);
            return $"(local.set {local} {closure}) {body}";
        }

        /// <summary>Lifts the lambda to a top-level function and builds its closure record here.</summary>
        private string EmitClosure(Lambda lambda, string? selfName)
        {
            var free = FreeVariables(lambda);
            string name = compiler.NewFunctionName("lambda");
            var lifted = new FunctionContext(compiler, FunctionKind.Lambda, lambda.Parameter, free);
            string body = lifted.Emit(lambda.Body);
            int index = compiler.AddFunction(name, lifted.Finish(name, body));
            return BuildRecord(TinyTag.Closure, 12, free, selfName,
                $"(i32.store offset=4 (local.get $new) (i32.const {index})) (i32.store offset=8 (local.get $new) (i32.const {free.Count}))");
        }

        private string EmitThunk(Lazy lazy)
        {
            var free = FreeVariables(lazy.Body);
            string name = compiler.NewFunctionName("thunk");
            var lifted = new FunctionContext(compiler, FunctionKind.Thunk, null, free);
            string body = lifted.Emit(lazy.Body);
            int index = compiler.AddFunction(name, lifted.Finish(name, body));
            return BuildRecord(TinyTag.Thunk, 16, free, null,
                $"(i32.store offset=4 (local.get $new) (i32.const 0)) (i32.store offset=8 (local.get $new) (i32.const {index}))");
        }

        /// <summary>
        /// Allocates a record and fills in the captured values. Lookups do not allocate, so the single <c>$new</c>
        /// local is never overwritten before the record is complete.
        /// </summary>
        private string BuildRecord(TinyTag tag, int headerSize, List<string> free, string? selfName, string header)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"(local.set $new (call $alloc (i32.const {headerSize + 4 * free.Count}))) ");
            text.Append(CultureInfo.InvariantCulture, $"(i32.store (local.get $new) (i32.const {(int)tag})) {header} ");
            for (int i = 0; i < free.Count; i++)
            {
                string value = free[i] == selfName ? "(local.get $new)" : Lookup(free[i]);
                text.Append(CultureInfo.InvariantCulture, $"(i32.store offset={headerSize + 4 * i} (local.get $new) {value}) ");
            }

            text.Append("(local.get $new)");
            return text.ToString();
        }
    }

    private static string Arithmetic(string name, string intOp, string doubleOp) => $$"""
          (func ${{name}} (param $a i32) (param $b i32) (result i32)
            (local.set $a (call $force (local.get $a))) (local.set $b (call $force (local.get $b)))
            (if (result i32) (call $both_int (local.get $a) (local.get $b))
              (then (call $mk_int ({{intOp}} (i64.load offset=8 (local.get $a)) (i64.load offset=8 (local.get $b)))))
              (else (call $mk_double ({{doubleOp}} (call $to_f64 (local.get $a)) (call $to_f64 (local.get $b)))))))

        """;

    private static string Comparison(string name, string intOp, string doubleOp) => $$"""
          (func ${{name}} (param $a i32) (param $b i32) (result i32)
            (local.set $a (call $force (local.get $a))) (local.set $b (call $force (local.get $b)))
            (call $mk_int (i64.extend_i32_u
              (if (result i32) (call $both_int (local.get $a) (local.get $b))
                (then ({{intOp}} (i64.load offset=8 (local.get $a)) (i64.load offset=8 (local.get $b))))
                (else ({{doubleOp}} (call $to_f64 (local.get $a)) (call $to_f64 (local.get $b))))))))

        """;

    /// <summary>
    /// The language runtime, in WAT. Type errors (adding a string, applying a number) trap with <c>unreachable</c>; so do
    /// integer division by zero and a thunk that forces itself.
    /// </summary>
    private static readonly string RuntimeWat = """
          (global $objects (mut i32) (i32.const 0))
          (global $object_count (mut i32) (i32.const 0))
          (func $alloc (param $size i32) (result i32) (local $p i32)
            (local.set $p (call $malloc (i32.add (local.get $size) (i32.const 8))))
            (if (i32.eqz (local.get $p)) (then unreachable))
            (i32.store (local.get $p) (global.get $objects))
            (global.set $objects (local.get $p))
            (global.set $object_count (i32.add (global.get $object_count) (i32.const 1)))
            (i32.add (local.get $p) (i32.const 8)))
          (func $free_all (local $p i32) (local $next i32)
            (local.set $p (global.get $objects))
            (block $done (loop $walk
              (br_if $done (i32.eqz (local.get $p)))
              (local.set $next (i32.load (local.get $p)))
              (call $free (local.get $p))
              (local.set $p (local.get $next))
              (br $walk)))
            (global.set $objects (i32.const 0)))
          (func $expect (param $v i32) (param $tag i32)
            (if (i32.ne (i32.load (local.get $v)) (local.get $tag)) (then unreachable)))
          (func $mk_int (param $v i64) (result i32) (local $p i32)
            (local.set $p (call $alloc (i32.const 16)))
            (i32.store (local.get $p) (i32.const 1))
            (i64.store offset=8 (local.get $p) (local.get $v))
            (local.get $p))
          (func $mk_double (param $v f64) (result i32) (local $p i32)
            (local.set $p (call $alloc (i32.const 16)))
            (i32.store (local.get $p) (i32.const 2))
            (f64.store offset=8 (local.get $p) (local.get $v))
            (local.get $p))
          (func $mk_bytes (param $src i32) (param $len i32) (result i32) (local $p i32)
            (local.set $p (call $alloc (i32.add (i32.const 8) (local.get $len))))
            (i32.store (local.get $p) (i32.const 3))
            (i32.store offset=4 (local.get $p) (local.get $len))
            (memory.copy (i32.add (local.get $p) (i32.const 8)) (local.get $src) (local.get $len))
            (local.get $p))
          (func $mk_nil (result i32) (local $p i32)
            (local.set $p (call $alloc (i32.const 4)))
            (i32.store (local.get $p) (i32.const 7))
            (local.get $p))
          (func $cons (param $h i32) (param $t i32) (result i32) (local $p i32)
            (local.set $p (call $alloc (i32.const 12)))
            (i32.store (local.get $p) (i32.const 6))
            (i32.store offset=4 (local.get $p) (local.get $h))
            (i32.store offset=8 (local.get $p) (local.get $t))
            (local.get $p))
          (func $head (param $l i32) (result i32)
            (local.set $l (call $force (local.get $l)))
            (call $expect (local.get $l) (i32.const 6))
            (i32.load offset=4 (local.get $l)))
          (func $tail (param $l i32) (result i32)
            (local.set $l (call $force (local.get $l)))
            (call $expect (local.get $l) (i32.const 6))
            (i32.load offset=8 (local.get $l)))
          (func $isnil (param $l i32) (result i32)
            (local.set $l (call $force (local.get $l)))
            (if (i32.eq (i32.load (local.get $l)) (i32.const 7)) (then (return (call $mk_int (i64.const 1)))))
            (call $expect (local.get $l) (i32.const 6))
            (call $mk_int (i64.const 0)))
          (func $concat (param $a i32) (param $b i32) (result i32) (local $p i32) (local $la i32) (local $lb i32)
            (local.set $a (call $force (local.get $a))) (local.set $b (call $force (local.get $b)))
            (call $expect (local.get $a) (i32.const 3)) (call $expect (local.get $b) (i32.const 3))
            (local.set $la (i32.load offset=4 (local.get $a)))
            (local.set $lb (i32.load offset=4 (local.get $b)))
            (local.set $p (call $alloc (i32.add (i32.const 8) (i32.add (local.get $la) (local.get $lb)))))
            (i32.store (local.get $p) (i32.const 3))
            (i32.store offset=4 (local.get $p) (i32.add (local.get $la) (local.get $lb)))
            (memory.copy (i32.add (local.get $p) (i32.const 8)) (i32.add (local.get $a) (i32.const 8)) (local.get $la))
            (memory.copy (i32.add (i32.add (local.get $p) (i32.const 8)) (local.get $la)) (i32.add (local.get $b) (i32.const 8)) (local.get $lb))
            (local.get $p))
          (func $is_int (param $v i32) (result i32) (i32.eq (i32.load (local.get $v)) (i32.const 1)))
          (func $both_int (param $a i32) (param $b i32) (result i32)
            (i32.and (call $is_int (local.get $a)) (call $is_int (local.get $b))))
          (func $to_f64 (param $v i32) (result f64)
            (if (result f64) (call $is_int (local.get $v))
              (then (f64.convert_i64_s (i64.load offset=8 (local.get $v))))
              (else (call $expect (local.get $v) (i32.const 2)) (f64.load offset=8 (local.get $v)))))
          (func $rem (param $a i32) (param $b i32) (result i32)
            (local.set $a (call $force (local.get $a))) (local.set $b (call $force (local.get $b)))
            (call $expect (local.get $a) (i32.const 1)) (call $expect (local.get $b) (i32.const 1))
            (call $mk_int (i64.rem_s (i64.load offset=8 (local.get $a)) (i64.load offset=8 (local.get $b)))))
          (func $truthy (param $v i32) (result i32)
            (local.set $v (call $force (local.get $v)))
            (call $expect (local.get $v) (i32.const 1))
            (i64.ne (i64.load offset=8 (local.get $v)) (i64.const 0)))
          (func $apply (param $f i32) (param $x i32) (result i32)
            (local.set $f (call $force (local.get $f)))
            (call $expect (local.get $f) (i32.const 4))
            (call_indirect (type $lambda) (local.get $f) (local.get $x) (i32.load offset=4 (local.get $f))))
          (func $force (param $t i32) (result i32) (local $v i32)
            (if (i32.ne (i32.load (local.get $t)) (i32.const 5)) (then (return (local.get $t))))
            (if (i32.eq (i32.load offset=4 (local.get $t)) (i32.const 2)) (then (return (i32.load offset=12 (local.get $t)))))
            ;; state 1: the thunk is being forced and asked for itself, a loop with no value.
            (if (i32.eq (i32.load offset=4 (local.get $t)) (i32.const 1)) (then unreachable))
            (i32.store offset=4 (local.get $t) (i32.const 1))
            (local.set $v (call $force (call_indirect (type $thunk) (local.get $t) (i32.load offset=8 (local.get $t)))))
            (i32.store offset=12 (local.get $t) (local.get $v))
            (i32.store offset=4 (local.get $t) (i32.const 2))
            (local.get $v))
          (func $checked_malloc (param $size i32) (result i32) (local $p i32)
            (local.set $p (call $malloc (local.get $size)))
            (if (i32.eqz (local.get $p)) (then unreachable))
            (local.get $p))
          ;; run(ret): evaluates main, copies the value into one fresh malloc'd buffer {tag u8, payload}, frees every
          ;; object of the evaluation, and returns the buffer as a byte[] through the return area {ptr, len}. The host
          ;; copies the bytes and frees the buffer on the guest heap.
          (func (export "run") (param $ret i32) (local $v i32) (local $tag i32) (local $buf i32) (local $len i32)
            (global.set $objects (i32.const 0))
            (global.set $object_count (i32.const 0))
            (local.set $v (call $force (call $main (i32.const 0))))
            (local.set $tag (i32.load (local.get $v)))
            (if (i32.eq (local.get $tag) (i32.const 3))
              (then
                (local.set $len (i32.add (i32.const 1) (i32.load offset=4 (local.get $v))))
                (local.set $buf (call $checked_malloc (local.get $len)))
                (memory.copy (i32.add (local.get $buf) (i32.const 1)) (i32.add (local.get $v) (i32.const 8)) (i32.sub (local.get $len) (i32.const 1))))
              (else (if (i32.le_u (local.get $tag) (i32.const 2))
                (then
                  (local.set $len (i32.const 9))
                  (local.set $buf (call $checked_malloc (i32.const 9)))
                  (i64.store align=1 (i32.add (local.get $buf) (i32.const 1)) (i64.load offset=8 (local.get $v))))
                (else
                  (local.set $len (i32.const 1))
                  (local.set $buf (call $checked_malloc (i32.const 1)))))))
            (i32.store8 (local.get $buf) (local.get $tag))
            (call $free_all)
            (i32.store (local.get $ret) (local.get $buf))
            (i32.store offset=4 (local.get $ret) (local.get $len)))
          (func (export "object_count") (result i32) (global.get $object_count))

        """
        + Arithmetic("add", "i64.add", "f64.add")
        + Arithmetic("sub", "i64.sub", "f64.sub")
        + Arithmetic("mul", "i64.mul", "f64.mul")
        + Arithmetic("div", "i64.div_s", "f64.div")
        + Comparison("lt", "i64.lt_s", "f64.lt")
        + Comparison("le", "i64.le_s", "f64.le")
        + Comparison("eq", "i64.eq", "f64.eq");
}

/// <summary>A program the compiler cannot translate (an unbound variable).</summary>
public sealed class TinyCompileException(string message) : Exception(message);
