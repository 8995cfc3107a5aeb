using System;
using System.Collections.Generic;
using System.Threading;
using Wasmtime;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability;

/// <summary>What the recursing module imports: the host calls the guest back from here.</summary>
[WasmExport("env")]
public partial interface IRecursionHost
{
    void Recurse(int remaining);
}

/// <summary>What the recursing module exports.</summary>
[WasmImport]
public partial interface IRecursionGuest
{
    /// <summary>Traps with <c>unreachable</c> when <paramref name="remaining"/> is 0, else calls the host with one less.</summary>
    void Descend(int remaining);

    /// <summary>Calls the host with one less, like <see cref="Descend"/>, without the trap: the outermost call.</summary>
    void Enter(int remaining);
}

/// <summary>
/// Host and guest calling each other hundreds of levels deep until the innermost call traps. Every level's host
/// callback sees the nested call's exception; the caller must get one short exception, not one wrapper per level.
/// </summary>
public sealed class MutualRecursionTests
{
    private const string RecursingWat = """
        (module
          (import "env" "recurse" (func $recurse (param i32)))
          (memory (export "memory") 1)
          (func (export "descend") (param $remaining i32)
            (if (i32.eqz (local.get $remaining)) (then unreachable))
            (call $recurse (i32.sub (local.get $remaining) (i32.const 1))))
          (func (export "enter") (param $remaining i32)
            (call $recurse (i32.sub (local.get $remaining) (i32.const 1)))))
        """;

    /// <summary>
    /// Every level puts host frames between two wasm frames, and Wasmtime counts them against its maximum wasm stack:
    /// with the default 512 KiB a Debug build runs out near 300 levels. This engine allows 1.5 MiB (more than 2 MiB, the
    /// async stack size, makes Wasmtime panic when the engine is created), and the deep case runs
    /// on a thread with 32 MiB, so the test measures the exception's shape, not the stack.
    /// </summary>
    private const ulong WasmStack = 1536 * 1024;

    private static readonly Lazy<Engine> s_engine = new(() => new Engine(new Config()
        .WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0).WithMaximumStackSize((int)WasmStack)));

    private static readonly Lazy<Module> s_module = new(() => Module.FromText(s_engine.Value, "recursing", RecursingWat));

    private sealed class CallBack : IRecursionHost
    {
        public IRecursionGuest? Guest { get; set; }

        public void Recurse(int remaining) => Guest!.Descend(remaining);
    }

    private static (WasmGuest Guest, IRecursionGuest Api) Create()
    {
        var host = new CallBack();
        var guest = WasmGuest.Builder(s_engine.Value, s_module.Value).Export<IRecursionHost>(host)
            .WithMaximumWasmStack(WasmStack).Instantiate();
        host.Guest = guest.Import<IRecursionGuest>();
        return (guest, host.Guest);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(300)]
    public void A_trap_at_the_bottom_of_a_deep_mutual_recursion_is_one_short_exception_with_the_cause_reachable(int levels)
    {
        var (guest, api) = Create();
        using var _ = guest;

        // Enter(n) calls Recurse(n - 1), which calls Descend(n - 1) ... until Descend(0) traps: n nested calls.
        Exception? thrown = null;
        var thread = new Thread(() => thrown = Record.Exception(() => api.Enter(levels)), 32 * 1024 * 1024);
        thread.Start();
        thread.Join();
        var error = Assert.IsType<WasmHostCallbackException>(thrown);

        Assert.Equal("IRecursionGuest.Enter", error.Method);
        Assert.Equal(levels, error.NestedCalls);
        Assert.Equal("IRecursionGuest.Descend", error.InnermostMethod);
        Assert.True(error.Message.Length < 1_000, $"{error.Message.Length} characters: {error.Message[..Math.Min(2_000, error.Message.Length)]}");
        Assert.Contains($"{levels} nested call", error.Message);
        Assert.Contains("the guest trapped (Unreachable)", error.Message);

        var chain = new List<Exception>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        Assert.True(chain.Count <= 4, $"a chain of {chain.Count} exceptions: " + string.Join(" <- ", chain.ConvertAll(e => e.GetType().Name)));
        var innermost = Assert.IsType<WasmTrapException>(error.InnerException);
        Assert.Equal(TrapCode.Unreachable, innermost.Code);
        Assert.Equal("IRecursionGuest.Descend", innermost.Method);
        Assert.IsType<TrapException>(innermost.InnerException);
        Assert.Same(innermost, guest.PoisonedBy);
    }

    [Fact]
    public void A_host_exception_at_the_bottom_stays_the_inner_exception_with_its_depth()
    {
        var host = new ThrowAtBottom();
        using var guest = WasmGuest.Builder(s_engine.Value, s_module.Value).Export<IRecursionHost>(host)
            .WithMaximumWasmStack(0).Instantiate();
        host.Guest = guest.Import<IRecursionGuest>();

        // Enter(50) calls Recurse(49), which calls Descend(49) ... Descend(2) calls Recurse(1), which throws: 48 nested calls.
        var error = Assert.Throws<WasmHostCallbackException>(() => host.Guest.Enter(50));
        Assert.Equal("IRecursionGuest.Enter", error.Method);
        Assert.Equal(48, error.NestedCalls);
        Assert.Equal("IRecursionGuest.Descend", error.InnermostMethod);
        var cause = Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Equal("remaining", cause.ParamName);
        Assert.True(error.Message.Length < 1_000);
    }

    private sealed class ThrowAtBottom : IRecursionHost
    {
        public IRecursionGuest? Guest { get; set; }

        public void Recurse(int remaining)
        {
            if (remaining == 1)
            {
                // One level above the guest's trap: the innermost failure is this host exception.
                throw new ArgumentOutOfRangeException(nameof(remaining), new string('x', 5_000));
            }

            Guest!.Descend(remaining);
        }
    }
}
