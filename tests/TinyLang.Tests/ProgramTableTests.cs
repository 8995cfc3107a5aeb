using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wasmtime;
using WasmMarshal;
using Xunit;

namespace WasmMarshal.Samples.TinyLang.Tests;

/// <summary>
/// Every program in the table runs compiled, on both heaps, on an engine whose memory base moves on every grow, and
/// must equal the reference interpreter's value; the rows with a hand-computed value are checked against it as well.
/// </summary>
public sealed class ProgramTableTests : IDisposable
{
    // No static reservation and no room to grow in place: each memory.grow moves the memory.
    private readonly Engine _engine = new(new Config().WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0));

    public void Dispose() => _engine.Dispose();

    private static readonly (string Source, TinyValue? ByHand)[] Table =
    [
        ("42", new TinyValue.Int(42)),
        ("1 + 2 * 3", new TinyValue.Int(7)),
        ("(1 + 2) * 3", new TinyValue.Int(9)),
        ("10 - 3 - 2", new TinyValue.Int(5)),
        ("17 / 5", new TinyValue.Int(3)),
        ("0 - 17 / 5", new TinyValue.Int(-3)),
        ("(0 - 17) % 5", new TinyValue.Int(-2)),
        ("9223372036854775807 + 1", new TinyValue.Int(long.MinValue)),
        ("1.5 + 2.25", new TinyValue.Double(3.75)),
        ("1 / 4.0", new TinyValue.Double(0.25)),
        ("0.1 + 0.2", null),
        ("1e300 * 1e300", new TinyValue.Double(double.PositiveInfinity)),
        ("3 < 4", new TinyValue.Int(1)),
        ("4 <= 3", new TinyValue.Int(0)),
        ("2 == 2.0", new TinyValue.Int(1)),
        ("let x = 5 in let y = x * x in y + x", new TinyValue.Int(30)),
        ("let x = 1 in let x = x + 10 in x", new TinyValue.Int(11)),
        ("(\\x -> x + 1) 41", new TinyValue.Int(42)),
        ("let k = \\a b -> a in k 7 8", new TinyValue.Int(7)),
        ("let a = 3 in let f = \\x -> \\y -> x * y + a in f 4 5", new TinyValue.Int(23)),
        ("let compose = \\f g x -> f (g x) in compose (\\x -> x * 2) (\\x -> x + 3) 10", new TinyValue.Int(26)),
        ("if 0 then 1 else 2", new TinyValue.Int(2)),
        ("if 1 < 2 then \"yes\" else \"no\"", new TinyValue.Bytes("yes"u8.ToArray())),
        ("letrec fact = \\n -> if n <= 1 then 1 else n * fact (n - 1) in fact 20", new TinyValue.Int(2432902008176640000)),
        ("letrec fact = \\n -> if n <= 1 then 1 else n * fact (n - 1) in fact 25", null),
        ("letrec fib = \\n -> if n < 2 then n else fib (n - 1) + fib (n - 2) in fib 20", new TinyValue.Int(6765)),
        ("letrec pow = \\b e -> if e == 0 then 1.0 else b * pow b (e - 1) in pow 1.5 10", null),
        ("\"\"", new TinyValue.Bytes([])),
        ("\"ab\" ++ \"\" ++ \"cd\"", new TinyValue.Bytes("abcd"u8.ToArray())),
        ("\"\\x00\\xff\\n\\\"\"", new TinyValue.Bytes([0x00, 0xFF, 0x0A, 0x22])),
        ("\"héllo\"", new TinyValue.Bytes(Encoding.UTF8.GetBytes("héllo"))),
        ("letrec rep = \\s n -> if n == 0 then \"\" else s ++ rep s (n - 1) in rep \"xy\" 5", new TinyValue.Bytes("xyxyxyxyxy"u8.ToArray())),
        ("let t = lazy (6 * 7) in force t + force t", new TinyValue.Int(84)),
        ("let t = lazy (lazy 5) in force t", new TinyValue.Int(5)),
        ("let t = lazy 2.5 in t * 2", new TinyValue.Double(5.0)),
        ("let never = lazy (1 / 0) in 3", new TinyValue.Int(3)),
        ("head (1 :: 2 :: [])", new TinyValue.Int(1)),
        ("head (tail (1 :: 2 :: []))", new TinyValue.Int(2)),
        ("isnil []", new TinyValue.Int(1)),
        ("isnil (tail (1 :: []))", new TinyValue.Int(1)),
        ("\\x -> x", new TinyValue.Opaque(TinyTag.Closure)),
        ("1 :: []", new TinyValue.Opaque(TinyTag.Cons)),
        ("letrec len = \\xs -> if isnil xs then 0 else 1 + len (tail xs) in len (\"a\" :: \"b\" :: \"c\" :: [])", new TinyValue.Int(3)),
        ("letrec map = \\f xs -> if isnil xs then [] else f (head xs) :: map f (tail xs) in " +
         "letrec sum = \\xs -> if isnil xs then 0 else head xs + sum (tail xs) in sum (map (\\x -> x * 10) (1 :: 2 :: 3 :: []))", new TinyValue.Int(60)),
        (SamplePrograms.ThunkList(100), new TinyValue.Int(100 * 101 * 201 / 6)),
        (SamplePrograms.ThunkList(2000), new TinyValue.Int(2000L * 2001 * 4001 / 6)),
    ];

    public static IEnumerable<object[]> Rows() =>
        from row in Enumerable.Range(0, Table.Length)
        from heap in new[] { TinyHeap.HostHeap, TinyHeap.Arena }
        select new object[] { row, heap };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Compiled_program_agrees_with_the_reference_interpreter(int row, TinyHeap heap)
    {
        var (source, byHand) = Table[row];
        var expected = ReferenceEvaluator.Evaluate(source);
        if (byHand is not null)
        {
            Assert.Equal(byHand, expected);
        }

        using var machine = TinyMachine.Load(_engine, source, heap);
        Assert.Equal(expected, machine.Run());
        // Run twice: the second evaluation starts from a heap the first one emptied (or the arena reset).
        Assert.Equal(expected, machine.Run());
        Assert.Equal(0ul, machine.Statistics.BytesInUse);
    }

    [Fact]
    public void The_demo_values_worked_out_by_hand_match_both_the_reference_and_the_compiled_program()
    {
        foreach (var (name, source, expected) in SamplePrograms.Demo)
        {
            Assert.True(expected == ReferenceEvaluator.Evaluate(source).ToString(), $"{name}: reference");
            using var machine = TinyMachine.Load(_engine, source);
            Assert.True(expected == machine.Run().ToString(), $"{name}: compiled");
        }
    }

    [Theory]
    [InlineData("1 + \"a\"")]
    [InlineData("3 4")]
    [InlineData("head []")]
    [InlineData("1 / 0")]
    [InlineData("\"a\" % 2")]
    public void A_type_error_traps_the_guest(string source)
    {
        Assert.ThrowsAny<Exception>(() => ReferenceEvaluator.Evaluate(source));
        using var machine = TinyMachine.Load(_engine, source);
        var trap = Assert.IsType<WasmTrapException>(Assert.ThrowsAny<WasmCallException>(() => machine.Run()));
        Assert.Contains("Run", trap.Method, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("y + 1", "unbound variable 'y'")]
    [InlineData("let f = \\x -> y in f 1", "unbound variable 'y'")]
    public void An_unbound_variable_is_a_compile_error(string source, string message)
    {
        var error = Assert.Throws<TinyCompileException>(() => Compiler.Compile(source));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Lambdas_are_lifted_to_one_table_function_each_with_free_variables_in_the_closure()
    {
        var compiled = Compiler.Compile("let a = 1 in let b = 2 in let f = \\x -> \\y -> x + y + a + b in f 3 4");
        Assert.Equal(2, compiled.LiftedFunctions);
        // The outer lambda captures a and b (its free variables); the inner one x, a and b: records of 12 + 4 * n bytes.
        Assert.Contains("(call $alloc (i32.const 20))", compiled.Wat, StringComparison.Ordinal);
        Assert.Contains("(call $alloc (i32.const 24))", compiled.Wat, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], Compiler.FreeVariables(Parser.Parse("\\x -> \\y -> x + y + a + b")));
    }
}
