using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Wasmtime;
using WasmMarshal.Hosting;
using WasmMarshal.Pooling;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Hosting;

public sealed class FreshPoolTests
{
    static FreshPoolTests() => TemplateLogOnce.Register();

    private static WasmGuestTemplate StatefulTemplate(Engine engine, out Module module)
    {
        module = Module.FromText(engine, "stateful", StatefulGuest.Wat);
        return WasmGuest.Builder(engine, module).Export<ITemplateLogOnce>(new TemplateLog()).Prepare();
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the pool's background worker did not catch up");
            Thread.Sleep(1);
        }
    }

    /// <summary>Leaves state behind in every place a guest keeps it: a global, memory, a data segment.</summary>
    private static void Dirty(IStatefulGuest state)
    {
        state.Bump();
        state.Bump();
        state.Poke(4096, 0x5A5A5A5A);
        state.Poke(StatefulGuest.SeedAddress, -1);
    }

    [Fact]
    public void A_fresh_lease_never_sees_the_previous_leases_memory_or_globals()
    {
        using var engine = WasmEngines.ForPlugins(new PluginEngineOptions { MaxInstances = 8 });
        using var template = StatefulTemplate(engine, out var module);
        using var pool = WasmGuestPool.FreshPerLease(template, maxSize: 1, ready: 2);
        Assert.Equal(WasmGuestPoolMode.FreshPerLease, pool.Mode);
        WasmGuest? previous = null;
        for (int lease = 0; lease < 10; lease++)
        {
            using var rented = pool.Rent();
            Assert.NotSame(previous, rented.Guest);
            var state = rented.Import<IStatefulGuest>();
            Assert.Equal(1, state.Bump());
            Assert.Equal(0, state.Peek(4096));
            Assert.Equal(StatefulGuest.Seed, state.Peek(StatefulGuest.SeedAddress));
            Dirty(state);
            previous = rented.Guest;
        }

        module.Dispose();
    }

    [Fact]
    public void A_reused_lease_does_see_the_previous_leases_state()
    {
        // The contrast that shows the fresh test can fail: reuse carries state from one lease into the next.
        using var template = StatefulTemplate(TestGuests.MovingEngine, out var module);
        using var pool = new WasmGuestPool(template, maxSize: 1);
        Assert.Equal(WasmGuestPoolMode.Reuse, pool.Mode);
        using (var first = pool.Rent())
        {
            Dirty(first.Import<IStatefulGuest>());
        }

        using (var second = pool.Rent())
        {
            var state = second.Import<IStatefulGuest>();
            Assert.Equal(3, state.Bump());
            Assert.Equal(0x5A5A5A5A, state.Peek(4096));
        }

        module.Dispose();
    }

    [Fact]
    public void Fresh_instances_are_made_ahead_so_renting_does_not_instantiate()
    {
        using var template = StatefulTemplate(TestGuests.MovingEngine, out var module);
        using var pool = WasmGuestPool.FreshPerLease(template, maxSize: 2, ready: 3);
        WaitUntil(() => pool.IdleCount == 3);
        for (int i = 0; i < 20; i++)
        {
            WaitUntil(() => pool.IdleCount == 3); // a host that rents no faster than the worker makes them
            using var lease = pool.Rent();
            Assert.Equal(1, lease.Import<IStatefulGuest>().Bump());
        }

        Assert.Equal(0, pool.MadeOnRent);
        // The 20 returned instances were disposed and 3 ready ones remain. (Count alone can read 3 too early: two
        // ready ones and the last returned one, not yet disposed, before the worker has made the 23rd.)
        WaitUntil(() => pool.Count == 3 && pool.IdleCount == 3);
        Assert.Equal(23, pool.Created);
        module.Dispose();
    }

    [Fact]
    public void Leases_that_outrun_the_worker_still_get_fresh_instances()
    {
        using var engine = WasmEngines.ForPlugins(new PluginEngineOptions { MaxInstances = 16 });
        using var template = StatefulTemplate(engine, out var module);
        using var pool = WasmGuestPool.FreshPerLease(template, maxSize: 4, ready: 1);
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            using var lease = pool.Rent();
            var state = lease.Import<IStatefulGuest>();
            Assert.Equal(1, state.Bump());
            Assert.Equal(0, state.Peek(4096));
            Dirty(state);
        });

        Assert.True(pool.Created >= 200);
        pool.Dispose();
        WaitUntil(() => pool.Count == 0); // every instance is disposed once the worker drains
        module.Dispose();
    }

    [Fact]
    public void Prebound_interfaces_are_bound_before_the_lease_and_fresh_for_each()
    {
        using var template = StatefulTemplate(TestGuests.MovingEngine, out var module);
        using var pool = WasmGuestPool.FreshPerLease(template, maxSize: 1, ready: 0).Prebind<IStatefulGuest>();
        IStatefulGuest? previous = null;
        for (int i = 0; i < 5; i++)
        {
            using var lease = pool.Rent();
            var state = lease.Import<IStatefulGuest>();
            Assert.NotSame(previous, state);
            Assert.Equal(1, state.Bump());
            previous = state;
        }

        module.Dispose();
    }

    [Fact]
    public void A_prebound_interface_the_module_lacks_fails_the_rent_with_the_binding_error()
    {
        using var template = StatefulTemplate(TestGuests.MovingEngine, out var module);
        using var pool = WasmGuestPool.FreshPerLease(template, maxSize: 1, ready: 0).Prebind<ITemplateQuickStart>();
        var error = Assert.Throws<WasmBindingException>(() => pool.Rent());
        Assert.Contains("ITemplateQuickStart", error.Message);
        Assert.Equal(0, pool.Count);
        Assert.Equal(0, pool.RentedCount);
        module.Dispose();
    }

    [Fact]
    public void A_warm_up_runs_on_every_instance_before_its_lease()
    {
        using var template = StatefulTemplate(TestGuests.MovingEngine, out var module);
        int warmed = 0;
        using var pool = WasmGuestPool.FreshPerLease(template, maxSize: 1, ready: 0)
            .Prebind<IStatefulGuest>()
            .WarmWith(guest =>
            {
                Interlocked.Increment(ref warmed);
                guest.Import<IStatefulGuest>().Poke(8, 1234);
            });
        for (int i = 1; i <= 3; i++)
        {
            using var lease = pool.Rent();
            Assert.Equal(i, Volatile.Read(ref warmed));
            var state = lease.Import<IStatefulGuest>();
            Assert.Equal(1234, state.Peek(8)); // what the warm-up left, not what the previous lease did
            Assert.Equal(1, state.Bump());
            state.Poke(8, -i);
        }

        module.Dispose();
    }
}
