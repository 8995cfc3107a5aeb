using System;
using System.Threading;
using System.Threading.Tasks;
using Wasmtime;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Reliability.RoundTwo;

/// <summary>A guest that only recurses (a WAT module in <see cref="CallStateTests"/>).</summary>
[WasmImport]
public partial interface IDeepRecursion
{
    int Recurse(int depth);
}

/// <summary>
/// Misuse that used to crash or hang the host: Dispose from inside a host callback (SIGSEGV), two threads in one guest
/// (AccessViolationException or SIGSEGV), Dispose from another thread during a call (a hang or a Rust panic), and a
/// guest recursing on a thread with too little native stack (the process aborted with "Stack overflow.").
/// </summary>
public sealed class CallStateTests
{
    [Fact]
    public void Dispose_inside_a_host_callback_is_deferred_until_the_outer_call_returns()
    {
        using var hostile = HostileGuest.Create();
        var api = hostile.Api;
        bool disposedInside = false;
        hostile.Host.DuringVisit = () =>
        {
            hostile.Guest.Dispose();
            disposedInside = hostile.Guest.IsDisposed;
        };

        // The outer call completes normally: its buffer is still rewritten by the host and hashed by the guest.
        ulong hash = api.Visit(1000);
        Assert.NotEqual(0ul, hash);
        Assert.True(disposedInside);

        var error = Assert.Throws<WasmGuestDisposedException>(() => api.CountTo(3));
        Assert.Equal("IHostile.CountTo", error.Method);
        Assert.IsAssignableFrom<ObjectDisposedException>(error);
    }

    [Fact]
    public void A_call_inside_a_host_callback_after_Dispose_there_is_refused()
    {
        using var hostile = HostileGuest.Create();
        var api = hostile.Api;
        Exception? inner = null;
        hostile.Host.DuringVisit = () =>
        {
            hostile.Guest.Dispose();
            try
            {
                api.CountTo(3);
            }
            catch (Exception e)
            {
                inner = e;
            }
        };

        // The nested call is refused before it runs; the outer call, already running, completes with its result.
        Assert.NotEqual(0ul, api.Visit(64));
        var refused = Assert.IsType<WasmGuestDisposedException>(inner);
        Assert.Equal("IHostile.CountTo", refused.Method);
        Assert.Throws<WasmGuestDisposedException>(() => api.CountTo(3));
    }

    [Fact]
    public void A_second_thread_calling_a_busy_guest_gets_a_typed_exception_and_the_first_call_finishes()
    {
        using var hostile = HostileGuest.Create();
        var api = hostile.Api;
        Exception? fromOtherThread = null;
        hostile.Host.DuringVisit = () =>
        {
            var other = new Thread(() =>
            {
                try
                {
                    api.Checksum(new byte[100]);
                }
                catch (Exception e)
                {
                    fromOtherThread = e;
                }
            });
            other.Start();
            other.Join();
        };

        ulong hash = api.Visit(500);
        Assert.NotEqual(0ul, hash);
        var busy = Assert.IsType<WasmConcurrentCallException>(fromOtherThread);
        Assert.Equal("IHostile.Checksum", busy.Method);
        Assert.Equal("IHostile.Visit", busy.RunningMethod);
        Assert.NotEqual(busy.OwnerThread, busy.CallingThread);

        // The guest is unharmed and usable again from any thread once idle.
        ulong fromAnotherThread = 0;
        RunOnThread(1024 * 1024, () => fromAnotherThread = api.Checksum(new byte[100]));
        Assert.Equal(Fnv.Hash64(new byte[100]), fromAnotherThread);
    }

    [Fact]
    public void Many_threads_hammering_one_guest_never_crash_and_every_refusal_is_typed()
    {
        using var hostile = HostileGuest.Create();
        var api = hostile.Api;
        int succeeded = 0, refused = 0;
        var threads = new Thread[4];
        var data = new byte[2048];
        ulong expected = Fnv.Hash64(data);
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 2000; i++)
                {
                    try
                    {
                        Assert.Equal(expected, api.Checksum(data));
                        Interlocked.Increment(ref succeeded);
                    }
                    catch (WasmConcurrentCallException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            });
        }

        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(8000, succeeded + refused);
        Assert.True(succeeded > 0);
        Assert.Equal(expected, api.Checksum(data));
        Assert.Empty(hostile.Scratch.Live);
    }

    [Fact]
    public async Task Dispose_from_another_thread_during_a_call_waits_for_the_call_and_then_disposes()
    {
        using var engine = new Engine(new Config().WithEpochInterruption(true));
        var host = new ReturnsHost();
        using var entered = new ManualResetEventSlim();
        host.OnEntered = entered.Set;
        using var guest = WasmGuest.Builder(engine, Module.FromFile(engine, TestGuests.PathOf("hostile_returns")))
            .Export<IReturnsHost>(host)
            .ConfigureLinker((_, store) => store.SetEpochDeadline(1))
            .Instantiate();
        var api = guest.Import<IHostileReturns>();

        var call = Task.Run(() => Assert.Throws<WasmDeadlineExceededException>(api.EnterThenSpin));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)));
        guest.Dispose(); // returns at once: the call is still running on the other thread
        Assert.True(guest.IsDisposed);
        engine.IncrementEpoch();
        var error = await call;
        Assert.Equal("IHostileReturns.EnterThenSpin", error.Method);
        var refused = Assert.Throws<WasmGuestDisposedException>(() => api.EchoCopy("after"));
        Assert.Equal("IHostileReturns.EchoCopy", refused.Method);
    }

    /// <summary>Recursion that uses only wasm's own stack (no shadow stack in memory): what exhausts the native stack.</summary>
    private const string RecursionWat = """
        (module
          (func $recurse (export "recurse") (param $depth i32) (result i32)
            local.get $depth
            i32.eqz
            if (result i32)
              i32.const 0
            else
              local.get $depth
              i32.const 1
              i32.sub
              call $recurse
              i32.const 1
              i32.add
            end))
        """;

    private static WasmGuest RecursionGuest(Engine engine, ulong? maximumWasmStack = null)
    {
        var builder = WasmGuest.Builder(engine, Module.FromText(engine, "recursion", RecursionWat));
        return (maximumWasmStack is { } bytes ? builder.WithMaximumWasmStack(bytes) : builder).Instantiate();
    }

    [Fact]
    public void Deep_guest_recursion_on_a_thread_with_too_little_stack_is_refused_instead_of_aborting_the_process()
    {
        using var guest = RecursionGuest(TestGuests.MovingEngine);
        var api = guest.Import<IDeepRecursion>();
        Exception? small = null, large = null;
        RunOnThread(TooSmallForTheDefault, () => small = Record(() => api.Recurse(10_000_000)));
        var refused = Assert.IsType<WasmStackTooSmallException>(small);
        Assert.Equal("IDeepRecursion.Recurse", refused.Method);
        Assert.True(refused.Available < refused.Required);
        Assert.False(guest.IsPoisoned); // nothing ran

        RunOnThread(4 * 1024 * 1024, () => large = Record(() => api.Recurse(10_000_000)));
        var trap = Assert.IsType<WasmTrapException>(large);
        Assert.Equal(TrapCode.StackOverflow, trap.Code);

        static Exception? Record(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }
    }

    [Fact]
    public void A_guest_told_of_a_smaller_wasm_stack_runs_on_a_thread_that_has_room_for_it()
    {
        using var engine = new Engine(new Config().WithMaximumStackSize(128 * 1024));
        using var guest = RecursionGuest(engine, maximumWasmStack: 128 * 1024);
        var api = guest.Import<IDeepRecursion>();
        int result = 0;
        RunOnThread(512 * 1024, () => result = api.Recurse(1000));
        Assert.Equal(1000, result);

        // Told nothing, the same thread is refused: the default assumes Wasmtime's 512 KiB.
        using var unconfigured = RecursionGuest(engine);
        Exception? refused = null;
        RunOnThread(TooSmallForTheDefault, () =>
        {
            try
            {
                unconfigured.Import<IDeepRecursion>().Recurse(1);
            }
            catch (Exception e)
            {
                refused = e;
            }
        });
        Assert.IsType<WasmStackTooSmallException>(refused);
    }

    /// <summary>
    /// A thread stack that stays below the 640 KiB the default needs (512 KiB of wasm stack plus the host reserve) even
    /// when glibc hands the new thread a cached stack of a dead thread instead of a new one: it reuses one up to four
    /// times the requested size, so a 512 KiB request sometimes got a 1.5 MiB stack and (rightly) ran the guest.
    /// </summary>
    private const int TooSmallForTheDefault = 160 * 1024;

    private static void RunOnThread(int stackSize, Action action)
    {
        var thread = new Thread(() => action(), stackSize);
        thread.Start();
        thread.Join();
    }
}
